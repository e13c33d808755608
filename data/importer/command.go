package importer

import (
	"bytes"
	"context"
	"errors"
	"fmt"
	"io"
	"path/filepath"
	"strings"

	"github.com/goccy/go-yaml"

	"github.com/parley-dev/parley/data"
	"github.com/parley-dev/parley/data/article"
)

// Config is what `parley import` is asked to do.
type Config struct {
	// Inputs are files and URLs, in order.
	Inputs []string
	// Output is -o: a new draft dossier, YAML (or JSON for a .json name).
	Output string
	// Into is --into: an existing dossier the drafts are added to (see
	// Assemble for what is added and what is skipped as already there).
	Into string
	// Policy is which files the dossier of Into may name besides its own
	// (--allow, the settings' allow:); it is read as every command reads it.
	Policy data.ReadPolicy
	// JSON is --json: the draft as JSON on Stdout.
	JSON bool
	// Force lets Output replace an existing file.
	Force bool

	Stdout, Stderr io.Writer
	// Progress draws a progress line on Stderr (the caller sets it when
	// Stderr is a terminal); it is drawn for ProgressFrom inputs or more.
	Progress bool
	// Fetcher gets URLs; tests give one with an httptest client.
	Fetcher article.Fetcher
}

// ProgressFrom is how many inputs make a progress line worth drawing.
const ProgressFrom = 4

// UsageError is a command line that asks for something impossible (exit
// status 2).
type UsageError struct{ Msg string }

func (e *UsageError) Error() string { return e.Msg }

// Usage reports that the error is in how parley was asked (exit status 2).
func (e *UsageError) Usage() bool { return true }

// ArticleReport is what came of one input.
type ArticleReport struct {
	Input    string
	Source   string // the source id it became
	Quotes   int
	Reported int
	// Reused is set when the dossier already had the article as Source;
	// Skipped counts the statements drafted from it that were already there.
	Reused  bool
	Skipped int
}

// Report is what an import did, for the command to print.
type Report struct {
	Articles []ArticleReport
	// Written is the file written ("" when the draft went to Stdout, or
	// when --into had nothing to add).
	Written string
	// Actors and Parties are how many the draft has (for --into: added).
	Actors, Parties int
	// Into is the dossier of --into; Sources and Statements are how many
	// were added to it, Raised tells that its version was raised to 1.1.
	Into                string
	Sources, Statements int
	Raised              bool
}

// WriteText prints the report for a person: a line per article, then
// what was written.
func (r *Report) WriteText(w io.Writer) {
	for _, a := range r.Articles {
		n := a.Quotes + a.Reported
		switch {
		case a.Reused && n == 0:
			fmt.Fprintf(w, "%s: already in the dossier as source %s; nothing new (%s already there)\n", a.Input, a.Source, plural(a.Skipped, "statement"))
		case a.Reused:
			fmt.Fprintf(w, "%s: already in the dossier as source %s; %d new %s (%s, %s), %d already there\n", a.Input, a.Source, n, strings.TrimPrefix(plural(n, "statement"), fmt.Sprint(n, " ")), plural(a.Quotes, "quote"), plural(a.Reported, "reported"), a.Skipped)
		case n == 0:
			fmt.Fprintf(w, "%s: no statements found; wrote the source only (%s)\n", a.Input, a.Source)
		default:
			fmt.Fprintf(w, "%s: %s (%s, %s) from source %s\n", a.Input, plural(n, "statement"), plural(a.Quotes, "quote"), plural(a.Reported, "reported"), a.Source)
		}
	}
	switch {
	case r.Into != "" && r.Written == "":
		fmt.Fprintf(w, "%s is unchanged: everything drafted is already in it\n", r.Into)
	case r.Into != "":
		var added []string
		for _, n := range []struct {
			n    int
			what string
		}{{r.Sources, "source"}, {r.Parties, "party"}, {r.Actors, "actor"}, {r.Statements, "statement"}} {
			if n.n > 0 {
				added = append(added, plural(n.n, n.what))
			}
		}
		raised := ""
		if r.Raised {
			raised = "; its format raised to parley: 1.1 for the drafts"
		}
		fmt.Fprintf(w, "added to %s: %s%s; check the drafts before you trust them (parley validate %s)\n",
			r.Written, strings.Join(added, ", "), raised, r.Written)
	case r.Written != "":
		fmt.Fprintf(w, "wrote %s: %s, %s; check the drafts before you trust them (parley validate %s)\n", r.Written, plural(r.Actors, "actor"), plural(r.Parties, "party"), r.Written)
	}
}

func plural(n int, word string) string {
	switch {
	case word == "reported":
		return fmt.Sprintf("%d reported", n)
	case n == 1:
		return "1 " + word
	case word == "party":
		return fmt.Sprintf("%d parties", n)
	}
	return fmt.Sprintf("%d %ss", n, word)
}

// InputsError lists every input that could not be read; nothing was
// written.
type InputsError struct{ Errs []error }

func (e *InputsError) Error() string {
	var b strings.Builder
	for i, err := range e.Errs {
		if i > 0 {
			b.WriteByte('\n')
		}
		b.WriteString(err.Error())
	}
	if len(e.Errs) > 1 {
		fmt.Fprintf(&b, "\n%d inputs could not be read; nothing was written", len(e.Errs))
	} else {
		b.WriteString("\nnothing was written")
	}
	return b.String()
}

// Run imports the inputs as Config says: reads every article (all must
// read, or nothing is written), drafts the dossier and writes it.
func Run(ctx context.Context, cfg Config) (*Report, error) {
	switch {
	case len(cfg.Inputs) == 0:
		return nil, &UsageError{"import needs at least one FILE or URL (see parley import --help)"}
	case cfg.Output != "" && cfg.Into != "":
		return nil, &UsageError{"give either -o (a new draft dossier) or --into (an existing one), not both"}
	case cfg.JSON && (cfg.Output != "" || cfg.Into != ""):
		return nil, &UsageError{"--json prints the draft on standard output; it does not go with -o or --into (-o draft.json writes JSON)"}
	case cfg.Force && cfg.Output == "":
		return nil, &UsageError{"--force replaces the file of -o; there is none"}
	}
	var into *target
	var opt Options
	if cfg.Into != "" {
		t, err := openInto(cfg.Into, cfg.Policy)
		if err != nil {
			return nil, err
		}
		into, opt.Into = t, t.dossier
	}
	arts, err := readAll(ctx, cfg)
	if err != nil {
		return nil, err
	}
	res := Assemble(arts, opt)
	rep := &Report{Actors: len(res.New.Actors), Parties: len(res.New.Parties), Sources: len(res.New.Sources), Statements: len(res.New.Statements)}
	kind := map[string]data.StatementKind{}
	for _, st := range res.Dossier.Statements {
		kind[st.ID] = st.Kind
	}
	for i, a := range res.Articles {
		ar := ArticleReport{Input: cfg.Inputs[i], Source: a.Source, Reused: a.Reused, Skipped: a.Skipped}
		for _, id := range a.Statements {
			if kind[id] == data.KindQuote {
				ar.Quotes++
			} else {
				ar.Reported++
			}
		}
		rep.Articles = append(rep.Articles, ar)
	}
	switch {
	case into != nil:
		rep.Into = cfg.Into
		if len(res.New.Sources)+len(res.New.Statements) == 0 {
			break // nothing new: the file is left as it was
		}
		if rep.Raised, err = into.add(res); err != nil {
			return nil, err
		}
		rep.Written = cfg.Into
	case cfg.JSON:
		b, err := data.ExportJSON(res.Dossier)
		if err != nil {
			return nil, err
		}
		if _, err := cfg.Stdout.Write(b); err != nil {
			return nil, err
		}
	default:
		var b []byte
		if strings.EqualFold(filepath.Ext(cfg.Output), ".json") {
			b, err = data.ExportJSON(res.Dossier)
		} else {
			b, err = DraftYAML(res, len(arts))
		}
		if err != nil {
			return nil, err
		}
		if cfg.Output == "" || cfg.Output == "-" {
			_, err = cfg.Stdout.Write(b)
			return rep, err
		}
		if err := data.WriteFileAtomic(cfg.Output, b, cfg.Force); err != nil {
			return nil, err
		}
		rep.Written = cfg.Output
	}
	return rep, nil
}

// readAll reads every input in order, drawing progress when asked; any
// failure is reported with all the others and nothing is drafted.
func readAll(ctx context.Context, cfg Config) ([]*article.Article, error) {
	var arts []*article.Article
	var errs []error
	bar := progress{w: cfg.Stderr, total: len(cfg.Inputs), on: cfg.Progress && len(cfg.Inputs) >= ProgressFrom}
	for i, in := range cfg.Inputs {
		bar.draw(i, in)
		var a *article.Article
		var err error
		if article.IsURL(in) {
			a, err = cfg.Fetcher.Fetch(ctx, in)
		} else {
			a, err = article.ReadFile(in)
		}
		if err != nil {
			if !strings.Contains(err.Error(), in) {
				err = fmt.Errorf("%s: %w", in, err)
			}
			errs = append(errs, err)
			continue
		}
		arts = append(arts, a)
	}
	bar.done()
	if len(errs) > 0 {
		return nil, &InputsError{Errs: errs}
	}
	return arts, nil
}

// progress is one line on a terminal, redrawn in place.
type progress struct {
	w     io.Writer
	total int
	on    bool
}

func (p progress) draw(i int, name string) {
	if !p.on {
		return
	}
	const width = 24
	filled := width * i / p.total
	name = filepath.Base(name)
	if r := []rune(name); len(r) > 40 {
		name = string(r[:39]) + "…"
	}
	fmt.Fprintf(p.w, "\r\x1b[2Kimporting %d/%d [%s%s] %s", i+1, p.total, strings.Repeat("█", filled), strings.Repeat("░", width-filled), sanitized(name))
}

func (p progress) done() {
	if p.on {
		fmt.Fprint(p.w, "\r\x1b[2K")
	}
}

// header is the comment on top of a draft dossier: what to check.
const header = `# yaml-language-server: $schema=https://raw.githubusercontent.com/parley-dev/parley/main/docs/dossier.schema.json
#
# A DRAFT dossier, written by parley import from %s. A program read the
# articles; a person has not. Before you trust it:
#   - each statement was drafted by a named rule with a confidence from 0 to 1;
#     read the lowest first, and check the speaker of every quote;
#   - speakers are resolved from names, titles, pronouns and descriptions:
#     merge actors that are one person, and give each party the name you want;
#   - parties come from nationalities and organisations ("Russian" → Russia):
#     add the sides the articles leave implicit, and topics and positions;
#   - the source texts are the articles as read; the statements' offsets point
#     into them, so do not edit the texts.
# Then: parley validate FILE, and parley FILE to explore it.
`

// DraftYAML writes the draft as YAML under a comment saying what to check;
// source texts are block scalars when they read back unchanged.
func DraftYAML(res *Result, articles int) ([]byte, error) {
	j, err := data.ExportJSON(res.Dossier)
	if err != nil {
		return nil, err
	}
	var tree yaml.MapSlice
	if err := yaml.UnmarshalWithOptions(j, &tree, yaml.UseOrderedMap()); err != nil {
		return nil, fmt.Errorf("draft yaml: %w", err)
	}
	flowSpans(tree)
	body, err := yaml.MarshalWithOptions(tree, yaml.UseLiteralStyleIfMultiline(true), yaml.IndentSequence(true))
	if err == nil && !sameSources(body, res.Dossier) {
		err = errors.New("block scalars changed a text")
	}
	if err != nil {
		// the plain export always reads back as it was
		if body, err = data.ExportYAML(res.Dossier); err != nil {
			return nil, err
		}
	}
	what := plural(articles, "article")
	var b bytes.Buffer
	fmt.Fprintf(&b, header, what)
	b.Write(body)
	return b.Bytes(), nil
}

// sameSources tells whether YAML reads back with every source text as it
// is in d.
func sameSources(y []byte, d *data.Dossier) bool {
	back, _, err := data.Parse("draft.yaml", y, nil)
	if err != nil || len(back.Sources) != len(d.Sources) {
		return false
	}
	for i, s := range back.Sources {
		if s.Text != d.Sources[i].Text {
			return false
		}
	}
	return true
}

func sanitized(s string) string {
	c, _ := data.Sanitize(s)
	return strings.ReplaceAll(c, "\n", " ")
}

// flowSpans writes every draft's spans on one line, as the format's
// reference shows them: {content: [233, 342], cue: [228, 232], …}.
func flowSpans(v any) {
	switch t := v.(type) {
	case yaml.MapSlice:
		for i, item := range t {
			if item.Key == "spans" {
				if m, ok := item.Value.(yaml.MapSlice); ok {
					t[i].Value = flowMap(m)
					continue
				}
			}
			flowSpans(item.Value)
		}
	case []any:
		for _, x := range t {
			flowSpans(x)
		}
	}
}

// flowMap is a mapping the encoder writes in flow style.
type flowMap yaml.MapSlice

func (f flowMap) MarshalYAML() ([]byte, error) {
	return yaml.MarshalWithOptions(yaml.MapSlice(f), yaml.Flow(true))
}
