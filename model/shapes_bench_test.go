package model

import (
	"fmt"
	"testing"

	"github.com/parley-dev/parley/data"
	"github.com/parley-dev/parley/data/synth"
	"github.com/parley-dev/parley/views"
)

func shapeDossier(tb testing.TB, shape synth.Shape, n int) *data.Dossier {
	tb.Helper()
	src, err := synth.WriteShape(shape, n)
	if err != nil {
		tb.Fatal(err)
	}
	d, _, err := data.Parse(string(shape)+".json", src, nil)
	if err != nil {
		tb.Fatal(err)
	}
	return d
}

// BenchmarkMatrixShapes opens the Matrix on 100,000 topics in a chain and
// in a fan, goes to the last topic, folds its parent and draws: the
// roll-up, the rows and the cursor's place are each linear in the topics.
func BenchmarkMatrixShapes(b *testing.B) {
	const n = 100_000
	for _, shape := range []synth.Shape{synth.Chain, synth.Fan} {
		d := shapeDossier(b, shape, n)
		b.Run(fmt.Sprintf("%s-%d", shape, n), func(b *testing.B) {
			for b.Loop() {
				m := NewMatrix(d, newKeyMap(), views.NewTheme(d, true, false), d.Parties)
				m.SetSize(160, 50)
				m.moveRow(len(m.rows))
				m.fold()
				_ = m.View()
				m.foldAll()
				_ = m.View()
			}
		})
	}
}

// BenchmarkExplorerShapes opens the explorer on a dossier of 100,000
// entries of each shape and shows every tab once.
func BenchmarkExplorerShapes(b *testing.B) {
	const n = 100_000
	for _, shape := range synth.Shapes {
		d := shapeDossier(b, shape, n)
		b.Run(fmt.Sprintf("%s-%d", shape, n), func(b *testing.B) {
			for b.Loop() {
				m := start(b, d, 160, 50, Options{})
				for _, k := range []string{"1", "end", "2", "end", "enter", "3", "end", "4", "5", "end"} {
					m.Update(keyMsg(k))
					_ = m.View()
				}
			}
		})
	}
}
