package model

import (
	"encoding/json"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"

	"github.com/parley-dev/parley/data"
)

// saved saves the explorer's edits and loads the file again: it must
// validate.
func saved(t *testing.T, m *Root, path string) (*data.Dossier, string) {
	t.Helper()
	drive(m, "ctrl+s")
	if m.ws.modified {
		t.Fatalf("not saved: %q", m.flash)
	}
	d, probs, err := data.Load(path)
	if err != nil {
		t.Fatalf("the saved dossier does not load: %v\n%v", err, probs)
	}
	return d, fileText(t, path)
}

// Positions, topics, demands and responses made and changed from the
// screens, as a user does; what the file holds after, and that its
// comments are all still there.
func TestEditingRecordsFromTheScreens(t *testing.T) {
	comments := []string{"# Geneva talks, 2022-01-21", "# NATO is named by the report", "# Statements: the drafts from the import", "# Positions and demands are ours", "# the day of the meeting"}
	cases := []struct {
		name  string
		do    func(t *testing.T, m *Root)
		check func(t *testing.T, d *data.Dossier, text string)
	}{
		{"Compare: change a stance, cite evidence, keep the note", func(t *testing.T, m *Root) {
			toScreen(t, m, "Compare")
			drive(m, "E", "right", "tab", "tab") // stance: oppose; to the evidence
			typeText(m, "security guarantees such")
			drive(m, "enter", "tab", "enter")
		}, func(t *testing.T, d *data.Dossier, text string) {
			p := d.Position("russia", "security-guarantees")
			if p.Stance != data.StanceOppose || !slices.Equal(p.Evidence, []string{"moscow-security-guarantees-such-as"}) || p.Note == "" || p.Summary != "Demands written guarantees" {
				t.Errorf("the position: %+v", p)
			}
		}},
		{"Compare: a new position with a proposition", func(t *testing.T, m *Root) {
			toScreen(t, m, "Compare")
			drive(m, "tab", "E", "right", "tab") // United States; oppose
			typeText(m, "Rejects guarantees in writing")
			drive(m, "tab")
			typeText(m, "written response")
			drive(m, "enter", "tab", "tab")
			typeText(m, "The West should give Russia written security guarantees")
			drive(m, "enter")
		}, func(t *testing.T, d *data.Dossier, text string) {
			p := d.Position("united-states", "security-guarantees")
			if p == nil || p.Stance != data.StanceOppose || p.Summary != "Rejects guarantees in writing" || len(p.Evidence) != 1 || p.Basis != data.BasisStated {
				t.Fatalf("the position: %+v", p)
			}
			if got := d.Topic("security-guarantees").Proposition; got != "The West should give Russia written security guarantees" {
				t.Errorf("the proposition: %q", got)
			}
		}},
		{"Matrix: the position of a cell", func(t *testing.T, m *Root) {
			toScreen(t, m, "Matrix")
			drive(m, "down", "right", "E")    // Troops on Ukraine's border, United States
			drive(m, "left", "left", "enter") // neutral
		}, func(t *testing.T, d *data.Dossier, text string) {
			if p := d.Position("united-states", "ukraine-border"); p == nil || p.Stance != data.StanceNeutral {
				t.Errorf("the position: %+v", p)
			}
		}},
		{"a new topic inside another", func(t *testing.T, m *Root) {
			toScreen(t, m, "Compare")
			drive(m, "+")
			typeText(m, "Written answers")
			drive(m, "tab", "tab")
			typeText(m, "guarantees")
			drive(m, "enter", "enter")
		}, func(t *testing.T, d *data.Dossier, text string) {
			tp := d.Topic("written-answers")
			if tp == nil || tp.Parent != "security-guarantees" {
				t.Errorf("the new topic: %+v", tp)
			}
		}},
		{"a topic renamed, moved and given a new id: references follow", func(t *testing.T, m *Root) {
			toScreen(t, m, "Compare") // on security-guarantees, which Russia's position cites
			drive(m, "T", "ctrl+u")
			typeText(m, "Guarantees for Russia")
			drive(m, "tab", "tab")
			typeText(m, "keeping")
			drive(m, "enter", "ctrl+u")
			typeText(m, "guarantees")
			drive(m, "enter")
		}, func(t *testing.T, d *data.Dossier, text string) {
			tp := d.Topic("guarantees")
			if tp == nil || tp.Title != "Guarantees for Russia" || tp.Parent != "diplomacy" || d.Topic("security-guarantees") != nil {
				t.Fatalf("the topic: %+v", tp)
			}
			if d.Position("russia", "guarantees") == nil {
				t.Error("the position did not follow the rename")
			}
		}},
		{"Demands: a demand, then a response known from the other side", func(t *testing.T, m *Root) {
			toScreen(t, m, "Demands")
			drive(m, "+")
			typeText(m, "russia")
			drive(m, "enter")
			typeText(m, "united")
			drive(m, "enter")
			typeText(m, "nato")
			drive(m, "enter", "tab")
			typeText(m, "guarantees")
			drive(m, "enter")
			typeText(m, "Written security guarantees")
			drive(m, "tab")
			typeText(m, "security guarantees such")
			drive(m, "enter", "tab", "enter")
			drive(m, "R") // the first addressee without an answer: the United States
			drive(m, "enter", "tab")
			typeText(m, "A written answer next week")
			drive(m, "tab")
			typeText(m, "west would submit")
			drive(m, "enter", "tab", "right", "right", "tab")
			typeText(m, "russia")
			drive(m, "enter")
		}, func(t *testing.T, d *data.Dossier, text string) {
			if len(d.Demands) != 1 {
				t.Fatalf("%d demands", len(d.Demands))
			}
			dm := d.Demands[0]
			if dm.From != "russia" || !slices.Equal(dm.To, []string{"united-states", "nato"}) || dm.Topic != "security-guarantees" || dm.Text != "Written security guarantees" || !slices.Equal(dm.Evidence, []string{"moscow-security-guarantees-such-as"}) {
				t.Errorf("the demand: %+v", dm)
			}
			r := dm.Response("united-states")
			if r == nil || r.Status != data.StatusDeferred || r.Text != "A written answer next week" || r.AccordingTo != "russia" || r.Basis != data.BasisReported || !slices.Equal(r.Evidence, []string{"lavrov-west-would-submit-written"}) {
				t.Errorf("the response: %+v", r)
			}
		}},
		{"Demands: a demand changed and given a new id", func(t *testing.T, m *Root) {
			toScreen(t, m, "Demands")
			drive(m, "+")
			typeText(m, "russia")
			drive(m, "enter")
			typeText(m, "united")
			drive(m, "enter", "tab", "tab")
			typeText(m, "Written guarantees")
			drive(m, "tab", "tab", "enter") // the id made from the words
			drive(m, "E", "tab", "tab", "tab", "ctrl+u")
			typeText(m, "Written security guarantees")
			drive(m, "tab", "tab", "ctrl+u")
			typeText(m, "russia-guarantees-in-writing")
			drive(m, "enter")
		}, func(t *testing.T, d *data.Dossier, text string) {
			if len(d.Demands) != 1 {
				t.Fatalf("%d demands", len(d.Demands))
			}
			if dm := d.Demands[0]; dm.ID != "russia-guarantees-in-writing" || dm.Text != "Written security guarantees" || dm.From != "russia" {
				t.Errorf("the demand: %+v", dm)
			}
			if strings.Contains(text, "russia-written-guarantees") {
				t.Error("the old id is still in the file")
			}
		}},
		{"a statement: a demand made of it, and renamed", func(t *testing.T, m *Root) {
			send(m, OpenStatementMsg{ID: "lavrov-his-country-has-no"})
			drive(m, "+", "enter") // from: Russia, as the statement's party
			typeText(m, "united")
			drive(m, "enter", "tab", "tab")
			typeText(m, "No attack on Ukraine to be feared")
			drive(m, "tab", "tab")
			typeText(m, "lavrov-no-attack")
			drive(m, "enter")
			drive(m, "E", "tab", "tab", "tab", "tab", "tab", "ctrl+u")
			typeText(m, "lavrov-no-plans-to-attack")
			drive(m, "enter")
		}, func(t *testing.T, d *data.Dossier, text string) {
			dm := d.Demand("lavrov-no-attack")
			if dm == nil || !slices.Equal(dm.Evidence, []string{"lavrov-no-plans-to-attack"}) {
				t.Fatalf("the demand: %+v", dm)
			}
			if d.Statement("lavrov-no-plans-to-attack") == nil || d.Statement("lavrov-his-country-has-no") != nil {
				t.Error("the statement was not renamed")
			}
		}},
	}
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			m, path := editable(t, 140, 44)
			tc.do(t, m)
			if len(m.forms) > 0 {
				t.Fatalf("a form is still open (%q):\n%s", m.flash, screen(m))
			}
			d, text := saved(t, m, path)
			tc.check(t, d, text)
			for _, c := range comments {
				if !strings.Contains(text, c) {
					t.Errorf("the comment %q was lost", c)
				}
			}
		})
	}
}

// A form refuses what cannot be written, says why, and stays open.
func TestAFormSaysWhatIsMissing(t *testing.T) {
	m, _ := editable(t, 140, 44)
	toScreen(t, m, "Demands")
	drive(m, "+", "tab", "tab", "tab", "enter")
	if len(m.forms) == 0 || !strings.Contains(screen(m), "a demand needs the party that makes it") {
		t.Fatalf("no reason given:\n%s", screen(m))
	}
	drive(m, "esc")
	if len(m.forms) != 0 || m.ws.modified {
		t.Error("esc did not cancel, or something was written")
	}
}

// A JSON dossier is edited the same way, and keeps its own indentation.
func TestEditingAJSONDossier(t *testing.T) {
	m, path := editable(t, 140, 44)
	js, err := data.ExportJSON(m.d)
	if err != nil {
		t.Fatal(err)
	}
	jpath := strings.TrimSuffix(path, ".yaml") + ".json"
	if err := os.WriteFile(jpath, js, 0o644); err != nil {
		t.Fatal(err)
	}
	m = openEditable(t, jpath, 140, 44)
	review(t, m)
	drive(m, "a", "r")
	toScreen(t, m, "Compare")
	drive(m, "tab", "E", "right", "enter")
	d, text := saved(t, m, jpath)
	if p := d.Position("united-states", "security-guarantees"); p == nil || p.Stance != data.StanceOppose {
		t.Errorf("the position: %+v", p)
	}
	if n := countDraftsIn(d); n != 13 {
		t.Errorf("%d drafts left, want 13", n)
	}
	before, after := strings.SplitN(string(js), "\n", 4), strings.SplitN(text, "\n", 4)
	if before[1] != after[1] || before[2] != after[2] {
		t.Errorf("the JSON's first lines changed:\n%q\n%q", before[:3], after[:3])
	}
}

func countDraftsIn(d *data.Dossier) int {
	n := 0
	for _, s := range d.Statements {
		if s.Draft() != nil {
			n++
		}
	}
	return n
}

// Statements kept in a JSON Lines file go back to that file, one line
// each; the dossier file is left as it was.
func TestEditingStatementsOfAStatementFile(t *testing.T) {
	m, path := editable(t, 140, 44)
	text := fileText(t, path)
	i, j := strings.Index(text, "\nstatements:\n"), strings.Index(text, "\n# Positions")
	var lines []string
	for _, s := range m.d.Statements {
		b, err := json.Marshal(s)
		if err != nil {
			t.Fatal(err)
		}
		lines = append(lines, string(b))
	}
	dossier := text[:i] + "\nstatement_files: [more.jsonl]\n" + text[j:]
	more := filepath.Join(filepath.Dir(path), "more.jsonl")
	if err := os.WriteFile(path, []byte(dossier), 0o644); err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(more, []byte(strings.Join(lines, "\n")+"\n"), 0o644); err != nil {
		t.Fatal(err)
	}
	m = openEditable(t, path, 140, 44)
	r := review(t, m)
	first := r.current().ID
	drive(m, "a")
	drive(m, "f")
	typeText(m, "ryabk")
	drive(m, "enter", "enter")
	d, after := saved(t, m, path)
	if after != dossier {
		t.Errorf("the dossier file changed:\n%s", lineDiff(dossier, after))
	}
	got := strings.Split(strings.TrimSuffix(fileText(t, more), "\n"), "\n")
	if len(got) != len(lines) {
		t.Fatalf("%d lines in the statement file, want %d", len(got), len(lines))
	}
	changed := 0
	for k := range lines {
		if got[k] != lines[k] {
			changed++
		}
	}
	if changed != 2 || d.Statement(first).Draft() != nil {
		t.Errorf("%d lines changed, want 2 (the accepted and the fixed)", changed)
	}
}

// A quote whose words are changed so that the source no longer holds them
// is an error the footer names, with the statement and its place; it is
// not saved, and undoing the change clears it.
func TestAQuoteNoLongerVerbatimSaysWhere(t *testing.T) {
	m, path := editable(t, 140, 44)
	before := fileText(t, path)
	send(m, OpenStatementMsg{ID: "blinken-i-conveyed-position-united"})
	drive(m, "E", "tab", "tab", "tab", "tab", "ctrl+u")
	typeText(m, "We stand with Ukraine")
	drive(m, "enter")
	if !m.ws.invalid || !strings.Contains(m.flash, `statement "blinken-i-conveyed-position-united"`) || !strings.Contains(m.flash, "verbatim") || !strings.Contains(m.flash, "talks.yaml:") {
		t.Fatalf("the footer says %q", m.flash)
	}
	drive(m, "ctrl+s")
	if fileText(t, path) != before || !strings.Contains(m.flash, "not saved") {
		t.Errorf("saved an invalid dossier: %q", m.flash)
	}
	drive(m, "u")
	if m.ws.invalid {
		t.Error("undo did not clear the error")
	}
}
