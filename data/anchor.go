package data

import (
	"index/suffixarray"
	"slices"
	"strings"
	"unicode"
	"unicode/utf8"
)

// normalized is a text folded for quote matching, with a map back to the
// byte offsets of the original, so a match can be shown where it stands.
type normalized struct {
	text string
	orig []int32 // orig[i] is the original offset of the rune text[i] belongs to (texts are under 2 GiB: MaxSourceSize, maxDossierSize)
	src  string  // the original

	// A long text searched for many passages gets a suffix array after
	// saIndexAfter searches: each search is then a lookup, not a scan of
	// the whole text (100 000 quotes in a 1 MB report took minutes).
	searches int
	sa       *suffixarray.Index
}

// saIndexAfter and saMinText are when a text gets its suffix array: after
// this many searches of a text at least this long (a variable for tests).
var saIndexAfter, saMinText = 32, 64 << 10

// normalize folds what differs between a quote as typed and as printed:
// curly and straight quotes, the dashes, and runs of white space. Letters
// and their case are kept: a quote is verbatim.
func normalize(s string) normalized {
	var b strings.Builder
	b.Grow(len(s))
	orig := make([]int32, 0, len(s)+1)
	space := false
	for i, r := range s {
		if unicode.IsSpace(r) {
			if !space && b.Len() > 0 {
				b.WriteByte(' ')
				orig = append(orig, int32(i))
			}
			space = true
			continue
		}
		space = false
		r = foldPunct(r)
		n := utf8.RuneLen(r)
		b.WriteRune(r)
		for k := 0; k < n; k++ {
			orig = append(orig, int32(i))
		}
	}
	text := b.String()
	if strings.HasSuffix(text, " ") {
		text = text[:len(text)-1]
		orig = orig[:len(orig)-1]
	}
	return normalized{text: text, orig: orig, src: s}
}

func foldPunct(r rune) rune {
	switch r {
	case '\u2018', '\u2019', '\u201a', '\u201b', '\u2032', '\u00b4', '`':
		return '\''
	case '\u201c', '\u201d', '\u201e', '\u201f', '\u2033', '\u00ab', '\u00bb':
		return '"'
	case '\u2010', '\u2011', '\u2012', '\u2013', '\u2014', '\u2015', '\u2212':
		return '-'
	case '\u2026':
		return '…'
	}
	return r
}

// anchorResult is the outcome of looking for a passage in a source.
type anchorResult struct {
	span  Span
	found int // occurrences of the passage before prefix/suffix narrowed them
	kept  int // occurrences left after prefix/suffix
}

// findPassage looks for passage in the source, using prefix and suffix (the
// words just before and after it) to choose between several occurrences.
// It anchors only when exactly one occurrence is left: a passage found
// twice with nothing to tell them apart is ambiguous, never guessed.
func findPassage(src *normalized, passage, prefix, suffix string) anchorResult {
	return findPassageNear(src, passage, prefix, suffix, nil)
}

// findPassageNear is findPassage keeping only the occurrences that overlap
// near (a draft's content span), when near is set.
func findPassageNear(src *normalized, passage, prefix, suffix string, near *Span) anchorResult {
	p := normalize(passage).text
	if p == "" {
		return anchorResult{}
	}
	pre := normalize(prefix).text
	suf := normalize(suffix).text
	var res anchorResult
	found := func(start int) {
		end := start + len(p)
		res.found++
		if !matchesContext(src.text, start, end, pre, suf) {
			return
		}
		last := int(src.orig[end-1])
		_, n := utf8.DecodeRuneInString(src.src[last:])
		span := Span{Start: int(src.orig[start]), End: last + n}
		if near != nil && (span.End <= near.Start || near.End <= span.Start) {
			return
		}
		res.kept++
		if res.kept == 1 {
			res.span = span
		}
	}
	src.searches++
	if src.sa == nil && src.searches > saIndexAfter && len(src.text) >= saMinText {
		src.sa = suffixarray.New([]byte(src.text))
	}
	if src.sa != nil {
		// Every place the passage starts, overlapping ones too, in text
		// order as the scan below finds them.
		at := src.sa.Lookup([]byte(p), -1)
		slices.Sort(at)
		for _, start := range at {
			found(start)
		}
		return res
	}
	for from := 0; from <= len(src.text); {
		k := strings.Index(src.text[from:], p)
		if k < 0 {
			break
		}
		start := from + k
		found(start)
		_, n := utf8.DecodeRuneInString(src.text[start:])
		from = start + n
	}
	return res
}

// matchesContext checks the words around a match. Spaces and quote marks
// between them and the passage are skipped, so a prefix need not end with
// the opening quote mark of a quotation.
func matchesContext(text string, start, end int, prefix, suffix string) bool {
	const skip = ` "'`
	if prefix = strings.TrimRight(prefix, skip); prefix != "" {
		if !strings.HasSuffix(strings.TrimRight(text[:start], skip), prefix) {
			return false
		}
	}
	if suffix = strings.TrimLeft(suffix, skip); suffix != "" {
		if !strings.HasPrefix(strings.TrimLeft(text[end:], skip), suffix) {
			return false
		}
	}
	return true
}

// paragraphs splits a text into runs of non-blank lines.
func paragraphs(text string) []Span {
	var out []Span
	start := -1
	lineStart := 0
	for lineStart <= len(text) {
		nl := strings.IndexByte(text[lineStart:], '\n')
		lineEnd := len(text)
		if nl >= 0 {
			lineEnd = lineStart + nl
		}
		blank := strings.TrimSpace(text[lineStart:lineEnd]) == ""
		switch {
		case !blank && start < 0:
			start = lineStart
		case blank && start >= 0:
			out = append(out, trimSpan(text, Span{start, lineStart - 1}))
			start = -1
		}
		if nl < 0 {
			break
		}
		lineStart = lineEnd + 1
	}
	if start >= 0 {
		out = append(out, trimSpan(text, Span{start, len(text)}))
	}
	return out
}

func trimSpan(text string, s Span) Span {
	for s.End > s.Start && (text[s.End-1] == ' ' || text[s.End-1] == '\n') {
		s.End--
	}
	for s.Start < s.End && text[s.Start] == ' ' {
		s.Start++
	}
	return s
}

// paragraphOf is the 1-based number of the paragraph holding offset, or 0.
func paragraphOf(paras []Span, offset int) int {
	lo, hi := 0, len(paras)
	for lo < hi {
		mid := (lo + hi) / 2
		if paras[mid].End <= offset {
			lo = mid + 1
		} else {
			hi = mid
		}
	}
	if lo < len(paras) && paras[lo].Start <= offset+1 {
		return lo + 1
	}
	return 0
}
