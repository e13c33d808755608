package views

import (
	"fmt"
	"strings"

	"github.com/parley-dev/parley/data"
)

// The Markdown briefs `e` writes from the explorer: what is on screen, as
// a reader would want it on paper. The whole dossier's brief is
// data.ExportMarkdown; these are its parts.

// CompareMarkdown is the comparison of parties on one topic (or every
// topic when topic is nil): a table of their positions, then the evidence
// quoted with attribution.
func CompareMarkdown(d *data.Dossier, parties []*data.Party, topic *data.Topic) []byte {
	var b strings.Builder
	mdTitle(&b, d, "Comparison: "+strings.Join(partyNames(parties), ", "))
	topics := d.TopicsInOrder()
	if topic != nil {
		topics = []*data.Topic{topic}
	}
	for _, tp := range topics {
		fmt.Fprintf(&b, "## %s\n\n", mdText(TopicPath(d, tp)))
		if tp.Proposition != "" {
			fmt.Fprintf(&b, "Proposition: %s\n\n", mdText(tp.Proposition))
		}
		b.WriteString("| Party | Stance | Basis | Summary |\n|---|---|---|---|\n")
		var evidence []*data.Statement
		for _, p := range parties {
			pos := d.Position(p.ID, tp.ID)
			if pos == nil {
				fmt.Fprintf(&b, "| %s | %s | | |\n", mdText(p.Name), NoPosition)
				continue
			}
			fmt.Fprintf(&b, "| %s | %s | %s | %s |\n", mdText(p.Name), StanceWord(pos.Stance), pos.Basis, mdText(pos.Summary))
			evidence = append(evidence, d.Evidence(pos.Evidence)...)
		}
		mdQuotes(&b, d, evidence)
	}
	return []byte(b.String())
}

// DemandMarkdown is one demand thread: the demand, its evidence, then
// every addressee's answer or its silence.
func DemandMarkdown(d *data.Dossier, dm *data.Demand) []byte {
	var b strings.Builder
	mdTitle(&b, d, "Demand: "+Route(d, dm))
	fmt.Fprintf(&b, "**%s**\n\n%s asks %s", mdText(dm.Text), mdText(partyName(d, dm.From)), mdText(joinNames(d, dm.To)))
	if tp := d.Topic(dm.Topic); tp != nil {
		fmt.Fprintf(&b, " · topic: %s", mdText(tp.Title))
	}
	if !dm.Date.IsZero() {
		fmt.Fprintf(&b, " · %s", dm.Date)
	}
	b.WriteString("\n\n")
	mdQuotes(&b, d, d.Evidence(dm.Evidence))
	for _, to := range dm.To {
		r := dm.Response(to)
		from := ""
		if r != nil {
			if who := d.AccordingTo(r); who != "" {
				from = " — according to " + mdText(who)
			}
		}
		fmt.Fprintf(&b, "## %s: %s%s\n\n", mdText(partyName(d, to)), StatusWord(ResponseStatus(dm, to)), from)
		if r == nil {
			b.WriteString("No response recorded.\n\n")
			continue
		}
		if r.Text != "" {
			fmt.Fprintf(&b, "%s\n\n", mdText(r.Text))
		}
		if !r.Date.IsZero() {
			fmt.Fprintf(&b, "*%s*\n\n", r.Date)
		}
		mdQuotes(&b, d, d.Evidence(r.Evidence))
	}
	return []byte(b.String())
}

// MatrixMarkdown is the stance matrix as a table: a row per topic some
// party speaks to, a column per party, the class of each row in words,
// then each party's silences.
func MatrixMarkdown(d *data.Dossier, parties []*data.Party, agreements []data.TopicAgreement) []byte {
	var b strings.Builder
	mdTitle(&b, d, "Stance matrix: "+strings.Join(partyNames(parties), ", "))
	b.WriteString("| Topic | Agreement |")
	for _, p := range parties {
		fmt.Fprintf(&b, " %s |", mdText(p.Label()))
	}
	b.WriteString("\n|---|---|" + strings.Repeat("---|", len(parties)) + "\n")
	for i := range agreements {
		ta := &agreements[i]
		fmt.Fprintf(&b, "| %s | %s |", mdText(TopicPath(d, ta.Topic)), AgreementWord(ta))
		for _, pos := range ta.Positions {
			cell := "·"
			if pos != nil {
				cell = StanceWord(pos.Stance)
			}
			fmt.Fprintf(&b, " %s |", cell)
		}
		b.WriteByte('\n')
	}
	silent := data.SilentTopics(agreements)
	b.WriteString("\nSilent on (topics another shown party speaks to):\n\n")
	for _, p := range parties {
		fmt.Fprintf(&b, "- %s: %d\n", mdText(p.Name), silent[p.ID])
	}
	first := true
	for _, ta := range agreements {
		if ta.Topic.Proposition == "" {
			continue
		}
		if first {
			b.WriteString("\nPropositions (what support and oppose refer to):\n\n")
			first = false
		}
		fmt.Fprintf(&b, "- %s: %s\n", mdText(TopicPath(d, ta.Topic)), mdText(ta.Topic.Proposition))
	}
	if moves := MovesText(d, parties); moves != "" {
		fmt.Fprintf(&b, "\nMoves (acts of the statements):\n\n%s", moves)
	}
	return []byte(b.String())
}

// SourceMarkdown is a source's statements in text order with their
// paragraphs, then those not located in it.
func SourceMarkdown(d *data.Dossier, src *data.Source) []byte {
	var b strings.Builder
	title := src.Title
	if title == "" {
		title = src.ID
	}
	mdTitle(&b, d, "Source: "+title)
	var meta []string
	for _, s := range []string{src.Publisher, src.Date.String(), src.URL} {
		if s != "" {
			meta = append(meta, mdText(s))
		}
	}
	if len(meta) > 0 {
		fmt.Fprintf(&b, "%s\n\n", strings.Join(meta, " · "))
	}
	anchored, unanchored := SourceStatements(d, src)
	mdQuotes(&b, d, anchored)
	if len(unanchored) > 0 {
		b.WriteString("## Not located in the source\n\n")
		mdQuotes(&b, d, unanchored)
	}
	return []byte(b.String())
}

// TimelineMarkdown is the timeline: a heading per day or range of days,
// then its events (expected ones said to be expected) and statements.
func TimelineMarkdown(d *data.Dossier) []byte {
	var b strings.Builder
	mdTitle(&b, d, "Timeline")
	items, undated := TimelineItems(d)
	for i, it := range items {
		if i == 0 || it.Date.Compare(items[i-1].Date) != 0 {
			fmt.Fprintf(&b, "\n## %s\n\n", mdText(DayHeading(it.Date)))
		}
		if e := it.Event; e != nil {
			status := "happened"
			if e.Expected() {
				status = "expected"
			}
			fmt.Fprintf(&b, "- **%s** (%s)", mdText(e.Title), status)
			if e.Place != "" {
				fmt.Fprintf(&b, ", %s", mdText(e.Place))
			}
			b.WriteByte('\n')
			continue
		}
		fmt.Fprintf(&b, "- %s — %s\n", mdStatementText(it.Statement), mdText(data.Attribution(d, it.Statement)))
	}
	if undated > 0 {
		fmt.Fprintf(&b, "\n%d undated %s not shown.\n", undated, plural(undated, "statement", "statements"))
	}
	return []byte(b.String())
}

// SearchMarkdown is the statements a query found, best first, with their
// attribution; total is how many matched in all.
func SearchMarkdown(d *data.Dossier, query string, found []*data.Statement, total int) []byte {
	var b strings.Builder
	mdTitle(&b, d, "Quotes: "+query)
	fmt.Fprintf(&b, "%d of %d %s.\n\n", len(found), total, plural(total, "match", "matches"))
	mdQuotes(&b, d, found)
	return []byte(b.String())
}

// StatementMarkdown is one statement with its attribution and what cites it.
func StatementMarkdown(d *data.Dossier, s *data.Statement) []byte {
	var b strings.Builder
	mdTitle(&b, d, "Statement")
	mdQuotes(&b, d, []*data.Statement{s})
	if cites := citations(d, s); len(cites) > 0 {
		b.WriteString("Cited by:\n\n")
		for _, c := range cites {
			fmt.Fprintf(&b, "- %s\n", mdText(c))
		}
	}
	return []byte(b.String())
}

func mdTitle(b *strings.Builder, d *data.Dossier, what string) {
	fmt.Fprintf(b, "# %s\n\n*%s", mdText(what), mdText(d.Title))
	if !d.Date.IsZero() {
		fmt.Fprintf(b, " · %s", d.Date)
	}
	b.WriteString("*\n\n")
}

// mdQuotes quotes statements as block quotes with their attribution.
func mdQuotes(b *strings.Builder, d *data.Dossier, ss []*data.Statement) {
	for _, s := range ss {
		act := ""
		if s.Act() != "" {
			act = " · *" + string(s.Act()) + "*"
		}
		fmt.Fprintf(b, "> %s\n>\n> — %s%s\n\n", mdStatementText(s), mdText(data.Attribution(d, s)), act)
	}
}

func mdStatementText(s *data.Statement) string {
	switch s.Kind {
	case data.KindQuote:
		return "“" + mdText(s.Text) + "”"
	case data.KindAccount:
		return "Account: " + mdText(s.Text)
	}
	return "Reported: " + mdText(s.Text)
}

// MovesText lists each party's moves, one line a party with any: "- Russia:
// 3 demand, 1 offer, 1 rejection". "" when no statement has an act.
func MovesText(d *data.Dossier, parties []*data.Party) string {
	counts := data.ActCounts(d)
	var b strings.Builder
	for _, p := range parties {
		if m := MovesOf(counts[p.ID]); m != "" {
			fmt.Fprintf(&b, "- %s: %s\n", mdText(p.Name), m)
		}
	}
	return b.String()
}

// MovesOf is one party's moves in the order of data.Acts: "3 demand, 1
// offer"; "" for none.
func MovesOf(counts map[data.Act]int) string {
	var parts []string
	for _, a := range data.Acts {
		if n := counts[a]; n > 0 {
			parts = append(parts, fmt.Sprintf("%d %s", n, a))
		}
	}
	return strings.Join(parts, ", ")
}

func partyNames(parties []*data.Party) []string {
	out := make([]string, len(parties))
	for i, p := range parties {
		out[i] = p.Name
	}
	return out
}

// mdText keeps dossier text from being read as Markdown: line breaks fold
// to spaces and the characters that start markup are escaped. (data has
// the same rule for the whole-dossier export, unexported.)
func mdText(s string) string { return data.MarkdownText(s) }
