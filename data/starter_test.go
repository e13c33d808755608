package data

import (
	"bytes"
	"strings"
	"testing"
)

func TestStarterValidatesWithoutProblems(t *testing.T) {
	d, probs, err := Parse(StarterName, Starter(), nil)
	if err != nil {
		t.Fatalf("the starter dossier is invalid: %v\n%v", err, probs)
	}
	if len(probs) != 0 {
		t.Fatalf("the starter dossier has %d problem(s):\n%v", len(probs), probs)
	}
	// It shows every kind of record a newcomer needs.
	switch {
	case len(d.Parties) < 2, len(d.Topics) == 0, len(d.Sources) == 0, len(d.Positions) < 2,
		len(d.Demands) == 0, len(d.Demands[0].Responses) == 0, len(d.Events) == 0:
		t.Errorf("the starter lacks a record: %d parties, %d topics, %d sources, %d positions, %d demands, %d events",
			len(d.Parties), len(d.Topics), len(d.Sources), len(d.Positions), len(d.Demands), len(d.Events))
	}
	kinds := map[StatementKind]int{}
	for _, s := range d.Statements {
		kinds[s.Kind]++
		if s.Location == nil {
			t.Errorf("statement %q is not anchored in its source", s.ID)
		}
	}
	if kinds[KindQuote] == 0 || kinds[KindReported] == 0 || kinds[KindAccount] == 0 {
		t.Errorf("the starter needs a quote, a reported statement and an account, has %v", kinds)
	}
	// It is written in the newest format, and shows what that adds.
	if d.Parley != FormatVersion {
		t.Errorf("the starter declares format %s, want %s", d.Parley, FormatVersion)
	}
	if d.Topics[0].Proposition == "" || len(ActCounts(d)) == 0 || d.Sources[0].Short == "" {
		t.Errorf("the starter lacks a proposition, an act or a source's short name")
	}
	if !d.Sources[0].HasText() {
		t.Errorf("the starter's source has no inline text")
	}
}

func TestStarterPointsEditorsAtTheSchema(t *testing.T) {
	first, _, _ := strings.Cut(string(Starter()), "\n")
	want := "# yaml-language-server: $schema=" + schemaURL
	if first != want {
		t.Errorf("first line = %q, want %q", first, want)
	}
}

func TestStarterReturnsACopy(t *testing.T) {
	a := Starter()
	a[0] = 'X'
	if b := Starter(); bytes.Equal(a, b) {
		t.Error("Starter returns the embedded bytes themselves; a caller could change them")
	}
}
