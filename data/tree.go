package data

import (
	"bytes"
	"encoding/json"
	"errors"
	"fmt"
	"regexp"
	"strconv"
	"strings"
	"unicode/utf8"

	"github.com/goccy/go-yaml"
	"github.com/goccy/go-yaml/ast"
	"github.com/goccy/go-yaml/parser"
)

// node is a parsed YAML or JSON value with its place in the file, so that
// one decoder serves both formats and every problem has a line and column.
type node struct {
	kind  nodeKind
	line  int
	col   int
	str   string // a scalar's text
	tag   string // a scalar's type for messages: string, number, boolean, null
	keys  []*node
	vals  []*node // a mapping's values, parallel to keys
	items []*node // a sequence's entries
}

type nodeKind int

const (
	nodeNull nodeKind = iota
	nodeScalar
	nodeMap
	nodeSeq
)

func (n *node) describe() string {
	switch n.kind {
	case nodeMap:
		return "a mapping"
	case nodeSeq:
		return "a list"
	case nodeNull:
		return "nothing (null)"
	}
	return "a " + n.tag
}

// Limits that keep hostile input bounded in time and memory. The YAML
// limits exist because the YAML parser reads about 12 MB/s and holds four
// bytes a character; large collections belong in JSON Lines statement files
// and long texts in source files, which have no such limits.
const (
	maxDepth        = 200      // nesting of mappings and lists
	maxNodes        = 5000000  // values after alias expansion
	maxYAMLSize     = 16 << 20 // bytes in a YAML dossier
	maxYAMLLineSize = 1 << 20  // bytes in one line of a YAML dossier
)

var errTooDeep = fmt.Errorf("nested more than %d levels deep", maxDepth)

// posError is a parse problem at a place in the file.
type posError struct {
	line, col int
	msg       string
}

func (e *posError) Error() string { return fmt.Sprintf("%d:%d: %s", e.line, e.col, e.msg) }

// parseYAML reads YAML into a node tree. Aliases share the anchored node
// (no copy), and the expanded size is bounded so alias bombs fail fast.
func parseYAML(src []byte) (*node, error) {
	if err := checkYAMLSize(src); err != nil {
		return nil, err
	}
	if err := checkNesting(src); err != nil {
		return nil, err
	}
	f, err := parser.ParseBytes(src, 0)
	if err != nil {
		return nil, yamlError(err, src)
	}
	if len(f.Docs) == 0 || f.Docs[0] == nil || f.Docs[0].Body == nil {
		return nil, &posError{1, 1, "the file is empty; a dossier starts with \"parley: 1\""}
	}
	if len(f.Docs) > 1 {
		tk := f.Docs[1].Start // the "---" that starts it
		if tk == nil {
			tk = f.Docs[1].GetToken()
		}
		if tk != nil && tk.Position != nil {
			return nil, &posError{tk.Position.Line, tk.Position.Column, "a second YAML document; a dossier file holds one"}
		}
	}
	c := yamlConverter{anchors: map[string]*node{}, sizes: map[*node]int{}}
	n, err := c.convert(f.Docs[0].Body, 0)
	if err != nil {
		return nil, err
	}
	return n, nil
}

var yamlDuplicateKey = regexp.MustCompile(`^mapping key "(.*)" already defined at \[(\d+):\d+\]$`)

// yamlError turns a YAML parser error into a problem at a place, in the
// words parley uses for the same problem in JSON.
func yamlError(err error, src []byte) error {
	var ye yaml.Error
	if !errors.As(err, &ye) {
		return &posError{1, 1, err.Error()}
	}
	msg := strings.TrimSpace(ye.GetMessage())
	line, col := 1, 1
	if tk := ye.GetToken(); tk != nil && tk.Position != nil {
		line, col = tk.Position.Line, tk.Position.Column
		if off := tk.Position.Offset; strings.Contains(msg, "cannot start any token") && off > 0 && off <= len(src) && src[off-1] == '\t' {
			msg = "a tab in the indentation; YAML indents with spaces"
		}
	}
	if m := yamlDuplicateKey.FindStringSubmatch(msg); m != nil {
		msg = fmt.Sprintf("duplicate key %q (first at line %s)", m[1], m[2])
	}
	return &posError{line, col, msg}
}

func checkYAMLSize(src []byte) error {
	line := 1
	for rest := src; len(rest) > 0; line++ {
		n := bytes.IndexByte(rest, '\n')
		if n < 0 {
			n = len(rest)
		}
		if n > maxYAMLLineSize {
			return &posError{line, 1, fmt.Sprintf("line %d is %d bytes long; lines of a YAML dossier are limited to %d KiB: put long texts in a source file (file:)", line, n, maxYAMLLineSize>>10)}
		}
		rest = rest[min(n+1, len(rest)):]
	}
	if len(src) > maxYAMLSize {
		return &posError{1, 1, fmt.Sprintf("the YAML file is %d MiB; YAML dossiers are limited to %d MiB: put large collections of statements in JSON Lines statement_files, or write the dossier as JSON", len(src)>>20, maxYAMLSize>>20)}
	}
	return nil
}

// checkNesting rejects flow collections nested deeper than maxDepth before
// the recursive parser sees them. Brackets inside quotes are skipped; the
// guard only needs to be conservative, the parser does the real work.
func checkNesting(src []byte) error {
	depth, line, col := 0, 1, 0
	var quote byte
	for i := 0; i < len(src); i++ {
		c := src[i]
		col++
		switch {
		case c == '\n':
			line, col = line+1, 0
			if quote == '\'' || quote == '"' {
				continue
			}
		case quote != 0:
			if c == '\\' && quote == '"' {
				i++
			} else if c == quote {
				quote = 0
			}
		case c == '"' || c == '\'':
			quote = c
		case c == '#' && (i == 0 || src[i-1] == ' ' || src[i-1] == '\n'):
			for i < len(src) && src[i] != '\n' {
				i++
			}
			i--
		case c == '[' || c == '{':
			depth++
			if depth > maxDepth {
				return &posError{line, col, errTooDeep.Error()}
			}
		case c == ']' || c == '}':
			depth--
		}
	}
	return nil
}

type yamlConverter struct {
	anchors map[string]*node
	sizes   map[*node]int
	total   int
}

func (c *yamlConverter) convert(n ast.Node, depth int) (*node, error) {
	if depth > maxDepth {
		return nil, c.at(n, errTooDeep.Error())
	}
	out := &node{}
	if tk := n.GetToken(); tk != nil && tk.Position != nil {
		out.line, out.col = tk.Position.Line, tk.Position.Column
	}
	switch v := n.(type) {
	case *ast.NullNode:
		out.kind, out.tag = nodeNull, "null"
	case *ast.StringNode:
		out.kind, out.tag, out.str = nodeScalar, "string", v.Value
	case *ast.LiteralNode:
		out.kind, out.tag = nodeScalar, "string"
		if v.Value != nil {
			out.str = v.Value.Value
		}
	case *ast.IntegerNode, *ast.FloatNode, *ast.InfinityNode, *ast.NanNode:
		out.kind, out.tag, out.str = nodeScalar, "number", n.GetToken().Value
	case *ast.BoolNode:
		out.kind, out.tag, out.str = nodeScalar, "boolean", strconv.FormatBool(v.Value)
	case *ast.TagNode:
		return c.convert(v.Value, depth)
	case *ast.AnchorNode:
		inner, err := c.convert(v.Value, depth)
		if err != nil {
			return nil, err
		}
		c.anchors[v.Name.GetToken().Value] = inner
		return inner, nil
	case *ast.AliasNode:
		name := v.Value.GetToken().Value
		target, ok := c.anchors[name]
		if !ok {
			return nil, c.at(n, fmt.Sprintf("alias *%s names no anchor defined before it", name))
		}
		c.total += c.sizes[target]
		if c.total > maxNodes {
			return nil, c.at(n, "aliases expand to too many values (an alias bomb?)")
		}
		return target, nil
	case *ast.MappingNode:
		out.kind = nodeMap
		for _, mv := range v.Values {
			if err := c.addPair(out, mv, depth); err != nil {
				return nil, err
			}
		}
		// A block mapping starts at its first key (the parser's token is
		// the colon after it); a flow mapping at its brace.
		if !v.IsFlowStyle && len(out.keys) > 0 {
			out.line, out.col = out.keys[0].line, out.keys[0].col
		}
	case *ast.MappingValueNode:
		out.kind = nodeMap
		if err := c.addPair(out, v, depth); err != nil {
			return nil, err
		}
		out.line, out.col = out.keys[0].line, out.keys[0].col
	case *ast.SequenceNode:
		out.kind = nodeSeq
		for _, item := range v.Values {
			child, err := c.convert(item, depth+1)
			if err != nil {
				return nil, err
			}
			out.items = append(out.items, child)
		}
	case *ast.MergeKeyNode:
		return nil, c.at(n, "merge keys (<<) are not supported in dossiers")
	default:
		return nil, c.at(n, fmt.Sprintf("unsupported YAML value (%s)", n.Type()))
	}
	size := 1
	for _, ch := range out.vals {
		size += c.sizes[ch]
	}
	for _, ch := range out.items {
		size += c.sizes[ch]
	}
	c.sizes[out] = size
	c.total++
	if c.total > maxNodes {
		return nil, c.at(n, "too many values")
	}
	return out, nil
}

func (c *yamlConverter) addPair(m *node, mv *ast.MappingValueNode, depth int) error {
	if _, ok := mv.Key.(*ast.MergeKeyNode); ok {
		return c.at(mv.Key, "merge keys (<<) are not supported in dossiers")
	}
	k, err := c.convert(mv.Key, depth+1)
	if err != nil {
		return err
	}
	if k.kind != nodeScalar {
		return c.at(mv.Key, "a mapping key must be a plain name")
	}
	v, err := c.convert(mv.Value, depth+1)
	if err != nil {
		return err
	}
	m.keys = append(m.keys, k)
	m.vals = append(m.vals, v)
	return nil
}

func (c *yamlConverter) at(n ast.Node, msg string) error {
	if tk := n.GetToken(); tk != nil && tk.Position != nil {
		return &posError{tk.Position.Line, tk.Position.Column, msg}
	}
	return &posError{1, 1, msg}
}

// parseJSON reads one JSON value into a node tree with positions.
func parseJSON(src []byte) (*node, error) {
	p := jsonParser{src: src, line: 1, lineStart: 0}
	p.space()
	if p.i >= len(p.src) {
		return nil, &posError{1, 1, "the file is empty; a dossier is a JSON object starting with {\"parley\": 1"}
	}
	n, err := p.value(0)
	if err != nil {
		return nil, err
	}
	p.space()
	if p.i < len(p.src) {
		return nil, p.errf("unexpected %s after the end of the JSON value", p.what())
	}
	return n, nil
}

type jsonParser struct {
	src       []byte
	i         int
	line      int
	lineStart int

	// The column is counted on from the last one asked for, so a long
	// minified line costs linear time, not quadratic.
	colLine, colOff, colRunes int

	// oneLine is set for a JSON Lines record, whose end is a line's end.
	oneLine bool
}

func (p *jsonParser) end() string {
	if p.oneLine {
		return "end of line"
	}
	return "end of file"
}

func (p *jsonParser) col() int {
	i := min(p.i, len(p.src))
	if p.colLine != p.line || p.colOff < p.lineStart || p.colOff > i {
		p.colLine, p.colOff, p.colRunes = p.line, p.lineStart, 0
	}
	p.colRunes += utf8.RuneCount(p.src[p.colOff:i])
	p.colOff = i
	return p.colRunes + 1
}

func (p *jsonParser) errf(format string, args ...any) error {
	return &posError{p.line, p.col(), fmt.Sprintf(format, args...)}
}

func (p *jsonParser) what() string {
	if p.i >= len(p.src) {
		return p.end()
	}
	r, _ := utf8.DecodeRune(p.src[p.i:])
	return strconv.QuoteRune(r)
}

func (p *jsonParser) space() {
	for p.i < len(p.src) {
		switch p.src[p.i] {
		case '\n':
			p.line++
			p.lineStart = p.i + 1
		case ' ', '\t', '\r':
		default:
			return
		}
		p.i++
	}
}

func (p *jsonParser) value(depth int) (*node, error) {
	if depth > maxDepth {
		return nil, p.errf("%s", errTooDeep)
	}
	n := &node{line: p.line, col: p.col()}
	if p.i >= len(p.src) {
		return nil, p.errf("unexpected %s, expected a value", p.end())
	}
	switch c := p.src[p.i]; {
	case c == '{':
		n.kind = nodeMap
		p.i++
		p.space()
		if p.i < len(p.src) && p.src[p.i] == '}' {
			p.i++
			return n, nil
		}
		for {
			p.space()
			if p.i >= len(p.src) || p.src[p.i] != '"' {
				return nil, p.errf("expected a quoted key, found %s", p.what())
			}
			k := &node{line: p.line, col: p.col(), kind: nodeScalar, tag: "string"}
			s, err := p.string()
			if err != nil {
				return nil, err
			}
			k.str = s
			for _, prev := range n.keys {
				if prev.str == s {
					return nil, &posError{k.line, k.col, fmt.Sprintf("duplicate key %q (first at line %d)", s, prev.line)}
				}
			}
			p.space()
			if p.i >= len(p.src) || p.src[p.i] != ':' {
				return nil, p.errf("expected ':' after key %q, found %s", s, p.what())
			}
			p.i++
			p.space()
			v, err := p.value(depth + 1)
			if err != nil {
				return nil, err
			}
			n.keys, n.vals = append(n.keys, k), append(n.vals, v)
			p.space()
			if p.i < len(p.src) && p.src[p.i] == ',' {
				p.i++
				continue
			}
			if p.i < len(p.src) && p.src[p.i] == '}' {
				p.i++
				return n, nil
			}
			return nil, p.errf("expected ',' or '}', found %s", p.what())
		}
	case c == '[':
		n.kind = nodeSeq
		p.i++
		p.space()
		if p.i < len(p.src) && p.src[p.i] == ']' {
			p.i++
			return n, nil
		}
		for {
			p.space()
			v, err := p.value(depth + 1)
			if err != nil {
				return nil, err
			}
			n.items = append(n.items, v)
			p.space()
			if p.i < len(p.src) && p.src[p.i] == ',' {
				p.i++
				continue
			}
			if p.i < len(p.src) && p.src[p.i] == ']' {
				p.i++
				return n, nil
			}
			return nil, p.errf("expected ',' or ']', found %s", p.what())
		}
	case c == '"':
		s, err := p.string()
		if err != nil {
			return nil, err
		}
		n.kind, n.tag, n.str = nodeScalar, "string", s
	case c == '-' || (c >= '0' && c <= '9'):
		start := p.i
		for p.i < len(p.src) && bytes.IndexByte([]byte("+-.eE0123456789"), p.src[p.i]) >= 0 {
			p.i++
		}
		lit := string(p.src[start:p.i])
		if !json.Valid([]byte(lit)) {
			p.i = start
			return nil, p.errf("%q is not a valid number", lit)
		}
		n.kind, n.tag, n.str = nodeScalar, "number", lit
	default:
		for _, lit := range []struct {
			word string
			kind nodeKind
			tag  string
		}{{"true", nodeScalar, "boolean"}, {"false", nodeScalar, "boolean"}, {"null", nodeNull, "null"}} {
			if bytes.HasPrefix(p.src[p.i:], []byte(lit.word)) {
				p.i += len(lit.word)
				n.kind, n.tag, n.str = lit.kind, lit.tag, lit.word
				return n, nil
			}
		}
		return nil, p.errf("unexpected %s, expected a JSON value", p.what())
	}
	return n, nil
}

func (p *jsonParser) string() (string, error) {
	start := p.i
	p.i++ // opening quote
	simple := true
	for p.i < len(p.src) {
		switch c := p.src[p.i]; {
		case c == '"':
			p.i++
			raw := p.src[start:p.i]
			if simple {
				return string(raw[1 : len(raw)-1]), nil
			}
			var s string
			if err := json.Unmarshal(raw, &s); err != nil {
				p.i = start
				return "", p.errf("invalid string: %s", strings.TrimPrefix(err.Error(), "json: "))
			}
			return s, nil
		case c == '\\':
			simple = false
			p.i += 2
		case c < 0x20:
			if c == '\n' {
				return "", p.errf("unterminated string (a raw line break; write \\n)")
			}
			return "", p.errf("control character %#02x in a string; escape it", c)
		default:
			if c >= utf8.RuneSelf {
				simple = false
			}
			p.i++
		}
	}
	p.i = start
	return "", p.errf("unterminated string")
}
