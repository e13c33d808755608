package views

import (
	"fmt"
	"strings"

	"github.com/charmbracelet/x/ansi"
	"github.com/parley-dev/parley/data"
)

// Speaker is who said a statement with their role and party, and whom it
// came through: "Antony Blinken, US Secretary of State (United States)",
// "Sergei Ryabkov, Deputy Foreign Minister (Russia), via Interfax"; for an
// account, the source: "the report".
func Speaker(d *data.Dossier, s *data.Statement) string {
	who := d.Speaker(s)
	if a := d.Actor(s.Actor); a != nil && a.Role != "" {
		who += ", " + a.Role
	}
	if p := d.Party(s.Party); p != nil && p.Name != who {
		who += " (" + p.Name + ")"
	}
	for _, v := range d.ViaNames(s) {
		who += ", via " + v
	}
	return who
}

// SourceRef is "Report on the meeting, ¶5", or what is known of it.
func SourceRef(d *data.Dossier, s *data.Statement) string {
	src := d.Source(s.Source)
	if src == nil {
		return "no source given"
	}
	ref := src.Title
	if ref == "" {
		ref = src.ID
	}
	if s.Location != nil && s.Location.Paragraph > 0 {
		ref += fmt.Sprintf(", ¶%d", s.Location.Paragraph)
	}
	return ref
}

// CopyText is a statement with its attribution, as `y` copies it:
// “words” — Speaker, Role (Party), date. Source, ¶N.
func CopyText(d *data.Dossier, s *data.Statement) string {
	text := flatten(s.Text)
	switch s.Kind {
	case data.KindQuote:
		text = "“" + text + "”"
	case data.KindAccount:
		text = "Account: " + text
	default:
		text = "Reported: " + text
	}
	out := text + " — " + Speaker(d, s)
	if !s.Date.IsZero() {
		out += ", " + s.Date.String()
	}
	out += ". Source: " + SourceRef(d, s) + "."
	if src := d.Source(s.Source); src != nil && src.URL != "" {
		out += " " + src.URL
	}
	return out
}

// DetailContent is everything about one statement: the full text, speaker
// and role, party, date, kind, source and paragraph, the analyst's note,
// who cites it, and the source paragraph with the statement highlighted.
func DetailContent(d *data.Dossier, s *data.Statement, width int, t *Theme) *Content {
	c := &Content{}
	start := len(c.Lines)
	switch {
	case t.Accessible && s.Kind == data.KindQuote:
		c.addWrapped("Quote: “"+flatten(s.Text)+"”", width, &t.Quote, t)
	case t.Accessible && s.Kind == data.KindAccount:
		c.addWrapped("The source's own account: "+flatten(s.Text), width, &t.Account, t)
	case t.Accessible:
		c.addWrapped("Reported speech: "+flatten(s.Text), width, &t.Reported, t)
	default:
		statementText(c, s, width, t)
	}
	c.Blocks = append(c.Blocks, Block{Start: start, End: len(c.Lines), Statement: s})
	c.blank()
	field := func(label, value string) {
		if t.Accessible {
			c.addWrapped(strings.ToUpper(label[:1])+label[1:]+": "+value, width, &t.Summary, t)
			return
		}
		pad := strings.Repeat(" ", 9-len(label))
		for _, l := range Indent(value, width, label+pad, strings.Repeat(" ", 9)) {
			c.add(t.Paint(&t.Muted, l[:9]) + l[9:])
		}
	}
	who := d.Speaker(s)
	if a := d.Actor(s.Actor); a != nil && a.Role != "" {
		who += ", " + a.Role
	}
	account := s.Kind == data.KindAccount
	if account {
		who += " (no speaker: the source's own words)"
	}
	field("speaker", who)
	if via := d.ViaNames(s); len(via) > 0 {
		field("via", strings.Join(via, ", then ")+" (from the speaker to the source)")
	}
	switch p := d.Party(s.Party); {
	case p != nil:
		field("party", p.Name)
	case !account:
		field("party", "not given")
	}
	if len(s.About()) > 0 {
		names := make([]string, len(s.About()))
		for i, id := range s.About() {
			names[i] = partyName(d, id)
		}
		field("about", strings.Join(names, ", "))
	}
	field("date", DateText(s.Date))
	kind := "quote (the speaker's own words)"
	switch s.Kind {
	case data.KindReported:
		kind = "reported (a paraphrase of speech)"
	case data.KindAccount:
		kind = "account (the source's own claim, not a party's words)"
	}
	field("kind", kind)
	if s.Act() != "" {
		field("act", string(s.Act()))
	}
	if dr := s.Draft(); dr != nil {
		draft := "not yet reviewed; drafted by rule " + dr.Rule
		if dr.Confidence != nil {
			draft += fmt.Sprintf(", confidence %.2f", *dr.Confidence)
		}
		field("draft", draft)
	}
	if t.Accessible {
		field("source", strings.ReplaceAll(SourceRef(d, s), "¶", "paragraph "))
	} else {
		field("source", SourceRef(d, s))
	}
	if src := d.Source(s.Source); src != nil && src.URL != "" {
		field("url", src.URL)
	}
	var topics []string
	for _, id := range s.Topics {
		if tp := d.Topic(id); tp != nil {
			topics = append(topics, tp.Title)
		}
	}
	if len(topics) > 0 {
		field("topics", strings.Join(topics, "; "))
	}
	if s.Note() != "" {
		field("note", flatten(s.Note()))
	}
	if cites := citations(d, s); len(cites) > 0 {
		field("cited by", strings.Join(cites, "; "))
	}
	c.blank()
	sourceParagraph(c, d, s, width, t)
	return c
}

// citations names what rests on a statement: positions, demands, answers.
func citations(d *data.Dossier, s *data.Statement) []string {
	var out []string
	for _, ct := range d.CitedBy(s.ID) {
		switch {
		case ct.Position != nil:
			topic := ct.Position.Topic
			if tp := d.Topic(topic); tp != nil {
				topic = tp.Title
			}
			out = append(out, fmt.Sprintf("%s's position on %s", partyLabel(d, ct.Position.Party), topic))
		case ct.Response != nil:
			out = append(out, fmt.Sprintf("%s's answer to %q", partyLabel(d, ct.Response.Party), ct.Demand.ID))
		case ct.Demand != nil:
			out = append(out, fmt.Sprintf("demand %q", ct.Demand.ID))
		case ct.Event != nil:
			out = append(out, "event "+flatten(ct.Event.Title))
		}
	}
	return out
}

// sourceParagraph shows the paragraph the statement was found in, with the
// statement's words highlighted, between rules naming the paragraph.
func sourceParagraph(c *Content, d *data.Dossier, s *data.Statement, width int, t *Theme) {
	src := d.Source(s.Source)
	loc := s.Location
	switch {
	case src == nil:
		c.add(t.Paint(&t.Empty, Truncate("no source to show", width)))
		return
	case !src.HasText():
		for _, l := range Wrap("the source has no text here, so the words cannot be checked (unverified)", width) {
			c.add(t.Paint(&t.Empty, l))
		}
		return
	case loc == nil || loc.Paragraph < 1 || loc.Paragraph > len(src.Paragraphs):
		for _, l := range Wrap("not located in the source text", width) {
			c.add(t.Paint(&t.Empty, l))
		}
		return
	}
	para := src.Paragraphs[loc.Paragraph-1]
	if t.Accessible {
		c.add(t.Paint(&t.Heading, Truncate(fmt.Sprintf("Source, paragraph %d:", loc.Paragraph), width)))
	} else {
		c.add(rule(fmt.Sprintf("source, paragraph %d", loc.Paragraph), width, t))
	}
	text := src.Text[para.Start:para.End]
	hl := data.Span{Start: max(loc.Start, para.Start) - para.Start, End: min(loc.End, para.End) - para.Start}
	for _, sp := range wrapSpans(text, width) {
		c.add(highlightLine(text, sp, hl, t))
	}
	if !t.Accessible {
		c.add(rule("", width, t))
	}
}

// highlightLine styles the part of a wrapped line inside hl.
func highlightLine(text string, line, hl data.Span, t *Theme) string {
	a, b := max(line.Start, hl.Start), min(line.End, hl.End)
	if a >= b {
		return t.Paint(&t.Summary, text[line.Start:line.End])
	}
	return t.Paint(&t.Summary, text[line.Start:a]) + t.Paint(&t.Highlight, text[a:b]) + t.Paint(&t.Summary, text[b:line.End])
}

// rule is a horizontal line with an optional label: "── label ─────".
func rule(label string, width int, t *Theme) string {
	if label == "" {
		return t.Paint(&t.Rule, strings.Repeat("─", width))
	}
	label = Truncate(label, max(width-4, 1))
	fill := max(width-4-ansi.StringWidth(label), 0)
	return Fit(t.Paint(&t.Rule, "── ")+t.Paint(&t.Muted, label)+" "+t.Paint(&t.Rule, strings.Repeat("─", fill)), width)
}
