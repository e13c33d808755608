package data

import (
	"bytes"
	"encoding/binary"
	"errors"
	"fmt"
	"io"
	"os"
	"runtime"
	"slices"
	"strings"
	"sync"
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
// piece at a time, its lines decoded on every core and checked in file
// order, and the strings a statement keeps are copied into large blocks,
// names (actors, parties, sources, topics, dates) once for all per core,
// so that the file's syntax and field names do not stay in memory. When the
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

// jsonlDecoder decodes lines the fast way: the part of the fast path that
// asks nothing of the validator, so that a streamed file is decoded on
// every core, one decoder each (jsonlPipeline).
type jsonlDecoder struct {
	file string // for the statements' Pos
	v11  bool   // the dossier reads format 1.1

	slab    []Statement
	x       StatementExtra   // the line's rarely set fields, while it is decoded
	extras  []StatementExtra // a slab of them
	anchors []Anchor
	dates   map[string]Date
	topics  map[string][]string

	// stream is set when the line's bytes are a buffer that is reused
	// (streamStatementFile): what a statement keeps is then copied into
	// arena, and names are shared through names. keysOnly (Discard) keeps
	// only the ids and the names.
	stream, keysOnly bool
	arena            []byte
	block            int // the size of the arena's blocks (streamSizes.block)
	names            map[string]string

	buf []byte   // for unescaping
	ids []string // for reading topics
}

func newJSONLDecoder(dc *decoder) *jsonlDecoder {
	return &jsonlDecoder{file: dc.file, v11: dc.v11(), dates: map[string]Date{}, topics: map[string][]string{}, names: map[string]string{}}
}

// line decodes one line into a statement of the slab, with its place, and
// returns it with the column of its id; nil when the line must take the
// slow path. The statement stays the slab's next one until take.
func (r *jsonlDecoder) line(text []byte, line int) (s *Statement, idCol int) {
	if len(r.slab) == 0 {
		r.slab = make([]Statement, slabSize)
	}
	s = &r.slab[0]
	r.x = StatementExtra{}
	idOff, braceOff, ok := r.decode(text, s)
	if !ok {
		*s = Statement{}
		return nil, 0
	}
	if !r.x.IsZero() {
		if len(r.extras) == 0 {
			r.extras = make([]StatementExtra, slabSize/4)
		}
		r.extras[0] = r.x
		s.extra = &r.extras[0]
	}
	if r.stream && r.keysOnly {
		// Kept only as keys (the ids and the names): the rest is let go
		// with the line.
		s.ID = r.own(s.ID)
		s.Actor, s.Party, s.Source = r.name(s.Actor), r.name(s.Party), r.name(s.Source)
	} else if r.stream {
		// checkStatement keeps s.ID and s.Source as keys.
		s.ID, s.Text = r.own(s.ID), r.own(s.Text)
		s.Actor, s.Party, s.Source = r.name(s.Actor), r.name(s.Party), r.name(s.Source)
		if x := s.extra; x != nil {
			x.Note = r.own(x.Note)
			if a := x.Anchor; a != nil {
				a.Exact, a.Prefix, a.Suffix = r.own(a.Exact), r.own(a.Prefix), r.own(a.Suffix)
			}
		}
	}
	s.Pos = Pos{File: r.file, Line: line, Col: runeCol(text, braceOff)}
	return s, runeCol(text, idOff)
}

// take keeps the statement line returned: the slab moves on.
func (r *jsonlDecoder) take(s *Statement) {
	r.slab = r.slab[1:]
	if s.extra != nil {
		r.extras = r.extras[1:]
	}
}

// jsonlChecker is the validator's side of the fast path: a dry run of
// checkStatement for each decoded statement, in file order, in one
// goroutine.
type jsonlChecker struct {
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

	fastLines int
}

func newJSONLChecker(v *validator, dc *decoder) *jsonlChecker {
	c := &jsonlChecker{v: v, dc: dc}
	c.dry = decoder{file: dc.file, probs: &c.scratch}
	c.present = node{kind: nodeScalar, tag: "string", str: "x"}
	c.rec = node{
		kind: nodeMap,
		keys: []*node{{kind: nodeScalar, str: "id"}, {kind: nodeScalar, str: "kind"}, {kind: nodeScalar, str: "text"}, {kind: nodeScalar, str: "source"}},
		vals: []*node{&c.idVal, &c.present, &c.present, &c.srcVal},
	}
	c.idVal = node{kind: nodeScalar, tag: "string", str: "x"}
	return c
}

// check runs checkStatement on a statement decoded the fast way. When it
// has nothing to say the statement is kept (added to the dossier, or handed
// to discard) and check is true; otherwise nothing has changed and the
// line must take the slow path.
func (c *jsonlChecker) check(s *Statement, idCol int) bool {
	v := c.v
	line := s.Pos.Line
	c.rec.line, c.rec.col = line, s.Pos.Col
	c.srcVal = node{kind: nodeNull}
	if s.Source != "" {
		c.srcVal = c.present // an account asks whether it has one
	}
	c.idVal.line, c.idVal.col = line, idCol
	counted := s.Kind == KindQuote && s.Source != ""
	var unverified int
	if counted {
		unverified = v.unverified[s.Source]
	}
	ids := len(v.statementIDs)
	v.checkStatementAs(&c.dry, s, &c.rec, "statement") // any message sends the line the slow way
	if len(c.scratch) > 0 {
		// Undo what the dry run did; the slow path does it again. The id
		// was added unless it is a duplicate (which is reported).
		clear(c.scratch)
		c.scratch = c.scratch[:0]
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
		return false
	}
	c.fastLines++
	if v.discard != nil {
		v.discard(s)
		return true
	}
	v.d.Statements = append(v.d.Statements, s)
	return true
}

// jsonlReader reads the lines of a statement file in one goroutine:
// decoded, then checked, one at a time.
type jsonlReader struct {
	*jsonlDecoder
	*jsonlChecker
}

func newJSONLReader(v *validator, dc *decoder) *jsonlReader {
	r := &jsonlReader{newJSONLDecoder(dc), newJSONLChecker(v, dc)}
	r.keysOnly = v.discard != nil
	return r
}

// statement reads one line the fast way; false means the line must take
// the slow path (nothing has been changed then).
func (r *jsonlReader) statement(text []byte, line int) bool {
	s, idCol := r.line(text, line)
	if s == nil {
		return false
	}
	if !r.check(s, idCol) {
		*s = Statement{}
		return false
	}
	if r.v.discard != nil {
		*s = Statement{} // its place in the slab is used again
		return true
	}
	r.take(s)
	return true
}

// streamSizes are the sizes streamStatementFile works in. Tests make
// them small (LoadOptions.stream), so that lines and runes are cut
// everywhere and even a small file is read on every core.
type streamSizes struct {
	chunk int // bytes read at a time
	block int // strings kept from a streamed file are copied into blocks of this size
	// A file is decoded on every core from this size, and checked for
	// text on every core from scanParallel.
	parallel, scanParallel int64
}

func defaultStreamSizes() streamSizes {
	return streamSizes{chunk: 1 << 20, block: 1 << 20, parallel: 1 << 20, scanParallel: 8 << 20}
}

// maxNames is how many names a streaming decoder shares (jsonlDecoder.names).
const maxNames = 1 << 16

// own returns s where it stays: a copy in the arena when streaming.
func (r *jsonlDecoder) own(s string) string {
	if !r.stream || s == "" {
		return s
	}
	if len(s) > r.block/8 {
		return strings.Clone(s)
	}
	if len(r.arena)+len(s) > cap(r.arena) {
		r.arena = make([]byte, 0, r.block)
	}
	// The block never grows, so earlier strings in it stay put.
	at := len(r.arena)
	r.arena = append(r.arena, s...)
	return unsafe.String(&r.arena[at], len(s))
}

// name is own for the short strings many statements repeat (actors,
// parties, sources, topics, dates): one copy for all.
func (r *jsonlDecoder) name(s string) string {
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
func (r *jsonlDecoder) str(p *lineScan) (s string, clean, ok bool) {
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
func (r *jsonlDecoder) unescape(p *lineScan, start, esc int) (string, bool, bool) {
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
func (r *jsonlDecoder) text(p *lineScan) (string, bool) {
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
func (r *jsonlDecoder) id(p *lineScan) (string, bool) {
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
func (r *jsonlDecoder) decode(text []byte, s *Statement) (idOff, braceOff int, ok bool) {
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
		f := statementField(k, r.v11)
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
func (r *jsonlDecoder) field(p *lineScan, f int, s *Statement, idOff *int) error {
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
		case k == string(KindAccount) && r.v11:
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
func (r *jsonlDecoder) date(p *lineScan) (Date, bool) {
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
func (r *jsonlDecoder) topicList(p *lineScan) ([]string, bool) {
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
func (r *jsonlDecoder) anchor(p *lineScan) (*Anchor, bool) {
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
// file, and on every core. A first pass checks that the file is text
// (checkText) and counts its lines, each core a part of the file; a file
// that is not text is reported at its first bad byte, and nothing else.
// Then a pipeline reads it: a reader cuts it into pieces of whole lines,
// decoders on every core decode their lines the fast way (jsonlDecoder),
// and this goroutine checks the lines in file order (jsonlChecker), reading
// those that need it the slow way, so that problems and statements are
// those of reading it line by line. A line longer than MaxStatementLine is
// reported and skipped unread.
func (v *validator) streamStatementFile(ref *node, file string) {
	f, err := v.open(file)
	if err != nil {
		v.dc.errorf(ref, "statement_files: cannot read %q: %v", file, unwrapPathError(err))
		return
	}
	defer f.Close()
	dc := &decoder{file: v.relName(file), probs: v.dc.probs, version: v.dc.version}
	size, lines, bad, err := scanFile(f, v.stream)
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
	v.reserve(lines)
	workers := runtime.GOMAXPROCS(0)
	if size < v.stream.parallel {
		workers = 1 // not worth the goroutines
	}
	p := newJSONLPipeline(workers)
	for range workers {
		r := newJSONLDecoder(dc)
		r.stream, r.keysOnly, r.block = true, v.discard != nil, v.stream.block
		go p.decode(r)
	}
	go p.read(f, size, v.stream.chunk)
	c := newJSONLChecker(v, dc)
	for pc := range p.order {
		<-pc.decoded
		for _, l := range pc.long {
			longLine(dc, l)
		}
		for _, l := range pc.lines {
			switch {
			case l.long:
				longLine(dc, l.line)
			case l.s != nil && c.check(l.s, l.idCol):
			default:
				if l.s != nil {
					*l.s = Statement{} // its place in the slab stays empty
				}
				v.slowStatement(dc, l.text, l.line)
			}
		}
		if pc.err != nil {
			dc.errorf(&node{line: pc.errLine, col: 1}, "cannot read: %v", pc.err)
		}
		p.recycle(pc)
	}
	jsonlFastLines.Add(int64(c.fastLines))
}

// jsonlPiece is a piece of a statement file: whole lines, read by the
// pipeline's reader, decoded by one of its decoders, checked in file order.
type jsonlPiece struct {
	buf     []byte // the lines, each ended by a line feed but the file's last
	first   int    // the number of the first line
	long    []int  // lines too long to read, skipped before this piece
	err     error  // reading after the piece failed, at line errLine
	errLine int

	lines   []pieceLine // what the decoder made of each line
	stmts   []Statement // with Discard, what they are decoded into
	decoded chan struct{}
}

// pieceLine is a line of a piece as its decoder left it: decoded the fast
// way (s), or for the slow path.
type pieceLine struct {
	text  []byte
	line  int
	s     *Statement
	idCol int
	long  bool // longer than MaxStatementLine
}

// jsonlPipeline passes pieces from its reader to its decoders (work) and,
// in file order, to the checker (order). At most a few pieces are in flight,
// so memory holds a few pieces of the file, not the file.
type jsonlPipeline struct {
	work  chan *jsonlPiece
	order chan *jsonlPiece
	// What checked pieces held, to be used again: buffers for the reader
	// to fill, lists of lines and (Discard) statements for the decoders.
	free  chan []byte
	lines chan []pieceLine
	stmts chan []Statement
}

func newJSONLPipeline(workers int) *jsonlPipeline {
	n := workers + 1
	return &jsonlPipeline{work: make(chan *jsonlPiece, workers), order: make(chan *jsonlPiece, n),
		free: make(chan []byte, n+2), lines: make(chan []pieceLine, n+2), stmts: make(chan []Statement, n+2)}
}

// reuse is a slice a checked piece held, or nil.
func reuse[T any](c chan []T) []T {
	select {
	case b := <-c:
		return b[:0]
	default:
		return nil
	}
}

// recycle hands what a checked piece held on, to be used again.
func (p *jsonlPipeline) recycle(pc *jsonlPiece) {
	putBack(p.free, pc.buf)
	putBack(p.lines, pc.lines)
	if pc.stmts != nil {
		putBack(p.stmts, pc.stmts)
	}
}

// putBack keeps b for reuse, unless enough are kept.
func putBack[T any](c chan []T, b []T) {
	select {
	case c <- b:
	default:
	}
}

// decode decodes the pieces r is given, until there are no more.
func (p *jsonlPipeline) decode(r *jsonlDecoder) {
	for pc := range p.work {
		pc.lines = reuse(p.lines)
		if r.keysOnly {
			// Each statement is let go once checked: they are decoded
			// into the piece's own, used again for a later piece.
			n := bytes.Count(pc.buf, []byte("\n")) + 1
			if pc.stmts = reuse(p.stmts); cap(pc.stmts) < n {
				pc.stmts = make([]Statement, n)
			}
			pc.stmts = pc.stmts[:n]
			clear(pc.stmts)
			r.slab = pc.stmts
		}
		valid := utf8.Valid(pc.buf)
		line := pc.first - 1
		// The lines are those of bufio.ScanLines: split at LF, a CR before
		// it dropped, no empty line after a final LF.
		for rest := pc.buf; len(rest) > 0; {
			text := rest
			if nl := bytes.IndexByte(rest, '\n'); nl >= 0 {
				text, rest = rest[:nl], rest[nl+1:]
			} else {
				rest = nil
			}
			if n := len(text); n > 0 && text[n-1] == '\r' {
				text = text[:n-1]
			}
			line++
			if len(text) > MaxStatementLine {
				pc.lines = append(pc.lines, pieceLine{line: line, long: true})
				continue
			}
			if trimmed := bytes.TrimSpace(text); len(trimmed) == 0 || bytes.HasPrefix(trimmed, []byte("//")) {
				continue
			}
			l := pieceLine{text: text, line: line}
			// A line that is not UTF-8 (the file changed since it was
			// checked) takes the slow path, which copes.
			if valid || utf8.Valid(text) {
				if l.s, l.idCol = r.line(text, line); l.s != nil {
					r.take(l.s)
				}
			}
			pc.lines = append(pc.lines, l)
		}
		if r.keysOnly {
			r.slab = nil
		}
		close(pc.decoded)
	}
}

// read cuts f (size bytes when it was checked) into pieces of whole lines,
// reading chunk bytes at a time, and hands them on, then closes both
// channels.
func (p *jsonlPipeline) read(f io.Reader, size int64, chunk int) {
	defer close(p.order)
	defer close(p.work)
	chunk = int(min(int64(chunk), size+1))
	newBuf := func() []byte {
		if b := reuse(p.free); b != nil {
			return b
		}
		return make([]byte, 0, chunk)
	}
	line := 0      // lines handed on so far
	var long []int // lines skipped, for the next piece
	send := func(buf []byte, err error) {
		pc := &jsonlPiece{buf: buf, first: line + 1, long: long, err: err, decoded: make(chan struct{})}
		line += bytes.Count(buf, []byte("\n"))
		if err != nil {
			pc.errLine = line + 1
		}
		long = nil
		p.order <- pc
		p.work <- pc
	}
	buf, eof := newBuf(), false
	for {
		if len(buf) == cap(buf) {
			// A line longer than the buffer: a bigger one.
			buf = append(buf, make([]byte, len(buf)+1)...)[:len(buf)]
		}
		n, err := f.Read(buf[len(buf):cap(buf)])
		buf = buf[:len(buf)+n]
		if err == io.EOF {
			eof = true
		} else if err != nil {
			send(buf, err) // what was read, then the error
			return
		}
		nl := bytes.LastIndexByte(buf, '\n')
		switch {
		case eof:
			if len(buf) > 0 || len(long) > 0 {
				send(buf, nil)
			}
			return
		case nl >= 0:
			next := newBuf()
			next = append(next, buf[nl+1:]...)
			send(buf[:nl+1], nil)
			buf = next
		case len(buf) > MaxStatementLine:
			// A line too long to hold: say so, and read on past its end.
			line++
			long = append(long, line)
			for {
				n, err := f.Read(buf[:cap(buf)])
				if i := bytes.IndexByte(buf[:n], '\n'); i >= 0 {
					buf = append(buf[:0], buf[i+1:n]...)
					break
				}
				if err == io.EOF {
					send(buf[:0], nil)
					return
				} else if err != nil {
					send(buf[:0], err)
					return
				}
			}
		}
	}
}

// scanFile is scanText on every core, each a part of the file, cut where
// a line begins (on one from sizes.scanParallel bytes).
func scanFile(f *os.File, sizes streamSizes) (size int64, lines int, bad *posError, err error) {
	fi, err := f.Stat()
	if err != nil {
		return 0, 0, nil, err
	}
	size = fi.Size()
	parts := runtime.GOMAXPROCS(0)
	if size < sizes.scanParallel {
		parts = 1
	}
	cuts := []int64{0}
	probe := make([]byte, 64<<10)
	for i := 1; i < parts; i++ {
		at := max(size*int64(i)/int64(parts), cuts[len(cuts)-1])
		n, err := f.ReadAt(probe, at)
		if nl := bytes.IndexByte(probe[:n], '\n'); nl >= 0 && at+int64(nl)+1 < size {
			cuts = append(cuts, at+int64(nl)+1)
		} else if err != nil && err != io.EOF {
			return 0, 0, nil, err
		}
	}
	cuts = append(cuts, size)
	type result struct {
		lines        int
		nul, notUTF8 *posError
		err          error
	}
	res := make([]result, len(cuts)-1)
	var wg sync.WaitGroup
	for i := range res {
		wg.Add(1)
		go func() {
			defer wg.Done()
			r := &res[i]
			_, r.lines, r.nul, r.notUTF8, r.err = scanText(io.NewSectionReader(f, cuts[i], cuts[i+1]-cuts[i]), sizes.chunk)
		}()
	}
	wg.Wait()
	// A NUL anywhere is said, else the first byte that is not UTF-8.
	var nul, notUTF8 *posError
	lines = 1
	for _, r := range res {
		if r.err != nil {
			return size, 0, nil, r.err
		}
		at := func(e *posError) *posError { return &posError{e.line + lines - 1, e.col, e.msg} }
		if r.nul != nil && nul == nil {
			nul = at(r.nul)
		}
		if r.notUTF8 != nil && notUTF8 == nil {
			notUTF8 = at(r.notUTF8)
		}
		lines += r.lines - 1
	}
	if nul != nil {
		return size, lines, nul, nil
	}
	return size, lines, notUTF8, nil
}

// longLine reports a statement file's line longer than MaxStatementLine.
func longLine(dc *decoder, line int) {
	dc.errorf(&node{line: line, col: 1}, "line %d is longer than %s; a line of a statement file may be at most %s (one statement a line)",
		line, sizeText(MaxStatementLine), sizeText(MaxStatementLine))
}

// scanText reads f through and reports what checkText would say of it,
// at the same place (an empty file passes: it holds no statements), with
// its size and its lines: the first NUL byte (which stops it), else the
// first byte that is not UTF-8. Only a piece of the file, of chunk bytes,
// is held at a time.
func scanText(f io.Reader, chunk int) (size int64, lines int, nul, notUTF8 *posError, err error) {
	buf := make([]byte, max(chunk, 2*utf8.UTFMax)) // room past a cut rune
	lines = 1
	carry := 0 // bytes of an incomplete rune at the end of the last piece
	col := 0   // runes since the last line feed before this piece
	place := func(before []byte) (int, int) {
		if nl := bytes.LastIndexByte(before, '\n'); nl >= 0 {
			return lines + bytes.Count(before, []byte("\n")), utf8.RuneCount(before[nl+1:]) + 1
		}
		return lines, col + utf8.RuneCount(before) + 1
	}
	for {
		n, rerr := io.ReadFull(f, buf[carry:])
		size += int64(n)
		piece := buf[:carry+n]
		done := rerr == io.EOF || rerr == io.ErrUnexpectedEOF
		if rerr != nil && !done {
			return size, lines, nil, nil, rerr
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
			return size, lines, &posError{l, c, "a NUL byte: this is a binary file, not a dossier"}, nil, nil
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
			return size, lines, nil, notUTF8, nil
		}
	}
}
