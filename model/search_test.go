package model

import (
	"bytes"
	"strings"
	"testing"
	"time"

	tea "charm.land/bubbletea/v2"
	"github.com/charmbracelet/x/ansi"
	"github.com/parley-dev/parley/data/search"
	"github.com/parley-dev/parley/data/synth"
	"github.com/parley-dev/parley/views"
)

func newTestSearch(tb testing.TB) *Search {
	d := geneva(tb)
	s := NewSearch(d, search.New(d), newKeyMap(), views.NewTheme(d, true, false))
	s.SetSize(100, 30)
	return s
}

func typeInto(s *Search, text string) []tea.Cmd {
	var cmds []tea.Cmd
	for _, r := range text {
		cmds = append(cmds, s.Update(tea.KeyPressMsg{Code: r, Text: string(r)}))
	}
	return cmds
}

// runSearch runs a command and, if it is a search, hands its answer back.
func runSearch(s *Search, cmd tea.Cmd) {
	if cmd == nil {
		return
	}
	switch msg := cmd().(type) {
	case tea.BatchMsg:
		for _, c := range msg {
			runSearch(s, c)
		}
	case searchResultMsg:
		s.Update(msg)
	}
}

func TestSearchDropsStaleAnswers(t *testing.T) {
	s := newTestSearch(t)
	cmds := typeInto(s, "inva")
	// The answer to "inv" arrives after the one to "inva": it is dropped.
	runSearch(s, cmds[3])
	if got := s.Results(); got == nil || got.Query.Raw != "inva" {
		t.Fatalf("results for %v, want inva", got)
	}
	runSearch(s, cmds[2])
	if got := s.Results().Query.Raw; got != "inva" {
		t.Fatalf("a stale answer replaced the results: %q", got)
	}
	if !strings.Contains(ansi.Strip(s.View()), "invasion") {
		t.Fatalf("no hit shown:\n%s", ansi.Strip(s.View()))
	}
}

func TestSearchExplainsBadQueriesInline(t *testing.T) {
	s := newTestSearch(t)
	for _, c := range typeInto(s, "party:mars nato") {
		runSearch(s, c)
	}
	view := ansi.Strip(s.View())
	if !strings.Contains(view, `no party "mars"`) {
		t.Fatalf("no explanation:\n%s", view)
	}
}

func TestSearchViewFitsAnySize(t *testing.T) {
	s := newTestSearch(t)
	for _, c := range typeInto(s, "russia nato") {
		runSearch(s, c)
	}
	for _, size := range [][2]int{{40, 8}, {80, 24}, {133, 41}, {200, 60}} {
		s.SetSize(size[0], size[1])
		lines := strings.Split(s.View(), "\n")
		if len(lines) != size[1] {
			t.Errorf("%v: %d lines", size, len(lines))
		}
		for i, l := range lines {
			if w := ansi.StringWidth(l); w > size[0] {
				t.Errorf("%v: line %d is %d wide", size, i, w)
			}
		}
	}
}

// searchHarness runs the Quotes screen alone, the way the root would.
type searchHarness struct {
	s      *Search
	opened string
}

func (h *searchHarness) Init() tea.Cmd { return nil }

func (h *searchHarness) Update(msg tea.Msg) (tea.Model, tea.Cmd) {
	switch msg := msg.(type) {
	case tea.WindowSizeMsg:
		h.s.SetSize(msg.Width, msg.Height)
		return h, nil
	case OpenStatementMsg:
		h.opened = msg.ID
		return h, tea.Quit
	case GoBackMsg:
		return h, tea.Quit
	case probeMsg:
		msg.view <- ansi.Strip(h.s.View())
		return h, nil
	}
	return h, h.s.Update(msg)
}

func (h *searchHarness) View() tea.View { return tea.NewView(h.s.View()) }

// TestSearchFlowTypeResultsEnterOpens runs the screen in a real Bubble Tea
// program (what teatest does, without the dependency): keys arrive one by
// one, searches run as commands, results update, enter opens the statement.
func TestSearchFlowTypeResultsEnterOpens(t *testing.T) {
	h := &searchHarness{s: newTestSearch(t)}
	var out bytes.Buffer
	p := tea.NewProgram(h, tea.WithInput(nil), tea.WithOutput(&out), tea.WithWindowSize(100, 30))
	done := make(chan tea.Model, 1)
	go func() {
		m, err := p.Run()
		if err != nil {
			t.Error(err)
		}
		done <- m
	}()
	for _, r := range "invasion" {
		p.Send(tea.KeyPressMsg{Code: r, Text: string(r)})
	}
	// Wait until the results for the whole word are on screen.
	deadline := time.Now().Add(5 * time.Second)
	for {
		got := make(chan string, 1)
		p.Send(probeMsg{got})
		if v := <-got; strings.Contains(v, "2 statements match") {
			break
		}
		if time.Now().After(deadline) {
			t.Fatal("the results never showed")
		}
		time.Sleep(10 * time.Millisecond)
	}
	p.Send(tea.KeyPressMsg{Code: tea.KeyEnter})
	select {
	case <-done:
	case <-time.After(5 * time.Second):
		p.Kill()
		t.Fatal("enter did not open a statement")
	}
	want := h.s.Results().Hits[0].Statement
	if h.opened != want.ID || !strings.Contains(strings.ToLower(want.Text), "invasion") {
		t.Fatalf("enter opened %q, want %q", h.opened, want.ID)
	}
}

// probeMsg asks the harness, inside the program's loop, for the screen.
type probeMsg struct{ view chan string }

func TestSearchIndexCmdReportsProgressThenTheIndex(t *testing.T) {
	d := geneva(t)
	s := NewSearch(d, nil, newKeyMap(), views.NewTheme(d, true, false))
	s.SetSize(80, 20)
	typeInto(s, "invasion")
	if v := ansi.Strip(s.View()); !strings.Contains(v, "indexing") {
		t.Fatalf("no indexing notice:\n%s", v)
	}
	cmd := SearchIndexCmd(d)
	for i := 0; cmd != nil && i < 1000; i++ {
		msg := cmd()
		cmd = s.Update(msg)
		if _, ok := msg.(SearchIndexMsg); ok {
			runSearch(s, cmd)
			break
		}
	}
	if r := s.Results(); r == nil || r.Total != 2 {
		t.Fatalf("after indexing: %+v", r)
	}
}

// The first open of a large dossier (search.Open with no cache): the Quotes
// screen shows the background build's progress, and the query typed
// meanwhile is answered the moment the index is ready.
func TestPendingIndexCmdReportsProgressThenTheIndex(t *testing.T) {
	t.Setenv("XDG_CACHE_HOME", t.TempDir())
	t.Setenv("HOME", t.TempDir())
	path, err := synth.Write(t.TempDir(), synth.Options{N: 40_000, Seed: 2})
	if err != nil {
		t.Fatal(err)
	}
	d, _, ix, pending, err := search.Open(path, nil)
	if err != nil || ix != nil || pending == nil {
		t.Fatalf("err %v, index %v, pending %v", err, ix != nil, pending != nil)
	}
	defer pending.Stop()
	s := NewSearch(d, nil, newKeyMap(), views.NewTheme(d, true, false))
	s.SetSize(100, 20)
	typeInto(s, "security")
	if v := ansi.Strip(s.View()); !strings.Contains(v, "indexing") {
		t.Fatalf("no indexing notice:\n%s", v)
	}
	cmd := PendingIndexCmd(pending)
	progress := 0
	for i := 0; cmd != nil && i < 10000; i++ {
		msg := cmd()
		if _, ok := msg.(SearchProgressMsg); ok {
			progress++
		}
		cmd = s.Update(msg)
		if _, ok := msg.(SearchIndexMsg); ok {
			runSearch(s, cmd)
			break
		}
	}
	if r := s.Results(); r == nil || r.Total == 0 {
		t.Fatalf("after indexing: %+v", r)
	}
	if progress == 0 {
		t.Error("no progress reached the screen")
	}
}

// The first open of a large dossier: once its index is built and its cache
// written, the explorer goes on with the dossier as the cache holds it (the
// same records, its texts and index in the mapped cache rather than on the
// heap), each screen in its place and the search answering as before;
// unless the dossier has been opened for editing meanwhile.
func TestTheFirstOpenGoesOnWithTheCachedDossier(t *testing.T) {
	for _, editing := range []bool{false, true} {
		t.Setenv("XDG_CACHE_HOME", t.TempDir())
		t.Setenv("HOME", t.TempDir())
		path, err := synth.Write(t.TempDir(), synth.Options{N: 12_000, Seed: 2})
		if err != nil {
			t.Fatal(err)
		}
		loaded, _, ix, pending, err := search.Open(path, nil)
		if err != nil || ix != nil || pending == nil {
			t.Fatalf("err %v, index %v, pending %v", err, ix != nil, pending != nil)
		}
		m := start(t, loaded, 120, 40, Options{Theme: "dark", Pending: pending})
		var quotes *Search
		for _, s := range m.screens {
			if q, ok := s.(*Search); ok {
				quotes = q
			}
		}
		press(m, "/", "s", "e", "c", "u", "r", "i", "t", "y")
		var cached *cachedDossierMsg
		cmd := PendingIndexCmd(pending)
		for i := 0; cmd != nil && i < 100000 && cached == nil; i++ {
			msg := cmd()
			cmd = quotes.Update(msg)
			if _, ok := msg.(SearchIndexMsg); ok {
				batch, _ := cmd().(tea.BatchMsg)
				for _, c := range batch {
					switch msg := c().(type) {
					case searchResultMsg:
						quotes.Update(msg)
					case cachedDossierMsg:
						cached = &msg
					}
				}
				cmd = nil
			}
		}
		if cached == nil {
			t.Fatal("no cached dossier came once the cache was written")
		}
		before := quotes.Results()
		if before == nil || before.Total == 0 {
			t.Fatal("no answer before")
		}
		if editing {
			m.ws.gen = 1 // an edit was made
		}
		send(m, *cached)
		if editing {
			if m.d != loaded || quotes.d != loaded {
				t.Fatal("an edited dossier was replaced by the cached one")
			}
			pending.Stop()
			continue
		}
		if m.d != cached.d || quotes.d != cached.d || quotes.ix != cached.ix || m.d == loaded {
			t.Fatal("the explorer did not go on with the cached dossier")
		}
		if len(m.d.Statements) != len(loaded.Statements) || m.d.Statements[0].ID != loaded.Statements[0].ID || m.d.Statements[0] == loaded.Statements[0] {
			t.Fatal("the cached dossier is not the same records, as new values")
		}
		runSearch(quotes, quotes.search()) // the next keystroke
		after := quotes.Results()
		if after == nil || after.Total != before.Total || after.Hits[0].Statement.ID != before.Hits[0].Statement.ID || after.Hits[0].Statement == before.Hits[0].Statement {
			t.Fatalf("the search answers otherwise from the cached dossier: %d matches, %d before", after.Total, before.Total)
		}
		if !strings.Contains(screen(m), "security") {
			t.Errorf("Quotes lost its place:\n%s", screen(m))
		}
		pending.Stop()
	}
}
