package edit

import (
	"bytes"
	"errors"
	"slices"
)

// The operations below work out splices on a layout; the edits in edit.go
// put them together.

func (t *text) yaml() yamlStyle { return yamlStyle{nl: t.nl, unit: t.unit, src: t.src} }

func (t *text) json() jsonStyle {
	st := jsonStyle{nl: t.nl, unit: t.unit, src: t.src, space: true}
	// "key":value or "key": value, as the file has it.
	if i := bytes.Index(t.src, []byte(`":`)); i >= 0 && i+2 < len(t.src) {
		st.space = t.src[i+2] == ' '
	}
	return st
}

// flowValue writes v for a flow collection of this file.
func (t *text) flowValue(v any, col int, hint *lnode) string {
	if t.format == YAML {
		return yamlFlow(v)
	}
	st := t.json()
	if t.format == JSONL {
		return st.value(v, 0, nil, false)
	}
	multi := st.multiline(hint)
	if hint == nil {
		_, isRec := v.(*Record)
		multi = isRec && st.multiline(t.root)
	}
	return st.value(v, col, hint, multi)
}

// sep is the text between the items of a flow collection: as between its
// last two, else what fits its layout.
func (t *text) sep(c *lnode) string {
	if n := len(c.elems); n >= 2 {
		return string(t.src[c.elems[n-2].end:c.elems[n-1].start])
	}
	if len(c.elems) == 1 && t.format == JSON && lineOf(t.src, c.open) != lineOf(t.src, c.elems[0].head) {
		return "," + t.nl + spaces(c.elems[0].col)
	}
	return ", "
}

// itemAfter inserts v as a new item after item i of a non-empty list.
func (t *text) itemAfter(c *lnode, i int, v any) splice {
	e := c.elems[i]
	hint := e.v()
	switch {
	case t.format == JSONL:
		return splice{e.end, e.end, t.flowValue(v, 0, nil) + t.nl}
	case !c.flow:
		return splice{e.end, e.end, t.blankGap(c) + spaces(e.col) + "-" + t.yaml().afterDash(v, e.col, hint) + t.nl}
	}
	return splice{e.end, e.end, t.sep(c) + t.flowValue(v, e.col, hint)}
}

// blankGap is the blank lines between the last two items of a block list:
// a new item is set apart from the last as they are from each other.
func (t *text) blankGap(c *lnode) string {
	n := len(c.elems)
	if n < 2 {
		return ""
	}
	gap := t.src[c.elems[n-2].end:c.elems[n-1].start]
	if len(bytes.TrimSpace(gap)) != 0 {
		return ""
	}
	return string(gap)
}

// itemValue is the splice replacing a list item's value with v (text left
// empty when v is nil).
func (t *text) itemValue(c *lnode, e *lelem, v any) splice {
	if c == nil || c.flow || t.format == JSONL {
		sp := splice{start: e.v().start, end: e.v().end}
		if v != nil {
			sp.text = t.flowValue(v, e.col, e.v())
		}
		return sp
	}
	sp := splice{start: e.head + 1, end: e.v().end}
	if v != nil {
		sp.text = t.yaml().afterDash(v, e.col, e.v())
	}
	return sp
}

// fieldValue is the splice replacing a mapping entry's value with v (text
// left empty when v is nil).
func (t *text) fieldValue(m *lnode, e *lelem, v any, hint *lnode) splice {
	if m.flow {
		sp := splice{start: e.v().start, end: e.v().end}
		if v != nil {
			sp.text = t.flowValue(v, t.lineIndent(e.head), hint)
			if t.format == YAML && e.v().kind == lNull && !e.v().explicit {
				sp.text = " " + sp.text
			}
		}
		return sp
	}
	sp := splice{start: e.colon + 1, end: max(e.v().end, e.colon+1)}
	if v != nil {
		sp.text = t.yaml().afterKey(v, e.col, hint)
	}
	return sp
}

// newField adds field key with value v to mapping m (the record ref), after
// the last field that comes before it in the format's order.
func (t *text) newField(m *lnode, ref Ref, key string, v any, hint *lnode) splice {
	list := ref.List
	if ref.IsDossier() {
		list = ""
	}
	order := fieldOrder(list)
	after := len(m.elems) - 1
	if k := slices.Index(order, key); k >= 0 {
		after = -1
		for i, e := range m.elems {
			if j := slices.Index(order, e.key); j >= 0 && j < k {
				after = i
			}
		}
		if after < 0 {
			after = len(m.elems) - 1
		}
	}
	if len(m.elems) == 0 {
		// Only a flow mapping can be empty: {}.
		return splice{m.open + 1, m.open + 1, t.entryText(m, key, v, 0, hint)}
	}
	e := m.elems[after]
	if !m.flow {
		col := e.col
		if after == 0 && !e.aligned && len(m.elems) > 1 {
			col = m.elems[1].col
		}
		return splice{e.end, e.end, spaces(col) + yamlScalar(key, false) + ":" + t.yaml().afterKey(v, col, hint) + t.nl}
	}
	return splice{e.end, e.end, t.sep(m) + t.entryText(m, key, v, t.lineIndent(e.head), hint)}
}

func (t *text) entryText(m *lnode, key string, v any, col int, hint *lnode) string {
	if t.format == YAML {
		return yamlScalar(key, true) + ": " + yamlFlow(v)
	}
	st := t.json()
	colon := ": "
	if !st.space {
		colon = ":"
	}
	return jsonString(key) + colon + t.flowValue(v, col, hint)
}

// siblingHint is the value of field key in the nearest record of the same
// list that has one: how a new field is written.
func (t *text) siblingHint(list *lnode, e *lelem, key string) *lnode {
	if list == nil {
		if e.v() == t.root {
			// A new list of the dossier is written like the nearest other.
			var best *lnode
			for _, f := range t.root.elems {
				if f.v().kind == lSeq && len(f.v().elems) > 0 && f.v().elems[0].v().kind == lMap {
					best = f.v()
				}
			}
			return best
		}
		return nil
	}
	if t.format == JSONL {
		return nil // a statement file's records are one line each, whatever their neighbours
	}
	i := slices.Index(list.elems, e)
	for d := 1; d < min(len(list.elems), 64); d++ {
		for _, j := range []int{i - d, i + d} {
			if j >= 0 && j < len(list.elems) {
				if _, f := list.elems[j].v().entry(key); f != nil && f.v().kind != lNull {
					return f.v()
				}
			}
		}
	}
	return nil
}

// anchor says where removed text goes back: after or before a sibling
// (an item named by its Ref, or a field by its key) and the text between
// it and the sibling (comments, blank lines), into an empty flow
// collection, or at an offset when nothing else is left.
type anchor struct {
	mode   int // anchorAfter, anchorBefore, anchorEmpty, anchorOffset
	sib    Ref
	sibKey string
	gap    string
	field  string // the removed field's key (for fields)
	index  int
	offset int
}

const (
	anchorAfter = iota
	anchorBefore
	anchorEmpty
	anchorOffset
)

// blankAbove is where the run of blank lines just above line ls starts.
func blankAbove(src []byte, ls int) int {
	for ls > 0 {
		prev := lineStart(src, ls-1)
		if len(bytes.TrimSpace(src[prev:ls])) != 0 {
			break
		}
		ls = prev
	}
	return ls
}

// blankBelow is where the run of blank lines starting at line ls ends.
func blankBelow(src []byte, ls, limit int) int {
	for ls < limit {
		next := lineEnd(src, ls)
		if len(bytes.TrimSpace(src[ls:next])) != 0 {
			break
		}
		ls = next
	}
	return ls
}

// remove is the splice deleting element i of collection c, and where its
// text would go back. in and list say which list c is (for items). An
// element of a block collection goes with the blank lines above it (the
// first, with those below it), so that records set apart by blank lines
// stay so. Whatever is inserted after an element is removed exactly.
func (t *text) remove(c *lnode, i int, in *Ref, list string) (splice, anchor) {
	e := c.elems[i]
	at := anchor{index: i}
	if c.kind == lMap {
		at.field = e.key
	}
	name := func(j int) {
		if c.kind == lMap {
			at.sibKey = c.elems[j].key
		} else if r, ok := c.elems[j].v().value().(*Record); ok {
			at.sib = KeyOf(in, list, r)
		}
	}
	n := len(c.elems)
	if c.flow {
		switch {
		case n == 1:
			at.mode = anchorEmpty
			return splice{start: c.open + 1, end: c.close}, at
		case i > 0:
			at.mode = anchorAfter
			name(i - 1)
			return splice{start: c.elems[i-1].end, end: e.end}, at
		}
		at.mode = anchorBefore
		name(1)
		return splice{start: e.start, end: c.elems[1].start}, at
	}
	if !e.aligned && i+1 < n {
		at.mode = anchorBefore
		name(i + 1)
		return splice{start: e.head, end: c.elems[i+1].head}, at
	}
	sp := splice{start: e.start, end: e.end}
	if s := blankAbove(t.src, e.start); s < e.start && i > 0 {
		sp.start = s
	} else if i == 0 && i+1 < n {
		sp.end = blankBelow(t.src, e.end, c.elems[i+1].start)
	}
	switch {
	case i > 0:
		at.mode = anchorAfter
		name(i - 1)
		at.gap = string(t.src[c.elems[i-1].end:sp.start])
	case i+1 < n:
		at.mode = anchorBefore
		name(i + 1)
		at.gap = string(t.src[sp.end:c.elems[i+1].start])
	default:
		at.mode, at.offset = anchorOffset, sp.start
	}
	return sp, at
}

var errNoPlace = errors.New("the records around it are gone")

// resolve finds where an anchor points in collection c.
func (t *text) resolve(c *lnode, at anchor) (int, error) {
	find := func() int {
		for j, e := range c.elems {
			if c.kind == lMap && e.key == at.sibKey && at.sibKey != "" {
				return j
			}
			if c.kind == lSeq && len(at.sib.Key) > 0 && matchesElem(e, at.sib.Key) {
				return j
			}
		}
		return -1
	}
	switch at.mode {
	case anchorEmpty:
		if c == nil || len(c.elems) > 0 || !c.flow {
			return 0, errNoPlace
		}
		return c.open + 1, nil
	case anchorOffset:
		if c != nil && len(c.elems) > 0 {
			return 0, errNoPlace
		}
		return min(at.offset, len(t.src)), nil
	}
	if c == nil || len(c.elems) == 0 {
		return 0, errNoPlace
	}
	j := find()
	if at.mode == anchorAfter {
		if j < 0 {
			j = min(at.index-1, len(c.elems)-1)
		}
		if j < 0 {
			return 0, errNoPlace
		}
		pos := c.elems[j].end
		if bytes.HasPrefix(t.src[pos:], []byte(at.gap)) {
			pos += len(at.gap)
		}
		return pos, nil
	}
	if j < 0 {
		j = min(at.index, len(c.elems)-1)
	}
	e := c.elems[j]
	pos := e.start
	if !c.flow && !e.aligned {
		pos = e.head
	}
	if bytes.HasSuffix(t.src[:pos], []byte(at.gap)) {
		pos -= len(at.gap)
	}
	return pos, nil
}
