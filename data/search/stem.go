package search

import (
	"crypto/sha256"
	"encoding/hex"
	"slices"
	"strings"
	"sync"

	"github.com/kljensen/snowball/english"
)

// Words in any form. A typed word finds the other forms of the same word
// ("negotiate" finds "negotiations", "attacking" finds "attack"): every
// folded word of the index has an English Snowball stem, and a query word
// accepts every word that shares its stem. The form typed counts fully;
// another form counts weightStem, so that of two statements alike, the one
// with the word as typed ranks first. Words in quotes ("exact" or a
// "whole phrase") are matched as written, never by stem.

// weightStem is how much another form of the word counts, against 1 for
// the word as typed (and weightPrefix for a longer word being typed).
const weightStem = 0.8

// stemOf is the English stem of a folded word. Only words of the letters
// a–z are stemmed: a word with digits, or in another alphabet, is its own
// stem (the English rules would only mangle it).
func stemOf(w string) string {
	if len(w) < 3 {
		return w
	}
	for i := 0; i < len(w); i++ {
		if c := w[i]; c < 'a' || c > 'z' {
			return w
		}
	}
	return english.Stem(w, false)
}

// stemTable lists, for every stem, the terms that have it.
type stemTable struct {
	stems   []string // sorted
	off     []uint32 // terms of stems[i] are terms[off[i]:off[i+1]]
	termsOf []uint32 // term indexes, in order within a stem
}

// buildStems stems every term (sorted) of the index.
func buildStems(terms []string) stemTable {
	type pair struct {
		stem string
		term uint32
	}
	pairs := make([]pair, len(terms))
	// Stemming is the costly part (a few microseconds a word): both cores.
	var wg sync.WaitGroup
	half := len(terms) / 2
	stemRange := func(lo, hi int) {
		defer wg.Done()
		for i := lo; i < hi; i++ {
			pairs[i] = pair{stemOf(terms[i]), uint32(i)}
		}
	}
	wg.Add(2)
	go stemRange(0, half)
	go stemRange(half, len(terms))
	wg.Wait()
	slices.SortFunc(pairs, func(a, b pair) int {
		if c := strings.Compare(a.stem, b.stem); c != 0 {
			return c
		}
		return int(a.term) - int(b.term)
	})
	var t stemTable
	t.termsOf = make([]uint32, len(pairs))
	for i, p := range pairs {
		if i == 0 || p.stem != pairs[i-1].stem {
			t.stems = append(t.stems, p.stem)
			t.off = append(t.off, uint32(i))
		}
		t.termsOf[i] = p.term
	}
	t.off = append(t.off, uint32(len(pairs)))
	return t
}

// group is the terms that share the stem of w (nil when none does).
func (t *stemTable) group(w string) []uint32 {
	i, ok := slices.BinarySearch(t.stems, stemOf(w))
	if !ok {
		return nil
	}
	return t.termsOf[t.off[i]:t.off[i+1]]
}

// stemFingerprint names the stemming and folding this build does, for the
// search cache: a cache written by a build that stems or folds any word
// differently is rebuilt, whatever its format number says.
var stemFingerprint = sync.OnceValue(func() string {
	h := sha256.New()
	for _, w := range []string{
		"negotiate", "negotiations", "negotiating", "attacking", "attacks", "security", "securities",
		"sovereignty", "generously", "running", "ponies", "caresses", "agreed", "relational",
		"hopeful", "electricity", "dying", "skies", "news", "guaranteeing", "sanctioned", "nato",
	} {
		h.Write([]byte(w + "=" + stemOf(w) + ";"))
	}
	h.Write([]byte(strings.Join(FoldWords("Sécurité ｎａｔｏ İstanbul Straße Ærø 東京 Кремль"), "|")))
	return hex.EncodeToString(h.Sum(nil)[:8])
})
