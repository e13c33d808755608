// Command parley is a terminal explorer of negotiation positions: open a
// dossier, compare the parties side by side, follow every demand to its
// answers and find any quote, always one key away from its source.
//
// This file is the command line: it parses, loads, and hands over to
// model/ (the explorer) or prints through views/ and data/.
package main

import (
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"os"
	"slices"
	"strings"
	"time"

	"charm.land/fang/v2"
	"github.com/charmbracelet/x/term"
	"github.com/spf13/cobra"

	"github.com/parley-dev/parley/data"
	"github.com/parley-dev/parley/data/importer"
	"github.com/parley-dev/parley/data/search"
	"github.com/parley-dev/parley/model"
	"github.com/parley-dev/parley/views"
)

// version is set at build time with -ldflags "-X main.version=…"; without
// it, fang reads the module version from the build info.
var version = ""

// Exit codes, documented in the README.
const (
	exitOK      = 0
	exitInvalid = 1 // an invalid dossier, or a command that failed
	exitUsage   = 2 // the command line itself is wrong
)

func main() {
	os.Exit(run(context.Background(), os.Args[1:], os.Stdout, os.Stderr))
}

// exitError ends the program with a code; silent when the reason has been
// printed already (validation problems).
type exitError struct {
	code   int
	err    error
	silent bool
}

func (e *exitError) Error() string {
	if e.err == nil {
		return fmt.Sprintf("exit status %d", e.code)
	}
	return e.err.Error()
}

func (e *exitError) Unwrap() error { return e.err }

func usageErrorf(format string, args ...any) error {
	return &exitError{code: exitUsage, err: fmt.Errorf(format, args...)}
}

// app carries what every command shares.
type app struct {
	stdout, stderr io.Writer
	dossier        string   // --dossier: a file, or "" for the embedded one
	theme          string   // --theme: auto, dark or light
	plain          bool     // --plain: no box drawing, one line per item
	parties        []string // --parties: who Compare shows first
	configPath     string   // --config: the settings file
	allow          []string // --allow: folders the dossier may read from, for this run
	interactive    bool     // the explorer runs: it indexes in the background
	config         *data.Config
}

func run(ctx context.Context, args []string, stdout, stderr io.Writer) int {
	a := &app{stdout: stdout, stderr: stderr}
	root := a.rootCmd()
	root.SetArgs(args)
	root.SetOut(stdout)
	root.SetErr(stderr)
	opts := []fang.Option{fang.WithErrorHandler(errorHandler)}
	if version != "" {
		opts = append(opts, fang.WithVersion(version))
	}
	err := fang.Execute(ctx, root, opts...)
	return exitCode(err)
}

func exitCode(err error) int {
	if err == nil {
		return exitOK
	}
	var ee *exitError
	if errors.As(err, &ee) {
		return ee.code
	}
	if isCobraUsageError(err) {
		return exitUsage
	}
	return exitInvalid
}

// isCobraUsageError recognises the errors cobra makes for an unknown
// command or flag, which it does not type.
func isCobraUsageError(err error) bool {
	msg := err.Error()
	for _, prefix := range []string{"unknown command", "unknown flag", "unknown shorthand flag", "flag needs an argument", "invalid argument", "accepts ", "requires at least", "requires at most"} {
		if strings.HasPrefix(msg, prefix) {
			return true
		}
	}
	return false
}

func errorHandler(w io.Writer, styles fang.Styles, err error) {
	var ee *exitError
	if errors.As(err, &ee) && ee.silent {
		return
	}
	fang.DefaultErrorHandler(w, styles, err)
}

func (a *app) rootCmd() *cobra.Command {
	root := &cobra.Command{
		Use:   "parley [FILE]",
		Short: "Explore negotiation positions side by side",
		Long: `parley opens a dossier — the parties of a negotiation, what each side said,
its positions, demands and the answers to them — and lets you compare the
parties side by side, follow each demand to its responses and find any quote.

With no FILE it opens the dossier built into parley: the Blinken–Lavrov talks
in Geneva on 2022-01-21. FILE is a dossier in YAML or JSON (see "parley
validate --help" for checking one).`,
		Example: `  parley                      # explore the built-in Geneva dossier
  parley talks.yaml           # explore your own dossier
  parley validate talks.yaml  # check a dossier, with file:line:col for each problem
  parley export --format json -o geneva.json`,
		Args:              cobra.MaximumNArgs(1),
		ValidArgsFunction: dossierFiles,
		RunE: func(cmd *cobra.Command, args []string) error {
			if len(args) == 1 {
				if a.dossier != "" && a.dossier != args[0] {
					return usageErrorf("give the dossier either as FILE or with --dossier, not both")
				}
				a.dossier = args[0]
			}
			if !isTerminal(a.stdout) || !isTerminal(os.Stdin) {
				d, err := a.load()
				if err != nil {
					return err
				}
				writeSummary(a.stdout, d)
				return nil
			}
			// The explorer builds a missing index itself, after its first
			// frame; a file's index comes from its cache when it has one.
			a.interactive = true
			if a.dossier != "" {
				// The first frame comes once the statements are read; a
				// large dossier's index (its cache missing or stale) is
				// built behind it, and the Quotes screen shows how far.
				progress, done := a.loadProgress()
				d, probs, ix, pending, err := search.OpenWith(a.dossier, progress, a.policy())
				done()
				if err = a.loadError(probs, err); err != nil {
					return err
				}
				err = a.explore(d, ix, pending)
				if pending != nil {
					pending.Stop() // a cache being written is finished, none is begun
				}
				return err
			}
			d, ix, err := a.loadWith(true)
			if err != nil {
				return err
			}
			return a.explore(d, ix, nil)
		},
	}
	root.PersistentFlags().StringVarP(&a.dossier, "dossier", "d", "", "dossier `FILE` to open (default: the config's dossier, or the built-in Geneva one)")
	root.PersistentFlags().StringVar(&a.configPath, "config", "", "settings `FILE` (default: $XDG_CONFIG_HOME/parley/config.yaml)")
	root.PersistentFlags().StringArrayVar(&a.allow, "allow", nil, "let the dossier read files in `FOLDER` for this run, besides its own folder (repeatable; the settings' allow: list is permanent)")
	_ = root.MarkPersistentFlagDirname("allow")
	root.PersistentPreRunE = func(cmd *cobra.Command, _ []string) error {
		if cmd.Name() == "path" && cmd.Parent() != nil && cmd.Parent().Name() == "config" {
			return nil // where the config is looked for, even when it is broken
		}
		return a.loadConfig(cmd)
	}
	_ = root.MarkPersistentFlagFilename("dossier", "yaml", "yml", "json")
	root.Flags().StringVar(&a.theme, "theme", "auto", "colours for a dark or light background: auto, dark or light")
	root.Flags().BoolVar(&a.plain, "plain", false, "plain screens for screen readers: no box drawing, one line per item (also ACCESSIBLE=1)")
	root.Flags().StringSliceVarP(&a.parties, "parties", "p", nil, "parties Compare shows first, in order (2 to 4 ids or short names, comma-separated)")
	_ = root.RegisterFlagCompletionFunc("theme", cobra.FixedCompletions([]cobra.Completion{"auto", "dark", "light"}, cobra.ShellCompDirectiveNoFileComp))
	root.SetFlagErrorFunc(func(_ *cobra.Command, err error) error {
		return &exitError{code: exitUsage, err: err}
	})
	root.AddCommand(a.validateCmd(), a.exportCmd(), a.compareCmd(), a.demandsCmd(), a.searchCmd(), a.commonGroundCmd(), a.newCmd(), a.configCmd(), a.importCmd())
	return root
}

func dossierFiles(*cobra.Command, []string, string) ([]cobra.Completion, cobra.ShellCompDirective) {
	return []cobra.Completion{"yaml", "yml", "json"}, cobra.ShellCompDirectiveFilterFileExt
}

// load reads the dossier named by --dossier, or the embedded one. An invalid
// dossier prints its problems and ends with exit status 1.
func (a *app) load() (*data.Dossier, error) {
	d, _, err := a.loadWith(false)
	return d, err
}

// loadWith loads the dossier, and its search index when asked: for a file
// through the index cache beside it, so a large dossier opens fast.
func (a *app) loadWith(indexed bool) (*data.Dossier, *search.Index, error) {
	var (
		d     *data.Dossier
		ix    *search.Index
		probs data.Problems
		err   error
	)
	switch {
	case a.dossier == "":
		d, probs, err = data.LoadEmbedded()
	case indexed:
		progress, done := a.loadProgress()
		d, probs, ix, err = search.LoadIndexedWith(a.dossier, progress, a.policy())
		done()
	default:
		d, probs, err = data.LoadWith(a.dossier, data.LoadOptions{Policy: a.policy()})
	}
	if indexed && ix == nil && err == nil && !a.interactive {
		ix = search.New(d)
	}
	if err := a.loadError(probs, err); err != nil {
		return nil, nil, err
	}
	return d, ix, nil
}

// loadError reports an invalid dossier's problems, and is the exit error
// of a load that failed.
func (a *app) loadError(probs data.Problems, err error) error {
	var inv *data.InvalidError
	if errors.As(err, &inv) {
		writeProblems(a.stderr, probs, true)
		fmt.Fprintf(a.stderr, "%s: invalid: %s\n", a.name(), countProblems(probs))
		return &exitError{code: exitInvalid, err: err, silent: true}
	}
	if err != nil {
		return &exitError{code: exitInvalid, err: err}
	}
	return nil
}

func (a *app) name() string {
	if a.dossier == "" {
		return data.EmbeddedName
	}
	return a.dossier
}

// explore opens the explorer on a terminal.
func (a *app) explore(d *data.Dossier, ix *search.Index, pending *search.Pending) error {
	switch a.theme {
	case "", "auto", "dark", "light":
	default:
		return usageErrorf("unknown --theme %q (want auto, dark or light)", a.theme)
	}
	parties, err := partyArgs(d, a.parties)
	if err != nil {
		return err
	}
	if n := len(parties); n == 1 || n > 4 {
		return usageErrorf("--parties takes 2 to 4 parties, got %d", n)
	}
	return model.Run(d, model.Options{Theme: a.theme, Parties: parties, Keys: a.config.Keys, Plain: a.plain, Index: ix, Pending: pending})
}

func isTerminal(v any) bool {
	f, ok := v.(interface{ Fd() uintptr })
	return ok && term.IsTerminal(f.Fd())
}

func writeSummary(w io.Writer, d *data.Dossier) {
	fmt.Fprintf(w, "%s\n", d.Title)
	if !d.Date.IsZero() {
		fmt.Fprintf(w, "%s\n", d.Date)
	}
	if d.Summary != "" {
		fmt.Fprintf(w, "\n%s\n", strings.TrimSpace(d.Summary))
	}
	fmt.Fprintln(w, "\nParties:")
	for _, p := range d.Parties {
		fmt.Fprintf(w, "  %-8s %s (%d statements, %d positions)\n", p.Label(), p.Name, len(d.StatementsByParty(p.ID)), len(d.PositionsByParty(p.ID)))
	}
	fmt.Fprintf(w, "\n%s\n", counts(d))
}

// counts is the one-line inventory of a dossier.
func counts(d *data.Dossier) string {
	var t tally
	for _, s := range d.Statements {
		t.add(s)
	}
	return countsWith(d, t)
}

// tally counts statements by kind and anchoring.
type tally struct {
	statements, quotes, anchoredQuotes, reported, anchoredReported int
}

func (t *tally) add(s *data.Statement) {
	t.statements++
	if s.Kind == data.KindQuote {
		t.quotes++
		if s.Location != nil {
			t.anchoredQuotes++
		}
	} else {
		t.reported++
		if s.Location != nil {
			t.anchoredReported++
		}
	}
}

// countsWith is counts with the statements tallied by the caller.
func countsWith(d *data.Dossier, t tally) string {
	return fmt.Sprintf("%s, %s, %s, %s (%d/%d quotes and %d/%d reported anchored in sources), %s, %s, %s",
		plural(len(d.Parties), "party", "parties"), plural(len(d.Actors), "actor", "actors"),
		plural(len(d.Topics), "topic", "topics"), plural(t.statements, "statement", "statements"),
		t.anchoredQuotes, t.quotes, t.anchoredReported, t.reported,
		plural(len(d.Positions), "position", "positions"), plural(len(d.Demands), "demand", "demands"),
		plural(len(d.Events), "event", "events"))
}

func plural(n int, one, many string) string {
	if n == 1 {
		return "1 " + one
	}
	return fmt.Sprintf("%d %s", n, many)
}

func countProblems(probs data.Problems) string {
	return fmt.Sprintf("%s, %s", plural(probs.Errors(), "error", "errors"), plural(probs.Warnings(), "warning", "warnings"))
}

func writeProblems(w io.Writer, probs data.Problems, errorsOnly bool) {
	for _, p := range probs {
		if errorsOnly && p.Severity != data.SeverityError {
			continue
		}
		fmt.Fprintln(w, p)
	}
}

func (a *app) validateCmd() *cobra.Command {
	var asJSON bool
	cmd := &cobra.Command{
		Use:   "validate [FILE...]",
		Short: "Check dossiers and report every problem with file:line:col",
		Long: `validate checks each dossier against every rule of the format — references
resolve, ids are unique, values are known, dates parse, every quote is found
verbatim in its source — and reports all problems at once, sorted, as
FILE:LINE:COL: severity: message. With no FILE it checks --dossier, or the
built-in dossier.

Exit status: 0 when every file is valid (warnings allowed), 1 when any has
an error, 2 for a usage error.`,
		Example:           "  parley validate talks.yaml more.json\n  parley validate --json talks.yaml",
		ValidArgsFunction: dossierFiles,
		RunE: func(cmd *cobra.Command, args []string) error {
			files := args
			if len(files) == 0 {
				files = []string{a.dossier}
			}
			invalid := 0
			var reports []validateReport
			for _, f := range files {
				rep := validateFile(f, a.policy())
				if !rep.Valid {
					invalid++
				}
				reports = append(reports, rep)
			}
			if asJSON {
				enc := json.NewEncoder(a.stdout)
				enc.SetEscapeHTML(false)
				for _, r := range reports {
					if err := enc.Encode(r); err != nil {
						return err
					}
				}
			} else {
				for _, r := range reports {
					r.write(a.stdout)
				}
			}
			if invalid > 0 {
				return &exitError{code: exitInvalid, silent: true}
			}
			return nil
		},
	}
	cmd.Flags().BoolVar(&asJSON, "json", false, "print one JSON object per file")
	return cmd
}

// validateReport is what validate says about one file.
type validateReport struct {
	File     string            `json:"file"`
	Valid    bool              `json:"valid"`
	Errors   int               `json:"errors"`
	Warnings int               `json:"warnings"`
	Problems []validateProblem `json:"problems"`
	Counts   map[string]int    `json:"counts,omitempty"`

	summary string        // the inventory line, when valid
	probs   data.Problems // for the text form
	readErr error         // the file could not be read at all
}

type validateProblem struct {
	File     string `json:"file"`
	Line     int    `json:"line,omitempty"`
	Col      int    `json:"col,omitempty"`
	Severity string `json:"severity"`
	Message  string `json:"message"`
	Excerpt  string `json:"excerpt,omitempty"`
}

func validateFile(file string, policy data.ReadPolicy) validateReport {
	var (
		d     *data.Dossier
		probs data.Problems
		err   error
	)
	name := file
	if file == "" {
		name = data.EmbeddedName
		d, probs, err = data.LoadEmbeddedYAML()
	}
	// The statements of statement files are counted as they stream past,
	// not kept: checking a million holds none of them.
	var streamed tally
	if file != "" {
		d, probs, err = data.LoadWith(file, data.LoadOptions{Discard: streamed.add, Policy: policy})
	}
	rep := validateReport{File: name, probs: probs, Problems: []validateProblem{}}
	var inv *data.InvalidError
	if err != nil && !errors.As(err, &inv) {
		rep.readErr = err
		rep.Errors = 1
		rep.Problems = append(rep.Problems, validateProblem{File: name, Severity: "error", Message: err.Error()})
		return rep
	}
	rep.Valid = err == nil
	rep.Errors, rep.Warnings = probs.Errors(), probs.Warnings()
	for _, p := range probs {
		rep.Problems = append(rep.Problems, validateProblem{
			File: p.Pos.File, Line: p.Pos.Line, Col: p.Pos.Col, Severity: p.Severity.String(), Message: p.Message, Excerpt: p.Excerpt,
		})
	}
	if d != nil {
		all := streamed
		for _, st := range d.Statements {
			all.add(st)
		}
		rep.summary = countsWith(d, all)
		c := map[string]int{
			"parties": len(d.Parties), "actors": len(d.Actors), "topics": len(d.Topics), "sources": len(d.Sources),
			"statements": all.statements, "quotes": all.quotes, "anchored": all.anchoredQuotes + all.anchoredReported,
			"positions": len(d.Positions), "demands": len(d.Demands), "events": len(d.Events),
		}
		rep.Counts = c
	}
	return rep
}

func (r validateReport) write(w io.Writer) {
	if r.readErr != nil {
		fmt.Fprintf(w, "%v\n", r.readErr)
		return
	}
	writeProblems(w, r.probs, false)
	if r.Valid {
		fmt.Fprintf(w, "%s: valid: %s", r.File, r.summary)
		if r.Warnings > 0 {
			fmt.Fprintf(w, "; %s", plural(r.Warnings, "warning", "warnings"))
		}
		fmt.Fprintln(w)
		return
	}
	fmt.Fprintf(w, "%s: invalid: %s\n", r.File, countProblems(r.probs))
}

func (a *app) exportCmd() *cobra.Command {
	var format, out string
	var force bool
	cmd := &cobra.Command{
		Use:   "export",
		Short: "Write the dossier as JSON, YAML, a Markdown brief or CSV",
		Long: `export writes the dossier in one of four formats:

  json, yaml  the whole dossier in the format's own field names, self-contained
              (source texts inlined, statements from statement files listed
              with the others); exporting a JSON export again gives the same bytes
  md          a readable brief: parties, a positions table per topic, demands
              with their responses, quotes with attribution and source paragraph
  csv         one statement a row: id, kind, party, actor, date, topics (joined
              with ";"), text, source, paragraph

With -o the file is written atomically (a temporary file renamed into place)
and an existing file is never replaced without --force.`,
		Example: "  parley export --format json -o geneva.json\n  parley -d talks.yaml export --format yaml",
		Args:    cobra.NoArgs,
		RunE: func(cmd *cobra.Command, _ []string) error {
			var render func(*data.Dossier) ([]byte, error)
			switch format {
			case "json":
				render = data.ExportJSON
			case "yaml", "yml":
				render = data.ExportYAML
			case "md", "markdown":
				render = func(d *data.Dossier) ([]byte, error) { return data.ExportMarkdown(d), nil }
			case "csv":
				render = data.ExportCSV
			default:
				return usageErrorf("unknown --format %q (want json, yaml, md or csv)", format)
			}
			d, err := a.load()
			if err != nil {
				return err
			}
			b, err := render(d)
			if err != nil {
				return err
			}
			if out == "" || out == "-" {
				_, err = a.stdout.Write(b)
				return err
			}
			return data.WriteFileAtomic(out, b, force)
		},
	}
	cmd.Flags().StringVarP(&format, "format", "f", "json", "output format: json, yaml, md or csv")
	cmd.Flags().StringVarP(&out, "output", "o", "", "write to `FILE` instead of standard output")
	cmd.Flags().BoolVar(&force, "force", false, "replace the output file if it exists")
	_ = cmd.RegisterFlagCompletionFunc("format", cobra.FixedCompletions([]cobra.Completion{"json", "yaml", "md", "csv"}, cobra.ShellCompDirectiveNoFileComp))
	return cmd
}

// partyArgs resolves parties named on the command line by id, short name
// or name; an unknown one is a usage error listing the known ids.
func partyArgs(d *data.Dossier, args []string) ([]string, error) {
	var ids []string
	for _, arg := range args {
		p := findParty(d, arg)
		if p == nil {
			known := make([]string, len(d.Parties))
			for i, p := range d.Parties {
				known[i] = p.ID
			}
			return nil, usageErrorf("unknown party %q; the dossier has %s", arg, strings.Join(known, ", "))
		}
		if !slices.Contains(ids, p.ID) {
			ids = append(ids, p.ID)
		}
	}
	return ids, nil
}

func findParty(d *data.Dossier, s string) *data.Party {
	if p := d.Party(s); p != nil {
		return p
	}
	for _, p := range d.Parties {
		if strings.EqualFold(p.ID, s) || strings.EqualFold(p.Short, s) || strings.EqualFold(p.Name, s) {
			return p
		}
	}
	return nil
}

func (a *app) commonGroundCmd() *cobra.Command {
	var asJSON bool
	cmd := &cobra.Command{
		Use:   "common-ground [PARTY...]",
		Short: "List topics of agreement, conflict and silence between parties",
		Long: `common-ground compares the positions of the named parties (by id, short name
or name; default: all parties) topic by topic:

  common ground      every party supports, or every party opposes
  conflict           one supports and another opposes
  partial agreement  the parties that speak agree, the others are silent
  open               conditional, neutral or unclear stances, or silence

each with the positions and the evidence ids behind them, then the topics
each party is silent on.`,
		Example: "  parley common-ground us russia\n  parley common-ground --json",
		RunE: func(cmd *cobra.Command, args []string) error {
			d, err := a.load()
			if err != nil {
				return err
			}
			ids, err := partyArgs(d, args)
			if err != nil {
				return err
			}
			if len(ids) == 0 {
				for _, p := range d.Parties {
					ids = append(ids, p.ID)
				}
			}
			agreements := data.Agreements(d, ids)
			if asJSON {
				return writeJSON(a.stdout, commonGroundJSON(ids, agreements))
			}
			_, err = io.WriteString(a.stdout, views.CommonGroundText(d, ids, agreements))
			return err
		},
	}
	cmd.Flags().BoolVar(&asJSON, "json", false, "print JSON")
	return cmd
}

type agreementJSON struct {
	Topic     string         `json:"topic"`
	Title     string         `json:"title"`
	Class     data.Agreement `json:"class"`
	Partial   bool           `json:"partial,omitempty"`
	Shared    data.Stance    `json:"shared,omitempty"`
	Agreeing  []string       `json:"agreeing,omitempty"`
	Silent    []string       `json:"silent,omitempty"`
	Positions []positionJSON `json:"positions"`
}

type positionJSON struct {
	Party    string      `json:"party"`
	Stance   data.Stance `json:"stance"`
	Basis    data.Basis  `json:"basis"`
	Summary  string      `json:"summary,omitempty"`
	Evidence []string    `json:"evidence"`
}

func commonGroundJSON(ids []string, agreements []data.TopicAgreement) any {
	topics := make([]agreementJSON, 0, len(agreements))
	for _, ta := range agreements {
		aj := agreementJSON{
			Topic: ta.Topic.ID, Title: ta.Topic.Title, Class: ta.Class, Partial: ta.Partial(),
			Shared: ta.Shared, Agreeing: ta.Agreeing, Silent: ta.Silent, Positions: []positionJSON{},
		}
		for _, p := range ta.Positions {
			if p != nil {
				ev := p.Evidence
				if ev == nil {
					ev = []string{}
				}
				aj.Positions = append(aj.Positions, positionJSON{Party: p.Party, Stance: p.Stance, Basis: p.Basis, Summary: p.Summary, Evidence: ev})
			}
		}
		topics = append(topics, aj)
	}
	return map[string]any{"parties": ids, "topics": topics, "silent": data.SilentTopics(agreements)}
}

func writeJSON(w io.Writer, v any) error {
	enc := json.NewEncoder(w)
	enc.SetEscapeHTML(false)
	enc.SetIndent("", "  ")
	return enc.Encode(v)
}

// loadProgress reports a long load on standard error when it is a
// terminal: one line, rewritten in place; done clears it. A dossier that
// loads in a blink never shows it.
func (a *app) loadProgress() (progress search.LoadProgress, done func()) {
	if !isTerminal(a.stderr) {
		return nil, func() {}
	}
	start, last, shown := time.Now(), time.Time{}, false
	progress = func(stage search.LoadStage, n, total int) {
		now := time.Now()
		if now.Sub(start) < 300*time.Millisecond || now.Sub(last) < 100*time.Millisecond {
			return
		}
		last, shown = now, true
		line := fmt.Sprintf("parley: %s", stage)
		if total > 0 {
			line += fmt.Sprintf(" %d%%", n*100/total)
		}
		fmt.Fprintf(a.stderr, "\r\x1b[2K%s", line)
	}
	return progress, func() {
		if shown {
			fmt.Fprint(a.stderr, "\r\x1b[2K")
		}
	}
}

// outputWidth is --width, or the terminal's width, or 80 for a pipe.
func (a *app) outputWidth(flag int) int {
	if flag > 0 {
		return flag
	}
	if f, ok := a.stdout.(interface{ Fd() uintptr }); ok && term.IsTerminal(f.Fd()) {
		if w, _, err := term.GetSize(f.Fd()); err == nil && w > 0 {
			return w
		}
	}
	return 80
}

func (a *app) compareCmd() *cobra.Command {
	var (
		topic  string
		width  int
		asJSON bool
	)
	cmd := &cobra.Command{
		Use:   "compare PARTY PARTY...",
		Short: "Print the parties' positions side by side",
		Long: `compare prints the positions of two or more parties (by id, short name or
name) side by side, one column per party, as plain text. With --topic it
shows one topic in full — position, evidence and other statements — and
otherwise every topic, lined up in rows.`,
		Example: "  parley compare us russia nato\n  parley compare us russia --topic diplomatic-process --width 120\n  parley compare US RU --json",
		Args: func(cmd *cobra.Command, args []string) error {
			if len(args) < 2 {
				return usageErrorf("compare needs at least two parties (see parley compare --help)")
			}
			return nil
		},
		RunE: func(cmd *cobra.Command, args []string) error {
			d, err := a.load()
			if err != nil {
				return err
			}
			ids, err := partyArgs(d, args)
			if err != nil {
				return err
			}
			if topic != "" && d.Topic(topic) == nil {
				return usageErrorf("unknown topic %q", topic)
			}
			if asJSON {
				return writeJSON(a.stdout, compareJSON(d, ids, topic))
			}
			_, err = io.WriteString(a.stdout, views.CompareText(d, ids, topic, a.outputWidth(width)))
			return err
		},
	}
	cmd.Flags().StringVarP(&topic, "topic", "t", "", "show one topic (by id) in full")
	cmd.Flags().IntVarP(&width, "width", "w", 0, "width in columns (default: the terminal's, or 80)")
	cmd.Flags().BoolVar(&asJSON, "json", false, "print JSON")
	return cmd
}

type statementJSON struct {
	ID      string             `json:"id"`
	Kind    data.StatementKind `json:"kind"`
	Speaker string             `json:"speaker"`
	Party   string             `json:"party,omitempty"`
	Date    string             `json:"date,omitempty"`
	Text    string             `json:"text"`
}

func statementsJSON(d *data.Dossier, ids []string) []statementJSON {
	out := []statementJSON{}
	for _, s := range d.Evidence(ids) {
		out = append(out, statementJSON{ID: s.ID, Kind: s.Kind, Speaker: d.Speaker(s), Party: s.Party, Date: s.Date.String(), Text: s.Text})
	}
	return out
}

func compareJSON(d *data.Dossier, ids []string, topic string) any {
	type partyPosition struct {
		Party    string          `json:"party"`
		Stance   data.Stance     `json:"stance,omitempty"`
		Basis    data.Basis      `json:"basis,omitempty"`
		Summary  string          `json:"summary,omitempty"`
		Evidence []statementJSON `json:"evidence"`
	}
	type topicRow struct {
		Topic     string          `json:"topic"`
		Title     string          `json:"title"`
		Positions []partyPosition `json:"positions"`
	}
	rows := []topicRow{}
	for _, t := range d.TopicsInOrder() {
		if topic != "" && t.ID != topic {
			continue
		}
		row := topicRow{Topic: t.ID, Title: t.Title, Positions: []partyPosition{}}
		for _, id := range ids {
			pp := partyPosition{Party: id, Evidence: []statementJSON{}}
			if p := d.Position(id, t.ID); p != nil {
				pp.Stance, pp.Basis, pp.Summary, pp.Evidence = p.Stance, p.Basis, p.Summary, statementsJSON(d, p.Evidence)
			}
			row.Positions = append(row.Positions, pp)
		}
		rows = append(rows, row)
	}
	return map[string]any{"parties": ids, "topics": rows}
}

func (a *app) demandsCmd() *cobra.Command {
	var (
		width  int
		asJSON bool
	)
	cmd := &cobra.Command{
		Use:   "demands",
		Short: "Print every demand and each addressee's answer",
		Long: `demands prints who asked whom for what, and each addressee's response:
accepted, rejected, deferred, countered, or unanswered when the dossier
records none.`,
		Example: "  parley demands\n  parley -d talks.yaml demands --json",
		Args:    cobra.NoArgs,
		RunE: func(cmd *cobra.Command, _ []string) error {
			d, err := a.load()
			if err != nil {
				return err
			}
			if asJSON {
				return writeJSON(a.stdout, demandsJSON(d))
			}
			_, err = io.WriteString(a.stdout, views.DemandsText(d, a.outputWidth(width)))
			return err
		},
	}
	cmd.Flags().IntVarP(&width, "width", "w", 0, "width in columns (default: the terminal's, or 80)")
	cmd.Flags().BoolVar(&asJSON, "json", false, "print JSON")
	return cmd
}

func demandsJSON(d *data.Dossier) any {
	type responseJSON struct {
		Party    string          `json:"party"`
		Status   data.Status     `json:"status"`
		Text     string          `json:"text,omitempty"`
		Date     string          `json:"date,omitempty"`
		Evidence []statementJSON `json:"evidence"`
	}
	type demandJSON struct {
		ID        string          `json:"id"`
		From      string          `json:"from"`
		To        []string        `json:"to"`
		Topic     string          `json:"topic,omitempty"`
		Text      string          `json:"text"`
		Date      string          `json:"date,omitempty"`
		Evidence  []statementJSON `json:"evidence"`
		Responses []responseJSON  `json:"responses"`
	}
	out := []demandJSON{}
	for _, dm := range d.Demands {
		dj := demandJSON{ID: dm.ID, From: dm.From, To: dm.To, Topic: dm.Topic, Text: dm.Text, Date: dm.Date.String(), Evidence: statementsJSON(d, dm.Evidence), Responses: []responseJSON{}}
		// One answer per addressee, in the demand's order: an addressee
		// with no recorded response is unanswered, said explicitly.
		for _, to := range dm.To {
			rj := responseJSON{Party: to, Status: data.StatusUnanswered, Evidence: []statementJSON{}}
			if r := dm.Response(to); r != nil {
				rj = responseJSON{Party: to, Status: r.Status, Text: r.Text, Date: r.Date.String(), Evidence: statementsJSON(d, r.Evidence)}
			}
			dj.Responses = append(dj.Responses, rj)
		}
		out = append(out, dj)
	}
	return out
}

func (a *app) searchCmd() *cobra.Command {
	var (
		limit  int
		width  int
		asJSON bool
	)
	cmd := &cobra.Command{
		Use:   "search QUERY...",
		Short: "Find statements: words, \"phrases\", -exclusions and filters",
		Long: `search finds statements and ranks them by relevance. A query holds:

  words            all must match (case, accents and width ignored);
                   the last one also matches as a prefix
  "exact phrase"   the words in this order
  -word            statements without it
  party:ID         by party (id or name prefix); speaker:NAME by speaker
  topic:ID         by topic (id or title prefix), its subtopics included
  kind:quote       verbatim quotes only (or kind:reported)
  date:2022-01     a day, month or year, or a range date:2022-01-01..2022-02-15

When nothing matches exactly, close matches (typos) are shown, and said so.
Piped, it prints plain text; --json prints one JSON object per hit, with the
byte spans of the text that matched.`,
		Example: "  parley search invasion\n  parley search party:russia nato\n  parley search '\"written response\"' --json",
		Args: func(cmd *cobra.Command, args []string) error {
			if len(args) == 0 {
				return usageErrorf("search needs a query (see parley search --help)")
			}
			return nil
		},
		RunE: func(cmd *cobra.Command, args []string) error {
			if limit < 1 {
				return usageErrorf("--limit must be at least 1")
			}
			d, ix, err := a.loadWith(true)
			if err != nil {
				return err
			}
			// A trailing space: the last word is a whole word, not a
			// prefix as while typing in the explorer.
			q, err := search.ParseQuery(strings.Join(args, " ")+" ", d)
			if err != nil {
				return usageErrorf("%v", err)
			}
			res := ix.Search(q, limit)
			if asJSON {
				return search.WriteJSON(a.stdout, d, res)
			}
			_, err = io.WriteString(a.stdout, views.SearchText(d, res, a.outputWidth(width)))
			return err
		},
	}
	cmd.Flags().IntVarP(&limit, "limit", "n", 20, "show at most `N` results")
	cmd.Flags().IntVarP(&width, "width", "w", 0, "width in columns (default: the terminal's, or 80)")
	cmd.Flags().BoolVar(&asJSON, "json", false, "print one JSON object per result")
	return cmd
}

func (a *app) newCmd() *cobra.Command {
	return &cobra.Command{
		Use:   "new [FILE]",
		Short: "Write a commented starter dossier to FILE (default dossier.yaml)",
		Long: `new writes a small, commented dossier — two parties, a topic, a source, a
quote found in it, a reported statement, positions, a demand with a response
and an event — that validates as written. Edit it, then check it with
"parley validate FILE" and open it with "parley FILE". It never replaces an
existing file; "-" writes to standard output.`,
		Example: "  parley new talks.yaml && parley validate talks.yaml && parley talks.yaml",
		Args:    cobra.MaximumNArgs(1),
		RunE: func(cmd *cobra.Command, args []string) error {
			file := "dossier.yaml"
			if len(args) == 1 {
				file = args[0]
			}
			if file == "-" {
				_, err := a.stdout.Write(data.Starter())
				return err
			}
			if err := data.WriteFileAtomic(file, data.Starter(), false); err != nil {
				return err
			}
			fmt.Fprintf(a.stdout, "wrote %s\nnext: parley validate %s, then parley %s\n", file, file, file)
			return nil
		},
	}
}

// importCmd drafts a dossier from news articles; the work is in
// data/importer, this only reads the flags and maps its errors to exit codes.
func (a *app) importCmd() *cobra.Command {
	var cfg importer.Config
	cmd := &cobra.Command{
		Use:   "import FILE|URL...",
		Short: "Draft a dossier from news articles: sources, speakers, quotes and reported speech",
		Long: `import reads news articles — plain text, Markdown, saved web pages or URLs —
and drafts a dossier for a person to review: one source per article, one actor
per person across all of them, parties from nationalities and organisations,
and a statement for every direct quote and every piece of reported speech it
can attribute, anchored verbatim in its source. Each drafted statement has a
draft: field (format 1.1) with the rule that made it, a confidence from 0 to 1
and the byte spans it was read from.

  -o FILE       write a new draft dossier (YAML, or JSON for a .json name),
                atomically, never over an existing file without --force
  --into FILE   add the drafts to an existing dossier, keeping its other bytes
  --json        print the draft as JSON (the shape of export --format json)

Without -o, --into or --json the draft is printed as YAML. Every input must
read, or nothing is written. URLs are fetched with a 20-second timeout, a
10 MiB cap and at most three redirects.`,
		Example: "  parley import report.txt -o talks.yaml\n  parley import https://example.org/news/talks saved.html --json > draft.json",
		Args:    cobra.ArbitraryArgs,
		RunE: func(cmd *cobra.Command, args []string) error {
			cfg.Inputs = args
			cfg.Stdout, cfg.Stderr = a.stdout, a.stderr
			cfg.Progress = isTerminal(a.stderr)
			rep, err := importer.Run(cmd.Context(), cfg)
			var ue *importer.UsageError
			switch {
			case errors.As(err, &ue):
				return &exitError{code: exitUsage, err: err}
			case err != nil:
				return &exitError{code: exitInvalid, err: err}
			}
			rep.WriteText(a.stderr)
			return nil
		},
	}
	cmd.Flags().StringVarP(&cfg.Output, "output", "o", "", "write the draft dossier to `FILE`")
	cmd.Flags().StringVar(&cfg.Into, "into", "", "add the drafts to the dossier `FILE`")
	cmd.Flags().BoolVar(&cfg.JSON, "json", false, "print the draft as JSON on standard output")
	cmd.Flags().BoolVar(&cfg.Force, "force", false, "replace the file of -o if it exists")
	return cmd
}

func (a *app) configFile() string {
	if a.configPath != "" {
		return a.configPath
	}
	return data.ConfigPath()
}

// loadConfig reads the settings file and lets it fill what the command
// line left unset: the theme and the dossier. A broken file is reported
// like a dossier, file:line:col, and stops the command.
func (a *app) loadConfig(cmd *cobra.Command) error {
	path := a.configFile()
	if path == "" {
		a.config = &data.Config{}
		return nil
	}
	if a.configPath != "" {
		if _, err := os.Stat(path); err != nil {
			return usageErrorf("--config: %v", err)
		}
	}
	cfg, probs, err := data.LoadConfig(path, model.BindingNames())
	var inv *data.InvalidError
	if errors.As(err, &inv) {
		writeProblems(a.stderr, probs, false)
		fmt.Fprintf(a.stderr, "%s: invalid config: %s\n", path, countProblems(probs))
		return &exitError{code: exitInvalid, err: err, silent: true}
	}
	if err != nil {
		return &exitError{code: exitInvalid, err: err}
	}
	writeProblems(a.stderr, probs, false) // warnings, such as a misspelt field
	a.config = cfg
	if f := cmd.Flags().Lookup("theme"); f != nil && !f.Changed && cfg.Theme != "" {
		a.theme = cfg.Theme
	}
	if a.dossier == "" && cfg.Dossier != "" {
		a.dossier = cfg.Dossier
	}
	for _, dir := range a.allow {
		if fi, err := os.Stat(dir); err != nil || !fi.IsDir() {
			return usageErrorf("--allow %s: not a folder", dir)
		}
	}
	return nil
}

// policy is which files a dossier may read besides its own: the folders
// allowed in the settings and with --allow.
func (a *app) policy() data.ReadPolicy {
	var allow []string
	if a.config != nil {
		allow = append(allow, a.config.Allow...)
	}
	return data.ReadPolicy{Allow: append(allow, a.allow...)}
}

func (a *app) configCmd() *cobra.Command {
	cmd := &cobra.Command{
		Use:   "config",
		Short: "Where the settings live, and the key bindings they can remap",
		Long: `parley reads its settings from $XDG_CONFIG_HOME/parley/config.yaml (or
~/.config/parley/config.yaml), or the file given with --config:

  theme: auto                    # auto (ask the terminal), dark or light
  dossier: ~/talks/geneva.yaml   # opened when no FILE or --dossier is given
  keys:                          # remap bindings; "parley config keys" lists them
    quit: [q, ctrl+q]
    next_topic: [right, l]
  allow: [~/corpora]             # folders a dossier may read files from, besides its own

A missing file is no settings; a wrong one is reported as FILE:LINE:COL.`,
		Args: cobra.NoArgs,
		RunE: func(cmd *cobra.Command, _ []string) error { return cmd.Help() },
	}
	cmd.AddCommand(&cobra.Command{
		Use:   "path",
		Short: "Print where the settings file is looked for",
		Args:  cobra.NoArgs,
		RunE: func(*cobra.Command, []string) error {
			path := a.configFile()
			if path == "" {
				return errors.New("no home directory and no XDG_CONFIG_HOME: parley has no place for settings")
			}
			fmt.Fprintln(a.stdout, path)
			return nil
		},
	}, &cobra.Command{
		Use:   "keys",
		Short: "List the key bindings and the keys each one has",
		Args:  cobra.NoArgs,
		RunE: func(*cobra.Command, []string) error {
			for _, b := range model.Bindings(a.config.Keys) {
				fmt.Fprintf(a.stdout, "%-16s %-28s %s\n", b.Name, strings.Join(b.Keys, " "), b.Help)
			}
			return nil
		},
	})
	return cmd
}
