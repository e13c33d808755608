package main

import (
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/parley-dev/parley/data/search"
	"github.com/parley-dev/parley/data/synth"
)

// The first open of a large dossier: the explorer is there before its
// search index, can be browsed while the index is built behind it, the
// Quotes screen says how far the build has come, and answers the query
// typed meanwhile the moment the index is ready. Quitting then leaves the
// search cache for the next open.
func TestExplorerBrowsableWhileTheIndexIsBuilt(t *testing.T) {
	bin := buildParley(t)
	path, err := synth.Write(t.TempDir(), synth.Options{N: 400_000, Seed: 4})
	if err != nil {
		t.Fatal(err)
	}
	cache := t.TempDir()
	status := filepath.Join(t.TempDir(), "status")
	s := &tmuxSession{t: t, socket: fmt.Sprintf("parley-e2e-%d-%s", os.Getpid(), t.Name()), name: "e2e"}
	t.Cleanup(func() { _ = exec.Command("tmux", "-L", s.socket, "kill-server").Run() })
	script := fmt.Sprintf("%q --theme dark --dossier %q; echo $? > %q; sleep 60", bin, path, status)
	s.tmux("-f", "/dev/null", "new-session", "-d", "-x", "120", "-y", "40", "-s", s.name,
		"env", "TERM=xterm-256color", "XDG_CACHE_HOME="+cache, "HOME="+cache, "sh", "-c", script)

	s.waitFor("the first frame, before the index", "Compare", "next topic")
	s.keys("/")
	s.waitFor("Quotes says the index is being built", "indexing")
	s.keys("Escape")
	// Back on Compare before the next key, so the two are never read
	// together as alt+5 on a busy machine.
	s.waitForWithin(30*time.Second, "esc goes back to Compare", "next topic")
	s.keys("5")
	s.waitForWithin(30*time.Second, "the Timeline is browsed meanwhile", "Timeline ·")
	s.keys("G")
	s.keys("/")
	screen := s.waitFor("back in Quotes", "─ Quotes")
	// The build takes seconds at this size; the keys above take
	// milliseconds. Still being built when the Timeline was browsed:
	building := strings.Contains(screen, "indexing")
	for _, k := range "security" {
		s.keys(string(k))
	}
	s.waitForWithin(60*time.Second, "the query typed meanwhile is answered once the index is ready", "statements match")
	if !building {
		t.Fatalf("the index was ready before the Timeline had been browsed; Quotes then:\n%s", screen)
	}
	s.keys("Escape")
	// Back on the Timeline before q: sent together on a busy machine, the
	// two are read as alt+q, and neither leaves.
	s.waitForWithin(30*time.Second, "esc goes back to the Timeline", "Timeline ·")
	s.keys("q")
	deadline := time.Now().Add(60 * time.Second)
	for {
		if b, err := os.ReadFile(status); err == nil && len(b) > 0 {
			if code := strings.TrimSpace(string(b)); code != "0" {
				t.Fatalf("parley exited with status %s", code)
			}
			break
		}
		if time.Now().After(deadline) {
			t.Fatalf("parley did not quit; the screen:\n%s", s.capture())
		}
		time.Sleep(20 * time.Millisecond)
	}
	t.Setenv("XDG_CACHE_HOME", cache)
	if _, err := os.Stat(search.CachePath(path)); err != nil {
		t.Errorf("no search cache after the first open: %v", err)
	}
}

// waitForWithin is waitFor with a deadline of its own.
func (s *tmuxSession) waitForWithin(limit time.Duration, what string, texts ...string) string {
	s.t.Helper()
	deadline := time.Now().Add(limit)
	for {
		screen := s.capture()
		missing := ""
		for _, t := range texts {
			if !strings.Contains(screen, t) {
				missing = t
				break
			}
		}
		if missing == "" {
			return screen
		}
		if time.Now().After(deadline) {
			s.t.Fatalf("%s: %q never appeared; the screen:\n%s", what, missing, screen)
		}
		time.Sleep(20 * time.Millisecond)
	}
}
