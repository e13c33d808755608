package edit

import (
	"strings"
	"unicode"
	"unicode/utf8"
)

// Marking a statement in a source writes its anchor for the user: the
// passage, and when the passage occurs more than once the fewest words
// before it (or, failing that, after it) that tell it from the others, as
// docs/dossier-format.md says parley matches them.

// Anchor is where a marked passage stands: Exact is the passage as the
// source prints it; Prefix or Suffix are set when it occurs more than once.
// Start and End are the passage's bytes in the source, white space at its
// ends left out.
type Anchor struct {
	Exact, Prefix, Suffix string
	Start, End            int
}

// Record is the anchor as a statement's anchor field (nil when it has
// nothing to say). For a quote, whose text is its passage, exact is left
// out.
func (a Anchor) Record(quote bool) *Record {
	r := &Record{}
	if !quote {
		r.Set("exact", a.Exact)
	}
	if a.Prefix != "" {
		r.Set("prefix", a.Prefix)
	}
	if a.Suffix != "" {
		r.Set("suffix", a.Suffix)
	}
	if len(r.Fields) == 0 {
		return nil
	}
	return r
}

// AnchorFor anchors the passage text[start:end]. ok is false when the
// passage is empty, or occurs so often that no words around it within the
// text tell it apart.
func AnchorFor(text string, start, end int) (Anchor, bool) {
	start, end = max(start, 0), min(end, len(text))
	for start < end {
		r, n := utf8.DecodeRuneInString(text[start:])
		if !unicode.IsSpace(r) {
			break
		}
		start += n
	}
	for end > start {
		r, n := utf8.DecodeLastRuneInString(text[:end])
		if !unicode.IsSpace(r) {
			break
		}
		end -= n
	}
	if start >= end {
		return Anchor{}, false
	}
	a := Anchor{Exact: text[start:end], Start: start, End: end}
	hay := foldPassage(text)
	if occurrences(hay, foldPassage(a.Exact)) == 1 {
		return a, true
	}
	// The fewest words before it that make it unique.
	for ps := wordBefore(text, start); ps >= 0; ps = wordBefore(text, ps) {
		if occurrences(hay, foldPassage(text[ps:end])) == 1 {
			a.Prefix = strings.TrimSpace(text[ps:start])
			return a, true
		}
		if ps == 0 {
			break
		}
	}
	for se := wordAfter(text, end); se <= len(text); se = wordAfter(text, se) {
		if occurrences(hay, foldPassage(text[start:se])) == 1 {
			a.Suffix = strings.TrimSpace(text[end:se])
			return a, true
		}
		if se == len(text) {
			break
		}
	}
	return a, false
}

// wordBefore is where the word before offset i begins (0 at the start).
func wordBefore(text string, i int) int {
	for i > 0 {
		r, n := utf8.DecodeLastRuneInString(text[:i])
		if !unicode.IsSpace(r) {
			break
		}
		i -= n
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

// wordAfter is where the word after offset i ends (len(text) at the end).
func wordAfter(text string, i int) int {
	for i < len(text) {
		r, n := utf8.DecodeRuneInString(text[i:])
		if !unicode.IsSpace(r) {
			break
		}
		i += n
	}
	for i < len(text) {
		r, n := utf8.DecodeRuneInString(text[i:])
		if unicode.IsSpace(r) {
			break
		}
		i += n
	}
	return i
}

// foldPassage makes the typing differences the format forgives the same:
// quote marks, dashes, and runs of white space.
func foldPassage(s string) string {
	var b strings.Builder
	space := false
	for _, r := range s {
		switch r {
		case '\u2018', '\u2019', '\u201a', '\u201b', '\u2032', '\u00b4', '`':
			r = '\''
		case '\u201c', '\u201d', '\u201e', '\u201f', '\u2033', '\u00ab', '\u00bb':
			r = '"'
		case '\u2010', '\u2011', '\u2012', '\u2013', '\u2014', '\u2015', '\u2212':
			r = '-'
		}
		if unicode.IsSpace(r) {
			space = true
			continue
		}
		if space && b.Len() > 0 {
			b.WriteByte(' ')
		}
		space = false
		b.WriteRune(r)
	}
	return b.String()
}

// occurrences counts where needle starts in hay, overlapping ones too.
func occurrences(hay, needle string) int {
	if needle == "" {
		return 0
	}
	n := 0
	for i := 0; ; {
		j := strings.Index(hay[i:], needle)
		if j < 0 {
			return n
		}
		n++
		_, size := utf8.DecodeRuneInString(hay[i+j:])
		i += j + size
	}
}
