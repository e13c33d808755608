package search

import (
	"sync"
	"unicode"
	"unicode/utf8"

	"golang.org/x/text/unicode/norm"
	"golang.org/x/text/width"
)

// Search folds text before comparing it: lower case, no accents (é → e),
// no width variants (ｓｅｃ → sec). A word is a run of letters, digits and
// combining marks; every Han, kana or other ideographic character is a word
// of its own, so scripts written without spaces can be searched too.

// foldTableSize covers Latin, Greek, Cyrillic and the other alphabets where
// accents are common; runes past it take the slow path.
const foldTableSize = 0x2000

var (
	foldOnce  sync.Once
	foldTable [foldTableSize]rune // 0: not a word character; -1: slow path
)

func initFoldTable() {
	for r := rune(0); r < foldTableSize; r++ {
		if !isWordRune(r) {
			continue
		}
		s := foldSlow(r)
		if n := utf8.RuneCountInString(s); n == 1 {
			c, _ := utf8.DecodeRuneInString(s)
			foldTable[r] = c
		} else if n == 0 {
			foldTable[r] = -2 // a lone combining mark: part of a word, folds to nothing
		} else {
			foldTable[r] = -1
		}
	}
}

func isWordRune(r rune) bool {
	return unicode.IsLetter(r) || unicode.IsDigit(r) || unicode.Is(unicode.Mn, r) || unicode.Is(unicode.Mc, r)
}

// isSoloRune reports runes that make a word by themselves: ideographs and
// kana, which are written without spaces between words.
func isSoloRune(r rune) bool {
	switch {
	case r >= 0x3040 && r <= 0x30ff, // hiragana, katakana
		r >= 0x3400 && r <= 0x4dbf, // CJK extension A
		r >= 0x4e00 && r <= 0x9fff, // CJK unified ideographs
		r >= 0xf900 && r <= 0xfaff, // compatibility ideographs
		r >= 0xff66 && r <= 0xff9f, // half-width katakana
		r >= 0x20000 && r <= 0x3134f:
		return true
	}
	return false
}

// foldSlow folds one rune the general way: width, then accents, then case.
func foldSlow(r rune) string {
	s := width.Fold.String(string(r))
	s = norm.NFKD.String(s)
	out := make([]rune, 0, len(s))
	for _, c := range s {
		if unicode.Is(unicode.Mn, c) || unicode.Is(unicode.Me, c) {
			continue
		}
		switch c {
		case 'ß', 'ẞ':
			out = append(out, 's', 's')
			continue
		case 'æ', 'Æ':
			out = append(out, 'a', 'e')
			continue
		case 'œ', 'Œ':
			out = append(out, 'o', 'e')
			continue
		case 'ø', 'Ø':
			c = 'o'
		case 'đ', 'Đ':
			c = 'd'
		case 'ł', 'Ł':
			c = 'l'
		case 'ı':
			c = 'i'
		}
		out = append(out, unicode.ToLower(c))
	}
	return string(out)
}

// appendFoldRune appends the folded form of a word rune to b.
func appendFoldRune(b []byte, r rune) []byte {
	if r < foldTableSize {
		foldOnce.Do(initFoldTable)
		switch c := foldTable[r]; {
		case c > 0:
			return utf8.AppendRune(b, c)
		case c == -2:
			return b
		}
	}
	if r >= 0xff01 && r <= 0xff5e { // full-width ASCII
		return utf8.AppendRune(b, unicode.ToLower(r-0xfee0))
	}
	if isSoloRune(r) && (r < 0xff66 || r > 0xff9f) {
		return utf8.AppendRune(b, r)
	}
	return append(b, foldSlow(r)...)
}

// isFoldWordRune reports whether r belongs to a word (the fast path for ASCII is
// inlined by the wordTokenizer).
func isFoldWordRune(r rune) bool {
	if r < foldTableSize {
		foldOnce.Do(initFoldTable)
		return foldTable[r] != 0
	}
	return isWordRune(r)
}

// asciiClass is 0 for separators, else the folded byte.
var asciiClass = func() (t [128]byte) {
	for c := 0; c < 128; c++ {
		switch {
		case c >= 'a' && c <= 'z', c >= '0' && c <= '9':
			t[c] = byte(c)
		case c >= 'A' && c <= 'Z':
			t[c] = byte(c) + 'a' - 'A'
		}
	}
	return t
}()

// wordTokenizer walks the words of a text, giving each word's byte span in the
// text and its folded form. The folded form is only valid until Next is
// called again.
type wordTokenizer struct {
	s          string
	i          int
	start, end int
	buf        []byte
}

func (t *wordTokenizer) reset(s string) { t.s, t.i = s, 0 }

// next advances to the next word; it reports false at the end.
func (t *wordTokenizer) next() bool {
	s := t.s
	i := t.i
	// Skip separators.
	for i < len(s) {
		c := s[i]
		if c < utf8.RuneSelf {
			if asciiClass[c] != 0 {
				break
			}
			i++
			continue
		}
		r, n := utf8.DecodeRuneInString(s[i:])
		if isFoldWordRune(r) {
			break
		}
		i += n
	}
	if i >= len(s) {
		t.i = i
		return false
	}
	t.start = i
	b := t.buf[:0]
	for i < len(s) {
		c := s[i]
		if c < utf8.RuneSelf {
			f := asciiClass[c]
			if f == 0 {
				break
			}
			b = append(b, f)
			i++
			continue
		}
		r, n := utf8.DecodeRuneInString(s[i:])
		if !isFoldWordRune(r) {
			break
		}
		if isSoloRune(r) {
			if i > t.start {
				break // ends the word before it
			}
			b = appendFoldRune(b, r)
			i += n
			break // a word by itself
		}
		b = appendFoldRune(b, r)
		i += n
	}
	t.i, t.end, t.buf = i, i, b
	return true
}

// word is the folded form of the current word.
func (t *wordTokenizer) word() []byte { return t.buf }

// FoldWords returns the folded words of s, the form search compares.
func FoldWords(s string) []string {
	var t wordTokenizer
	t.reset(s)
	var out []string
	for t.next() {
		if len(t.buf) > 0 {
			out = append(out, string(t.buf))
		}
	}
	return out
}
