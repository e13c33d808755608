package views

import (
	"fmt"
	"slices"
	"strings"

	"github.com/parley-dev/parley/data"
)

// Reviewing drafts: the paragraphs a draft was read from, with what was
// said, the speech verb and the speaker as the source names them set
// apart, beside what the program proposes.

// DraftMarks are the byte ranges of a draft in its source text: what was
// said (one part or several), the cue and the speaker's mention. Ranges
// outside the text are left out.
type DraftMarks struct {
	Content []data.Span
	Cue     *data.Span
	Mention *data.Span
}

// MarksOf finds a draft statement's marks in its source: its draft spans
// when it has them, else where it was anchored.
func MarksOf(s *data.Statement, src *data.Source) DraftMarks {
	var m DraftMarks
	n := len(src.Text)
	ok := func(r data.Range) bool { return r[0] >= 0 && r[0] < r[1] && r[1] <= n }
	if s.Draft() != nil && s.Draft().Spans != nil {
		sp := s.Draft().Spans
		for _, r := range sp.Content {
			if ok(r) {
				m.Content = append(m.Content, r.Span())
			}
		}
		if sp.Cue != nil && ok(*sp.Cue) {
			c := sp.Cue.Span()
			m.Cue = &c
		}
		if sp.Source != nil && ok(*sp.Source) {
			c := sp.Source.Span()
			m.Mention = &c
		}
	}
	if len(m.Content) == 0 && s.Location != nil && s.Location.Source == src.ID && s.Location.End <= n {
		m.Content = []data.Span{s.Location.Span}
	}
	return m
}

// extent is the range from the first mark to the last.
func (m DraftMarks) extent() (data.Span, bool) {
	var all []data.Span
	all = append(all, m.Content...)
	if m.Cue != nil {
		all = append(all, *m.Cue)
	}
	if m.Mention != nil {
		all = append(all, *m.Mention)
	}
	if len(all) == 0 {
		return data.Span{}, false
	}
	ext := all[0]
	for _, s := range all[1:] {
		ext.Start, ext.End = min(ext.Start, s.Start), max(ext.End, s.End)
	}
	return ext, true
}

// ReviewSource draws the paragraphs of src a draft was read from, every
// mark in its style, and a legend under them; the first return is the
// first paragraph's number (0 when the draft is not in the text).
func ReviewSource(s *data.Statement, src *data.Source, width int, t *Theme) (*Content, int) {
	c := &Content{}
	if src == nil || !src.HasText() {
		for _, l := range Wrap("the draft's source has no text here", width) {
			c.add(t.Paint(&t.Empty, l))
		}
		return c, 0
	}
	marks := MarksOf(s, src)
	ext, ok := marks.extent()
	if !ok {
		for _, l := range Wrap("the draft is not located in its source: only its words are known", width) {
			c.add(t.Paint(&t.Empty, l))
		}
		return c, 0
	}
	paras := src.Paragraphs
	if len(paras) == 0 {
		paras = []data.Span{{Start: 0, End: len(src.Text)}}
	}
	first := -1
	for i, p := range paras {
		if p.End <= ext.Start || p.Start >= max(ext.End, ext.Start+1) {
			continue
		}
		if first < 0 {
			first = i
		} else {
			c.add("")
		}
		for _, sp := range wrapSpans(src.Text[p.Start:p.End], width) {
			line := data.Span{Start: p.Start + sp.Start, End: p.Start + sp.End}
			c.add(markLine(src.Text, line, marks, t))
		}
	}
	if first < 0 {
		return c, 0
	}
	c.add("")
	legend := t.Paint(&t.Highlight, "what was said") + "  "
	plain := "what was said  "
	if marks.Cue != nil {
		legend += t.Paint(&t.Cue, "speech verb") + "  "
		plain += "speech verb  "
	}
	if marks.Mention != nil {
		legend += t.Paint(&t.Mention, "speaker as written")
		plain += "speaker as written"
	}
	if len(plain) <= width {
		c.add(legend)
	}
	return c, first + 1
}

// markLine styles a line of the source by the marks that cover each
// piece: the mention and the cue over what was said.
func markLine(text string, line data.Span, m DraftMarks, t *Theme) string {
	cuts := []int{line.Start, line.End}
	add := func(s data.Span) {
		for _, c := range []int{s.Start, s.End} {
			if c > line.Start && c < line.End {
				cuts = append(cuts, c)
			}
		}
	}
	for _, s := range m.Content {
		add(s)
	}
	if m.Cue != nil {
		add(*m.Cue)
	}
	if m.Mention != nil {
		add(*m.Mention)
	}
	slices.Sort(cuts)
	cuts = slices.Compact(cuts)
	in := func(s *data.Span, a, b int) bool { return s != nil && s.Start <= a && s.End >= b }
	var sb strings.Builder
	for k := 0; k+1 < len(cuts); k++ {
		a, b := cuts[k], cuts[k+1]
		style := &t.Summary
		for i := range m.Content {
			if in(&m.Content[i], a, b) {
				style = &t.Highlight
			}
		}
		switch {
		case in(m.Mention, a, b):
			style = &t.Mention
		case in(m.Cue, a, b):
			style = &t.Cue
		}
		sb.WriteString(t.Paint(style, text[a:b]))
	}
	return sb.String()
}

// ReviewProposal is what the program proposes for a draft: the speaker
// with role and party, the kind and act, the topics, the words and the
// id, then how sure it was and by which rule.
func ReviewProposal(d *data.Dossier, s *data.Statement, width int, t *Theme) *Content {
	c := &Content{}
	field := func(label, value string) {
		if t.Accessible {
			c.addWrapped(label+": "+value, width, &t.Summary, t)
			return
		}
		pad := strings.Repeat(" ", 9-len(label))
		for _, l := range Indent(flatten(value), width, label+pad, strings.Repeat(" ", 9)) {
			c.add(t.Paint(&t.Muted, l[:9]) + l[9:])
		}
	}
	speaker := "nobody: the source's own account"
	if s.Kind != data.KindAccount {
		speaker = d.Speaker(s)
		if a := d.Actor(s.Actor); a != nil && a.Role != "" {
			speaker += ", " + a.Role
		}
	}
	field("speaker", speaker)
	party := "not given"
	if p := d.Party(s.Party); p != nil {
		party = p.Name
	}
	field("party", party)
	kind := string(s.Kind)
	if s.Act() != "" {
		kind += " · " + string(s.Act())
	}
	field("kind", kind)
	var topics []string
	for _, id := range s.Topics {
		if tp := d.Topic(id); tp != nil {
			topics = append(topics, tp.Title)
		}
	}
	if len(topics) == 0 {
		topics = []string{"none yet"}
	}
	field("topics", strings.Join(topics, "; "))
	field("id", s.ID)
	c.blank()
	statementText(c, s, width, t)
	c.blank()
	if dr := s.Draft(); dr != nil {
		how := "drafted by rule " + dr.Rule
		if dr.Confidence != nil {
			how += fmt.Sprintf(", %.0f%% sure", *dr.Confidence*100)
		}
		for _, l := range Wrap(how, width) {
			c.add(t.Paint(&t.Muted, l))
		}
	}
	return c
}

// ReviewBar is the line above the review: which draft of how many are
// left, in which order, and how many were reviewed.
func ReviewBar(index, left, reviewed int, order string, width int, t *Theme) string {
	if left == 0 {
		msg := "no drafts to review"
		if reviewed > 0 {
			msg = fmt.Sprintf("every draft reviewed (%d here)", reviewed)
		}
		return Fit(t.Paint(&t.Empty, msg), width)
	}
	line := t.Paint(&t.TopicBar, fmt.Sprintf("Draft %d of %d left", index+1, left)) +
		t.Paint(&t.Muted, " · "+order)
	if reviewed > 0 {
		line += t.Paint(&t.Muted, fmt.Sprintf(" · %d reviewed", reviewed))
	}
	return Fit(line, width)
}
