package extract

import (
	"strings"
	"unicode"
	"unicode/utf8"
)

// tkind is what a token is.
type tkind uint8

const (
	tWord   tkind = iota
	tPunct        // , . ; : ! ? ( ) — and the like
	tOpen         // an opening double quote mark: “ „ «
	tClose        // a closing double quote mark: ” »
	tAmb          // a straight double quote ", opening or closing by position
	tSingle       // a single quote mark that is not an apostrophe
)

// tok is one token of the text with where it stands.
type tok struct {
	s, e int
	k    tkind
	lw   string // the word in lower case; the mark itself for punctuation
	cap  bool   // a word that starts with an upper-case letter
	para int    // paragraph number, from 0
	sent int    // sentence number over the whole text, from 0
}

// doc is one text being read: its tokens, paragraphs, sentences and
// quotes, the people met so far, and the attributions drafted.
type doc struct {
	text  string
	opt   Options
	toks  []tok
	sents []sentence
	quots []quote
	// inQuote[i] is the index of the quote token i stands inside, or -1.
	inQuote []int
	ents    *entities
	out     []*draft
	// claimed[i] is true once token i is part of a drafted content.
	claimed []bool
}

// sentence is a run of tokens [from, to).
type sentence struct{ from, to int }

func newDoc(text string, opt Options) *doc {
	d := &doc{text: text, opt: opt}
	d.tokenize()
	d.splitSentences()
	d.pairQuotes()
	d.claimed = make([]bool, len(d.toks))
	d.ents = newEntities(opt.Known)
	return d
}

func isQuoteRune(r rune) bool {
	switch r {
	case '"', '“', '”', '„', '«', '»', '‟':
		return true
	}
	return false
}

func isApos(r rune) bool { return r == '\'' || r == '’' || r == '‘' || r == 'ʼ' }

// tokenize splits the text into words, punctuation and quote marks, and
// numbers the paragraphs (separated by a blank line).
func (d *doc) tokenize() {
	s := d.text
	para := 0
	newlines := 0
	d.toks = make([]tok, 0, len(s)/5)
	for i := 0; i < len(s); {
		r, n := utf8.DecodeRuneInString(s[i:])
		switch {
		case r == '\n':
			newlines++
			i += n
			continue
		case unicode.IsSpace(r) || r == utf8.RuneError && n <= 1 || unicode.IsControl(r):
			i += n
			continue
		}
		if newlines >= 2 && len(d.toks) > 0 {
			para++
		}
		newlines = 0
		switch {
		case unicode.IsLetter(r) || unicode.IsDigit(r):
			e := scanWord(s, i)
			w := s[i:e]
			d.toks = append(d.toks, tok{s: i, e: e, k: tWord, lw: strings.ToLower(w), cap: unicode.IsUpper(r), para: para})
			i = e
		case isQuoteRune(r):
			k := tAmb
			switch r {
			case '“', '„', '«', '‟':
				k = tOpen
				// “ used as a closing mark: after a word or punctuation, before a space
				if r == '“' && i > 0 && !isSpaceBefore(s, i) && isSpaceAfter(s, i+n) {
					k = tClose
				}
			case '”', '»':
				k = tClose
				// ” used as an opening mark: after a space, before a letter.
				if r == '”' && (i == 0 || isSpaceBefore(s, i)) && !isSpaceAfter(s, i+n) {
					k = tAmb
				}
			}
			d.toks = append(d.toks, tok{s: i, e: i + n, k: k, lw: s[i : i+n], para: para})
			i += n
		case r == '\'' && i+1 < len(s) && s[i+1] == '\'':
			// '' is a double quote mark where a text was typed without one
			d.toks = append(d.toks, tok{s: i, e: i + 2, k: tAmb, lw: "''", para: para})
			i += 2
		case isApos(r):
			// "’s" after a word is a possessive of its own.
			if len(d.toks) > 0 && d.toks[len(d.toks)-1].e == i && d.toks[len(d.toks)-1].k == tWord {
				if j := i + n; j < len(s) && (s[j] == 's' || s[j] == 'S') && (j+1 == len(s) || !isWordByte(s[j+1])) {
					d.toks = append(d.toks, tok{s: i, e: j + 1, k: tWord, lw: "'s", para: para})
					i = j + 1
					continue
				}
			}
			d.toks = append(d.toks, tok{s: i, e: i + n, k: tSingle, lw: "'", para: para})
			i += n
		default:
			d.toks = append(d.toks, tok{s: i, e: i + n, k: tPunct, lw: s[i : i+n], para: para})
			i += n
		}
	}
}

func isWordByte(b byte) bool {
	return b >= 'a' && b <= 'z' || b >= 'A' && b <= 'Z' || b >= '0' && b <= '9' || b >= 0x80
}

func isSpaceBefore(s string, i int) bool {
	r, _ := utf8.DecodeLastRuneInString(s[:i])
	return unicode.IsSpace(r) || r == '(' || r == '['
}

func isSpaceAfter(s string, i int) bool {
	if i >= len(s) {
		return true
	}
	r, _ := utf8.DecodeRuneInString(s[i:])
	return unicode.IsSpace(r) || unicode.IsPunct(r)
}

// scanWord returns the end of the word starting at i: letters and digits,
// with inner apostrophes (don’t), hyphens (well-known), periods (U.S.,
// e.g.), commas and points in numbers (100,000; 3.5) and ampersands (AT&T).
// A possessive ’s is left for a token of its own.
func scanWord(s string, i int) int {
	e := i
	acronym := false
	for e < len(s) {
		r, n := utf8.DecodeRuneInString(s[e:])
		if unicode.IsLetter(r) || unicode.IsDigit(r) || unicode.Is(unicode.Mn, r) {
			e += n
			continue
		}
		if e+n >= len(s) {
			break
		}
		next, _ := utf8.DecodeRuneInString(s[e+n:])
		prev, _ := utf8.DecodeLastRuneInString(s[:e])
		switch {
		case isApos(r) && unicode.IsLetter(next):
			if (next == 's' || next == 'S') && (e+n+1 >= len(s) || !isWordByte(s[e+n+1])) {
				return e // possessive
			}
			e += n
			continue
		case (r == '-' || r == '&') && (unicode.IsLetter(next) || unicode.IsDigit(next)):
			e += n
			continue
		case (r == ',' || r == '.') && unicode.IsDigit(prev) && unicode.IsDigit(next):
			e += n
			continue
		case r == '.' && unicode.IsLetter(next) && unicode.IsLetter(prev) && (e-i == 1 || acronym):
			// U.S, e.g: one letter, a period, a letter.
			if j := e + n + utf8.RuneLen(next); j >= len(s) || !unicode.IsLetter(rune(s[j])) {
				acronym = true
				e += n
				continue
			}
		}
		break
	}
	// A trailing period of an acronym belongs to it (U.S.).
	if acronym && e < len(s) && s[e] == '.' {
		e++
	}
	return e
}

// splitSentences cuts each paragraph at . ! ? (and a closing quote mark or
// bracket after them) followed by a capital, a digit or a quote mark,
// unless the period ends an abbreviation or an initial.
func (d *doc) splitSentences() {
	start := 0
	sent := 0
	for i := range d.toks {
		d.toks[i].sent = sent
		end := false
		switch {
		case i+1 == len(d.toks):
			end = true
		case d.toks[i+1].para != d.toks[i].para:
			end = true
		default:
			t := d.toks[i]
			if t.k == tPunct && (t.lw == "." || t.lw == "!" || t.lw == "?" || t.lw == "…") || t.k == tClose || t.k == tAmb || t.lw == ")" {
				end = d.sentenceEndsAt(i)
			}
		}
		if end {
			d.sents = append(d.sents, sentence{start, i + 1})
			start = i + 1
			sent++
		}
	}
}

func (d *doc) sentenceEndsAt(i int) bool {
	t := d.toks[i]
	// a closing mark or bracket ends a sentence only after . ! ?
	if t.k != tPunct || t.lw == ")" {
		if i == 0 {
			return false
		}
		p := d.toks[i-1]
		if !(p.k == tPunct && (p.lw == "." || p.lw == "!" || p.lw == "?")) {
			return false
		}
	} else if i+1 < len(d.toks) {
		// . ” — the mark after the period closes the sentence instead.
		n := d.toks[i+1]
		if (n.k == tClose || n.k == tAmb || n.lw == ")") && n.s == t.e {
			return false
		}
	}
	if t.lw == "." && i > 0 {
		p := d.toks[i-1]
		if p.k == tWord && p.e == t.s && (abbreviations[p.lw] || len(p.lw) == 1 && p.cap) {
			return false
		}
	}
	n := d.toks[i+1]
	if t.k == tPunct && n.s == t.e && n.k == tWord {
		return false // "D-S.C.": no space, no new sentence
	}
	switch n.k {
	case tOpen, tAmb:
		return true
	case tWord:
		r, _ := utf8.DecodeRuneInString(d.text[n.s:])
		return unicode.IsUpper(r) || unicode.IsDigit(r)
	case tPunct:
		return n.lw == "(" || n.lw == "—" || n.lw == "-"
	}
	return false
}

// word is the text of token i.
func (d *doc) word(i int) string { return d.text[d.toks[i].s:d.toks[i].e] }

// isWord reports whether token i is the word w (lower case).
func (d *doc) isWord(i int, w string) bool {
	return i >= 0 && i < len(d.toks) && d.toks[i].k == tWord && d.toks[i].lw == w
}

// isPunct reports whether token i is the punctuation p.
func (d *doc) isPunct(i int, p string) bool {
	return i >= 0 && i < len(d.toks) && d.toks[i].k == tPunct && d.toks[i].lw == p
}

// span is the byte span of tokens [from, to).
func (d *doc) span(from, to int) Span {
	if from >= to {
		return Span{}
	}
	return Span{d.toks[from].s, d.toks[to-1].e}
}

// sentOf is the sentence of token i.
func (d *doc) sentOf(i int) sentence { return d.sents[d.toks[i].sent] }
