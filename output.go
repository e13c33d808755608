package main

// How a command prints: its report as text or JSON, and progress on a
// terminal.

import (
	"encoding/json"
	"io"

	"github.com/charmbracelet/x/term"
	"github.com/spf13/cobra"

	"github.com/parley-dev/parley/data/search"
	"github.com/parley-dev/parley/views"
)

// output is how a command prints its report: as text width columns wide
// (--width, or the terminal's, or 80) or as JSON (--json), indented or
// one object a line.
type output struct {
	a     *app
	json  bool
	lines bool
	width int
}

// outputFlags adds --json, and --width when the text wraps.
func (a *app) outputFlags(cmd *cobra.Command, wraps bool) *output {
	o := &output{a: a}
	cmd.Flags().BoolVar(&o.json, "json", false, "print JSON")
	if wraps {
		cmd.Flags().IntVarP(&o.width, "width", "w", 0, "width in columns (default: the terminal's, or 80)")
	}
	return o
}

// print writes the report as JSON, or the text made from it.
func (o *output) print(report any, text func(width int) string) error {
	if o.json {
		enc := json.NewEncoder(o.a.stdout)
		enc.SetEscapeHTML(false)
		if !o.lines {
			enc.SetIndent("", "  ")
		}
		return enc.Encode(report)
	}
	_, err := io.WriteString(o.a.stdout, text(o.a.outputWidth(o.width)))
	return err
}

// loadProgress reports a long load on standard error when it is a
// terminal (views.ProgressLine); done clears it.
func (a *app) loadProgress() (search.LoadProgress, func()) {
	if !isTerminal(a.stderr) {
		return nil, func() {}
	}
	line := views.NewProgressLine(a.stderr, "parley")
	return func(stage search.LoadStage, n, total int) { line.Show(string(stage), n, total) }, line.Clear
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

func isTerminal(v any) bool {
	f, ok := v.(interface{ Fd() uintptr })
	return ok && term.IsTerminal(f.Fd())
}
