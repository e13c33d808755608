package model

import (
	"path/filepath"
	"strings"
	"testing"

	tea "charm.land/bubbletea/v2"
	"github.com/parley-dev/parley/data"
)

// Dossiers a user might bring: other scripts, many parties, hostile text,
// one party, nothing but a title.
func userDossiers(t *testing.T) map[string]*data.Dossier {
	t.Helper()
	out := map[string]*data.Dossier{"geneva": geneva(t), "five-parties": fiveParties(t)}
	files, _ := filepath.Glob("../testdata/dossiers/*.yaml")
	more, _ := filepath.Glob("../testdata/dossiers/*/*.yaml")
	json, _ := filepath.Glob("../testdata/dossiers/*.json")
	for _, f := range append(append(files, more...), json...) {
		d, _, err := data.Load(f)
		if err != nil {
			continue // invalid on purpose; validate's tests cover those
		}
		out[filepath.Base(f)] = d
	}
	for name, src := range map[string]string{
		"one-party":           "parley: 1\ntitle: Alone\nparties:\n  - {id: a, name: A}\n",
		"bare":                "parley: 1\ntitle: \"" + strings.Repeat("A very long title ", 20) + "\"\nparties:\n  - {id: a, name: A}\n  - {id: b, name: B}\n",
		"topics-no-positions": "parley: 1\ntitle: T\nparties:\n  - {id: a, name: A}\n  - {id: b, name: B}\ntopics:\n  - {id: x, title: X}\n  - {id: y, title: Y, parent: x}\n",
	} {
		d, _, err := data.Parse(name+".yaml", []byte(src), nil)
		if err != nil {
			t.Fatalf("%s: %v", name, err)
		}
		out[name] = d
	}
	return out
}

// A session of every key the help lists, on every screen, with resizes
// in between: nothing may panic and every frame must fit the terminal.
var sessionKeys = []string{
	"right", "]", "tab", "j", "j", "pgdown", "G", "k", "enter", "y", "esc",
	"shift+tab", "left", "[", "a", "j", "pgdown", "g", "enter", "a", "home", "end",
	"p", "j", "space", "J", "K", "space", "enter", "p", "esc",
	"?", "2", "j", "pgdown", "G", "g", "tab", "j", "enter", "pgdown", "esc", "tab", "enter", "esc", "?",
	"1", "backspace", "up", "down", "pgup", "x",
}

func TestEveryKeyAtOddSizesOnUserDossiers(t *testing.T) {
	sizes := [][2]int{{40, 10}, {54, 11}, {57, 13}, {81, 25}, {133, 7}, {250, 80}, {20, 6}}
	for name, d := range userDossiers(t) {
		for _, size := range sizes {
			t.Run(name, func(t *testing.T) {
				m := start(t, d, size[0], size[1], Options{})
				for i, k := range sessionKeys {
					press(m, k)
					checkFitsQuiet(t, m, size[0], size[1], k)
					if i%9 == 4 { // a resize mid-session, then back
						resize(m, size[0]+7, size[1]+3)
						checkFitsQuiet(t, m, size[0]+7, size[1]+3, "resize")
						resize(m, size[0], size[1])
					}
				}
				for _, ev := range []tea.Msg{
					tea.MouseClickMsg{X: size[0] / 2, Y: size[1] / 2, Button: tea.MouseLeft},
					tea.MouseClickMsg{X: size[0] / 2, Y: size[1] / 2, Button: tea.MouseLeft},
					tea.MouseWheelMsg{X: 1, Y: 3, Button: tea.MouseWheelDown},
					tea.MouseClickMsg{X: 14, Y: 0, Button: tea.MouseLeft},
					tea.MouseWheelMsg{X: size[0] - 1, Y: size[1] - 1, Button: tea.MouseWheelUp},
					tea.MouseClickMsg{X: 0, Y: size[1] - 1, Button: tea.MouseLeft},
				} {
					send(m, ev)
					checkFitsQuiet(t, m, size[0], size[1], "mouse")
				}
			})
		}
	}
}

func checkFitsQuiet(t *testing.T, m *Root, w, h int, after string) {
	t.Helper()
	frame := m.View().Content
	lines := strings.Split(frame, "\n")
	if len(lines) != h {
		t.Fatalf("after %q at %d×%d: %d lines", after, w, h, len(lines))
	}
	for i, l := range lines {
		if got := widthOf(l); got != w {
			t.Fatalf("after %q at %d×%d: line %d is %d wide:\n%s", after, w, h, i+1, got, screen(m))
		}
	}
}
