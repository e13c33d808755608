package data

import (
	"bytes"
	"fmt"
	"math"
	"os"
	"regexp"
	"slices"
	"strings"
	"unicode/utf8"
	"unsafe"
)

// maxUnverifiedWarnings is how many quotes of one source without text get
// a warning each; the rest are counted in one.
const maxUnverifiedWarnings = 20

// validator checks every rule of the format and fills what the loader
// derives: statements' default party, source paragraphs and anchors.
type validator struct {
	dc        *decoder // the dossier file's
	d         *Dossier
	read      readFunc
	open      func(name string) (*os.File, error) // set by LoadWith: statement files are then streamed
	skip      func(name string) (bool, error)     // set by LoadWith: statement files left unread
	slowJSONL bool                                // fileHooks.slowJSONL
	stream    streamSizes                         // how statement files are streamed
	// discard, when set, takes each statement of a statement file once
	// checked, instead of the dossier (LoadOptions.Discard).
	discard func(*Statement)

	parties, actors, topics, sources, demands map[string]bool
	statementIDs                              map[string]idPlace // where each statement id is first defined
	idFiles                                   []string           // the files of idPlaces
	actorParty                                map[string]string  // actor id → its party, the first actor's
	sourceOf                                  map[string]*Source
	sourceBytes                               int64 // read from source files so far (MaxSourcesTotal) // source id → the first source with it
	// stmts finds statements by id for the rules of format 1.1 that look
	// at evidence; built once every statement is read, for 1.1 dossiers.
	stmts statementTable
	// bare are the sources with no file, text or url, and linked the
	// sources named in some statement's via.
	bare       []*Source
	linked     map[string]bool
	unverified map[string]int         // source id → quotes it cannot verify
	normalized map[string]*normalized // source id → folded text

	// "Did you mean" hints, remembered per kind and id, with the ids of
	// each kind; hintBudget is how many more pairs of ids hints may
	// compare (see hint).
	hints      map[string]string
	hintKeys   map[string][]string
	hintBudget int
}

// hintPairs bounds the work of "did you mean" hints in one load: a file
// with thousands of bad references among thousands of ids would
// otherwise spend minutes on hints nobody reads that far down (tests give
// a validator another bound through fileHooks.hintPairs).
const hintPairs = 2_000_000

func newValidator(dc *decoder, d *Dossier, read readFunc) *validator {
	return &validator{dc: dc, d: d, read: read, statementIDs: map[string]idPlace{}, normalized: map[string]*normalized{}, unverified: map[string]int{},
		hints: map[string]string{}, hintKeys: map[string][]string{}, hintBudget: hintPairs, stream: defaultStreamSizes()}
}

// field is the node of a record's field, or the record itself when the
// field is absent, so a message points as close to the problem as it can.
func field(rec *node, key string) *node {
	if rec == nil {
		return nil
	}
	for i, k := range rec.keys {
		if k.str == key {
			return rec.vals[i]
		}
	}
	return rec
}

// missing reports a field that is absent, null or blank. A field of the
// wrong type is not missing: the decoder has reported it already.
func missing(rec *node, key string) bool {
	if rec == nil || rec.kind != nodeMap {
		return false
	}
	for i, k := range rec.keys {
		if k.str == key {
			v := rec.vals[i]
			return v.kind == nodeNull || (v.kind == nodeScalar && strings.TrimSpace(v.str) == "")
		}
	}
	return true
}

// item is the n-th entry of a list field, or the field itself.
func item(rec *node, key string, n int) *node {
	f := field(rec, key)
	if f != nil && f.kind == nodeSeq && n < len(f.items) {
		return f.items[n]
	}
	return f
}

func (v *validator) run() {
	d := v.d
	v.parties = uniqueIDs(v, "party", d.Parties, func(p *Party) string { return p.ID })
	v.actors = uniqueIDs(v, "actor", d.Actors, func(a *Actor) string { return a.ID })
	v.topics = uniqueIDs(v, "topic", d.Topics, func(t *Topic) string { return t.ID })
	v.sources = uniqueIDs(v, "source", d.Sources, func(s *Source) string { return s.ID })
	v.demands = uniqueIDs(v, "demand", d.Demands, func(dm *Demand) string { return dm.ID })
	uniqueIDs(v, "event", d.Events, func(e *Event) string { return e.ID })
	v.actorParty = make(map[string]string, len(d.Actors))
	for _, a := range d.Actors {
		if _, ok := v.actorParty[a.ID]; !ok {
			v.actorParty[a.ID] = a.Party
		}
	}
	v.sourceOf = make(map[string]*Source, len(d.Sources))
	for _, s := range d.Sources {
		putFirst(v.sourceOf, s.ID, s)
	}

	for _, p := range d.Parties {
		v.checkParty(p)
	}
	for _, a := range d.Actors {
		n := v.dc.at[a]
		if missing(n, "name") {
			v.dc.errorf(n, "actor %q: name is missing", a.ID)
		}
		v.ref(v.dc, field(n, "party"), "actor "+quoteID(a.ID), "party", a.Party, v.parties)
	}
	v.checkTopics()
	for _, s := range d.Sources {
		v.loadSource(s)
	}
	for _, s := range d.Statements {
		v.checkStatement(v.dc, s, v.dc.at[s])
	}
	for i, file := range d.StatementFiles {
		v.readStatementFile(item(v.rootNode(), "statement_files", i), file)
	}
	v.warnBareSources()
	for _, src := range d.Sources {
		if n := v.unverified[src.ID] - maxUnverifiedWarnings; n > 0 {
			v.dc.warnf(v.dc.at[src], "source %q has no text: %d more quotes from it are unverified", src.ID, n)
		}
	}
	if v.dc.v11() {
		v.stmts = newStatementTable(d.Statements)
	}
	for _, p := range d.Positions {
		v.checkPosition(p)
	}
	v.checkDuplicatePositions()
	v.hintPropositions()
	for _, dm := range d.Demands {
		v.checkDemand(dm)
	}
	for _, e := range d.Events {
		v.checkEvent(e)
	}
	for i, id := range d.Compare {
		v.ref(v.dc, item(v.rootNode(), "compare", i), "compare", "party", id, v.parties)
	}
	if len(d.Compare) == 1 {
		v.dc.warnf(field(v.rootNode(), "compare"), "compare names 1 party; the explorer compares 2 to 4 side by side")
	}
	if len(d.Compare) > 4 {
		v.dc.warnf(field(v.rootNode(), "compare"), "compare names %d parties; the explorer shows at most 4 side by side", len(d.Compare))
	}
	d.buildIndex()
}

// rootNode is the dossier's top-level mapping.
func (v *validator) rootNode() *node { return v.dc.root }

func uniqueIDs[T any](v *validator, kind string, recs []T, id func(T) string) map[string]bool {
	seen := make(map[string]bool, len(recs))
	first := map[string]*node{}
	for _, r := range recs {
		n := v.dc.at[any(r)]
		key := id(r)
		if key == "" {
			if kind != "event" && missing(n, "id") {
				v.dc.errorf(n, "%s: id is missing", kind)
			}
			continue
		}
		if seen[key] {
			v.dc.errorf(field(n, "id"), "duplicate %s id %q (first defined at line %d)", kind, key, first[key].line)
			continue
		}
		seen[key] = true
		first[key] = field(n, "id")
	}
	return seen
}

// ref checks that a reference resolves; an empty one is not checked here.
func (v *validator) ref(dc *decoder, n *node, what, kind, id string, known map[string]bool) bool {
	if id == "" || known[id] {
		return true
	}
	msg := fmt.Sprintf("%s: unknown %s %q", what, kind, id)
	if near := v.hint(kind, id, len(known), func() []string { return keys(known) }); near != "" {
		msg += fmt.Sprintf(" (did you mean %q?)", near)
	}
	dc.errorf(n, "%s", msg)
	return false
}

// hint is the nearest id of a kind to an unknown one, for "did you mean":
// the same unknown id is looked up once, the ids of a kind are listed
// once, and once hints have compared hintPairs pairs of ids there are no
// more (the first problems of a file keep theirs).
func (v *validator) hint(kind, id string, n int, ids func() []string) string {
	key := kind + "\x00" + id
	if near, ok := v.hints[key]; ok {
		return near
	}
	near := ""
	if n <= v.hintBudget {
		v.hintBudget -= n
		ks, ok := v.hintKeys[kind]
		if !ok {
			ks = ids()
			v.hintKeys[kind] = ks
		}
		near = nearest(id, ks)
	}
	v.hints[key] = near
	return near
}

func keys(m map[string]bool) []string {
	out := make([]string, 0, len(m))
	for k := range m {
		out = append(out, k)
	}
	return out
}

var hexColor = regexp.MustCompile(`^#([0-9a-fA-F]{3}|[0-9a-fA-F]{6})$`)

func (v *validator) checkParty(p *Party) {
	n := v.dc.at[p]
	if missing(n, "name") {
		v.dc.errorf(n, "party %q: name is missing", p.ID)
	}
	if p.Color != "" && !hexColor.MatchString(p.Color) {
		v.dc.warnf(field(n, "color"), "party %q: color %q is not #rgb or #rrggbb; the theme picks one", p.ID, p.Color)
	}
}

func (v *validator) checkTopics() {
	for _, t := range v.d.Topics {
		n := v.dc.at[t]
		if missing(n, "title") {
			v.dc.errorf(n, "topic %q: title is missing", t.ID)
		}
		v.ref(v.dc, field(n, "parent"), "topic "+quoteID(t.ID), "parent topic", t.Parent, v.topics)
	}
	v.checkTopicCycles()
}

// checkTopicCycles reports every cycle of topic parents once, at the topic
// of the cycle that comes first in the file, and visits every topic once:
// a chain of a hundred thousand parents costs a hundred thousand steps,
// not their square. A topic's parent is that of the first topic with its
// id (a duplicate id is reported elsewhere).
func (v *validator) checkTopicCycles() {
	topics := v.d.Topics
	first := make(map[string]int, len(topics)) // id → index of its first topic
	for i, t := range topics {
		if _, ok := first[t.ID]; !ok && t.ID != "" {
			first[t.ID] = i
		}
	}
	// walk[i] is 0 before topic i is reached, then the number of the walk
	// that reached it; at[i] is its place on that walk.
	walk := make([]int, len(topics))
	at := make([]int, len(topics))
	var path []int
	for i, t := range topics {
		if walk[i] != 0 || first[t.ID] != i || t.ID == "" {
			continue
		}
		path = path[:0]
		for j := i; ; {
			walk[j], at[j] = i+1, len(path)
			path = append(path, j)
			p, ok := first[topics[j].Parent]
			if !ok || topics[j].Parent == "" {
				break // a root, or an unknown parent (reported elsewhere)
			}
			if walk[p] == i+1 {
				v.reportCycle(path[at[p]:])
				break
			}
			if walk[p] != 0 {
				break // reached by an earlier walk: checked already
			}
			j = p
		}
	}
}

// reportCycle reports the topics of a cycle, in parent order, at the one
// that comes first in the file.
func (v *validator) reportCycle(cycle []int) {
	start := 0
	for k, j := range cycle {
		if j < cycle[start] {
			start = k
		}
	}
	// A long cycle names its first and last topics and counts the rest:
	// a cycle of 100,000 topics made a message of a megabyte.
	const ends = 5
	ids := make([]string, 0, 2*ends+1)
	for k := range cycle {
		if len(cycle) > 2*ends+1 && k == ends {
			ids = append(ids, fmt.Sprintf("… %d topics …", len(cycle)-2*ends))
		}
		if len(cycle) <= 2*ends+1 || k < ends || k >= len(cycle)-ends {
			ids = append(ids, v.d.Topics[cycle[(start+k)%len(cycle)]].ID)
		}
	}
	t := v.d.Topics[cycle[start]]
	v.dc.errorf(field(v.dc.at[t], "parent"), "topic %q: parents form a cycle: %s → %s", t.ID, strings.Join(ids, " → "), t.ID)
}

func quoteID(id string) string { return fmt.Sprintf("%q", id) }

// statementWhat is "statement " + quoteID(id), in one allocation when the
// id needs no escaping (it is made for every statement, to be ready for a
// message).
func statementWhat(id string) string {
	for i := 0; i < len(id); i++ {
		if c := id[i]; c < 0x20 || c >= 0x7f || c == '"' || c == '\\' {
			return "statement " + quoteID(id)
		}
	}
	return `statement "` + id + `"`
}

func (v *validator) loadSource(s *Source) {
	n := v.dc.at[s]
	switch {
	case s.File != "" && s.Text != "":
		v.dc.errorf(field(n, "text"), "source %q: give either file or text, not both", s.ID)
	case s.File != "":
		b, err := v.read(s.File, MaxSourceSize, "a source text")
		if err != nil {
			msg := unwrapPathError(err).Error()
			if _, ok := err.(*TooLargeError); ok {
				msg += " (large collections of statements belong in statement files, which are read a line at a time)"
			}
			v.dc.errorf(field(n, "file"), "source %q: cannot read %q: %s", s.ID, s.File, msg)
			break
		}
		if v.sourceBytes += int64(len(b)); v.sourceBytes > MaxSourcesTotal {
			v.dc.errorf(field(n, "file"), "source %q: cannot read %q: with it the dossier's source files hold %s; they may hold at most %s in all (large collections of statements belong in statement files, which are read a line at a time)",
				s.ID, s.File, sizeText(v.sourceBytes), sizeText(MaxSourcesTotal))
			break
		}
		if len(bytes.TrimSpace(b)) == 0 {
			v.dc.warnf(field(n, "file"), "source %q: %q is empty; its quotes cannot be verified", s.ID, s.File)
			break
		}
		if perr := checkText(b); perr != nil && perr.line > 0 {
			// The problem is in the source file: point there.
			*v.dc.probs = append(*v.dc.probs, Problem{
				Pos:      Pos{File: v.relName(s.File), Line: perr.line, Col: perr.col},
				Severity: SeverityError,
				Message:  fmt.Sprintf("source %q: %s", s.ID, perr.msg),
			})
			break
		}
		s.Text = unsafe.String(unsafe.SliceData(b), len(b)) // b is the text's own: no copy of up to 16 MiB
	case missing(n, "url") && missing(n, "text") && missing(n, "file"):
		// Said once every statement is read: a source that only passes
		// statements on (named in via, never a statement's source) needs
		// no text.
		v.bare = append(v.bare, s)
	}
	if s.Text == "" {
		return
	}
	text, removed := Sanitize(s.Text)
	if removed {
		at := field(n, "text")
		if s.File != "" {
			at = field(n, "file")
		}
		v.dc.warnf(at, "source %q: its text held control characters or escape sequences; they were removed", s.ID)
	}
	s.Text = text
	s.Paragraphs = paragraphs(text)
	norm := normalize(text)
	v.normalized[s.ID] = &norm
}

// checkStatement validates one statement, defaults its party from its
// actor, and anchors it in its source.
func (v *validator) checkStatement(dc *decoder, s *Statement, n *node) {
	v.checkStatementAs(dc, s, n, "")
}

// checkStatementAs is checkStatement with what its messages call the
// statement; "" names it by its id. (The fast path of statement files
// checks a line with messages nobody reads: any sends it the slow way.)
func (v *validator) checkStatementAs(dc *decoder, s *Statement, n *node, what string) {
	if s.ID == "" {
		if missing(n, "id") {
			dc.errorf(n, "statement: id is missing")
		}
	} else if place, dup := v.statementIDs[s.ID]; dup {
		first := v.idPos(place)
		where := first.String()
		if first.File == dc.file {
			where = fmt.Sprintf("line %d", first.Line)
		}
		dc.errorf(field(n, "id"), "duplicate statement id %q (first defined at %s)", s.ID, where)
	} else {
		v.statementIDs[s.ID] = v.idPlace(dc.pos(field(n, "id")))
	}
	if what == "" {
		what = statementWhat(s.ID)
	}
	if missing(n, "kind") {
		if dc.v11() {
			dc.errorf(n, "%s: kind is missing (quote, reported or account)", what)
		} else {
			dc.errorf(n, "%s: kind is missing (quote or reported)", what)
		}
	}
	if missing(n, "text") {
		dc.errorf(n, "%s: text is missing", what)
	}
	account := s.Kind == KindAccount
	if account {
		// The source speaks: nobody else is its speaker.
		if s.Actor != "" {
			dc.errorf(field(n, "actor"), "%s: an account is the source's own voice and has no actor; say kind: reported for what someone said", what)
		}
		if s.Party != "" {
			dc.errorf(field(n, "party"), "%s: an account is the source's own voice and has no party; name the parties it concerns in about", what)
		}
		if missing(n, "source") {
			dc.errorf(n, "%s: an account is the source's own voice; name the source", what)
		}
	}
	if !account && v.ref(dc, field(n, "actor"), what, "actor", s.Actor, v.actors) && s.Actor != "" {
		actorParty := v.actorParty[s.Actor]
		switch {
		case s.Party == "":
			s.Party = actorParty
		case actorParty != "" && s.Party != actorParty && s.Note() == "":
			dc.warnf(field(n, "party"), "%s: party %q differs from its actor's party %q; add a note saying why", what, s.Party, actorParty)
		}
	}
	if !account {
		v.ref(dc, field(n, "party"), what, "party", s.Party, v.parties)
	}
	for i, p := range s.About() {
		v.ref(dc, item(n, "about", i), what+": about", "party", p, v.parties)
	}
	v.checkVia(dc, s, n, what)
	if !account && s.Actor == "" && s.Party == "" && s.Note() == "" {
		// A report often gives a sentence no speaker; a note saying so is
		// the honest record, and silences the warning.
		dc.warnf(n, "%s names neither actor nor party; it will show as unattributed (add a note saying why)", what)
	}
	for i, t := range s.Topics {
		v.ref(dc, item(n, "topics", i), what, "topic", t, v.topics)
	}
	if !v.ref(dc, field(n, "source"), what, "source", s.Source, v.sources) {
		return // nothing to anchor: the reason is reported already
	}
	content := v.checkDraft(dc, s, n, what)
	if strings.TrimSpace(s.Text) == "" {
		return
	}
	v.anchor(dc, s, n, what, content)
}

// warnBareSources warns about the sources with no file, text or url,
// except those that only pass statements on: named in a via, and no
// statement's source.
func (v *validator) warnBareSources() {
	var used map[string]bool // the sources statements are taken from
	for _, s := range v.bare {
		if v.linked[s.ID] && used == nil {
			used = map[string]bool{}
			for _, st := range v.d.Statements {
				used[st.Source] = true
			}
		}
		if v.linked[s.ID] && !used[s.ID] {
			continue
		}
		v.dc.warnf(v.dc.at[s], "source %q has no file, text or url; its quotes cannot be verified", s.ID)
	}
}

// checkVia checks an attribution chain: each entry names an actor or a
// source of the dossier, someone between the speaker and the source.
func (v *validator) checkVia(dc *decoder, s *Statement, n *node, what string) {
	for i, hop := range s.Via() {
		at := item(n, "via", i)
		isActor, isSource := v.actors[hop], v.sources[hop]
		if isSource {
			if v.linked == nil {
				v.linked = map[string]bool{}
			}
			v.linked[hop] = true
		}
		switch {
		case strings.TrimSpace(hop) == "":
			dc.errorf(at, "%s: via entry %d names nothing; name an actor or a source", what, i+1)
		case isActor && isSource:
			dc.errorf(at, "%s: via %q names both an actor and a source; rename one of them", what, hop)
		case !isActor && !isSource:
			msg := fmt.Sprintf("%s: via %q names no actor and no source", what, hop)
			if near := v.hint("actor or source", hop, len(v.actors)+len(v.sources), func() []string {
				return append(keys(v.actors), keys(v.sources)...)
			}); near != "" {
				msg += fmt.Sprintf(" (did you mean %q?)", near)
			}
			dc.errorf(at, "%s", msg)
		case isActor && hop == s.Actor:
			dc.warnf(at, "%s: via names the speaker %q; via lists who is between the speaker and the source", what, hop)
		case isSource && hop == s.Source:
			dc.warnf(at, "%s: via names the statement's own source %q; via lists who is between the speaker and it", what, hop)
		}
	}
}

// checkDraft checks that a draft's spans lie in the statement's source
// text, each starting and ending between characters. It returns the
// content's parts when the spans are sound, to place the statement when
// its anchor does not.
func (v *validator) checkDraft(dc *decoder, s *Statement, n *node, what string) Parts {
	if s.Draft() == nil || s.Draft().Spans == nil {
		return nil
	}
	sp := s.Draft().Spans
	spansAt := field(field(n, "draft"), "spans")
	src := v.sourceOf[s.Source]
	switch {
	case s.Source == "":
		dc.errorf(spansAt, "%s: draft spans point into the statement's source, and it names none", what)
		return nil
	case !src.HasText():
		dc.errorf(spansAt, "%s: draft spans point into source %q, which has no text", what, s.Source)
		return nil
	}
	text := src.Text
	ok := true
	check := func(r Range, at *node, name string) {
		switch {
		case r[1] > len(text):
			dc.errorf(at, "%s: draft.spans.%s [%d, %d] lies outside source %q (%d bytes)", what, name, r[0], r[1], s.Source, len(text))
			ok = false
		case !utf8.RuneStart(text[r[0]]) || r[1] < len(text) && !utf8.RuneStart(text[r[1]]):
			dc.errorf(at, "%s: draft.spans.%s [%d, %d] cuts a character of source %q in two; offsets are in bytes of UTF-8", what, name, r[0], r[1], s.Source)
			ok = false
		}
	}
	content := field(spansAt, "content")
	for i, r := range sp.Content {
		at, name := content, "content"
		if len(sp.Content) > 1 {
			at, name = item(spansAt, "content", i), fmt.Sprintf("content part %d", i+1)
		}
		check(r, at, name)
	}
	if sp.Cue != nil {
		check(*sp.Cue, field(spansAt, "cue"), "cue")
	}
	if sp.Source != nil {
		check(*sp.Source, field(spansAt, "source"), "source")
	}
	if !ok {
		return nil
	}
	if s.Kind == KindQuote && len(sp.Content) > 0 && !v.joinedParts(s, sp.Content, s.Text) {
		dc.report(SeverityWarning, content, excerpt(v.partsText(s, sp.Content)), "%s: draft.spans.content does not hold the quote's words; it is not used to place the quote", what)
		return nil
	}
	return sp.Content
}

// partsText is what a draft's content spans hold, the parts joined by " … ".
func (v *validator) partsText(s *Statement, parts Parts) string {
	src := v.sourceOf[s.Source]
	out := make([]string, len(parts))
	for i, p := range parts {
		out[i] = src.Text[p[0]:p[1]]
	}
	return strings.Join(out, " … ")
}

// anchor finds where a statement stands in its source. content, when set,
// is the content of the statement's draft: it places a statement whose
// anchor does not (no anchor.exact, or a passage found several times with
// nothing else to tell them apart), and a quote said in several parts is
// verbatim when its text is the parts' words joined.
func (v *validator) anchor(dc *decoder, s *Statement, n *node, what string, content Parts) {
	var draft *Span
	if ext, ok := content.Extent(); ok {
		draft = &ext
	}
	norm := v.normalized[s.Source]
	var a Anchor
	if s.Anchor() != nil {
		a = *s.Anchor()
	}
	passage := a.Exact
	ownText := false // an account without anchor.exact is looked for by its text
	switch {
	case s.Kind == KindQuote:
		passage = s.Text
		if a.Exact != "" && normalize(a.Exact).text != normalize(s.Text).text {
			dc.warnf(field(field(n, "anchor"), "exact"), "%s: a quote's anchor is its own text; anchor.exact is ignored", what)
		}
	case s.Kind == KindAccount && passage == "" && draft == nil:
		passage, ownText = s.Text, true
	}
	switch {
	case s.Source == "" && s.Kind == KindQuote:
		dc.warnf(n, "%s: unverified quote: it names no source", what)
		return
	case s.Source == "":
		return
	case norm == nil:
		if s.Kind == KindQuote {
			// One warning a quote, up to a point: a collection of a million
			// quotes from a web page must not make a million messages.
			if v.unverified[s.Source]++; v.unverified[s.Source] <= maxUnverifiedWarnings {
				dc.warnf(field(n, "source"), "%s: unverified quote: source %q has no text to check it against", what, s.Source)
			}
		}
		return
	case passage == "" && draft != nil:
		v.place(s, *draft)
		return
	case passage == "":
		dc.warnf(n, "%s: reported statement is not anchored in its source; add anchor.exact with the passage it reports", what)
		return
	}
	res := findPassage(norm, passage, a.Prefix, a.Suffix)
	if res.kept > 1 && draft != nil {
		if near := findPassageNear(norm, passage, a.Prefix, a.Suffix, draft); near.kept == 1 {
			res = near
		}
	}
	at := n
	if s.Kind != KindQuote && !ownText {
		at = field(field(n, "anchor"), "exact")
	} else {
		at = field(n, "text")
	}
	switch {
	case res.found == 0 && s.Kind == KindQuote && len(content) > 1 && v.joinedParts(s, content, passage):
		v.place(s, *draft)
	case res.found == 0 && s.Kind == KindQuote:
		dc.report(SeverityError, at, excerpt(s.Text), "%s: quote not found verbatim in source %q", what, s.Source)
	case res.found == 0 && ownText:
		dc.report(SeverityWarning, at, excerpt(passage), "%s: the account's text is not found in source %q; add anchor.exact with the passage it gives (it is left unanchored)", what, s.Source)
	case res.found == 0:
		dc.report(SeverityWarning, at, excerpt(passage), "%s: anchor.exact not found in source %q; the statement is left unanchored", what, s.Source)
	case res.kept == 0:
		sev := SeverityWarning
		if s.Kind == KindQuote {
			sev = SeverityError
		}
		dc.report(sev, field(n, "anchor"), "", "%s: found %s in source %q, but never with this anchor's prefix/suffix", what, times(res.found), s.Source)
	case res.kept > 1:
		sev := SeverityWarning
		if s.Kind == KindQuote {
			sev = SeverityError
		}
		dc.report(sev, at, excerpt(passage), "%s: found %d times in source %q; add anchor.prefix or anchor.suffix to say which", what, res.kept, s.Source)
	default:
		v.place(s, res.span)
	}
}

// joinedParts reports whether a quote's text is its parts' words in order,
// joined by white space (a quote interrupted by "he said").
func (v *validator) joinedParts(s *Statement, parts Parts, text string) bool {
	src := v.sourceOf[s.Source]
	words := make([]string, len(parts))
	for i, p := range parts {
		words[i] = normalize(src.Text[p[0]:p[1]]).text
	}
	return normalize(text).text == normalize(strings.Join(words, " ")).text
}

// place anchors a statement at a span of its source.
func (v *validator) place(s *Statement, span Span) {
	src := v.sourceOf[s.Source]
	s.Location = &Location{Span: span, Paragraph: paragraphOf(src.Paragraphs, span.Start), Source: s.Source}
}

func times(n int) string {
	if n == 1 {
		return "once"
	}
	return fmt.Sprintf("%d times", n)
}

// excerpt shortens text for a message line.
func excerpt(s string) string {
	s = strings.Join(strings.Fields(s), " ")
	if r := []rune(s); len(r) > 72 {
		s = string(r[:71]) + "…"
	}
	return s
}

func (v *validator) evidence(dc *decoder, n *node, what string, ids []string) {
	for i, id := range ids {
		if _, ok := v.statementIDs[id]; !ok {
			msg := fmt.Sprintf("%s: evidence names unknown statement %q", what, id)
			near := ""
			if len(v.statementIDs) <= 10000 { // a huge collection is not worth a scan for a hint
				near = v.hint("statement", id, len(v.statementIDs), func() []string { return statementKeys(v.statementIDs) })
			}
			if near != "" {
				msg += fmt.Sprintf(" (did you mean %q?)", near)
			}
			dc.errorf(item(n, "evidence", i), "%s", msg)
		}
	}
}

// statementKeys are the statement ids, for hints.
// idPlace is where a statement id is first defined, in a third of a Pos:
// the ids of a million statements are held while a dossier is checked.
type idPlace struct {
	file      uint32 // index in idFiles
	line, col int32
}

func (v *validator) idPlace(p Pos) idPlace {
	f := slices.Index(v.idFiles, p.File)
	if f < 0 {
		f = len(v.idFiles)
		v.idFiles = append(v.idFiles, p.File)
	}
	return idPlace{file: uint32(f), line: int32(min(p.Line, math.MaxInt32)), col: int32(min(p.Col, math.MaxInt32))}
}

func (v *validator) idPos(p idPlace) Pos {
	return Pos{File: v.idFiles[p.file], Line: int(p.line), Col: int(p.col)}
}

func statementKeys(m map[string]idPlace) []string {
	ks := make([]string, 0, len(m))
	for k := range m {
		ks = append(ks, k)
	}
	return ks
}

func (v *validator) checkPosition(p *Position) {
	n := v.dc.at[p]
	what := fmt.Sprintf("position of %q on %q", p.Party, p.Topic)
	if p.Party == "" || p.Topic == "" {
		what = "position"
	}
	if missing(n, "party") {
		v.dc.errorf(n, "position: party is missing")
	}
	if missing(n, "topic") {
		v.dc.errorf(n, "position: topic is missing")
	}
	if missing(n, "stance") {
		v.dc.errorf(n, "%s: stance is missing (%s)", what, strings.Join(enumWords(Stances), ", "))
	}
	if p.Basis == "" {
		p.Basis = BasisStated
	}
	v.ref(v.dc, field(n, "party"), what, "party", p.Party, v.parties)
	v.ref(v.dc, field(n, "topic"), what, "topic", p.Topic, v.topics)
	v.evidence(v.dc, n, what, p.Evidence)
	if p.Basis == BasisInferred && p.Note == "" {
		v.dc.warnf(field(n, "basis"), "%s: an inferred position should say in a note how it was inferred", what)
	}
	if p.Basis == BasisStated && p.Note == "" && v.onlyAccounts(p.Evidence) {
		v.dc.warnf(field(n, "evidence"), "%s: its evidence is only the source's own account, not the party's words; say basis: inferred, or add a note on how the account gives the party's own words", what)
	}
}

// onlyAccounts reports evidence that is all accounts (and not empty).
func (v *validator) onlyAccounts(ids []string) bool {
	if !v.dc.v11() || len(ids) == 0 {
		return false
	}
	for _, id := range ids {
		if s := v.stmts.get(id); s == nil || s.Kind != KindAccount {
			return false
		}
	}
	return true
}

// hintPropositions suggests a proposition for every topic on which one
// party supports and another opposes: without one, nobody can tell what
// is supported ("the US supports Troop build-up and invasion warnings").
func (v *validator) hintPropositions() {
	if !v.dc.v11() {
		return
	}
	type sides struct{ support, oppose bool }
	byTopic := map[string]*sides{}
	for _, p := range v.d.Positions {
		sd := byTopic[p.Topic]
		if sd == nil {
			sd = &sides{}
			byTopic[p.Topic] = sd
		}
		sd.support = sd.support || p.Stance == StanceSupport
		sd.oppose = sd.oppose || p.Stance == StanceOppose
	}
	for _, t := range v.d.Topics {
		if sd := byTopic[t.ID]; sd != nil && sd.support && sd.oppose && t.Proposition == "" {
			v.dc.report(SeverityHint, v.dc.at[t], "", "topic %q: one party supports it and another opposes it; add a proposition, the one sentence they support or oppose", t.ID)
			byTopic[t.ID] = nil // once per topic, whatever its id's duplicates
		}
	}
}

func (v *validator) checkDuplicatePositions() {
	first := map[[2]string]*node{}
	for _, p := range v.d.Positions {
		key := [2]string{p.Party, p.Topic}
		n := v.dc.at[p]
		if f, dup := first[key]; dup {
			v.dc.errorf(n, "a second position of %q on %q (first at line %d); merge them", p.Party, p.Topic, f.line)
			continue
		}
		first[key] = n
	}
}

func (v *validator) checkDemand(dm *Demand) {
	n := v.dc.at[dm]
	what := "demand " + quoteID(dm.ID)
	if missing(n, "from") {
		v.dc.errorf(n, "%s: from is missing (the party making the demand)", what)
	}
	if missing(n, "to") || (len(dm.To) == 0 && field(n, "to").kind == nodeSeq) {
		v.dc.errorf(n, "%s: to is missing (the parties it is addressed to)", what)
	}
	if missing(n, "text") {
		v.dc.errorf(n, "%s: text is missing", what)
	}
	v.ref(v.dc, field(n, "from"), what, "party", dm.From, v.parties)
	for i, p := range dm.To {
		v.ref(v.dc, item(n, "to", i), what, "party", p, v.parties)
	}
	v.ref(v.dc, field(n, "topic"), what, "topic", dm.Topic, v.topics)
	v.evidence(v.dc, n, what, dm.Evidence)
	answered := map[string]bool{}
	addressed := make(map[string]bool, len(dm.To))
	for _, p := range dm.To {
		addressed[p] = true
	}
	for _, r := range dm.Responses {
		rn := v.dc.at[r]
		rwhat := fmt.Sprintf("%s: response of %q", what, r.Party)
		if missing(rn, "party") {
			v.dc.errorf(rn, "%s: response: party is missing", what)
		} else if v.ref(v.dc, field(rn, "party"), what+": response", "party", r.Party, v.parties) && !addressed[r.Party] {
			v.dc.warnf(field(rn, "party"), "%s: the party is not among the demand's addressees (to)", rwhat)
		}
		if answered[r.Party] && r.Party != "" {
			v.dc.errorf(rn, "%s: a second response from the same party; merge them", rwhat)
		}
		answered[r.Party] = true
		if missing(rn, "status") {
			v.dc.errorf(rn, "%s: status is missing (%s)", rwhat, strings.Join(enumWords(Statuses), ", "))
		}
		v.evidence(v.dc, rn, rwhat, r.Evidence)
		v.checkProvenance(r, rn, rwhat)
	}
}

// checkProvenance checks who a response is known from: according_to names
// a party other than the one answering, and one whose statements are
// among the evidence.
func (v *validator) checkProvenance(r *Response, rn *node, rwhat string) {
	if r.AccordingTo == "" {
		return
	}
	at := field(rn, "according_to")
	switch {
	case r.Basis == BasisStated:
		v.dc.errorf(at, "%s: according_to names who reports the answer, but basis is stated (the party gave it itself); say basis: reported, or leave according_to out", rwhat)
		return
	case !v.ref(v.dc, at, rwhat+": according_to", "party", r.AccordingTo, v.parties):
		return
	case r.AccordingTo == r.Party:
		v.dc.warnf(at, "%s: according_to names the answering party itself; leave it out (an answer it gave itself is stated)", rwhat)
		return
	}
	if len(r.Evidence) == 0 {
		return
	}
	for _, id := range r.Evidence {
		if s := v.stmts.get(id); s != nil && s.Party == r.AccordingTo {
			return
		}
	}
	v.dc.warnf(at, "%s: according to %q, but none of its evidence is a statement of that party", rwhat, r.AccordingTo)
}

func (v *validator) checkEvent(e *Event) {
	n := v.dc.at[e]
	what := "event"
	if e.Title != "" {
		what = fmt.Sprintf("event %q", excerpt(e.Title))
	} else if missing(n, "title") {
		v.dc.errorf(n, "event: title is missing")
	}
	if missing(n, "date") {
		v.dc.errorf(n, "%s: date is missing", what)
	}
	if e.Status == "" {
		e.Status = EventHappened
	}
	v.evidence(v.dc, n, what, e.Evidence)
}
