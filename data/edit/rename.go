package edit

import (
	"bytes"
	"fmt"
	"regexp"
	"strings"

	"github.com/parley-dev/parley/data"
)

// refField is a field that refers to records of another list by id: field
// of the records of list (of their sub list, for responses), or a field of
// the dossier itself when list is "".
type refField struct {
	list, sub, field string
}

// references lists, for each list, the fields that refer to its records.
// A field may hold one id or a list of ids.
var references = map[string][]refField{
	Statements: {{Positions, "", "evidence"}, {Demands, "", "evidence"}, {Demands, Responses, "evidence"}, {Events, "", "evidence"}},
	Actors:     {{Statements, "", "actor"}, {Statements, "", "via"}},
	Parties: {{Actors, "", "party"}, {Statements, "", "party"}, {Statements, "", "about"}, {Positions, "", "party"},
		{Demands, "", "from"}, {Demands, "", "to"}, {Demands, Responses, "party"}, {Demands, Responses, "according_to"},
		{"", "", "compare"}},
	Topics:  {{Topics, "", "parent"}, {Statements, "", "topics"}, {Positions, "", "topic"}, {Demands, "", "topic"}},
	Sources: {{Statements, "", "source"}, {Statements, "", "via"}},
}

// A via names actors and sources alike: when an actor and a source share
// the id being renamed, the via entries are left alone (they cannot be told
// apart) and validation names any that no longer resolve.

// idPattern is what a new id may be: letters and digits of any script,
// '-', '_' and '.', starting with a letter or digit. Such an id reads back
// as itself written plainly in YAML.
var idPattern = regexp.MustCompile(`^[\p{L}\p{N}][\p{L}\p{N}\p{M}_.\-]*$`)

// CheckID says what is wrong with a new id, or nil.
func CheckID(id string) error {
	switch {
	case id == "":
		return fmt.Errorf("an id cannot be empty")
	case strings.ContainsAny(id, " \t\r\n"):
		return fmt.Errorf("id %q must not contain white space", id)
	case !idPattern.MatchString(id) || yamlSpecial[strings.ToLower(id)]:
		return fmt.Errorf("id %q: use letters, digits, '-', '_' and '.', starting with a letter or digit", id)
	}
	return nil
}

func (r Rename) apply(t *text) (*text, Edit, []Ref, error) {
	if err := CheckID(r.To); err != nil && r.raw == nil {
		return nil, nil, nil, fmt.Errorf("rename: %v", err)
	}
	if r.From == r.To {
		return t, r, nil, nil
	}
	if t.has(ID(r.List, r.To)) {
		return nil, nil, nil, fmt.Errorf("rename: %s already exists", ID(r.List, r.To))
	}
	raw := map[byte]string{}
	var sps []splice
	var touched []Ref
	put := func(v *lnode, flow bool) {
		if _, ok := raw[v.quote]; !ok {
			raw[v.quote] = string(t.src[v.start:v.end])
		}
		sps = append(sps, splice{v.start, v.end, r.scalar(t, v, flow)})
	}
	// The record itself.
	_, _, list, err := t.list(nil, r.List)
	if err != nil {
		return nil, nil, nil, err
	}
	if list != nil {
		for _, e := range list.elems {
			if !matchesElem(e, ID(r.List, r.From).Key) {
				continue
			}
			if _, f := e.v().entry("id"); f != nil && f.v().kind == lScalar {
				put(f.v(), e.v().flow || t.format != YAML)
				touched = append(touched, ID(r.List, r.From), ID(r.List, r.To))
			}
		}
	}
	// Every reference.
	for _, rf := range references[r.List] {
		if rf.field == "via" && r.sharedVia {
			continue
		}
		if rf.list == "" {
			if _, f := t.root.entry(rf.field); f != nil && r.refersIn(f.v(), put) {
				touched = append(touched, Ref{Key: []Field{{"field", rf.field}}})
			}
			continue
		}
		_, _, l, err := t.list(nil, rf.list)
		if err != nil || l == nil {
			continue
		}
		for _, e := range l.elems {
			if e.val == nil && e.load != nil && !bytes.Contains(t.src[e.start:e.end], []byte(r.From)) {
				continue // a statement file's line that cannot name the id
			}
			rec, ok := e.v().value().(*Record)
			if !ok {
				continue
			}
			hit := false
			if rf.sub == "" {
				if _, f := e.v().entry(rf.field); f != nil {
					hit = r.refersIn(f.v(), put)
				}
			} else if _, s := e.v().entry(rf.sub); s != nil && s.v().kind == lSeq {
				for _, se := range s.v().elems {
					if _, f := se.v().entry(rf.field); f != nil {
						hit = r.refersIn(f.v(), put) || hit
					}
				}
			}
			if hit {
				before := KeyOf(nil, rf.list, rec)
				touched = append(touched, before)
				if k := keyFields(rf.list); rf.sub == "" && len(k) > 1 {
					touched = append(touched, withKey(before, rf.field, r.To))
				}
			}
		}
	}
	if len(sps) == 0 {
		return t, Rename{List: r.List, From: r.To, To: r.From}, nil, nil
	}
	nt, err := t.with(sps...)
	if err != nil {
		return nil, nil, nil, err
	}
	return nt, Rename{List: r.List, From: r.To, To: r.From, raw: raw, sharedVia: r.sharedVia}, touched, nil
}

// refersIn calls put for every scalar of v (one id or a list of them) that
// is the old id, and reports whether there was one.
func (r Rename) refersIn(v *lnode, put func(*lnode, bool)) bool {
	hit := false
	switch v.kind {
	case lScalar:
		if matchID(v.str, r.From) {
			put(v, false)
			hit = true
		}
	case lSeq:
		for _, e := range v.elems {
			if e.v().kind == lScalar && matchID(e.v().str, r.From) {
				put(e.v(), v.flow)
				hit = true
			}
		}
	}
	return hit
}

func matchID(written, id string) bool {
	if written == id {
		return true
	}
	clean, _ := data.Sanitize(written)
	return clean == id
}

// scalar writes the new id in the style the old one was written in.
func (r Rename) scalar(t *text, v *lnode, flow bool) string {
	if s, ok := r.raw[v.quote]; ok {
		return s
	}
	if t.format != YAML {
		return jsonString(r.To)
	}
	switch v.quote {
	case '"':
		return yamlQuote(r.To)
	case '\'':
		return "'" + strings.ReplaceAll(r.To, "'", "''") + "'"
	}
	return yamlScalar(r.To, flow)
}
