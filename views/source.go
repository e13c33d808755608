package views

import (
	"fmt"
	"slices"
	"strconv"
	"strings"
	"unicode"

	"github.com/parley-dev/parley/data"
)

// SourceText is a source laid out for reading at one width: its
// paragraphs wrapped and numbered, the statements anchored in it in text
// order, and after the text a list of its statements that could not be
// anchored. It is built once per width and drawn a window at a time, so a
// long source costs nothing per frame beyond the lines on screen.
type SourceText struct {
	Source *data.Source
	Lines  []SourceLine
	// Statements are the anchored ones in text order, then the unanchored.
	Statements []*data.Statement
	Anchored   int // how many of Statements are anchored
	// First is the first line of each statement in Lines.
	First []int
	numW  int
}

// SourceLine is one line of the laid-out source: a piece of the text, or a
// line of the list of statements not located in it.
type SourceLine struct {
	Span  data.Span // bytes of Source.Text shown, for a text line
	Para  int       // paragraph number on a paragraph's first line, else 0
	Stmts []int     // anchored statements overlapping the line
	// Listed is the index in Statements of the unanchored statement this
	// line lists, or -1 for a text line; Text is what it shows then.
	Listed int
	Text   string
	Head   bool // a heading of the list
}

// SourceStatements are the statements taken from a source: those anchored
// in its text, in text order, then those that are not.
func SourceStatements(d *data.Dossier, src *data.Source) (anchored, unanchored []*data.Statement) {
	for _, s := range d.Statements {
		if s.Source != src.ID {
			continue
		}
		if s.Location != nil && s.Location.Source == src.ID && s.Location.End <= len(src.Text) && s.Location.Start < s.Location.End {
			anchored = append(anchored, s)
		} else {
			unanchored = append(unanchored, s)
		}
	}
	slices.SortStableFunc(anchored, func(a, b *data.Statement) int {
		if c := a.Location.Start - b.Location.Start; c != 0 {
			return c
		}
		return a.Location.End - b.Location.End
	})
	return anchored, unanchored
}

// LayoutSource wraps the source's paragraphs to width (the text column,
// paragraph numbers and marks included) by display width, and finds the
// statements on each line.
func LayoutSource(d *data.Dossier, src *data.Source, width int) *SourceText {
	st := &SourceText{Source: src}
	anchored, unanchored := SourceStatements(d, src)
	st.Statements = append(anchored, unanchored...)
	st.Anchored = len(anchored)
	st.First = make([]int, len(st.Statements))
	st.numW = len(strconv.Itoa(max(len(src.Paragraphs), 1)))
	textW := max(width-st.numW-2, 1)

	if !src.HasText() {
		msg := "This source has no text here"
		if src.URL != "" {
			msg += " (only a link: " + src.URL + ")"
		}
		for _, l := range Wrap(msg+", so its quotes cannot be checked.", textW) {
			st.Lines = append(st.Lines, SourceLine{Listed: -1, Head: true, Text: l})
		}
	}
	paras := src.Paragraphs
	if len(paras) == 0 && src.Text != "" {
		paras = []data.Span{{Start: 0, End: len(src.Text)}}
	}
	next := 0        // the next anchored statement not yet started
	var active []int // anchored statements overlapping the current line
	for pi, p := range paras {
		if pi > 0 {
			st.Lines = append(st.Lines, SourceLine{Listed: -1, Span: data.Span{Start: p.Start, End: p.Start}})
		}
		for li, sp := range wrapSpans(src.Text[p.Start:p.End], textW) {
			line := SourceLine{Span: data.Span{Start: p.Start + sp.Start, End: p.Start + sp.End}, Listed: -1}
			if li == 0 {
				line.Para = pi + 1
			}
			for next < len(anchored) && anchored[next].Location.Start < line.Span.End {
				st.First[next] = len(st.Lines)
				active = append(active, next)
				next++
			}
			active = slices.DeleteFunc(active, func(i int) bool { return anchored[i].Location.End <= line.Span.Start })
			for _, i := range active {
				if anchored[i].Location.Start < max(line.Span.End, line.Span.Start+1) {
					line.Stmts = append(line.Stmts, i)
				}
			}
			st.Lines = append(st.Lines, line)
		}
	}
	for ; next < len(anchored); next++ { // anchored past the last paragraph
		st.First[next] = max(len(st.Lines)-1, 0)
	}
	if len(unanchored) > 0 {
		st.Lines = append(st.Lines, SourceLine{Listed: -1}, SourceLine{Listed: -1, Head: true,
			Text: fmt.Sprintf("Not located in this source (%d), so not highlighted:", len(unanchored))})
		for i, s := range unanchored {
			k := len(anchored) + i
			st.First[k] = len(st.Lines)
			text := s.ID + ": " + flatLine(s.Text)
			if s.Kind == data.KindQuote {
				text = s.ID + ": “" + flatLine(s.Text) + "”"
			}
			for _, l := range Indent(text, max(width-st.numW-2, 1), "", "  ") {
				st.Lines = append(st.Lines, SourceLine{Listed: k, Text: l})
			}
		}
	}
	return st
}

// SourceView is what RenderSourceText draws: the laid-out text, the
// statement in focus (-1 for none) and the first line shown.
type SourceView struct {
	Text    *SourceText
	Current int
	Offset  int
}

// RenderSourceText draws rows lines of the source, width cells wide: the
// paragraph number, a mark (▶ on the lines of the statement in focus, ┃ on
// lines holding another statement), then the text with every anchored
// statement underlined in its party's colour and the one in focus
// reversed, so both read without colour.
func (t *Theme) RenderSourceText(d *data.Dossier, v SourceView, width, rows int) []string {
	st := v.Text
	out := make([]string, 0, rows)
	var cur *data.Statement
	if v.Current >= 0 && v.Current < len(st.Statements) {
		cur = st.Statements[v.Current]
	}
	blankNum := strings.Repeat(" ", st.numW)
	for i := v.Offset; i < len(st.Lines) && len(out) < rows; i++ {
		l := st.Lines[i]
		num := blankNum
		if l.Para > 0 {
			num = fmt.Sprintf("%*d", st.numW, l.Para)
		}
		mark := " "
		var text string
		switch {
		case l.Head:
			text = t.Heading.Render(l.Text)
		case l.Listed >= 0:
			if l.Listed == v.Current {
				mark = t.Selected.Render("▶")
			}
			s := st.Statements[l.Listed]
			text = t.Party(s.Party).Render("⚠ ") + t.Empty.Render(l.Text)
			if l.Listed == v.Current {
				text = t.SelectedRow.Render("⚠ " + l.Text)
			}
		default:
			mark, text = t.sourceLine(st, l, v.Current, cur)
		}
		out = append(out, Fit(t.Muted.Render(num)+" "+mark+text, width))
	}
	for len(out) < rows {
		out = append(out, strings.Repeat(" ", max(width, 0)))
	}
	return out
}

// sourceLine styles one line of text: the pieces inside statements in
// their party's style, underlined, the statement in focus reversed too.
func (t *Theme) sourceLine(st *SourceText, l SourceLine, current int, cur *data.Statement) (string, string) {
	text := st.Source.Text
	if len(l.Stmts) == 0 {
		return " ", t.Summary.Render(text[l.Span.Start:l.Span.End])
	}
	mark := t.Muted.Render("┃")
	// Cut the line where a statement starts or ends, and style each piece
	// by the statement covering it, the one in focus first.
	cuts := []int{l.Span.Start, l.Span.End}
	for _, i := range l.Stmts {
		loc := st.Statements[i].Location
		if i == current {
			mark = t.Selected.Render("▶")
		}
		for _, c := range []int{loc.Start, loc.End} {
			if c > l.Span.Start && c < l.Span.End {
				cuts = append(cuts, c)
			}
		}
	}
	slices.Sort(cuts)
	cuts = slices.Compact(cuts)
	var sb strings.Builder
	for k := 0; k+1 < len(cuts); k++ {
		a, b := cuts[k], cuts[k+1]
		style, covered := t.Summary, false
		for _, i := range l.Stmts {
			loc := st.Statements[i].Location
			if loc.Start > a || loc.End < b {
				continue
			}
			if i == current {
				style, covered = t.Party(cur.Party).Underline(true).UnderlineSpaces(true).Reverse(true), true
				break
			}
			if !covered {
				style, covered = t.Party(st.Statements[i].Party).Underline(true).UnderlineSpaces(true), true
			}
		}
		sb.WriteString(newStyler(style).render(text[a:b])) // one run, so the reverse has no holes at spaces
	}
	return mark, sb.String()
}

// SourceBar is the line above the text: which source of how many, its
// title, publisher and date, and how many of its statements are located.
func SourceBar(d *data.Dossier, st *SourceText, index, count, width int, t *Theme) string {
	src := st.Source
	pos := ""
	if count > 1 {
		pos = fmt.Sprintf("◂ %d/%d ▸ ", index+1, count)
	}
	title := src.Title
	if title == "" {
		title = src.ID
	}
	meta := []string{}
	if src.Publisher != "" {
		meta = append(meta, src.Publisher)
	}
	if !src.Date.IsZero() {
		meta = append(meta, src.Date.String())
	}
	n := len(st.Statements)
	counts := fmt.Sprintf("%d %s", n, plural(n, "statement", "statements"))
	if un := n - st.Anchored; un > 0 {
		counts += fmt.Sprintf(", %d not located", un)
	}
	meta = append(meta, counts)
	line := t.Muted.Render(pos) + t.TopicBar.Render(flatten(title)) + t.Muted.Render(" · "+strings.Join(meta, " · "))
	return Fit(line, width)
}

// StatementPanel is the side panel of the source reader: who said the
// statement in focus, its kind, date and place, its topics and what cites
// it (positions, demands, answers, events).
func StatementPanel(d *data.Dossier, s *data.Statement, width int, t *Theme) *Content {
	c := &Content{}
	if s == nil {
		for _, l := range Wrap("no statements are taken from this source", width) {
			c.add(t.Empty.Render(l))
		}
		return c
	}
	if p := d.Party(s.Party); p != nil {
		for _, l := range Wrap(p.Name, width) {
			c.add(t.Party(p.ID).Render(l))
		}
	}
	statementBlock(c, d, s, width, t)
	c.Blocks = nil
	where := "not located in the source"
	if s.Location != nil {
		where = fmt.Sprintf("¶%d", s.Location.Paragraph)
	}
	if a := d.Actor(s.Actor); a != nil && a.Role != "" {
		for _, l := range Indent(a.Role, width, "  ", "  ") {
			c.add(t.Muted.Render(l))
		}
	}
	for _, l := range Indent("kind: "+string(s.Kind)+" · "+where, width, "  ", "  ") {
		c.add(t.Muted.Render(l))
	}
	section := func(title string, items []string) {
		if len(items) == 0 {
			return
		}
		c.blank()
		c.add(t.Heading.Render(Truncate(title, width)))
		for _, it := range items {
			c.add(Indent(it, width, "• ", "  ")...)
		}
	}
	var topics []string
	for _, id := range s.Topics {
		if tp := d.Topic(id); tp != nil {
			topics = append(topics, flatten(tp.Title))
		}
	}
	section("Topics", topics)
	cites := citations(d, s)
	if len(cites) == 0 {
		cites = []string{"nothing cites it yet"}
	}
	section("Cited by", cites)
	if s.Note != "" {
		section("Note", []string{flatten(s.Note)})
	}
	return c
}

// flatLine is flatten with a fast way out for text already on one line
// with single spaces, which most statements are; a source of ten thousand
// statements is laid out again on every resize.
func flatLine(s string) string {
	prevSpace := true // a leading space needs flattening too
	for _, r := range s {
		switch {
		case r == ' ' && !prevSpace:
			prevSpace = true
		case unicode.IsSpace(r):
			return flatten(s)
		default:
			prevSpace = false
		}
	}
	if prevSpace && s != "" {
		return flatten(s)
	}
	return s
}

// SourceGutter is how many cells the paragraph numbers and marks take.
func (st *SourceText) SourceGutter() int { return st.numW + 2 }
