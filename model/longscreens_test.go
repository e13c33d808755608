package model

import (
	"fmt"
	"image/color"
	"math/rand/v2"
	"strings"
	"testing"

	tea "charm.land/bubbletea/v2"
	"github.com/charmbracelet/x/ansi"

	"github.com/parley-dev/parley/data"
	"github.com/parley-dev/parley/views"
)

// tallTimeline is a dossier whose timeline has items far taller than a
// small pane: one statement of some 1 500 characters between short ones,
// over three days, and an undated one.
func tallTimeline(tb testing.TB) *data.Dossier {
	tb.Helper()
	long := strings.TrimSpace(strings.Repeat("The delegation repeated its position at great length. ", 28))
	return parseDossier(tb, `parley: 1
title: Tall
parties:
  - {id: x, name: Xland}
  - {id: y, name: Yland}
events:
  - {date: 2024-01-01, title: Talks open}
  - {date: 2024-01-03..2024-01-09, title: An answer expected, status: expected}
statements:
  - {id: s1, kind: reported, party: x, text: First short one, date: 2024-01-01}
  - {id: s2, kind: reported, party: y, text: "`+long+`", date: 2024-01-01}
  - {id: s3, kind: reported, party: x, text: Second short one, date: 2024-01-02}
  - {id: s4, kind: reported, party: y, text: Third short one, date: 2024-01-02}
  - {id: s5, kind: reported, party: x, text: No date}
`)
}

// oracleTimeline is the timeline laid out whole with the scroller every
// other pane uses: what the Timeline did before it laid out only the
// screen, and must still do.
type oracleTimeline struct {
	c    *views.Content
	s    scroller
	rows int
}

func newOracleTimeline(d *data.Dossier, w, h int, t *views.Theme) *oracleTimeline {
	c := views.TimelineContent(d, views.PaneInner(w), t)
	o := &oracleTimeline{c: c, s: newScroller(c), rows: views.PaneRows(h)}
	o.s.clamp(c, o.rows)
	return o
}

// The Timeline laid out a screen at a time shows what the whole layout
// with the shared scroller shows, line for line and selection for
// selection, through random keys, wheels and clicks.
func TestTimelineMatchesTheWholeLayout(t *testing.T) {
	keys := []string{"down", "down", "down", "up", "up", "pgdown", "pgup", "home", "end", "wheeldown", "wheelup", "click"}
	for _, tc := range []struct {
		name string
		d    *data.Dossier
	}{{"geneva", geneva(t)}, {"five-parties", fiveParties(t)}, {"tall", tallTimeline(t)}, {"generated", generatedN(t, 400)}} {
		for _, size := range [][2]int{{40, 6}, {60, 12}, {80, 24}, {200, 60}} {
			t.Run(fmt.Sprintf("%s/%dx%d", tc.name, size[0], size[1]), func(t *testing.T) {
				w, h := size[0], size[1]
				theme := views.NewTheme(tc.d, true, false)
				m := NewTimeline(tc.d, newKeyMap(), theme)
				m.SetSize(w, h)
				o := newOracleTimeline(tc.d, w, h, theme)
				r := rand.New(rand.NewPCG(uint64(w), uint64(h)))
				var done []string
				for range 400 {
					k := keys[r.IntN(len(keys))]
					switch k {
					case "wheeldown", "wheelup":
						b, n := tea.MouseWheelDown, 3
						if k == "wheelup" {
							b, n = tea.MouseWheelUp, -3
						}
						m.Update(tea.MouseWheelMsg{Button: b, Y: 2})
						o.s.scroll(o.c, n, o.rows)
					case "click":
						y := r.IntN(o.rows + 2)
						k = fmt.Sprintf("click %d", y)
						m.Update(tea.MouseClickMsg{Button: tea.MouseLeft, Y: y})
						if b := o.c.BlockAt(y - 1 + o.s.offset); y >= 1 && y <= o.rows && b >= 0 {
							o.s.sel = b
						}
					default:
						m.Update(keyMsg(k))
						o.s.navigate(m.keys, keyName(keyMsg(k).String()), o.c, o.rows)
					}
					done = append(done, k)
					got := paneBody(m.View())
					want := paneBody(theme.Render(views.Pane{Title: "Timeline", Content: o.c, Offset: o.s.offset,
						Focused: true, Mark: o.s.sel, Width: w, Height: h}))
					if got != want || m.sel != o.s.sel {
						t.Fatalf("after %v: selection %d, whole layout %d; shows\n%s\nwhole layout shows\n%s",
							done, m.sel, o.s.sel, got, want)
					}
				}
			})
		}
	}
}

// paneBody is a pane drawn without its top and bottom borders (the
// title and the scroll position are told differently now).
func paneBody(pane string) string {
	lines := strings.Split(ansi.Strip(pane), "\n")
	if len(lines) < 2 {
		return ""
	}
	return strings.Join(lines[1:len(lines)-1], "\n")
}

func timelineOf(tb testing.TB, m *Root) *Timeline {
	tb.Helper()
	toScreen(tb, m, "Timeline")
	return m.screens[m.active].(*Timeline)
}

// selectedID is the statement of the selected item, or the title of an
// event.
func selectedID(tl *Timeline) string {
	it := tl.items[tl.sel]
	if it.Event != nil {
		return it.Event.Title
	}
	return it.Statement.ID
}

func TestTimelineScrolling(t *testing.T) {
	// At 60×12 the pane shows 8 lines of 56 cells: the long statement
	// takes 1 + 27 lines.
	const w, h = 60, 12
	rows := views.PaneRows(h - 2)
	t.Run("down walks a tall item line by line, then goes on to the next", func(t *testing.T) {
		m := start(t, tallTimeline(t), w, h, Options{Theme: "dark"})
		tl := timelineOf(t, m)
		press(m, "down", "down")
		if selectedID(tl) != "s2" || tl.top != (vpos{2, 0}) {
			t.Fatalf("on %s from %v, want s2 from its top", selectedID(tl), tl.top)
		}
		tall := len(tl.unit(2).Lines)
		for i := 1; i <= tall-rows; i++ {
			press(m, "down")
			if selectedID(tl) != "s2" || tl.top != (vpos{2, i}) {
				t.Fatalf("down %d: on %s from %v", i, selectedID(tl), tl.top)
			}
		}
		press(m, "down")
		if selectedID(tl) != "s3" {
			t.Fatalf("after the tall item's end, down selected %s", selectedID(tl))
		}
		// The tall item's last line was at the bottom; the next one is
		// scrolled just into view.
		if s, e := tl.span(tl.sel, rows); e != rows || s >= rows {
			t.Errorf("next item at %d–%d of %d rows", s, e, rows)
		}
		press(m, "up")
		if selectedID(tl) != "s2" {
			t.Fatalf("up went to %s", selectedID(tl))
		}
		if s, e := tl.span(tl.sel, rows); e != rows || s >= 0 {
			t.Errorf("going up, the tall item is shown from its bottom: %d–%d", s, e)
		}
		press(m, "up")
		if selectedID(tl) != "s2" || tl.end(tl.sel, rows) != rows+1 {
			t.Errorf("up on a tall item scrolls it a line: %s ends at %d", selectedID(tl), tl.end(tl.sel, rows))
		}
	})
	t.Run("pgdown and pgup move a page less a line", func(t *testing.T) {
		m := start(t, tallTimeline(t), w, h, Options{Theme: "dark"})
		tl := timelineOf(t, m)
		press(m, "pgdown")
		if d, ok := distance(tl, vpos{}, tl.top, 100); !ok || d != rows-1 {
			t.Errorf("pgdown went %d lines, want %d", d, rows-1)
		}
		if !tl.visible(tl.sel, rows) {
			t.Error("the selection did not follow into view")
		}
		press(m, "pgdown", "pgup")
		if d, _ := distance(tl, vpos{}, tl.top, 100); d != rows-1 {
			t.Errorf("pgdown, pgup: at line %d, want %d", d, rows-1)
		}
	})
	t.Run("end selects the last item and shows the end; home goes back", func(t *testing.T) {
		m := start(t, tallTimeline(t), w, h, Options{Theme: "dark"})
		tl := timelineOf(t, m)
		press(m, "end")
		if selectedID(tl) != "An answer expected" {
			t.Errorf("end selected %s", selectedID(tl))
		}
		out := screen(m)
		if !strings.Contains(out, "1 undated statement not shown") || !strings.Contains(out, "▌  ◇ expected An answer expected") {
			t.Errorf("end does not show the end:\n%s", out)
		}
		if _, rest := forward(tl, tl.top, rows+1); rest != rows {
			t.Errorf("end leaves %d lines below the top, want a full pane of %d", rest, rows)
		}
		press(m, "home")
		if tl.top != (vpos{}) || tl.sel != 0 {
			t.Errorf("home: %v, selection %d", tl.top, tl.sel)
		}
	})
	t.Run("a click selects an item, a second click opens it", func(t *testing.T) {
		m := start(t, tallTimeline(t), 80, 30, Options{Theme: "dark"})
		tl := timelineOf(t, m)
		// Row 1 of the screen is the pane's border; the first day's
		// heading is on row 2, the event on row 3, s1's speaker on row 4.
		send(m, tea.MouseClickMsg{Button: tea.MouseLeft, Y: 2})
		if tl.sel != 0 {
			t.Errorf("a click on a heading selected %d", tl.sel)
		}
		send(m, tea.MouseClickMsg{Button: tea.MouseLeft, Y: 5})
		if selectedID(tl) != "s1" || detailID(m) != "" {
			t.Fatalf("click selected %s, detail %q", selectedID(tl), detailID(m))
		}
		send(m, tea.MouseClickMsg{Button: tea.MouseLeft, Y: 4})
		if detailID(m) != "s1" {
			t.Errorf("a second click opened %q", detailID(m))
		}
	})
	t.Run("a resize keeps the selected item in view", func(t *testing.T) {
		m := start(t, tallTimeline(t), 80, 40, Options{Theme: "dark"})
		tl := timelineOf(t, m)
		press(m, "end")
		for _, size := range [][2]int{{80, 12}, {40, 8}, {200, 60}, {41, 9}, {120, 10}} {
			resize(m, size[0], size[1])
			if !tl.visible(tl.sel, tl.rows()) || selectedID(tl) != "An answer expected" {
				t.Errorf("at %dx%d: %s at %d–%d", size[0], size[1], selectedID(tl), tl.start(tl.sel, tl.rows()), tl.end(tl.sel, tl.rows()))
			}
		}
		press(m, "home", "down", "down") // the tall one, from its top
		resize(m, 40, 10)
		s, e := tl.span(tl.sel, tl.rows())
		if selectedID(tl) != "s2" || e <= 0 || s >= tl.rows() {
			t.Errorf("narrower: %s at %d–%d", selectedID(tl), s, e)
		}
	})
	t.Run("the title says which items are in view", func(t *testing.T) {
		m := start(t, tallTimeline(t), w, h, Options{Theme: "dark"})
		timelineOf(t, m)
		if out := screen(m); !strings.Contains(out, "Timeline · items 1–3 of 6") {
			t.Errorf("title:\n%s", out)
		}
		m = start(t, tallTimeline(t), 200, 60, Options{Theme: "dark"})
		timelineOf(t, m)
		if out := screen(m); !strings.Contains(out, "━ Timeline ━") {
			t.Errorf("a timeline that fits has a plain title:\n%s", out)
		}
	})
}

// oracleSource is the source laid out whole with an offset in lines:
// what the Source did before it laid out only the screen.
type oracleSource struct {
	lines  []views.SourceLine
	first  []int
	offset int
	cur    int
}

func newOracleSource(m *Source) *oracleSource {
	o := &oracleSource{cur: m.cur}
	starts := map[int]int{}
	for i := range m.text.Units() {
		starts[i] = len(o.lines)
		o.lines = append(o.lines, m.text.Unit(i, m.textW)...)
	}
	for k := range m.text.Statements {
		u, l := m.text.StatementUnit(k, m.textW)
		o.first = append(o.first, starts[u]+l)
	}
	return o
}

func (o *oracleSource) scroll(n, rows int) {
	o.offset = views.ClampOffset(o.offset+n, len(o.lines), rows)
}

func (o *oracleSource) step(n, rows int) {
	k := len(o.first)
	if k == 0 {
		return
	}
	o.cur = ((o.cur+n)%k + k) % k
	if line := o.first[o.cur]; line < o.offset || line >= o.offset+rows {
		o.offset = line - rows/3
	}
	o.scroll(0, rows)
}

// The Source laid out a paragraph at a time shows what the whole layout
// showed, line for line, through random moves, statement steps and
// clicks.
func TestSourceMatchesTheWholeLayout(t *testing.T) {
	keys := []string{"j", "k", "pgdown", "pgup", "home", "end", "tab", "shift+tab", "wheeldown", "wheelup", "click"}
	for _, tc := range []struct {
		name string
		d    *data.Dossier
	}{{"geneva", geneva(t)}, {"five-parties", fiveParties(t)}, {"two-sources", parseDossier(t, twoSources)}, {"generated", generatedN(t, 300)}} {
		for _, size := range [][2]int{{40, 12}, {71, 20}, {80, 24}, {200, 60}} {
			t.Run(fmt.Sprintf("%s/%dx%d", tc.name, size[0], size[1]), func(t *testing.T) {
				w, h := size[0], size[1]
				theme := views.NewTheme(tc.d, true, false)
				m := NewSource(tc.d, newKeyMap(), theme)
				m.SetSize(w, h)
				o := newOracleSource(m)
				rows := m.textRows()
				r := rand.New(rand.NewPCG(uint64(w), uint64(h)))
				var done []string
				for range 300 {
					k := keys[r.IntN(len(keys))]
					switch k {
					case "wheeldown", "wheelup":
						b, n := tea.MouseWheelDown, 3
						if k == "wheelup" {
							b, n = tea.MouseWheelUp, -3
						}
						m.Update(tea.MouseWheelMsg{Button: b, Y: 3})
						o.scroll(n, rows)
					case "click":
						y := r.IntN(rows + 3)
						k = fmt.Sprintf("click %d", y)
						m.Update(tea.MouseClickMsg{Button: tea.MouseLeft, Y: y})
						if row := y - 2; row >= 0 && row < rows && o.offset+row < len(o.lines) {
							l := o.lines[o.offset+row]
							i := l.Listed
							if len(l.Stmts) > 0 {
								i = l.Stmts[0]
								for _, s := range l.Stmts {
									if s == o.cur {
										i = s
									}
								}
							}
							if i >= 0 {
								o.cur = i
							}
						}
					case "j", "k", "pgdown", "pgup":
						m.Update(keyMsg(k))
						o.scroll(map[string]int{"j": 1, "k": -1, "pgdown": max(rows-1, 1), "pgup": -max(rows-1, 1)}[k], rows)
					case "home":
						m.Update(keyMsg(k))
						o.offset = 0
					case "end":
						m.Update(keyMsg(k))
						o.scroll(1<<30, rows)
					case "tab", "shift+tab":
						m.Update(keyMsg(k))
						o.step(map[string]int{"tab": 1, "shift+tab": -1}[k], rows)
					}
					done = append(done, k)
					got, _ := m.window(rows)
					want := o.lines[o.offset:min(o.offset+rows, len(o.lines))]
					if fmt.Sprint(got) != fmt.Sprint(want) || m.cur != o.cur {
						t.Fatalf("after %v: focus %d, whole layout %d; lines\n%v\nwhole layout\n%v", done, m.cur, o.cur, got, want)
					}
				}
			})
		}
	}
}

func TestSourceScrolling(t *testing.T) {
	t.Run("a resize keeps the paragraph read and the statement in focus in view", func(t *testing.T) {
		m := start(t, geneva(t), 120, 30, Options{Theme: "dark"})
		s := sourceOf(t, m)
		press(m, "tab", "tab", "tab", "tab", "tab", "tab")
		for _, size := range [][2]int{{80, 24}, {200, 60}, {60, 14}, {121, 30}} {
			resize(m, size[0], size[1])
			if !s.inView(s.statementAt(s.cur), s.textRows()) {
				t.Errorf("at %dx%d statement %d is out of view (from %v)", size[0], size[1], s.cur, s.top)
			}
		}
	})
	t.Run("end shows the list of statements not located, home the first paragraph", func(t *testing.T) {
		m := start(t, parseDossier(t, twoSources), 80, 14, Options{Theme: "dark"})
		s := sourceOf(t, m)
		press(m, "end")
		out := screen(m)
		if !strings.Contains(out, "left-room: The minister left the room.") {
			t.Errorf("end:\n%s", out)
		}
		if _, rest := forward(s, s.top, s.textRows()+1); rest != min(s.textRows(), len(s.text.Lines(s.textW))) {
			t.Errorf("end leaves %d lines", rest)
		}
		press(m, "home")
		if s.top != (vpos{}) || !strings.Contains(screen(m), `1 ▶The minister said "we will talk"`) {
			t.Errorf("home: %v\n%s", s.top, screen(m))
		}
	})
	t.Run("the title says which paragraphs and entries are in view", func(t *testing.T) {
		m := start(t, geneva(t), 80, 24, Options{Theme: "dark"})
		sourceOf(t, m)
		if out := screen(m); !strings.Contains(out, "Text · ¶1–4 of 12") {
			t.Errorf("title:\n%s", out)
		}
		m = start(t, generatedN(t, 300), 80, 24, Options{Theme: "dark"})
		sourceOf(t, m)
		press(m, "pgdown")
		if out := screen(m); !strings.Contains(out, "Text · not located ") || !strings.Contains(out, "of 300 ━") {
			t.Errorf("title:\n%s", out)
		}
	})
	t.Run("a click on a line of the list focuses its statement, a second opens it", func(t *testing.T) {
		m := start(t, parseDossier(t, twoSources), 100, 30, Options{Theme: "dark"})
		s := sourceOf(t, m)
		y := -1
		for i, l := range strings.Split(screen(m), "\n") {
			if strings.Contains(l, "left-room:") {
				y = i
			}
		}
		send(m, tea.MouseClickMsg{Button: tea.MouseLeft, X: 10, Y: y})
		if s.current().ID != "left-room" || detailID(m) != "" {
			t.Fatalf("focus %s, detail %q", s.current().ID, detailID(m))
		}
		send(m, tea.MouseClickMsg{Button: tea.MouseLeft, X: 10, Y: y})
		if detailID(m) != "left-room" {
			t.Errorf("detail %q", detailID(m))
		}
	})
}

func TestShowInSource(t *testing.T) {
	t.Run("s in a statement's detail shows it in its source", func(t *testing.T) {
		m := start(t, parseDossier(t, twoSources), 100, 30, Options{Theme: "dark"})
		deliver(m, OpenStatementMsg{ID: "no-comment"}, 0)
		drive(m, "s")
		src, ok := m.screens[m.active].(*Source)
		if !ok || m.detail != nil {
			t.Fatalf("s left the explorer on %s, detail %v", m.screens[m.active].Title(), m.detail != nil)
		}
		if src.src != 1 || src.current().ID != "no-comment" || !src.inView(src.statementAt(src.cur), src.textRows()) {
			t.Errorf("source %d, focus %s", src.src, src.current().ID)
		}
		if out := screen(m); !strings.Contains(out, "◂ 2/2 ▸ Second report") || !strings.Contains(out, "▶") {
			t.Errorf("screen:\n%s", out)
		}
	})
	t.Run("far down a long source, the statement is scrolled into view", func(t *testing.T) {
		m := start(t, geneva(t), 80, 24, Options{Theme: "dark"})
		src := sourceOf(t, m)
		last := src.text.Statements[src.text.Anchored-1]
		toScreen(t, m, "Compare")
		deliver(m, OpenStatementMsg{ID: last.ID}, 0)
		drive(m, "s")
		if m.screens[m.active] != Screen(src) || src.current() != last || !src.inView(src.statementAt(src.cur), src.textRows()) {
			t.Errorf("focus %v from %v", src.current().ID, src.top)
		}
	})
	t.Run("a statement from no source stays in its detail and says so", func(t *testing.T) {
		d := parseDossier(t, `parley: 1
title: No source
parties:
  - {id: x, name: Xland}
statements:
  - {id: said, kind: reported, party: x, text: Something was said}
`)
		m := start(t, d, 100, 30, Options{Theme: "dark"})
		deliver(m, OpenStatementMsg{ID: "said"}, 0)
		drive(m, "s")
		if detailID(m) != "said" || !strings.Contains(screen(m), "not taken from a source") {
			t.Errorf("detail %q:\n%s", detailID(m), screen(m))
		}
	})
	t.Run("the detail's full help lists it", func(t *testing.T) {
		m := start(t, geneva(t), 120, 40, Options{Theme: "dark"})
		deliver(m, OpenStatementMsg{ID: "lavrov-written-response-next-week"}, 0)
		drive(m, "?")
		if !strings.Contains(screen(m), "show in source") {
			t.Errorf("help:\n%s", screen(m))
		}
	})
}

// The terminal's background arrives at start and every screen takes the
// theme; the Timeline and the Source, not shown yet, wait for their first
// size instead of sorting or scanning a large dossier, and then draw in
// the new theme as if they had been there all along.
func TestThemeAtStartLeavesHiddenScreensAlone(t *testing.T) {
	d := geneva(t)
	m := start(t, d, 120, 40, Options{})
	m.Update(tea.BackgroundColorMsg{Color: color.White})
	var tl *Timeline
	var src *Source
	for _, s := range m.screens {
		switch s := s.(type) {
		case *Timeline:
			tl = s
		case *Source:
			src = s
		}
	}
	if tl.sorted || src.text != nil {
		t.Fatalf("hidden screens laid out on the theme: timeline %v, source %v", tl.sorted, src.text != nil)
	}
	for _, title := range []string{"Timeline", "Source"} {
		toScreen(t, m, title)
		got := m.View().Content
		fresh := start(t, d, 120, 40, Options{Theme: "light"})
		toScreen(t, fresh, title)
		if want := fresh.View().Content; got != want {
			t.Errorf("%s after a theme at start differs from one started light:\n%s\n%s", title, ansi.Strip(got), ansi.Strip(want))
		}
	}
	press(m, "end")
	m.Update(tea.BackgroundColorMsg{Color: color.Black})
	fresh := start(t, d, 120, 40, Options{Theme: "dark"})
	toScreen(t, fresh, "Source")
	press(fresh, "end")
	if got, want := m.View().Content, fresh.View().Content; got != want {
		t.Errorf("the Source shown takes the theme at once:\n%q\n%q", got, want)
	}
}
