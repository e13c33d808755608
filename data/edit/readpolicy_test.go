package edit

import (
	"os"
	"path/filepath"
	"runtime"
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

// A session saves a dossier whose source is in a folder the user allowed,
// named as people name it (../shared/minutes.txt): its check reads the file
// through the policy as Load does, and refuses it when not allowed.
func TestASessionSavesADossierNamingAnAllowedFolder(t *testing.T) {
	root := t.TempDir()
	if real, err := filepath.EvalSymlinks(root); err == nil {
		root = real // messages name real paths
	}
	talksDir, shared := filepath.Join(root, "talks"), filepath.Join(root, "shared")
	for _, d := range []string{talksDir, shared} {
		if err := os.MkdirAll(d, 0o755); err != nil {
			t.Fatal(err)
		}
	}
	if err := os.WriteFile(filepath.Join(shared, "minutes.txt"), []byte("The parties met.\n"), 0o644); err != nil {
		t.Fatal(err)
	}
	p := filepath.Join(talksDir, "talks.yaml")
	text := "parley: 1.1\ntitle: Talks\nparties: [{id: a, name: A}]\nsources: [{id: minutes, file: ../shared/minutes.txt}]\n"
	if err := os.WriteFile(p, []byte(text), 0o644); err != nil {
		t.Fatal(err)
	}
	for _, tc := range []struct {
		name   string
		policy data.ReadPolicy
		want   string // "" to save
	}{
		{"allowed", data.ReadPolicy{Allow: []string{shared}}, ""},
		{"not allowed", data.ReadPolicy{}, `cannot read "../shared/minutes.txt": it is ` + filepath.Join(shared, "minutes.txt") + `, outside the dossier's folder`},
	} {
		t.Run(tc.name, func(t *testing.T) {
			s, err := OpenWith(p, tc.policy)
			if err != nil {
				t.Fatal(err)
			}
			if err := s.Apply(Set{Ref: Dossier, Field: "title", Value: "Talks, " + tc.name}); err != nil {
				t.Fatal(err)
			}
			err = s.Save(nil)
			if tc.want == "" && err != nil || tc.want != "" && (err == nil || !strings.Contains(err.Error(), tc.want)) {
				t.Fatalf("save: %v; want %q", err, tc.want)
			}
		})
	}
}

// A source text larger than its limit is refused by an editing session's
// check as Load refuses it: from its size, before it is read. The check
// runs after every edit, on save and when the dossier changes on disk (live
// reload), so a dossier that comes to name a huge file while it is open
// must not make parley hold that file. Here the dossier changes on disk to
// name a sparse file of 512 MiB; reading it whole took 512 MiB.
func TestASessionRefusesAHugeSourceBeforeReadingIt(t *testing.T) {
	dir := t.TempDir()
	f, err := os.Create(filepath.Join(dir, "huge.txt"))
	if err != nil {
		t.Fatal(err)
	}
	if err := f.Truncate(512 << 20); err != nil { // sparse: nothing on disk
		t.Fatal(err)
	}
	f.Close()
	if err := os.WriteFile(filepath.Join(dir, "minutes.txt"), []byte("The parties met.\n"), 0o644); err != nil {
		t.Fatal(err)
	}
	p := filepath.Join(dir, "talks.yaml")
	head := "parley: 1.1\ntitle: Talks\nparties: [{id: a, name: A}]\n"
	if err := os.WriteFile(p, []byte(head+"sources: [{id: s, file: minutes.txt}]\n"), 0o644); err != nil {
		t.Fatal(err)
	}
	s, err := Open(p)
	if err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(p, []byte(head+"sources: [{id: s, file: huge.txt}]\n"), 0o644); err != nil {
		t.Fatal(err)
	}
	changes, err := s.Snapshot().Changed()
	if err != nil {
		t.Fatal(err)
	}
	if c, err := s.Absorb(changes); err != nil || c != nil {
		t.Fatalf("absorbing the change: conflict %v, err %v", c, err)
	}
	var before, after runtime.MemStats
	runtime.GC()
	runtime.ReadMemStats(&before)
	_, probs, err := s.Check()
	runtime.ReadMemStats(&after)
	want := `cannot read "huge.txt": it is 512.0 MiB; a source text may be at most 16.0 MiB`
	if err == nil || len(probs) != 1 || !strings.Contains(probs[0].Message, want) {
		t.Fatalf("err %v, problems %v; want one saying %q", err, probs, want)
	}
	if got := after.TotalAlloc - before.TotalAlloc; got > 64<<20 {
		t.Errorf("the check allocated %d MiB to refuse a source of 512 MiB: it read the file", got>>20)
	}
}

// A dossier changed on disk to name a new statement file of no line break
// (sparse: 256 MiB that say nothing) is refused at its first long line, as
// a load refuses it, not held whole to be edited.
func TestALiveReloadRefusesAStatementFileOfNoLineBreak(t *testing.T) {
	dir := t.TempDir()
	f, err := os.Create(filepath.Join(dir, "huge.jsonl"))
	if err != nil {
		t.Fatal(err)
	}
	if err := f.Truncate(256 << 20); err != nil { // sparse: nothing on disk
		t.Fatal(err)
	}
	f.Close()
	p := filepath.Join(dir, "talks.yaml")
	head := "parley: 1.1\ntitle: Talks\nparties: [{id: a, name: A}]\n"
	if err := os.WriteFile(p, []byte(head), 0o644); err != nil {
		t.Fatal(err)
	}
	s, err := Open(p)
	if err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(p, []byte(head+"statement_files: [huge.jsonl]\n"), 0o644); err != nil {
		t.Fatal(err)
	}
	var before, after runtime.MemStats
	runtime.GC()
	runtime.ReadMemStats(&before)
	_, err = s.Snapshot().Changed()
	runtime.ReadMemStats(&after)
	want := "statement_files: huge.jsonl: line 1 is longer than 1.0 MiB"
	if err == nil || !strings.Contains(err.Error(), want) {
		t.Fatalf("err %v; want one saying %q", err, want)
	}
	if got := after.TotalAlloc - before.TotalAlloc; got > 32<<20 {
		t.Errorf("the reload allocated %d MiB to refuse a statement file of 256 MiB: it read the file", got>>20)
	}
}
