package data_test

import (
	"bytes"
	"errors"
	"os"
	"path/filepath"
	"strconv"
	"strings"
	"testing"

	"github.com/parley-dev/parley/data"
)

func mustEmbedded(t testing.TB) *data.Dossier {
	t.Helper()
	d, _, err := data.LoadEmbedded()
	if err != nil {
		t.Fatalf("embedded dossier: %v", err)
	}
	return d
}

// The embedded JSON is the authored YAML exported, byte for byte.
func TestEmbeddedJSONIsTheYAMLExported(t *testing.T) {
	d, probs, err := data.Load(filepath.Join("geneva", "geneva.yaml"))
	if err != nil {
		t.Fatalf("geneva.yaml: %v", err)
	}
	if len(probs) != 0 {
		t.Errorf("geneva.yaml has problems: %v", probs)
	}
	want, err := data.ExportJSON(d)
	if err != nil {
		t.Fatal(err)
	}
	path := filepath.Join("geneva", "geneva.json")
	if *update {
		if err := os.WriteFile(path, want, 0o644); err != nil {
			t.Fatal(err)
		}
	}
	got, err := os.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	if !bytes.Equal(got, want) {
		t.Fatalf("geneva.json is not geneva.yaml exported; run go test ./data -run Embedded -update\n%s", firstDiff(want, got))
	}
}

func TestEmbeddedDossierIsValidAndEveryQuoteIsAnchored(t *testing.T) {
	d, probs, err := data.LoadEmbedded()
	if err != nil {
		t.Fatalf("embedded dossier invalid:\n%v", err)
	}
	if n := probs.Errors(); n != 0 {
		t.Fatalf("%d errors", n)
	}
	quotes := 0
	for _, s := range d.Statements {
		if s.Kind != data.KindQuote {
			continue
		}
		quotes++
		if s.Location == nil {
			t.Errorf("quote %q is not anchored in its source", s.ID)
			continue
		}
		src := d.Source(s.Location.Source)
		got := src.Text[s.Location.Start:s.Location.End]
		if got != s.Text {
			t.Errorf("quote %q anchored at %q", s.ID, got)
		}
		if s.Location.Paragraph < 1 || s.Location.Paragraph > len(src.Paragraphs) {
			t.Errorf("quote %q: paragraph %d out of range", s.ID, s.Location.Paragraph)
		}
	}
	if quotes == 0 {
		t.Fatal("the embedded dossier has no quotes")
	}
	for _, id := range []string{"us", "russia", "nato", "ukraine"} {
		if d.Party(id) == nil {
			t.Errorf("party %q missing", id)
		}
	}
	var names []string
	for _, p := range d.ComparedParties() {
		names = append(names, p.ID)
	}
	if got := strings.Join(names, ","); got != "us,russia,nato" {
		t.Errorf("compared parties = %s, want us,russia,nato", got)
	}
}

// The embedded source must be the shared report, byte for byte.
func TestEmbeddedSourceMatchesTheReport(t *testing.T) {
	shared := filepath.Join("..", "..", "shared", "sources", "geneva-2022-01-21.txt")
	want, err := os.ReadFile(shared)
	if err != nil {
		t.Skipf("shared report not present: %v", err)
	}
	got, err := os.ReadFile(filepath.Join("geneva", "sources", "geneva-2022-01-21.txt"))
	if err != nil {
		t.Fatal(err)
	}
	if !bytes.Equal(got, want) {
		t.Fatal("data/geneva/sources/geneva-2022-01-21.txt differs from the shared report")
	}
}

func TestExportJSONRoundTripIsByteIdentical(t *testing.T) {
	first, err := data.ExportJSON(mustEmbedded(t))
	if err != nil {
		t.Fatal(err)
	}
	path := filepath.Join(t.TempDir(), "geneva.json")
	if err := os.WriteFile(path, first, 0o644); err != nil {
		t.Fatal(err)
	}
	d, _, err := data.Load(path)
	if err != nil {
		t.Fatalf("loading the export: %v", err)
	}
	second, err := data.ExportJSON(d)
	if err != nil {
		t.Fatal(err)
	}
	if !bytes.Equal(first, second) {
		t.Fatalf("export → load → export differs:\n%s", firstDiff(first, second))
	}
}

func TestExportYAMLLoadsToTheSameDossier(t *testing.T) {
	orig := mustEmbedded(t)
	y, err := data.ExportYAML(orig)
	if err != nil {
		t.Fatal(err)
	}
	path := filepath.Join(t.TempDir(), "geneva.yaml")
	if err := os.WriteFile(path, y, 0o644); err != nil {
		t.Fatal(err)
	}
	d, _, err := data.Load(path)
	if err != nil {
		t.Fatalf("loading the YAML export: %v", err)
	}
	a, _ := data.ExportJSON(orig)
	b, _ := data.ExportJSON(d)
	if !bytes.Equal(a, b) {
		t.Fatalf("YAML export does not load back to the same dossier:\n%s", firstDiff(a, b))
	}
}

func firstDiff(a, b []byte) string {
	al, bl := strings.Split(string(a), "\n"), strings.Split(string(b), "\n")
	for i := range min(len(al), len(bl)) {
		if al[i] != bl[i] {
			return "line " + strconv.Itoa(i+1) + ":\n- " + al[i] + "\n+ " + bl[i]
		}
	}
	return "lengths differ"
}

func TestWriteFileAtomic(t *testing.T) {
	dir := t.TempDir()
	path := filepath.Join(dir, "out.json")
	if err := data.WriteFileAtomic(path, []byte("one"), false); err != nil {
		t.Fatal(err)
	}
	err := data.WriteFileAtomic(path, []byte("two"), false)
	if !errors.Is(err, data.ErrExists) {
		t.Fatalf("second write without force: err = %v, want ErrExists", err)
	}
	if b, _ := os.ReadFile(path); string(b) != "one" {
		t.Fatalf("refused write changed the file: %q", b)
	}
	if err := data.WriteFileAtomic(path, []byte("three"), true); err != nil {
		t.Fatal(err)
	}
	if b, _ := os.ReadFile(path); string(b) != "three" {
		t.Fatalf("forced write: file holds %q", b)
	}
	entries, _ := os.ReadDir(dir)
	if len(entries) != 1 {
		t.Fatalf("temporary files left behind: %v", entries)
	}
}

func TestWriteFileAtomicFailureKeepsTheOldFile(t *testing.T) {
	if os.Geteuid() == 0 {
		// root ignores directory permissions; simulate with a missing
		// directory instead, which fails at the same step.
		err := data.WriteFileAtomic(filepath.Join(t.TempDir(), "no", "such", "dir", "f"), []byte("x"), true)
		if err == nil {
			t.Fatal("write into a missing directory succeeded")
		}
		return
	}
	dir := t.TempDir()
	path := filepath.Join(dir, "out.json")
	if err := os.WriteFile(path, []byte("old"), 0o644); err != nil {
		t.Fatal(err)
	}
	if err := os.Chmod(dir, 0o555); err != nil {
		t.Fatal(err)
	}
	defer os.Chmod(dir, 0o755)
	if err := data.WriteFileAtomic(path, []byte("new"), true); err == nil {
		t.Fatal("write into a read-only directory succeeded")
	}
	if b, _ := os.ReadFile(path); string(b) != "old" {
		t.Fatalf("failed write changed the file: %q", b)
	}
}

func BenchmarkLoadEmbedded(b *testing.B) {
	b.ReportAllocs()
	for b.Loop() {
		if _, _, err := data.LoadEmbedded(); err != nil {
			b.Fatal(err)
		}
	}
}

func BenchmarkLoadEmbeddedYAML(b *testing.B) {
	b.ReportAllocs()
	for b.Loop() {
		if _, _, err := data.LoadEmbeddedYAML(); err != nil {
			b.Fatal(err)
		}
	}
}
