package edit

import (
	"cmp"
	"fmt"
	"slices"

	"github.com/parley-dev/parley/data"
)

// Drafts are statements a program drafted (`draft:`, from parley import)
// that nobody has reviewed. Reviewing one accepts it (the draft field goes)
// or rejects it (the statement goes).

// DraftOrder is the order drafts are reviewed in.
type DraftOrder int

const (
	// MostDoubtfulFirst: lowest confidence first (no confidence counts as
	// the lowest), then source order.
	MostDoubtfulFirst DraftOrder = iota
	// SourceOrder: by source, then where each stands in it.
	SourceOrder
)

// Drafts lists the dossier's draft statements in the order given.
func Drafts(d *data.Dossier, order DraftOrder) []*data.Statement {
	var out []*data.Statement
	for _, s := range d.Statements {
		if s.Draft() != nil {
			out = append(out, s)
		}
	}
	index := map[string]int{}
	for i, s := range d.Sources {
		index[s.ID] = i
	}
	where := func(s *data.Statement) int {
		if s.Location != nil {
			return s.Location.Start
		}
		return 1 << 62
	}
	source := func(a, b *data.Statement) int {
		if c := cmp.Compare(index[a.Source], index[b.Source]); c != 0 {
			return c
		}
		return cmp.Compare(where(a), where(b))
	}
	slices.SortStableFunc(out, func(a, b *data.Statement) int {
		if order == MostDoubtfulFirst {
			if c := cmp.Compare(confidence(a), confidence(b)); c != 0 {
				return c
			}
		}
		return source(a, b)
	})
	return out
}

func confidence(s *data.Statement) float64 {
	if s.Draft() == nil || s.Draft().Confidence == nil {
		return -1
	}
	return *s.Draft().Confidence
}

// Accept is the edit accepting drafts: their draft fields go.
func Accept(ids ...string) Edit {
	b := Batch{Name: fmt.Sprintf("accept %d drafts", len(ids))}
	if len(ids) == 1 {
		b.Name = "accept draft " + quoteID(ids[0])
	}
	for _, id := range ids {
		b.Edits = append(b.Edits, Set{Ref: StatementRef(id), Field: "draft"})
	}
	return b
}

// AcceptIn is Accept for drafts of the dossier d, which keeps every
// accepted quote verbatim: a quote said in parts ("…," he said, "…") is
// verbatim only by its draft's content spans, so accepting it makes one
// quote of each part — the first keeps its id, the others are new
// statements beside it (id-2, id-3, …) with the same speaker, source and
// topics — each anchored where its part stands.
func AcceptIn(d *data.Dossier, ids ...string) Edit {
	b := Accept(ids...).(Batch)
	taken := func(id string) bool { return d.Statement(id) != nil }
	var adds []Edit
	for _, id := range ids {
		s := d.Statement(id)
		parts := quoteParts(d, s)
		if len(parts) < 2 {
			continue
		}
		ref := StatementRef(id)
		first := parts[0]
		b.Edits = append(b.Edits, Set{Ref: ref, Field: "text", Value: first.Exact})
		if r := first.Record(true); r != nil {
			b.Edits = append(b.Edits, Set{Ref: ref, Field: "anchor", Value: r})
		} else if s.Anchor() != nil {
			b.Edits = append(b.Edits, Set{Ref: ref, Field: "anchor"})
		}
		for k, p := range parts[1:] {
			ns := *s
			ns.ID = UniqueID(fmt.Sprintf("%s-%d", id, k+2), taken)
			x := ns.Extra()
			ns.Text, x.Draft, x.Anchor = p.Exact, nil, nil
			if p.Prefix != "" || p.Suffix != "" {
				x.Anchor = &data.Anchor{Prefix: p.Prefix, Suffix: p.Suffix}
			}
			ns.SetExtra(x)
			r, err := FromStruct(&ns)
			if err != nil {
				continue
			}
			adds = append(adds, Add{List: Statements, Record: r})
			taken = func(prev func(string) bool, nid string) func(string) bool {
				return func(id string) bool { return id == nid || prev(id) }
			}(taken, ns.ID)
		}
	}
	b.Edits = append(b.Edits, adds...)
	return b
}

// quoteParts are the passages of a quote said in several parts, as its
// draft's content spans place them in its source (nil for a quote in one
// piece, or one whose parts cannot be read).
func quoteParts(d *data.Dossier, s *data.Statement) []Anchor {
	if s == nil || s.Kind != data.KindQuote || s.Draft() == nil || s.Draft().Spans == nil || len(s.Draft().Spans.Content) < 2 {
		return nil
	}
	src := d.Source(s.Source)
	if !src.HasText() {
		return nil
	}
	var out []Anchor
	for _, r := range s.Draft().Spans.Content {
		a, ok := AnchorFor(src.Text, r[0], r[1])
		if !ok {
			return nil
		}
		out = append(out, a)
	}
	return out
}

// Reject is the edit rejecting drafts: the statements go.
func Reject(ids ...string) Edit {
	b := Batch{Name: fmt.Sprintf("reject %d drafts", len(ids))}
	if len(ids) == 1 {
		b.Name = "reject draft " + quoteID(ids[0])
	}
	for _, id := range ids {
		b.Edits = append(b.Edits, Delete{Ref: StatementRef(id)})
	}
	return b
}

// AcceptAbove is the edit accepting every draft whose confidence is at
// least min, and the ids it accepts (none: a nil edit).
func AcceptAbove(d *data.Dossier, min float64) (Edit, []string) {
	var ids []string
	for _, s := range Drafts(d, SourceOrder) {
		if confidence(s) >= min {
			ids = append(ids, s.ID)
		}
	}
	if len(ids) == 0 {
		return nil, nil
	}
	return AcceptIn(d, ids...), ids
}

// CheckDrafts says what is wrong with accepting or rejecting ids: each
// must name a draft statement of the dossier.
func CheckDrafts(d *data.Dossier, ids []string) error {
	for _, id := range ids {
		s := d.Statement(id)
		switch {
		case s == nil:
			return fmt.Errorf("no statement %q", id)
		case s.Draft() == nil:
			return fmt.Errorf("statement %q is not a draft", id)
		}
	}
	return nil
}
