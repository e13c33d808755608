package search

import (
	"context"
	"reflect"
	"slices"
	"sync/atomic"
	"testing"

	"github.com/parley-dev/parley/data"
	"github.com/parley-dev/parley/data/synth"
)

// typedThenErased is every keystroke of typing the queries, then of
// erasing each a letter at a time, with a few edits in the middle of a
// query and filters changed while typing.
func typedThenErased() []string {
	keys := synth.Keystrokes(synth.Typed)
	for _, q := range synth.Typed {
		for i := len(q); i > 0; i-- {
			keys = append(keys, q[:i])
		}
	}
	return append(keys, "nato s", "nato se", "nato s", "nato", "nato ", "nato e", "party:us nato e", "party:us nato en",
		"nato en", "nato -en", "nato -ene", "nato -energy s", "nato s -energy", `"nato en`, `"nato enl"`, `"nato enl" s`,
		"in the in", "in the int", "in the i", "in the", "in th", "the in", "the in the", "zzzq", "zzzq in", "in")
}

// sameResults fails when two answers differ in anything a person sees.
func sameResults(t *testing.T, query string, got, want *Results) {
	t.Helper()
	if got.Total != want.Total || len(got.Hits) != len(want.Hits) || got.Fuzzy != want.Fuzzy {
		t.Fatalf("%q: %d matches, %d hits, fuzzy %v; from nothing %d, %d, %v", query, got.Total, len(got.Hits), got.Fuzzy, want.Total, len(want.Hits), want.Fuzzy)
	}
	for i := range got.Hits {
		g, w := got.Hits[i], want.Hits[i]
		if g.Statement != w.Statement || g.Score != w.Score || !slices.Equal(g.Spans, w.Spans) || g.SpeakerMatch != w.SpeakerMatch {
			t.Fatalf("%q: hit %d is %s (%v), from nothing %s (%v)", query, i, g.Statement.ID, g.Score, w.Statement.ID, w.Score)
		}
	}
}

// Typing a query a letter at a time, each search goes on from what the one
// before left; every answer is exactly what a search from nothing gives:
// the same statements in the same order, with the same scores and spans.
func TestTypingGivesWhatASearchFromNothingGives(t *testing.T) {
	d := synthDossier(t, 20_000)
	for _, cost := range []int{0, 1 << 30} { // both halves at once, one after the other
		tune := defaultTuning()
		tune.parallelCost = cost
		typing, fresh := build(d, nil, tune), build(d, nil, tune)
		for _, k := range typedThenErased() {
			q, _ := ParseQuery(k, d)
			got := typing.Search(q, 50)
			fresh.spare = nil // nothing to go on from
			sameResults(t, k, got, fresh.Search(q, 50))
		}
	}
}

// cancelAfter is a context that is done after its Err has been asked n
// times: a search given up at any point of its work. The search asks from
// both cores, so the count is atomic.
type cancelAfter struct {
	context.Context
	n atomic.Int64
}

func newCancelAfter(n int) *cancelAfter {
	c := &cancelAfter{Context: context.Background()}
	c.n.Store(int64(n))
	return c
}

func (c *cancelAfter) Err() error {
	if c.n.Add(-1) < 0 {
		return context.Canceled
	}
	return nil
}

// A search given up half way (a newer keystroke came) leaves nothing the
// next one could go wrong from.
func TestASearchGivenUpLeavesNothingWrong(t *testing.T) {
	d := synthDossier(t, 20_000)
	typing, fresh := New(d), New(d)
	keys := typedThenErased()
	givenUp := 0
	for i, k := range keys {
		q, _ := ParseQuery(k, d)
		if _, err := typing.SearchContext(newCancelAfter(i%7), q, 50); err != nil {
			givenUp++
		}
		if i+1 < len(keys) {
			k = keys[i+1]
			q, _ = ParseQuery(k, d)
		}
		got := typing.Search(q, 50)
		fresh.spare = nil
		sameResults(t, k, got, fresh.Search(q, 50))
	}
	if givenUp < len(keys)/3 {
		t.Errorf("%d of %d searches were given up half way; the test gives up too few", givenUp, len(keys))
	}
}

// Two queries with different filters never share what a search leaves:
// every filter of a Query is part of its filters' key (a filter added to
// Query and not to filterKey fails here).
func TestEveryFilterIsInTheFiltersKey(t *testing.T) {
	words := map[string]bool{"Raw": true, "Words": true, "Prefix": true, "Phrases": true, "Exclude": true, "ExcludeExact": true, "Problems": true}
	empty := filterKey(&Query{})
	typ := reflect.TypeOf(Query{})
	for i := range typ.NumField() {
		f := typ.Field(i)
		if words[f.Name] {
			continue
		}
		var q Query
		v := reflect.ValueOf(&q).Elem().Field(i)
		if v.Kind() != reflect.Slice {
			t.Fatalf("Query.%s is a %s: say here how it filters", f.Name, v.Kind())
		}
		one := reflect.MakeSlice(v.Type(), 1, 1)
		switch e := one.Index(0); {
		case f.Name == "Dates":
			e.Set(reflect.ValueOf(data.MustDate("2022-01")))
		case e.Kind() == reflect.String:
			e.SetString("x")
		}
		v.Set(one)
		if filterKey(&q) == empty {
			t.Errorf("Query.%s is not in filterKey", f.Name)
		}
	}
}
