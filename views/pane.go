package views

import (
	"fmt"
	"strings"

	"github.com/charmbracelet/x/ansi"
	"github.com/parley-dev/parley/data"
)

// Block is a run of lines in a pane's content that stands for one thing the
// reader can select: a statement, or a topic in the all-topics view.
type Block struct {
	Start, End int // lines [Start, End)
	Statement  *data.Statement
	Topic      *data.Topic
}

// Content is what a pane shows, already wrapped to the pane's inner width,
// with the selectable blocks in it.
type Content struct {
	Lines  []string
	Blocks []Block

	widths []int // display width of each line plus one, 0 until measured
}

// width is the display width of line i. Content is built once per layout
// and drawn every frame, so a line is measured the first time it is shown
// and the measure kept.
func (c *Content) width(i int) int {
	if len(c.widths) != len(c.Lines) {
		c.widths = make([]int, len(c.Lines))
	}
	if c.widths[i] == 0 {
		c.widths[i] = ansi.StringWidth(c.Lines[i]) + 1
	}
	return c.widths[i] - 1
}

func (c *Content) add(lines ...string) { c.Lines = append(c.Lines, lines...) }

func (c *Content) blank() {
	if n := len(c.Lines); n > 0 && c.Lines[n-1] != "" {
		c.Lines = append(c.Lines, "")
	}
}

// BlockAt is the index of the block holding line, or -1.
func (c *Content) BlockAt(line int) int {
	for i, b := range c.Blocks {
		if line >= b.Start && line < b.End {
			return i
		}
	}
	return -1
}

// A pane is "│▌content │": a border, a gutter that marks the selection, the
// content, a space and a border.
const paneChrome = 4

// PaneInner is the content width of a pane width cells wide.
func PaneInner(width int) int { return max(width-paneChrome, 1) }

// PaneRows is how many content lines a pane height rows tall shows.
func PaneRows(height int) int { return max(height-2, 0) }

// Pane is one bordered pane to draw.
type Pane struct {
	Title   string // plain text; styled by the frame
	Badge   string // styled text drawn after the title (a party's colour chip)
	Content *Content
	Offset  int  // first content line shown
	Focused bool // drawn with a heavy border and a reversed title
	Mark    int  // index of the selected block, or -1
	Width   int
	Height  int
}

// Render draws the pane exactly Width×Height cells, never more; in plain
// mode without a frame (renderPlain).
func (t *Theme) Render(p Pane) string {
	if p.Width < 6 || p.Height < 2 {
		return strings.TrimSuffix(strings.Repeat(strings.Repeat(" ", max(p.Width, 0))+"\n", max(p.Height, 0)), "\n")
	}
	if t.Accessible {
		return t.renderPlain(p)
	}
	b := struct{ tl, tr, bl, br, h, v string }{"╭", "╮", "╰", "╯", "─", "│"}
	border := &t.Rule
	titleStyle := &t.PaneTitle
	if p.Focused {
		b = struct{ tl, tr, bl, br, h, v string }{"┏", "┓", "┗", "┛", "━", "┃"}
		border = &t.BorderFocused
		titleStyle = &t.PaneTitleFocused
	}
	inner := p.Width - 2
	rows := PaneRows(p.Height)
	var lines []string
	if p.Content != nil {
		lines = p.Content.Lines
	}
	offset := ClampOffset(p.Offset, len(lines), rows)

	var sb strings.Builder
	// Top border with the title.
	title := ""
	if p.Title != "" && inner > 4 {
		room := inner - 3
		badgeW := ansi.StringWidth(p.Badge)
		if badgeW > 0 && badgeW+6 < room {
			room -= badgeW + 1
		} else {
			badgeW = 0
		}
		title = t.Paint(titleStyle, " "+Truncate(p.Title, room-1)+" ")
		if badgeW > 0 {
			title += p.Badge + " "
		}
	}
	top := t.Paint(border, b.tl+b.h) + title
	top += t.Paint(border, strings.Repeat(b.h, max(inner-1-ansi.StringWidth(title), 0))+b.tr)
	sb.WriteString(Fit(top, p.Width))
	sb.WriteByte('\n')

	var mark Block
	hasMark := p.Content != nil && p.Mark >= 0 && p.Mark < len(p.Content.Blocks)
	if hasMark {
		mark = p.Content.Blocks[p.Mark]
	}
	side := t.Paint(border, b.v)
	cw := PaneInner(p.Width)
	for r := 0; r < rows; r++ {
		i := offset + r
		gutter := " "
		if hasMark && i >= mark.Start && i < mark.End {
			gutter = t.Paint(&t.Selected, "▌")
		}
		sb.WriteString(side)
		sb.WriteString(gutter)
		switch {
		case i >= len(lines):
			sb.WriteString(strings.Repeat(" ", cw))
		case p.Content.width(i) <= cw:
			sb.WriteString(lines[i])
			sb.WriteString(strings.Repeat(" ", cw-p.Content.width(i)))
		default:
			sb.WriteString(Fit(lines[i], cw))
		}
		if inner > cw+1 {
			sb.WriteByte(' ')
		}
		sb.WriteString(side)
		sb.WriteByte('\n')
	}
	// Bottom border with the scroll position when the content overflows.
	pos := ""
	if len(lines) > rows && rows > 0 {
		last := min(offset+rows, len(lines))
		arrow := "↕"
		switch {
		case offset == 0:
			arrow = "↓"
		case last == len(lines):
			arrow = "↑"
		}
		pos = fmt.Sprintf(" %s %d–%d/%d ", arrow, offset+1, last, len(lines))
		if ansi.StringWidth(pos)+2 > inner {
			pos = ""
		}
	}
	fill := max(inner-ansi.StringWidth(pos)-1, 0)
	bottom := t.Paint(border, b.bl+strings.Repeat(b.h, fill)) + t.Paint(&t.Muted, pos) + t.Paint(border, strings.Repeat(b.h, inner-fill-ansi.StringWidth(pos))+b.br)
	sb.WriteString(Fit(bottom, p.Width))
	return sb.String()
}

// ClampOffset keeps a scroll offset within content of n lines shown rows
// at a time.
func ClampOffset(offset, n, rows int) int {
	return max(min(offset, n-rows), 0)
}

// JoinColumns places blocks of lines side by side; every block must have
// the same number of lines of the same width already.
func JoinColumns(blocks ...string) string {
	if len(blocks) == 1 {
		return blocks[0]
	}
	split := make([][]string, len(blocks))
	n := 0
	for i, b := range blocks {
		split[i] = strings.Split(b, "\n")
		n = max(n, len(split[i]))
	}
	var sb strings.Builder
	for r := 0; r < n; r++ {
		if r > 0 {
			sb.WriteByte('\n')
		}
		for _, s := range split {
			if r < len(s) {
				sb.WriteString(s[r])
			}
		}
	}
	return sb.String()
}

// Split divides total cells into n parts as evenly as possible, the wider
// parts first.
func Split(total, n int) []int {
	if n <= 0 {
		return nil
	}
	out := make([]int, n)
	for i := range out {
		out[i] = total / n
		if i < total%n {
			out[i]++
		}
	}
	return out
}

// Rect is a region of the screen in cells: its column and row (from the
// top left of what the screen draws), its width and its height. Layout
// functions return the rectangles they draw in, and mouse hits are
// answered from them, so no screen counts border lines of its own.
type Rect struct{ X, Y, W, H int }

// Contains reports whether the cell x, y is inside r.
func (r Rect) Contains(x, y int) bool {
	return x >= r.X && x < r.X+r.W && y >= r.Y && y < r.Y+r.H
}

// PaneBody is the rows of a pane drawn in r that show its content lines,
// framed or plain: below the title line and above the last line, the
// whole width (a click on the border still means the line beside it).
func PaneBody(r Rect) Rect {
	return Rect{X: r.X, Y: r.Y + 1, W: r.W, H: PaneRows(r.H)}
}

// PaneLine is the content line under the cell x, y of a pane drawn in r
// and scrolled to offset, or false when the cell is not on a content line.
func PaneLine(r Rect, offset, x, y int) (int, bool) {
	body := PaneBody(r)
	if !body.Contains(x, y) {
		return 0, false
	}
	return offset + y - body.Y, true
}
