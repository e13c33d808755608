package main

import (
	"bytes"
	"context"
	"flag"
	"os"
	"path/filepath"
	"regexp"
	"strings"
	"testing"
)

var update = flag.Bool("update", false, "rewrite golden files")

// parley runs the command line in-process, as a user would from a shell.
func parley(t *testing.T, args ...string) (stdout, stderr string, code int) {
	t.Helper()
	var out, errb bytes.Buffer
	code = run(context.Background(), args, &out, &errb)
	return out.String(), errb.String(), code
}

func writeFile(t *testing.T, dir, name, content string) string {
	t.Helper()
	path := filepath.Join(dir, name)
	if err := os.WriteFile(path, []byte(content), 0o644); err != nil {
		t.Fatal(err)
	}
	return path
}

func TestExitCodes(t *testing.T) {
	dir := t.TempDir()
	valid := writeFile(t, dir, "valid.yaml", "parley: 1\ntitle: T\nparties: [{id: a, name: A}]\n")
	invalid := writeFile(t, dir, "invalid.yaml", "parley: 1\ntitle: T\nparties: [{id: a, name: A}]\npositions: [{party: b, topic: x, stance: support}]\n")
	tests := []struct {
		name string
		args []string
		want int
	}{
		{"validate the embedded dossier", []string{"validate"}, exitOK},
		{"validate a valid file", []string{"validate", valid}, exitOK},
		{"validate an invalid file", []string{"validate", invalid}, exitInvalid},
		{"validate one valid and one invalid", []string{"validate", valid, invalid}, exitInvalid},
		{"validate a missing file", []string{"validate", filepath.Join(dir, "missing.yaml")}, exitInvalid},
		{"open an invalid dossier", []string{invalid}, exitInvalid},
		{"unknown flag", []string{"--no-such-flag"}, exitUsage},
		{"unknown subcommand flag", []string{"validate", "--no-such-flag"}, exitUsage},
		{"too many arguments", []string{valid, valid}, exitUsage},
		{"export with an unknown format", []string{"export", "--format", "pdf"}, exitUsage},
		{"export takes no arguments", []string{"export", "extra"}, exitUsage},
		{"summary when piped", []string{valid}, exitOK},
		{"version", []string{"--version"}, exitOK},
		{"help", []string{"--help"}, exitOK},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			_, stderr, code := parley(t, tt.args...)
			if code != tt.want {
				t.Fatalf("parley %s: exit %d, want %d\nstderr: %s", strings.Join(tt.args, " "), code, tt.want, stderr)
			}
		})
	}
}

func TestValidateReportsEveryProblemWithPlace(t *testing.T) {
	dir := t.TempDir()
	file := writeFile(t, dir, "talks.yaml", `parley: 1
title: Talks
parties:
  - {id: a, name: Alpha}
  - {id: a, name: Again}
topics:
  - {id: t, title: Trade}
statements:
  - id: s1
    kind: quoted
    party: b
    text: Hello
positions:
  - {party: a, topic: t, stance: support, evidence: [s2]}
`)
	stdout, _, code := parley(t, "validate", file)
	if code != exitInvalid {
		t.Fatalf("exit %d, want %d", code, exitInvalid)
	}
	got := strings.ReplaceAll(stdout, dir+string(filepath.Separator), "")
	golden := filepath.Join("testdata", "cli", "validate-several-problems.txt")
	if *update {
		if err := os.WriteFile(golden, []byte(got), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	want, err := os.ReadFile(golden)
	if err != nil {
		t.Fatal(err)
	}
	if got != string(want) {
		t.Errorf("validate output differs from %s:\n--- got\n%s--- want\n%s", golden, got, want)
	}
}

func TestValidateEmbeddedSaysValidWithCounts(t *testing.T) {
	stdout, _, code := parley(t, "validate")
	if code != exitOK {
		t.Fatalf("exit %d:\n%s", code, stdout)
	}
	if !regexp.MustCompile(`(?m)^geneva\.yaml \(embedded\): valid: \d+ parties, .*\((\d+)/(\d+) quotes`).MatchString(stdout) {
		t.Fatalf("no summary line:\n%s", stdout)
	}
	m := regexp.MustCompile(`\((\d+)/(\d+) quotes`).FindStringSubmatch(stdout)
	if m[1] != m[2] {
		t.Errorf("not every quote is anchored: %s/%s", m[1], m[2])
	}
	if strings.Contains(stdout, ": error:") {
		t.Errorf("errors in the embedded dossier:\n%s", stdout)
	}
}

func TestReadmeExampleValidates(t *testing.T) {
	readme, err := os.ReadFile("README.md")
	if err != nil {
		t.Fatal(err)
	}
	m := regexp.MustCompile("(?s)```yaml\n(parley: 1.*?)```").FindSubmatch(readme)
	if m == nil {
		t.Fatal("README has no example dossier")
	}
	file := writeFile(t, t.TempDir(), "talks.yaml", string(m[1]))
	stdout, _, code := parley(t, "validate", file)
	if code != exitOK || strings.Contains(stdout, "warning") {
		t.Fatalf("README example: exit %d\n%s", code, stdout)
	}
}

func TestExportRefusesToOverwrite(t *testing.T) {
	out := filepath.Join(t.TempDir(), "geneva.json")
	if _, stderr, code := parley(t, "export", "--format", "json", "-o", out); code != exitOK {
		t.Fatalf("first export: exit %d: %s", code, stderr)
	}
	first, _ := os.ReadFile(out)
	if err := os.WriteFile(out, []byte("mine"), 0o644); err != nil {
		t.Fatal(err)
	}
	_, stderr, code := parley(t, "export", "--format", "yaml", "-o", out)
	if code != exitInvalid || !strings.Contains(stderr, "--force") {
		t.Fatalf("export over an existing file: exit %d, stderr %q", code, stderr)
	}
	if b, _ := os.ReadFile(out); string(b) != "mine" {
		t.Fatal("the refused export changed the file")
	}
	if _, _, code := parley(t, "export", "--format", "json", "-o", out, "--force"); code != exitOK {
		t.Fatalf("forced export: exit %d", code)
	}
	if b, _ := os.ReadFile(out); !bytes.Equal(b, first) {
		t.Fatal("forced export wrote something else")
	}
	// The export is a dossier that validates on its own.
	if stdout, _, code := parley(t, "validate", out); code != exitOK {
		t.Fatalf("the export does not validate:\n%s", stdout)
	}
}

func TestInvalidDossierPrintsErrorsNotAStackTrace(t *testing.T) {
	file := writeFile(t, t.TempDir(), "bad.json", `{"parley": 1, "title": "T", "parties": [}`)
	_, stderr, code := parley(t, file)
	if code != exitInvalid {
		t.Fatalf("exit %d", code)
	}
	if !strings.Contains(stderr, "bad.json:1:41: error:") || strings.Contains(stderr, "goroutine") {
		t.Fatalf("stderr:\n%s", stderr)
	}
}
