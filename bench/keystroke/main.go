// Command keystroke measures the search as a person types: it opens a
// dossier as the explorer does (the search cache when valid), then types a
// mixed set of queries letter by letter (synth.Typed; every step is a
// keystroke the Quotes screen searches for) several rounds, and prints each
// keystroke's median time, the worst keystroke and the load average:
//
//	go run ./bench/keystroke [-rounds 5] [-mix] [-v] [-q QUERY] DOSSIER
//
// The time of a keystroke is what the screen waits for: parse the query,
// search, the best 100 with their spans. -mix types the older set of
// keystrokes instead (synth.Queries, the benchmarks' mix); -q QUERY
// repeats one query only (for a profiler, or callgrind; -rounds 0 only
// opens, the baseline to subtract). -beside CMD runs
// a shell command over and over beside the timed rounds (a build, to see
// the keystrokes on a busy machine).
package main

import (
	"flag"
	"fmt"
	"os"
	"os/exec"
	"runtime"
	"runtime/debug"
	"runtime/pprof"
	"slices"
	"strings"
	"sync"
	"syscall"
	"time"

	"github.com/parley-dev/parley/data/search"
	"github.com/parley-dev/parley/data/synth"
)

func main() {
	rounds := flag.Int("rounds", 5, "times the whole set is typed; each keystroke's median is reported")
	mix := flag.Bool("mix", false, "type synth.Queries (the benchmarks' mix) instead of synth.Typed letter by letter")
	verbose := flag.Bool("v", false, "print every keystroke's median")
	one := flag.String("q", "", "repeat only this query, -rounds times")
	prof := flag.String("cpuprofile", "", "write a CPU profile of the timed rounds to this file")
	beside := flag.String("beside", "", "a shell command run over and over while the rounds are timed (e.g. a build)")
	flag.Parse()
	if flag.NArg() != 1 {
		fmt.Fprintln(os.Stderr, "usage: keystroke [-rounds N] [-mix] [-v] [-q QUERY] [-beside CMD] DOSSIER")
		os.Exit(2)
	}
	t0 := time.Now()
	percent := debug.SetGCPercent(400) // the collector as parley sets it: gc.go in package main
	d, _, ix, err := search.LoadIndexed(flag.Arg(0), nil)
	debug.SetGCPercent(percent)
	settleHeap()
	runtime.GC() // parley collects once behind the first frame (gc.go), done before a person types
	if err != nil {
		fmt.Fprintln(os.Stderr, err)
		os.Exit(1)
	}
	fmt.Printf("opened %d statements in %v\n", len(d.Statements), time.Since(t0).Round(time.Millisecond))
	if *rounds <= 0 {
		return // the open alone: a baseline for instruction counts (see docs/search.md)
	}
	keys := synth.Keystrokes(synth.Typed)
	set := "synth.Typed letter by letter"
	switch {
	case *one != "":
		keys, set = []string{*one}, fmt.Sprintf("%q alone", *one)
	case *mix:
		keys, set = synth.Queries, "synth.Queries"
	}
	stop := func() {}
	if *beside != "" {
		stop = runBeside(*beside)
	}
	load0 := loadAverage()
	if *prof != "" {
		f, err := os.Create(*prof)
		if err != nil {
			fmt.Fprintln(os.Stderr, err)
			os.Exit(1)
		}
		pprof.StartCPUProfile(f)
		defer pprof.StopCPUProfile()
	}
	wall := make([][]time.Duration, len(keys))
	cpu := make([][]time.Duration, len(keys))
	var first []time.Duration // round 1: the postings' pages may not be in memory yet
	for r := 0; r < *rounds; r++ {
		for i, text := range keys {
			c0 := processCPU()
			start := time.Now()
			q, _ := search.ParseQuery(text, d)
			ix.Search(q, 100)
			w := time.Since(start)
			wall[i] = append(wall[i], w)
			cpu[i] = append(cpu[i], processCPU()-c0)
			if r == 0 {
				first = append(first, w)
			}
		}
	}
	stop()
	load1 := loadAverage()
	med := func(ds []time.Duration) time.Duration {
		s := slices.Clone(ds)
		slices.Sort(s)
		return s[len(s)/2]
	}
	medWall := make([]time.Duration, len(keys))
	medCPU := make([]time.Duration, len(keys))
	worst, worstCPU := 0, 0
	for i := range keys {
		medWall[i], medCPU[i] = med(wall[i]), med(cpu[i])
		if medWall[i] > medWall[worst] {
			worst = i
		}
		if medCPU[i] > medCPU[worstCPU] {
			worstCPU = i
		}
		if *verbose {
			fmt.Printf("%9.2f ms wall %9.2f ms cpu  %q\n", ms(medWall[i]), ms(medCPU[i]), keys[i])
		}
	}
	sorted := slices.Clone(medWall)
	slices.Sort(sorted)
	over := func(limit time.Duration) int {
		n := 0
		for _, w := range medWall {
			if w > limit {
				n++
			}
		}
		return n
	}
	fmt.Printf("%d keystrokes of %s, %d rounds\n", len(keys), set, *rounds)
	fmt.Printf("median keystroke %.2f ms, 90th percentile %.2f ms\n", ms(sorted[len(sorted)/2]), ms(sorted[len(sorted)*9/10]))
	fmt.Printf("worst keystroke %.2f ms wall %q (its cpu %.2f ms); worst cpu %.2f ms %q\n",
		ms(medWall[worst]), keys[worst], ms(medCPU[worst]), ms(medCPU[worstCPU]), keys[worstCPU])
	firstWorst := 0
	for i, w := range first {
		if w > first[firstWorst] {
			firstWorst = i
		}
	}
	fmt.Printf("keystrokes over 25 ms: %d; over 40 ms: %d; first round's worst %.2f ms %q\n", over(25*time.Millisecond), over(40*time.Millisecond), ms(first[firstWorst]), keys[firstWorst])
	fmt.Printf("load average %s before, %s after (%d cores)\n", load0, load1, runtime.NumCPU())
}

func ms(d time.Duration) float64 { return float64(d.Microseconds()) / 1000 }

func processCPU() time.Duration {
	var ru syscall.Rusage
	syscall.Getrusage(syscall.RUSAGE_SELF, &ru)
	return time.Duration(ru.Utime.Nano() + ru.Stime.Nano())
}

func loadAverage() string {
	b, _ := os.ReadFile("/proc/loadavg")
	f := strings.Fields(string(b))
	return strings.Join(f[:min(3, len(f))], " ")
}

// runBeside runs cmd in a loop until the returned stop is called.
func runBeside(cmd string) (stop func()) {
	done := make(chan struct{})
	finished := make(chan struct{})
	var mu sync.Mutex
	var cur *exec.Cmd
	started := make(chan struct{}, 1)
	go func() {
		defer close(finished)
		for {
			select {
			case <-done:
				return
			default:
			}
			c := exec.Command("sh", "-c", cmd)
			c.SysProcAttr = &syscall.SysProcAttr{Setpgid: true}
			mu.Lock()
			select {
			case <-done:
				mu.Unlock()
				return
			default:
			}
			err := c.Start()
			cur = c
			mu.Unlock()
			if err != nil {
				fmt.Fprintln(os.Stderr, "beside:", err)
				close(started)
				return
			}
			select {
			case started <- struct{}{}:
			default:
			}
			c.Wait()
		}
	}()
	<-started
	time.Sleep(time.Second) // let it get going
	return func() {
		mu.Lock()
		close(done)
		if cur != nil && cur.Process != nil {
			syscall.Kill(-cur.Process.Pid, syscall.SIGKILL) // its process group only
		}
		mu.Unlock()
		<-finished
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
