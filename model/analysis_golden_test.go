package model

import (
	"fmt"
	"testing"

	"github.com/charmbracelet/x/exp/golden"
)

// toScreen switches to the tab with this title, as a click on it does.
func toScreen(tb testing.TB, m *Root, title string) {
	tb.Helper()
	for i, s := range m.screens {
		if s.Title() == title {
			m.switchTo(i)
			return
		}
	}
	tb.Fatalf("no %s screen", title)
}

// analysisScreens are the ways a user reaches Matrix, Source and Timeline.
var analysisScreens = []struct {
	name, screen string
	keys         []string
}{
	{"matrix", "Matrix", nil},
	{"matrix-cursor", "Matrix", []string{"down", "down", "down", "down", "right", "right"}},
	{"matrix-folded", "Matrix", []string{"z"}},
	{"matrix-all-parties", "Matrix", []string{"a", "G", "right", "right", "right", "right"}},
	{"source", "Source", nil},
	{"source-third-statement", "Source", []string{"tab", "tab", "tab", "tab", "shift+tab"}},
	{"timeline", "Timeline", nil},
	{"timeline-end", "Timeline", []string{"G"}},
}

func TestGoldenAnalysisScreens(t *testing.T) {
	for _, ds := range []string{"geneva", "five-parties"} {
		d := geneva(t)
		if ds == "five-parties" {
			d = fiveParties(t)
		}
		for _, sc := range analysisScreens {
			for _, size := range goldenSizes {
				name := fmt.Sprintf("%s/%s/%dx%d", ds, sc.name, size[0], size[1])
				t.Run(name, func(t *testing.T) {
					m := start(t, d, size[0], size[1], Options{Theme: "dark"})
					toScreen(t, m, sc.screen)
					press(m, sc.keys...)
					checkFits(t, m.View().Content, size[0], size[1])
					golden.RequireEqual(t, screen(m))
				})
			}
		}
	}
}
