package data

import (
	"math/rand/v2"
	"os"
	"path/filepath"
	"reflect"
	"strings"
	"testing"
)

// Load streams statement files from disk (streamStatementFile); the
// statements and problems must be those of the slow path, whatever the
// sizes of the pieces it reads and of the blocks it copies into.

func loadStatementFile(t testing.TB, dir string, sizes streamSizes, jsonl string, slow bool) parsed {
	t.Helper()
	if err := os.WriteFile(filepath.Join(dir, "more.jsonl"), []byte(jsonl), 0o644); err != nil {
		t.Fatal(err)
	}
	d, probs, err := LoadWith(filepath.Join(dir, "d.yaml"), LoadOptions{slowJSONL: slow, stream: sizes})
	out := parsed{probs: probs, err: err != nil}
	if d != nil {
		for _, s := range d.Statements {
			out.stmts = append(out.stmts, *s)
		}
	}
	return out
}

func sameOnDisk(t testing.TB, dir string, sizes streamSizes, jsonl string) parsed {
	t.Helper()
	fast := loadStatementFile(t, dir, sizes, jsonl, false)
	slow := loadStatementFile(t, dir, sizes, jsonl, true)
	if fast.err != slow.err {
		t.Fatalf("%q: error %v streamed, %v on the slow path", jsonl, fast.err, slow.err)
	}
	if !reflect.DeepEqual(withoutHints(fast.probs), withoutHints(slow.probs)) {
		t.Fatalf("%q: problems differ\nstreamed:\n%s\nslow:\n%s", jsonl, fast.probs, slow.probs)
	}
	if !reflect.DeepEqual(fast.stmts, slow.stmts) {
		t.Fatalf("%q: statements differ\nstreamed: %#v\nslow: %#v", jsonl, fast.stmts, slow.stmts)
	}
	return fast
}

func diskDossier(t testing.TB) string { return diskDossierOf(t, diffDossier) }

func diskDossierOf(t testing.TB, dossier string) string {
	dir := t.TempDir()
	if err := os.WriteFile(filepath.Join(dir, "d.yaml"), []byte(dossier), 0o644); err != nil {
		t.Fatal(err)
	}
	return dir
}

// smallPieces makes the stream read a few bytes at a time and copy into
// tiny blocks, so that lines and runes are cut everywhere, and read even a
// small file on every core.
func smallPieces(chunk, block int) streamSizes {
	return streamSizes{chunk: chunk, block: block, parallel: 0, scanParallel: 0}
}

func TestStreamedStatementFileMatchesSlow(t *testing.T) {
	all := strings.Join(diffLines, "\n")
	for _, size := range []struct {
		chunk, block int
		dossier      string
	}{{4 << 20, 1 << 20, diffDossier}, {1, 8, diffDossier}, {7, 64, diffDossier}, {64, 256, diffDossier}, {4 << 20, 1 << 20, diffDossier11}, {7, 64, diffDossier11}} {
		small := smallPieces(size.chunk, size.block)
		dir := diskDossierOf(t, size.dossier)
		for _, line := range diffLines {
			sameOnDisk(t, dir, small, line+"\n")
		}
		sameOnDisk(t, dir, small, all)
		sameOnDisk(t, dir, small, all+"\n")
		sameOnDisk(t, dir, small, strings.ReplaceAll(all, "\n", "\r\n"))
		sameOnDisk(t, dir, small, all+"\n"+all)
		sameOnDisk(t, dir, small, "")
		sameOnDisk(t, dir, small, "\n\n  \n")
		sameOnDisk(t, dir, small, all+"\n\x00")
		sameOnDisk(t, dir, small, all+"\n\xe9\n")
		sameOnDisk(t, dir, small, "\xe9\n"+all+"\n"+all+"\n\x00") // a NUL anywhere is said, not the byte before it
		sameOnDisk(t, dir, small, all+"\n\"日本\xe6\x97")           // a rune cut by the end of the file
	}
}

func TestStreamedStatementFileMatchesSlowRandom(t *testing.T) {
	small := smallPieces(13, 128)
	for _, dossier := range []string{diffDossier, diffDossier11} {
		dir := diskDossierOf(t, dossier)
		r := rand.New(rand.NewPCG(9, 10))
		n := 1000
		if testing.Short() {
			n = 100
		}
		var file strings.Builder
		for i := range n {
			file.WriteString(randomLine(r, i) + "\n")
			if i%50 == 49 {
				sameOnDisk(t, dir, small, file.String())
				file.Reset()
			}
		}
	}
}

func TestStreamedStatementFileTakesTheFastPath(t *testing.T) {
	dir := diskDossier(t)
	var b strings.Builder
	for i := range 30 {
		b.WriteString(`{"id":"q` + string(rune('a'+i)) + `","kind":"quote","actor":"ann","text":"Words “quoted” — dashed.","topics":["t1","t2"],"date":"2022-01-21","source":"web","anchor":{"prefix":"p"}}` + "\n")
	}
	before := jsonlFastLines.Load()
	got := sameOnDisk(t, dir, streamSizes{}, b.String()) // the default sizes
	if fast := jsonlFastLines.Load() - before; fast != 30-maxUnverifiedWarnings {
		t.Fatalf("%d lines took the fast path, want %d", fast, 30-maxUnverifiedWarnings)
	}
	if len(got.stmts) != 31 {
		t.Fatalf("%d statements", len(got.stmts))
	}
}

// The strings of a streamed file must not point into the buffer it was
// read through: reading on must not change them.
func TestStreamedStatementsOwnTheirStrings(t *testing.T) {
	small := smallPieces(16, 64)
	dir := diskDossier(t)
	var b strings.Builder
	for i := range 200 {
		b.WriteString(`{"id":"s` + strings.Repeat("x", i%7) + string(rune('A'+i%26)) + string(rune('a'+i/26)) + `","kind":"reported","party":"a","text":"text number ` + strings.Repeat("y", i%40) + `","topics":["t1"],"date":"2022-01-0` + string(rune('1'+i%9)) + `","anchor":{"exact":"e` + strings.Repeat("z", i%5) + `"}}` + "\n")
	}
	src := b.String()
	got := loadStatementFile(t, dir, small, src, false)
	want := parseStatementFile(t, diffDossier, src, true)
	for i := range want.stmts {
		want.stmts[i].Pos.File = got.stmts[i].Pos.File
	}
	if len(got.stmts) != 201 || !reflect.DeepEqual(got.stmts, want.stmts) {
		t.Fatalf("streamed statements differ from parsed ones")
	}
}

func FuzzStreamedStatementFile(f *testing.F) {
	for _, l := range diffLines {
		f.Add(l+"\n", uint8(7))
	}
	r := rand.New(rand.NewPCG(11, 12))
	for i := range 30 {
		f.Add(randomLine(r, i)+"\n"+randomLine(r, i+1), uint8(i))
	}
	f.Fuzz(func(t *testing.T, jsonl string, chunk uint8) {
		sameOnDisk(t, diskDossier(t), smallPieces(1+int(chunk), 16+int(chunk)*4), jsonl)
	})
}
