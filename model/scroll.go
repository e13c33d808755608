package model

import (
	"charm.land/bubbles/v2/key"
	tea "charm.land/bubbletea/v2"
	"github.com/parley-dev/parley/views"
)

// scroller is the reading position in a pane of selectable blocks: the
// first line shown and the selected block. Moving down selects the next
// block and scrolls just enough to show it; a block taller than the pane
// is scrolled through line by line first; past the last block the pane
// scrolls on to the end. Page keys and the wheel scroll, and the selection
// follows to a block in view.
type scroller struct {
	offset int
	sel    int // index into the content's blocks; -1 when it has none
}

func newScroller(c *views.Content) scroller {
	s := scroller{sel: -1}
	if c != nil && len(c.Blocks) > 0 {
		s.sel = 0
	}
	return s
}

func (s *scroller) down(c *views.Content, rows int) {
	switch {
	case s.sel >= 0 && c.Blocks[s.sel].End > s.offset+rows:
		s.offset++
	case s.sel+1 < len(c.Blocks):
		s.sel++
		s.show(c, rows, true)
	default:
		s.offset++
	}
	s.clamp(c, rows)
}

func (s *scroller) up(c *views.Content, rows int) {
	switch {
	case s.sel >= 0 && c.Blocks[s.sel].Start < s.offset:
		s.offset--
	case s.sel > 0:
		s.sel--
		s.show(c, rows, false)
	default:
		s.offset--
	}
	s.clamp(c, rows)
}

// show scrolls the selected block into view: its top when it was reached
// going down, its bottom going up, and the whole of it when it fits.
func (s *scroller) show(c *views.Content, rows int, fromAbove bool) {
	if s.sel < 0 || s.sel >= len(c.Blocks) {
		return
	}
	b := c.Blocks[s.sel]
	switch {
	case b.End-b.Start > rows && fromAbove:
		s.offset = b.Start
	case b.End-b.Start > rows:
		s.offset = b.End - rows
	case b.Start < s.offset:
		s.offset = b.Start
	case b.End > s.offset+rows:
		s.offset = b.End - rows
	}
}

// selectBlock selects block i and scrolls it into view.
func (s *scroller) selectBlock(c *views.Content, i, rows int) {
	if i < 0 || i >= len(c.Blocks) {
		return
	}
	from := i > s.sel
	s.sel = i
	s.show(c, rows, from)
	s.clamp(c, rows)
}

// scroll moves the view by n lines and keeps the selection in it.
func (s *scroller) scroll(c *views.Content, n, rows int) {
	s.offset += n
	s.clamp(c, rows)
	s.follow(c, rows)
}

func (s *scroller) top(c *views.Content, rows int) {
	s.offset = 0
	if len(c.Blocks) > 0 {
		s.sel = 0
	}
	s.clamp(c, rows)
}

func (s *scroller) bottom(c *views.Content, rows int) {
	s.offset = len(c.Lines)
	if len(c.Blocks) > 0 {
		s.sel = len(c.Blocks) - 1
	}
	s.clamp(c, rows)
}

// follow moves the selection onto a block in view when it scrolled out.
func (s *scroller) follow(c *views.Content, rows int) {
	if s.sel < 0 || len(c.Blocks) == 0 {
		return
	}
	visible := func(b views.Block) bool { return b.End > s.offset && b.Start < s.offset+rows }
	if visible(c.Blocks[s.sel]) {
		return
	}
	if c.Blocks[s.sel].End <= s.offset {
		for i := s.sel + 1; i < len(c.Blocks); i++ {
			if visible(c.Blocks[i]) {
				s.sel = i
				return
			}
		}
		return
	}
	for i := s.sel - 1; i >= 0; i-- {
		if visible(c.Blocks[i]) {
			s.sel = i
			return
		}
	}
}

// navigate moves the reading position by the movement keys (the key as
// bindings name it, worked out once by the caller); it reports
// whether the key was one of them.
func (s *scroller) navigate(k *keyMap, name keyName, c *views.Content, rows int) bool {
	switch {
	case key.Matches(name, k.Down):
		s.down(c, rows)
	case key.Matches(name, k.Up):
		s.up(c, rows)
	case key.Matches(name, k.PageDown):
		s.scroll(c, max(rows-1, 1), rows)
	case key.Matches(name, k.PageUp):
		s.scroll(c, -max(rows-1, 1), rows)
	case key.Matches(name, k.Top):
		s.top(c, rows)
	case key.Matches(name, k.Bottom):
		s.bottom(c, rows)
	default:
		return false
	}
	return true
}

// wheelLines is how far a notch of the wheel scrolls.
const wheelLines = 3

// wheel scrolls wheelLines a notch.
func (s *scroller) wheel(msg tea.MouseWheelMsg, c *views.Content, rows int) {
	switch msg.Button {
	case tea.MouseWheelUp:
		s.scroll(c, -wheelLines, rows)
	case tea.MouseWheelDown:
		s.scroll(c, wheelLines, rows)
	}
}

// clamp keeps the offset and selection valid for the content and height;
// it is what makes a resize safe.
func (s *scroller) clamp(c *views.Content, rows int) {
	s.offset = views.ClampOffset(s.offset, len(c.Lines), rows)
	s.sel = clampSelection(s.sel, len(c.Blocks))
}

// clampSelection keeps a selection among n things: -1 when there are
// none, else the nearest of 0..n-1.
func clampSelection(sel, n int) int {
	if n == 0 {
		return -1
	}
	return max(min(sel, n-1), 0)
}

// The Timeline and the Source may be far longer than a screen (a dossier
// of a million statements), so they are laid out a unit at a time (an
// item, a paragraph) and only where the screen is: the reading position
// is a unit and a line in it, and every move walks the units it passes
// over, never the whole content.

// vpos is a position in content laid out a unit at a time: a line of a
// unit. {units, 0} is the end, after the last line.
type vpos struct{ unit, line int }

// before reports whether p comes before q.
func (p vpos) before(q vpos) bool {
	return p.unit < q.unit || p.unit == q.unit && p.line < q.line
}

// units is content laid out a unit at a time: how many units it has and
// how many lines each takes (at least one), the second asked only of the
// units a move passes over.
type units interface {
	unitCount() int
	unitLines(i int) int
}

// normalize puts p on a line of the content, or at its end.
func normalize(c units, p vpos) vpos {
	switch n := c.unitCount(); {
	case p.unit >= n:
		return vpos{n, 0}
	case p.unit < 0:
		return vpos{}
	}
	p.line = max(min(p.line, c.unitLines(p.unit)-1), 0)
	return p
}

// forward moves p down n lines, not past the end; it reports how many
// lines it moved.
func forward(c units, p vpos, n int) (vpos, int) {
	moved := 0
	for n > 0 && p.unit < c.unitCount() {
		rest := c.unitLines(p.unit) - p.line
		if n < rest {
			p.line += n
			return p, moved + n
		}
		n -= rest
		moved += rest
		p = vpos{p.unit + 1, 0}
	}
	return p, moved
}

// backward moves p up n lines, not past the top; it reports how many
// lines it moved.
func backward(c units, p vpos, n int) (vpos, int) {
	moved := 0
	for n > 0 {
		if n <= p.line {
			p.line -= n
			return p, moved + n
		}
		n -= p.line
		moved += p.line
		if p.unit == 0 {
			p.line = 0
			return p, moved
		}
		p.unit--
		p.line = c.unitLines(p.unit)
	}
	return p, moved
}

// distance is how many lines q is below p (p not after q) when that is
// fewer than limit; otherwise it reports false, having walked no further
// than limit lines.
func distance(c units, p, q vpos, limit int) (int, bool) {
	d := -p.line
	for u := p.unit; u < q.unit; u++ {
		if d += c.unitLines(u); d+q.line >= limit {
			return 0, false
		}
	}
	d += q.line
	return d, d < limit
}

// clampTop keeps the first line shown on a line of the content and the
// screen full down to the end, as ClampOffset does for an offset: when
// fewer than rows lines follow top, it moves up.
func clampTop(c units, top vpos, rows int) vpos {
	top = normalize(c, top)
	if _, rest := forward(c, top, rows); rest < rows {
		top, _ = backward(c, top, rows-rest)
	}
	return top
}
