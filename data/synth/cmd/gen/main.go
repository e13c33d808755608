// Command gen writes a synthetic dossier for benchmarks:
//
//	go run ./data/synth/cmd/gen -n 1000000 -o /tmp/parley-1m
//
// writes /tmp/parley-1m/dossier.yaml and statements.jsonl (and, with
// -lines, texts.txt: one statement text per line). With -shape, it writes
// instead a dossier that stresses the walks over references, n entries of
// one shape (chain, fan or crowd; see synth.Shape):
//
//	go run ./data/synth/cmd/gen -shape chain -n 100000 -o /tmp/parley-chain
//
// writes /tmp/parley-chain/chain.json.
package main

import (
	"flag"
	"fmt"
	"os"
	"path/filepath"
	"slices"

	"github.com/parley-dev/parley/data/synth"
)

func main() {
	n := flag.Int("n", 1000, "number of statements")
	seed := flag.Uint64("seed", 1, "random seed; the same seed gives the same files")
	out := flag.String("o", "", "output directory (required)")
	lines := flag.Bool("lines", false, "also write texts.txt, one statement text per line")
	shape := flag.String("shape", "", "write a dossier of this shape instead: chain, fan or crowd")
	flag.Parse()
	if *out == "" || *n < 0 || *shape != "" && !slices.Contains(synth.Shapes, synth.Shape(*shape)) {
		flag.Usage()
		os.Exit(2)
	}
	if *shape != "" {
		path := filepath.Join(*out, *shape+".json")
		b, err := synth.WriteShape(synth.Shape(*shape), *n)
		if err == nil {
			err = os.MkdirAll(*out, 0o755)
		}
		if err == nil {
			err = os.WriteFile(path, b, 0o644)
		}
		if err != nil {
			fmt.Fprintln(os.Stderr, "gen:", err)
			os.Exit(1)
		}
		fmt.Println(path)
		return
	}
	path, err := synth.Write(*out, synth.Options{N: *n, Seed: *seed, Lines: *lines})
	if err != nil {
		fmt.Fprintln(os.Stderr, "gen:", err)
		os.Exit(1)
	}
	fmt.Println(path)
}
