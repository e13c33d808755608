package edit

import (
	"bytes"
	"os"
	"path/filepath"
	"testing"
)

// FuzzEdit makes one edit of any kind on any file that reads: it never
// panics; when it is made, the new text reads, reads as the model says,
// and the inverse gives back the old text byte for byte.
func FuzzEdit(f *testing.F) {
	// Small files: the fuzzer mutates them faster.
	for _, p := range []string{"../../testdata/dossiers/crlf/crlf.yaml", "../../testdata/dossiers/ceasefire/ceasefire.yaml",
		"../../testdata/dossiers/ceasefire/statements/round-one.jsonl", "../../testdata/dossiers/hostile.yaml",
		"../../testdata/dossiers/quote-anchor-prefix.yaml"} {
		b, err := os.ReadFile(p)
		if err != nil {
			f.Fatal(err)
		}
		for op := range uint8(8) {
			f.Add(b, filepath.Ext(p) == ".jsonl", op, uint8(op*7), "a value: #1")
		}
	}
	f.Add([]byte("statements:\n- id: a\n  text: x\n- {id: b}\n"), false, uint8(0), uint8(1), "")
	f.Add([]byte("statements: [{id: a}, {id: b, note: n}]"), false, uint8(3), uint8(1), "yes")
	f.Add([]byte(`{"statements":[{"id":"a"}]}`), false, uint8(2), uint8(0), "\n")
	f.Fuzz(func(t *testing.T, src []byte, jsonl bool, op, pick uint8, value string) {
		if len(src) > 1<<16 {
			return
		}
		format := FormatOf("f.yaml", src)
		if jsonl {
			format = JSONL
		}
		tx, err := parseText(format, src)
		if err != nil {
			return
		}
		e := fuzzEdit(tx, op, pick, value)
		if e == nil {
			return
		}
		nt, inv, _, err := e.apply(tx)
		if err != nil {
			return
		}
		if bytes.Equal(nt.bytes(), src) && op != 7 {
			// Only a rename to the same id or setting what is there changes nothing.
			if _, isSet := e.(Set); !isSet {
				t.Fatalf("%s changed nothing", e)
			}
		}
		again, err := parseText(format, nt.bytes())
		if err != nil {
			t.Fatalf("%s: the new text does not read: %v\n%s", e, err, nt.bytes())
		}
		want := tx.root.value().(*Record)
		if modelApply(want, e, -1) && !sameValue(again.root.value(), want) {
			t.Fatalf("%s: the new text does not read as the model says:\n%s", e, nt.bytes())
		}
		back, _, _, err := inv.apply(nt)
		if err != nil {
			t.Fatalf("undo %s: %v\n%s", e, err, nt.bytes())
		}
		if !bytes.Equal(back.bytes(), src) {
			t.Fatalf("undo %s gave\n%q\nnot\n%q", e, back.bytes(), src)
		}
	})
}

// fuzzEdit picks an edit of kind op on a record of the text chosen by pick.
func fuzzEdit(tx *text, op, pick uint8, value string) Edit {
	var lists []*lelem
	for _, e := range tx.root.elems {
		if e.v().kind == lSeq {
			lists = append(lists, e)
		}
	}
	if len(lists) == 0 {
		if op%8 == 6 {
			return Set{Ref: Dossier, Field: "note", Value: value}
		}
		return Add{List: Statements, Record: R("id", "new-id", "text", value)}
	}
	le := lists[int(pick)%len(lists)]
	var recs []*Record
	for _, it := range le.v().elems {
		if r, ok := it.v().value().(*Record); ok {
			recs = append(recs, r)
		}
	}
	add := Add{List: le.key, Record: R("id", "new-id", "party", "new-p", "topic", "new-t", "text", value, "topics", []string{"a", value})}
	if len(recs) == 0 {
		return add
	}
	rec := recs[int(pick/3)%len(recs)]
	ref := KeyOf(nil, le.key, rec)
	if len(ref.Key) == 0 {
		return add
	}
	field := "note"
	if len(rec.Fields) > 1 {
		field = rec.Fields[int(pick)%len(rec.Fields)].Key
	}
	switch op % 8 {
	case 0:
		return add
	case 1:
		return Delete{Ref: ref}
	case 2:
		return Set{Ref: ref, Field: "note", Value: value}
	case 3:
		return Set{Ref: ref, Field: field}
	case 4:
		r := rec.Clone()
		r.Set("note", value)
		r.Set("anchor", R("exact", value, "prefix", "p"))
		return Replace{Ref: ref, Record: r}
	case 5:
		if id := rec.String("id"); id != "" {
			return Rename{List: le.key, From: id, To: "renamed-" + Slug(value)}
		}
		return Set{Ref: ref, Field: "topics", Value: []any{value, "b"}}
	case 6:
		return Set{Ref: Dossier, Field: "note", Value: value}
	}
	return Set{Ref: ref, Field: field, Value: value}
}
