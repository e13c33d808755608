// Command open measures opening a dossier to searchable, as the explorer
// does it (search.LoadIndexed: the search cache when valid, else load, index
// and write the cache), and prints the time and the process's resident
// memory:
//
//	go run ./bench/open [-cold] [-q QUERY] [-mix] [-cpuprofile F] [-memprofile F] DOSSIER
//	go run ./bench/open -explorer DOSSIER
//
// -cold removes the cache first. -explorer opens as the explorer does the
// first time (search.Open, no cache): the time the first frame waits for,
// then memory once the index is built and the cache written, and once the
// session goes on with the dossier as the cache holds it (Pending.Cached).
package main

import (
	"bufio"
	"flag"
	"fmt"
	"os"
	"runtime"
	"runtime/debug"
	"runtime/pprof"
	"strings"
	"time"

	"github.com/parley-dev/parley/data/search"
	"github.com/parley-dev/parley/data/synth"
)

func main() {
	cold := flag.Bool("cold", false, "remove the search cache first")
	query := flag.String("q", "security", "a query to run once open")
	cpu := flag.String("cpuprofile", "", "write a CPU profile of the open to this file")
	mix := flag.Bool("mix", false, "then run the benchmarks' query mix (synth.Queries) and report memory after it")
	mem := flag.String("memprofile", "", "write a heap profile taken once open (with -mix, after the mix) to this file")
	explorer := flag.Bool("explorer", false, "open as the explorer does the first time, and report memory as the session goes on")
	flag.Parse()
	if flag.NArg() != 1 {
		fmt.Fprintln(os.Stderr, "usage: open [-cold] [-q QUERY] [-mix] [-explorer] DOSSIER")
		os.Exit(2)
	}
	path := flag.Arg(0)
	if *explorer {
		firstOpen(path)
		return
	}
	if *cold {
		os.Remove(search.CachePath(path))
	}
	if *cpu != "" {
		f, err := os.Create(*cpu)
		if err != nil {
			fmt.Fprintln(os.Stderr, err)
			os.Exit(1)
		}
		pprof.StartCPUProfile(f)
	}
	stages := map[search.LoadStage]time.Time{}
	start := time.Now()
	percent := debug.SetGCPercent(400) // the collector as parley sets it: gc.go in package main
	d, probs, ix, err := search.LoadIndexed(path, func(s search.LoadStage, done, total int) {
		if _, ok := stages[s]; !ok {
			stages[s] = time.Now()
		}
	})
	debug.SetGCPercent(percent)
	settleHeap()
	open := time.Since(start)
	if *cpu != "" {
		pprof.StopCPUProfile()
	}
	if err != nil {
		fmt.Fprintln(os.Stderr, err)
		os.Exit(1)
	}
	if *mem != "" && !*mix {
		writeHeapProfile(*mem)
	}
	rssOpen, anonOpen, fileOpen := status("VmRSS"), status("RssAnon"), status("RssFile")
	q, _ := search.ParseQuery(*query, d)
	t0 := time.Now()
	r := ix.Search(q, 100)
	first := time.Since(t0)
	mode := "warm (cache)"
	if _, ok := stages[search.StageLoad]; ok {
		mode = "cold (load + index + write cache)"
	}
	fi, _ := os.Stat(search.CachePath(path))
	var cacheSize int64
	if fi != nil {
		cacheSize = fi.Size()
	}
	var ms runtime.MemStats
	runtime.ReadMemStats(&ms)
	fmt.Printf("%s: %d statements, %d problems, %d terms\n", mode, len(d.Statements), len(probs), ix.Terms())
	for _, s := range []search.LoadStage{search.StageCache, search.StageLoad, search.StageIndex, search.StageSave} {
		if t, ok := stages[s]; ok {
			fmt.Printf("  %-16s started at %v\n", s, t.Sub(start).Round(time.Millisecond))
		}
	}
	fmt.Printf("open to searchable: %v\n", open.Round(time.Millisecond))
	fmt.Printf("RSS after open: %s (anonymous %s, file-backed %s)   peak RSS: %s   Go heap in use: %d MB   cache file: %d MB\n",
		rssOpen, anonOpen, fileOpen, status("VmHWM"), ms.HeapInuse>>20, cacheSize>>20)
	fmt.Printf("first search %q: %d results in %v; RSS then: %s (anonymous %s, file-backed %s)\n", *query, r.Total, first.Round(time.Microsecond), status("VmRSS"), status("RssAnon"), status("RssFile"))
	if *mix {
		t0 := time.Now()
		for _, text := range synth.Queries {
			q, _ := search.ParseQuery(text, d)
			ix.Search(q, 100)
		}
		// The pages of the cache a search read are given back behind it
		// (in a millisecond or two): memory is read once they are, as it
		// is a moment after a person's last keystroke.
		elapsed := time.Since(t0)
		time.Sleep(100 * time.Millisecond)
		fmt.Printf("then %d queries of the mix in %v; RSS then: %s (anonymous %s, file-backed %s)   peak RSS: %s\n", len(synth.Queries),
			elapsed.Round(time.Millisecond), status("VmRSS"), status("RssAnon"), status("RssFile"), status("VmHWM"))
		if *mem != "" {
			writeHeapProfile(*mem)
		}
	}
	runtime.KeepAlive(ix) // held to the end, as a session holds it
	runtime.KeepAlive(d)
}

func status(key string) string {
	f, err := os.Open("/proc/self/status")
	if err != nil {
		return "?"
	}
	defer f.Close()
	sc := bufio.NewScanner(f)
	for sc.Scan() {
		if v, ok := strings.CutPrefix(sc.Text(), key+":"); ok {
			return strings.TrimSpace(v)
		}
	}
	return "?"
}

func writeHeapProfile(name string) {
	runtime.GC()
	f, err := os.Create(name)
	if err != nil {
		fmt.Fprintln(os.Stderr, err)
		os.Exit(1)
	}
	defer f.Close()
	if err := pprof.WriteHeapProfile(f); err != nil {
		fmt.Fprintln(os.Stderr, err)
		os.Exit(1)
	}
}

// settleHeap is parley's collector once a large dossier is open (gc.go in
// package main): a collection when 64 MiB of garbage has gathered.
func settleHeap() {
	var ms runtime.MemStats
	runtime.ReadMemStats(&ms)
	const headroom = 64 << 20
	if ms.HeapAlloc < 2*headroom {
		return
	}
	debug.SetGCPercent(max(10, min(100, int(headroom*100/ms.HeapAlloc))))
}

// firstOpen is the explorer's first open of a dossier (no cache): it
// prints when the first frame could be drawn, and memory as the session
// goes on: index built and cache written (the loaded dossier held), then
// the dossier as the cache holds it taken in its place.
func firstOpen(path string) {
	os.Remove(search.CachePath(path))
	start := time.Now()
	percent := debug.SetGCPercent(400) // the collector as parley sets it: gc.go in package main
	d, _, _, p, err := search.Open(path, nil)
	debug.SetGCPercent(percent)
	if err != nil {
		fmt.Fprintln(os.Stderr, err)
		os.Exit(1)
	}
	if p == nil {
		fmt.Fprintln(os.Stderr, "the dossier opened with its index: too small for a cache, or one was there")
		os.Exit(1)
	}
	fmt.Printf("statements read (the first frame): %v; %d statements\n", time.Since(start).Round(time.Millisecond), len(d.Statements))
	<-p.Ready()
	loaded := p.Index()
	fmt.Printf("index ready: %v\n", time.Since(start).Round(time.Millisecond))
	<-p.Done()
	fmt.Printf("cache written: %v\n", time.Since(start).Round(time.Millisecond))
	report := func(what string) {
		runtime.GC()
		var ms runtime.MemStats
		runtime.ReadMemStats(&ms)
		fmt.Printf("%s: RSS %s (anonymous %s), Go heap in use %d MB\n", what, status("VmRSS"), status("RssAnon"), ms.HeapInuse>>20)
	}
	report("the loaded dossier and its index held")
	runtime.KeepAlive(d) // held through the report, as the session holds them
	runtime.KeepAlive(loaded)
	cd, _, ix := p.Cached()
	if cd == nil {
		fmt.Println("no cached dossier to go on with")
		return
	}
	d = cd // the explorer takes it in place of the loaded one (model: takeCached)
	settleHeap()
	report("the cached dossier held instead")
	debug.FreeOSMemory()
	report("and the memory let go given back")
	q, _ := search.ParseQuery("security", d)
	fmt.Printf("a search of the cached dossier: %d results\n", ix.Search(q, 10).Total)
	runtime.KeepAlive(d)
}
