package main

import (
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/parley-dev/parley/data"
)

// A dossier from a stranger, tried as a new user would: each row of
// issue 16's table ends at once, with a message naming the file and exit
// 1, and nothing of a file outside the dossier's folder reaches standard
// output — not validate's, not an export's.

const hostileHead = "parley: 1\ntitle: Hostile\nparties:\n  - {id: a, name: Alpha}\n"

// hostileFolder is a dossier folder ("talks") beside another one holding a
// secret ("elsewhere").
func hostileFolder(t *testing.T) (talks, elsewhere string) {
	t.Helper()
	root := t.TempDir()
	if real, err := filepath.EvalSymlinks(root); err == nil {
		root = real
	}
	talks, elsewhere = filepath.Join(root, "talks"), filepath.Join(root, "elsewhere")
	for _, d := range []string{talks, elsewhere} {
		if err := os.MkdirAll(d, 0o755); err != nil {
			t.Fatal(err)
		}
	}
	writeFile(t, elsewhere, "secret.txt", "SECRET-KEY-MATERIAL\n")
	return talks, elsewhere
}

// within runs the command line with a deadline, so that a dossier that
// hangs parley fails the test instead of hanging it.
func within(t *testing.T, d time.Duration, args ...string) (stdout, stderr string, code int) {
	t.Helper()
	type result struct {
		out, err string
		code     int
	}
	done := make(chan result, 1)
	go func() {
		o, e, c := parley(t, args...)
		done <- result{o, e, c}
	}()
	select {
	case r := <-done:
		return r.out, r.err, r.code
	case <-time.After(d):
		t.Fatalf("parley %s: still running after %s", strings.Join(args, " "), d)
		return "", "", 0
	}
}

func TestHostileDossiers(t *testing.T) {
	talks, elsewhere := hostileFolder(t)
	if err := mkfifo(filepath.Join(talks, "pipe.txt")); err != nil {
		t.Skipf("no named pipes here: %v", err)
	}
	if err := os.Symlink(filepath.Join(elsewhere, "secret.txt"), filepath.Join(talks, "link.txt")); err != nil {
		t.Skip(err)
	}
	for _, tc := range []struct {
		name, dossier, want string
	}{
		{"a source file: /dev/zero", "sources:\n  - {id: z, file: /dev/zero}\n",
			`source "z": cannot read "/dev/zero": it is outside the dossier's folder`},
		{"statement_files: [/dev/urandom]", "statement_files: [/dev/urandom]\n",
			`statement_files: cannot read "/dev/urandom": it is outside the dossier's folder`},
		{"a source that is a named pipe", "sources:\n  - {id: p, file: pipe.txt}\n",
			`source "p": cannot read "pipe.txt": it is a named pipe (FIFO), not a file`},
		{"a source file outside the folder, by its absolute path", fmt.Sprintf("sources:\n  - {id: s, file: %s}\n", filepath.Join(elsewhere, "secret.txt")),
			fmt.Sprintf(`it is outside the dossier's folder %s: parley reads only a dossier's own files; to read it, allow its folder: --allow %s for one run`, talks, elsewhere)},
		{"a source file: /etc/passwd", "sources:\n  - {id: pw, file: /etc/passwd}\n",
			`source "pw": cannot read "/etc/passwd": it is outside the dossier's folder`},
		{"a relative path that climbs out", "sources:\n  - {id: c, file: ../../../../../../../../../../etc/hostname}\n",
			`it is /etc/hostname, outside the dossier's folder`},
		{"a symlink in the folder that points out", "sources:\n  - {id: l, file: link.txt}\n",
			fmt.Sprintf(`source "l": cannot read "link.txt": it leads through a link to %s, outside`, filepath.Join(elsewhere, "secret.txt"))},
	} {
		t.Run(tc.name, func(t *testing.T) {
			file := writeFile(t, talks, "talks.yaml", hostileHead+tc.dossier)
			for _, args := range [][]string{{"validate", file}, {"export", "--format", "json", "-d", file}, {"-d", file}} {
				stdout, stderr, code := within(t, 10*time.Second, args...)
				if code != exitInvalid || !strings.Contains(stdout+stderr, tc.want) {
					t.Errorf("parley %s: exit %d, output:\n%s%s\nwant exit %d and %q", args[0], code, stdout, stderr, exitInvalid, tc.want)
				}
				for _, leak := range []string{"SECRET-KEY-MATERIAL", "root:"} {
					if strings.Contains(stdout+stderr, leak) {
						t.Errorf("parley %s: %q reached the output", args[0], leak)
					}
				}
			}
		})
	}
}

// What a user allows is read: for one run with --allow, for good in the
// settings' allow: list.
func TestAllowingAFolder(t *testing.T) {
	talks, elsewhere := hostileFolder(t)
	file := writeFile(t, talks, "talks.yaml", hostileHead+"sources:\n  - {id: s, file: ../elsewhere/secret.txt}\n")
	if stdout, _, code := parley(t, "validate", file); code != exitInvalid || !strings.Contains(stdout, "--allow "+elsewhere) {
		t.Fatalf("not allowed: exit %d\n%s", code, stdout)
	}
	stdout, stderr, code := parley(t, "export", "--format", "json", "--allow", elsewhere, "-d", file)
	if code != exitOK || !strings.Contains(stdout, "SECRET-KEY-MATERIAL") {
		t.Fatalf("--allow %s: exit %d\n%s", elsewhere, code, stderr)
	}
	if _, stderr, code := parley(t, "validate", "--allow", filepath.Join(elsewhere, "none"), file); code != exitUsage {
		t.Errorf("--allow naming no folder: exit %d, want %d\n%s", code, exitUsage, stderr)
	}
	cfg := t.TempDir()
	t.Setenv("XDG_CONFIG_HOME", cfg)
	if err := os.MkdirAll(filepath.Join(cfg, "parley"), 0o755); err != nil {
		t.Fatal(err)
	}
	writeFile(t, filepath.Join(cfg, "parley"), "config.yaml", "allow: ["+elsewhere+"]\n")
	if stdout, stderr, code := parley(t, "validate", file); code != exitOK || !strings.Contains(stdout, "valid") {
		t.Errorf("allow: in the settings: exit %d\n%s%s", code, stdout, stderr)
	}
}

// A topic chain as deep as the table's (10,000) is valid, and the
// commands that walk it answer (their speed is BenchmarkCommandsShapes').
func TestADeepTopicChainIsValid(t *testing.T) {
	var b strings.Builder
	b.WriteString("{\"parley\": 1, \"title\": \"Deep\", \"parties\": [{\"id\": \"a\", \"name\": \"A\"}], \"topics\": [{\"id\": \"t0\", \"title\": \"T0\"}")
	for i := 1; i < 10_000; i++ {
		fmt.Fprintf(&b, ", {\"id\": \"t%d\", \"title\": \"T%d\", \"parent\": \"t%d\"}", i, i, i-1)
	}
	b.WriteString("], \"positions\": [{\"party\": \"a\", \"topic\": \"t9999\", \"stance\": \"support\"}]}\n")
	file := writeFile(t, t.TempDir(), "deep.json", b.String())
	for _, args := range [][]string{{"validate", file}, {"common-ground", "-d", file}, {"export", "--format", "md", "-d", file}} {
		if _, stderr, code := within(t, time.Minute, args...); code != exitOK {
			t.Errorf("parley %s: exit %d\n%s", args[0], code, stderr)
		}
	}
}

// The explorer's editing session is what reloads a dossier changed on disk
// (live reload): it reads through the same policy as every command, the
// folders of --allow and of the settings' allow: included. A dossier that
// comes to name a statement file outside its folder while it is open is
// refused, not read.
func TestTheExplorersLiveReloadReadsThroughThePolicy(t *testing.T) {
	talks, elsewhere := hostileFolder(t)
	writeFile(t, elsewhere, "more.jsonl", `{"id": "s1", "kind": "reported", "party": "a", "text": "SECRET-KEY-MATERIAL"}`+"\n")
	for _, tc := range []struct {
		name string
		app  app
		want string // "" to read it
	}{
		{"nothing allowed", app{}, "it is " + filepath.Join(elsewhere, "more.jsonl") + ", outside the dossier's folder"},
		{"--allow", app{allow: []string{elsewhere}}, ""},
		{"allow: in the settings", app{config: &data.Config{Allow: []string{elsewhere}}}, ""},
	} {
		t.Run(tc.name, func(t *testing.T) {
			file := writeFile(t, talks, "talks.yaml", hostileHead)
			a := tc.app
			a.dossier = file
			if a.config == nil {
				a.config = &data.Config{} // as loadConfig leaves it with no settings file
			}
			s, err := a.editing().Open()
			if err != nil {
				t.Fatal(err)
			}
			writeFile(t, talks, "talks.yaml", hostileHead+"statement_files: [../elsewhere/more.jsonl]\n")
			changes, err := s.Snapshot().Changed()
			if tc.want == "" {
				if err != nil || len(changes) != 2 || !strings.Contains(string(changes[1].Data), "SECRET-KEY-MATERIAL") {
					t.Fatalf("allowed: changes %v, err %v; want the dossier and its new statement file", len(changes), err)
				}
				return
			}
			if err == nil || !strings.Contains(err.Error(), tc.want) {
				t.Fatalf("err %v; want the new statement file refused: %q", err, tc.want)
			}
			if strings.Contains(err.Error(), "SECRET-KEY-MATERIAL") {
				t.Error("the file outside reached the message")
			}
		})
	}
}
