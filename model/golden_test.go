package model

import (
	"fmt"
	"strings"
	"testing"

	"github.com/charmbracelet/x/ansi"
	"github.com/charmbracelet/x/exp/golden"
	"github.com/parley-dev/parley/data"
)

var goldenSizes = [][2]int{{80, 24}, {120, 40}, {200, 60}}

// goldenScreens are the ways a user reaches every screen, from start.
var goldenScreens = []struct {
	name  string
	reach func(m *Root, statement string)
}{
	{"compare", func(m *Root, _ string) {}},
	{"compare-next-topic", func(m *Root, _ string) { press(m, "right", "right", "right") }},
	{"compare-all-topics", func(m *Root, _ string) { press(m, "a", "tab") }},
	{"compare-picker", func(m *Root, _ string) { press(m, "p", "down", "down", "down") }},
	{"demands", func(m *Root, _ string) { press(m, "2") }},
	{"demands-thread", func(m *Root, _ string) { press(m, "2", "down", "tab", "down") }},
	{"detail", func(m *Root, id string) { send(m, OpenStatementMsg{ID: id}) }},
	{"help", func(m *Root, _ string) { press(m, "?") }},
}

func TestGoldenScreens(t *testing.T) {
	dossiers := []struct {
		name      string
		d         *data.Dossier
		statement string // the one the detail golden opens
	}{
		{"geneva", geneva(t), "blinken-stand-firmly"},
		{"five-parties", fiveParties(t), "china-share-data-zh"},
	}
	for _, ds := range dossiers {
		for _, sc := range goldenScreens {
			for _, size := range goldenSizes {
				for _, theme := range []string{"dark", "light"} {
					name := fmt.Sprintf("%s/%s/%dx%d/%s", ds.name, sc.name, size[0], size[1], theme)
					t.Run(name, func(t *testing.T) {
						m := start(t, ds.d, size[0], size[1], Options{Theme: theme})
						sc.reach(m, ds.statement)
						out := screen(m)
						checkFits(t, m.View().Content, size[0], size[1])
						golden.RequireEqual(t, out)
					})
				}
			}
		}
	}
}

// checkFits fails when a frame is not exactly the terminal's size.
func checkFits(t *testing.T, frame string, w, h int) {
	t.Helper()
	lines := strings.Split(frame, "\n")
	if len(lines) != h {
		t.Errorf("frame has %d lines, want %d", len(lines), h)
	}
	for i, l := range lines {
		if got := ansi.StringWidth(l); got != w {
			t.Errorf("line %d is %d cells wide, want %d: %q", i+1, got, w, ansi.Strip(l))
		}
	}
}

// The notice a terminal below the minimum gets, at the size the
// end-to-end test shrinks to and at one just too narrow.
func TestGoldenTooSmall(t *testing.T) {
	for _, size := range [][2]int{{20, 6}, {53, 30}} {
		t.Run(fmt.Sprintf("%dx%d", size[0], size[1]), func(t *testing.T) {
			m := start(t, geneva(t), size[0], size[1], Options{Theme: "dark"})
			checkFits(t, m.View().Content, size[0], size[1])
			golden.RequireEqual(t, screen(m))
		})
	}
}
