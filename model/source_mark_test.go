package model

import (
	"strings"
	"testing"

	tea "charm.land/bubbletea/v2"
	"github.com/parley-dev/parley/data"
)

// markedText is the passage being marked.
func markedText(s *Source) string {
	if s.mark == nil {
		return ""
	}
	return s.sourceText()[s.mark.start:s.mark.end]
}

// Marking a passage with the keyboard, as a reader does: the first
// sentence in view, the next ones, a word more or less, the start moved,
// to the end of a sentence, to the closing quote mark.
func TestMarkingAPassageWithTheKeyboard(t *testing.T) {
	cases := []struct {
		name string
		keys []string
		want string
	}{
		{"m marks the first sentence in view", []string{"m"}, "date 2022-01-21 US Secretary of State Anthony Blinken and his Russian counterpart Sergei Lavrov ended their meeting at President Wilson’s Hotel in Geneva an hour and a half later."},
		{"down: the next sentence", []string{"m", "down", "down"}, "After the meeting, Lavrov said that the West would submit a written response to his government’s request for security guarantees next week."},
		{"up: the one before", []string{"m", "down", "down", "up"}, "Two hours are set."},
		{"b: a word less", []string{"m", "down", "b", "b"}, "Two hours"},
		{"w: a word more", []string{"m", "down", "b", "b", "w"}, "Two hours are"},
		{"l: the start a word later", []string{"m", "down", "down", "l", "l", "l"}, "Lavrov said that the West would submit a written response to his government’s request for security guarantees next week."},
		{"h: the start a word earlier", []string{"m", "down", "down", "l", "l", "l", "h"}, "meeting, Lavrov said that the West would submit a written response to his government’s request for security guarantees next week."},
		{". : to the end of the next sentence, over a paragraph break", []string{"m", "down", "."}, "Two hours are set.\n\nAfter the meeting, Lavrov said that the West would submit a written response to his government’s request for security guarantees next week."},
		{"\": to the closing quote mark", []string{"m", "down", "down", "down", "down", "down", "b", "b", "b", "b", "b", "b", "b", "b", "b", "b", "b", "\""}, "Blinken said in Geneva that the conversation was “open”"},
	}
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			m, _ := editable(t, 120, 40)
			s := sourceOf(t, m)
			drive(m, tc.keys...)
			if got := markedText(s); got != tc.want {
				t.Errorf("marked %q\nwant   %q", got, tc.want)
			}
			if !strings.Contains(screen(m), "Marking") {
				t.Errorf("the panel does not say a passage is being marked:\n%s", screen(m))
			}
		})
	}
}

// A passage marked becomes a statement: the kind and speaker guessed and
// confirmed, the anchor written for the user — with the words before it
// when the passage occurs twice — and nothing else of the file changed.
func TestAMarkedPassageBecomesAStatement(t *testing.T) {
	cases := []struct {
		name  string
		keys  []string
		typed string // into the form's first field after the keys
		want  []string
	}{
		{"a reported sentence, Blinken guessed", []string{"m", "down", "down", "down", "down", "enter", "enter"}, "",
			[]string{"kind: reported", "actor: blinken", "text: US Secretary of State Anthony Blinken evaluated the meeting positively.", "exact: US Secretary of State Anthony Blinken evaluated the meeting positively."}},
		{"words that occur twice get the words before them", []string{"m", "down", "down", "down", "down", "down", "down", "down", "down", "l", "l", "l", "l", "l", "enter", "enter"}, "",
			[]string{"text: the diplomatic process should continue.", "prefix: He agreed with Lavrov that"}},
		{"the words inside quote marks are a quote", []string{"m", "down", "down", "down", "down", "down", "down", "down", "down", "down", "b", "b", "b", "b", "enter", "enter"}, "",
			[]string{"kind: quote", "actor: blinken", "text: I conveyed the position of the United States and our European allies and partners that we stand firmly with Ukraine and support its sovereignty and territorial integrity\n"}},
	}
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			m, path := editable(t, 120, 40)
			before := fileText(t, path)
			s := sourceOf(t, m)
			drive(m, tc.keys...)
			if len(m.forms) > 0 {
				t.Fatalf("the form is still open:\n%s", screen(m))
			}
			if s.mark != nil {
				t.Fatal("still marking after the statement was made")
			}
			cur := s.current()
			if cur == nil || !strings.Contains(m.flash, "marked "+cur.ID) {
				t.Fatalf("the new statement is not in focus: %v, %q", cur, m.flash)
			}
			drive(m, "ctrl+s")
			after := fileText(t, path)
			rec, rest := record(after, cur.ID)
			for _, w := range tc.want {
				if !strings.Contains(rec, w) {
					t.Errorf("the record lacks %q:\n%s", w, rec)
				}
			}
			if rest != before {
				t.Errorf("bytes outside the new record changed:\n%s", lineDiff(before, rest))
			}
			d, _, err := data.Load(path)
			if err != nil {
				t.Fatalf("the saved dossier does not load: %v", err)
			}
			if st := d.Statement(cur.ID); st == nil || st.Location == nil {
				t.Errorf("the new statement is not located in its source")
			}
		})
	}
}

// A drag with the mouse marks the words it covers.
func TestMarkingAPassageWithTheMouse(t *testing.T) {
	m, _ := editable(t, 120, 40)
	s := sourceOf(t, m)
	// The first line of ¶1 is the text pane's first content line, under
	// the source bar; the text starts after the borders and the gutter.
	y := m.body.Y + s.textPane.Y + 1
	x0 := s.textPane.X + 2 + s.text.SourceGutter()
	send(m, tea.MouseClickMsg{X: x0 + 16, Y: y, Button: tea.MouseLeft})
	send(m, tea.MouseMotionMsg{X: x0 + 40, Y: y, Button: tea.MouseLeft})
	send(m, tea.MouseReleaseMsg{X: x0 + 40, Y: y, Button: tea.MouseLeft})
	if got := markedText(s); got != "US Secretary of State Anthony" {
		t.Errorf("the drag marked %q", got)
	}
	drive(m, "w")
	if got := markedText(s); got != "US Secretary of State Anthony Blinken" {
		t.Errorf("w after the drag: %q", got)
	}
	drive(m, "esc")
	if s.mark != nil {
		t.Error("esc did not stop marking")
	}
}

// Marking is an edit: the built-in dossier says it is read-only.
func TestMarkingInTheBuiltInDossierSaysItIsReadOnly(t *testing.T) {
	m := start(t, geneva(t), 120, 40, Options{Theme: "dark", ReadOnly: "the built-in dossier is read-only"})
	s := sourceOf(t, m)
	drive(m, "m")
	if s.mark != nil || !strings.Contains(m.flash, "read-only") {
		t.Errorf("m in the built-in dossier: marking %v, %q", s.mark != nil, m.flash)
	}
}
