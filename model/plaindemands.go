package model

import (
	"fmt"

	"github.com/parley-dev/parley/views"
)

// layoutPlain is layout for plain mode: the list, a line per demand, above
// the thread, both the full width; the list gets what it needs up to a
// third of the height. Idempotent.
func (m *Demands) layoutPlain() {
	listH := min(max(len(m.d.Demands), 1)+2, max(m.height/3, 3))
	m.listPane = views.Rect{W: m.width, H: listH}
	m.threadPane = views.Rect{Y: listH, W: m.width, H: m.height - listH}
	width := views.PlainInner(m.width)
	m.list = views.PlainDemandList(m.d, width, m.theme)
	m.threadContent = views.PlainDemandThread(m.d, m.demand(), width, m.theme)
	m.clamp()
}

// itemHeight is how many lines a demand takes in the list, with its
// separator.
func (m *Demands) itemHeight() int {
	if m.theme.Accessible {
		return 1
	}
	return views.DemandItemHeight
}

// viewPlain stacks the list and the thread; the focused one says so in
// its title, the chosen demand and statement are marked "> ".
func (m *Demands) viewPlain() string {
	t := m.theme
	focus := func(title string, pane demandsPane) string {
		if m.focus == pane {
			return title + ", focused"
		}
		return title
	}
	list := t.Render(views.Pane{
		Title:   focus(fmt.Sprintf("Demands, %d in all", len(m.d.Demands)), demandsList),
		Content: m.list, Offset: m.listOffset, Mark: m.sel, Width: m.width, Height: m.listPane.H,
	})
	mark := -1
	if m.focus == demandsThread {
		mark = m.thread.sel
	}
	thread := t.Render(views.Pane{
		Title:   focus(fmt.Sprintf("Demand %d of %d", m.sel+1, len(m.d.Demands)), demandsThread),
		Content: m.threadContent, Offset: m.thread.offset, Mark: mark, Width: m.width, Height: m.threadPane.H,
	})
	return views.Rows(list+"\n"+thread, m.width, m.height)
}
