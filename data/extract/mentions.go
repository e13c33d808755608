package extract

import (
	"strings"
)

// mkind is what a speaker phrase is.
type mkind uint8

const (
	mNone    mkind = iota
	mName          // a person's name, maybe with a title: "Foreign Minister Sergei Lavrov"
	mPronoun       // he, she, they
	mDesc          // a description: "the minister", "Russia's foreign minister"
	mOrg           // an organisation or a state: "the Kremlin", "Interfax news agency"
)

// phrase is a speaker phrase taken apart.
type phrase struct {
	from, to int // tokens as written
	kind     mkind
	name     []string // the name's words, for mName and mOrg
	role     string   // the office, as written ("Foreign Minister")
	roleNoun string   // the description's head noun ("minister"), for mDesc
	party    string   // from a nationality, a possessive or an organisation
	gender   byte
}

// parsePhrase takes apart the speaker phrase in tokens [from, to).
func (d *doc) parsePhrase(from, to int) phrase {
	p := phrase{from: from, to: to}
	// skip punctuation at the edges
	for from < to && d.toks[from].k != tWord {
		from++
	}
	for to > from && d.toks[to-1].k != tWord {
		to--
	}
	det := false
	for from < to && (determiners[d.toks[from].lw] || d.toks[from].lw == "'s") {
		from++
		det = true
	}
	if from >= to {
		return p
	}
	if to-from == 1 {
		if g, ok := pronouns[d.toks[from].lw]; ok {
			p.kind, p.gender = mPronoun, g
			return p
		}
	}
	// A possessive: what stands before it gives the party ("Russia's
	// foreign minister") or is the whole speaker ("Trump's campaign").
	for i := from; i < to; i++ {
		if d.toks[i].lw == "'s" && i > from && i+1 < to {
			owner := strings.ToLower(d.text[d.toks[from].s:d.toks[i-1].e])
			if c, ok := countries[owner]; ok {
				p.party = c
			} else if o, ok := organisations[owner]; ok {
				p.party = o
			}
			rest := d.parsePhrase(i+1, to)
			rest.from = p.from
			if rest.party == "" {
				rest.party = p.party
			}
			return rest
		}
	}
	// Cut "X of Y" after a name: Y is an affiliation ("Joel Pollak of
	// Breitbart California").
	var nameFrom, nameTo = -1, -1
	var roleFrom, roleTo = -1, -1
	var tail []int // lower-case words after the name
	for i := from; i < to; i++ {
		t := d.toks[i]
		if t.k != tWord {
			continue
		}
		lw := t.lw
		two := ""
		if i+1 < to {
			two = lw + " " + d.toks[i+1].lw
		}
		switch {
		case nameFrom >= 0 && lw == "of":
			if org, ok := organisations[strings.ToLower(d.text[d.toks[min(i+1, to-1)].s:d.toks[to-1].e])]; ok && p.party == "" {
				p.party = org
			}
			i = to
		case nameFrom < 0 && two != "" && (nationalities[two] != "" || countries[two] != "" || organisations[two] != ""):
			p.party = firstOf(nationalities[two], countries[two], organisations[two])
			i++
			if to-from == 2 && organisations[two] != "" {
				p.kind, p.name = mOrg, []string{d.text[t.s:d.toks[i].e]}
				return p
			}
		case nameFrom < 0 && nationalities[lw] != "" && (t.cap || lw == "us"):
			p.party = nationalities[lw]
		case nameFrom < 0 && organisations[lw] != "" && t.cap:
			p.party = organisations[lw]
			if to-from == 1 {
				p.kind, p.name = mOrg, []string{d.word(i)}
				return p
			}
		case nameFrom < 0 && (titles[lw] || lw == "of" && roleFrom >= 0 || !t.cap && !stopWords[lw] && !determiners[lw]):
			if roleFrom < 0 {
				roleFrom = i
			}
			roleTo = i + 1
			if roleNouns[lw] {
				p.roleNoun = lw
			}
			switch lw {
			case "mr":
				p.gender = 'm'
			case "mrs", "ms", "miss":
				p.gender = 'f'
			}
		case t.cap && nameFrom < 0:
			nameFrom, nameTo = i, i+1
		case t.cap && nameTo == i && titles[lw] && i+1 < to && d.nextCapWord(i+1, to):
			// a title inside the run: what came before it is part of the
			// role ("Texas Senator Ted Cruz", "Vermont Sen. Bernie Sanders")
			if roleFrom < 0 {
				roleFrom = nameFrom
			}
			roleTo = i + 1
			if roleNouns[lw] {
				p.roleNoun = lw
			}
			nameFrom, nameTo = -1, -1
		case t.cap && nameTo == i, nameTo == i && (lw == "jr" || lw == "sr" || lw == "ii" || lw == "iii"):
			nameTo = i + 1
		case nameTo >= 0 && !t.cap:
			tail = append(tail, i)
		}
	}
	if roleFrom >= 0 {
		p.role = d.text[d.toks[roleFrom].s:d.toks[roleTo-1].e]
		if r := strings.ToLower(p.role); r == "mr" || r == "ms" || r == "mrs" || r == "miss" || r == "dr" {
			p.role = ""
		}
	}
	if nameFrom < 0 {
		head := d.toks[to-1].lw
		if orgHeads[head] && p.roleNoun == "" {
			// "the Russian government", "the campaign"
			p.kind, p.name = mOrg, []string{d.text[d.toks[from].s:d.toks[to-1].e]}
			if det {
				p.name = []string{d.text[d.toks[p.from].s:d.toks[to-1].e]}
			}
			return p
		}
		if p.roleNoun != "" || roleFrom >= 0 {
			p.kind = mDesc
		} else if p.party != "" {
			p.kind, p.name = mOrg, []string{d.text[d.toks[from].s:d.toks[to-1].e]}
		}
		return p
	}
	for i := nameFrom; i < nameTo; i++ {
		if d.toks[i].k == tWord {
			p.name = append(p.name, d.word(i))
		}
	}
	full := strings.ToLower(strings.Join(p.name, " "))
	last := d.toks[nameTo-1].lw
	switch {
	case places[strings.ReplaceAll(full, " ", "-")] || allCaps(p.name):
		// a state, a city, a dateline (NEW YORK)
		p.kind = mOrg
	case organisations[full] != "":
		p.kind, p.party = mOrg, organisations[full]
	case countries[full] != "":
		p.kind, p.party = mOrg, countries[full]
	case orgHeads[last] || len(tail) > 0 && orgHeads[d.toks[tail[len(tail)-1]].lw]:
		p.kind = mOrg
		if len(tail) > 0 {
			p.name = []string{d.text[d.toks[nameFrom].s:d.toks[tail[len(tail)-1]].e]}
		}
	case len(p.name) > 5:
		p.kind = mOrg
	case len(tail) > 0 && tail[0] == nameTo && d.toks[tail[len(tail)-1]].lw != "jr":
		// "the Sanders aide", "Trump supporters": the name describes the
		// speaker, who is the noun after it
		p.kind, p.name = mDesc, nil
		if head := d.toks[tail[len(tail)-1]].lw; roleNouns[head] {
			p.roleNoun = head
		}
		p.role = d.text[d.toks[nameFrom].s:d.toks[tail[len(tail)-1]].e]
	default:
		p.kind = mName
	}
	return p
}

// allCaps tells whether every word of a name of two or more is in capitals:
// a dateline or a headline, not a person's name.
func allCaps(words []string) bool {
	if len(words) < 2 {
		return false
	}
	for _, w := range words {
		if strings.ToUpper(w) != w || strings.ToLower(w) == w {
			return false
		}
	}
	return true
}

// nextCapWord tells whether a capitalised word follows i (over an
// abbreviation's period) before to.
func (d *doc) nextCapWord(i, to int) bool {
	for ; i < to; i++ {
		if d.isPunct(i, ".") || d.toks[i].k == tWord && d.toks[i].cap && titles[d.toks[i].lw] {
			continue
		}
		return d.toks[i].k == tWord && d.toks[i].cap
	}
	return false
}

func firstOf(s ...string) string {
	for _, x := range s {
		if x != "" {
			return x
		}
	}
	return ""
}

// resolve turns a parsed speaker phrase at token `at` into a speaker, and
// records the mention for later pronouns.
func (d *doc) resolve(p phrase, subj bool) Speaker {
	var e *entity
	switch p.kind {
	case mName:
		if len(p.name) == 1 && p.role == "" && p.gender == 0 && !d.ents.knows(p.name[0]) {
			// one capitalised word no one has been named by: "Half said",
			// "Newspaper says" — not taken for a person
			break
		}
		e = d.ents.person(p.name, p.role, p.party, p.gender)
	case mPronoun:
		if p.gender == 'n' {
			e = d.ents.pronoun(d, p.from, 'n')
		} else if d.toks[p.from].lw == "i" || d.toks[p.from].lw == "we" {
			e = nil
		} else {
			e = d.ents.pronoun(d, p.from, p.gender)
		}
	case mDesc:
		switch {
		case p.roleNoun == "counterpart":
			e = d.counterpart(p)
		case p.roleNoun != "":
			e = d.ents.byRole(p.from, p.roleNoun, p.party)
		}
	case mOrg:
		e = d.ents.org(strings.Join(p.name, " "), p.party)
	}
	if e == nil {
		sp := Speaker{Role: p.role, Party: p.party}
		if p.to > p.from {
			sp.Name = d.text[d.toks[p.from].s:d.toks[p.to-1].e]
		}
		return sp
	}
	d.ents.note(p.from, e, subj)
	return Speaker{Name: e.name, Role: e.role, Party: e.party, Person: e.person}
}

// counterpart resolves "his counterpart" (or "her", "Lavrov's"): the
// person named last before it who is not the owner, and of another party
// when both are known.
func (d *doc) counterpart(p phrase) *entity {
	var owner *entity
	if o := d.toks[p.from].lw; o == "his" || o == "her" {
		owner = d.ents.pronoun(d, p.from, pronouns[map[string]string{"his": "he", "her": "she"}[o]])
	}
	for i := d.ents.before(p.from) - 1; i >= 0; i-- {
		e := d.ents.mentions[i].ent
		if !e.person || e == owner {
			continue
		}
		if owner != nil && owner.party != "" && e.party == owner.party {
			continue
		}
		return e
	}
	return nil
}

// scanMentions records every name outside quotes in text order, so
// pronouns and descriptions later find the people named before them. A
// person is a run of two to four capitalised words (after any title), or
// one word that is the surname of someone already named or follows a
// title ("Mr. Lavrov").
func (d *doc) scanMentions() {
	for _, s := range d.sents {
		first := true
		for i := s.from; i < s.to; i++ {
			if d.inQuote[i] >= 0 || !d.isNameStart(i, s.from) {
				continue
			}
			j := i
			for j < s.to && d.inQuote[j] < 0 && (d.toks[j].k == tWord && (d.toks[j].cap || titles[d.toks[j].lw] && j > i) || d.isPunct(j, ".") && j > i && abbreviations[d.toks[j-1].lw]) {
				j++
			}
			if j == i {
				continue
			}
			// "President Wilson’s Hotel": a name that owns a capitalised noun is a place.
			if d.isWord(j, "'s") && j+1 < s.to && d.toks[j+1].cap {
				i = j + 1
				continue
			}
			p := d.parsePhrase(i, j)
			switch p.kind {
			case mName:
				single := len(p.name) == 1
				if single && p.role == "" && !d.ents.knows(p.name[0]) || len(p.name) > 4 || hasCalendarWord(p.name) {
					break
				}
				e := d.ents.person(p.name, p.role, p.party, p.gender)
				d.ents.note(i, e, first)
				first = false
			case mOrg:
				e := d.ents.org(strings.Join(p.name, " "), p.party)
				d.ents.note(i, e, first)
				first = false
			}
			i = j - 1
		}
	}
}

// isNameStart tells whether a capitalised word at i may open a name: at
// the start of a sentence, common words are capitalised too.
func (d *doc) isNameStart(i, sentFrom int) bool {
	t := d.toks[i]
	if t.k != tWord || !t.cap {
		return false
	}
	if stopWords[t.lw] || determiners[t.lw] || cues[t.lw] != notCue {
		return false
	}
	if i > sentFrom && d.toks[i-1].cap && d.toks[i-1].k == tWord {
		return false // inside a run that started earlier
	}
	return true
}

// knows tells whether a single word names someone already met.
func (es *entities) knows(w string) bool {
	lw := strings.ToLower(w)
	for _, e := range es.list {
		if e.person && (e.last == lw || e.first == lw && e.first != "") {
			return true
		}
	}
	return false
}

var calendarWords = set(`monday tuesday wednesday thursday friday saturday sunday january
	february march april may june july august september october november december`)

func hasCalendarWord(words []string) bool {
	for _, w := range words {
		if calendarWords[strings.ToLower(w)] {
			return true
		}
	}
	return false
}

// isCapWord reports whether token i is a capitalised word.
func (d *doc) isCapWord(i int) bool {
	return i >= 0 && i < len(d.toks) && d.toks[i].k == tWord && d.toks[i].cap
}

// subjectBefore finds the speaker phrase that ends just before the cue at
// token v (after adverbs such as "also" or "has"), not reaching below lo.
// An appositive between commas after a name is taken into the phrase's
// role: "Sergei Lavrov, Russia's foreign minister, said". It returns the
// phrase tokens and the appositive's, or ok false.
func (d *doc) subjectBefore(v, lo int) (np phrase, ok bool) {
	j := v - 1
	for j >= lo && d.toks[j].k == tWord && adverbials[d.toks[j].lw] && !pronounWord(d.toks[j].lw) {
		j--
	}
	if j < lo {
		return np, false
	}
	// "Sen. Marco Rubio (R-Fla.) said": a bracket after the name, maybe
	// with a comma after it
	if d.isPunct(j, ",") && d.isPunct(j-1, ")") {
		j--
	}
	if d.isPunct(j, ")") {
		k := j - 1
		for k >= lo && k > j-8 && !d.isPunct(k, "(") {
			k--
		}
		if k >= lo && d.isPunct(k, "(") {
			j = k - 1
		}
	}
	if j < lo {
		return np, false
	}
	apFrom, apTo := -1, -1
	for n := 0; n < 2 && d.isPunct(j, ","); n++ {
		// an appositive: , … , cue (two at most: "Scott Pruitt, the
		// attorney general of Oklahoma, one of the states suing, said")
		k := j - 1
		for k >= lo && k > j-26 && !(d.toks[k].k != tWord && d.toks[k].lw != "'" && d.toks[k].lw != "." && d.toks[k].lw != "-") {
			k--
		}
		if k < lo || !d.isPunct(k, ",") || k == j-1 {
			return np, false
		}
		apFrom, apTo = k+1, j
		j = k - 1
	}
	if j < lo {
		return np, false
	}
	// "A news report published Wednesday said": a day is when, not who
	for j > lo && d.toks[j].k == tWord && calendarWords[d.toks[j].lw] {
		j--
		for j > lo && d.toks[j].k == tWord && (d.toks[j].lw == "on" || d.toks[j].lw == "last" || d.toks[j].lw == "this" || d.toks[j].lw == "published" || d.toks[j].lw == "released" || d.toks[j].lw == "late" || d.toks[j].lw == "early") {
			j--
		}
	}
	end := j + 1
	start := d.phraseStartLeft(j, lo)
	if start < 0 {
		return np, false
	}
	np = d.parsePhrase(start, end)
	if np.kind == mNone {
		return np, false
	}
	if apFrom >= 0 {
		if ap := d.parsePhrase(apFrom, apTo); np.kind == mDesc && ap.kind == mName {
			// "The southern envoy, Tomas Berg, said": the name is the speaker
			ap.role, ap.party = firstOf(ap.role, np.role), firstOf(ap.party, np.party)
			return ap, true
		}
		d.addAppositive(&np, apFrom, apTo)
	}
	return np, true
}

func pronounWord(w string) bool { _, ok := pronouns[w]; return ok }

// phraseStartLeft walks left from token j (the phrase's last) over the
// words of a speaker phrase: a pronoun alone; capitalised words, titles,
// an abbreviation's period, a possessive; lower-case words of a
// description back to its determiner. It returns -1 when j cannot end a
// speaker phrase.
func (d *doc) phraseStartLeft(j, lo int) int {
	t := d.toks[j]
	if t.k != tWord {
		return -1
	}
	if pronounWord(t.lw) {
		return j
	}
	if stopWords[t.lw] || determiners[t.lw] || cues[t.lw] != notCue && !t.cap {
		return -1
	}
	start := j
	for k := j - 1; k >= lo && j-k < 9; k-- {
		u := d.toks[k]
		switch {
		case u.k == tPunct && u.lw == "." && k > lo && (abbreviations[d.toks[k-1].lw] || len(d.toks[k-1].lw) == 1 && d.toks[k-1].cap):
			continue
		case u.k != tWord:
			return start
		case determiners[u.lw]:
			return k
		case u.lw == "'s":
			continue
		case u.lw == "of" || u.lw == "for":
			if k > lo && d.toks[k-1].k == tWord && !stopWords[d.toks[k-1].lw] {
				continue
			}
			return start
		case stopWords[u.lw] || cues[u.lw] != notCue && !u.cap || pronounWord(u.lw):
			return start
		case !u.cap && d.toks[start].cap && !titles[u.lw] && nationalities[u.lw] == "":
			// a lower-case word before a name that is not a title ends it
			return start
		}
		start = k
	}
	return start
}

// addAppositive folds an appositive ("Russia's foreign minister", "a
// spokesman for the Kremlin") into a name's role and party.
func (d *doc) addAppositive(np *phrase, from, to int) {
	if np.kind != mName && np.kind != mOrg {
		return
	}
	if from < to && (d.toks[from].lw == "who" || d.toks[from].lw == "which") {
		return
	}
	ap := d.parsePhrase(from, to)
	if ap.kind != mDesc || ap.roleNoun == "" || to-from > 12 {
		// a role names an office ("Russia's foreign minister"); a clause
		// after a comma is no appositive
		return
	}
	s, e := from, to
	for s < e && (determiners[d.toks[s].lw] || d.toks[s].k != tWord) {
		s++
	}
	if s < e {
		// the role as written, from the first word after the determiner or possessive
		for k := s; k < e; k++ {
			if d.toks[k].lw == "'s" {
				s = k + 1
			}
		}
		if s < e {
			np.role = d.text[d.toks[s].s:d.toks[e-1].e]
		}
	}
	if np.party == "" {
		np.party = ap.party
	}
}

// subjectAfter finds the speaker phrase just after the cue at token v
// ("…,” said Lavrov, Russia's foreign minister."), not reaching hi.
func (d *doc) subjectAfter(v, hi int) (np phrase, ok bool) {
	j := v + 1
	if j >= hi || d.toks[j].k != tWord {
		return np, false
	}
	if pronounWord(d.toks[j].lw) {
		return d.parsePhrase(j, j+1), true
	}
	end := j
	for end < hi && end-j < 9 {
		u := d.toks[end]
		if u.k == tPunct && u.lw == "." && end > j && abbreviations[d.toks[end-1].lw] {
			end++
			continue
		}
		if u.k != tWord || stopWords[u.lw] && u.lw != "of" || cues[u.lw] != notCue && !u.cap {
			break
		}
		if end > j && determiners[u.lw] {
			break
		}
		end++
	}
	if end == j {
		return np, false
	}
	np = d.parsePhrase(j, end)
	if np.kind == mNone {
		return np, false
	}
	if d.isPunct(end, ",") {
		k := end + 1
		for k < hi && k < end+14 && (d.toks[k].k == tWord || d.toks[k].lw == "'" || d.toks[k].lw == "-") {
			k++
		}
		if k > end+1 && (k >= hi || d.toks[k].k == tPunct && (d.toks[k].lw == "." || d.toks[k].lw == ",")) {
			d.addAppositive(&np, end+1, k)
		}
	}
	return np, true
}
