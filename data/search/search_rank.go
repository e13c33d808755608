package search

import (
	"cmp"
	"math/bits"
	"slices"
	"sync"

	"github.com/parley-dev/parley/data"
)

// better orders statements: higher score, then earlier date (no date last),
// then id.
func (ix *Index) better(a, b uint32, s *searchScratch) bool {
	if sa, sb := s.total(a), s.total(b); sa != sb {
		return sa > sb
	}
	return ix.tieLess(a, b)
}

// tieRank is a statement's rank among ties, when the index has them.
func (ix *Index) tieRank(doc uint32) uint32 {
	if ix.tie == nil {
		return 0
	}
	return ix.tie[doc]
}

func (ix *Index) tieLess(a, b uint32) bool {
	if ix.tie != nil {
		return ix.tie[a] < ix.tie[b]
	}
	return ix.tieOrder(a, b)
}

// tieOrder is the order of ties the tie ranks are made from.
func (ix *Index) tieOrder(a, b uint32) bool {
	if x, y := ix.dstart[a], ix.dstart[b]; x != y {
		return x < y
	}
	if x, y := ix.dend[a], ix.dend[b]; x != y {
		return x < y
	}
	if x, y := ix.docs[a].ID, ix.docs[b].ID; x != y {
		return x < y
	}
	return a < b
}

// topK returns the best k matches, best first: each half's best k (on
// both cores when there are many), then the two merged.
func (ix *Index) topK(s *searchScratch, k int) []uint32 {
	var tops [2][]uint32
	if s.matches() >= ix.tune.parallelCost && k*8 < s.matches() {
		var wg sync.WaitGroup
		wg.Add(1)
		go func() {
			defer wg.Done()
			tops[1] = ix.topKHeap(s.kept[1], s, k, &s.heaps[1])
		}()
		tops[0] = ix.topKHeap(s.kept[0], s, k, &s.heaps[0])
		wg.Wait()
	} else {
		tops[0] = ix.topKHeap(s.kept[0], s, k, &s.heaps[0])
		tops[1] = ix.topKHeap(s.kept[1], s, k, &s.heaps[1])
	}
	out := append(tops[0], tops[1]...)
	slices.SortFunc(out, ix.cmpDocs(s))
	return out[:min(k, len(out))]
}

func (ix *Index) cmpDocs(s *searchScratch) func(a, b uint32) int {
	return func(a, b uint32) int {
		if ix.better(a, b, s) {
			return -1
		}
		if ix.better(b, a, s) {
			return 1
		}
		return 0
	}
}

// topKHeap returns the best k of cand (in no order).
func (ix *Index) topKHeap(cand []uint32, s *searchScratch, k int, heap *[]uint32) []uint32 {
	if k >= len(cand) || k*8 >= len(cand) {
		out := slices.Clone(cand)
		slices.SortFunc(out, ix.cmpDocs(s))
		return out[:min(k, len(out))]
	}
	// A heap of the k best so far, worst at the root.
	h := (*heap)[:0]
	worse := func(i, j int) bool { return ix.better(h[j], h[i], s) }
	down := func(i int) {
		for {
			l := 2*i + 1
			if l >= len(h) {
				return
			}
			m := l
			if r := l + 1; r < len(h) && worse(r, l) {
				m = r
			}
			if !worse(m, i) {
				return
			}
			h[i], h[m] = h[m], h[i]
			i = m
		}
	}
	score, tail := s.score, s.tail
	// The worst in a full heap, its score and its tie rank: a statement
	// below it, or as good but after it among ties, is out.
	var floor, floorTie uint32
	for _, doc := range cand {
		if len(h) == k {
			if t := score[doc] + tail[doc]; t < floor || t == floor && ix.tie != nil && ix.tie[doc] > floorTie {
				continue
			}
		}
		if len(h) < k {
			h = append(h, doc)
			for i := len(h) - 1; i > 0; {
				parent := (i - 1) / 2
				if !worse(i, parent) {
					break
				}
				h[i], h[parent] = h[parent], h[i]
				i = parent
			}
			if len(h) == k {
				floor, floorTie = s.total(h[0]), ix.tieRank(h[0])
			}
			continue
		}
		if ix.better(doc, h[0], s) {
			h[0] = doc
			down(0)
			floor, floorTie = s.total(h[0]), ix.tieRank(h[0])
		}
	}
	*heap = h
	return slices.Clone(h)
}

// rank picks the best statements, applies the phrase boost and finds the
// spans to highlight.
func (ix *Index) rank(q *Query, p *plan, s *searchScratch, limit int) []Hit {
	n := s.matches()
	if n == 0 {
		return nil
	}
	if limit <= 0 || limit > n {
		limit = n
	}
	multi := len(p.typed) >= 2
	depth := limit
	if multi {
		depth = min(max(limit*rerankDepth, rerankMin), n)
	}
	top := ix.topK(s, depth)
	hits := make([]Hit, len(top))
	// Each hit's text is read for its spans: many, on both cores.
	fill := func(from, to int) {
		var tk wordTokenizer
		var buf []byte
		for i := from; i < to; i++ {
			doc := top[i]
			h := &hits[i]
			h.Statement = ix.docs[doc]
			h.Score = float64(s.total(doc)) / scoreUnit
			var pairs int
			if i < limit || multi {
				// Below the limit only the pairs count (for the phrase
				// boost): no spans are kept.
				h.Spans, pairs = ix.spans(&tk, q, p, ix.textOf(doc, &buf), multi, i < limit)
			}
			if multi && pairs > 0 {
				h.Score *= 1 + phraseBoost*float64(pairs)/float64(len(p.typed)-1)
			}
			for j := range p.words {
				if p.words[j].spDocs > 0 && p.words[j].speakerMatch(ix, doc) {
					h.SpeakerMatch = true
					break
				}
			}
		}
	}
	if n := len(top); n >= 200 {
		var wg sync.WaitGroup
		wg.Add(1)
		go func() {
			defer wg.Done()
			fill(n/2, n)
		}()
		fill(0, n/2)
		wg.Wait()
	} else {
		fill(0, n)
	}
	if multi {
		order := make([]int, len(hits))
		for i := range order {
			order[i] = i
		}
		slices.SortStableFunc(order, func(a, b int) int {
			if c := cmp.Compare(hits[b].Score, hits[a].Score); c != 0 {
				return c
			}
			if ix.tieLess(top[a], top[b]) {
				return -1
			}
			if ix.tieLess(top[b], top[a]) {
				return 1
			}
			return 0
		})
		sorted := make([]Hit, limit)
		var tk wordTokenizer
		var buf []byte
		for i := range sorted {
			sorted[i] = hits[order[i]]
			if order[i] >= limit {
				// Boosted from below the limit: its spans now.
				sorted[i].Spans, _ = ix.spans(&tk, q, p, ix.textOf(top[order[i]], &buf), false, true)
			}
		}
		hits = sorted
	}
	return hits[:limit]
}

// spans finds what to highlight in text: every word a typed query word
// matches and every occurrence of a phrase. It also counts the pairs of typed words
// found next to each other in the order typed.
func (ix *Index) spans(t *wordTokenizer, q *Query, p *plan, text string, pairs, keep bool) ([]data.Span, int) {
	var out []data.Span
	t.reset(text)
	var prev uint64
	var found uint64
	typed := p.typed
	if len(typed) > 64 {
		typed = typed[:64]
	}
	for t.next() {
		w := t.word()
		if len(w) == 0 {
			continue
		}
		var cur uint64
		hit := false
		for _, i := range p.typed {
			if ix.wordMatches(&p.words[i], w) {
				hit = true
				break
			}
		}
		if hit {
			if keep {
				out = append(out, data.Span{Start: t.start, End: t.end})
			}
			if pairs {
				for k, wi := range typed {
					if ix.wordMatches(&p.words[wi], w) {
						cur |= 1 << k
					}
				}
				found |= prev & (cur >> 1)
			}
		}
		prev = cur
	}
	if !keep {
		return nil, countBits(found)
	}
	for _, ph := range q.Phrases {
		out = findPhrase(t, text, ph, out, true)
	}
	return mergeSpans(out), countBits(found)
}

func countBits(x uint64) int {
	n := 0
	for ; x != 0; x &= x - 1 {
		n++
	}
	return n
}

// wordMatches reports whether the folded word w is one the query word
// accepts in text.
func (ix *Index) wordMatches(q *qword, w []byte) bool {
	switch {
	case q.typo:
		for _, t := range q.terms {
			if ix.terms[t.term] == string(w) {
				return true
			}
		}
		return false
	case q.prefix:
		if len(w) >= len(q.text) && string(w[:len(q.text)]) == q.text {
			return true
		}
	case string(w) == q.text:
		return true
	}
	// Another form of the word (by stem), highlighted as written.
	for _, f := range q.forms {
		if f == string(w) {
			return true
		}
	}
	return false
}

// mergeSpans sorts spans and joins those that overlap.
func mergeSpans(s []data.Span) []data.Span {
	if len(s) < 2 {
		return s
	}
	slices.SortFunc(s, func(a, b data.Span) int { return cmp.Or(cmp.Compare(a.Start, b.Start), cmp.Compare(a.End, b.End)) })
	out := s[:1]
	for _, x := range s[1:] {
		last := &out[len(out)-1]
		if x.Start <= last.End {
			last.End = max(last.End, x.End)
			continue
		}
		out = append(out, x)
	}
	return out
}

// typoPlan replaces each typed word that is in no statement by the close
// words that are. It returns no corrections when there is nothing to try.
func (ix *Index) typoPlan(q *Query, p plan) (plan, []Correction) {
	np := plan{typed: slices.Clone(p.typed), tail: p.tail, exclude: p.exclude}
	np.words = make([]qword, len(p.words))
	copy(np.words, p.words)
	var corr []Correction
	isTyped := make([]bool, len(p.words))
	for _, i := range p.typed {
		isTyped[i] = true
	}
	for i := range np.words {
		w := &np.words[i]
		if !isTyped[i] || !w.matchesNothing() {
			continue
		}
		terms := ix.closeTerms(w.text, w.prefix)
		nw := qword{text: w.text, prefix: w.prefix, typo: true}
		c := Correction{Word: w.text}
		// A misspelt speaker: "stoltenbreg".
		names := ix.closeSpeakers(&nw)
		if len(terms) == 0 && len(names) == 0 {
			continue
		}
		c.Terms = append(c.Terms, names...)
		for _, t := range terms {
			nw.terms = append(nw.terms, qterm{t, weightTypo * ix.idf(int(ix.df[t]))})
			if len(c.Terms) < 5 {
				c.Terms = append(c.Terms, ix.terms[t])
			}
		}
		nw.setCost(ix)
		*w = nw
		corr = append(corr, c)
	}
	return np, corr
}

// closeSpeakers points the word at the speakers and parties with a name
// word within a few edits of it, and returns those words.
func (ix *Index) closeSpeakers(w *qword) []string {
	wr := []rune(w.text)
	k := maxTypos(len(wr))
	if k == 0 || len(wr) > 32 {
		return nil
	}
	var names []string
	close := func(words []string) bool {
		for _, x := range words {
			xr := []rune(x)
			if w.prefix && len(xr) > len(wr) {
				xr = xr[:len(wr)]
			}
			if data.EditDistance(wr, xr, k) <= k {
				if !slices.Contains(names, x) {
					names = append(names, x)
				}
				return true
			}
		}
		return false
	}
	ix.markSpeakers(w, close)
	return names
}

// maxTypos is how many edits a word of n letters may have.
func maxTypos(n int) int {
	switch {
	case n < 4:
		return 0
	case n < 8:
		return 1
	}
	return 2
}

// closeTerms lists the terms within a few edits of w (for a word being
// typed, of the start of the term), most frequent first, at most 16.
func (ix *Index) closeTerms(w string, prefix bool) []int {
	wr := []rune(w)
	k := maxTypos(len(wr))
	if k == 0 || len(wr) > 32 {
		return nil
	}
	type cand struct{ term, dist int }
	var found []cand
	var buf []rune
	var rows [3][66]int
	ascii := len(wr) == len(w)
	ix.maskOnce.Do(func() {
		ix.masks = make([]uint32, len(ix.terms))
		for t, term := range ix.terms {
			ix.masks[t] = letterMask(term)
		}
	})
	wm := letterMask(w)
	for t, term := range ix.terms {
		// Each edit adds at most one letter and removes at most one, so
		// the letter sets tell most terms apart without the distance.
		if prefix {
			if bits.OnesCount32(wm&^ix.masks[t]) > k {
				continue
			}
		} else if bits.OnesCount32(wm^ix.masks[t]) > 2*k {
			continue
		}
		best := k + 1
		if ascii && isASCII(term) {
			// The common case, without converting to runes.
			if prefix {
				for l := len(w) - k; l <= len(w)+k; l++ {
					if l >= 1 && l <= len(term) {
						best = min(best, osaBytes(w, term[:l], k, &rows))
					}
				}
			} else if absInt(len(term)-len(w)) <= k {
				best = osaBytes(w, term, k, &rows)
			}
		} else {
			if !prefix && (len(term) > 4*(len(wr)+k) || len(term)+k < len(wr)) {
				continue
			}
			buf = buf[:0]
			for _, r := range term {
				buf = append(buf, r)
			}
			if prefix {
				for l := len(wr) - k; l <= len(wr)+k; l++ {
					if l >= 1 && l <= len(buf) {
						best = min(best, data.EditDistance(wr, buf[:l], k))
					}
				}
			} else if absInt(len(buf)-len(wr)) <= k {
				best = data.EditDistance(wr, buf, k)
			}
		}
		if best <= k {
			found = append(found, cand{t, best})
		}
	}
	slices.SortFunc(found, func(a, b cand) int {
		return cmp.Or(cmp.Compare(a.dist, b.dist), cmp.Compare(ix.df[b.term], ix.df[a.term]), cmp.Compare(a.term, b.term))
	})
	if len(found) > 16 {
		found = found[:16]
	}
	out := make([]int, len(found))
	for i, c := range found {
		out[i] = c.term
	}
	slices.SortFunc(out, func(a, b int) int { return cmp.Or(cmp.Compare(ix.df[b], ix.df[a]), cmp.Compare(a, b)) })
	return out
}

// letterMask has a bit for each letter in s (non-ASCII letters share
// bits); one edit changes at most two bits.
func letterMask(s string) uint32 {
	var m uint32
	for _, r := range s {
		switch {
		case r >= 'a' && r <= 'z':
			m |= 1 << (r - 'a')
		case r >= '0' && r <= '9':
			m |= 1 << (26 + (r-'0')%3)
		default:
			m |= 1 << (29 + r%3)
		}
	}
	return m
}

func isASCII(s string) bool {
	for i := 0; i < len(s); i++ {
		if s[i] >= 0x80 {
			return false
		}
	}
	return true
}

// osaBytes is osaDistance for ASCII strings of up to 64 bytes, in rows
// the caller provides.
func osaBytes(a, b string, limit int, rows *[3][66]int) int {
	if absInt(len(a)-len(b)) > limit {
		return limit + 1
	}
	if len(b) > 64 || len(a) > 64 {
		return data.EditDistance([]rune(a), []rune(b), limit)
	}
	n := len(b)
	prev2, prev, cur := rows[0][:n+1], rows[1][:n+1], rows[2][:n+1]
	for j := range prev {
		prev[j] = j
	}
	for i := 1; i <= len(a); i++ {
		cur[0] = i
		rowMin := i
		ai := a[i-1]
		for j := 1; j <= n; j++ {
			cost := 1
			if ai == b[j-1] {
				cost = 0
			}
			v := min(prev[j]+1, cur[j-1]+1, prev[j-1]+cost)
			if i > 1 && j > 1 && ai == b[j-2] && a[i-2] == b[j-1] {
				v = min(v, prev2[j-2]+1)
			}
			cur[j] = v
			rowMin = min(rowMin, v)
		}
		if rowMin > limit {
			return limit + 1
		}
		prev2, prev, cur = prev, cur, prev2
	}
	if prev[n] > limit {
		return limit + 1
	}
	return prev[n]
}

func absInt(x int) int {
	if x < 0 {
		return -x
	}
	return x
}

// buildTies ranks every statement in the order of ties, so that ordering
// two is one comparison (a query of filters alone ties them all).
func (ix *Index) buildTies() {
	order := make([]uint32, len(ix.docs))
	for i := range order {
		order[i] = uint32(i)
	}
	slices.SortFunc(order, func(a, b uint32) int {
		if ix.tieOrder(a, b) {
			return -1
		}
		if ix.tieOrder(b, a) {
			return 1
		}
		return 0
	})
	tie := make([]uint32, len(order))
	for rank, doc := range order {
		tie[doc] = uint32(rank)
	}
	ix.tie = tie
}
