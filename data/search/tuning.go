package search

// tuning holds the sizes at which the engine changes how it works. An
// index keeps the tuning it was built or opened with; LoadIndexed and Open
// open with the default (an opener). The defaults suit the explorer on the
// machine class it is made for (two cores) and are set here only.
//
// Tests build and open with other values, to take both sides of a
// threshold on a small dossier (build, opener): a value carried by the
// index, not a package variable, so such tests may run side by side.
type tuning struct {
	// parallelCost is the number of postings above which a search, and
	// the choice of its best statements, uses both halves of the
	// statements at once (more goroutines than the two cores would not
	// help).
	parallelCost int
	// prefixListMin is how many postings a prefix's words must have in
	// all for the prefix to get a merged list (see prefixlist.go).
	prefixListMin int
	// minCacheStatements is the size below which a dossier opens fast
	// enough without a search cache, so none is written.
	minCacheStatements int
}

// defaultTuning is the tuning of New, Build, LoadIndexed and Open.
func defaultTuning() tuning {
	return tuning{
		parallelCost:       100_000,
		prefixListMin:      200_000,
		minCacheStatements: 10_000,
	}
}
