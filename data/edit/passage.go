package edit

import (
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/parley-dev/parley/data"
)

// Marking a passage of a source as a new statement: its words and
// sentences, to extend a selection by; whether it is a quote; and who
// most likely said it. Offsets are bytes of the source's text.

// WordEnd is where the word at or after i ends (len(text) at the end).
func WordEnd(text string, i int) int {
	i = skip(text, i, unicode.IsSpace)
	return skip(text, i, func(r rune) bool { return !unicode.IsSpace(r) })
}

// WordStart is where the word holding i begins, or the next word when i
// is in white space.
func WordStart(text string, i int) int {
	i = max(min(i, len(text)), 0)
	if i < len(text) {
		if r, _ := utf8.DecodeRuneInString(text[i:]); unicode.IsSpace(r) {
			return skip(text, i, unicode.IsSpace)
		}
	}
	for i > 0 {
		r, n := utf8.DecodeLastRuneInString(text[:i])
		if unicode.IsSpace(r) {
			break
		}
		i -= n
	}
	return i
}

// PrevWordStart is where the word before the one holding i begins (0 at
// the start).
func PrevWordStart(text string, i int) int {
	i = WordStart(text, i)
	for i > 0 {
		r, n := utf8.DecodeLastRuneInString(text[:i])
		if !unicode.IsSpace(r) {
			break
		}
		i -= n
	}
	if i == 0 {
		return 0
	}
	_, n := utf8.DecodeLastRuneInString(text[:i])
	return WordStart(text, i-n)
}

// PrevWordEnd is where the word ending before i ends: the end of a
// passage one word shorter.
func PrevWordEnd(text string, i int) int {
	i = WordStart(text, max(i-1, 0))
	for i > 0 {
		r, n := utf8.DecodeLastRuneInString(text[:i])
		if !unicode.IsSpace(r) {
			break
		}
		i -= n
	}
	return i
}

func skip(text string, i int, f func(rune) bool) int {
	i = max(min(i, len(text)), 0)
	for i < len(text) {
		r, n := utf8.DecodeRuneInString(text[i:])
		if !f(r) {
			break
		}
		i += n
	}
	return i
}

// abbreviations end with a full stop that ends no sentence.
var abbreviations = map[string]bool{
	"mr": true, "mrs": true, "ms": true, "dr": true, "prof": true, "gen": true, "sen": true,
	"rep": true, "st": true, "jr": true, "sr": true, "no": true, "vs": true, "etc": true,
	"e.g": true, "i.e": true, "u.s": true, "u.k": true, "u.n": true, "jan": true, "feb": true,
	"aug": true, "sept": true, "oct": true, "nov": true, "dec": true,
}

// closers may follow a sentence's last mark: quote marks and brackets.
const closers = "\"'”’»›)]"

// SentenceEnd is where the sentence holding i ends: after its full stop,
// question or exclamation mark and any quote marks closing it, or at the
// end of its paragraph (a blank line).
func SentenceEnd(text string, i int) int {
	i = max(min(i, len(text)), 0)
	from := i
	for i < len(text) {
		r, n := utf8.DecodeRuneInString(text[i:])
		switch {
		case r == '\n' && blankLineAt(text, i+1):
			return max(trimSpaceEnd(text, i), from)
		case r == '.' || r == '!' || r == '?' || r == '…':
			j := i + n
			for j < len(text) {
				c, m := utf8.DecodeRuneInString(text[j:])
				if !strings.ContainsRune(closers, c) {
					break
				}
				j += m
			}
			next, _ := utf8.DecodeRuneInString(text[j:])
			if (j >= len(text) || unicode.IsSpace(next)) && (r != '.' || !abbreviation(text, i)) {
				return j
			}
			i = j
			continue
		}
		i += n
	}
	return len(text)
}

// blankLineAt reports whether the line starting at i holds only white
// space (a paragraph break), or the text ends there.
func blankLineAt(text string, i int) bool {
	for ; i < len(text); i++ {
		switch text[i] {
		case '\n':
			return true
		case ' ', '\t', '\r':
		default:
			return false
		}
	}
	return true
}

// abbreviation reports whether the full stop at i ends an abbreviation
// ("Mr.", "U.S.") or an initial ("J."), not a sentence.
func abbreviation(text string, i int) bool {
	word := strings.TrimLeft(text[WordStart(text, i):i], "\"'“‘«([")
	if abbreviations[strings.ToLower(word)] {
		return true
	}
	r, n := utf8.DecodeRuneInString(word)
	return n > 0 && n == len(word) && unicode.IsUpper(r)
}

// SentenceStart is where the sentence holding i begins.
func SentenceStart(text string, i int) int {
	i = max(min(i, len(text)), 0)
	start := paragraphStart(text, i)
	for s := start; s < len(text); {
		s = skip(text, s, unicode.IsSpace)
		e := SentenceEnd(text, s)
		if e >= i || e <= s {
			return s
		}
		s = e
	}
	return start
}

// paragraphStart is where the paragraph holding i begins: after the last
// blank line before it.
func paragraphStart(text string, i int) int {
	for k := min(i, len(text)) - 1; k >= 0; k-- {
		if text[k] == '\n' && k+1 < len(text) && blankLineAt(text, k+1) && k+1 < i {
			return skip(text, k+1, unicode.IsSpace)
		}
	}
	return skip(text, 0, unicode.IsSpace)
}

func trimSpaceEnd(text string, i int) int {
	for i > 0 {
		r, n := utf8.DecodeLastRuneInString(text[:i])
		if !unicode.IsSpace(r) {
			break
		}
		i -= n
	}
	return i
}

// NextSentence is the sentence after the one ending at or before i.
func NextSentence(text string, i int) (start, end int) {
	s := skip(text, i, unicode.IsSpace)
	return s, SentenceEnd(text, s)
}

// PrevSentence is the sentence before the one holding i.
func PrevSentence(text string, i int) (start, end int) {
	s := SentenceStart(text, i)
	if s == 0 {
		return 0, SentenceEnd(text, 0)
	}
	p := SentenceStart(text, trimSpaceEnd(text, s)-1)
	return p, SentenceEnd(text, p)
}

// openers and closing marks of quotations.
const (
	openQuotes  = "\"“„«‹"
	closeQuotes = "\"”»›“"
)

// ClosingQuote is the end of the first closing quote mark at or after i:
// the end a passage extends to, to take in the rest of a quotation.
// It is i when there is none.
func ClosingQuote(text string, i int) int {
	i = max(min(i, len(text)), 0)
	for j := i; j < len(text); {
		r, n := utf8.DecodeRuneInString(text[j:])
		if strings.ContainsRune(closeQuotes, r) && j > 0 {
			prev, _ := utf8.DecodeLastRuneInString(text[:j])
			if !unicode.IsSpace(prev) {
				return j + n
			}
		}
		j += n
	}
	return i
}

// A Passage is what a marked span of a source becomes: a quote when it
// stands inside quote marks (its text then the words between them), or
// reported speech.
type Passage struct {
	Kind data.StatementKind
	// Start and End are the bytes of the statement's words in the source:
	// for a quote without its quote marks and the comma that closes the
	// quotation before its attribution.
	Start, End int
	Text       string
}

// PassageOf reads the marked span text[start:end].
func PassageOf(text string, start, end int) Passage {
	start, end = max(start, 0), min(end, len(text))
	start = skip(text, start, unicode.IsSpace)
	end = max(trimSpaceEnd(text, end), start)
	p := Passage{Kind: data.KindReported, Start: start, End: end}
	inner := func(s, e int) (int, int) {
		s = skip(text, s, unicode.IsSpace)
		for e > s {
			r, n := utf8.DecodeLastRuneInString(text[:e])
			if !unicode.IsSpace(r) && r != ',' {
				break
			}
			e -= n
		}
		return s, e
	}
	first, fn := utf8.DecodeRuneInString(text[start:])
	last, ln := utf8.DecodeLastRuneInString(text[:end])
	switch {
	case end-start > fn+ln && strings.ContainsRune(openQuotes, first) && strings.ContainsRune(closeQuotes, last):
		// The marks are in the passage.
		p.Kind = data.KindQuote
		p.Start, p.End = inner(start+fn, end-ln)
	case before(text, start, openQuotes) && after(text, end, closeQuotes):
		// The passage is the words between them.
		p.Kind = data.KindQuote
		p.Start, p.End = inner(start, end)
	}
	p.Text = text[p.Start:p.End]
	return p
}

// before reports whether the character before i (white space aside) is
// one of marks.
func before(text string, i int, marks string) bool {
	i = trimSpaceEnd(text, i)
	r, n := utf8.DecodeLastRuneInString(text[:i])
	return n > 0 && strings.ContainsRune(marks, r)
}

// after reports whether the character at i (a comma or full stop aside)
// is one of marks.
func after(text string, i int, marks string) bool {
	for i < len(text) && strings.ContainsRune(",.!?", rune(text[i])) {
		i++
	}
	r, n := utf8.DecodeRuneInString(text[i:])
	return n > 0 && strings.ContainsRune(marks, r)
}

// GuessSpeaker names the actor who most likely said the passage [start,
// end) of src: the speaker of the nearest statement already placed in the
// same paragraph, else the actor named nearest to it there (by full name
// or surname). "" when the paragraph names nobody.
func GuessSpeaker(d *data.Dossier, src *data.Source, start, end int) string {
	if src == nil || !src.HasText() {
		return ""
	}
	para := data.Span{Start: 0, End: len(src.Text)}
	for _, p := range src.Paragraphs {
		if p.Start <= start && start < p.End {
			para = p
			break
		}
	}
	distance := func(s, e int) int {
		switch {
		case e <= start:
			return start - e
		case s >= end:
			return s - end
		}
		return 0
	}
	best, bestD := "", 1<<62
	for _, s := range d.StatementsBySource(src.ID) {
		if s.Actor == "" || s.Location == nil || s.Location.Start < para.Start || s.Location.End > para.End {
			continue
		}
		if dd := distance(s.Location.Start, s.Location.End); dd < bestD {
			best, bestD = s.Actor, dd
		}
	}
	if best != "" {
		return best
	}
	text := src.Text[para.Start:para.End]
	for _, a := range d.Actors {
		names := []string{a.Name}
		if f := strings.Fields(a.Name); len(f) > 1 {
			names = append(names, f[len(f)-1])
		}
		for _, n := range names {
			for i := 0; n != ""; {
				j := strings.Index(text[i:], n)
				if j < 0 {
					break
				}
				at := para.Start + i + j
				if dd := distance(at, at+len(n)); dd < bestD {
					best, bestD = a.ID, dd
				}
				i += j + len(n)
			}
		}
	}
	return best
}
