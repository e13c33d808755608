package model

import (
	"testing"

	tea "charm.land/bubbletea/v2"
	"github.com/parley-dev/parley/data"
)

// Each View benchmark draws one full frame at 200×60 on the embedded
// dossier; the target is 2 ms a frame.
func benchView(b *testing.B, keys ...string) {
	m := start(b, geneva(b), 200, 60, Options{Theme: "dark"})
	press(m, keys...)
	b.ReportAllocs()
	b.ResetTimer()
	for b.Loop() {
		_ = m.View()
	}
}

func BenchmarkViewCompare(b *testing.B)   { benchView(b) }
func BenchmarkViewAllTopics(b *testing.B) { benchView(b, "a") }
func BenchmarkViewPicker(b *testing.B)    { benchView(b, "p") }
func BenchmarkViewDemands(b *testing.B)   { benchView(b, "2", "tab") }
func BenchmarkViewHelp(b *testing.B)      { benchView(b, "?") }
func BenchmarkViewDetail(b *testing.B) {
	m := start(b, geneva(b), 200, 60, Options{Theme: "dark"})
	send(m, OpenStatementMsg{ID: "blinken-stand-firmly"})
	b.ReportAllocs()
	b.ResetTimer()
	for b.Loop() {
		_ = m.View()
	}
}

// Update benchmarks handle one key at 200×60; the target is 1 ms. Stepping
// a topic re-renders every pane's content, the costliest key there is.
func benchKey(b *testing.B, keys ...string) {
	m := start(b, geneva(b), 200, 60, Options{Theme: "dark"})
	msgs := make([]tea.KeyPressMsg, len(keys))
	for i, k := range keys {
		msgs[i] = keyMsg(k)
	}
	b.ReportAllocs()
	b.ResetTimer()
	i := 0
	for b.Loop() {
		m.Update(msgs[i%len(msgs)])
		i++
	}
}

func BenchmarkUpdateNextTopic(b *testing.B) { benchKey(b, "right", "left") }
func BenchmarkUpdateScroll(b *testing.B)    { benchKey(b, "j", "k") }
func BenchmarkUpdateFocus(b *testing.B)     { benchKey(b, "tab") }
func BenchmarkUpdateAllTopics(b *testing.B) { benchKey(b, "a") }

// A resize re-lays out every screen.
func BenchmarkUpdateResize(b *testing.B) {
	m := start(b, geneva(b), 200, 60, Options{Theme: "dark"})
	b.ReportAllocs()
	b.ResetTimer()
	i := 0
	for b.Loop() {
		m.Update(tea.WindowSizeMsg{Width: 200 - i%2, Height: 60})
		i++
	}
}

// From nothing to the first complete frame inside the process: load and
// check the embedded dossier, build the explorer, lay it out at 120×40 and
// draw it. Process start and the terminal add to this; see the report.
func BenchmarkFirstFrame(b *testing.B) {
	for b.Loop() {
		d, _, err := data.LoadEmbedded()
		if err != nil {
			b.Fatal(err)
		}
		m := New(d, Options{Theme: "dark"})
		m.Update(tea.WindowSizeMsg{Width: 120, Height: 40})
		_ = m.View()
	}
}
