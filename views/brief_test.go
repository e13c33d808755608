package views

import (
	"strings"
	"testing"

	"charm.land/glamour/v2"
	"github.com/parley-dev/parley/data"
)

// Every brief `e` writes is Markdown a renderer reads without error, and
// says what it is about.
func TestBriefsRender(t *testing.T) {
	d, _, err := data.LoadEmbedded()
	if err != nil {
		t.Fatal(err)
	}
	parties := d.ComparedParties()
	ids := []string{}
	for _, p := range parties {
		ids = append(ids, p.ID)
	}
	briefs := []struct {
		name  string
		md    []byte
		wants []string
	}{
		{"comparison", CompareMarkdown(d, parties, d.Topic("invasion-warnings")), []string{"# Comparison: United States, Russia, NATO", "Proposition: A Russian invasion", "| United States | ✓ support |", "> “We have made clear", "· *warning*"}},
		{"all topics", CompareMarkdown(d, parties, nil), []string{"## European security › NATO", "no stated position"}},
		{"demand", DemandMarkdown(d, d.Demands[0]), []string{"# Demand: RU → US, West", "» deferred — according to Russia"}},
		{"a demand with no response recorded", DemandMarkdown(d, d.Demand("end-nato-expansion")), []string{"## NATO: – no response", "No response recorded."}},
		{"matrix", MatrixMarkdown(d, parties, data.Agreements(d, ids)), []string{"| Topic | Agreement | US | RU | NATO |", "≠ conflict", "- NATO: 8", "› Ukraine's possible NATO membership: NATO should commit not to accept Ukraine", "- Russia: 3 demand, 1 offer"}},
		{"source", SourceMarkdown(d, d.Sources[0]), []string{"# Source: Report on the Blinken", "¶5"}},
		{"timeline", TimelineMarkdown(d), []string{"## 2022-01-24..2022-01-30", "(expected)", "undated statements not shown"}},
		{"search", SearchMarkdown(d, "party:russia nato", []*data.Statement{d.Statement("blinken-stand-firmly")}, 3), []string{"# Quotes: party:russia nato", "1 of 3 matches."}},
		{"statement", StatementMarkdown(d, d.Statement("blinken-stand-firmly")), []string{"“I conveyed the position", "Cited by:"}},
	}
	r, err := glamour.NewTermRenderer(glamour.WithStandardStyle("notty"), glamour.WithWordWrap(80))
	if err != nil {
		t.Fatal(err)
	}
	for _, b := range briefs {
		t.Run(b.name, func(t *testing.T) {
			for _, w := range b.wants {
				if !strings.Contains(string(b.md), w) {
					t.Errorf("lacks %q:\n%s", w, b.md)
				}
			}
			if _, err := r.RenderBytes(b.md); err != nil {
				t.Errorf("glamour: %v", err)
			}
		})
	}
}
