package search

import (
	"context"
	"encoding/binary"
	"math"
	"slices"
	"sync"
	"unsafe"
)

// Prefix lists: the first letters of a word being typed are the costly
// keystrokes. "s" begins a thousand words found in most statements, and
// "in t" must walk every one of their postings to narrow the statements
// with "in". For each short prefix whose words are that common, the index
// keeps their postings merged into one list: each statement that has any
// of the words once, with its score for the prefix (what accumulating
// every word's postings would add, to 1 part in 65,535). A keystroke then
// reads one entry per statement instead of one per word and statement.

// prefixListLen: prefixes of one and two letters get lists.
const prefixListLen = 2

// prefixListGain: a list is kept only when its words have this many
// postings per statement in it; below, walking them costs about as much.
const prefixListGain = 1.25

type prefixLists struct {
	prefixes []string  // sorted
	off      []uint32  // entries of prefixes[i] are post[off[i]:off[i+1]]
	mid      []uint32  // where the second half of the statements starts, from off[i]
	midDoc   []uint32  // the statement before it
	scale    []float32 // a statement's score is its entry's uint16 × scale
	post     []byte    // entries: uvarint(distance from the previous statement), uint16 LE
}

// list is the index+1 of prefix p's list, or 0.
func (l *prefixLists) list(p string) int {
	i, ok := slices.BinarySearch(l.prefixes, p)
	if !ok {
		return 0
	}
	return i + 1
}

// buildPrefixLists makes the lists of the prefixes that need them. The
// scores are worked out as accumulate does for the word typed so far (the
// word itself 1, longer words weightPrefix), in float32 in the order of
// the terms, so a list differs from its postings only by its rounding.
func (ix *Index) buildPrefixLists() {
	var cands []string
	var postings []int
	for t, term := range ix.terms {
		for l := 1; l <= prefixListLen && l <= len(term); l++ {
			p := term[:l]
			if !isASCII(p) || (t > 0 && len(ix.terms[t-1]) >= l && ix.terms[t-1][:l] == p) {
				continue // not ASCII, or seen with the term before (they are sorted)
			}
			lo, hi := ix.prefixRange(p)
			if hi-lo < 2 {
				continue // one word: its postings are its list
			}
			n := 0
			for i := lo; i < hi; i++ {
				n += int(ix.df[i])
			}
			if n >= ix.tune.prefixListMin {
				cands = append(cands, p)
				postings = append(postings, n)
			}
		}
	}
	lists := make([][]byte, len(cands))
	entries := make([]int, len(cands))
	scales := make([]float32, len(cands))
	mids := make([]uint32, len(cands))
	midDocs := make([]uint32, len(cands))
	// Two at a time, each with a dense array of scores.
	var wg sync.WaitGroup
	var next sync.Mutex
	at := 0
	work := func() {
		defer wg.Done()
		acc := make([]float32, len(ix.docs))
		for {
			next.Lock()
			i := at
			at++
			next.Unlock()
			if i >= len(cands) {
				return
			}
			lists[i], entries[i], scales[i], mids[i], midDocs[i] = ix.prefixList(cands[i], postings[i], acc)
		}
	}
	wg.Add(2)
	go work()
	go work()
	wg.Wait()
	// The candidates are in sorted order (the terms are); those not
	// worth their space have no list.
	var pl prefixLists
	size := 0
	for _, b := range lists {
		size += len(b)
	}
	pl.post = make([]byte, 0, size)
	for i, b := range lists {
		if b == nil {
			continue
		}
		pl.prefixes = append(pl.prefixes, cands[i])
		pl.off = append(pl.off, uint32(len(pl.post)))
		pl.mid, pl.midDoc, pl.scale = append(pl.mid, mids[i]), append(pl.midDoc, midDocs[i]), append(pl.scale, scales[i])
		pl.post = append(pl.post, b...)
	}
	pl.off = append(pl.off, uint32(len(pl.post)))
	ix.plists = pl
}

// prefixList merges the postings of the words p begins, acc being a
// zeroed array of a score per statement (left zeroed). It returns no list
// when the words' postings are fewer than prefixListGain per statement.
func (ix *Index) prefixList(p string, postings int, acc []float32) (list []byte, entries int, scale float32, mid, midDoc uint32) {
	lo, hi := ix.prefixRange(p)
	for t := lo; t < hi; t++ {
		wt := weightPrefix
		if ix.terms[t] == p {
			wt = 1
		}
		w := float32(wt * ix.idf(int(ix.df[t])) * (bm25K1 + 1))
		it := postingIter{b: ix.post[ix.off[t]:ix.off[t+1]]}
		for {
			doc, tf, ok := it.next()
			if !ok {
				break
			}
			if tf == 1 {
				acc[doc] += w * ix.inv1[doc]
			} else {
				acc[doc] += w * ix.tfPart(doc, tf)
			}
		}
	}
	var most float32
	for _, v := range acc {
		most = max(most, v)
		if v != 0 {
			entries++
		}
	}
	if float64(postings) < prefixListGain*float64(entries) {
		clear(acc)
		return nil, 0, 0, 0, 0
	}
	entries = 0
	scale = most / math.MaxUint16
	if scale == 0 {
		scale = 1
	}
	last := uint32(0)
	mid = math.MaxUint32
	for doc, v := range acc {
		if v == 0 {
			continue
		}
		acc[doc] = 0
		if uint32(doc) >= ix.split && mid == math.MaxUint32 {
			mid, midDoc = uint32(len(list)), last
		}
		q := min(max(math.Round(float64(v/scale)), 1), math.MaxUint16)
		entries++
		list = appendUvarint(list, uint64(uint32(doc)-last))
		list = binary.LittleEndian.AppendUint16(list, uint16(q))
		last = uint32(doc)
	}
	if mid == math.MaxUint32 {
		mid, midDoc = uint32(len(list)), last
	}
	return list, entries, scale, mid, midDoc
}

// walkList adds the entries of list li (index+1) in half h, as walk adds
// postings.
func (ix *Index) walkList(ctx context.Context, a *accumulator, li, h int) {
	l := &ix.plists
	i := li - 1
	b := l.post[l.off[i]:l.off[i+1]]
	doc := uint32(0)
	if h == 0 {
		b = b[:l.mid[i]]
	} else {
		b, doc = b[l.mid[i]:], l.midDoc[i]
	}
	scale := l.scale[i] * scoreUnit
	for at := 0; at < len(b); {
		// 64k entries at a time, to notice a stale search.
		at, doc = a.walkImpacts(b, at, doc, scale, 1<<16)
		if at < len(b) && ctx.Err() != nil {
			return
		}
	}
}

// walkImpacts is walk for a prefix list; scale is in scoreUnits.
func (a *accumulator) walkImpacts(b []byte, i int, doc uint32, scale float32, limit int) (int, uint32) {
	mark, score := a.mark, a.score
	j, next := a.j, a.j+1
	for ; i+2 < len(b) && limit > 0; limit-- {
		v := uint64(b[i])
		if v < 0x80 {
			i++
		} else {
			var n int
			v, n = uvarint(b[i:])
			i += n
		}
		if i+2 > len(b) {
			return len(b), doc // damaged: end the list
		}
		d := doc + uint32(v)
		q := uint16(b[i]) | uint16(b[i+1])<<8
		i += 2
		doc = d
		if int(d) >= len(mark) {
			return len(b), doc
		}
		switch a.mode {
		case accFirst:
			if mark[d] != 0 {
				break
			}
			mark[d] = 1
			a.cand = append(a.cand, d)
		case accNarrow:
			if m := mark[d]; m == j {
				mark[d] = next
			} else if m != next {
				continue
			}
		default:
			if m := mark[d]; m == j {
				mark[d] = next
				a.cand = append(a.cand, d)
			} else if m != next {
				continue
			}
		}
		score[d] += uint32(float32(q)*scale + 0.5)
	}
	return i, doc
}

// prefixListsFromCache checks and takes the lists of a cache.
func prefixListsFromCache(n int, split uint32, blob []byte, poff, off, mid, midDoc []uint32, scale []float32, post []byte) (prefixLists, error) {
	np := len(scale)
	if len(poff) != np+1 || len(off) != np+1 || len(mid) != np || len(midDoc) != np || (np > 0 && int(off[np]) != len(post)) {
		return prefixLists{}, errStaleCache
	}
	l := prefixLists{prefixes: make([]string, np), off: off, mid: mid, midDoc: midDoc, scale: scale, post: post}
	for i := range np {
		a, b := poff[i], poff[i+1]
		if a > b || int(b) > len(blob) || off[i] > off[i+1] || mid[i] > off[i+1]-off[i] || int(midDoc[i]) > n ||
			!(scale[i] > 0) || math.IsInf(float64(scale[i]), 0) {
			return prefixLists{}, errStaleCache
		}
		if a < b {
			l.prefixes[i] = unsafe.String(&blob[a], b-a)
		}
	}
	if !slices.IsSorted(l.prefixes) {
		return prefixLists{}, errStaleCache
	}
	return l, nil
}
