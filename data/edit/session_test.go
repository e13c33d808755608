package edit

import (
	"bytes"
	"errors"
	"os"
	"path/filepath"
	"strings"
	"syscall"
	"testing"

	"github.com/parley-dev/parley/data"
)

const talks = `# Harbour talks, by hand.
parley: 1
title: Harbour talks
sources:
  - id: minutes
    text: |
      "We will not sign," said Ana Lind.
parties:
  - {id: north, name: Northern League}
  - {id: south, name: Southern Union}
actors:
  - {id: lind, name: Ana Lind, party: north}
topics:
  - {id: harbour, title: Harbour access}
  - {id: fees, title: Fees}
statement_files: [more.jsonl]
statements:
  - id: lind-sign
    kind: quote
    actor: lind
    text: We will not sign
    source: minutes
positions:
  - {party: north, topic: harbour, stance: oppose, evidence: [lind-sign]}
`

const more = `{"id": "south-fees", "kind": "reported", "party": "south", "text": "Fees first.", "topics": ["fees"]}
`

// newTalks writes the harbour dossier and its statement file to a
// temporary directory and opens it.
func newTalks(t *testing.T) *Session {
	t.Helper()
	dir := t.TempDir()
	p := filepath.Join(dir, "talks.yaml")
	if err := os.WriteFile(p, []byte(talks), 0o644); err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(filepath.Join(dir, "more.jsonl"), []byte(more), 0o644); err != nil {
		t.Fatal(err)
	}
	if _, _, err := data.Load(p); err != nil {
		t.Fatalf("the fixture does not load: %v", err)
	}
	s, err := Open(p)
	if err != nil {
		t.Fatal(err)
	}
	return s
}

func read(t *testing.T, p string) string {
	t.Helper()
	b, err := os.ReadFile(p)
	if err != nil {
		t.Fatal(err)
	}
	return string(b)
}

func apply(t *testing.T, s *Session, e Edit) {
	t.Helper()
	if err := s.Apply(e); err != nil {
		t.Fatalf("%s: %v", e, err)
	}
}

// Edits go to the file their record is in: a statement of a statement
// file goes back to it; a new statement goes to the dossier.
func TestStatementsGoBackToTheirFile(t *testing.T) {
	s := newTalks(t)
	jsonl := filepath.Join(filepath.Dir(s.Path), "more.jsonl")
	apply(t, s, Set{Ref: StatementRef("south-fees"), Field: "note", Value: "Said twice."})
	apply(t, s, Add{List: Statements, Record: R("id", s.NewID(Statements, "Lind", "We will not sign"), "kind", "reported", "actor", "lind", "text", "No signature.")})
	apply(t, s, Rename{List: Topics, From: "fees", To: "harbour-fees"})
	if err := s.Save(nil); err != nil {
		t.Fatal(err)
	}
	if got, want := read(t, jsonl), `{"id": "south-fees", "kind": "reported", "party": "south", "text": "Fees first.", "topics": ["harbour-fees"], "note": "Said twice."}`+"\n"; got != want {
		t.Errorf("more.jsonl:\n%s\nwant\n%s", got, want)
	}
	if got := read(t, s.Path); !strings.Contains(got, "  - id: lind-we-not-sign\n    kind: reported\n    actor: lind\n    text: No signature.\n") {
		t.Errorf("the new statement is not in the dossier:\n%s", got)
	}
	d, _, err := data.Load(s.Path)
	if err != nil {
		t.Fatal(err)
	}
	if st := d.Statement("south-fees"); st == nil || st.Note() != "Said twice." || st.Topics[0] != "harbour-fees" {
		t.Errorf("south-fees reloads as %+v", st)
	}
}

func TestUndoAndRedoEveryEdit(t *testing.T) {
	s := newTalks(t)
	orig := map[string][]byte{}
	for _, p := range s.Files() {
		orig[p] = bytes.Clone(s.Text(p))
	}
	edits := []Edit{
		Add{List: Statements, Record: R("id", "s2", "kind", "reported", "party", "south", "text", "Later.")},
		Set{Ref: StatementRef("south-fees"), Field: "topics", Value: []string{"fees", "harbour"}},
		Put{Ref: PositionRef("south", "fees"), Record: R("party", "south", "topic", "fees", "stance", "support", "evidence", []string{"south-fees"})},
		Batch{Name: "accept two", Edits: []Edit{Set{Ref: StatementRef("lind-sign"), Field: "note", Value: "n"}, Delete{Ref: StatementRef("s2")}}},
		Rename{List: Parties, From: "south", To: "southern-union"},
		Replace{Ref: ID(Topics, "fees"), Record: R("id", "fees", "title", "Harbour fees", "parent", "harbour")},
	}
	var after [][]byte
	for _, e := range edits {
		apply(t, s, e)
		after = append(after, bytes.Clone(s.Text(s.Path)))
	}
	if _, _, err := s.Check(); err != nil {
		t.Fatalf("after the edits the dossier does not load: %v", err)
	}
	for i := len(edits) - 1; i >= 0; i-- {
		name, err := s.Undo()
		if err != nil {
			t.Fatal(err)
		}
		if name != edits[i].String() {
			t.Errorf("undo says %q, want %q", name, edits[i].String())
		}
	}
	for p, b := range orig {
		if !bytes.Equal(s.Text(p), b) {
			t.Errorf("undoing every edit did not give back %s:\n%s", filepath.Base(p), s.Text(p))
		}
	}
	if s.Modified() || s.CanUndo() {
		t.Error("after undoing everything the session is modified or can undo")
	}
	for i := range edits {
		if _, err := s.Redo(); err != nil {
			t.Fatal(err)
		}
		if !bytes.Equal(s.Text(s.Path), after[i]) {
			t.Errorf("redo %d gave another text", i)
		}
	}
	if s.CanRedo() {
		t.Error("can redo after redoing everything")
	}
	if _, err := s.Redo(); err == nil {
		t.Error("redo with nothing to redo is no error")
	}
}

// The explorer validates after each edit; a dossier with errors is not
// saved, and saving says why.
func TestAnInvalidDossierIsNotSaved(t *testing.T) {
	s := newTalks(t)
	apply(t, s, Set{Ref: StatementRef("lind-sign"), Field: "text", Value: "Words nobody said"})
	_, probs, err := s.Check()
	if err == nil || probs.Errors() == 0 {
		t.Fatal("a quote not in its source checks as valid")
	}
	err = s.Save(nil)
	if !errors.Is(err, ErrInvalid) || !strings.Contains(err.Error(), "not found verbatim") {
		t.Fatalf("save: %v, want ErrInvalid saying what is wrong", err)
	}
	if read(t, s.Path) != talks || !s.Modified() {
		t.Fatal("the invalid dossier was written, or the edit lost")
	}
}

// An external write during unsaved edits loses neither side, whichever
// way the user settles it.
func TestAnExternalWriteDuringUnsavedEditsLosesNeitherSide(t *testing.T) {
	ours := Set{Ref: StatementRef("lind-sign"), Field: "note", Value: "Our note."}
	theirsText := strings.Replace(talks, "title: Harbour talks\n", "title: Harbour talks, round one\n", 1)
	overlapping := strings.Replace(talks, "    source: minutes\n", "    source: minutes\n    note: Their note.\n", 1)

	setup := func(t *testing.T, disk string) (*Session, *Conflict) {
		s := newTalks(t)
		apply(t, s, ours)
		if err := os.WriteFile(s.Path, []byte(disk), 0o644); err != nil {
			t.Fatal(err)
		}
		changes, err := s.Changed()
		if err != nil {
			t.Fatal(err)
		}
		if len(changes) != 1 || changes[0].Path != s.Path {
			t.Fatalf("changes = %+v", changes)
		}
		c, err := s.Absorb(changes)
		if err != nil || c == nil {
			t.Fatalf("absorbing a change under unsaved edits: conflict %v, err %v", c, err)
		}
		if !s.Modified() || !strings.Contains(string(s.Text(s.Path)), "Our note.") {
			t.Fatal("noticing the change lost the edits")
		}
		return s, c
	}
	settle := func(t *testing.T, s *Session, c *Conflict, how Resolution) {
		ws, err := s.Resolve(c, how)
		if err != nil {
			t.Fatal(err)
		}
		if err := s.Wrote(Perform(ws, nil)); err != nil {
			t.Fatal(err)
		}
	}

	t.Run("keep theirs: our edits are kept beside", func(t *testing.T) {
		s, c := setup(t, theirsText)
		settle(t, s, c, KeepTheirs)
		if got := read(t, s.Path); got != theirsText {
			t.Errorf("the file is not theirs:\n%s", got)
		}
		if mine := read(t, besideName(s.Path, "mine")); !strings.Contains(mine, "Our note.") || strings.Contains(mine, "round one") {
			t.Errorf("the copy beside is not ours:\n%s", mine)
		}
		if s.Modified() || string(s.Text(s.Path)) != theirsText {
			t.Error("the session does not hold theirs")
		}
	})
	t.Run("keep ours: their text is kept beside", func(t *testing.T) {
		s, c := setup(t, theirsText)
		settle(t, s, c, KeepOurs)
		if got := read(t, s.Path); !strings.Contains(got, "Our note.") || strings.Contains(got, "round one") {
			t.Errorf("the file is not ours:\n%s", got)
		}
		if got := read(t, besideName(s.Path, "theirs")); got != theirsText {
			t.Errorf("the copy beside is not theirs:\n%s", got)
		}
		if s.Modified() {
			t.Error("still modified after keeping ours")
		}
	})
	t.Run("merge: edits to other records are made on their text", func(t *testing.T) {
		s, c := setup(t, theirsText)
		if !c.CanMerge() {
			t.Fatalf("cannot merge: %+v", c)
		}
		settle(t, s, c, Merge)
		if err := s.Save(nil); err != nil {
			t.Fatal(err)
		}
		got := read(t, s.Path)
		if !strings.Contains(got, "Our note.") || !strings.Contains(got, "round one") {
			t.Errorf("the merge lost a side:\n%s", got)
		}
		if _, err := s.Undo(); err != nil {
			t.Fatal(err)
		}
		if string(s.Text(s.Path)) != theirsText {
			t.Errorf("undoing our edit after the merge does not give theirs:\n%s", s.Text(s.Path))
		}
	})
	t.Run("no merge when both changed the same record", func(t *testing.T) {
		s, c := setup(t, overlapping)
		if c.CanMerge() || len(c.Overlap) != 1 || !c.Overlap[0].Equal(StatementRef("lind-sign")) {
			t.Fatalf("overlap = %v", c.Overlap)
		}
		if _, err := s.Resolve(c, Merge); err == nil || !strings.Contains(err.Error(), `statement "lind-sign"`) {
			t.Fatalf("merge: %v", err)
		}
		if !strings.Contains(string(s.Text(s.Path)), "Our note.") {
			t.Fatal("a refused merge lost the edits")
		}
		settle(t, s, c, KeepOurs)
		if got := read(t, besideName(s.Path, "theirs")); got != overlapping {
			t.Errorf("their text is not kept beside:\n%s", got)
		}
	})
	t.Run("a second conflict keeps the first copy beside", func(t *testing.T) {
		s, c := setup(t, theirsText)
		if err := os.WriteFile(besideName(s.Path, "mine"), []byte("an older copy"), 0o644); err != nil {
			t.Fatal(err)
		}
		ws, err := s.Resolve(c, KeepTheirs)
		if err != nil {
			t.Fatal(err)
		}
		res := Perform(ws, nil)
		if err := s.Wrote(res); err != nil {
			t.Fatal(err)
		}
		if read(t, besideName(s.Path, "mine")) != "an older copy" {
			t.Error("the older copy was overwritten")
		}
		if len(res) != 1 || !strings.HasSuffix(res[0].Path, "talks.mine-2.yaml") || !strings.Contains(read(t, res[0].Path), "Our note.") {
			t.Errorf("the copy went to %+v", res)
		}
	})
}

// Saving never writes over a change made on disk since the session read
// the file: it says so, and the edits stay.
func TestSavingDoesNotOverwriteAChangeOnDisk(t *testing.T) {
	s := newTalks(t)
	apply(t, s, Set{Ref: Dossier, Field: "title", Value: "Ours"})
	theirs := strings.Replace(talks, "Harbour talks\n", "Theirs\n", 1)
	if err := os.WriteFile(s.Path, []byte(theirs), 0o644); err != nil {
		t.Fatal(err)
	}
	err := s.Save(nil)
	if !errors.Is(err, ErrChangedOnDisk) {
		t.Fatalf("save: %v, want ErrChangedOnDisk", err)
	}
	if read(t, s.Path) != theirs || !s.Modified() {
		t.Fatal("their change was overwritten, or ours lost")
	}
}

// Without unsaved edits a change on disk is simply read (a statement file
// it starts naming too).
func TestAChangeOnDiskWithoutEditsIsRead(t *testing.T) {
	s := newTalks(t)
	dir := filepath.Dir(s.Path)
	if err := os.WriteFile(filepath.Join(dir, "late.jsonl"), []byte(`{"id": "late", "kind": "reported", "party": "north", "text": "Late."}`+"\n"), 0o644); err != nil {
		t.Fatal(err)
	}
	theirs := strings.Replace(talks, "[more.jsonl]", "[more.jsonl, late.jsonl]", 1)
	if err := os.WriteFile(s.Path, []byte(theirs), 0o644); err != nil {
		t.Fatal(err)
	}
	changes, err := s.Changed()
	if err != nil {
		t.Fatal(err)
	}
	if c, err := s.Absorb(changes); c != nil || err != nil {
		t.Fatalf("conflict %v, err %v", c, err)
	}
	if string(s.Text(s.Path)) != theirs || len(s.Files()) != 3 {
		t.Fatalf("the session holds %v", s.Files())
	}
	apply(t, s, Set{Ref: StatementRef("late"), Field: "note", Value: "n"})
	if !strings.Contains(string(s.Text(filepath.Join(dir, "late.jsonl"))), `"note": "n"`) {
		t.Error("the new statement file is not edited")
	}
	// A dossier on disk that does not parse changes nothing.
	s2 := newTalks(t)
	if err := os.WriteFile(s2.Path, []byte("parley: [1\n"), 0o644); err != nil {
		t.Fatal(err)
	}
	changes, _ = s2.Changed()
	if _, err := s2.Absorb(changes); err == nil || string(s2.Text(s2.Path)) != talks {
		t.Fatalf("absorbing a broken file: err %v", err)
	}
}

// A write that fails keeps the edits in memory and says so; the next save
// can succeed.
func TestAFailingWriteKeepsTheEdits(t *testing.T) {
	full := func(string, []byte) error { return &os.PathError{Op: "write", Path: "talks.yaml", Err: syscall.ENOSPC} }
	s := newTalks(t)
	apply(t, s, Set{Ref: Dossier, Field: "title", Value: "Harbour talks, edited"})
	err := s.Save(full)
	if !errors.Is(err, syscall.ENOSPC) || !strings.Contains(err.Error(), "kept") {
		t.Fatalf("save on a full disk: %v", err)
	}
	if !s.Modified() || !strings.Contains(string(s.Text(s.Path)), "edited") || read(t, s.Path) != talks {
		t.Fatal("the failed save lost the edits or changed the file")
	}
	if err := s.Save(nil); err != nil {
		t.Fatal(err)
	}
	if !strings.Contains(read(t, s.Path), "Harbour talks, edited") || s.Modified() {
		t.Fatal("the second save did not write")
	}
}

// tinyDisk mounts a small tmpfs, or skips where this process may not.
func tinyDisk(t *testing.T, size string) string {
	t.Helper()
	dir := t.TempDir()
	if err := syscall.Mount("tmpfs", dir, "tmpfs", 0, "size="+size); err != nil {
		t.Skipf("cannot mount a tmpfs here (%v); TestAFailingWriteKeepsTheEdits covers the failure", err)
	}
	t.Cleanup(func() { _ = syscall.Unmount(dir, 0) })
	return dir
}

func TestSavingOnAFullOrReadOnlyDiskKeepsTheEdits(t *testing.T) {
	for _, c := range []struct {
		name string
		want error
		fill func(t *testing.T, dir string)
	}{
		{"full", syscall.ENOSPC, func(t *testing.T, dir string) {
			// Fill the disk to the last block.
			f, err := os.Create(filepath.Join(dir, "filler"))
			if err != nil {
				t.Fatal(err)
			}
			defer f.Close()
			buf := make([]byte, 4096)
			for {
				if _, err := f.Write(buf); err != nil {
					return
				}
			}
		}},
		{"read-only", syscall.EROFS, func(t *testing.T, dir string) {
			if err := syscall.Mount("", dir, "", syscall.MS_REMOUNT|syscall.MS_RDONLY, ""); err != nil {
				t.Skipf("cannot remount read-only: %v", err)
			}
		}},
	} {
		t.Run(c.name, func(t *testing.T) {
			dir := tinyDisk(t, "256k")
			p := filepath.Join(dir, "talks.yaml")
			if err := os.WriteFile(p, []byte(strings.Replace(talks, "statement_files: [more.jsonl]\n", "", 1)), 0o644); err != nil {
				t.Fatal(err)
			}
			s, err := Open(p)
			if err != nil {
				t.Fatal(err)
			}
			apply(t, s, Set{Ref: Dossier, Field: "summary", Value: strings.Repeat("A long summary. ", 100)})
			was := read(t, p)
			c.fill(t, dir)
			err = s.Save(nil)
			if !errors.Is(err, c.want) || !strings.Contains(err.Error(), "edits are kept") {
				t.Fatalf("save: %v, want %v", err, c.want)
			}
			if read(t, p) != was || !s.Modified() || !strings.Contains(string(s.Text(p)), "A long summary.") {
				t.Fatal("the failed save changed the file or lost the edits")
			}
			if entries, _ := os.ReadDir(dir); len(entries) > 2 {
				t.Errorf("left behind: %v", entries)
			}
		})
	}
}

// The explorer shows a problem on the record it is in.
func TestAProblemIsFoundInItsRecord(t *testing.T) {
	s := newTalks(t)
	apply(t, s, Set{Ref: StatementRef("lind-sign"), Field: "text", Value: "Words nobody said"})
	apply(t, s, Set{Ref: StatementRef("south-fees"), Field: "topics", Value: []string{"no-such-topic"}})
	_, probs, err := s.Check()
	if err == nil {
		t.Fatal("no error")
	}
	found := map[string]bool{}
	for _, p := range probs {
		if p.Severity != data.SeverityError {
			continue
		}
		ref, ok := s.RecordAt(p.Pos)
		if !ok {
			t.Errorf("%s is in no record", p)
			continue
		}
		found[ref.String()] = true
	}
	for _, want := range []string{`statement "lind-sign"`, `statement "south-fees"`} {
		if !found[want] {
			t.Errorf("no problem found in %s; found %v", want, found)
		}
	}
	if _, ok := s.RecordAt(data.Pos{File: s.Path, Line: 1, Col: 1}); ok {
		t.Error("the comment at the top is in a record")
	}
	if ref, ok := s.RecordAt(data.Pos{File: s.Path, Line: 3, Col: 1}); !ok || ref.String() != "the dossier's title" {
		t.Errorf("line 3 is in %v", ref)
	}
}
