package main

import (
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/parley-dev/parley/data"
)

// parley accept and parley reject review drafts from the command line:
// the file keeps every other byte, ids that name no draft are usage
// errors, and nothing is written when the dossier would not validate.
func TestAcceptAndRejectOnTheCommandLine(t *testing.T) {
	fixture, err := os.ReadFile("testdata/edit/talks.yaml")
	if err != nil {
		t.Fatal(err)
	}
	fresh := func(t *testing.T) string {
		p := filepath.Join(t.TempDir(), "talks.yaml")
		if err := os.WriteFile(p, fixture, 0o644); err != nil {
			t.Fatal(err)
		}
		return p
	}
	drafts := func(t *testing.T, p string) map[string]bool {
		d, _, err := data.Load(p)
		if err != nil {
			t.Fatalf("after the command the dossier does not load: %v", err)
		}
		out := map[string]bool{}
		for _, s := range d.Statements {
			out[s.ID] = s.Draft() != nil
		}
		return out
	}
	for _, tc := range []struct {
		name  string
		args  []string
		code  int
		out   string
		check func(t *testing.T, p string, before map[string]bool)
	}{
		{"accept two", []string{"accept", "lavrov-he-did-not-expect", "blinken-him-calm-situation"}, 0, "accepted 2 drafts", func(t *testing.T, p string, before map[string]bool) {
			after := drafts(t, p)
			for id, was := range before {
				want := was && id != "lavrov-he-did-not-expect" && id != "blinken-him-calm-situation"
				if after[id] != want {
					t.Errorf("%s: draft %v, want %v", id, after[id], want)
				}
			}
		}},
		{"accept above a confidence", []string{"accept", "--above", "0.9"}, 0, "accepted 1 draft", func(t *testing.T, p string, _ map[string]bool) {
			after := drafts(t, p)
			if after["blinken-i-conveyed-position-united"] || after["blinken-i-conveyed-position-united-2"] {
				t.Error("the 0.95 quote is still a draft")
			}
		}},
		{"reject one", []string{"reject", "legend-handshake-geneva-anthony-blinken"}, 0, "rejected 1 draft", func(t *testing.T, p string, _ map[string]bool) {
			if _, ok := drafts(t, p)["legend-handshake-geneva-anthony-blinken"]; ok {
				t.Error("the rejected statement is still there")
			}
		}},
		{"an unknown id", []string{"reject", "no-such-statement"}, 2, "", nil},
		{"not a draft", []string{"accept", "lavrov-he-did-not-expect", "lavrov-he-did-not-expect-x"}, 2, "", nil},
		{"no id", []string{"accept"}, 2, "", nil},
		{"a confidence out of range", []string{"accept", "--above", "2"}, 2, "", nil},
	} {
		t.Run(tc.name, func(t *testing.T) {
			p := fresh(t)
			before := drafts(t, p)
			stdout, stderr, code := parley(t, append([]string{"-d", p}, tc.args...)...)
			if code != tc.code || !strings.Contains(stdout, tc.out) {
				t.Fatalf("exit %d (want %d), stdout %q, stderr %q", code, tc.code, stdout, stderr)
			}
			if tc.check == nil {
				if b, _ := os.ReadFile(p); string(b) != string(fixture) {
					t.Error("a refused review changed the file")
				}
				return
			}
			tc.check(t, p, before)
			b, _ := os.ReadFile(p)
			for _, comment := range []string{"# Geneva talks, 2022-01-21", "# NATO is named by the report", "# Positions and demands are ours"} {
				if !strings.Contains(string(b), comment) {
					t.Errorf("the comment %q was lost", comment)
				}
			}
		})
	}
	t.Run("the built-in dossier", func(t *testing.T) {
		if _, _, code := parley(t, "accept", "x"); code != 2 {
			t.Errorf("exit %d, want 2", code)
		}
	})
	t.Run("a dangling reference is not saved", func(t *testing.T) {
		p := fresh(t)
		text := strings.Replace(string(fixture), "basis: inferred,", "basis: inferred, evidence: [lavrov-he-did-not-expect],", 1)
		if err := os.WriteFile(p, []byte(text), 0o644); err != nil {
			t.Fatal(err)
		}
		_, stderr, code := parley(t, "-d", p, "reject", "lavrov-he-did-not-expect")
		if code != 1 || !strings.Contains(strings.ToLower(stderr), "not saved") || !strings.Contains(stderr, "lavrov-he-did-not-expect") {
			t.Errorf("exit %d, stderr %q", code, stderr)
		}
		if b, _ := os.ReadFile(p); string(b) != text {
			t.Error("the file changed")
		}
	})
}
