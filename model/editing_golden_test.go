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
	// limit, when set, opens the fixture with lists of evidence that hold
	// two statements, the search index ready (heldInPart).
	limit bool
}{
	{"review", []string{"7"}, "", false},
	{"review-source-order", []string{"7", "o", "tab", "tab", "tab", "tab"}, "", false},
	{"review-fix-speaker", []string{"7", "f"}, "lav", false},
	{"review-fix-topics", []string{"7", "f", "tab", "tab"}, "", false},
	{"review-new-actor", []string{"7", "f"}, "Jen Psaki", false},
	{"review-accepted", []string{"7", "a"}, "", false},
	{"review-speaker", []string{"7", "tab", "S"}, "", false},
	{"quit-asks", []string{"7", "a", "q"}, "", false},
	{"source-marking", []string{"4", "m", "down", "down", "w"}, "", false},
	{"source-marking-quote", []string{"4", "m", "down", "down", "down", "down", "down", "down", "down", "down", "down", "b", "b", "b", "b"}, "", false},
	{"source-new-statement", []string{"4", "m", "down", "down", "down", "down", "enter"}, "", false},
	{"compare-position", []string{"1", "E", "tab", "tab"}, "written", false},
	{"compare-position-held-in-part", []string{"1", "E", "tab", "tab"}, "", true},
	{"compare-position-found-beyond", []string{"1", "E", "tab", "tab"}, "ukraine", true},
	{"demands-new-demand", []string{"2", "+"}, "", false},
	{"problems", []string{"7", "!"}, "", false},
}

func TestGoldenEditing(t *testing.T) {
	for _, sc := range editingScreens {
		for _, size := range [][2]int{{80, 24}, {120, 40}} {
			t.Run(fmt.Sprintf("%s/%dx%d", sc.name, size[0], size[1]), func(t *testing.T) {
				m, _ := editable(t, size[0], size[1])
				if sc.limit {
					m, _ = heldInPart(t, true)
					resize(m, size[0], size[1])
				}
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
