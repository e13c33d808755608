package edit

import (
	"bytes"
	"errors"
	"fmt"

	"github.com/goccy/go-yaml"
	"github.com/goccy/go-yaml/ast"
	"github.com/goccy/go-yaml/parser"
	"github.com/goccy/go-yaml/token"
)

// parseYAMLLayout reads one YAML document into a layout. The parser gives
// where each value begins; where it ends is found here, from the text:
// a flow collection at its closing bracket, a quoted scalar at its closing
// quote, and anything in block style at the last line it owns (see lelem).
func parseYAMLLayout(src []byte) (*lnode, error) {
	f, err := parser.ParseBytes(src, 0)
	if err != nil {
		var ye yaml.Error
		if errors.As(err, &ye) {
			if tk := ye.GetToken(); tk != nil && tk.Position != nil {
				return nil, fmt.Errorf("%d:%d: %s", tk.Position.Line, tk.Position.Column, ye.GetMessage())
			}
		}
		return nil, err
	}
	if len(f.Docs) != 1 || f.Docs[0] == nil || f.Docs[0].Body == nil {
		return nil, errors.New("not one YAML document")
	}
	b := &ybuilder{src: src, lines: newLines(src)}
	n, err := b.node(f.Docs[0].Body, 0, len(src), -1, false)
	if err != nil {
		return nil, err
	}
	if n.kind != lMap {
		return nil, errors.New("the top of the file is not a mapping")
	}
	return n, nil
}

type ybuilder struct {
	src   []byte
	lines *lines
	depth int
}

var errYAMLShape = errors.New("a YAML construct the editor does not handle")

func (b *ybuilder) off(tk *token.Token) int {
	if tk == nil || tk.Position == nil {
		return -1
	}
	return b.lines.offset(tk.Position.Line, tk.Position.Column)
}

// valueIn builds the value of an entry or item whose text may start at
// from and ends before limit; col is the owner's column (for block text).
func (b *ybuilder) valueIn(n ast.Node, from, limit, col int, flow bool) (*lnode, error) {
	if nn, ok := n.(*ast.NullNode); ok || n == nil {
		at := -1
		if ok {
			at = b.off(nn.Token)
		}
		if at < from || at >= limit || !isNullWord(b.src[at:]) {
			return &lnode{kind: lNull, start: from, end: from, ocol: col}, nil
		}
	}
	v, err := b.node(n, from, limit, col, flow)
	if v != nil {
		v.ocol = col
	}
	return v, err
}

func isNullWord(s []byte) bool {
	for _, w := range []string{"null", "Null", "NULL", "~"} {
		if bytes.HasPrefix(s, []byte(w)) {
			rest := s[len(w):]
			if len(rest) == 0 || bytes.IndexByte([]byte(" \t\r\n,]}#"), rest[0]) >= 0 {
				return true
			}
		}
	}
	return false
}

func (b *ybuilder) node(n ast.Node, from, limit, col int, flow bool) (*lnode, error) {
	b.depth++
	defer func() { b.depth-- }()
	if b.depth > 400 {
		return nil, errors.New("nested too deeply")
	}
	switch v := n.(type) {
	case *ast.AnchorNode:
		inner, err := b.valueIn(v.Value, from, limit, col, flow)
		if err != nil {
			return nil, err
		}
		inner.start = b.off(v.Start)
		return inner, nil
	case *ast.TagNode:
		inner, err := b.valueIn(v.Value, from, limit, col, flow)
		if err != nil {
			return nil, err
		}
		inner.start = b.off(v.Start)
		return inner, nil
	case *ast.MappingNode:
		if v.IsFlowStyle {
			return b.flowMap(v)
		}
		return b.blockMap(v.Values, limit)
	case *ast.MappingValueNode:
		if v.IsFlowStyle {
			return nil, errYAMLShape
		}
		return b.blockMap([]*ast.MappingValueNode{v}, limit)
	case *ast.SequenceNode:
		if v.IsFlowStyle {
			return b.flowSeq(v)
		}
		return b.blockSeq(v, limit)
	case *ast.MappingKeyNode, *ast.MergeKeyNode:
		return nil, errYAMLShape
	}
	return b.scalar(n, limit, col, flow)
}

func (b *ybuilder) scalar(n ast.Node, limit, col int, flow bool) (*lnode, error) {
	out := &lnode{kind: lScalar, start: b.off(n.GetToken())}
	if out.start < 0 {
		return nil, errYAMLShape
	}
	switch v := n.(type) {
	case *ast.NullNode:
		out.kind, out.explicit = lNull, true
	case *ast.StringNode:
		out.str = v.Value
		if c := b.src[out.start]; c == '"' || c == '\'' {
			out.quote = c
		}
	case *ast.LiteralNode:
		out.quote = b.src[out.start]
		if v.Value != nil {
			out.str = v.Value.Value
		}
	case *ast.AliasNode:
		out.str = "*" + v.Value.GetToken().Value
	default:
		out.str = n.GetToken().Value
	}
	switch {
	case out.quote == '"' || out.quote == '\'':
		out.end = scanQuoted(b.src, out.start)
	case flow:
		out.end = scanPlainFlow(b.src, out.start)
	case out.quote == '|' || out.quote == '>':
		out.end = b.textEnd(out.start, limit, col)
	default:
		out.end = cutComment(b.src, out.start, b.plainEnd(out.start, limit))
	}
	return out, nil
}

// textEnd is the end of the last line owned by a value starting at start
// (its newline excluded).
func (b *ybuilder) textEnd(start, limit, col int) int {
	last := lastOwnedLine(b.src, start, limit, col)
	e := lineEnd(b.src, last)
	return trimNewline(b.src, last, e)
}

// plainEnd is the end of a plain scalar in block context: its lines run on
// until a blank or comment line.
func (b *ybuilder) plainEnd(start, limit int) int {
	end := trimNewline(b.src, start, lineEnd(b.src, start))
	for ls := lineEnd(b.src, start); ls < limit; ls = lineEnd(b.src, ls) {
		t := bytes.TrimLeft(b.src[ls:trimNewline(b.src, ls, lineEnd(b.src, ls))], " \t")
		if len(t) == 0 || t[0] == '#' {
			break
		}
		end = trimNewline(b.src, ls, lineEnd(b.src, ls))
	}
	return end
}

func trimNewline(src []byte, from, e int) int {
	if e > from && src[e-1] == '\n' {
		e--
	}
	if e > from && src[e-1] == '\r' {
		e--
	}
	return e
}

// lastOwnedLine is the start of the last line of [start, limit) that
// belongs to an element at column col: its first line, and after it every
// line with text, except comment lines not indented deeper than col (those
// belong to what follows).
func lastOwnedLine(src []byte, start, limit, col int) int {
	last := lineStart(src, start)
	for ls := lineEnd(src, start); ls < limit; ls = lineEnd(src, ls) {
		ind := indentOf(src, ls)
		rest := src[ls+ind : trimNewline(src, ls, lineEnd(src, ls))]
		if len(bytes.TrimSpace(rest)) == 0 {
			continue
		}
		if rest[0] == '#' && ind <= col {
			continue
		}
		last = ls
	}
	return last
}

// cutComment drops a trailing " # comment" from the line ending at end.
func cutComment(src []byte, start, end int) int {
	ls := max(lineStart(src, end), start)
	for i := ls; i < end; i++ {
		if src[i] == '#' && i > start && (src[i-1] == ' ' || src[i-1] == '\t') {
			end = i
			break
		}
	}
	for end > start && (src[end-1] == ' ' || src[end-1] == '\t') {
		end--
	}
	return end
}

// scanQuoted returns the offset just past the quoted scalar at start.
func scanQuoted(src []byte, start int) int {
	q := src[start]
	for i := start + 1; i < len(src); i++ {
		switch {
		case q == '"' && src[i] == '\\':
			i++
		case src[i] == q && q == '\'' && i+1 < len(src) && src[i+1] == '\'':
			i++
		case src[i] == q:
			return i + 1
		}
	}
	return len(src)
}

// scanPlainFlow returns the end of a plain scalar inside a flow collection.
func scanPlainFlow(src []byte, start int) int {
	i := start
	for ; i < len(src); i++ {
		c := src[i]
		if c == ',' || c == ']' || c == '}' || (c == '#' && i > start && (src[i-1] == ' ' || src[i-1] == '\t' || src[i-1] == '\n')) {
			break
		}
	}
	for i > start && (src[i-1] == ' ' || src[i-1] == '\t' || src[i-1] == '\n' || src[i-1] == '\r') {
		i--
	}
	return i
}

func (b *ybuilder) key(k ast.Node) (string, int, error) {
	switch v := k.(type) {
	case *ast.StringNode:
		return v.Value, b.off(v.Token), nil
	case *ast.MappingKeyNode, *ast.MergeKeyNode, nil:
		return "", 0, errYAMLShape
	}
	tk := k.GetToken()
	if tk == nil {
		return "", 0, errYAMLShape
	}
	return tk.Value, b.off(tk), nil
}

func (b *ybuilder) place(e *lelem) {
	ls := b.lines.lineStart(e.head)
	e.col = e.head - ls
	e.aligned = len(bytes.Trim(b.src[ls:e.head], " ")) == 0
	e.start = e.head
	if e.aligned {
		e.start = ls
	}
}

func (b *ybuilder) blockMap(values []*ast.MappingValueNode, limit int) (*lnode, error) {
	out := &lnode{kind: lMap}
	for _, mv := range values {
		k, head, err := b.key(mv.Key)
		if err != nil {
			return nil, err
		}
		e := &lelem{key: k, head: head, colon: b.off(mv.Start)}
		if e.colon < head {
			return nil, errYAMLShape
		}
		b.place(e)
		out.elems = append(out.elems, e)
	}
	if err := b.blockEnds(out, limit, func(i int, e *lelem) (*lnode, error) {
		return b.valueIn(values[i].Value, e.colon+1, e.end, e.col, false)
	}); err != nil {
		return nil, err
	}
	return out, nil
}

func (b *ybuilder) blockSeq(v *ast.SequenceNode, limit int) (*lnode, error) {
	out := &lnode{kind: lSeq}
	if len(v.Entries) != len(v.Values) {
		return nil, errYAMLShape
	}
	for _, en := range v.Entries {
		if en == nil || en.Start == nil {
			return nil, errYAMLShape
		}
		e := &lelem{head: b.off(en.Start)}
		e.colon = e.head
		b.place(e)
		out.elems = append(out.elems, e)
	}
	if err := b.blockEnds(out, limit, func(i int, e *lelem) (*lnode, error) {
		return b.valueIn(v.Values[i], e.head+1, e.end, e.col, false)
	}); err != nil {
		return nil, err
	}
	return out, nil
}

// blockEnds finds where each element of a block collection ends (where the
// next begins, less the lines it does not own) and builds its value.
func (b *ybuilder) blockEnds(out *lnode, limit int, value func(int, *lelem) (*lnode, error)) error {
	if len(out.elems) == 0 {
		return errYAMLShape
	}
	for i, e := range out.elems {
		lim := limit
		if i+1 < len(out.elems) {
			next := out.elems[i+1]
			if !next.aligned || next.start <= e.head {
				return errYAMLShape
			}
			lim = next.start
		}
		e.end = lineEnd(b.src, lastOwnedLine(b.src, e.head, lim, e.col))
		v, err := value(i, e)
		if err != nil {
			return err
		}
		e.val = v
	}
	out.start = out.elems[0].head
	last := out.elems[len(out.elems)-1]
	out.end = max(last.v().end, trimNewline(b.src, last.head, last.end))
	return nil
}

func (b *ybuilder) flowMap(v *ast.MappingNode) (*lnode, error) {
	out := &lnode{kind: lMap, flow: true, open: b.off(v.Start), close: b.off(v.End)}
	if out.open < 0 || out.close < out.open || b.src[out.close] != '}' {
		return nil, errYAMLShape
	}
	for _, mv := range v.Values {
		k, head, err := b.key(mv.Key)
		if err != nil {
			return nil, err
		}
		e := &lelem{key: k, head: head, start: head, colon: b.off(mv.Start)}
		if e.colon < head {
			return nil, errYAMLShape
		}
		e.col = head - b.lines.lineStart(head)
		val, err := b.valueIn(mv.Value, e.colon+1, out.close, e.col, true)
		if err != nil {
			return nil, err
		}
		e.val, e.end = val, max(val.end, e.colon+1)
		out.elems = append(out.elems, e)
	}
	out.start, out.end = out.open, out.close+1
	return out, nil
}

func (b *ybuilder) flowSeq(v *ast.SequenceNode) (*lnode, error) {
	out := &lnode{kind: lSeq, flow: true, open: b.off(v.Start), close: b.off(v.End)}
	if out.open < 0 || out.close < out.open || b.src[out.close] != ']' {
		return nil, errYAMLShape
	}
	for _, item := range v.Values {
		val, err := b.valueIn(item, out.open+1, out.close, 0, true)
		if err != nil {
			return nil, err
		}
		e := &lelem{head: val.start, start: val.start, end: val.end, colon: -1, val: val}
		e.col = val.start - b.lines.lineStart(val.start)
		out.elems = append(out.elems, e)
	}
	out.start, out.end = out.open, out.close+1
	return out, nil
}
