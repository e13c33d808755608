package model

import (
	"testing"

	tea "charm.land/bubbletea/v2"
	"github.com/parley-dev/parley/data"
	"github.com/parley-dev/parley/data/synth"
)

// big is a generated dossier of 10 000 statements, to keep the explorer
// fast on collections far larger than the embedded one.
func big(b *testing.B) *data.Dossier {
	b.Helper()
	path, err := synth.Write(b.TempDir(), synth.Options{N: 10000, Seed: 7})
	if err != nil {
		b.Fatal(err)
	}
	d, _, err := data.Load(path)
	if err != nil {
		b.Fatal(err)
	}
	return d
}

func BenchmarkLarge(b *testing.B) {
	d := big(b)
	for _, bc := range []struct {
		name string
		keys []string
		step []string
	}{
		{"ViewCompare", nil, nil},
		{"ViewAllTopics", []string{"a"}, nil},
		{"ViewDemands", []string{"2", "tab"}, nil},
		{"UpdateNextTopic", nil, []string{"right", "left"}},
		{"UpdateScroll", nil, []string{"j", "k"}},
		{"UpdateDemand", []string{"2"}, []string{"j", "k"}},
	} {
		b.Run(bc.name, func(b *testing.B) {
			m := start(b, d, 200, 60, Options{Theme: "dark"})
			press(m, bc.keys...)
			msgs := make([]tea.KeyPressMsg, len(bc.step))
			for i, k := range bc.step {
				msgs[i] = keyMsg(k)
			}
			b.ResetTimer()
			i := 0
			for b.Loop() {
				if len(msgs) == 0 {
					_ = m.View()
					continue
				}
				m.Update(msgs[i%len(msgs)])
				i++
			}
		})
	}
}
