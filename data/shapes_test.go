package data_test

import (
	"fmt"
	"math/rand/v2"
	"strings"
	"testing"

	"github.com/parley-dev/parley/data"
	"github.com/parley-dev/parley/data/synth"
)

// A dossier can be any shape: a chain of topics as deep as it is long, a
// topic with thousands of subtopics, a demand addressed to thousands of
// parties. These tests check that such shapes load and roll up correctly;
// the benchmarks below hold them to linear time at 100,000.

func parseShape(tb testing.TB, shape synth.Shape, n int) *data.Dossier {
	tb.Helper()
	src, err := synth.WriteShape(shape, n)
	if err != nil {
		tb.Fatal(err)
	}
	d, probs, err := data.Parse(string(shape)+".json", src, nil)
	if err != nil {
		tb.Fatalf("%s of %d: %v\n%v", shape, n, err, probs)
	}
	return d
}

func TestDeepAndWideDossiersLoadWhole(t *testing.T) {
	const n = 3000
	chain := parseShape(t, synth.Chain, n)
	last := chain.Topic(fmt.Sprint("t", n-1))
	if got := chain.TopicDepth(last.ID); got != n-1 {
		t.Errorf("the last topic of a chain of %d is %d deep, want %d", n, got, n-1)
	}
	if got := len(chain.TopicsInOrder()); got != n {
		t.Errorf("the chain lists %d topics, want %d", got, n)
	}
	for i, tp := range chain.TopicsInOrder() {
		if tp.ID != fmt.Sprint("t", i) {
			t.Fatalf("topic %d of the chain is %s: parents must come before children", i, tp.ID)
		}
	}
	if path := data.TopicPath(chain, last); strings.Count(path, " › ") != data.TopicPathLevels || !strings.HasPrefix(path, "… › ") {
		t.Errorf("the path of a topic %d deep names %q; want the nearest %d levels after …", n-1, path, data.TopicPathLevels)
	}

	fan := parseShape(t, synth.Fan, n)
	if got := len(fan.TopicChildren("t0")); got != n-1 {
		t.Errorf("the root of a fan of %d has %d children, want %d", n, got, n-1)
	}

	crowd := parseShape(t, synth.Crowd, n)
	dm := crowd.Demand("d0")
	for _, p := range dm.To {
		if r := dm.Response(p); r == nil || r.Party != p {
			t.Fatalf("the response of %s to a demand with %d answers is %v", p, len(dm.Responses), r)
		}
	}
	if r := dm.Response("p0"); r != nil {
		t.Errorf("p0 made the demand and never answered it, yet Response gives %v", r)
	}
}

// The roll-up of a parent's subtopics counts every descendant, at any
// depth, by class: checked against a walk up from every topic, on random
// forests.
func TestSubtreeRollUpCountsEveryDescendant(t *testing.T) {
	for seed := range uint64(20) {
		r := rand.New(rand.NewPCG(seed, 7))
		n := 2 + r.IntN(60)
		var b strings.Builder
		b.WriteString("parley: 1\ntitle: T\nparties: [{id: a, name: A}, {id: b, name: B}]\ntopics:\n")
		parent := make([]int, n)
		for i := range n {
			parent[i] = -1
			if i > 0 && r.IntN(4) > 0 {
				parent[i] = r.IntN(i)
			}
			fmt.Fprintf(&b, "  - {id: t%d, title: T%d", i, i)
			if parent[i] >= 0 {
				fmt.Fprintf(&b, ", parent: t%d", parent[i])
			}
			b.WriteString("}\n")
		}
		b.WriteString("positions:\n")
		stances := []string{"support", "oppose", "neutral", ""}
		for i := range n {
			for _, p := range []string{"a", "b"} {
				if s := stances[r.IntN(len(stances))]; s != "" {
					fmt.Fprintf(&b, "  - {party: %s, topic: t%d, stance: %s}\n", p, i, s)
				}
			}
		}
		d, _, err := data.Parse("t.yaml", []byte(b.String()), nil)
		if err != nil {
			t.Fatal(err)
		}
		got := data.Agreements(d, nil)
		class := map[string]data.Agreement{}
		for _, ta := range got {
			class[ta.Topic.ID] = ta.Class
		}
		want := map[string]map[data.Agreement]int{}
		for i := range n {
			c, ok := class[fmt.Sprint("t", i)]
			if !ok {
				continue
			}
			for p := parent[i]; p >= 0; p = parent[p] {
				id := fmt.Sprint("t", p)
				if want[id] == nil {
					want[id] = map[data.Agreement]int{}
				}
				want[id][c]++
			}
		}
		for _, ta := range got {
			w := want[ta.Topic.ID]
			if len(w) != len(ta.Subtree) {
				t.Fatalf("seed %d: %s rolls up %v, want %v", seed, ta.Topic.ID, ta.Subtree, w)
			}
			for c, k := range w {
				if ta.Subtree[c] != k {
					t.Fatalf("seed %d: %s rolls up %v, want %v", seed, ta.Topic.ID, ta.Subtree, w)
				}
			}
		}
	}
}

// BenchmarkShapes loads (parses and validates) a dossier of 100,000
// entries of each shape, and rolls its topics up as the Matrix and
// common-ground do. Each is linear: a quadratic walk would take minutes.
func BenchmarkShapes(b *testing.B) {
	const n = 100_000
	for _, shape := range synth.Shapes {
		src, err := synth.WriteShape(shape, n)
		if err != nil {
			b.Fatal(err)
		}
		b.Run(fmt.Sprintf("validate/%s-%d", shape, n), func(b *testing.B) {
			b.SetBytes(int64(len(src)))
			for b.Loop() {
				if _, _, err := data.Parse("shape.json", src, nil); err != nil {
					b.Fatal(err)
				}
			}
		})
		d := parseShape(b, shape, n)
		b.Run(fmt.Sprintf("agreements/%s-%d", shape, n), func(b *testing.B) {
			for b.Loop() {
				if len(data.Agreements(d, nil)) == 0 {
					b.Fatal("no topic rolled up")
				}
			}
		})
		b.Run(fmt.Sprintf("paths/%s-%d", shape, n), func(b *testing.B) {
			for b.Loop() {
				for _, t := range d.TopicsInOrder() {
					_ = data.TopicPath(d, t)
				}
			}
		})
	}
}

// A cycle through every topic of a long chain is found in one walk and
// reported in a message a person can read: its first and last topics and
// how many between, not every one (a cycle of 100,000 made a line of a
// megabyte).
func TestALongTopicCycleIsNamedShortly(t *testing.T) {
	const n = 20_000
	var b strings.Builder
	b.WriteString(`{"parley": 1, "title": "Cycle", "parties": [{"id": "a", "name": "A"}], "topics": [`)
	for i := range n {
		if i > 0 {
			b.WriteString(", ")
		}
		fmt.Fprintf(&b, `{"id": "t%d", "title": "T%d", "parent": "t%d"}`, i, i, (i+1)%n)
	}
	b.WriteString("]}\n")
	_, probs, err := data.Parse("cycle.json", []byte(b.String()), nil)
	if err == nil || len(probs) != 1 {
		t.Fatalf("err %v, %d problems; want the cycle, once", err, len(probs))
	}
	want := `topic "t0": parents form a cycle: t0 → t1 → t2 → t3 → t4 → … 19990 topics … → t19995 → t19996 → t19997 → t19998 → t19999 → t0`
	if got := probs[0].Message; got != want {
		t.Errorf("message (%d bytes):\n%.300s\nwant:\n%s", len(got), got, want)
	}
}
