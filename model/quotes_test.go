package model

import (
	"strings"
	"testing"

	tea "charm.land/bubbletea/v2"
	"github.com/charmbracelet/x/ansi"
)

// / opens Quotes from anywhere, the results follow the typing, and esc
// returns to exactly where the user was, an open statement included.
func TestSlashSearchesAndEscReturns(t *testing.T) {
	m := start(t, geneva(t), 120, 40, Options{Theme: "dark"})
	feed(m, m.Init(), 1000) // the background index, to the end of its progress reports
	press(m, "2", "tab", "enter")
	if m.detail == nil {
		t.Fatal("enter on a demand thread opened no statement")
	}
	before := m.View().Content

	_, cmd := m.Update(keyMsg("/"))
	feed(m, cmd, 3)
	if q, ok := m.child().(*Search); !ok || !q.CapturingInput() {
		t.Fatal("/ did not open Quotes with the query box focused")
	}
	for _, r := range "invasion" {
		_, cmd := m.Update(tea.KeyPressMsg{Code: r, Text: string(r)})
		feed(m, cmd, 3)
	}
	view := ansi.Strip(m.View().Content)
	if !strings.Contains(view, "2 statements match") || !strings.Contains(view, "another invasion") {
		t.Fatalf("typing invasion shows no results:\n%s", view)
	}
	_, cmd = m.Update(keyMsg("esc"))
	feed(m, cmd, 3)
	if got := m.View().Content; got != before {
		t.Fatalf("esc did not return to the open statement:\n%s", got)
	}
}
