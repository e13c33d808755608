package edit

import (
	"slices"
	"unicode/utf8"
)

// A layout is a parsed file seen as text: every value knows the bytes it
// spans, so an edit replaces exactly the bytes of what it changes. YAML and
// JSON files both become layouts; the edits only ever see layouts.

type lkind int

const (
	lNull lkind = iota
	lScalar
	lMap
	lSeq
)

// lnode is a value and the bytes [start, end) of its text. For a flow
// collection (every JSON one) open and close are the offsets of its
// brackets.
type lnode struct {
	kind        lkind
	flow        bool
	start, end  int
	open, close int
	elems       []*lelem
	str         string // a scalar's value as text (a string's contents, a number's digits)
	quote       byte   // a scalar's style: '"', '\'', '|' or '>' (block scalars), 0 plain or not a string
	explicit    bool   // a null written out (null, ~); false for a key with nothing after it
	ocol        int    // the column of the key or dash that owns the value (YAML)
}

// lelem is an entry of a mapping or an item of a sequence.
//
// Its unit [start, end) is what deleting it removes. In block YAML an
// element that begins its line owns whole lines: start is the line's start
// and end the start of the line after its last line (comments indented
// deeper than it included). The first entry of a mapping that is a list
// item shares its line with the dash, so its unit starts at its key. In
// flow collections the unit is the element's text, key to value.
type lelem struct {
	key        string // a mapping entry's key; "" for a list item
	head       int    // where the element's text begins: its key, or a block item's dash
	start, end int
	aligned    bool // only spaces before head on its line
	col        int  // bytes from the line's start to head (spaces and dashes only in block YAML)
	colon      int  // a mapping entry's ':' (or a block item's '-'); -1 when none
	val        *lnode
	// A line of a statement file is read only when it is needed (load);
	// its id is picked out at once, to find it.
	load func() *lnode
	id   string
}

// itemID is the id of a list item (its text), "" when it has none.
func itemID(e *lelem) string {
	if e.val == nil && e.load != nil && e.id != "" {
		return e.id
	}
	if _, f := e.v().entry("id"); f != nil && f.v().kind == lScalar {
		return f.v().str
	}
	return ""
}

// v is the element's value, read now if it was left for later.
func (e *lelem) v() *lnode {
	if e.val == nil && e.load != nil {
		e.val = e.load()
	}
	return e.val
}

func (n *lnode) entry(key string) (int, *lelem) {
	if n == nil || n.kind != lMap {
		return -1, nil
	}
	for i, e := range n.elems {
		if e.key == key {
			return i, e
		}
	}
	return -1, nil
}

// value is the generic value the node holds: nil, a string, a *Record or a
// []any. Scalars are their text whatever their type, as the dossier reads
// them.
func (n *lnode) value() any {
	if n == nil {
		return nil
	}
	switch n.kind {
	case lScalar:
		return n.str
	case lMap:
		r := &Record{}
		for _, e := range n.elems {
			r.Fields = append(r.Fields, Field{Key: e.key, Value: e.v().value()})
		}
		return r
	case lSeq:
		l := make([]any, 0, len(n.elems))
		for _, e := range n.elems {
			l = append(l, e.v().value())
		}
		return l
	}
	return nil
}

// lines maps a (line, column) place to a byte offset: the YAML parser
// counts columns in runes.
type lines struct {
	src    []byte
	starts []int
	// Long lines get the offset of each of their runes, once, so that
	// finding the places on a long line costs linear time, not quadratic.
	long map[int][]int32
}

const longLine = 256

func newLines(src []byte) *lines {
	l := &lines{src: src, starts: []int{0}}
	for i, c := range src {
		if c == '\n' {
			l.starts = append(l.starts, i+1)
		}
	}
	return l
}

// offset is the byte offset of the 1-based line and rune column.
func (l *lines) offset(line, col int) int {
	if line < 1 {
		return 0
	}
	if line > len(l.starts) {
		return len(l.src)
	}
	i := l.starts[line-1]
	end := len(l.src)
	if line < len(l.starts) {
		end = l.starts[line]
	}
	if end-i > longLine {
		runes, ok := l.long[line]
		if !ok {
			e := end
			if e > i && l.src[e-1] == '\n' {
				e-- // a column past the line's end is its line break
			}
			for j := i; j < e; {
				runes = append(runes, int32(j))
				_, n := utf8.DecodeRune(l.src[j:e])
				j += n
			}
			runes = append(runes, int32(e))
			if l.long == nil {
				l.long = map[int][]int32{}
			}
			l.long[line] = runes
		}
		return int(runes[min(max(col-1, 0), len(runes)-1)])
	}
	for c := 1; c < col && i < len(l.src) && l.src[i] != '\n'; c++ {
		_, n := utf8.DecodeRune(l.src[i:])
		i += n
	}
	return i
}

// lineStart is the offset where the line holding offset i begins.
func (l *lines) lineStart(i int) int {
	k, _ := slices.BinarySearch(l.starts, i+1)
	return l.starts[max(k-1, 0)]
}

// lineStart is the offset where the line holding offset i begins.
func lineStart(src []byte, i int) int {
	for i > 0 && src[i-1] != '\n' {
		i--
	}
	return i
}

// lineEnd is the offset just past the newline ending the line holding i
// (len(src) on a last line without one).
func lineEnd(src []byte, i int) int {
	for i < len(src) && src[i] != '\n' {
		i++
	}
	if i < len(src) {
		i++
	}
	return i
}

// indentOf is the number of spaces at the start of the line at offset ls.
func indentOf(src []byte, ls int) int {
	n := 0
	for ls+n < len(src) && src[ls+n] == ' ' {
		n++
	}
	return n
}

func lineOf(src []byte, i int) int {
	n := 1
	for _, c := range src[:i] {
		if c == '\n' {
			n++
		}
	}
	return n
}
