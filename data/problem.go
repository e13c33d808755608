package data

import (
	"cmp"
	"fmt"
	"slices"
	"strings"
)

// Pos is a place in a dossier file, 1-based. A zero Line means the file as
// a whole.
type Pos struct {
	File string
	Line int
	Col  int
}

func (p Pos) String() string {
	switch {
	case p.Line == 0:
		return p.File
	case p.Col == 0:
		return fmt.Sprintf("%s:%d", p.File, p.Line)
	}
	return fmt.Sprintf("%s:%d:%d", p.File, p.Line, p.Col)
}

// Severity separates what makes a dossier unusable from what a reader
// should know.
type Severity int

const (
	SeverityError Severity = iota
	SeverityWarning
	// SeverityHint is a suggestion that would make the dossier clearer;
	// nothing is wrong (added with format 1.1).
	SeverityHint
)

func (s Severity) String() string {
	switch s {
	case SeverityWarning:
		return "warning"
	case SeverityHint:
		return "hint"
	}
	return "error"
}

// Problem is one thing wrong with a dossier, at a place in a file.
type Problem struct {
	Pos      Pos
	Severity Severity
	Message  string
	// Excerpt is the offending text, shortened, when it helps the reader.
	Excerpt string
}

// String is "FILE:LINE:COL: error: message" plus the excerpt.
func (p Problem) String() string {
	s := fmt.Sprintf("%s: %s: %s", p.Pos, p.Severity, p.Message)
	if p.Excerpt != "" {
		s += "\n\t" + p.Excerpt
	}
	return s
}

// Problems is everything the loader found, sorted by file, line, column.
type Problems []Problem

// Errors counts the problems that make the dossier invalid.
func (ps Problems) Errors() int {
	n := 0
	for _, p := range ps {
		if p.Severity == SeverityError {
			n++
		}
	}
	return n
}

// Warnings counts the problems a reader should know about.
func (ps Problems) Warnings() int { return ps.count(SeverityWarning) }

// Hints counts the suggestions.
func (ps Problems) Hints() int { return ps.count(SeverityHint) }

func (ps Problems) count(sev Severity) int {
	n := 0
	for _, p := range ps {
		if p.Severity == sev {
			n++
		}
	}
	return n
}

func (ps Problems) sort() {
	slices.SortStableFunc(ps, func(a, b Problem) int {
		return cmp.Or(
			cmp.Compare(a.Pos.File, b.Pos.File),
			cmp.Compare(a.Pos.Line, b.Pos.Line),
			cmp.Compare(a.Pos.Col, b.Pos.Col),
			cmp.Compare(a.Severity, b.Severity),
			cmp.Compare(a.Message, b.Message),
		)
	})
}

// InvalidError is returned by Load when a dossier has errors; it carries
// every problem found, warnings included.
type InvalidError struct {
	Problems Problems
}

func (e *InvalidError) Error() string {
	var b strings.Builder
	for i, p := range e.Problems {
		if p.Severity != SeverityError {
			continue
		}
		if i > 0 && b.Len() > 0 {
			b.WriteByte('\n')
		}
		b.WriteString(p.String())
	}
	return b.String()
}
