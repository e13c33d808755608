package model

import (
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"

	"github.com/parley-dev/parley/data"
	"github.com/parley-dev/parley/data/edit"
	"github.com/parley-dev/parley/data/search"
)

// heldInPart opens the talks fixture for editing with a list of evidence
// that holds two statements of its fifteen, as one of 20,000 holds part
// of a dossier of 400,000; index says whether the search index is ready.
func heldInPart(t *testing.T, index bool) (*Root, string) {
	t.Helper()
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
	s, err := edit.Open(path)
	if err != nil {
		t.Fatal(err)
	}
	opts := Options{Theme: "dark", Session: s, EvidenceLimit: 2}
	if index {
		opts.Index = search.New(d)
	}
	return start(t, d, 120, 40, opts), path
}

// evidenceInFront is the list of evidence of the form in front.
func evidenceInFront(t *testing.T, m *Root) *field {
	t.Helper()
	if len(m.forms) == 0 || m.forms[len(m.forms)-1].field("evidence") == nil {
		t.Fatalf("no list of evidence in front:\n%s", screen(m))
	}
	return m.forms[len(m.forms)-1].field("evidence")
}

// shownIDs are the statements the list offers for what is typed, in order.
func shownIDs(fd *field) []string {
	var out []string
	for _, i := range fd.matches() {
		out = append(out, fd.options[i].value)
	}
	return out
}

// A list of evidence that holds only some of the dossier's statements
// (the cited, the topic's and the party's first) still finds what is
// typed among them all: the search index is asked, and what it finds can
// be cited.
func TestEvidenceBeyondTheListsLimitIsFoundAsYouType(t *testing.T) {
	const far = "west-invasion-ukraine-would-have" // the last statement, of no party: not held
	cases := []struct {
		name  string
		do    func(t *testing.T, m *Root)
		check func(t *testing.T, d *data.Dossier)
	}{
		{"Compare: a statement the list does not hold is found and cited", func(t *testing.T, m *Root) {
			toScreen(t, m, "Compare")
			drive(m, "E", "tab", "tab")
			fd := evidenceInFront(t, m)
			if len(fd.options) != 2 || slices.Contains(shownIDs(fd), far) {
				t.Fatalf("the list holds %d statements (want 2), %v", len(fd.options), shownIDs(fd))
			}
			if !strings.Contains(screen(m), "type to find among all 15 statements") {
				t.Errorf("the list does not say it finds among them all:\n%s", screen(m))
			}
			typeText(m, "serious political")
			if got := shownIDs(fd); !slices.Equal(got, []string{far}) {
				t.Fatalf("typing found %v, want %s", got, far)
			}
			if !strings.Contains(screen(m), "1 match among all 15") {
				t.Errorf("the note does not count the matches:\n%s", screen(m))
			}
			drive(m, "enter", "tab", "enter")
		}, func(t *testing.T, d *data.Dossier) {
			if p := d.Position("russia", "security-guarantees"); p == nil || !slices.Equal(p.Evidence, []string{far}) {
				t.Errorf("the position: %+v", p)
			}
		}},
		{"Demands: a new demand cites a statement the list does not hold", func(t *testing.T, m *Root) {
			toScreen(t, m, "Demands")
			drive(m, "+")
			typeText(m, "russia")
			drive(m, "enter")
			typeText(m, "united")
			drive(m, "enter", "tab", "enter") // no topic
			typeText(m, "No invasion")
			drive(m, "tab")
			typeText(m, "economic consequences")
			drive(m, "enter", "tab", "enter")
		}, func(t *testing.T, d *data.Dossier) {
			if len(d.Demands) != 1 || !slices.Equal(d.Demands[0].Evidence, []string{far}) {
				t.Errorf("the demands: %+v", d.Demands)
			}
		}},
		{"typing before the index is ready narrows the held, then finds them all once it lands", func(t *testing.T, m *Root) {
			toScreen(t, m, "Compare")
			drive(m, "E", "tab", "tab")
			typeText(m, "serious")
			fd := evidenceInFront(t, m)
			if got := shownIDs(fd); len(got) != 0 || !strings.Contains(screen(m), "the search index is not ready yet") {
				t.Fatalf("before the index: %v\n%s", got, screen(m))
			}
			deliver(m, SearchIndexMsg{Index: search.New(m.d)}, 0)
			if got := shownIDs(fd); !slices.Equal(got, []string{far}) {
				t.Fatalf("once the index landed: %v, want %s", got, far)
			}
			drive(m, "enter", "tab", "enter")
		}, func(t *testing.T, d *data.Dossier) {
			if p := d.Position("russia", "security-guarantees"); p == nil || !slices.Equal(p.Evidence, []string{far}) {
				t.Errorf("the position: %+v", p)
			}
		}},
		{"the statements cited stay first and ticked, and can be unticked", func(t *testing.T, m *Root) {
			toScreen(t, m, "Compare")
			drive(m, "E", "tab", "tab")
			typeText(m, "serious political")
			drive(m, "enter") // cite it
			typeText(m, "ukraine")
			fd := evidenceInFront(t, m)
			got := shownIDs(fd)
			if len(got) < 3 || got[0] != far || !slices.Contains(fd.values, far) {
				t.Fatalf("with the cited one: %v (values %v)", got, fd.values)
			}
			if !strings.Contains(screen(m), "[x] An invasion of Ukraine") {
				t.Errorf("the cited statement is not shown ticked:\n%s", screen(m))
			}
			drive(m, "enter") // untick it
			typeText(m, "russian government expects")
			drive(m, "enter", "tab", "enter")
		}, func(t *testing.T, d *data.Dossier) {
			if p := d.Position("russia", "security-guarantees"); p == nil || !slices.Equal(p.Evidence, []string{"ryabkov-russian-government-expects-written"}) {
				t.Errorf("the position: %+v", p)
			}
		}},
	}
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			m, path := heldInPart(t, !strings.HasPrefix(tc.name, "typing before"))
			tc.do(t, m)
			d, _ := saved(t, m, path)
			tc.check(t, d)
		})
	}
}

// A list that holds every statement asks no index: it has no finder.
func TestAListHoldingEveryStatementFindsNothingMore(t *testing.T) {
	m, _ := editable(t, 120, 40)
	toScreen(t, m, "Compare")
	drive(m, "E", "tab", "tab")
	fd := evidenceInFront(t, m)
	if fd.find != nil || len(fd.options) != len(m.d.Statements) {
		t.Errorf("finder %v, %d of %d statements held", fd.find != nil, len(fd.options), len(m.d.Statements))
	}
}
