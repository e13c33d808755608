package model

import (
	"charm.land/bubbles/v2/key"
	tea "charm.land/bubbletea/v2"
	"github.com/parley-dev/parley/data"
	"github.com/parley-dev/parley/views"
)

// Timeline is the events and dated statements in date order, grouped by
// day; an expected event says so. enter opens a statement, or an event's
// first evidence.
type Timeline struct {
	d     *data.Dossier
	keys  *keyMap
	theme *views.Theme

	width, height int
	scr           scroller

	// Derived by layout.
	content  *views.Content
	contentW int
}

func NewTimeline(d *data.Dossier, keys *keyMap, theme *views.Theme) *Timeline {
	return &Timeline{d: d, keys: keys, theme: theme, scr: scroller{sel: -1}}
}

func (m *Timeline) Title() string { return "Timeline" }

func (m *Timeline) MinSize() (int, int) { return 40, 6 }

func (m *Timeline) SetSize(w, h int) {
	m.width, m.height = w, h
	m.layout()
}

func (m *Timeline) SetTheme(t *views.Theme) {
	m.theme = t
	m.content = nil
	m.layout()
}

// layout lays the timeline out again when the width changed and clamps
// the reading position; idempotent.
func (m *Timeline) layout() {
	if w := views.PaneInner(m.width); m.content == nil || w != m.contentW {
		m.content, m.contentW = views.TimelineContent(m.d, w, m.theme), w
	}
	if m.scr.sel < 0 && len(m.content.Blocks) > 0 {
		m.scr.sel = 0
	}
	m.scr.clamp(m.content, views.PaneRows(m.height))
}

func (m *Timeline) open() tea.Cmd {
	if m.scr.sel < 0 {
		return nil
	}
	if s := m.content.Blocks[m.scr.sel].Statement; s != nil {
		return openStatement(s.ID)
	}
	return flash("this event cites no statement")
}

func (m *Timeline) Update(msg tea.Msg) tea.Cmd {
	k, c := m.keys, m.content
	rows := views.PaneRows(m.height)
	switch msg := msg.(type) {
	case tea.KeyPressMsg:
		if key.Matches(msg, k.Open) {
			return m.open()
		}
		m.scr.navigate(k, msg, c, rows)
	case tea.MouseWheelMsg:
		m.scr.wheel(msg, c, rows)
	case tea.MouseClickMsg:
		b := c.BlockAt(msg.Y - 1 + m.scr.offset)
		switch {
		case msg.Y < 1 || msg.Y > rows || b < 0:
		case b == m.scr.sel:
			return m.open()
		default:
			m.scr.sel = b
		}
	}
	return nil
}

func (m *Timeline) View() string {
	return m.theme.Render(views.Pane{
		Title: "Timeline", Content: m.content, Offset: m.scr.offset, Focused: true,
		Mark: m.scr.sel, Width: m.width, Height: m.height,
	})
}

func (m *Timeline) ShortHelp() []key.Binding {
	k := m.keys
	return []key.Binding{k.Down, k.Up, k.Open}
}

func (m *Timeline) FullHelp() [][]key.Binding {
	k := m.keys
	return [][]key.Binding{{k.MoveHelp, k.PageHelp, k.EndsHelp}, {k.Open}}
}

// navigate moves the reading position by the movement keys; it reports
// whether the key was one of them.
func (s *scroller) navigate(k *keyMap, msg tea.KeyPressMsg, c *views.Content, rows int) bool {
	switch {
	case key.Matches(msg, k.Down):
		s.down(c, rows)
	case key.Matches(msg, k.Up):
		s.up(c, rows)
	case key.Matches(msg, k.PageDown):
		s.scroll(c, max(rows-1, 1), rows)
	case key.Matches(msg, k.PageUp):
		s.scroll(c, -max(rows-1, 1), rows)
	case key.Matches(msg, k.Top):
		s.top(c, rows)
	case key.Matches(msg, k.Bottom):
		s.bottom(c, rows)
	default:
		return false
	}
	return true
}

// wheel scrolls three lines a notch.
func (s *scroller) wheel(msg tea.MouseWheelMsg, c *views.Content, rows int) {
	switch msg.Button {
	case tea.MouseWheelUp:
		s.scroll(c, -3, rows)
	case tea.MouseWheelDown:
		s.scroll(c, 3, rows)
	}
}
