package model

import (
	"fmt"
	"image/color"
	"slices"
	"strings"
	"testing"

	tea "charm.land/bubbletea/v2"
)

func compareOf(m *Root) *Compare { return m.screens[0].(*Compare) }
func demandsOf(m *Root) *Demands { return m.screens[1].(*Demands) }

func partyIDs(c *Compare) []string {
	var ids []string
	for _, p := range c.parties {
		ids = append(ids, p.ID)
	}
	return ids
}

func topicID(c *Compare) string {
	if t := c.currentTopic(); t != nil {
		return t.ID
	}
	return ""
}

func TestCompareNavigation(t *testing.T) {
	tests := []struct {
		name  string
		keys  []string
		check func(t *testing.T, m *Root)
	}{
		{"opens on the US, Russia and NATO side by side", nil, func(t *testing.T, m *Root) {
			if got := partyIDs(compareOf(m)); !slices.Equal(got, []string{"us", "russia", "nato"}) {
				t.Errorf("parties = %v", got)
			}
			s := screen(m)
			for _, want := range []string{"US · United States", "RU · Russia", "NATO"} {
				if !strings.Contains(s, want) {
					t.Errorf("screen lacks %q", want)
				}
			}
		}},
		{"opens on the first topic anyone took a position on", nil, func(t *testing.T, m *Root) {
			if got := topicID(compareOf(m)); got != "security-guarantees" {
				t.Errorf("topic = %q", got)
			}
		}},
		{"right steps to the next topic", []string{"right"}, func(t *testing.T, m *Root) {
			if got := topicID(compareOf(m)); got != "written-response" {
				t.Errorf("topic = %q", got)
			}
		}},
		{"] and [ step like the arrows", []string{"]", "]", "["}, func(t *testing.T, m *Root) {
			if got := topicID(compareOf(m)); got != "written-response" {
				t.Errorf("topic = %q", got)
			}
		}},
		{"left stops at the first topic", []string{"left", "left", "left"}, func(t *testing.T, m *Root) {
			if got := topicID(compareOf(m)); got != "european-security" {
				t.Errorf("topic = %q", got)
			}
		}},
		{"right stops at the last topic", strings.Fields(strings.Repeat("right ", 30)), func(t *testing.T, m *Root) {
			c := compareOf(m)
			if c.topic != len(c.topics)-1 {
				t.Errorf("topic index = %d of %d", c.topic, len(c.topics))
			}
		}},
		{"every pane follows the topic", []string{"right", "right"}, func(t *testing.T, m *Root) {
			if !strings.Contains(screen(m), "NATO's eastward expansion") {
				t.Error("topic bar does not show the new topic")
			}
			if !strings.Contains(screen(m), "✗ oppose") {
				t.Error("Russia's pane does not show its stance on expansion")
			}
		}},
		{"tab moves focus right and wraps", []string{"tab", "tab", "tab"}, func(t *testing.T, m *Root) {
			if got := compareOf(m).focus; got != 0 {
				t.Errorf("focus = %d", got)
			}
		}},
		{"shift+tab moves focus left and wraps", []string{"shift+tab"}, func(t *testing.T, m *Root) {
			if got := compareOf(m).focus; got != 2 {
				t.Errorf("focus = %d", got)
			}
		}},
		{"j scrolls through a statement cut off at the bottom, then selects the next", []string{"tab", "j"}, func(t *testing.T, m *Root) {
			if c := compareOf(m); c.scr[1].sel != 0 || c.scr[1].offset != 1 {
				t.Errorf("selection %d offset %d, want 0 and 1", c.scr[1].sel, c.scr[1].offset)
			}
			// Line by line to the statement's end, then the next one.
			for i := 2; compareOf(m).scr[1].sel == 0 && i < 20; i++ {
				press(m, "j")
				if c := compareOf(m); c.scr[1].sel == 0 && c.scr[1].offset != i {
					t.Fatalf("offset %d after %d presses, want %d", c.scr[1].offset, i, i)
				}
			}
			if c := compareOf(m); c.scr[1].sel != 1 {
				t.Errorf("selection = %d, want 1", c.scr[1].sel)
			}
		}},
		{"G selects the last statement, k the one before", []string{"tab", "G", "k"}, func(t *testing.T, m *Root) {
			c := compareOf(m)
			if c.scr[1].sel != 1 {
				t.Errorf("selection = %d, want 1", c.scr[1].sel)
			}
		}},
		{"page down scrolls the focused pane only", []string{"tab", "pgdown"}, func(t *testing.T, m *Root) {
			c := compareOf(m)
			if c.scr[1].offset == 0 || c.scr[0].offset != 0 {
				t.Errorf("offsets = %d, %d", c.scr[0].offset, c.scr[1].offset)
			}
		}},
		{"a lines every topic up", []string{"a"}, func(t *testing.T, m *Root) {
			c := compareOf(m)
			if !c.all {
				t.Fatal("not in the all-topics view")
			}
			if !strings.Contains(screen(m), "All topics") {
				t.Error("no all-topics bar")
			}
			for i := 1; i < len(c.contents); i++ {
				for b := range c.contents[0].Blocks {
					if c.contents[i].Blocks[b].Start != c.contents[0].Blocks[b].Start {
						t.Fatalf("topic %d starts on different lines in panes 0 and %d", b, i)
					}
				}
			}
		}},
		{"j in the all-topics view moves to the next topic", []string{"a", "j"}, func(t *testing.T, m *Root) {
			if got := topicID(compareOf(m)); got != "written-response" {
				t.Errorf("topic = %q", got)
			}
		}},
		{"enter in the all-topics view opens the topic", []string{"a", "j", "j", "enter"}, func(t *testing.T, m *Root) {
			c := compareOf(m)
			if c.all || topicID(c) != "nato-expansion" {
				t.Errorf("all = %v, topic = %q", c.all, topicID(c))
			}
		}},
		{"enter opens the selected statement", []string{"tab", "enter"}, func(t *testing.T, m *Root) {
			if m.detail == nil || m.detail.s.ID != "moscow-demands-guarantees" {
				t.Fatalf("detail = %v", m.detail)
			}
			if !strings.Contains(screen(m), "source, paragraph") {
				t.Error("detail lacks the source paragraph")
			}
		}},
		{"esc closes the detail and keeps the place", []string{"tab"}, func(t *testing.T, m *Root) {
			for i := 0; compareOf(m).scr[1].sel == 0 && i < 20; i++ {
				press(m, "j")
			}
			press(m, "enter", "esc")
			if m.detail != nil {
				t.Fatal("detail still open")
			}
			if c := compareOf(m); c.focus != 1 || c.scr[1].sel != 1 {
				t.Errorf("focus %d, selection %d", c.focus, c.scr[1].sel)
			}
		}},
		{"a topic chosen in the all-topics view opens at its top", []string{"tab", "j", "j", "a", "j", "j", "a"}, func(t *testing.T, m *Root) {
			c := compareOf(m)
			if topicID(c) != "nato-expansion" || c.scr[1].offset != 0 || c.scr[1].sel != 0 {
				t.Errorf("topic %q offset %d sel %d", topicID(c), c.scr[1].offset, c.scr[1].sel)
			}
		}},
		{"enter on a pane with no statements does nothing", []string{"enter"}, func(t *testing.T, m *Root) {
			if m.detail != nil {
				t.Error("detail opened")
			}
		}},
		{"y copies the selected statement without opening it", []string{"tab", "y"}, func(t *testing.T, m *Root) {
			if m.detail != nil || !strings.Contains(screen(m), "copied the statement") {
				t.Error("no copy notice, or the detail opened")
			}
		}},
		{"2 opens Demands, 1 comes back", []string{"2", "1"}, func(t *testing.T, m *Root) {
			if m.active != 0 {
				t.Errorf("active = %d", m.active)
			}
		}},
		{"? shows every key and takes room from the body", []string{"?"}, func(t *testing.T, m *Root) {
			if m.footerH < 2 || !strings.Contains(screen(m), "pick parties") {
				t.Errorf("footer %d lines", m.footerH)
			}
		}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			m := start(t, geneva(t), 80, 24, Options{Theme: "dark"})
			press(m, tt.keys...)
			tt.check(t, m)
			checkFits(t, m.View().Content, 80, 24)
		})
	}
}

func TestPartyPicker(t *testing.T) {
	tests := []struct {
		name string
		keys []string
		want []string
	}{
		{"esc leaves the parties as they were", []string{"p", "space", "esc"}, []string{"us", "russia", "nato"}},
		{"hiding one shows two", []string{"p", "space", "enter"}, []string{"russia", "nato"}},
		{"showing a fourth adds it last", []string{"p", "j", "j", "j", "space", "enter"}, []string{"us", "russia", "nato", "ukraine"}},
		{"a fifth is refused", []string{"p", "j", "j", "j", "space", "j", "space", "enter"}, []string{"us", "russia", "nato", "ukraine"}},
		{"J moves a party later", []string{"p", "J", "enter"}, []string{"russia", "us", "nato"}},
		{"K moves a party earlier", []string{"p", "j", "j", "K", "K", "enter"}, []string{"nato", "us", "russia"}},
		{"hidden parties cannot be reordered among the shown", []string{"p", "j", "j", "j", "K", "enter"}, []string{"us", "russia", "nato"}},
		{"fewer than two cannot be applied", []string{"p", "space", "k", "space", "enter", "esc"}, []string{"us", "russia", "nato"}},
		{"p again closes the picker", []string{"p", "space", "p"}, []string{"us", "russia", "nato"}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			m := start(t, geneva(t), 120, 40, Options{})
			press(m, tt.keys...)
			c := compareOf(m)
			if got := partyIDs(c); !slices.Equal(got, tt.want) {
				t.Errorf("parties = %v, want %v", got, tt.want)
			}
			if c.picker != nil {
				t.Error("picker still open")
			}
			checkFits(t, m.View().Content, 120, 40)
		})
	}
}

func TestPickerClickTogglesParty(t *testing.T) {
	m := start(t, geneva(t), 120, 40, Options{})
	press(m, "p")
	// Body row 1 is the picker's border; rows: heading, limit, blank, then parties.
	send(m, tea.MouseClickMsg{X: 10, Y: 1 + 1 + 3 + 3, Button: tea.MouseLeft})
	press(m, "enter")
	if got := partyIDs(compareOf(m)); !slices.Equal(got, []string{"us", "russia", "nato", "ukraine"}) {
		t.Errorf("parties = %v", got)
	}
}

func TestDemandsNavigation(t *testing.T) {
	tests := []struct {
		name  string
		keys  []string
		check func(t *testing.T, m *Root)
	}{
		{"starts on the first demand with the list focused", []string{"2"}, func(t *testing.T, m *Root) {
			d := demandsOf(m)
			if d.sel != 0 || d.focus != demandsList {
				t.Errorf("sel %d focus %d", d.sel, d.focus)
			}
		}},
		{"j chooses the next demand and its thread follows", []string{"2", "j", "j"}, func(t *testing.T, m *Root) {
			if !strings.Contains(screen(m), "An end to NATO's expansion to the east.") {
				t.Error("thread does not show the third demand")
			}
			// The report records no answer; it never says NATO left it unanswered.
			if s := screen(m); !strings.Contains(s, "– no response") || strings.Contains(s, "unanswered") {
				t.Error("NATO's silence is not shown as no response recorded")
			}
		}},
		{"tab focuses the thread, enter opens its statement", []string{"2", "tab", "enter"}, func(t *testing.T, m *Root) {
			if m.detail == nil || m.detail.s.ID != "moscow-demands-guarantees" {
				t.Fatalf("detail = %+v", m.detail)
			}
		}},
		{"enter on the list focuses the thread", []string{"2", "enter"}, func(t *testing.T, m *Root) {
			if demandsOf(m).focus != demandsThread {
				t.Error("thread not focused")
			}
		}},
		{"the list stops at its ends", []string{"2", "k", "G", "j"}, func(t *testing.T, m *Root) {
			if got := demandsOf(m).sel; got != len(m.d.Demands)-1 {
				t.Errorf("sel = %d", got)
			}
		}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			m := start(t, geneva(t), 120, 40, Options{})
			press(m, tt.keys...)
			tt.check(t, m)
			checkFits(t, m.View().Content, 120, 40)
		})
	}
}

func TestDetailCopiesWithAttribution(t *testing.T) {
	m := start(t, geneva(t), 120, 40, Options{})
	send(m, OpenStatementMsg{ID: "blinken-stand-firmly"})
	_, cmd := m.Update(keyMsg("y"))
	if cmd == nil {
		t.Fatal("y returned no command")
	}
	var clip string
	var walk func(tea.Cmd)
	walk = func(c tea.Cmd) {
		switch msg := c().(type) {
		case tea.BatchMsg:
			for _, c := range msg {
				walk(c)
			}
		case FlashMsg:
			m.Update(msg)
		default:
			clip = fmt.Sprint(msg) // tea.SetClipboard's message is the text
		}
	}
	walk(cmd)
	for _, want := range []string{"I conveyed the position", "Anthony Blinken", "US Secretary of State", "2022-01-21", "¶5"} {
		if !strings.Contains(clip, want) {
			t.Errorf("clipboard %q lacks %q", clip, want)
		}
	}
	if !strings.Contains(screen(m), "copied") {
		t.Error("no notice that the statement was copied")
	}
}

func TestMouse(t *testing.T) {
	m := start(t, geneva(t), 80, 24, Options{})
	// Header: " 1 Compare " spans 0–10, " 2 Demands " 11–21.
	send(m, tea.MouseClickMsg{X: 14, Y: 0, Button: tea.MouseLeft})
	if m.active != 1 {
		t.Fatalf("click on the Demands tab: active = %d", m.active)
	}
	send(m, tea.MouseClickMsg{X: 3, Y: 0, Button: tea.MouseLeft})
	if m.active != 0 {
		t.Fatalf("click on the Compare tab: active = %d", m.active)
	}
	c := compareOf(m)
	// The arrows of the topic bar step topics: "◂ 2/10 ▸".
	before := c.topic
	send(m, tea.MouseClickMsg{X: 7, Y: 1, Button: tea.MouseLeft})
	if c.topic != before+1 {
		t.Errorf("click on ▸: topic %d, want %d", c.topic, before+1)
	}
	send(m, tea.MouseClickMsg{X: 0, Y: 1, Button: tea.MouseLeft})
	if c.topic != before {
		t.Errorf("click on ◂: topic %d, want %d", c.topic, before)
	}
	// A click in the third pane, below its text, focuses it.
	send(m, tea.MouseClickMsg{X: 70, Y: 20, Button: tea.MouseLeft})
	if c.focus != 2 {
		t.Errorf("focus after click = %d", c.focus)
	}
	// The wheel over Russia's pane scrolls it and focuses it.
	send(m, tea.MouseWheelMsg{X: 40, Y: 10, Button: tea.MouseWheelDown})
	if c.focus != 1 || c.scr[1].offset == 0 {
		t.Errorf("after wheel: focus %d offset %d", c.focus, c.scr[1].offset)
	}
	send(m, tea.MouseWheelMsg{X: 40, Y: 10, Button: tea.MouseWheelUp})
	if c.scr[1].offset != 0 {
		t.Errorf("wheel up: offset %d", c.scr[1].offset)
	}
}

func TestResize(t *testing.T) {
	t.Run("the same size twice changes nothing", func(t *testing.T) {
		m := start(t, geneva(t), 120, 40, Options{})
		press(m, "tab", "j", "j")
		before := screen(m)
		resize(m, 120, 40)
		resize(m, 120, 40)
		if after := screen(m); after != before {
			t.Errorf("screen changed:\n%s\n---\n%s", before, after)
		}
	})
	t.Run("too small shows a notice and keeps the state", func(t *testing.T) {
		m := start(t, geneva(t), 120, 40, Options{})
		press(m, "right", "tab", "j")
		c := compareOf(m)
		topic, focus, sel := c.topic, c.focus, c.scr[1].sel
		resize(m, 20, 6)
		s := screen(m)
		if !strings.Contains(s, "too small") || !strings.Contains(s, "54×11") {
			t.Errorf("notice:\n%s", s)
		}
		checkFits(t, m.View().Content, 20, 6)
		press(m, "tab") // keys still work while small
		resize(m, 120, 40)
		if c.topic != topic || c.focus != focus+1 || c.scr[1].sel != sel {
			t.Errorf("state lost: topic %d→%d focus %d→%d sel %d→%d", topic, c.topic, focus, c.focus, sel, c.scr[1].sel)
		}
		if strings.Contains(screen(m), "too small") {
			t.Error("notice stays after growing")
		}
	})
	t.Run("the minimum size itself is drawn in full", func(t *testing.T) {
		m := start(t, geneva(t), 54, 11, Options{})
		if strings.Contains(screen(m), "too small") {
			t.Fatal("notice at the minimum")
		}
		checkFits(t, m.View().Content, 54, 11)
	})
	t.Run("one column less is too small", func(t *testing.T) {
		m := start(t, geneva(t), 53, 11, Options{})
		if !strings.Contains(screen(m), "too small") {
			t.Fatal("no notice below the minimum")
		}
	})
	t.Run("a 1×1 terminal does not panic", func(t *testing.T) {
		m := start(t, geneva(t), 1, 1, Options{})
		checkFits(t, m.View().Content, 1, 1)
	})
}

func TestBackgroundColourPicksTheTheme(t *testing.T) {
	tests := []struct {
		name     string
		theme    string
		bg       color.Color
		wantDark bool
	}{
		{"auto on a light terminal turns light", "auto", color.White, false},
		{"auto on a dark terminal stays dark", "", color.Black, true},
		{"an explicit dark theme ignores the terminal", "dark", color.White, true},
		{"an explicit light theme ignores the terminal", "light", color.Black, false},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			m := start(t, geneva(t), 80, 24, Options{Theme: tt.theme})
			if tt.theme == "" || tt.theme == "auto" {
				if m.Init() == nil {
					t.Error("auto does not ask the terminal for its background")
				}
			}
			m.Update(tea.BackgroundColorMsg{Color: tt.bg})
			if m.theme.Dark != tt.wantDark || compareOf(m).theme != m.theme {
				t.Errorf("dark = %v, want %v (screens share it: %v)", m.theme.Dark, tt.wantDark, compareOf(m).theme == m.theme)
			}
			checkFits(t, m.View().Content, 80, 24)
		})
	}
}
