package model

import (
	"strings"
	"testing"

	tea "charm.land/bubbletea/v2"
	"github.com/charmbracelet/x/ansi"
	"github.com/parley-dev/parley/data"
)

func geneva(tb testing.TB) *data.Dossier {
	tb.Helper()
	d, _, err := data.LoadEmbedded()
	if err != nil {
		tb.Fatalf("loading the embedded dossier: %v", err)
	}
	return d
}

func fiveParties(tb testing.TB) *data.Dossier {
	tb.Helper()
	d, _, err := data.Load("../testdata/five-parties.yaml")
	if err != nil {
		tb.Fatalf("loading five-parties.yaml: %v", err)
	}
	return d
}

// start builds the explorer at a size, sending the size twice as a real
// program (and teatest) does.
func start(tb testing.TB, d *data.Dossier, w, h int, opts Options) *Root {
	tb.Helper()
	m := New(d, opts)
	m.Init()
	resize(m, w, h)
	resize(m, w, h)
	return m
}

func resize(m *Root, w, h int) {
	m.Update(tea.WindowSizeMsg{Width: w, Height: h})
}

// keyMsg turns a key name as help spells it ("enter", "shift+tab", "j")
// into the message the terminal would send.
func keyMsg(name string) tea.KeyPressMsg {
	special := map[string]rune{
		"enter": tea.KeyEnter, "tab": tea.KeyTab, "esc": tea.KeyEscape, "space": tea.KeySpace,
		"up": tea.KeyUp, "down": tea.KeyDown, "left": tea.KeyLeft, "right": tea.KeyRight,
		"pgup": tea.KeyPgUp, "pgdown": tea.KeyPgDown, "home": tea.KeyHome, "end": tea.KeyEnd,
		"backspace": tea.KeyBackspace,
	}
	var mod tea.KeyMod
	base := name
	for again := true; again; {
		again = false
		for _, pm := range []struct {
			prefix string
			mod    tea.KeyMod
		}{{"shift+", tea.ModShift}, {"ctrl+", tea.ModCtrl}, {"alt+", tea.ModAlt}} {
			if rest, ok := strings.CutPrefix(base, pm.prefix); ok {
				mod, base, again = mod|pm.mod, rest, true
			}
		}
	}
	if r, ok := special[base]; ok {
		k := tea.KeyPressMsg{Code: r, Mod: mod}
		if r == tea.KeySpace {
			k.Text = " "
		}
		return k
	}
	r := []rune(base)[0]
	if mod == 0 {
		return tea.KeyPressMsg{Code: r, Text: base}
	}
	return tea.KeyPressMsg{Code: r, Mod: mod}
}

// press sends keys one by one and runs the commands they return, as the
// program would (one level deep: enough for the messages screens send).
func press(m *Root, keys ...string) {
	for _, k := range keys {
		send(m, keyMsg(k))
	}
}

func send(m *Root, msg tea.Msg) tea.Cmd {
	_, cmd := m.Update(msg)
	runCmd(m, cmd)
	return cmd
}

func runCmd(m *Root, cmd tea.Cmd) {
	if cmd == nil {
		return
	}
	msg := cmd()
	switch msg := msg.(type) {
	case tea.BatchMsg:
		for _, c := range msg {
			runCmd(m, c)
		}
	case OpenStatementMsg, FlashMsg, PartiesChosenMsg, GoBackMsg, ShowInSourceMsg:
		runCmd(m, send1(m, msg))
	}
}

func send1(m *Root, msg tea.Msg) tea.Cmd {
	_, cmd := m.Update(msg)
	return cmd
}

// screen is what the terminal shows, without styling.
func screen(m *Root) string {
	return ansi.Strip(m.View().Content)
}

func widthOf(s string) int { return ansi.StringWidth(s) }
