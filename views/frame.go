package views

import (
	"fmt"
	"strings"

	"github.com/charmbracelet/x/ansi"
	"github.com/parley-dev/parley/data"
)

// Header is the top line: the screen tabs on the left ("1 Compare"), the
// dossier's title and date on the right, cut to fit, and before the title
// what the editing state is (Status). It returns the cell range each tab
// covers so a click can find it.
func Header(d *data.Dossier, tabs []string, active, width int, st Status, t *Theme) (string, []data.Span) {
	var sb strings.Builder
	spans := make([]data.Span, 0, len(tabs))
	x := 0
	labels := tabLabels(tabs, active, width)
	for i := range tabs {
		label := labels[i]
		w := ansi.StringWidth(label)
		if x+w > width {
			break
		}
		if i == active {
			sb.WriteString(t.Paint(&t.TabActive, label))
		} else {
			sb.WriteString(t.Paint(&t.TabKey, label[:2]) + t.Paint(&t.Tab, label[2:]))
		}
		spans = append(spans, data.Span{Start: x, End: x + w})
		x += w
	}
	title := d.Title
	if !d.Date.IsZero() {
		title += " · " + d.Date.String()
	}
	room := width - x - 2
	status := ""
	for _, s := range st.forms() {
		if w := ansi.StringWidth(s); w <= room {
			status, room = s, room-w-2
			break
		}
	}
	if room < 8 {
		title = ""
	}
	title = Truncate(title, max(room, 0))
	right := t.Paint(&t.Title, title)
	if status != "" {
		right = t.Paint(&t.Notice, status)
		if title != "" {
			right += "  " + t.Paint(&t.Title, title)
		}
	}
	if rw := ansi.StringWidth(ansi.Strip(right)); rw > 0 {
		sb.WriteString(strings.Repeat(" ", max(width-x-rw-1, 0)))
		sb.WriteString(right)
		sb.WriteByte(' ')
	}
	return Fit(sb.String(), width), spans
}

// Status is what the header says of the dossier being edited: unsaved
// edits, problems the last check found, or that it cannot be edited.
type Status struct {
	Modified bool
	Errors   int
	Saving   bool
}

// forms are the ways the header can say the status, longest first: it
// shows the longest that fits.
func (st Status) forms() []string {
	var long, short []string
	switch {
	case st.Saving:
		long, short = append(long, "saving…"), append(short, "…")
	case st.Modified:
		long, short = append(long, "● modified"), append(short, "●")
	}
	if st.Errors > 0 {
		long = append(long, fmt.Sprintf("%d %s", st.Errors, plural(st.Errors, "error", "errors")))
		short = append(short, fmt.Sprintf("%d✗", st.Errors))
	}
	if len(long) == 0 {
		return nil
	}
	return []string{strings.Join(long, " · "), strings.Join(short, " ")}
}

// tabLabels are the tabs as the header shows them: " 1 Compare " when
// they all fit in width, else their first four letters (" 1 Comp "),
// else the numbers with the active tab's name, so every tab stays on
// screen and can be clicked.
func tabLabels(tabs []string, active, width int) []string {
	styles := []func(i int, name string) string{
		func(i int, name string) string { return fmt.Sprintf(" %d %s ", i+1, name) },
		func(i int, name string) string {
			return fmt.Sprintf(" %d %s ", i+1, string([]rune(name)[:min(4, len([]rune(name)))]))
		},
		func(i int, name string) string {
			if i == active {
				return fmt.Sprintf(" %d %s ", i+1, name)
			}
			return fmt.Sprintf(" %d ", i+1)
		},
	}
	var labels []string
	for _, style := range styles {
		labels = make([]string, len(tabs))
		total := 0
		for i, name := range tabs {
			labels[i] = style(i, name)
			total += ansi.StringWidth(labels[i])
		}
		if total <= width {
			break
		}
	}
	return labels
}

// TooSmall is the notice shown instead of a layout that cannot fit, in the
// middle of a width×height screen.
func TooSmall(needW, needH, width, height int, t *Theme) string {
	msg := fmt.Sprintf("terminal too small — needs %d×%d (now %d×%d)", needW, needH, width, height)
	lines := Wrap(msg, max(width, 1))
	if len(lines) > height {
		lines = Wrap(fmt.Sprintf("too small — needs %d×%d", needW, needH), max(width, 1))
	}
	return Center(lines, width, height, t.Notice)
}

// Center places lines in the middle of a width×height area.
func Center(lines []string, width, height int, style interface{ Render(...string) string }) string {
	out := make([]string, 0, height)
	top := max((height-len(lines))/2, 0)
	for range top {
		out = append(out, strings.Repeat(" ", max(width, 0)))
	}
	for _, l := range lines {
		if len(out) == height {
			break
		}
		pad := max((width-ansi.StringWidth(l))/2, 0)
		out = append(out, Fit(strings.Repeat(" ", pad)+style.Render(l), width))
	}
	for len(out) < height {
		out = append(out, strings.Repeat(" ", max(width, 0)))
	}
	return strings.Join(out, "\n")
}

// Rows cuts or pads a multi-line string to height lines, adding blank
// lines width cells wide; it trusts the lines' own widths, which the views
// that drew them guarantee.
func Rows(s string, width, height int) string {
	n := strings.Count(s, "\n") + 1
	if n > height {
		i := 0
		for range height {
			i += strings.IndexByte(s[i:], '\n') + 1
		}
		return s[:i-1]
	}
	if n == height {
		return s
	}
	return s + strings.Repeat("\n"+strings.Repeat(" ", max(width, 0)), height-n)
}

// Box cuts or pads a multi-line string to exactly width×height cells.
func Box(s string, width, height int) string {
	lines := strings.Split(s, "\n")
	if len(lines) > height {
		lines = lines[:height]
	}
	for i, l := range lines {
		lines[i] = Fit(l, width)
	}
	for len(lines) < height {
		lines = append(lines, strings.Repeat(" ", max(width, 0)))
	}
	return strings.Join(lines, "\n")
}

// PickerRow is one party in the party picker.
type PickerRow struct {
	Party  *data.Party
	Order  int // 1-based place among the shown parties, 0 when hidden
	Cursor bool
}

// Picker draws the party picker: which parties are compared and in which
// order. The rows come in the order they will be shown, hidden ones last.
func Picker(rows []PickerRow, limit string, width int, t *Theme) *Content {
	c := &Content{}
	for _, l := range Wrap("Choose the parties to compare and their order", width) {
		c.add(t.Paint(&t.Heading, l))
	}
	for _, l := range Wrap(limit, width) {
		c.add(t.Paint(&t.Muted, l))
	}
	c.add("")
	for _, r := range rows {
		box := "[ ]"
		if r.Order > 0 {
			box = fmt.Sprintf("[%d]", r.Order)
		}
		cursor := "  "
		switch {
		case r.Cursor && t.Accessible:
			cursor = plainMark
		case r.Cursor:
			cursor = "▶ "
		}
		label := r.Party.Label()
		line := cursor + box + " "
		rest := t.PartyText(r.Party.ID, label)
		if r.Party.Name != label {
			rest += " " + r.Party.Name
		}
		line = Fit(line+rest, width)
		if r.Cursor {
			line = t.Paint(&t.SelectedRow, ansi.Strip(line))
		}
		c.Blocks = append(c.Blocks, Block{Start: len(c.Lines), End: len(c.Lines) + 1})
		c.add(line)
	}
	c.add("")
	for _, l := range Wrap("space shows or hides · shift+↑/↓ (K/J) moves · enter applies · esc cancels", width) {
		c.add(t.Paint(&t.Muted, l))
	}
	return c
}

// HelpItem is one key and what it does.
type HelpItem struct{ Key, Desc string }

// HelpGrid lays out groups of keys as columns, left to right, starting a
// new band of columns below when the next one would not fit, so every key
// is shown at any width.
func HelpGrid(groups [][]HelpItem, width int, t *Theme) []string {
	const gap = 3
	var out []string
	var band []string // lines of the band being filled
	bandW := 0
	flush := func() {
		for _, l := range band {
			out = append(out, Fit(l, width))
		}
		band, bandW = nil, 0
	}
	for _, g := range groups {
		if len(g) == 0 {
			continue
		}
		kw, dw := 0, 0
		for _, it := range g {
			kw = max(kw, ansi.StringWidth(it.Key))
			dw = max(dw, ansi.StringWidth(it.Desc))
		}
		colW := kw + 1 + dw
		x := bandW
		if bandW > 0 {
			x += gap
		}
		if bandW > 0 && x+colW > width {
			flush()
			x = 0
		}
		for i, it := range g {
			cell := t.Paint(&t.HelpKey, it.Key) + strings.Repeat(" ", kw-ansi.StringWidth(it.Key)+1) + t.Paint(&t.HelpDesc, it.Desc)
			for len(band) <= i {
				band = append(band, strings.Repeat(" ", bandW))
			}
			band[i] = Fit(band[i], x) + cell
		}
		for i := len(g); i < len(band); i++ {
			band[i] = Fit(band[i], x+colW)
		}
		bandW = x + colW
	}
	flush()
	return out
}
