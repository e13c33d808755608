package search

import (
	"sync"

	"github.com/parley-dev/parley/data"
)

// Open opens a dossier for a program that can be used before its search
// is: the explorer, which shows its first frame and lets the dossier be
// browsed while a large one is indexed the first time.
//
// When the search cache is valid the index comes with the dossier and
// pending is nil. Otherwise the dossier comes as soon as its statements are
// read; pending builds the index in the background, reports its progress,
// hands the index over the moment it is ready, and then writes the cache
// for the next open (best effort, as LoadIndexed). progress hears about
// the reading, as for LoadIndexed. As LoadIndexed, it leaves the garbage
// collector to the program (Pending.Held says when the dossier and its
// index are held for good).
func Open(path string, progress LoadProgress) (d *data.Dossier, probs data.Problems, ix *Index, pending *Pending, err error) {
	return OpenWith(path, progress, data.ReadPolicy{})
}

// OpenWith is Open with the folders the user allowed the dossier to read
// from (data.ReadPolicy), as LoadIndexedWith.
func OpenWith(path string, progress LoadProgress, policy data.ReadPolicy) (d *data.Dossier, probs data.Problems, ix *Index, pending *Pending, err error) {
	return defaultOpener().open(path, progress, policy)
}

// open is OpenWith.
func (o opener) open(path string, progress LoadProgress, policy data.ReadPolicy) (d *data.Dossier, probs data.Problems, ix *Index, pending *Pending, err error) {
	if progress == nil {
		progress = func(LoadStage, int, int) {}
	}
	cpath := CachePath(path)
	if cpath != "" {
		if d, probs, ix, err := o.loadCache(path, cpath, progress, policy); err == nil {
			return d, probs, ix, nil, nil
		}
	}
	progress(StageLoad, 0, 0)
	var read []string
	d, probs, err = data.LoadWith(path, data.LoadOptions{OnRead: func(name string) { read = append(read, name) }, Policy: policy})
	if err != nil {
		return d, probs, nil, nil, err
	}
	p := newPending(len(d.Statements))
	go func() {
		ix := build(d, func(done, total int) { p.report(StageIndex, done, total) }, o.tune)
		p.ready(ix)
		if cpath != "" && len(d.Statements) >= o.tune.minCacheStatements && p.startSave() {
			p.report(StageSave, 0, 0)
			// Best effort: the next open builds it again.
			if o.writeCache(path, cpath, d, probs, ix, read) == nil && !p.isStopped() {
				if cd, cprobs, cix, err := o.loadCache(path, cpath, func(LoadStage, int, int) {}, policy); err == nil {
					p.setCached(cd, cprobs, cix)
				}
			}
		}
		p.finish()
	}()
	return d, probs, nil, p, nil
}

// Pending is a search index being built in the background (Open).
type Pending struct {
	mu           sync.Mutex
	stage        LoadStage
	done, total  int
	ix           *Index
	changed      chan struct{} // holds a token when progress changed since the last Changed
	readyC, ends chan struct{}
	stopped      bool // Stop came before the cache was begun
	saving       bool

	// The dossier as the cache just written holds it (Cached), and held,
	// closed once it is handed over or there is none.
	cached      *cachedDossier
	heldC       chan struct{}
	cachedTaken bool
}

type cachedDossier struct {
	d     *data.Dossier
	probs data.Problems
	ix    *Index
}

func newPending(total int) *Pending {
	return &Pending{stage: StageIndex, total: total, changed: make(chan struct{}, 1), readyC: make(chan struct{}), ends: make(chan struct{}),
		heldC: make(chan struct{})}
}

func (p *Pending) isStopped() bool {
	p.mu.Lock()
	defer p.mu.Unlock()
	return p.stopped
}

func (p *Pending) setCached(d *data.Dossier, probs data.Problems, ix *Index) {
	p.mu.Lock()
	p.cached = &cachedDossier{d, probs, ix}
	p.mu.Unlock()
}

// Cached hands over, once Done is closed, the dossier as the search cache
// just written holds it, with its problems and its index; nil when there
// is none (no cache was written, or it did not read back). It is the same
// dossier, record for record, but its texts and its index lie in the
// mapped cache instead of the heap: a program showing the loaded dossier
// can show this one instead and let the loaded one go (at a million
// statements, a gigabyte of memory down to about 300 MB). It is handed
// over once; the Pending then holds no index (Index is nil), so that what
// the program lets go is gone.
func (p *Pending) Cached() (*data.Dossier, data.Problems, *Index) {
	<-p.ends
	p.mu.Lock()
	c := p.cached
	p.cached, p.ix = nil, nil
	if !p.cachedTaken {
		p.cachedTaken = true
		close(p.heldC)
	}
	p.mu.Unlock()
	if c == nil {
		return nil, nil, nil
	}
	return c.d, c.probs, c.ix
}

// Held is closed once the dossier and its index are held for good: when
// the cached copy has been handed over (Cached), or at Done when there is
// none. A program tunes its garbage collector then (main.go does).
func (p *Pending) Held() <-chan struct{} { return p.heldC }

func (p *Pending) report(stage LoadStage, done, total int) {
	p.mu.Lock()
	p.stage, p.done, p.total = stage, done, total
	p.mu.Unlock()
	select {
	case p.changed <- struct{}{}:
	default: // a report is waiting to be read already
	}
}

func (p *Pending) ready(ix *Index) {
	p.mu.Lock()
	p.ix = ix
	p.mu.Unlock()
	close(p.readyC)
}

func (p *Pending) finish() {
	p.mu.Lock()
	if p.cached == nil && !p.cachedTaken {
		p.cachedTaken = true
		close(p.heldC)
	}
	p.mu.Unlock()
	close(p.ends)
}

// startSave reports whether the cache may be written (Stop has not come).
func (p *Pending) startSave() bool {
	p.mu.Lock()
	defer p.mu.Unlock()
	p.saving = !p.stopped
	return p.saving
}

// Stop is for a program about to end: it waits for a cache being written
// to be complete (a second or two), and otherwise makes sure none is begun,
// so that no half-written file is left behind.
func (p *Pending) Stop() {
	p.mu.Lock()
	p.stopped = true
	saving := p.saving
	p.mu.Unlock()
	if saving {
		<-p.ends
	}
}

// Progress is the step under way and how far it has come (total is 0
// when unknown): StageIndex until the index is ready, then StageSave
// while the cache is written.
func (p *Pending) Progress() (stage LoadStage, done, total int) {
	p.mu.Lock()
	defer p.mu.Unlock()
	return p.stage, p.done, p.total
}

// Changed receives when the progress has changed since it last did.
func (p *Pending) Changed() <-chan struct{} { return p.changed }

// Ready is closed the moment the index can be searched.
func (p *Pending) Ready() <-chan struct{} { return p.readyC }

// Index is the index once Ready is closed, and nil before (and after the
// cached copy is handed over: Cached).
func (p *Pending) Index() *Index {
	p.mu.Lock()
	defer p.mu.Unlock()
	return p.ix
}

// Done is closed when the background work is over, the cache written or
// given up (a program that quits at once may wait for it, so that the next
// open is quick).
func (p *Pending) Done() <-chan struct{} { return p.ends }
