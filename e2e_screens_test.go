package main

import (
	"os"
	"path/filepath"
	"regexp"
	"strings"
	"testing"
	"time"
)

// screenMarks is text each screen shows of the Geneva dossier at 120×40;
// a screen not listed here must at least change what is on screen.
var screenMarks = map[string][]string{
	"Compare":  {"US · United States", "RU · Russia"},
	"Demands":  {"RU → US, West", "» 2 deferred"},
	"Matrix":   {"Agreement", "silent on", "≠ conflict", "≈ partial"},
	"Source":   {"Text · ¶1–", "Statement 1/", "— the report, ¶1"},
	"Timeline": {"2022-01-21 · Friday", "◇ expected", "2022-01-24..2022-01-30"},
}

// Every tab of the header, visited by its digit, then the analysis
// screens at work: a matrix cell's evidence, the next statement in the
// source, and an export that will not overwrite without a yes.
func TestEndToEndEveryScreen(t *testing.T) {
	bin := buildParley(t)
	s, status := startTmux(t, bin)
	first := s.waitFor("start", "US · United States", "Compare")
	header := strings.SplitN(first, "\n", 2)[0]
	tabs := regexp.MustCompile(`(\d) ([A-Z][a-z]+)`).FindAllStringSubmatch(header, -1)
	seen := map[string]bool{}
	prev := first
	for _, tab := range tabs {
		digit, title := tab[1], tab[2]
		s.keys(digit)
		if marks, ok := screenMarks[title]; ok {
			prev = s.waitFor("open "+title, marks...)
		} else {
			prev = s.waitForChange("open "+title, prev)
		}
		seen[title] = true
		if title == "Quotes" {
			// The query box has the keys until esc; wait for it to close,
			// or esc and the next digit arrive together as alt+digit.
			s.keys("Escape")
			prev = s.waitForChange("esc leaves Quotes", prev)
		}
	}
	for title := range screenMarks {
		if !seen[title] {
			t.Errorf("no %s tab in the header %q", title, header)
		}
	}

	s.keys(tabDigit(t, tabs, "Matrix"))
	s.waitFor("back to the matrix", "silent on")
	s.keys("j", "j", "j", "j", "l", "l")
	s.waitFor("cursor on NATO and Ukraine's membership", "NATO on Ukraine's possible NATO membership")
	s.keys("Enter")
	s.waitFor("enter opens the cell's evidence", "Account · the report", "source, paragraph")
	s.keys("Escape")
	s.waitFor("esc returns to the matrix", "silent on")

	s.keys(tabDigit(t, tabs, "Source"))
	s.waitFor("the source reader", "Statement 1/")
	s.keys("Tab")
	s.waitFor("tab moves to the next statement", "Statement 2/")

	s.keys(tabDigit(t, tabs, "Timeline"))
	s.waitFor("the timeline", "◇ expected")
	out := filepath.Join(t.TempDir(), "timeline.md")
	export := func() {
		s.keys("e")
		s.waitFor("e asks for a file name", "export to:")
		s.keys("C-u")
		s.tmux("send-keys", "-t", s.name, "-l", out)
		s.keys("Enter")
	}
	export()
	s.waitFor("the brief is written", "exported to")
	if b, err := os.ReadFile(out); err != nil || !strings.HasPrefix(string(b), "# Timeline") {
		t.Fatalf("exported file: %v %.40q", err, b)
	}
	if err := os.WriteFile(out, []byte("keep me"), 0o644); err != nil {
		t.Fatal(err)
	}
	export()
	s.waitFor("an existing file is not overwritten without asking", "Overwrite? y/n")
	s.keys("n")
	s.waitFor("n goes back to the name", "export to:")
	s.keys("Escape")
	s.waitFor("esc cancels", "export cancelled")
	if b, _ := os.ReadFile(out); string(b) != "keep me" {
		t.Errorf("the file was overwritten: %.40q", b)
	}

	s.keys("q")
	s.waitForFile("q quits", status, "0")
}

func tabDigit(t *testing.T, tabs [][]string, title string) string {
	t.Helper()
	for _, tab := range tabs {
		if tab[2] == title {
			return tab[1]
		}
	}
	t.Fatalf("no %s tab", title)
	return ""
}

// waitForChange polls the screen until it differs from before.
func (s *tmuxSession) waitForChange(what, before string) string {
	s.t.Helper()
	for deadline := time.Now().Add(10 * time.Second); time.Now().Before(deadline); time.Sleep(5 * time.Millisecond) {
		if now := s.capture(); now != before {
			return now
		}
	}
	s.t.Fatalf("%s: the screen never changed:\n%s", what, before)
	return ""
}

// waitForFile polls until the file holds want (the shell writes parley's
// exit status there when it ends).
func (s *tmuxSession) waitForFile(what, path, want string) {
	s.t.Helper()
	got := ""
	for deadline := time.Now().Add(10 * time.Second); time.Now().Before(deadline); time.Sleep(10 * time.Millisecond) {
		b, _ := os.ReadFile(path)
		if got = strings.TrimSpace(string(b)); got != "" {
			break
		}
	}
	if got != want {
		s.t.Fatalf("%s: got %q, want %q; the screen:\n%s", what, got, want, s.capture())
	}
}
