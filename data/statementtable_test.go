package data

import (
	"fmt"
	"testing"
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
