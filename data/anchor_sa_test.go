package data

import (
	"index/suffixarray"
	"math/rand/v2"
	"strings"
	"testing"
)

// A text searched for many passages switches to a suffix array; every
// passage is found as the scan finds it: how often, how often its context
// matches, and where the first that matches stands. The texts repeat a few
// words (and multi-byte ones), so passages overlap and recur.
func TestFindPassageSuffixArrayMatchesScan(t *testing.T) {
	r := rand.New(rand.NewPCG(5, 6))
	words := []string{"we", "stand", "firmly", "with", "Ukraine", "“", "”", "—", "Лавров", "said", "a", "aa"}
	pick := func(n int) string {
		var b strings.Builder
		for i := range n {
			if i > 0 {
				b.WriteString([]string{" ", "  ", "\n", " — "}[r.IntN(4)])
			}
			b.WriteString(words[r.IntN(len(words))])
		}
		return b.String()
	}
	for range 200 {
		src := pick(50 + r.IntN(400))
		indexed := normalize(src)
		indexed.sa = suffixarray.New([]byte(indexed.text))
		for range 20 {
			passage, prefix, suffix := pick(1+r.IntN(3)), "", ""
			if r.IntN(3) == 0 {
				prefix = pick(1)
			}
			if r.IntN(3) == 0 {
				suffix = pick(1)
			}
			scan := normalize(src)
			want := findPassage(&scan, passage, prefix, suffix)
			if got := findPassage(&indexed, passage, prefix, suffix); got != want {
				t.Fatalf("%q in %q (prefix %q, suffix %q): suffix array %+v, scan %+v", passage, src, prefix, suffix, got, want)
			}
		}
	}
	// And the switch happens by itself on a long, much-searched text.
	long := normalize(strings.Repeat("we stand firmly with Ukraine ", 4000))
	for range saIndexAfter + 1 {
		findPassage(&long, "firmly with", "", "")
	}
	if long.sa == nil {
		t.Errorf("no suffix array after %d searches of %d bytes", saIndexAfter+1, len(long.text))
	}
}
