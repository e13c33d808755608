// Command parley is a terminal explorer of negotiation positions: open a
// dossier, compare the parties side by side, follow every demand to its
// answers and find any quote, always one key away from its source.
//
// Package main is only the command line's wiring: the commands and their
// flags and how they load a dossier (main.go), how an error becomes an
// exit status (exit.go), how a report is printed (output.go) and the
// garbage collector's settings (gc.go). The explorer is package model;
// every command's report is a value of package data (or data/search,
// data/importer) printed as text by package views or as JSON; the help
// texts are views.CommandDocs.
package main

import (
	"context"
	"errors"
	"fmt"
	"io"
	"os"
	"strings"

	"charm.land/fang/v2"
	"github.com/spf13/cobra"

	"github.com/parley-dev/parley/data"
	"github.com/parley-dev/parley/data/edit"
	"github.com/parley-dev/parley/data/importer"
	"github.com/parley-dev/parley/data/search"
	"github.com/parley-dev/parley/model"
	"github.com/parley-dev/parley/views"
)

// version is set at build time with -ldflags "-X main.version=…"; without
// it, fang reads the module version from the build info.
var version = ""

func main() {
	os.Exit(run(context.Background(), os.Args[1:], os.Stdout, os.Stderr))
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

func (a *app) rootCmd() *cobra.Command {
	root := &cobra.Command{
		Use:               "parley [FILE]",
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
				_, err = io.WriteString(a.stdout, views.SummaryText(d))
				return err
			}
			// The explorer builds a missing index itself, after its first
			// frame; a file's index comes from its cache when it has one.
			a.interactive = true
			if a.dossier != "" {
				// The first frame comes once the statements are read; a
				// large dossier's index (its cache missing or stale) is
				// built behind it, and the Quotes screen shows how far.
				progress, done := a.loadProgress()
				opened := collectWhileOpening(true)
				d, probs, ix, pending, err := search.OpenWith(a.dossier, progress, a.policy())
				opened(pending)
				done()
				if err = a.loadError(probs, err); err != nil {
					return err
				}
				ed := a.editing()
				ed.Problems = probs
				err = a.explore(d, ix, pending, ed)
				if pending != nil {
					pending.Stop() // a cache being written is finished, none is begun
				}
				return err
			}
			d, ix, err := a.loadWith(true)
			if err != nil {
				return err
			}
			return a.explore(d, ix, nil, model.Options{ReadOnly: "the built-in dossier is read-only: parley export --format yaml -o geneva.yaml writes a copy to edit"})
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
	root.AddCommand(a.reviewCmd("accept"), a.reviewCmd("reject"))
	document(root)
	return root
}

// document gives every command its help from views.CommandDocs.
func document(cmd *cobra.Command) {
	doc := views.CommandDocs[strings.TrimPrefix(strings.TrimPrefix(cmd.CommandPath(), "parley"), " ")]
	cmd.Short, cmd.Long, cmd.Example = doc.Short, doc.Long, doc.Example
	for _, c := range cmd.Commands() {
		document(c)
	}
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

// loadParties loads the dossier and finds the parties named.
func (a *app) loadParties(names []string) (*data.Dossier, []string, error) {
	d, err := a.load()
	if err != nil {
		return nil, nil, err
	}
	ids, err := d.FindParties(names)
	return d, ids, err
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
		opened := collectWhileOpening(a.interactive)
		d, probs, ix, err = search.LoadIndexedWith(a.dossier, progress, a.policy())
		opened(nil)
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
		io.WriteString(a.stderr, views.ProblemsText(probs, true))
		fmt.Fprintf(a.stderr, "%s: invalid: %s\n", a.name(), views.ProblemCount(probs))
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

// editing is how the explorer opens the dossier's files for editing:
// after its first frame, in the background.
func (a *app) editing() model.Options {
	path, policy := a.dossier, a.policy()
	return model.Options{Open: func() (*edit.Session, error) { return edit.OpenWith(path, policy) }, Watch: true, Autosave: a.config.Autosave}
}

// explore opens the explorer on a terminal; ed says how the dossier is
// edited (or why it cannot be).
func (a *app) explore(d *data.Dossier, ix *search.Index, pending *search.Pending, ed model.Options) error {
	switch a.theme {
	case "", "auto", "dark", "light":
	default:
		return usageErrorf("unknown --theme %q (want auto, dark or light)", a.theme)
	}
	parties, err := d.FindParties(a.parties)
	if err != nil {
		return err
	}
	if n := len(parties); n == 1 || n > 4 {
		return usageErrorf("--parties takes 2 to 4 parties, got %d", n)
	}
	return model.Run(d, model.Options{Theme: a.theme, Parties: parties, Keys: a.config.Keys, Plain: a.plain, Index: ix, Pending: pending,
		Open: ed.Open, ReadOnly: ed.ReadOnly, Watch: ed.Watch, Autosave: ed.Autosave, Problems: ed.Problems})
}

func (a *app) validateCmd() *cobra.Command {
	cmd := &cobra.Command{Use: "validate [FILE...]", ValidArgsFunction: dossierFiles}
	out := a.outputFlags(cmd, false)
	out.lines = true // one JSON object per file
	cmd.RunE = func(cmd *cobra.Command, files []string) error {
		if len(files) == 0 {
			files = []string{a.dossier}
		}
		invalid := false
		for _, f := range files {
			rep := data.Validate(f, a.policy())
			invalid = invalid || !rep.Valid
			if err := out.print(rep, func(int) string { return views.ValidationText(rep) }); err != nil {
				return err
			}
		}
		if invalid {
			return &exitError{code: exitInvalid, silent: true}
		}
		return nil
	}
	return cmd
}

func (a *app) exportCmd() *cobra.Command {
	var format, out string
	var force bool
	cmd := &cobra.Command{
		Use:  "export",
		Args: cobra.NoArgs,
		RunE: func(cmd *cobra.Command, _ []string) error {
			d, err := a.load()
			if err != nil {
				return err
			}
			b, err := data.Export(d, format)
			switch {
			case err != nil:
				return err
			case out == "" || out == "-":
				_, err = a.stdout.Write(b)
				return err
			}
			return data.WriteFileAtomic(out, b, force)
		},
	}
	cmd.Flags().StringVarP(&format, "format", "f", "json", "output format: "+strings.Join(data.ExportFormats, ", "))
	cmd.Flags().StringVarP(&out, "output", "o", "", "write to `FILE` instead of standard output")
	cmd.Flags().BoolVar(&force, "force", false, "replace the output file if it exists")
	_ = cmd.RegisterFlagCompletionFunc("format", cobra.FixedCompletions(data.ExportFormats, cobra.ShellCompDirectiveNoFileComp))
	return cmd
}

func (a *app) commonGroundCmd() *cobra.Command {
	cmd := &cobra.Command{Use: "common-ground [PARTY...]"}
	out := a.outputFlags(cmd, false)
	cmd.RunE = func(cmd *cobra.Command, args []string) error {
		d, ids, err := a.loadParties(args)
		if err != nil {
			return err
		}
		rep := data.CommonGroundOf(d, ids)
		return out.print(rep, func(int) string { return views.CommonGroundText(d, rep) })
	}
	return cmd
}

func (a *app) compareCmd() *cobra.Command {
	var topic string
	cmd := &cobra.Command{
		Use: "compare PARTY PARTY...",
		Args: func(cmd *cobra.Command, args []string) error {
			if len(args) < 2 {
				return usageErrorf("compare needs at least two parties (see parley compare --help)")
			}
			return nil
		},
	}
	out := a.outputFlags(cmd, true)
	cmd.RunE = func(cmd *cobra.Command, args []string) error {
		d, ids, err := a.loadParties(args)
		if err != nil {
			return err
		}
		if topic != "" && d.Topic(topic) == nil {
			return usageErrorf("unknown topic %q", topic)
		}
		rep := data.CompareOf(d, ids, topic)
		return out.print(rep, func(w int) string { return views.CompareText(d, rep, w) })
	}
	cmd.Flags().StringVarP(&topic, "topic", "t", "", "show one topic (by id) in full")
	return cmd
}

func (a *app) demandsCmd() *cobra.Command {
	cmd := &cobra.Command{Use: "demands", Args: cobra.NoArgs}
	out := a.outputFlags(cmd, true)
	cmd.RunE = func(cmd *cobra.Command, _ []string) error {
		d, err := a.load()
		if err != nil {
			return err
		}
		rep := data.DemandsOf(d)
		return out.print(rep, func(w int) string { return views.DemandsText(d, rep, w) })
	}
	return cmd
}

func (a *app) searchCmd() *cobra.Command {
	var limit int
	cmd := &cobra.Command{
		Use: "search QUERY...",
		Args: func(cmd *cobra.Command, args []string) error {
			if len(args) == 0 {
				return usageErrorf("search needs a query (see parley search --help)")
			}
			return nil
		},
	}
	out := a.outputFlags(cmd, true)
	cmd.RunE = func(cmd *cobra.Command, args []string) error {
		if limit < 1 {
			return usageErrorf("--limit must be at least 1")
		}
		d, ix, err := a.loadWith(true)
		if err != nil {
			return err
		}
		// A trailing space: the last word is a whole word, not a prefix
		// as while typing in the explorer.
		q, err := search.ParseQuery(strings.Join(args, " ")+" ", d)
		if err != nil {
			return err
		}
		res := ix.Search(q, limit)
		if out.json {
			return search.WriteJSON(a.stdout, d, res) // one object per result
		}
		return out.print(nil, func(w int) string { return views.SearchText(d, res, w) })
	}
	cmd.Flags().IntVarP(&limit, "limit", "n", 20, "show at most `N` results")
	return cmd
}

func (a *app) newCmd() *cobra.Command {
	return &cobra.Command{
		Use:  "new [FILE]",
		Args: cobra.MaximumNArgs(1),
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
		Use:  "import FILE|URL...",
		Args: cobra.ArbitraryArgs,
		RunE: func(cmd *cobra.Command, args []string) error {
			cfg.Inputs = args
			cfg.Stdout, cfg.Stderr = a.stdout, a.stderr
			cfg.Progress = isTerminal(a.stderr)
			cfg.Policy = a.policy()
			rep, err := importer.Run(cmd.Context(), cfg)
			if err != nil {
				return err
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

// reviewCmd is accept or reject: drafts reviewed in the dossier's file
// (data/edit.ReviewFile).
func (a *app) reviewCmd(name string) *cobra.Command {
	var above float64
	cmd := &cobra.Command{
		Use:  name + " ID...",
		Args: cobra.ArbitraryArgs,
		RunE: func(cmd *cobra.Command, args []string) error {
			if a.dossier == "" {
				return usageErrorf("the built-in dossier cannot be changed: name a dossier with --dossier")
			}
			r := edit.ReviewRequest{Reject: name == "reject", IDs: args}
			if f := cmd.Flags().Lookup("above"); f != nil && f.Changed {
				r.Above = &above
			}
			ids, err := edit.ReviewFile(a.dossier, a.policy(), r)
			if err != nil {
				return err
			}
			fmt.Fprintf(a.stdout, "%sed %d %s in %s\n", name, len(ids), map[bool]string{true: "draft", false: "drafts"}[len(ids) == 1], a.dossier)
			return nil
		},
	}
	if name == "accept" {
		cmd.Flags().Float64Var(&above, "above", 0, "accept every draft at least this `CONFIDENCE` (0 to 1) too")
	}
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
		io.WriteString(a.stderr, views.ProblemsText(probs, false))
		fmt.Fprintf(a.stderr, "%s: invalid config: %s\n", path, views.ProblemCount(probs))
		return &exitError{code: exitInvalid, err: err, silent: true}
	}
	if err != nil {
		return &exitError{code: exitInvalid, err: err}
	}
	io.WriteString(a.stderr, views.ProblemsText(probs, false)) // warnings, such as a misspelt field
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
		Use:  "config",
		Args: cobra.NoArgs,
		RunE: func(cmd *cobra.Command, _ []string) error { return cmd.Help() },
	}
	cmd.AddCommand(&cobra.Command{
		Use:  "path",
		Args: cobra.NoArgs,
		RunE: func(*cobra.Command, []string) error {
			path := a.configFile()
			if path == "" {
				return errors.New("no home directory and no XDG_CONFIG_HOME: parley has no place for settings")
			}
			fmt.Fprintln(a.stdout, path)
			return nil
		},
	}, &cobra.Command{
		Use:  "keys",
		Args: cobra.NoArgs,
		RunE: func(*cobra.Command, []string) error {
			for _, b := range model.Bindings(a.config.Keys) {
				fmt.Fprintf(a.stdout, "%-16s %-28s %s\n", b.Name, strings.Join(b.Keys, " "), b.Help)
			}
			return nil
		},
	})
	return cmd
}
