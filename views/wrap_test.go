package views

import (
	"strings"
	"testing"

	"github.com/charmbracelet/x/ansi"
)

func TestWrapKeepsEveryLineWithinWidth(t *testing.T) {
	tests := []struct {
		name  string
		text  string
		width int
		want  []string
	}{
		{"short text stays whole", "hello world", 20, []string{"hello world"}},
		{"breaks at spaces", "the quick brown fox", 10, []string{"the quick", "brown fox"}},
		{"cuts a word wider than the line", "abcdefghij", 4, []string{"abcd", "efgh", "ij"}},
		{"keeps newlines", "a\n\nb", 5, []string{"a", "", "b"}},
		{"breaks CJK between characters", "安全保障の約束", 6, []string{"安全保", "障の約", "束"}},
		{"never splits an emoji", "go 👍🏽 now", 4, []string{"go", "👍🏽", "now"}},
		{"keeps combining marks with their letter", "cafe\u0301 cafe\u0301", 5, []string{"cafe\u0301", "cafe\u0301"}},
		{"drops spaces at the break", "aa    bb", 3, []string{"aa", "bb"}},
		{"keeps a first-line indent", "  ab cd", 10, []string{"  ab cd"}},
		{"empty text is one empty line", "", 5, []string{""}},
		{"width zero still terminates", "ab", 0, []string{"a", "b"}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got := Wrap(tt.text, tt.width)
			if strings.Join(got, "|") != strings.Join(tt.want, "|") {
				t.Fatalf("Wrap(%q, %d) = %q, want %q", tt.text, tt.width, got, tt.want)
			}
			for _, l := range got {
				if w := ansi.StringWidth(l); w > max(tt.width, 1) && ansi.StringWidth(l) > 2 {
					t.Errorf("line %q is %d wide, over %d", l, w, tt.width)
				}
			}
		})
	}
}

func TestFitPadsAndCutsToExactWidth(t *testing.T) {
	for _, s := range []string{"", "abc", "安全保障の約束です", "👍🏽👍🏽👍🏽", "\x1b[1mbold text here\x1b[0m"} {
		for _, w := range []int{1, 2, 5, 9} {
			if got := ansi.StringWidth(Fit(s, w)); got != w {
				t.Errorf("Fit(%q, %d) is %d wide", s, w, got)
			}
		}
	}
}
