// Package importer turns news articles into a draft dossier: one source per
// article, one actor per person across all of them, parties merged, and a
// statement for every quote and every piece of reported speech that
// data/extract finds, each anchored in its source and carrying the draft a
// reviewer needs (the rule, its confidence and the spans it was read from).
//
// Run is `parley import`: a new draft (-o, --json), or the drafts added to
// an existing dossier (--into) with data/edit's byte-preserving writer, so
// that the dossier's comments, order and untouched text stay as they were;
// what the dossier already has is not added again (see Assemble).
package importer

import (
	"fmt"
	"slices"
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/parley-dev/parley/data"
	"github.com/parley-dev/parley/data/article"
	"github.com/parley-dev/parley/data/extract"
)

// Options tune an assembly.
type Options struct {
	// Into is the dossier the drafts will join (--into): its actors are
	// known names, its parties and actors are reused, its ids are taken.
	Into *data.Dossier
}

// Result is a draft dossier and what was drafted from each article.
type Result struct {
	Dossier *data.Dossier
	// Counts is the number of statements drafted from each article, in
	// the order of the articles.
	Counts []int
	// Articles is what became of each article, in their order.
	Articles []Drafted
	// New lists what the assembly added, for --into: the ids of sources,
	// parties, actors and statements that were not in Options.Into.
	New struct{ Sources, Parties, Actors, Statements []string }
}

// Drafted is what became of one article.
type Drafted struct {
	// Source is the id of the article's source; Reused when the dossier
	// already had a source with the article's text (the same article
	// imported again), which its statements then join.
	Source string
	Reused bool
	// Statements are the ids of the statements added from the article.
	Statements []string
	// Skipped counts the statements drafted from it that the dossier
	// already has (see Assemble).
	Skipped int
}

// Assemble drafts a dossier from the articles.
//
// An article whose text a source of the dossier already has (Options.Into,
// or an article before it in the same import) is not added again: its
// statements join that source, and a statement is skipped when the source
// already has one that says it — one whose place in the text (its anchor,
// or its draft's content span) covers at least half of what the draft
// would quote, or whose text is the draft's (case and spacing aside). So
// importing an article twice adds nothing the second time, and importing
// it into a dossier built by hand from it adds only the passages nobody
// attributed yet.
func Assemble(arts []*article.Article, opt Options) *Result {
	as := newAssembler(opt.Into)
	if len(arts) > 1 {
		// a first reading collects the people each article names in full,
		// so that "Lavrov said" in one article finds the "Sergei Lavrov" of
		// another, whichever comes first
		as.known = append(as.known, namedPeople(arts, as.known)...)
	}
	for _, a := range arts {
		as.article(a)
	}
	d := as.d
	as.res.Dossier = d
	if opt.Into == nil {
		d.Parley = data.FormatVersion
		switch {
		case len(arts) == 1 && arts[0].Title != "":
			d.Title = "Draft: " + arts[0].Title
		case len(arts) == 1:
			d.Title = "Draft: " + baseName(arts[0].Name)
		default:
			d.Title = fmt.Sprintf("Draft from %d articles", len(arts))
		}
		for _, s := range d.Sources {
			if !s.Date.IsZero() && (d.Date.IsZero() || s.Date.String() > d.Date.String()) {
				d.Date = s.Date
			}
		}
		if len(d.Parties) == 0 {
			// a dossier needs a party; the reviewer names the sides
			d.Parties = append(d.Parties, &data.Party{ID: "unknown", Name: "Unknown party", Note: "parley import found no side in the articles; rename or replace this party."})
			as.res.New.Parties = append(as.res.New.Parties, "unknown")
		}
	}
	return as.res
}

type assembler struct {
	d     *data.Dossier
	res   *Result
	ids   map[string]map[string]bool // kind → ids taken
	known []extract.Actor
	// people are the actors met so far, with the words that identify them.
	people []*person
}

type person struct {
	actor *data.Actor
	first string // lower case, "" when unknown
	last  string
}

func newAssembler(into *data.Dossier) *assembler {
	as := &assembler{res: &Result{}, ids: map[string]map[string]bool{}}
	if into == nil {
		as.d = &data.Dossier{}
	} else {
		// the drafts are added to a copy of the lists; the records themselves are shared
		// drafts are format 1.1: a dossier in 1 is raised to it
		version := into.Parley
		if !version.AtLeast(data.Version1_1) {
			version = data.Version1_1
		}
		as.d = &data.Dossier{Parley: version, Title: into.Title, Date: into.Date,
			Sources: slices.Clone(into.Sources), Parties: slices.Clone(into.Parties),
			Actors: slices.Clone(into.Actors), Statements: slices.Clone(into.Statements)}
		for _, s := range into.Sources {
			as.take("source", s.ID)
		}
		for _, p := range into.Parties {
			as.take("party", p.ID)
		}
		for _, s := range into.Statements {
			as.take("statement", s.ID)
		}
		for _, a := range into.Actors {
			as.take("actor", a.ID)
			as.addPerson(a)
			party := ""
			if p := as.partyByID(a.Party); p != nil {
				party = p.Name
			}
			as.known = append(as.known, extract.Actor{Name: a.Name, Role: a.Role, Party: party})
		}
	}
	return as
}

func (as *assembler) take(kind, id string) {
	if as.ids[kind] == nil {
		as.ids[kind] = map[string]bool{}
	}
	as.ids[kind][id] = true
}

// newID makes an id of the given kind from words, unique among its kind:
// "lavrov-west-would-submit", then "…-2".
func (as *assembler) newID(kind, text string, maxWords int) string {
	base := Slug(text, maxWords)
	if base == "" {
		base = kind
	}
	id := base
	for n := 2; as.ids[kind][id]; n++ {
		id = fmt.Sprintf("%s-%d", base, n)
	}
	as.take(kind, id)
	return id
}

// slugStop are words an id does without.
var slugStop = map[string]bool{"the": true, "a": true, "an": true, "that": true, "of": true, "to": true, "and": true, "in": true, "on": true, "for": true, "is": true, "was": true, "be": true, "it": true}

// Slug makes an id from text: its first maxWords words (small words left
// out), lower case, joined by hyphens; letters of any script are kept.
func Slug(text string, maxWords int) string {
	words := strings.FieldsFunc(strings.ToLower(text), func(r rune) bool {
		return !unicode.IsLetter(r) && !unicode.IsDigit(r)
	})
	var out []string
	for _, w := range words {
		if len(out) > 0 && slugStop[w] {
			continue
		}
		out = append(out, w)
		if len(out) == maxWords {
			break
		}
	}
	return strings.Join(out, "-")
}

func (as *assembler) partyByID(id string) *data.Party {
	for _, p := range as.d.Parties {
		if p.ID == id {
			return p
		}
	}
	return nil
}

// party finds or makes the party a speaker's party hint names ("Russia",
// "NATO"), matching a known party by id, name or short name.
func (as *assembler) party(name string) *data.Party {
	if name == "" {
		return nil
	}
	for _, p := range as.d.Parties {
		if strings.EqualFold(p.Name, name) || strings.EqualFold(p.Short, name) || strings.EqualFold(p.ID, Slug(name, 6)) {
			return p
		}
	}
	p := &data.Party{ID: as.newID("party", name, 6), Name: name}
	as.d.Parties = append(as.d.Parties, p)
	as.res.New.Parties = append(as.res.New.Parties, p.ID)
	return p
}

func (as *assembler) addPerson(a *data.Actor) *person {
	words := strings.Fields(a.Name)
	p := &person{actor: a}
	if len(words) > 0 {
		p.last = extract.Surname(a.Name)
	}
	if len(words) > 1 {
		p.first = strings.ToLower(words[0])
	}
	as.people = append(as.people, p)
	return p
}

// actor finds or makes the one actor for a person across all the
// articles: the same surname with a first name that agrees (equal, missing
// on one side, or a spelling away: Sergei, Sergey) is the same person.
func (as *assembler) actor(sp extract.Speaker) *data.Actor {
	words := strings.Fields(sp.Name)
	if len(words) == 0 {
		return nil
	}
	last := extract.Surname(sp.Name)
	first := ""
	if len(words) > 1 {
		first = strings.ToLower(words[0])
	}
	var found *person
	for _, p := range as.people {
		if p.last == last && sameFirst(p.first, first) {
			found = p
			break
		}
	}
	if found == nil {
		// the surname; a second person with the same one gets the full name
		a := &data.Actor{ID: as.newID("actor", last, 1), Name: sp.Name}
		if as.ids["actor"][Slug(last, 1)] && a.ID != Slug(last, 1) {
			delete(as.ids["actor"], a.ID)
			a.ID = as.newID("actor", sp.Name, 4)
		}
		as.d.Actors = append(as.d.Actors, a)
		as.res.New.Actors = append(as.res.New.Actors, a.ID)
		found = as.addPerson(a)
	}
	a := found.actor
	if as.isNewActor(a.ID) {
		if len(words) > len(strings.Fields(a.Name)) {
			a.Name = sp.Name
			found.first = first
		}
		if a.Role == "" && sp.Role != "" {
			a.Role = sp.Role
		}
		if a.Party == "" {
			if p := as.party(sp.Party); p != nil {
				a.Party = p.ID
			}
		}
	}
	return a
}

func (as *assembler) isNewActor(id string) bool { return slices.Contains(as.res.New.Actors, id) }

func sameFirst(a, b string) bool {
	if a == "" || b == "" || a == b || strings.HasPrefix(a, b) || strings.HasPrefix(b, a) {
		return true
	}
	return utf8.RuneCountInString(a) > 3 && utf8.RuneCountInString(b) > 3 && data.EditDistance([]rune(a), []rune(b), 3) <= 2
}

// article adds one article: its source and its statements.
func (as *assembler) article(a *article.Article) {
	text, _ := data.Sanitize(a.Text)
	out := Drafted{}
	src, shift := as.sourceWithText(text)
	if src != nil {
		out.Reused = true
	} else {
		src = &data.Source{Title: a.Title, Publisher: a.Publisher, URL: a.URL, Text: text}
		idText := a.Title
		if idText == "" {
			idText = strings.TrimSuffix(baseName(a.Name), extOf(a.Name))
		}
		src.ID = as.newID("source", idText, 6)
		if dt, err := data.ParseDate(a.Date); err == nil {
			src.Date = dt
		}
		if a.Byline != "" {
			src.Note = "By " + a.Byline + "."
		}
		as.d.Sources = append(as.d.Sources, src)
		as.res.New.Sources = append(as.res.New.Sources, src.ID)
	}
	out.Source = src.ID

	// Only what was there before this article counts as already said: two
	// drafts of one article may overlap (a quote inside reported speech).
	earlier := as.d.Statements
	for _, at := range extract.Extract(text, extract.Options{Known: as.known}) {
		if out.Reused {
			// the spans are the source's: its text may have white space
			// around the article's
			at = shifted(at, shift)
			if alreadySaid(earlier, src.ID, at, draftText(src.Text, at)) {
				out.Skipped++
				continue
			}
		}
		st := as.statement(src, src.Text, at)
		if st == nil {
			continue
		}
		as.d.Statements = append(as.d.Statements, st)
		as.res.New.Statements = append(as.res.New.Statements, st.ID)
		out.Statements = append(out.Statements, st.ID)
	}
	as.res.Counts = append(as.res.Counts, len(out.Statements))
	as.res.Articles = append(as.res.Articles, out)
}

// sourceWithText is the dossier's source whose text is text, but for white
// space around it (an article's text is read without), and where text
// begins in it; nil when there is none.
func (as *assembler) sourceWithText(text string) (*data.Source, int) {
	const space = " \t\r\n"
	for _, s := range as.d.Sources {
		if s.Text != "" && strings.Trim(s.Text, space) == text {
			return s, len(s.Text) - len(strings.TrimLeft(s.Text, space))
		}
	}
	return nil, 0
}

// shifted is at with every span moved by n bytes.
func shifted(at extract.Attribution, n int) extract.Attribution {
	if n == 0 {
		return at
	}
	move := func(s extract.Span) extract.Span {
		if s.Empty() {
			return s
		}
		return extract.Span{Start: s.Start + n, End: s.End + n}
	}
	at.Content = slices.Clone(at.Content)
	for i := range at.Content {
		at.Content[i] = move(at.Content[i])
	}
	at.Cue, at.Mention = move(at.Cue), move(at.Mention)
	return at
}

// alreadySaid tells whether one of the statements of source src says what
// attribution at would draft (with the text words): one whose place in the
// source covers at least half of the draft's content, or whose text is the
// same but for case and spacing.
func alreadySaid(statements []*data.Statement, src string, at extract.Attribution, words string) bool {
	size := 0
	for _, c := range at.Content {
		size += c.End - c.Start
	}
	folded := foldText(words)
	for _, s := range statements {
		if s.Source != src {
			continue
		}
		if folded != "" && foldText(s.Text) == folded {
			return true
		}
		covered := 0
		for _, p := range placeOf(s) {
			for _, c := range at.Content {
				covered += max(0, min(c.End, p.End)-max(c.Start, p.Start))
			}
		}
		if size > 0 && 2*covered >= size {
			return true
		}
	}
	return false
}

// placeOf is where a statement lies in its source: where its anchor (or
// text) was found when the dossier was loaded, or its draft's content.
func placeOf(s *data.Statement) []data.Span {
	if s.Location != nil && s.Location.Source == s.Source {
		return []data.Span{s.Location.Span}
	}
	if s.Draft() != nil && s.Draft().Spans != nil {
		var out []data.Span
		for _, r := range s.Draft().Spans.Content {
			out = append(out, r.Span())
		}
		return out
	}
	return nil
}

func foldText(s string) string {
	return strings.TrimRight(strings.ToLower(strings.Join(strings.Fields(s), " ")), ".!?")
}

// draftText is the text of the statement an attribution drafts: a quote's
// words as written, reported speech paraphrased (see paraphrase).
func draftText(text string, at extract.Attribution) string {
	if at.Kind == extract.Quote {
		return at.Text(text)
	}
	return paraphrase(at.Text(text))
}

// namedPeople are the people the articles name in full (two words or
// more) as speakers, with their roles and parties, each once.
func namedPeople(arts []*article.Article, known []extract.Actor) []extract.Actor {
	var out []extract.Actor
	same := func(name string) bool {
		w := strings.Fields(strings.ToLower(name))
		for _, k := range append(slices.Clone(known), out...) {
			kw := strings.Fields(strings.ToLower(k.Name))
			if len(kw) > 0 && kw[len(kw)-1] == w[len(w)-1] && (len(kw) < 2 || sameFirst(kw[0], w[0])) {
				return true
			}
		}
		return false
	}
	for _, a := range arts {
		text, _ := data.Sanitize(a.Text)
		for _, at := range extract.Extract(text, extract.Options{Known: known}) {
			sp := at.Speaker
			if !sp.Person || len(strings.Fields(sp.Name)) < 2 || same(sp.Name) {
				continue
			}
			out = append(out, extract.Actor{Name: sp.Name, Role: sp.Role, Party: sp.Party})
		}
	}
	return out
}

func baseName(name string) string {
	if i := strings.LastIndexAny(name, `/\`); i >= 0 {
		return name[i+1:]
	}
	return name
}

func extOf(name string) string {
	b := baseName(name)
	if i := strings.LastIndexByte(b, '.'); i > 0 {
		return b[i:]
	}
	return ""
}

// statement makes the statement of one attribution.
func (as *assembler) statement(src *data.Source, text string, at extract.Attribution) *data.Statement {
	st := &data.Statement{Kind: data.StatementKind(at.Kind), Source: src.ID, Date: src.Date}
	var x data.StatementExtra
	st.Text = draftText(text, at)
	if at.Kind != extract.Quote {
		b := at.Bounds()
		x.Anchor = &data.Anchor{Exact: text[b.Start:b.End]}
		if strings.Count(text, x.Anchor.Exact) > 1 {
			x.Anchor.Prefix = wordsBefore(text, b.Start, 40)
		}
	}
	if strings.TrimSpace(st.Text) == "" {
		return nil
	}
	sp := at.Speaker
	who := sp.Name
	switch {
	case sp.Person:
		a := as.actor(sp)
		st.Actor = a.ID
		st.Party = a.Party // as loading would default it: export writes it
		who = a.Name
		if a.Party == "" {
			if p := as.party(sp.Party); p != nil {
				st.Party = p.ID
				x.Note = fmt.Sprintf("Drafted: the party comes from how the article describes %s.", a.Name)
			}
		}
	case sp.Party != "":
		st.Party = as.party(sp.Party).ID
		if sp.Name != "" && !strings.EqualFold(sp.Name, sp.Party) {
			x.Note = fmt.Sprintf("Drafted: said by %s.", quoteName(sp.Name))
		}
	default:
		if sp.Name != "" {
			x.Note = fmt.Sprintf("Drafted: said by %s; no person or party could be told from it.", quoteName(sp.Name))
		} else {
			x.Note = "Drafted: the article does not say who said it."
		}
	}
	// the speaker's surname and the statement's first words
	idWords := st.Text
	if who != "" {
		f := strings.Fields(who)
		if last := f[len(f)-1]; !strings.HasPrefix(strings.ToLower(idWords), strings.ToLower(last)) {
			idWords = last + " " + idWords
		}
	}
	st.ID = as.newID("statement", idWords, 5)
	conf := at.Confidence
	spans := &data.DraftSpans{}
	for _, c := range at.Content {
		spans.Content = append(spans.Content, data.Range{c.Start, c.End})
	}
	if !at.Cue.Empty() {
		spans.Cue = &data.Range{at.Cue.Start, at.Cue.End}
	}
	if !at.Mention.Empty() {
		spans.Source = &data.Range{at.Mention.Start, at.Mention.End}
	}
	x.Draft = &data.Draft{Rule: at.Rule, Confidence: &conf, Spans: spans}
	st.SetExtra(x)
	return st
}

// wordsBefore is up to n bytes of whole words just before offset at.
func wordsBefore(text string, at, n int) string {
	from := max(0, at-n)
	for from < at && !utf8.RuneStart(text[from]) {
		from++
	}
	s := text[from:at]
	if from > 0 {
		if i := strings.IndexByte(s, ' '); i >= 0 {
			s = s[i+1:]
		}
	}
	return s
}

func quoteName(s string) string { return "“" + strings.Join(strings.Fields(s), " ") + "”" }

// paraphrase turns reported content into a statement's text: "that the
// West would answer" becomes "The West would answer." The words are the
// article's; only the leading "that", the first letter and the final stop
// change.
func paraphrase(s string) string {
	s = strings.Join(strings.Fields(s), " ")
	if rest, ok := strings.CutPrefix(s, "that "); ok {
		s = rest
	}
	r, n := utf8.DecodeRuneInString(s)
	if n == 0 {
		return ""
	}
	s = string(unicode.ToUpper(r)) + s[n:]
	if last, _ := utf8.DecodeLastRuneInString(s); !strings.ContainsRune(".!?”\"", last) {
		s += "."
	}
	return s
}
