package model

import (
	"fmt"
	"io/fs"
	"math/rand/v2"
	"os"
	"path/filepath"
	"strconv"
	"strings"
	"testing"
	"time"

	tea "charm.land/bubbletea/v2"
	"github.com/charmbracelet/x/ansi"

	"github.com/parley-dev/parley/data"
	"github.com/parley-dev/parley/data/edit"
	"github.com/parley-dev/parley/data/synth"
)

// soakEvents is how many random events a soak sends. The default keeps
// go test ./... quick; .ci/run sets PARLEY_SOAK=100000 for the full soak,
// and PARLEY_SOAK=1000000 makes a long one.
func soakEvents(t *testing.T, quick int) int {
	if s := os.Getenv("PARLEY_SOAK"); s != "" {
		n, err := strconv.Atoi(s)
		if err != nil {
			t.Fatalf("PARLEY_SOAK=%q: %v", s, err)
		}
		return n
	}
	if testing.Short() {
		return quick / 10
	}
	return quick
}

// The explorer under a storm of random input — keys (bound ones, letters,
// wide and combining characters), clicks, wheels, pastes and resizes from
// 1×1 to 300×100 — must never panic, and after every event each line of
// the view must fit the terminal's width and the view its height.
func TestSoak(t *testing.T) {
	fixturePath, err := filepath.Abs(talksFixture)
	if err != nil {
		t.Fatal(err)
	}
	repo := filepath.Dir(filepath.Dir(filepath.Dir(fixturePath)))
	t.Chdir(t.TempDir()) // an export typed by chance lands here
	dossiers := []struct {
		name  string
		d     func(testing.TB) *data.Dossier
		quick int // events without PARLEY_SOAK
	}{
		{"geneva", geneva, 5000},
		{"generated-10k", generated10k, 1000},
	}
	for _, tc := range dossiers {
		t.Run(tc.name, func(t *testing.T) {
			soak(t, tc.d(t), Options{Theme: "dark"}, soakEvents(t, tc.quick), 1)
		})
	}
	// Editing too: a copy of the editing fixture in a folder of its own,
	// the editing keys among the others (accept, reject, fix, mark, save,
	// undo, redo, the forms), and nothing written anywhere but there and
	// in the working folder (exports): not in the home, settings or cache
	// folders either.
	t.Run("editing", func(t *testing.T) {
		// Every place a program keeps the user's files (settings, caches,
		// state) is an empty folder of the test's, to see none is used.
		home := t.TempDir()
		for _, v := range []string{"HOME", "XDG_CONFIG_HOME", "XDG_CACHE_HOME", "XDG_DATA_HOME", "XDG_STATE_HOME"} {
			t.Setenv(v, home)
		}
		pkg, fixture := listing(t, repo), fileText(t, fixturePath)
		src, err := os.ReadFile(fixturePath)
		if err != nil {
			t.Fatal(err)
		}
		dir := t.TempDir()
		path := filepath.Join(dir, "talks.yaml")
		if err := os.WriteFile(path, src, 0o644); err != nil {
			t.Fatal(err)
		}
		d, _, err := data.Load(path)
		if err != nil {
			t.Fatal(err)
		}
		s, err := edit.Open(path)
		if err != nil {
			t.Fatal(err)
		}
		m := soak(t, d, Options{Theme: "dark", Session: s}, soakEvents(t, 5000), 2)
		t.Logf("%d changes to the session (edits, undos, redos), modified at the end: %v", m.ws.gen, m.ws.modified)
		if got := listing(t, repo); got != pkg {
			t.Errorf("the soak made files in the repository:\n%s\nwas\n%s", got, pkg)
		}
		if fileText(t, fixturePath) != fixture {
			t.Error("the soak changed the fixture")
		}
		if entries, _ := os.ReadDir(home); len(entries) > 0 {
			t.Errorf("the soak wrote %d files in the home and cache folders (%s…)", len(entries), entries[0].Name())
		}
		entries, _ := os.ReadDir(dir)
		for _, e := range entries {
			if !strings.HasPrefix(e.Name(), "talks") {
				t.Errorf("the soak left %s beside the dossier", e.Name())
			}
		}
		if _, _, err := data.Load(path); err != nil {
			t.Errorf("the dossier the soak saved does not load: %v", err)
		}
	})
}

// listing names every file under root (not its size or time: someone may
// be editing the code while the tests run).
func listing(t *testing.T, root string) string {
	t.Helper()
	var b strings.Builder
	err := filepath.WalkDir(root, func(p string, e fs.DirEntry, err error) error {
		if err != nil {
			return err
		}
		if e.IsDir() && (e.Name() == ".git" || e.Name() == "testdata" && p != filepath.Join(root, "testdata")) {
			return filepath.SkipDir
		}
		fmt.Fprintln(&b, p)
		return nil
	})
	if err != nil {
		t.Fatal(err)
	}
	return b.String()
}

func generated10k(t testing.TB) *data.Dossier {
	t.Helper()
	dir := t.TempDir()
	path, err := synth.Write(dir, synth.Options{N: 10000, Seed: 7})
	if err != nil {
		t.Fatal(err)
	}
	d, _, err := data.Load(path)
	if err != nil {
		t.Fatalf("generated dossier: %v", err)
	}
	return d
}

var soakKeys = []string{
	"up", "down", "left", "right", "pgup", "pgdown", "home", "end", "enter", "esc", "tab", "shift+tab",
	"space", "backspace", "ctrl+c", "q", "?", "/", "[", "]", "a", "p", "j", "k", "J", "K", "g", "G",
	"y", "e", "n", "N", "c", "x", "1", "2", "3", "4", "5", "6", "7", "8", "9", "0", "-", ":",
	// Editing.
	"ctrl+s", "u", "U", "ctrl+z", "ctrl+y", "!", "E", "+", "R", "T", "f", "r", "A", "o", "m", "w",
	"b", ".", ")", "\"", "h", "l", "t", "ctrl+j", "ctrl+u", "s", "alt+enter",
}

var soakText = []string{"x", "é", "日", "👍", "e\u0301", "ﷺ", "\u200d", "Ж", " "}

var soakPastes = []string{
	"security", "party:russia nato", `"written response"`, "日本語のテキスト", strings.Repeat("long paste ", 200),
	"\x1b]52;c;ZXZpbA==\a", "line\nbreak", "",
}

func soak(t *testing.T, d *data.Dossier, opts Options, events int, seed uint64) *Root {
	r := rand.New(rand.NewPCG(seed, 42))
	w, h := 80, 24
	m := New(d, opts)
	runner := newCommandRunner()
	runner.run(m.Init())
	m.Update(tea.WindowSizeMsg{Width: w, Height: h})
	var last string
	check := newFrameChecker()
	defer func() {
		if p := recover(); p != nil {
			t.Fatalf("panic after %q at %d×%d: %v", last, w, h, p)
		}
	}()
	for i := range events {
		var msg tea.Msg
		switch n := r.IntN(100); {
		case n < 60:
			msg = keyMsg(soakKeys[r.IntN(len(soakKeys))])
		case n < 70:
			s := soakText[r.IntN(len(soakText))]
			msg = tea.KeyPressMsg{Code: []rune(s)[0], Text: s}
		case n < 78:
			msg = tea.MouseClickMsg{X: r.IntN(w + 2), Y: r.IntN(h + 2), Button: tea.MouseLeft}
		case n < 88:
			b := tea.MouseWheelDown
			if r.IntN(2) == 0 {
				b = tea.MouseWheelUp
			}
			msg = tea.MouseWheelMsg{X: r.IntN(w + 2), Y: r.IntN(h + 2), Button: b}
		case n < 90:
			msg = tea.PasteMsg{Content: soakPastes[r.IntN(len(soakPastes))]}
		default:
			// Mostly usable sizes, sometimes absurd ones.
			if r.IntN(4) == 0 {
				w, h = 1+r.IntN(300), 1+r.IntN(100)
			} else {
				w, h = 40+r.IntN(200), 10+r.IntN(60)
			}
			msg = tea.WindowSizeMsg{Width: w, Height: h}
		}
		last = fmt.Sprintf("event %d: %T %v", i, msg, msg)
		_, cmd := m.Update(msg)
		runner.run(cmd)
		runner.deliver(m)
		check.frame(t, m.View().Content, w, h, last)
	}
	return m
}

// feed runs a command and sends its messages back, as the program would;
// a command that does not answer quickly (a timer) is dropped. Tests that
// need a command's answer use it; the soak uses a commandRunner instead.
func feed(m *Root, cmd tea.Cmd, depth int) {
	if depth == 0 {
		return
	}
	msg, ok := runWithin(cmd, 50*time.Millisecond)
	if !ok {
		return
	}
	switch msg := msg.(type) {
	case nil, tea.QuitMsg:
	case tea.BatchMsg:
		for _, c := range msg {
			feed(m, c, depth)
		}
	default:
		_, next := m.Update(msg)
		feed(m, next, depth-1)
	}
}

// runWithin runs a command and returns its message, or false when there
// is no command or it takes longer than d (a cursor's blink, a tick).
func runWithin(cmd tea.Cmd, d time.Duration) (tea.Msg, bool) {
	if cmd == nil {
		return nil, false
	}
	done := make(chan tea.Msg, 1)
	go func() { done <- cmd() }()
	select {
	case msg := <-done:
		return msg, true
	case <-time.After(d):
		return nil, false
	}
}

// commandRunner runs commands the way the program does, off the update
// loop: their messages arrive later and are delivered between events.
type commandRunner struct{ msgs chan tea.Msg }

func newCommandRunner() *commandRunner { return &commandRunner{msgs: make(chan tea.Msg, 256)} }

func (r *commandRunner) run(cmd tea.Cmd) {
	if cmd == nil {
		return
	}
	go func() {
		msg := cmd()
		if batch, ok := msg.(tea.BatchMsg); ok {
			for _, c := range batch {
				r.run(c)
			}
			return
		}
		select {
		case r.msgs <- msg:
		default: // the loop is behind: drop it, as a slow answer would be
		}
	}()
}

// deliver hands the messages that have arrived to the model.
func (r *commandRunner) deliver(m *Root) {
	for {
		select {
		case msg := <-r.msgs:
			if _, quit := msg.(tea.QuitMsg); quit || msg == nil {
				continue
			}
			_, cmd := m.Update(msg)
			r.run(cmd)
		default:
			return
		}
	}
}

// frameChecker checks that each line of a frame fits the terminal's
// width and the frame its height. Most frames are like the one before: a
// frame the same as the last at the same size is not measured again, nor
// a line measured before (the measure kept). It checks every frame
// exactly, in a fraction of the time measuring every line took.
type frameChecker struct {
	last       string
	lastW      int
	lastH      int
	lineWidths map[string]int
}

func newFrameChecker() *frameChecker { return &frameChecker{lineWidths: map[string]int{}} }

func (c *frameChecker) frame(t *testing.T, frame string, w, h int, after string) {
	t.Helper()
	if frame == c.last && w == c.lastW && h == c.lastH {
		return
	}
	lines := strings.Split(frame, "\n")
	if len(lines) > h {
		t.Fatalf("%d lines at %d×%d after %s", len(lines), w, h, after)
	}
	if len(c.lineWidths) > 1<<16 {
		clear(c.lineWidths)
	}
	for n, line := range lines {
		lw, ok := c.lineWidths[line]
		if !ok {
			lw = ansi.StringWidth(line)
			c.lineWidths[line] = lw
		}
		if lw > w {
			t.Fatalf("line %d is %d wide at %d×%d after %s:\n%s", n+1, lw, w, h, after, ansi.Strip(line))
		}
	}
	c.last, c.lastW, c.lastH = frame, w, h
}
