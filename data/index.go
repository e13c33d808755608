package data

import (
	"hash/maphash"
	"slices"
	"sync"
)

// index holds the lookups screens need; built once by Load.
type index struct {
	parties    map[string]*Party
	actors     map[string]*Actor
	topics     map[string]*Topic
	sources    map[string]*Source
	statements statementTable
	demands    map[string]*Demand

	posByParty  map[string][]*Position
	posByTopic  map[string][]*Position
	position    map[[2]string]*Position
	demandsBy   map[string][]*Demand
	responsesBy map[string][]*Response
	children    map[string][]*Topic
	topicOrder  []*Topic
	depth       map[string]int
	citedBy     map[string][]Citation
	moves       map[string]map[Act]int // party → act → statements making it

	// Statements by party, actor, topic and source: made when first asked
	// for (32 MB at a million statements, and a session may need none).
	stmtsByParty, stmtsByActor, stmtsByTopic, stmtsBySrc *statementGroups
}

// Citation is a record that names a statement as evidence.
type Citation struct {
	Position *Position // set when a position cites the statement
	Demand   *Demand   // set when a demand, or one of its responses, does
	Response *Response // set when a response does
	Event    *Event    // set when an event does
}

// Reindex rebuilds the dossier's lookups after its Statements were
// replaced wholesale: the search cache hands a dossier loaded with
// LoadOptions.Skip the statements it kept. Load builds them itself.
func (d *Dossier) Reindex() { d.buildIndex() }

func (d *Dossier) buildIndex() {
	x := index{
		parties:     make(map[string]*Party, len(d.Parties)),
		actors:      make(map[string]*Actor, len(d.Actors)),
		topics:      make(map[string]*Topic, len(d.Topics)),
		sources:     make(map[string]*Source, len(d.Sources)),
		demands:     make(map[string]*Demand, len(d.Demands)),
		posByParty:  map[string][]*Position{},
		posByTopic:  map[string][]*Position{},
		position:    map[[2]string]*Position{},
		demandsBy:   map[string][]*Demand{},
		responsesBy: map[string][]*Response{},
		children:    map[string][]*Topic{},
		depth:       map[string]int{},
		citedBy:     map[string][]Citation{},
	}
	// The first record of an id wins; duplicates are reported by validation.
	for _, p := range d.Parties {
		putFirst(x.parties, p.ID, p)
	}
	for _, a := range d.Actors {
		putFirst(x.actors, a.ID, a)
	}
	for _, t := range d.Topics {
		putFirst(x.topics, t.ID, t)
	}
	for _, s := range d.Sources {
		putFirst(x.sources, s.ID, s)
	}
	// The table by id is built beside the acts' count (the explorer's first
	// frame waits for both); the other lookups over every statement when
	// first asked for.
	var wg sync.WaitGroup
	if len(d.Statements) < 50_000 {
		x.statements = newStatementTable(d.Statements)
	} else {
		wg.Add(1)
		go func() { defer wg.Done(); x.statements = newStatementTable(d.Statements) }()
	}
	x.stmtsByTopic = newStatementGroups(func(s *Statement, put func(string)) {
		for _, t := range s.Topics {
			put(t)
		}
	})
	x.stmtsByParty = newStatementGroups(func(s *Statement, put func(string)) {
		if s.Party != "" {
			put(s.Party)
		}
	})
	x.stmtsByActor = newStatementGroups(func(s *Statement, put func(string)) {
		if s.Actor != "" {
			put(s.Actor)
		}
	})
	x.stmtsBySrc = newStatementGroups(func(s *Statement, put func(string)) {
		if s.Source != "" {
			put(s.Source)
		}
	})
	x.moves = map[string]map[Act]int{}
	for _, s := range d.Statements {
		mover := d.Mover(s)
		if s.Act() == "" || x.parties[mover] == nil {
			continue
		}
		if x.moves[mover] == nil {
			x.moves[mover] = map[Act]int{}
		}
		x.moves[mover][s.Act()]++
	}
	wg.Wait()
	for _, p := range d.Positions {
		x.posByParty[p.Party] = append(x.posByParty[p.Party], p)
		x.posByTopic[p.Topic] = append(x.posByTopic[p.Topic], p)
		if _, ok := x.position[[2]string{p.Party, p.Topic}]; !ok {
			x.position[[2]string{p.Party, p.Topic}] = p
		}
		for _, e := range p.Evidence {
			x.citedBy[e] = append(x.citedBy[e], Citation{Position: p})
		}
	}
	for _, dm := range d.Demands {
		putFirst(x.demands, dm.ID, dm)
		parties := append([]string{dm.From}, dm.To...)
		for _, p := range slices.Compact(parties) {
			x.demandsBy[p] = append(x.demandsBy[p], dm)
		}
		for _, e := range dm.Evidence {
			x.citedBy[e] = append(x.citedBy[e], Citation{Demand: dm})
		}
		dm.responseOf = nil
		if len(dm.Responses) > manyResponses {
			dm.responseOf = make(map[string]*Response, len(dm.Responses))
		}
		for _, r := range dm.Responses {
			if dm.responseOf != nil {
				putFirst(dm.responseOf, r.Party, r)
			}
			x.responsesBy[r.Party] = append(x.responsesBy[r.Party], r)
			for _, e := range r.Evidence {
				x.citedBy[e] = append(x.citedBy[e], Citation{Demand: dm, Response: r})
			}
		}
	}
	for _, ev := range d.Events {
		for _, e := range ev.Evidence {
			x.citedBy[e] = append(x.citedBy[e], Citation{Event: ev})
		}
	}
	for _, t := range d.Topics {
		parent := t.Parent
		if _, ok := x.topics[parent]; !ok {
			parent = "" // an unknown parent is reported; show the topic as a root
		}
		x.children[parent] = append(x.children[parent], t)
	}
	// Depth-first order, parents before children, with a stack of its own
	// (a chain of topics can be as deep as it is long); the visited set
	// keeps a cycle (reported by validation) from looping, and topics stuck
	// in one still get listed.
	seen := make(map[string]bool, len(d.Topics))
	type frame struct {
		children []*Topic
		depth    int
	}
	var stack []frame
	walk := func(parent string, depth int) {
		stack = append(stack[:0], frame{x.children[parent], depth})
		for len(stack) > 0 {
			top := &stack[len(stack)-1]
			if len(top.children) == 0 {
				stack = stack[:len(stack)-1]
				continue
			}
			t := top.children[0]
			top.children = top.children[1:]
			if seen[t.ID] {
				continue
			}
			seen[t.ID] = true
			x.topicOrder = append(x.topicOrder, t)
			x.depth[t.ID] = top.depth
			stack = append(stack, frame{x.children[t.ID], top.depth + 1})
		}
	}
	walk("", 0)
	for _, t := range d.Topics {
		if !seen[t.ID] {
			seen[t.ID] = true
			x.topicOrder = append(x.topicOrder, t)
			walk(t.ID, 1)
		}
	}
	d.idx = x
}

// statementTable finds statements by id. A dossier can hold a million
// statements, and a map of them would take 46 MB; this open-addressing
// table of their indexes takes 8 per statement at most. The first
// statement with an id wins; duplicates are reported by validation.
type statementTable struct {
	stmts []*Statement
	slots []uint32 // index + 1 into stmts; 0 for an empty slot
	seed  maphash.Seed
}

func newStatementTable(stmts []*Statement) statementTable {
	n := 8
	for n < 2*len(stmts) {
		n <<= 1
	}
	t := statementTable{stmts: stmts, slots: make([]uint32, n), seed: maphash.MakeSeed()}
	mask := uint64(n - 1)
	for i, s := range stmts {
		for h := maphash.String(t.seed, s.ID) & mask; ; h = (h + 1) & mask {
			if k := t.slots[h]; k == 0 {
				t.slots[h] = uint32(i) + 1
				break
			} else if stmts[k-1].ID == s.ID {
				break
			}
		}
	}
	return t
}

func (t *statementTable) get(id string) *Statement {
	if len(t.slots) == 0 {
		return nil
	}
	mask := uint64(len(t.slots) - 1)
	for h := maphash.String(t.seed, id) & mask; ; h = (h + 1) & mask {
		k := t.slots[h]
		if k == 0 {
			return nil
		}
		if s := t.stmts[k-1]; s.ID == id {
			return s
		}
	}
}

// statementGroups is a lookup of statements by a key, made the first time
// it is asked for (from any goroutine).
type statementGroups struct {
	once sync.Once
	keys func(s *Statement, put func(string))
	m    map[string][]*Statement
}

func newStatementGroups(keys func(s *Statement, put func(string))) *statementGroups {
	return &statementGroups{keys: keys}
}

// of is the statements of d under key id, in dossier order.
func (g *statementGroups) of(d *Dossier, id string) []*Statement {
	if g == nil {
		return nil // a dossier not indexed
	}
	g.once.Do(func() { g.m = groupStatements(d.Statements, g.keys) })
	return g.m[id]
}

// groupStatements lists the statements under each key keys puts them
// under, in dossier order. The lists share one array sized by a counting
// pass first: growing a list per key by appending would allocate about
// three times the memory the lists end up using (a million statements).
func groupStatements(stmts []*Statement, keys func(s *Statement, put func(string))) map[string][]*Statement {
	counts := map[string]int{}
	total := 0
	count := func(k string) { counts[k]++; total++ }
	for _, s := range stmts {
		keys(s, count)
	}
	all := make([]*Statement, total)
	out := make(map[string][]*Statement, len(counts))
	at := 0
	for k, n := range counts {
		out[k] = all[at : at : at+n]
		at += n
	}
	var cur *Statement
	add := func(k string) { out[k] = append(out[k], cur) }
	for _, cur = range stmts {
		keys(cur, add)
	}
	return out
}

func putFirst[T any](m map[string]T, id string, v T) {
	if _, ok := m[id]; !ok {
		m[id] = v
	}
}

// Party returns the party with the id, or nil.
func (d *Dossier) Party(id string) *Party { return d.idx.parties[id] }

// Actor returns the actor with the id, or nil.
func (d *Dossier) Actor(id string) *Actor { return d.idx.actors[id] }

// Topic returns the topic with the id, or nil.
func (d *Dossier) Topic(id string) *Topic { return d.idx.topics[id] }

// Source returns the source with the id, or nil.
func (d *Dossier) Source(id string) *Source { return d.idx.sources[id] }

// Statement returns the statement with the id, or nil.
func (d *Dossier) Statement(id string) *Statement { return d.idx.statements.get(id) }

// Demand returns the demand with the id, or nil.
func (d *Dossier) Demand(id string) *Demand { return d.idx.demands[id] }

// StatementsByParty lists a party's statements in dossier order.
func (d *Dossier) StatementsByParty(id string) []*Statement { return d.idx.stmtsByParty.of(d, id) }

// StatementsByActor lists an actor's statements in dossier order.
func (d *Dossier) StatementsByActor(id string) []*Statement { return d.idx.stmtsByActor.of(d, id) }

// StatementsByTopic lists the statements tagged with a topic.
func (d *Dossier) StatementsByTopic(id string) []*Statement { return d.idx.stmtsByTopic.of(d, id) }

// StatementsBySource are the statements taken from a source, in dossier
// order.
func (d *Dossier) StatementsBySource(id string) []*Statement { return d.idx.stmtsBySrc.of(d, id) }

// PositionsByParty lists a party's positions in dossier order.
func (d *Dossier) PositionsByParty(id string) []*Position { return d.idx.posByParty[id] }

// PositionsByTopic lists every party's position on a topic.
func (d *Dossier) PositionsByTopic(id string) []*Position { return d.idx.posByTopic[id] }

// Position returns a party's position on a topic, or nil for silence.
func (d *Dossier) Position(party, topic string) *Position {
	return d.idx.position[[2]string{party, topic}]
}

// DemandsByParty lists the demands a party made or received.
func (d *Dossier) DemandsByParty(id string) []*Demand { return d.idx.demandsBy[id] }

// ResponsesByParty lists a party's responses to demands.
func (d *Dossier) ResponsesByParty(id string) []*Response { return d.idx.responsesBy[id] }

// CitedBy lists the positions, demands, responses and events that name a
// statement as evidence.
func (d *Dossier) CitedBy(statementID string) []Citation { return d.idx.citedBy[statementID] }

// TopicChildren lists the topics whose parent is id; "" gives the roots.
func (d *Dossier) TopicChildren(id string) []*Topic { return d.idx.children[id] }

// TopicsInOrder lists every topic depth-first, parents before children.
func (d *Dossier) TopicsInOrder() []*Topic { return d.idx.topicOrder }

// TopicDepth is 0 for a root topic, 1 for its children, and so on.
func (d *Dossier) TopicDepth(id string) int { return d.idx.depth[id] }

// Evidence resolves statement ids, skipping unknown ones.
func (d *Dossier) Evidence(ids []string) []*Statement {
	out := make([]*Statement, 0, len(ids))
	for _, id := range ids {
		if s := d.Statement(id); s != nil {
			out = append(out, s)
		}
	}
	return out
}

// manyResponses is how many responses a demand has before Load indexes
// them by party: screens look up every addressee's answer, and a demand
// addressed to thousands of parties must not cost the square of that.
const manyResponses = 16

// StatusOf is an addressee's answer to a demand: its recorded status, or
// StatusNoResponse when the dossier records none (not "unanswered", which
// says the source reports the demand went unanswered). The screens, the
// briefs and every report say the same through it.
func (dm *Demand) StatusOf(party string) Status {
	if r := dm.Response(party); r != nil && r.Status != "" {
		return r.Status
	}
	return StatusNoResponse
}

// Response returns the response a party gave to a demand, or nil.
func (dm *Demand) Response(party string) *Response {
	if dm.responseOf != nil {
		return dm.responseOf[party]
	}
	for _, r := range dm.Responses {
		if r.Party == party {
			return r
		}
	}
	return nil
}

// ComparedParties is who the explorer shows first: the dossier's compare
// list, or else its first three parties.
func (d *Dossier) ComparedParties() []*Party {
	var out []*Party
	for _, id := range d.Compare {
		if p := d.Party(id); p != nil && !slices.Contains(out, p) {
			out = append(out, p)
		}
	}
	if len(out) > 0 {
		return out
	}
	return d.Parties[:min(3, len(d.Parties))]
}

// Speaker names who made a statement: the actor, or else the party; for
// an account, the source itself ("the report").
func (d *Dossier) Speaker(s *Statement) string {
	if s.Kind == KindAccount {
		if src := d.Source(s.Source); src != nil {
			return src.Label()
		}
		return "the source"
	}
	if a := d.Actor(s.Actor); a != nil {
		return a.Name
	}
	if p := d.Party(s.Party); p != nil {
		return p.Name
	}
	return "unattributed"
}

// ViaNames names the links of a statement's attribution chain, in order:
// an actor by name, a source by its label.
func (d *Dossier) ViaNames(s *Statement) []string {
	if len(s.Via()) == 0 {
		return nil
	}
	out := make([]string, len(s.Via()))
	for i, id := range s.Via() {
		switch {
		case d.Actor(id) != nil:
			out[i] = d.Actor(id).Name
		case d.Source(id) != nil:
			out[i] = d.Source(id).Label()
		default:
			out[i] = id
		}
	}
	return out
}

// Mover is the party whose move a statement is: its party, or for an
// account the first party it is about ("" when there is none).
func (d *Dossier) Mover(s *Statement) string {
	if s.Kind == KindAccount {
		if len(s.About()) > 0 {
			return s.About()[0]
		}
		return ""
	}
	return s.Party
}

// AccordingTo names who a response is known from when the answering party
// did not give it itself: the party in according_to, or else the speaker of
// its first piece of evidence (for an account, the source: "the report").
// It is "" for an answer the party gave itself.
func (d *Dossier) AccordingTo(r *Response) string {
	if !r.Reported() {
		return ""
	}
	if p := d.Party(r.AccordingTo); p != nil {
		return p.Name
	}
	for _, s := range d.Evidence(r.Evidence) {
		return d.Speaker(s)
	}
	return "others"
}

// ActCounts counts each party's moves: party id → act → statements making
// it. A statement without an act, or whose mover is not a party, is not
// counted. Counted once, when the dossier is loaded: the maps are shared,
// and must not be changed.
func ActCounts(d *Dossier) map[string]map[Act]int { return d.idx.moves }
