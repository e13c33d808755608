package edit

import (
	"slices"
)

// The model: what each edit means, written again on plain values (the
// file read as records and lists), independently of how the edits find
// and splice text. The round-trip and fuzz tests check the files against
// it.

// modelList returns the list a ref is in, inside root (creating it when
// create is set), and a setter for it.
func modelList(root *Record, in *Ref, list string, create bool) ([]any, func([]any), bool) {
	owner := root
	if in != nil {
		l, _, ok := modelList(root, in.In, in.List, false)
		if !ok {
			return nil, nil, false
		}
		i := modelIndex(l, in.Key)
		if i < 0 {
			return nil, nil, false
		}
		owner = l[i].(*Record)
	}
	v, ok := owner.Get(list)
	l, isList := v.([]any)
	if !ok || v == nil || !isList {
		if !create {
			return nil, nil, false
		}
		l = nil
	}
	return l, func(n []any) { owner.Set(list, n) }, true
}

func modelIndex(l []any, key []Field) int {
	for i, x := range l {
		r, ok := x.(*Record)
		if !ok {
			continue
		}
		all := true
		for _, k := range key {
			if v, _ := r.Get(k.Key); !equal(v, k.Value) {
				all = false
			}
		}
		if all {
			return i
		}
	}
	return -1
}

// modelApply changes root (the file's value, or a dossier's export) as the
// edit means. at says where a new statement goes in a list that also holds
// those of statement files (-1: at the end).
func modelApply(root *Record, e Edit, at int) bool {
	switch e := e.(type) {
	case Add:
		l, set, ok := modelList(root, e.In, e.List, true)
		if !ok {
			return false
		}
		if at >= 0 && e.List == Statements && e.In == nil {
			set(slices.Insert(slices.Clone(l), at, any(e.Record.Clone())))
		} else {
			set(append(slices.Clone(l), e.Record.Clone()))
		}
	case Put:
		l, set, ok := modelList(root, e.Ref.In, e.Ref.List, true)
		if !ok {
			return false
		}
		if i := modelIndex(l, e.Ref.Key); i >= 0 {
			l = slices.Clone(l)
			l[i] = e.Record.Clone()
			set(l)
		} else {
			set(append(slices.Clone(l), e.Record.Clone()))
		}
	case Replace:
		l, set, ok := modelList(root, e.Ref.In, e.Ref.List, false)
		i := modelIndex(l, e.Ref.Key)
		if !ok || i < 0 {
			return false
		}
		l = slices.Clone(l)
		l[i] = e.Record.Clone()
		set(l)
	case Delete:
		l, set, ok := modelList(root, e.Ref.In, e.Ref.List, false)
		i := modelIndex(l, e.Ref.Key)
		if !ok || i < 0 {
			return false
		}
		set(slices.Delete(slices.Clone(l), i, i+1))
	case Set:
		rec := root
		if !e.Ref.IsDossier() {
			l, _, ok := modelList(root, e.Ref.In, e.Ref.List, false)
			i := modelIndex(l, e.Ref.Key)
			if !ok || i < 0 {
				return false
			}
			rec = l[i].(*Record)
		}
		if e.Value == nil {
			rec.Set(e.Field, nil)
		} else if _, ok := rec.Get(e.Field); ok {
			rec.Set(e.Field, clone(e.Value))
		} else {
			rec.Fields = append(rec.Fields, Field{e.Field, clone(e.Value)})
		}
	case Rename:
		modelRename(root, e.List, e.From, e.To)
	case Batch:
		for _, sub := range e.Edits {
			if !modelApply(root, sub, at) {
				return false
			}
		}
	default:
		return false
	}
	return true
}

func modelRename(root *Record, list, from, to string) {
	swap := func(r *Record, field string) {
		switch v, _ := r.Get(field); v := v.(type) {
		case string:
			if matchID(v, from) {
				r.Set(field, to)
			}
		case []any:
			for i, x := range v {
				if s, ok := x.(string); ok && matchID(s, from) {
					v[i] = to
				}
			}
		}
	}
	records := func(name string) []*Record {
		l, _ := root.Get(name)
		var out []*Record
		if l, ok := l.([]any); ok {
			for _, x := range l {
				if r, ok := x.(*Record); ok {
					out = append(out, r)
				}
			}
		}
		return out
	}
	for _, r := range records(list) {
		swap(r, "id")
	}
	for _, rf := range references[list] {
		if rf.list == "" {
			swap(root, rf.field)
			continue
		}
		for _, r := range records(rf.list) {
			if rf.sub == "" {
				swap(r, rf.field)
				continue
			}
			if l, ok := r.Get(rf.sub); ok {
				if l, ok := l.([]any); ok {
					for _, x := range l {
						if sr, ok := x.(*Record); ok {
							swap(sr, rf.field)
						}
					}
				}
			}
		}
	}
}
