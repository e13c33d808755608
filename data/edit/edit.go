package edit

import (
	"errors"
	"fmt"
	"reflect"
	"slices"
	"strings"

	"github.com/parley-dev/parley/data"
)

// An Edit is one change a user makes to a dossier, at the level of its
// records. Applying it to a file's text gives the new text, which differs
// from the old only inside the records it changes, and the Edit that undoes
// it exactly (byte for byte).
type Edit interface {
	// apply works the edit out on one file's text: the new text, the edit
	// that undoes it and the records it changed.
	apply(t *text) (*text, Edit, []Ref, error)
	// about is the record the edit is about, to tell which file holds it.
	about() Ref
	String() string
}

// Add appends a record to a list of the dossier (Record's id, or for a
// position its party and topic, must be new). The list is created when the
// file has none. In names the record whose list it is (the demand, for a
// response); nil for the dossier's own lists.
type Add struct {
	In     *Ref
	List   string
	Record *Record
}

// Put replaces the record Ref names, or adds it when there is none: the
// way to set a party's position on a topic or a party's response.
type Put struct {
	Ref    Ref
	Record *Record
}

// Replace replaces the record Ref names with Record (which may change its
// key; use Rename to change an id that others refer to).
type Replace struct {
	Ref    Ref
	Record *Record
}

// Delete removes the record Ref names. References to it are left as they
// are: validation then names each one.
type Delete struct {
	Ref Ref
}

// Set sets one field of the record Ref names (or of the dossier, with the
// zero Ref); a nil Value removes the field (accepting a draft is
// Set{Ref, "draft", nil}).
type Set struct {
	Ref   Ref
	Field string
	Value any
}

// Rename changes the id of a record of List and every reference to it.
type Rename struct {
	List     string
	From, To string
	// sharedVia is set when an actor and a source have the old id.
	sharedVia bool
	// raw holds, by quote style, how the old id was written, so that
	// undoing a rename restores it exactly.
	raw map[byte]string
}

// Batch is several edits made as one step (one undo undoes them all).
type Batch struct {
	Name  string
	Edits []Edit
}

func (a Add) about() Ref {
	return KeyOf(a.In, a.List, a.Record)
}
func (p Put) about() Ref     { return p.Ref }
func (r Replace) about() Ref { return r.Ref }
func (d Delete) about() Ref  { return d.Ref }
func (s Set) about() Ref     { return s.Ref }
func (r Rename) about() Ref  { return ID(r.List, r.From) }
func (b Batch) about() Ref {
	if len(b.Edits) > 0 {
		return b.Edits[0].about()
	}
	return Ref{}
}

func (a Add) String() string     { return "add " + a.about().String() }
func (p Put) String() string     { return "set " + p.Ref.String() }
func (r Replace) String() string { return "change " + r.Ref.String() }
func (d Delete) String() string  { return "delete " + d.Ref.String() }
func (s Set) String() string {
	if s.Value == nil {
		return fmt.Sprintf("remove %s of %s", s.Field, s.Ref)
	}
	return fmt.Sprintf("set %s of %s", s.Field, s.Ref)
}
func (r Rename) String() string {
	return fmt.Sprintf("rename %s %q to %q", singular(r.List), r.From, r.To)
}
func (b Batch) String() string {
	if b.Name != "" {
		return b.Name
	}
	parts := make([]string, len(b.Edits))
	for i, e := range b.Edits {
		parts[i] = e.String()
	}
	return strings.Join(parts, "; ")
}

func (a Add) apply(t *text) (*text, Edit, []Ref, error) {
	if a.Record == nil || len(a.Record.Fields) == 0 {
		return nil, nil, nil, errors.New("add: an empty record")
	}
	ref := KeyOf(a.In, a.List, a.Record)
	if len(ref.Key) == 0 {
		return nil, nil, nil, fmt.Errorf("add: the new %s has no %s", singular(a.List), strings.Join(keyFields(a.List), " and "))
	}
	if t.has(ref) {
		return nil, nil, nil, fmt.Errorf("add: %s already exists", ref)
	}
	_, _, list, err := t.list(a.In, a.List)
	if err != nil {
		return nil, nil, nil, err
	}
	var nt *text
	var inv Edit = Delete{Ref: ref}
	if list == nil || len(list.elems) == 0 {
		owner := Dossier
		if a.In != nil {
			owner = *a.In
		}
		var setInv Edit
		nt, setInv, _, err = Set{Ref: owner, Field: a.List, Value: []any{a.Record}}.apply(t)
		if err != nil {
			return nil, nil, nil, err
		}
		inv = setInv
	} else {
		sp := t.itemAfter(list, len(list.elems)-1, a.Record)
		if nt, err = t.with(sp); err != nil {
			return nil, nil, nil, err
		}
	}
	if err := nt.check(ref, a.Record); err != nil {
		return nil, nil, nil, err
	}
	return nt, inv, []Ref{ref}, nil
}

func (p Put) apply(t *text) (*text, Edit, []Ref, error) {
	if t.has(p.Ref) {
		return Replace(p).apply(t)
	}
	if !KeyOf(p.Ref.In, p.Ref.List, p.Record).Equal(p.Ref) {
		return nil, nil, nil, fmt.Errorf("put: the record is not %s", p.Ref)
	}
	return Add{In: p.Ref.In, List: p.Ref.List, Record: p.Record}.apply(t)
}

// Replace changes only the fields that differ, each in place, so that the
// comments, quoting and order of the others survive.
func (r Replace) apply(t *text) (*text, Edit, []Ref, error) {
	if r.Ref.IsDossier() {
		return nil, nil, nil, errors.New("replace: the dossier itself cannot be replaced")
	}
	if r.Record == nil || len(r.Record.Fields) == 0 {
		return nil, nil, nil, errors.New("replace: an empty record")
	}
	list, e, err := t.find(r.Ref)
	if err != nil {
		return nil, nil, nil, err
	}
	ref := KeyOf(r.Ref.In, r.Ref.List, r.Record)
	if len(ref.Key) == 0 {
		ref = r.Ref
	}
	if !ref.Equal(r.Ref) && t.has(ref) {
		return nil, nil, nil, fmt.Errorf("replace: %s already exists", ref)
	}
	if old, ok := e.v().value().(*Record); ok {
		// Field by field: the key fields last, so that the others find the
		// record by its old key.
		var sets []Edit
		keys := keyFields(r.Ref.List)
		for _, f := range old.Fields {
			if _, keep := r.Record.Get(f.Key); !keep {
				sets = append(sets, Set{Ref: r.Ref, Field: f.Key})
			}
		}
		var keySets []Edit
		for _, f := range r.Record.Fields {
			if v, had := old.Get(f.Key); had && equal(v, f.Value) {
				continue
			}
			if slices.Contains(keys, f.Key) {
				keySets = append(keySets, Set{Ref: r.Ref, Field: f.Key, Value: f.Value})
			} else {
				sets = append(sets, Set{Ref: r.Ref, Field: f.Key, Value: f.Value})
			}
		}
		cur := r.Ref
		var invs []Edit
		for _, s := range append(sets, keySets...) {
			s := s.(Set)
			s.Ref = cur
			nt, inv, _, err := s.apply(t)
			if err != nil {
				return nil, nil, nil, err
			}
			t, invs = nt, append(invs, inv)
			if slices.Contains(keys, s.Field) {
				cur = withKey(cur, s.Field, s.Value.(string))
			}
		}
		if err := t.checkSame(ref, r.Record); err != nil {
			return nil, nil, nil, err
		}
		slices.Reverse(invs)
		return t, Batch{Name: "undo " + r.String(), Edits: invs}, []Ref{r.Ref, ref}, nil
	}
	sp := t.itemValue(list, e, r.Record)
	old := string(t.src[sp.start:sp.end])
	nt, err := t.with(sp)
	if err != nil {
		return nil, nil, nil, err
	}
	if err := nt.check(ref, r.Record); err != nil {
		return nil, nil, nil, err
	}
	return nt, setRaw{Ref: ref, Raw: old}, []Ref{r.Ref, ref}, nil
}

func (d Delete) apply(t *text) (*text, Edit, []Ref, error) {
	if d.Ref.IsDossier() {
		return nil, nil, nil, errors.New("delete: the dossier itself cannot be deleted")
	}
	list, e, err := t.find(d.Ref)
	if err != nil {
		return nil, nil, nil, err
	}
	var nt *text
	var inv Edit
	if len(list.elems) == 1 && !list.flow && t.format == YAML {
		// A block list cannot be empty: it becomes [].
		owner := Dossier
		if d.Ref.In != nil {
			owner = *d.Ref.In
		}
		nt, inv, _, err = Set{Ref: owner, Field: d.Ref.List, Value: []any{}}.apply(t)
	} else {
		sp, at := t.remove(list, slices.Index(list.elems, e), d.Ref.In, d.Ref.List)
		inv = insertRaw{In: d.Ref.In, List: d.Ref.List, At: at, Raw: string(t.src[sp.start:sp.end]), Touch: d.Ref}
		nt, err = t.with(sp)
	}
	if err != nil {
		return nil, nil, nil, err
	}
	if nt.has(d.Ref) {
		return nil, nil, nil, fmt.Errorf("delete: %s is still there after deleting it", d.Ref)
	}
	return nt, inv, []Ref{d.Ref}, nil
}

func (s Set) apply(t *text) (*text, Edit, []Ref, error) {
	if s.Field == "" {
		return nil, nil, nil, errors.New("set: no field named")
	}
	list, e, err := t.find(s.Ref)
	if err != nil {
		return nil, nil, nil, err
	}
	m := e.v()
	if m.kind != lMap {
		return nil, nil, nil, fmt.Errorf("%s is not a mapping", s.Ref)
	}
	ref := s.Ref
	if !ref.IsDossier() && slices.Contains(keyFields(ref.List), s.Field) {
		v, ok := s.Value.(string)
		if !ok || v == "" {
			return nil, nil, nil, fmt.Errorf("set: %s needs its %s", ref, s.Field)
		}
		ref = withKey(ref, s.Field, v)
		if !ref.Equal(s.Ref) && t.has(ref) {
			return nil, nil, nil, fmt.Errorf("set: %s already exists", ref)
		}
	}
	touched := []Ref{s.Ref}
	if s.Ref.IsDossier() {
		touched = []Ref{{Key: []Field{{"field", s.Field}}}}
	} else if !ref.Equal(s.Ref) {
		touched = append(touched, ref)
	}
	i, fe := m.entry(s.Field)
	var sp splice
	var inv Edit
	switch {
	case s.Value == nil && fe == nil:
		return t, s, nil, nil
	case s.Value == nil:
		if len(m.elems) == 1 {
			return nil, nil, nil, fmt.Errorf("set: %s would have no fields left", s.Ref)
		}
		var at anchor
		sp, at = t.remove(m, i, nil, "")
		inv = insertRaw{Field: true, In: &ref, At: at, Raw: string(t.src[sp.start:sp.end]), Touch: ref}
	case fe != nil:
		hint := fe.v()
		if hint.kind == lNull {
			hint = t.siblingHint(list, e, s.Field)
		}
		sp = t.fieldValue(m, fe, s.Value, hint)
		inv = setRaw{Ref: ref, Field: s.Field, Raw: string(t.src[sp.start:sp.end])}
	default:
		sp = t.newField(m, s.Ref, s.Field, s.Value, t.siblingHint(list, e, s.Field))
		inv = Set{Ref: ref, Field: s.Field}
	}
	nt, err := t.with(sp)
	if err != nil {
		return nil, nil, nil, err
	}
	_, ne, err := nt.find(ref)
	if err != nil {
		return nil, nil, nil, fmt.Errorf("set: %s is gone after the change: %v", ref, err)
	}
	_, nf := ne.v().entry(s.Field)
	switch {
	case s.Value == nil && nf != nil:
		return nil, nil, nil, fmt.Errorf("set: %s still has %s", ref, s.Field)
	case s.Value != nil && (nf == nil || !equal(nf.v().value(), s.Value)):
		return nil, nil, nil, fmt.Errorf("set: %s of %s would not read back as written; nothing was changed", s.Field, ref)
	}
	return nt, inv, touched, nil
}

func withKey(r Ref, field, v string) Ref {
	r.Key = slices.Clone(r.Key)
	for i := range r.Key {
		if r.Key[i].Key == field {
			r.Key[i].Value = v
			return r
		}
	}
	return r
}

// checkSame verifies that the record ref names reads back as rec, in
// whatever order its fields are.
func (t *text) checkSame(ref Ref, rec *Record) error {
	_, e, err := t.find(ref)
	if err != nil {
		return fmt.Errorf("%s cannot be found after the change: %v", ref, err)
	}
	if !equal(sortedFields(e.v().value()), sortedFields(rec)) {
		return fmt.Errorf("%s would not read back as written; nothing was changed", ref)
	}
	return nil
}

func sortedFields(v any) any {
	switch v := normal(v).(type) {
	case *Record:
		r := &Record{Fields: slices.Clone(v.Fields)}
		for i := range r.Fields {
			r.Fields[i].Value = sortedFields(r.Fields[i].Value)
		}
		slices.SortFunc(r.Fields, func(a, b Field) int { return strings.Compare(a.Key, b.Key) })
		return r
	case []any:
		for i := range v {
			v[i] = sortedFields(v[i])
		}
		return v
	default:
		return v
	}
}

// check verifies that the record ref names reads back as rec.
func (t *text) check(ref Ref, rec *Record) error {
	_, e, err := t.find(ref)
	if err != nil {
		return fmt.Errorf("%s cannot be found after the change: %v", ref, err)
	}
	if !equal(e.v().value(), rec) {
		return fmt.Errorf("%s would not read back as written; nothing was changed", ref)
	}
	return nil
}

func (b Batch) apply(t *text) (*text, Edit, []Ref, error) {
	var invs []Edit
	var touched []Ref
	for _, e := range b.Edits {
		nt, inv, tr, err := e.apply(t)
		if err != nil {
			return nil, nil, nil, err
		}
		t = nt
		invs = append(invs, inv)
		touched = append(touched, tr...)
	}
	slices.Reverse(invs)
	return t, Batch{Name: "undo " + b.String(), Edits: invs}, touched, nil
}

// setRaw puts back the text a field's value (or, with no Field, a whole
// record) had: the inverse of Set and Replace.
type setRaw struct {
	Ref   Ref
	Field string
	Raw   string
}

func (s setRaw) about() Ref     { return s.Ref }
func (s setRaw) String() string { return "restore " + s.Ref.String() }

func (s setRaw) apply(t *text) (*text, Edit, []Ref, error) {
	list, e, err := t.find(s.Ref)
	if err != nil {
		return nil, nil, nil, err
	}
	var sp splice
	if s.Field == "" {
		sp = t.itemValue(list, e, nil)
	} else {
		_, fe := e.v().entry(s.Field)
		if fe == nil {
			return nil, nil, nil, fmt.Errorf("%s has no %s to restore", s.Ref, s.Field)
		}
		sp = t.fieldValue(e.v(), fe, nil, nil)
	}
	old := string(t.src[sp.start:sp.end])
	sp.text = s.Raw
	nt, err := t.with(sp)
	if err != nil {
		return nil, nil, nil, err
	}
	ref := s.Ref
	if s.Field == "" {
		// The restored record may have another key than the one replaced.
		if _, ne, err := nt.findAt(list, slices.Index(list.elems, e)); err == nil && ne.v().kind == lMap {
			if r := KeyOf(s.Ref.In, s.Ref.List, ne.v().value().(*Record)); len(r.Key) > 0 {
				ref = r
			}
		}
	} else if !s.Ref.IsDossier() && slices.Contains(keyFields(s.Ref.List), s.Field) {
		_, ne, _ := nt.findAt(list, slices.Index(list.elems, e))
		if ne != nil {
			if _, f := ne.v().entry(s.Field); f != nil && f.v().kind == lScalar {
				ref = withKey(ref, s.Field, f.v().str)
			}
		}
	}
	touched := []Ref{s.Ref}
	if s.Ref.IsDossier() {
		touched = []Ref{{Key: []Field{{"field", s.Field}}}}
	} else if !ref.Equal(s.Ref) {
		touched = append(touched, ref)
	}
	return nt, setRaw{Ref: ref, Field: s.Field, Raw: old}, touched, nil
}

// findAt is the i-th item of the list at the same place as list was in an
// earlier text (the list found again by its owner).
func (t *text) findAt(old *lnode, i int) (*lnode, *lelem, error) {
	if old == nil {
		return nil, &lelem{val: t.root}, nil
	}
	// The list is found by the offset it started at: edits before it in
	// the file change nothing before it.
	var walk func(n *lnode) *lnode
	walk = func(n *lnode) *lnode {
		if n == nil {
			return nil
		}
		if n.kind == lSeq && n.start == old.start {
			return n
		}
		for _, e := range n.elems {
			if e.v().start <= old.start && old.start <= e.end {
				if f := walk(e.v()); f != nil {
					return f
				}
			}
		}
		return nil
	}
	l := walk(t.root)
	if l == nil || i < 0 || i >= len(l.elems) {
		return nil, nil, ErrNotFound
	}
	return l, l.elems[i], nil
}

// insertRaw puts back an item (or, with Field, a field of In) that Delete
// or Set removed, with the bytes it had, where it was.
type insertRaw struct {
	In    *Ref
	List  string
	Field bool
	At    anchor
	Raw   string
	Touch Ref
}

func (s insertRaw) about() Ref     { return s.Touch }
func (s insertRaw) String() string { return "restore " + s.Touch.String() }

func (s insertRaw) apply(t *text) (*text, Edit, []Ref, error) {
	var c *lnode
	if s.Field {
		_, e, err := t.find(*s.In)
		if err != nil {
			return nil, nil, nil, err
		}
		c = e.v()
	} else {
		_, _, l, err := t.list(s.In, s.List)
		if err != nil {
			return nil, nil, nil, err
		}
		c = l
	}
	pos, err := t.resolve(c, s.At)
	if err != nil {
		return nil, nil, nil, fmt.Errorf("%s cannot be put back: %v", s.Touch, err)
	}
	nt, err := t.with(splice{pos, pos, s.Raw})
	if err != nil {
		return nil, nil, nil, err
	}
	if s.Field {
		return nt, Set{Ref: s.Touch, Field: s.At.field}, []Ref{s.Touch}, nil
	}
	if !nt.has(s.Touch) {
		return nil, nil, nil, fmt.Errorf("%s was not put back", s.Touch)
	}
	return nt, Delete{Ref: s.Touch}, []Ref{s.Touch}, nil
}

// fieldOrder is the order of a record's fields in the format: a new field
// goes after the last one before it in this order.
func fieldOrder(list string) []string {
	var v any
	switch list {
	case "":
		v = data.Dossier{}
	case Sources:
		v = data.Source{}
	case Parties:
		v = data.Party{}
	case Actors:
		v = data.Actor{}
	case Topics:
		v = data.Topic{}
	case Statements:
		v = data.Statement{}
	case Positions:
		v = data.Position{}
	case Demands:
		v = data.Demand{}
	case Responses:
		v = data.Response{}
	case Events:
		v = data.Event{}
	default:
		return nil
	}
	var names []string
	rt := reflect.TypeOf(v)
	for i := range rt.NumField() {
		f := rt.Field(i)
		name, _, _ := strings.Cut(f.Tag.Get("json"), ",")
		switch {
		case name == "-" && f.Name == "File":
			names = append(names, "file")
		case name == "-" && f.Name == "StatementFiles":
			names = append(names, "statement_files")
		case name != "" && name != "-":
			names = append(names, name)
		}
	}
	if list == "" {
		// The dossier's own fields come before its lists in files.
		names = slices.DeleteFunc(names, func(s string) bool { return s == "compare" })
		i := slices.Index(names, "sources")
		names = slices.Insert(names, max(i, 0), "compare")
	}
	return names
}
