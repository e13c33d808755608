package model

import (
	"slices"
	"strings"

	"charm.land/bubbles/v2/key"
	tea "charm.land/bubbletea/v2"
	"github.com/parley-dev/parley/data"
	"github.com/parley-dev/parley/views"
)

// Limits on how many parties Compare shows side by side.
const (
	maxPanes     = 4
	minPaneWidth = 18
)

// Compare shows one pane per chosen party, side by side, on the current
// topic, or on every topic lined up in rows (the all-topics view).
type Compare struct {
	frame

	parties []*data.Party
	topics  []*data.Topic
	topic   int  // index into topics
	all     bool // the all-topics view
	focus   int  // index into parties

	scr      []scroller // per pane, on scrTopic
	scrTopic int        // the topic scr belongs to
	allScr   scroller   // shared by every pane in the all-topics view; sel is the topic
	stack    scroller   // plain mode: the one column the parties share, on scrTopic

	picker *picker // open while choosing parties

	// Derived by layout from the state above; never set elsewhere.
	barH     int
	panes    []views.Rect // where each party's pane is drawn
	paneH    int
	contents []*views.Content
	heads    []int // plain mode: the block of each party's heading in the column
}

// NewCompare starts on the dossier's first topic with the parties given
// (see comparedParties).
func NewCompare(d *data.Dossier, keys *keyMap, theme *views.Theme, parties []*data.Party) *Compare {
	c := &Compare{frame: newFrame(d, keys, theme), topics: d.TopicsInOrder(), parties: parties}
	c.relayout = c.layout
	c.scr = make([]scroller, len(c.parties))
	c.topic = c.firstTopicWithPositions()
	return c
}

// firstTopicWithPositions is where Compare opens: the first topic on
// which any shown party took a position (a parent topic is often empty),
// or the first topic.
func (c *Compare) firstTopicWithPositions() int {
	for i, t := range c.topics {
		for _, p := range c.parties {
			if c.d.Position(p.ID, t.ID) != nil {
				return i
			}
		}
	}
	return 0
}

func (c *Compare) Title() string { return "Compare" }

func (c *Compare) MinSize() (int, int) {
	n := max(len(c.parties), 1)
	if c.picker != nil || c.theme.Accessible {
		n = 2
	}
	return max(n*minPaneWidth, 40), 9
}

// comparedParties is who Compare shows first: the parties given by id
// (unknown ones and repeats left out), or the dossier's compare list, or
// its first three parties; at most maxPanes.
func comparedParties(d *data.Dossier, ids []string) []*data.Party {
	var parties []*data.Party
	for _, id := range ids {
		if p := d.Party(id); p != nil && !slices.Contains(parties, p) && len(parties) < maxPanes {
			parties = append(parties, p)
		}
	}
	if len(parties) == 0 {
		parties = d.ComparedParties()
		if len(parties) > maxPanes {
			parties = parties[:maxPanes]
		}
	}
	return parties
}

// layout derives every size and the panes' content from the state. It is
// the only place that does layout arithmetic, and running it twice changes
// nothing.
func (c *Compare) layout() {
	c.barH = 1
	if c.height >= 20 {
		c.barH = 2 // room for the topic's summary
	}
	c.paneH = max(c.height-c.barH, 0)
	c.panes = make([]views.Rect, len(c.parties))
	x := 0
	for i, w := range views.Split(c.width, len(c.parties)) {
		c.panes[i] = views.Rect{X: x, Y: c.barH, W: w, H: c.paneH}
		x += w
	}
	if len(c.scr) != len(c.parties) || c.scrTopic != c.topic {
		// Another topic (stepped to, or chosen in the all-topics view)
		// starts every pane at its top.
		c.scr = make([]scroller, len(c.parties))
		for i := range c.scr {
			c.scr[i].sel = -1
		}
		c.stack = scroller{sel: -1}
		c.scrTopic = c.topic
	}
	if c.theme.Accessible {
		c.layoutPlain()
		return
	}
	widths := make([]int, len(c.parties))
	for i, r := range c.panes {
		widths[i] = views.PaneInner(r.W)
	}
	rows := views.PaneRows(c.paneH)
	if c.all {
		c.contents = views.AlignedContent(c.d, c.parties, widths, c.theme)
		if len(c.contents) > 0 {
			c.allScr.clamp(c.contents[0], rows)
		}
	} else {
		c.contents = make([]*views.Content, len(c.parties))
		for i, p := range c.parties {
			c.contents[i] = views.PositionContent(c.d, p, c.currentTopic(), widths[i], c.theme)
			if c.scr[i].sel < 0 && len(c.contents[i].Blocks) > 0 {
				c.scr[i].sel = 0
			}
			c.scr[i].clamp(c.contents[i], rows)
		}
	}
	if c.focus >= len(c.parties) {
		c.focus = max(len(c.parties)-1, 0)
	}
}

func (c *Compare) currentTopic() *data.Topic {
	if c.topic < 0 || c.topic >= len(c.topics) {
		return nil
	}
	return c.topics[c.topic]
}

// setTopic moves every pane to topic i, each back at its top.
func (c *Compare) setTopic(i int) {
	if len(c.topics) == 0 {
		return
	}
	i = max(min(i, len(c.topics)-1), 0)
	if c.all {
		c.topic = i
		if len(c.contents) > 0 {
			c.allScr.selectBlock(c.contents[0], i, views.PaneRows(c.paneH))
		}
		return
	}
	if i != c.topic {
		c.topic = i
		c.layout()
	}
}

func (c *Compare) Update(msg tea.Msg) tea.Cmd {
	if c.picker != nil {
		return c.updatePicker(msg)
	}
	switch msg := msg.(type) {
	case tea.KeyPressMsg:
		return c.handleKey(msg)
	case tea.MouseClickMsg:
		return c.click(msg.X, msg.Y)
	case tea.MouseWheelMsg:
		if i := c.paneAt(msg.X, msg.Y); i >= 0 {
			c.focus = i
			if content, scr := c.focused(); content != nil {
				scr.wheel(msg, content, views.PaneRows(c.paneH))
				c.syncAll()
			}
		}
	}
	return nil
}

func (c *Compare) handleKey(msg tea.KeyPressMsg) tea.Cmd {
	name := keyName(msg.String()) // once, not once per binding tried
	k := c.keys
	rows := views.PaneRows(c.paneH)
	content, scr := c.focused()
	switch {
	case key.Matches(name, k.NextPane):
		c.focus = (c.focus + 1) % max(len(c.parties), 1)
		c.showFocus()
	case key.Matches(name, k.PrevPane):
		c.focus = (c.focus + len(c.parties) - 1) % max(len(c.parties), 1)
		c.showFocus()
	case key.Matches(name, k.PrevTopic):
		c.setTopic(c.topic - 1)
	case key.Matches(name, k.NextTopic):
		c.setTopic(c.topic + 1)
	case key.Matches(name, k.AllTopics):
		c.all = !c.all
		c.layout()
		if c.all && len(c.contents) > 0 {
			c.allScr.selectBlock(c.contents[0], c.topic, rows)
		}
	case key.Matches(name, k.PickParties):
		c.picker = newPicker(c.d, c.parties)
	case key.Matches(name, k.Edit):
		if t := c.currentTopic(); t != nil && c.focus < len(c.parties) {
			return c.openForm(positionForm(c.ws, c.d, c.parties[c.focus], t))
		}
	case key.Matches(name, k.Add):
		return c.openForm(topicForm(c.ws, c.d, nil))
	case key.Matches(name, k.Topic):
		if t := c.currentTopic(); t != nil {
			return c.openForm(topicForm(c.ws, c.d, t))
		}
	case key.Matches(name, k.Open):
		return c.open()
	case key.Matches(name, k.Copy):
		if content != nil && !c.all && scr.sel >= 0 {
			return copyStatement(c.d, content.Blocks[scr.sel].Statement)
		}
	case c.all && key.Matches(name, k.Back):
		c.all = false
		c.layout()
	case content != nil && scr.navigate(k, name, content, rows):
		c.syncAll()
	}
	return nil
}

// focused is the content and reading position keys act on.
func (c *Compare) focused() (*views.Content, *scroller) {
	if len(c.contents) == 0 {
		return nil, nil
	}
	if c.all {
		return c.contents[0], &c.allScr
	}
	if c.theme.Accessible {
		return c.contents[0], &c.stack
	}
	return c.contents[c.focus], &c.scr[c.focus]
}

// syncAll makes the selected row of the all-topics view the current topic.
func (c *Compare) syncAll() {
	if c.all && c.allScr.sel >= 0 {
		c.topic = c.allScr.sel
	}
	c.syncStack()
}

// open shows the selected statement; in the all-topics view it opens the
// selected topic in full.
func (c *Compare) open() tea.Cmd {
	content, scr := c.focused()
	if content == nil || scr.sel < 0 {
		return nil
	}
	if c.all {
		c.all = false
		c.topic = scr.sel
		c.layout()
		return nil
	}
	if s := content.Blocks[scr.sel].Statement; s != nil {
		return openStatement(s.ID)
	}
	return nil
}

// paneAt is the pane under the cell x, y, or -1.
func (c *Compare) paneAt(x, y int) int {
	for i, r := range c.panes {
		if r.Contains(x, y) {
			return i
		}
	}
	return -1
}

// click focuses the pane under the pointer and selects the block there;
// a click on the block already selected opens it.
func (c *Compare) click(x, y int) tea.Cmd {
	if c.theme.Accessible {
		return c.clickPlain(x, y)
	}
	if y == 0 && !c.all {
		// The arrows of "◂ 2/10 ▸" step through the topics.
		prev, next := views.TopicArrows(c.topic, len(c.topics))
		switch {
		case x >= prev.Start && x < prev.End:
			c.setTopic(c.topic - 1)
		case x >= next.Start && x < next.End:
			c.setTopic(c.topic + 1)
		}
		return nil
	}
	i := c.paneAt(x, y)
	if i < 0 {
		return nil
	}
	c.focus = i
	content, scr := c.focused()
	if content == nil {
		return nil
	}
	line, ok := views.PaneLine(c.panes[i], scr.offset, x, y)
	b := content.BlockAt(line)
	if !ok || b < 0 {
		return nil
	}
	if b == scr.sel {
		return c.open()
	}
	scr.sel = b
	c.syncAll()
	return nil
}

func (c *Compare) View() string {
	t := c.theme
	if c.picker != nil {
		return c.picker.view(c.width, c.height, t)
	}
	if t.Accessible {
		return c.viewPlain()
	}
	var sb strings.Builder
	sb.WriteString(views.TopicBar(c.d, c.currentTopic(), c.topic, len(c.topics), c.all, c.width, t))
	if c.barH > 1 {
		sb.WriteByte('\n')
		sb.WriteString(views.TopicSummary(c.currentTopic(), c.width, t))
	}
	panes := make([]string, len(c.parties))
	for i, p := range c.parties {
		pane := views.Pane{
			Title:   views.PartyTitle(p),
			Badge:   t.PartyChip(p.ID),
			Content: c.contents[i],
			Focused: i == c.focus,
			Mark:    -1,
			Width:   c.panes[i].W,
			Height:  c.panes[i].H,
		}
		if c.all {
			pane.Offset = c.allScr.offset
			pane.Mark = c.allScr.sel
		} else {
			pane.Offset = c.scr[i].offset
			if i == c.focus {
				pane.Mark = c.scr[i].sel
			}
		}
		panes[i] = t.Render(pane)
	}
	if len(panes) > 0 {
		sb.WriteByte('\n')
		sb.WriteString(views.JoinColumns(panes...))
	}
	return views.Rows(sb.String(), c.width, c.height)
}

func (c *Compare) ShortHelp() []key.Binding {
	k := c.keys
	if c.picker != nil {
		return []key.Binding{k.Up, k.Down, k.Toggle, k.MoveUp, k.MoveDown, k.Apply, k.CancelPick}
	}
	if c.all {
		return []key.Binding{k.Down, k.Up, relabel(k.Open, "open topic"), relabel(k.Back, "one topic"), k.NextPane, k.PickParties}
	}
	b := []key.Binding{k.PrevTopic, k.NextTopic, k.NextPane, k.Down, k.Up, k.Open}
	if c.editable() {
		b = append(b, relabel(k.Edit, "set the position"))
	}
	return append(b, k.AllTopics, k.PickParties)
}

func (c *Compare) FullHelp() [][]key.Binding {
	k := c.keys
	if c.picker != nil {
		return [][]key.Binding{{k.Up, k.Down}, {k.Toggle, k.MoveUp, k.MoveDown}, {k.Apply, k.CancelPick}}
	}
	g := [][]key.Binding{
		{k.TopicHelp, k.AllTopics},
		{k.PaneHelp, k.PickParties},
		{k.MoveHelp, k.PageHelp, k.EndsHelp},
		{k.Open, k.Copy},
	}
	if c.editable() {
		g = append(g, []key.Binding{relabel(k.Edit, "set the focused party's position"), relabel(k.Add, "add a topic"), k.Topic})
	}
	return g
}

// Parties is who is compared, in order.
func (c *Compare) Parties() []*data.Party { return c.parties }

// ExportMarkdown is the topic on screen (or every topic lined up) across
// the parties shown.
func (c *Compare) ExportMarkdown() (string, func() []byte, bool) {
	if c.picker != nil {
		return "", nil, false
	}
	d, parties := c.d, slices.Clone(c.parties)
	if c.all {
		return "compare-all-topics", func() []byte { return views.CompareMarkdown(d, parties, nil) }, true
	}
	t := c.currentTopic()
	if t == nil {
		return "", nil, false
	}
	return "compare-" + t.ID, func() []byte { return views.CompareMarkdown(d, parties, t) }, true
}
