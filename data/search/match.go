package search

import (
	"context"
	"fmt"
	"math"
	"slices"
	"strings"
	"sync"
)

// Matching: the statements that have every word of a query, with their
// scores.
//
// A person types a query a letter at a time, and each keystroke is a
// search. Most keystrokes change only the last word typed (the tail):
// "after the meeting in g" and "after the meeting in ge" share four words,
// and "in t" has all of "in ". So a search keeps, in its scratch space, the
// statements its other words (the base) found with their scores, and the
// tail's on top of them: the next keystroke that keeps the base takes the
// tail off and adds its own; the next that adds a word after the tail (the
// tail then is part of its base) keeps both. Only a keystroke that changes
// the base starts from nothing. The filters are the base's first level
// (the statements that pass them), then its words, cheapest first; the
// tail comes last. A statement's text is read for the query's phrases once
// while they stay the same.
//
// Scores are fixed-point integers (scoreUnit per point): integer sums are
// the same in whatever order the words were added, so a search that goes
// on from the keystroke before gives exactly what a search from nothing
// gives, down to the order of the results.

// scoreUnit is a point of score: scores are kept to 1/65,536.
const scoreUnit = 1 << 16

// inUnits is x points in scoreUnits, rounded.
func inUnits(x float64) uint32 { return uint32(x*scoreUnit + 0.5) }

// searchScratch is one search's working space, kept between searches.
type searchScratch struct {
	mark  []uint8  // per statement: how many of the words it has (excluded: 0xff)
	score []uint32 // per statement: its score for the base words
	tail  []uint32 // per statement: its score for the tail
	// What reading a statement's text found of the phrases (phrasedKey):
	// unread, has them, lacks them; phrasedDocs lists the read ones.
	phrased     []uint8
	phrasedDocs [2][]uint32
	phrasedKey  string
	// In each half of the statements: those the base words brought in (a
	// statement stays when a later word does not have it: its mark says),
	// those the tail reached (every word), and the matches of the query.
	base, found [2][]uint32
	kept        [2][]uint32 // found itself, or keptBuf
	keptBuf     [2][]uint32
	heaps       [2][]uint32
	state       searchState
}

// searchState is what a scratch space holds when a search is done.
type searchState struct {
	valid  bool
	filter string // filterKey of the search
	base   string // wordsKey of its base words
	level  uint8  // how many base words: the mark of a statement that has them all
	all    string // wordsKey of base and tail; "" when it had no tail
}

// total is a statement's score: base and tail.
func (s *searchScratch) total(doc uint32) uint32 { return s.score[doc] + s.tail[doc] }

// clear empties half h.
func (s *searchScratch) clear(h int) {
	for _, l := range [2][]uint32{s.base[h], s.found[h]} {
		for _, doc := range l {
			s.mark[doc], s.score[doc], s.tail[doc] = 0, 0, 0
		}
	}
	s.base[h], s.found[h], s.kept[h] = s.base[h][:0], s.found[h][:0], nil
}

// unwind takes the tail off half h: the statements it reached are back at
// the base's level.
func (s *searchScratch) unwind(h int, level uint8) {
	for _, doc := range s.found[h] {
		s.mark[doc], s.tail[doc] = level, 0
	}
	s.found[h], s.kept[h] = s.found[h][:0], nil
}

// commit makes the tail part of the base in half h: the statements it
// reached are the base's, one level up, and the others are let go.
func (s *searchScratch) commit(h int, level uint8) {
	for _, doc := range s.base[h] {
		if m := s.mark[doc]; m != level+1 && m != 0xff {
			s.mark[doc], s.score[doc] = 0, 0
		}
	}
	for _, doc := range s.found[h] {
		s.mark[doc] = level + 1
		s.score[doc] += s.tail[doc]
		s.tail[doc] = 0
	}
	s.base[h], s.found[h], s.kept[h] = s.found[h], s.base[h][:0], nil
}

// What reading a statement found of a query's phrases (phrased).
const (
	phrasesUnread uint8 = iota
	phrasesFound
	phrasesLacking
)

// forgetPhrases forgets what was read of the phrases in half h.
func (s *searchScratch) forgetPhrases(h int) {
	for _, doc := range s.phrasedDocs[h] {
		s.phrased[doc] = phrasesUnread
	}
	s.phrasedDocs[h] = s.phrasedDocs[h][:0]
}

// matches is how many statements the search found.
func (s *searchScratch) matches() int { return len(s.kept[0]) + len(s.kept[1]) }

func (ix *Index) getScratch() *searchScratch {
	ix.spareMu.Lock()
	if n := len(ix.spare); n > 0 {
		s := ix.spare[n-1]
		ix.spare = ix.spare[:n-1]
		ix.spareMu.Unlock()
		return s
	}
	ix.spareMu.Unlock()
	n := len(ix.docs)
	return &searchScratch{mark: make([]uint8, n), score: make([]uint32, n), tail: make([]uint32, n), phrased: make([]uint8, n)}
}

// maxSpare is how many searches' scratch space is kept: one running, one
// being cancelled by the next keystroke.
const maxSpare = 2

// putScratch keeps s for the next search, which goes on from it: the last
// one kept is the next one given.
func (ix *Index) putScratch(s *searchScratch) {
	ix.spareMu.Lock()
	if len(ix.spare) < maxSpare {
		ix.spare = append(ix.spare, s)
	}
	ix.spareMu.Unlock()
}

// Search runs a query and returns the best limit statements (all when
// limit ≤ 0) with their matched spans.
func (ix *Index) Search(q Query, limit int) *Results {
	r, _ := ix.SearchContext(context.Background(), q, limit)
	return r
}

// SearchContext is Search that gives up, returning ctx.Err(), when ctx is
// done (a newer keystroke has made the answer stale).
func (ix *Index) SearchContext(ctx context.Context, q Query, limit int) (*Results, error) {
	defer ix.dropCold()
	res := &Results{Query: q}
	if len(q.Problems) > 0 || q.Empty() {
		return res, nil
	}
	if len(q.Words)+len(q.Phrases)*4 > maxQueryWords {
		return res, nil
	}
	p := ix.makePlan(&q)
	f := ix.compileFilter(&q)
	s := ix.getScratch()
	defer ix.putScratch(s)
	if err := ix.match(ctx, &q, &p, &f, s); err != nil {
		return nil, err
	}
	if s.matches() == 0 && len(q.Words) > 0 {
		// Nothing: try close matches for the words that are not in any
		// statement at all.
		if fp, corr := ix.typoPlan(&q, p); len(corr) > 0 {
			fp.fresh = true
			if err := ix.match(ctx, &q, &fp, &f, s); err != nil {
				return nil, err
			}
			p = fp
			res.Fuzzy, res.Corrections = true, corr
		}
	}
	res.Total = s.matches()
	res.Hits = ix.rank(&q, &p, s, limit)
	return res, nil
}

// dropCold gives back the pages of the mapped cache a search has read:
// its texts (phrases, highlighting), postings and prefix lists. They stay
// in the page cache, where the next search or screen that reads them finds
// them again; without this, a session would map more and more of the
// cache (the kernel maps a whole large folio, up to 2 MB, per fault) and
// hold it in its resident set. Giving them back takes a millisecond or
// two, so it is done behind the search, not before its answer: one
// goroutine at a time, once more when a search ends while it runs.
func (ix *Index) dropCold() {
	if ix.cold == nil {
		return
	}
	for {
		switch ix.dropping.Load() {
		case dropIdle:
			if ix.dropping.CompareAndSwap(dropIdle, dropRunning) {
				go ix.dropLoop()
				return
			}
		case dropRunning:
			if ix.dropping.CompareAndSwap(dropRunning, dropAgain) {
				return
			}
		default:
			return // it runs once more already
		}
	}
}

// The states of dropping (dropCold).
const (
	dropIdle int32 = iota
	dropRunning
	dropAgain
)

func (ix *Index) dropLoop() {
	for {
		ix.cold()
		if ix.dropping.CompareAndSwap(dropRunning, dropIdle) {
			return
		}
		ix.dropping.Store(dropRunning) // a search ended meanwhile
	}
}

// A word with more than blockTerms terms is accumulated blockDocs
// statements at a time.
const (
	blockTerms = 8
	blockDocs  = 1 << 14
)

// halfRange is the range of statements of half h.
func (ix *Index) halfRange(h int) (uint32, uint32) {
	if h == 0 {
		return 0, ix.split
	}
	return ix.split, uint32(len(ix.docs))
}

// wordsKey names a list of resolved words, whatever their order.
func wordsKey(ws []qword) string {
	keys := make([]string, len(ws))
	for i := range ws {
		w := &ws[i]
		switch {
		case w.typo:
			return "" // never gone on from
		case w.exact:
			keys[i] = "x" + w.text
		case w.prefix:
			keys[i] = "p" + w.text
		default:
			keys[i] = "w" + w.text
		}
	}
	slices.Sort(keys)
	return strings.Join(keys, "\x00")
}

// phrasesKey names a query's phrases of several words.
func phrasesKey(phrases [][]string) string {
	var b strings.Builder
	for _, ph := range phrases {
		if len(ph) > 1 {
			b.WriteString("\x01")
			b.WriteString(strings.Join(ph, " "))
		}
	}
	return b.String()
}

// filterKey names a query's filters.
func filterKey(q *Query) string {
	days := make([][2]int32, len(q.Dates))
	for i, d := range q.Dates {
		days[i][0], days[i][1] = d.Days()
	}
	return fmt.Sprint(q.Parties, q.NotParties, q.Actors, q.NotActors, q.Topics, q.NotTopics, q.Kinds, q.NotKinds, days,
		q.Acts, q.NotActs, q.Via, q.About)
}

// match leaves in s.kept every statement that matches, and its score in
// s.score and s.tail. It goes on from what the last search left in s when
// that has the same filters and the base words of this one; otherwise it
// starts from nothing. The two halves of the statements are independent,
// so a costly query runs them at once.
func (ix *Index) match(ctx context.Context, q *Query, p *plan, f *filter, s *searchScratch) error {
	s.kept = [2][]uint32{}
	if f.impossible {
		return nil
	}
	for _, w := range p.words {
		if w.matchesNothing() {
			return nil
		}
	}
	p.order()
	nb := len(p.words)
	if p.tail >= 0 {
		nb--
	}
	// Filters are the first level of the base: the statements that pass
	// them, found once for all the keystrokes that keep them.
	fl := 0
	if f.any || len(p.words) == 0 { // no words: every statement passes
		fl = 1
	}
	fkey, bkey, akey := filterKey(q), wordsKey(p.words[:nb]), ""
	if p.tail >= 0 {
		akey = wordsKey(p.words)
	}
	// Go on from the last search, or start from nothing.
	st := s.state
	from, prep := -1, (*searchScratch).clear // -1: nothing to go on from
	switch {
	case p.fresh || !st.valid || st.filter != fkey:
	case st.base == bkey && int(st.level) == nb+fl:
		from = nb
		prep = func(s *searchScratch, h int) { s.unwind(h, st.level) }
	case st.all == bkey && st.all != "":
		from = nb
		prep = func(s *searchScratch, h int) { s.commit(h, st.level) }
	}
	s.state = searchState{} // until this search is done
	if pkey := phrasesKey(q.Phrases); pkey != s.phrasedKey {
		s.forgetPhrases(0)
		s.forgetPhrases(1)
		s.phrasedKey = pkey
	}
	cost := 0
	for _, w := range p.words[max(from, 0):] {
		cost += w.cost
	}
	for _, ph := range q.Phrases {
		if len(ph) > 1 {
			cost *= 8 // candidates' texts are read to check the phrase
			break
		}
	}
	if from < 0 && fl == 1 {
		cost += len(ix.docs) / 8 // the filters are checked
	}
	if from >= 0 {
		cost += (len(s.base[0]) + len(s.base[1]) + len(s.found[0]) + len(s.found[1])) / 4 // gone on from
	}
	var errs [2]error
	run := func(h int) {
		prep(s, h)
		errs[h] = ix.matchHalf(ctx, q, p, f, s, h, from, nb, fl)
	}
	if cost >= ix.tune.parallelCost {
		var wg sync.WaitGroup
		wg.Add(1)
		go func() {
			defer wg.Done()
			run(1)
		}()
		run(0)
		wg.Wait()
	} else {
		run(0)
		if errs[0] == nil {
			run(1)
		}
	}
	if errs[0] != nil {
		return errs[0]
	}
	if errs[1] != nil {
		return errs[1]
	}
	if !p.fresh {
		s.state = searchState{valid: true, filter: fkey, base: bkey, level: uint8(nb + fl), all: akey}
	}
	return nil
}

// matchHalf matches in half h: the filters (fl is 1 when there are any,
// or no words) and the base words from the one at from (-1: the filters
// too), then the tail, then the exclusions and the phrases.
func (ix *Index) matchHalf(ctx context.Context, q *Query, p *plan, f *filter, s *searchScratch, h, from, nb, fl int) error {
	nw := len(p.words)
	list := &s.base[h]
	if from < 0 {
		from = 0
		if fl == 1 {
			ix.filterDocs(f, s, h)
		}
	}
	for j := from; j < nw; j++ {
		if err := ctx.Err(); err != nil {
			return err
		}
		score, mode := s.score, accNarrow
		if j == nb { // the tail
			score, list, mode = s.tail, &s.found[h], accReach
		}
		if j+fl == 0 {
			mode = accFirst
		}
		ix.accumulate(ctx, &p.words[j], uint8(j+fl), s.mark, score, list, mode, h)
	}
	if err := ctx.Err(); err != nil {
		return err
	}
	// The matches: every statement that has all the words, but the
	// excluded (marked so for a moment) and those without the phrases.
	full := uint8(nw + fl)
	for _, t := range p.exclude {
		it := ix.halfPostings(t, h)
		for {
			doc, _, ok := it.next()
			if !ok {
				break
			}
			if s.mark[doc] == full {
				s.mark[doc] = 0xff
			}
		}
	}
	if len(p.exclude) > 0 {
		defer func() {
			for _, doc := range *list {
				if s.mark[doc] == 0xff {
					s.mark[doc] = full
				}
			}
		}()
	}
	needVerify := false
	for _, ph := range q.Phrases {
		needVerify = needVerify || len(ph) > 1 // a one-word phrase is its word
	}
	if list == &s.found[h] && len(p.exclude) == 0 && !needVerify {
		s.kept[h] = s.found[h] // the tail reached just the matches
		return nil
	}
	// A statement's text is read for the phrases once while they stay the
	// same (phrased), whatever else the query changes.
	var tk wordTokenizer
	var buf []byte
	joined := joinPhrases(q.Phrases)
	// A few texts are read from the file, many through the mapping (where
	// a large folio holds thousands of them).
	few := len(*list) <= 2000
	kept := s.keptBuf[h][:0]
	for i, doc := range *list {
		if i&1023 == 0 && needVerify && ctx.Err() != nil {
			return ctx.Err()
		}
		if s.mark[doc] != full {
			continue
		}
		if needVerify {
			if s.phrased[doc] == phrasesUnread {
				text := ix.docs[doc].Text
				if few {
					text = ix.textOf(doc, &buf)
				}
				s.phrased[doc] = phrasesLacking
				if ix.hasPhrases(&tk, text, q.Phrases, joined) {
					s.phrased[doc] = phrasesFound
				}
				s.phrasedDocs[h] = append(s.phrasedDocs[h], doc)
			}
			if s.phrased[doc] == phrasesLacking {
				continue
			}
		}
		kept = append(kept, doc)
	}
	s.keptBuf[h], s.kept[h] = kept, kept
	return nil
}

// filterDocs brings the statements of half h that pass the filters into
// the base, at level 1: from the lists of the parties, actors or topics
// they name when they name some, else by looking at every statement.
func (ix *Index) filterDocs(f *filter, s *searchScratch, h int) {
	mark, list := s.mark, s.base[h]
	add := func(docs []uint32) {
		for _, doc := range ix.halfOf(docs, h) {
			if mark[doc] == 0 && f.pass(ix, doc) {
				mark[doc] = 1
				list = append(list, doc)
			}
		}
	}
	switch {
	case f.parties != nil:
		for p, ok := range f.parties {
			if ok {
				add(ix.partyDocs[p])
			}
		}
	case f.actors != nil:
		for a, ok := range f.actors {
			if ok {
				add(ix.actorDocs[a])
			}
		}
	case f.topics != nil:
		byTopic := ix.docsByTopic()
		for t, ok := range f.topics {
			if ok {
				add(byTopic[t])
			}
		}
	default:
		lo, hi := ix.halfRange(h)
		if f.kinds != 0 || len(f.dates) > 0 {
			// The cheap checks first, in a loop of their own.
			kinds, dates, kind, dstart, dend := f.kinds, f.dates, ix.kind, ix.dstart, ix.dend
			for doc := lo; doc < hi; doc++ {
				if kinds != 0 && kinds&(1<<kind[doc]) == 0 {
					continue
				}
				if len(dates) > 0 {
					ds, de, in := dstart[doc], dend[doc], false
					for _, d := range dates {
						if ds != noDay && de >= d[0] && ds <= d[1] {
							in = true
							break
						}
					}
					if !in {
						continue
					}
				}
				if f.pass(ix, doc) {
					mark[doc] = 1
					list = append(list, doc)
				}
			}
			break
		}
		for doc := lo; doc < hi; doc++ {
			if f.pass(ix, doc) {
				mark[doc] = 1
				list = append(list, doc)
			}
		}
	}
	s.base[h] = list
}

// docsByTopic lists the statements by topic (by index in topics), in
// order: made the first time a filter names topics.
func (ix *Index) docsByTopic() [][]uint32 {
	ix.topicDocsOnce.Do(func() {
		counts := make([]int, len(ix.topics))
		for _, t := range ix.topicIx {
			counts[t]++
		}
		all := make([]uint32, len(ix.topicIx))
		ix.topicDocs = make([][]uint32, len(ix.topics))
		at := 0
		for t, n := range counts {
			ix.topicDocs[t] = all[at : at : at+n]
			at += n
		}
		for doc := range len(ix.docs) {
			for _, t := range ix.topicIx[ix.topicOff[doc]:ix.topicOff[doc+1]] {
				if l := ix.topicDocs[t]; len(l) == 0 || l[len(l)-1] != uint32(doc) {
					ix.topicDocs[t] = append(l, uint32(doc))
				}
			}
		}
	})
	return ix.topicDocs
}

// halfPostings walks the postings of a term that fall in half h.
func (ix *Index) halfPostings(term, h int) postingIter {
	b := ix.post[ix.off[term]:ix.off[term+1]]
	if h == 0 {
		return postingIter{b: b[:ix.mid[term]]}
	}
	return postingIter{b: b[ix.mid[term]:], doc: ix.midDoc[term]}
}

// halfOf is the part of a sorted list of statements in half h.
func (ix *Index) halfOf(docs []uint32, h int) []uint32 {
	i, _ := slices.BinarySearch(docs, ix.split)
	if h == 0 {
		return docs[:i]
	}
	return docs[i:]
}

// accumulate adds word j's matches in half h to score: the first word
// brings the statements into list; each later one keeps those it also
// matches, and the tail (accReach) lists them.
func (ix *Index) accumulate(ctx context.Context, w *qword, j uint8, mark []uint8, score []uint32, list *[]uint32, mode uint8, h int) {
	a := accumulator{ix: ix, mark: mark, score: score, j: j, cand: *list, mode: mode}
	const all = ^uint32(0)
	terms := w.terms
	if w.list > 0 {
		ix.walkList(ctx, &a, w.list, h)
	}
	if len(terms) <= blockTerms {
		for _, t := range terms {
			it := ix.halfPostings(t.term, h)
			wt := float32(t.weight * (bm25K1 + 1) * scoreUnit)
			// 64k postings at a time, to notice a stale search.
			for it.i < len(it.b) {
				it.i, it.doc = a.walk(it.b, it.i, it.doc, all, wt, 1<<16)
				if it.i < len(it.b) && ctx.Err() != nil {
					break // stale: the caller sees ctx.Err() and gives up
				}
			}
		}
	} else {
		// A prefix with many words: walk them all a block of statements
		// at a time, so the scores being added stay in the cache.
		type cursor struct {
			it postingIter
			wt float32
		}
		cs := make([]cursor, len(terms))
		for i, t := range terms {
			cs[i] = cursor{it: ix.halfPostings(t.term, h), wt: float32(t.weight * (bm25K1 + 1) * scoreUnit)}
		}
		lo, hi := ix.halfRange(h)
		for start := lo; start < hi; start += blockDocs {
			if ctx.Err() != nil {
				break // stale: the caller sees ctx.Err() and gives up
			}
			end := min(start+blockDocs, hi)
			for i := range cs {
				c := &cs[i]
				c.it.i, c.it.doc = a.walk(c.it.b, c.it.i, c.it.doc, end, c.wt, math.MaxInt)
			}
		}
	}
	cand, next := a.cand, j+1
	if w.spDocs > 0 {
		sw := inUnits(w.speakerW)
		visit := func(doc uint32) {
			switch m := mark[doc]; {
			case m == j:
				if j == 0 || mode == accReach {
					cand = append(cand, doc)
				}
				mark[doc] = next
			case m != next:
				return
			}
			score[doc] += sw
		}
		for a, ok := range w.actors {
			if ok {
				for _, doc := range ix.halfOf(ix.actorDocs[a], h) {
					visit(doc)
				}
			}
		}
		for pi, ok := range w.parties {
			if ok {
				for _, doc := range ix.halfOf(ix.partyDocs[pi], h) {
					if a := ix.actor[doc]; a != 0 && w.actors != nil && w.actors[a-1] {
						continue
					}
					visit(doc)
				}
			}
		}
	}
	*list = cand
}

// accumulator adds one word's postings to the scores: the first word
// brings the candidates (accFirst; with filters, they are the first level
// and no word is first), each later one keeps those it also matches
// (accNarrow), and the tail lists those it keeps (accReach).
type accumulator struct {
	ix    *Index
	mark  []uint8
	score []uint32
	cand  []uint32
	j     uint8
	mode  uint8
}

const (
	accFirst uint8 = iota
	accNarrow
	accReach
)

// walk adds at most limit postings in b from byte i, the one before being
// doc, stopping at the first for a statement at or past end, which it
// leaves unread; it returns where it stopped. wt is the word's weight in
// scoreUnits.
func (a *accumulator) walk(b []byte, i int, doc, end uint32, wt float32, limit int) (int, uint32) {
	mark, score, inv1 := a.mark, a.score, a.ix.inv1
	j, next := a.j, a.j+1
	for ; i < len(b) && limit > 0; limit-- {
		// One posting: the gap to the previous statement shifted left,
		// its low bit set when a count above one follows.
		at, v := i, uint64(b[i])
		if v < 0x80 {
			i++
		} else {
			var n int
			v, n = uvarint(b[i:])
			i += n
		}
		d := doc + uint32(v>>1)
		tf := uint32(1)
		if v&1 != 0 {
			t, n := uvarint(b[i:])
			i += n
			tf = uint32(t)
		}
		if d >= end {
			return at, doc
		}
		doc = d
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
		if tf == 1 {
			score[d] += uint32(wt*inv1[d] + 0.5)
		} else {
			score[d] += uint32(wt*a.ix.tfPart(d, tf) + 0.5)
		}
	}
	return i, doc
}

// tfPart is BM25's saturated count for a count above one, tf/(tf+norm).
// With x = inv1 = 1/(1+norm) it is tf·x/(1+(tf-1)·x): one division, not
// two, which matters for words said several times in most statements.
func (ix *Index) tfPart(doc, tf uint32) float32 {
	if tf == 2 {
		return ix.inv2[doc]
	}
	ftf, x := float32(tf), ix.inv1[doc]
	return ftf * x / (1 + (ftf-1)*x)
}
