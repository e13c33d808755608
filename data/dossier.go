// Package data owns parley's domain: the dossier types, loading YAML, JSON
// and JSON Lines with positions, validation, quote anchoring in sources,
// export, and the embedded default dossier. Finding statements by their
// words is package data/search, built on this one. It never imports Bubble
// Tea or Lip Gloss.
package data

// FormatVersion is the dossier format this build reads and writes.
const FormatVersion = 1

// Dossier is everything known about one negotiation. It is immutable after
// Load returns it: screens hold a pointer and never change it.
type Dossier struct {
	Parley     int          `json:"parley"`
	Title      string       `json:"title"`
	Date       Date         `json:"date,omitzero"`
	Summary    string       `json:"summary,omitempty"`
	Note       string       `json:"note,omitempty"`
	Sources    []*Source    `json:"sources,omitempty"`
	Parties    []*Party     `json:"parties"`
	Actors     []*Actor     `json:"actors,omitempty"`
	Topics     []*Topic     `json:"topics,omitempty"`
	Statements []*Statement `json:"statements,omitempty"`
	Positions  []*Position  `json:"positions,omitempty"`
	Demands    []*Demand    `json:"demands,omitempty"`
	Events     []*Event     `json:"events,omitempty"`
	// StatementFiles are read at load time and their statements appended to
	// Statements; an export is self-contained, so it never writes them.
	StatementFiles []string `json:"-"`
	Compare        []string `json:"compare,omitempty"`

	// Path is the file the dossier came from ("" for the embedded one).
	Path string `json:"-"`

	idx index
}

// Source is a document statements are taken from.
type Source struct {
	ID        string `json:"id"`
	Title     string `json:"title,omitempty"`
	Publisher string `json:"publisher,omitempty"`
	Date      Date   `json:"date,omitzero"`
	URL       string `json:"url,omitempty"`
	// File is where Text was read from, relative to the dossier. Exports
	// inline Text instead, so they are self-contained.
	File string `json:"-"`
	Text string `json:"text,omitempty"`
	Note string `json:"note,omitempty"`

	// Paragraphs are the byte ranges of the source's paragraphs (runs of
	// non-blank lines), numbered from 1 in order.
	Paragraphs []Span `json:"-"`
	Pos        Pos    `json:"-"`
}

// HasText reports whether quotes from this source can be verified.
func (s *Source) HasText() bool { return s != nil && s.Text != "" }

// Party is a side of the negotiation: a state, an alliance, a group.
type Party struct {
	ID    string `json:"id"`
	Name  string `json:"name"`
	Short string `json:"short,omitempty"`
	Color string `json:"color,omitempty"`
	Note  string `json:"note,omitempty"`
	Pos   Pos    `json:"-"`
}

// Label is the short name for badges and pane titles.
func (p *Party) Label() string {
	if p.Short != "" {
		return p.Short
	}
	return p.Name
}

// Actor is a person (or office) speaking for a party.
type Actor struct {
	ID    string `json:"id"`
	Name  string `json:"name"`
	Party string `json:"party,omitempty"`
	Role  string `json:"role,omitempty"`
	Note  string `json:"note,omitempty"`
	Pos   Pos    `json:"-"`
}

// Topic is a subject of the negotiation; topics nest through Parent.
type Topic struct {
	ID      string `json:"id"`
	Title   string `json:"title"`
	Parent  string `json:"parent,omitempty"`
	Summary string `json:"summary,omitempty"`
	Note    string `json:"note,omitempty"`
	Pos     Pos    `json:"-"`
}

// StatementKind tells verbatim words from a paraphrase.
type StatementKind string

const (
	KindQuote    StatementKind = "quote"    // the speaker's own words, verbatim
	KindReported StatementKind = "reported" // the report's paraphrase of speech
)

// Statement is one thing somebody said, verbatim or reported.
type Statement struct {
	ID     string        `json:"id"`
	Kind   StatementKind `json:"kind"`
	Actor  string        `json:"actor,omitempty"`
	Party  string        `json:"party,omitempty"`
	Text   string        `json:"text"`
	Topics []string      `json:"topics,omitempty"`
	Date   Date          `json:"date,omitzero"`
	Source string        `json:"source,omitempty"`
	Anchor *Anchor       `json:"anchor,omitempty"`
	Note   string        `json:"note,omitempty"`

	// Where the statement stands in its source, when it could be anchored.
	Location *Location `json:"-"`
	Pos      Pos       `json:"-"`
}

// Anchor picks a passage of the source: Exact is the passage (for reported
// speech; a quote's own text is its passage), Prefix and Suffix the words
// just before and after it, to choose between several occurrences.
type Anchor struct {
	Exact  string `json:"exact,omitempty"`
	Prefix string `json:"prefix,omitempty"`
	Suffix string `json:"suffix,omitempty"`
}

// Location is where a statement was found in its source text.
type Location struct {
	Span             // byte offsets into Source.Text
	Paragraph int    // 1-based paragraph number
	Source    string // source id
}

// Span is a half-open byte range [Start, End).
type Span struct {
	Start int `json:"start"`
	End   int `json:"end"`
}

// Stance is a party's attitude to a topic.
type Stance string

const (
	StanceSupport     Stance = "support"
	StanceOppose      Stance = "oppose"
	StanceConditional Stance = "conditional"
	StanceNeutral     Stance = "neutral"
	StanceUnclear     Stance = "unclear"
)

// Stances lists every stance in display order.
var Stances = []Stance{StanceSupport, StanceOppose, StanceConditional, StanceNeutral, StanceUnclear}

// Basis says whether the party said it or an analyst read it so.
type Basis string

const (
	BasisStated   Basis = "stated"
	BasisInferred Basis = "inferred"
)

// Position is a party's stance on a topic, with the evidence for it.
type Position struct {
	Party    string   `json:"party"`
	Topic    string   `json:"topic"`
	Stance   Stance   `json:"stance"`
	Summary  string   `json:"summary,omitempty"`
	Evidence []string `json:"evidence,omitempty"`
	Basis    Basis    `json:"basis,omitempty"`
	Note     string   `json:"note,omitempty"`
	Pos      Pos      `json:"-"`
}

// Status is the state of a response to a demand.
type Status string

const (
	StatusAccepted   Status = "accepted"
	StatusRejected   Status = "rejected"
	StatusDeferred   Status = "deferred"
	StatusCountered  Status = "countered"
	StatusUnanswered Status = "unanswered"
)

// Statuses lists every response status in display order.
var Statuses = []Status{StatusAccepted, StatusRejected, StatusDeferred, StatusCountered, StatusUnanswered}

// Demand is what one party asked of others.
type Demand struct {
	ID        string      `json:"id"`
	From      string      `json:"from"`
	To        []string    `json:"to"`
	Topic     string      `json:"topic,omitempty"`
	Text      string      `json:"text"`
	Date      Date        `json:"date,omitzero"`
	Evidence  []string    `json:"evidence,omitempty"`
	Responses []*Response `json:"responses,omitempty"`
	Note      string      `json:"note,omitempty"`
	Pos       Pos         `json:"-"`
}

// Response is an addressee's answer to a demand.
type Response struct {
	Party    string   `json:"party"`
	Status   Status   `json:"status"`
	Text     string   `json:"text,omitempty"`
	Evidence []string `json:"evidence,omitempty"`
	Date     Date     `json:"date,omitzero"`
	Note     string   `json:"note,omitempty"`
	Pos      Pos      `json:"-"`
}

// EventStatus tells what happened from what was expected to happen.
type EventStatus string

const (
	EventHappened EventStatus = "happened"
	EventExpected EventStatus = "expected"
)

// Event is something that happened, or is expected to, on a date.
type Event struct {
	ID       string      `json:"id,omitempty"`
	Date     Date        `json:"date"`
	Title    string      `json:"title"`
	Place    string      `json:"place,omitempty"`
	Status   EventStatus `json:"status,omitempty"`
	Evidence []string    `json:"evidence,omitempty"`
	Note     string      `json:"note,omitempty"`
	Pos      Pos         `json:"-"`
}

// Expected reports whether the event had not happened when recorded.
func (e *Event) Expected() bool { return e.Status == EventExpected }
