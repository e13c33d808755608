package search

import (
	"math"
	"testing"
)

// A keystroke answered from a prefix list finds the same statements, with
// the same spans, as one that walks every word's postings; scores differ
// only by the list's rounding.
func TestPrefixListsAnswerAsThePostings(t *testing.T) {
	d := synthDossier(t, 5000)
	tune := defaultTuning()
	tune.prefixListMin = math.MaxInt
	plain := build(d, nil, tune)
	tune.prefixListMin = 1000
	listed := build(d, nil, tune)
	if len(plain.plists.prefixes) != 0 || len(listed.plists.prefixes) < 10 {
		t.Fatalf("%d and %d prefix lists", len(plain.plists.prefixes), len(listed.plists.prefixes))
	}
	used := 0
	for _, qs := range []string{"s", "t", "a", "w", "th", "se", "in t", "the s", "we w", "after the meeting i",
		"party:russia s", "date:2022-01 t", "-security t", "kind:quote a", "nato s", `"written response" t`, "t party:us -kind:quote"} {
		q, err := ParseQuery(qs, d)
		if err != nil {
			t.Fatal(err)
		}
		p := listed.makePlan(&q)
		for _, w := range p.words {
			if w.list > 0 {
				used++
			}
		}
		a, b := plain.Search(q, 0), listed.Search(q, 0)
		if a.Total != b.Total || len(a.Hits) != len(b.Hits) {
			t.Fatalf("%q: %d results from the lists, want %d", qs, b.Total, a.Total)
		}
		want := map[string]Hit{}
		top := 0.0
		for _, h := range a.Hits {
			want[h.Statement.ID] = h
			top = max(top, h.Score)
		}
		for _, h := range b.Hits {
			w, ok := want[h.Statement.ID]
			if !ok {
				t.Fatalf("%q: %s found only from the lists", qs, h.Statement.ID)
			}
			if math.Abs(w.Score-h.Score) > top*1e-4 {
				t.Errorf("%q: %s scores %v from the lists, %v from the postings", qs, h.Statement.ID, h.Score, w.Score)
			}
			if len(w.Spans) != len(h.Spans) {
				t.Errorf("%q: %s has %d spans from the lists, %d from the postings", qs, h.Statement.ID, len(h.Spans), len(w.Spans))
			}
		}
	}
	if used < 15 {
		t.Errorf("the lists stood for %d words", used)
	}
}
