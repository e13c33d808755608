package model

import (
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"testing"

	tea "charm.land/bubbletea/v2"
	"github.com/parley-dev/parley/data"
	"github.com/parley-dev/parley/data/edit"
)

// talksFixture is a commented dossier being built: the drafts parley
// import made of the Geneva report, topics and a position of ours.
const talksFixture = "../testdata/edit/talks.yaml"

// editable copies the fixture to a temporary folder and opens the
// explorer on it for editing, at a size.
func editable(tb testing.TB, w, h int) (*Root, string) {
	tb.Helper()
	src, err := os.ReadFile(talksFixture)
	if err != nil {
		tb.Fatal(err)
	}
	path := filepath.Join(tb.TempDir(), "talks.yaml")
	if err := os.WriteFile(path, src, 0o644); err != nil {
		tb.Fatal(err)
	}
	return openEditable(tb, path, w, h), path
}

func openEditable(tb testing.TB, path string, w, h int) *Root {
	tb.Helper()
	d, _, err := data.Load(path)
	if err != nil {
		tb.Fatalf("the fixture does not load: %v", err)
	}
	s, err := edit.Open(path)
	if err != nil {
		tb.Fatal(err)
	}
	return start(tb, d, w, h, Options{Theme: "dark", Session: s})
}

// fileText is what the file holds on disk now.
func fileText(tb testing.TB, path string) string {
	tb.Helper()
	b, err := os.ReadFile(path)
	if err != nil {
		tb.Fatal(err)
	}
	return string(b)
}

// sessionText is what the dossier's file holds in the session now.
func sessionText(m *Root) string { return string(m.ws.s.Text(m.ws.s.Path)) }

// record is the lines of a list record in a YAML text: from its "- id:"
// line to the next record or the end of the list (nothing when there is
// no such record), and the text without them.
func record(text, id string) (rec, rest string) {
	lines := strings.SplitAfter(text, "\n")
	for i, l := range lines {
		if l != "  - id: "+id+"\n" {
			continue
		}
		j := i + 1
		for j < len(lines) && strings.HasPrefix(lines[j], "    ") {
			j++
		}
		return strings.Join(lines[i:j], ""), strings.Join(lines[:i], "") + strings.Join(lines[j:], "")
	}
	return "", text
}

// quitOf runs a key's command and reports whether it quits.
func quits(m *Root, k string) bool {
	_, cmd := m.Update(keyMsg(k))
	for cmd != nil {
		switch msg := cmd().(type) {
		case tea.QuitMsg:
			return true
		case tea.BatchMsg:
			for _, c := range msg {
				if c != nil {
					if _, ok := c().(tea.QuitMsg); ok {
						return true
					}
				}
			}
			return false
		default:
			_, cmd = m.Update(msg)
		}
	}
	return false
}

func review(tb testing.TB, m *Root) *Review {
	tb.Helper()
	toScreen(tb, m, "Review")
	return m.screens[m.active].(*Review)
}

// Reviewing drafts as a user does, each case from a fresh copy of the
// fixture: what the dossier's file holds after the keys, and that every
// byte outside the records reviewed is as it was.
func TestReviewingDrafts(t *testing.T) {
	cases := []struct {
		name string
		do   func(t *testing.T, m *Root, r *Review) string // the draft acted on
		// check looks at the record after (empty when it is gone).
		check func(t *testing.T, rec string)
	}{
		{"accept the draft in focus: its draft field goes", func(t *testing.T, m *Root, r *Review) string {
			id := r.current().ID
			drive(m, "a")
			return id
		}, func(t *testing.T, rec string) {
			if rec == "" || strings.Contains(rec, "draft:") || strings.Contains(rec, "confidence") {
				t.Errorf("the accepted record:\n%s", rec)
			}
		}},
		{"reject the draft in focus: the statement goes", func(t *testing.T, m *Root, r *Review) string {
			id := r.current().ID
			drive(m, "r")
			return id
		}, func(t *testing.T, rec string) {
			if rec != "" {
				t.Errorf("the rejected statement is still there:\n%s", rec)
			}
		}},
		{"fix the speaker: pick Lavrov as you type, then accept", func(t *testing.T, m *Root, r *Review) string {
			drive(m, "o") // source order
			for r.current().ID != "blinken-him-calm-situation" {
				drive(m, "tab")
			}
			drive(m, "f")
			typeText(m, "lavr")
			drive(m, "enter", "enter")
			return "blinken-him-calm-situation"
		}, func(t *testing.T, rec string) {
			if !strings.Contains(rec, "actor: lavrov") || strings.Contains(rec, "draft:") || strings.Contains(rec, "party: united-states") {
				t.Errorf("the fixed record:\n%s", rec)
			}
		}},
		{"fix the speaker with a new actor", func(t *testing.T, m *Root, r *Review) string {
			drive(m, "o")
			for r.current().ID != "west-invasion-ukraine-would-have" {
				drive(m, "tab")
			}
			drive(m, "f")
			typeText(m, "Jen Psaki")
			drive(m, "enter") // the only match: "+ new actor…", with the name typed
			drive(m, "tab")
			typeText(m, "White House press secretary")
			drive(m, "tab")
			typeText(m, "united")
			drive(m, "enter") // picks the party
			typeText(m, "psaki")
			drive(m, "enter") // the id, the last field: applies the actor's form
			drive(m, "tab", "enter")
			return "west-invasion-ukraine-would-have"
		}, func(t *testing.T, rec string) {
			if !strings.Contains(rec, "actor: psaki") || strings.Contains(rec, "draft:") {
				t.Errorf("the fixed record:\n%s", rec)
			}
		}},
		{"fix the speaker with a new actor, confirmed with enter", func(t *testing.T, m *Root, r *Review) string {
			drive(m, "o")
			for r.current().ID != "west-invasion-ukraine-would-have" {
				drive(m, "tab")
			}
			drive(m, "f")
			typeText(m, "Jen Psaki")
			drive(m, "enter", "tab", "tab")
			typeText(m, "united")
			drive(m, "enter", "enter") // the party, an id made from the name: the actor made, back on the speaker, which now names her
			drive(m, "enter")          // enter keeps her (it picked the list's first actor)
			drive(m, "enter")
			return "west-invasion-ukraine-would-have"
		}, func(t *testing.T, rec string) {
			if !strings.Contains(rec, "actor: jen-psaki") || strings.Contains(rec, "draft:") {
				t.Errorf("the fixed record:\n%s", rec)
			}
		}},
		{"topics and kind in one fix", func(t *testing.T, m *Root, r *Review) string {
			id := r.current().ID
			drive(m, "f", "tab", "right", "tab") // kind: the next one
			typeText(m, "guarant")
			drive(m, "enter", "tab", "enter")
			return id
		}, func(t *testing.T, rec string) {
			if !strings.Contains(rec, "topics: [security-guarantees]") && !strings.Contains(rec, "- security-guarantees") {
				t.Errorf("the fixed record has no topic:\n%s", rec)
			}
		}},
	}
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			m, path := editable(t, 120, 40)
			before := fileText(t, path)
			r := review(t, m)
			id := tc.do(t, m, r)
			if len(m.forms) > 0 {
				t.Fatalf("a form is still open:\n%s", screen(m))
			}
			if !m.ws.modified || !strings.Contains(screen(m), "● modified") {
				t.Fatalf("the header does not say the dossier is modified:\n%s", screen(m))
			}
			if fileText(t, path) != before {
				t.Fatal("the file was written before ctrl+s")
			}
			drive(m, "ctrl+s")
			after := fileText(t, path)
			if m.ws.modified || !strings.Contains(m.flash, "saved talks.yaml") {
				t.Fatalf("not saved: %q", m.flash)
			}
			rec, _ := record(after, id)
			tc.check(t, rec)
			if _, _, err := data.Load(path); err != nil {
				t.Errorf("the saved dossier does not load: %v", err)
			}
			sameOutside(t, before, after, id, "jen-psaki", "psaki")
			if r.current() != nil && r.current().ID == id {
				t.Error("the draft decided is still in focus")
			}
		})
	}
}

// sameOutside fails unless after is before but for the statement's
// record and, at most, actors the edit added.
func sameOutside(t *testing.T, before, after, id string, added ...string) {
	t.Helper()
	_, want := record(before, id)
	_, got := record(after, id)
	for _, a := range added {
		_, got = record(got, a)
	}
	if want != got {
		t.Errorf("bytes outside the record changed:\n%s", lineDiff(want, got))
	}
}

// lineDiff is the first lines where got and want differ.
func lineDiff(want, got string) string {
	w, g := strings.Split(want, "\n"), strings.Split(got, "\n")
	var b strings.Builder
	for i, n := 0, 0; i < max(len(w), len(g)) && n < 6; i++ {
		var a, c string
		if i < len(w) {
			a = w[i]
		}
		if i < len(g) {
			c = g[i]
		}
		if a != c {
			fmt.Fprintf(&b, "line %d:\n- %s\n+ %s\n", i+1, a, c)
			n++
		}
	}
	return b.String()
}

func TestAcceptingEveryDraftAboveAConfidence(t *testing.T) {
	m, path := editable(t, 120, 40)
	r := review(t, m)
	left := len(r.drafts)
	drive(m, "A", "ctrl+u")
	typeText(m, "0.85")
	drive(m, "enter")
	if len(m.forms) > 0 {
		t.Fatalf("the form stayed open:\n%s", screen(m))
	}
	if !strings.Contains(m.flash, "accepted 10 drafts at or above 0.85") {
		t.Errorf("the notice says %q", m.flash)
	}
	drive(m, "ctrl+s")
	text := fileText(t, path)
	d, _, err := data.Load(path)
	if err != nil {
		t.Fatal(err)
	}
	for _, s := range d.Statements {
		if s.Draft() != nil && s.Draft().Confidence != nil && *s.Draft().Confidence >= 0.85 {
			t.Errorf("%s is %.2f sure and still a draft", s.ID, *s.Draft().Confidence)
		}
	}
	if got := len(edit.Drafts(d, edit.SourceOrder)); got == left || got != len(r.drafts) {
		t.Errorf("%d drafts left in the file, %d on screen, %d before", got, len(r.drafts), left)
	}
	if !strings.Contains(text, "# Statements: the drafts from the import, to review.") {
		t.Error("a comment was lost")
	}
}

// Undo and redo step through every edit, and the file comes back byte for
// byte.
func TestUndoAndRedoInTheExplorer(t *testing.T) {
	m, path := editable(t, 120, 40)
	before := sessionText(m)
	review(t, m)
	drive(m, "a", "r", "a")
	edited := sessionText(m)
	if !strings.Contains(screen(m), "· 3 reviewed") {
		t.Errorf("the bar does not count 3 reviewed:\n%s", screen(m))
	}
	drive(m, "u")
	if !strings.Contains(screen(m), "· 2 reviewed") {
		t.Errorf("the bar does not count 2 reviewed after an undo:\n%s", screen(m))
	}
	drive(m, "u", "u")
	if sessionText(m) != before {
		t.Fatal("three undos did not bring the text back")
	}
	if strings.Contains(screen(m), "reviewed") {
		t.Errorf("every review undone, yet the bar counts some:\n%s", screen(m))
	}
	if m.ws.modified || strings.Contains(screen(m), "● modified") {
		t.Error("undone to the file's text, yet still marked modified")
	}
	drive(m, "u")
	if !strings.Contains(m.flash, "nothing to undo") {
		t.Errorf("a fourth undo says %q", m.flash)
	}
	drive(m, "U", "ctrl+y", "U")
	if sessionText(m) != edited {
		t.Fatal("three redos did not make the edits again")
	}
	if len(review(t, m).drafts) != 12 {
		t.Errorf("%d drafts on screen after the redos, want 12", len(review(t, m).drafts))
	}
	drive(m, "ctrl+z")
	if !strings.Contains(m.flash, "undid: accept draft") {
		t.Errorf("undo says %q", m.flash)
	}
	if fileText(t, path) == sessionText(m) {
		t.Error("nothing is saved, yet the file holds the session's text")
	}
}

// Quitting with unsaved edits asks: stay, quit without saving, or save
// and quit; without edits q quits at once.
func TestQuittingWithUnsavedEditsAsks(t *testing.T) {
	m, path := editable(t, 120, 40)
	before := fileText(t, path)
	if !quits(m, "q") {
		t.Fatal("q without edits did not quit")
	}
	review(t, m)
	drive(m, "a")
	if quits(m, "q") || !m.ws.quitting || !strings.Contains(screen(m), "unsaved edits") {
		t.Fatalf("q with unsaved edits did not ask:\n%s", screen(m))
	}
	drive(m, "esc")
	if m.ws.quitting {
		t.Fatal("esc did not close the question")
	}
	if quits(m, "ctrl+c") || !m.ws.quitting {
		t.Fatal("ctrl+c with unsaved edits did not ask")
	}
	if !quits(m, "n") {
		t.Fatal("n did not quit")
	}
	if fileText(t, path) != before {
		t.Fatal("quitting without saving wrote the file")
	}
	drive(m, "esc")
	drive(m, "q")
	if !quits(m, "y") {
		t.Fatal("y did not save and quit")
	}
	if fileText(t, path) == before {
		t.Error("save and quit did not save")
	}
}

// The built-in dossier cannot be edited: an edit says so and changes
// nothing.
func TestTheBuiltInDossierIsReadOnly(t *testing.T) {
	m := start(t, geneva(t), 120, 40, Options{Theme: "dark", ReadOnly: "the built-in dossier is read-only"})
	for _, k := range []string{"ctrl+s", "u", "U"} {
		drive(m, k)
		if !strings.Contains(m.flash, "read-only") {
			t.Errorf("%s says %q", k, m.flash)
		}
	}
	if quits(m, "q") == false {
		t.Error("q did not quit")
	}
}

// After an edit the dossier is validated: an error says where it is and
// in which record, the header counts it, and saving is refused with the
// reason; undoing it clears it.
func TestAnEditThatBreaksTheDossierSaysWhereAndIsNotSaved(t *testing.T) {
	m, path := editable(t, 160, 40)
	before := fileText(t, path)
	// The position cites a statement; rejecting it leaves the reference
	// dangling.
	send(m, EditMsg{Edit: edit.Set{Ref: edit.PositionRef("russia", "security-guarantees"), Field: "evidence", Value: []string{"moscow-security-guarantees-such-as"}}})
	drive(m, "ctrl+s")
	r := review(t, m)
	for r.current().ID != "moscow-security-guarantees-such-as" {
		drive(m, "tab")
	}
	drive(m, "r")
	if !m.ws.invalid || !strings.Contains(m.flash, `position of "russia" on "security-guarantees"`) || !strings.Contains(m.flash, "talks.yaml:") {
		t.Fatalf("the error does not say where: %q", m.flash)
	}
	if !strings.Contains(screen(m), "1 error") {
		t.Errorf("the header does not count the error:\n%s", screen(m))
	}
	saved := fileText(t, path)
	drive(m, "ctrl+s")
	if !strings.Contains(m.flash, "not saved") || fileText(t, path) != saved {
		t.Fatalf("an invalid dossier was saved: %q", m.flash)
	}
	drive(m, "!")
	if m.ws.problems == nil || !strings.Contains(screen(m), "Problems") || !strings.Contains(screen(m), "evidence") {
		t.Fatalf("! does not list the problem:\n%s", screen(m))
	}
	drive(m, "esc", "u")
	if m.ws.invalid || strings.Contains(screen(m), "error") {
		t.Errorf("undoing the edit did not clear the error:\n%s", screen(m))
	}
	_ = before
}

// A change on disk without unsaved edits is read at once, keeping the
// place; with unsaved edits parley asks, and each answer loses nothing.
func TestAChangeOnDiskWhileEditing(t *testing.T) {
	theirs := func(t *testing.T, path string) string {
		text := strings.Replace(fileText(t, path), "title: Keeping the talks going", "title: Keeping the talks alive", 1)
		if err := os.WriteFile(path, []byte(text), 0o644); err != nil {
			t.Fatal(err)
		}
		return text
	}
	disk := func(m *Root) { deliver(m, diskMsg{}, 0) }

	t.Run("no edits: reloaded in place", func(t *testing.T) {
		m, path := editable(t, 120, 40)
		toScreen(t, m, "Compare")
		c := m.screens[m.active].(*Compare)
		for c.currentTopic().ID != "diplomacy" {
			drive(m, "right")
		}
		theirs(t, path)
		disk(m)
		if c.currentTopic().ID != "diplomacy" || c.currentTopic().Title != "Keeping the talks alive" {
			t.Fatalf("not reloaded in place: %s %q", c.currentTopic().ID, c.currentTopic().Title)
		}
		if !strings.Contains(m.flash, "reloaded talks.yaml") {
			t.Errorf("flash %q", m.flash)
		}
	})
	for _, tc := range []struct {
		key, want, beside string
	}{
		{"t", "Keeping the talks alive", "talks.mine.yaml"},
		{"o", "Keeping the talks going", "talks.theirs.yaml"},
		{"m", "Keeping the talks alive", ""},
	} {
		t.Run("unsaved edits, "+tc.key, func(t *testing.T) {
			m, path := editable(t, 120, 40)
			r := review(t, m)
			id := r.current().ID
			drive(m, "a")
			theirs(t, path)
			disk(m)
			if m.ws.conflict == nil || !strings.Contains(screen(m), "changed on disk while there are unsaved edits") {
				t.Fatalf("no question:\n%s", screen(m))
			}
			drive(m, tc.key)
			if m.ws.conflict != nil {
				t.Fatalf("%s did not settle it: %q", tc.key, m.flash)
			}
			d := m.d
			if got := d.Topic("diplomacy").Title; got != tc.want {
				t.Errorf("the topic reads %q, want %q", got, tc.want)
			}
			accepted := d.Statement(id).Draft() == nil
			if tc.key == "t" && accepted || tc.key != "t" && !accepted {
				t.Errorf("after %s the accepted draft is accepted: %v", tc.key, accepted)
			}
			if tc.beside != "" {
				b := fileText(t, filepath.Join(filepath.Dir(path), tc.beside))
				if !strings.Contains(b, "talks") {
					t.Errorf("%s is empty", tc.beside)
				}
				if !strings.Contains(m.flash, tc.beside) {
					t.Errorf("the notice does not name %s: %q", tc.beside, m.flash)
				}
			}
		})
	}
}

// Browsing does not open the dossier for editing: the first edit does, in
// a command, and is made once the session is open; an edit asked for
// meanwhile waits for it too.
func TestTheSessionOpensOnTheFirstEdit(t *testing.T) {
	src, err := os.ReadFile(talksFixture)
	if err != nil {
		t.Fatal(err)
	}
	path := filepath.Join(t.TempDir(), "talks.yaml")
	if err := os.WriteFile(path, src, 0o644); err != nil {
		t.Fatal(err)
	}
	d, _, err := data.Load(path)
	if err != nil {
		t.Fatal(err)
	}
	opened, opens := make(chan struct{}), 0
	m := New(d, Options{Theme: "dark", Open: func() (*edit.Session, error) {
		opens++
		<-opened
		return edit.Open(path)
	}})
	m.Init()
	resize(m, 120, 40)
	if !strings.Contains(screen(m), "7 Review") {
		t.Fatalf("no Review tab before the session:\n%s", screen(m))
	}
	r := review(t, m)
	first := r.current().ID
	_, cmd := m.Update(keyMsg("a"))
	_, openCmd := m.Update(cmd()) // the edit: the session is to be opened
	if m.ws.s != nil || opens != 0 || openCmd == nil {
		t.Fatal("the session opened before its command ran")
	}
	second := r.current().ID
	_, cmd = m.Update(keyMsg("a")) // a second edit while it opens
	if _, again := m.Update(cmd()); again != nil {
		t.Error("the session is opened twice")
	}
	if !strings.Contains(m.flash, "opening the dossier for editing") {
		t.Errorf("the notice says %q", m.flash)
	}
	open := make(chan tea.Msg, 1)
	go func() { open <- openCmd() }()
	close(opened)
	deliver(m, <-open, 0)
	if m.ws.s == nil || opens != 1 {
		t.Fatalf("the session opened %d times", opens)
	}
	for _, id := range []string{first, second} {
		if !strings.Contains(sessionText(m), "id: "+id) || strings.Contains(record2(sessionText(m), id), "draft:") {
			t.Errorf("%s was not accepted", id)
		}
	}
}

func record2(text, id string) string {
	rec, _ := record(text, id)
	return rec
}

// With autosave on, every edit that leaves the dossier valid is saved at
// once; one that breaks it is not.
func TestAutosave(t *testing.T) {
	m, path := editable(t, 120, 40)
	m.ws.autosave = true
	before := fileText(t, path)
	review(t, m)
	drive(m, "a")
	if m.ws.modified || fileText(t, path) == before || !strings.Contains(m.flash, "saved talks.yaml") {
		t.Fatalf("not saved after the edit: modified %v, %q", m.ws.modified, m.flash)
	}
	saved := fileText(t, path)
	deliver(m, EditMsg{Edit: edit.Set{Ref: edit.PositionRef("russia", "security-guarantees"), Field: "evidence", Value: []string{"no-such-statement"}}}, 0)
	if !m.ws.invalid || fileText(t, path) != saved {
		t.Error("an edit that breaks the dossier was saved")
	}
}

// ! lists what loading the dossier found until an edit checks it again.
func TestProblemsListsTheLoadsWarnings(t *testing.T) {
	src, err := os.ReadFile(talksFixture)
	if err != nil {
		t.Fatal(err)
	}
	path := filepath.Join(t.TempDir(), "talks.yaml")
	text := strings.Replace(string(src), `, note: "Read from the report: Moscow demands guarantees"`, "", 1)
	if err := os.WriteFile(path, []byte(text), 0o644); err != nil {
		t.Fatal(err)
	}
	d, probs, err := data.Load(path)
	if err != nil || len(probs) == 0 {
		t.Fatalf("want a warning: %v %v", err, probs)
	}
	s, err := edit.Open(path)
	if err != nil {
		t.Fatal(err)
	}
	m := start(t, d, 120, 40, Options{Theme: "dark", Session: s, Problems: probs})
	drive(m, "!")
	if !strings.Contains(screen(m), "warning in position of russia on security-guarantees") {
		t.Errorf("the load's warning is not listed:\n%s", screen(m))
	}
}

// A question's keys are what the user needs: on a screen too narrow for
// the whole question (80 columns, and the explorer's least) its words
// are cut, never its answers.
func TestAQuestionShowsItsAnswersOnANarrowScreen(t *testing.T) {
	for _, w := range []int{80, 60} {
		t.Run(fmt.Sprintf("%d columns", w), func(t *testing.T) {
			m, path := editable(t, w, 24)
			review(t, m)
			drive(m, "a")
			text := strings.Replace(fileText(t, path), "title: Keeping the talks going", "title: Keeping the talks alive", 1)
			if err := os.WriteFile(path, []byte(text), 0o644); err != nil {
				t.Fatal(err)
			}
			deliver(m, diskMsg{}, 0)
			lines := strings.Split(screen(m), "\n")
			footer := lines[len(lines)-1]
			if m.ws.conflict == nil || !strings.Contains(footer, "changed on disk") && w >= 80 {
				t.Fatalf("no question:\n%s", screen(m))
			}
			for _, answer := range []string{"t keep theirs", "o keep ours", "m merge"} {
				if !strings.Contains(footer, answer) {
					t.Errorf("the question does not offer %q: %q", answer, footer)
				}
			}
			drive(m, "m", "q")
			lines = strings.Split(screen(m), "\n")
			footer = lines[len(lines)-1]
			for _, answer := range []string{"y save and quit", "n quit without saving", "esc stay"} {
				if !strings.Contains(footer, answer) {
					t.Errorf("quitting does not offer %q: %q", answer, footer)
				}
			}
		})
	}
}

// A new actor's id is made from the name unless one is typed; one that is
// taken, or not an id, is refused with the reason and the form stays.
func TestANewActorsIDCanBeChosen(t *testing.T) {
	for _, tc := range []struct{ id, want string }{
		{"lavrov", `the id "lavrov" is taken`},
		{"jen psaki", "white space"},
	} {
		m, _ := editable(t, 120, 40)
		review(t, m)
		drive(m, "f")
		typeText(m, "Jen Psaki")
		drive(m, "enter", "tab", "tab", "enter")
		typeText(m, tc.id)
		drive(m, "enter")
		if len(m.forms) != 2 || !strings.Contains(screen(m), tc.want) {
			t.Errorf("id %q: not refused with %q:\n%s", tc.id, tc.want, screen(m))
		}
	}
}
