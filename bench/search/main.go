// Command search is `parley search` without the rest of the command line,
// for benchmarks: it opens a dossier as the explorer does (the search cache
// beside it when valid), runs one query and prints the best hits as plain
// text blocks, or JSON lines with -json:
//
//	go run ./bench/search [-limit N] [-json] DOSSIER QUERY...
package main

import (
	"flag"
	"fmt"
	"os"
	"strings"

	"github.com/parley-dev/parley/data/search"
	"github.com/parley-dev/parley/views"
)

func main() {
	limit := flag.Int("limit", 20, "how many statements to print (0 for all)")
	asJSON := flag.Bool("json", false, "print JSON lines with the matched spans")
	flag.Parse()
	if flag.NArg() < 2 {
		fmt.Fprintln(os.Stderr, "usage: search [-limit N] [-json] DOSSIER QUERY...")
		os.Exit(2)
	}
	d, _, ix, err := search.LoadIndexed(flag.Arg(0), nil)
	if err != nil {
		fmt.Fprintln(os.Stderr, err)
		os.Exit(1)
	}
	// On the command line the query is complete: its last word is a word,
	// not a prefix being typed.
	q, err := search.ParseQuery(strings.Join(flag.Args()[1:], " ")+" ", d)
	if err != nil {
		fmt.Fprintln(os.Stderr, "parley search:", err)
		os.Exit(2)
	}
	r := ix.Search(q, *limit)
	if *asJSON {
		if err := search.WriteJSON(os.Stdout, d, r); err != nil {
			fmt.Fprintln(os.Stderr, err)
			os.Exit(1)
		}
		return
	}
	os.Stdout.WriteString(views.SearchText(d, r, 80))
	if r.Total == 0 {
		os.Exit(1)
	}
}
