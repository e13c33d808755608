package search

import (
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/parley-dev/parley/data"
	"github.com/parley-dev/parley/data/synth"
)

// The search cache holds only what the read policy admits: statements
// cached while a folder was allowed for one run are not served on a later
// run that does not allow it. The dossier names a statement file outside
// its folder; the first open allows that folder, the second does not.
func TestTheCacheServesOnlyWhatIsAllowedNow(t *testing.T) {
	t.Setenv("XDG_CACHE_HOME", t.TempDir())
	o := caching(100)
	root := t.TempDir()
	elsewhere := filepath.Join(root, "elsewhere")
	gen, err := synth.Write(elsewhere, synth.Options{N: 300, Seed: 9})
	if err != nil {
		t.Fatal(err)
	}
	src, err := os.ReadFile(gen)
	if err != nil {
		t.Fatal(err)
	}
	talks := filepath.Join(root, "talks")
	if err := os.MkdirAll(talks, 0o755); err != nil {
		t.Fatal(err)
	}
	path := filepath.Join(talks, "talks.yaml")
	named := strings.Replace(string(src), "statement_files: ["+synth.StatementsFile+"]", "statement_files: [../elsewhere/"+synth.StatementsFile+"]", 1)
	if named == string(src) {
		t.Fatal("the generated dossier names no statement file to move")
	}
	if err := os.WriteFile(path, []byte(named), 0o644); err != nil {
		t.Fatal(err)
	}

	allowed := data.ReadPolicy{Allow: []string{elsewhere}}
	d, _, _, err := o.loadIndexed(path, nil, allowed)
	if err != nil || len(d.Statements) < 300 {
		t.Fatalf("with the folder allowed: %v", err)
	}
	if _, err := os.Stat(CachePath(path)); err != nil {
		t.Fatalf("no cache was written: %v", err)
	}
	for _, open := range []struct {
		name string
		fn   func() (*data.Dossier, data.Problems, error)
	}{
		{"LoadIndexed", func() (*data.Dossier, data.Problems, error) {
			d, probs, _, err := o.loadIndexed(path, nil, data.ReadPolicy{})
			return d, probs, err
		}},
		{"Open", func() (*data.Dossier, data.Problems, error) {
			d, probs, _, p, err := o.open(path, nil, data.ReadPolicy{})
			if p != nil {
				p.Stop()
			}
			return d, probs, err
		}},
	} {
		d, probs, err := open.fn()
		if err == nil {
			t.Fatalf("%s without the folder allowed served %d statements from the cache", open.name, len(d.Statements))
		}
		if len(probs) != 1 || !strings.Contains(probs[0].Message, `statement_files: cannot read "../elsewhere/statements.jsonl": it is `+filepath.Join(elsewhere, "statements.jsonl")) {
			t.Errorf("%s: problems %v; want the statement file refused", open.name, probs)
		}
	}
	// Allowed again, the cache serves again.
	cold := false
	if _, _, _, err := o.loadIndexed(path, func(s LoadStage, _, _ int) { cold = cold || s == StageLoad }, allowed); err != nil || cold {
		t.Errorf("allowed again: err %v, loaded the long way %v", err, cold)
	}
}
