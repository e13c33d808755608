package data

import (
	"fmt"
	"slices"
	"strconv"
	"strings"
)

// decoder turns a node tree into dossier records, collecting every problem
// instead of stopping at the first.
type decoder struct {
	file  string
	probs *Problems
	// at remembers the node of each record read from the dossier file, so
	// validation can point at the exact field.
	at   map[any]*node
	root *node
	// version is the format the dossier declares; fields and words added
	// after it are not read (a dossier means what it meant in its version).
	version Version
}

// v11 reports whether the dossier may use what format 1.1 added.
func (dc *decoder) v11() bool { return dc.version.AtLeast(Version1_1) }

func (dc *decoder) pos(n *node) Pos {
	if n == nil {
		return Pos{File: dc.file}
	}
	return Pos{File: dc.file, Line: n.line, Col: n.col}
}

func (dc *decoder) report(sev Severity, n *node, excerpt, format string, args ...any) {
	*dc.probs = append(*dc.probs, Problem{Pos: dc.pos(n), Severity: sev, Message: fmt.Sprintf(format, args...), Excerpt: excerpt})
}

func (dc *decoder) errorf(n *node, format string, args ...any) {
	dc.report(SeverityError, n, "", format, args...)
}

func (dc *decoder) warnf(n *node, format string, args ...any) {
	dc.report(SeverityWarning, n, "", format, args...)
}

// record reads the fields of one mapping. Fields are looked up by name;
// done() then warns about every field nobody asked for.
type record struct {
	dc   *decoder
	n    *node
	kind string // "statement", "party", …: the kind of record
	what string // how messages name it: "statement \"s1\""
	used []bool
}

func (dc *decoder) record(n *node, what string) (*record, bool) {
	if n.kind != nodeMap {
		dc.errorf(n, "%s must be a mapping of fields, found %s", what, n.describe())
		return nil, false
	}
	return &record{dc: dc, n: n, kind: what, what: what, used: make([]bool, len(n.keys))}, true
}

// field returns the value node of key, or nil when absent or null.
func (r *record) field(key string) *node {
	for i, k := range r.n.keys {
		if k.str == key {
			r.used[i] = true
			if r.n.vals[i].kind == nodeNull {
				return nil
			}
			return r.n.vals[i]
		}
	}
	return nil
}

// str reads a text field, sanitized for the terminal.
func (r *record) str(key string) string {
	v := r.field(key)
	if v == nil {
		return ""
	}
	if v.kind != nodeScalar {
		r.dc.errorf(v, "%s: %s must be a string, found %s", r.what, key, v.describe())
		return ""
	}
	s, removed := Sanitize(v.str)
	if removed {
		r.dc.warnf(v, "%s: %s held control characters or escape sequences; they were removed", r.what, key)
	}
	return s
}

// id reads an identifier: text without white space.
func (r *record) id(key string) string {
	s := r.str(key)
	if strings.ContainsAny(s, " \t\n") {
		r.dc.errorf(r.field(key), "%s: %s %q must not contain white space", r.what, key, s)
	}
	return s
}

// named reads the record's own id and names the record by it in the
// messages that follow.
func (r *record) named() string {
	id := r.id("id")
	if id != "" {
		r.what = fmt.Sprintf("%s %q", r.what, id)
	}
	return id
}

// ids reads a list of identifiers; a single id is accepted for one.
func (r *record) ids(key string) []string {
	v := r.field(key)
	if v == nil {
		return nil
	}
	if v.kind == nodeScalar && v.tag == "string" {
		return []string{r.str(key)}
	}
	if v.kind != nodeSeq {
		r.dc.errorf(v, "%s: %s must be a list of ids, found %s", r.what, key, v.describe())
		return nil
	}
	out := make([]string, 0, len(v.items))
	for _, it := range v.items {
		if it.kind != nodeScalar {
			r.dc.errorf(it, "%s: %s must hold ids, found %s", r.what, key, it.describe())
			continue
		}
		s, removed := Sanitize(it.str)
		if removed {
			r.dc.warnf(it, "%s: %s held control characters; they were removed", r.what, key)
		}
		out = append(out, s)
	}
	return out
}

func (r *record) date(key string) Date {
	v := r.field(key)
	if v == nil {
		return Date{}
	}
	if v.kind != nodeScalar {
		r.dc.errorf(v, "%s: %s must be a date, found %s", r.what, key, v.describe())
		return Date{}
	}
	d, err := ParseDate(v.str)
	if err != nil {
		r.dc.errorf(v, "%s: %s: %v", r.what, key, err)
		return Date{}
	}
	return d
}

// number reads a field that holds a number.
func (r *record) number(key string) (float64, bool) {
	v := r.field(key)
	if v == nil {
		return 0, false
	}
	f, err := strconv.ParseFloat(v.str, 64)
	if v.kind != nodeScalar || v.tag != "number" || err != nil {
		r.dc.errorf(v, "%s: %s must be a number, found %s", r.what, key, v.describe())
		return 0, false
	}
	return f, true
}

// enum reads a field that must hold one of the allowed words.
func (r *record) enum(key string, allowed []string) string {
	s := r.str(key)
	if s == "" || slices.Contains(allowed, s) {
		return s
	}
	msg := fmt.Sprintf("%s: %s %q is not one of %s", r.what, key, s, strings.Join(allowed, ", "))
	if near := nearest(s, allowed); near != "" {
		msg += fmt.Sprintf(" (did you mean %q?)", near)
	}
	r.dc.errorf(r.field(key), "%s", msg)
	return s
}

// softEnum reads a field whose unknown words are warned about and
// ignored, not errors: a word outside the list loses nothing the dossier
// needs.
func (r *record) softEnum(key string, allowed []string) string {
	s := r.str(key)
	if s == "" || slices.Contains(allowed, s) {
		return s
	}
	msg := fmt.Sprintf("%s: %s %q is not one of %s; it is ignored", r.what, key, s, strings.Join(allowed, ", "))
	if near := nearest(s, allowed); near != "" {
		msg += fmt.Sprintf(" (did you mean %q?)", near)
	}
	r.dc.warnf(r.field(key), "%s", msg)
	return ""
}

// list reads a list field, handing each entry to fn.
func (r *record) list(key string, fn func(*node)) {
	v := r.field(key)
	if v == nil {
		return
	}
	if v.kind != nodeSeq {
		r.dc.errorf(v, "%s: %s must be a list, found %s", r.what, key, v.describe())
		return
	}
	for _, it := range v.items {
		fn(it)
	}
}

// done warns about the fields this record does not know, suggesting the
// nearest known one: extra fields are allowed, but a typo should not pass
// silently.
func (r *record) done(known []string) {
	later := added11[r.kind]
	if !r.dc.v11() {
		known = slices.DeleteFunc(slices.Clone(known), func(f string) bool { return slices.Contains(later, f) })
	}
	for i, k := range r.n.keys {
		if r.used[i] || slices.Contains(known, k.str) {
			continue
		}
		if k.str == "$schema" && r.n == r.dc.root {
			continue // an editor's pointer to the JSON Schema
		}
		if slices.Contains(later, k.str) {
			r.dc.warnf(k, "%s: field %q is added in format 1.1; it is ignored (write \"parley: 1.1\" at the top to use it)", r.what, k.str)
			continue
		}
		msg := fmt.Sprintf("%s: unknown field %q (ignored: parley does not read it)", r.what, k.str)
		if near := nearest(k.str, known); near != "" {
			msg = fmt.Sprintf("%s: unknown field %q; did you mean %q?", r.what, k.str, near)
		}
		r.dc.warnf(k, "%s", msg)
	}
}

// nearest returns the candidate within a small edit distance of s.
func nearest(s string, candidates []string) string {
	best, bestD := "", 3
	low := []rune(strings.ToLower(s))
	for _, c := range candidates {
		// Of two as near, the first in sort order: candidates often come
		// from a map, and the message must not change from run to run.
		d := EditDistance(low, []rune(c), bestD)
		if d >= max(2, len(c)/3+1) || d >= len(c) {
			continue
		}
		if d < bestD || d == bestD && best != "" && c < best {
			best, bestD = c, d
		}
	}
	return best
}

func enumWords[T ~string](vs []T) []string {
	out := make([]string, len(vs))
	for i, v := range vs {
		out[i] = string(v)
	}
	return out
}

// The fields of each record, as the newest format has them.
var (
	dossierFields    = []string{"parley", "title", "date", "summary", "note", "sources", "parties", "actors", "topics", "statements", "positions", "demands", "events", "statement_files", "compare"}
	sourceFields     = []string{"id", "title", "short", "publisher", "date", "url", "file", "text", "note"}
	partyFields      = []string{"id", "name", "short", "color", "note"}
	actorFields      = []string{"id", "name", "party", "role", "note"}
	topicFields      = []string{"id", "title", "proposition", "parent", "summary", "note"}
	statementFields  = []string{"id", "kind", "act", "actor", "party", "via", "about", "text", "topics", "date", "source", "anchor", "note", "draft"}
	anchorFields     = []string{"exact", "prefix", "suffix"}
	draftFields      = []string{"rule", "confidence", "spans"}
	draftSpansFields = []string{"content", "cue", "source"}
	positionFields   = []string{"party", "topic", "stance", "summary", "evidence", "basis", "note"}
	demandFields     = []string{"id", "from", "to", "topic", "text", "date", "evidence", "responses", "note"}
	responseFields   = []string{"party", "status", "basis", "according_to", "text", "evidence", "date", "note"}
	eventFields      = []string{"id", "date", "title", "place", "status", "evidence", "note"}
)

// added11 are the fields format 1.1 added, by kind of record: a dossier
// that declares version 1 does not read them, and is told so.
var added11 = map[string][]string{
	"source":    {"short"},
	"topic":     {"proposition"},
	"statement": {"act", "via", "about", "draft"},
	"response":  {"basis", "according_to"},
}

// supportedVersion reports the format versions this build reads.
func supportedVersion(v Version) bool {
	return v.Major == FormatVersion.Major && v.Minor <= FormatVersion.Minor
}

// parseVersion reads "1" or "1.1" (MAJOR or MAJOR.MINOR, digits only), as
// written: 1.10 is version 1.10, not 1.1.
func parseVersion(s string) (Version, bool) {
	major, minor, dot := strings.Cut(s, ".")
	digits := func(t string) (int, bool) {
		if t == "" || len(t) > 4 || strings.Trim(t, "0123456789") != "" {
			return 0, false
		}
		n, err := strconv.Atoi(t)
		return n, err == nil
	}
	var v Version
	var ok bool
	if v.Major, ok = digits(major); !ok {
		return Version{}, false
	}
	if dot {
		if v.Minor, ok = digits(minor); !ok {
			return Version{}, false
		}
	}
	return v, true
}

func (dc *decoder) dossier(root *node) *Dossier {
	d := &Dossier{}
	dc.root = root
	r, ok := dc.record(root, "dossier")
	if !ok {
		return d
	}
	// A dossier without a version it can read is read as version 1: a
	// missing or misspelt version is then the one thing it is told.
	dc.version = Version1
	switch v := r.field("parley"); {
	case v == nil:
		dc.errorf(root, "missing \"parley: %s\" (the format version) at the top of the dossier", FormatVersion)
	case v.kind != nodeScalar || v.tag != "number":
		dc.errorf(v, "dossier: parley must be a format version, %s, found %s", readableVersions("or"), v.describe())
	default:
		ver, ok := parseVersion(v.str)
		switch {
		case !ok:
			dc.errorf(v, "dossier: parley must be a format version, %s, found %s", readableVersions("or"), v.str)
		case !supportedVersion(ver):
			d.Parley = ver
			dc.version = FormatVersion
			dc.errorf(v, "format version %s is not supported; this parley reads versions %s", ver, readableVersions("and"))
		default:
			d.Parley, dc.version = ver, ver
		}
	}
	d.Title = r.str("title")
	if missing(root, "title") {
		dc.errorf(root, "dossier: title is missing")
	}
	d.Date = r.date("date")
	d.Summary = r.str("summary")
	d.Note = r.str("note")
	d.Sources = records(r, "sources", dc.source)
	d.Parties = records(r, "parties", dc.party)
	d.Actors = records(r, "actors", dc.actor)
	d.Topics = records(r, "topics", dc.topic)
	d.Statements = records(r, "statements", dc.statement)
	d.Positions = records(r, "positions", dc.position)
	d.Demands = records(r, "demands", dc.demand)
	d.Events = records(r, "events", dc.event)
	d.StatementFiles = r.ids("statement_files")
	d.Compare = r.ids("compare")
	r.done(dossierFields)
	if pv := r.field("parties"); len(d.Parties) == 0 && (pv == nil || (pv.kind == nodeSeq && len(pv.items) == 0)) {
		at := root
		if pv != nil {
			at = pv
		}
		dc.errorf(at, "dossier: no parties; a dossier needs at least one party")
	}
	return d
}

// readableVersions is "1 or 1.1" (conj "or"): every version this build
// reads.
func readableVersions(conj string) string {
	var vs []string
	for minor := 0; minor <= FormatVersion.Minor; minor++ {
		vs = append(vs, Version{FormatVersion.Major, minor}.String())
	}
	if len(vs) == 1 {
		return vs[0]
	}
	return strings.Join(vs[:len(vs)-1], ", ") + " " + conj + " " + vs[len(vs)-1]
}

// records decodes a list field of records, keeping the ones that decode.
func records[T any](r *record, key string, decode func(*node) *T) []*T {
	var out []*T
	r.list(key, func(n *node) {
		if rec := decode(n); rec != nil {
			out = append(out, rec)
		}
	})
	return out
}

func (dc *decoder) remember(rec any, n *node) {
	if dc.at != nil {
		dc.at[rec] = n
	}
}

func (dc *decoder) source(n *node) *Source {
	r, ok := dc.record(n, "source")
	if !ok {
		return nil
	}
	s := &Source{
		ID: r.named(), Title: r.str("title"), Publisher: r.str("publisher"), Date: r.date("date"),
		URL: r.str("url"), File: r.str("file"), Note: r.str("note"), Pos: dc.pos(n),
	}
	if dc.v11() {
		s.Short = r.str("short")
	}
	// The text is sanitized once it is complete (a file's text is read later).
	if v := r.field("text"); v != nil {
		if v.kind != nodeScalar {
			dc.errorf(v, "%s: text must be a string, found %s", r.what, v.describe())
		} else {
			s.Text = v.str
		}
	}
	r.done(sourceFields)
	dc.remember(s, n)
	return s
}

func (dc *decoder) party(n *node) *Party {
	r, ok := dc.record(n, "party")
	if !ok {
		return nil
	}
	p := &Party{ID: r.named(), Name: r.str("name"), Short: r.str("short"), Color: r.str("color"), Note: r.str("note"), Pos: dc.pos(n)}
	r.done(partyFields)
	dc.remember(p, n)
	return p
}

func (dc *decoder) actor(n *node) *Actor {
	r, ok := dc.record(n, "actor")
	if !ok {
		return nil
	}
	a := &Actor{ID: r.named(), Name: r.str("name"), Party: r.id("party"), Role: r.str("role"), Note: r.str("note"), Pos: dc.pos(n)}
	r.done(actorFields)
	dc.remember(a, n)
	return a
}

func (dc *decoder) topic(n *node) *Topic {
	r, ok := dc.record(n, "topic")
	if !ok {
		return nil
	}
	t := &Topic{ID: r.named(), Title: r.str("title"), Parent: r.id("parent"), Summary: r.str("summary"), Note: r.str("note"), Pos: dc.pos(n)}
	if dc.v11() {
		t.Proposition = r.str("proposition")
	}
	r.done(topicFields)
	dc.remember(t, n)
	return t
}

func (dc *decoder) statement(n *node) *Statement {
	r, ok := dc.record(n, "statement")
	if !ok {
		return nil
	}
	s := &Statement{ID: r.named()}
	s.Kind = StatementKind(r.kind11("kind", enumWords([]StatementKind{KindQuote, KindReported}), string(KindAccount)))
	s.Actor, s.Party, s.Text, s.Topics = r.id("actor"), r.id("party"), r.str("text"), r.ids("topics")
	s.Date, s.Source, s.Pos = r.date("date"), r.id("source"), dc.pos(n)
	var x StatementExtra
	x.Note = r.str("note")
	if v := r.field("anchor"); v != nil {
		if ar, ok := dc.record(v, "anchor"); ok {
			x.Anchor = &Anchor{Exact: ar.str("exact"), Prefix: ar.str("prefix"), Suffix: ar.str("suffix")}
			ar.done(anchorFields)
		}
	}
	if dc.v11() {
		x.Act = Act(r.softEnum("act", enumWords(Acts)))
		x.Via, x.About = r.ids("via"), r.ids("about")
		if v := r.field("draft"); v != nil {
			x.Draft = dc.draft(v, r.what)
		}
	}
	s.SetExtra(x)
	r.done(statementFields)
	dc.remember(s, n)
	return s
}

func (dc *decoder) position(n *node) *Position {
	r, ok := dc.record(n, "position")
	if !ok {
		return nil
	}
	p := &Position{
		Party: r.id("party"), Topic: r.id("topic"), Stance: Stance(r.enum("stance", enumWords(Stances))),
		Summary: r.str("summary"), Evidence: r.ids("evidence"),
		Basis: Basis(r.enum("basis", []string{string(BasisStated), string(BasisInferred)})), Note: r.str("note"), Pos: dc.pos(n),
	}
	r.done(positionFields)
	dc.remember(p, n)
	return p
}

func (dc *decoder) demand(n *node) *Demand {
	r, ok := dc.record(n, "demand")
	if !ok {
		return nil
	}
	dm := &Demand{
		ID: r.named(), From: r.id("from"), To: r.ids("to"), Topic: r.id("topic"), Text: r.str("text"),
		Date: r.date("date"), Evidence: r.ids("evidence"), Note: r.str("note"), Pos: dc.pos(n),
	}
	r.list("responses", func(rn *node) {
		rr, ok := dc.record(rn, "response")
		if !ok {
			return
		}
		resp := &Response{
			Party: rr.id("party"), Status: Status(rr.enum("status", enumWords(Statuses))), Text: rr.str("text"),
			Evidence: rr.ids("evidence"), Date: rr.date("date"), Note: rr.str("note"), Pos: dc.pos(rn),
		}
		if dc.v11() {
			resp.Basis = Basis(rr.enum("basis", []string{string(BasisStated), string(BasisReported)}))
			resp.AccordingTo = rr.id("according_to")
		}
		rr.done(responseFields)
		dc.remember(resp, rn)
		dm.Responses = append(dm.Responses, resp)
	})
	r.done(demandFields)
	dc.remember(dm, n)
	return dm
}

func (dc *decoder) event(n *node) *Event {
	r, ok := dc.record(n, "event")
	if !ok {
		return nil
	}
	e := &Event{
		ID: r.named(), Date: r.date("date"), Title: r.str("title"), Place: r.str("place"),
		Status:   EventStatus(r.enum("status", []string{string(EventHappened), string(EventExpected)})),
		Evidence: r.ids("evidence"), Note: r.str("note"), Pos: dc.pos(n),
	}
	r.done(eventFields)
	dc.remember(e, n)
	return e
}

// kind11 is enum for a field to which format 1.1 added the word added: a
// version-1 dossier that uses it is told which version it needs.
func (r *record) kind11(key string, v1 []string, added string) string {
	if r.dc.v11() {
		return r.enum(key, append(slices.Clone(v1), added))
	}
	if s := r.str(key); s == added {
		r.dc.errorf(r.field(key), "%s: %s %q is not one of %s (%s is added in format 1.1: write \"parley: 1.1\" at the top to use it)",
			r.what, key, s, strings.Join(v1, ", "), added)
		return s
	}
	return r.enum(key, v1)
}

// draft reads a statement's draft: {rule, confidence, spans: {content,
// cue, source}}. Whether the spans lie in the source text is checked
// with the statement, once its source is known.
func (dc *decoder) draft(n *node, stmt string) *Draft {
	r, ok := dc.record(n, stmt+": draft")
	if !ok {
		return nil
	}
	dr := &Draft{Rule: r.str("rule")}
	if missing(n, "rule") {
		dc.errorf(n, "%s: rule is missing (the name of the rule that drafted it)", r.what)
	}
	if c, ok := r.number("confidence"); ok {
		if c < 0 || c > 1 {
			dc.errorf(r.field("confidence"), "%s: confidence must be from 0 to 1, found %s", r.what, r.field("confidence").str)
		} else {
			dr.Confidence = &c
		}
	}
	if v := r.field("spans"); v != nil {
		if sr, ok := dc.record(v, stmt+": draft.spans"); ok {
			sp := &DraftSpans{Content: dc.parts(sr, "content"), Cue: dc.byteRange(sr, "cue"), Source: dc.byteRange(sr, "source")}
			sr.done(draftSpansFields)
			dr.Spans = sp
		}
	}
	r.done(draftFields)
	return dr
}

// rangeOf reads [start, end]: two whole numbers, start before end.
func (dc *decoder) rangeOf(n *node, what string) (Range, bool) {
	bad := func(found string) (Range, bool) {
		dc.errorf(n, "%s must be [start, end], two byte offsets from 0, found %s", what, found)
		return Range{}, false
	}
	if n.kind != nodeSeq {
		return bad(n.describe())
	}
	if len(n.items) != 2 {
		return bad(fmt.Sprintf("a list of %d", len(n.items)))
	}
	var rg Range
	for i, it := range n.items {
		v, err := strconv.Atoi(it.str)
		if it.kind != nodeScalar || it.tag != "number" || err != nil || v < 0 {
			if it.kind == nodeScalar && it.tag == "number" {
				return bad(it.str)
			}
			return bad("a list holding " + it.describe())
		}
		rg[i] = v
	}
	if rg[0] >= rg[1] {
		dc.errorf(n, "%s [%d, %d] is empty or backwards; the end must come after the start", what, rg[0], rg[1])
		return Range{}, false
	}
	return rg, true
}

func (dc *decoder) byteRange(r *record, key string) *Range {
	v := r.field(key)
	if v == nil {
		return nil
	}
	rg, ok := dc.rangeOf(v, r.what+"."+key)
	if !ok {
		return nil
	}
	return &rg
}

// parts reads [start, end], or [[s1, e1], [s2, e2], ...] in order without
// overlaps.
func (dc *decoder) parts(r *record, key string) Parts {
	v := r.field(key)
	if v == nil {
		return nil
	}
	what := r.what + "." + key
	if v.kind != nodeSeq || len(v.items) == 0 || v.items[0].kind != nodeSeq {
		if rg, ok := dc.rangeOf(v, what); ok {
			return Parts{rg}
		}
		return nil
	}
	var out Parts
	for i, it := range v.items {
		rg, ok := dc.rangeOf(it, fmt.Sprintf("%s part %d", what, i+1))
		if !ok {
			return nil
		}
		if len(out) > 0 && rg[0] < out[len(out)-1][1] {
			dc.errorf(it, "%s part %d [%d, %d] starts before part %d ends; parts are in order and do not overlap", what, i+1, rg[0], rg[1], i)
			return nil
		}
		out = append(out, rg)
	}
	return out
}
