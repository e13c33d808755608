package edit

import (
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/parley-dev/parley/data"
)

// An editing session reads the files a dossier names through the read
// policy, as Load does: a statement file that leads out of the dossier's
// folder is neither read nor, later, written.
func TestASessionReadsOnlyTheDossiersOwnFiles(t *testing.T) {
	root := t.TempDir()
	talksDir, elsewhere := filepath.Join(root, "talks"), filepath.Join(root, "elsewhere")
	for _, d := range []string{talksDir, elsewhere} {
		if err := os.MkdirAll(d, 0o755); err != nil {
			t.Fatal(err)
		}
	}
	if err := os.WriteFile(filepath.Join(elsewhere, "more.jsonl"), []byte(more), 0o644); err != nil {
		t.Fatal(err)
	}
	if err := os.Symlink(filepath.Join(elsewhere, "more.jsonl"), filepath.Join(talksDir, "more.jsonl")); err != nil {
		t.Skip(err)
	}
	p := filepath.Join(talksDir, "talks.yaml")
	if err := os.WriteFile(p, []byte(talks), 0o644); err != nil {
		t.Fatal(err)
	}
	if _, err := Open(p); err == nil || !strings.Contains(err.Error(), "outside the dossier's folder") {
		t.Fatalf("Open: err %v; want the statement file refused", err)
	}
	s, err := OpenWith(p, data.ReadPolicy{Allow: []string{elsewhere}})
	if err != nil {
		t.Fatalf("OpenWith the folder allowed: %v", err)
	}
	if d, probs, err := s.Check(); err != nil || d.Statement("south-fees") == nil {
		t.Fatalf("Check with the folder allowed: %v %v", err, probs)
	}

	// A statement file the dossier comes to name on disk is held to the
	// policy too.
	s2, err := Open(filepath.Join(t.TempDir(), "x.yaml"))
	if err == nil || s2 != nil {
		t.Fatalf("a missing dossier opened: %v", err)
	}
	os.Remove(filepath.Join(talksDir, "more.jsonl"))
	if err := os.WriteFile(filepath.Join(talksDir, "more.jsonl"), []byte(more), 0o644); err != nil {
		t.Fatal(err)
	}
	s3, err := Open(p)
	if err != nil {
		t.Fatal(err)
	}
	named := strings.Replace(talks, "statement_files: [more.jsonl]", "statement_files: [more.jsonl, ../elsewhere/more.jsonl]", 1)
	if err := os.WriteFile(p, []byte(named), 0o644); err != nil {
		t.Fatal(err)
	}
	if _, err := s3.Changed(); err == nil || !strings.Contains(err.Error(), "outside the dossier's folder") {
		t.Errorf("Changed: err %v; want the new statement file refused", err)
	}
}
