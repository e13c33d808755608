package model

import "github.com/parley-dev/parley/views"

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

// clamp keeps the offset and selection valid for the content and height;
// it is what makes a resize safe.
func (s *scroller) clamp(c *views.Content, rows int) {
	s.offset = views.ClampOffset(s.offset, len(c.Lines), rows)
	switch {
	case len(c.Blocks) == 0:
		s.sel = -1
	case s.sel < 0:
		s.sel = 0
	case s.sel >= len(c.Blocks):
		s.sel = len(c.Blocks) - 1
	}
}
