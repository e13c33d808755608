package main

import (
	"bytes"
	"context"
	"errors"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/parley-dev/parley/data"
)

// TestImportGenevaReport runs parley import on the Geneva report's text as
// a user would and checks the draft against the hand-built dossier: both
// quotes with Blinken as their speaker, the reported speech of Lavrov,
// Blinken and Ryabkov. data/importer's TestGenevaAgainstTheHandBuiltDossier
// lists everything else the draft misses.
func TestImportGenevaReport(t *testing.T) {
	out := filepath.Join(t.TempDir(), "geneva-draft.yaml")
	_, stderr, code := parley(t, "import", "data/geneva/sources/geneva-2022-01-21.txt", "-o", out)
	if code != 0 {
		t.Fatalf("exit %d: %s", code, stderr)
	}
	if !strings.Contains(stderr, "wrote "+out) {
		t.Errorf("stderr: %s", stderr)
	}
	d, probs, err := data.Load(out)
	if err != nil || probs.Errors() > 0 {
		t.Fatalf("the draft does not validate: %v %v", err, probs)
	}
	said := map[string][]string{} // actor → texts
	for _, s := range d.Statements {
		said[s.Actor] = append(said[s.Actor], string(s.Kind)+": "+s.Text)
	}
	for actor, want := range map[string][]string{
		"blinken": {"quote: I conveyed the position of the United States", "We have made clear that if any Russian forces move", "The conversation was “open”"},
		"lavrov":  {"The West would submit a written response", "he did not expect a breakthrough", "his country has no plans to attack Ukraine", "President Vladimir Putin is always ready"},
		"ryabkov": {"the Russian government expects a written response"},
	} {
		all := strings.ToLower(strings.Join(said[actor], "\n"))
		for _, w := range want {
			if !strings.Contains(all, strings.ToLower(w)) {
				t.Errorf("%s: no statement with %q; drafted:\n%s", actor, w, all)
			}
		}
	}
}

func TestImportExitCodes(t *testing.T) {
	dir := t.TempDir()
	empty := writeFile(t, dir, "empty.txt", "")
	existing := writeFile(t, dir, "talks.yaml", "mine\n")
	for _, tc := range []struct {
		name string
		args []string
		code int
		msg  string
	}{
		{"no input", []string{"import"}, 2, "at least one FILE or URL"},
		{"-o and --into", []string{"import", empty, "-o", "a.yaml", "--into", "b.yaml"}, 2, "not both"},
		{"an empty file", []string{"import", empty, "-o", filepath.Join(dir, "x.yaml")}, 1, "empty"},
		{"an existing output", []string{"import", "data/geneva/sources/geneva-2022-01-21.txt", "-o", existing}, 1, "exists"},
	} {
		t.Run(tc.name, func(t *testing.T) {
			_, stderr, code := parley(t, tc.args...)
			if code != tc.code || !strings.Contains(strings.ToLower(stderr), strings.ToLower(tc.msg)) {
				t.Errorf("exit %d, stderr %q; want %d and %q", code, stderr, tc.code, tc.msg)
			}
		})
	}
	if b, _ := os.ReadFile(existing); string(b) != "mine\n" {
		t.Error("an existing file was replaced")
	}
	if _, err := os.Stat(filepath.Join(dir, "x.yaml")); err == nil {
		t.Error("a draft was written for an empty input")
	}
}

func TestImportJSONOnStdout(t *testing.T) {
	stdout, stderr, code := parley(t, "import", "--json", "data/geneva/sources/geneva-2022-01-21.txt")
	if code != 0 {
		t.Fatalf("exit %d: %s", code, stderr)
	}
	if _, probs, err := data.Parse("draft.json", []byte(stdout), nil); err != nil || probs.Errors() > 0 {
		t.Fatalf("stdout is not a valid dossier: %v %v", err, probs)
	}
}

// buildBinary builds the real parley binary for a test that runs it as a
// user does, from a shell.
func buildBinary(t *testing.T) string {
	t.Helper()
	if testing.Short() {
		t.Skip("builds the binary")
	}
	bin := filepath.Join(t.TempDir(), "parley")
	if out, err := exec.Command("go", "build", "-o", bin, ".").CombinedOutput(); err != nil {
		t.Fatalf("go build: %v\n%s", err, out)
	}
	return bin
}

func mkdir(t *testing.T, dir string) string {
	t.Helper()
	if err := os.MkdirAll(dir, 0o755); err != nil {
		t.Fatal(err)
	}
	return dir
}

// runIn runs the binary in dir with a deadline, so that an import that
// hangs fails the test instead of hanging it.
func runIn(t *testing.T, bin, dir string, args ...string) (stderr string, code int) {
	t.Helper()
	ctx, cancel := context.WithTimeout(context.Background(), 30*time.Second)
	defer cancel()
	cmd := exec.CommandContext(ctx, bin, args...)
	cmd.Dir = dir
	var errb bytes.Buffer
	cmd.Stderr = &errb
	err := cmd.Run()
	if ctx.Err() != nil {
		t.Fatalf("parley %s: still running after 30 s", strings.Join(args, " "))
	}
	var ee *exec.ExitError
	if errors.As(err, &ee) {
		return errb.String(), ee.ExitCode()
	}
	if err != nil {
		t.Fatal(err)
	}
	return errb.String(), 0
}

// parley import --into as a user runs it: the Geneva report into the
// version-1 dossier first built by hand from it (testdata/v1/geneva; the
// retold one already says all the report says), twice; then the inputs and
// targets that must be refused with the file left as it was; then a dossier
// reading a folder the user allows with --allow.
func TestImportIntoWithTheRealBinary(t *testing.T) {
	bin := buildBinary(t)
	dir := t.TempDir()
	for _, f := range []string{"geneva.yaml", "sources/geneva-2022-01-21.txt"} {
		b, err := os.ReadFile(filepath.Join("testdata/v1/geneva", f))
		if err != nil {
			t.Fatal(err)
		}
		writeFile(t, mkdir(t, filepath.Dir(filepath.Join(dir, f))), filepath.Base(f), string(b))
	}
	report := "sources/geneva-2022-01-21.txt"
	before, _ := os.ReadFile(filepath.Join(dir, "geneva.yaml"))

	stderr, code := runIn(t, bin, dir, "import", report, "--into", "geneva.yaml")
	if code != exitOK {
		t.Fatalf("exit %d: %s", code, stderr)
	}
	for _, want := range []string{report + ": already in the dossier as source geneva-report;", "already there\n", "added to geneva.yaml: ", "its format raised to parley: 1.1"} {
		if !strings.Contains(stderr, want) {
			t.Errorf("stderr does not say %q:\n%s", want, stderr)
		}
	}
	after, _ := os.ReadFile(filepath.Join(dir, "geneva.yaml"))
	if !bytes.HasPrefix(after, before[:bytes.Index(before, []byte("parley: 1\n"))]) || !bytes.Contains(after, []byte("\nparley: 1.1\n")) || len(after) <= len(before) {
		t.Errorf("the dossier's head changed, or nothing was added")
	}
	if stderr, code := runIn(t, bin, dir, "validate", "geneva.yaml"); code != exitOK {
		t.Errorf("validate after the import: exit %d: %s", code, stderr)
	}
	stderr, code = runIn(t, bin, dir, "import", report, "--into", "geneva.yaml")
	if code != exitOK || !strings.Contains(stderr, "nothing new") || !strings.Contains(stderr, "geneva.yaml is unchanged") {
		t.Errorf("a second import: exit %d: %s", code, stderr)
	}
	if again, _ := os.ReadFile(filepath.Join(dir, "geneva.yaml")); !bytes.Equal(again, after) {
		t.Error("a second import changed the dossier")
	}

	refused := []struct {
		name string
		args []string
		want string
	}{
		{"an article that is a named pipe", []string{"import", "pipe.txt", "--into", "geneva.yaml"}, "pipe.txt: it is a named pipe (FIFO), not a file"},
		{"an article that is a device", []string{"import", "/dev/zero", "--into", "geneva.yaml"}, "/dev/zero: it is a device, not a file"},
		{"a target that does not validate", []string{"import", report, "--into", "broken.yaml"}, "broken.yaml does not validate; fix it before importing into it: broken.yaml:4:45: error: statement \"s\": unknown actor \"ghost\""},
	}
	if err := mkfifo(filepath.Join(dir, "pipe.txt")); err != nil {
		refused = refused[2:]
	}
	broken := "parley: 1\ntitle: Broken\nparties: [{id: a, name: A}]\nstatements: [{id: s, kind: reported, actor: ghost, text: Said.}]\n"
	writeFile(t, dir, "broken.yaml", broken)
	for _, tc := range refused {
		t.Run(tc.name, func(t *testing.T) {
			stderr, code := runIn(t, bin, dir, tc.args...)
			// the error box pads lines and capitalizes its first word
			plain := strings.ToLower(strings.Join(strings.Fields(stderr), " "))
			if code != exitInvalid || !strings.Contains(plain, strings.ToLower(tc.want)) || !strings.Contains(plain, "nothing was written") && tc.name != "a target that does not validate" {
				t.Errorf("exit %d, stderr:\n%s\nwant exit %d and %q", code, stderr, exitInvalid, tc.want)
			}
		})
	}
	if now, _ := os.ReadFile(filepath.Join(dir, "geneva.yaml")); !bytes.Equal(now, after) {
		t.Error("a refused import changed the dossier")
	}
	if now, _ := os.ReadFile(filepath.Join(dir, "broken.yaml")); string(now) != broken {
		t.Error("the dossier that does not validate was written to")
	}

	// A dossier whose source lies in a folder beside it: refused, until
	// the folder is allowed for the run.
	writeFile(t, mkdir(t, filepath.Join(dir, "shared")), "minutes.txt", "The parties met.\n")
	talks := mkdir(t, filepath.Join(dir, "talks"))
	writeFile(t, talks, "talks.yaml", "parley: 1.1\ntitle: Talks\nparties: [{id: a, name: A}]\nsources: [{id: minutes, file: ../shared/minutes.txt}]\n")
	stderr, code = runIn(t, bin, talks, "import", "../"+report, "--into", "talks.yaml")
	if code != exitInvalid || !strings.Contains(stderr, `cannot read "../shared/minutes.txt"`) || !strings.Contains(stderr, "--allow") {
		t.Errorf("not allowed: exit %d: %s", code, stderr)
	}
	stderr, code = runIn(t, bin, talks, "import", "../"+report, "--into", "talks.yaml", "--allow", "../shared")
	if code != exitOK || !strings.Contains(stderr, "added to talks.yaml: 1 source") {
		t.Errorf("--allow ../shared: exit %d: %s", code, stderr)
	}
}

// A named pipe among the articles ends the import at once, with a message,
// and nothing is written (in-process: this runs with -short too).
func TestImportOfANamedPipeEndsAtOnce(t *testing.T) {
	dir := t.TempDir()
	pipe := filepath.Join(dir, "article.txt")
	if err := mkfifo(pipe); err != nil {
		t.Skipf("no named pipes here: %v", err)
	}
	out := filepath.Join(dir, "draft.yaml")
	_, stderr, code := within(t, 10*time.Second, "import", "data/geneva/sources/geneva-2022-01-21.txt", pipe, "-o", out)
	plain := strings.ToLower(strings.Join(strings.Fields(stderr), " "))
	if code != exitInvalid || !strings.Contains(plain, strings.ToLower(pipe+": it is a named pipe (FIFO), not a file")) || !strings.Contains(plain, "nothing was written") {
		t.Errorf("exit %d, stderr:\n%s", code, stderr)
	}
	if _, err := os.Stat(out); err == nil {
		t.Error("a draft was written")
	}
}
