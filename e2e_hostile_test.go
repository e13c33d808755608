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

// The explorer opens a dossier through its own path (the search cache,
// the index built behind the first frame), so it is tried in a real
// terminal too: a dossier whose source leads out of its folder, or is a
// named pipe, ends at once with the message and exit 1, and the file
// outside never reaches the screen; allowed with --allow, it opens.
func TestHostileDossierFilesInTheExplorer(t *testing.T) {
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
	talks, elsewhere := hostileFolder(t)
	if err := os.Symlink(filepath.Join(elsewhere, "secret.txt"), filepath.Join(talks, "notes.txt")); err != nil {
		t.Skip(err)
	}
	linked := writeFile(t, talks, "linked.yaml", hostileHead+"sources:\n  - {id: notes, title: Notes, file: notes.txt}\n")
	piped := ""
	if mkfifo(filepath.Join(talks, "pipe.txt")) == nil {
		piped = writeFile(t, talks, "piped.yaml", hostileHead+"sources:\n  - {id: p, file: pipe.txt}\n")
	}
	s := &tmuxSession{t: t, socket: fmt.Sprintf("parley-files-%d", os.Getpid()), name: "files"}
	t.Cleanup(func() { _ = exec.Command("tmux", "-L", s.socket, "kill-server").Run() })
	s.tmux("-f", "/dev/null", "new-session", "-d", "-x", "150", "-y", "40", "-s", s.name,
		"env", "TERM=xterm-256color", "XDG_CACHE_HOME="+filepath.Join(dir, "cache"), "XDG_CONFIG_HOME="+filepath.Join(dir, "config"), "sh")
	run := func(args string) {
		s.keys("clear", "Enter")
		s.keys("-l", fmt.Sprintf("%q %s; echo EXIT=$?", bin, args))
		s.keys("Enter")
	}

	run(fmt.Sprintf("%q", linked))
	s.waitFor("a source linked out of the folder is refused", "EXIT=1")
	// -J joins the lines the terminal wrapped, keeping a space that fell
	// in the last column (taking the line breaks out lost it, and the test
	// failed whenever the temporary folder's name put one there).
	screen := s.tmux("capture-pane", "-p", "-J", "-t", s.name)
	whole := screen
	if !strings.Contains(whole, `cannot read "notes.txt": it leads through a link to`) || !strings.Contains(whole, "--allow") {
		t.Errorf("the refusal does not say what and how to allow it:\n%s", screen)
	}
	if strings.Contains(screen, "SECRET-KEY-MATERIAL") {
		t.Errorf("the file outside reached the screen:\n%s", screen)
	}
	if piped != "" {
		run(fmt.Sprintf("%q", piped))
		s.waitFor("a named pipe is refused, not waited on", "named pipe (FIFO)", "EXIT=1")
	}

	run(fmt.Sprintf("--allow %q %q", elsewhere, linked))
	s.waitFor("allowed, the dossier opens", "Hostile")
	s.keys("q")
	s.waitFor("and quits", "EXIT=0")
}
