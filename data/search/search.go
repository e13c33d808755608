package search

import (
	"cmp"
	"math"
	"slices"
	"strings"
	"sync"
	"sync/atomic"
	"unicode/utf8"

	"github.com/parley-dev/parley/data"
)

// Index finds statements by the words in them. It is an inverted index
// over the folded words of every statement's text: for each distinct word,
// the statements that contain it (delta- and varint-encoded, with the
// word's count), plus a few bytes per statement for the filters, the length
// normalisation and the order of ties. It never changes after it is built
// and is safe for concurrent searches.
type Index struct {
	d    *data.Dossier
	docs []*data.Statement

	terms []string // sorted folded words
	off   []uint32 // postings of terms[i] are post[off[i]:off[i+1]]
	post  []byte
	df    []uint32 // statements containing terms[i]
	// The statements are split in two halves, searched at once on two
	// cores: postings of terms[i] for statements from split on start at
	// byte mid[i] of its list, after statement midDoc[i].
	split  uint32
	mid    []uint32
	midDoc []uint32

	// The BM25 term-frequency factor tf/(tf+norm), norm = k1·(1−b+b·len/avglen),
	// worked out for a word seen once (inv1) and twice (inv2); above that
	// norm is recovered as 1/inv1−1.
	inv1     []float32
	inv2     []float32
	dstart   []int32  // first day of the statement's date, or noDay
	dend     []int32  // last day
	kind     []uint8  // kindOther, kindQuote, kindReported, kindAccount
	party    []uint16 // index in parties+1; 0 for none
	actor    []uint32 // index in actors+1; 0 for none
	topicOff []uint32 // topics of docs[i] are topicIx[topicOff[i]:topicOff[i+1]]
	topicIx  []uint32

	parties    []*data.Party
	actors     []*data.Actor
	topics     []*data.Topic
	partyIx    map[string]int
	actorIx    map[string]int
	topicIxOf  map[string]int
	partyDocs  [][]uint32 // statements by party index
	actorDocs  [][]uint32 // statements by actor index
	actorWords [][]string // folded words of each actor's name
	partyWords [][]string // folded words of each party's id, name and short name

	// spare holds scratch space between searches. Not a sync.Pool: that
	// is emptied by every collection, and a million statements' scratch
	// (5 MB, and lists of candidates) made anew is garbage and page faults
	// on the next keystroke.
	spareMu sync.Mutex
	spare   []*searchScratch

	stems  stemTable   // the terms of each stem: words in any form
	plists prefixLists // merged postings of the commonest short prefixes
	tie    []uint32    // each statement's rank in the order of ties (date, id)
	// cold, when the index lies in a mapped cache, gives back the pages
	// of its texts, postings and prefix lists; dropping says whether it is
	// running (dropCold).
	cold     func()
	dropping atomic.Int32
	texts    *textFile // the texts in the mapped cache, read from its file

	maskOnce sync.Once
	masks    []uint32 // letters of each term, for the typo filter

	topicDocsOnce sync.Once
	topicDocs     [][]uint32 // statements by topic index (docsByTopic)

	tune tuning // the thresholds it was built or opened with
}

const (
	bm25K1 = 1.2
	bm25B  = 0.75

	// weightPrefix is how much a word that only begins with the typed
	// prefix counts, against 1 for the word itself.
	weightPrefix = 0.9
	// weightTypo is how much a close match counts in the typo fallback.
	weightTypo = 0.7
	// speakerBoost scales the weight of a word found in the speaker's name.
	speakerBoost = 1.5
	// phraseBoost is the most an exact run of the query's words in order
	// multiplies a statement's score by (1+phraseBoost).
	phraseBoost = 0.5
	// rerankDepth: the phrase boost reorders this many of the best
	// statements per result wanted (at least rerankMin).
	rerankDepth = 4
	rerankMin   = 400

	noDay = math.MaxInt32

	kindOther    = 0
	kindQuote    = 1
	kindReported = 2
	kindAccount  = 3

	maxQueryWords = 200
)

// Results is the answer to one query.
type Results struct {
	Query Query
	// Hits are the best statements, best first.
	Hits []Hit
	// Total is how many statements match in all.
	Total int
	// Fuzzy is set when nothing matched exactly and Hits are close matches
	// (typos); Corrections say which words were read as which.
	Fuzzy       bool
	Corrections []Correction
}

// Hit is one statement found.
type Hit struct {
	Statement *data.Statement
	Score     float64
	// Spans are the byte ranges of Statement.Text that matched, in order
	// and never overlapping.
	Spans []data.Span
	// SpeakerMatch is set when a query word named the speaker or party.
	SpeakerMatch bool
}

// Correction is a query word read as other words because it matched nothing.
type Correction struct {
	Word  string   // as folded from the query
	Terms []string // the close words searched instead, most frequent first
}

// New indexes every statement of the dossier.
func New(d *data.Dossier) *Index { return Build(d, nil) }

// Build indexes every statement of the dossier, calling progress
// (when not nil, and never from two goroutines at once) now and then with
// the number of statements done.
func Build(d *data.Dossier, progress func(done, total int)) *Index {
	return build(d, progress, defaultTuning())
}

// build is Build with a tuning.
func build(d *data.Dossier, progress func(done, total int), tune tuning) *Index {
	ix := newIndexShell(d, tune)
	n := len(ix.docs)
	ix.split = uint32(n / 2)
	// The two halves of the statements are indexed at once (this machine
	// class has two cores), then their postings joined.
	var shards [2]*indexShard
	var done [2]atomic.Int64
	var mu sync.Mutex // progress is called from one goroutine at a time
	report := func() {
		if progress != nil {
			mu.Lock()
			progress(int(done[0].Load()+done[1].Load()), n)
			mu.Unlock()
		}
	}
	var wg sync.WaitGroup
	run := func(h int) {
		lo, hi := ix.halfRange(h)
		shards[h] = buildShard(ix.docs, int(lo), int(hi), func(k int) { done[h].Store(int64(k)); report() })
	}
	if n >= 20_000 {
		wg.Add(2)
		go func() { defer wg.Done(); run(1) }()
		go func() { defer wg.Done(); ix.buildDocAttrs() }()
		run(0)
		wg.Wait()
	} else {
		ix.buildDocAttrs()
		run(0)
		run(1)
	}
	ix.joinShards(shards)
	lens := append(shards[0].lens, shards[1].lens...)
	ix.setNorms(lens, shards[0].total+shards[1].total)
	ix.stems = buildStems(ix.terms)
	ix.buildPrefixLists()
	ix.buildTies()
	if progress != nil {
		progress(n, n)
	}
	return ix
}

type termBuild struct {
	buf  []byte
	last uint32 // the last statement added
	df   uint32
}

// indexShard is the inverted index of a range of statements, its postings
// delta-encoded from statement 0.
type indexShard struct {
	vocab  map[string]uint32
	builds []termBuild
	lens   []uint32
	total  uint64
}

func buildShard(docs []*data.Statement, lo, hi int, progress func(done int)) *indexShard {
	sh := &indexShard{vocab: make(map[string]uint32, 1<<12), lens: make([]uint32, hi-lo)}
	var seen []uint32 // per term: doc+1 it was last seen in
	var tf []uint32
	var uniq []uint32
	var t wordTokenizer
	for doc := lo; doc < hi; doc++ {
		if (doc-lo)%16384 == 0 {
			progress(doc - lo)
		}
		t.reset(docs[doc].Text)
		uniq = uniq[:0]
		count := uint32(0)
		for t.next() {
			w := t.word()
			if len(w) == 0 {
				continue
			}
			count++
			id, ok := sh.vocab[string(w)]
			if !ok {
				id = uint32(len(sh.builds))
				sh.vocab[string(w)] = id
				sh.builds = append(sh.builds, termBuild{})
				seen = append(seen, 0)
				tf = append(tf, 0)
			}
			if seen[id] != uint32(doc)+1 {
				seen[id] = uint32(doc) + 1
				tf[id] = 1
				uniq = append(uniq, id)
			} else {
				tf[id]++
			}
		}
		sh.lens[doc-lo] = count
		sh.total += uint64(count)
		for _, id := range uniq {
			b := &sh.builds[id]
			b.buf = appendPosting(b.buf, uint32(doc)-b.last, tf[id])
			b.last = uint32(doc)
			b.df++
		}
	}
	progress(hi - lo)
	return sh
}

// joinShards lays the two halves' postings out in the order of the sorted
// vocabulary: each term's postings in the first half, then in the second,
// whose first posting is encoded again relative to the first half's last.
func (ix *Index) joinShards(sh [2]*indexShard) {
	terms := make([]string, 0, len(sh[0].vocab)+len(sh[1].vocab))
	for w := range sh[0].vocab {
		terms = append(terms, w)
	}
	for w := range sh[1].vocab {
		if _, ok := sh[0].vocab[w]; !ok {
			terms = append(terms, w)
		}
	}
	slices.Sort(terms)
	size := 0
	for _, s := range sh {
		for _, b := range s.builds {
			size += len(b.buf)
		}
	}
	ix.terms = terms
	ix.post = make([]byte, 0, size+len(terms)*4)
	ix.off = make([]uint32, len(terms)+1)
	ix.df = make([]uint32, len(terms))
	ix.mid = make([]uint32, len(terms))
	ix.midDoc = make([]uint32, len(terms))
	for i, w := range terms {
		ix.off[i] = uint32(len(ix.post))
		last := uint32(0)
		if id, ok := sh[0].vocab[w]; ok {
			b := &sh[0].builds[id]
			ix.post = append(ix.post, b.buf...)
			ix.df[i] += b.df
			last = b.last
			b.buf = nil
		}
		ix.mid[i], ix.midDoc[i] = uint32(len(ix.post))-ix.off[i], last
		if id, ok := sh[1].vocab[w]; ok {
			b := &sh[1].builds[id]
			// The first posting holds its statement from 0; from the first
			// half's last statement instead.
			v, n := uvarint(b.buf)
			doc := uint32(v >> 1)
			tf := uint32(1)
			rest := b.buf[n:]
			if v&1 != 0 {
				t, m := uvarint(rest)
				tf, rest = uint32(t), rest[m:]
			}
			ix.post = appendPosting(ix.post, doc-last, tf)
			ix.post = append(ix.post, rest...)
			ix.df[i] += b.df
			b.buf = nil
		}
	}
	ix.off[len(terms)] = uint32(len(ix.post))
}

func newIndexShell(d *data.Dossier, tune tuning) *Index {
	ix := &Index{d: d, docs: d.Statements, tune: tune}
	ix.parties = d.Parties
	ix.actors = d.Actors
	ix.topics = d.Topics
	ix.partyIx = make(map[string]int, len(d.Parties))
	for i, p := range d.Parties {
		if _, ok := ix.partyIx[p.ID]; !ok {
			ix.partyIx[p.ID] = i
		}
		ix.partyWords = append(ix.partyWords, partyWords(p))
	}
	ix.actorIx = make(map[string]int, len(d.Actors))
	for i, a := range d.Actors {
		if _, ok := ix.actorIx[a.ID]; !ok {
			ix.actorIx[a.ID] = i
		}
		ix.actorWords = append(ix.actorWords, append(FoldWords(a.Name), FoldWords(a.ID)...))
	}
	ix.topicIxOf = make(map[string]int, len(d.Topics))
	for i, t := range d.Topics {
		if _, ok := ix.topicIxOf[t.ID]; !ok {
			ix.topicIxOf[t.ID] = i
		}
	}
	return ix
}

// partyWords are the words that name a party in a query: its id, its short
// name, and its name when that is one word. A longer name is left out:
// "security" should not find every statement of the Organization for
// Security and Co-operation in Europe.
func partyWords(p *data.Party) []string {
	w := FoldWords(p.ID)
	w = append(w, FoldWords(p.Short)...)
	if n := FoldWords(p.Name); len(n) == 1 {
		w = append(w, n...)
	}
	return w
}

// buildDocAttrs fills the per-statement arrays the filters read.
func (ix *Index) buildDocAttrs() {
	n := len(ix.docs)
	ix.dstart = make([]int32, n)
	ix.dend = make([]int32, n)
	ix.kind = make([]uint8, n)
	ix.party = make([]uint16, n)
	ix.actor = make([]uint32, n)
	ix.topicOff = make([]uint32, n+1)
	dayCache := map[string][2]int32{}
	for doc, s := range ix.docs {
		ix.dstart[doc], ix.dend[doc] = noDay, noDay
		if !s.Date.IsZero() {
			dd, ok := dayCache[s.Date.String()]
			if !ok {
				dd[0], dd[1] = s.Date.Days()
				dayCache[s.Date.String()] = dd
			}
			ix.dstart[doc], ix.dend[doc] = dd[0], dd[1]
		}
		switch s.Kind {
		case data.KindQuote:
			ix.kind[doc] = kindQuote
		case data.KindReported:
			ix.kind[doc] = kindReported
		case data.KindAccount:
			ix.kind[doc] = kindAccount
		}
		if a, ok := ix.actorIx[s.Actor]; ok && s.Actor != "" {
			ix.actor[doc] = uint32(a) + 1
		}
		party := s.Party
		if party == "" && ix.actor[doc] != 0 {
			party = ix.actors[ix.actor[doc]-1].Party
		}
		if p, ok := ix.partyIx[party]; ok && party != "" {
			ix.party[doc] = uint16(p) + 1
		}
		for _, t := range s.Topics {
			if ti, ok := ix.topicIxOf[t]; ok {
				ix.topicIx = append(ix.topicIx, uint32(ti))
			}
		}
		ix.topicOff[doc+1] = uint32(len(ix.topicIx))
	}
	ix.partyDocs = docsBy(ix.party, len(ix.parties))
	ix.actorDocs = docsBy(ix.actor, len(ix.actors))
}

// docsBy lists the statements by the value of an attribute (an index + 1,
// 0 for none; values above n are ignored), in order. The lists share one
// array sized by counting first rather than growing each by appending.
func docsBy[T uint16 | uint32](attr []T, n int) [][]uint32 {
	counts := make([]int, n+1)
	for _, v := range attr {
		if int(v) <= n {
			counts[v]++
		}
	}
	all := make([]uint32, len(attr)-counts[0])
	out := make([][]uint32, n)
	at := 0
	for i := range out {
		out[i] = all[at : at : at+counts[i+1]]
		at += counts[i+1]
	}
	for doc, v := range attr {
		if v != 0 && int(v) <= n {
			out[v-1] = append(out[v-1], uint32(doc))
		}
	}
	return out
}

func (ix *Index) setNorms(lens []uint32, total uint64) {
	avg := 1.0
	if len(lens) > 0 && total > 0 {
		avg = float64(total) / float64(len(lens))
	}
	ix.inv1 = make([]float32, len(lens))
	ix.inv2 = make([]float32, len(lens))
	for i, l := range lens {
		norm := float64(bm25Norm(l, avg))
		ix.inv1[i] = float32(1 / (1 + norm))
		ix.inv2[i] = float32(2 / (2 + norm))
	}
}

func bm25Norm(length uint32, avg float64) float32 {
	return float32(bm25K1 * (1 - bm25B + bm25B*float64(length)/avg))
}

// appendPosting writes one posting: the distance from the previous
// statement, shifted left, with the low bit set when a count above one
// follows.
func appendPosting(b []byte, delta, tf uint32) []byte {
	v := uint64(delta) << 1
	if tf > 1 {
		v |= 1
	}
	b = appendUvarint(b, v)
	if tf > 1 {
		b = appendUvarint(b, uint64(tf))
	}
	return b
}

func appendUvarint(b []byte, v uint64) []byte {
	for v >= 0x80 {
		b = append(b, byte(v)|0x80)
		v >>= 7
	}
	return append(b, byte(v))
}

// postingIter walks one term's postings.
type postingIter struct {
	b   []byte
	i   int
	doc uint32
}

// next returns the next statement and the word's count in it.
func (it *postingIter) next() (doc, tf uint32, ok bool) {
	if it.i >= len(it.b) {
		return 0, 0, false
	}
	v, n := uvarint(it.b[it.i:])
	it.i += n
	it.doc += uint32(v >> 1)
	tf = 1
	if v&1 != 0 {
		t, m := uvarint(it.b[it.i:])
		it.i += m
		tf = uint32(t)
	}
	return it.doc, tf, true
}

func uvarint(b []byte) (uint64, int) {
	if len(b) > 0 && b[0] < 0x80 {
		return uint64(b[0]), 1
	}
	var v uint64
	var s uint
	for i, c := range b {
		if c < 0x80 {
			if i > 9 {
				return 0, len(b) // damaged; end the list
			}
			return v | uint64(c)<<s, i + 1
		}
		v |= uint64(c&0x7f) << s
		s += 7
	}
	return 0, len(b)
}

// Len is the number of statements indexed.
func (ix *Index) Len() int { return len(ix.docs) }

// Terms is the number of distinct folded words.
func (ix *Index) Terms() int { return len(ix.terms) }

// Dossier is the dossier the index was built from.
func (ix *Index) Dossier() *data.Dossier { return ix.d }

// lookup finds a term's index, or -1.
func (ix *Index) lookup(w string) int {
	i, ok := slices.BinarySearch(ix.terms, w)
	if !ok {
		return -1
	}
	return i
}

// prefixRange is the range of terms that begin with p.
func (ix *Index) prefixRange(p string) (int, int) {
	lo, _ := slices.BinarySearch(ix.terms, p)
	hi := lo
	for hi < len(ix.terms) && strings.HasPrefix(ix.terms[hi], p) {
		hi++
	}
	return lo, hi
}

func (ix *Index) idf(df int) float64 {
	n := float64(len(ix.docs))
	return math.Log(1 + (n-float64(df)+0.5)/(float64(df)+0.5))
}

// qterm is one word of the statement text a query word accepts.
type qterm struct {
	term   int
	weight float64 // idf × how well it matches
}

// qword is one query word resolved against the index.
type qword struct {
	text     string
	prefix   bool
	exact    bool // a word of a phrase: as written only
	typo     bool
	terms    []qterm
	forms    []string // other forms of the word it accepts (by stem), besides text or its prefix
	list     int      // index+1 of the prefix list of the words it begins (then not in terms), or 0
	listCost int      // their postings
	actors   []bool   // speakers whose name has the word
	parties  []bool   // parties whose name has the word
	speakerW float64
	spDocs   int
	cost     int
}

func (w *qword) matchesNothing() bool { return len(w.terms) == 0 && w.list == 0 && w.spDocs == 0 }

// plan resolves a parsed query's words against the index.
type plan struct {
	words   []qword // in the order they are processed: cheapest first, the tail last
	typed   []int   // indexes into words of the plain words, in typed order
	tail    int     // index into words of the last word typed, or -1
	exclude []int   // term indexes
	fresh   bool    // match from nothing (close matches for typos)
}

func (ix *Index) resolveWord(text string, prefix bool) qword {
	w := qword{text: text, prefix: prefix}
	group := ix.stems.group(text)
	if prefix {
		// A word being typed: every word it begins, and the other forms
		// of what is typed so far ("attacking" also finds "attack").
		lo, hi := ix.prefixRange(text)
		if li := ix.plists.list(text); li > 0 {
			// Their postings merged, with their weights, in one list.
			w.list = li
			for t := lo; t < hi; t++ {
				w.listCost += int(ix.df[t])
			}
		} else {
			for t := lo; t < hi; t++ {
				wt := weightPrefix
				if ix.terms[t] == text {
					wt = 1
				}
				w.terms = append(w.terms, qterm{t, wt * ix.idf(int(ix.df[t]))})
			}
		}
		for _, t := range group {
			if int(t) < lo || int(t) >= hi {
				w.terms = append(w.terms, qterm{int(t), weightStem * ix.idf(int(ix.df[t]))})
				w.forms = append(w.forms, ix.terms[t])
			}
		}
	} else {
		// A whole word: every form of it, weighed by how rare the word
		// is in any form; the form typed counts most.
		exact := ix.lookup(text)
		df := 0
		for _, t := range group {
			df += int(ix.df[t])
		}
		if exact >= 0 && !slices.Contains(group, uint32(exact)) {
			df += int(ix.df[exact])
		}
		idf := ix.idf(min(df, len(ix.docs)))
		if exact >= 0 {
			w.terms = append(w.terms, qterm{exact, idf})
		}
		for _, t := range group {
			if int(t) != exact {
				w.terms = append(w.terms, qterm{int(t), weightStem * idf})
				w.forms = append(w.forms, ix.terms[t])
			}
		}
	}
	ix.resolveSpeaker(&w)
	w.setCost(ix)
	return w
}

// exactWord is a word matched as written only (a word in quotes).
func (ix *Index) exactWord(text string) qword {
	w := qword{text: text, exact: true}
	if t := ix.lookup(text); t >= 0 {
		w.terms = []qterm{{t, ix.idf(int(ix.df[t]))}}
	}
	w.setCost(ix)
	return w
}

func (w *qword) setCost(ix *Index) {
	w.cost = w.spDocs + w.listCost
	for _, t := range w.terms {
		w.cost += int(ix.df[t.term])
	}
}

func (ix *Index) resolveSpeaker(w *qword) {
	match := func(words []string) bool {
		for _, x := range words {
			if x == w.text || (w.prefix && strings.HasPrefix(x, w.text)) {
				return true
			}
		}
		return false
	}
	ix.markSpeakers(w, match)
}

// markSpeakers marks the actors and parties whose name words match, counts
// the statements they said, and weighs the speaker match by its rarity.
func (ix *Index) markSpeakers(w *qword, match func(words []string) bool) {
	n := 0
	for a, words := range ix.actorWords {
		if match(words) {
			if w.actors == nil {
				w.actors = make([]bool, len(ix.actors))
			}
			w.actors[a] = true
			n += len(ix.actorDocs[a])
		}
	}
	for p, words := range ix.partyWords {
		if match(words) {
			if w.parties == nil {
				w.parties = make([]bool, len(ix.parties))
			}
			w.parties[p] = true
			for _, doc := range ix.partyDocs[p] {
				if a := ix.actor[doc]; a == 0 || w.actors == nil || !w.actors[a-1] {
					n++
				}
			}
		}
	}
	w.spDocs = n
	if n > 0 {
		w.speakerW = speakerBoost * ix.idf(n)
	}
}

// speakerMatch reports whether a word names the statement's speaker.
func (w *qword) speakerMatch(ix *Index, doc uint32) bool {
	if w.actors != nil {
		if a := ix.actor[doc]; a != 0 && w.actors[a-1] {
			return true
		}
	}
	if w.parties != nil {
		if p := ix.party[doc]; p != 0 && w.parties[p-1] {
			return true
		}
	}
	return false
}

func (ix *Index) makePlan(q *Query) plan {
	p := plan{tail: len(q.Words) - 1}
	for i, text := range q.Words {
		p.words = append(p.words, ix.resolveWord(text, q.Prefix && i == len(q.Words)-1))
		p.typed = append(p.typed, i)
	}
	// Phrase words must all be there too, as written; the phrase itself
	// is checked on the text of the statements that have them all.
	have := map[string]bool{}
	for _, ph := range q.Phrases {
		for _, text := range ph {
			if !have[text] {
				have[text] = true
				p.words = append(p.words, ix.exactWord(text))
			}
		}
	}
	// An excluded word goes in any form; in quotes, as written.
	for _, text := range q.Exclude {
		for _, t := range ix.resolveWord(text, false).terms {
			p.exclude = append(p.exclude, t.term)
		}
	}
	for _, text := range q.ExcludeExact {
		if t := ix.lookup(text); t >= 0 {
			p.exclude = append(p.exclude, t)
		}
	}
	return p
}

// order sorts the words cheapest first, the tail last, and remaps typed
// and tail.
func (p *plan) order() {
	idx := make([]int, len(p.words))
	for i := range idx {
		idx[i] = i
	}
	slices.SortStableFunc(idx, func(a, b int) int {
		return cmp.Or(cmp.Compare(b2i(a == p.tail), b2i(b == p.tail)), cmp.Compare(p.words[a].cost, p.words[b].cost))
	})
	words := make([]qword, len(p.words))
	where := make([]int, len(p.words))
	for to, from := range idx {
		words[to] = p.words[from]
		where[from] = to
	}
	for i, t := range p.typed {
		p.typed[i] = where[t]
	}
	if p.tail >= 0 {
		p.tail = where[p.tail]
	}
	p.words = words
}

func b2i(b bool) int {
	if b {
		return 1
	}
	return 0
}

// filter is a query's filters compiled for the index.
type filter struct {
	any        bool
	parties    []bool // by party index; nil for any
	notParty   []bool
	actors     []bool
	notActor   []bool
	topics     []bool
	notTopic   []bool
	kinds      uint8 // bit per kind; 0 for any
	acts       map[data.Act]bool
	notActs    map[data.Act]bool
	via        map[string]bool // actor and source ids
	about      map[string]bool // party ids
	dates      [][2]int32
	impossible bool // a filter names nothing in this index
}

func (ix *Index) compileFilter(q *Query) filter {
	var f filter
	set := func(ids []string, m map[string]int, size int) []bool {
		if len(ids) == 0 {
			return nil
		}
		out := make([]bool, size)
		for _, id := range ids {
			if i, ok := m[id]; ok {
				out[i] = true
			}
		}
		return out
	}
	f.parties = set(q.Parties, ix.partyIx, len(ix.parties))
	f.notParty = set(q.NotParties, ix.partyIx, len(ix.parties))
	f.actors = set(q.Actors, ix.actorIx, len(ix.actors))
	f.notActor = set(q.NotActors, ix.actorIx, len(ix.actors))
	f.topics = set(q.Topics, ix.topicIxOf, len(ix.topics))
	f.notTopic = set(q.NotTopics, ix.topicIxOf, len(ix.topics))
	for _, k := range q.Kinds {
		switch k {
		case data.KindQuote:
			f.kinds |= 1 << kindQuote
		case data.KindReported:
			f.kinds |= 1 << kindReported
		case data.KindAccount:
			f.kinds |= 1 << kindAccount
		}
	}
	if len(q.NotKinds) > 0 {
		if f.kinds == 0 {
			f.kinds = 1<<kindOther | 1<<kindQuote | 1<<kindReported | 1<<kindAccount
		}
		for _, k := range q.NotKinds {
			switch k {
			case data.KindQuote:
				f.kinds &^= 1 << kindQuote
			case data.KindReported:
				f.kinds &^= 1 << kindReported
			case data.KindAccount:
				f.kinds &^= 1 << kindAccount
			}
		}
		if f.kinds == 0 {
			f.impossible = true
		}
	}
	set2 := func(ids []string) map[string]bool {
		if len(ids) == 0 {
			return nil
		}
		m := make(map[string]bool, len(ids))
		for _, id := range ids {
			m[id] = true
		}
		return m
	}
	f.via, f.about = set2(q.Via), set2(q.About)
	actSet := func(acts []data.Act) map[data.Act]bool {
		if len(acts) == 0 {
			return nil
		}
		m := map[data.Act]bool{}
		for _, a := range acts {
			m[a] = true
		}
		return m
	}
	f.acts, f.notActs = actSet(q.Acts), actSet(q.NotActs)
	for _, d := range q.Dates {
		first, last := d.Days()
		f.dates = append(f.dates, [2]int32{first, last})
	}
	f.any = q.hasFilters()
	return f
}

func (f *filter) pass(ix *Index, doc uint32) bool {
	if !f.any {
		return true
	}
	if f.parties != nil {
		if p := ix.party[doc]; p == 0 || !f.parties[p-1] {
			return false
		}
	}
	if f.notParty != nil {
		if p := ix.party[doc]; p != 0 && f.notParty[p-1] {
			return false
		}
	}
	if f.actors != nil {
		if a := ix.actor[doc]; a == 0 || !f.actors[a-1] {
			return false
		}
	}
	if f.notActor != nil {
		if a := ix.actor[doc]; a != 0 && f.notActor[a-1] {
			return false
		}
	}
	if f.kinds != 0 && f.kinds&(1<<ix.kind[doc]) == 0 {
		return false
	}
	if f.acts != nil || f.notActs != nil || f.via != nil || f.about != nil {
		// Rare filters, read from the statement itself.
		s := ix.docs[doc]
		if f.acts != nil && !f.acts[s.Act()] || f.notActs != nil && f.notActs[s.Act()] {
			return false
		}
		if f.via != nil && !slices.ContainsFunc(s.Via(), func(id string) bool { return f.via[id] }) {
			return false
		}
		if f.about != nil && !slices.ContainsFunc(s.About(), func(id string) bool { return f.about[id] }) {
			return false
		}
	}
	if len(f.dates) > 0 {
		s, e := ix.dstart[doc], ix.dend[doc]
		if s == noDay {
			return false
		}
		ok := false
		for _, d := range f.dates {
			if e >= d[0] && s <= d[1] {
				ok = true
				break
			}
		}
		if !ok {
			return false
		}
	}
	if f.topics != nil || f.notTopic != nil {
		ts := ix.topicIx[ix.topicOff[doc]:ix.topicOff[doc+1]]
		if f.topics != nil {
			ok := false
			for _, t := range ts {
				if f.topics[t] {
					ok = true
					break
				}
			}
			if !ok {
				return false
			}
		}
		if f.notTopic != nil {
			for _, t := range ts {
				if f.notTopic[t] {
					return false
				}
			}
		}
	}
	return true
}

// hasPhrases reports whether text has every phrase, word for word.
// joined[i], when not empty, is phrase i as lower-case ASCII words joined by
// single spaces: finding that between word boundaries settles it at once.
func (ix *Index) hasPhrases(t *wordTokenizer, text string, phrases [][]string, joined []joinedPhrase) bool {
	for i, ph := range phrases {
		if len(ph) < 2 {
			continue
		}
		if j := joined[i]; j.words != "" && j.in(text) {
			continue
		}
		var buf [1]data.Span
		if len(findPhrase(t, text, ph, buf[:0], false)) == 0 {
			return false
		}
	}
	return true
}

// joinedPhrase is a phrase's words joined by single spaces, and the place
// of its rarest letter: looking for that letter finds the places the phrase
// may start far quicker than looking for its first.
type joinedPhrase struct {
	words string
	rare  int
}

// joinPhrases prepares hasPhrases' fast path.
func joinPhrases(phrases [][]string) []joinedPhrase {
	out := make([]joinedPhrase, len(phrases))
	for i, ph := range phrases {
		j := strings.Join(ph, " ")
		if !isASCII(j) {
			continue
		}
		out[i].words = j
		for k := range len(j) {
			if letterFreq(j[k]) < letterFreq(j[out[i].rare]) {
				out[i].rare = k
			}
		}
	}
	return out
}

// letterFreq is how often a byte is found in English text, per ten
// thousand letters (rarer letters are better to look for); 10,000 for
// anything else (a space, a digit, punctuation: common, or unknown).
func letterFreq(c byte) int {
	if c < 'a' || c > 'z' {
		return 10_000
	}
	return englishLetters[c-'a']
}

// englishLetters are the letters' frequencies in English text, per ten
// thousand, a to z.
var englishLetters = [26]int{817, 149, 278, 425, 1270, 223, 202, 609, 697, 15, 77, 403, 241, 675, 751, 193, 10, 599, 633, 906, 276, 98, 236, 15, 197, 7}

// in reports whether the phrase occurs in s with no letter or digit on
// either side.
func (j joinedPhrase) in(s string) bool {
	w, k := j.words, j.rare
	for off := k; off < len(s); {
		i := strings.IndexByte(s[off:], w[k])
		if i < 0 {
			return false
		}
		at := off + i - k // where the phrase would start
		off += i + 1
		if at < 0 || at+len(w) > len(s) || s[at:at+len(w)] != w {
			continue
		}
		end := at + len(w)
		if (at == 0 || (s[at-1] < utf8.RuneSelf && asciiClass[s[at-1]] == 0)) &&
			(end == len(s) || (s[end] < utf8.RuneSelf && asciiClass[s[end]] == 0)) {
			return true
		}
	}
	return false
}

// findPhrase appends the spans where the words of ph follow each other in
// text; unless all, it stops at the first. It is KMP over words, so it
// needs no allocation for phrases of up to 16 words.
func findPhrase(t *wordTokenizer, text string, ph []string, out []data.Span, all bool) []data.Span {
	n := len(ph)
	if n == 0 {
		return out
	}
	var fb, sb [16]int
	fail, starts := fb[:], sb[:]
	if n > len(fb) {
		fail, starts = make([]int, n), make([]int, n)
	}
	// fail[i]: length of the longest proper border of ph[:i+1].
	fail[0] = 0
	for i, k := 1, 0; i < n; i++ {
		for k > 0 && ph[i] != ph[k] {
			k = fail[k-1]
		}
		if ph[i] == ph[k] {
			k++
		}
		fail[i] = k
	}
	t.reset(text)
	k, pos := 0, 0
	for t.next() {
		w := t.word()
		if len(w) == 0 {
			continue
		}
		starts[pos%n] = t.start
		pos++
		for k > 0 && string(w) != ph[k] {
			k = fail[k-1]
		}
		if string(w) == ph[k] {
			k++
		}
		if k == n {
			sp := data.Span{Start: starts[(pos-n)%n], End: t.end}
			out = append(out, sp)
			if !all {
				return out
			}
			k = fail[k-1]
		}
	}
	return out
}
