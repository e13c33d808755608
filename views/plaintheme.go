package views

import (
	"fmt"
	"strings"

	"charm.land/lipgloss/v2"
	"github.com/parley-dev/parley/data"
)

// AccessibleTheme is NewTheme for the explorer's plain mode: the same
// colours and weights, but panes drawn without frames and every style
// turning box drawing into blanks (Unbox), so that screens drawn through
// the theme put no borders in front of a screen reader.
func AccessibleTheme(d *data.Dossier, dark, noColor bool) *Theme {
	t := NewTheme(d, dark, noColor)
	t.Accessible = true
	for _, st := range t.styles() {
		*st = st.Transform(Unbox)
	}
	unboxAll(t.stance)
	unboxAll(t.status)
	unboxAll(t.parties)
	t.measure()
	return t
}

func unboxAll[K comparable](styles map[K]lipgloss.Style) {
	for k, st := range styles {
		styles[k] = st.Transform(Unbox)
	}
}

// isBox is a box-drawing (U+2500–U+257F) or block (U+2580–U+259F)
// character: borders, rules and bars that a screen reader reads out one
// by one.
func isBox(r rune) bool { return r >= 0x2500 && r <= 0x259F }

// Unbox turns box drawing into spaces, and the half block that marks a
// selection into ">", cell for cell, so widths stay as they were.
func Unbox(s string) string {
	if strings.IndexFunc(s, isBox) < 0 {
		return s
	}
	return strings.Map(func(r rune) rune {
		switch {
		case r == '▌':
			return '>'
		case isBox(r):
			return ' '
		}
		return r
	}, s)
}

// plainMark is what sets the selected line apart in plain mode.
const plainMark = "> "

// PlainInner is the content width of a plain-mode pane width cells wide:
// room for the mark and nothing else.
func PlainInner(width int) int { return max(width-len(plainMark), 1) }

// renderPlain is Render for plain mode: the title on the first line, the
// content with "> " before the first shown line of the selected block,
// and where the view stands on the last line; no frame, exactly
// Width×Height.
func (t *Theme) renderPlain(p Pane) string {
	rows := PaneRows(p.Height)
	var lines []string
	if p.Content != nil {
		lines = p.Content.Lines
	}
	offset := ClampOffset(p.Offset, len(lines), rows)
	mark := -1
	if p.Content != nil && p.Mark >= 0 && p.Mark < len(p.Content.Blocks) {
		if b := p.Content.Blocks[p.Mark]; b.End > offset {
			mark = max(b.Start, offset)
		}
	}
	out := make([]string, 0, p.Height)
	out = append(out, Fit(t.Paint(&t.Heading, Truncate(p.Title, p.Width)), p.Width))
	for i := offset; i < offset+rows; i++ {
		line := ""
		if i < len(lines) {
			line = lines[i]
		}
		if i == mark {
			line = t.Paint(&t.Selected, plainMark) + line
		}
		out = append(out, Fit(line, p.Width))
	}
	pos := ""
	if len(lines) > rows && rows > 0 {
		pos = fmt.Sprintf("lines %d to %d of %d", offset+1, min(offset+rows, len(lines)), len(lines))
	}
	out = append(out, Fit(t.Paint(&t.Muted, Truncate(pos, p.Width)), p.Width))
	return strings.Join(out, "\n")
}

// Inner is the content width of a pane width cells wide as this theme
// draws it: framed, or in plain mode with room only for the mark.
func (t *Theme) Inner(width int) int {
	if t.Accessible {
		return PlainInner(width)
	}
	return PaneInner(width)
}
