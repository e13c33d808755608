package views

import (
	"fmt"
	"strings"

	"charm.land/lipgloss/v2"
	"github.com/charmbracelet/x/ansi"
	"github.com/parley-dev/parley/data"
)

// Plain mode (--plain, ACCESSIBLE) draws the explorer for screen readers:
// words instead of glyphs, one logical line per item, the parties one
// after another instead of side by side. An item longer than the width
// wraps, without indentation.

// addWrapped adds text wrapped to width, one line when it fits, each line
// in a style.
func (c *Content) addWrapped(text string, width int, st *lipgloss.Style, t *Theme) {
	for _, l := range Wrap(text, width) {
		c.add(t.Paint(st, l))
	}
}

// PlainStatement is a statement as one line of words: "Quote by Antony
// Blinken, 2022-01-21: “…”", "Reported speech by Sergei Ryabkov via
// Interfax, undated, a demand: …", or "Account by the report, paragraph 12:
// …".
func PlainStatement(d *data.Dossier, s *data.Statement) string {
	text := flatten(s.Text)
	who := d.Speaker(s)
	for _, v := range d.ViaNames(s) {
		who += " via " + v
	}
	when := ", " + DateText(s.Date)
	act := ""
	if s.Act() != "" {
		act = ", " + article(string(s.Act())) + " " + string(s.Act())
	}
	switch s.Kind {
	case data.KindQuote:
		return "Quote by " + who + when + act + ": “" + text + "”"
	case data.KindAccount:
		if s.Location != nil && s.Location.Paragraph > 0 {
			who += fmt.Sprintf(", paragraph %d", s.Location.Paragraph)
		}
		if s.Date.IsZero() {
			when = ""
		}
		return "Account by " + who + when + act + ": " + text
	}
	return "Reported speech by " + who + when + act + ": " + text
}

// article is "a" or "an" before a word.
func article(word string) string {
	if word != "" && strings.ContainsRune("aeiou", rune(word[0])) {
		return "an"
	}
	return "a"
}

// PlainHeader is the header as one line of words: "parley: Blinken–Lavrov
// talks in Geneva, 2022-01-21. Screens: 1 Compare (current), 2 Demands, …",
// cut to width, with the cells each whole "N Name" covers, for clicks.
func PlainHeader(d *data.Dossier, tabs []string, active, width int, st Status, t *Theme) (string, []data.Span) {
	head := "parley: " + flatten(d.Title)
	if !d.Date.IsZero() {
		head += ", " + d.Date.String()
	}
	if f := st.forms(); len(f) > 0 {
		head += " (" + strings.TrimPrefix(f[0], "● ") + ")"
	}
	head += ". Screens: "
	var sb strings.Builder
	sb.WriteString(t.Paint(&t.Title, head))
	x := ansi.StringWidth(head)
	var spans []data.Span
	for i, name := range tabs {
		label := fmt.Sprintf("%d %s", i+1, name)
		st := &t.Tab
		if i == active {
			label += " (current)"
			st = &t.TabActive
		}
		w := ansi.StringWidth(label)
		if x+w <= width {
			spans = append(spans, data.Span{Start: x, End: x + w})
		}
		sep := ", "
		if i == len(tabs)-1 {
			sep = "."
		}
		sb.WriteString(t.Paint(st, label) + sep)
		x += w + len(sep)
	}
	return Fit(sb.String(), width), spans
}

// spokenKeys name the arrows a screen reader would read as symbols.
var spokenKeys = strings.NewReplacer("←", "left", "→", "right", "↑", "up", "↓", "down")

// plainHelpItems is "key: what it does; …".
func plainHelpItems(items []HelpItem) string {
	parts := make([]string, len(items))
	for i, it := range items {
		parts[i] = spokenKeys.Replace(it.Key) + ": " + it.Desc
	}
	return strings.Join(parts, "; ")
}

// PlainHelp is the footer in plain mode: "Keys: left/right: topic; …", one
// line cut to width.
func PlainHelp(items []HelpItem, width int, t *Theme) string {
	return Fit(t.Paint(&t.HelpDesc, Truncate("Keys: "+plainHelpItems(items), width)), width)
}

// PlainHelpLines is every key in plain mode, a line per group.
func PlainHelpLines(groups [][]HelpItem, width int, t *Theme) []string {
	var out []string
	for _, g := range groups {
		if len(g) > 0 {
			out = append(out, Fit(t.Paint(&t.HelpDesc, Truncate(plainHelpItems(g), width)), width))
		}
	}
	return out
}

// PlainTopic is the line above the parties in plain mode: "Topic 4 of 10:
// NATO's eastward expansion (under European security)", or in the
// all-topics view which topic is chosen.
func PlainTopic(d *data.Dossier, topic *data.Topic, index, count int, all bool) string {
	if topic == nil {
		return "No topics"
	}
	title := flatten(topic.Title)
	if parent, _ := cutLast(TopicPath(d, topic), " › "); parent != "" {
		title += " (under " + strings.ReplaceAll(flatten(parent), " › ", ", ") + ")"
	}
	if all {
		return fmt.Sprintf("All topics, %d in all. Chosen: %d, %s", count, index+1, title)
	}
	return fmt.Sprintf("Topic %d of %d: %s", index+1, count, title)
}

// plainStance is "support, stated".
func plainStance(pos *data.Position) string {
	basis := pos.Basis
	if basis == "" {
		basis = data.BasisStated
	}
	return string(pos.Stance) + ", " + string(basis)
}

// PlainPositions is every party on one topic, one after another: the
// topic's summary, then for each party a heading "United States: support,
// stated.", the summary, a note, and one line per statement. The party
// headings are blocks (so a reader can step onto a silent party too), the
// statements are blocks; heads holds each party's heading block, -1 when
// there is no topic.
func PlainPositions(d *data.Dossier, parties []*data.Party, topic *data.Topic, width int, t *Theme) (c *Content, heads []int) {
	c = &Content{}
	heads = make([]int, len(parties))
	if topic == nil {
		c.add(t.Paint(&t.Empty, "no topics in this dossier"))
		for i := range heads {
			heads[i] = -1
		}
		return c, heads
	}
	if topic.Proposition != "" {
		c.addWrapped("Proposition: "+flatten(topic.Proposition)+". The stances below support or oppose it.", width, &t.Proposition, t)
	}
	if topic.Summary != "" {
		c.addWrapped(flatten(topic.Summary), width, &t.Muted, t)
	}
	for i, p := range parties {
		c.blank()
		heads[i] = len(c.Blocks)
		start := len(c.Lines)
		pos := d.Position(p.ID, topic.ID)
		var evidence []*data.Statement
		if pos != nil {
			for _, l := range Wrap(p.Name+": "+plainStance(pos)+".", width) {
				c.add(t.PartyText(p.ID, l))
			}
			if pos.Summary != "" {
				c.addWrapped(flatten(pos.Summary), width, &t.Summary, t)
			}
			if pos.Note != "" {
				c.addWrapped("Note: "+flatten(pos.Note), width, &t.Muted, t)
			}
			evidence = d.Evidence(pos.Evidence)
		} else {
			for _, l := range Wrap(p.Name+": "+NoPosition+".", width) {
				c.add(t.PartyText(p.ID, l))
			}
			if subs := plainSubtopics(d, p, topic); subs != "" {
				c.addWrapped("On its subtopics: "+subs+".", width, &t.Muted, t)
			}
		}
		c.Blocks = append(c.Blocks, Block{Start: start, End: len(c.Lines)})
		statementSections(c, d, p, topic, pos, evidence, width, t)
	}
	return c, heads
}

// plainSubtopics is "Title: support; Title: oppose" for the subtopics
// where a party silent on a topic did take a position.
func plainSubtopics(d *data.Dossier, party *data.Party, topic *data.Topic) string {
	var out []string
	for _, sub := range subtopicPositions(d, party, topic) {
		out = append(out, flatten(sub.Topic.Title)+": "+string(sub.Stance))
	}
	return strings.Join(out, "; ")
}

// PlainAllTopics is the all-topics view in plain mode: per topic (a block,
// in TopicsInOrder's order) its title, then a line per party with its
// stance, summary and how many statements it made on the topic.
func PlainAllTopics(d *data.Dossier, parties []*data.Party, width int, t *Theme) *Content {
	c := &Content{}
	for _, topic := range d.TopicsInOrder() {
		start := len(c.Lines)
		c.addWrapped(flatten(topic.Title), width, &t.Heading, t)
		for _, p := range parties {
			line := p.Name + ": " + NoPosition + "."
			if pos := d.Position(p.ID, topic.ID); pos != nil {
				line = p.Name + ": " + plainStance(pos) + "."
				if pos.Summary != "" {
					line += " " + flatten(pos.Summary)
				}
			}
			if n := statementCount(d, p, topic); n > 0 {
				line += fmt.Sprintf(" (%d %s)", n, plural(n, "statement", "statements"))
			}
			c.addWrapped(line, width, &t.Summary, t)
		}
		c.Blocks = append(c.Blocks, Block{Start: start, End: len(c.Lines), Topic: topic})
		c.add("")
	}
	return c
}

// PlainDemandList is the demands one line each: "1. Russia asks United
// States and NATO, 2 deferred: Written security guarantees", cut to width.
func PlainDemandList(d *data.Dossier, width int, t *Theme) *Content {
	c := &Content{}
	for i, dm := range d.Demands {
		line := fmt.Sprintf("%d. %s asks %s, %s: %s", i+1, partyName(d, dm.From), joinNames(d, dm.To), statusSummary(dm, nil, false), flatten(dm.Text))
		c.Blocks = append(c.Blocks, Block{Start: len(c.Lines), End: len(c.Lines) + 1})
		c.add(t.Paint(&t.Summary, Truncate(line, width)))
	}
	if len(d.Demands) == 0 {
		c.add(t.Paint(&t.Empty, Truncate("no demands in this dossier", width)))
	}
	return c
}

// PlainDemandThread is DemandThread in plain mode: the demand, who asked
// whom, its evidence one line each; then per addressee a heading "United
// States: deferred, 2022-01-21.", the answer and its evidence.
func PlainDemandThread(d *data.Dossier, dm *data.Demand, width int, t *Theme) *Content {
	c := &Content{}
	if dm == nil {
		c.add(t.Paint(&t.Empty, Truncate("no demand selected", width)))
		return c
	}
	c.addWrapped("Demand: "+flatten(dm.Text), width, &t.Heading, t)
	c.addWrapped(strings.Join(demandMeta(d, dm), ", ")+".", width, &t.Muted, t)
	if dm.Note != "" {
		c.addWrapped("Note: "+flatten(dm.Note), width, &t.Muted, t)
	}
	evidenceSection(c, d, dm.Evidence, width, t)
	for _, to := range dm.To {
		c.blank()
		r := dm.Response(to)
		head := partyName(d, to) + ": " + string(ResponseStatus(dm, to))
		if r != nil {
			if who := d.AccordingTo(r); who != "" {
				head += ", according to " + who
			}
			head += ", " + DateText(r.Date)
		}
		for _, l := range Wrap(head+".", width) {
			c.add(t.PartyText(to, l))
		}
		if r == nil {
			c.add(t.Paint(&t.Empty, Truncate("no response recorded", width)))
			continue
		}
		if r.Text != "" {
			c.addWrapped(flatten(r.Text), width, &t.Summary, t)
		}
		if r.Note != "" {
			c.addWrapped("Note: "+flatten(r.Note), width, &t.Muted, t)
		}
		for _, s := range d.Evidence(r.Evidence) {
			statementBlock(c, d, s, width, t)
		}
	}
	return c
}
