package main

import (
	"slices"
	"strings"
)

// pred is one drafted attribution in characters.
type pred struct {
	quote   bool
	content []span
	mention []span // empty when the draft names no speaker mention
	rule    string
}

// overlap is the characters two sets of parts share, divided by the larger
// of their total lengths (all parts counted).
func overlap(a, b []span) float64 {
	la, lb := total(a), total(b)
	if la == 0 || lb == 0 {
		return 0
	}
	shared := 0
	for _, x := range a {
		for _, y := range b {
			shared += max(0, min(x.e, y.e)-max(x.s, y.s))
		}
	}
	return float64(shared) / float64(max(la, lb))
}

func total(parts []span) int {
	n := 0
	for _, p := range parts {
		n += p.len()
	}
	return n
}

func touches(a, b []span) bool {
	for _, x := range a {
		for _, y := range b {
			if min(x.e, y.e) > max(x.s, y.s) {
				return true
			}
		}
	}
	return false
}

// tally counts one comparison over a set of articles.
type tally struct {
	gold, pred, matched int
	speakerRight        int // of matched pairs, those whose mention touches the gold source
}

func (t *tally) add(u tally) {
	t.gold += u.gold
	t.pred += u.pred
	t.matched += u.matched
	t.speakerRight += u.speakerRight
}

func (t tally) precision() float64 { return ratio(t.matched, t.pred) }
func (t tally) recall() float64    { return ratio(t.matched, t.gold) }
func (t tally) f1() float64 {
	p, r := t.precision(), t.recall()
	if p+r == 0 {
		return 0
	}
	return 2 * p * r / (p + r)
}
func (t tally) speaker() float64 { return ratio(t.speakerRight, t.matched) }

func ratio(a, b int) float64 {
	if b == 0 {
		return 0
	}
	return float64(a) / float64(b)
}

// pair is a gold and a draft that match.
type pair struct {
	g, p int
	ov   float64
}

// match pairs golds and drafts whose content overlap is at least min, the
// best overlaps first, each gold and each draft used at most once.
func match(golds []gold, preds []pred, minOverlap float64) []pair {
	var cands []pair
	for gi, g := range golds {
		for pi, p := range preds {
			if ov := overlap(g.content, p.content); ov >= minOverlap && ov > 0 {
				cands = append(cands, pair{gi, pi, ov})
			}
		}
	}
	slices.SortStableFunc(cands, func(a, b pair) int {
		switch {
		case a.ov > b.ov:
			return -1
		case a.ov < b.ov:
			return 1
		}
		return 0
	})
	usedG := make([]bool, len(golds))
	usedP := make([]bool, len(preds))
	var out []pair
	for _, c := range cands {
		if usedG[c.g] || usedP[c.p] {
			continue
		}
		usedG[c.g], usedP[c.p] = true, true
		out = append(out, c)
	}
	return out
}

// score compares one article's drafts with its gold at one threshold.
func score(golds []gold, preds []pred, minOverlap float64) (tally, []pair) {
	pairs := match(golds, preds, minOverlap)
	t := tally{gold: len(golds), pred: len(preds), matched: len(pairs)}
	for _, m := range pairs {
		if speakerRight(golds[m.g], preds[m.p]) {
			t.speakerRight++
		}
	}
	return t, pairs
}

// speakerRight: the draft's speaker mention overlaps the gold source; when
// the gold has no source, the draft must name none either.
func speakerRight(g gold, p pred) bool {
	if len(g.source) == 0 {
		return len(p.mention) == 0
	}
	return touches(g.source, p.mention)
}

// quoteMarks are the marks a direct quote's gold content begins with.
const quoteMarks = "\"“”„«»‟"

// isDirect tells whether a gold attribution is a direct quote: its content
// begins with a quote mark (or with two apostrophes, the double quote mark
// of texts typed without one: ”We will,” he said).
func isDirect(g gold, text []rune) bool {
	if len(g.content) == 0 {
		return false
	}
	s := g.content[0].s
	for _, c := range g.content {
		s = min(s, c.s)
	}
	if s >= len(text) {
		return false
	}
	// (annotations of such texts sometimes start at the second apostrophe)
	return strings.ContainsRune(quoteMarks, text[s]) || text[s] == '\'' && (s+1 < len(text) && text[s+1] == '\'' || s > 0 && text[s-1] == '\'')

}
