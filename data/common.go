package data

// Agreement classifies a topic across a set of parties.
type Agreement string

const (
	// CommonGround: every party supports, or every party opposes.
	CommonGround Agreement = "common-ground"
	// Conflict: at least one party supports and another opposes.
	Conflict Agreement = "conflict"
	// Open: anything else — a conditional, neutral or unclear stance, or
	// silence.
	Open Agreement = "open"
)

// TopicAgreement is how a set of parties stands on one topic.
type TopicAgreement struct {
	Topic *Topic
	Class Agreement
	// Positions is aligned with the parties asked about; nil is silence.
	Positions []*Position
	// Shared is the stance of CommonGround, or of a partial agreement: the
	// parties that speak (two or more) all support or all oppose while
	// others are silent. Empty otherwise.
	Shared Stance
	// Agreeing lists the parties holding Shared.
	Agreeing []string
	// Silent lists the parties with no position on the topic.
	Silent []string
	// Subtree counts the classes of the topic's descendants, so a collapsed
	// parent row can say what lies below it.
	Subtree map[Agreement]int
}

// Partial reports an open topic on which every party that speaks agrees.
func (t TopicAgreement) Partial() bool { return t.Class == Open && t.Shared != "" }

// Agreements classifies every topic, in TopicsInOrder, for the given party
// ids (all parties when none are given). A topic on which none of them has
// a position is left out.
func Agreements(d *Dossier, partyIDs []string) []TopicAgreement {
	if len(partyIDs) == 0 {
		for _, p := range d.Parties {
			partyIDs = append(partyIDs, p.ID)
		}
	}
	order := d.TopicsInOrder()
	var out []TopicAgreement
	spoken := make(map[string]int, len(order)) // topic id → its index in out
	for _, t := range order {
		ta := classify(d, t, partyIDs)
		if len(ta.Silent) < len(partyIDs) {
			spoken[t.ID] = len(out)
			out = append(out, ta)
		}
	}
	// Roll the classes of descendants up into every ancestor, in one pass
	// from the last topic to the first: the order puts every topic before
	// its descendants, so a topic's counts are complete when it passes
	// them to its parent. A chain of topics as deep as it is long costs
	// its length, not its square.
	at := make(map[string]int, len(order)) // topic id → its place in order
	for i, t := range order {
		putFirst(at, t.ID, i)
	}
	below := make([][3]int, len(order)) // classes of the topics below each
	for i := len(order) - 1; i >= 0; i-- {
		t := order[i]
		k, ok := spoken[t.ID]
		if ok {
			out[k].Subtree = map[Agreement]int{}
			for c, n := range below[i] {
				if n > 0 {
					out[k].Subtree[agreementClasses[c]] = n
				}
			}
		}
		p, found := at[t.Parent]
		if t.Parent == "" || !found || p == i {
			continue
		}
		for c, n := range below[i] {
			below[p][c] += n
		}
		if ok {
			below[p][agreementIndex(out[k].Class)]++
		}
	}
	return out
}

var agreementClasses = [3]Agreement{CommonGround, Conflict, Open}

func agreementIndex(a Agreement) int {
	switch a {
	case CommonGround:
		return 0
	case Conflict:
		return 1
	}
	return 2
}

func classify(d *Dossier, t *Topic, partyIDs []string) TopicAgreement {
	ta := TopicAgreement{Topic: t, Positions: make([]*Position, len(partyIDs))}
	var support, oppose, other []string
	for i, id := range partyIDs {
		p := d.Position(id, t.ID)
		ta.Positions[i] = p
		switch {
		case p == nil:
			ta.Silent = append(ta.Silent, id)
		case p.Stance == StanceSupport:
			support = append(support, id)
		case p.Stance == StanceOppose:
			oppose = append(oppose, id)
		default:
			other = append(other, id)
		}
	}
	switch {
	case len(support) > 0 && len(oppose) > 0:
		ta.Class = Conflict
	case len(other) == 0 && len(ta.Silent) == 0 && len(support) == len(partyIDs):
		ta.Class, ta.Shared, ta.Agreeing = CommonGround, StanceSupport, support
	case len(other) == 0 && len(ta.Silent) == 0 && len(oppose) == len(partyIDs):
		ta.Class, ta.Shared, ta.Agreeing = CommonGround, StanceOppose, oppose
	default:
		ta.Class = Open
		if len(other) == 0 && len(support) >= 2 {
			ta.Shared, ta.Agreeing = StanceSupport, support
		} else if len(other) == 0 && len(oppose) >= 2 {
			ta.Shared, ta.Agreeing = StanceOppose, oppose
		}
	}
	return ta
}

// SilentTopics counts, for each party, the topics on which it has no
// position while at least one other of the given parties has.
func SilentTopics(agreements []TopicAgreement) map[string]int {
	out := map[string]int{}
	for _, ta := range agreements {
		for _, id := range ta.Silent {
			out[id]++
		}
	}
	return out
}
