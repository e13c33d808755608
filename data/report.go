package data

import (
	"errors"
	"fmt"
	"slices"
	"strings"
)

// The commands' reports as values. `parley validate`, `compare`,
// `demands` and `common-ground` print one of these as text (package
// views) or as JSON (its field tags), so the two can never disagree.

// Inventory counts what a dossier holds.
type Inventory struct {
	Parties          int `json:"parties"`
	Actors           int `json:"actors"`
	Topics           int `json:"topics"`
	Sources          int `json:"sources"`
	Statements       int `json:"statements"`
	Quotes           int `json:"quotes"`
	Reported         int `json:"reported"` // reported speech
	Anchored         int `json:"anchored"` // statements located in their source
	AnchoredQuotes   int `json:"anchored_quotes"`
	AnchoredReported int `json:"anchored_reported"`
	// Format 1.1: the source's own accounts, and the statements that name
	// their act.
	Accounts         int `json:"accounts"`
	AnchoredAccounts int `json:"anchored_accounts"`
	Acts             int `json:"acts"`
	Positions        int `json:"positions"`
	Demands          int `json:"demands"`
	Events           int `json:"events"`
}

// InventoryOf counts a dossier's records and statements.
func InventoryOf(d *Dossier) Inventory {
	var n Inventory
	for _, s := range d.Statements {
		n.Add(s)
	}
	n.Records(d)
	return n
}

// Add counts one statement (Load's Discard hands over statements it does
// not keep; they are counted as they pass).
func (n *Inventory) Add(s *Statement) {
	n.Statements++
	located := s.Location != nil
	if located {
		n.Anchored++
	}
	if s.Act() != "" {
		n.Acts++
	}
	switch s.Kind {
	case KindQuote:
		n.Quotes++
		if located {
			n.AnchoredQuotes++
		}
		return
	case KindAccount:
		n.Accounts++
		if located {
			n.AnchoredAccounts++
		}
		return
	}
	n.Reported++
	if located {
		n.AnchoredReported++
	}
}

// Records counts the dossier's records other than statements.
func (n *Inventory) Records(d *Dossier) {
	n.Parties, n.Actors, n.Topics, n.Sources = len(d.Parties), len(d.Actors), len(d.Topics), len(d.Sources)
	n.Positions, n.Demands, n.Events = len(d.Positions), len(d.Demands), len(d.Events)
}

// ValidationReport is what `parley validate` says of one file.
type ValidationReport struct {
	File     string          `json:"file"`
	Valid    bool            `json:"valid"`
	Errors   int             `json:"errors"`
	Warnings int             `json:"warnings"`
	Hints    int             `json:"hints"`
	Problems []ProblemReport `json:"problems"`
	Counts   *Inventory      `json:"counts,omitempty"` // when the dossier loaded

	// ReadError is set when the file could not be read at all (it is also
	// the one problem listed).
	ReadError error `json:"-"`
	// Found is every problem, for the text form.
	Found Problems `json:"-"`
}

// ProblemReport is one problem of a ValidationReport.
type ProblemReport struct {
	File     string `json:"file"`
	Line     int    `json:"line,omitempty"`
	Col      int    `json:"col,omitempty"`
	Severity string `json:"severity"`
	Message  string `json:"message"`
	Excerpt  string `json:"excerpt,omitempty"`
}

// Validate checks a dossier file ("" is the embedded one) reading only
// what policy allows, and reports on it. The statements of statement
// files are counted as they stream past, not kept: checking a million
// holds none of them.
func Validate(file string, policy ReadPolicy) ValidationReport {
	var (
		d     *Dossier
		probs Problems
		err   error
		n     Inventory
	)
	name := file
	if file == "" {
		name = EmbeddedName
		d, probs, err = LoadEmbeddedYAML()
	} else {
		d, probs, err = LoadWith(file, LoadOptions{Discard: n.Add, Policy: policy})
	}
	rep := ValidationReport{File: name, Found: probs, Problems: []ProblemReport{}}
	var inv *InvalidError
	if err != nil && !errors.As(err, &inv) {
		rep.ReadError = err
		rep.Errors = 1
		rep.Problems = append(rep.Problems, ProblemReport{File: name, Severity: SeverityError.String(), Message: err.Error()})
		return rep
	}
	rep.Valid = err == nil
	rep.Errors, rep.Warnings, rep.Hints = probs.Errors(), probs.Warnings(), probs.Hints()
	for _, p := range probs {
		rep.Problems = append(rep.Problems, ProblemReport{
			File: p.Pos.File, Line: p.Pos.Line, Col: p.Pos.Col, Severity: p.Severity.String(), Message: p.Message, Excerpt: p.Excerpt,
		})
	}
	if d != nil {
		for _, s := range d.Statements {
			n.Add(s)
		}
		n.Records(d)
		rep.Counts = &n
	}
	return rep
}

// StatementRef is a statement as a report cites it. Speaker is the source
// itself for an account ("the report"); Via names whom the words came
// through, in order.
type StatementRef struct {
	ID      string        `json:"id"`
	Kind    StatementKind `json:"kind"`
	Act     Act           `json:"act,omitempty"`
	Speaker string        `json:"speaker"`
	Party   string        `json:"party,omitempty"`
	Via     []string      `json:"via,omitempty"`
	About   []string      `json:"about,omitempty"`
	Date    string        `json:"date,omitempty"`
	Text    string        `json:"text"`
}

// StatementRefs are the statements of ids that exist, in order.
func StatementRefs(d *Dossier, ids []string) []StatementRef {
	out := []StatementRef{}
	for _, s := range d.Evidence(ids) {
		out = append(out, StatementRef{ID: s.ID, Kind: s.Kind, Act: s.Act(), Speaker: d.Speaker(s), Party: s.Party,
			Via: d.ViaNames(s), About: s.About(), Date: s.Date.String(), Text: s.Text})
	}
	return out
}

// CompareReport is `parley compare`: the parties' positions topic by
// topic (one topic when Topic is set).
type CompareReport struct {
	Parties []string       `json:"parties"`
	Topic   string         `json:"-"` // the one topic asked for, or ""
	Topics  []CompareTopic `json:"topics"`
}

// CompareTopic is one topic of a CompareReport, a position per party (an
// empty stance where the party has none).
type CompareTopic struct {
	Topic       string            `json:"topic"`
	Title       string            `json:"title"`
	Proposition string            `json:"proposition,omitempty"` // what the stances support or oppose
	Positions   []ComparePosition `json:"positions"`
}

// ComparePosition is a party's position in a CompareReport.
type ComparePosition struct {
	Party    string         `json:"party"`
	Stance   Stance         `json:"stance,omitempty"`
	Basis    Basis          `json:"basis,omitempty"`
	Summary  string         `json:"summary,omitempty"`
	Evidence []StatementRef `json:"evidence"`
}

// CompareOf reports the parties' positions on every topic, or on topic.
func CompareOf(d *Dossier, partyIDs []string, topic string) CompareReport {
	rep := CompareReport{Parties: partyIDs, Topic: topic, Topics: []CompareTopic{}}
	for _, t := range d.TopicsInOrder() {
		if topic != "" && t.ID != topic {
			continue
		}
		row := CompareTopic{Topic: t.ID, Title: t.Title, Proposition: t.Proposition, Positions: []ComparePosition{}}
		for _, id := range partyIDs {
			cp := ComparePosition{Party: id, Evidence: []StatementRef{}}
			if p := d.Position(id, t.ID); p != nil {
				cp.Stance, cp.Basis, cp.Summary, cp.Evidence = p.Stance, p.Basis, p.Summary, StatementRefs(d, p.Evidence)
			}
			row.Positions = append(row.Positions, cp)
		}
		rep.Topics = append(rep.Topics, row)
	}
	return rep
}

// DemandReport is one demand of `parley demands`, with one answer per
// addressee in the demand's order.
type DemandReport struct {
	ID        string           `json:"id"`
	From      string           `json:"from"`
	To        []string         `json:"to"`
	Topic     string           `json:"topic,omitempty"`
	Text      string           `json:"text"`
	Date      string           `json:"date,omitempty"`
	Evidence  []StatementRef   `json:"evidence"`
	Responses []ResponseReport `json:"responses"`
}

// ResponseReport is an addressee's answer in a DemandReport: "no response"
// when none is recorded; an answer known only from others says whom
// (KnownFrom: "Russia", or "the report" for the source's own account).
type ResponseReport struct {
	Party       string         `json:"party"`
	Status      Status         `json:"status"`
	Basis       Basis          `json:"basis,omitempty"`
	AccordingTo string         `json:"according_to,omitempty"`
	KnownFrom   string         `json:"known_from,omitempty"`
	Text        string         `json:"text,omitempty"`
	Date        string         `json:"date,omitempty"`
	Evidence    []StatementRef `json:"evidence"`
}

// DemandsOf reports every demand and each addressee's answer.
func DemandsOf(d *Dossier) []DemandReport {
	out := []DemandReport{}
	for _, dm := range d.Demands {
		dr := DemandReport{ID: dm.ID, From: dm.From, To: dm.To, Topic: dm.Topic, Text: dm.Text, Date: dm.Date.String(), Evidence: StatementRefs(d, dm.Evidence), Responses: []ResponseReport{}}
		for _, to := range dm.To {
			rr := ResponseReport{Party: to, Status: dm.StatusOf(to), Evidence: []StatementRef{}}
			if r := dm.Response(to); r != nil {
				rr.Text, rr.Date, rr.Evidence = r.Text, r.Date.String(), StatementRefs(d, r.Evidence)
				rr.Basis, rr.AccordingTo, rr.KnownFrom = BasisStated, r.AccordingTo, d.AccordingTo(r)
				if r.Reported() {
					rr.Basis = BasisReported
				}
			}
			dr.Responses = append(dr.Responses, rr)
		}
		out = append(out, dr)
	}
	return out
}

// GroundClass is how a topic stands across parties in `common-ground`:
// one of the report's four sections.
type GroundClass string

const (
	// GroundCommon: every party supports, or every party opposes.
	GroundCommon GroundClass = "common"
	// GroundConflict: one supports and another opposes.
	GroundConflict GroundClass = "conflict"
	// GroundPartial: the parties that speak (two or more) agree, the
	// others are silent.
	GroundPartial GroundClass = "partial"
	// GroundOpen: conditional, neutral or unclear stances, or silence.
	GroundOpen GroundClass = "open"
)

// GroundClasses are the classes in the order the report lists them.
var GroundClasses = []GroundClass{GroundCommon, GroundConflict, GroundPartial, GroundOpen}

// ClassOf is the section of the common-ground report a topic is in.
func (t TopicAgreement) ClassOf() GroundClass {
	switch {
	case t.Class == CommonGround:
		return GroundCommon
	case t.Class == Conflict:
		return GroundConflict
	case t.Partial():
		return GroundPartial
	}
	return GroundOpen
}

// CommonGroundReport is `parley common-ground`.
type CommonGroundReport struct {
	Parties []string       `json:"parties"`
	Topics  []GroundTopic  `json:"topics"`
	Silent  map[string]int `json:"silent"` // party → topics it is silent on
}

// GroundTopic is one topic of a CommonGroundReport.
type GroundTopic struct {
	Topic       string           `json:"topic"`
	Title       string           `json:"title"`
	Proposition string           `json:"proposition,omitempty"`
	Class       GroundClass      `json:"class"`
	Shared      Stance           `json:"shared,omitempty"`
	Agreeing    []string         `json:"agreeing,omitempty"`
	Silent      []string         `json:"silent,omitempty"`
	Positions   []GroundPosition `json:"positions"`
}

// GroundPosition is a party's position in a GroundTopic.
type GroundPosition struct {
	Party    string   `json:"party"`
	Stance   Stance   `json:"stance"`
	Basis    Basis    `json:"basis"`
	Summary  string   `json:"summary,omitempty"`
	Evidence []string `json:"evidence"`
}

// CommonGroundOf reports how the parties stand, topic by topic (every
// party when none is given).
func CommonGroundOf(d *Dossier, partyIDs []string) CommonGroundReport {
	if len(partyIDs) == 0 {
		for _, p := range d.Parties {
			partyIDs = append(partyIDs, p.ID)
		}
	}
	agreements := Agreements(d, partyIDs)
	rep := CommonGroundReport{Parties: partyIDs, Topics: make([]GroundTopic, 0, len(agreements)), Silent: SilentTopics(agreements)}
	for _, ta := range agreements {
		gt := GroundTopic{
			Topic: ta.Topic.ID, Title: ta.Topic.Title, Proposition: ta.Topic.Proposition, Class: ta.ClassOf(),
			Shared: ta.Shared, Agreeing: ta.Agreeing, Silent: ta.Silent, Positions: []GroundPosition{},
		}
		for _, p := range ta.Positions {
			if p == nil {
				continue
			}
			ev := p.Evidence
			if ev == nil {
				ev = []string{}
			}
			gt.Positions = append(gt.Positions, GroundPosition{Party: p.Party, Stance: p.Stance, Basis: p.Basis, Summary: p.Summary, Evidence: ev})
		}
		rep.Topics = append(rep.Topics, gt)
	}
	return rep
}

// FindParties resolves parties a person names (FindParty), each once, in
// order; a name that finds none is an *UnknownPartyError.
func (d *Dossier) FindParties(names []string) ([]string, error) {
	var ids []string
	for _, name := range names {
		p := d.FindParty(name)
		if p == nil {
			return nil, &UnknownPartyError{Name: name, Known: d.partyIDs()}
		}
		if !slices.Contains(ids, p.ID) {
			ids = append(ids, p.ID)
		}
	}
	return ids, nil
}

func (d *Dossier) partyIDs() []string {
	ids := make([]string, len(d.Parties))
	for i, p := range d.Parties {
		ids[i] = p.ID
	}
	return ids
}

// UnknownPartyError is a party name that finds no party of the dossier.
type UnknownPartyError struct {
	Name  string
	Known []string
}

// Usage reports that the error is in how parley was asked (exit status 2).
func (e *UnknownPartyError) Usage() bool { return true }

func (e *UnknownPartyError) Error() string {
	return fmt.Sprintf("unknown party %q; the dossier has %s", e.Name, strings.Join(e.Known, ", "))
}

// FindParty is the party a person names: by id, or, ignoring case, by
// id, short name or name; nil when none is.
func (d *Dossier) FindParty(s string) *Party {
	if p := d.Party(s); p != nil {
		return p
	}
	for _, p := range d.Parties {
		if strings.EqualFold(p.ID, s) || strings.EqualFold(p.Short, s) || strings.EqualFold(p.Name, s) {
			return p
		}
	}
	return nil
}
