package importer

import (
	"os"
	"strings"
	"testing"

	"github.com/parley-dev/parley/data"
	"github.com/parley-dev/parley/data/article"
)

func geneva(t *testing.T) *article.Article {
	t.Helper()
	a, err := article.ReadFile("../geneva/sources/geneva-2022-01-21.txt")
	if err != nil {
		t.Fatal(err)
	}
	return a
}

func text(name, title, date, body string) *article.Article {
	return &article.Article{Name: name, Title: title, Date: date, Text: body, Format: "text"}
}

// roundTrip exports the draft as YAML and loads it back as a user would
// open it, failing on any error.
func roundTrip(t *testing.T, d *data.Dossier) *data.Dossier {
	t.Helper()
	y, err := data.ExportYAML(d)
	if err != nil {
		t.Fatal(err)
	}
	back, probs, err := data.Parse("draft.yaml", y, nil)
	if err != nil || probs.Errors() > 0 {
		t.Fatalf("the draft does not validate: %v\n%v", err, probs)
	}
	return back
}

func TestADraftDossierValidates(t *testing.T) {
	res := Assemble([]*article.Article{geneva(t)}, Options{})
	back := roundTrip(t, res.Dossier)
	if len(back.Statements) == 0 || len(back.Statements) != len(res.Dossier.Statements) {
		t.Fatalf("%d statements drafted, %d loaded", len(res.Dossier.Statements), len(back.Statements))
	}
	for _, s := range back.Statements {
		if s.Location == nil {
			t.Errorf("statement %q (%s) is not anchored in its source", s.ID, s.Text)
		}
	}
}

func TestEveryDraftSpanHoldsItsWords(t *testing.T) {
	res := Assemble([]*article.Article{geneva(t)}, Options{})
	src := res.Dossier.Sources[0].Text
	for _, s := range res.Dossier.Statements {
		if s.Draft() == nil || s.Draft().Spans == nil || s.Draft().Rule == "" || s.Draft().Confidence == nil {
			t.Fatalf("statement %q has no full draft", s.ID)
		}
		dr := s.Draft().Spans
		var parts []string
		for _, c := range dr.Content {
			parts = append(parts, src[c[0]:c[1]])
		}
		if s.Kind == data.KindQuote && strings.Join(parts, " ") != s.Text {
			t.Errorf("quote %q: content spans hold %q", s.Text, strings.Join(parts, " "))
		}
		if s.Kind == data.KindReported && s.Anchor().Exact != src[dr.Content[0][0]:dr.Content[len(dr.Content)-1][1]] {
			t.Errorf("reported %q: anchor and content differ", s.ID)
		}
		if dr.Source != nil && strings.TrimSpace(src[dr.Source[0]:dr.Source[1]]) == "" {
			t.Errorf("%q: empty speaker mention", s.ID)
		}
	}
}

func TestOnePersonAcrossArticlesIsOneActor(t *testing.T) {
	arts := []*article.Article{
		text("a.txt", "Talks in Geneva", "2022-01-21", "Russian Foreign Minister Sergei Lavrov said that the West would answer next week."),
		text("b.txt", "Talks go on", "2022-01-22", "“We are waiting for the written answer,” Lavrov told reporters in Moscow."),
		text("c.txt", "Caption", "2022-01-23", "Sergey Lavrov said on Sunday that the answer had not come yet."),
	}
	res := Assemble(arts, Options{})
	d := roundTrip(t, res.Dossier)
	if len(d.Actors) != 1 {
		var names []string
		for _, a := range d.Actors {
			names = append(names, a.ID+"="+a.Name)
		}
		t.Fatalf("actors %v, want one Lavrov", names)
	}
	a := d.Actors[0]
	if a.ID != "lavrov" || a.Name != "Sergei Lavrov" || a.Party != "russia" || a.Role != "Foreign Minister" {
		t.Errorf("actor %+v", *a)
	}
	if len(d.Sources) != 3 || d.Sources[0].ID != "talks-geneva" {
		t.Errorf("sources: %d, first %q", len(d.Sources), d.Sources[0].ID)
	}
	for _, s := range d.Statements {
		if s.Actor != "lavrov" {
			t.Errorf("statement %q by %q", s.ID, s.Actor)
		}
	}
	if d.Date.String() != "2022-01-23" {
		t.Errorf("dossier date %q", d.Date)
	}
}

func TestPartiesComeFromNationalitiesAndOrganisations(t *testing.T) {
	res := Assemble([]*article.Article{
		text("a.txt", "Alliance", "", "NATO Secretary General Jens Stoltenberg said that the door stayed open. The Kremlin said that the proposals were unacceptable. US Secretary of State Antony Blinken said that the allies stood together."),
	}, Options{})
	d := roundTrip(t, res.Dossier)
	var ids []string
	for _, p := range d.Parties {
		ids = append(ids, p.ID)
	}
	if strings.Join(ids, " ") != "nato russia united-states" {
		t.Errorf("parties %v", ids)
	}
	if s := d.Statements[1]; s.Party != "russia" || s.Actor != "" {
		t.Errorf("the Kremlin's statement: party %q actor %q", s.Party, s.Actor)
	}
}

func TestAnArticleWithoutStatementsIsASourceOnly(t *testing.T) {
	res := Assemble([]*article.Article{text("weather.txt", "Weather", "", "It rained in Geneva all day. The lake was grey.")}, Options{})
	if len(res.Counts) != 1 || res.Counts[0] != 0 || len(res.Dossier.Sources) != 1 {
		t.Fatalf("counts %v, sources %d", res.Counts, len(res.Dossier.Sources))
	}
	roundTrip(t, res.Dossier)
}

func TestIntoAnExistingDossierReusesItsActorsAndIds(t *testing.T) {
	b, err := os.ReadFile("../geneva/geneva.yaml")
	if err != nil {
		t.Fatal(err)
	}
	_ = b
	into, _, err := data.Load("../geneva/geneva.yaml")
	if err != nil {
		t.Fatal(err)
	}
	res := Assemble([]*article.Article{text("n.txt", "Blinken in Kyiv", "2022-01-19", "Blinken said that the United States would stand by Ukraine. “We will not let this pass,” Blinken said.")}, Options{Into: into})
	for _, s := range res.Dossier.Statements[len(into.Statements):] {
		if s.Actor != "blinken" {
			t.Errorf("statement %q by %q, want the dossier's blinken", s.ID, s.Actor)
		}
	}
	if len(res.New.Actors) != 0 || len(res.New.Parties) != 0 {
		t.Errorf("new actors %v, parties %v", res.New.Actors, res.New.Parties)
	}
	if len(res.New.Statements) != 2 || len(res.Dossier.Statements) != len(into.Statements)+2 {
		t.Errorf("new statements %v", res.New.Statements)
	}
}

func TestSlug(t *testing.T) {
	for in, want := range map[string]string{
		"Lavrov that the West would submit": "lavrov-west-would-submit",
		"Блинкен: переговоры":               "блинкен-переговоры",
		"  ":                                "",
	} {
		if got := Slug(in, 4); got != want {
			t.Errorf("Slug(%q) = %q, want %q", in, got, want)
		}
	}
}
