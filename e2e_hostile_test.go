package main

import (
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"
)

// A hostile dossier in a real terminal: none of its escape sequences may
// reach tmux. tmux keeps what the program sends it — the pane title (OSC
// 0/2) and, with set-clipboard on, a paste buffer for every OSC 52 — so an
// escape that got through would show there.
func TestHostileDossierReachesNoTerminal(t *testing.T) {
	if _, err := exec.LookPath("tmux"); err != nil {
		t.Skip("tmux is not installed")
	}
	if testing.Short() {
		t.Skip("builds the binary and drives it in tmux")
	}
	dir := t.TempDir()
	bin := filepath.Join(dir, "parley")
	if out, err := exec.Command("go", "build", "-o", bin, ".").CombinedOutput(); err != nil {
		t.Fatalf("go build: %v\n%s", err, out)
	}
	dossier, err := filepath.Abs(filepath.Join("testdata", "hostile", "terminal.yaml"))
	if err != nil {
		t.Fatal(err)
	}
	s := &tmuxSession{t: t, socket: fmt.Sprintf("parley-hostile-%d", os.Getpid()), name: "hostile"}
	t.Cleanup(func() { _ = exec.Command("tmux", "-L", s.socket, "kill-server").Run() })
	s.tmux("-f", "/dev/null", "new-session", "-d", "-x", "150", "-y", "40", "-s", s.name,
		"env", "TERM=xterm-256color", "sh", "-c", fmt.Sprintf("%q %q; sleep 60", bin, dossier))
	s.tmux("set-option", "-g", "set-clipboard", "on")
	s.tmux("set-option", "-g", "allow-rename", "on")
	titleBefore := strings.TrimSpace(s.tmux("display-message", "-p", "-t", s.name, "#{pane_title}"))

	screen := s.waitFor("the hostile dossier opens", "Hostile talks", "AL · Alpha Land", "BE · Beta")
	// Every screen, so every renderer meets the hostile text.
	for _, k := range []string{"a", "a", "2", "3", "4", "5", "1", "Enter"} {
		s.keys(k)
		screen += "\n" + s.capture()
	}
	s.keys("Escape", "/")
	s.keys("-l", "talk")
	screen += "\n" + s.waitFor("search the hostile text", "talk")

	for _, leak := range []string{"PWNED", "LINKTEXT\x1b", "evil.example", "cm0gLXJmIH4", "ZXZpbA"} {
		if strings.Contains(screen, leak) {
			t.Errorf("%q reached the screen", leak)
		}
	}
	// The explorer names its window itself; nothing of the dossier may.
	if title := strings.TrimSpace(s.tmux("display-message", "-p", "-t", s.name, "#{pane_title}")); title != titleBefore && title != "parley" {
		t.Errorf("the pane title changed from %q to %q", titleBefore, title)
	}
	if buffers := strings.TrimSpace(s.tmux("list-buffers")); buffers != "" {
		t.Errorf("the clipboard was written (OSC 52 got through): %s", buffers)
	}
	// Text behind a carriage return stays visible, whole.
	whole := strings.Join(strings.Fields(screen), " ")
	for _, want := range []string{"SAFE-PREFIX OVERWRITTEN-SUFFIX", "to talk CR-HIDDEN"} {
		if !strings.Contains(whole, want) {
			t.Errorf("%q is not on screen as one text", want)
		}
	}
}
