package edit

import (
	"os"
	"strings"
	"testing"
)

// A model checks and saves a snapshot in a command while its user goes on
// editing: the snapshot is the text of the moment it was taken, and a save
// of it leaves the later edit unsaved, not lost.
func TestASnapshotIsSavedWhileTheUserGoesOnEditing(t *testing.T) {
	s := newTalks(t)
	apply(t, s, Set{Ref: ID(Topics, "fees"), Field: "title", Value: "Port fees"})
	snap := s.Snapshot()
	apply(t, s, Set{Ref: ID(Topics, "harbour"), Field: "title", Value: "Harbour rights"})

	d, _, err := snap.Check()
	if err != nil {
		t.Fatal(err)
	}
	if got := d.Topic("harbour").Title; got != "Harbour access" {
		t.Errorf("the snapshot sees the edit made after it: harbour is %q", got)
	}
	if got := d.Topic("fees").Title; got != "Port fees" {
		t.Errorf("the snapshot misses the edit made before it: fees is %q", got)
	}

	ws, err := snap.Writes()
	if err != nil {
		t.Fatal(err)
	}
	if err := s.Wrote(Perform(ws, nil)); err != nil {
		t.Fatal(err)
	}
	onDisk := read(t, s.Path)
	if !strings.Contains(onDisk, "title: Port fees") || strings.Contains(onDisk, "Harbour rights") {
		t.Errorf("the save wrote other than the snapshot:\n%s", onDisk)
	}
	if !s.Modified() {
		t.Error("the edit made after the snapshot counts as saved")
	}
	if err := s.Save(nil); err != nil {
		t.Fatal(err)
	}
	if got := read(t, s.Path); !strings.Contains(got, "title: Harbour rights") {
		t.Errorf("the later edit was lost:\n%s", got)
	}
}

// fsnotify reports parley's own save too, and the disk may be read from a
// snapshot taken before the save landed: what the session wrote itself is
// no change on disk.
func TestTheSessionsOwnSaveIsNoChangeOnDisk(t *testing.T) {
	s := newTalks(t)
	before := s.Snapshot()
	apply(t, s, Set{Ref: ID(Topics, "fees"), Field: "title", Value: "Port fees"})
	if err := s.Save(nil); err != nil {
		t.Fatal(err)
	}
	apply(t, s, Set{Ref: ID(Topics, "harbour"), Field: "title", Value: "Harbour rights"})
	changes, err := before.Changed()
	if err != nil {
		t.Fatal(err)
	}
	if len(changes) != 1 {
		t.Fatalf("the old snapshot sees %d changes on disk, want the save: %+v", len(changes), changes)
	}
	c, err := s.Absorb(changes)
	if err != nil || c != nil {
		t.Fatalf("the session's own save read as a change on disk: conflict %v, err %v", c, err)
	}
	if !s.Modified() || !strings.Contains(string(s.Text(s.Path)), "Harbour rights") {
		t.Error("the unsaved edit was dropped")
	}
}

// Keeping ours without I/O: Settle gives the copy of theirs to write, and
// the save is the model's usual one.
func TestSettlingKeepOursWritesTheirsBesideThenSaves(t *testing.T) {
	s := newTalks(t)
	apply(t, s, Set{Ref: ID(Topics, "fees"), Field: "title", Value: "Port fees"})
	theirs := strings.Replace(talks, "Harbour access", "Access to the harbour", 1)
	if err := os.WriteFile(s.Path, []byte(theirs), 0o644); err != nil {
		t.Fatal(err)
	}
	changes, err := s.Snapshot().Changed()
	if err != nil {
		t.Fatal(err)
	}
	c, err := s.Absorb(changes)
	if err != nil || c == nil {
		t.Fatalf("want a conflict, got %v, %v", c, err)
	}
	ws, err := s.Settle(c, KeepOurs)
	if err != nil {
		t.Fatal(err)
	}
	if len(ws) != 1 || !ws[0].Beside {
		t.Fatalf("Settle should write only the copy of theirs, got %+v", ws)
	}
	if err := s.Wrote(Perform(ws, nil)); err != nil {
		t.Fatal(err)
	}
	save, err := s.Snapshot().Writes()
	if err != nil {
		t.Fatal(err)
	}
	if err := s.Wrote(Perform(save, nil)); err != nil {
		t.Fatal(err)
	}
	if got := read(t, strings.TrimSuffix(s.Path, ".yaml")+".theirs.yaml"); got != theirs {
		t.Errorf("their text beside:\n%s", got)
	}
	if got := read(t, s.Path); !strings.Contains(got, "Port fees") || strings.Contains(got, "Access to the harbour") {
		t.Errorf("ours was not saved over theirs:\n%s", got)
	}
}
