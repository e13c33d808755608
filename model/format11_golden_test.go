package model

import (
	"fmt"
	"testing"

	"github.com/charmbracelet/x/exp/golden"
	"github.com/parley-dev/parley/data"
	"github.com/parley-dev/parley/data/search"
)

// Every field format 1.1 added, on screen at the three sizes: the fixture
// testdata/dossiers/format-1.1 uses each (accounts and what they are
// about, via through an actor and a source, acts, propositions, answers
// known from another party or from the source, no response recorded,
// drafts), and these are the screens that show them.
func TestGoldenFormat11Screens(t *testing.T) {
	d, _, err := data.Load("../testdata/dossiers/format-1.1/harbour.yaml")
	if err != nil {
		t.Fatal(err)
	}
	screens := []struct {
		name  string
		reach func(m *Root)
	}{
		// Propositions under the topic bar, quotes with drafts and acts, a
		// chain, and the source's accounts about a party.
		{"compare", func(m *Root) {}},
		{"compare-all-topics", func(m *Root) { press(m, "a") }},
		// "rejected — according to the report", then "accepted — according
		// to Southern Union", and "no response".
		{"demands", func(m *Root) { press(m, "2") }},
		{"demands-thread-reported", func(m *Root) { press(m, "2", "down") }},
		{"demands-thread-according-to", func(m *Root) { press(m, "2", "down", "down") }},
		{"detail-draft-via", func(m *Root) { send(m, OpenStatementMsg{ID: "fees-first"}) }},
		{"detail-account", func(m *Root) { send(m, OpenStatementMsg{ID: "fleet-in-harbour"}) }},
		{"matrix", func(m *Root) { toScreen(t, m, "Matrix") }},
		{"source", func(m *Root) { toScreen(t, m, "Source") }},
		{"timeline", func(m *Root) { toScreen(t, m, "Timeline") }},
		// The filters 1.1 added, as a user types them in Quotes: the
		// source's own accounts, and a move that came through others.
		{"quotes-kind-account", func(m *Root) { quotesFor(t, m, "kind:account") }},
		{"quotes-act-via", func(m *Root) { quotesFor(t, m, "act:demand via:berg") }},
	}
	for _, sc := range screens {
		for _, size := range goldenSizes {
			t.Run(fmt.Sprintf("%s/%dx%d", sc.name, size[0], size[1]), func(t *testing.T) {
				m := start(t, d, size[0], size[1], Options{Theme: "dark", Index: search.New(d)})
				sc.reach(m)
				checkFits(t, m.View().Content, size[0], size[1])
				golden.RequireEqual(t, screen(m))
			})
		}
	}
}

// quotesFor types a query into the Quotes screen, as a user does, and
// leaves out the time the search took (it differs from run to run).
func quotesFor(t *testing.T, m *Root, query string) {
	t.Helper()
	toScreen(t, m, "Quotes")
	typeText(m, query)
	s := m.screens[m.active].(*Search)
	if s.Results() == nil || s.Results().Query.Raw != query {
		t.Fatalf("no results for %q", query)
	}
	s.elapsed = 0
}
