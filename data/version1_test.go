package data_test

import (
	"crypto/sha256"
	"fmt"
	"io/fs"
	"os"
	"path/filepath"
	"sort"
	"strings"
	"testing"

	"github.com/parley-dev/parley/data"
)

// Format 1.1 is additive: every version-1 dossier must load and validate
// exactly as it did before 1.1 existed. testdata/version1.golden was
// recorded by this test on main at 7b1c91c, the last commit that read only
// version 1, over every dossier file under testdata/ (the Geneva dossier
// and the five-party fixture as they were then are kept in testdata/v1/).
// For each file it holds every problem as `parley validate` prints it and,
// when the file loads, a digest of the dossier: its JSON export plus where
// each statement is anchored (source, bytes, paragraph) and how each is
// attributed.
//
// A change to this golden changes what an existing user's file means. Make
// it only on purpose (-update), and say why in the commit message.

const version1Golden = "testdata/version1.golden"

// version1Files lists the dossier files under testdata/, relative to the
// repository root, in a stable order. Statement files (.jsonl) are read
// through the dossiers that name them.
func version1Files(t *testing.T) []string {
	t.Helper()
	var files []string
	err := filepath.WalkDir("testdata", func(path string, e fs.DirEntry, err error) error {
		if err != nil {
			return err
		}
		switch filepath.Ext(path) {
		case ".yaml", ".yml", ".json":
			files = append(files, filepath.ToSlash(path))
		}
		return nil
	})
	if err != nil {
		t.Fatal(err)
	}
	sort.Strings(files)
	return files
}

// version1Record is what the golden holds for one file.
func version1Record(path string) string {
	var b strings.Builder
	fmt.Fprintf(&b, "== %s\n", path)
	d, probs, err := data.Load(path)
	for _, p := range probs {
		fmt.Fprintf(&b, "%s\n", p)
	}
	switch {
	case err != nil && len(probs) == 0:
		fmt.Fprintf(&b, "not read: %v\n", err)
	case err != nil:
		b.WriteString("invalid\n")
	default:
		fmt.Fprintf(&b, "valid, dossier %s\n", dossierDigest(d))
	}
	return b.String()
}

// dossierDigest sums what a loaded dossier says: its export, and what the
// export leaves out (anchoring, attribution).
func dossierDigest(d *data.Dossier) string {
	h := sha256.New()
	j, err := data.ExportJSON(d)
	if err != nil {
		return "export failed: " + err.Error()
	}
	h.Write(j)
	for _, s := range d.Statements {
		fmt.Fprintf(h, "%s|%s|%s|", s.ID, s.Party, data.Attribution(d, s))
		if l := s.Location; l != nil {
			fmt.Fprintf(h, "%s %d..%d ¶%d", l.Source, l.Start, l.End, l.Paragraph)
		}
		h.Write([]byte{'\n'})
	}
	return fmt.Sprintf("%d statements, sha256 %x", len(d.Statements), h.Sum(nil)[:12])
}

func TestVersion1DossiersLoadAsBefore(t *testing.T) {
	chdirRoot(t)
	golden := filepath.Join("data", version1Golden)
	if *update {
		var all strings.Builder
		for _, f := range version1Files(t) {
			if src, err := os.ReadFile(f); err == nil && !declaresVersion11(src) {
				all.WriteString(version1Record(f))
			}
		}
		if err := os.WriteFile(golden, []byte(all.String()), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	b, err := os.ReadFile(golden)
	if err != nil {
		t.Fatalf("%v (record it with go test ./data -run Version1 -update)", err)
	}
	// The golden's records, by file. A file added since has no record: it
	// is checked by tests of its own.
	want := map[string]string{}
	var files []string
	for _, rec := range strings.SplitAfter(string(b), "\n== ") {
		rec = "== " + strings.TrimPrefix(strings.TrimSuffix(rec, "== "), "== ")
		path, _, _ := strings.Cut(strings.TrimPrefix(rec, "== "), "\n")
		want[path] = rec
		files = append(files, path)
	}
	if len(files) < 100 {
		t.Errorf("the golden covers %d files; it lost some", len(files))
	}
	for _, f := range files {
		got := version1Record(f)
		if _, err := os.Stat(f); err != nil {
			t.Errorf("%s is gone: a version-1 test dossier must stay (%v)", f, err)
			continue
		}
		if got != want[f] {
			t.Errorf("%s no longer loads as it did:\n%s", f, firstDiff([]byte(want[f]), []byte(got)))
		}
	}
}

// declaresVersion11 reports a dossier written for format 1.1.
func declaresVersion11(src []byte) bool {
	for _, line := range strings.Split(string(src), "\n") {
		line = strings.TrimSpace(line)
		if line == "parley: 1.1" || strings.Contains(line, `"parley": 1.1`) {
			return true
		}
	}
	return false
}
