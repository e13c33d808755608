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

	"github.com/parley-dev/parley/data"
)

// talksBase is a dossier someone began by hand, with comments, before
// importing the report into it.
const talksBase = `# Geneva, 2022-01-21: our dossier, built by hand and from the report.
# Every draft below was imported; review it before you trust it.
parley: 1.1
title: Blinken and Lavrov in Geneva
date: 2022-01-21  # the meeting

parties:
  - {id: russia, name: Russia, short: RU}  # the delegation led by Lavrov
  - {id: united-states, name: United States, short: US}

topics:
  # What Moscow asks for in writing.
  - id: security-guarantees
    title: Security guarantees for Russia
    proposition: The West should give Russia written security guarantees

positions:
  - {party: russia, topic: security-guarantees, stance: support, summary: Demands written guarantees, basis: inferred, note: Read from the report}

# Demands come once the drafts are reviewed.
demands: []
`

// Building a dossier as a user does, in a real terminal: parley import
// the report into a commented dossier, open it, review the drafts (reject
// one, accept two, fix one speaker), mark a new statement in the Source
// screen, set a stance with evidence, add a demand and a response, save,
// quit. Then parley validate passes and git diff of the dossier shows
// only the records meant, every comment kept.
func TestBuildingADossierInTmux(t *testing.T) {
	bin := buildParley(t)
	if _, err := exec.LookPath("git"); err != nil {
		t.Skip("git is not installed")
	}
	dir := t.TempDir()
	run := func(name string, args ...string) string {
		t.Helper()
		cmd := exec.Command(name, args...)
		cmd.Dir = dir
		cmd.Env = append(os.Environ(), "GIT_CONFIG_GLOBAL=/dev/null", "GIT_AUTHOR_NAME=t", "GIT_AUTHOR_EMAIL=t@example.org",
			"GIT_COMMITTER_NAME=t", "GIT_COMMITTER_EMAIL=t@example.org")
		out, err := cmd.CombinedOutput()
		if err != nil {
			t.Fatalf("%s %s: %v\n%s", name, strings.Join(args, " "), err, out)
		}
		return string(out)
	}
	talks := filepath.Join(dir, "talks.yaml")
	if err := os.WriteFile(talks, []byte(talksBase), 0o644); err != nil {
		t.Fatal(err)
	}
	report, err := os.ReadFile("data/geneva/sources/geneva-2022-01-21.txt")
	if err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(filepath.Join(dir, "report.txt"), report, 0o644); err != nil {
		t.Fatal(err)
	}
	run(bin, "import", "report.txt", "--into", "talks.yaml")
	run("git", "init", "-q")
	run("git", "add", "talks.yaml")
	run("git", "commit", "-q", "-m", "imported")
	imported, err := os.ReadFile(talks)
	if err != nil {
		t.Fatal(err)
	}

	status := filepath.Join(t.TempDir(), "status")
	s := &tmuxSession{t: t, socket: fmt.Sprintf("parley-e2e-%d-%s", os.Getpid(), t.Name()), name: "e2e"}
	t.Cleanup(func() { _ = exec.Command("tmux", "-L", s.socket, "kill-server").Run() })
	script := fmt.Sprintf("cd %q && %q --theme dark talks.yaml; echo $? > %q; sleep 60", dir, bin, status)
	s.tmux("-f", "/dev/null", "new-session", "-d", "-x", "120", "-y", "40", "-s", s.name,
		"env", "TERM=xterm-256color", "XDG_CONFIG_HOME="+dir, "XDG_CACHE_HOME="+dir, "sh", "-c", script)
	s.waitFor("the explorer on the imported dossier", "Compare", "7 Review")

	// Review, most doubtful first.
	s.keys("7")
	s.waitFor("the least sure draft first", "Draft 1 of 15 left", "legend-handshake-geneva")
	s.keys("r")
	s.waitFor("reject the caption", "rejected legend-handshake-geneva-anthony-blinken", "Draft 1 of 14 left", "ryabkov-russian-government")
	s.keys("a")
	s.waitFor("accept Ryabkov's", "accepted ryabkov-russian-government-expects-written", "Draft 1 of 13 left", "blinken-him-calm-situation")
	// Lavrov reports that Blinken asked him: the speaker is Lavrov.
	s.keys("f")
	s.waitFor("the fix form", "Fix the draft blinken-him-calm-situation", "type to filter")
	s.keys("l", "a", "v", "r")
	s.waitFor("the actors filtered as typed", "Sergei Lavrov")
	s.keys("Enter")
	s.waitFor("on to the kind", "◂ reported")
	s.keys("Enter")
	s.waitFor("fixed and accepted", "fixed and accepted blinken-him-calm-situation", "Draft 1 of 12 left")
	s.keys("a")
	s.waitFor("accept another", "Draft 1 of 11 left", "● modified")

	// Mark a new statement in the Source screen.
	s.keys("4", "m")
	s.waitFor("marking the first sentence", "Marking", "A new statement")
	s.keys("Down", "Down", "Down", "Down")
	s.waitFor("the fifth sentence", "evaluated the meeting")
	s.keys("Enter")
	s.waitFor("the statement's form", "A new statement from report", "Anthony Blinken")
	s.keys("Enter")
	s.waitFor("the statement made", "marked blinken-us-secretary-of-state-anthony")

	// The United States' stance, with evidence.
	s.keys("1")
	s.waitFor("Compare", "US · United States")
	s.keys("Tab", "E")
	s.waitFor("the position form", "Position · United States · Security guarantees for Russia")
	s.keys("Right", "Tab")
	s.keys("-l", "Answers in writing, not with guarantees")
	s.keys("Tab")
	s.keys("-l", "west would submit")
	s.waitFor("the evidence filtered", "The West would submit a written response")
	s.keys("Enter", "Tab", "Enter")
	s.waitFor("the position set", "set US's position on Security guarantees for Russia")

	// A demand and its answer.
	s.keys("2", "+")
	s.waitFor("the demand form", "A new demand")
	s.keys("-l", "russia")
	s.keys("Enter")
	s.keys("-l", "united")
	s.keys("Enter", "Tab")
	s.keys("-l", "guarantees")
	s.keys("Enter")
	s.keys("-l", "Written security guarantees")
	s.keys("Tab")
	s.keys("-l", "security guarantees such")
	s.waitFor("the evidence filtered", "Security guarantees, such as a NATO")
	s.keys("Enter", "Tab", "Enter")
	s.waitFor("the demand added", "added the demand russia-written-security-guarantees")
	s.keys("R")
	s.waitFor("the response form", "A response to russia-written-security-guarantees")
	s.keys("Enter", "Tab")
	s.keys("-l", "A written answer next week")
	s.keys("Tab")
	s.keys("-l", "west would submit")
	s.keys("Enter", "Tab", "Right", "Right", "Tab")
	s.keys("-l", "russia")
	s.keys("Enter")
	s.waitFor("the response set", "set united-states's response to russia-written-security-guarantees", "deferred")

	s.keys("C-s")
	s.waitFor("saved", "saved talks.yaml")
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

	if out := run(bin, "validate", "talks.yaml"); !strings.Contains(out, "valid") {
		t.Errorf("validate: %s", out)
	}
	d, _, err := data.Load(talks)
	if err != nil {
		t.Fatal(err)
	}
	checks := []struct {
		what string
		ok   bool
	}{
		{"the caption is rejected", d.Statement("legend-handshake-geneva-anthony-blinken") == nil},
		{"Ryabkov's is accepted", d.Statement("ryabkov-russian-government-expects-written").Draft() == nil},
		{"the fixed one is Lavrov's and accepted", d.Statement("blinken-him-calm-situation").Actor == "lavrov" && d.Statement("blinken-him-calm-situation").Draft() == nil},
		{"Moscow's is accepted", d.Statement("moscow-security-guarantees-such-as").Draft() == nil},
		{"the marked statement is Blinken's and located", d.Statement("blinken-us-secretary-of-state-anthony") != nil && d.Statement("blinken-us-secretary-of-state-anthony").Actor == "blinken" && d.Statement("blinken-us-secretary-of-state-anthony").Location != nil},
		{"the US opposes, citing Lavrov", d.Position("united-states", "security-guarantees") != nil && d.Position("united-states", "security-guarantees").Stance == data.StanceOppose && slices.Equal(d.Position("united-states", "security-guarantees").Evidence, []string{"lavrov-west-would-submit-written"})},
		{"the demand and its answer according to Russia", d.Demand("russia-written-security-guarantees") != nil && d.Demand("russia-written-security-guarantees").Response("united-states") != nil && d.Demand("russia-written-security-guarantees").Response("united-states").AccordingTo == "russia"},
		{"eleven drafts left", countDrafts(d) == 11},
	}
	for _, c := range checks {
		if !c.ok {
			t.Errorf("not so: %s", c.what)
		}
	}

	// git diff: every line taken out or put in belongs to a record meant.
	diff := run("git", "diff", "--unified=0", "talks.yaml")
	meant := []string{"legend-handshake-geneva-anthony-blinken", "ryabkov-russian-government-expects-written",
		"blinken-him-calm-situation", "moscow-security-guarantees-such-as", "blinken-us-secretary-of-state-anthony",
		"party: united-states, topic: security-guarantees", "russia-written-security-guarantees", "demands:"}
	inDemands := false
	for _, l := range strings.Split(diff, "\n") {
		if !strings.HasPrefix(l, "+") && !strings.HasPrefix(l, "-") || strings.HasPrefix(l, "+++") || strings.HasPrefix(l, "---") {
			continue
		}
		if strings.HasPrefix(l, "+demands:") {
			inDemands = true
		}
		ok := inDemands && strings.HasPrefix(l, "+")
		for _, m := range meant {
			ok = ok || strings.Contains(l, m)
		}
		if !ok {
			t.Errorf("git diff changes a line of no record meant: %q\n%s", l, diff)
		}
	}
	final, err := os.ReadFile(talks)
	if err != nil {
		t.Fatal(err)
	}
	for _, l := range strings.Split(string(imported), "\n") {
		if i := strings.Index(l, "#"); i >= 0 && !strings.Contains(l, "“") {
			if !strings.Contains(string(final), l[i:]) {
				t.Errorf("the comment %q was lost", l[i:])
			}
		}
	}
	t.Logf("git diff of the dossier:\n%s", diff)
}

func countDrafts(d *data.Dossier) int {
	n := 0
	for _, s := range d.Statements {
		if s.Draft() != nil {
			n++
		}
	}
	return n
}

// The file changed in an editor beside parley: without unsaved edits the
// explorer reads it again in place; with them it asks, and a merge keeps
// both sides.
func TestLiveReloadInTmux(t *testing.T) {
	bin := buildParley(t)
	dir := t.TempDir()
	talks := filepath.Join(dir, "talks.yaml")
	src, err := os.ReadFile("testdata/edit/talks.yaml")
	if err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(talks, src, 0o644); err != nil {
		t.Fatal(err)
	}
	// An editor that saves by writing a new file and renaming it over the
	// old one, as many do.
	editorSave := func(from, to string) {
		t.Helper()
		b, err := os.ReadFile(talks)
		if err != nil {
			t.Fatal(err)
		}
		text := strings.Replace(string(b), from, to, 1)
		if text == string(b) {
			t.Fatalf("%q is not in the file", from)
		}
		tmp := filepath.Join(dir, ".talks.yaml.swp")
		if err := os.WriteFile(tmp, []byte(text), 0o644); err != nil {
			t.Fatal(err)
		}
		if err := os.Rename(tmp, talks); err != nil {
			t.Fatal(err)
		}
	}
	status := filepath.Join(t.TempDir(), "status")
	s := &tmuxSession{t: t, socket: fmt.Sprintf("parley-e2e-%d-%s", os.Getpid(), t.Name()), name: "e2e"}
	t.Cleanup(func() { _ = exec.Command("tmux", "-L", s.socket, "kill-server").Run() })
	script := fmt.Sprintf("%q --theme dark %q; echo $? > %q; sleep 60", bin, talks, status)
	s.tmux("-f", "/dev/null", "new-session", "-d", "-x", "120", "-y", "40", "-s", s.name,
		"env", "TERM=xterm-256color", "XDG_CONFIG_HOME="+dir, "XDG_CACHE_HOME="+dir, "sh", "-c", script)
	s.waitFor("Review first, the dossier has drafts", "Draft 1 of")
	s.keys("1")
	s.waitFor("Compare on its first topic", "Security guarantees for Russia", "Demands written guarantees")

	editorSave("summary: Demands written guarantees", "summary: Demands guarantees in writing")
	s.waitFor("reloaded in place", "reloaded talks.yaml", "Security guarantees for Russia", "Demands guarantees in writing")

	s.keys("7", "a")
	s.waitFor("an unsaved edit", "● modified")
	editorSave("title: Keeping the talks going", "title: Keeping the talks alive")
	s.waitFor("the question", "changed on disk while there are unsaved edits", "m merge")
	s.keys("m")
	s.waitFor("merged", "merged: your edits made again")
	s.keys("C-s")
	s.waitFor("saved", "saved talks.yaml")
	s.keys("q")
	deadline := time.Now().Add(10 * time.Second)
	for {
		if b, err := os.ReadFile(status); err == nil && len(b) > 0 {
			break
		}
		if time.Now().After(deadline) {
			t.Fatalf("parley did not quit; the screen:\n%s", s.capture())
		}
		time.Sleep(10 * time.Millisecond)
	}
	d, _, err := data.Load(talks)
	if err != nil {
		t.Fatal(err)
	}
	if d.Topic("diplomacy").Title != "Keeping the talks alive" || d.Statement("legend-handshake-geneva-anthony-blinken").Draft() != nil {
		t.Errorf("the merge lost a side: topic %q, draft %v", d.Topic("diplomacy").Title, d.Statement("legend-handshake-geneva-anthony-blinken").Draft())
	}
}
