package synth

import (
	"fmt"
	"strconv"
)

// Shape is a dossier built to stress the walks over references rather
// than the text: how a topic tree, a demand or an evidence list of n
// entries is checked, rolled up and shown.
type Shape string

const (
	// Chain is n topics, each the parent of the next: a tree n deep.
	Chain Shape = "chain"
	// Fan is one root topic with n-1 children: a tree n wide.
	Fan Shape = "fan"
	// Crowd is n parties, one demand addressed to them all, every one
	// answering it, and a position of every party on one topic.
	Crowd Shape = "crowd"
)

// Shapes lists the shapes WriteShape knows.
var Shapes = []Shape{Chain, Fan, Crowd}

// WriteShape returns a valid JSON dossier of the shape with n entries.
// Chain and Fan give two parties a position on every topic (alternately
// agreeing and not), each citing one statement, so every roll-up has
// something to count; Crowd gives n parties.
func WriteShape(shape Shape, n int) ([]byte, error) {
	if n < 1 {
		return nil, fmt.Errorf("synth: a %s of %d entries", shape, n)
	}
	b := []byte(`{"parley": 1, "title": "A ` + string(shape) + ` of ` + strconv.Itoa(n) + `", "parties": [`)
	parties := 2
	if shape == Crowd {
		parties = n
	}
	for i := range parties {
		b = comma(b, i)
		b = fmt.Appendf(b, `{"id": "p%d", "name": "Party %d"}`, i, i)
	}
	b = append(b, `], "topics": [`...)
	topics := n
	if shape == Crowd {
		topics = 1
	}
	for i := range topics {
		b = comma(b, i)
		b = fmt.Appendf(b, `{"id": "t%d", "title": "Topic %d"`, i, i)
		switch {
		case i == 0:
		case shape == Chain:
			b = fmt.Appendf(b, `, "parent": "t%d"`, i-1)
		case shape == Fan:
			b = append(b, `, "parent": "t0"`...)
		}
		b = append(b, '}')
	}
	b = append(b, `], "statements": [{"id": "s0", "kind": "reported", "party": "p0", "text": "Said so."}], "positions": [`...)
	k := 0
	for t := range topics {
		for p := range parties {
			stance := "support"
			if (t+p)%3 == 2 {
				stance = "oppose"
			}
			b = comma(b, k)
			k++
			b = fmt.Appendf(b, `{"party": "p%d", "topic": "t%d", "stance": "%s", "evidence": ["s0"]}`, p, t, stance)
		}
	}
	b = append(b, `]`...)
	if shape == Crowd {
		b = append(b, `, "demands": [{"id": "d0", "from": "p0", "topic": "t0", "text": "Everyone agrees", "evidence": ["s0"], "to": [`...)
		for i := 1; i < n; i++ {
			b = comma(b, i-1)
			b = fmt.Appendf(b, `"p%d"`, i)
		}
		b = append(b, `], "responses": [`...)
		for i := 1; i < n; i++ {
			b = comma(b, i-1)
			b = fmt.Appendf(b, `{"party": "p%d", "status": "accepted", "evidence": ["s0"]}`, i)
		}
		b = append(b, `]}]`...)
	}
	return append(b, "}\n"...), nil
}

func comma(b []byte, i int) []byte {
	if i > 0 {
		return append(b, ", "...)
	}
	return b
}
