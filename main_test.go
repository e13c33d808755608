package main

import (
	"bytes"
	"context"
	"encoding/json"
	"flag"
	"os"
	"os/exec"
	"path/filepath"
	"regexp"
	"strings"
	"testing"
)

var update = flag.Bool("update", false, "rewrite golden files")

// TestMain keeps the tests away from the settings and caches of whoever
// runs them.
func TestMain(m *testing.M) {
	home, err := os.MkdirTemp("", "parley-test-home")
	if err != nil {
		panic(err)
	}
	// The end-to-end tests build the binary: with the go command's cache
	// moved along with XDG_CACHE_HOME, each run built it cold (30 s).
	if os.Getenv("GOCACHE") == "" {
		if out, err := exec.Command("go", "env", "GOCACHE").Output(); err == nil {
			os.Setenv("GOCACHE", strings.TrimSpace(string(out)))
		}
	}
	os.Setenv("XDG_CONFIG_HOME", filepath.Join(home, "config"))
	os.Setenv("XDG_CACHE_HOME", filepath.Join(home, "cache"))
	code := m.Run()
	os.RemoveAll(home)
	os.Exit(code)
}

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
		{"compare two parties", []string{"compare", "us", "russia"}, exitOK},
		{"compare by short name, one topic", []string{"compare", "US", "RU", "--topic", "diplomatic-process"}, exitOK},
		{"compare needs two parties", []string{"compare", "us"}, exitUsage},
		{"compare an unknown party", []string{"compare", "us", "usa"}, exitUsage},
		{"compare an unknown topic", []string{"compare", "us", "russia", "--topic", "nope"}, exitUsage},
		{"demands", []string{"demands"}, exitOK},
		{"search", []string{"search", "invasion"}, exitOK},
		{"search needs a query", []string{"search"}, exitUsage},
		{"search a query it cannot understand", []string{"search", "party:usa"}, exitUsage},
		{"search with a bad limit", []string{"search", "x", "--limit", "0"}, exitUsage},
		{"common ground", []string{"common-ground", "us", "russia"}, exitOK},
		{"common ground with an unknown party", []string{"common-ground", "usa"}, exitUsage},
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

func TestNewWritesAStarterThatValidatesAndNeverOverwrites(t *testing.T) {
	t.Chdir(t.TempDir())
	stdout, stderr, code := parley(t, "new", "talks.yaml")
	if code != exitOK {
		t.Fatalf("new: exit %d: %s", code, stderr)
	}
	if !strings.Contains(stdout, "parley validate talks.yaml") {
		t.Errorf("new does not say what to do next: %q", stdout)
	}
	out, _, code := parley(t, "validate", "talks.yaml")
	if code != exitOK || strings.Contains(out, "warning") {
		t.Fatalf("the starter does not validate cleanly:\n%s", out)
	}
	if err := os.WriteFile("talks.yaml", []byte("mine"), 0o644); err != nil {
		t.Fatal(err)
	}
	if _, _, code := parley(t, "new", "talks.yaml"); code != exitInvalid {
		t.Fatalf("new over an existing file: exit %d, want %d", code, exitInvalid)
	}
	if b, _ := os.ReadFile("talks.yaml"); string(b) != "mine" {
		t.Fatal("new replaced an existing file")
	}
	if _, _, code := parley(t, "new"); code != exitOK {
		t.Fatal("new with no file")
	}
	if _, err := os.Stat("dossier.yaml"); err != nil {
		t.Fatalf("new with no file wrote nothing at dossier.yaml: %v", err)
	}
}

func TestJSONOutputsParse(t *testing.T) {
	for _, args := range [][]string{
		{"compare", "us", "russia", "nato", "--json"},
		{"demands", "--json"},
		{"common-ground", "--json"},
		{"validate", "--json"},
	} {
		stdout, stderr, code := parley(t, args...)
		if code != exitOK {
			t.Fatalf("%v: exit %d: %s", args, code, stderr)
		}
		var v any
		if err := json.Unmarshal([]byte(stdout), &v); err != nil {
			t.Errorf("%v: not JSON: %v\n%s", args, err, stdout)
		}
	}
	stdout, _, _ := parley(t, "search", "written", "response", "--json")
	lines := strings.Split(strings.TrimSpace(stdout), "\n")
	for _, line := range lines {
		var hit struct {
			ID    string `json:"id"`
			Text  string `json:"text"`
			Spans []struct{ Start, End int }
		}
		if err := json.Unmarshal([]byte(line), &hit); err != nil {
			t.Fatalf("search --json line is not JSON: %v\n%s", err, line)
		}
		for _, sp := range hit.Spans {
			if sp.Start < 0 || sp.End > len(hit.Text) || sp.Start >= sp.End {
				t.Errorf("%s: span %v outside its text", hit.ID, sp)
			}
		}
	}
	if len(lines) == 0 || lines[0] == "" {
		t.Fatal("search --json found nothing for 'written response'")
	}
}

func TestDemandsJSONSaysNoResponseExplicitly(t *testing.T) {
	stdout, _, _ := parley(t, "demands", "--json")
	var demands []struct {
		ID        string
		To        []string
		Responses []struct{ Party, Status string }
	}
	if err := json.Unmarshal([]byte(stdout), &demands); err != nil {
		t.Fatal(err)
	}
	none := 0
	for _, d := range demands {
		if len(d.Responses) != len(d.To) {
			t.Errorf("%s: %d responses for %d addressees", d.ID, len(d.Responses), len(d.To))
		}
		for _, r := range d.Responses {
			switch r.Status {
			case "no response":
				none++
			case "unanswered":
				t.Errorf("%s: %s is said to be unanswered; the report never says so", d.ID, r.Party)
			}
		}
	}
	if none == 0 {
		t.Error("the Geneva demands have addressees with no response recorded; none is said so")
	}
}

// No command prints a control character, an escape sequence or a bidi
// override from a hostile dossier, whatever the format.
func TestPipedOutputCarriesNoControlCharacters(t *testing.T) {
	hostile := filepath.Join("testdata", "hostile", "terminal.yaml")
	out := t.TempDir()
	runs := [][]string{
		{hostile},
		{"validate", hostile},
		{"validate", "--json", hostile},
		{"-d", hostile, "export", "--format", "json"},
		{"-d", hostile, "export", "--format", "yaml"},
		{"-d", hostile, "export", "--format", "md"},
		{"-d", hostile, "export", "--format", "csv"},
		{"-d", hostile, "compare", "alpha", "beta"},
		{"-d", hostile, "compare", "alpha", "beta", "--json"},
		{"-d", hostile, "demands"},
		{"-d", hostile, "search", "talk"},
		{"-d", hostile, "search", "talk", "--json"},
		{"-d", hostile, "common-ground"},
		{"-d", hostile, "export", "--format", "md", "-o", filepath.Join(out, "brief.md")},
	}
	for _, args := range runs {
		stdout, stderr, code := parley(t, args...)
		if code != exitOK {
			t.Errorf("%v: exit %d: %s", args, code, stderr)
		}
		for name, text := range map[string]string{"stdout": stdout, "stderr": stderr} {
			if r, bad := controlRune(text); bad {
				t.Errorf("%v: %s holds %U", args, name, r)
			}
		}
	}
	b, err := os.ReadFile(filepath.Join(out, "brief.md"))
	if err != nil {
		t.Fatal(err)
	}
	if r, bad := controlRune(string(b)); bad {
		t.Errorf("the written brief holds %U", r)
	}
}

func controlRune(s string) (rune, bool) {
	for _, r := range s {
		switch {
		case r == '\n' || r == '\t':
		case r < 0x20, r == 0x7f, r >= 0x80 && r < 0xa0, r >= 0x202a && r <= 0x202e, r >= 0x2066 && r <= 0x2069:
			return r, true
		}
	}
	return 0, false
}

// The README opens with pictures of the program; each must exist.
func TestReadmePicturesExist(t *testing.T) {
	readme, err := os.ReadFile("README.md")
	if err != nil {
		t.Fatal(err)
	}
	pics := regexp.MustCompile(`!\[[^\]]*\]\((docs/[^)]+)\)`).FindAllSubmatch(readme, -1)
	if len(pics) < 3 {
		t.Fatalf("the README shows %d pictures; it should show Compare, Demands and search", len(pics))
	}
	for _, m := range pics {
		info, err := os.Stat(string(m[1]))
		if err != nil {
			t.Errorf("README picture %s: %v (docs/screenshots.sh makes it)", m[1], err)
			continue
		}
		if info.Size() < 10_000 {
			t.Errorf("README picture %s is only %d bytes", m[1], info.Size())
		}
	}
}

func TestConfig(t *testing.T) {
	dir := t.TempDir()
	t.Setenv("XDG_CONFIG_HOME", dir)
	stdout, _, code := parley(t, "config", "path")
	if code != exitOK || strings.TrimSpace(stdout) != filepath.Join(dir, "parley", "config.yaml") {
		t.Fatalf("config path: exit %d, %q", code, stdout)
	}
	// The config's dossier is what commands open without --dossier.
	other := writeFile(t, dir, "talks.yaml", "parley: 1\ntitle: Other talks\nparties: [{id: a, name: A}]\n")
	if err := os.MkdirAll(filepath.Join(dir, "parley"), 0o755); err != nil {
		t.Fatal(err)
	}
	writeFile(t, filepath.Join(dir, "parley"), "config.yaml", "theme: light\ndossier: "+other+"\nkeys:\n  quit: [ctrl+q]\n")
	stdout, stderr, code := parley(t, "validate")
	if code != exitOK || !strings.Contains(stdout, "talks.yaml: valid") {
		t.Fatalf("validate with a config dossier: exit %d\n%s%s", code, stdout, stderr)
	}
	stdout, _, _ = parley(t, "config", "keys")
	if !regexp.MustCompile(`(?m)^quit +ctrl\+q +quit$`).MatchString(stdout) {
		t.Errorf("config keys does not show the remapped quit:\n%s", stdout)
	}
	// A broken config says where, and stops the command.
	writeFile(t, filepath.Join(dir, "parley"), "config.yaml", "theme: dakr\n")
	_, stderr, code = parley(t, "validate")
	if code != exitInvalid || !strings.Contains(stderr, "config.yaml:1:8: error: config: theme \"dakr\"") {
		t.Fatalf("broken config: exit %d\n%s", code, stderr)
	}
	// config path still answers, so the user can find the file to fix.
	if _, _, code := parley(t, "config", "path"); code != exitOK {
		t.Fatalf("config path with a broken config: exit %d", code)
	}
	if _, _, code := parley(t, "--config", filepath.Join(dir, "missing.yaml"), "validate"); code != exitUsage {
		t.Fatalf("--config naming a missing file: exit %d, want %d", code, exitUsage)
	}
}

// common-ground --json files every topic under the class of the section
// the text lists it in: a script reads the answer a person reads.
func TestCommonGroundJSONClassesAreTheTextsSections(t *testing.T) {
	sections := map[string]string{"Common ground": "common", "Conflict": "conflict", "Partial agreement": "partial", "Open": "open", "Silence": ""}
	seen := map[string]bool{}
	for _, dossier := range []string{"", "testdata/five-parties.yaml", "testdata/dossiers/many-parties.yaml", "testdata/dossiers/wage-talks.json", "testdata/dossiers/four-grounds.yaml"} {
		args := []string{"common-ground"}
		if dossier != "" {
			args = append(args, "-d", dossier)
		}
		text, stderr, code := parley(t, args...)
		if code != exitOK {
			t.Fatalf("%v: exit %d: %s", args, code, stderr)
		}
		out, _, _ := parley(t, append(args, "--json")...)
		var rep struct {
			Topics []struct{ Topic, Class string }
		}
		if err := json.Unmarshal([]byte(out), &rep); err != nil {
			t.Fatalf("%v --json: %v", args, err)
		}
		inText := map[string]string{}
		section := ""
		for _, line := range strings.Split(text, "\n") {
			for title, class := range sections {
				if strings.HasPrefix(line, title+":") {
					section = class
				}
			}
			if strings.HasPrefix(line, "  ") && !strings.HasPrefix(line, "   ") && strings.HasSuffix(line, "]") && section != "" {
				id := line[strings.LastIndex(line, "[")+1 : len(line)-1]
				inText[id] = section
			}
		}
		if len(inText) != len(rep.Topics) {
			t.Errorf("%v: the text lists %d topics, the JSON %d", args, len(inText), len(rep.Topics))
		}
		for _, tp := range rep.Topics {
			if inText[tp.Topic] != tp.Class {
				t.Errorf("%v: %s is %q in the JSON but under %q in the text", args, tp.Topic, tp.Class, inText[tp.Topic])
			}
			seen[tp.Class] = true
		}
	}
	for _, class := range []string{"common", "conflict", "partial", "open"} {
		if !seen[class] {
			t.Errorf("no dossier has a topic of class %q: the test does not cover it", class)
		}
	}
}
