package main

import (
	"os"
	"path/filepath"
	"strings"
	"testing"

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
