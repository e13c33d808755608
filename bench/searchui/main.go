// Command searchui runs the Quotes search screen on its own, full screen,
// to try it by hand before the explorer routes `/` to it:
//
//	go run ./bench/searchui [DOSSIER]
//
// With no dossier it opens the embedded Geneva one. A large dossier is
// opened with its search cache; the screen shows indexing progress when
// the index has to be built. enter shows the chosen statement's id and
// quits; esc quits.
package main

import (
	"fmt"
	"os"

	tea "charm.land/bubbletea/v2"
	"github.com/parley-dev/parley/data"
	"github.com/parley-dev/parley/data/search"
	"github.com/parley-dev/parley/model"
	"github.com/parley-dev/parley/views"
)

type app struct {
	s      *model.Search
	opened string
}

func (a *app) Init() tea.Cmd { return a.s.Focus() }

func (a *app) Update(msg tea.Msg) (tea.Model, tea.Cmd) {
	switch msg := msg.(type) {
	case tea.WindowSizeMsg:
		a.s.SetSize(msg.Width, msg.Height)
		return a, nil
	case model.OpenStatementMsg:
		a.opened = msg.ID
		return a, tea.Quit
	case model.GoBackMsg:
		return a, tea.Quit
	case tea.KeyPressMsg:
		if msg.String() == "ctrl+c" {
			return a, tea.Quit
		}
	}
	return a, a.s.Update(msg)
}

func (a *app) View() tea.View {
	v := tea.NewView(a.s.View())
	v.AltScreen = true
	return v
}

func main() {
	var d *data.Dossier
	var ix *search.Index
	var err error
	if len(os.Args) > 1 {
		d, _, ix, err = search.LoadIndexed(os.Args[1], func(stage search.LoadStage, done, total int) {
			fmt.Fprintf(os.Stderr, "\r%s %d/%d   ", stage, done, total)
		})
		fmt.Fprintln(os.Stderr)
	} else {
		d, err = data.Geneva()
		if err == nil {
			ix = search.New(d)
		}
	}
	if err != nil {
		fmt.Fprintln(os.Stderr, err)
		os.Exit(1)
	}
	a := &app{s: model.NewSearchScreen(d, ix, views.NewTheme(d, true, os.Getenv("NO_COLOR") != ""))}
	if _, err := tea.NewProgram(a).Run(); err != nil {
		fmt.Fprintln(os.Stderr, err)
		os.Exit(1)
	}
	if a.opened != "" {
		s := d.Statement(a.opened)
		fmt.Println(views.CopyText(d, s))
	}
}
