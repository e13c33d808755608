package search

import (
	"strings"
	"testing"

	"github.com/parley-dev/parley/data"
)

// What a reader of the Geneva report types, and the words of the report it
// must find although they are in another form.
func TestWordsInAnyFormOnGeneva(t *testing.T) {
	d, err := data.Geneva()
	if err != nil {
		t.Fatal(err)
	}
	ix := New(d)
	for _, c := range []struct {
		query string
		want  string // a statement found, and the word highlighted as written in it
		form  string
	}{
		{"negotiate ", "", "negotiations"},
		{"negotiate", "", "negotiations"}, // still typing: the word so far in any form too
		{"attacking ", "lavrov-no-plans-to-attack", "attack"},
		{"attacking", "lavrov-no-plans-to-attack", "attack"},
		{"plan attacks ", "lavrov-no-plans-to-attack", "attack"},
	} {
		q, err := ParseQuery(c.query, d)
		if err != nil {
			t.Fatal(err)
		}
		r := ix.Search(q, 100)
		if r.Total == 0 || r.Fuzzy {
			t.Errorf("%q: %d results (fuzzy %v), want some", c.query, r.Total, r.Fuzzy)
			continue
		}
		found := false
		for _, h := range r.Hits {
			if c.want != "" && h.Statement.ID != c.want {
				continue
			}
			for _, sp := range h.Spans {
				if strings.EqualFold(h.Statement.Text[sp.Start:sp.End], c.form) {
					found = true
				}
			}
		}
		if !found {
			t.Errorf("%q: no hit %s with %q highlighted as written", c.query, c.want, c.form)
		}
	}
}

func stemDossier(texts ...string) *data.Dossier {
	d := &data.Dossier{Title: "stems", Parties: []*data.Party{{ID: "p", Name: "P"}}}
	for i, s := range texts {
		d.Statements = append(d.Statements, &data.Statement{ID: string(rune('a' + i)), Kind: data.KindReported, Party: "p", Text: s})
	}
	d.Reindex()
	return d
}

func TestExactFormsRankFirstAndQuotesStayExact(t *testing.T) {
	d := stemDossier(
		"They negotiated for hours.",    // a
		"They negotiate for hours.",     // b
		"The negotiations went on.",     // c
		"Nothing about the talks here.", // d
	)
	ix := New(d)
	for _, c := range []struct {
		query string
		want  string // ids in order
	}{
		{"negotiate ", "bac"},
		{"negotiated ", "abc"},
		{"negotiations ", "cab"},
		{`"negotiate"`, "b"},
		{`"negotiate" `, "b"},
		{`"they negotiate"`, "b"},
		{"hours -negotiate", ""},
		{`hours -"negotiate"`, "a"},
		{"talks ", "d"},
	} {
		q, err := ParseQuery(c.query, d)
		if err != nil {
			t.Fatal(err)
		}
		got := ""
		for _, h := range ix.Search(q, 10).Hits {
			got += h.Statement.ID
		}
		// Among the other forms only the exact one's place is fixed;
		// compare it and the set.
		if c.query == "negotiate " || c.query == "negotiated " || c.query == "negotiations " {
			if got == "" || got[:1] != c.want[:1] || len(got) != len(c.want) {
				t.Errorf("%q: got %q, want %q first of %d", c.query, got, c.want[:1], len(c.want))
			}
			continue
		}
		if got != c.want {
			t.Errorf("%q: got %q, want %q", c.query, got, c.want)
		}
	}
}

func TestStemOf(t *testing.T) {
	for w, want := range map[string]string{
		"negotiations": "negoti", "negotiate": "negoti", "attacking": "attack", "attack": "attack",
		"nato": "nato", "s": "s", "2022": "2022", "кремль": "кремль", "été": "été", "b52s": "b52s",
	} {
		if got := stemOf(w); got != want {
			t.Errorf("stemOf(%q) = %q, want %q", w, got, want)
		}
	}
}
