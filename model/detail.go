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
	frame
	s *data.Statement

	scr     scroller // no blocks: it scrolls by lines
	content *views.Content
}

func NewDetail(d *data.Dossier, keys *keyMap, theme *views.Theme, s *data.Statement) *Detail {
	m := &Detail{frame: newFrame(d, keys, theme), s: s, scr: scroller{sel: -1}}
	m.relayout = m.layout
	return m
}

func (m *Detail) Title() string { return "Statement" }

func (m *Detail) MinSize() (int, int) { return 40, 9 }

func (m *Detail) layout() {
	m.content = views.DetailContent(m.d, m.s, m.theme.Inner(m.width), m.theme)
	m.scr.clamp(m.content, views.PaneRows(m.height))
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
			return msgCmd(ShowInSourceMsg{ID: m.s.ID})
		case key.Matches(msg, k.Edit):
			return m.openForm(statementForm(m.ws, m.d, m.s))
		case key.Matches(msg, k.Actor):
			return m.openActorForm(m.s)
		case key.Matches(msg, k.Add):
			return m.openForm(demandForm(m.ws, m.d, nil, m.s))
		case key.Matches(msg, k.Respond):
			if len(m.d.Demands) == 0 {
				return flash("no demands to answer yet: + makes one of this statement")
			}
			return m.openForm(responseForm(m.ws, m.d, nil, m.s))
		default:
			m.scr.navigate(k, keyName(msg.String()), m.content, rows)
		}
	case tea.MouseWheelMsg:
		m.scr.wheel(msg, m.content, rows)
	}
	return nil
}

func (m *Detail) View() string {
	title := "Statement"
	switch p := m.d.Party(m.s.Party); {
	case m.s.Kind == data.KindAccount:
		// The source speaking, never a party.
		title = "Account · " + m.d.Speaker(m.s)
		if m.theme.Accessible {
			title = "Account by " + m.d.Speaker(m.s)
		}
	case p != nil && m.theme.Accessible:
		title += " by " + p.Name
	case p != nil:
		title += " · " + p.Label()
	}
	return m.theme.Render(views.Pane{
		Title: title, Content: m.content, Offset: m.scr.offset, Focused: true,
		Mark: -1, Width: m.width, Height: m.height,
	})
}

func (m *Detail) ShortHelp() []key.Binding {
	k := m.keys
	b := []key.Binding{k.Back, k.Copy, k.ShowInSource, k.Down, k.Up}
	if m.editable() {
		b = append(b, m.editKeys()...)
	}
	return b
}

func (m *Detail) FullHelp() [][]key.Binding {
	k := m.keys
	g := [][]key.Binding{{k.Back, k.Copy, k.ShowInSource}, {k.MoveHelp, k.PageHelp, k.EndsHelp}}
	if m.editable() {
		g = append(g, m.editKeys())
	}
	return g
}

func (m *Detail) editKeys() []key.Binding {
	k := m.keys
	return []key.Binding{relabel(k.Edit, "edit the statement"), k.Actor, relabel(k.Add, "a demand from it"), relabel(k.Respond, "a response from it")}
}

// ExportMarkdown is the statement in full.
func (m *Detail) ExportMarkdown() (string, func() []byte, bool) {
	d, st := m.d, m.s
	return "statement-" + st.ID, func() []byte { return views.StatementMarkdown(d, st) }, true
}

// copyStatement puts a statement and its attribution on the clipboard
// (OSC 52) and says so in the footer.
func copyStatement(d *data.Dossier, s *data.Statement) tea.Cmd {
	if s == nil {
		return nil
	}
	return tea.Batch(tea.SetClipboard(views.CopyText(d, s)), flash("copied the statement with its attribution"))
}
