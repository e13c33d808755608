package model

import (
	"strings"
	"testing"

	tea "charm.land/bubbletea/v2"
)

// isQuit reports whether a command ends the program.
func isQuit(cmd tea.Cmd) bool {
	if cmd == nil {
		return false
	}
	switch msg := cmd().(type) {
	case tea.QuitMsg:
		return true
	case tea.BatchMsg:
		for _, c := range msg {
			if isQuit(c) {
				return true
			}
		}
	}
	return false
}

func TestRemappedKeysDriveTheExplorer(t *testing.T) {
	m := start(t, geneva(t), 120, 40, Options{Keys: map[string][]string{
		"next_topic": {"l"},
		"quit":       {"ctrl+q"},
	}})
	before := m.View().Content
	press(m, "right")
	if m.View().Content != before {
		t.Error("right still steps the topic after next_topic was remapped to l")
	}
	press(m, "l")
	if m.View().Content == before {
		t.Error("l does not step the topic")
	}
	if _, cmd := m.Update(keyMsg("q")); isQuit(cmd) {
		t.Error("q still quits after quit was remapped to ctrl+q")
	}
	if _, cmd := m.Update(keyMsg("ctrl+q")); !isQuit(cmd) {
		t.Error("ctrl+q does not quit")
	}
}

func TestRemappedKeysShowInHelp(t *testing.T) {
	m := start(t, geneva(t), 160, 50, Options{Keys: map[string][]string{"next_topic": {"l"}, "prev_topic": {"h"}}})
	press(m, "?")
	help := m.View().Content
	if !strings.Contains(help, "h l") {
		t.Errorf("the full help does not show the remapped topic keys h l:\n%s", help)
	}
}

func TestBindingsListRemaps(t *testing.T) {
	for _, b := range Bindings(map[string][]string{"fold": {"f"}}) {
		if b.Name == "fold" && strings.Join(b.Keys, ",") != "f" {
			t.Errorf("fold keys %v, want f", b.Keys)
		}
		if b.Help == "" {
			t.Errorf("binding %s has no help", b.Name)
		}
	}
	seen := map[string]bool{}
	for _, n := range BindingNames() {
		if seen[n] {
			t.Errorf("binding name %s twice", n)
		}
		seen[n] = true
	}
}

// A remap reaches the analysis screens too: they share the one key map.
func TestRemapReachesTheMatrix(t *testing.T) {
	m := start(t, geneva(t), 120, 40, Options{Keys: map[string][]string{"fold_all": {"F"}}})
	press(m, "3")
	before := m.View().Content
	press(m, "z")
	if m.View().Content != before {
		t.Error("z still folds the matrix after fold_all was remapped to F")
	}
	press(m, "F")
	if m.View().Content == before {
		t.Error("F does not fold the matrix")
	}
}

func TestRemapReachesShowInSource(t *testing.T) {
	m := start(t, geneva(t), 120, 40, Options{Keys: map[string][]string{"show_in_source": {"S"}}})
	deliver(m, OpenStatementMsg{ID: "lavrov-written-response-next-week"}, 0)
	drive(m, "s")
	if detailID(m) != "lavrov-written-response-next-week" {
		t.Fatal("s still shows the statement in its source after show_in_source was remapped to S")
	}
	drive(m, "S")
	if _, ok := m.screens[m.active].(*Source); !ok || m.detail != nil {
		t.Errorf("S did not show the statement in its source: on %s", m.screens[m.active].Title())
	}
}
