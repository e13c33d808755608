package data

import (
	"bytes"
	"encoding/csv"
	"encoding/json"
	"fmt"
	"slices"
	"strconv"
	"strings"

	"github.com/goccy/go-yaml"
)

// ExportJSON writes the whole dossier in the format's own field names. The
// export is self-contained: source texts are inlined and statements from
// statement files are listed with the others, so exporting what it loads
// gives the same bytes again.
func ExportJSON(d *Dossier) ([]byte, error) {
	var b bytes.Buffer
	enc := json.NewEncoder(&b)
	enc.SetEscapeHTML(false)
	enc.SetIndent("", "  ")
	if err := enc.Encode(d); err != nil {
		return nil, fmt.Errorf("export json: %w", err)
	}
	return b.Bytes(), nil
}

// ExportYAML is ExportJSON in YAML, with the same fields in the same order.
func ExportYAML(d *Dossier) ([]byte, error) {
	j, err := ExportJSON(d)
	if err != nil {
		return nil, err
	}
	y, err := yaml.JSONToYAML(j)
	if err != nil {
		return nil, fmt.Errorf("export yaml: %w", err)
	}
	return y, nil
}

// CSVHeader names the columns of ExportCSV. The columns after paragraph
// came with format 1.1; they are empty for a version-1 dossier.
var CSVHeader = []string{"id", "kind", "party", "actor", "date", "topics", "text", "source", "paragraph",
	"act", "about", "via", "draft_rule", "draft_confidence"}

// ExportCSV writes one statement a row, for spreadsheets: topics, about
// and via are joined with ";" (via in order, from the speaker outwards),
// and paragraph is the 1-based paragraph of the source where the statement
// is anchored (empty when it is not).
func ExportCSV(d *Dossier) ([]byte, error) {
	var b bytes.Buffer
	w := csv.NewWriter(&b)
	if err := w.Write(CSVHeader); err != nil {
		return nil, err
	}
	for _, s := range d.Statements {
		para := ""
		if s.Location != nil {
			para = strconv.Itoa(s.Location.Paragraph)
		}
		rule, confidence := "", ""
		if s.Draft() != nil {
			rule = s.Draft().Rule
			if c := s.Draft().Confidence; c != nil {
				confidence = strconv.FormatFloat(*c, 'f', -1, 64)
			}
		}
		row := []string{s.ID, string(s.Kind), s.Party, s.Actor, s.Date.String(), strings.Join(s.Topics, ";"), s.Text, s.Source, para,
			string(s.Act()), strings.Join(s.About(), ";"), strings.Join(s.Via(), ";"), rule, confidence}
		if err := w.Write(row); err != nil {
			return nil, err
		}
	}
	w.Flush()
	return b.Bytes(), w.Error()
}

// ExportMarkdown writes a readable brief: title, parties, a positions table
// per topic, demands with their responses, the quotes and reported
// statements with attribution and source paragraph, and the events.
func ExportMarkdown(d *Dossier) []byte {
	var b strings.Builder
	fmt.Fprintf(&b, "# %s\n\n", mdText(d.Title))
	if !d.Date.IsZero() {
		fmt.Fprintf(&b, "*%s*\n\n", d.Date)
	}
	if d.Summary != "" {
		fmt.Fprintf(&b, "%s\n\n", mdText(d.Summary))
	}

	b.WriteString("## Parties\n\n| Party | Short | People |\n|---|---|---|\n")
	for _, p := range d.Parties {
		var people []string
		for _, a := range d.Actors {
			if a.Party == p.ID {
				person := a.Name
				if a.Role != "" {
					person += ", " + a.Role
				}
				people = append(people, person)
			}
		}
		fmt.Fprintf(&b, "| %s | %s | %s |\n", mdText(p.Name), mdText(p.Short), mdText(strings.Join(people, "; ")))
	}

	b.WriteString("\n## Positions\n")
	for _, t := range d.TopicsInOrder() {
		positions := d.PositionsByTopic(t.ID)
		if len(positions) == 0 {
			continue
		}
		fmt.Fprintf(&b, "\n### %s\n\n", mdText(topicPath(d, t)))
		if t.Proposition != "" {
			fmt.Fprintf(&b, "Proposition: %s\n\n", mdText(t.Proposition))
		}
		b.WriteString("| Party | Stance | Basis | Summary | Evidence |\n|---|---|---|---|---|\n")
		for _, p := range positions {
			fmt.Fprintf(&b, "| %s | %s | %s | %s | %s |\n", mdText(partyName(d, p.Party)), p.Stance, p.Basis, mdText(p.Summary), mdText(strings.Join(p.Evidence, ", ")))
		}
	}

	if len(d.Demands) > 0 {
		b.WriteString("\n## Demands\n")
		for _, dm := range d.Demands {
			to := make([]string, len(dm.To))
			for i, id := range dm.To {
				to[i] = partyName(d, id)
			}
			fmt.Fprintf(&b, "\n### %s → %s: %s\n\n", mdText(partyName(d, dm.From)), mdText(strings.Join(to, ", ")), mdText(dm.Text))
			if len(dm.Evidence) > 0 {
				fmt.Fprintf(&b, "Evidence: %s\n\n", mdText(strings.Join(dm.Evidence, ", ")))
			}
			for _, id := range dm.To {
				r := dm.Response(id)
				if r == nil {
					fmt.Fprintf(&b, "- **%s**: no response recorded\n", mdText(partyName(d, id)))
					continue
				}
				fmt.Fprintf(&b, "- **%s**: %s", mdText(partyName(d, id)), r.Status)
				if who := d.AccordingTo(r); who != "" {
					fmt.Fprintf(&b, ", according to %s", mdText(who))
				}
				if r.Text != "" {
					fmt.Fprintf(&b, " — %s", mdText(r.Text))
				}
				if !r.Date.IsZero() {
					fmt.Fprintf(&b, " (%s)", r.Date)
				}
				if len(r.Evidence) > 0 {
					fmt.Fprintf(&b, " [evidence: %s]", mdText(strings.Join(r.Evidence, ", ")))
				}
				b.WriteByte('\n')
			}
		}
	}

	for _, kind := range []struct {
		k     StatementKind
		title string
	}{{KindQuote, "Quotes"}, {KindReported, "Reported statements"}, {KindAccount, "The source's own account"}} {
		first := true
		for _, s := range d.Statements {
			if s.Kind != kind.k {
				continue
			}
			if first {
				fmt.Fprintf(&b, "\n## %s\n", kind.title)
				first = false
			}
			text := mdText(s.Text)
			if s.Kind == KindQuote {
				text = "“" + text + "”"
			}
			fmt.Fprintf(&b, "\n> %s\n>\n> — %s", text, mdText(Attribution(d, s)))
			if len(s.About()) > 0 {
				about := make([]string, len(s.About()))
				for i, id := range s.About() {
					about[i] = partyName(d, id)
				}
				fmt.Fprintf(&b, " · about %s", mdText(strings.Join(about, ", ")))
			}
			if s.Act() != "" {
				fmt.Fprintf(&b, " · *%s*", s.Act())
			}
			if s.Draft() != nil {
				fmt.Fprintf(&b, " · draft (%s), not yet reviewed", mdText(s.Draft().Rule))
			}
			b.WriteByte('\n')
		}
	}

	if counts := ActCounts(d); len(counts) > 0 {
		var acts []Act
		for _, a := range Acts {
			for _, c := range counts {
				if c[a] > 0 {
					acts = append(acts, a)
					break
				}
			}
		}
		b.WriteString("\n## Moves\n\n| Party |")
		for _, a := range acts {
			fmt.Fprintf(&b, " %s |", a)
		}
		b.WriteString("\n|---|" + strings.Repeat("---|", len(acts)) + "\n")
		for _, p := range d.Parties {
			c := counts[p.ID]
			if c == nil {
				continue
			}
			fmt.Fprintf(&b, "| %s |", mdText(p.Name))
			for _, a := range acts {
				fmt.Fprintf(&b, " %d |", c[a])
			}
			b.WriteByte('\n')
		}
	}

	if len(d.Events) > 0 {
		b.WriteString("\n## Events\n\n")
		for _, e := range d.Events {
			fmt.Fprintf(&b, "- %s — %s", e.Date, mdText(e.Title))
			if e.Place != "" {
				fmt.Fprintf(&b, ", %s", mdText(e.Place))
			}
			if e.Expected() {
				b.WriteString(" *(expected)*")
			}
			b.WriteByte('\n')
		}
	}
	if len(d.Sources) > 0 {
		b.WriteString("\n## Sources\n\n")
		for _, s := range d.Sources {
			line := mdText(s.Title)
			if line == "" {
				line = s.ID
			}
			if s.Publisher != "" {
				line += ", " + mdText(s.Publisher)
			}
			if !s.Date.IsZero() {
				line += ", " + s.Date.String()
			}
			if s.URL != "" {
				line += " <" + s.URL + ">"
			}
			fmt.Fprintf(&b, "- %s\n", line)
		}
	}
	return []byte(b.String())
}

// Attribution is "Speaker, role (Party), via X, date · source, ¶N", as far
// as the dossier knows each part; for an account, whose speaker is the
// source, "the report, date, ¶N".
func Attribution(d *Dossier, s *Statement) string {
	var b strings.Builder
	b.WriteString(d.Speaker(s))
	account := s.Kind == KindAccount
	if a := d.Actor(s.Actor); a != nil && a.Role != "" && !account {
		b.WriteString(", " + a.Role)
	}
	if p := d.Party(s.Party); p != nil && d.Actor(s.Actor) != nil && !account {
		b.WriteString(" (" + p.Name + ")")
	}
	for _, v := range d.ViaNames(s) {
		b.WriteString(", via " + v)
	}
	if !s.Date.IsZero() {
		b.WriteString(", " + s.Date.String())
	}
	if src := d.Source(s.Source); src != nil && account {
		if s.Location != nil {
			fmt.Fprintf(&b, ", ¶%d", s.Location.Paragraph)
		}
	} else if src != nil {
		title := src.Title
		if title == "" {
			title = src.ID
		}
		b.WriteString(" · " + title)
		if s.Location != nil {
			fmt.Fprintf(&b, ", ¶%d", s.Location.Paragraph)
		}
	}
	return b.String()
}

func partyName(d *Dossier, id string) string {
	if p := d.Party(id); p != nil {
		return p.Name
	}
	return id
}

// topicPath is "Parent › Child" for nested topics.
func topicPath(d *Dossier, t *Topic) string { return TopicPath(d, t) }

// TopicPathLevels is how many levels a topic path names at most: the
// topic and its nearest ancestors, after "…" when there are more. A
// topic a hundred thousand levels deep is named in a line, and naming
// every topic of such a chain costs their number, not its square.
const TopicPathLevels = 8

// TopicPath is a topic's ancestors and itself, outermost first: "European
// security › NATO's eastward expansion"; at most TopicPathLevels of them.
func TopicPath(d *Dossier, t *Topic) string {
	if t == nil {
		return ""
	}
	parts := []string{t.Title}
	seen := map[string]bool{t.ID: true}
	for p := d.Topic(t.Parent); p != nil && !seen[p.ID]; p = d.Topic(p.Parent) {
		if len(parts) == TopicPathLevels {
			parts = append(parts, "…")
			break
		}
		seen[p.ID] = true
		parts = append(parts, p.Title)
	}
	slices.Reverse(parts)
	return strings.Join(parts, " › ")
}

// MarkdownText keeps dossier text from being read as Markdown structure:
// line breaks fold to spaces and the characters that start markup are
// escaped. Every Markdown parley writes goes through it.
func MarkdownText(s string) string { return mdText(s) }

func mdText(s string) string {
	s = strings.Join(strings.Fields(s), " ")
	return mdEscaper.Replace(s)
}

var mdEscaper = strings.NewReplacer(`\`, `\\`, "`", "\\`", "*", `\*`, "_", `\_`, "[", `\[`, "]", `\]`, "<", `\<`, ">", `\>`, "#", `\#`, "|", `\|`)

// ExportFormats are the formats Export writes, by the names
// `parley export --format` takes.
var ExportFormats = []string{"json", "yaml", "md", "csv"}

// Export writes the dossier in a format of ExportFormats ("yml" and
// "markdown" are taken too); an unknown format is an *UnknownFormatError.
func Export(d *Dossier, format string) ([]byte, error) {
	switch format {
	case "json":
		return ExportJSON(d)
	case "yaml", "yml":
		return ExportYAML(d)
	case "md", "markdown":
		return ExportMarkdown(d), nil
	case "csv":
		return ExportCSV(d)
	}
	return nil, &UnknownFormatError{Format: format}
}

// UnknownFormatError is an export format parley does not write.
type UnknownFormatError struct{ Format string }

// Usage reports that the error is in how parley was asked (exit status 2).
func (e *UnknownFormatError) Usage() bool { return true }

func (e *UnknownFormatError) Error() string {
	return fmt.Sprintf("unknown --format %q (want %s)", e.Format, strings.Join(ExportFormats, ", "))
}
