package edit

import (
	"strconv"
	"strings"
	"unicode"
	"unicode/utf8"

	"golang.org/x/text/unicode/norm"
)

// Ids for new records are made from text, so that a reader of the file
// knows what an id names: "Lavrov" and "Russia has no plans to attack
// Ukraine" give lavrov-russia-no-plans-to-attack.

const (
	slugWords = 6  // words kept at most
	slugBytes = 48 // bytes kept at most (cut at a word)
)

// slugSkip are words that say nothing in an id.
var slugSkip = map[string]bool{
	"a": true, "an": true, "the": true, "is": true, "are": true, "was": true, "were": true,
	"be": true, "been": true, "has": true, "have": true, "had": true, "it": true, "its": true,
	"that": true, "this": true, "will": true, "would": true, "said": true, "says": true,
}

// Slug makes an id from words: lower-cased, Latin letters without their
// accents, other scripts kept, every run of anything else one '-', at most
// six words (words that say nothing, like "the" and "has", left out) and 48
// bytes. It is "record" when nothing is left.
func Slug(words ...string) string {
	var out []string
	size := 0
	for _, w := range strings.FieldsFunc(fold(strings.Join(words, " ")), func(r rune) bool {
		return !unicode.IsLetter(r) && !unicode.IsNumber(r)
	}) {
		if slugSkip[w] {
			continue
		}
		if len(out) == slugWords || (len(out) > 0 && size+1+len(w) > slugBytes) {
			break
		}
		if len(w) > slugBytes {
			w = cutRunes(w, slugBytes)
		}
		out = append(out, w)
		size += len(w) + 1
	}
	if len(out) == 0 {
		return "record"
	}
	return strings.Join(out, "-")
}

// fold lower-cases s, drops apostrophes inside words ("Russia's" is one
// word) and the accents of Latin letters.
func fold(s string) string {
	var b strings.Builder
	var base rune
	for _, r := range norm.NFD.String(s) {
		switch {
		case unicode.Is(unicode.Mn, r):
			if base < 0x250 {
				continue
			}
		case r == '\'' || r == '’':
			continue
		default:
			base = r
		}
		b.WriteRune(unicode.ToLower(r))
	}
	return norm.NFC.String(b.String())
}

func cutRunes(s string, n int) string {
	for i, r := range s {
		if i+utf8.RuneLen(r) > n {
			return s[:i]
		}
	}
	return s
}

// UniqueID is id, or id-2, id-3, … the first that taken does not report.
func UniqueID(id string, taken func(string) bool) string {
	if !taken(id) {
		return id
	}
	for n := 2; ; n++ {
		if c := id + "-" + strconv.Itoa(n); !taken(c) {
			return c
		}
	}
}
