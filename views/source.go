package views

import (
	"fmt"
	"slices"
	"strconv"
	"strings"
	"unicode"

	"github.com/charmbracelet/x/ansi"

	"github.com/parley-dev/parley/data"
)

// SourceText is a source made ready for reading at any width: the
// statements anchored in it in text order, after them those that could
// not be anchored, and the units it is laid out in one at a time (the
// notice of a source without text, each paragraph, the heading of the
// list of statements not located, each of those). A screen of a long
// source costs the paragraphs on screen, never the whole text.
type SourceText struct {
	Source *data.Source
	// Statements are the anchored ones in text order, then the unanchored.
	Statements []*data.Statement
	Anchored   int // how many of Statements are anchored
	numW       int

	paras  []data.Span
	notice int   // units before the paragraphs: 1 for the no-text notice
	maxEnd []int // maxEnd[k] is the furthest end of Statements[:k+1]
}

// SourceLine is one line of the laid-out source: a piece of the text, or a
// line of the list of statements not located in it.
type SourceLine struct {
	Span  data.Span // bytes of Source.Text shown, for a text line
	Para  int       // paragraph number on a paragraph's first line, else 0
	In    int       // paragraph number on every line of a paragraph, else 0
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
	stmts := d.StatementsBySource(src.ID)
	located := func(s *data.Statement) bool {
		return s.Location != nil && s.Location.Source == src.ID && s.Location.End <= len(src.Text) && s.Location.Start < s.Location.End
	}
	n := 0
	for _, s := range stmts {
		if located(s) {
			n++
		}
	}
	if n == 0 {
		return nil, stmts // shared with the dossier's index: read only
	}
	anchored, unanchored = make([]*data.Statement, 0, n), make([]*data.Statement, 0, len(stmts)-n)
	for _, s := range stmts {
		if located(s) {
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

// NewSourceText finds the source's statements and its paragraphs; it
// wraps nothing.
func NewSourceText(d *data.Dossier, src *data.Source) *SourceText {
	st := &SourceText{Source: src}
	anchored, unanchored := SourceStatements(d, src)
	st.Statements = unanchored // a source whose statements are none located: no copy of them
	if len(anchored) > 0 {
		st.Statements = append(anchored, unanchored...)
	}
	st.Anchored = len(anchored)
	st.numW = len(strconv.Itoa(max(len(src.Paragraphs), 1)))
	st.paras = src.Paragraphs
	if len(st.paras) == 0 && src.Text != "" {
		st.paras = []data.Span{{Start: 0, End: len(src.Text)}}
	}
	if !src.HasText() {
		st.notice = 1
	}
	st.maxEnd = make([]int, len(anchored))
	for k, s := range anchored {
		st.maxEnd[k] = s.Location.End
		if k > 0 {
			st.maxEnd[k] = max(st.maxEnd[k], st.maxEnd[k-1])
		}
	}
	return st
}

// Index is where s is in Statements, or -1. It is asked once per
// statement shown in its source, so a scan (a millisecond at a million)
// beats building a map of them all on every first visit.
func (st *SourceText) Index(s *data.Statement) int { return slices.Index(st.Statements, s) }

// Units is how many units the source is laid out in.
func (st *SourceText) Units() int {
	n := st.notice + len(st.paras)
	if un := len(st.Statements) - st.Anchored; un > 0 {
		n += 1 + un
	}
	return n
}

// textWidth is the width of the text column, the gutter left out.
func (st *SourceText) textWidth(width int) int { return max(width-st.numW-2, 1) }

// Unit lays out unit i at width (the text column, paragraph numbers and
// marks included), by display width, with the statements on each line.
func (st *SourceText) Unit(i, width int) []SourceLine {
	textW := st.textWidth(width)
	src := st.Source
	if i < st.notice {
		msg := "This source has no text here"
		if src.URL != "" {
			msg += " (only a link: " + src.URL + ")"
		}
		var out []SourceLine
		for _, l := range Wrap(msg+", so its quotes cannot be checked.", textW) {
			out = append(out, SourceLine{Listed: -1, Head: true, Text: l})
		}
		return out
	}
	i -= st.notice
	if i < len(st.paras) {
		return st.paragraph(i, textW)
	}
	i -= len(st.paras)
	if i == 0 {
		un := len(st.Statements) - st.Anchored
		return []SourceLine{{Listed: -1}, {Listed: -1, Head: true,
			Text: fmt.Sprintf("Not located in this source (%d), so not highlighted:", un)}}
	}
	k := st.Anchored + i - 1
	s := st.Statements[k]
	text := s.ID + ": " + flatLine(s.Text)
	switch s.Kind {
	case data.KindQuote:
		text = s.ID + ": “" + flatLine(s.Text) + "”"
	case data.KindAccount:
		text = s.ID + " (account): " + flatLine(s.Text)
	}
	var out []SourceLine
	for _, l := range Indent(text, textW, "", "  ") {
		out = append(out, SourceLine{Listed: k, Text: l})
	}
	return out
}

// paragraph lays out paragraph pi, a blank line above it but the first;
// a line holds the anchored statements that start before it ends and end
// after it starts.
func (st *SourceText) paragraph(pi, textW int) []SourceLine {
	p := st.paras[pi]
	var out []SourceLine
	if pi > 0 {
		out = append(out, SourceLine{Listed: -1, Span: data.Span{Start: p.Start, End: p.Start}})
	}
	// The statements overlapping the paragraph: those starting before its
	// end, found going back for as long as one of them may still reach it.
	var over []int
	for k := st.startingBefore(p.End) - 1; k >= 0 && st.maxEnd[k] > p.Start; k-- {
		if st.Statements[k].Location.End > p.Start {
			over = append(over, k)
		}
	}
	slices.Reverse(over)
	for li, sp := range wrapSpans(st.Source.Text[p.Start:p.End], textW) {
		line := SourceLine{Span: data.Span{Start: p.Start + sp.Start, End: p.Start + sp.End}, Listed: -1, In: pi + 1}
		if li == 0 {
			line.Para = pi + 1
		}
		for _, k := range over {
			if loc := st.Statements[k].Location; loc.Start < line.Span.End && loc.End > line.Span.Start {
				line.Stmts = append(line.Stmts, k)
			}
		}
		out = append(out, line)
	}
	return out
}

// startingBefore is how many anchored statements start before offset.
func (st *SourceText) startingBefore(offset int) int {
	n, _ := slices.BinarySearchFunc(st.Statements[:st.Anchored], offset, func(s *data.Statement, off int) int {
		if s.Location.Start < off {
			return -1
		}
		return 1
	})
	return n
}

// StatementUnit is where statement k's first line is at width: a unit and
// a line in it. An anchored statement starts on the first line of text
// that ends after its start; one past the text, on the last line.
func (st *SourceText) StatementUnit(k, width int) (unit, line int) {
	if k >= st.Anchored {
		return st.notice + len(st.paras) + 1 + k - st.Anchored, 0
	}
	start := st.Statements[k].Location.Start
	pi, _ := slices.BinarySearchFunc(st.paras, start, func(p data.Span, off int) int {
		if p.End <= off {
			return -1
		}
		return 1
	})
	for ; pi < len(st.paras); pi++ {
		for li, l := range st.paragraph(pi, st.textWidth(width)) {
			if l.In > 0 && l.Span.End > start {
				return st.notice + pi, li
			}
		}
	}
	if len(st.paras) == 0 {
		return 0, 0
	}
	last := len(st.paras) - 1
	return st.notice + last, len(st.paragraph(last, st.textWidth(width))) - 1
}

// UnitAt is where the text line holding byte offset of the source's text
// is at width: a unit and a line in it (the last line of the text for an
// offset past it; 0, 0 for a source without paragraphs).
func (st *SourceText) UnitAt(offset, width int) (unit, line int) {
	pi, _ := slices.BinarySearchFunc(st.paras, offset, func(p data.Span, off int) int {
		if p.End <= off {
			return -1
		}
		return 1
	})
	if pi >= len(st.paras) {
		if len(st.paras) == 0 {
			return 0, 0
		}
		last := len(st.paras) - 1
		return st.notice + last, len(st.paragraph(last, st.textWidth(width))) - 1
	}
	lines := st.paragraph(pi, st.textWidth(width))
	for li, l := range lines {
		if l.In > 0 && l.Span.End >= offset && (li+1 == len(lines) || lines[li+1].Span.Start > offset) {
			return st.notice + pi, li
		}
	}
	return st.notice + pi, max(len(lines)-1, 0)
}

// Paragraphs is how many paragraphs the text has.
func (st *SourceText) Paragraphs() int { return len(st.paras) }

// Lines lays the whole source out at width, for a reader that wants it
// all (a test); the explorer asks for units.
func (st *SourceText) Lines(width int) []SourceLine {
	var out []SourceLine
	for i := range st.Units() {
		out = append(out, st.Unit(i, width)...)
	}
	return out
}

// SourceView is what RenderSourceText draws: the source, the statement in
// focus (-1 for none) and the lines on screen.
type SourceView struct {
	Text    *SourceText
	Current int
	Lines   []SourceLine
	// Marking is a passage being marked as a new statement, or nil.
	Marking *data.Span
}

// sourceStyles are the stylers of one frame of the source: Lip Gloss
// parses every string it renders, and a frame has a few hundred pieces.
type sourceStyles struct {
	t                                                     *Theme
	heading, selected, selectedRow, empty, muted, summary styler
	marking                                               styler
	parties                                               map[partyKey]styler
}

type partyKey struct {
	id   string
	kind int
}

// The ways a party's style is used in the source.
const (
	partyPlain   = iota // its colour
	partyMarked         // a statement in the text: underlined
	partyFocused        // the statement in focus: underlined and reversed
)

func newSourceStyles(t *Theme) *sourceStyles {
	return &sourceStyles{t: t, heading: newStyler(t.Heading), selected: newStyler(t.Selected),
		selectedRow: newStyler(t.SelectedRow), empty: newStyler(t.Empty), muted: newStyler(t.Muted),
		summary: newStyler(t.Summary), marking: newStyler(t.Marking), parties: map[partyKey]styler{}}
}

func (ss *sourceStyles) party(id string, kind int) styler {
	k := partyKey{id, kind}
	s, ok := ss.parties[k]
	if !ok {
		st := ss.t.Party(id)
		if kind != partyPlain {
			st = st.Underline(true).UnderlineSpaces(true)
		}
		if kind == partyFocused {
			st = st.Reverse(true)
		}
		s = newStyler(st)
		ss.parties[k] = s
	}
	return s
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
	ss := newSourceStyles(t)
	for _, l := range v.Lines {
		if len(out) == rows {
			break
		}
		num := blankNum
		if l.Para > 0 {
			num = fmt.Sprintf("%*d", st.numW, l.Para)
		}
		mark := " "
		var text string
		plain := l.Text // what the line shows after the mark, unstyled
		switch {
		case l.Head:
			text = ss.heading.render(l.Text)
		case l.Listed >= 0:
			if l.Listed == v.Current {
				mark = ss.selected.render("▶")
			}
			s := st.Statements[l.Listed]
			text = ss.party(s.Party, partyPlain).render("⚠ ") + ss.empty.render(l.Text)
			if l.Listed == v.Current {
				text = ss.selectedRow.render("⚠ " + l.Text)
			}
			plain = "⚠ " + l.Text
		default:
			mark, text = ss.sourceLine(st, l, v.Current, cur, v.Marking)
			plain = st.Source.Text[l.Span.Start:l.Span.End]
		}
		line := ss.muted.render(num) + " " + mark + text
		// The width is the plain text's, measured without the escapes;
		// only a line too wide is cut (and measured) by Fit.
		if w := len(num) + 2 + plainWidth(plain); w <= width {
			out = append(out, line+strings.Repeat(" ", width-w))
		} else {
			out = append(out, Fit(line, width))
		}
	}
	for len(out) < rows {
		out = append(out, strings.Repeat(" ", max(width, 0)))
	}
	return out
}

// plainWidth is the display width of unstyled text, at once for ASCII.
func plainWidth(s string) int {
	for i := 0; i < len(s); i++ {
		if s[i] >= 0x80 {
			return ansi.StringWidth(s)
		}
	}
	return len(s)
}

// sourceLine styles one line of text: the pieces inside statements in
// their party's style, underlined, the statement in focus reversed too.
func (ss *sourceStyles) sourceLine(st *SourceText, l SourceLine, current int, cur *data.Statement, marking *data.Span) (string, string) {
	text := st.Source.Text
	marked := marking != nil && marking.Start < l.Span.End && marking.End > l.Span.Start
	if len(l.Stmts) == 0 && !marked {
		return " ", ss.summary.render(text[l.Span.Start:l.Span.End])
	}
	mark := " "
	if len(l.Stmts) > 0 {
		mark = ss.muted.render("┃")
	}
	// Cut the line where a statement starts or ends, and style each piece
	// by the statement covering it, the one in focus first; the passage
	// being marked over them all.
	cuts := []int{l.Span.Start, l.Span.End}
	if marked {
		for _, c := range []int{marking.Start, marking.End} {
			if c > l.Span.Start && c < l.Span.End {
				cuts = append(cuts, c)
			}
		}
	}
	for _, i := range l.Stmts {
		loc := st.Statements[i].Location
		if i == current {
			mark = ss.selected.render("▶")
		}
		for _, c := range []int{loc.Start, loc.End} {
			if c > l.Span.Start && c < l.Span.End {
				cuts = append(cuts, c)
			}
		}
	}
	if marked {
		mark = ss.selected.render("+") // the passage being marked, over the focus
	}
	slices.Sort(cuts)
	cuts = slices.Compact(cuts)
	var sb strings.Builder
	for k := 0; k+1 < len(cuts); k++ {
		a, b := cuts[k], cuts[k+1]
		style, covered := ss.summary, false
		if marked && marking.Start <= a && marking.End >= b {
			sb.WriteString(ss.marking.render(text[a:b]))
			continue
		}
		for _, i := range l.Stmts {
			loc := st.Statements[i].Location
			if loc.Start > a || loc.End < b {
				continue
			}
			if i == current {
				style, covered = ss.party(cur.Party, partyFocused), true
				break
			}
			if !covered {
				style, covered = ss.party(st.Statements[i].Party, partyMarked), true
			}
		}
		sb.WriteString(style.render(text[a:b])) // one run, so the reverse has no holes at spaces
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
	if s.Note() != "" {
		section("Note", []string{flatten(s.Note())})
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

// Marked is a passage being marked as a new statement, as the side panel
// tells it: its words, and what parley guesses it is.
type Marked struct {
	Text      string
	Quote     bool   // inside quote marks: a quote of the words between them
	Speaker   string // the guessed speaker's name, or ""
	Paragraph int
	Anchor    string // how the statement will be found again: "unique", "with the words before it", …
}

// MarkPanel is the side panel while a passage is marked.
func MarkPanel(m Marked, width int, t *Theme) *Content {
	c := &Content{}
	c.add(t.Paint(&t.Heading, Truncate("A new statement", width)))
	c.blank()
	text := flatten(m.Text)
	if m.Quote {
		text = "“" + text + "”"
	}
	for _, l := range Wrap(text, width) {
		c.add(t.Paint(&t.Marking, l))
	}
	c.blank()
	kind := "reported — a paraphrase of speech"
	if m.Quote {
		kind = "quote — it stands inside quote marks"
	}
	speaker := "nobody named nearby"
	if m.Speaker != "" {
		speaker = m.Speaker + " (the nearest attribution)"
	}
	for _, f := range [][2]string{{"kind", kind}, {"speaker", speaker}, {"where", fmt.Sprintf("¶%d", m.Paragraph)}, {"anchor", m.Anchor}} {
		for _, l := range Indent(f[1], width, f[0]+strings.Repeat(" ", 9-len(f[0])), strings.Repeat(" ", 9)) {
			c.add(t.Paint(&t.Muted, l[:9]) + l[9:])
		}
	}
	c.blank()
	for _, l := range Wrap("The kind and the speaker are guesses: the form that comes next asks you to confirm them.", width) {
		c.add(t.Paint(&t.Empty, l))
	}
	return c
}
