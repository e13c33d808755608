package views

import (
	"strings"
	"testing"

	"github.com/charmbracelet/x/ansi"
	"github.com/parley-dev/parley/data"
	"github.com/parley-dev/parley/data/search"
)

func searchGeneva(t *testing.T, query string) (*data.Dossier, *search.Results) {
	t.Helper()
	d, err := data.Geneva()
	if err != nil {
		t.Fatal(err)
	}
	q, _ := search.ParseQuery(query, d)
	return d, search.New(d).Search(q, 10)
}

func TestSearchTextIsPlainAndFits(t *testing.T) {
	d, r := searchGeneva(t, "party:russia security ")
	out := SearchText(d, r, 60)
	if !strings.HasPrefix(out, "2 statements match\n") {
		t.Fatalf("count line:\n%s", out)
	}
	if strings.Contains(out, "\x1b") {
		t.Fatal("escape sequences in plain output")
	}
	for _, line := range strings.Split(out, "\n") {
		if w := ansi.StringWidth(line); w > 60 && !strings.HasPrefix(line, "1.") && !strings.HasPrefix(line, "2.") {
			t.Errorf("line %d wide: %q", w, line)
		}
	}
	if !strings.Contains(out, "1. Sergei Lavrov (RU)") {
		t.Fatalf("no attribution:\n%s", out)
	}
}

func TestSearchSummaryExplains(t *testing.T) {
	_, r := searchGeneva(t, "party:mars")
	if s := SearchSummary(r); !strings.Contains(s, `no party "mars"`) {
		t.Fatalf("summary %q", s)
	}
	_, r = searchGeneva(t, "secuirty ")
	if s := SearchSummary(r); !strings.Contains(s, `"secuirty" as security`) {
		t.Fatalf("summary %q", s)
	}
}

func TestSearchHitHighlightsEveryMatch(t *testing.T) {
	d, r := searchGeneva(t, "nato ")
	th := NewTheme(d, true, false)
	for _, h := range r.Hits {
		lines := SearchHitLines(d, h, 50, false, th)
		joined := strings.Join(lines, "\n")
		// One highlighted run per span (none is split across lines here,
		// NATO being short).
		if got := strings.Count(joined, inkOf(th.Highlight).pre); got < len(h.Spans) {
			t.Errorf("%s: %d highlights for %d spans", h.Statement.ID, got, len(h.Spans))
		}
		for _, l := range lines {
			if w := ansi.StringWidth(l); w > 50 {
				t.Errorf("line %d wide", w)
			}
		}
	}
}

func TestFlattenSpansKeepsSpansOnTheirWords(t *testing.T) {
	text := "  Sécurité\n\n  et  NATO  "
	spans := []data.Span{{Start: 2, End: 12}, {Start: 20, End: 24}}
	flat, got := flattenSpans(text, spans)
	if flat != "Sécurité et NATO" {
		t.Fatalf("flat %q", flat)
	}
	if flat[got[0].Start:got[0].End] != "Sécurité" || flat[got[1].Start:got[1].End] != "NATO" {
		t.Fatalf("spans %v on %q", got, flat)
	}
}
