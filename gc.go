package main

import (
	"runtime"
	"runtime/debug"
	"time"

	"github.com/parley-dev/parley/data/search"
)

// The garbage collector's policy is the program's: the packages under data
// leave the collector alone.
//
// By default the collector runs each time the heap has doubled since the
// last collection. A large dossier is hundreds of megabytes that never
// become garbage, which makes that default wrong twice over:
//
//   - While it is read, collecting scans what has been read so far, again
//     and again, though nearly all of it stays: the collector waits until
//     the heap has grown fivefold instead (a cold open of a million
//     statements collects four times instead of ten; what a file with
//     something wrong on every line leaves behind is still collected).
//   - Once it is open, garbage would be let grow to the size of the whole
//     dossier before a collection: the collector runs when 64 MiB of
//     garbage has gathered instead (10 % of the heap when that is more).
//   - The first open of a large dossier reads it into memory, then goes on
//     with the copy its search cache holds once that is written (a
//     gigabyte let go at a million statements): that memory is given back
//     to the system at once rather than over minutes.

// collectWhileOpening sets the collector for a dossier being opened. Call
// opened once it is: the dossier and its index are then held for good, or
// will be once pending, when not nil, is done. explorer says the dossier
// is opened to be browsed, not for one command's answer.
func collectWhileOpening(explorer bool) (opened func(pending *search.Pending)) {
	percent := debug.SetGCPercent(400)
	return func(pending *search.Pending) {
		debug.SetGCPercent(percent)
		if pending == nil {
			if !settleHeap() || !explorer {
				return
			}
			// A collection a second after the open, once the first frame
			// is drawn (begun at once, it delays that frame by half a
			// second at a million): the collector's goal comes from the
			// last collection, made while the dossier was read, far below
			// what is held now, so the first allocations after the open —
			// a person's first keystroke in Quotes — would pay for a whole
			// collection of the dossier (the first "s" at a million:
			// 50–58 ms, 16 ms after this).
			time.AfterFunc(time.Second, runtime.GC)
			return
		}
		go func() {
			<-pending.Held()
			// The explorer takes the cached copy in the moments after it
			// is handed over; then the loaded one is garbage.
			time.Sleep(3 * time.Second)
			debug.FreeOSMemory()
			settleHeap()
		}()
	}
}

// settleHeap makes the collector run when 64 MiB of garbage has gathered,
// once a large dossier is held (a small one keeps the default), and says
// whether it is large.
func settleHeap() bool {
	var ms runtime.MemStats
	runtime.ReadMemStats(&ms)
	const headroom = 64 << 20
	if ms.HeapAlloc < 2*headroom {
		return false
	}
	debug.SetGCPercent(max(10, min(100, int(headroom*100/ms.HeapAlloc))))
	return true
}
