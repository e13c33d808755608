package main

import (
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"slices"
	"strings"
	"testing"
	"time"
)

// tmuxSession drives the real parley binary in a real terminal: a tmux
// server of its own (its own socket, so it never touches the user's).
type tmuxSession struct {
	t      *testing.T
	socket string
	name   string
}

func (s *tmuxSession) tmux(args ...string) string {
	s.t.Helper()
	out, err := exec.Command("tmux", append([]string{"-L", s.socket}, args...)...).CombinedOutput()
	if err != nil {
		s.t.Fatalf("tmux %s: %v\n%s", strings.Join(args, " "), err, out)
	}
	return string(out)
}

func (s *tmuxSession) capture() string {
	s.t.Helper()
	return s.tmux("capture-pane", "-p", "-t", s.name)
}

func (s *tmuxSession) keys(keys ...string) {
	s.t.Helper()
	s.tmux(append([]string{"send-keys", "-t", s.name}, keys...)...)
}

// waitFor polls the screen until every text is on it.
func (s *tmuxSession) waitFor(what string, texts ...string) string {
	s.t.Helper()
	deadline := time.Now().Add(10 * time.Second)
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
		time.Sleep(5 * time.Millisecond)
	}
}

// buildParley builds the real binary once per test.
func buildParley(t *testing.T) string {
	t.Helper()
	if _, err := exec.LookPath("tmux"); err != nil {
		t.Skip("tmux is not installed")
	}
	if testing.Short() {
		t.Skip("builds the binary and drives it in tmux")
	}
	bin := filepath.Join(t.TempDir(), "parley")
	if out, err := exec.Command("go", "build", "-o", bin, ".").CombinedOutput(); err != nil {
		t.Fatalf("go build: %v\n%s", err, out)
	}
	return bin
}

// startTmux runs parley at 120×40 in a tmux server of its own; the shell
// records parley's exit status in the returned file, then lingers so the
// pane can still be read.
func startTmux(t *testing.T, bin string, env ...string) (*tmuxSession, string) {
	t.Helper()
	status := filepath.Join(t.TempDir(), "status")
	s := &tmuxSession{t: t, socket: fmt.Sprintf("parley-e2e-%d-%s", os.Getpid(), t.Name()), name: "e2e"}
	t.Cleanup(func() { _ = exec.Command("tmux", "-L", s.socket, "kill-server").Run() })
	script := fmt.Sprintf("%q; echo $? > %q; sleep 60", bin, status)
	args := []string{"-f", "/dev/null", "new-session", "-d", "-x", "120", "-y", "40", "-s", s.name, "env", "TERM=xterm-256color"}
	args = append(append(args, env...), "sh", "-c", script)
	s.tmux(args...)
	s.tmux("set-option", "-t", s.name, "window-size", "manual")
	return s, status
}

func TestEndToEndInTmux(t *testing.T) {
	bin := buildParley(t)
	began := time.Now()
	s, status := startTmux(t, bin)

	s.waitFor("start: three Geneva panes side by side", "US · United States", "RU · Russia", "NATO", "Compare")
	t.Logf("first complete frame %v after starting the session (tmux polled every 5 ms)", time.Since(began).Round(time.Millisecond))
	screen := s.capture()
	first := strings.Split(screen, "\n")
	row := ""
	for _, l := range first {
		if strings.Contains(l, "US · United States") {
			row = l
			break
		}
	}
	if !strings.Contains(row, "RU · Russia") || !strings.Contains(row, "NATO") {
		t.Errorf("the three panes are not side by side:\n%s", screen)
	}

	s.keys("Right")
	s.waitFor("step to the next topic", "◂ 3/11 ▸", "The written response")
	s.keys("]")
	s.waitFor("] steps again", "◂ 4/11 ▸", "NATO's eastward expansion")

	s.keys("2")
	s.waitFor("open Demands", "RU → US, West", "» 2 deferred", "Russia asks United States and The West")
	s.keys("j", "j")
	s.waitFor("choose the third demand", "An end to NATO's expansion to the east.", "– no response")

	s.keys("Tab", "Enter")
	s.waitFor("open a statement's detail", "Account · the report", "source, paragraph", "Russia sees its security as threatened")

	s.tmux("resize-window", "-t", s.name, "-x", "20", "-y", "6")
	s.waitFor("shrink to 20×6", "too small")
	s.tmux("resize-window", "-t", s.name, "-x", "120", "-y", "40")
	s.waitFor("grow back: the detail is still open", "Account · the report", "source, paragraph")

	s.keys("Escape")
	s.waitFor("esc goes back to the thread", "An end to NATO's expansion to the east.", "– no response")

	s.keys("q")
	deadline := time.Now().Add(10 * time.Second)
	for {
		b, err := os.ReadFile(status)
		if err == nil && len(b) > 0 {
			if code := strings.TrimSpace(string(b)); code != "0" {
				t.Fatalf("parley exited with status %s", code)
			}
			break
		}
		if time.Now().After(deadline) {
			t.Fatalf("parley did not quit on q; the screen:\n%s", s.capture())
		}
		time.Sleep(10 * time.Millisecond)
	}
}

// NO_COLOR with any value: not one colour on screen, yet the active tab,
// the focused pane and the stances are still marked.
func TestEndToEndNoColor(t *testing.T) {
	bin := buildParley(t)
	s, _ := startTmux(t, bin, "NO_COLOR=yes")
	s.waitFor("start without colour", "US · United States", "RU · Russia", "NATO")
	styled := s.tmux("capture-pane", "-e", "-p", "-t", s.name)
	var reverse, bold, underline bool
	for _, part := range strings.Split(styled, "\x1b[")[1:] {
		end := strings.IndexByte(part, 'm')
		if end < 0 || strings.Trim(part[:end], "0123456789;:") != "" {
			continue
		}
		for _, p := range strings.FieldsFunc(part[:end], func(r rune) bool { return r == ';' || r == ':' }) {
			switch {
			case p == "7":
				reverse = true
			case p == "1":
				bold = true
			case p == "4":
				underline = true
			case p == "39" || p == "49":
				// the default colours: no colour at all
			case len(p) == 2 && strings.ContainsRune("349", rune(p[0])) && p[1] <= '8',
				len(p) == 3 && strings.HasPrefix(p, "10"):
				t.Fatalf("colour SGR %q on screen with NO_COLOR set", part[:end])
			}
		}
	}
	if !reverse || !bold || !underline {
		t.Errorf("without colour, focus and the active tab must still show: reverse %v, bold %v, underline %v", reverse, bold, underline)
	}
	s.keys("q")
}

// The time from starting parley to its first complete frame, measured the
// way a user sees it: a shell already waiting in tmux is told to exec
// parley, and the pane is polled every 2 ms until the three panes and the
// footer are drawn. Five launches; the test logs min and median and fails
// only past a generous bound, since CI machines vary.
func TestFirstFrameTime(t *testing.T) {
	bin := buildParley(t)
	var times []time.Duration
	for i := range 5 {
		s := &tmuxSession{t: t, socket: fmt.Sprintf("parley-ff-%d-%d", os.Getpid(), i), name: "ff"}
		t.Cleanup(func() { _ = exec.Command("tmux", "-L", s.socket, "kill-server").Run() })
		s.tmux("-f", "/dev/null", "new-session", "-d", "-x", "120", "-y", "40", "-s", s.name, "env", "TERM=xterm-256color", "PS1=$ ", "sh")
		s.waitFor("a shell prompt", "$")
		s.keys("exec "+bin+" --theme dark", "Enter")
		began := time.Now()
		for {
			screen := s.capture()
			if strings.Contains(screen, "NATO") && strings.Contains(screen, "╯") && strings.Contains(screen, "next topic") {
				break
			}
			if time.Since(began) > 10*time.Second {
				t.Fatalf("no frame; the screen:\n%s", screen)
			}
			time.Sleep(2 * time.Millisecond)
		}
		times = append(times, time.Since(began))
	}
	slices.Sort(times)
	t.Logf("process start to first complete frame: min %v, median %v, max %v", times[0].Round(time.Millisecond), times[2].Round(time.Millisecond), times[4].Round(time.Millisecond))
	if times[2] > time.Second {
		t.Errorf("median first frame %v", times[2])
	}
}
