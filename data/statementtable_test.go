package data

import (
	"fmt"
	"slices"
	"testing"
	"unsafe"
)

// Statements are found by id; the first of two with one id wins, as the
// map it replaced did; an id no statement has finds nothing.
func TestStatementTable(t *testing.T) {
	var stmts []*Statement
	for i := range 5000 {
		stmts = append(stmts, &Statement{ID: fmt.Sprintf("s%d", i)})
	}
	dup := &Statement{ID: "s42", Text: "the second s42"}
	stmts = append(stmts, dup)
	tab := newStatementTable(stmts)
	for i := range 5000 {
		if got := tab.get(stmts[i].ID); got != stmts[i] {
			t.Fatalf("get(%q) = %v, want statement %d", stmts[i].ID, got, i)
		}
	}
	for _, id := range []string{"", "s5000", "S1", "s-1"} {
		if got := tab.get(id); got != nil {
			t.Errorf("get(%q) = %+v, want nil", id, got)
		}
	}
	if tab.get("s42") == dup {
		t.Error("the second statement with an id replaced the first")
	}
	var empty statementTable
	if empty.get("s1") != nil {
		t.Error("a zero table found something")
	}
	if none := newStatementTable(nil); none.get("s1") != nil {
		t.Error("an empty table found something")
	}
}

// The statements by party, actor, topic and source are those of the
// dossier with that party, actor, topic or source, in dossier order.
func TestStatementGroups(t *testing.T) {
	d, _, err := LoadEmbedded()
	if err != nil {
		t.Fatal(err)
	}
	check := func(what string, got []*Statement, has func(*Statement) bool) {
		t.Helper()
		var want []*Statement
		for _, s := range d.Statements {
			if has(s) {
				want = append(want, s)
			}
		}
		if len(want) == 0 || !slices.Equal(got, want) {
			t.Errorf("%s: %d statements, want the %d with it", what, len(got), len(want))
		}
	}
	check("party russia", d.StatementsByParty("russia"), func(s *Statement) bool { return s.Party == "russia" })
	check("actor lavrov", d.StatementsByActor("lavrov"), func(s *Statement) bool { return s.Actor == "lavrov" })
	src := d.Sources[0].ID
	check("source "+src, d.StatementsBySource(src), func(s *Statement) bool { return s.Source == src })
	topic := d.Statements[0].Topics[0]
	check("topic "+topic, d.StatementsByTopic(topic), func(s *Statement) bool { return slices.Contains(s.Topics, topic) })
}

// A dossier can hold a million statements, so a Statement's size is most
// of a large dossier's memory: what few statements have lives behind one
// pointer (StatementExtra). Adding a field to Statement costs a megabyte
// per 8 bytes at a million: put a rarely set one in StatementExtra.
func TestAStatementStaysSmall(t *testing.T) {
	if unsafe.Sizeof(uintptr(0)) != 8 {
		t.Skip("sizes are for 64-bit machines")
	}
	if got := unsafe.Sizeof(Statement{}); got > 192 {
		t.Errorf("a Statement takes %d bytes, want at most 192", got)
	}
}
