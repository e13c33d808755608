package search

import (
	"context"
	"fmt"
	"math"
	"math/rand/v2"
	"slices"
	"strings"
	"testing"
	"unicode"

	"github.com/parley-dev/parley/data"
)

// The words random corpora are made of: case, accents, width and scripts
// vary, so folding and multi-byte spans are exercised.
var propWords = []string{
	"security", "Security", "SECURITY", "secure", "sécurité", "guarantee", "guarantees", "nato", "NATO", "Nato's",
	"troops", "troop", "written", "response", "Response", "ｗｒｉｔｔｅｎ", "the", "The", "we", "will",
	"Лавров", "лавров", "сказал", "Ærø", "straße", "naïve", "café", "CAFÉ", "zürich", "ukraine",
	"e\u0301te\u0301", "été", "missiles", "missile", "sanctions", "energy", "gas", "transit", "2022", "x",
}

type propDoc struct {
	toks  []string // folded
	spans []data.Span
}

func propDossier(r *rand.Rand, n int) *data.Dossier {
	d := &data.Dossier{Title: "prop"}
	for _, p := range []string{"us", "russia", "nato"} {
		d.Parties = append(d.Parties, &data.Party{ID: p, Name: map[string]string{"us": "United States", "russia": "Russia", "nato": "North Atlantic Alliance"}[p]})
	}
	d.Actors = []*data.Actor{{ID: "lavrov", Name: "Sergei Lavrov", Party: "russia"}, {ID: "blinken", Name: "Antony Blinken", Party: "us"}, {ID: "stoltenberg", Name: "Jens Stoltenberg", Party: "nato"}, {ID: "ryabkov", Name: "Sergei Ryabkov", Party: "russia"}}
	d.Topics = []*data.Topic{{ID: "security", Title: "Security"}, {ID: "nato-expansion", Title: "NATO expansion", Parent: "security"}, {ID: "energy", Title: "Energy"}}
	seps := []string{" ", " ", " ", ", ", " — ", ". ", "\n", "-", "’"}
	dates := []string{"", "2022-01-21", "2022-01", "2022-02-03", "2021-12-30..2022-01-02", "2022"}
	for i := 0; i < n; i++ {
		var b strings.Builder
		for w := 0; w < 1+r.IntN(12); w++ {
			if w > 0 {
				b.WriteString(seps[r.IntN(len(seps))])
			}
			b.WriteString(propWords[r.IntN(len(propWords))])
		}
		s := &data.Statement{ID: fmt.Sprintf("s%03d", r.IntN(1000)), Text: b.String(), Kind: []data.StatementKind{data.KindQuote, data.KindReported}[r.IntN(2)]}
		switch r.IntN(4) {
		case 0:
			s.Party = d.Parties[r.IntN(3)].ID
		default:
			a := d.Actors[r.IntN(len(d.Actors))]
			s.Actor, s.Party = a.ID, a.Party
		}
		if ds := dates[r.IntN(len(dates))]; ds != "" {
			s.Date = data.MustDate(ds)
		}
		for _, t := range d.Topics {
			if r.IntN(3) == 0 {
				s.Topics = append(s.Topics, t.ID)
			}
		}
		d.Statements = append(d.Statements, s)
	}
	d.Reindex()
	return d
}

func propQuery(r *rand.Rand) string {
	var parts []string
	pick := func() string { return propWords[r.IntN(len(propWords))] }
	for i := 0; i < r.IntN(3); i++ {
		parts = append(parts, pick())
	}
	if r.IntN(4) == 0 {
		parts = append(parts, `"`+pick()+" "+pick()+`"`)
	}
	if r.IntN(5) == 0 {
		parts = append(parts, "-"+pick())
	}
	if r.IntN(8) == 0 {
		parts = append(parts, `-"`+pick()+`"`)
	}
	filters := []string{"party:russia", "party:us", "-party:nato", "speaker:lavrov", "speaker:sergei", "russia", "atlantic", "topic:security", "topic:energy", "-topic:energy",
		"kind:quote", "kind:reported", "-kind:quote", "date:2022-01", "date:2022-01-01..2022-01-25", "date:2022-02..", "lavrov", "russia", "sergei", "atlantic"}
	for i := 0; i < r.IntN(3); i++ {
		parts = append(parts, filters[r.IntN(len(filters))])
	}
	if len(parts) > 0 && r.IntN(3) == 0 {
		// The last word being typed.
		w := pick()
		parts = append(parts, w[:1+r.IntN(len(w))])
		if !strings.HasSuffix(parts[len(parts)-1], "\xff") && !isValidPrefix(parts[len(parts)-1]) {
			parts[len(parts)-1] = w
		}
	}
	r.Shuffle(len(parts), func(i, j int) { parts[i], parts[j] = parts[j], parts[i] })
	s := strings.Join(parts, " ")
	if r.IntN(2) == 0 {
		s += " "
	}
	return s
}

func isValidPrefix(s string) bool { return strings.ToValidUTF8(s, "") == s }

// refTokens is an independent tokenizer for the reference: runs of
// letters, digits and marks (the corpora have no ideographs).
func refTokens(text string) propDoc {
	var d propDoc
	start := -1
	flush := func(end int) {
		if start >= 0 {
			if f := FoldWords(text[start:end]); len(f) == 1 {
				d.toks = append(d.toks, f[0])
				d.spans = append(d.spans, data.Span{Start: start, End: end})
			} else if len(f) > 1 {
				panic(fmt.Sprintf("token %q folds to %q", text[start:end], f))
			}
		}
		start = -1
	}
	for i, r := range text {
		if unicode.IsLetter(r) || unicode.IsDigit(r) || unicode.IsMark(r) {
			if start < 0 {
				start = i
			}
		} else {
			flush(i)
		}
	}
	flush(len(text))
	return d
}

type refHit struct {
	s     *data.Statement
	base  float64
	score float64
	spans []data.Span
}

// refSearch answers a query by looking at every statement.
func refSearch(d *data.Dossier, q Query) []refHit {
	if len(q.Problems) > 0 || q.Empty() {
		return nil
	}
	docs := make([]propDoc, len(d.Statements))
	df := map[string]int{}
	total := 0
	for i, s := range d.Statements {
		docs[i] = refTokens(s.Text)
		total += len(docs[i].toks)
		seen := map[string]bool{}
		for _, t := range docs[i].toks {
			if !seen[t] {
				seen[t] = true
				df[t]++
			}
		}
	}
	n := float64(len(d.Statements))
	avg := 1.0
	if total > 0 {
		avg = float64(total) / n
	}
	idf := func(df int) float64 { return math.Log(1 + (n-float64(df)+0.5)/(float64(df)+0.5)) }
	speakerWords := func(s *data.Statement) []string {
		var w []string
		party := s.Party
		if a := d.Actor(s.Actor); a != nil {
			w = append(w, FoldWords(a.Name)...)
			w = append(w, FoldWords(a.ID)...)
			if party == "" {
				party = a.Party
			}
		}
		if p := d.Party(party); p != nil {
			w = append(w, FoldWords(p.ID)...)
			w = append(w, FoldWords(p.Short)...)
			if n := FoldWords(p.Name); len(n) == 1 {
				w = append(w, n...)
			}
		}
		return w
	}
	type word struct {
		text   string
		prefix bool
		exact  bool // a phrase word: as written, never by stem
	}
	var words []word
	for i, w := range q.Words {
		words = append(words, word{text: w, prefix: q.Prefix && i == len(q.Words)-1})
	}
	have := map[string]bool{}
	for _, ph := range q.Phrases {
		for _, t := range ph {
			if !have[t] {
				have[t] = true
				words = append(words, word{text: t, exact: true})
			}
		}
	}
	sameStem := func(a, b string) bool { return stemOf(a) == stemOf(b) }
	matchTok := func(w word, t string) bool {
		switch {
		case t == w.text:
			return true
		case w.exact:
			return false
		case w.prefix && strings.HasPrefix(t, w.text):
			return true
		}
		return sameStem(t, w.text)
	}
	// A whole word's rarity is that of all its forms.
	groupDF := func(text string) int {
		n := 0
		for t, c := range df {
			if sameStem(t, text) || t == text {
				n += c
			}
		}
		return min(n, len(d.Statements))
	}
	weight := func(w word, t string) float64 {
		switch {
		case w.exact:
			return idf(df[t])
		case w.prefix && t == w.text:
			return idf(df[t])
		case w.prefix && strings.HasPrefix(t, w.text):
			return weightPrefix * idf(df[t])
		case w.prefix:
			return weightStem * idf(df[t])
		case t == w.text:
			return idf(groupDF(w.text))
		}
		return weightStem * idf(groupDF(w.text))
	}
	matchSpeaker := func(w word, x string) bool { return x == w.text || (w.prefix && strings.HasPrefix(x, w.text)) }
	// Speaker document frequency per word.
	spDF := make([]int, len(words))
	for wi, w := range words {
		for _, s := range d.Statements {
			for _, x := range speakerWords(s) {
				if matchSpeaker(w, x) {
					spDF[wi]++
					break
				}
			}
		}
	}
	var out []refHit
	for i, s := range d.Statements {
		if !refFilter(d, q, s) {
			continue
		}
		doc := docs[i]
		if slices.ContainsFunc(doc.toks, func(t string) bool {
			return slices.Contains(q.ExcludeExact, t) || slices.ContainsFunc(q.Exclude, func(x string) bool { return x == t || sameStem(x, t) })
		}) {
			continue
		}
		okPh := true
		for _, ph := range q.Phrases {
			found := false
			for k := 0; k+len(ph) <= len(doc.toks); k++ {
				if slices.Equal(doc.toks[k:k+len(ph)], ph) {
					found = true
				}
			}
			okPh = okPh && found
		}
		if !okPh {
			continue
		}
		norm := float64(bm25Norm(uint32(len(doc.toks)), avg))
		score, all := 0.0, true
		sw := speakerWords(s)
		for wi, w := range words {
			tf := map[string]int{}
			for _, t := range doc.toks {
				if matchTok(w, t) {
					tf[t]++
				}
			}
			// Only typed words may name the speaker; a phrase is text.
			sp := wi < len(q.Words) && slices.ContainsFunc(sw, func(x string) bool { return matchSpeaker(w, x) })
			if len(tf) == 0 && !sp {
				all = false
				break
			}
			for t, c := range tf {
				var tfn float64
				switch c {
				case 1:
					tfn = float64(float32(1 / (1 + norm)))
				case 2:
					tfn = float64(float32(2 / (2 + norm)))
				default:
					tfn = float64(c) / (float64(c) + norm)
				}
				score += weight(w, t) * (bm25K1 + 1) * tfn
			}
			if sp {
				score += speakerBoost * idf(spDF[wi])
			}
		}
		if !all {
			continue
		}
		h := refHit{s: s, base: score, score: score}
		// Spans: typed and phrase words, and phrase runs.
		for k, t := range doc.toks {
			if slices.ContainsFunc(words[:len(q.Words)], func(w word) bool { return matchTok(w, t) }) {
				h.spans = append(h.spans, doc.spans[k])
			}
		}
		for _, ph := range q.Phrases {
			for k := 0; k+len(ph) <= len(doc.toks); k++ {
				if slices.Equal(doc.toks[k:k+len(ph)], ph) {
					h.spans = append(h.spans, data.Span{Start: doc.spans[k].Start, End: doc.spans[k+len(ph)-1].End})
				}
			}
		}
		h.spans = mergeSpans(h.spans)
		if nt := len(q.Words); nt >= 2 {
			pairs := 0
			for a := 0; a+1 < nt; a++ {
				for k := 0; k+1 < len(doc.toks); k++ {
					if matchTok(words[a], doc.toks[k]) && matchTok(words[a+1], doc.toks[k+1]) {
						pairs++
						break
					}
				}
			}
			h.score = score * (1 + phraseBoost*float64(pairs)/float64(nt-1))
		}
		out = append(out, h)
	}
	slices.SortStableFunc(out, func(a, b refHit) int {
		if a.score != b.score {
			if a.score > b.score {
				return -1
			}
			return 1
		}
		if c := a.s.Date.Compare(b.s.Date); c != 0 {
			return c
		}
		return strings.Compare(a.s.ID, b.s.ID)
	})
	return out
}

func refFilter(d *data.Dossier, q Query, s *data.Statement) bool {
	party := s.Party
	if party == "" {
		if a := d.Actor(s.Actor); a != nil {
			party = a.Party
		}
	}
	if len(q.Parties) > 0 && !slices.Contains(q.Parties, party) {
		return false
	}
	if slices.Contains(q.NotParties, party) && party != "" {
		return false
	}
	if len(q.Actors) > 0 && !slices.Contains(q.Actors, s.Actor) {
		return false
	}
	if slices.Contains(q.NotActors, s.Actor) && s.Actor != "" {
		return false
	}
	if len(q.Kinds) > 0 && !slices.Contains(q.Kinds, s.Kind) {
		return false
	}
	if slices.Contains(q.NotKinds, s.Kind) {
		return false
	}
	if len(q.Dates) > 0 && !slices.ContainsFunc(q.Dates, s.Date.Overlaps) {
		return false
	}
	if len(q.Topics) > 0 && !slices.ContainsFunc(s.Topics, func(t string) bool { return slices.Contains(q.Topics, t) }) {
		return false
	}
	if slices.ContainsFunc(s.Topics, func(t string) bool { return slices.Contains(q.NotTopics, t) }) {
		return false
	}
	return true
}

func TestSearchMatchesBruteForce(t *testing.T) {
	r := rand.New(rand.NewPCG(7, 11))
	queries := 0
	for corpus := 0; corpus < 40; corpus++ {
		// Every other corpus runs both halves on two goroutines.
		tune := defaultTuning()
		tune.parallelCost = []int{0, 1 << 30}[corpus%2]
		d := propDossier(r, 1+r.IntN(120))
		ix := build(d, nil, tune)
		for range 60 {
			qs := propQuery(r)
			q, _ := ParseQuery(qs, d)
			limit := []int{0, 1, 5, 100}[r.IntN(4)]
			got := ix.Search(q, limit)
			want := refSearch(d, q)
			if got.Fuzzy {
				if len(want) != 0 {
					t.Fatalf("%q: fuzzy results though %d match exactly", qs, len(want))
				}
				continue
			}
			queries++
			if got.Total != len(want) {
				t.Fatalf("corpus %d, %q: total %d, want %d", corpus, qs, got.Total, len(want))
			}
			wantN := len(want)
			if limit > 0 {
				wantN = min(limit, wantN)
			}
			if len(got.Hits) != wantN {
				t.Fatalf("%q: %d hits, want %d", qs, len(got.Hits), wantN)
			}
			for i, h := range got.Hits {
				w := want[i]
				if math.Abs(h.Score-w.score) > 1e-5*math.Max(1, math.Abs(w.score)) {
					t.Fatalf("%q: hit %d score %v (%s), want %v (%s)", qs, i, h.Score, h.Statement.ID, w.score, w.s.ID)
				}
				if h.Statement != w.s {
					// Only a near tie may swap places.
					if j := slices.IndexFunc(want, func(x refHit) bool { return x.s == h.Statement }); j < 0 || math.Abs(want[j].score-w.score) > 1e-5*math.Max(1, math.Abs(w.score)) {
						t.Fatalf("%q: hit %d is %s %q, want %s %q", qs, i, h.Statement.ID, h.Statement.Text, w.s.ID, w.s.Text)
					}
					w = want[slices.IndexFunc(want, func(x refHit) bool { return x.s == h.Statement })]
				}
				if !slices.Equal(h.Spans, w.spans) {
					t.Fatalf("%q in %q: spans %v, want %v", qs, h.Statement.Text, h.Spans, w.spans)
				}
			}
		}
	}
	if queries < 1000 {
		t.Fatalf("only %d queries compared", queries)
	}
}

func TestSpansOnMultiByteText(t *testing.T) {
	d := &data.Dossier{Parties: []*data.Party{{ID: "x", Name: "X"}}}
	d.Statements = []*data.Statement{{ID: "a", Kind: data.KindQuote, Party: "x", Text: "«Sécurité» — la SÉCURITÉ de l’Europe, ｓｅｃｕｒｉｔé et 安全保障"}}
	d.Reindex()
	ix := New(d)
	for qs, want := range map[string][]string{
		"securite":         {"Sécurité", "SÉCURITÉ", "ｓｅｃｕｒｉｔé"},
		"secur":            {"Sécurité", "SÉCURITÉ", "ｓｅｃｕｒｉｔé"},
		"l europe":         {"l", "Europe"},
		`"la securite de"`: {"la SÉCURITÉ de"},
		"安全":               {"安全"},
	} {
		q, _ := ParseQuery(qs, d)
		r := ix.Search(q, 10)
		if len(r.Hits) != 1 {
			t.Fatalf("%q: %d hits", qs, len(r.Hits))
		}
		var got []string
		text := r.Hits[0].Statement.Text
		for _, sp := range r.Hits[0].Spans {
			got = append(got, text[sp.Start:sp.End])
		}
		if !slices.Equal(got, want) {
			t.Errorf("%q: spans %q, want %q", qs, got, want)
		}
	}
}

func TestCancelledSearchLeavesNoTrace(t *testing.T) {
	d := synthDossier(t, 5000)
	ix := New(d)
	q, _ := ParseQuery("security guarantees", d)
	want := ix.Search(q, 10)
	ctx, cancel := context.WithCancel(context.Background())
	cancel()
	if _, err := ix.SearchContext(ctx, q, 10); err == nil {
		t.Fatal("a cancelled search answered")
	}
	got := ix.Search(q, 10)
	if got.Total != want.Total || len(got.Hits) != len(want.Hits) || got.Hits[0].Score != want.Hits[0].Score {
		t.Fatalf("after a cancelled search: %d results, want %d", got.Total, want.Total)
	}
}

func TestTypoFallbackSaysSo(t *testing.T) {
	d := synthDossier(t, 5000)
	ix := New(d)
	for qs, want := range map[string]string{"secuirty": "security", "sanctoins ": "sanctions", "guarantess": "guarantees", "stoltenbreg": "stoltenberg"} {
		q, _ := ParseQuery(qs, d)
		r := ix.Search(q, 5)
		if !r.Fuzzy || len(r.Corrections) != 1 || !slices.Contains(r.Corrections[0].Terms, want) || r.Total == 0 {
			t.Errorf("%q: fuzzy=%v corrections=%v total=%d, want a close match %q", qs, r.Fuzzy, r.Corrections, r.Total, want)
		}
	}
	q, _ := ParseQuery("security", d)
	if r := ix.Search(q, 5); r.Fuzzy {
		t.Error("an exact match was called fuzzy")
	}
}
