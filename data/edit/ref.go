package edit

import (
	"strings"

	"github.com/parley-dev/parley/data"
)

// Ref names one record of a dossier: the list it is in and the fields that
// tell it from the others in that list. A response is a record inside a
// demand: its In names the demand. The zero Ref is the dossier itself (the
// top-level mapping), for Set on its own fields (title, summary, compare).
type Ref struct {
	In   *Ref
	List string
	Key  []Field // string values
}

// The lists of a dossier.
const (
	Sources    = "sources"
	Parties    = "parties"
	Actors     = "actors"
	Topics     = "topics"
	Statements = "statements"
	Positions  = "positions"
	Demands    = "demands"
	Events     = "events"
	Responses  = "responses" // inside a demand
)

// ID names the record of list whose id is id.
func ID(list, id string) Ref { return Ref{List: list, Key: []Field{{"id", id}}} }

// StatementRef names a statement, wherever it is kept (the dossier file or
// a statement file).
func StatementRef(id string) Ref { return ID(Statements, id) }

// PositionRef names the position of party on topic.
func PositionRef(party, topic string) Ref {
	return Ref{List: Positions, Key: []Field{{"party", party}, {"topic", topic}}}
}

// ResponseRef names party's response to the demand.
func ResponseRef(demand, party string) Ref {
	d := ID(Demands, demand)
	return Ref{In: &d, List: Responses, Key: []Field{{"party", party}}}
}

// Dossier is the Ref of the top-level mapping.
var Dossier = Ref{}

// IsDossier reports whether r names the top-level mapping.
func (r Ref) IsDossier() bool { return r.In == nil && r.List == "" && len(r.Key) == 0 }

// keyFields lists the fields that name a record of a list.
func keyFields(list string) []string {
	switch list {
	case Positions:
		return []string{"party", "topic"}
	case Responses:
		return []string{"party"}
	}
	return []string{"id"}
}

// KeyOf is the Ref of record r in list (inside in, for responses): by its
// id, or for a position its party and topic, for a response its party. An
// event without an id is named by its date and title.
func KeyOf(in *Ref, list string, r *Record) Ref {
	ref := Ref{In: in, List: list}
	for _, k := range keyFields(list) {
		if s := r.String(k); s != "" {
			ref.Key = append(ref.Key, Field{k, s})
		}
	}
	if len(ref.Key) == 0 && list == Events {
		for _, k := range []string{"date", "title"} {
			if v, ok := r.Get(k); ok {
				ref.Key = append(ref.Key, Field{k, normal(v)})
			}
		}
	}
	return ref
}

// top is the top-level record r is in or is (a response's demand).
func (r Ref) top() Ref {
	for r.In != nil {
		r = *r.In
	}
	return r
}

// Equal reports whether two refs name the same record.
func (r Ref) Equal(o Ref) bool {
	if r.List != o.List || len(r.Key) != len(o.Key) || (r.In == nil) != (o.In == nil) {
		return false
	}
	for i := range r.Key {
		if r.Key[i].Key != o.Key[i].Key || !equal(r.Key[i].Value, o.Key[i].Value) {
			return false
		}
	}
	return r.In == nil || r.In.Equal(*o.In)
}

func (r Ref) String() string {
	if r.IsDossier() {
		return "the dossier"
	}
	if r.In == nil && len(r.Key) == 1 && r.Key[0].Key == "field" {
		return "the dossier's " + r.Key[0].Value.(string)
	}
	kind := singular(r.List)
	var b strings.Builder
	b.WriteString(kind)
	switch {
	case r.List == Positions && len(r.Key) == 2:
		b.WriteString(" of " + str(r.Key[0].Value) + " on " + str(r.Key[1].Value))
	case r.List == Responses && len(r.Key) == 1:
		b.WriteString(" of " + str(r.Key[0].Value))
	default:
		for i, k := range r.Key {
			if i > 0 {
				b.WriteString(",")
			}
			if k.Key == "id" {
				b.WriteString(" " + quoteID(str(k.Value)))
			} else {
				b.WriteString(" " + k.Key + " " + quoteID(str(k.Value)))
			}
		}
	}
	if r.In != nil {
		b.WriteString(" to " + r.In.String())
	}
	return b.String()
}

// singular names one record of a list: "party" for "parties".
func singular(list string) string {
	if strings.HasSuffix(list, "ies") {
		return strings.TrimSuffix(list, "ies") + "y"
	}
	return strings.TrimSuffix(list, "s")
}

func str(v any) string { s, _ := normal(v).(string); return s }

func quoteID(s string) string { return `"` + s + `"` }

// matchesElem is matches for a list item, which for a line of a statement
// file not read yet is decided by its id alone.
func matchesElem(e *lelem, key []Field) bool {
	if e.val == nil && e.load != nil && len(key) == 1 && key[0].Key == "id" && e.id != "" {
		want := str(key[0].Value)
		if e.id == want {
			return matches(e.v(), key)
		}
		clean, _ := data.Sanitize(e.id)
		return clean == want && matches(e.v(), key)
	}
	return matches(e.v(), key)
}

// matches reports whether the mapping n is the record the key names. Text
// is compared as written and as parley shows it (sanitized), since the
// explorer hands over the ids it shows.
func matches(n *lnode, key []Field) bool {
	if n == nil || n.kind != lMap || len(key) == 0 {
		return false
	}
	for _, k := range key {
		_, e := n.entry(k.Key)
		if e == nil || e.v().kind != lScalar {
			return false
		}
		want := str(k.Value)
		if e.v().str != want {
			if clean, _ := data.Sanitize(e.v().str); clean != want {
				return false
			}
		}
	}
	return true
}
