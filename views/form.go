package views

import (
	"fmt"
	"strings"

	"github.com/charmbracelet/x/ansi"
)

// A form is what the explorer asks when a record is made or changed: a
// few fields, one in focus. Text fields arrive drawn (a Bubbles input's
// view); a list to pick from is drawn here, under its field while it has
// the focus, filtered by what was typed.

// FormField is one field of a form as it is drawn now.
type FormField struct {
	Label string
	// Value is the field's value: a text box's view (already drawn, one
	// or several lines), a choice, or what was picked.
	Value string
	// Choice marks a field whose value is one of a few, changed with ←/→.
	Choice bool
	// Filter, for a list to pick from while it has the focus, is the
	// filter box's view; Options are the entries that match, Cursor the
	// one under the cursor.
	Filter  string
	Options []FormOption
	Cursor  int
	// More is how many entries match beyond those shown.
	More int
	// Note is a muted line under the field (what the field is for).
	Note string
}

// FormOption is one entry of a list to pick from.
type FormOption struct {
	Label, Detail string
	Chosen        bool // picked already (a list of several)
	Many          bool // the list takes several: drawn with a box
	Action        bool // an entry that does something ("+ new actor…")
}

// Form is a whole form to draw.
type Form struct {
	Title   string
	Context []string // plain text shown first: the passage, the statement
	Fields  []FormField
	Focus   int
	Error   string // why the form was not applied
}

// FormLabelWidth is how wide the label column of a form is, at most.
const FormLabelWidth = 11

// FormContent lays a form out width cells wide: the context, then each
// field a block of lines (the focused one with its list), the error and
// the keys. The blocks are the fields, so a pane shows the focused one.
func FormContent(f Form, width int, t *Theme) *Content {
	c := &Content{}
	for _, p := range f.Context {
		for _, l := range Wrap(flatten(p), width) {
			c.add(t.Paint(&t.Quote, l))
		}
	}
	if len(f.Context) > 0 {
		c.add("")
	}
	labelW := FormLabelColumn(width)
	valueW := max(width-labelW-3, 1)
	pad := strings.Repeat(" ", labelW+3)
	for i, fd := range f.Fields {
		start := len(c.Lines)
		focused := i == f.Focus
		mark := "  "
		switch {
		case focused && t.Accessible:
			mark = t.Paint(&t.Selected, plainMark)
		case focused:
			mark = t.Paint(&t.Selected, "▶ ")
		}
		label := Truncate(fd.Label, labelW)
		label += strings.Repeat(" ", labelW-ansi.StringWidth(label)+1)
		style := &t.Muted
		if focused {
			style = &t.Heading
		}
		head := mark + t.Paint(style, label)
		value := fd.Value
		if fd.Choice && focused {
			value = t.Paint(&t.Selected, "◂ ") + value + t.Paint(&t.Selected, " ▸")
		}
		lines := strings.Split(value, "\n")
		if value == "" {
			lines = []string{t.Paint(&t.Empty, "—")}
		}
		for j, l := range lines {
			prefix := pad
			if j == 0 {
				prefix = head
			}
			c.add(Fit(prefix+l, width))
		}
		if focused && fd.Filter != "" {
			c.add(Fit(pad+fd.Filter, width))
		}
		if focused {
			for j, o := range fd.Options {
				c.add(formOption(o, j == fd.Cursor, pad, valueW, t))
			}
			if fd.More > 0 {
				c.add(t.Paint(&t.Muted, Truncate(fmt.Sprintf("%s  … %d more — type to narrow", pad, fd.More), width)))
			}
			if fd.Note != "" {
				for _, l := range Wrap(fd.Note, valueW) {
					c.add(pad + t.Paint(&t.Muted, l))
				}
			}
		}
		c.Blocks = append(c.Blocks, Block{Start: start, End: len(c.Lines)})
	}
	if f.Error != "" {
		c.add("")
		for _, l := range Wrap(f.Error, width) {
			c.add(t.Paint(&t.Notice, l))
		}
	}
	return c
}

// FormLabelColumn is how wide the labels of a form width cells wide are
// drawn; the values start three cells after (the mark and a space).
func FormLabelColumn(width int) int { return min(FormLabelWidth, max(width/3, 4)) }

// formOption is one entry of a list: a cursor, a box for a list of
// several, the label and its detail, muted.
func formOption(o FormOption, cursor bool, pad string, width int, t *Theme) string {
	box := ""
	switch {
	case o.Many && o.Chosen:
		box = "[x] "
	case o.Many && !o.Action:
		box = "[ ] "
	case o.Chosen:
		box = "● "
	case !o.Action:
		box = "  "
	}
	text := box + flatten(o.Label)
	line := text
	if o.Detail != "" {
		line += "  " + flatten(o.Detail)
	}
	line = Truncate(line, width-2)
	switch {
	case cursor && t.Accessible:
		return pad + plainMark + line
	case cursor:
		return pad + t.Paint(&t.SelectedRow, "▶ "+line)
	case o.Action:
		return pad + "  " + t.Paint(&t.Heading, line)
	}
	if o.Detail != "" && ansi.StringWidth(text) < ansi.StringWidth(line) {
		return pad + "  " + t.Paint(&t.Summary, text) + t.Paint(&t.Muted, strings.TrimPrefix(line, text))
	}
	return pad + "  " + t.Paint(&t.Summary, line)
}

// FormOffset is where a pane of rows lines showing c scrolls so the
// focused field's block is in view, its top first, from offset.
func FormOffset(c *Content, focus, offset, rows int) int {
	if focus >= 0 && focus < len(c.Blocks) && rows > 0 {
		b := c.Blocks[focus]
		if b.End > offset+rows {
			offset = b.End - rows
		}
		if b.Start < offset {
			offset = b.Start
		}
	}
	return ClampOffset(offset, len(c.Lines), rows)
}
