// Command gen writes a synthetic dossier for benchmarks:
//
//	go run ./data/synth/cmd/gen -n 1000000 -o /tmp/parley-1m
//
// writes /tmp/parley-1m/dossier.yaml and statements.jsonl (and, with
// -lines, texts.txt: one statement text per line).
package main

import (
	"flag"
	"fmt"
	"os"

	"github.com/parley-dev/parley/data/synth"
)

func main() {
	n := flag.Int("n", 1000, "number of statements")
	seed := flag.Uint64("seed", 1, "random seed; the same seed gives the same files")
	out := flag.String("o", "", "output directory (required)")
	lines := flag.Bool("lines", false, "also write texts.txt, one statement text per line")
	flag.Parse()
	if *out == "" || *n < 0 {
		flag.Usage()
		os.Exit(2)
	}
	path, err := synth.Write(*out, synth.Options{N: *n, Seed: *seed, Lines: *lines})
	if err != nil {
		fmt.Fprintln(os.Stderr, "gen:", err)
		os.Exit(1)
	}
	fmt.Println(path)
}
