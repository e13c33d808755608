package data_test

import (
	"errors"
	"fmt"
	"os"
	"path/filepath"
	"runtime"
	"strings"
	"testing"

	"github.com/parley-dev/parley/data"
)

// A dossier from a stranger reads nothing outside its folder: each case is
// what a dossier names, and what parley must do with it.

// tree is a folder of files for one case: the dossier's folder ("talks"),
// a folder beside it ("elsewhere", with secret.txt) and whatever the case
// adds. Paths are slash-separated, relative to the tree's root; a value
// starting with "->" makes a symlink to that path (relative to the root).
type tree map[string]string

func (tr tree) make(t *testing.T) string {
	t.Helper()
	root := t.TempDir()
	all := map[string]string{
		"elsewhere/secret.txt":  "SECRET-KEY-MATERIAL",
		"talks/sources/min.txt": "We will not sign.",
	}
	for k, v := range tr {
		all[k] = v
	}
	for name, content := range all {
		p := filepath.Join(root, filepath.FromSlash(name))
		if err := os.MkdirAll(filepath.Dir(p), 0o755); err != nil {
			t.Fatal(err)
		}
		if target, ok := strings.CutPrefix(content, "->"); ok {
			if err := os.Symlink(filepath.Join(root, filepath.FromSlash(target)), p); err != nil {
				t.Skipf("no symlinks here: %v", err)
			}
			continue
		}
		if err := os.WriteFile(p, []byte(content), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	return root
}

// dossierNaming is a dossier whose one source is file: name, or with
// statements, whose statement file is name.
func dossierNaming(name string, statements bool) string {
	head := "parley: 1\ntitle: T\nparties: [{id: a, name: A}]\n"
	if statements {
		return head + fmt.Sprintf("statement_files: [%q]\n", name)
	}
	return head + fmt.Sprintf("sources:\n  - {id: s, file: %q}\n", name)
}

const secret = "SECRET-KEY-MATERIAL"

func TestADossierReadsOnlyItsOwnFiles(t *testing.T) {
	jsonl := `{"id": "s1", "kind": "reported", "party": "a", "text": "Said so."}` + "\n"
	for _, tc := range []struct {
		name       string
		files      tree
		names      string // what the dossier names; ROOT is the tree's root
		statements bool   // names it in statement_files, not as a source
		allow      []string
		want       string // "" to load; else a part of the one error
	}{
		{name: "a source in the dossier's folder", names: "sources/min.txt"},
		{name: "a relative path that climbs out and back in", names: "../talks/sources/min.txt"},
		{name: "a symlink in a subfolder that points back inside",
			files: tree{"talks/links/min.txt": "->talks/sources/min.txt"}, names: "links/min.txt"},
		{name: "a symlinked subfolder that points back inside",
			files: tree{"talks/more": "->talks/sources"}, names: "more/min.txt"},
		{name: "a symlink that points out is refused",
			files: tree{"talks/sources/key.txt": "->elsewhere/secret.txt"}, names: "sources/key.txt",
			want: `leads through a link to ROOT/elsewhere/secret.txt, outside the dossier's folder ROOT/talks`},
		{name: "a symlinked subfolder that points out is refused",
			files: tree{"talks/out": "->elsewhere"}, names: "out/secret.txt",
			want: `leads through a link to ROOT/elsewhere/secret.txt, outside`},
		{name: "a relative path that climbs out is refused", names: "../elsewhere/secret.txt",
			want: `it is ROOT/elsewhere/secret.txt, outside the dossier's folder ROOT/talks`},
		{name: "an absolute path outside is refused", names: "ROOT/elsewhere/secret.txt",
			want: `it is outside the dossier's folder ROOT/talks`},
		{name: "the refusal says how to allow it", names: "../elsewhere/secret.txt",
			want: `--allow ROOT/elsewhere for one run, or allow: [ROOT/elsewhere] in the settings`},
		{name: "an allowed folder works", names: "../elsewhere/secret.txt", allow: []string{"ROOT/elsewhere"}},
		{name: "a symlink into an allowed folder works",
			files: tree{"talks/sources/key.txt": "->elsewhere/secret.txt"}, names: "sources/key.txt", allow: []string{"ROOT/elsewhere"}},
		{name: "an allowed folder does not allow its neighbour", files: tree{"third/x.txt": "x"}, names: "../third/x.txt",
			allow: []string{"ROOT/elsewhere"}, want: `outside the dossier's folder ROOT/talks and the allowed folders`},
		{name: "a hidden folder in the dossier's folder is refused",
			files: tree{"talks/.ssh/id_ed25519": secret}, names: ".ssh/id_ed25519",
			want: `in a hidden file or folder (.ssh) under ROOT/talks`},
		{name: "a hidden file in the dossier's folder is refused",
			files: tree{"talks/.netrc": secret}, names: ".netrc", want: `hidden file or folder (.netrc)`},
		{name: "a hidden folder allowed by name works",
			files: tree{"talks/.corpus/x.txt": secret}, names: ".corpus/x.txt", allow: []string{"ROOT/talks/.corpus"}},
		{name: "a folder is refused", names: "sources", want: `it is a folder, not a file`},
		{name: "a missing file says so", names: "sources/none.txt", want: `no such file or directory`},

		{name: "a statement file in the dossier's folder", files: tree{"talks/more.jsonl": jsonl}, names: "more.jsonl", statements: true},
		{name: "a statement file that climbs out is refused", files: tree{"elsewhere/s.jsonl": jsonl}, names: "../elsewhere/s.jsonl", statements: true,
			want: `statement_files: cannot read "../elsewhere/s.jsonl": it is ROOT/elsewhere/s.jsonl, outside`},
		{name: "a statement file through a symlink out is refused", files: tree{"elsewhere/s.jsonl": jsonl, "talks/s.jsonl": "->elsewhere/s.jsonl"},
			names: "s.jsonl", statements: true, want: `leads through a link to ROOT/elsewhere/s.jsonl, outside`},
		{name: "a statement file in an allowed folder works", files: tree{"elsewhere/s.jsonl": jsonl}, names: "../elsewhere/s.jsonl", statements: true,
			allow: []string{"ROOT/elsewhere"}},
	} {
		t.Run(tc.name, func(t *testing.T) {
			root := tc.files.make(t)
			if real, err := filepath.EvalSymlinks(root); err == nil {
				root = real // messages name real paths (macOS: /private/var)
			}
			put := func(s string) string { return strings.ReplaceAll(s, "ROOT", root) }
			file := filepath.Join(root, "talks", "talks.yaml")
			if err := os.WriteFile(file, []byte(dossierNaming(put(tc.names), tc.statements)), 0o644); err != nil {
				t.Fatal(err)
			}
			var allow []string
			for _, a := range tc.allow {
				allow = append(allow, put(a))
			}
			policy := data.ReadPolicy{Allow: allow}
			// Load, and Parse through the policy's FS (an editing session
			// checks its text so), answer alike.
			for _, how := range []struct {
				name string
				load func() (*data.Dossier, data.Problems, error)
			}{
				{"LoadWith", func() (*data.Dossier, data.Problems, error) {
					return data.LoadWith(file, data.LoadOptions{Policy: policy})
				}},
				{"Parse with FS", func() (*data.Dossier, data.Problems, error) {
					src, err := os.ReadFile(file)
					if err != nil {
						t.Fatal(err)
					}
					return data.Parse(file, src, policy.Files(file).FS())
				}},
			} {
				d, probs, err := how.load()
				if tc.want == "" {
					if err != nil {
						t.Fatalf("%s: %v\n%v", how.name, err, probs)
					}
					continue
				}
				if err == nil {
					t.Fatalf("%s: loaded (%d sources, source text %q); want an error saying %q", how.name, len(d.Sources), sourceText(d), put(tc.want))
				}
				if len(probs) != 1 || !strings.Contains(probs[0].Message, put(tc.want)) {
					t.Fatalf("%s: problems %v\nwant one saying %q", how.name, probs, put(tc.want))
				}
				if !strings.Contains(probs[0].Message, fmt.Sprintf("cannot read %q", put(tc.names))) {
					t.Errorf("%s: the message does not name the file as written (%q): %s", how.name, put(tc.names), probs[0].Message)
				}
				if strings.Contains(fmt.Sprint(probs), secret) {
					t.Errorf("%s: the secret reached a message: %s", how.name, probs)
				}
			}
		})
	}
}

func sourceText(d *data.Dossier) string {
	if d == nil || len(d.Sources) == 0 {
		return ""
	}
	return d.Sources[0].Text
}

// The home folder is the worst place for a dossier: ~/.ssh is in its
// tree. Hidden folders are refused even there, and ~/ works in Allow.
func TestADossierInTheHomeFolderCannotNameItsSecrets(t *testing.T) {
	home := t.TempDir()
	t.Setenv("HOME", home)
	for name, content := range map[string]string{".ssh/id_ed25519": secret, ".aws/credentials": secret, "corpora/a.txt": "We will not sign."} {
		p := filepath.Join(home, filepath.FromSlash(name))
		if err := os.MkdirAll(filepath.Dir(p), 0o700); err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(p, []byte(content), 0o600); err != nil {
			t.Fatal(err)
		}
	}
	for _, name := range []string{".ssh/id_ed25519", ".aws/credentials", "corpora/../.ssh/id_ed25519"} {
		file := filepath.Join(home, "talks.yaml")
		if err := os.WriteFile(file, []byte(dossierNaming(name, false)), 0o644); err != nil {
			t.Fatal(err)
		}
		_, probs, err := data.LoadWith(file, data.LoadOptions{Policy: data.ReadPolicy{Allow: []string{"~/corpora"}}})
		if err == nil || !strings.Contains(fmt.Sprint(probs), "hidden file or folder") {
			t.Errorf("%s: err %v, problems %v; want it refused as hidden", name, err, probs)
		}
	}
	other := t.TempDir()
	file := filepath.Join(other, "talks.yaml")
	if err := os.WriteFile(file, []byte(dossierNaming(filepath.Join(home, "corpora", "a.txt"), false)), 0o644); err != nil {
		t.Fatal(err)
	}
	if _, probs, err := data.LoadWith(file, data.LoadOptions{Policy: data.ReadPolicy{Allow: []string{"~/corpora"}}}); err != nil {
		t.Errorf("a folder allowed as ~/corpora: %v\n%v", err, probs)
	}
}

// A source text larger than the limit is refused before it is read, with
// the sizes and where large collections belong.
func TestASourceTextHasASizeLimit(t *testing.T) {
	dir := t.TempDir()
	f, err := os.Create(filepath.Join(dir, "huge.txt"))
	if err != nil {
		t.Fatal(err)
	}
	// Sparse: 16 MiB and a byte of nothing, on disk almost nothing.
	if err := f.Truncate(data.MaxSourceSize + 1); err != nil {
		t.Fatal(err)
	}
	f.Close()
	file := filepath.Join(dir, "talks.yaml")
	if err := os.WriteFile(file, []byte(dossierNaming("huge.txt", false)), 0o644); err != nil {
		t.Fatal(err)
	}
	_, probs, err := data.Load(file)
	want := `source "s": cannot read "huge.txt": it is 16.0 MiB; a source text may be at most 16.0 MiB (large collections of statements belong in statement files`
	if err == nil || len(probs) != 1 || !strings.Contains(probs[0].Message, want) {
		t.Fatalf("err %v, problems %v; want one saying %q", err, probs, want)
	}
}

// A line of a statement file longer than the limit is an error at its
// line, on the streamed path and the whole-file one; the lines around it
// are still read.
func TestAStatementLineHasALengthLimit(t *testing.T) {
	dir := t.TempDir()
	long := `{"id": "long", "kind": "reported", "party": "a", "text": "` + strings.Repeat("a", data.MaxStatementLine) + `"}`
	lines := []string{
		`{"id": "s1", "kind": "reported", "party": "a", "text": "First."}`,
		long,
		`{"id": "s3", "kind": "reported", "party": "a", "text": "Third."}`,
		long + long, // longer than a piece read at a time
		`{"id": "s5", "kind": "reported", "party": "a", "text": "Fifth", "bad": 1}`,
	}
	if err := os.WriteFile(filepath.Join(dir, "s.jsonl"), []byte(strings.Join(lines, "\n")+"\n"), 0o644); err != nil {
		t.Fatal(err)
	}
	file := filepath.Join(dir, "talks.yaml")
	if err := os.WriteFile(file, []byte(dossierNaming("s.jsonl", true)), 0o644); err != nil {
		t.Fatal(err)
	}
	check := func(t *testing.T, probs data.Problems) {
		t.Helper()
		var got []string
		for _, p := range probs {
			got = append(got, fmt.Sprintf("%d:%d %s", p.Pos.Line, p.Pos.Col, p.Message))
		}
		want := []string{
			"2:1 line 2 is longer than 1.0 MiB; a line of a statement file may be at most 1.0 MiB (one statement a line)",
			"4:1 line 4 is longer than 1.0 MiB; a line of a statement file may be at most 1.0 MiB (one statement a line)",
			`5:65 statement "s5": unknown field "bad" (ignored: parley does not read it)`,
		}
		if strings.Join(got, "\n") != strings.Join(want, "\n") {
			t.Errorf("problems:\n%s\nwant:\n%s", strings.Join(got, "\n"), strings.Join(want, "\n"))
		}
	}
	t.Run("streamed", func(t *testing.T) {
		_, probs, _ := data.Load(file)
		check(t, probs)
	})
	t.Run("whole", func(t *testing.T) {
		src, err := os.ReadFile(file)
		if err != nil {
			t.Fatal(err)
		}
		_, probs, _ := data.Parse(file, src, data.ReadPolicy{}.Files(file).FS())
		check(t, probs)
	})
}

// Refusals are errors a program can tell apart.
func TestARefusalIsARefusedError(t *testing.T) {
	dir := t.TempDir()
	files := data.ReadPolicy{}.Files(filepath.Join(dir, "talks.yaml"))
	_, _, err := files.Open("../outside.txt")
	var re *data.RefusedError
	if !errors.As(err, &re) || !errors.Is(err, data.ErrRefused) || re.Name != "../outside.txt" || re.Real == "" {
		t.Fatalf("err %#v; want a RefusedError naming the file and where it is", err)
	}
}

// The settings allow folders for good: allow: is a folder or a list of
// them, ~/ and paths relative to the settings file expanded.
func TestSettingsAllowFolders(t *testing.T) {
	home := t.TempDir()
	t.Setenv("HOME", home)
	dir := t.TempDir()
	for _, d := range []string{filepath.Join(home, "corpora"), filepath.Join(dir, "near")} {
		if err := os.MkdirAll(d, 0o755); err != nil {
			t.Fatal(err)
		}
	}
	for _, tc := range []struct {
		yaml  string
		allow []string
		want  string // a problem's message
	}{
		{yaml: "allow: [~/corpora, near]", allow: []string{filepath.Join(home, "corpora"), filepath.Join(dir, "near")}},
		{yaml: "allow: ~/corpora", allow: []string{filepath.Join(home, "corpora")}},
		{yaml: "allow: [nowhere]", allow: []string{filepath.Join(dir, "nowhere")}, want: "config: allow: " + filepath.Join(dir, "nowhere") + " is not a folder; it allows nothing"},
		{yaml: "allow: {a: b}", want: "config: allow must be a folder or a list of folders, found a mapping"},
		{yaml: "allow: [\"\"]", want: "config: allow: a folder cannot be empty"},
	} {
		path := filepath.Join(dir, "config.yaml")
		if err := os.WriteFile(path, []byte(tc.yaml+"\n"), 0o644); err != nil {
			t.Fatal(err)
		}
		cfg, probs, _ := data.LoadConfig(path, nil)
		if tc.want != "" && (len(probs) != 1 || probs[0].Message != tc.want) {
			t.Errorf("%s: problems %v, want %q", tc.yaml, probs, tc.want)
		}
		if tc.want == "" && len(probs) > 0 {
			t.Errorf("%s: problems %v", tc.yaml, probs)
		}
		if tc.allow != nil && (cfg == nil || strings.Join(cfg.Allow, "|") != strings.Join(tc.allow, "|")) {
			t.Errorf("%s: allow %v, want %v", tc.yaml, cfg, tc.allow)
		}
	}
}

// A statement file's line too long to hold is skipped as it streams past,
// never held whole: loading a file with a 16 MiB line allocates far less
// than the line.
func TestALongStatementLineIsNotHeld(t *testing.T) {
	dir := t.TempDir()
	f, err := os.Create(filepath.Join(dir, "s.jsonl"))
	if err != nil {
		t.Fatal(err)
	}
	fmt.Fprintln(f, `{"id": "s1", "kind": "reported", "party": "a", "text": "First."}`)
	fmt.Fprint(f, `{"id": "long", "kind": "reported", "party": "a", "text": "`)
	chunk := []byte(strings.Repeat("a", 1<<20))
	for range 16 {
		f.Write(chunk)
	}
	fmt.Fprintln(f, `"}`)
	fmt.Fprintln(f, `{"id": "s3", "kind": "reported", "party": "a", "text": "Third."}`)
	if err := f.Close(); err != nil {
		t.Fatal(err)
	}
	file := filepath.Join(dir, "talks.yaml")
	if err := os.WriteFile(file, []byte(dossierNaming("s.jsonl", true)), 0o644); err != nil {
		t.Fatal(err)
	}
	var before, after runtime.MemStats
	runtime.GC()
	runtime.ReadMemStats(&before)
	_, probs, _ := data.Load(file)
	runtime.ReadMemStats(&after)
	if len(probs) != 1 || !strings.Contains(probs[0].Message, "line 2 is longer than 1.0 MiB") {
		t.Fatalf("problems %v; want line 2 refused", probs)
	}
	if got := after.TotalAlloc - before.TotalAlloc; got > 24<<20 {
		t.Errorf("loading allocated %d MiB for a file with a 16 MiB line; the line was held", got>>20)
	}
}

// A dossier naming one large file many times does not hold it many times:
// the source files of a dossier hold at most MaxSourcesTotal in all.
func TestSourceTextsHaveATotalLimit(t *testing.T) {
	dir := t.TempDir()
	text := strings.Repeat("We will not sign anything that closes the harbour.\n\n", (12<<20)/52)
	if err := os.WriteFile(filepath.Join(dir, "big.txt"), []byte(text), 0o644); err != nil {
		t.Fatal(err)
	}
	var b strings.Builder
	b.WriteString("parley: 1\ntitle: T\nparties: [{id: a, name: A}]\nsources:\n")
	for i := range 5 {
		fmt.Fprintf(&b, "  - {id: s%d, file: big.txt}\n", i)
	}
	file := filepath.Join(dir, "talks.yaml")
	if err := os.WriteFile(file, []byte(b.String()), 0o644); err != nil {
		t.Fatal(err)
	}
	_, probs, err := data.Load(file)
	if err == nil || len(probs) != 3 {
		t.Fatalf("err %v, problems %v; want the last three sources refused", err, probs)
	}
	want := `source "s2": cannot read "big.txt": with it the dossier's source files hold 36.0 MiB; they may hold at most 32.0 MiB in all`
	if !strings.Contains(probs[0].Message, want) {
		t.Errorf("%s\nwant %q", probs[0].Message, want)
	}
}
