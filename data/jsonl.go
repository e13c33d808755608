package data

import (
	"bytes"
	"encoding/binary"
	"errors"
	"fmt"
	"io"
	"slices"
	"strings"
	"sync/atomic"
	"unicode"
	"unicode/utf16"
	"unicode/utf8"
	"unsafe"
)

// The fast path for JSON Lines statement files.
//
// A statement file of a million lines is mostly lines of one shape: an
// object of the known statement fields, each of the expected type, nothing
// to warn about. Such a line is decoded here in one pass straight into a
// Statement, without the node tree, and checked by checkStatement against
// a stand-in node. Anything unusual (an unknown or duplicate key, a value of
// another type, a syntax error, a string that needs cleaning, anything
// checkStatement would report) sends the line, and only that line, to the
// slow path, jsonParser + decoder.statement + checkStatement, so that
// positions and messages are exactly those of the slow path.
//
// When Load reads a file from disk (streamStatementFile), it is read a
// piece at a time and the strings a statement keeps are copied into large
// blocks, names (actors, parties, sources, topics, dates) once for all, so
// that the file's syntax and field names do not stay in memory. When the
// file comes as bytes (Parse, the search cache), strings point into them
// instead, which keeps them alive. Only strings with escapes, or that
// Sanitize rewrites, are allocated on their own. Dates and topic lists are
// shared between the statements that spell them alike, and statements are
// allocated in slabs.

// jsonlFastLines counts the lines that took the fast path (tests check
// that it is taken).
var jsonlFastLines atomic.Int64

// statement fields, in statementFields order.
const (
	sfID = iota
	sfKind
	sfActor
	sfParty
	sfText
	sfTopics
	sfDate
	sfSource
	sfAnchor
	sfNote
	// added in format 1.1, read here only in a 1.1 dossier
	sfAct
	sfVia
	sfAbout
)

// statementField is the field a key names, or -1 for one the fast path
// leaves to the slow one. v11 is whether the dossier reads format 1.1.
func statementField(k []byte, v11 bool) int {
	switch string(k) {
	case "id":
		return sfID
	case "kind":
		return sfKind
	case "actor":
		return sfActor
	case "party":
		return sfParty
	case "text":
		return sfText
	case "topics":
		return sfTopics
	case "date":
		return sfDate
	case "source":
		return sfSource
	case "anchor":
		return sfAnchor
	case "note":
		return sfNote
	}
	if !v11 {
		return -1
	}
	switch string(k) {
	case "act":
		return sfAct
	case "via":
		return sfVia
	case "about":
		return sfAbout
	}
	return -1
}

// Bounds on the shared dates and topic lists, so a file where every line
// spells them differently does not grow the tables without end.
const (
	maxSharedDates  = 1 << 14
	maxSharedTopics = 1 << 14
	slabSize        = 1 << 12
)

// jsonlReader reads the lines of one statement file.
type jsonlReader struct {
	v  *validator
	dc *decoder // the file's: problems go to the dossier's list

	// The dry run of checkStatement for a fast line reports here; any
	// problem sends the line to the slow path.
	dry     decoder
	scratch Problems
	// stand-in for the statement's node: checkStatement reads from it only
	// the place of "id", that "kind" and "text" are present (the fast path
	// made sure they are) and whether "source" is; every other field it
	// asks for is absent, which only matters for the place of a message.
	rec     node
	idVal   node
	present node
	srcVal  node // "source": present when the statement has one, else null

	slab      []Statement
	x         StatementExtra   // the line's rarely set fields, while it is decoded
	extras    []StatementExtra // a slab of them
	anchors   []Anchor
	dates     map[string]Date
	topics    map[string][]string
	fastLines int

	// stream is set when the line's bytes are a buffer that is reused
	// (streamStatementFile): what a statement keeps is then copied into
	// arena, and names are shared through names.
	stream bool
	arena  []byte
	names  map[string]string

	buf []byte   // for unescaping
	ids []string // for reading topics
}

func newJSONLReader(v *validator, dc *decoder) *jsonlReader {
	r := &jsonlReader{v: v, dc: dc, dates: map[string]Date{}, topics: map[string][]string{}, names: map[string]string{}}
	r.dry = decoder{file: dc.file, probs: &r.scratch}
	r.present = node{kind: nodeScalar, tag: "string", str: "x"}
	r.rec = node{
		kind: nodeMap,
		keys: []*node{{kind: nodeScalar, str: "id"}, {kind: nodeScalar, str: "kind"}, {kind: nodeScalar, str: "text"}, {kind: nodeScalar, str: "source"}},
		vals: []*node{&r.idVal, &r.present, &r.present, &r.srcVal},
	}
	r.idVal = node{kind: nodeScalar, tag: "string", str: "x"}
	return r
}

// statement reads one line the fast way; false means the line must take
// the slow path (nothing has been changed then).
func (r *jsonlReader) statement(text []byte, line int) bool {
	if len(r.slab) == 0 {
		r.slab = make([]Statement, slabSize)
	}
	s := &r.slab[0]
	r.x = StatementExtra{}
	idOff, braceOff, ok := r.decode(text, s)
	if !ok {
		*s = Statement{}
		return false
	}
	if !r.x.IsZero() {
		if len(r.extras) == 0 {
			r.extras = make([]StatementExtra, slabSize/4)
		}
		r.extras[0] = r.x
		s.extra = &r.extras[0] // taken from the slab below once the line is kept
	}
	v := r.v
	if r.stream && v.discard != nil {
		// Kept only as keys (the ids and the names): the rest is let go
		// with the line.
		s.ID = r.own(s.ID)
		s.Actor, s.Party, s.Source = r.name(s.Actor), r.name(s.Party), r.name(s.Source)
	} else if r.stream {
		// Before the dry run: checkStatement keeps s.ID and s.Source as keys.
		s.ID, s.Text = r.own(s.ID), r.own(s.Text)
		s.Actor, s.Party, s.Source = r.name(s.Actor), r.name(s.Party), r.name(s.Source)
		if x := s.extra; x != nil {
			x.Note = r.own(x.Note)
			if a := x.Anchor; a != nil {
				a.Exact, a.Prefix, a.Suffix = r.own(a.Exact), r.own(a.Prefix), r.own(a.Suffix)
			}
		}
	}
	s.Pos = Pos{File: r.dc.file, Line: line, Col: runeCol(text, braceOff)}
	r.rec.line, r.rec.col = line, s.Pos.Col
	r.srcVal = node{kind: nodeNull}
	if s.Source != "" {
		r.srcVal = r.present // an account asks whether it has one
	}
	r.idVal.line, r.idVal.col = line, runeCol(text, idOff)
	counted := s.Kind == KindQuote && s.Source != ""
	var unverified int
	if counted {
		unverified = v.unverified[s.Source]
	}
	ids := len(v.statementIDs)
	v.checkStatement(&r.dry, s, &r.rec)
	if len(r.scratch) > 0 {
		// Undo what the dry run did; the slow path does it again. The id
		// was added unless it is a duplicate (which is reported).
		clear(r.scratch)
		r.scratch = r.scratch[:0]
		if len(v.statementIDs) > ids {
			delete(v.statementIDs, s.ID)
		}
		if counted {
			if unverified == 0 {
				delete(v.unverified, s.Source)
			} else {
				v.unverified[s.Source] = unverified
			}
		}
		*s = Statement{}
		return false
	}
	r.fastLines++
	if v.discard != nil {
		v.discard(s)
		*s = Statement{} // its place in the slab is used again
		return true
	}
	r.slab = r.slab[1:]
	if s.extra != nil {
		r.extras = r.extras[1:]
	}
	v.d.Statements = append(v.d.Statements, s)
	return true
}

// Sizes for streamStatementFile (tests make them small).
var (
	arenaBlock  = 1 << 20 // strings kept from a streamed file are copied into blocks of this size
	streamChunk = 4 << 20 // bytes read at a time
	maxNames    = 1 << 16
)

// own returns s where it stays: a copy in the arena when streaming.
func (r *jsonlReader) own(s string) string {
	if !r.stream || s == "" {
		return s
	}
	if len(s) > arenaBlock/8 {
		return strings.Clone(s)
	}
	if len(r.arena)+len(s) > cap(r.arena) {
		r.arena = make([]byte, 0, arenaBlock)
	}
	// The block never grows, so earlier strings in it stay put.
	at := len(r.arena)
	r.arena = append(r.arena, s...)
	return unsafe.String(&r.arena[at], len(s))
}

// name is own for the short strings many statements repeat (actors,
// parties, sources, topics, dates): one copy for all.
func (r *jsonlReader) name(s string) string {
	if !r.stream || s == "" {
		return s
	}
	if n, ok := r.names[s]; ok {
		return n
	}
	n := r.own(s)
	if len(r.names) < maxNames {
		r.names[n] = n
	}
	return n
}

// runeCol is the 1-based column, in runes, of text[off].
func runeCol(text []byte, off int) int {
	for i := 0; i < off; i++ {
		if text[i] >= utf8.RuneSelf {
			return utf8.RuneCount(text[:off]) + 1
		}
	}
	return off + 1
}

// bytesString is b as a string without a copy; b must never change.
func bytesString(b []byte) string {
	if len(b) == 0 {
		return ""
	}
	return unsafe.String(&b[0], len(b))
}

// lineScan is a position in one line.
type lineScan struct {
	b []byte
	i int
}

// space skips what jsonParser.space skips (a line holds no line break).
func (p *lineScan) space() {
	for p.i < len(p.b) {
		switch p.b[p.i] {
		case ' ', '\t', '\r':
			p.i++
		default:
			return
		}
	}
}

// peek is the byte at the position, 0 at the end of the line.
func (p *lineScan) peek() byte {
	if p.i < len(p.b) {
		return p.b[p.i]
	}
	return 0
}

// next steps past what follows an element of a list or an object: a
// comma (more) or the closing byte; anything else is not ok.
func (p *lineScan) next(closing byte) (more, ok bool) {
	p.space()
	switch p.peek() {
	case ',':
		p.i++
		p.space()
		return true, true
	case closing:
		p.i++
		return false, true
	}
	return false, false
}

// null consumes the literal null.
func (p *lineScan) null() bool {
	if bytes.HasPrefix(p.b[p.i:], []byte("null")) {
		p.i += 4
		return true
	}
	return false
}

// key reads an object key without escapes.
func (p *lineScan) key() ([]byte, bool) {
	if p.peek() != '"' {
		return nil, false
	}
	start := p.i + 1
	for i := start; i < len(p.b); i++ {
		switch c := p.b[i]; {
		case c == '"':
			p.i = i + 1
			p.space()
			if p.peek() != ':' {
				return nil, false
			}
			p.i++
			p.space()
			return p.b[start:i], true
		case c == '\\' || c < 0x20:
			return nil, false
		}
	}
	return nil, false
}

// str reads a JSON string as jsonParser.string does. clean means that
// Sanitize would leave it as it is (and say nothing): nothing escaped, no
// control character, no rune Sanitize removes. The string points into the
// line unless it had escapes.
func (r *jsonlReader) str(p *lineScan) (s string, clean, ok bool) {
	if p.peek() != '"' {
		return "", false, false
	}
	b := p.b
	start := p.i + 1
	clean = true
	for i := start; i < len(b); {
		// Eight ordinary ASCII bytes at a time.
		for i+8 <= len(b) && !special8(binary.LittleEndian.Uint64(b[i:])) {
			i += 8
		}
		if i >= len(b) {
			break
		}
		c := b[i]
		switch strByte[c] {
		case 0:
		case sbQuote:
			p.i = i + 1
			return bytesString(b[start:i]), clean, true
		case sbEscape:
			return r.unescape(p, start, i)
		case sbControl:
			return "", false, false // the slow path says which
		case sbUnsafe:
			clean = false
		case sbLead:
			if unsafeRuneAt(b[i:]) {
				clean = false
			}
		}
		i++
	}
	return "", false, false
}

// Classes of bytes in a JSON string, for str.
const (
	sbQuote = 1 + iota
	sbEscape
	sbControl // not allowed in a JSON string
	sbUnsafe  // DEL: Sanitize removes it
	sbLead    // may start a rune Sanitize removes or rewrites
)

var strByte = func() (t [256]uint8) {
	for c := range 0x20 {
		t[c] = sbControl
	}
	t['"'], t['\\'], t[0x7f] = sbQuote, sbEscape, sbUnsafe
	t[0xc2], t[0xe2], t[0xef] = sbLead, sbLead, sbLead
	return t
}()

// unsafeRuneAt reports whether the (valid UTF-8) rune at b[0] is one that
// isCleanUnicode rejects: a C1 control (U+0080–U+009F), a bidirectional
// override or isolate (U+202A–U+202E, U+2066–U+2069) or U+FFFD.
func unsafeRuneAt(b []byte) bool {
	switch {
	case len(b) >= 2 && b[0] == 0xc2:
		return b[1] <= 0x9f
	case len(b) >= 3 && b[0] == 0xe2:
		return (b[1] == 0x80 && b[2] >= 0xaa && b[2] <= 0xae) || (b[1] == 0x81 && b[2] >= 0xa6 && b[2] <= 0xa9)
	case len(b) >= 3 && b[0] == 0xef:
		return b[1] == 0xbf && b[2] == 0xbd
	}
	return false
}

// special8 reports whether any of the eight bytes of w is not ASCII, a
// control character, a quote, a backslash or DEL (the tests for a byte
// below n or equal to zero are exact for "any").
func special8(w uint64) bool {
	const ones, highs = 0x0101010101010101, 0x8080808080808080
	below := func(x, n uint64) bool { return (x-n*ones)&^x&highs != 0 }
	return w&highs != 0 || below(w, 0x20) || below(w^'"'*ones, 1) || below(w^'\\'*ones, 1) || below(w^0x7f*ones, 1)
}

// unescape finishes a string with escapes, from b[esc] == '\\', decoding as
// encoding/json does (a lone surrogate becomes U+FFFD). The file is valid
// UTF-8 (checkText), so the bytes between escapes are copied as they are.
func (r *jsonlReader) unescape(p *lineScan, start, esc int) (string, bool, bool) {
	b := p.b
	out := append(r.buf[:0], b[start:esc]...)
	for i := esc; i < len(b); {
		c := b[i]
		switch {
		case c == '"':
			p.i = i + 1
			r.buf = out
			return string(out), false, true
		case c < 0x20:
			return "", false, false
		case c != '\\':
			out = append(out, c)
			i++
			continue
		}
		if i+1 >= len(b) {
			return "", false, false
		}
		switch b[i+1] {
		case '"', '\\', '/':
			out = append(out, b[i+1])
		case 'b':
			out = append(out, '\b')
		case 'f':
			out = append(out, '\f')
		case 'n':
			out = append(out, '\n')
		case 'r':
			out = append(out, '\r')
		case 't':
			out = append(out, '\t')
		case 'u':
			rr := hex4(b[i+2:])
			if rr < 0 {
				return "", false, false
			}
			i += 6
			if utf16.IsSurrogate(rr) {
				rr1 := rune(-1)
				if i+1 < len(b) && b[i] == '\\' && b[i+1] == 'u' {
					rr1 = hex4(b[i+2:])
				}
				if dec := utf16.DecodeRune(rr, rr1); dec != unicode.ReplacementChar {
					i += 6
					rr = dec
				} else {
					rr = unicode.ReplacementChar
				}
			}
			out = utf8.AppendRune(out, rr)
			continue
		default:
			return "", false, false
		}
		i += 2
	}
	return "", false, false
}

// hex4 reads four hex digits, or returns -1.
func hex4(b []byte) rune {
	if len(b) < 4 {
		return -1
	}
	var r rune
	for _, c := range b[:4] {
		switch {
		case '0' <= c && c <= '9':
			c -= '0'
		case 'a' <= c && c <= 'f':
			c = c - 'a' + 10
		case 'A' <= c && c <= 'F':
			c = c - 'A' + 10
		default:
			return -1
		}
		r = r*16 + rune(c)
	}
	return r
}

// text reads a text field as record.str does; false when it would warn.
func (r *jsonlReader) text(p *lineScan) (string, bool) {
	s, clean, ok := r.str(p)
	if !ok {
		return "", false
	}
	if clean {
		return s, true
	}
	s, removed := Sanitize(s)
	return s, !removed
}

// id reads an identifier as record.id does; false when it would report.
func (r *jsonlReader) id(p *lineScan) (string, bool) {
	s, ok := r.text(p)
	if !ok {
		return "", false
	}
	for i := 0; i < len(s); i++ {
		if c := s[i]; c == ' ' || c == '\t' || c == '\n' {
			return "", false // record.id: "must not contain white space"
		}
	}
	return s, true
}

var errNotFast = errors.New("not for the fast path")

// decode reads a line holding one statement object. It returns the offsets
// of the object's brace and of the id's value.
func (r *jsonlReader) decode(text []byte, s *Statement) (idOff, braceOff int, ok bool) {
	p := lineScan{b: text}
	p.space()
	if p.peek() != '{' {
		return 0, 0, false
	}
	braceOff = p.i
	p.i++
	p.space()
	var seen uint16
	for {
		k, ok := p.key()
		if !ok {
			return 0, 0, false
		}
		f := statementField(k, r.dc.v11())
		if f < 0 || seen&(1<<f) != 0 {
			return 0, 0, false // the slow path warns, or fails
		}
		seen |= 1 << f
		if p.null() {
			// null is an absent field; id, kind and text are then missing.
			if f == sfID || f == sfKind || f == sfText {
				return 0, 0, false
			}
		} else if err := r.field(&p, f, s, &idOff); err != nil {
			return 0, 0, false
		}
		more, ok := p.next('}')
		if !ok {
			return 0, 0, false
		}
		if !more {
			break
		}
	}
	p.space()
	const required = 1<<sfID | 1<<sfKind | 1<<sfText
	if p.i != len(p.b) || seen&required != required || s.ID == "" {
		return 0, 0, false
	}
	return idOff, braceOff, true
}

// field reads the value of field f at p into s.
func (r *jsonlReader) field(p *lineScan, f int, s *Statement, idOff *int) error {
	var ok bool
	switch f {
	case sfID:
		*idOff = p.i
		s.ID, ok = r.id(p)
	case sfKind:
		var k string
		var clean bool
		k, clean, ok = r.str(p)
		switch {
		case !ok || !clean:
			ok = false
		case k == string(KindQuote):
			s.Kind = KindQuote
		case k == string(KindReported):
			s.Kind = KindReported
		case k == string(KindAccount) && r.dc.v11():
			s.Kind = KindAccount
		default:
			ok = false
		}
	case sfActor:
		s.Actor, ok = r.id(p)
	case sfParty:
		s.Party, ok = r.id(p)
	case sfSource:
		s.Source, ok = r.id(p)
	case sfText:
		var raw string
		var clean bool
		raw, clean, ok = r.str(p)
		if !ok || strings.TrimSpace(raw) == "" {
			return errNotFast // missing
		}
		s.Text = raw
		if !clean {
			var removed bool
			s.Text, removed = Sanitize(raw)
			ok = !removed
		}
	case sfNote:
		r.x.Note, ok = r.text(p)
	case sfAct:
		var a string
		if a, ok = r.text(p); ok && a != "" && !slices.Contains(Acts, Act(a)) {
			ok = false // the slow path warns
		}
		r.x.Act = Act(a)
	case sfVia:
		r.x.Via, ok = r.topicList(p)
	case sfAbout:
		r.x.About, ok = r.topicList(p)
	case sfDate:
		s.Date, ok = r.date(p)
	case sfTopics:
		s.Topics, ok = r.topicList(p)
	case sfAnchor:
		r.x.Anchor, ok = r.anchor(p)
	}
	if !ok {
		return errNotFast
	}
	return nil
}

// date reads a date string as record.date does (a number is left to the
// slow path); dates spelled alike share one Date.
func (r *jsonlReader) date(p *lineScan) (Date, bool) {
	raw, _, ok := r.str(p)
	if !ok {
		return Date{}, false
	}
	if d, ok := r.dates[raw]; ok {
		return d, true
	}
	d, err := ParseDate(raw)
	if err != nil {
		return Date{}, false
	}
	d.raw = r.name(d.raw)
	if len(r.dates) < maxSharedDates {
		r.dates[r.name(raw)] = d
	}
	return d, true
}

// topicList reads topics as record.ids does: a list of strings, or one
// string for one topic. Lists spelled alike share one slice.
func (r *jsonlReader) topicList(p *lineScan) ([]string, bool) {
	start := p.i
	ids := r.ids[:0]
	switch p.peek() {
	case '"':
		s, ok := r.text(p)
		if !ok {
			return nil, false
		}
		ids = append(ids, s)
	case '[':
		p.i++
		p.space()
		if p.peek() == ']' {
			p.i++
			break
		}
		for {
			s, ok := r.text(p)
			if !ok {
				return nil, false
			}
			ids = append(ids, s)
			more, ok := p.next(']')
			if !ok {
				return nil, false
			}
			if !more {
				break
			}
		}
	default:
		return nil, false
	}
	r.ids = ids
	raw := p.b[start:p.i]
	if ts, ok := r.topics[string(raw)]; ok {
		return ts, true
	}
	out := make([]string, len(ids))
	for i, id := range ids {
		out[i] = r.name(id)
	}
	if len(r.topics) < maxSharedTopics {
		r.topics[r.own(bytesString(raw))] = out
	}
	return out, true
}

// anchor reads the anchor object as decoder.statement does.
func (r *jsonlReader) anchor(p *lineScan) (*Anchor, bool) {
	if p.peek() != '{' {
		return nil, false
	}
	p.i++
	p.space()
	var a Anchor
	if p.peek() == '}' {
		p.i++
	} else {
		var seen uint8
		for {
			k, ok := p.key()
			if !ok {
				return nil, false
			}
			var dst *string
			var bit uint8
			switch string(k) {
			case "exact":
				dst, bit = &a.Exact, 1
			case "prefix":
				dst, bit = &a.Prefix, 2
			case "suffix":
				dst, bit = &a.Suffix, 4
			default:
				return nil, false
			}
			if seen&bit != 0 {
				return nil, false
			}
			seen |= bit
			if !p.null() {
				if *dst, ok = r.text(p); !ok {
					return nil, false
				}
			}
			more, ok := p.next('}')
			if !ok {
				return nil, false
			}
			if !more {
				break
			}
		}
	}
	if len(r.anchors) == 0 {
		r.anchors = make([]Anchor, slabSize/4)
	}
	out := &r.anchors[0]
	*out = a
	r.anchors = r.anchors[1:]
	return out, true
}

// streamStatementFile reads a statement file from disk a piece at a time,
// so that only what the statements keep stays in memory, not the whole
// file. A file that is not text (checkText) is reported at its first bad
// byte, found by reading it through once more, never by holding it whole.
// A line longer than MaxStatementLine is reported and skipped unread.
func (v *validator) streamStatementFile(ref *node, file string) {
	f, err := v.open(file)
	if err != nil {
		v.dc.errorf(ref, "statement_files: cannot read %q: %v", file, unwrapPathError(err))
		return
	}
	defer f.Close()
	dc := &decoder{file: v.relName(file), probs: v.dc.probs, version: v.dc.version}
	size, lines, bad, err := scanText(f)
	if err == nil {
		_, err = f.Seek(0, io.SeekStart)
	}
	if err != nil {
		v.dc.errorf(ref, "statement_files: cannot read %q: %v", file, unwrapPathError(err))
		return
	}
	if bad != nil {
		dc.errorf(&node{line: bad.line, col: bad.col}, "%s", bad.msg)
		return
	}
	r := newJSONLReader(v, dc)
	r.stream = true
	v.reserve(lines)
	buf := make([]byte, min(int64(streamChunk), size+1))
	start, end, eof, line := 0, 0, false, 0
	for {
		nl := bytes.IndexByte(buf[start:end], '\n')
		if nl < 0 && !eof && end-start > MaxStatementLine {
			// A line too long to hold: say so, and read on past its end.
			line++
			longLine(dc, line)
			start, end = 0, 0
			for !eof {
				n, err := f.Read(buf)
				if i := bytes.IndexByte(buf[:n], '\n'); i >= 0 {
					start, end = i+1, n
					break
				}
				if err == io.EOF {
					eof = true
				} else if err != nil {
					dc.errorf(&node{line: line, col: 1}, "cannot read: %v", err)
					jsonlFastLines.Add(int64(r.fastLines))
					return
				}
			}
			continue
		}
		if nl < 0 && !eof {
			// Move the partial line to the front, make room, read on.
			end = copy(buf, buf[start:end])
			start = 0
			if end == len(buf) {
				buf = append(buf, make([]byte, len(buf))...)
			}
			n, err := f.Read(buf[end:])
			end += n
			if err == io.EOF {
				eof = true
			} else if err != nil {
				dc.errorf(&node{line: line + 1, col: 1}, "cannot read: %v", err)
				break
			}
			continue
		}
		var text []byte
		switch {
		case nl >= 0:
			text, start = buf[start:start+nl], start+nl+1
		case start < end:
			text, start = buf[start:end], end
		default:
			jsonlFastLines.Add(int64(r.fastLines))
			return
		}
		if n := len(text); n > 0 && text[n-1] == '\r' {
			text = text[:n-1]
		}
		line++
		fast := r
		if !utf8.Valid(text) {
			fast = nil // the file changed since scanText: the slow path copes
		}
		v.statementLine(dc, fast, text, line)
	}
	jsonlFastLines.Add(int64(r.fastLines))
}

// longLine reports a statement file's line longer than MaxStatementLine.
func longLine(dc *decoder, line int) {
	dc.errorf(&node{line: line, col: 1}, "line %d is longer than %s; a line of a statement file may be at most %s (one statement a line)",
		line, sizeText(MaxStatementLine), sizeText(MaxStatementLine))
}

// scanText reads f through and reports what checkText would say of it,
// at the same place (an empty file passes: it holds no statements), with
// its size and its lines. Only a piece of the file is held at a time.
func scanText(f io.Reader) (size int64, lines int, bad *posError, err error) {
	buf := make([]byte, max(streamChunk, 2*utf8.UTFMax)) // room past a cut rune
	lines = 1
	carry := 0 // bytes of an incomplete rune at the end of the last piece
	col := 0   // runes since the last line feed before this piece
	place := func(before []byte) (int, int) {
		if nl := bytes.LastIndexByte(before, '\n'); nl >= 0 {
			return lines + bytes.Count(before, []byte("\n")), utf8.RuneCount(before[nl+1:]) + 1
		}
		return lines, col + utf8.RuneCount(before) + 1
	}
	var notUTF8 *posError // the first bad byte; a NUL anywhere is said instead
	for {
		n, rerr := io.ReadFull(f, buf[carry:])
		size += int64(n)
		piece := buf[:carry+n]
		done := rerr == io.EOF || rerr == io.ErrUnexpectedEOF
		if rerr != nil && !done {
			return size, lines, nil, rerr
		}
		cut := len(piece)
		if !done {
			// Leave a rune cut at the end of the piece for the next one.
			for i := len(piece) - 1; i >= 0 && i >= len(piece)-utf8.UTFMax; i-- {
				if utf8.RuneStart(piece[i]) {
					if !utf8.FullRune(piece[i:]) {
						cut = i
					}
					break
				}
			}
		}
		scan := piece[:cut]
		if nul := bytes.IndexByte(scan, 0); nul >= 0 {
			l, c := place(scan[:nul])
			return size, lines, &posError{l, c, "a NUL byte: this is a binary file, not a dossier"}, nil
		}
		if notUTF8 == nil && !utf8.Valid(scan) {
			i := 0
			for i < len(scan) {
				r, w := utf8.DecodeRune(scan[i:])
				if r == utf8.RuneError && w == 1 {
					break
				}
				i += w
			}
			l, c := place(scan[:i])
			notUTF8 = &posError{l, c, fmt.Sprintf("byte %#02x is not UTF-8; save the file as UTF-8", scan[i])}
		}
		if nl := bytes.LastIndexByte(scan, '\n'); nl >= 0 {
			lines += bytes.Count(scan, []byte("\n"))
			col = utf8.RuneCount(scan[nl+1:])
		} else {
			col += utf8.RuneCount(scan)
		}
		carry = copy(buf, piece[cut:])
		if done {
			return size, lines, notUTF8, nil
		}
	}
}
