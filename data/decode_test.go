package data

import (
	"fmt"
	"slices"
	"strings"
	"testing"
)

// "Did you mean" names the nearest candidate; of two as near, the first in
// sort order, whatever order they come in (they often come from a map).
func TestNearestIsDeterministic(t *testing.T) {
	cases := []struct {
		s     string
		cands []string
		want  string
	}{
		{"rusia", []string{"us", "russia", "nato"}, "russia"},
		{"ab", []string{"ac", "bb"}, "ac"},
		{"ab", []string{"bb", "ac"}, "ac"},
		{"natoo", []string{"nato", "natos"}, "nato"},
		{"natoo", []string{"natos", "nato"}, "nato"},
		{"ukraine", []string{"us", "nato"}, ""},
		{"x", []string{"y"}, ""},
		{"RUSSIA", []string{"russia"}, "russia"},
	}
	for _, c := range cases {
		if got := nearest(c.s, c.cands); got != c.want {
			t.Errorf("nearest(%q, %q) = %q, want %q", c.s, c.cands, got, c.want)
		}
	}
}

// "Did you mean" hints cost bounded work: an unknown id asked again is
// not looked up again, and once hints have compared hintPairs pairs of ids
// the later problems get none (the first keep theirs).
func TestHintsAreBounded(t *testing.T) {
	var b strings.Builder
	b.WriteString("parley: 1\ntitle: Bad refs\nparties:\n  - {id: x, name: Xland}\ntopics:\n")
	for i := range 50 {
		fmt.Fprintf(&b, "  - {id: topic-%d, title: Topic %d}\n", i, i)
	}
	b.WriteString("statements:\n")
	for i := range 6 {
		// topic-0x twice, then four others
		fmt.Fprintf(&b, "  - {id: s%d, kind: reported, party: x, text: Said., topics: [topic-%dx]}\n", i, max(i-1, 0))
	}
	_, probs, err := parseFS("bad.yaml", []byte(b.String()), nil, fileHooks{hintPairs: 3 * 50}) // three lookups among the 50 topics
	if err == nil {
		t.Fatal("no error")
	}
	var hinted []bool
	for _, p := range probs {
		if strings.Contains(p.Message, "unknown topic") {
			hinted = append(hinted, strings.Contains(p.Message, "did you mean"))
		}
	}
	// s0 and s1 share topic-0x (one lookup); s2, s3 are the second and
	// third; s4 and s5 are past the budget.
	if want := []bool{true, true, true, true, false, false}; !slices.Equal(hinted, want) {
		t.Errorf("hinted %v, want %v\n%v", hinted, want, probs)
	}
}
