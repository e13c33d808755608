package model

import (
	"fmt"
	"slices"

	"charm.land/bubbles/v2/key"
	tea "charm.land/bubbletea/v2"
	"github.com/parley-dev/parley/data"
	"github.com/parley-dev/parley/views"
)

// picker chooses which parties Compare shows and in which order: the
// shown parties first, in their order, then the hidden ones.
type picker struct {
	rows   []*data.Party
	shown  map[*data.Party]bool
	cursor int
	min    int
}

func newPicker(d *data.Dossier, current []*data.Party) *picker {
	p := &picker{shown: map[*data.Party]bool{}, min: min(2, len(d.Parties))}
	for _, party := range current {
		p.rows = append(p.rows, party)
		p.shown[party] = true
	}
	for _, party := range d.Parties {
		if !p.shown[party] {
			p.rows = append(p.rows, party)
		}
	}
	return p
}

func (p *picker) count() int {
	n := 0
	for _, r := range p.rows {
		if p.shown[r] {
			n++
		}
	}
	return n
}

// chosen is the shown parties in row order.
func (p *picker) chosen() []*data.Party {
	var out []*data.Party
	for _, r := range p.rows {
		if p.shown[r] {
			out = append(out, r)
		}
	}
	return out
}

func (p *picker) toggle() tea.Cmd {
	if len(p.rows) == 0 {
		return nil
	}
	r := p.rows[p.cursor]
	if !p.shown[r] && p.count() >= maxPanes {
		return flash(fmt.Sprintf("at most %d parties side by side", maxPanes))
	}
	p.shown[r] = !p.shown[r]
	// Keep the shown parties together at the top, in the order chosen.
	order := p.chosen()
	for _, x := range p.rows {
		if !p.shown[x] {
			order = append(order, x)
		}
	}
	p.rows = order
	p.cursor = slices.Index(p.rows, r)
	return nil
}

func (p *picker) move(delta int) {
	j := p.cursor + delta
	if j < 0 || j >= len(p.rows) || p.shown[p.rows[p.cursor]] != p.shown[p.rows[j]] {
		return // hidden parties have no order to change
	}
	p.rows[p.cursor], p.rows[j] = p.rows[j], p.rows[p.cursor]
	p.cursor = j
}

func (p *picker) limit() string {
	return fmt.Sprintf("%d shown; %d to %d side by side", p.count(), p.min, maxPanes)
}

func (p *picker) content(width int, t *views.Theme) *views.Content {
	rows := make([]views.PickerRow, len(p.rows))
	order := 0
	for i, r := range p.rows {
		rows[i] = views.PickerRow{Party: r, Cursor: i == p.cursor}
		if p.shown[r] {
			order++
			rows[i].Order = order
		}
	}
	return views.Picker(rows, p.limit(), width, t)
}

// offset scrolls the list just enough to show the cursor's row; it is
// derived, not kept, so a resize never leaves it stale.
func (p *picker) offset(c *views.Content, rows int) int {
	off := 0
	if p.cursor < len(c.Blocks) {
		off = c.Blocks[p.cursor].End - rows
	}
	return views.ClampOffset(off, len(c.Lines), rows)
}

func (p *picker) view(width, height int, t *views.Theme) string {
	c := p.content(views.PaneInner(width), t)
	off := p.offset(c, views.PaneRows(height))
	return t.Render(views.Pane{Title: "Parties", Content: c, Offset: off, Focused: true, Mark: -1, Width: width, Height: height})
}

func (c *Compare) updatePicker(msg tea.Msg) tea.Cmd {
	p := c.picker
	k := c.keys
	switch msg := msg.(type) {
	case tea.KeyPressMsg:
		switch {
		case key.Matches(msg, k.MoveUp):
			p.move(-1)
		case key.Matches(msg, k.MoveDown):
			p.move(1)
		case key.Matches(msg, k.Up):
			p.cursor = max(p.cursor-1, 0)
		case key.Matches(msg, k.Down):
			p.cursor = min(p.cursor+1, max(len(p.rows)-1, 0))
		case key.Matches(msg, k.Toggle):
			return p.toggle()
		case key.Matches(msg, k.Apply):
			if p.count() < p.min {
				return flash(fmt.Sprintf("choose at least %d parties", p.min))
			}
			return c.setParties(p.chosen())
		case key.Matches(msg, k.CancelPick), key.Matches(msg, k.PickParties):
			c.picker = nil
		}
	case tea.MouseClickMsg:
		content := p.content(views.PaneInner(c.width), c.theme)
		off := p.offset(content, views.PaneRows(c.height))
		line, ok := views.PaneLine(views.Rect{W: c.width, H: c.height}, off, msg.X, msg.Y)
		if b := content.BlockAt(line); ok && b >= 0 && b < len(p.rows) {
			p.cursor = b
			return p.toggle()
		}
	}
	return nil
}

// setParties shows the chosen parties, keeping each one's reading position
// and the focus on the same party where it stays, and tells the other
// screens (the Matrix follows Compare's parties).
func (c *Compare) setParties(parties []*data.Party) tea.Cmd {
	old := map[*data.Party]scroller{}
	for i, p := range c.parties {
		old[p] = c.scr[i]
	}
	var focused *data.Party
	if c.focus < len(c.parties) {
		focused = c.parties[c.focus]
	}
	c.parties = parties
	c.scr = make([]scroller, len(parties))
	c.focus = 0
	for i, p := range parties {
		if s, ok := old[p]; ok {
			c.scr[i] = s
		} else {
			c.scr[i] = scroller{sel: -1}
		}
		if p == focused {
			c.focus = i
		}
	}
	c.picker = nil
	c.layout()
	return msgCmd(PartiesChosenMsg{Parties: slices.Clone(parties)})
}
