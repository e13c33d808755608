package model

import (
	"charm.land/bubbles/v2/key"
	tea "charm.land/bubbletea/v2"
	"github.com/parley-dev/parley/data"
	"github.com/parley-dev/parley/views"
)

// Detail is one statement in full, over the screen it was opened from:
// its words, who said them and when, where in the source, and the source
// paragraph with the statement highlighted.
type Detail struct {
	d     *data.Dossier
	keys  *keyMap
	theme *views.Theme
	s     *data.Statement

	width, height int
	offset        int
	content       *views.Content
}

// ShowInSourceMsg asks the root to show a statement where it stands in
// its source, on the Source tab.
type ShowInSourceMsg struct{ ID string }

func NewDetail(d *data.Dossier, keys *keyMap, theme *views.Theme, s *data.Statement) *Detail {
	return &Detail{d: d, keys: keys, theme: theme, s: s}
}

func (m *Detail) Title() string { return "Statement" }

func (m *Detail) MinSize() (int, int) { return 40, 9 }

func (m *Detail) SetSize(w, h int) {
	m.width, m.height = w, h
	m.layout()
}

func (m *Detail) SetTheme(t *views.Theme) {
	m.theme = t
	m.layout()
}

func (m *Detail) layout() {
	m.content = views.DetailContent(m.d, m.s, m.theme.Inner(m.width), m.theme)
	m.offset = views.ClampOffset(m.offset, len(m.content.Lines), views.PaneRows(m.height))
}

func (m *Detail) scroll(n int) {
	m.offset = views.ClampOffset(m.offset+n, len(m.content.Lines), views.PaneRows(m.height))
}

func (m *Detail) Update(msg tea.Msg) tea.Cmd {
	k := m.keys
	rows := views.PaneRows(m.height)
	switch msg := msg.(type) {
	case tea.KeyPressMsg:
		switch {
		case key.Matches(msg, k.Copy):
			return copyStatement(m.d, m.s)
		case key.Matches(msg, k.ShowInSource):
			id := m.s.ID
			return func() tea.Msg { return ShowInSourceMsg{ID: id} }
		case key.Matches(msg, k.Down):
			m.scroll(1)
		case key.Matches(msg, k.Up):
			m.scroll(-1)
		case key.Matches(msg, k.PageDown):
			m.scroll(max(rows-1, 1))
		case key.Matches(msg, k.PageUp):
			m.scroll(-max(rows-1, 1))
		case key.Matches(msg, k.Top):
			m.offset = 0
		case key.Matches(msg, k.Bottom):
			m.scroll(len(m.content.Lines))
		}
	case tea.MouseWheelMsg:
		switch msg.Button {
		case tea.MouseWheelUp:
			m.scroll(-3)
		case tea.MouseWheelDown:
			m.scroll(3)
		}
	}
	return nil
}

func (m *Detail) View() string {
	title := "Statement"
	if p := m.d.Party(m.s.Party); p != nil {
		if m.theme.Accessible {
			title += " by " + p.Name
		} else {
			title += " · " + p.Label()
		}
	}
	return m.theme.Render(views.Pane{
		Title: title, Content: m.content, Offset: m.offset, Focused: true,
		Mark: -1, Width: m.width, Height: m.height,
	})
}

func (m *Detail) ShortHelp() []key.Binding {
	k := m.keys
	return []key.Binding{k.Back, k.Copy, k.ShowInSource, k.Down, k.Up}
}

func (m *Detail) FullHelp() [][]key.Binding {
	k := m.keys
	return [][]key.Binding{{k.Back, k.Copy, k.ShowInSource}, {k.MoveHelp, k.PageHelp, k.EndsHelp}}
}

// copyStatement puts a statement and its attribution on the clipboard
// (OSC 52) and says so in the footer.
func copyStatement(d *data.Dossier, s *data.Statement) tea.Cmd {
	if s == nil {
		return nil
	}
	return tea.Batch(tea.SetClipboard(views.CopyText(d, s)), flash("copied the statement with its attribution"))
}
