package model

import (
	"fmt"

	"charm.land/bubbles/v2/key"
	tea "charm.land/bubbletea/v2"
	"github.com/parley-dev/parley/data"
	"github.com/parley-dev/parley/views"
)

// Timeline is the events and dated statements in date order, grouped by
// day; an expected event says so. enter opens a statement, or an event's
// first evidence.
//
// The items are sorted once, and laid out only where the screen shows
// them: the reading position is an item and a line in it (the day's
// heading counts as the item's first lines), so a resize, a theme or a
// move costs the lines on screen, whatever the length of the timeline.
// Moving down selects the next item and scrolls just enough to show it;
// an item taller than the pane is scrolled through line by line first;
// past the last item the pane scrolls on to the end. Page keys and the
// wheel scroll, and the selection follows to an item in view.
type Timeline struct {
	frame

	items   []views.TimelineItem // sorted on the first layout
	undated int
	sorted  bool
	top     vpos // the first line shown
	sel     int  // the selected item; -1 when there is none

	// Derived by layout: the units laid out at layW, those laid out kept.
	lay   *views.TimelineLayout
	layW  int
	cache map[int]views.TimelineUnit
}

// unitCache is how many laid-out units a long screen keeps before it
// starts again: a few screens' worth.
const unitCache = 4096

func NewTimeline(d *data.Dossier, keys *keyMap, theme *views.Theme) *Timeline {
	m := &Timeline{frame: newFrame(d, keys, theme), sel: -1}
	m.relayout = m.layout
	return m
}

func (m *Timeline) Title() string { return "Timeline" }

func (m *Timeline) MinSize() (int, int) { return 40, 6 }

// SetTheme takes the theme; a timeline never shown yet is left to its
// first SetSize (the root gives every screen the theme the terminal's
// background asks for, at start).
func (m *Timeline) SetTheme(t *views.Theme) {
	m.theme = t
	m.lay = nil
	if m.sorted {
		m.layout()
	}
}

func (m *Timeline) rows() int { return views.PaneRows(m.height) }

// layout sorts the items the first time, starts laying them out again
// when the width or theme changed, and clamps the reading position,
// keeping the selected item in view; idempotent.
func (m *Timeline) layout() {
	if !m.sorted {
		m.items, m.undated = views.TimelineItems(m.d)
		m.sorted = true
	}
	if w := views.PaneInner(m.width); m.lay == nil || w != m.layW {
		m.lay, m.layW = views.NewTimelineLayout(m.d, m.items, m.undated, w, m.theme), w
		clear(m.cache)
	}
	if m.sel < 0 && len(m.items) > 0 {
		m.sel = 0
	}
	rows := m.rows()
	m.clamp(rows)
	if m.sel >= 0 && rows > 0 && !m.visible(m.sel, rows) {
		s, _ := m.span(m.sel, rows)
		m.show(rows, s >= rows)
		m.clamp(rows)
	}
}

func (m *Timeline) unitCount() int { return m.lay.Units() }

func (m *Timeline) unit(i int) views.TimelineUnit {
	u, ok := m.cache[i]
	if !ok {
		if m.cache == nil || len(m.cache) >= unitCache {
			m.cache = make(map[int]views.TimelineUnit, 64)
		}
		u = m.lay.Unit(i)
		m.cache[i] = u
	}
	return u
}

func (m *Timeline) unitLines(i int) int { return len(m.unit(i).Lines) }

// span is where item i's own lines (its heading left out) are, relative
// to the first line shown. Only the units between are laid out: past
// rows lines below the screen or above it, the figures are only right
// about being there.
func (m *Timeline) span(i, rows int) (start, end int) {
	u := m.unit(i)
	at := -m.top.line
	switch {
	case i >= m.top.unit:
		for k := m.top.unit; k < i; k++ {
			if at += m.unitLines(k); at > rows {
				at += i - k - 1
				break
			}
		}
	default:
		at -= len(u.Lines)
		for k := i + 1; k < m.top.unit; k++ {
			if at -= m.unitLines(k); at < -rows {
				at -= m.top.unit - k - 1
				break
			}
		}
	}
	return at + u.Pre, at + len(u.Lines)
}

func (m *Timeline) visible(i, rows int) bool {
	s, e := m.span(i, rows)
	return e > 0 && s < rows
}

// clamp keeps the position on the content and the selection on an item;
// what makes a resize safe.
func (m *Timeline) clamp(rows int) {
	m.top = clampTop(m, m.top, rows)
	m.sel = clampSelection(m.sel, len(m.items))
}

func (m *Timeline) down(rows int) {
	switch {
	case m.sel >= 0 && m.end(m.sel, rows) > rows:
		m.top, _ = forward(m, m.top, 1)
	case m.sel+1 < len(m.items):
		m.sel++
		m.show(rows, true)
	default:
		m.top, _ = forward(m, m.top, 1)
	}
	m.clamp(rows)
}

func (m *Timeline) up(rows int) {
	switch {
	case m.sel >= 0 && m.start(m.sel, rows) < 0:
		m.top, _ = backward(m, m.top, 1)
	case m.sel > 0:
		m.sel--
		m.show(rows, false)
	default:
		m.top, _ = backward(m, m.top, 1)
	}
	m.clamp(rows)
}

func (m *Timeline) start(i, rows int) int { s, _ := m.span(i, rows); return s }
func (m *Timeline) end(i, rows int) int   { _, e := m.span(i, rows); return e }

// show scrolls the selected item into view: its top when it was reached
// going down, its bottom going up, and the whole of it when it fits.
func (m *Timeline) show(rows int, fromAbove bool) {
	if m.sel < 0 || m.sel >= len(m.items) {
		return
	}
	s, e := m.span(m.sel, rows)
	first, after := vpos{m.sel, m.unit(m.sel).Pre}, vpos{m.sel + 1, 0}
	switch {
	case e-s > rows && fromAbove:
		m.top = first
	case e-s > rows:
		m.top, _ = backward(m, after, rows)
	case s < 0:
		m.top = first
	case e > rows:
		m.top, _ = backward(m, after, rows)
	}
}

// scroll moves the view by n lines and keeps the selection in it.
func (m *Timeline) scroll(n, rows int) {
	if n < 0 {
		m.top, _ = backward(m, m.top, -n)
	} else {
		m.top, _ = forward(m, m.top, n)
	}
	m.clamp(rows)
	m.follow(rows)
}

// follow moves the selection onto an item in view when it scrolled out:
// the first one after it, or the last one before it.
func (m *Timeline) follow(rows int) {
	if m.sel < 0 || m.visible(m.sel, rows) {
		return
	}
	if m.end(m.sel, rows) <= 0 {
		for i := max(m.sel+1, m.top.unit); i < len(m.items); i++ {
			s, e := m.span(i, rows)
			if e > 0 && s < rows {
				m.sel = i
				return
			}
			if s >= rows {
				return
			}
		}
		return
	}
	last, _ := forward(m, m.top, max(rows-1, 0))
	for i := min(m.sel-1, last.unit); i >= 0; i-- {
		s, e := m.span(i, rows)
		if e > 0 && s < rows {
			m.sel = i
			return
		}
		if e <= 0 {
			return
		}
	}
}

func (m *Timeline) navigate(msg tea.KeyPressMsg, rows int) {
	k := m.keys
	switch {
	case key.Matches(msg, k.Down):
		m.down(rows)
	case key.Matches(msg, k.Up):
		m.up(rows)
	case key.Matches(msg, k.PageDown):
		m.scroll(max(rows-1, 1), rows)
	case key.Matches(msg, k.PageUp):
		m.scroll(-max(rows-1, 1), rows)
	case key.Matches(msg, k.Top):
		m.top = vpos{}
		if len(m.items) > 0 {
			m.sel = 0
		}
		m.clamp(rows)
	case key.Matches(msg, k.Bottom):
		m.top = vpos{m.unitCount(), 0}
		if len(m.items) > 0 {
			m.sel = len(m.items) - 1
		}
		m.clamp(rows)
	}
}

// itemAt is the item whose own lines hold row y of the pane, or -1.
func (m *Timeline) itemAt(y int) int {
	p, moved := forward(m, m.top, y)
	if moved < y || p.unit >= len(m.items) || p.line < m.unit(p.unit).Pre {
		return -1
	}
	return p.unit
}

func (m *Timeline) open() tea.Cmd {
	if m.sel < 0 {
		return nil
	}
	if s := m.unit(m.sel).Statement; s != nil {
		return openStatement(s.ID)
	}
	return flash("this event cites no statement")
}

func (m *Timeline) Update(msg tea.Msg) tea.Cmd {
	rows := m.rows()
	switch msg := msg.(type) {
	case tea.KeyPressMsg:
		if key.Matches(msg, m.keys.Open) {
			return m.open()
		}
		m.navigate(msg, rows)
	case tea.MouseWheelMsg:
		switch msg.Button {
		case tea.MouseWheelUp:
			m.scroll(-wheelLines, rows)
		case tea.MouseWheelDown:
			m.scroll(wheelLines, rows)
		}
	case tea.MouseClickMsg:
		row, ok := views.PaneLine(views.Rect{W: m.width, H: m.height}, 0, msg.X, msg.Y)
		if !ok {
			return nil
		}
		switch b := m.itemAt(row); {
		case b < 0:
		case b == m.sel:
			return m.open()
		default:
			m.sel = b
		}
	}
	return nil
}

// window lays out the lines on screen from the reading position, with
// the items in them as blocks; mark is the selected item's block (-1 when
// it is not in view), first and last the items seen, and more whether
// lines follow the window.
func (m *Timeline) window(rows int) (c *views.Content, mark, first, last int, more bool) {
	c = &views.Content{Lines: make([]string, 0, rows)}
	mark, first, last = -1, -1, -1
	p := m.top
	for ; len(c.Lines) < rows && p.unit < m.unitCount(); p = (vpos{p.unit + 1, 0}) {
		u := m.unit(p.unit)
		start := len(c.Lines)
		take := min(len(u.Lines)-p.line, rows-start)
		c.Lines = append(c.Lines, u.Lines[p.line:p.line+take]...)
		if p.line+take < len(u.Lines) {
			more = true
		}
		if bs := start + max(u.Pre-p.line, 0); u.Item && bs < len(c.Lines) {
			if p.unit == m.sel {
				mark = len(c.Blocks)
			}
			c.Blocks = append(c.Blocks, views.Block{Start: bs, End: len(c.Lines), Statement: u.Statement})
			if first < 0 {
				first = p.unit
			}
			last = p.unit
		}
	}
	more = more || p.unit < m.unitCount()
	return c, mark, first, last, more
}

// View draws the lines on screen. The pane's title says which items are
// in view of how many when the timeline is longer than the pane: its
// length in lines is never counted, as that would mean laying it all out.
func (m *Timeline) View() string {
	rows := m.rows()
	c, mark, first, last, more := m.window(rows)
	title := "Timeline"
	if (more || m.top != vpos{}) && first >= 0 {
		title = fmt.Sprintf("Timeline · items %d–%d of %d", first+1, last+1, len(m.items))
	}
	return m.theme.Render(views.Pane{
		Title: title, Content: c, Focused: true,
		Mark: mark, Width: m.width, Height: m.height,
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

// ExportMarkdown is the whole timeline.
func (m *Timeline) ExportMarkdown() (string, func() []byte, bool) {
	d := m.d
	return "timeline", func() []byte { return views.TimelineMarkdown(d) }, true
}
