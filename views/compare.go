package views

import (
	"fmt"
	"slices"
	"strings"

	"charm.land/lipgloss/v2"
	"github.com/charmbracelet/x/ansi"
	"github.com/parley-dev/parley/data"
)

// NoPosition is what a pane says for a party silent on a topic.
const NoPosition = "no stated position"

// MaxPaneStatements is how many statements one pane lists on one topic.
const MaxPaneStatements = 60

// PartyTitle is a pane's title: "US · United States", or the name alone
// when the party has no short name.
func PartyTitle(p *data.Party) string {
	if p.Short != "" && p.Short != p.Name {
		return p.Short + " · " + p.Name
	}
	return p.Name
}

// TopicPath is a topic's ancestors and itself: "European security › NATO's
// eastward expansion" (the nearest data.TopicPathLevels of them).
func TopicPath(d *data.Dossier, t *data.Topic) string { return data.TopicPath(d, t) }

// DateText is a date as written, or "undated".
func DateText(d data.Date) string {
	if d.IsZero() {
		return "undated"
	}
	return d.String()
}

// PositionContent is one party's pane on one topic: the stance as glyph and
// word, the basis, the summary, then the statements behind it, then what
// else the party said on the topic. A party with nothing on the topic says
// so plainly.
func PositionContent(d *data.Dossier, party *data.Party, topic *data.Topic, width int, t *Theme) *Content {
	c := &Content{}
	if topic == nil {
		c.add(t.Paint(&t.Empty, "no topics in this dossier"))
		return c
	}
	pos := d.Position(party.ID, topic.ID)
	var evidence []*data.Statement
	if pos != nil {
		c.add(stanceLine(pos, width, t)...)
		if pos.Summary != "" {
			for _, l := range Wrap(pos.Summary, width) {
				c.add(t.Paint(&t.Summary, l))
			}
		}
		if pos.Note != "" {
			for _, l := range Indent(pos.Note, width, "note: ", "      ") {
				c.add(t.Paint(&t.Muted, l))
			}
		}
		evidence = d.Evidence(pos.Evidence)
	} else {
		c.add(t.Paint(&t.Empty, NoPosition))
		for _, l := range subtopicStances(d, party, topic, width, t) {
			c.add(l)
		}
	}
	statementSections(c, d, party, topic, pos, evidence, width, t)
	return c
}

// statementSections adds the statements behind a position, then what else
// the party said on the topic, each under its heading; at most
// MaxPaneStatements: a reader scrolls through a few dozen, not thousands,
// and stepping topics stays instant.
func statementSections(c *Content, d *data.Dossier, party *data.Party, topic *data.Topic, pos *data.Position, evidence []*data.Statement, width int, t *Theme) {
	var others, accounts []*data.Statement
	for _, s := range d.StatementsByTopic(topic.ID) {
		switch {
		case contains(evidence, s):
		case s.Party == party.ID:
			others = append(others, s)
		case s.Kind == data.KindAccount && slices.Contains(s.About(), party.ID):
			accounts = append(accounts, s)
		}
	}
	shown := 0
	list := func(ss []*data.Statement) {
		for i, s := range ss {
			if shown == MaxPaneStatements {
				c.blank()
				c.add(t.Paint(&t.Muted, Truncate(fmt.Sprintf("… %d more not listed here", len(ss)-i), width)))
				return
			}
			if !t.Accessible {
				c.blank()
			}
			statementBlock(c, d, s, width, t)
			shown++
		}
	}
	if len(evidence) > 0 {
		c.blank()
		c.add(t.Paint(&t.Heading, Truncate(fmt.Sprintf("Evidence (%d)", len(evidence)), width)))
		list(evidence)
	}
	if len(others) > 0 {
		c.blank()
		heading := "Also said on this topic"
		if pos == nil {
			heading = "Statements on this topic"
		}
		c.add(t.Paint(&t.Heading, Truncate(fmt.Sprintf("%s (%d)", heading, len(others)), width)))
		list(others)
	}
	if len(accounts) > 0 {
		// What the source says about the party in its own voice: not the
		// party's words, so under a heading of its own.
		c.blank()
		c.add(t.Paint(&t.Heading, Truncate(fmt.Sprintf("The source on %s (%d)", party.Label(), len(accounts)), width)))
		list(accounts)
	}
}

func contains(list []*data.Statement, s *data.Statement) bool {
	for _, x := range list {
		if x == s {
			return true
		}
	}
	return false
}

// stanceLine is "✓ support · stated", wrapped if the pane is narrow.
func stanceLine(pos *data.Position, width int, t *Theme) []string {
	badge := t.StanceBadge(pos.Stance)
	basis := string(pos.Basis)
	if basis == "" {
		basis = string(data.BasisStated)
	}
	basis = " · " + basis
	if ansi.StringWidth(StanceWord(pos.Stance))+ansi.StringWidth(basis) <= width {
		return []string{badge + t.Paint(&t.Muted, basis)}
	}
	return []string{badge, t.Paint(&t.Muted, Truncate(strings.TrimPrefix(basis, " · "), width))}
}

// subtopicStances points a silent party at the subtopics where it did take
// a position, so "no stated position" on a parent is not misread.
func subtopicStances(d *data.Dossier, party *data.Party, topic *data.Topic, width int, t *Theme) []string {
	var out []string
	for _, sub := range subtopicPositions(d, party, topic) {
		if len(out) == 0 {
			out = append(out, t.Paint(&t.Muted, Truncate("on its subtopics:", width)))
		}
		lines := Indent(sub.Topic.Title, width, "  ", "  ")
		badge := StanceWord(sub.Stance)
		last := lines[len(lines)-1]
		if ansi.StringWidth(last)+2+ansi.StringWidth(badge) <= width {
			lines[len(lines)-1] = last + "  " + t.StanceBadge(sub.Stance)
		} else {
			lines = append(lines, "  "+t.StanceBadge(sub.Stance))
		}
		out = append(out, lines...)
	}
	return out
}

// subtopicPosition is a party's position on a subtopic.
type subtopicPosition struct {
	Topic *data.Topic
	*data.Position
}

// subtopicPositions are a party's positions on a topic's subtopics, at any
// depth (up to nine), in the order of the topic tree.
func subtopicPositions(d *data.Dossier, party *data.Party, topic *data.Topic) []subtopicPosition {
	var out []subtopicPosition
	var walk func(id string, depth int)
	walk = func(id string, depth int) {
		if depth > 8 {
			return
		}
		for _, ch := range d.TopicChildren(id) {
			if p := d.Position(party.ID, ch.ID); p != nil {
				out = append(out, subtopicPosition{ch, p})
			}
			walk(ch.ID, depth+1)
		}
	}
	walk(topic.ID, 0)
	return out
}

// statementBlock adds a statement: a quote set apart by a bar and quotation
// marks, reported speech in plain italics, the source's own account behind
// a dotted bar; then who said it and when. In plain mode it is one logical
// line of words (PlainStatement).
func statementBlock(c *Content, d *data.Dossier, s *data.Statement, width int, t *Theme) {
	start := len(c.Lines)
	switch {
	case t.Accessible:
		c.addWrapped(PlainStatement(d, s), width, textStyle(s, t), t)
		c.Blocks = append(c.Blocks, Block{Start: start, End: len(c.Lines), Statement: s})
		return
	default:
		statementText(c, s, width, t)
	}
	attribution(c, d, s, width, t)
	c.Blocks = append(c.Blocks, Block{Start: start, End: len(c.Lines), Statement: s})
}

// attribution adds the line under a statement, "— Anthony Blinken ·
// 2022-01-21", its act in its own style when it fits on the last line.
func attribution(c *Content, d *data.Dossier, s *data.Statement, width int, t *Theme) {
	lines := Indent(attributionText(d, s), width, "— ", "  ")
	act := ActBadge(s)
	for i, l := range lines {
		if i == len(lines)-1 && act != "" && ansi.StringWidth(l)+3+ansi.StringWidth(act) <= width {
			c.add(t.Paint(&t.Attribution, l+" · ") + t.Paint(&t.Act, act))
			act = ""
			continue
		}
		c.add(t.Paint(&t.Attribution, l))
	}
	if act != "" {
		c.add(t.Paint(&t.Act, Truncate("  "+act, width)))
	}
}

// textStyle is the style of a statement's words.
func textStyle(s *data.Statement, t *Theme) *lipgloss.Style {
	switch s.Kind {
	case data.KindQuote:
		return &t.Quote
	case data.KindAccount:
		return &t.Account
	}
	return &t.Reported
}

// statementText draws a statement's words: a quote between quotation
// marks behind a bar, reported speech in its own style, the source's own
// account behind a dotted bar, so it never passes for anyone's words.
func statementText(c *Content, s *data.Statement, width int, t *Theme) {
	switch s.Kind {
	case data.KindQuote:
		bar := t.Paint(&t.QuoteBar, "┃") + " "
		for _, l := range Wrap("“"+s.Text+"”", max(width-2, 1)) {
			c.add(bar + t.Paint(&t.Quote, l))
		}
	case data.KindAccount:
		bar := t.Paint(&t.AccountBar, "┆") + " "
		for _, l := range Wrap(s.Text, max(width-2, 1)) {
			c.add(bar + t.Paint(&t.Account, l))
		}
	default:
		for _, l := range Wrap(s.Text, width) {
			c.add(t.Paint(&t.Reported, l))
		}
	}
}

// Attribution is who said a statement, how, through whom, when, and the
// move it makes: "Anthony Blinken · 2022-01-21 · [warning]", "Sergei
// Ryabkov, reported, via Interfax · undated", and for the source's own
// account, "the report, ¶6".
func Attribution(d *data.Dossier, s *data.Statement) string {
	if act := ActBadge(s); act != "" {
		return attributionText(d, s) + " · " + act
	}
	return attributionText(d, s)
}

// attributionText is Attribution without the act.
func attributionText(d *data.Dossier, s *data.Statement) string {
	who := d.Speaker(s)
	switch s.Kind {
	case data.KindReported:
		who += ", reported"
	case data.KindAccount:
		if s.Location != nil && s.Location.Paragraph > 0 {
			who += fmt.Sprintf(", ¶%d", s.Location.Paragraph)
		}
	}
	for _, v := range d.ViaNames(s) {
		who += ", via " + v
	}
	if s.Kind != data.KindAccount || !s.Date.IsZero() {
		who += " · " + DateText(s.Date) // an account is the source's, on its own date
	}
	if s.Draft() != nil {
		who += " · draft" // drafted by a program, not yet reviewed
	}
	return who
}

// TopicBar is the line above the panes: where the current topic stands in
// the list and its path, "◂ 4/9 ▸ European security › NATO's expansion".
func TopicBar(d *data.Dossier, topic *data.Topic, index, count int, all bool, width int, t *Theme) string {
	if topic == nil {
		return Fit(t.Paint(&t.Empty, "no topics"), width)
	}
	pos := topicCounter(index, count)
	if all {
		pos = fmt.Sprintf("All topics · %d/%d ", index+1, count)
	}
	path := TopicPath(d, topic)
	parent, _ := cutLast(path, " › ")
	room := width - ansi.StringWidth(pos)
	var line string
	if parent != "" && ansi.StringWidth(path) <= room {
		line = t.Paint(&t.TopicPath, parent+" › ") + t.Paint(&t.TopicBar, topic.Title)
	} else {
		line = t.Paint(&t.TopicBar, Truncate(topic.Title, room))
	}
	return Fit(t.Paint(&t.Muted, pos)+line, width)
}

func topicCounter(index, count int) string { return fmt.Sprintf("◂ %d/%d ▸ ", index+1, count) }

// TopicArrows are the cells of the topic bar's ◂ and ▸, for clicks.
func TopicArrows(index, count int) (prev, next data.Span) {
	w := ansi.StringWidth(topicCounter(index, count))
	return data.Span{Start: 0, End: 2}, data.Span{Start: w - 2, End: w}
}

func cutLast(s, sep string) (string, string) {
	i := strings.LastIndex(s, sep)
	if i < 0 {
		return "", s
	}
	return s[:i], s[i+len(sep):]
}

// TopicSummary is the line under the topic bar: the topic's proposition,
// which the stances in the panes below refer to, or else its summary, cut
// to one line.
func TopicSummary(topic *data.Topic, width int, t *Theme) string {
	switch {
	case topic == nil:
		return Fit("", width)
	case topic.Proposition != "":
		return Fit(t.Paint(&t.Muted, "Proposition: ")+t.Paint(&t.Proposition, Truncate(flatten(topic.Proposition), max(width-13, 1))), width)
	case topic.Summary == "":
		return Fit("", width)
	}
	return Fit(t.Paint(&t.Muted, Truncate(strings.Join(strings.Fields(topic.Summary), " "), width)), width)
}

// AlignedContent is the all-topics view: every topic for every party, a
// row per topic whose height is the same in every pane, so the headings
// line up across panes like a side-by-side diff. widths are the panes'
// inner widths.
func AlignedContent(d *data.Dossier, parties []*data.Party, widths []int, t *Theme) []*Content {
	out := make([]*Content, len(parties))
	for i := range out {
		out[i] = &Content{}
	}
	// Headings wrap at the narrowest width so they take the same lines in
	// every pane.
	headW := 0
	for i, w := range widths {
		if i == 0 || w < headW {
			headW = w
		}
	}
	for _, topic := range d.TopicsInOrder() {
		cells := make([][]string, len(parties))
		h := 0
		for i, p := range parties {
			cells[i] = topicCell(d, p, topic, widths[i], headW, t)
			h = max(h, len(cells[i]))
		}
		for i, c := range out {
			start := len(c.Lines)
			c.add(cells[i]...)
			for range h - len(cells[i]) {
				c.add("")
			}
			c.Blocks = append(c.Blocks, Block{Start: start, End: start + h, Topic: topic})
			c.add("")
		}
	}
	return out
}

// topicCell is one party's row in the all-topics view: the topic heading
// (indented by depth), the stance and the summary.
func topicCell(d *data.Dossier, p *data.Party, topic *data.Topic, width, headW int, t *Theme) []string {
	depth := min(d.TopicDepth(topic.ID), 4)
	indent := strings.Repeat("  ", depth)
	if ansi.StringWidth(indent)*3 > headW {
		indent = ""
	}
	iw := ansi.StringWidth(indent)
	var lines []string
	for _, l := range Indent(topic.Title, headW, indent, indent) {
		lines = append(lines, t.Paint(&t.Heading, l))
	}
	if topic.Proposition != "" {
		// At the narrowest width, so it takes the same lines in every pane.
		for _, l := range Indent("Proposition: "+flatten(topic.Proposition), headW, indent, indent) {
			lines = append(lines, t.Paint(&t.Muted, l))
		}
	}
	pos := d.Position(p.ID, topic.ID)
	n := statementCount(d, p, topic)
	if pos == nil {
		for _, l := range Wrap(NoPosition, width-iw) {
			lines = append(lines, indent+t.Paint(&t.Empty, l))
		}
	} else {
		for _, l := range stanceLine(pos, width-iw, t) {
			lines = append(lines, indent+l)
		}
		if pos.Summary != "" {
			for _, l := range Indent(pos.Summary, width, indent, indent) {
				lines = append(lines, t.Paint(&t.Summary, l))
			}
		}
	}
	if n > 0 {
		word := "statements"
		if n == 1 {
			word = "statement"
		}
		lines = append(lines, indent+t.Paint(&t.Muted, Truncate(fmt.Sprintf("%d %s", n, word), width-iw)))
	}
	return lines
}

// statementCount is how many statements a party made on a topic.
func statementCount(d *data.Dossier, p *data.Party, topic *data.Topic) int {
	n := 0
	for _, s := range d.StatementsByTopic(topic.ID) {
		if s.Party == p.ID {
			n++
		}
	}
	return n
}

// CompareText is the side-by-side comparison the command line prints
// (--json prints the report itself): plain text, no escape sequences, one
// column per party of the report, at most width cells wide. With the
// report's one topic it shows that topic in full (position, evidence,
// other statements); otherwise every topic aligned in rows. Party ids that
// name no party are skipped; with none left it says so.
func CompareText(d *data.Dossier, rep data.CompareReport, width int) string {
	t := PlainTheme()
	topicID := rep.Topic
	var parties []*data.Party
	for _, id := range rep.Parties {
		if p := d.Party(id); p != nil {
			parties = append(parties, p)
		}
	}
	if len(parties) == 0 {
		return "no such parties in this dossier\n"
	}
	width = max(width, 20*len(parties))
	const gap = " │ "
	widths := Split(width-ansi.StringWidth(gap)*(len(parties)-1), len(parties))
	var sb strings.Builder
	sb.WriteString(Truncate(d.Title, width))
	if !d.Date.IsZero() {
		sb.WriteString(" · " + d.Date.String())
	}
	sb.WriteByte('\n')
	var contents []*Content
	if topicID != "" {
		topic := d.Topic(topicID)
		if topic == nil {
			return fmt.Sprintf("no topic %q in this dossier\n", topicID)
		}
		for _, l := range Wrap("Topic: "+TopicPath(d, topic), width) {
			sb.WriteString(l + "\n")
		}
		if topic.Proposition != "" {
			for _, l := range Wrap("Proposition: "+flatten(topic.Proposition), width) {
				sb.WriteString(l + "\n")
			}
		}
		for i, p := range parties {
			contents = append(contents, PositionContent(d, p, topic, widths[i], t))
		}
	} else {
		contents = AlignedContent(d, parties, widths, t)
	}
	sb.WriteByte('\n')
	row := func(cell func(i int) string) {
		var line strings.Builder
		for i := range parties {
			if i > 0 {
				line.WriteString(gap)
			}
			line.WriteString(Fit(cell(i), widths[i]))
		}
		sb.WriteString(strings.TrimRight(line.String(), " "))
		sb.WriteByte('\n')
	}
	row(func(i int) string { return PartyTitle(parties[i]) })
	row(func(i int) string { return strings.Repeat("─", widths[i]) })
	n := 0
	for _, c := range contents {
		n = max(n, len(c.Lines))
	}
	for r := range n {
		row(func(i int) string {
			if r < len(contents[i].Lines) {
				return contents[i].Lines[r]
			}
			return ""
		})
	}
	return strings.TrimRight(sb.String(), "\n") + "\n"
}
