package model

import (
	"encoding/json"
	"fmt"
	"strings"
	"sync"
	"testing"

	"github.com/parley-dev/parley/data"
	"github.com/parley-dev/parley/views"
)

// bigDossier is 200 topics (three levels deep) × 12 parties, a position
// for most cells, and one source of about 1 MB with a quote every fourth
// paragraph, built in memory and loaded through data.Parse.
var bigDossier = sync.OnceValues(func() (*data.Dossier, error) {
	const topics, parties, paras = 200, 12, 2100
	type obj = map[string]any
	var ts, ps, pos, ss []obj
	for i := range parties {
		ps = append(ps, obj{"id": fmt.Sprintf("p%d", i), "name": fmt.Sprintf("Party number %d of the talks", i), "short": fmt.Sprintf("P%d", i)})
	}
	for i := range topics {
		t := obj{"id": fmt.Sprintf("t%d", i), "title": fmt.Sprintf("Topic %d on the agenda of the negotiation", i)}
		switch {
		case i%20 == 0:
		case i%5 == 0:
			t["parent"] = fmt.Sprintf("t%d", i-i%20)
		default:
			t["parent"] = fmt.Sprintf("t%d", i-i%5)
		}
		ts = append(ts, t)
	}
	stances := []string{"support", "oppose", "conditional", "neutral", "unclear", "support", "oppose"}
	var text strings.Builder
	for i := range paras {
		quote := fmt.Sprintf("quote number %d on topic %d is unique", i, i%topics)
		fmt.Fprintf(&text, "Paragraph %d. The delegate of party %d said \"%s\" before the break. %s\n\n",
			i, i%parties, quote, strings.Repeat("The talks went on at length without a result worth reporting. ", 7))
		if i%4 == 0 {
			ss = append(ss, obj{"id": fmt.Sprintf("s%d", i), "kind": "quote", "party": fmt.Sprintf("p%d", i%parties),
				"text": quote, "topics": []string{fmt.Sprintf("t%d", i%topics)}, "source": "big"})
		}
	}
	for t := range topics {
		for p := range parties {
			if (t+p)%6 == 5 {
				continue
			}
			ev := []string{}
			if i := 4 * ((t*parties + p) % (paras / 4)); i < paras {
				ev = append(ev, fmt.Sprintf("s%d", i))
			}
			pos = append(pos, obj{"party": fmt.Sprintf("p%d", p), "topic": fmt.Sprintf("t%d", t),
				"stance": stances[(t*7+p*3)%len(stances)], "summary": "A position summary long enough to be cut", "evidence": ev})
		}
	}
	src, err := json.Marshal(obj{
		"parley": 1, "title": "Generated talks", "parties": ps, "topics": ts, "statements": ss, "positions": pos,
		"sources": []obj{{"id": "big", "title": "A long transcript", "text": text.String()}},
	})
	if err != nil {
		return nil, err
	}
	d, _, err := data.Parse("bench.json", src, nil)
	return d, err
})

func benchDossier(b *testing.B) *data.Dossier {
	d, err := bigDossier()
	if err != nil {
		b.Fatalf("generated dossier: %v", err)
	}
	if len(d.Sources[0].Text) < 1<<20 {
		b.Fatalf("source is only %d bytes", len(d.Sources[0].Text))
	}
	return d
}

// BenchmarkMatrixView draws the matrix of 200 topics × 12 parties at
// 200×60 with the cursor in the middle, scrolled both ways.
func BenchmarkMatrixView(b *testing.B) {
	d := benchDossier(b)
	m := NewMatrix(d, newKeyMap(), views.NewTheme(d, true, false), d.Parties)
	m.SetSize(200, 60)
	m.row, m.col = 100, 8
	m.clamp()
	b.ResetTimer()
	for b.Loop() {
		_ = m.View()
	}
}

// BenchmarkSourceView draws a 1 MB source at 200×60 with a statement in
// the middle in focus.
func BenchmarkSourceView(b *testing.B) {
	d := benchDossier(b)
	m := NewSource(d, newKeyMap(), views.NewTheme(d, true, false))
	m.SetSize(200, 60)
	if !m.ShowStatement("s1000") {
		b.Fatal("s1000 is not in the source")
	}
	b.ResetTimer()
	for b.Loop() {
		_ = m.View()
	}
}
