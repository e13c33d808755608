package search

import (
	"testing"

	"github.com/parley-dev/parley/data"
	"github.com/parley-dev/parley/data/synth"
)

// BenchmarkQueryShapes parses filters that name every topic of a
// 100,000-wide fan or 100,000-deep chain (topic: takes the subtopics), and
// every party of a crowd of 100,000: a set, not a scan per id.
func BenchmarkQueryShapes(b *testing.B) {
	const n = 100_000
	for _, tc := range []struct {
		shape synth.Shape
		query string
	}{{synth.Fan, "topic:t0"}, {synth.Chain, "topic:t0"}, {synth.Crowd, "party:p"}} {
		src, err := synth.WriteShape(tc.shape, n)
		if err != nil {
			b.Fatal(err)
		}
		d, _, err := data.Parse("shape.json", src, nil)
		if err != nil {
			b.Fatal(err)
		}
		b.Run(string(tc.shape)+"/"+tc.query, func(b *testing.B) {
			for b.Loop() {
				q, err := ParseQuery(tc.query, d)
				if err != nil || len(q.Topics)+len(q.Parties) < n-1 {
					b.Fatalf("%s: %v, %d topics, %d parties", tc.query, err, len(q.Topics), len(q.Parties))
				}
			}
		})
	}
}
