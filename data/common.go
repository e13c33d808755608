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
	byTopic := map[string]TopicAgreement{}
	var out []TopicAgreement
	for _, t := range d.TopicsInOrder() {
		ta := classify(d, t, partyIDs)
		byTopic[t.ID] = ta
		if len(ta.Silent) < len(partyIDs) {
			out = append(out, ta)
		}
	}
	// Roll the classes of descendants up into every ancestor.
	for i := range out {
		out[i].Subtree = map[Agreement]int{}
	}
	index := map[string]int{}
	for i, ta := range out {
		index[ta.Topic.ID] = i
	}
	for _, ta := range out {
		seen := map[string]bool{ta.Topic.ID: true}
		for p := ta.Topic.Parent; p != "" && !seen[p]; p = d.Topic(p).Parent {
			seen[p] = true
			if i, ok := index[p]; ok {
				out[i].Subtree[ta.Class]++
			}
			if d.Topic(p) == nil {
				break
			}
		}
	}
	return out
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
