package edit

import (
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// largeDossier writes a dossier whose statements are in a statement file
// of n lines.
func largeDossier(b *testing.B, n int) string {
	b.Helper()
	dir := b.TempDir()
	var sb strings.Builder
	for i := range n {
		fmt.Fprintf(&sb, `{"id": "s%d", "kind": "reported", "party": "north", "text": "Statement number %d, on the harbour and its fees.", "topics": ["harbour"], "date": "2024-03-05"}`+"\n", i, i)
	}
	if err := os.WriteFile(filepath.Join(dir, "big.jsonl"), []byte(sb.String()), 0o644); err != nil {
		b.Fatal(err)
	}
	p := filepath.Join(dir, "talks.yaml")
	src := "parley: 1\ntitle: Big\nparties:\n  - {id: north, name: North}\ntopics:\n  - {id: harbour, title: Harbour}\nstatement_files: [big.jsonl]\n"
	if err := os.WriteFile(p, []byte(src), 0o644); err != nil {
		b.Fatal(err)
	}
	return p
}

// BenchmarkOpenLargeStatementFile opens a dossier of 100k statements for
// editing.
func BenchmarkOpenLargeStatementFile(b *testing.B) {
	p := largeDossier(b, 100_000)
	b.ReportAllocs()
	for b.Loop() {
		if _, err := Open(p); err != nil {
			b.Fatal(err)
		}
	}
}

// BenchmarkEditLargeStatementFile is one edit (a note set on a statement
// in the middle) of a 100k-statement statement file.
func BenchmarkEditLargeStatementFile(b *testing.B) {
	p := largeDossier(b, 100_000)
	s, err := Open(p)
	if err != nil {
		b.Fatal(err)
	}
	b.ReportAllocs()
	i := 0
	for b.Loop() {
		i++
		if err := s.Apply(Set{Ref: StatementRef("s50000"), Field: "note", Value: fmt.Sprint("note ", i)}); err != nil {
			b.Fatal(err)
		}
	}
}

// BenchmarkLongLine reads a dossier whose statements are all on one line
// (a minified JSON file, and the same as a YAML flow list): linear, not
// quadratic, in the line's length.
func BenchmarkLongLine(b *testing.B) {
	var sb strings.Builder
	sb.WriteString(`{"parley": 1, "title": "t", "parties": [{"id": "p", "name": "P"}], "statements": [`)
	for i := range 20_000 {
		if i > 0 {
			sb.WriteString(", ")
		}
		fmt.Fprintf(&sb, `{"id": "s%d", "kind": "reported", "party": "p", "text": "Statement é %d"}`, i, i)
	}
	sb.WriteString("]}\n")
	src := []byte(sb.String())
	for _, f := range []Format{JSON, YAML} {
		b.Run(f.String(), func(b *testing.B) {
			for b.Loop() {
				if _, err := parseText(f, src); err != nil {
					b.Fatal(err)
				}
			}
		})
	}
}
