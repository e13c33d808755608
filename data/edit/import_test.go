package edit

import (
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/parley-dev/parley/data"
)

// What `parley import --into` does: records made from the dossier types
// (FromStruct) added in one step, the version raised to 1.1 for the
// drafts, saved; the dossier's own text untouched.
func TestAddingDraftsMadeFromDossierTypes(t *testing.T) {
	for _, path := range []string{"../../testdata/dossiers/ceasefire/ceasefire.yaml", "../../testdata/dossiers/wage-talks.json"} {
		t.Run(filepath.Base(path), func(t *testing.T) {
			p := copyDossier(t, path)
			before, err := os.ReadFile(p)
			if err != nil {
				t.Fatal(err)
			}
			d, _, err := data.Load(p)
			if err != nil {
				t.Fatal(err)
			}
			s, err := Open(p)
			if err != nil {
				t.Fatal(err)
			}
			text := "The talks resumed."
			src := &data.Source{ID: s.NewID(Sources, "wire report"), Title: "Wire report", Publisher: "A wire", Text: text}
			actor := &data.Actor{ID: s.NewID(Actors, "Jo Reed"), Name: "Jo Reed", Party: d.Parties[0].ID, Role: "Spokesperson"}
			conf := 0.75
			st := &data.Statement{ID: s.NewID(Statements, "Reed", text), Kind: data.KindReported, Actor: actor.ID, Party: d.Parties[0].ID,
				Text: text, Source: src.ID}
			st.SetExtra(data.StatementExtra{Anchor: &data.Anchor{Exact: text},
				Draft: &data.Draft{Rule: "reported-after", Confidence: &conf, Spans: &data.DraftSpans{Content: data.Parts{{0, 18}}}}})
			var edits []Edit
			for _, x := range []struct {
				list string
				v    any
			}{{Sources, src}, {Actors, actor}, {Statements, st}} {
				r, err := FromStruct(x.v)
				if err != nil {
					t.Fatal(err)
				}
				edits = append(edits, Add{List: x.list, Record: r})
			}
			edits = append(edits, Set{Ref: Dossier, Field: "parley", Value: data.Version1_1})
			if err := s.Apply(Batch{Name: "import", Edits: edits}); err != nil {
				t.Fatal(err)
			}
			if err := s.Save(nil); err != nil {
				t.Fatal(err)
			}
			d2, _, err := data.Load(p)
			if err != nil {
				t.Fatal(err)
			}
			got := d2.Statement(st.ID)
			if got == nil || got.Draft() == nil || got.Draft().Rule != "reported-after" || *got.Draft().Confidence != 0.75 || got.Location == nil {
				t.Fatalf("the draft reloads as %+v", got)
			}
			if d2.Parley != data.Version1_1 || d2.Actor(actor.ID) == nil || d2.Source(src.ID) == nil {
				t.Fatal("the version, the actor or the source is missing")
			}
			after, _ := os.ReadFile(p)
			// Every line of the old file is still there, in order.
			old := strings.Split(string(before), "\n")
			rest := string(after)
			for _, line := range old {
				if strings.Contains(line, "parley") && strings.Contains(line, "1") && !strings.Contains(line, "statement") {
					continue // the version line
				}
				i := strings.Index(rest, line)
				if i < 0 {
					t.Fatalf("line %q is gone or moved", line)
				}
				rest = rest[i+len(line):]
			}
		})
	}
}
