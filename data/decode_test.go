package data

import "testing"

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
