package edit

import (
	"bytes"
	"encoding/json"
	"errors"
	"fmt"
	"path/filepath"
	"slices"
	"strings"
)

// Format is how a dossier file is written.
type Format int

const (
	YAML  Format = iota
	JSON         // one JSON object
	JSONL        // a statement file: one JSON statement a line
)

func (f Format) String() string {
	switch f {
	case JSON:
		return "JSON"
	case JSONL:
		return "JSON Lines"
	}
	return "YAML"
}

// FormatOf picks a file's format the way parley's loader does: by its
// extension, else JSON when it starts with '{'.
func FormatOf(name string, src []byte) Format {
	switch strings.ToLower(filepath.Ext(name)) {
	case ".jsonl":
		return JSONL
	case ".json":
		return JSON
	case ".yaml", ".yml":
		return YAML
	}
	t := bytes.TrimLeft(src, " \t\r\n\ufeff")
	if len(t) > 0 && t[0] == '{' {
		return JSON
	}
	return YAML
}

// ErrNotFound is returned (wrapped) when a Ref names no record.
var ErrNotFound = errors.New("no such record")

// text is one file's bytes while an edit is worked out, with its layout.
type text struct {
	format Format
	src    []byte
	// addedNL is set when the file does not end with a line break: one is
	// added while editing (so every line ends alike) and dropped again.
	addedNL bool
	root    *lnode
	nl      string // the file's line break, "\n" or "\r\n"
	unit    int    // its indentation step
}

func parseText(format Format, src []byte) (*text, error) {
	t := &text{format: format, nl: "\n", unit: 2}
	if i := bytes.IndexByte(src, '\n'); i > 0 && src[i-1] == '\r' {
		t.nl = "\r\n"
	}
	t.src = src
	if format != JSON && len(src) > 0 && src[len(src)-1] != '\n' {
		t.src = append(slices.Clip(src), t.nl...)
		t.addedNL = true
	}
	var err error
	switch format {
	case YAML:
		t.root, err = parseYAMLLayout(t.src)
	case JSON:
		t.root, err = parseJSONLayout(t.src)
	case JSONL:
		t.root, err = parseJSONLLayout(t.src)
	}
	if err != nil {
		return nil, err
	}
	t.unit = t.detectUnit()
	return t, nil
}

// bytes is the text as it goes back to the file.
func (t *text) bytes() []byte {
	if t.addedNL && bytes.HasSuffix(t.src, []byte(t.nl)) {
		return t.src[:len(t.src)-len(t.nl)]
	}
	return t.src
}

// detectUnit finds the file's indentation step: in JSON the indentation
// of the top-level keys; in YAML how far a record's fields sit from the
// list's dash (usually 2), which is also used for nesting.
func (t *text) detectUnit() int {
	switch t.format {
	case JSON:
		if len(t.root.elems) > 0 && lineOf(t.src, t.root.open) != lineOf(t.src, t.root.elems[0].head) {
			if c := t.root.elems[0].col; c > 0 {
				return c
			}
		}
	case YAML:
		for _, e := range t.root.elems {
			if e.v().kind == lMap && !e.v().flow && len(e.v().elems) > 0 {
				if d := e.v().elems[0].col - e.col; d > 0 {
					return d
				}
			}
		}
	}
	return 2
}

// parseJSONLLayout reads a statement file as a list of lines: the root is
// a mapping with one entry, "statements", whose items are the lines
// holding a statement (blank lines and // comments are not items). A line
// is parsed only when an edit needs it; its id is picked out now.
func parseJSONLLayout(src []byte) (*lnode, error) {
	elems, err := jsonlLines(src, 0, len(src))
	if err != nil {
		return nil, err
	}
	return jsonlRoot(src, elems), nil
}

func jsonlRoot(src []byte, elems []*lelem) *lnode {
	seq := &lnode{kind: lSeq, elems: elems, start: 0, end: len(src)}
	return &lnode{kind: lMap, elems: []*lelem{{key: Statements, colon: -1, val: seq, end: len(src)}}}
}

// jsonlLines reads the statement lines of src[from:to] (whole lines).
func jsonlLines(src []byte, from, to int) ([]*lelem, error) {
	var out []*lelem
	for ls := from; ls < to; ls = lineEnd(src, ls) {
		le := lineEnd(src, ls)
		body := bytes.TrimSpace(src[ls:le])
		if len(body) == 0 || bytes.HasPrefix(body, []byte("//")) {
			continue
		}
		if body[0] != '{' {
			return nil, fmt.Errorf("line %d: not a JSON object", lineOf(src, ls))
		}
		id, _ := topLevelString(src[ls:trimNewline(src, ls, le)], "id")
		out = append(out, jsonlLine(src, ls, le, id))
	}
	return out, nil
}

// jsonlLine is the item of the statement line src[ls:le].
func jsonlLine(src []byte, ls, le int, id string) *lelem {
	end := trimNewline(src, ls, le)
	e := &lelem{head: ls, start: ls, end: le, aligned: true, colon: -1, id: id}
	e.load = func() *lnode {
		p := &jscan{src: src[:end], i: ls, ls: ls}
		p.space()
		v, err := p.value(0)
		if err == nil {
			p.space()
		}
		if err != nil || p.i != end || v.kind != lMap {
			// Not one JSON object: a mapping with nothing in it, which
			// no ref names; edits leave the line alone.
			return &lnode{kind: lMap, flow: true, start: ls, end: end, open: ls, close: end - 1}
		}
		return v
	}
	return e
}

// jsonlAfter is the layout of a statement file after one splice: the lines
// before it and after it are those of the old layout (moved), only the
// lines it touched are read again.
func jsonlAfter(old *text, out []byte, sp splice) (*lnode, error) {
	delta := len(sp.text) - (sp.end - sp.start)
	lo := lineStart(old.src, sp.start)
	hi := sp.end
	if hi > lineStart(old.src, hi) {
		hi = lineEnd(old.src, hi)
	}
	mid, err := jsonlLines(out, lo, hi+delta)
	if err != nil {
		return nil, err
	}
	var elems []*lelem
	for _, e := range old.root.elems[0].val.elems {
		switch {
		case e.end <= lo:
			elems = append(elems, e)
		case e.start >= hi:
			if mid != nil {
				elems, mid = append(elems, mid...), nil
			}
			elems = append(elems, jsonlLine(out, e.start+delta, e.end+delta, e.id))
		}
	}
	elems = append(elems, mid...)
	return jsonlRoot(out, elems), nil
}

// topLevelString finds key among the top-level fields of the JSON object
// in line and returns its value if it is a string.
func topLevelString(line []byte, key string) (string, bool) {
	i := 0
	space := func() {
		for i < len(line) && (line[i] == ' ' || line[i] == '\t' || line[i] == '\r' || line[i] == '\n') {
			i++
		}
	}
	str := func() ([]byte, bool) { // line[i] == '"'
		start := i
		for i++; i < len(line); i++ {
			switch line[i] {
			case '\\':
				i++
			case '"':
				i++
				return line[start:i], true
			}
		}
		return nil, false
	}
	decode := func(raw []byte) string {
		if bytes.IndexByte(raw, '\\') < 0 {
			return string(raw[1 : len(raw)-1])
		}
		var s string
		if json.Unmarshal(raw, &s) != nil {
			return ""
		}
		return s
	}
	space()
	if i >= len(line) || line[i] != '{' {
		return "", false
	}
	i++
	for {
		space()
		if i >= len(line) || line[i] != '"' {
			return "", false
		}
		k, ok := str()
		if !ok {
			return "", false
		}
		space()
		if i >= len(line) || line[i] != ':' {
			return "", false
		}
		i++
		space()
		if i >= len(line) {
			return "", false
		}
		if line[i] == '"' {
			v, ok := str()
			if !ok {
				return "", false
			}
			if decode(k) == key {
				return decode(v), true
			}
		} else {
			// Skip any other value: brackets counted, strings skipped.
			depth := 0
			for ; i < len(line); i++ {
				c := line[i]
				if c == '"' {
					if _, ok := str(); !ok {
						return "", false
					}
					i--
					continue
				}
				if c == '{' || c == '[' {
					depth++
				} else if c == '}' || c == ']' {
					if depth == 0 {
						break
					}
					depth--
				} else if c == ',' && depth == 0 {
					break
				}
			}
		}
		space()
		if i < len(line) && line[i] == ',' {
			i++
			continue
		}
		return "", false
	}
}

// splice replaces src[start:end] with text.
type splice struct {
	start, end int
	text       string
}

// with applies splices, which must not overlap, and parses the result.
func (t *text) with(sp ...splice) (*text, error) {
	slices.SortFunc(sp, func(a, b splice) int { return b.start - a.start })
	out := slices.Clone(t.src)
	for i, s := range sp {
		if i > 0 && s.end > sp[i-1].start {
			return nil, errors.New("edit: overlapping changes")
		}
		out = slices.Concat(out[:s.start], []byte(s.text), out[s.end:])
	}
	nt := &text{format: t.format, src: out, addedNL: t.addedNL, nl: t.nl, unit: t.unit}
	var err error
	switch {
	case t.format == YAML:
		nt.root, err = parseYAMLLayout(out)
	case t.format == JSON:
		nt.root, err = parseJSONLayout(out)
	case len(sp) == 1:
		nt.root, err = jsonlAfter(t, out, sp[0])
	default:
		nt.root, err = parseJSONLLayout(out)
	}
	if err != nil {
		return nil, fmt.Errorf("edit: the change would not read back (%v); nothing was changed", err)
	}
	return nt, nil
}

// owner finds the mapping that holds the list a ref is in: the root, or
// the record In names.
func (t *text) owner(in *Ref) (*lnode, error) {
	if in == nil {
		return t.root, nil
	}
	_, e, err := t.find(*in)
	if err != nil {
		return nil, err
	}
	if e.v().kind != lMap {
		return nil, fmt.Errorf("%s is not a mapping", in)
	}
	return e.v(), nil
}

// list finds the list a ref is in. ent is the owner's entry holding it
// (nil when absent); the list itself is nil when absent, null or empty.
func (t *text) list(in *Ref, name string) (owner *lnode, ent *lelem, list *lnode, err error) {
	owner, err = t.owner(in)
	if err != nil {
		return nil, nil, nil, err
	}
	_, ent = owner.entry(name)
	if ent == nil || ent.v().kind == lNull {
		return owner, ent, nil, nil
	}
	if ent.v().kind != lSeq {
		return nil, nil, nil, fmt.Errorf("%s is not a list", name)
	}
	return owner, ent, ent.v(), nil
}

// find locates the record a ref names: the list holding it and its item.
func (t *text) find(ref Ref) (*lnode, *lelem, error) {
	if ref.IsDossier() {
		return nil, &lelem{val: t.root}, nil
	}
	_, _, list, err := t.list(ref.In, ref.List)
	if err != nil {
		return nil, nil, err
	}
	var found *lelem
	if list != nil {
		for _, e := range list.elems {
			if matchesElem(e, ref.Key) {
				if found != nil {
					return nil, nil, fmt.Errorf("%s: two records match; edit the file by hand", ref)
				}
				found = e
			}
		}
	}
	if found == nil {
		return nil, nil, fmt.Errorf("%s: %w", ref, ErrNotFound)
	}
	return list, found, nil
}

func (t *text) has(ref Ref) bool {
	_, _, err := t.find(ref)
	return err == nil
}

// lineIndent is the indentation of the line holding offset i.
func (t *text) lineIndent(i int) int { return indentOf(t.src, lineStart(t.src, i)) }

func spaces(n int) string { return strings.Repeat(" ", max(n, 0)) }
