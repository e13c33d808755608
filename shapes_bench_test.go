package main

import (
	"context"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"testing"

	"github.com/parley-dev/parley/data/synth"
)

// BenchmarkCommandsShapes runs the commands that walk a dossier's
// references on 100,000 entries of each shape (synth.Shapes): a chain of
// topics, a fan of topics, a demand to a crowd of parties. Each is
// linear; before, a chain of 10,000 took validate 11 s.
func BenchmarkCommandsShapes(b *testing.B) {
	const n = 100_000
	dir := b.TempDir()
	for _, shape := range synth.Shapes {
		src, err := synth.WriteShape(shape, n)
		if err != nil {
			b.Fatal(err)
		}
		file := filepath.Join(dir, string(shape)+".json")
		if err := os.WriteFile(file, src, 0o644); err != nil {
			b.Fatal(err)
		}
		for _, args := range [][]string{
			{"validate", file},
			{"common-ground", "-d", file},
			{"export", "--format", "md", "-d", file},
			{"demands", "-d", file},
			{"compare", "p0", "p1", "-d", file},
		} {
			b.Run(fmt.Sprintf("%s/%s-%d", args[0], shape, n), func(b *testing.B) {
				for b.Loop() {
					if code := run(context.Background(), args, io.Discard, io.Discard); code != 0 {
						b.Fatalf("parley %v: exit %d", args, code)
					}
				}
			})
		}
	}
}
