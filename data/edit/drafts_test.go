package edit

import (
	"encoding/json"
	"fmt"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"
	"testing/fstest"

	"github.com/parley-dev/parley/data"
)

// A passage marked anywhere in the Geneva report gets an anchor that
// parley's own loader places exactly there: every sentence, and every
// occurrence of words the report repeats.
func TestAMarkedPassageIsAnchoredWhereItStands(t *testing.T) {
	b, err := os.ReadFile("../geneva/sources/geneva-2022-01-21.txt")
	if err != nil {
		t.Fatal(err)
	}
	text := string(b)
	var spans [][2]int
	for i := 0; i < len(text); {
		j := strings.Index(text[i:], ". ")
		if j < 0 {
			break
		}
		spans = append(spans, [2]int{i, i + j + 1})
		i += j + 2
	}
	for _, w := range []string{"Lavrov", "Blinken", "the West", "NATO", "said"} {
		for i := 0; ; {
			j := strings.Index(text[i:], w)
			if j < 0 {
				break
			}
			spans = append(spans, [2]int{i + j, i + j + len(w)})
			i += j + len(w)
		}
	}
	var stmts []map[string]any
	var want []Anchor
	for i, sp := range spans {
		a, ok := AnchorFor(text, sp[0], sp[1])
		if !ok {
			continue
		}
		anchor := map[string]any{"exact": a.Exact}
		if a.Prefix != "" {
			anchor["prefix"] = a.Prefix
		}
		if a.Suffix != "" {
			anchor["suffix"] = a.Suffix
		}
		stmts = append(stmts, map[string]any{"id": fmt.Sprint("m", i), "kind": "reported", "party": "p", "text": "x", "source": "r", "anchor": anchor})
		want = append(want, a)
	}
	if len(spans) < 40 || len(want) < len(spans)*9/10 {
		t.Fatalf("only %d of %d passages could be anchored", len(want), len(spans))
	}
	doc, _ := json.Marshal(map[string]any{"parley": 1, "title": "t", "parties": []any{map[string]any{"id": "p", "name": "P"}},
		"sources": []any{map[string]any{"id": "r", "file": "r.txt"}}, "statements": stmts})
	d, probs, err := data.Parse("d.json", doc, fstest.MapFS{"r.txt": {Data: b}})
	if err != nil {
		t.Fatal(err)
	}
	t.Logf("%d passages marked, %d anchored (%d with a prefix or suffix)", len(spans), len(want), countFunc(want, func(a Anchor) bool { return a.Prefix+a.Suffix != "" }))
	if probs.Warnings() > 0 {
		t.Errorf("%d warnings, first %s", probs.Warnings(), probs[0])
	}
	for i, st := range d.Statements {
		if st.Location == nil || st.Location.Start != want[i].Start || st.Location.End != want[i].End {
			t.Errorf("%q (prefix %q, suffix %q) is placed at %+v, marked at [%d,%d)", want[i].Exact, want[i].Prefix, want[i].Suffix, st.Location, want[i].Start, want[i].End)
		}
	}
}

const draftsDossier = `parley: 1.1
title: Drafts
sources:
  - id: r
    text: |
      "We will not sign," said Ana Lind. Ben Ode said the fees come first. Ana Lind said no.
parties:
  - {id: north, name: North}
statements:
  - id: lind-sign
    kind: quote
    party: north
    text: We will not sign,
    source: r
    draft: {rule: quote-said, confidence: 0.9}
  - id: ode-fees
    kind: reported
    party: north
    text: The fees come first.
    source: r
    anchor: {exact: the fees come first}
    draft: {rule: reported-that, confidence: 0.4}
  - id: lind-no
    kind: reported
    party: north
    text: No.
    source: r
    anchor: {exact: Ana Lind said no}
    draft: {rule: reported-after}
  - id: reviewed
    kind: reported
    party: north
    text: Reviewed.
`

func TestReviewingDrafts(t *testing.T) {
	p := filepath.Join(t.TempDir(), "d.yaml")
	if err := os.WriteFile(p, []byte(draftsDossier), 0o644); err != nil {
		t.Fatal(err)
	}
	d, _, err := data.Load(p)
	if err != nil {
		t.Fatal(err)
	}
	ids := func(ss []*data.Statement) []string {
		var out []string
		for _, s := range ss {
			out = append(out, s.ID)
		}
		return out
	}
	if got, want := ids(Drafts(d, MostDoubtfulFirst)), []string{"lind-no", "ode-fees", "lind-sign"}; !slices.Equal(got, want) {
		t.Errorf("most doubtful first: %v, want %v", got, want)
	}
	if got, want := ids(Drafts(d, SourceOrder)), []string{"lind-sign", "ode-fees", "lind-no"}; !slices.Equal(got, want) {
		t.Errorf("source order: %v, want %v", got, want)
	}
	e, accepted := AcceptAbove(d, 0.5)
	if !slices.Equal(accepted, []string{"lind-sign"}) {
		t.Fatalf("accept above 0.5: %v", accepted)
	}
	if err := CheckDrafts(d, []string{"reviewed"}); err == nil || !strings.Contains(err.Error(), "not a draft") {
		t.Errorf("checking a reviewed statement: %v", err)
	}
	if err := CheckDrafts(d, []string{"nope"}); err == nil {
		t.Error("checking an unknown id is no error")
	}
	s, err := Open(p)
	if err != nil {
		t.Fatal(err)
	}
	for _, e := range []Edit{e, Reject("lind-no"), Accept("ode-fees")} {
		if err := s.Apply(e); err != nil {
			t.Fatal(err)
		}
	}
	if err := s.Save(nil); err != nil {
		t.Fatal(err)
	}
	d2, _, err := data.Load(p)
	if err != nil {
		t.Fatal(err)
	}
	if len(Drafts(d2, SourceOrder)) != 0 || d2.Statement("lind-no") != nil || d2.Statement("ode-fees") == nil {
		t.Errorf("after the review: drafts %v", ids(Drafts(d2, SourceOrder)))
	}
	got, _ := os.ReadFile(p)
	want := strings.NewReplacer("    draft: {rule: quote-said, confidence: 0.9}\n", "", "    draft: {rule: reported-that, confidence: 0.4}\n", "",
		"  - id: lind-no\n    kind: reported\n    party: north\n    text: No.\n    source: r\n    anchor: {exact: Ana Lind said no}\n    draft: {rule: reported-after}\n", "").Replace(draftsDossier)
	if string(got) != want {
		t.Errorf("the file after the review:\n%s\nwant:\n%s", got, want)
	}
}

func countFunc[T any](s []T, f func(T) bool) int {
	n := 0
	for _, x := range s {
		if f(x) {
			n++
		}
	}
	return n
}

// A quote said in two parts ("…," Blinken said, "…") is verbatim only by
// its draft's spans: accepting it makes a quote of each part, each found
// verbatim, and the dossier still validates.
func TestAcceptingAQuoteSaidInPartsKeepsItVerbatim(t *testing.T) {
	dir := t.TempDir()
	p := filepath.Join(dir, "talks.yaml")
	src, err := os.ReadFile("../../testdata/edit/talks.yaml")
	if err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(p, src, 0o644); err != nil {
		t.Fatal(err)
	}
	d, _, err := data.Load(p)
	if err != nil {
		t.Fatal(err)
	}
	const id = "blinken-i-conveyed-position-united"
	s, err := Open(p)
	if err != nil {
		t.Fatal(err)
	}
	if err := s.Apply(Accept(id)); err != nil {
		t.Fatal(err)
	}
	if _, _, err := s.Check(); err == nil {
		t.Fatal("removing the draft alone kept the quote verbatim: the test shows nothing")
	}
	if _, err := s.Undo(); err != nil {
		t.Fatal(err)
	}
	if err := s.Apply(AcceptIn(d, id)); err != nil {
		t.Fatal(err)
	}
	nd, probs, err := s.Check()
	if err != nil {
		t.Fatalf("the accepted quote does not validate: %v\n%v", err, probs)
	}
	first, second := nd.Statement(id), nd.Statement(id+"-2")
	if first == nil || second == nil {
		t.Fatal("want the quote and its second part")
	}
	if first.Draft() != nil || second.Draft() != nil {
		t.Error("a part is still a draft")
	}
	if !strings.HasSuffix(first.Text, "territorial integrity") || !strings.HasPrefix(second.Text, "We have made clear") {
		t.Errorf("the parts read %q and %q", first.Text, second.Text)
	}
	if second.Actor != "blinken" || second.Source != first.Source || second.Location == nil || first.Location == nil || second.Location.Start <= first.Location.End {
		t.Errorf("the second part is not Blinken's, after the first: %+v", second)
	}
	if err := s.Apply(AcceptIn(nd, "lavrov-he-did-not-expect")); err != nil {
		t.Fatal(err)
	}
	if _, _, err := s.Check(); err != nil {
		t.Errorf("accepting a draft in one piece: %v", err)
	}
}
