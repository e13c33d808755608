// Package search finds statements of a dossier by the words in them: an
// inverted index over folded words with BM25 ranking (Index, Build), the
// query language of the Quotes screen and `parley search` (ParseQuery:
// words, "exact phrases", -exclusions and filters such as party:russia),
// highlighting spans, typo corrections, and an on-disk cache that opens a
// large dossier with its index in a fraction of a load (LoadIndexed).
//
// It reads the dossier through package data and never changes it; it
// imports neither Bubble Tea nor Lip Gloss. Screens and commands turn its
// results into text through package views.
package search
