package edit

import (
	"bytes"
	"encoding/json"
	"fmt"
	"strconv"
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/goccy/go-yaml/ast"
	"github.com/goccy/go-yaml/parser"
)

// New text is written in the style of what is around it: a record whose
// neighbour is a one-line flow mapping is one too, a field whose
// neighbour's same field is a block list is one, JSON is indented as the
// file is. hint is always the neighbouring value of the same place (nil
// when there is none).

// foldWidth is where a long folded YAML text is broken.
const foldWidth = 80

// yamlScalar writes text as a YAML scalar: plain when that reads back as
// the same text, else double-quoted.
func yamlScalar(s string, flow bool) string {
	if plainSafe(s, flow) {
		return s
	}
	return yamlQuote(s)
}

var yamlSpecial = map[string]bool{
	"null": true, "~": true, "true": true, "false": true, "yes": true, "no": true,
	"on": true, "off": true, "y": true, "n": true, ".inf": true, "-.inf": true, ".nan": true,
}

// plainSafe reports whether s can be written without quotes. Cheap rules
// first; then the YAML parser must read it back as the same text.
func plainSafe(s string, flow bool) bool {
	if s == "" || strings.TrimSpace(s) != s || yamlSpecial[strings.ToLower(s)] {
		return false
	}
	if strings.ContainsAny(s[:1], "-?:,[]{}#&*!|>'\"%@`") && !(s[0] == '-' && len(s) > 1 && s[1] != ' ' && s[1] != '-') {
		return false
	}
	for _, r := range s {
		if r < 0x20 || r == 0x7f || (r >= 0x80 && r < 0xa0) || r == '\u2028' || r == '\u2029' || r == '\ufeff' || !unicode.IsPrint(r) && r != ' ' {
			return false
		}
	}
	if strings.Contains(s, ": ") || strings.Contains(s, " #") || strings.HasSuffix(s, ":") {
		return false
	}
	if flow && strings.ContainsAny(s, ",[]{}") {
		return false
	}
	f, err := parser.ParseBytes([]byte("k: "+s+"\n"), 0)
	if err != nil || len(f.Docs) != 1 {
		return false
	}
	mv, ok := f.Docs[0].Body.(*ast.MappingValueNode)
	if !ok {
		if m, ok := f.Docs[0].Body.(*ast.MappingNode); ok && len(m.Values) == 1 {
			mv = m.Values[0]
		} else {
			return false
		}
	}
	switch v := mv.Value.(type) {
	case *ast.StringNode:
		return v.Value == s
	case *ast.IntegerNode, *ast.FloatNode:
		return v.GetToken().Value == s
	}
	return false
}

// yamlQuote writes s double-quoted, escaping what YAML needs escaped.
func yamlQuote(s string) string {
	var b strings.Builder
	b.WriteByte('"')
	for _, r := range s {
		switch r {
		case '"':
			b.WriteString(`\"`)
		case '\\':
			b.WriteString(`\\`)
		case '\n':
			b.WriteString(`\n`)
		case '\t':
			b.WriteString(`\t`)
		case '\r':
			b.WriteString(`\r`)
		default:
			switch {
			case r > 0xffff && !unicode.IsPrint(r):
				fmt.Fprintf(&b, `\U%08x`, r)
			case r < 0x20 || r == 0x7f || r == utf8.RuneError || !unicode.IsPrint(r) && r != ' ':
				fmt.Fprintf(&b, `\u%04x`, r)
			default:
				b.WriteRune(r)
			}
		}
	}
	b.WriteByte('"')
	return b.String()
}

// yamlFlow writes any value in flow style on one line.
func yamlFlow(v any) string {
	switch v := v.(type) {
	case *Record:
		parts := make([]string, 0, len(v.Fields))
		for _, f := range v.Fields {
			if f.Value == nil {
				continue
			}
			parts = append(parts, yamlScalar(f.Key, true)+": "+yamlFlow(f.Value))
		}
		return "{" + strings.Join(parts, ", ") + "}"
	case []any, []string, []int:
		l := normalList(v)
		parts := make([]string, len(l))
		for i, x := range l {
			parts[i] = yamlFlow(x)
		}
		return "[" + strings.Join(parts, ", ") + "]"
	case string:
		return yamlScalar(v, true)
	case nil:
		return "null"
	}
	return scalarText(v)
}

// normalList turns any list into []any without normalizing its values.
func normalList(v any) []any {
	switch v := v.(type) {
	case []any:
		return v
	case []string:
		l := make([]any, len(v))
		for i, s := range v {
			l[i] = s
		}
		return l
	case []int:
		l := make([]any, len(v))
		for i, n := range v {
			l[i] = n
		}
		return l
	}
	return nil
}

func scalarText(v any) string {
	switch v := v.(type) {
	case bool:
		return strconv.FormatBool(v)
	case int:
		return strconv.Itoa(v)
	case int64:
		return strconv.FormatInt(v, 10)
	case float64:
		return strconv.FormatFloat(v, 'g', -1, 64)
	}
	return fmt.Sprint(v)
}

func isList(v any) bool {
	switch v.(type) {
	case []any, []string, []int:
		return true
	}
	return false
}

// yamlStyle is how the text around a new value is written.
type yamlStyle struct {
	nl   string
	unit int
	src  []byte // the file, to read hints' own text
}

// afterKey is the text that follows "key:" for value v in a block mapping
// whose keys are at column col.
func (st yamlStyle) afterKey(v any, col int, hint *lnode) string {
	switch v := v.(type) {
	case *Record:
		if len(v.Fields) > 0 && hint != nil && hint.kind == lMap && !hint.flow {
			c := col + st.rel(hint)
			return st.nl + spaces(c) + st.blockRecord(v, c, hint)
		}
		return " " + yamlFlow(v)
	case string:
		if hint != nil && hint.quote == '>' {
			if f, ok := st.folded(v, col+st.unit); ok {
				return " " + f
			}
		}
		if strings.Contains(v, "\n") {
			if l, ok := st.literal(v, col+st.unit); ok {
				return " " + l
			}
		}
		return " " + yamlScalar(v, false)
	}
	if isList(v) {
		l := normalList(v)
		records := len(l) > 0
		for _, x := range l {
			if _, ok := x.(*Record); !ok {
				records = false
			}
		}
		block, dash := records, col+st.unit
		if hint != nil && hint.kind == lSeq {
			block = !hint.flow
			if block {
				dash = col + st.rel(hint)
			}
		}
		if !block || len(l) == 0 {
			return " " + yamlFlow(v)
		}
		var ih *lnode
		if hint != nil && len(hint.elems) > 0 {
			ih = hint.elems[len(hint.elems)-1].v()
		}
		var b strings.Builder
		for _, x := range l {
			b.WriteString(st.nl + spaces(dash) + "-" + st.afterDash(x, dash, ih))
		}
		return b.String()
	}
	if v == nil {
		return ""
	}
	return " " + scalarText(v)
}

// rel is how far a block collection's elements sit from the key or dash
// that owns it.
func (st yamlStyle) rel(hint *lnode) int {
	if hint != nil && !hint.flow && len(hint.elems) > 0 {
		if d := hint.elems[0].col - hint.ocol; d >= 0 {
			return d
		}
	}
	return st.unit
}

// afterDash is the text that follows the "-" of a block list item at
// column dash.
func (st yamlStyle) afterDash(v any, dash int, hint *lnode) string {
	if r, ok := v.(*Record); ok && len(r.Fields) > 0 {
		if hint != nil && hint.kind == lMap && hint.flow {
			return " " + yamlFlow(r)
		}
		col := dash + 2
		if hint != nil && hint.kind == lMap && !hint.flow {
			if d := st.rel(hint); d > 1 {
				col = dash + d
			}
		}
		return spaces(col-dash-1) + st.blockRecord(r, col, hint)
	}
	if s, ok := v.(string); ok {
		return " " + yamlScalar(s, false)
	}
	return " " + yamlFlow(v)
}

// blockRecord writes a record as a block mapping whose keys are at column
// col; the first line is not indented (it follows a dash or a line break
// the caller wrote).
func (st yamlStyle) blockRecord(r *Record, col int, hint *lnode) string {
	var b strings.Builder
	first := true
	for _, f := range r.Fields {
		if f.Value == nil {
			continue
		}
		if !first {
			b.WriteString(st.nl + spaces(col))
		}
		first = false
		var fh *lnode
		if _, e := hint.entry(f.Key); e != nil {
			fh = e.v()
		}
		b.WriteString(yamlScalar(f.Key, false) + ":" + st.afterKey(f.Value, col, fh))
	}
	return b.String()
}

// folded writes a long text as a folded block scalar (">-") broken at
// spaces, when folding reads back as the same text.
func (st yamlStyle) folded(s string, indent int) (string, bool) {
	if len(s) < foldWidth-indent || strings.ContainsAny(s, "\n\t\r") || strings.Contains(s, "  ") ||
		strings.TrimSpace(s) != s || !utf8.ValidString(s) {
		return "", false
	}
	for _, r := range s {
		if r < 0x20 || r == 0x7f || (r >= 0x80 && r < 0xa0) || r == '\u2028' || r == '\u2029' || r == '\ufeff' {
			return "", false
		}
	}
	var b strings.Builder
	b.WriteString(">-")
	words := strings.Split(s, " ")
	line := 0
	for i, w := range words {
		if i == 0 || line+1+utf8.RuneCountInString(w) > foldWidth-indent {
			b.WriteString(st.nl + spaces(indent) + w)
			line = utf8.RuneCountInString(w)
			continue
		}
		b.WriteString(" " + w)
		line += 1 + utf8.RuneCountInString(w)
	}
	return b.String(), true
}

// literal writes a text with line breaks as a literal block scalar ("|"),
// when that reads back as the same text.
func (st yamlStyle) literal(s string, indent int) (string, bool) {
	body := strings.TrimRight(s, "\n")
	trailing := len(s) - len(body)
	if body == "" || strings.HasPrefix(body, " ") || strings.HasPrefix(body, "\n") || strings.ContainsAny(s, "\t\r") {
		return "", false
	}
	for _, line := range strings.Split(body, "\n") {
		if strings.TrimRight(line, " ") != line {
			return "", false
		}
		for _, r := range line {
			if r < 0x20 || r == 0x7f || (r >= 0x80 && r < 0xa0) || r == '\u2028' || r == '\u2029' || r == '\ufeff' {
				return "", false
			}
		}
	}
	head := "|"
	switch {
	case trailing == 0:
		head = "|-"
	case trailing > 1:
		head = "|+"
	}
	var b strings.Builder
	b.WriteString(head)
	for _, line := range strings.Split(body, "\n") {
		if line == "" {
			b.WriteString(st.nl)
			continue
		}
		b.WriteString(st.nl + spaces(indent) + line)
	}
	for i := 1; i < trailing; i++ {
		b.WriteString(st.nl)
	}
	return b.String(), true
}

// jsonStyle is how the JSON around a new value is written.
type jsonStyle struct {
	nl    string
	unit  int
	space bool // "key": value and ", " (not "key":value)
	src   []byte
}

func jsonString(s string) string {
	var b bytes.Buffer
	enc := json.NewEncoder(&b)
	enc.SetEscapeHTML(false)
	_ = enc.Encode(s)
	return strings.TrimSuffix(b.String(), "\n")
}

// multiline reports whether a JSON collection spans lines.
func (st jsonStyle) multiline(n *lnode) bool {
	return n != nil && (n.kind == lMap || n.kind == lSeq) && bytes.IndexByte(st.src[n.open:n.close], '\n') >= 0
}

// deep reports whether a record spreads a nested value over lines (as
// an indented export does), so that new nested values are spread too.
func (st jsonStyle) deep(rec *lnode) bool {
	if rec == nil || rec.kind != lMap {
		return false
	}
	for _, e := range rec.elems {
		if st.multiline(e.v()) {
			return true
		}
	}
	return false
}

// value writes v as JSON starting at column col (where its first line is).
// multi says whether a collection is spread over lines; nested values
// follow hint, or stay on one line.
func (st jsonStyle) value(v any, col int, hint *lnode, multi bool) string {
	colon, comma := ": ", ", "
	if !st.space {
		colon, comma = ":", ","
	}
	switch v := v.(type) {
	case *Record:
		if len(v.Fields) == 0 {
			return "{}"
		}
		parts := make([]string, 0, len(v.Fields))
		for _, f := range v.Fields {
			if f.Value == nil {
				continue
			}
			var fh *lnode
			if _, e := hint.entry(f.Key); e != nil {
				fh = e.v()
			}
			inner := col
			if multi {
				inner = col + st.unit
			}
			// Without a neighbour to follow, a nested value is spread over
			// lines when the neighbouring record spreads its own.
			fm := st.multiline(fh) || fh == nil && multi && st.deep(hint)
			parts = append(parts, jsonString(f.Key)+colon+st.value(f.Value, inner, fh, fm))
		}
		if !multi {
			return "{" + strings.Join(parts, comma) + "}"
		}
		in := st.nl + spaces(col+st.unit)
		return "{" + in + strings.Join(parts, ","+in) + st.nl + spaces(col) + "}"
	case string:
		return jsonString(v)
	case nil:
		return "null"
	}
	if isList(v) {
		l := normalList(v)
		if len(l) == 0 {
			return "[]"
		}
		var ih *lnode
		if hint != nil && hint.kind == lSeq && len(hint.elems) > 0 {
			ih = hint.elems[len(hint.elems)-1].v()
		}
		parts := make([]string, len(l))
		for i, x := range l {
			inner := col
			if multi {
				inner = col + st.unit
			}
			parts[i] = st.value(x, inner, ih, st.multiline(ih))
		}
		if !multi {
			return "[" + strings.Join(parts, comma) + "]"
		}
		in := st.nl + spaces(col+st.unit)
		return "[" + in + strings.Join(parts, ","+in) + st.nl + spaces(col) + "]"
	}
	return scalarText(v)
}
