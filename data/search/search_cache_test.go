package search

import (
	"fmt"
	"os"
	"path/filepath"
	"reflect"
	"slices"
	"strings"
	"testing"

	"github.com/parley-dev/parley/data"
	"github.com/parley-dev/parley/data/synth"
)

// caching opens as LoadIndexed and Open do, but writes a cache for a
// dossier of n statements or more (the default is slow to generate).
func caching(n int) opener {
	o := defaultOpener()
	o.tune.minCacheStatements = n
	return o
}

func TestSearchCache(t *testing.T) {
	t.Setenv("XDG_CACHE_HOME", t.TempDir())
	o := caching(1000)
	o.tune.prefixListMin = 2000 // the cache holds prefix lists too
	t.Setenv("HOME", t.TempDir())
	dir := t.TempDir()
	path, err := synth.Write(dir, synth.Options{N: 3000, Seed: 3})
	if err != nil {
		t.Fatal(err)
	}
	open := func() (*data.Dossier, data.Problems, *Index, bool) {
		t.Helper()
		cold := false
		d, probs, ix, err := o.loadIndexed(path, func(stage LoadStage, done, total int) {
			cold = cold || stage == StageLoad
		}, data.ReadPolicy{})
		warm := !cold
		if err != nil {
			t.Fatal(err)
		}
		return d, probs, ix, warm
	}
	d1, p1, ix1, warm := open()
	if warm {
		t.Fatal("first open used a cache")
	}
	if _, err := os.Stat(CachePath(path)); err != nil {
		t.Fatalf("no cache written: %v", err)
	}
	if entries, _ := os.ReadDir(dir); len(entries) != 2 {
		t.Fatalf("the dossier's folder has %d files, want the 2 it had", len(entries))
	}
	d2, p2, ix2, warm := open()
	if !warm {
		t.Fatal("second open did not use the cache")
	}
	if len(d1.Statements) != len(d2.Statements) || len(p1) != len(p2) {
		t.Fatalf("cached dossier differs: %d/%d statements, %d/%d problems", len(d1.Statements), len(d2.Statements), len(p1), len(p2))
	}
	for i := range d1.Statements {
		a, b := d1.Statements[i], d2.Statements[i]
		if a.ID != b.ID || a.Text != b.Text || a.Party != b.Party || a.Actor != b.Actor || a.Date != b.Date || !slices.Equal(a.Topics, b.Topics) || a.Pos != b.Pos || a.Kind != b.Kind || a.Note() != b.Note() {
			t.Fatalf("statement %d differs:\n%+v\n%+v", i, a, b)
		}
	}
	for i := range p1 {
		if p1[i] != p2[i] {
			t.Fatalf("problem %d differs:\n%+v\n%+v", i, p1[i], p2[i])
		}
	}
	if d2.Statement(d1.Statements[10].ID) == nil {
		t.Fatal("cached statements are not in the dossier's index")
	}
	same := func(ixA, ixB *Index) {
		t.Helper()
		for _, qs := range []string{"security", "nato en", `"written response"`, "party:russia sanctions", "secuirty", "speaker:lavrov", "date:2022-01 troops",
			"guarantee ", "negotiating ", "negotia", "-sanction security", "s", "in t", "party:russia th"} {
			qa, _ := ParseQuery(qs, ixA.Dossier())
			qb, _ := ParseQuery(qs, ixB.Dossier())
			ra, rb := ixA.Search(qa, 20), ixB.Search(qb, 20)
			if ra.Total != rb.Total || len(ra.Hits) != len(rb.Hits) {
				t.Fatalf("%q: %d/%d results from the cache, want %d/%d", qs, rb.Total, len(rb.Hits), ra.Total, len(ra.Hits))
			}
			for i := range ra.Hits {
				if ra.Hits[i].Statement.ID != rb.Hits[i].Statement.ID || ra.Hits[i].Score != rb.Hits[i].Score || !slices.Equal(ra.Hits[i].Spans, rb.Hits[i].Spans) {
					t.Fatalf("%q: hit %d differs", qs, i)
				}
			}
		}
	}
	same(ix1, ix2)

	// A damaged cache is ignored and rebuilt.
	cache := CachePath(path)
	b, _ := os.ReadFile(cache)
	for di, damage := range []func([]byte) []byte{
		func(b []byte) []byte { c := slices.Clone(b); c[len(c)/2] ^= 0x55; return c },
		func(b []byte) []byte { return b[:len(b)/3] },
		func(b []byte) []byte { return b[:10] },
		func(b []byte) []byte { c := slices.Clone(b); c[30] ^= 1; return c },
	} {
		if err := os.WriteFile(cache, damage(b), 0o644); err != nil {
			t.Fatal(err)
		}
		_, _, ix3, warm := open()
		if warm {
			t.Fatalf("damaged cache %d was used", di)
		}
		same(ix1, ix3)
		if _, _, _, warm := open(); !warm {
			t.Fatal("the damaged cache was not rebuilt")
		}
	}

	// A changed statement file makes the cache stale.
	jsonl := filepath.Join(dir, synth.StatementsFile)
	f, err := os.OpenFile(jsonl, os.O_APPEND|os.O_WRONLY, 0)
	if err != nil {
		t.Fatal(err)
	}
	f.WriteString(`{"id":"added","kind":"reported","actor":"lavrov","text":"A brand new zanzibar statement.","source":"wire"}` + "\n")
	f.Close()
	d4, _, ix4, warm := open()
	if warm {
		t.Fatal("a stale cache was used after the statements changed")
	}
	if d4.Statement("added") == nil {
		t.Fatal("the new statement is missing")
	}
	q, _ := ParseQuery("zanzibar", d4)
	if r := ix4.Search(q, 5); r.Total != 1 {
		t.Fatalf("new statement not found: %d", r.Total)
	}
	if _, _, _, warm := open(); !warm {
		t.Fatal("cache not rebuilt after the change")
	}
	// So does a cache from a build that stems or folds words otherwise,
	// whatever its format number.
	o.format = "another stemmer"
	if _, _, _, warm := open(); warm {
		t.Fatal("a cache of another stemmer was used")
	}
	if _, _, _, warm := open(); !warm {
		t.Fatal("cache not rebuilt for the new stemmer")
	}
	// So does a changed dossier file.
	src, _ := os.ReadFile(path)
	os.WriteFile(path, append(src, []byte("# a comment\n")...), 0o644)
	if _, _, _, warm := open(); warm {
		t.Fatal("a stale cache was used after the dossier changed")
	}
}

// benchDossier is a generated dossier of n statements on disk, kept
// between runs in the temp directory (PARLEY_BENCH_1M_DIR names one made
// with go run ./data/synth/cmd/gen -n 1000000 for the 1M benchmark), with
// its search cache built.
func benchDossier(b *testing.B, n int) string {
	if os.Getenv("XDG_CACHE_HOME") == "" {
		b.Setenv("XDG_CACHE_HOME", filepath.Join(os.TempDir(), "parley-bench-cache"))
	}
	dir := ""
	if n == 1_000_000 {
		dir = os.Getenv("PARLEY_BENCH_1M_DIR")
	}
	if dir == "" {
		dir = filepath.Join(os.TempDir(), fmt.Sprintf("parley-bench-%d", n))
	}
	path := filepath.Join(dir, synth.DossierFile)
	if _, err := os.Stat(filepath.Join(dir, synth.StatementsFile)); err != nil {
		if _, err := synth.Write(dir, synth.Options{N: n, Seed: 1, Lines: true}); err != nil {
			b.Fatal(err)
		}
	}
	if _, _, _, err := LoadIndexed(path, nil); err != nil { // cold, once: builds the cache
		b.Fatal(err)
	}
	return path
}

func benchOpen(b *testing.B, n int) {
	path := benchDossier(b, n)
	b.ResetTimer()
	for range b.N {
		cold := false
		_, _, ix, err := LoadIndexed(path, func(s LoadStage, _, _ int) { cold = cold || s == StageLoad })
		if err != nil || cold || ix.Len() != n {
			b.Fatalf("warm open failed: err=%v cold=%v", err, cold)
		}
	}
}

// BenchmarkOpenWarm100k: open a 100k-statement dossier to searchable from
// its search cache.
func BenchmarkOpenWarm100k(b *testing.B) { benchOpen(b, 100_000) }

// BenchmarkOpenWarm1M: target ≤ 1.5 s. Opt in with PARLEY_BENCH_1M=1 (the
// first run generates ~370 MB of JSON Lines and loads it cold once).
func BenchmarkOpenWarm1M(b *testing.B) {
	if os.Getenv("PARLEY_BENCH_1M") == "" {
		b.Skip("set PARLEY_BENCH_1M=1 to run the 1M-statement benchmarks")
	}
	benchOpen(b, 1_000_000)
}

// When the cache just written cannot be read back, the first open still
// ends with the dossier and its index, loaded the long way again.
func TestFirstOpenSurvivesAnUnreadableCache(t *testing.T) {
	t.Setenv("XDG_CACHE_HOME", t.TempDir())
	o := caching(100)
	o.readBack = func(string, string, LoadProgress, data.ReadPolicy) (*data.Dossier, data.Problems, *Index, error) {
		return nil, nil, nil, errStaleCache
	}
	path, err := synth.Write(t.TempDir(), synth.Options{N: 300, Seed: 5})
	if err != nil {
		t.Fatal(err)
	}
	d, _, ix, err := o.loadIndexed(path, nil, data.ReadPolicy{})
	if err != nil || d == nil || ix == nil || len(d.Statements) < 300 || ix.Len() != len(d.Statements) {
		t.Fatalf("err %v, dossier %v, index %v", err, d != nil, ix != nil)
	}
	q, _ := ParseQuery("security", d)
	if ix.Search(q, 10).Total == 0 {
		t.Error("the index found nothing")
	}
}

// A format 1.1 dossier's statement files come back from the cache as they
// were read: act, via, about, the draft with its spans, the note and the
// anchor (the cache once dropped the 1.1 fields).
func TestTheCacheKeepsWhatAFormat11StatementSays(t *testing.T) {
	t.Setenv("XDG_CACHE_HOME", t.TempDir())
	o := caching(100)
	dir := t.TempDir()
	fixture := filepath.Join("..", "..", "testdata", "dossiers", "format-1.1")
	for _, name := range []string{"harbour.yaml", "report.txt"} {
		b, err := os.ReadFile(filepath.Join(fixture, name))
		if err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(filepath.Join(dir, name), b, 0o644); err != nil {
			t.Fatal(err)
		}
	}
	var lines []string
	for i := range 60 {
		lines = append(lines,
			fmt.Sprintf(`{"id": "close-%d", "kind": "quote", "act": "rejection", "actor": "lind", "text": "We will not sign anything that closes the harbour", "topics": ["harbour"], "source": "report", "note": "copy %d", "draft": {"rule": "quote-said-name", "confidence": 0.92, "spans": {"content": [112, 161], "cue": [166, 170], "source": [171, 179]}}}`, i, i),
			fmt.Sprintf(`{"id": "not-now-%d", "kind": "quote", "act": "rejection", "actor": "lind", "text": "Not now and not later.", "topics": ["harbour"], "source": "report", "draft": {"rule": "quote-continued", "confidence": 0.7, "spans": {"content": [[209, 216], [235, 249]], "cue": [225, 230]}}}`, i),
			fmt.Sprintf(`{"id": "no-closure-%d", "kind": "reported", "act": "warning", "actor": "lind", "via": ["radio"], "text": "The north will sign nothing that closes the harbour.", "topics": ["harbour"], "source": "report", "anchor": {"exact": "We will not sign anything that closes the harbour"}}`, i),
			fmt.Sprintf(`{"id": "entrance-%d", "kind": "account", "about": ["south"], "text": "The south rejects the charge that it blocked the harbour entrance.", "source": "report"}`, i))
	}
	if err := os.MkdirAll(filepath.Join(dir, "statements"), 0o755); err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(filepath.Join(dir, "statements", "extra.jsonl"), []byte(strings.Join(lines, "\n")+"\n"), 0o644); err != nil {
		t.Fatal(err)
	}
	path := filepath.Join(dir, "harbour.yaml")
	if _, _, _, err := o.loadIndexed(path, nil, data.ReadPolicy{}); err != nil { // writes the cache
		t.Fatal(err)
	}
	loaded, _, err := data.Load(path)
	if err != nil {
		t.Fatal(err)
	}
	cold := false
	cached, _, _, err := o.loadIndexed(path, func(s LoadStage, _, _ int) { cold = cold || s == StageLoad }, data.ReadPolicy{})
	if err != nil || cold {
		t.Fatalf("the second open: err %v, loaded the long way %v", err, cold)
	}
	if len(cached.Statements) != len(loaded.Statements) || len(loaded.Statements) < len(lines) {
		t.Fatalf("%d statements from the cache, %d loaded, want %d and more", len(cached.Statements), len(loaded.Statements), len(lines))
	}
	drafts := 0
	for i, a := range loaded.Statements {
		b := cached.Statements[i]
		if a.ID != b.ID || !reflect.DeepEqual(a.Extra(), b.Extra()) || !reflect.DeepEqual(a.Location, b.Location) {
			t.Fatalf("statement %s from the cache:\n%+v %+v\nloaded:\n%+v %+v", a.ID, b, b.Extra(), a, a.Extra())
		}
		if b.Draft() != nil {
			drafts++
		}
	}
	if drafts < 120 {
		t.Errorf("%d statements with a draft, want 120 and more", drafts)
	}
}
