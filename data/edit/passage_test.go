package edit

import (
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/parley-dev/parley/data"
)

// at is the offset of the first occurrence of s in text (or fails).
func at(t *testing.T, text, s string) int {
	t.Helper()
	i := strings.Index(text, s)
	if i < 0 {
		t.Fatalf("%q is not in the text", s)
	}
	return i
}

const report = `After the meeting, Lavrov said that the West would submit a written response next week. Mr. Blinken agreed.

“We have made clear that if any Russian forces move across the border, it will be another invasion,” Blinken said in Geneva. “The United States will respond quickly.”

According to Lavrov, his country has no plans to attack Ukraine. U.S. officials were not so sure!`

// Extending a marked passage as a reader does: a word more or less, to
// the end of the sentence, to the closing quote mark; a sentence before
// or after.
func TestExtendingAMarkedPassage(t *testing.T) {
	text := report
	cases := []struct {
		name string
		got  func() (int, int)
		want string
	}{
		{"a word on from the start of one", func() (int, int) {
			s := at(t, text, "Lavrov said")
			return s, WordEnd(text, s)
		}, "Lavrov"},
		{"two words on", func() (int, int) {
			s := at(t, text, "Lavrov said")
			return s, WordEnd(text, WordEnd(text, s))
		}, "Lavrov said"},
		{"a word back", func() (int, int) {
			s := at(t, text, "Lavrov said")
			return s, PrevWordEnd(text, WordEnd(text, WordEnd(text, s)))
		}, "Lavrov"},
		{"to the end of the sentence, past an abbreviation", func() (int, int) {
			s := at(t, text, "Mr. Blinken")
			return s, SentenceEnd(text, s)
		}, "Mr. Blinken agreed."},
		{"a sentence ends where its paragraph does", func() (int, int) {
			s := at(t, text, "“We have")
			return s, SentenceEnd(text, SentenceEnd(text, s))
		}, "“We have made clear that if any Russian forces move across the border, it will be another invasion,” Blinken said in Geneva. “The United States will respond quickly.”"},
		{"the sentence's end takes in its closing quote mark", func() (int, int) {
			s := at(t, text, "“The United")
			return s, SentenceEnd(text, s)
		}, "“The United States will respond quickly.”"},
		{"to the closing quote mark", func() (int, int) {
			s := at(t, text, "“We have")
			return s, ClosingQuote(text, WordEnd(text, s))
		}, "“We have made clear that if any Russian forces move across the border, it will be another invasion,”"},
		{"U.S. starts no sentence", func() (int, int) {
			s := at(t, text, "According")
			return s, SentenceEnd(text, SentenceEnd(text, s)+1)
		}, "According to Lavrov, his country has no plans to attack Ukraine. U.S. officials were not so sure!"},
		{"the sentence holding a word", func() (int, int) {
			i := at(t, text, "written")
			return SentenceStart(text, i), SentenceEnd(text, i)
		}, "After the meeting, Lavrov said that the West would submit a written response next week."},
		{"the next sentence", func() (int, int) {
			return NextSentence(text, at(t, text, "week.")+len("week."))
		}, "Mr. Blinken agreed."},
		{"the previous sentence, over a paragraph break", func() (int, int) {
			return PrevSentence(text, at(t, text, "“We have"))
		}, "Mr. Blinken agreed."},
		{"a word's start from inside it", func() (int, int) {
			i := at(t, text, "ritten")
			return WordStart(text, i), WordEnd(text, i)
		}, "written"},
		{"the word before", func() (int, int) {
			i := at(t, text, "written")
			return PrevWordStart(text, i), WordEnd(text, i)
		}, "a written"},
	}
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			s, e := tc.got()
			if got := text[s:e]; got != tc.want {
				t.Errorf("got %q\nwant %q", got, tc.want)
			}
		})
	}
}

// A passage inside quote marks is a quote of the words between them; any
// other is reported speech of the passage itself.
func TestAMarkedPassageIsAQuoteInsideQuoteMarks(t *testing.T) {
	text := report
	quote := "We have made clear that if any Russian forces move across the border, it will be another invasion"
	cases := []struct {
		name, marked string
		kind         data.StatementKind
		want         string
	}{
		{"the marks marked too", "“" + quote + ",”", data.KindQuote, quote},
		{"the words between the marks", quote, data.KindQuote, quote},
		{"with the comma that ends the quotation", quote + ",", data.KindQuote, quote},
		{"part of a quotation is reported", "if any Russian forces move across the border", data.KindReported, "if any Russian forces move across the border"},
		{"a paraphrase", "the West would submit a written response next week", data.KindReported, "the West would submit a written response next week"},
		{"white space at the ends is left out", " Mr. Blinken agreed. ", data.KindReported, "Mr. Blinken agreed."},
	}
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			s := at(t, text, strings.TrimSpace(tc.marked))
			e := s + len(strings.TrimSpace(tc.marked))
			if strings.HasPrefix(tc.marked, " ") {
				s--
				e++
			}
			p := PassageOf(text, s, e)
			if p.Kind != tc.kind || p.Text != tc.want || text[p.Start:p.End] != p.Text {
				t.Errorf("got %s %q (%d–%d), want %s %q", p.Kind, p.Text, p.Start, p.End, tc.kind, tc.want)
			}
		})
	}
}

// The speaker of a marked passage is the speaker of the nearest statement
// already in its paragraph, else the actor named nearest to it.
func TestTheSpeakerOfAMarkedPassageIsGuessedFromItsParagraph(t *testing.T) {
	src, err := os.ReadFile("../../testdata/edit/talks.yaml")
	if err != nil {
		t.Fatal(err)
	}
	p := filepath.Join(t.TempDir(), "talks.yaml")
	if err := os.WriteFile(p, src, 0o644); err != nil {
		t.Fatal(err)
	}
	d, _, err := data.Load(p)
	if err != nil {
		t.Fatal(err)
	}
	source := d.Sources[0]
	text := source.Text
	cases := []struct{ passage, want string }{
		{"Both sides now have a better understanding of the other’s position", "blinken"},
		{"This is not the end of the conversation", "blinken"}, // the nearest statement, the draft just before it, says Blinken
		{"Lavrov quells hopes", "lavrov"},
		{"Two hours are set", "lavrov"},
		{"However, any contact between the two heads of state must be well prepared", "lavrov"},
		{"Reuters", ""},
	}
	for _, tc := range cases {
		s := at(t, text, tc.passage)
		if got := GuessSpeaker(d, source, s, s+len(tc.passage)); got != tc.want {
			t.Errorf("%q: guessed %q, want %q", tc.passage, got, tc.want)
		}
	}
}

// From any offset of any text, every step lands inside the text, between
// characters, and never goes the wrong way.
func TestPassageStepsStayInsideTheText(t *testing.T) {
	for _, text := range []string{report, "", " ", "a", "«Нет», — сказал он. 日本語。“x”", "\n\n  \n", "Mr. U.S. J. K.!?…”’"} {
		for i := -1; i <= len(text)+1; i++ {
			if i > 0 && i < len(text) && !utf8RuneStart(text[i]) {
				continue // offsets given are between characters
			}
			for name, got := range map[string]int{
				"WordEnd": WordEnd(text, i), "WordStart": WordStart(text, i), "PrevWordStart": PrevWordStart(text, i),
				"PrevWordEnd": PrevWordEnd(text, i), "SentenceEnd": SentenceEnd(text, i), "SentenceStart": SentenceStart(text, i),
				"ClosingQuote": ClosingQuote(text, max(i, 0)),
			} {
				if got < 0 || got > len(text) || got < len(text) && !utf8RuneStart(text[got]) {
					t.Fatalf("%s(%q, %d) = %d", name, text, i, got)
				}
			}
			if j := max(min(i, len(text)), 0); WordEnd(text, j) < j || SentenceEnd(text, j) < j || PrevWordStart(text, j) > j {
				t.Fatalf("a step went the wrong way at %d in %q", j, text)
			}
			p := PassageOf(text, max(i-5, 0), max(min(i, len(text)), 0))
			if p.Start > p.End || p.End > len(text) {
				t.Fatalf("PassageOf at %d in %q: %+v", i, text, p)
			}
		}
	}
}

func utf8RuneStart(b byte) bool { return b&0xC0 != 0x80 }
