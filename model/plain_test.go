package model

import (
	"fmt"
	"image/color"
	"strings"
	"testing"

	tea "charm.land/bubbletea/v2"
	"github.com/charmbracelet/x/exp/golden"
	"github.com/parley-dev/parley/data"
)

// plainScreens are the screens plain mode redraws for screen readers.
var plainScreens = []struct {
	name  string
	reach func(m *Root)
}{
	{"compare", func(m *Root) {}},
	{"compare-next-party", func(m *Root) { press(m, "tab", "down") }},
	{"compare-all-topics", func(m *Root) { press(m, "a") }},
	{"demands", func(m *Root) { press(m, "2") }},
	{"demands-thread", func(m *Root) { press(m, "2", "down", "tab", "down") }},
	{"detail", func(m *Root) { send(m, OpenStatementMsg{ID: "blinken-stand-firmly"}) }},
	{"help", func(m *Root) { press(m, "?") }},
}

func TestGoldenPlainScreens(t *testing.T) {
	for _, sc := range plainScreens {
		for _, size := range [][2]int{{80, 24}, {120, 40}} {
			t.Run(fmt.Sprintf("%s/%dx%d", sc.name, size[0], size[1]), func(t *testing.T) {
				m := start(t, geneva(t), size[0], size[1], Options{Theme: "dark", Plain: true})
				sc.reach(m)
				checkFits(t, m.View().Content, size[0], size[1])
				golden.RequireEqual(t, screen(m))
			})
		}
	}
}

// boxRune is the first box-drawing or block character in s.
func boxRune(s string) (rune, bool) {
	for _, r := range s {
		if r >= 0x2500 && r <= 0x259F {
			return r, true
		}
	}
	return 0, false
}

// A reader going through every tab, and the states inside Compare and
// Demands, never meets a border, a rule or a block.
func TestPlainDrawsNoBoxes(t *testing.T) {
	visits := []struct {
		name string
		keys []string
	}{
		{"compare all topics", []string{"1", "a"}},
		{"party picker", []string{"1", "esc", "p"}},
		{"demands thread", []string{"esc", "2", "tab", "down"}},
		{"statement", []string{"enter"}},
		{"all keys", []string{"esc", "?"}},
	}
	for _, ds := range []struct {
		name string
		d    *data.Dossier
	}{{"geneva", geneva(t)}, {"five-parties", fiveParties(t)}} {
		for _, size := range [][2]int{{80, 24}, {200, 60}} {
			t.Run(fmt.Sprintf("%s/%dx%d", ds.name, size[0], size[1]), func(t *testing.T) {
				m := start(t, ds.d, size[0], size[1], Options{Theme: "dark", Plain: true})
				check := func(where string) {
					t.Helper()
					if r, ok := boxRune(m.View().Content); ok {
						t.Errorf("%s: %q (U+%04X) on a plain screen:\n%s", where, r, r, screen(m))
					}
				}
				for i, s := range m.screens {
					press(m, fmt.Sprint(i+1))
					check(s.Title())
					press(m, "down", "tab", "down", "enter")
					check(s.Title() + " after moving")
					press(m, "esc")
				}
				for _, v := range visits {
					press(m, v.keys...)
					check(v.name)
				}
			})
		}
	}
}

// ACCESSIBLE, with any value, turns plain mode on the way Run starts the
// explorer; empty, it leaves the frames.
func TestAccessibleEnvironmentTurnsPlainOn(t *testing.T) {
	for _, tc := range []struct {
		value string
		plain bool
	}{{"1", true}, {"yes", true}, {"", false}} {
		t.Run(fmt.Sprintf("ACCESSIBLE=%q", tc.value), func(t *testing.T) {
			t.Setenv("ACCESSIBLE", tc.value)
			m, _ := prepare(geneva(t), Options{})
			m.Init()
			// The terminal's answer about its background rebuilds the
			// theme; plain mode must survive it.
			m.Update(tea.BackgroundColorMsg{Color: color.White})
			resize(m, 80, 24)
			resize(m, 80, 24)
			out := screen(m)
			_, boxed := boxRune(out)
			if got := strings.HasPrefix(out, "parley: "); got != tc.plain || boxed == tc.plain {
				t.Errorf("plain header %v and boxes %v, want plain %v:\n%s", got, boxed, tc.plain, out)
			}
		})
	}
}

// In plain mode the parties are one column: tab steps to the next party's
// heading, the arrows read on through its statements, enter opens one.
func TestPlainCompareReadsDownOneColumn(t *testing.T) {
	m := start(t, geneva(t), 100, 30, Options{Theme: "dark", Plain: true})
	c := m.screens[0].(*Compare)
	selected := func() string {
		for _, l := range strings.Split(screen(m), "\n") {
			if strings.HasPrefix(l, "> ") {
				return strings.TrimSpace(strings.TrimPrefix(l, "> "))
			}
		}
		return ""
	}
	first := c.parties[0].Name + ":"
	if got := selected(); !strings.HasPrefix(got, first) {
		t.Fatalf("selected %q at start, want the heading of %s", got, c.parties[0].Name)
	}
	press(m, "tab")
	if got := selected(); c.focus != 1 || !strings.HasPrefix(got, c.parties[1].Name+":") {
		t.Fatalf("after tab: focus %d, selected %q; want the heading of %s", c.focus, got, c.parties[1].Name)
	}
	press(m, "down")
	if got := selected(); !strings.HasPrefix(got, "Reported speech by") && !strings.HasPrefix(got, "Quote by") && !strings.HasPrefix(got, "Account by") {
		t.Fatalf("after down: selected %q, want a statement", got)
	}
	press(m, "enter")
	if m.detail == nil {
		t.Fatal("enter on a statement did not open it")
	}
	press(m, "esc", "shift+tab")
	if c.focus != 0 || !strings.HasPrefix(selected(), first) {
		t.Errorf("shift+tab: focus %d, selected %q", c.focus, selected())
	}
}
