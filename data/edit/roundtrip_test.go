package edit

import (
	"bytes"
	"encoding/json"
	"fmt"
	"io/fs"
	"os"
	"path/filepath"
	"regexp"
	"slices"
	"strings"
	"testing"

	"github.com/parley-dev/parley/data"
)

// testDossiers lists every dossier of the repository that loads (with
// warnings at most): the fixtures under testdata/, the built-in Geneva
// dossier in YAML and JSON, and the starter.
func testDossiers(t *testing.T) []string {
	t.Helper()
	var out []string
	for _, root := range []string{"../../testdata", "../geneva", "../starter.yaml"} {
		err := filepath.WalkDir(root, func(p string, d fs.DirEntry, err error) error {
			if err != nil || d.IsDir() {
				return err
			}
			switch filepath.Ext(p) {
			case ".yaml", ".yml", ".json":
			default:
				return nil
			}
			if _, _, err := data.Load(p); err == nil {
				out = append(out, p)
			}
			return nil
		})
		if err != nil {
			t.Fatal(err)
		}
	}
	if len(out) < 10 {
		t.Fatalf("only %d test dossiers found: %v", len(out), out)
	}
	return out
}

// copyDossier copies the directory holding a dossier (its sources and
// statement files) to a temporary one and returns the dossier's new path.
func copyDossier(t *testing.T, path string) string {
	t.Helper()
	src := filepath.Dir(path)
	dst := t.TempDir()
	err := filepath.WalkDir(src, func(p string, d fs.DirEntry, err error) error {
		if err != nil {
			return err
		}
		rel, _ := filepath.Rel(src, p)
		if d.IsDir() {
			return os.MkdirAll(filepath.Join(dst, rel), 0o755)
		}
		b, err := os.ReadFile(p)
		if err != nil {
			return err
		}
		return os.WriteFile(filepath.Join(dst, rel), b, 0o644)
	})
	if err != nil {
		t.Fatal(err)
	}
	return filepath.Join(dst, filepath.Base(path))
}

// sameValue compares values as records whose field order does not matter.
func sameValue(a, b any) bool {
	return equal(sortFields(normal(a)), sortFields(normal(b)))
}

func sortFields(v any) any {
	switch v := v.(type) {
	case *Record:
		r := &Record{}
		for _, f := range v.Fields {
			if l, ok := f.Value.([]any); ok && len(l) == 0 {
				continue // an empty list reads as no list
			}
			r.Fields = append(r.Fields, Field{f.Key, sortFields(f.Value)})
		}
		slices.SortFunc(r.Fields, func(a, b Field) int { return strings.Compare(a.Key, b.Key) })
		return r
	case []any:
		l := make([]any, len(v))
		for i, x := range v {
			l[i] = sortFields(x)
		}
		return l
	}
	return v
}

func fileValue(t *testing.T, path string, b []byte) *Record {
	t.Helper()
	format := FormatOf(path, b)
	if strings.HasSuffix(path, ".jsonl") {
		format = JSONL
	}
	tx, err := parseText(format, b)
	if err != nil {
		t.Fatalf("%s does not read: %v", path, err)
	}
	return tx.root.value().(*Record)
}

func exportValue(t *testing.T, d *data.Dossier) *Record {
	t.Helper()
	b, err := data.ExportJSON(d)
	if err != nil {
		t.Fatal(err)
	}
	dec := json.NewDecoder(bytes.NewReader(b))
	dec.UseNumber()
	v, err := decodeOrdered(dec)
	if err != nil {
		t.Fatal(err)
	}
	return v.(*Record)
}

// roundTrip is one kind of edit, made on a dossier if it has what the
// edit needs. allowed is where in the file's old text the change may be
// (nil: the check is by lines, for renames).
type roundTrip struct {
	name string
	make func(d *data.Dossier, s *Session) (Edit, bool)
}

var roundTrips = []roundTrip{
	{"add a statement", func(d *data.Dossier, s *Session) (Edit, bool) {
		p := d.Parties[0].ID
		text := "The round trip added this statement."
		return Add{List: Statements, Record: R("id", s.NewID(Statements, p, text), "kind", "reported", "party", p,
			"text", text, "note", "Added by a test: \"quoted\", with a colon: and a # sign.")}, true
	}},
	{"add to a list the file lacks", func(d *data.Dossier, s *Session) (Edit, bool) {
		t := s.files[0].cur
		p := d.Parties[0].ID
		for _, l := range []string{Events, Demands, Actors, Topics, Sources} {
			if _, e := t.root.entry(l); e != nil && e.v().kind == lSeq && len(e.v().elems) > 0 {
				continue
			}
			switch l {
			case Events:
				return Add{List: l, Record: R("date", "2024-01-02", "title", "An added event", "status", "expected")}, true
			case Demands:
				return Add{List: l, Record: R("id", s.NewID(l, "added demand"), "from", p, "to", []string{p}, "text", "An added demand")}, true
			case Actors:
				return Add{List: l, Record: R("id", s.NewID(l, "Ada Added"), "name", "Ada Added", "party", p)}, true
			case Topics:
				return Add{List: l, Record: R("id", s.NewID(l, "added topic"), "title", "An added topic")}, true
			case Sources:
				return Add{List: l, Record: R("id", s.NewID(l, "added source"), "url", "https://example.org/added")}, true
			}
		}
		return nil, false
	}},
	{"replace a record", func(d *data.Dossier, s *Session) (Edit, bool) {
		r, err := FromStruct(d.Parties[0])
		if err != nil {
			panic(err)
		}
		r.Set("name", "Renamed: "+r.String("name"))
		return Replace{Ref: ID(Parties, d.Parties[0].ID), Record: r}, true
	}},
	{"delete a record", func(d *data.Dossier, s *Session) (Edit, bool) {
		switch {
		case len(d.Positions) > 0:
			p := d.Positions[len(d.Positions)/2]
			return Delete{Ref: PositionRef(p.Party, p.Topic)}, true
		case len(d.Events) > 0 && d.Events[0].ID != "":
			return Delete{Ref: ID(Events, d.Events[0].ID)}, true
		}
		return nil, false
	}},
	{"set a field", func(d *data.Dossier, s *Session) (Edit, bool) {
		if len(d.Statements) == 0 {
			return nil, false
		}
		st := d.Statements[len(d.Statements)-1]
		return Set{Ref: StatementRef(st.ID), Field: "note", Value: "A note set by the round trip: it says why."}, true
	}},
	{"remove a field", func(d *data.Dossier, s *Session) (Edit, bool) {
		for _, st := range d.Statements {
			if st.Note() != "" && st.Actor != "" {
				return Set{Ref: StatementRef(st.ID), Field: "note"}, true
			}
		}
		for _, p := range d.Parties {
			if p.Short != "" {
				return Set{Ref: ID(Parties, p.ID), Field: "short"}, true
			}
		}
		return nil, false
	}},
	{"set a field of the dossier", func(d *data.Dossier, s *Session) (Edit, bool) {
		return Set{Ref: Dossier, Field: "summary", Value: "A summary set by the round trip."}, true
	}},
	{"add a response", func(d *data.Dossier, s *Session) (Edit, bool) {
		for _, dm := range d.Demands {
			for _, to := range dm.To {
				if dm.Response(to) == nil {
					return Put{Ref: ResponseRef(dm.ID, to), Record: R("party", to, "status", "deferred", "text", "Later")}, true
				}
			}
		}
		return nil, false
	}},
	{"replace a response", func(d *data.Dossier, s *Session) (Edit, bool) {
		for _, dm := range d.Demands {
			for _, r := range dm.Responses {
				return Put{Ref: ResponseRef(dm.ID, r.Party), Record: R("party", r.Party, "status", "rejected", "text", "No: not now")}, true
			}
		}
		return nil, false
	}},
	{"rename a statement others cite", func(d *data.Dossier, s *Session) (Edit, bool) {
		for _, st := range d.Statements {
			if len(d.CitedBy(st.ID)) > 0 {
				return Rename{List: Statements, From: st.ID, To: st.ID + "-renamed"}, true
			}
		}
		return nil, false
	}},
	{"rename an actor who speaks", func(d *data.Dossier, s *Session) (Edit, bool) {
		for _, a := range d.Actors {
			if len(d.StatementsByActor(a.ID)) > 0 {
				return Rename{List: Actors, From: a.ID, To: a.ID + "-renamed"}, true
			}
		}
		return nil, false
	}},
	{"rename a party", func(d *data.Dossier, s *Session) (Edit, bool) {
		return Rename{List: Parties, From: d.Parties[0].ID, To: "renamed-party"}, true
	}},
}

// TestRoundTripOverEveryTestDossier makes one edit of each kind on every
// test dossier, saves, and reloads: the file reads as the model says, the
// dossier loads as the model says, the bytes outside the edited records are
// unchanged, and undo gives back the file byte for byte.
func TestRoundTripOverEveryTestDossier(t *testing.T) {
	dossiers := testDossiers(t)
	made := map[string]int{}
	for _, path := range dossiers {
		for _, rt := range roundTrips {
			t.Run(filepath.Base(path)+"/"+rt.name, func(t *testing.T) {
				p := copyDossier(t, path)
				d0, _, err := data.Load(p)
				if err != nil {
					t.Fatal(err)
				}
				s, err := Open(p)
				if err != nil {
					t.Fatal(err)
				}
				e, ok := rt.make(d0, s)
				if !ok {
					t.Skip("nothing to do this on")
				}
				made[rt.name]++
				checkRoundTrip(t, s, d0, e)
			})
		}
	}
	t.Logf("%d dossiers; edits made: %v", len(dossiers), made)
	for _, rt := range roundTrips {
		if made[rt.name] == 0 {
			t.Errorf("%q was made on no dossier", rt.name)
		}
	}
}

func checkRoundTrip(t *testing.T, s *Session, d0 *data.Dossier, e Edit) {
	t.Helper()
	before := map[string][]byte{}
	for _, f := range s.files {
		before[f.path] = slices.Clone(f.disk)
	}
	mainStatements := 0
	if _, l := s.files[0].cur.root.entry(Statements); l != nil {
		mainStatements = len(l.v().elems)
	}
	if err := s.Apply(e); err != nil {
		t.Fatalf("%s: %v", e, err)
	}
	if !s.Modified() {
		t.Fatal("an edit left the session unmodified")
	}
	if err := s.Save(nil); err != nil {
		t.Fatalf("save: %v", err)
	}
	if s.Modified() {
		t.Fatal("modified after saving")
	}
	// Each file reads as the model says.
	changed := 0
	for _, f := range s.files {
		after, err := os.ReadFile(f.path)
		if err != nil {
			t.Fatal(err)
		}
		old := before[f.path]
		if bytes.Equal(old, after) {
			continue
		}
		changed++
		want := fileValue(t, f.path, old)
		if !modelApply(want, e, -1) && f.path == s.Path {
			t.Fatalf("the model cannot make %s", e)
		}
		if _, isRename := e.(Rename); !isRename && f.path != s.Path && !isStatementEdit(e) {
			t.Errorf("%s changed %s", e, f.path)
		}
		if got := fileValue(t, f.path, after); !sameValue(got, want) {
			t.Errorf("%s: %s does not read as the model says", e, filepath.Base(f.path))
		}
		checkBytesOutside(t, f.path, old, after, e)
	}
	if changed == 0 {
		t.Fatal("no file changed on disk")
	}
	// The dossier loads, and as the model says.
	d1, probs, err := data.Load(s.Path)
	if err != nil {
		t.Fatalf("the edited dossier does not load: %v", err)
	}
	_ = probs
	want := exportValue(t, d0)
	modelApply(want, e, mainStatements)
	want = sanitized(want).(*Record)
	if got := exportValue(t, d1); !sameValue(got, want) {
		g, _ := json.Marshal(recordJSON(got))
		w, _ := json.Marshal(recordJSON(want))
		t.Errorf("%s: the reloaded dossier is not the expected one\n got %s\nwant %s", e, firstDiff(string(g), string(w)), firstDiff(string(w), string(g)))
	}
	// Undo gives back every byte; redo the edit's.
	saved := map[string][]byte{}
	for _, f := range s.files {
		saved[f.path] = slices.Clone(f.cur.bytes())
	}
	if _, err := s.Undo(); err != nil {
		t.Fatal(err)
	}
	for _, f := range s.files {
		if got := f.cur.bytes(); !bytes.Equal(got, before[f.path]) {
			t.Errorf("undo %s: %s differs from the original at %s", e, filepath.Base(f.path), firstDiff(string(got), string(before[f.path])))
		}
	}
	if _, err := s.Redo(); err != nil {
		t.Fatal(err)
	}
	for _, f := range s.files {
		if got := f.cur.bytes(); !bytes.Equal(got, saved[f.path]) {
			t.Errorf("redo %s: %s differs at %s", e, filepath.Base(f.path), firstDiff(string(got), string(saved[f.path])))
		}
	}
}

func isStatementEdit(e Edit) bool { return e.about().top().List == Statements }

// checkBytesOutside checks that the edit changed only the records it is
// about: for a rename, only the lines naming the old id, with it replaced;
// otherwise one stretch of the old text, inside the record (or, for an
// added record, inside its list or the file's end).
func checkBytesOutside(t *testing.T, path string, old, after []byte, e Edit) {
	t.Helper()
	if r, ok := e.(Rename); ok {
		token := regexp.MustCompile(`(^|[^\p{L}\p{N}_.-])` + regexp.QuoteMeta(r.From) + `($|[^\p{L}\p{N}_.-])`)
		ol, al := strings.Split(string(old), "\n"), strings.Split(string(after), "\n")
		if len(ol) != len(al) {
			t.Fatalf("rename changed the number of lines of %s: %d → %d", path, len(ol), len(al))
		}
		for i := range ol {
			if ol[i] == al[i] {
				continue
			}
			if !token.MatchString(ol[i]) {
				t.Errorf("rename changed line %d, which does not name %q:\n-%s\n+%s", i+1, r.From, ol[i], al[i])
			}
		}
		return
	}
	format := FormatOf(path, old)
	if strings.HasSuffix(path, ".jsonl") {
		format = JSONL
	}
	tx, err := parseText(format, old)
	if err != nil {
		t.Fatal(err)
	}
	var span [2]int
	ref := e.about()
	switch e := e.(type) {
	case Add:
		_, ent := tx.root.entry(e.List)
		if ent == nil {
			if len(after) <= len(old) {
				t.Errorf("adding a list to %s made it no longer", path)
			}
			return
		}
		span = [2]int{ent.start, ent.end}
	default:
		if pt, ok := e.(Put); ok && !tx.has(pt.Ref) {
			ref = *pt.Ref.In
		}
		if ref.IsDossier() {
			if s, ok := e.(Set); ok {
				if _, f := tx.root.entry(s.Field); f != nil {
					span = [2]int{f.start, f.end}
				} else {
					span = [2]int{0, len(old)}
				}
			}
			break
		}
		c, el, err := tx.find(ref)
		if err != nil {
			t.Fatal(err)
		}
		span = recordSpan(tx, c, el, ref)
	}
	// Everything before the record and everything after it is unchanged.
	if !bytes.HasPrefix(after, old[:span[0]]) || !bytes.HasSuffix(after, old[span[1]:]) || len(after) < span[0]+len(old)-span[1] {
		t.Errorf("%s changed %s outside its record (old bytes [%d,%d)): before %s, after %s", e, filepath.Base(path), span[0], span[1],
			firstDiff(string(after), string(old)), lastDiff(string(after), string(old)))
	}
}

// recordSpan is the text a record owns: its lines and the blank lines
// around them, or in a flow list up to its neighbours (the separators are
// no record's); for the only item of a block list, the list.
func recordSpan(tx *text, c *lnode, el *lelem, ref Ref) [2]int {
	i, n := slices.Index(c.elems, el), len(c.elems)
	switch {
	case c.flow:
		span := [2]int{c.open + 1, c.close}
		if i > 0 {
			span[0] = c.elems[i-1].end
		}
		if i+1 < n {
			span[1] = c.elems[i+1].start
		}
		return span
	case n == 1 && tx.format == YAML:
		owner, _ := tx.owner(ref.In)
		_, ent := owner.entry(ref.List)
		return [2]int{ent.start, ent.end}
	}
	return [2]int{blankAbove(tx.src, el.start), blankBelow(tx.src, el.end, len(tx.src))}
}

// sanitized is a value as parley loads it: its text sanitized.
func sanitized(v any) any {
	switch v := v.(type) {
	case *Record:
		r := &Record{}
		for _, f := range v.Fields {
			r.Fields = append(r.Fields, Field{f.Key, sanitized(f.Value)})
		}
		return r
	case []any:
		l := make([]any, len(v))
		for i, x := range v {
			l[i] = sanitized(x)
		}
		return l
	case string:
		c, _ := data.Sanitize(v)
		return c
	}
	return v
}

func recordJSON(v any) any {
	switch v := v.(type) {
	case *Record:
		m := map[string]any{}
		for _, f := range v.Fields {
			m[f.Key] = recordJSON(f.Value)
		}
		return m
	case []any:
		l := make([]any, len(v))
		for i, x := range v {
			l[i] = recordJSON(x)
		}
		return l
	}
	return v
}

func lastDiff(a, b string) string {
	i := 0
	for i < len(a) && i < len(b) && a[len(a)-1-i] == b[len(b)-1-i] {
		i++
	}
	return fmt.Sprintf("%d bytes from the end: %q…", i, a[max(len(a)-i-100, 0):min(len(a)-i+60, len(a))])
}

func firstDiff(a, b string) string {
	i := 0
	for i < len(a) && i < len(b) && a[i] == b[i] {
		i++
	}
	return fmt.Sprintf("byte %d: …%q", i, a[max(i-60, 0):min(i+100, len(a))])
}
