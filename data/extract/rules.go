package extract

import "slices"

// draft is an attribution while the rules work: token ranges, resolved to
// a speaker and byte spans at the end, in text order.
type draft struct {
	rule      string
	conf      float64
	kind      Kind
	content   [][2]int // token ranges
	cue       [2]int   // token range; from == to when absent
	np        phrase   // the speaker as written; kind mNone when absent
	continues bool     // the speaker is the previous attribution's
	speaker   Speaker
}

// rule is one step of the pipeline.
type rule struct {
	name  string
	apply func(d *doc)
}

// pipeline is every rule in the order it runs. Quote rules run first and
// claim their words; the rules for reported speech then look only at what
// is left. The speakers are resolved last, in text order, so a pronoun
// finds the people named before it.
var pipeline = []rule{
	{"mentions", (*doc).scanMentions},
	{"quote-cue-after", (*doc).quoteCueAfter},
	{"quote-cue-before", (*doc).quoteCueBefore},
	{"quote-in-reported", (*doc).quoteInReported},
	{"quote-continues", (*doc).quoteContinues},
	{"colon", (*doc).colon},
	{"citing", (*doc).citing},
	{"according-to", (*doc).accordingTo},
	{"reported-parenthetical", (*doc).reportedParenthetical},
	{"reported-after", (*doc).reportedAfter},
	{"reported-cue", (*doc).reportedCue},
	{"participle", (*doc).participle},
	{"resolve", (*doc).resolveSpeakers},
}

// Rules names the rules of the pipeline that draft attributions, in order.
func Rules() []string {
	var out []string
	for _, r := range pipeline {
		if r.name != "mentions" && r.name != "resolve" {
			out = append(out, r.name)
		}
	}
	return out
}

// isCue tells whether token i is a cue verb of at least the given class:
// a lower-case word outside quotes.
func (d *doc) isCue(i int, speechOnly bool) bool {
	t := d.toks[i]
	if t.k != tWord || d.inQuote[i] >= 0 {
		return false
	}
	// capitalised only at a sentence's start: "Said Ellis: “…”"
	if t.cap && (d.sentOf(i).from != i || t.lw != "said" && t.lw != "says") {
		return false
	}
	c := cues[t.lw]
	return c == speechCue || c == stanceCue && !speechOnly
}

// quoteDone marks quotes already drafted.
func (d *doc) quoteDone(qi int) bool {
	q := d.quots[qi]
	return d.claimed[q.open]
}

func (d *doc) claim(from, to int) {
	for i := max(from, 0); i < to && i < len(d.claimed); i++ {
		d.claimed[i] = true
	}
}

func (d *doc) claimQuote(qi int) {
	q := d.quots[qi]
	d.claim(q.open, q.close+1)
}

// stopAt is the first token at or after i that ends a clause: a sentence
// end, a semicolon, a quote mark, a new paragraph.
func (d *doc) clauseEnd(i int) int {
	if i >= len(d.toks) {
		return len(d.toks)
	}
	s := d.sentOf(i)
	for j := i; j < s.to; j++ {
		t := d.toks[j]
		if t.k == tOpen || t.k == tAmb || t.k == tClose {
			return j
		}
		if t.k == tPunct && (t.lw == ";" || t.lw == "!" || t.lw == "?") {
			return j
		}
	}
	// the sentence's closing punctuation is not the clause's
	e := s.to
	for e > i && d.toks[e-1].k == tPunct {
		e--
	}
	return e
}

// cueAfterQuote reads the attribution after a closing mark: [,] SPEAKER
// CUE or [,] CUE SPEAKER. It returns the cue token, the speaker phrase and
// the token after the attribution.
func (d *doc) cueAfterQuote(qi int) (v int, np phrase, next int, ok bool) {
	q := d.quots[qi]
	k := q.close + 1
	if d.isPunct(k, ",") || d.isPunct(k, "—") || d.isPunct(k, "–") {
		k++
	}
	if k >= len(d.toks) || d.toks[k].para != d.toks[q.close].para {
		return 0, np, 0, false
	}
	hi := d.clauseEnd(k)
	// “…” ― Pamela Padilla: a name after a dash, closing the paragraph
	if dash := q.close + 1; dash < len(d.toks) && d.toks[dash].k == tPunct && (d.toks[dash].lw == "―" || d.toks[dash].lw == "—" || d.toks[dash].lw == "–") {
		end := dash + 1
		for end < len(d.toks) && d.toks[end].para == d.toks[dash].para {
			end++
		}
		if end-dash <= 6 && end > dash+1 {
			np := d.parsePhrase(dash+1, end)
			if np.kind == mName {
				return dash, np, end, true
			}
		}
	}
	// “… ended.” Then a new sentence: only a bare "Lavrov said." belongs to it.
	endsSentence := d.isPunct(q.close-1, ".") && d.isCapWord(k)
	for v = k; v < hi && v < k+32; v++ {
		if !d.isCue(v, true) {
			continue
		}
		if v == k {
			np, ok = d.subjectAfter(v, hi)
		} else {
			np, ok = d.subjectBefore(v, k)
			if ok && np.from > k && d.nameLike(k, np.from) {
				// "panel Chairman Rep. Jason Chaffetz", "Mr. Morgan of the Sierra Club"
				np2 := d.parsePhrase(k, np.to)
				if np2.kind != mNone {
					np = np2
				}
			}
			ok = ok && np.from == k
		}
		if !ok {
			return 0, np, 0, false
		}
		next = max(v, np.to) + 1
		if endsSentence && next < hi-0 && !d.isPunct(next, ".") {
			return 0, np, 0, false
		}
		// the attribution runs to the clause's end, or to a second cue
		// ("…,” Trump said, adding later, “…” is two statements)
		end := max(v, np.to) + 1
		for end < hi && !(d.toks[end].k == tWord && cues[d.toks[end].lw] != notCue) {
			end++
		}
		return v, np, end, true
	}
	return 0, np, 0, false
}

// nameLike tells whether tokens [from, to) can open a speaker phrase:
// words that are not cues, with of, for, the and an abbreviation's period.
func (d *doc) nameLike(from, to int) bool {
	for i := from; i < to; i++ {
		t := d.toks[i]
		switch {
		case t.k == tWord && (cues[t.lw] == notCue || t.cap) && (!stopWords[t.lw] || t.lw == "of" || t.lw == "for"):
		case t.k == tPunct && t.lw == "." && i > from && abbreviations[d.toks[i-1].lw]:
		case t.k == tPunct && t.lw == ",":
		default:
			return false
		}
	}
	return true
}

// quoteCueAfter: “We will not sign,” Lavrov said. / “…,” said Lavrov, /
// “…,” he told reporters, “…” — the cue after the quote; an interrupted
// quote goes on after the attribution as a second part.
func (d *doc) quoteCueAfter() {
	for qi, q := range d.quots {
		if q.words < d.opt.MinQuoteWords && !d.shortSentence(q) || d.quoteDone(qi) {
			continue
		}
		v, np, next, ok := d.cueAfterQuote(qi)
		if !ok {
			continue
		}
		dr := &draft{rule: "quote-cue-after", conf: 0.95, kind: Quote, content: slices.Clone(q.parts), cue: [2]int{v, v + 1}, np: np}
		if d.toks[v].k == tPunct {
			dr.rule, dr.cue, dr.conf = "quote-dash-name", [2]int{}, 0.8
		}
		if lead := d.leadIn(q); lead < q.open && !d.fullSentence(q) {
			// The media are “manipulating the campaign,” Gilmore said: the
			// speaker's words in part, the report's in part.
			dr.rule, dr.kind, dr.conf = "quote-mixed", Reported, 0.85
			dr.content = [][2]int{{lead, q.close + 1}}
		}
		d.claimQuote(qi)
		d.claim(min(np.from, v), next)
		// interrupted: “…,” he said, “…”
		for n := next; n < len(d.toks); {
			for n < len(d.toks) && d.toks[n].k == tPunct && n-next < 6 && d.toks[n].lw != "." {
				n++
			}
			if n >= len(d.toks) || d.inQuote[n] < 0 || d.quots[d.inQuote[n]].open != n || d.claimed[n] {
				break
			}
			nq := d.quots[d.inQuote[n]]
			dr.content = append(dr.content, nq.parts...)
			d.claimQuote(d.inQuote[n])
			break
		}
		d.out = append(d.out, dr)
	}
}

// cueBeforeQuote finds "SPEAKER CUE [object] [:|,|that] “" or "According to
// SPEAKER, “" before an opening mark, in the same sentence; strict means
// nothing but an object may stand between the cue and the mark.
func (d *doc) cueBeforeQuote(qi int, strict bool) (v int, np phrase, ok bool) {
	q := d.quots[qi]
	lo := d.sentOf(q.open).from
	// also a sentence that ends in a colon right before the quote
	if lo == q.open && lo > 0 && d.isPunct(lo-1, ":") {
		lo = d.sentOf(lo - 1).from
	}
	for i := q.open - 1; i >= lo; i-- {
		if d.inQuote[i] >= 0 {
			return 0, np, false
		}
		if d.isWord(i, "according") && d.isWord(i+1, "to") {
			np, ok = d.subjectAfter(i+1, q.open)
			if ok && (!strict || np.to >= q.open-1) {
				return i, np, true
			}
			return 0, np, false
		}
		if participles[d.toks[i].lw] && d.inQuote[i] < 0 && i > lo && d.isPunct(i-1, ",") {
			// "Flea shared the news, writing “…”"
			np, ok = d.sentenceSubject(d.sentOf(i), i)
			if ok && (!strict || d.onlyIntroBetween(i+1, q.open)) {
				return i, np, true
			}
			return 0, np, false
		}
		if !d.isCue(i, !strict) {
			continue
		}
		np, ok = d.subjectBefore(i, lo)
		if !ok {
			continue
		}
		if strict && !d.onlyIntroBetween(i+1, q.open) {
			return 0, np, false
		}
		return i, np, true
	}
	return 0, np, false
}

// onlyIntroBetween tells whether tokens [from, to) are what may stand
// between a cue and a direct quote: an object (reporters, the daily, CNN),
// a short prepositional phrase (in a statement), and a colon, comma or
// "that".
func (d *doc) onlyIntroBetween(from, to int) bool {
	if to-from > 8 {
		return false
	}
	for i := from; i < to; i++ {
		t := d.toks[i]
		switch {
		case t.k == tPunct && (t.lw == ":" || t.lw == "," || t.lw == "—" || t.lw == "–"):
		case t.k == tWord && (objects[t.lw] || t.cap || determiners[t.lw] || t.lw == "that" || t.lw == "in" || t.lw == "on" || t.lw == "at" || t.lw == "to" || t.lw == "during" || t.lw == "after"):
		case t.k == tWord && !stopWords[t.lw] && to-from <= 8:
		default:
			return false
		}
	}
	// the last token before the mark must introduce the quote
	last := d.toks[to-1]
	return to == from || last.lw == ":" || last.lw == "," || last.lw == "—"
}

// quoteCueBefore: Lavrov said: “…” / Lavrov told reporters, “…” /
// According to Lavrov, “…”.
func (d *doc) quoteCueBefore() {
	for qi, q := range d.quots {
		if q.words < d.opt.MinQuoteWords || d.quoteDone(qi) {
			continue
		}
		v, np, ok := d.cueBeforeQuote(qi, true)
		if !ok {
			continue
		}
		cue := [2]int{v, v + 1}
		if d.isWord(v, "according") {
			cue[1] = v + 2
		}
		d.out = append(d.out, &draft{rule: "quote-cue-before", conf: 0.9, kind: Quote, content: slices.Clone(q.parts), cue: cue, np: np})
		d.claimQuote(qi)
		d.claim(np.from, np.to)
		d.claim(v, v+1)
	}
}

// quoteInReported: Lavrov said the talks had been “useful and frank” —
// quoted words inside reported speech are the speaker's own words too.
func (d *doc) quoteInReported() {
	for qi, q := range d.quots {
		if q.words < d.opt.MinQuoteWords || d.quoteDone(qi) {
			continue
		}
		v, np, ok := d.cueBeforeQuote(qi, false)
		if !ok || !d.fullSentence(q) {
			continue
		}
		cue := [2]int{v, v + 1}
		if d.isWord(v, "according") {
			cue[1] = v + 2
		}
		d.out = append(d.out, &draft{rule: "quote-in-reported", conf: 0.7, kind: Quote, content: slices.Clone(q.parts), cue: cue, np: np})
		d.claimQuote(qi)
	}
}

// leadIn is the first word of the report's own words before a quote in
// its clause ("The media are" in The media are “…”), or the quote's
// opening mark when there are none.
func (d *doc) leadIn(q quote) int {
	lead := q.open
	s := d.sentOf(q.open)
	for i := q.open - 1; i >= s.from; i-- {
		t := d.toks[i]
		if d.inQuote[i] >= 0 || d.claimed[i] || t.k == tPunct && (t.lw == ":" || t.lw == ";") {
			break
		}
		if t.k == tWord {
			lead = i
		}
	}
	return lead
}

// shortSentence tells whether a quote of few words is a sentence said,
// not a term: a capital first and its own punctuation inside the closing
// mark ("It's heartbreaking," Ryan said).
func (d *doc) shortSentence(q quote) bool {
	if q.words == 0 {
		return false
	}
	last := d.toks[q.close-1]
	return d.toks[q.parts[0][0]].cap && last.k == tPunct && (last.lw == "," || last.lw == "." || last.lw == "!" || last.lw == "?")
}

// fullSentence tells whether a quote is a sentence of its own (a capital
// first, . ! or ? last): a fragment in quote marks inside reported speech
// stays part of the reported statement.
func (d *doc) fullSentence(q quote) bool {
	first, last := d.toks[q.parts[0][0]], d.toks[q.parts[len(q.parts)-1][1]-1]
	return first.cap && last.k == tPunct && (last.lw == "." || last.lw == "!" || last.lw == "?")
}

// quoteContinues: a quote with no cue of its own, after an attribution in
// the same or the previous paragraph, is the same speaker's.
func (d *doc) quoteContinues() {
	var quotesSoFar []*draft
	for _, dr := range d.out {
		if dr.kind == Quote {
			quotesSoFar = append(quotesSoFar, dr)
		}
	}
	slices.SortFunc(quotesSoFar, func(a, b *draft) int { return a.content[0][0] - b.content[0][0] })
	var prev *draft
	next := 0
	for qi, q := range d.quots {
		if q.words < d.opt.MinQuoteWords || d.quoteDone(qi) {
			continue
		}
		// the nearest drafted quote before it
		for next < len(quotesSoFar) && quotesSoFar[next].content[0][0] < q.open {
			prev = quotesSoFar[next]
			next++
		}
		if prev == nil || !d.toks[q.parts[0][0]].cap {
			// a fragment in quote marks is a term or part of a paraphrase
			continue
		}
		last := prev.content[len(prev.content)-1][1]
		if d.toks[q.open].para-d.toks[min(last, len(d.toks)-1)].para > 1 || d.nameBetween(last, q.open, prev.np) {
			continue
		}
		d.claimQuote(qi)
		if d.onlyAttributionBetween(last, q.open) {
			// the same speaker goes on: one statement in several parts,
			// as “…,” he said. “…” is annotated.
			prev.content = append(prev.content, q.parts...)
			continue
		}
		d.out = append(d.out, &draft{rule: "quote-continues", conf: 0.6, kind: Quote, content: slices.Clone(q.parts), continues: true})
		prev = d.out[len(d.out)-1]
	}
}

// onlyAttributionBetween tells whether nothing but quote marks,
// punctuation and words already drafted (an attribution: "he said") stand
// between two tokens.
func (d *doc) onlyAttributionBetween(from, to int) bool {
	for i := from; i < to; i++ {
		if d.toks[i].k == tWord && !d.claimed[i] {
			return false
		}
	}
	return true
}

// nameBetween tells whether someone else is named between two tokens, out
// of quotes: the speaker may have changed.
func (d *doc) nameBetween(from, to int, speaker phrase) bool {
	ms := d.ents.mentions
	i, _ := slices.BinarySearchFunc(ms, from+1, func(m mentionAt, tok int) int { return m.tok - tok })
	for _, m := range ms[i:] {
		if m.tok >= to {
			break
		}
		if m.tok >= speaker.from && m.tok < speaker.to || d.claimed[m.tok] {
			continue
		}
		if m.tok > from && m.tok < to && m.ent.person && d.inQuote[m.tok] < 0 {
			return true
		}
	}
	return false
}

// contentEnd drops the sentence's closing punctuation from a content range.
func (d *doc) trimContent(from, to int) (int, int) {
	for to > from && d.toks[to-1].k == tPunct {
		to--
	}
	for from < to && d.toks[from].k == tPunct {
		from++
	}
	return from, to
}

func (d *doc) wordsIn(from, to int) int {
	n := 0
	for i := from; i < to; i++ {
		if d.toks[i].k == tWord {
			n++
		}
	}
	return n
}

func (d *doc) anyClaimed(from, to int) bool {
	for i := from; i < to; i++ {
		if d.claimed[i] {
			return true
		}
	}
	return false
}

// colon: "Mark Cuban: I'd consider a bid" (a headline), "Bush: “The
// mission is to destroy ISIS.”" — a speaker's name and a colon opening a
// sentence; what follows is theirs, a quote when it is in quote marks.
func (d *doc) colon() {
	for _, s := range d.sents {
		c := -1
		for i := s.from; i < s.to && i < s.from+6; i++ {
			if d.isPunct(i, ":") {
				c = i
				break
			}
			if d.toks[i].k != tWord && !(d.isPunct(i, ".") && i > s.from && abbreviations[d.toks[i-1].lw]) {
				break
			}
		}
		if c <= s.from || d.inQuote[c] >= 0 || d.claimed[c] {
			continue
		}
		np := d.parsePhrase(s.from, c)
		if np.kind != mName && np.kind != mOrg || !d.toks[s.from].cap {
			continue
		}
		// "Q:" and "Note:" are not speakers
		if c-s.from == 1 && len(d.toks[s.from].lw) < 3 {
			continue
		}
		if c+1 >= s.to {
			continue
		}
		if qi := d.inQuote[c+1]; qi >= 0 && d.quots[qi].open == c+1 && !d.quoteDone(qi) {
			q := d.quots[qi]
			d.out = append(d.out, &draft{rule: "colon", conf: 0.75, kind: Quote, content: slices.Clone(q.parts), cue: [2]int{c, c + 1}, np: np})
			d.claimQuote(qi)
			d.claim(s.from, c+1)
			continue
		}
		from, to := d.trimContent(c+1, s.to)
		if d.wordsIn(from, to) < 3 || d.anyClaimed(from, to) || d.toks[s.from].para != d.toks[to-1].para {
			continue
		}
		// only a sentence that is its own paragraph: a headline or a caption
		if (s.from > 0 && d.toks[s.from-1].para == d.toks[s.from].para) || (s.to < len(d.toks) && d.toks[s.to].para == d.toks[s.from].para) {
			continue
		}
		d.out = append(d.out, &draft{rule: "colon", conf: 0.6, kind: Reported, content: [][2]int{{from, to}}, cue: [2]int{c, c + 1}, np: np})
		d.claim(s.from, to)
	}
}

// citing: "According to a media report, the government expects an answer
// next week. Interfax reported, citing Deputy Foreign Minister Sergei
// Ryabkov." — the sentence before is what the cited person said.
func (d *doc) citing() {
	for si, s := range d.sents {
		for c := s.from + 2; c < s.to; c++ {
			if !d.isWord(c, "citing") || !d.isPunct(c-1, ",") || !d.isCue(c-2, true) || si == 0 {
				continue
			}
			np, ok := d.subjectAfter(c, s.to)
			if !ok || np.kind != mName || d.clauseEnd(np.to) > np.to+1 {
				continue
			}
			prev := d.sents[si-1]
			if d.toks[prev.from].para != d.toks[s.from].para {
				continue
			}
			from := prev.from
			// "According to a media report, …": the report is the channel, not the speaker
			if d.isWord(from, "according") {
				for k := from; k < prev.to; k++ {
					if d.isPunct(k, ",") {
						from = k + 1
						break
					}
				}
			}
			from, to := d.trimContent(from, prev.to)
			if d.wordsIn(from, to) < 3 || d.anyClaimed(from, to) {
				continue
			}
			d.out = append(d.out, &draft{rule: "citing", conf: 0.7, kind: Reported, content: [][2]int{{from, to}}, cue: [2]int{c, c + 1}, np: np})
			d.claim(prev.from, prev.to)
			d.claim(s.from, s.to)
		}
	}
}

// accordingTo: According to Lavrov, his country has no plans to attack. /
// His country has no plans to attack, according to Lavrov.
func (d *doc) accordingTo() {
	for _, s := range d.sents {
		for i := s.from; i+1 < s.to; i++ {
			if !d.isWord(i, "according") || !d.isWord(i+1, "to") || d.inQuote[i] >= 0 || d.claimed[i] {
				continue
			}
			np, ok := d.subjectAfter(i+1, s.to)
			if !ok {
				continue
			}
			// the source runs to the comma or the clause's end ("according
			// to early results of exit polls conducted for the AP, …")
			srcEnd := np.to
			for srcEnd < s.to && !(d.toks[srcEnd].k == tPunct && d.toks[srcEnd].lw != "." && d.toks[srcEnd].lw != "'" && d.toks[srcEnd].lw != "-") && srcEnd-np.from < 25 {
				srcEnd++
			}
			if srcEnd < s.to && (d.isPunct(srcEnd, ",") || d.isPunct(srcEnd, ".") || d.isPunct(srcEnd, ";")) || srcEnd == s.to {
				np.to = srcEnd
			}
			var parts [][2]int
			lead := i > s.from && d.isPunct(i-1, ",") && i-1 > s.from
			switch {
			case d.isPunct(np.to, ",") && (i == s.from || d.isPunct(i-1, ",") && i-1 == s.from):
				// According to X, … .
				from, to := d.trimContent(np.to+1, d.clauseEnd(np.to+1))
				parts = [][2]int{{from, to}}
			case lead && d.isPunct(np.to, ",") && d.wordsIn(np.to+1, d.clauseEndReported(np.to+1)) >= 2:
				// The implication, according to the aide, is that … — both sides
				f1, t1 := d.trimContent(s.from, i-1)
				f2, t2 := d.trimContent(np.to+1, d.clauseEndReported(np.to+1))
				parts = [][2]int{{f1, t1}, {f2, t2}}
			case lead || i > s.from+3 && np.to >= s.to-1:
				// … , according to X. / … according to X.
				end := i
				if lead {
					end = i - 1
				}
				from, to := d.trimContent(s.from, end)
				parts = [][2]int{{from, to}}
			default:
				continue
			}
			words := 0
			for _, p := range parts {
				words += d.wordsIn(p[0], p[1])
				if d.anyClaimed(p[0], p[1]) {
					words = -100
				}
			}
			if words < 3 {
				continue
			}
			d.out = append(d.out, &draft{rule: "according-to", conf: 0.85, kind: Reported, content: parts, cue: [2]int{i, i + 2}, np: np})
			for _, p := range parts {
				d.claim(p[0], p[1])
			}
			d.claim(i, np.to)
		}
	}
}

// participles are the cue forms that go on a sentence whose subject spoke:
// "Trump attacked Clinton, saying she was unfit".
var participles = set(`saying adding noting arguing explaining insisting claiming warning
	telling suggesting stressing acknowledging asking urging predicting declaring
	contending writing charging calling complaining promising vowing asserting
	responding replying referring tweeting quipping joking recalling conceding`)

// participle: …, saying (that) … — the speaker is the sentence's subject,
// or the speaker of a statement already drafted in the sentence.
func (d *doc) participle() {
	for _, s := range d.sents {
		for v := s.from + 1; v < s.to; v++ {
			t := d.toks[v]
			if t.k != tWord || !participles[t.lw] || d.inQuote[v] >= 0 || d.claimed[v] || !d.isPunct(v-1, ",") && !d.isPunct(v-1, "—") {
				continue
			}
			np, ok := d.sentenceSubject(s, v)
			if !ok {
				continue
			}
			from := v + 1
			end := d.clauseEndReported(v + 1)
			for k := v + 1; k < end && k < v+6; k++ {
				if d.isWord(k, "that") {
					from = k
					break
				}
			}
			if t.lw == "telling" && from == v+1 {
				for from < end && d.toks[from].k == tWord && (objects[d.toks[from].lw] || determiners[d.toks[from].lw] || d.toks[from].cap) && from < v+4 {
					from++
				}
			}
			from, to := d.trimContent(from, end)
			if d.wordsIn(from, to) < 3 || d.anyClaimed(from, to) {
				continue
			}
			d.out = append(d.out, &draft{rule: "participle", conf: 0.7, kind: Reported, content: [][2]int{{from, to}}, cue: [2]int{v, v + 1}, np: np})
			d.claim(v, to)
			v = to
		}
	}
}

// sentenceSubject is the speaker phrase a participle at v goes with: a
// drafted speaker earlier in the sentence, or the sentence's subject — the
// first phrase, at the start or after an introductory phrase and its comma
// ("Back in 1999, Mr. Trump expressed …, telling CNBC"), that names
// someone and is followed by a word that is not a small one (its verb).
func (d *doc) sentenceSubject(s sentence, v int) (phrase, bool) {
	for _, dr := range d.out {
		if dr.np.kind != mNone && dr.np.from >= s.from && dr.np.to <= v {
			return dr.np, true
		}
	}
	for p := s.from; p < v; p++ {
		if p != s.from && !d.isPunct(p-1, ",") {
			continue
		}
		if d.inQuote[p] >= 0 || d.toks[p].k != tWord {
			continue
		}
		end := p
		if pronounWord(d.toks[p].lw) {
			end = p + 1
		} else {
			for end < v && end-p < 8 && (d.toks[end].k == tWord || d.isPunct(end, ".") && end > p && abbreviations[d.toks[end-1].lw]) &&
				!stopWords[d.toks[end].lw] && cues[d.toks[end].lw] == notCue {
				if d.toks[end].k == tWord && !d.toks[end].cap && !determiners[d.toks[end].lw] && end > p && d.toks[end-1].cap {
					break
				}
				end++
			}
		}
		after := end
		for after < v && d.toks[after].k == tWord && adverbials[d.toks[after].lw] && !pronounWord(d.toks[after].lw) {
			after++
		}
		if end == p || after >= v || d.toks[after].k != tWord || stopWords[d.toks[after].lw] || d.toks[after].cap {
			continue
		}
		np := d.parsePhrase(p, end)
		if np.kind != mNone {
			return np, true
		}
	}
	// none: the words the sentence opens with, whatever follows them
	i := s.from
	for i < v && i < s.from+3 && (d.toks[i].k != tWord || stopWords[d.toks[i].lw] && !pronounWord(d.toks[i].lw)) {
		i++
	}
	if i >= v || d.inQuote[i] >= 0 {
		return phrase{}, false
	}
	end := i + 1
	for end < v && end-i < 8 && (d.toks[end].k == tWord && !stopWords[d.toks[end].lw] && cues[d.toks[end].lw] == notCue && !(!d.toks[end].cap && d.toks[end-1].cap) ||
		d.isPunct(end, ".") && abbreviations[d.toks[end-1].lw]) {
		end++
	}
	np := d.parsePhrase(i, end)
	return np, np.kind != mNone
}

// reportedParenthetical: The talks, Lavrov said, were useful. — the
// attribution set off by commas inside what was said; the words on both
// sides are one statement in two parts.
func (d *doc) reportedParenthetical() {
	for _, s := range d.sents {
		for c := s.from + 2; c < s.to; c++ {
			if !d.isPunct(c, ",") || d.inQuote[c] >= 0 || d.claimed[c] {
				continue
			}
			// , NP CUE [adverbials] ,
			var v int
			for v = c + 1; v < s.to && v < c+7 && !d.isCue(v, true); v++ {
			}
			if v >= s.to || v >= c+7 || v == c+1 {
				continue
			}
			np, ok := d.subjectBefore(v, c+1)
			if !ok || np.from != c+1 {
				continue
			}
			c2 := v + 1
			for c2 < s.to && d.toks[c2].k == tWord && adverbials[d.toks[c2].lw] {
				c2++
			}
			if !d.isPunct(c2, ",") {
				continue
			}
			f1, t1 := d.trimContent(s.from, c)
			f2, t2 := d.trimContent(c2+1, d.clauseEndReported(c2+1))
			if d.wordsIn(f1, t1) < 2 || d.wordsIn(f2, t2) < 2 || d.anyClaimed(f1, t1) || d.anyClaimed(f2, t2) {
				continue
			}
			d.out = append(d.out, &draft{rule: "reported-parenthetical", conf: 0.8, kind: Reported, content: [][2]int{{f1, t1}, {f2, t2}}, cue: [2]int{v, v + 1}, np: np})
			d.claim(s.from, t2)
			break
		}
	}
}

// reportedAfter: Russia has no plans to attack Ukraine, Lavrov said. /
// …, said Lavrov.
func (d *doc) reportedAfter() {
	for _, s := range d.sents {
		for c := s.from + 1; c < s.to; c++ {
			if !d.isPunct(c, ",") || d.inQuote[c] >= 0 || d.claimed[c] {
				continue
			}
			hi := d.clauseEnd(c + 1)
			var v int
			var np phrase
			ok := false
			for v = c + 1; v < hi && v < c+12; v++ {
				if !d.isCue(v, false) {
					continue
				}
				if v == c+1 {
					// "…, said Lavrov." but not "Sanders, …, said he also may"
					np, ok = d.subjectAfter(v, hi)
					ok = ok && np.kind != mPronoun && hi-np.to <= 3
				} else {
					np, ok = d.subjectBefore(v, c+1)
					ok = ok && np.from == c+1
				}
				break
			}
			if !ok {
				continue
			}
			// only a short tail after the attribution, closing the sentence:
			// "…, Lavrov said on Friday." (not "In a statement, Trump said: “…”")
			after := max(v, np.to) + 1
			end := s.to
			for end > after && d.toks[end-1].k == tPunct {
				end--
			}
			if end-after > 6 || hi < end || d.hasWord(after, end, "that") {
				continue
			}
			from, to := d.trimContent(s.from, c)
			if d.wordsIn(from, to) < 3 || d.anyClaimed(from, to) || d.nameThenComma(from, to) {
				continue
			}
			d.out = append(d.out, &draft{rule: "reported-after", conf: 0.8, kind: Reported, content: [][2]int{{from, to}}, cue: [2]int{v, v + 1}, np: np})
			d.claim(from, to)
			d.claim(c, hi)
			break
		}
	}
}

// nameThenComma tells whether tokens [from, to) open with a name and a
// comma ("Luis Miranda, a spokesman for the committee"): a speaker with
// an appositive, not what was said.
func (d *doc) nameThenComma(from, to int) bool {
	for i := from; i < to; i++ {
		if d.isPunct(i, ",") {
			p := d.parsePhrase(from, i)
			return p.kind == mName && i-from <= 5
		}
	}
	return false
}

func (d *doc) hasWord(from, to int, w string) bool {
	for i := from; i < to; i++ {
		if d.isWord(i, w) {
			return true
		}
	}
	return false
}

// reportedCue: Lavrov said (that) the West would answer next week. / He
// told reporters the talks were useful. The content runs from the cue's
// complement to the end of the sentence.
func (d *doc) reportedCue() {
	for _, s := range d.sents {
		for v := s.from; v < s.to; v++ {
			if !d.isCue(v, false) || d.claimed[v] {
				continue
			}
			np, ok := d.subjectBefore(v, s.from)
			if !ok || d.anyClaimed(np.from, np.to) {
				continue
			}
			end := d.clauseEndReported(v + 1)
			// "… says A and says B", "says A, but insists B": a second cue
			// after a conjunction is a second statement by the same speaker
			next := -1
			for k := v + 2; k+1 < end; k++ {
				if d.inQuote[k] >= 0 || !(d.isWord(k, "and") || d.isWord(k, "but")) {
					continue
				}
				j := k + 1
				for j < end && d.toks[j].k == tWord && adverbials[d.toks[j].lw] {
					j++
				}
				if j < end && d.isCue(j, true) && !d.toks[j].cap {
					next, end = j, k
					if d.isPunct(end-1, ",") {
						end--
					}
					break
				}
			}
			from := v + 1
			that := -1
			for k := v + 1; k < end && k < v+9; k++ {
				if d.isWord(k, "that") {
					that = k
					break
				}
				if d.toks[k].k != tWord {
					break
				}
			}
			class := cues[d.toks[v].lw]
			if d.passive(np.to, v) && (class == stanceCue || hearerCues[d.toks[v].lw]) {
				// "is expected to", "was told": the subject did not say it
				continue
			}
			if class == stanceCue && np.to-np.from == 1 && !d.toks[np.from].cap && np.kind != mPronoun && !groupNouns[d.toks[np.from].lw] {
				// "dampened hopes": a noun, not a speaker's view
				continue
			}
			switch {
			case that >= 0:
				from = that
			case cueNeedsComplement[d.toks[v].lw] && !d.evidenceSubject(np) && !d.quoteIn(v+1, end):
				// "called" or "shows" alone is no speech; "called Cruz the
				// “ultimate hypocrite”" and "a poll shows Trump leading" are
				continue
			case d.isPunct(from, ":") || d.isPunct(from, ","):
				from++
			default:
				// an object first: "told reporters", "told the daily"
				if d.toks[v].lw == "told" || d.toks[v].lw == "tells" || d.toks[v].lw == "tell" || d.toks[v].lw == "warned" || d.toks[v].lw == "assured" || d.toks[v].lw == "informed" {
					for from < end && d.toks[from].k == tWord && objects[d.toks[from].lw] && from < v+3 {
						from++
					}
				}
			}
			from, to := d.trimContent(from, end)
			if d.wordsIn(from, to) < 3 || d.anyClaimed(from, to) {
				continue
			}
			conf := 0.75
			if that >= 0 {
				conf = 0.85
			}
			if class == stanceCue {
				conf -= 0.2
			}
			d.out = append(d.out, &draft{rule: "reported-cue", conf: conf, kind: Reported, content: [][2]int{{from, to}}, cue: [2]int{v, v + 1}, np: np})
			d.claim(np.from, to)
			v = to
			if next >= 0 {
				d.conjoined(next, np)
				v = d.clauseEndReported(next + 1)
			}
		}
	}
}

// conjoined drafts the second cue of "X says A and says B": B, said by X.
func (d *doc) conjoined(v int, np phrase) {
	end := d.clauseEndReported(v + 1)
	from := v + 1
	for k := v + 1; k < end && k < v+9; k++ {
		if d.isWord(k, "that") {
			from = k
			break
		}
		if d.toks[k].k != tWord {
			break
		}
	}
	from, to := d.trimContent(from, end)
	if d.wordsIn(from, to) < 3 || d.anyClaimed(from, to) {
		return
	}
	d.out = append(d.out, &draft{rule: "reported-conjoined", conf: 0.7, kind: Reported, content: [][2]int{{from, to}}, cue: [2]int{v, v + 1}, np: np})
	d.claim(v, to)
}

// evidenceNouns head subjects that show rather than say: polls, studies.
var evidenceNouns = set(`poll polls survey surveys study studies data report reports analysis
	figures numbers research results average averages search records documents review`)

// evidenceSubject tells whether a speaker phrase is a poll, a study, a report.
func (d *doc) evidenceSubject(np phrase) bool {
	return np.to > np.from && evidenceNouns[d.toks[np.to-1].lw]
}

// quoteIn tells whether a quote opens in tokens [from, to).
func (d *doc) quoteIn(from, to int) bool {
	for i := from; i < to; i++ {
		if qi := d.inQuote[i]; qi >= 0 && d.quots[qi].open == i {
			return true
		}
	}
	return false
}

// hearerCues are cues whose passive subject is the one spoken to.
var hearerCues = set(`told asked informed assured urged warned`)

// passive tells whether a form of "be" stands between a subject and its
// cue: "is expected", "was told".
func (d *doc) passive(from, v int) bool {
	for i := from; i < v; i++ {
		switch d.toks[i].lw {
		case "is", "was", "are", "were", "be", "been", "being":
			return true
		}
	}
	return false
}

// clauseEndReported is where reported content ends: the sentence's end,
// a semicolon, or a new paragraph; quotes inside it belong to it.
func (d *doc) clauseEndReported(i int) int {
	s := d.sentOf(i - 1)
	for j := i; j < s.to; j++ {
		if d.inQuote[j] < 0 && d.isPunct(j, ";") {
			return j
		}
	}
	return s.to
}

// resolveSpeakers gives every draft its speaker, in text order.
func (d *doc) resolveSpeakers() {
	slices.SortStableFunc(d.out, func(a, b *draft) int { return a.content[0][0] - b.content[0][0] })
	var prev *draft
	for _, dr := range d.out {
		switch {
		case dr.continues && prev != nil:
			dr.speaker = prev.speaker
		case dr.np.kind != mNone:
			dr.speaker = d.resolve(dr.np, true)
			switch dr.np.kind {
			case mPronoun:
				dr.conf *= 0.9
				if dr.speaker.Name == "" {
					dr.conf *= 0.7
				}
			case mDesc:
				if !dr.speaker.Person {
					dr.conf *= 0.8
				}
			}
		}
		prev = dr
	}
}

// results turns the drafts into attributions with byte spans.
func (d *doc) results() []Attribution {
	out := make([]Attribution, 0, len(d.out))
	for _, dr := range d.out {
		a := Attribution{Rule: dr.rule, Confidence: round2(dr.conf), Kind: dr.kind, Speaker: dr.speaker}
		for _, c := range dr.content {
			if sp := d.span(c[0], c[1]); !sp.Empty() {
				a.Content = append(a.Content, sp)
			}
		}
		if len(a.Content) == 0 {
			continue
		}
		if dr.cue[1] > dr.cue[0] {
			a.Cue = d.span(dr.cue[0], dr.cue[1])
		}
		if dr.np.kind != mNone {
			from, to := dr.np.from, dr.np.to
			for from < to && d.toks[from].k != tWord {
				from++
			}
			for to > from && d.toks[to-1].k != tWord {
				to--
			}
			a.Mention = d.span(from, to)
		}
		out = append(out, a)
	}
	return out
}

func round2(f float64) float64 { return float64(int(f*100+0.5)) / 100 }
