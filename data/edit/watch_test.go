package edit

import (
	"os"
	"path/filepath"
	"testing"
	"time"
)

// An editor that saves by renaming a new file over the dossier is
// noticed; a change to another file of the directory is not.
func TestAWatcherNoticesAnEditorsSave(t *testing.T) {
	s := newTalks(t)
	w, err := Watch(s.Files()...)
	if err != nil {
		t.Skipf("cannot watch here: %v", err)
	}
	defer w.Close()
	dir := filepath.Dir(s.Path)
	if err := os.WriteFile(filepath.Join(dir, "notes.txt"), []byte("x"), 0o644); err != nil {
		t.Fatal(err)
	}
	select {
	case <-w.C:
		t.Fatal("a change to another file was reported")
	case <-time.After(200 * time.Millisecond):
	}
	tmp := filepath.Join(dir, ".talks.yaml.swp")
	if err := os.WriteFile(tmp, []byte(talks+"# saved\n"), 0o644); err != nil {
		t.Fatal(err)
	}
	if err := os.Rename(tmp, s.Path); err != nil {
		t.Fatal(err)
	}
	select {
	case <-w.C:
	case <-time.After(5 * time.Second):
		t.Fatal("the save was not noticed")
	}
	changes, err := s.Changed()
	if err != nil || len(changes) != 1 {
		t.Fatalf("changes %v, err %v", changes, err)
	}
	if err := w.Close(); err != nil {
		t.Fatal(err)
	}
	for deadline := time.After(5 * time.Second); ; {
		select {
		case _, ok := <-w.C:
			if !ok {
				return
			}
		case <-deadline:
			t.Fatal("C is not closed after Close")
		}
	}
}
