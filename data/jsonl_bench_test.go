package data

import (
	"os"
	"path/filepath"
	"testing"

	"github.com/parley-dev/parley/data/synth"
)

// BenchmarkReadStatementFile loads a generated dossier whose 100k
// statements are in a JSON Lines file: the "reading dossier" stage of a
// cold open (dossier, statement file, validation, indexes; no search
// index). MB/s are of the statement file.
func BenchmarkReadStatementFile(b *testing.B) {
	const n = 100_000
	path, err := synth.Write(b.TempDir(), synth.Options{N: n, Seed: 1})
	if err != nil {
		b.Fatal(err)
	}
	fi, err := os.Stat(filepath.Join(filepath.Dir(path), synth.StatementsFile))
	if err != nil {
		b.Fatal(err)
	}
	b.SetBytes(fi.Size())
	b.ReportAllocs()
	for b.Loop() {
		d, _, err := Load(path)
		if err != nil {
			b.Fatal(err)
		}
		if len(d.Statements) != n {
			b.Fatalf("%d statements, want %d", len(d.Statements), n)
		}
	}
}
