// Command attribution scores the statements `parley import` drafts on
// PolNeAR (Newell et al. 2018: news articles with gold source, cue and
// content spans in brat standoff), the way the Gender Gap Tracker scores its
// quote extractor. Each article is read as import reads a file
// (data/article) and drafted as import drafts it (data/importer); what is
// scored is each statement's kind and its draft: spans, the contract the
// review screen reads too, turned from bytes of the source text into
// characters of the corpus's file (see drafts.go):
//
//	go run ./bench/attribution [-split dev] [-v] [-rules] POLNEAR/data
//
// POLNEAR/data is the corpus's data directory (it holds train/, dev/,
// test/, each with text/ and attributions/). The corpus is read from there
// and never copied: its licence is not stated. Develop on train and dev;
// run test once, at the end.
//
// Direct quotes are the gold attributions whose content begins with a quote
// mark, compared with the drafts of kind quote; a gold and a draft match
// when the characters their contents share, divided by the longer of the
// two, is at least 0.3 (loose) or 0.8 (strict); each gold and each draft
// matches at most once. Speaker is the share of matched quotes whose
// drafted speaker mention overlaps the gold source. "All" compares every
// gold attribution with every draft, whatever its kind. An article
// annotated by several annotators is scored against the first annotation in
// name order.
package main

import (
	"flag"
	"fmt"
	"os"
	"path/filepath"
	"slices"
	"sort"
	"strings"
	"time"
)

func main() {
	split := flag.String("split", "dev", "the split to score: train, dev or test")
	verbose := flag.Bool("v", false, "print every missed and every spurious direct quote")
	rules := flag.Bool("rules", false, "print each rule's drafts and precision (all attributions, loose)")
	limit := flag.Int("n", 0, "score only the first N articles (0: all)")
	missedCues := flag.Bool("cues", false, "print the cue words of the gold attributions no draft matches (all, loose), most frequent first")
	flag.StringVar(&showRule, "rule", "", "print the drafts of this rule that match no gold attribution (all, loose)")
	flag.StringVar(&showMiss, "miss", "", "print the missed gold attributions with this cue")
	flag.Parse()
	if flag.NArg() != 1 {
		fmt.Fprintln(os.Stderr, "usage: attribution [-split dev] [-v] [-rules] POLNEAR/data")
		os.Exit(2)
	}
	arts, err := loadSplit(flag.Arg(0), *split)
	if err != nil {
		fmt.Fprintln(os.Stderr, "attribution:", err)
		os.Exit(1)
	}
	if *limit > 0 && *limit < len(arts) {
		arts = arts[:*limit]
	}
	r, err := run(arts, *verbose)
	if err != nil {
		fmt.Fprintln(os.Stderr, "attribution:", err)
		os.Exit(1)
	}
	r.print(os.Stdout, *split, *rules)
	if *missedCues {
		printMissedCues(r.missedCues)
	}
}

// article is one text and its gold attributions.
type article struct {
	name string
	text string
	gold []gold
}

func loadSplit(dir, split string) ([]article, error) {
	texts, err := filepath.Glob(filepath.Join(dir, split, "text", "*.txt"))
	if err != nil {
		return nil, err
	}
	if len(texts) == 0 {
		return nil, fmt.Errorf("no texts in %s", filepath.Join(dir, split, "text"))
	}
	sort.Strings(texts)
	var out []article
	for _, t := range texts {
		name := strings.TrimSuffix(filepath.Base(t), ".txt")
		anns, _ := filepath.Glob(filepath.Join(dir, split, "attributions", name+"_*.ann"))
		if len(anns) == 0 {
			return nil, fmt.Errorf("%s: no annotation", name)
		}
		sort.Strings(anns)
		b, err := os.ReadFile(t)
		if err != nil {
			return nil, err
		}
		a, err := os.ReadFile(anns[0])
		if err != nil {
			return nil, err
		}
		g, err := parseBrat(string(a))
		if err != nil {
			return nil, fmt.Errorf("%s: %w", anns[0], err)
		}
		out = append(out, article{name: name, text: string(b), gold: g})
	}
	return out, nil
}

// result is the tallies of a run.
type result struct {
	articles           int
	directLoose        tally
	directStrict       tally
	allLoose, allStrct tally
	elapsed            time.Duration
	byRule             map[string]*[2]int // drafts, matched (all, loose)
	missedCues         map[string]int
}

// showRule is a rule whose unmatched drafts are printed (-rule).
var showRule string

// showMiss is a cue whose missed gold attributions are printed (-miss).
var showMiss string

func printMissedCues(m map[string]int) {
	type kv struct {
		k string
		v int
	}
	var l []kv
	for k, v := range m {
		l = append(l, kv{k, v})
	}
	slices.SortFunc(l, func(a, b kv) int { return b.v - a.v })
	for i, x := range l {
		if i == 60 {
			break
		}
		fmt.Printf("%6d %s\n", x.v, x.k)
	}
}

func run(arts []article, verbose bool) (result, error) {
	r := result{articles: len(arts), byRule: map[string]*[2]int{}, missedCues: map[string]int{}}
	for _, a := range arts {
		start := time.Now()
		all, err := drafted(a.name+".txt", a.text)
		r.elapsed += time.Since(start)
		if err != nil {
			return r, fmt.Errorf("%s: %w", a.name, err)
		}

		runes := []rune(a.text)
		var quotes []pred
		for _, p := range all {
			if p.quote {
				quotes = append(quotes, p)
			}
		}
		var direct []gold
		for _, g := range a.gold {
			if isDirect(g, runes) {
				direct = append(direct, g)
			}
		}
		t, pairs := score(direct, quotes, 0.3)
		r.directLoose.add(t)
		t, _ = score(direct, quotes, 0.8)
		r.directStrict.add(t)
		t, allPairs := score(a.gold, all, 0.3)
		r.allLoose.add(t)
		t, _ = score(a.gold, all, 0.8)
		r.allStrct.add(t)

		matchedP := map[int]bool{}
		matchedG := map[int]bool{}
		for _, m := range allPairs {
			matchedP[m.p] = true
			matchedG[m.g] = true
		}
		for gi, g := range a.gold {
			if !matchedG[gi] {
				var w []string
				for _, c := range g.cue {
					w = append(w, strings.ToLower(string(runes[min(c.s, len(runes)):min(c.e, len(runes))])))
				}
				r.missedCues[strings.Join(w, " ")]++
				if showMiss != "" && strings.Join(w, " ") == showMiss {
					fmt.Printf("MISSED %q: %q source %q\n", showMiss, clip(string(runes[g.content[0].s:max(g.content[0].s, min(g.content[len(g.content)-1].e, len(runes)))])), func() string {
						if len(g.source) == 0 {
							return ""
						}
						return string(runes[g.source[0].s:g.source[0].e])
					}())
				}
			}
		}
		for i, p := range all {
			if showRule != "" && p.rule == showRule && !matchedP[i] {
				best, bo := -1, 0.0
				for gi, g := range a.gold {
					if ov := overlap(g.content, p.content); ov > bo {
						best, bo = gi, ov
					}
				}
				near := ""
				if best >= 0 {
					g := a.gold[best].content
					near = fmt.Sprintf(" nearest gold %.2f: %q", bo, clip(string(runes[g[0].s:max(g[0].s, min(g[len(g)-1].e, len(runes)))])))
				}
				fmt.Printf("UNMATCHED %s %q%s\n", p.rule, clip(string(runes[p.content[0].s:p.content[len(p.content)-1].e])), near)
			}
			c := r.byRule[p.rule]
			if c == nil {
				c = &[2]int{}
				r.byRule[p.rule] = c
			}
			c[0]++
			if matchedP[i] {
				c[1]++
			}
		}
		if verbose {
			report(a, runes, direct, quotes, pairs)
		}
	}
	return r, nil
}

// report prints an article's missed gold quotes, spurious quote drafts and
// matched quotes with a wrong speaker.
func report(a article, runes []rune, direct []gold, quotes []pred, pairs []pair) {
	gm := map[int]int{}
	pm := map[int]bool{}
	for _, m := range pairs {
		gm[m.g] = m.p
		pm[m.p] = true
	}
	str := func(parts []span) string {
		var b strings.Builder
		for i, s := range parts {
			if i > 0 {
				b.WriteString(" | ")
			}
			b.WriteString(string(runes[min(s.s, len(runes)):min(s.e, len(runes))]))
		}
		return b.String()
	}
	for gi, g := range direct {
		p, ok := gm[gi]
		switch {
		case !ok:
			fmt.Printf("MISS %s: %q (source %q)\n", a.name, clip(str(g.content)), str(g.source))
		case !speakerRight(g, quotes[p]):
			fmt.Printf("SPEAKER %s: %q gold %q, drafted %q (%s)\n", a.name, clip(str(g.content)), str(g.source), str(quotes[p].mention), quotes[p].rule)
		}
	}
	for pi, p := range quotes {
		if !pm[pi] {
			best, bo := -1, 0.0
			for gi, g := range a.gold {
				if ov := overlap(g.content, p.content); ov > bo {
					best, bo = gi, ov
				}
			}
			near := ""
			if best >= 0 {
				near = fmt.Sprintf(" nearest gold %.2f: %q", bo, clip(str(a.gold[best].content)))
			}
			fmt.Printf("SPURIOUS %s: %q (%s, %q)%s\n", a.name, clip(str(p.content)), p.rule, str(p.mention), near)
		}
	}
}

func clip(s string) string {
	if r := []rune(s); len(r) > 100 {
		return string(r[:100]) + "…"
	}
	return s
}

func (r result) print(w *os.File, split string, rules bool) {
	fmt.Fprintf(w, "PolNeAR %s: %d articles\n\n", split, r.articles)
	fmt.Fprintf(w, "%-28s %6s %6s %6s %6s %6s %8s\n", "", "gold", "drafts", "P", "R", "F1", "speaker")
	line := func(name string, t tally) {
		fmt.Fprintf(w, "%-28s %6d %6d %6.3f %6.3f %6.3f %8.3f\n", name, t.gold, t.pred, t.precision(), t.recall(), t.f1(), t.speaker())
	}
	line("direct quotes, loose (0.3)", r.directLoose)
	line("direct quotes, strict (0.8)", r.directStrict)
	line("all, loose (0.3)", r.allLoose)
	line("all, strict (0.8)", r.allStrct)
	fmt.Fprintf(w, "\ndrafting alone (read and draft, in this process): %.0f articles/s (%v for %d)\n", float64(r.articles)/r.elapsed.Seconds(), r.elapsed.Round(time.Millisecond), r.articles)
	if rules {
		names := make([]string, 0, len(r.byRule))
		for n := range r.byRule {
			names = append(names, n)
		}
		slices.Sort(names)
		fmt.Fprintf(w, "\n%-20s %7s %7s %6s\n", "rule", "drafts", "matched", "P")
		for _, n := range names {
			c := r.byRule[n]
			fmt.Fprintf(w, "%-20s %7d %7d %6.3f\n", n, c[0], c[1], ratio(c[1], c[0]))
		}
	}
}
