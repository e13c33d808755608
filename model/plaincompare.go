package model

import (
	tea "charm.land/bubbletea/v2"
	"github.com/parley-dev/parley/views"
)

// In plain mode Compare is one column: the parties one after another, read
// with one scroller (stack), or the all-topics view as a column of topics
// (allScr). The focused party is the one whose part of the column holds
// the selection; tab steps to the next party's heading.

// layoutPlain is layout for plain mode: one pane the whole body, no topic
// bar (the pane's title says the topic); idempotent.
func (c *Compare) layoutPlain() {
	c.barH = 0
	c.paneH = c.height
	c.panes = []views.Rect{{W: c.width, H: c.paneH}}
	rows := views.PaneRows(c.paneH)
	width := views.PlainInner(c.width)
	if c.all {
		c.contents = []*views.Content{views.PlainAllTopics(c.d, c.parties, width, c.theme)}
		c.allScr.clamp(c.contents[0], rows)
		return
	}
	content, heads := views.PlainPositions(c.d, c.parties, c.currentTopic(), width, c.theme)
	c.contents, c.heads = []*views.Content{content}, heads
	if c.focus >= len(c.parties) {
		c.focus = max(len(c.parties)-1, 0)
	}
	if c.stack.sel < 0 {
		// A new topic opens at the focused party.
		c.stack.sel = c.headOf(c.focus)
		c.stack.show(content, rows, true)
	}
	c.stack.clamp(content, rows)
	c.syncStack()
}

// headOf is the block of party i's heading, or -1.
func (c *Compare) headOf(i int) int {
	if i < 0 || i >= len(c.heads) {
		return -1
	}
	return c.heads[i]
}

// syncStack makes the party whose part of the column holds the selection
// the focused one.
func (c *Compare) syncStack() {
	if !c.theme.Accessible || c.all || c.stack.sel < 0 {
		return
	}
	for i, h := range c.heads {
		if h >= 0 && h <= c.stack.sel {
			c.focus = i
		}
	}
}

// showFocus moves the selection onto the focused party's heading, in
// plain mode, where the parties are not side by side.
func (c *Compare) showFocus() {
	if !c.theme.Accessible || c.all || len(c.contents) == 0 {
		return
	}
	if h := c.headOf(c.focus); h >= 0 {
		c.stack.selectBlock(c.contents[0], h, views.PaneRows(c.paneH))
	}
}

// clickPlain selects the block under the pointer, and opens it when it was
// selected already.
func (c *Compare) clickPlain(x, y int) tea.Cmd {
	content, scr := c.focused()
	if content == nil || len(c.panes) == 0 {
		return nil
	}
	line, ok := views.PaneLine(c.panes[0], scr.offset, x, y)
	b := content.BlockAt(line)
	switch {
	case !ok || b < 0:
		return nil
	case b == scr.sel:
		return c.open()
	}
	scr.sel = b
	c.syncAll()
	return nil
}

// viewPlain is the column under its topic line.
func (c *Compare) viewPlain() string {
	content, scr := c.focused()
	return c.theme.Render(views.Pane{
		Title:   views.PlainTopic(c.d, c.currentTopic(), c.topic, len(c.topics), c.all),
		Content: content, Offset: scr.offset, Mark: scr.sel, Focused: true,
		Width: c.width, Height: c.height,
	})
}
