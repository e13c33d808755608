package edit

import (
	"bytes"
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
			if e.val.kind == lMap && !e.val.flow && len(e.val.elems) > 0 {
				if d := e.val.elems[0].col - e.col; d > 0 {
					return d
				}
			}
		}
	}
	return 2
}

// parseJSONLLayout reads a statement file as a list of lines: the root is
// a mapping with one entry, "statements", whose items are the lines
// holding a statement (blank lines and // comments are not items).
func parseJSONLLayout(src []byte) (*lnode, error) {
	seq := &lnode{kind: lSeq}
	for ls := 0; ls < len(src); ls = lineEnd(src, ls) {
		le := lineEnd(src, ls)
		body := bytes.TrimSpace(src[ls:le])
		if len(body) == 0 || bytes.HasPrefix(body, []byte("//")) {
			continue
		}
		end := trimNewline(src, ls, le)
		p := &jscan{src: src[:end], i: ls}
		p.space()
		v, err := p.value(0)
		if err != nil {
			return nil, fmt.Errorf("line %d: %w", lineOf(src, ls), err)
		}
		p.space()
		if p.i != end || v.kind != lMap {
			return nil, fmt.Errorf("line %d: not one JSON object", lineOf(src, ls))
		}
		seq.elems = append(seq.elems, &lelem{head: ls, start: ls, end: le, aligned: true, colon: -1, val: v})
	}
	seq.start, seq.end = 0, len(src)
	return &lnode{kind: lMap, elems: []*lelem{{key: Statements, colon: -1, val: seq, end: len(src)}}}, nil
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
	switch t.format {
	case YAML:
		nt.root, err = parseYAMLLayout(out)
	case JSON:
		nt.root, err = parseJSONLayout(out)
	case JSONL:
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
	if e.val.kind != lMap {
		return nil, fmt.Errorf("%s is not a mapping", in)
	}
	return e.val, nil
}

// list finds the list a ref is in. ent is the owner's entry holding it
// (nil when absent); the list itself is nil when absent, null or empty.
func (t *text) list(in *Ref, name string) (owner *lnode, ent *lelem, list *lnode, err error) {
	owner, err = t.owner(in)
	if err != nil {
		return nil, nil, nil, err
	}
	_, ent = owner.entry(name)
	if ent == nil || ent.val.kind == lNull {
		return owner, ent, nil, nil
	}
	if ent.val.kind != lSeq {
		return nil, nil, nil, fmt.Errorf("%s is not a list", name)
	}
	return owner, ent, ent.val, nil
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
			if matches(e.val, ref.Key) {
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
