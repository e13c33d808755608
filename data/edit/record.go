package edit

import (
	"bytes"
	"encoding/json"
	"fmt"
	"reflect"
	"slices"
	"strconv"
)

// A Record is a mapping whose fields keep their order: a dossier record to
// write (a statement, a position, a response) or a nested value of one (an
// anchor, a draft). Field values are nil, string, bool, int, int64,
// float64, []string, []int, []any or *Record.
type Record struct {
	Fields []Field
}

// Field is one key and its value.
type Field struct {
	Key   string
	Value any
}

// R makes a record from alternating keys and values:
// R("id", "s1", "kind", "quote"). Nil values are left out.
func R(kv ...any) *Record {
	if len(kv)%2 != 0 {
		panic("edit.R: an odd number of arguments")
	}
	r := &Record{}
	for i := 0; i < len(kv); i += 2 {
		if kv[i+1] == nil {
			continue
		}
		r.Fields = append(r.Fields, Field{Key: kv[i].(string), Value: kv[i+1]})
	}
	return r
}

// Get returns the value of key.
func (r *Record) Get(key string) (any, bool) {
	if r == nil {
		return nil, false
	}
	for _, f := range r.Fields {
		if f.Key == key {
			return f.Value, true
		}
	}
	return nil, false
}

// String returns the text of key, "" when it is absent or not text.
func (r *Record) String(key string) string {
	v, _ := r.Get(key)
	s, _ := v.(string)
	return s
}

// Set replaces key's value, or appends the field; a nil value removes it.
func (r *Record) Set(key string, v any) {
	for i, f := range r.Fields {
		if f.Key == key {
			if v == nil {
				r.Fields = slices.Delete(r.Fields, i, i+1)
			} else {
				r.Fields[i].Value = v
			}
			return
		}
	}
	if v != nil {
		r.Fields = append(r.Fields, Field{Key: key, Value: v})
	}
}

// Clone copies the record deeply.
func (r *Record) Clone() *Record {
	if r == nil {
		return nil
	}
	return clone(r).(*Record)
}

func clone(v any) any {
	switch v := v.(type) {
	case *Record:
		c := &Record{Fields: make([]Field, len(v.Fields))}
		for i, f := range v.Fields {
			c.Fields[i] = Field{Key: f.Key, Value: clone(f.Value)}
		}
		return c
	case []any:
		c := make([]any, len(v))
		for i, x := range v {
			c[i] = clone(x)
		}
		return c
	case []string:
		return slices.Clone(v)
	case []int:
		return slices.Clone(v)
	}
	return v
}

// FromStruct turns a value that marshals to a JSON object (a
// *data.Statement, *data.Position, …) into a record with the fields in the
// order the type declares them, so new records read like the format's
// reference. A source's file is kept (an export would inline its text).
func FromStruct(v any) (*Record, error) {
	b, err := json.Marshal(v)
	if err != nil {
		return nil, err
	}
	dec := json.NewDecoder(bytes.NewReader(b))
	dec.UseNumber()
	g, err := decodeOrdered(dec)
	if err != nil {
		return nil, err
	}
	r, ok := g.(*Record)
	if !ok {
		return nil, fmt.Errorf("%T is not a record", v)
	}
	if rv := reflect.Indirect(reflect.ValueOf(v)); rv.Kind() == reflect.Struct {
		if f := rv.FieldByName("File"); f.IsValid() && f.Kind() == reflect.String && f.String() != "" {
			if _, ok := r.Get("text"); ok {
				r.Set("text", nil)
			}
			insertAfter(r, "url", Field{Key: "file", Value: f.String()})
		}
	}
	return r, nil
}

// insertAfter puts f after the field named after (or at the end).
func insertAfter(r *Record, after string, f Field) {
	for i, g := range r.Fields {
		if g.Key == after {
			r.Fields = slices.Insert(r.Fields, i+1, f)
			return
		}
	}
	r.Fields = append(r.Fields, f)
}

func decodeOrdered(dec *json.Decoder) (any, error) {
	tok, err := dec.Token()
	if err != nil {
		return nil, err
	}
	switch t := tok.(type) {
	case json.Delim:
		switch t {
		case '{':
			r := &Record{}
			for dec.More() {
				kt, err := dec.Token()
				if err != nil {
					return nil, err
				}
				v, err := decodeOrdered(dec)
				if err != nil {
					return nil, err
				}
				r.Fields = append(r.Fields, Field{Key: kt.(string), Value: v})
			}
			_, err := dec.Token()
			return r, err
		case '[':
			l := []any{}
			for dec.More() {
				v, err := decodeOrdered(dec)
				if err != nil {
					return nil, err
				}
				l = append(l, v)
			}
			_, err := dec.Token()
			return l, err
		}
	case json.Number:
		if i, err := t.Int64(); err == nil {
			return i, nil
		}
		f, err := t.Float64()
		return f, err
	}
	return tok, nil
}

// normal is a value as a reader of the file sees it: every scalar as its
// text, lists as []any, mappings as *Record; used to check that what was
// written reads back as what was meant.
func normal(v any) any {
	switch v := v.(type) {
	case nil:
		return nil
	case string:
		return v
	case bool:
		return strconv.FormatBool(v)
	case int:
		return strconv.Itoa(v)
	case int64:
		return strconv.FormatInt(v, 10)
	case float64:
		return strconv.FormatFloat(v, 'g', -1, 64)
	case []string:
		l := make([]any, len(v))
		for i, s := range v {
			l[i] = s
		}
		return l
	case []int:
		l := make([]any, len(v))
		for i, n := range v {
			l[i] = strconv.Itoa(n)
		}
		return l
	case []any:
		l := make([]any, len(v))
		for i, x := range v {
			l[i] = normal(x)
		}
		return l
	case *Record:
		r := &Record{Fields: make([]Field, 0, len(v.Fields))}
		for _, f := range v.Fields {
			r.Fields = append(r.Fields, Field{Key: f.Key, Value: normal(f.Value)})
		}
		return r
	}
	return fmt.Sprint(v)
}

// equal compares two values as a reader of the file sees them.
func equal(a, b any) bool { return reflect.DeepEqual(normal(a), normal(b)) }
