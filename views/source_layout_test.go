package views

import (
	"fmt"
	"math/rand/v2"
	"slices"
	"strconv"
	"strings"
	"testing"

	"github.com/parley-dev/parley/data"
)

// oldSourceText is the source laid out whole, as it was before the
// reader laid it out a paragraph at a time: the oracle the units must
// add up to.
type oldSourceText struct {
	Lines      []SourceLine
	Statements []*data.Statement
	Anchored   int
	First      []int
	numW       int
}

func oldLayoutSource(d *data.Dossier, src *data.Source, width int) *oldSourceText {
	st := &oldSourceText{}
	anchored, unanchored := SourceStatements(d, src)
	st.Statements = append(anchored, unanchored...)
	st.Anchored = len(anchored)
	st.First = make([]int, len(st.Statements))
	st.numW = len(strconv.Itoa(max(len(src.Paragraphs), 1)))
	textW := max(width-st.numW-2, 1)

	if !src.HasText() {
		msg := "This source has no text here"
		if src.URL != "" {
			msg += " (only a link: " + src.URL + ")"
		}
		for _, l := range Wrap(msg+", so its quotes cannot be checked.", textW) {
			st.Lines = append(st.Lines, SourceLine{Listed: -1, Head: true, Text: l})
		}
	}
	paras := src.Paragraphs
	if len(paras) == 0 && src.Text != "" {
		paras = []data.Span{{Start: 0, End: len(src.Text)}}
	}
	next := 0        // the next anchored statement not yet started
	var active []int // anchored statements overlapping the current line
	for pi, p := range paras {
		if pi > 0 {
			st.Lines = append(st.Lines, SourceLine{Listed: -1, Span: data.Span{Start: p.Start, End: p.Start}})
		}
		for li, sp := range wrapSpans(src.Text[p.Start:p.End], textW) {
			line := SourceLine{Span: data.Span{Start: p.Start + sp.Start, End: p.Start + sp.End}, Listed: -1}
			if li == 0 {
				line.Para = pi + 1
			}
			for next < len(anchored) && anchored[next].Location.Start < line.Span.End {
				st.First[next] = len(st.Lines)
				active = append(active, next)
				next++
			}
			active = slices.DeleteFunc(active, func(i int) bool { return anchored[i].Location.End <= line.Span.Start })
			for _, i := range active {
				if anchored[i].Location.Start < max(line.Span.End, line.Span.Start+1) {
					line.Stmts = append(line.Stmts, i)
				}
			}
			st.Lines = append(st.Lines, line)
		}
	}
	for ; next < len(anchored); next++ { // anchored past the last paragraph
		st.First[next] = max(len(st.Lines)-1, 0)
	}
	if len(unanchored) > 0 {
		st.Lines = append(st.Lines, SourceLine{Listed: -1}, SourceLine{Listed: -1, Head: true,
			Text: fmt.Sprintf("Not located in this source (%d), so not highlighted:", len(unanchored))})
		for i, s := range unanchored {
			k := len(anchored) + i
			st.First[k] = len(st.Lines)
			text := s.ID + ": " + flatLine(s.Text)
			if s.Kind == data.KindQuote {
				text = s.ID + ": “" + flatLine(s.Text) + "”"
			}
			for _, l := range Indent(text, max(width-st.numW-2, 1), "", "  ") {
				st.Lines = append(st.Lines, SourceLine{Listed: k, Text: l})
			}
		}
	}
	return st
}

// sourceDossiers are the sources the layout is checked on: the embedded
// dossier's, a text without paragraphs, one without text, and random
// texts with statements anchored anywhere (across paragraphs, in the gaps
// between them, overlapping, one past the last paragraph's words).
func sourceDossiers(t *testing.T) []*data.Dossier {
	geneva, _, err := data.LoadEmbedded()
	if err != nil {
		t.Fatal(err)
	}
	out := []*data.Dossier{geneva}
	r := rand.New(rand.NewPCG(3, 4))
	words := []string{"the", "minister", "said", "that", "talks", "would", "go", "on", "安全保障", "👍🏽", "e\u0301", "supercalifragilisticexpialidocious"}
	for n := range 60 {
		var b strings.Builder
		var paras []data.Span
		for p := range r.IntN(8) + 1 {
			if p > 0 {
				b.WriteString("\n\n")
			}
			start := b.Len()
			for w := range r.IntN(60) + 1 {
				if w > 0 {
					b.WriteString([]string{" ", " ", "  ", "\n"}[r.IntN(4)])
				}
				b.WriteString(words[r.IntN(len(words))])
			}
			paras = append(paras, data.Span{Start: start, End: b.Len()})
		}
		if n%3 == 0 {
			b.WriteString("   trailing")
		}
		text := b.String()
		src := &data.Source{ID: "s", Text: text, Paragraphs: paras}
		if n%5 == 4 {
			src.Paragraphs = nil
		}
		if n%7 == 6 {
			src = &data.Source{ID: "s", URL: "https://example.org"}
		}
		d := &data.Dossier{Sources: []*data.Source{src}}
		for k := range r.IntN(80) {
			s := &data.Statement{ID: "st" + strconv.Itoa(k), Source: "s", Text: "words " + strconv.Itoa(k), Kind: data.KindQuote}
			if src.Text != "" && r.IntN(5) > 0 {
				a := r.IntN(len(text))
				e := min(a+1+r.IntN([]int{4, 40, 300}[r.IntN(3)]), len(text))
				s.Location = &data.Location{Span: data.Span{Start: a, End: e}, Source: "s"}
			}
			d.Statements = append(d.Statements, s)
		}
		out = append(out, d)
	}
	return out
}

// Laid out a unit at a time, a source reads line for line as it did laid
// out whole, and every statement starts where it did.
func TestSourceUnitsAddUpToTheWholeLayout(t *testing.T) {
	for di, d := range sourceDossiers(t) {
		for _, src := range d.Sources {
			for _, width := range []int{1, 8, 20, 47, 80, 196} {
				name := fmt.Sprintf("%d/%s/%d", di, src.ID, width)
				old := oldLayoutSource(d, src, width)
				st := NewSourceText(d, src)
				if !slices.Equal(st.Statements, old.Statements) || st.Anchored != old.Anchored {
					t.Fatalf("%s: statements differ", name)
				}
				var lines []SourceLine
				start := map[int]int{} // unit → first line
				for i := range st.Units() {
					start[i] = len(lines)
					lines = append(lines, st.Unit(i, width)...)
				}
				if len(lines) != len(old.Lines) {
					t.Fatalf("%s: %d lines, laid out whole %d", name, len(lines), len(old.Lines))
				}
				for i, l := range lines {
					l.In = 0
					if o := old.Lines[i]; fmt.Sprint(l) != fmt.Sprint(o) {
						t.Fatalf("%s: line %d is %+v, laid out whole %+v", name, i, l, o)
					}
				}
				for k := range st.Statements {
					u, line := st.StatementUnit(k, width)
					if got := start[u] + line; got != old.First[k] {
						t.Errorf("%s: statement %d starts on line %d, laid out whole %d", name, k, got, old.First[k])
					}
				}
			}
		}
	}
}
