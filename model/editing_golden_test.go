package model

import (
	"fmt"
	"testing"

	"github.com/charmbracelet/x/exp/golden"
)

// editingScreens are the ways a user reaches the editing screens and
// forms, on a fresh copy of the editing fixture.
var editingScreens = []struct {
	name string
	keys []string
	text string // typed after the keys
}{
	{"review", []string{"7"}, ""},
	{"review-source-order", []string{"7", "o", "tab", "tab", "tab", "tab"}, ""},
	{"review-fix-speaker", []string{"7", "f"}, "lav"},
	{"review-fix-topics", []string{"7", "f", "tab", "tab"}, ""},
	{"review-new-actor", []string{"7", "f"}, "Jen Psaki"},
	{"review-accepted", []string{"7", "a"}, ""},
	{"quit-asks", []string{"7", "a", "q"}, ""},
	{"source-marking", []string{"4", "m", "down", "down", "w"}, ""},
	{"source-marking-quote", []string{"4", "m", "down", "down", "down", "down", "down", "down", "down", "down", "down", "b", "b", "b", "b"}, ""},
	{"source-new-statement", []string{"4", "m", "down", "down", "down", "down", "enter"}, ""},
	{"compare-position", []string{"1", "E", "tab", "tab"}, "written"},
	{"demands-new-demand", []string{"2", "+"}, ""},
	{"problems", []string{"7", "!"}, ""},
}

func TestGoldenEditing(t *testing.T) {
	for _, sc := range editingScreens {
		for _, size := range [][2]int{{80, 24}, {120, 40}} {
			t.Run(fmt.Sprintf("%s/%dx%d", sc.name, size[0], size[1]), func(t *testing.T) {
				m, _ := editable(t, size[0], size[1])
				drive(m, sc.keys...)
				typeText(m, sc.text)
				if sc.name == "review-new-actor" {
					drive(m, "enter")
				}
				checkFits(t, m.View().Content, size[0], size[1])
				golden.RequireEqual(t, screen(m))
			})
		}
	}
}
