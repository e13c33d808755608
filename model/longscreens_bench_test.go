package model

import (
	"fmt"
	"os"
	"sync"
	"testing"

	tea "charm.land/bubbletea/v2"
	"github.com/parley-dev/parley/data"
	"github.com/parley-dev/parley/data/search"
	"github.com/parley-dev/parley/data/synth"
)

// generatedDossiers are synthetic dossiers of n statements, generated and
// loaded once per test binary.
var generatedDossiers sync.Map // n → func() (*data.Dossier, error)

func generatedN(tb testing.TB, n int) *data.Dossier {
	tb.Helper()
	f, _ := generatedDossiers.LoadOrStore(n, sync.OnceValues(func() (*data.Dossier, error) {
		path, err := synth.Write(tb.TempDir(), synth.Options{N: n, Seed: 7})
		if err != nil {
			return nil, err
		}
		d, _, err := data.Load(path)
		return d, err
	}))
	d, err := f.(func() (*data.Dossier, error))()
	if err != nil {
		tb.Fatalf("generated dossier of %d: %v", n, err)
	}
	return d
}

// BenchmarkLongScreens measures what a user waits for on the Timeline and
// the Source of a generated dossier at 200×60: a resize while the screen
// is shown, and a switch to the screen after the width changed while
// another one was shown; each with the frame drawn after it. Both must
// cost time in proportion to the screen, not to the dossier. The first
// visit also sorts the timeline's items, or finds the source's statements,
// once. PARLEY_BENCH_1M=1 adds a dossier of a million statements.
func BenchmarkLongScreens(b *testing.B) {
	sizes := []int{10000, 100000}
	if os.Getenv("PARLEY_BENCH_1M") != "" {
		sizes = append(sizes, 1000000)
	}
	for _, n := range sizes {
		d := generatedN(b, n)
		// The search index built once here, not in the background of
		// every start where it would compete with what is measured.
		opts := Options{Theme: "dark", Index: search.Build(d, nil)}
		for _, sc := range []struct{ name, key string }{{"Timeline", "5"}, {"Source", "4"}} {
			b.Run(fmt.Sprintf("%dk/Resize%s", n/1000, sc.name), func(b *testing.B) {
				m := start(b, d, 200, 60, opts)
				press(m, sc.key)
				b.ResetTimer()
				i := 0
				for b.Loop() {
					m.Update(tea.WindowSizeMsg{Width: 200 - i%2, Height: 60})
					_ = m.View()
					i++
				}
			})
			b.Run(fmt.Sprintf("%dk/SwitchTo%s", n/1000, sc.name), func(b *testing.B) {
				m := start(b, d, 200, 60, opts)
				press(m, sc.key)
				b.ResetTimer()
				i := 0
				for b.Loop() {
					b.StopTimer()
					press(m, "2") // Demands
					m.Update(tea.WindowSizeMsg{Width: 200 - i%2, Height: 60})
					_ = m.View()
					b.StartTimer()
					press(m, sc.key)
					_ = m.View()
					i++
				}
			})
			b.Run(fmt.Sprintf("%dk/FirstVisit%s", n/1000, sc.name), func(b *testing.B) {
				for b.Loop() {
					b.StopTimer()
					m := start(b, d, 200, 60, opts)
					b.StartTimer()
					press(m, sc.key)
					_ = m.View()
				}
			})
		}
	}
}
