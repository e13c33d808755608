package views

import (
	"fmt"
	"strings"

	"charm.land/lipgloss/v2"
	"github.com/parley-dev/parley/data"
	"github.com/parley-dev/parley/data/search"
)

// SearchText is `parley search` as plain text for a pipe: a count line,
// then one block per hit (attribution, then the text wrapped to width and
// indented), a blank line between blocks. No escape sequences.
func SearchText(d *data.Dossier, r *search.Results, width int) string {
	var b strings.Builder
	b.WriteString(SearchSummary(r))
	b.WriteByte('\n')
	for i, h := range r.Hits {
		b.WriteByte('\n')
		s := h.Statement
		fmt.Fprintf(&b, "%d. %s\n", i+1, searchAttribution(d, s))
		for _, line := range Wrap(flatten(s.Text), max(width-3, 20)) {
			b.WriteString("   ")
			b.WriteString(line)
			b.WriteByte('\n')
		}
	}
	return b.String()
}

// SearchSummary is the count line: "3 statements match", with the typo
// fallback or the query's problems said plainly.
func SearchSummary(r *search.Results) string {
	if len(r.Query.Problems) > 0 {
		msgs := make([]string, len(r.Query.Problems))
		for i, p := range r.Query.Problems {
			msgs[i] = p.Message
		}
		return "cannot search: " + strings.Join(msgs, "; ")
	}
	if r.Query.Empty() {
		return "type words to search; filters: party: speaker: topic: kind: act: via: about: date:, \"a phrase\", -word"
	}
	n := searchPlural(r.Total, "statement matches", "statements match")
	if r.Total == 0 {
		n = "no statement matches"
	}
	if r.Fuzzy {
		var parts []string
		for _, c := range r.Corrections {
			parts = append(parts, fmt.Sprintf("%q as %s", c.Word, strings.Join(c.Terms, ", ")))
		}
		n = fmt.Sprintf("no exact match; read %s: %s", strings.Join(parts, "; "), n)
	}
	if len(r.Hits) < r.Total {
		n += fmt.Sprintf(" (best %d shown)", len(r.Hits))
	}
	return n
}

func searchPlural(n int, one, many string) string {
	if n == 1 {
		return "1 " + one
	}
	return fmt.Sprintf("%s %s", groupDigits(n), many)
}

// GroupDigits writes 1234567 as 1,234,567.
func GroupDigits(n int) string { return groupDigits(n) }

func groupDigits(n int) string {
	s := fmt.Sprint(n)
	if n < 0 || len(s) <= 3 {
		return s
	}
	var b strings.Builder
	pre := len(s) % 3
	b.WriteString(s[:pre])
	for i := pre; i < len(s); i += 3 {
		if b.Len() > 0 {
			b.WriteByte(',')
		}
		b.WriteString(s[i : i+3])
	}
	return b.String()
}

// searchAttribution is "Sergei Lavrov (RU) · 2022-01-21 · NATO's eastward
// expansion · reported".
func searchAttribution(d *data.Dossier, s *data.Statement) string {
	who := d.Speaker(s)
	if p := d.Party(s.Party); p != nil && p.Name != who {
		who += " (" + p.Label() + ")"
	}
	return strings.Join(append([]string{who}, hitMeta(d, s)...), " · ")
}

// hitMeta is what follows the speaker in a hit's attribution: whom it came
// through, its date, its first topic, "reported" for reported speech and
// "account" for the source's own, and its act.
func hitMeta(d *data.Dossier, s *data.Statement) []string {
	var meta []string
	if via := d.ViaNames(s); len(via) > 0 {
		meta = append(meta, "via "+strings.Join(via, ", via "))
	}
	if !s.Date.IsZero() {
		meta = append(meta, s.Date.String())
	}
	if len(s.Topics) > 0 {
		if t := d.Topic(s.Topics[0]); t != nil {
			meta = append(meta, t.Title)
		}
	}
	switch s.Kind {
	case data.KindReported:
		meta = append(meta, "reported")
	case data.KindAccount:
		meta = append(meta, "account")
	}
	if act := ActBadge(s); act != "" {
		meta = append(meta, act)
	}
	return meta
}

// SearchHitLines draws one hit for the search screen: the attribution line
// (speaker, party badge, date, topic) and the text wrapped to width with
// every matched span highlighted. The gutter marks the selected hit by
// more than colour.
func SearchHitLines(d *data.Dossier, h search.Hit, width int, selected bool, t *Theme) []string {
	s := h.Statement
	gutter := " " // the pane marks the selected hit in the column before
	inner := max(width-1, 10)
	// Attribution: speaker, party badge, date, topic.
	who := d.Speaker(s)
	var head []string
	head = append(head, t.Paint(&t.Heading, Truncate(who, inner/2)))
	if p := d.Party(s.Party); p != nil {
		label := t.PartyText(p.ID, "["+p.Label()+"]")
		if p.Name == who || p.Label() == who {
			label = "" // the speaker is the party itself
		}
		if chip := t.PartyChip(p.ID); chip != "" {
			label = strings.TrimSpace(chip + " " + label)
		}
		if label != "" {
			head = append(head, label)
		}
	}
	meta := hitMeta(d, s)
	line := strings.Join(head, " ")
	if len(meta) > 0 {
		line += " " + t.Paint(&t.Muted, "· "+strings.Join(meta, " · "))
	}
	out := []string{gutter + Fit(line, inner)}
	// The text, wrapped by display width, spans highlighted.
	text, spans := flattenSpans(s.Text, h.Spans)
	style := textStyle(s, t)
	bar := t.Paint(&t.QuoteBar, "│") + " "
	if !selected || t.Plain {
		bar = "  " // plain output has no box drawing
	}
	for _, ln := range wrapSpans(text, max(inner-2, 8)) {
		out = append(out, " "+bar+paintSpans(text, ln, spans, style, t))
	}
	return out
}

// flattenSpans folds the text's runs of white space into single spaces, as
// the lists show statements, and moves the spans along.
func flattenSpans(text string, spans []data.Span) (string, []data.Span) {
	var b strings.Builder
	b.Grow(len(text))
	mapTo := make([]int, len(text)+1)
	space := false
	started := false
	for i := 0; i < len(text); i++ {
		c := text[i]
		isSpace := c == ' ' || c == '\n' || c == '\t' || c == '\r'
		mapTo[i] = b.Len()
		if isSpace {
			space = started
			continue
		}
		if space {
			b.WriteByte(' ')
			mapTo[i] = b.Len()
			space = false
		}
		started = true
		b.WriteByte(c)
	}
	mapTo[len(text)] = b.Len()
	out := make([]data.Span, 0, len(spans))
	for _, sp := range spans {
		if sp.Start < 0 || sp.End > len(text) || sp.Start >= sp.End {
			continue
		}
		out = append(out, data.Span{Start: mapTo[sp.Start], End: mapTo[sp.End]})
	}
	return b.String(), out
}

// paintSpans styles one wrapped line of text: base style, with the parts
// inside spans highlighted.
func paintSpans(text string, line data.Span, spans []data.Span, base *lipgloss.Style, t *Theme) string {
	var b strings.Builder
	pos := line.Start
	for _, sp := range spans {
		a, e := max(sp.Start, line.Start), min(sp.End, line.End)
		if a >= e || a < pos {
			continue
		}
		b.WriteString(t.Paint(base, text[pos:a]))
		b.WriteString(t.Paint(&t.Highlight, text[a:e]))
		pos = e
	}
	b.WriteString(t.Paint(base, text[pos:line.End]))
	return b.String()
}

// SearchList lays out the hits for the search screen, one block each with
// a blank line between.
func SearchList(d *data.Dossier, hits []search.Hit, selected, width int, t *Theme) *Content {
	c := &Content{}
	for i, h := range hits {
		start := len(c.Lines)
		c.add(SearchHitLines(d, h, width, i == selected, t)...)
		c.Blocks = append(c.Blocks, Block{Start: start, End: len(c.Lines)})
		c.add("")
	}
	return c
}
