package views

import (
	"fmt"
	"strings"

	"github.com/charmbracelet/x/ansi"
	"github.com/parley-dev/parley/data"
)

// partyLabel is a party's short label, or the id as written when the
// dossier does not know it.
func partyLabel(d *data.Dossier, id string) string {
	if p := d.Party(id); p != nil {
		return p.Label()
	}
	return id
}

func partyName(d *data.Dossier, id string) string {
	if p := d.Party(id); p != nil {
		return p.Name
	}
	return id
}

// Route is "RU → US, West".
func Route(d *data.Dossier, dm *data.Demand) string {
	to := make([]string, len(dm.To))
	for i, id := range dm.To {
		to[i] = partyLabel(d, id)
	}
	return partyLabel(d, dm.From) + " → " + strings.Join(to, ", ")
}

// ResponseStatus is an addressee's answer to a demand (Demand.StatusOf):
// "no response" when the dossier records none, which is not "unanswered"
// (that is for a source that says so).
func ResponseStatus(dm *data.Demand, party string) data.Status { return dm.StatusOf(party) }

// StatusSummary counts a demand's answers by status: "» 2 deferred ·
// – 1 no response", in the order of data.Statuses.
func StatusSummary(dm *data.Demand) string {
	return statusSummary(dm, nil, true)
}

// statusSummary is StatusSummary with each status in its style when t is
// given, and without glyphs ("2 deferred, 1 unanswered") for plain mode.
func statusSummary(dm *data.Demand, t *Theme, glyphs bool) string {
	counts := map[data.Status]int{}
	for _, to := range dm.To {
		counts[ResponseStatus(dm, to)]++
	}
	var parts []string
	for _, s := range append(data.Statuses[:len(data.Statuses):len(data.Statuses)], NoResponse) {
		if n := counts[s]; n > 0 {
			part := fmt.Sprintf("%d %s", n, s)
			if glyphs {
				part = statusGlyph[s] + " " + part
			}
			if t != nil {
				if k, ok := t.statusInk[s]; ok {
					part = k.paint(part)
				}
			}
			parts = append(parts, part)
		}
	}
	if !glyphs {
		return strings.Join(parts, ", ")
	}
	return strings.Join(parts, " · ")
}

// DemandItem is one entry of the demands list: who asks whom, the text,
// the topic and the status summary, each cut to one line; the selected
// entry is reversed.
func DemandItem(d *data.Dossier, dm *data.Demand, width int, selected bool, t *Theme) []string {
	topic := "no topic"
	if tp := d.Topic(dm.Topic); tp != nil {
		topic = tp.Title
	}
	lines := []string{
		t.PartyText(dm.From, Truncate(Route(d, dm), width)),
		t.Paint(&t.Summary, Truncate(flatten(dm.Text), width)),
		t.Paint(&t.Muted, Truncate("on "+topic, width)),
		summaryLine(dm, width, t),
	}
	if selected {
		for i, l := range lines {
			lines[i] = t.Paint(&t.SelectedRow, Fit(ansi.Strip(l), width))
		}
	}
	return lines
}

func flatten(s string) string { return strings.Join(strings.Fields(s), " ") }

// DemandItemHeight is how many lines DemandItem takes, plus its separator.
const DemandItemHeight = 5

// DemandList lays out the list of demands: items, a blank line between.
func DemandList(d *data.Dossier, selected, width int, t *Theme) *Content {
	c := &Content{}
	for i, dm := range d.Demands {
		start := len(c.Lines)
		c.add(DemandItem(d, dm, width, i == selected, t)...)
		c.Blocks = append(c.Blocks, Block{Start: start, End: len(c.Lines)})
		c.add("")
	}
	if len(d.Demands) == 0 {
		c.add(t.Paint(&t.Empty, Truncate("no demands in this dossier", width)))
	}
	return c
}

// DemandThread is a demand and everything said about it: its text, who
// asked whom, the topic and date, the evidence; then one block per
// addressee with the status of its response and whom it is known from
// ("» deferred — according to Russia"; "– no response" when none is
// recorded), the response's text, date and evidence.
func DemandThread(d *data.Dossier, dm *data.Demand, width int, t *Theme) *Content {
	c := &Content{}
	if dm == nil {
		c.add(t.Paint(&t.Empty, Truncate("no demand selected", width)))
		return c
	}
	for _, l := range Wrap(flatten(dm.Text), width) {
		c.add(t.Paint(&t.Heading, l))
	}
	for _, l := range Wrap(strings.Join(demandMeta(d, dm), " · "), width) {
		c.add(t.Paint(&t.Muted, l))
	}
	if dm.Note != "" {
		for _, l := range Indent(flatten(dm.Note), width, "note: ", "      ") {
			c.add(t.Paint(&t.Muted, l))
		}
	}
	evidenceSection(c, d, dm.Evidence, width, t)
	for _, to := range dm.To {
		c.blank()
		c.add(t.Paint(&t.Rule, strings.Repeat("─", width)))
		name := partyName(d, to)
		status := ResponseStatus(dm, to)
		r := dm.Response(to)
		// Whom an answer is known from, when not from the party itself.
		from := ""
		if r != nil {
			if who := d.AccordingTo(r); who != "" {
				from = " — according to " + who
			}
		}
		badge := StatusWord(status) + from
		if ansi.StringWidth(name)+2+ansi.StringWidth(badge) <= width {
			gap := width - ansi.StringWidth(name) - ansi.StringWidth(badge)
			c.add(t.PartyText(to, name) + strings.Repeat(" ", gap) + t.StatusBadge(status) + t.Paint(&t.Muted, from))
		} else {
			c.add(t.PartyText(to, Truncate(name, width)))
			c.add(t.StatusBadge(status))
			if from != "" {
				for _, l := range Wrap(strings.TrimPrefix(from, " — "), width) {
					c.add(t.Paint(&t.Muted, l))
				}
			}
		}
		if r == nil {
			c.add(t.Paint(&t.Empty, Truncate("no response recorded", width)))
			continue
		}
		if r.Text != "" {
			for _, l := range Wrap(flatten(r.Text), width) {
				c.add(t.Paint(&t.Summary, l))
			}
		}
		c.add(t.Paint(&t.Muted, Truncate(DateText(r.Date), width)))
		if r.Note != "" {
			for _, l := range Indent(flatten(r.Note), width, "note: ", "      ") {
				c.add(t.Paint(&t.Muted, l))
			}
		}
		for _, s := range d.Evidence(r.Evidence) {
			c.blank()
			statementBlock(c, d, s, width, t)
		}
	}
	return c
}

// evidenceSection adds the statements a demand rests on under their
// heading, set apart by blank lines (in plain mode one line each).
func evidenceSection(c *Content, d *data.Dossier, ids []string, width int, t *Theme) {
	ev := d.Evidence(ids)
	if len(ev) == 0 {
		return
	}
	c.blank()
	c.add(t.Paint(&t.Heading, Truncate(fmt.Sprintf("Evidence (%d)", len(ev)), width)))
	for _, s := range ev {
		if !t.Accessible {
			c.blank()
		}
		statementBlock(c, d, s, width, t)
	}
}

// demandMeta is who asked whom, the topic and the date of a demand.
func demandMeta(d *data.Dossier, dm *data.Demand) []string {
	meta := []string{partyName(d, dm.From) + " asks " + joinNames(d, dm.To)}
	if tp := d.Topic(dm.Topic); tp != nil {
		meta = append(meta, "topic: "+tp.Title)
	}
	if !dm.Date.IsZero() {
		meta = append(meta, dm.Date.String())
	}
	return meta
}

func joinNames(d *data.Dossier, ids []string) string {
	names := make([]string, len(ids))
	for i, id := range ids {
		names[i] = partyName(d, id)
	}
	switch len(names) {
	case 0:
		return "nobody"
	case 1:
		return names[0]
	}
	return strings.Join(names[:len(names)-1], ", ") + " and " + names[len(names)-1]
}

// DemandsText is every demand thread as plain text for the command line,
// wrapped to width, one after another.
func DemandsText(d *data.Dossier, demands []data.DemandReport, width int) string {
	t := PlainTheme()
	width = max(width, 20)
	var sb strings.Builder
	sb.WriteString(Truncate(d.Title, width))
	if !d.Date.IsZero() {
		sb.WriteString(" · " + d.Date.String())
	}
	sb.WriteString("\n")
	if len(demands) == 0 {
		sb.WriteString("\nno demands in this dossier\n")
		return sb.String()
	}
	for i, rep := range demands {
		dm := d.Demand(rep.ID)
		if dm == nil {
			continue
		}
		sb.WriteString("\n")
		head := fmt.Sprintf("%d. %s  [%s]", i+1, Route(d, dm), StatusSummary(dm))
		for _, l := range Wrap(head, width) {
			sb.WriteString(l + "\n")
		}
		for _, l := range DemandThread(d, dm, width-3, t).Lines {
			sb.WriteString(strings.TrimRight("   "+l, " ") + "\n")
		}
	}
	return sb.String()
}

// summaryLine is the status summary in colour, or cut plain to width when
// the coloured one would not fit.
func summaryLine(dm *data.Demand, width int, t *Theme) string {
	plain := StatusSummary(dm)
	if ansi.StringWidth(plain) > width {
		return t.Paint(&t.Muted, Truncate(plain, width))
	}
	return statusSummary(dm, t, true)
}
