package importer

import (
	"bytes"
	"context"
	"errors"
	"net/http"
	"net/http/httptest"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/parley-dev/parley/data"
	"github.com/parley-dev/parley/data/article"
)

const genevaPath = "../geneva/sources/geneva-2022-01-21.txt"

func runImport(t *testing.T, cfg Config) (*Report, string, string, error) {
	t.Helper()
	var out, errOut bytes.Buffer
	cfg.Stdout, cfg.Stderr = &out, &errOut
	rep, err := Run(context.Background(), cfg)
	return rep, out.String(), errOut.String(), err
}

func TestImportWritesACommentedDraftThatValidates(t *testing.T) {
	path := filepath.Join(t.TempDir(), "geneva-draft.yaml")
	rep, _, _, err := runImport(t, Config{Inputs: []string{genevaPath}, Output: path})
	if err != nil {
		t.Fatal(err)
	}
	b, err := os.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	if !bytes.HasPrefix(b, []byte("# yaml-language-server:")) || !bytes.Contains(b, []byte("# A DRAFT dossier, written by parley import from 1 article.")) {
		t.Errorf("no header comment:\n%s", b[:min(len(b), 400)])
	}
	if !bytes.Contains(b, []byte("text: |")) {
		t.Errorf("the source text is not a block scalar")
	}
	d, probs, err := data.Load(path)
	if err != nil || probs.Errors() > 0 {
		t.Fatalf("the draft does not validate: %v %v", err, probs)
	}
	if len(d.Statements) == 0 {
		t.Fatal("no statements")
	}
	var text bytes.Buffer
	rep.WriteText(&text)
	if !strings.Contains(text.String(), genevaPath+": ") || !strings.Contains(text.String(), "wrote "+path) {
		t.Errorf("report:\n%s", text.String())
	}
}

func TestImportNeverOverwritesWithoutForce(t *testing.T) {
	path := filepath.Join(t.TempDir(), "talks.yaml")
	if err := os.WriteFile(path, []byte("mine\n"), 0o644); err != nil {
		t.Fatal(err)
	}
	_, _, _, err := runImport(t, Config{Inputs: []string{genevaPath}, Output: path})
	if !errors.Is(err, data.ErrExists) {
		t.Fatalf("error %v, want ErrExists", err)
	}
	if b, _ := os.ReadFile(path); string(b) != "mine\n" {
		t.Fatalf("the file was changed: %q", b)
	}
	if _, _, _, err := runImport(t, Config{Inputs: []string{genevaPath}, Output: path, Force: true}); err != nil {
		t.Fatal(err)
	}
	if b, _ := os.ReadFile(path); string(b) == "mine\n" {
		t.Fatal("--force did not replace the file")
	}
}

func TestImportJSONIsTheExportShape(t *testing.T) {
	_, out, _, err := runImport(t, Config{Inputs: []string{genevaPath}, JSON: true})
	if err != nil {
		t.Fatal(err)
	}
	d, probs, err := data.Parse("draft.json", []byte(out), nil)
	if err != nil || probs.Errors() > 0 {
		t.Fatalf("stdout is not a valid JSON dossier: %v %v", err, probs)
	}
	again, err := data.ExportJSON(d)
	if err != nil {
		t.Fatal(err)
	}
	if string(again) != out {
		t.Errorf("the JSON is not what export --format json writes for the same dossier")
	}
}

func TestImportUsageErrors(t *testing.T) {
	for _, tc := range []struct {
		name string
		cfg  Config
		msg  string
	}{
		{"nothing to import", Config{}, "at least one FILE or URL"},
		{"-o and --into", Config{Inputs: []string{"a.txt"}, Output: "x.yaml", Into: "y.yaml"}, "not both"},
		{"--json and -o", Config{Inputs: []string{"a.txt"}, JSON: true, Output: "x.yaml"}, "does not go with -o"},
		{"--force alone", Config{Inputs: []string{"a.txt"}, Force: true}, "there is none"},
	} {
		t.Run(tc.name, func(t *testing.T) {
			_, _, _, err := runImport(t, tc.cfg)
			var ue *UsageError
			if !errors.As(err, &ue) || !strings.Contains(err.Error(), tc.msg) {
				t.Errorf("error %v, want a usage error saying %q", err, tc.msg)
			}
		})
	}
}

func TestBadInputsWriteNothing(t *testing.T) {
	dir := t.TempDir()
	empty := filepath.Join(dir, "empty.txt")
	os.WriteFile(empty, nil, 0o644)
	binary := filepath.Join(dir, "photo.txt")
	os.WriteFile(binary, []byte("\x89PNG\r\n\x1a\n\x00\x00"), 0o644)
	out := filepath.Join(dir, "draft.yaml")
	_, _, _, err := runImport(t, Config{Inputs: []string{genevaPath, empty, binary}, Output: out})
	if err == nil {
		t.Fatal("no error")
	}
	for _, want := range []string{empty + ": the file is empty", binary + ": a binary file", "2 inputs could not be read; nothing was written"} {
		if !strings.Contains(err.Error(), want) {
			t.Errorf("error %q does not say %q", err, want)
		}
	}
	if _, err := os.Stat(out); !errors.Is(err, os.ErrNotExist) {
		t.Errorf("a draft was written: %v", err)
	}
}

func TestAnArticleWithoutQuotesWritesTheSourceOnly(t *testing.T) {
	dir := t.TempDir()
	in := filepath.Join(dir, "weather.txt")
	os.WriteFile(in, []byte("Rain in Geneva\n\nIt rained in Geneva all day. The lake was grey and the boats stayed in.\n"), 0o644)
	out := filepath.Join(dir, "draft.yaml")
	rep, _, _, err := runImport(t, Config{Inputs: []string{in}, Output: out})
	if err != nil {
		t.Fatal(err)
	}
	var b bytes.Buffer
	rep.WriteText(&b)
	if !strings.Contains(b.String(), in+": no statements found; wrote the source only") {
		t.Errorf("report:\n%s", b.String())
	}
	d, probs, err := data.Load(out)
	if err != nil || probs.Errors() > 0 || len(d.Sources) != 1 {
		t.Fatalf("%v %v", err, probs)
	}
}

func TestImportingAURL(t *testing.T) {
	page, err := os.ReadFile("../article/testdata/harbour.html")
	if err != nil {
		t.Fatal(err)
	}
	srv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		if r.URL.Path != "/news/harbour" {
			http.NotFound(w, r)
			return
		}
		w.Header().Set("Content-Type", "text/html; charset=utf-8")
		w.Write(page)
	}))
	defer srv.Close()
	_, out, _, err := runImport(t, Config{Inputs: []string{srv.URL + "/news/harbour"}, JSON: true, Fetcher: article.Fetcher{Client: srv.Client()}})
	if err != nil {
		t.Fatal(err)
	}
	d, _, err := data.Parse("draft.json", []byte(out), nil)
	if err != nil {
		t.Fatal(err)
	}
	s := d.Sources[0]
	if s.URL != srv.URL+"/news/harbour" || s.Publisher != "The Coastal Herald" || s.Date.String() != "2024-03-05" {
		t.Errorf("source %+v", *s)
	}
	var lind bool
	for _, a := range d.Actors {
		lind = lind || a.Name == "Ana Lind"
	}
	if !lind {
		t.Errorf("Ana Lind is not an actor: %+v", d.Actors)
	}
	_, _, _, err = runImport(t, Config{Inputs: []string{srv.URL + "/gone"}, JSON: true, Fetcher: article.Fetcher{Client: srv.Client()}})
	if err == nil || !strings.Contains(err.Error(), "404") {
		t.Errorf("a missing page: %v", err)
	}
}

func TestProgressOnATerminal(t *testing.T) {
	out := filepath.Join(t.TempDir(), "draft.yaml")
	inputs := []string{genevaPath, genevaPath, genevaPath, genevaPath}
	_, _, stderr, err := runImport(t, Config{Inputs: inputs, Output: out, Progress: true})
	if err != nil {
		t.Fatal(err)
	}
	if !strings.Contains(stderr, "importing 4/4") {
		t.Errorf("no progress line: %q", stderr)
	}
	_, _, stderr, _ = runImport(t, Config{Inputs: inputs, Output: out, Force: true})
	if stderr != "" {
		t.Errorf("progress drawn when not on a terminal: %q", stderr)
	}
}
