package model

import (
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"

	tea "charm.land/bubbletea/v2"
	"github.com/parley-dev/parley/data"
)

// drive sends keys and feeds every message their commands return back to
// the explorer, as the program loop does (written files included).
func drive(m *Root, keys ...string) {
	for _, k := range keys {
		deliver(m, keyMsg(k), 0)
	}
}

func deliver(m *Root, msg tea.Msg, depth int) {
	if depth > 8 {
		return
	}
	_, cmd := m.Update(msg)
	runAll(m, cmd, depth+1)
}

func runAll(m *Root, cmd tea.Cmd, depth int) {
	if cmd == nil {
		return
	}
	switch msg := cmd().(type) {
	case nil, tea.QuitMsg:
	case tea.BatchMsg:
		for _, c := range msg {
			runAll(m, c, depth)
		}
	default:
		deliver(m, msg, depth)
	}
}

func typeText(m *Root, s string) {
	for _, r := range s {
		deliver(m, tea.KeyPressMsg{Code: r, Text: string(r)}, 0)
	}
}

func matrixOf(tb testing.TB, m *Root) *Matrix {
	tb.Helper()
	toScreen(tb, m, "Matrix")
	return m.screens[m.active].(*Matrix)
}

func detailID(m *Root) string {
	if m.detail == nil {
		return ""
	}
	return m.detail.s.ID
}

func TestMatrixUpdate(t *testing.T) {
	tests := []struct {
		name  string
		keys  []string
		check func(t *testing.T, m *Root, x *Matrix)
	}{
		{"opens on the first topic and the first party", nil, func(t *testing.T, m *Root, x *Matrix) {
			if x.row != 0 || x.col != 0 || len(x.rows) != 11 {
				t.Errorf("row %d col %d of %d rows", x.row, x.col, len(x.rows))
			}
		}},
		{"down and right move the cursor cell by cell", []string{"down", "down", "down", "down", "right", "right"}, func(t *testing.T, m *Root, x *Matrix) {
			if topic, party, pos := x.cell(); topic.ID != "ukraine-nato-membership" || party.ID != "nato" || pos == nil {
				t.Errorf("cursor on %v/%v (%v)", topic.ID, party.ID, pos)
			}
		}},
		{"right stops at the last party, up at the first topic", []string{"right", "right", "right", "right", "up"}, func(t *testing.T, m *Root, x *Matrix) {
			if x.col != 2 || x.row != 0 {
				t.Errorf("row %d col %d", x.row, x.col)
			}
		}},
		{"enter on a cell with one piece of evidence opens it", []string{"down", "down", "down", "down", "right", "right", "enter"}, func(t *testing.T, m *Root, x *Matrix) {
			if got := detailID(m); got != "nato-rejects-self-determination" {
				t.Errorf("detail = %q", got)
			}
		}},
		{"enter on a cell with several lists them; enter opens the chosen one", []string{"G", "right", "enter", "down", "enter"}, func(t *testing.T, m *Root, x *Matrix) {
			if got := detailID(m); got != "lavrov-contact-well-prepared" {
				t.Errorf("detail = %q", got)
			}
		}},
		{"esc leaves the statement, then the evidence list", []string{"G", "right", "enter", "enter", "esc"}, func(t *testing.T, m *Root, x *Matrix) {
			if m.detail != nil || x.evidence == nil || !strings.Contains(screen(m), "Evidence · RU") {
				t.Fatalf("detail %v, list %v", m.detail != nil, x.evidence != nil)
			}
			press(m, "esc")
			if x.evidence != nil || !strings.Contains(screen(m), "silent on") {
				t.Error("esc did not close the evidence list")
			}
		}},
		{"enter on silence says so and opens nothing", []string{"enter"}, func(t *testing.T, m *Root, x *Matrix) {
			if m.detail != nil || !strings.Contains(m.flash, "no stated position") {
				t.Errorf("detail %v, flash %q", m.detail != nil, m.flash)
			}
		}},
		{"space folds a parent and shows what is folded", []string{"space"}, func(t *testing.T, m *Root, x *Matrix) {
			if len(x.rows) != 6 || !x.rows[0].Collapsed || x.rows[0].HiddenN != 5 {
				t.Errorf("%d rows, first folded %v hiding %d", len(x.rows), x.rows[0].Collapsed, x.rows[0].HiddenN)
			}
			if !strings.Contains(screen(m), "▸ European security +5") {
				t.Error("the folded row does not say what it hides")
			}
		}},
		{"space twice unfolds", []string{"space", "c"}, func(t *testing.T, m *Root, x *Matrix) {
			if len(x.rows) != 11 {
				t.Errorf("%d rows", len(x.rows))
			}
		}},
		{"space on a leaf folds its parent and keeps the cursor on it", []string{"down", "down", "down", "down", "space"}, func(t *testing.T, m *Root, x *Matrix) {
			if x.rows[x.row].Topic.ID != "nato-expansion" || !x.rows[x.row].Collapsed {
				t.Errorf("cursor on %s", x.rows[x.row].Topic.ID)
			}
		}},
		{"z folds every parent, z again unfolds", []string{"z"}, func(t *testing.T, m *Root, x *Matrix) {
			if len(x.rows) != 4 {
				t.Errorf("%d rows folded", len(x.rows))
			}
			press(m, "z")
			if len(x.rows) != 11 {
				t.Errorf("%d rows unfolded", len(x.rows))
			}
		}},
		{"rows are marked in words, not colour alone", nil, func(t *testing.T, m *Root, x *Matrix) {
			s := screen(m)
			for _, want := range []string{"≠ conflict", "≈ partial", "~ open", "✓ support", "✗ oppose", "◐ conditional"} {
				if !strings.Contains(s, want) {
					t.Errorf("screen lacks %q", want)
				}
			}
		}},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			m := start(t, geneva(t), 100, 30, Options{Theme: "dark"})
			x := matrixOf(t, m)
			press(m, tc.keys...)
			tc.check(t, m, x)
		})
	}
}

func TestMatrixFitsNarrowScreens(t *testing.T) {
	m := start(t, fiveParties(t), 40, 16, Options{Theme: "dark"})
	x := matrixOf(t, m)
	press(m, "right", "right")
	if x.col != 2 || x.left != 2 {
		t.Errorf("col %d, first column shown %d", x.col, x.left)
	}
	checkFits(t, m.View().Content, 40, 16)
	if s := screen(m); !strings.Contains(s, "◂ Topic") || !strings.Contains(s, "VN") {
		t.Errorf("the scrolled matrix does not show where it is:\n%s", s)
	}
}

func TestMatrixFollowsCompareParties(t *testing.T) {
	d := fiveParties(t)
	m := start(t, d, 120, 30, Options{Theme: "dark"})
	runCmd(m, compareOf(m).setParties([]*data.Party{d.Party("thailand"), d.Party("keepers"), d.Party("china"), d.Party("japan")}))
	x := matrixOf(t, m)
	var ids []string
	for _, p := range x.shown {
		ids = append(ids, p.ID)
	}
	if !slices.Equal(ids, []string{"thailand", "keepers", "china", "japan"}) {
		t.Errorf("matrix shows %v", ids)
	}
}

// twoSources is a dossier with two sources: one statement anchored, one
// reported without an anchor, one in the second source.
const twoSources = `parley: 1
title: Two sources
sources:
  - id: a
    title: First report
    text: |
      The minister said "we will talk" and left.

      Nothing else happened.
  - id: b
    title: Second report
    text: |
      A spokesman said "no comment" today.
parties:
  - id: x
    name: Xland
topics:
  - id: talks
    title: Talks
statements:
  - id: will-talk
    kind: quote
    party: x
    text: we will talk
    source: a
  - id: left-room
    kind: reported
    party: x
    text: The minister left the room.
    source: a
  - id: no-comment
    kind: quote
    party: x
    text: no comment
    source: b
`

func parseDossier(tb testing.TB, src string) *data.Dossier {
	tb.Helper()
	d, _, err := data.Parse("inline.yaml", []byte(src), nil)
	if err != nil {
		tb.Fatalf("parsing the test dossier: %v", err)
	}
	return d
}

func sourceOf(tb testing.TB, m *Root) *Source {
	tb.Helper()
	toScreen(tb, m, "Source")
	return m.screens[m.active].(*Source)
}

func TestSourceUpdate(t *testing.T) {
	t.Run("tab and shift+tab step through statements, round the ends", func(t *testing.T) {
		m := start(t, geneva(t), 120, 40, Options{Theme: "dark"})
		s := sourceOf(t, m)
		n := len(s.text.Statements)
		press(m, "tab", "tab")
		if s.cur != 2 {
			t.Errorf("after two tabs cur = %d", s.cur)
		}
		press(m, "shift+tab", "shift+tab", "shift+tab")
		if s.cur != n-1 {
			t.Errorf("shift+tab from the first went to %d, want %d", s.cur, n-1)
		}
		press(m, "n")
		if s.cur != 0 {
			t.Errorf("n from the last went to %d", s.cur)
		}
	})
	t.Run("a statement far down is scrolled into view", func(t *testing.T) {
		m := start(t, geneva(t), 80, 24, Options{Theme: "dark"})
		s := sourceOf(t, m)
		press(m, "shift+tab")
		if at := s.statementAt(s.cur); !s.inView(at, s.textRows()) {
			t.Errorf("statement at %v, view from %v, %d rows", at, s.top, s.textRows())
		}
		if !strings.Contains(screen(m), "▶") {
			t.Error("the statement in focus is not marked")
		}
	})
	t.Run("enter opens the statement in focus", func(t *testing.T) {
		m := start(t, geneva(t), 120, 40, Options{Theme: "dark"})
		s := sourceOf(t, m)
		press(m, "tab", "enter")
		if got := detailID(m); got == "" || got != s.text.Statements[1].ID {
			t.Errorf("detail = %q", got)
		}
	})
	t.Run("a statement with no anchor is listed, never highlighted", func(t *testing.T) {
		m := start(t, parseDossier(t, twoSources), 100, 30, Options{Theme: "dark"})
		s := sourceOf(t, m)
		if s.text.Anchored != 1 || len(s.text.Statements) != 2 || s.text.Statements[1].ID != "left-room" {
			t.Fatalf("anchored %d of %d", s.text.Anchored, len(s.text.Statements))
		}
		for _, l := range s.text.Lines(s.textW) {
			for _, i := range l.Stmts {
				if i != 0 {
					t.Errorf("statement %d highlighted in the text", i)
				}
			}
		}
		out := screen(m)
		if !strings.Contains(out, "Not located in this source (1)") || !strings.Contains(out, "left-room: The minister left the room.") {
			t.Errorf("the unanchored statement is not listed:\n%s", out)
		}
		press(m, "tab")
		if !strings.Contains(screen(m), "kind: reported · not") {
			t.Errorf("the panel does not say the statement is not located:\n%s", screen(m))
		}
	})
	t.Run("] and [ choose the source", func(t *testing.T) {
		m := start(t, parseDossier(t, twoSources), 100, 30, Options{Theme: "dark"})
		s := sourceOf(t, m)
		press(m, "]")
		if s.src != 1 || !strings.Contains(screen(m), "◂ 2/2 ▸ Second report") {
			t.Errorf("src = %d:\n%s", s.src, screen(m))
		}
		press(m, "[")
		if s.src != 0 {
			t.Errorf("src = %d", s.src)
		}
	})
	t.Run("Show focuses a statement in its source", func(t *testing.T) {
		m := start(t, parseDossier(t, twoSources), 100, 30, Options{Theme: "dark"})
		s := sourceOf(t, m)
		if !s.ShowStatement("no-comment") || s.src != 1 || s.current().ID != "no-comment" {
			t.Errorf("src %d, current %v", s.src, s.current())
		}
	})
}

func TestTimelineUpdate(t *testing.T) {
	m := start(t, geneva(t), 120, 40, Options{Theme: "dark"})
	toScreen(t, m, "Timeline")
	out := screen(m)
	for _, want := range []string{"2022-01-21 · Friday", "◆ happened", "2022-01-24..2022-01-30", "◇ expected", "undated statements not shown"} {
		if !strings.Contains(out, want) {
			t.Errorf("timeline lacks %q", want)
		}
	}
	if strings.Index(out, "◆ happened") > strings.Index(out, "◇ expected") {
		t.Error("the expected event comes before the meeting")
	}
	press(m, "G", "enter")
	if got := detailID(m); got != "lavrov-written-response-next-week" {
		t.Errorf("enter on the expected event opened %q", got)
	}
	press(m, "esc", "g", "down", "enter")
	if got := detailID(m); got != "lavrov-written-response-next-week" {
		t.Errorf("enter on the first statement opened %q", got)
	}
}

func TestExportPrompt(t *testing.T) {
	t.Chdir(t.TempDir())
	name := "blinken-lavrov-talks-in-geneva-compare-security-guarantees.md"

	t.Run("e suggests a name and enter writes the comparison", func(t *testing.T) {
		m := start(t, geneva(t), 120, 30, Options{Theme: "dark"})
		drive(m, "e")
		if !strings.Contains(screen(m), "export to: "+name) {
			t.Fatalf("no prompt with the default name:\n%s", screen(m))
		}
		drive(m, "enter")
		b, err := os.ReadFile(name)
		if err != nil || !strings.HasPrefix(string(b), "# Comparison: United States, Russia, NATO") {
			t.Fatalf("file: %v\n%s", err, b)
		}
		if !strings.Contains(screen(m), "exported to "+name) {
			t.Error("no notice that the file was written")
		}
	})
	t.Run("an existing file is kept unless the user says y", func(t *testing.T) {
		if err := os.WriteFile("brief.md", []byte("old"), 0o644); err != nil {
			t.Fatal(err)
		}
		m := start(t, geneva(t), 120, 30, Options{Theme: "dark"})
		toScreen(t, m, "Timeline")
		drive(m, "e", "ctrl+u")
		typeText(m, "brief")
		drive(m, "enter")
		if !strings.Contains(screen(m), "brief.md exists. Overwrite? y/n") {
			t.Fatalf("no overwrite question:\n%s", screen(m))
		}
		drive(m, "n")
		if b, _ := os.ReadFile("brief.md"); string(b) != "old" {
			t.Fatalf("n overwrote the file: %q", b)
		}
		if !strings.Contains(screen(m), "export to: brief") {
			t.Fatal("n did not go back to the name")
		}
		drive(m, "enter", "y")
		if b, _ := os.ReadFile("brief.md"); !strings.HasPrefix(string(b), "# Timeline") {
			t.Errorf("y did not overwrite: %q", b)
		}
	})
	t.Run("the document is made when the name is given, of what was on screen at e", func(t *testing.T) {
		m := start(t, geneva(t), 120, 30, Options{Theme: "dark"})
		toScreen(t, m, "Timeline")
		drive(m, "e", "ctrl+u")
		if m.export.render == nil || m.export.doc != nil {
			t.Fatal("e made the document before a name was given")
		}
		typeText(m, "later")
		// A click on another tab while the name is typed changes the
		// screen, not what is exported.
		m.Update(tea.MouseClickMsg{X: m.tabSpans[0].Start, Y: 0, Button: tea.MouseLeft})
		if m.active != 0 {
			t.Fatal("the click on the first tab did not switch screens")
		}
		drive(m, "enter")
		if b, err := os.ReadFile("later.md"); err != nil || !strings.HasPrefix(string(b), "# Timeline") {
			t.Fatalf("file: %v %.60q", err, b)
		}
	})
	t.Run("typing q in the name does not quit, esc cancels", func(t *testing.T) {
		m := start(t, geneva(t), 120, 30, Options{Theme: "dark"})
		drive(m, "e")
		_, cmd := m.Update(keyMsg("q"))
		if cmd != nil {
			if _, quit := cmd().(tea.QuitMsg); quit {
				t.Fatal("q quit while typing a file name")
			}
		}
		deliver(m, tea.PasteMsg{Content: "-pasted"}, 0)
		if !strings.Contains(screen(m), "q-pasted") {
			t.Errorf("a paste did not reach the name:\n%s", screen(m))
		}
		drive(m, "esc")
		if m.export.stage != exportIdle || !strings.Contains(screen(m), "export cancelled") {
			t.Error("esc did not cancel")
		}
		entries, _ := os.ReadDir(".")
		for _, e := range entries {
			if strings.HasSuffix(e.Name(), "q") || strings.Contains(e.Name(), ".mdq") {
				t.Errorf("a cancelled export wrote %s", e.Name())
			}
		}
	})
	t.Run("each screen exports what it shows", func(t *testing.T) {
		for _, tc := range []struct{ screen, keys, heading string }{
			{"Demands", "", "# Demand: RU → US, West"},
			{"Matrix", "", "# Stance matrix: United States, Russia, NATO"},
			{"Source", "", "# Source: Report on the Blinken"},
		} {
			m := start(t, geneva(t), 120, 30, Options{Theme: "dark"})
			toScreen(t, m, tc.screen)
			drive(m, "e", "ctrl+u")
			typeText(m, strings.ToLower(tc.screen))
			drive(m, "enter")
			b, err := os.ReadFile(filepath.Join(".", strings.ToLower(tc.screen)+".md"))
			if err != nil || !strings.HasPrefix(string(b), tc.heading) {
				t.Errorf("%s: %v %.60q", tc.screen, err, b)
			}
		}
	})
	t.Run("nothing to export while picking parties", func(t *testing.T) {
		m := start(t, geneva(t), 120, 30, Options{Theme: "dark"})
		drive(m, "p", "e")
		if m.export.stage != exportIdle || !strings.Contains(m.flash, "nothing to export") {
			t.Errorf("stage %d flash %q", m.export.stage, m.flash)
		}
	})
}

// A dossier with next to nothing in it: every key, click and wheel on the
// analysis screens leaves a frame of the right size and no panic.
func TestAnalysisScreensOnAnEmptyDossier(t *testing.T) {
	d := parseDossier(t, "parley: 1\ntitle: Nothing yet\nparties:\n  - id: a\n    name: A\n")
	keys := []string{"down", "up", "left", "right", "tab", "shift+tab", "enter", "space", "z", "[", "]", "pgdown", "G", "g", "esc"}
	for _, title := range []string{"Matrix", "Source", "Timeline"} {
		for _, size := range [][2]int{{40, 10}, {80, 24}} {
			m := start(t, d, size[0], size[1], Options{Theme: "dark"})
			toScreen(t, m, title)
			press(m, keys...)
			send(m, tea.MouseClickMsg{X: 5, Y: 5, Button: tea.MouseLeft})
			send(m, tea.MouseWheelMsg{X: size[0] - 3, Y: 5, Button: tea.MouseWheelDown})
			checkFits(t, m.View().Content, size[0], size[1])
		}
	}
}

func TestMatrixAllParties(t *testing.T) {
	d := fiveParties(t)
	m := start(t, d, 80, 24, Options{Theme: "dark"})
	x := matrixOf(t, m)
	press(m, "a")
	if len(x.shown) != len(d.Parties) || !strings.Contains(screen(m), "6 parties (all)") {
		t.Fatalf("a shows %d parties:\n%s", len(x.shown), screen(m))
	}
	press(m, "right", "right", "right", "right", "right")
	checkFits(t, m.View().Content, 80, 24)
	if x.col != 5 || !strings.Contains(screen(m), "JP") {
		t.Errorf("the last party is not scrolled into view:\n%s", screen(m))
	}
	press(m, "a")
	if len(x.shown) != 3 || x.col != 2 {
		t.Errorf("a again shows %d parties, cursor on %d", len(x.shown), x.col)
	}
}

// The Quotes screen's results export as a brief of the statements found.
func TestExportSearchResults(t *testing.T) {
	s := newTestSearch(t)
	if _, _, ok := s.ExportMarkdown(); ok {
		t.Error("an empty search exports")
	}
	cmds := typeInto(s, "written response")
	runSearch(s, cmds[len(cmds)-1])
	slug, render, ok := s.ExportMarkdown()
	var md []byte
	if ok {
		md = render()
	}
	if !ok || slug != "quotes-written response" || !strings.HasPrefix(string(md), "# Quotes: written response") || !strings.Contains(string(md), "next week") {
		t.Errorf("ok %v, slug %q:\n%s", ok, slug, md)
	}
	if got := defaultExportName(s.d, slug); got != "blinken-lavrov-talks-in-geneva-quotes-written-response.md" {
		t.Errorf("default name %q", got)
	}
}
