package data

import (
	"path/filepath"
	"slices"
	"strings"
	"testing"

	"github.com/parley-dev/parley/data/synth"
)

// Checking a dossier whose statement files stream through (Discard, as
// parley validate does) reports exactly what loading it does, and hands
// over every statement the load keeps.
func TestDiscardReportsWhatLoadDoes(t *testing.T) {
	gen, err := synth.Write(t.TempDir(), synth.Options{N: 3000, Seed: 9})
	if err != nil {
		t.Fatal(err)
	}
	files := []string{gen}
	for _, glob := range []string{"../testdata/dossiers/*.yaml", "../testdata/dossiers/*/*.yaml", "../testdata/invalid/statement-files*.yaml", "../testdata/golden/several-problems.yaml"} {
		m, _ := filepath.Glob(glob)
		files = append(files, m...)
	}
	streamed := 0
	for _, f := range files {
		d1, p1, err1 := Load(f)
		var seen []string
		d2, p2, err2 := LoadWith(f, LoadOptions{Discard: func(s *Statement) { seen = append(seen, s.ID+"\x00"+string(s.Kind)+"\x00"+strings.Clone(s.Text)) }})
		if (err1 == nil) != (err2 == nil) || len(p1) != len(p2) {
			t.Errorf("%s: %d problems (err %v) streaming, %d (err %v) loading", f, len(p2), err2, len(p1), err1)
			continue
		}
		for i := range p1 {
			if p1[i] != p2[i] {
				t.Errorf("%s: problem %d streaming:\n%v\nloading:\n%v", f, i, p2[i], p1[i])
			}
		}
		if d1 == nil {
			continue
		}
		var kept []string
		for _, s := range d1.Statements {
			kept = append(kept, s.ID+"\x00"+string(s.Kind)+"\x00"+s.Text)
		}
		for _, s := range d2.Statements {
			seen = append(seen, s.ID+"\x00"+string(s.Kind)+"\x00"+s.Text)
		}
		slices.Sort(kept)
		slices.Sort(seen)
		if !slices.Equal(kept, seen) {
			t.Errorf("%s: %d statements streamed or kept, %d loaded", f, len(seen), len(kept))
		}
		if len(d2.Statements) < len(d1.Statements) {
			streamed++
		}
	}
	if streamed < 2 {
		t.Errorf("only %d dossiers streamed their statements", streamed)
	}
}
