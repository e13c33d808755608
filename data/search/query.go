package search

import (
	"fmt"
	"slices"
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/parley-dev/parley/data"
)

// Query is a parsed search. Words all must match (in the statement's text or
// its speaker's name); Phrases must appear word for word; Exclude words must
// not appear; each filter kind narrows the statements (values of one kind
// are alternatives, kinds combine). Everything textual is folded: case,
// accents and width do not matter.
//
// The syntax:
//
//	nato security        both words
//	secu                 the last word matches as a prefix while typing
//	"written response"   an exact phrase
//	-troops              without the word
//	party:russia         party id or name prefix  (also -party:us)
//	speaker:lavrov       speaker id or name prefix
//	topic:nato           topic id or title prefix, with its subtopics
//	kind:quote           quote | reported | account  (also -kind:quote)
//	act:warning          the move a statement makes (also -act:)
//	via:interfax         someone its words came through: actor or source, id or name prefix
//	about:nato           a party it is about (an account's, or any statement's about)
//	date:2022-01         a day, month, year or FROM..TO range (either end may be open)
type Query struct {
	Raw string

	// Words are the folded words that must all match.
	Words []string
	// Prefix is set when the last of Words is still being typed and matches
	// any word that begins with it.
	Prefix bool
	// Phrases are the folded words of each quoted phrase.
	Phrases [][]string
	// Exclude are folded words no result may contain, in any form
	// (-attack leaves out "attacks" too); ExcludeExact, as written
	// (-"attack").
	Exclude      []string
	ExcludeExact []string

	Parties    []string // party ids
	NotParties []string
	Actors     []string // actor ids
	NotActors  []string
	Topics     []string // topic ids, subtopics included
	NotTopics  []string
	Kinds      []data.StatementKind
	NotKinds   []data.StatementKind
	Acts       []data.Act
	NotActs    []data.Act
	Via        []string // actor and source ids a statement came through
	About      []string // party ids
	Dates      []data.Date

	// Problems explain the parts that could not be understood; a query
	// with problems matches nothing.
	Problems []QueryProblem
}

// QueryProblem is one part of a query that could not be understood.
type QueryProblem struct {
	Span    data.Span // byte range in Query.Raw
	Message string    // one line, for the user
}

func (p QueryProblem) Error() string { return p.Message }

// QueryError lists everything wrong with a query.
type QueryError struct{ Problems []QueryProblem }

// Usage reports that the error is in how parley was asked (exit status 2).
func (e *QueryError) Usage() bool { return true }

func (e *QueryError) Error() string {
	msgs := make([]string, len(e.Problems))
	for i, p := range e.Problems {
		msgs[i] = p.Message
	}
	return strings.Join(msgs, "; ")
}

// Empty reports whether the query asks for nothing at all.
func (q *Query) Empty() bool {
	return len(q.Words) == 0 && len(q.Phrases) == 0 && len(q.Exclude) == 0 && len(q.ExcludeExact) == 0 && !q.hasFilters()
}

func (q *Query) hasFilters() bool {
	return len(q.Parties)+len(q.NotParties)+len(q.Actors)+len(q.NotActors)+
		len(q.Topics)+len(q.NotTopics)+len(q.Kinds)+len(q.NotKinds)+len(q.Dates)+
		len(q.Acts)+len(q.NotActs)+len(q.Via)+len(q.About) > 0
}

// Err is the query's problems as an error, or nil.
func (q *Query) Err() error {
	if len(q.Problems) == 0 {
		return nil
	}
	return &QueryError{Problems: q.Problems}
}

// ParseQuery reads a search query against a dossier (for the names in
// filters; d may be nil, and then filters naming parties, speakers or topics
// are problems). It never fails outright: what it cannot understand is
// listed in Query.Problems, and the error is non-nil exactly then.
func ParseQuery(s string, d *data.Dossier) (Query, error) {
	q := Query{Raw: s}
	p := queryParser{s: s, d: d, q: &q}
	p.parse()
	if len(q.Problems) > 0 {
		return q, q.Err()
	}
	return q, nil
}

type queryParser struct {
	s string
	i int
	d *data.Dossier
	q *Query
}

func (p *queryParser) problem(start, end int, format string, args ...any) {
	p.q.Problems = append(p.q.Problems, QueryProblem{data.Span{Start: start, End: end}, fmt.Sprintf(format, args...)})
}

func isQuerySpace(r rune) bool { return unicode.IsSpace(r) }

func (p *queryParser) skipSpace() {
	for p.i < len(p.s) {
		r, n := utf8.DecodeRuneInString(p.s[p.i:])
		if !isQuerySpace(r) {
			return
		}
		p.i += n
	}
}

// isQueryQuote accepts straight and typographic double quotes.
func isQueryQuote(r rune) bool {
	return r == '"' || r == '“' || r == '”' || r == '„' || r == '«' || r == '»' || r == '＂'
}

// readQuoted reads a quoted string starting at p.i (on the quote); an
// unterminated quote runs to the end (the user is still typing).
func (p *queryParser) readQuoted() (string, int, bool) {
	_, n := utf8.DecodeRuneInString(p.s[p.i:])
	start := p.i + n
	for j := start; j < len(p.s); {
		r, m := utf8.DecodeRuneInString(p.s[j:])
		if isQueryQuote(r) {
			p.i = j + m
			return p.s[start:j], start, true
		}
		j += m
	}
	p.i = len(p.s)
	return p.s[start:], start, false
}

// readBare reads up to the next space.
func (p *queryParser) readBare() string {
	start := p.i
	for p.i < len(p.s) {
		r, n := utf8.DecodeRuneInString(p.s[p.i:])
		if isQuerySpace(r) {
			break
		}
		p.i += n
	}
	return p.s[start:p.i]
}

var filterKeys = []string{"party", "speaker", "topic", "kind", "act", "via", "about", "date"}

func (p *queryParser) parse() {
	type word struct {
		text       string
		start, end int
	}
	var words []word
	for {
		p.skipSpace()
		if p.i >= len(p.s) {
			break
		}
		start := p.i
		neg := false
		if p.s[p.i] == '-' && p.i+1 < len(p.s) {
			if r, _ := utf8.DecodeRuneInString(p.s[p.i+1:]); !isQuerySpace(r) {
				neg = true
				p.i++
			}
		}
		r, _ := utf8.DecodeRuneInString(p.s[p.i:])
		if isQueryQuote(r) {
			text, _, _ := p.readQuoted()
			toks := FoldWords(text)
			switch {
			case len(toks) == 0:
			case neg:
				// -"a phrase": excluding a phrase excludes its words together,
				// which a one-word phrase does exactly.
				if len(toks) == 1 {
					p.q.ExcludeExact = append(p.q.ExcludeExact, toks[0])
				} else {
					p.problem(start, p.i, "only single words can be excluded; drop the quotes or the minus")
				}
			default:
				p.q.Phrases = append(p.q.Phrases, toks)
			}
			continue
		}
		// A filter key?
		rest := p.s[p.i:]
		if k, v, ok := strings.Cut(rest, ":"); ok && slices.Contains(filterKeys, strings.ToLower(k)) && !strings.ContainsFunc(k, isQuerySpace) {
			key := strings.ToLower(k)
			p.i += len(k) + 1
			var val string
			vstart := p.i
			if vr, _ := utf8.DecodeRuneInString(v); v != "" && isQueryQuote(vr) {
				val, vstart, _ = p.readQuoted()
			} else {
				val = p.readBare()
			}
			p.filter(key, strings.TrimSpace(val), neg, start, vstart, p.i)
			continue
		}
		text := p.readBare()
		toks := FoldWords(text)
		switch {
		case len(toks) == 0:
		case neg:
			p.q.Exclude = append(p.q.Exclude, toks...)
		case len(toks) > 1:
			// "nato's" or "e-mail": the parts belong together.
			p.q.Phrases = append(p.q.Phrases, toks)
		default:
			words = append(words, word{toks[0], start, p.i})
		}
	}
	for _, w := range words {
		p.q.Words = append(p.q.Words, w.text)
	}
	// The last word is still being typed unless a space follows it.
	if len(words) > 0 && words[len(words)-1].end == len(p.s) {
		p.q.Prefix = true
	}
}

func (p *queryParser) filter(key, val string, neg bool, start, vstart, end int) {
	if val == "" {
		if end == len(p.s) {
			return // still typing the value
		}
		p.problem(start, end, "%s: needs a value", key)
		return
	}
	switch key {
	case "party":
		ids := p.matchParties(val)
		if len(ids) == 0 {
			p.problem(vstart, end, "no party %q%s", val, p.known("parties", p.partyIDs()))
			return
		}
		if neg {
			p.q.NotParties = appendUnique(p.q.NotParties, ids...)
		} else {
			p.q.Parties = appendUnique(p.q.Parties, ids...)
		}
	case "speaker":
		ids := p.matchActors(val)
		if len(ids) == 0 {
			p.problem(vstart, end, "no speaker %q%s", val, p.known("speakers", p.actorIDs()))
			return
		}
		if neg {
			p.q.NotActors = appendUnique(p.q.NotActors, ids...)
		} else {
			p.q.Actors = appendUnique(p.q.Actors, ids...)
		}
	case "topic":
		ids := p.matchTopics(val)
		if len(ids) == 0 {
			p.problem(vstart, end, "no topic %q%s", val, p.known("topics", p.topicIDs()))
			return
		}
		if neg {
			p.q.NotTopics = appendUnique(p.q.NotTopics, ids...)
		} else {
			p.q.Topics = appendUnique(p.q.Topics, ids...)
		}
	case "kind":
		v := strings.ToLower(val)
		kinds := &p.q.Kinds
		if neg {
			kinds = &p.q.NotKinds
		}
		switch {
		case strings.HasPrefix(string(data.KindQuote), v):
			*kinds = appendUnique(*kinds, data.KindQuote)
		case strings.HasPrefix(string(data.KindReported), v):
			*kinds = appendUnique(*kinds, data.KindReported)
		case strings.HasPrefix(string(data.KindAccount), v):
			*kinds = appendUnique(*kinds, data.KindAccount)
		default:
			p.problem(vstart, end, "kind:%s is not a kind (quote, reported or account)", val)
		}
	case "act":
		v := strings.ToLower(val)
		acts := &p.q.Acts
		if neg {
			acts = &p.q.NotActs
		}
		var found []data.Act
		for _, a := range data.Acts {
			if strings.HasPrefix(string(a), v) {
				found = append(found, a)
			}
		}
		if len(found) == 0 {
			words := make([]string, len(data.Acts))
			for i, a := range data.Acts {
				words[i] = string(a)
			}
			p.problem(vstart, end, "act:%s is not an act (%s)", val, strings.Join(words, ", "))
			return
		}
		*acts = appendUnique(*acts, found...)
	case "via":
		if neg {
			p.problem(start, end, "-via: is not supported")
			return
		}
		ids := p.matchVia(val)
		if len(ids) == 0 {
			p.problem(vstart, end, "no actor or source %q that words come through", val)
			return
		}
		p.q.Via = appendUnique(p.q.Via, ids...)
	case "about":
		if neg {
			p.problem(start, end, "-about: is not supported")
			return
		}
		ids := p.matchParties(val)
		if len(ids) == 0 {
			p.problem(vstart, end, "no party %q%s", val, p.known("parties", p.partyIDs()))
			return
		}
		p.q.About = appendUnique(p.q.About, ids...)
	case "date":
		if neg {
			p.problem(start, end, "-date: is not supported; use a range, date:FROM..TO")
			return
		}
		dt, err := data.ParseOpenDate(val)
		if err != nil {
			p.problem(vstart, end, "date:%s: %v", val, err)
			return
		}
		p.q.Dates = append(p.q.Dates, dt)
	}
}

func appendUnique[T comparable](list []T, vs ...T) []T {
	if len(list)+len(vs) > 32 {
		// A filter can name thousands (every subtopic of a wide topic):
		// a set, not a scan of the list for each.
		seen := make(map[T]bool, len(list)+len(vs))
		for _, v := range list {
			seen[v] = true
		}
		for _, v := range vs {
			if !seen[v] {
				seen[v] = true
				list = append(list, v)
			}
		}
		return list
	}
	for _, v := range vs {
		if !slices.Contains(list, v) {
			list = append(list, v)
		}
	}
	return list
}

// nameMatches reports whether the folded value is a prefix of the id, of
// the whole folded name, or of one of the name's words.
func nameMatches(val []string, id string, names ...string) bool {
	if len(val) == 0 {
		return false
	}
	joined := strings.Join(val, " ")
	if strings.HasPrefix(strings.ToLower(id), strings.ToLower(joined)) {
		return true
	}
	if idw := FoldWords(id); len(idw) > 0 && wordsPrefix(idw, val) {
		return true
	}
	for _, n := range names {
		w := FoldWords(n)
		for i := range w {
			if wordsPrefix(w[i:], val) {
				return true
			}
		}
	}
	return false
}

// wordsPrefix reports whether val's words start have at the start of words:
// all but the last equal, the last a prefix.
func wordsPrefix(words, val []string) bool {
	if len(val) > len(words) {
		return false
	}
	for i, v := range val {
		if i == len(val)-1 {
			return strings.HasPrefix(words[i], v)
		}
		if words[i] != v {
			return false
		}
	}
	return true
}

// exactOrPrefix: an exact id wins over prefixes ("us" must not also pick
// "usa-allies").
func exactOrPrefix(val string, ids []string, match func(i int) bool) []string {
	for _, id := range ids {
		if strings.EqualFold(id, val) {
			return []string{id}
		}
	}
	var out []string
	for i, id := range ids {
		if match(i) {
			out = append(out, id)
		}
	}
	return out
}

func (p *queryParser) matchParties(val string) []string {
	if p.d == nil {
		return nil
	}
	fv := FoldWords(val)
	return exactOrPrefix(val, p.partyIDs(), func(i int) bool {
		pt := p.d.Parties[i]
		return nameMatches(fv, pt.ID, pt.Name, pt.Short)
	})
}

func (p *queryParser) matchActors(val string) []string {
	if p.d == nil {
		return nil
	}
	fv := FoldWords(val)
	return exactOrPrefix(val, p.actorIDs(), func(i int) bool {
		a := p.d.Actors[i]
		return nameMatches(fv, a.ID, a.Name)
	})
}

func (p *queryParser) matchTopics(val string) []string {
	if p.d == nil {
		return nil
	}
	fv := FoldWords(val)
	ids := exactOrPrefix(val, p.topicIDs(), func(i int) bool {
		t := p.d.Topics[i]
		return nameMatches(fv, t.ID, t.Title)
	})
	// Subtopics belong to their parent's search, each once however many
	// there are (a topic can have a hundred thousand).
	seen := make(map[string]bool, len(ids))
	for _, id := range ids {
		seen[id] = true
	}
	for i := 0; i < len(ids); i++ {
		for _, c := range p.d.TopicChildren(ids[i]) {
			if !seen[c.ID] {
				seen[c.ID] = true
				ids = append(ids, c.ID)
			}
		}
	}
	return ids
}

// matchVia finds the actors and sources a via: filter names: by id, name
// or (for a source) its short name, publisher or title.
func (p *queryParser) matchVia(val string) []string {
	if p.d == nil {
		return nil
	}
	fv := FoldWords(val)
	out := exactOrPrefix(val, p.actorIDs(), func(i int) bool {
		a := p.d.Actors[i]
		return nameMatches(fv, a.ID, a.Name)
	})
	ids := make([]string, len(p.d.Sources))
	for i, s := range p.d.Sources {
		ids[i] = s.ID
	}
	return append(out, exactOrPrefix(val, ids, func(i int) bool {
		s := p.d.Sources[i]
		return nameMatches(fv, s.ID, s.Short, s.Publisher, s.Title)
	})...)
}

func (p *queryParser) partyIDs() []string {
	if p.d == nil {
		return nil
	}
	out := make([]string, len(p.d.Parties))
	for i, x := range p.d.Parties {
		out[i] = x.ID
	}
	return out
}

func (p *queryParser) actorIDs() []string {
	if p.d == nil {
		return nil
	}
	out := make([]string, len(p.d.Actors))
	for i, x := range p.d.Actors {
		out[i] = x.ID
	}
	return out
}

func (p *queryParser) topicIDs() []string {
	if p.d == nil {
		return nil
	}
	out := make([]string, len(p.d.Topics))
	for i, x := range p.d.Topics {
		out[i] = x.ID
	}
	return out
}

// known lists a few of the ids there are, for the explanation.
func (p *queryParser) known(what string, ids []string) string {
	if len(ids) == 0 {
		return fmt.Sprintf(" (this dossier has no %s)", what)
	}
	const most = 8
	if len(ids) > most {
		return fmt.Sprintf(" (%s: %s, … %d more)", what, strings.Join(ids[:most], ", "), len(ids)-most)
	}
	return fmt.Sprintf(" (%s: %s)", what, strings.Join(ids, ", "))
}
