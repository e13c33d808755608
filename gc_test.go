package main

import (
	"runtime"
	"runtime/debug"
	"testing"
	"time"
)

// While a dossier is opened the collector waits for the heap to grow
// fivefold; once it is open, a small one leaves the collector as it was and
// a large one (here 256 MiB held) has it run after 64 MiB of garbage.
func TestTheCollectorWhileAndAfterADossierIsOpened(t *testing.T) {
	defer debug.SetGCPercent(debug.SetGCPercent(100))
	gcPercent := func() int { p := debug.SetGCPercent(100); debug.SetGCPercent(p); return p }
	runtime.GC() // nothing held from another test

	opened := collectWhileOpening(false)
	if got := gcPercent(); got != 400 {
		t.Errorf("while opening: GOGC %d, want 400", got)
	}
	opened(nil)
	if got := gcPercent(); got != 100 {
		t.Errorf("a small dossier open: GOGC %d, want 100 as before", got)
	}

	opened = collectWhileOpening(false)
	held := make([]byte, 256<<20)
	held[len(held)-1] = 1
	opened(nil)
	if got := gcPercent(); got < 20 || got > 26 {
		t.Errorf("256 MiB held: GOGC %d, want about 25 (64 MiB of garbage)", got)
	}
	held[0] = held[len(held)-1] // held until here
}

// The explorer has a large dossier collected once behind its first frame,
// so that a person's first keystroke does not pay for the collection the
// goal set while reading would start (a command, which answers and ends,
// does not).
func TestTheExplorerCollectsOnceAfterALargeOpen(t *testing.T) {
	defer debug.SetGCPercent(debug.SetGCPercent(100))
	numGC := func() uint32 { var ms runtime.MemStats; runtime.ReadMemStats(&ms); return ms.NumGC }
	runtime.GC() // nothing held from another test
	opened := collectWhileOpening(true)
	held := make([]byte, 256<<20)
	held[len(held)-1] = 1
	time.Sleep(200 * time.Millisecond) // a collection the allocation began is over
	before := numGC()
	opened(nil)
	for deadline := time.Now().Add(10 * time.Second); numGC() == before; time.Sleep(10 * time.Millisecond) {
		if time.Now().After(deadline) {
			t.Fatal("no collection after the explorer opened a large dossier")
		}
	}
	held[0] = held[len(held)-1]
}
