package main

import (
	"runtime/debug"
	"testing"
)

// While a dossier is opened the collector waits for the heap to grow
// fivefold; once it is open, a small one leaves the collector as it was and
// a large one (here 256 MiB held) has it run after 64 MiB of garbage.
func TestTheCollectorWhileAndAfterADossierIsOpened(t *testing.T) {
	defer debug.SetGCPercent(debug.SetGCPercent(100))
	gcPercent := func() int { p := debug.SetGCPercent(100); debug.SetGCPercent(p); return p }

	opened := collectWhileOpening()
	if got := gcPercent(); got != 400 {
		t.Errorf("while opening: GOGC %d, want 400", got)
	}
	opened(nil)
	if got := gcPercent(); got != 100 {
		t.Errorf("a small dossier open: GOGC %d, want 100 as before", got)
	}

	opened = collectWhileOpening()
	held := make([]byte, 256<<20)
	held[len(held)-1] = 1
	opened(nil)
	if got := gcPercent(); got < 20 || got > 26 {
		t.Errorf("256 MiB held: GOGC %d, want about 25 (64 MiB of garbage)", got)
	}
	held[0] = held[len(held)-1] // held until here
}
