package model

import (
	"os"
	"testing"

	"github.com/parley-dev/parley/data"
	"github.com/parley-dev/parley/data/edit"
	"github.com/parley-dev/parley/data/synth"
)

// An edit on a dossier of 10 000 statements (a statement file), from the
// key to the screens showing the new dossier: the edit applied, the
// dossier checked as parley loads it (in a command, off the update loop)
// and handed to every screen. Check is the part of it in the command;
// Apply and Reload the parts in Update, which the user waits on.
//
// PARLEY_BENCH_1M=1 runs it at a million statements too.
func BenchmarkEditing10k(b *testing.B) { benchmarkEditing(b, 10000) }

func BenchmarkEditing1M(b *testing.B) {
	if os.Getenv("PARLEY_BENCH_1M") == "" {
		b.Skip("PARLEY_BENCH_1M=1 runs it")
	}
	benchmarkEditing(b, 1000000)
}

func benchmarkEditing(b *testing.B, n int) {
	path, err := synth.Write(b.TempDir(), synth.Options{N: n, Seed: 7})
	if err != nil {
		b.Fatal(err)
	}
	d, _, err := data.Load(path)
	if err != nil {
		b.Fatal(err)
	}
	s, err := edit.Open(path)
	if err != nil {
		b.Fatal(err)
	}
	m := start(b, d, 120, 40, Options{Theme: "dark", Session: s})
	titles := []string{"Synthetic negotiation, edited", "Synthetic negotiation, edited again"}
	b.Run("Apply", func(b *testing.B) {
		for i := range b.N {
			if err := s.Apply(edit.Set{Ref: edit.Dossier, Field: "summary", Value: titles[i%2]}); err != nil {
				b.Fatal(err)
			}
		}
	})
	b.Run("Check", func(b *testing.B) {
		for range b.N {
			if _, _, err := s.Snapshot().Check(); err != nil {
				b.Fatal(err)
			}
		}
	})
	nd, _, err := s.Snapshot().Check()
	if err != nil {
		b.Fatal(err)
	}
	b.Run("Reload", func(b *testing.B) {
		for range b.N {
			m.reload(nd)
			_ = m.View()
		}
	})
}
