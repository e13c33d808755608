package model

import (
	"strings"
	"testing"

	"github.com/parley-dev/parley/data"
)

// Changing an actor who exists — one parley import drafted, say — from
// where a user meets them: a statement's speaker (S on its detail) and
// the speaker Review proposes (S on the draft). A new id takes every
// statement naming the actor with it; undo gives the file back.
func TestChangingAnActor(t *testing.T) {
	cases := []struct {
		name  string
		do    func(t *testing.T, m *Root)
		flash string // what the footer says after
		check func(t *testing.T, d *data.Dossier, text string)
	}{
		{"a statement's speaker takes a new id, and the statements follow", func(t *testing.T, m *Root) {
			deliver(m, OpenStatementMsg{ID: "lavrov-his-country-has-no"}, 0)
			drive(m, "S", "tab", "tab", "tab", "ctrl+u")
			typeText(m, "sergey-lavrov")
			drive(m, "enter")
		}, "changed the actor Sergei Lavrov", func(t *testing.T, d *data.Dossier, text string) {
			a := d.Actor("sergey-lavrov")
			if a == nil || d.Actor("lavrov") != nil || a.Name != "Sergei Lavrov" || a.Party != "russia" {
				t.Fatalf("the actor: %+v", a)
			}
			if n := len(d.StatementsByActor("sergey-lavrov")); n != 6 {
				t.Errorf("%d statements name sergey-lavrov, want 6", n)
			}
			if strings.Contains(text, "actor: lavrov\n") {
				t.Error("a statement still names lavrov")
			}
			if s := d.Statement("lavrov-his-country-has-no"); s == nil || s.Actor != "sergey-lavrov" {
				t.Errorf("the statement the form was opened from: %+v", s)
			}
		}},
		{"the speaker Review proposes is renamed and given a role and a party", func(t *testing.T, m *Root) {
			r := review(t, m)
			drive(m, "tab") // the second draft, Ryabkov's
			if speaker := r.current().Actor; speaker != "ryabkov" {
				t.Fatalf("the draft is said by %q; the case expects ryabkov", speaker)
			}
			drive(m, "S", "ctrl+u")
			typeText(m, "Sergey Ryabkov")
			drive(m, "tab", "ctrl+u")
			typeText(m, "Deputy Minister")
			drive(m, "tab")
			typeText(m, "russia")
			drive(m, "enter", "enter") // the party, then apply from the id
		}, "changed the actor Sergey Ryabkov", func(t *testing.T, d *data.Dossier, text string) {
			a := d.Actor("ryabkov")
			if a == nil || a.Name != "Sergey Ryabkov" || a.Role != "Deputy Minister" || a.Party != "russia" {
				t.Fatalf("the actor: %+v", a)
			}
		}},
		{"an id that is taken is refused, and the form stays", func(t *testing.T, m *Root) {
			deliver(m, OpenStatementMsg{ID: "lavrov-his-country-has-no"}, 0)
			drive(m, "S", "tab", "tab", "tab", "ctrl+u")
			typeText(m, "blinken")
			drive(m, "enter")
			if len(m.forms) != 1 || !strings.Contains(screen(m), `the id "blinken" is taken`) {
				t.Errorf("not refused:\n%s", screen(m))
			}
			drive(m, "esc")
		}, "", func(t *testing.T, d *data.Dossier, text string) {
			if d.Actor("lavrov") == nil || len(d.StatementsByActor("blinken")) != 5 {
				t.Error("the actors changed")
			}
		}},
		{"a statement nobody is named as saying has no actor to change", func(t *testing.T, m *Root) {
			deliver(m, OpenStatementMsg{ID: "west-invasion-ukraine-would-have"}, 0)
			drive(m, "S")
			if len(m.forms) != 0 {
				t.Error("a form opened")
			}
		}, "names no actor as its speaker", nil},
		{"an actor left as it was is not an edit", func(t *testing.T, m *Root) {
			review(t, m)
			drive(m, "tab", "S", "tab", "tab", "tab", "enter")
		}, "the actor is as it was", nil},
	}
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			m, path := editable(t, 120, 40)
			before := sessionText(m)
			tc.do(t, m)
			if !strings.Contains(m.flash, tc.flash) {
				t.Errorf("the footer says %q, want %q", m.flash, tc.flash)
			}
			if tc.check == nil {
				if m.ws.s != nil && sessionText(m) != before {
					t.Error("the file changed")
				}
				return
			}
			edited := sessionText(m)
			if tc.flash != "" {
				drive(m, "u")
				if sessionText(m) != before {
					t.Fatal("undo did not give the file back")
				}
				drive(m, "U")
				if sessionText(m) != edited {
					t.Fatal("redo did not make the change again")
				}
			}
			d, text := saved(t, m, path)
			tc.check(t, d, text)
		})
	}
}
