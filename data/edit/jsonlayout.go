package edit

import (
	"bytes"
	"encoding/json"
	"errors"
	"fmt"
	"unicode/utf8"
)

// parseJSONLayout reads one JSON value into a layout (every collection a
// flow one). The file was already read by the dossier's own parser, so the
// messages here are short: they only ever meet bytes this package wrote
// wrong.
func parseJSONLayout(src []byte) (*lnode, error) {
	p := &jscan{src: src}
	p.space()
	n, err := p.value(0)
	if err != nil {
		return nil, err
	}
	p.space()
	if p.i != len(src) {
		return nil, p.errf("trailing data")
	}
	if n.kind != lMap {
		return nil, errors.New("the top of the file is not an object")
	}
	return n, nil
}

type jscan struct {
	src []byte
	i   int
	ls  int // where the line holding i begins
}

func (p *jscan) errf(format string, args ...any) error {
	return fmt.Errorf("byte %d: %s", p.i, fmt.Sprintf(format, args...))
}

func (p *jscan) space() {
	for p.i < len(p.src) {
		switch p.src[p.i] {
		case '\n':
			p.i++
			p.ls = p.i
		case ' ', '\t', '\r':
			p.i++
		default:
			return
		}
	}
}

func (p *jscan) value(depth int) (*lnode, error) {
	if depth > 400 {
		return nil, p.errf("nested too deeply")
	}
	if p.i >= len(p.src) {
		return nil, p.errf("unexpected end")
	}
	start := p.i
	switch c := p.src[p.i]; {
	case c == '{' || c == '[':
		n := &lnode{kind: lMap, flow: true, open: start, start: start}
		closing := byte('}')
		if c == '[' {
			n.kind, closing = lSeq, ']'
		}
		p.i++
		p.space()
		if p.i < len(p.src) && p.src[p.i] == closing {
			n.close, n.end = p.i, p.i+1
			p.i++
			return n, nil
		}
		for {
			p.space()
			e := &lelem{head: p.i, start: p.i, colon: -1}
			e.col = e.head - p.ls
			if n.kind == lMap {
				k, err := p.value(depth + 1)
				if err != nil {
					return nil, err
				}
				if k.kind != lScalar || k.quote != '"' {
					return nil, p.errf("a key that is not a string")
				}
				e.key = k.str
				p.space()
				if p.i >= len(p.src) || p.src[p.i] != ':' {
					return nil, p.errf("expected ':'")
				}
				e.colon = p.i
				p.i++
				p.space()
			}
			v, err := p.value(depth + 1)
			if err != nil {
				return nil, err
			}
			e.val, e.end = v, v.end
			n.elems = append(n.elems, e)
			p.space()
			if p.i < len(p.src) && p.src[p.i] == ',' {
				p.i++
				continue
			}
			if p.i < len(p.src) && p.src[p.i] == closing {
				n.close, n.end = p.i, p.i+1
				p.i++
				return n, nil
			}
			return nil, p.errf("expected ',' or %q", closing)
		}
	case c == '"':
		p.i++
		for p.i < len(p.src) && p.src[p.i] != '"' {
			if p.src[p.i] == '\\' {
				p.i++
			}
			p.i++
		}
		if p.i >= len(p.src) {
			return nil, p.errf("unterminated string")
		}
		p.i++
		raw := p.src[start:p.i]
		s := ""
		if bytes.IndexByte(raw, '\\') < 0 && utf8.Valid(raw) {
			s = string(raw[1 : len(raw)-1])
		} else if err := json.Unmarshal(raw, &s); err != nil {
			return nil, p.errf("%v", err)
		}
		return &lnode{kind: lScalar, start: start, end: p.i, str: s, quote: '"'}, nil
	default:
		for p.i < len(p.src) {
			c := p.src[p.i]
			if c == ',' || c == ']' || c == '}' || c == ' ' || c == '\n' || c == '\r' || c == '\t' || c == ':' {
				break
			}
			p.i++
		}
		lit := string(p.src[start:p.i])
		switch {
		case lit == "null":
			return &lnode{kind: lNull, start: start, end: p.i, explicit: true}, nil
		case lit == "true" || lit == "false" || json.Valid([]byte(lit)):
			return &lnode{kind: lScalar, start: start, end: p.i, str: lit}, nil
		}
		p.i = start
		return nil, p.errf("not a JSON value")
	}
}
