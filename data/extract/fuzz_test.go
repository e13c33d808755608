package extract

import (
	"os"
	"strings"
	"testing"
	"unicode"
	"unicode/utf8"
)

// FuzzExtract: whatever the text, extraction does not panic, every span
// lies inside the text on rune boundaries, parts are in order, and a
// quote's words stand right after a quote mark, as printed.
func FuzzExtract(f *testing.F) {
	for _, s := range []string{
		`“We will not sign,” Lavrov said, “anything that closes the harbour.”`,
		"“One paragraph and more.\n\n“Another one,” she said.",
		`"Straight "quotes" never" closed," he said "and`,
		`According to Lavrov, his country has no plans. It will not, he said.`,
		"„Wir werden nicht unterschreiben“, sagte er. «Non», a-t-il dit.",
		"\xff\xfe“broken ” utf8 said he",
		`Sen. Marco Rubio (R-Fla.) said, "The U.S. will lead."`,
	} {
		f.Add(s)
	}
	if b, err := os.ReadFile("../geneva/sources/geneva-2022-01-21.txt"); err == nil {
		f.Add(string(b))
	}
	f.Fuzz(func(t *testing.T, text string) {
		for _, a := range Extract(text, Options{}) {
			if len(a.Content) == 0 {
				t.Fatalf("%+v: no content", a)
			}
			if a.Confidence < 0 || a.Confidence > 1 {
				t.Fatalf("%+v: confidence out of 0..1", a)
			}
			prev := 0
			for _, c := range a.Content {
				inside(t, text, c, false)
				if c.Start < prev {
					t.Fatalf("%+v: parts out of order", a)
				}
				prev = c.End
				if a.Kind == Quote && utf8.ValidString(text) {
					before := strings.TrimRightFunc(text[:c.Start], func(r rune) bool { return unicode.IsSpace(r) || unicode.IsControl(r) })
					r, _ := utf8.DecodeLastRuneInString(before)
					if !isQuoteRune(r) && !strings.HasSuffix(before, "''") {
						t.Fatalf("quote part %q does not follow a quote mark (%q)", text[c.Start:c.End], r)
					}
				}
			}
			inside(t, text, a.Cue, true)
			inside(t, text, a.Mention, true)
		}
	})
}

func inside(t *testing.T, text string, s Span, mayBeEmpty bool) {
	t.Helper()
	if s.Empty() {
		if !mayBeEmpty || s != (Span{}) {
			t.Fatalf("empty span %+v", s)
		}
		return
	}
	if s.Start < 0 || s.End > len(text) {
		t.Fatalf("span %+v outside a text of %d bytes", s, len(text))
	}
	// (a text that is not UTF-8 has no rune boundaries to keep; import
	// refuses such text before extraction)
	if utf8.ValidString(text) && (!utf8.RuneStart(text[s.Start]) || s.End < len(text) && !utf8.RuneStart(text[s.End])) {
		t.Fatalf("span %+v cuts a rune", s)
	}
}
