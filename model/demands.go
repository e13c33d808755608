package model

import (
	"charm.land/bubbles/v2/key"
	tea "charm.land/bubbletea/v2"
	"github.com/parley-dev/parley/data"
	"github.com/parley-dev/parley/views"
)

// Which half of the Demands screen has the focus.
type demandsPane int

const (
	demandsList demandsPane = iota
	demandsThread
)

// Demands lists who asked whom for what, beside the thread of the chosen
// demand: its evidence, then every addressee's answer or its silence.
type Demands struct {
	frame

	sel        int // the chosen demand
	listOffset int
	focus      demandsPane
	thread     scroller

	// Derived by layout. Side by side both panes are the body's height; in
	// plain mode the list is above the thread.
	listPane, threadPane views.Rect
	list, threadContent  *views.Content
}

func NewDemands(d *data.Dossier, keys *keyMap, theme *views.Theme) *Demands {
	m := &Demands{frame: newFrame(d, keys, theme), thread: scroller{sel: -1}}
	m.relayout = m.layout
	return m
}

func (m *Demands) Title() string { return "Demands" }

func (m *Demands) MinSize() (int, int) {
	if m.theme.Accessible {
		return 40, 9
	}
	return 56, 9
}

// layout splits the width (the list a third, within bounds), renders both
// panes' content and clamps the reading positions; idempotent.
func (m *Demands) layout() {
	if m.theme.Accessible {
		m.layoutPlain()
		return
	}
	listW := min(max(m.width/3, 26), 48)
	if listW > m.width/2 {
		listW = m.width / 2
	}
	m.listPane = views.Rect{W: listW, H: m.height}
	m.threadPane = views.Rect{X: listW, W: m.width - listW, H: m.height}
	m.list = views.DemandList(m.d, m.sel, views.PaneInner(m.listPane.W), m.theme)
	m.threadContent = views.DemandThread(m.d, m.demand(), views.PaneInner(m.threadPane.W), m.theme)
	m.clamp()
}

// clamp keeps the reading positions of both panes valid after a layout.
func (m *Demands) clamp() {
	if m.thread.sel < 0 && len(m.threadContent.Blocks) > 0 {
		m.thread.sel = 0
	}
	m.thread.clamp(m.threadContent, views.PaneRows(m.threadPane.H))
	m.showSelected()
}

func (m *Demands) demand() *data.Demand {
	if m.sel < 0 || m.sel >= len(m.d.Demands) {
		return nil
	}
	return m.d.Demands[m.sel]
}

// showSelected scrolls the list so the chosen demand is in view.
func (m *Demands) showSelected() {
	rows := views.PaneRows(m.listPane.H)
	if m.sel < len(m.list.Blocks) {
		b := m.list.Blocks[m.sel]
		if b.Start < m.listOffset {
			m.listOffset = b.Start
		}
		if b.End > m.listOffset+rows {
			m.listOffset = b.End - rows
		}
	}
	m.listOffset = views.ClampOffset(m.listOffset, len(m.list.Lines), rows)
}

func (m *Demands) choose(i int) {
	i = max(min(i, len(m.d.Demands)-1), 0)
	if i == m.sel {
		return
	}
	m.sel = i
	m.thread = scroller{sel: -1}
	m.layout()
}

func (m *Demands) Update(msg tea.Msg) tea.Cmd {
	k := m.keys
	rows, listRows := views.PaneRows(m.threadPane.H), views.PaneRows(m.listPane.H)
	page := max(listRows/m.itemHeight(), 1)
	switch msg := msg.(type) {
	case tea.KeyPressMsg:
		switch {
		case key.Matches(msg, k.NextPane), key.Matches(msg, k.PrevPane):
			m.focus = 1 - m.focus
		case key.Matches(msg, k.PrevTopic):
			m.focus = demandsList
		case key.Matches(msg, k.NextTopic):
			m.focus = demandsThread
		case key.Matches(msg, k.Add):
			return m.openForm(demandForm(m.ws, m.d, nil, nil))
		case key.Matches(msg, k.Edit):
			if dm := m.demand(); dm != nil {
				return m.openForm(demandForm(m.ws, m.d, dm, nil))
			}
		case key.Matches(msg, k.Respond):
			if dm := m.demand(); dm != nil {
				return m.openForm(responseForm(m.ws, m.d, dm, nil))
			}
		case m.focus == demandsList:
			switch {
			case key.Matches(msg, k.Down):
				m.choose(m.sel + 1)
			case key.Matches(msg, k.Up):
				m.choose(m.sel - 1)
			case key.Matches(msg, k.PageDown):
				m.choose(m.sel + page)
			case key.Matches(msg, k.PageUp):
				m.choose(m.sel - page)
			case key.Matches(msg, k.Top):
				m.choose(0)
			case key.Matches(msg, k.Bottom):
				m.choose(len(m.d.Demands) - 1)
			case key.Matches(msg, k.Open):
				m.focus = demandsThread
			}
		case m.thread.navigate(k, keyName(msg.String()), m.threadContent, rows):
		case key.Matches(msg, k.Open):
			return m.open()
		case key.Matches(msg, k.Copy):
			if c := m.threadContent; m.thread.sel >= 0 && m.thread.sel < len(c.Blocks) {
				return copyStatement(m.d, c.Blocks[m.thread.sel].Statement)
			}
		}
	case tea.MouseClickMsg:
		return m.click(msg.X, msg.Y)
	case tea.MouseWheelMsg:
		switch {
		case m.listPane.Contains(msg.X, msg.Y):
			m.focus = demandsList
			n := 3
			if msg.Button == tea.MouseWheelUp {
				n = -3
			} else if msg.Button != tea.MouseWheelDown {
				return nil
			}
			m.listOffset = views.ClampOffset(m.listOffset+n, len(m.list.Lines), listRows)
		case m.threadPane.Contains(msg.X, msg.Y):
			m.focus = demandsThread
			m.thread.wheel(msg, m.threadContent, rows)
		}
	}
	return nil
}

func (m *Demands) open() tea.Cmd {
	if m.thread.sel < 0 || m.thread.sel >= len(m.threadContent.Blocks) {
		return nil
	}
	if s := m.threadContent.Blocks[m.thread.sel].Statement; s != nil {
		return openStatement(s.ID)
	}
	return nil
}

func (m *Demands) click(x, y int) tea.Cmd {
	if line, ok := views.PaneLine(m.listPane, m.listOffset, x, y); ok {
		m.focus = demandsList
		if b := m.list.BlockAt(line); b >= 0 {
			m.choose(b)
		}
		return nil
	}
	line, ok := views.PaneLine(m.threadPane, m.thread.offset, x, y)
	if !ok {
		return nil
	}
	m.focus = demandsThread
	b := m.threadContent.BlockAt(line)
	switch {
	case b < 0:
	case b == m.thread.sel:
		return m.open()
	default:
		m.thread.sel = b
	}
	return nil
}

func (m *Demands) View() string {
	t := m.theme
	if t.Accessible {
		return m.viewPlain()
	}
	list := t.Render(views.Pane{
		Title: "Demands", Content: m.list, Offset: m.listOffset,
		Focused: m.focus == demandsList, Mark: m.sel, Width: m.listPane.W, Height: m.listPane.H,
	})
	mark := -1
	if m.focus == demandsThread {
		mark = m.thread.sel
	}
	title := "Thread"
	if dm := m.demand(); dm != nil {
		title = views.Route(m.d, dm)
	}
	thread := t.Render(views.Pane{
		Title: title, Content: m.threadContent, Offset: m.thread.offset,
		Focused: m.focus == demandsThread, Mark: mark, Width: m.threadPane.W, Height: m.threadPane.H,
	})
	return views.Rows(views.JoinColumns(list, thread), m.width, m.height)
}

func (m *Demands) ShortHelp() []key.Binding {
	k := m.keys
	b := []key.Binding{k.Up, k.Down, k.NextPane, k.Open}
	if m.editable() {
		b = append(b, relabel(k.Add, "add a demand"), relabel(k.Edit, "edit the demand"), k.Respond)
	}
	return b
}

func (m *Demands) FullHelp() [][]key.Binding {
	k := m.keys
	g := [][]key.Binding{
		{k.MoveHelp, k.PageHelp, k.EndsHelp},
		{k.PaneHelp, k.SidesHelp, k.Open, k.Copy},
	}
	if m.editable() {
		g = append(g, []key.Binding{relabel(k.Add, "add a demand"), relabel(k.Edit, "edit the demand"), k.Respond})
	}
	return g
}

// ExportMarkdown is the chosen demand's thread.
func (m *Demands) ExportMarkdown() (string, func() []byte, bool) {
	dm := m.demand()
	if dm == nil {
		return "", nil, false
	}
	d := m.d
	return "demand-" + dm.ID, func() []byte { return views.DemandMarkdown(d, dm) }, true
}
