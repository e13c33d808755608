package search

import (
	"os"
	"path/filepath"
	"testing"
	"time"

	"github.com/parley-dev/parley/data"
	"github.com/parley-dev/parley/data/synth"
)

// The first open of a large dossier gives the dossier before its index;
// the index comes in the background, then the cache, and the next open
// has both at once.
func TestOpenGivesTheDossierFirstThenTheIndex(t *testing.T) {
	t.Setenv("XDG_CACHE_HOME", t.TempDir())
	t.Setenv("HOME", t.TempDir())
	o := caching(1000)
	path, err := synth.Write(t.TempDir(), synth.Options{N: 40_000, Seed: 7})
	if err != nil {
		t.Fatal(err)
	}
	d, _, ix, pending, err := o.open(path, nil, data.ReadPolicy{})
	if err != nil {
		t.Fatal(err)
	}
	if ix != nil || pending == nil || len(d.Statements) < 40_000 {
		t.Fatalf("first open: index %v, pending %v, %d statements", ix != nil, pending != nil, len(d.Statements))
	}
	if d.Statement(d.Statements[123].ID) == nil {
		t.Fatal("the dossier is not usable before its index")
	}
	reports := 0
	deadline := time.After(2 * time.Minute)
wait:
	for {
		select {
		case <-pending.Changed():
			stage, done, total := pending.Progress()
			if stage == StageIndex && (done > total || total != len(d.Statements)) {
				t.Errorf("progress %s %d/%d", stage, done, total)
			}
			reports++
		case <-pending.Ready():
			break wait
		case <-deadline:
			t.Fatal("the index never came")
		}
	}
	if reports == 0 {
		t.Error("no progress was reported")
	}
	ix = pending.Index()
	q, _ := ParseQuery("security", d)
	if ix == nil || ix.Search(q, 10).Total == 0 {
		t.Fatal("the index from the background finds nothing")
	}
	// Done, not Stop: Stop right after Ready may come before the cache is
	// begun (a busy machine), and then none is, as for a program quitting.
	<-pending.Done()
	if _, err := os.Stat(CachePath(path)); err != nil {
		t.Fatalf("no cache after the background work: %v", err)
	}
	d2, _, ix2, pending2, err := o.open(path, nil, data.ReadPolicy{})
	if err != nil || ix2 == nil || pending2 != nil || len(d2.Statements) != len(d.Statements) {
		t.Fatalf("second open: err %v, index %v, pending %v", err, ix2 != nil, pending2 != nil)
	}
	if a, b := ix.Search(q, 10), ix2.Search(q, 10); a.Total != b.Total || a.Hits[0].Statement.ID != b.Hits[0].Statement.ID {
		t.Errorf("the cached index answers %d (%s), the built one %d (%s)", b.Total, b.Hits[0].Statement.ID, a.Total, a.Hits[0].Statement.ID)
	}
}

// A program that ends before the index is ready leaves no cache, whole or
// in part.
func TestStopBeforeTheIndexLeavesNoCache(t *testing.T) {
	t.Setenv("XDG_CACHE_HOME", t.TempDir())
	t.Setenv("HOME", t.TempDir())
	o := caching(1000)
	path, err := synth.Write(t.TempDir(), synth.Options{N: 30_000, Seed: 8})
	if err != nil {
		t.Fatal(err)
	}
	_, _, _, pending, err := o.open(path, nil, data.ReadPolicy{})
	if err != nil || pending == nil {
		t.Fatalf("err %v, pending %v", err, pending != nil)
	}
	pending.Stop()
	<-pending.Done()
	entries, _ := os.ReadDir(filepath.Dir(CachePath(path)))
	if len(entries) != 0 {
		t.Errorf("the cache folder has %d files after a stop before the index", len(entries))
	}
}
