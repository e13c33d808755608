package main

import (
	"math"
	"os"
	"strings"
	"testing"

	"github.com/parley-dev/parley/data"
	parsed "github.com/parley-dev/parley/data/article"
)

func TestParseBratReadsDiscontinuousSpansAndSkipsNotes(t *testing.T) {
	b, err := os.ReadFile("testdata/data/dev/attributions/harbour_a1.ann")
	if err != nil {
		t.Fatal(err)
	}
	golds, err := parseBrat(string(b))
	if err != nil {
		t.Fatal(err)
	}
	if len(golds) != 3 {
		t.Fatalf("got %d attributions, want 3", len(golds))
	}
	if got := golds[1].content; len(got) != 2 || got[0] != (span{126, 146}) || got[1] != (span{147, 177}) {
		t.Errorf("discontinuous content read as %v", got)
	}
	if got := golds[0].source; len(got) != 1 || got[0] != (span{91, 99}) {
		t.Errorf("source read as %v", got)
	}
}

func TestParseBratRejectsBadOffsets(t *testing.T) {
	for _, ann := range []string{
		"T1\tContent 10 5\tx\nE1\tAttribution:T2 Content:T1\n",
		"T1\tContent ten 12\tx\n",
		"E1\tAttribution:T2 Content:T9\n",
	} {
		if _, err := parseBrat(ann); err == nil {
			t.Errorf("%q: no error", ann)
		}
	}
}

func TestOverlapIsSharedOverTheLonger(t *testing.T) {
	for _, tc := range []struct {
		name string
		a, b []span
		want float64
	}{
		{"same", []span{{0, 10}}, []span{{0, 10}}, 1},
		{"inside a longer one", []span{{0, 10}}, []span{{0, 40}}, 0.25},
		{"parts counted together", []span{{0, 10}, {20, 30}}, []span{{0, 30}}, 20.0 / 30},
		{"apart", []span{{0, 10}}, []span{{10, 20}}, 0},
	} {
		if got := overlap(tc.a, tc.b); math.Abs(got-tc.want) > 1e-9 {
			t.Errorf("%s: overlap %v, want %v", tc.name, got, tc.want)
		}
	}
}

func TestEachGoldMatchesOnce(t *testing.T) {
	golds := []gold{{content: []span{{0, 100}}, source: []span{{100, 105}}}}
	preds := []pred{
		{content: []span{{0, 90}}, mention: []span{{100, 102}}},
		{content: []span{{0, 95}}},
	}
	tl, pairs := score(golds, preds, 0.3)
	if tl.matched != 1 || len(pairs) != 1 || pairs[0].p != 1 {
		t.Fatalf("matched %d (%v), want the closer draft alone", tl.matched, pairs)
	}
	if tl.speakerRight != 0 {
		t.Errorf("a draft with no mention counted as the right speaker")
	}
	if tl.precision() != 0.5 || tl.recall() != 1 {
		t.Errorf("P %v R %v, want 0.5 and 1", tl.precision(), tl.recall())
	}
}

// TestScoreFixture runs the whole benchmark on a hand-made article whose
// offsets are in characters while the text has multi-byte letters and
// curly quotes: a byte/character mix-up would miss the matches.
func TestScoreFixture(t *testing.T) {
	arts, err := loadSplit("testdata/data", "dev")
	if err != nil {
		t.Fatal(err)
	}
	r, err := run(arts, false)
	if err != nil {
		t.Fatal(err)
	}
	for _, tc := range []struct {
		name              string
		got               tally
		gold, pred, match int
		speakerRight      int
	}{
		// two gold direct quotes; the short one, “Fees first,” he added,
		// is drafted as "Fees first": 10 characters of the gold's 13 (with
		// its marks and comma) match loosely, not strictly
		{"direct loose", r.directLoose, 2, 2, 2, 2},
		{"direct strict", r.directStrict, 2, 2, 1, 1},
		{"all loose", r.allLoose, 3, 3, 3, 3},
		{"all strict", r.allStrct, 3, 3, 2, 2},
	} {
		if tc.got.gold != tc.gold || tc.got.pred != tc.pred || tc.got.matched != tc.match || tc.got.speakerRight != tc.speakerRight {
			t.Errorf("%s: %+v, want gold %d, drafts %d, matched %d, speaker right %d", tc.name, tc.got, tc.gold, tc.pred, tc.match, tc.speakerRight)
		}
	}
}

// TestAlignmentFindsEachByteInTheFile: the drafts' byte offsets point into
// the source text import made of the file (white space around it, a byte
// order mark, \r and control characters dropped, tabs made spaces); every
// word of that text maps to the characters of the file that hold it, and
// to no more.
func TestAlignmentFindsEachByteInTheFile(t *testing.T) {
	for _, raw := range []string{
		"“Á” b said the minister.",
		"\ufeff  Talks\r\n\r\n“We will,” said Lavrov\u0083 in Genève.\n",
		"A\u202atab\there, «Là» he\x1b[1m said\tit.\rEnd",
	} {
		a, err := parsed.Parse("a.txt", []byte(raw), "")
		if err != nil {
			t.Fatal(err)
		}
		text, _ := data.Sanitize(a.Text)
		at, err := alignment(text, raw)
		if err != nil {
			t.Fatalf("%q: %v", raw, err)
		}
		runes := []rune(raw)
		words := 0
		for i := 0; i < len(text); {
			n := strings.IndexAny(text[i:], " \n")
			if n < 0 {
				n = len(text) - i
			}
			if n > 0 {
				words++
				// what import dropped inside a word stays in its span
				sp := at(i, i+n)
				got := string(runes[sp.s:sp.e])
				if clean, _ := data.Sanitize(got); clean != text[i:i+n] {
					t.Errorf("%q: the word %q maps to %q", raw, text[i:i+n], got)
				}
			}
			i += n + 1
		}
		if end := at(0, len(text)).e; words < 3 || end > len(runes) {
			t.Errorf("%q: %d words, end at %d of %d", raw, words, end, len(runes))
		}
	}
	if _, err := alignment("not in it", "something else"); err == nil {
		t.Error("a text that is not the file's aligned")
	}
}

func TestDirectQuotesBeginWithAQuoteMark(t *testing.T) {
	text := []rune(`He said ''We will,'' and “we shall” and 'em too, and that we might.`)
	at := func(sub string) gold {
		i := strings.Index(string(text), sub)
		s := len([]rune(string(text)[:i]))
		return gold{content: []span{{s, s + len([]rune(sub))}}}
	}
	for sub, want := range map[string]bool{
		"''We will,''":   true,
		"'We will,''":    true, // annotated from the second apostrophe
		"“we shall”":     true,
		"'em too":        false,
		"that we might.": false,
	} {
		if got := isDirect(at(sub), text); got != want {
			t.Errorf("isDirect(%q) = %v, want %v", sub, got, want)
		}
	}
}
