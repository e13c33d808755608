// Package data owns parley's domain: the dossier types, loading YAML, JSON
// and JSON Lines with positions, validation, quote anchoring in sources,
// export, the commands' reports as values (report.go), the embedded
// default dossier, and the user's settings file, read with the same
// positions. Finding statements by their words is package data/search,
// editing a dossier's files is data/edit, both built on this one. It never
// imports Bubble Tea or Lip Gloss.
package data

import (
	"bytes"
	"encoding/json"
	"strconv"
)

// Version is a dossier format version, MAJOR.MINOR. A dossier declares it
// in its first field, `parley: 1` or `parley: 1.1`; a minor version only
// adds to the one before, so this build reads every version up to
// FormatVersion, each with the fields it had.
type Version struct{ Major, Minor int }

var (
	// Version1 is the first format.
	Version1 = Version{1, 0}
	// Version1_1 adds the source's own voice (kind: account, about), attribution
	// chains (via), the negotiation move (act), topic propositions, response
	// provenance (basis, according_to), a source's short name and drafts.
	Version1_1 = Version{1, 1}
	// FormatVersion is the newest format this build reads, and what it writes
	// in a new dossier.
	FormatVersion = Version1_1
)

// String is the version as a dossier writes it: "1", "1.1".
func (v Version) String() string {
	if v.Minor == 0 {
		return strconv.Itoa(v.Major)
	}
	return strconv.Itoa(v.Major) + "." + strconv.Itoa(v.Minor)
}

// MarshalJSON writes the version as the number a dossier declares: 1, 1.1.
func (v Version) MarshalJSON() ([]byte, error) { return []byte(v.String()), nil }

// AtLeast reports whether v is w or newer.
func (v Version) AtLeast(w Version) bool {
	return v.Major > w.Major || v.Major == w.Major && v.Minor >= w.Minor
}

// Dossier is everything known about one negotiation. It is immutable after
// Load returns it: screens hold a pointer and never change it.
type Dossier struct {
	// Parley is the format version the file declares; an export writes it
	// back unchanged.
	Parley     Version      `json:"parley"`
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
	ID    string `json:"id"`
	Title string `json:"title,omitempty"`
	// Short names the source in attributions ("the report"); added in 1.1.
	Short     string `json:"short,omitempty"`
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

// Label names the source in an attribution: its short name, else its
// publisher, else its title, else its id.
func (s *Source) Label() string {
	for _, l := range []string{s.Short, s.Publisher, s.Title} {
		if l != "" {
			return l
		}
	}
	return s.ID
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
	ID    string `json:"id"`
	Title string `json:"title"`
	// Proposition is the one sentence that support and oppose on this topic
	// refer to ("Russia should withdraw its forces from the border"); added
	// in 1.1.
	Proposition string `json:"proposition,omitempty"`
	Parent      string `json:"parent,omitempty"`
	Summary     string `json:"summary,omitempty"`
	Note        string `json:"note,omitempty"`
	Pos         Pos    `json:"-"`
}

// StatementKind tells verbatim words from a paraphrase, and both from the
// source's own voice.
type StatementKind string

const (
	KindQuote    StatementKind = "quote"    // the speaker's own words, verbatim
	KindReported StatementKind = "reported" // the report's paraphrase of speech
	// KindAccount is the source speaking for itself: the reporter's own
	// claims and background facts, with no actor or party (added in 1.1).
	KindAccount StatementKind = "account"
)

// Statement is one thing somebody said, verbatim or reported, or something
// the source itself says.
//
// A dossier can hold a million statements, so a Statement holds only what
// most statements have; the fields most leave empty (the note, the anchor,
// and format 1.1's act, via, about and draft) are behind one pointer, read
// through Note, Anchor, Act, Via, About and Draft, and set with SetExtra.
// Its JSON (MarshalJSON) has every field in the format's order.
type Statement struct {
	ID     string
	Kind   StatementKind
	Actor  string
	Party  string
	Text   string
	Topics []string
	Date   Date
	Source string

	// Where the statement stands in its source, when it could be anchored.
	Location *Location
	Pos      Pos

	extra *StatementExtra // nil when every field of it is empty
}

// StatementExtra holds the fields of a statement that most statements
// leave empty.
type StatementExtra struct {
	// Act is the negotiation move the statement makes (added in 1.1).
	Act Act
	// Via is how the statement reached its source, in order from the
	// speaker outwards: actors and sources in between (added in 1.1).
	Via []string
	// About lists the parties the statement concerns without saying they
	// said it; for an account, the first is the one whose move it reports
	// (added in 1.1).
	About  []string
	Anchor *Anchor
	Note   string
	// Draft marks a statement drafted by a program, not yet reviewed by a
	// person (added in 1.1).
	Draft *Draft
}

// IsZero reports whether every field is empty.
func (x *StatementExtra) IsZero() bool {
	return x.Act == "" && x.Via == nil && x.About == nil && x.Anchor == nil && x.Note == "" && x.Draft == nil
}

// Extra is the statement's rarely set fields (all empty for most).
func (s *Statement) Extra() StatementExtra {
	if s.extra == nil {
		return StatementExtra{}
	}
	return *s.extra
}

// SetExtra sets the statement's rarely set fields; all empty, they take
// no memory.
func (s *Statement) SetExtra(x StatementExtra) {
	if x.IsZero() {
		s.extra = nil
		return
	}
	e := new(StatementExtra) // not &x: x would then be allocated for every call
	*e = x
	s.extra = e
}

// Act is the negotiation move the statement makes, or "".
func (s *Statement) Act() Act {
	if s.extra == nil {
		return ""
	}
	return s.extra.Act
}

// Via lists the actors and sources the statement reached its source
// through, from the speaker outwards.
func (s *Statement) Via() []string {
	if s.extra == nil {
		return nil
	}
	return s.extra.Via
}

// About lists the parties the statement concerns without saying they said
// it.
func (s *Statement) About() []string {
	if s.extra == nil {
		return nil
	}
	return s.extra.About
}

// Anchor is the passage of the source the statement picks, or nil.
func (s *Statement) Anchor() *Anchor {
	if s.extra == nil {
		return nil
	}
	return s.extra.Anchor
}

// Note is the dossier author's note on the statement, or "".
func (s *Statement) Note() string {
	if s.extra == nil {
		return ""
	}
	return s.extra.Note
}

// Draft is what the program that drafted the statement says about it, or
// nil for a statement a person wrote or reviewed.
func (s *Statement) Draft() *Draft {
	if s.extra == nil {
		return nil
	}
	return s.extra.Draft
}

// statementJSON is a statement as the format writes it, fields in order.
type statementJSON struct {
	ID     string        `json:"id"`
	Kind   StatementKind `json:"kind"`
	Act    Act           `json:"act,omitempty"`
	Actor  string        `json:"actor,omitempty"`
	Party  string        `json:"party,omitempty"`
	Via    []string      `json:"via,omitempty"`
	About  []string      `json:"about,omitempty"`
	Text   string        `json:"text"`
	Topics []string      `json:"topics,omitempty"`
	Date   Date          `json:"date,omitzero"`
	Source string        `json:"source,omitempty"`
	Anchor *Anchor       `json:"anchor,omitempty"`
	Note   string        `json:"note,omitempty"`
	Draft  *Draft        `json:"draft,omitempty"`
}

// MarshalJSON writes the statement with the format's field names, in the
// format's order.
func (s Statement) MarshalJSON() ([]byte, error) {
	x := s.Extra()
	var b bytes.Buffer
	enc := json.NewEncoder(&b)
	enc.SetEscapeHTML(false) // as ExportJSON: the text as written
	err := enc.Encode(statementJSON{
		ID: s.ID, Kind: s.Kind, Act: x.Act, Actor: s.Actor, Party: s.Party, Via: x.Via, About: x.About, Text: s.Text,
		Topics: s.Topics, Date: s.Date, Source: s.Source, Anchor: x.Anchor, Note: x.Note, Draft: x.Draft,
	})
	return bytes.TrimSuffix(b.Bytes(), []byte("\n")), err
}

// Anchor picks a passage of the source: Exact is the passage (for reported
// speech; a quote's own text is its passage), Prefix and Suffix the words
// just before and after it, to choose between several occurrences.
type Anchor struct {
	Exact  string `json:"exact,omitempty"`
	Prefix string `json:"prefix,omitempty"`
	Suffix string `json:"suffix,omitempty"`
}

// Act is the move a statement makes in the negotiation.
type Act string

const (
	ActDemand     Act = "demand"     // asks the other side to do or give something
	ActOffer      Act = "offer"      // puts something the speaker would give on the table
	ActConcession Act = "concession" // gives up or softens something held before
	ActAcceptance Act = "acceptance" // agrees to a demand, offer or proposal
	ActRejection  Act = "rejection"  // refuses a demand, offer, proposal or accusation
	ActWarning    Act = "warning"    // names what will follow if the other side acts
	ActAssurance  Act = "assurance"  // commits to do, or not to do, something, to reassure
	ActProposal   Act = "proposal"   // suggests a course or procedure for both sides
	ActAssessment Act = "assessment" // judges the talks, the situation or another side
	ActQuestion   Act = "question"   // asks for information or an explanation
)

// Acts lists every act in display order.
var Acts = []Act{ActDemand, ActOffer, ActConcession, ActAcceptance, ActRejection, ActWarning, ActAssurance, ActProposal, ActAssessment, ActQuestion}

// Draft is what a program that drafted a statement says about it, for the
// person who reviews it: the rule that fired, how sure it is, and where in
// the source text the statement's parts stand.
type Draft struct {
	Rule string `json:"rule"`
	// Confidence is from 0 to 1; nil when not given.
	Confidence *float64    `json:"confidence,omitempty"`
	Spans      *DraftSpans `json:"spans,omitempty"`
}

// DraftSpans are byte ranges of the statement's source text as loaded (after
// Sanitize), end exclusive.
type DraftSpans struct {
	// Content is what was said: one range, or several parts in order when
	// the words are interrupted ("…," he said, "…").
	Content Parts `json:"content,omitempty"`
	// Cue is the speech verb ("said").
	Cue *Range `json:"cue,omitempty"`
	// Source is the mention of the speaker as written ("the minister").
	Source *Range `json:"source,omitempty"`
}

// Range is a half-open byte range written as [start, end].
type Range [2]int

// Span is the range as a Span.
func (r Range) Span() Span { return Span{Start: r[0], End: r[1]} }

// Parts are the ranges of something said in several pieces. One part is
// written as [start, end], several as [[start, end], ...].
type Parts []Range

// MarshalJSON writes one part as [start, end], several as a list of them.
func (p Parts) MarshalJSON() ([]byte, error) {
	if len(p) == 1 {
		return json.Marshal(p[0])
	}
	return json.Marshal([]Range(p))
}

// UnmarshalJSON reads what MarshalJSON writes: [start, end] or a list of
// them.
func (p *Parts) UnmarshalJSON(b []byte) error {
	var one Range
	if err := json.Unmarshal(b, &one); err == nil {
		*p = Parts{one}
		return nil
	}
	return json.Unmarshal(b, (*[]Range)(p))
}

// Extent is the range from the first part's start to the last part's end.
func (p Parts) Extent() (Span, bool) {
	if len(p) == 0 {
		return Span{}, false
	}
	return Span{Start: p[0][0], End: p[len(p)-1][1]}, true
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
	BasisStated   Basis = "stated"   // the party said so (a position), or gave the answer itself (a response)
	BasisInferred Basis = "inferred" // an analyst read the position so
	// BasisReported is a response known only from others: a party named in
	// according_to, or the source in its own voice (added in 1.1).
	BasisReported Basis = "reported"
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

// StatusNoResponse is what Demand.StatusOf says of an addressee the dossier
// records no response from. It is not a status a dossier can give.
const StatusNoResponse Status = "no response"

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

	responseOf map[string]*Response // party → its response, for many responses (set by Load)
}

// Response is an addressee's answer to a demand.
type Response struct {
	Party  string `json:"party"`
	Status Status `json:"status"`
	// Basis says how the answer is known: stated by the responding party,
	// or reported by another (added in 1.1; see Provenance).
	Basis Basis `json:"basis,omitempty"`
	// AccordingTo is the party that reports the answer, when it is not the
	// responding party itself (added in 1.1).
	AccordingTo string   `json:"according_to,omitempty"`
	Text        string   `json:"text,omitempty"`
	Evidence    []string `json:"evidence,omitempty"`
	Date        Date     `json:"date,omitzero"`
	Note        string   `json:"note,omitempty"`
	Pos         Pos      `json:"-"`
}

// Reported tells an answer known only from others from one the responding
// party gave itself: basis reported, or a party in according_to.
func (r *Response) Reported() bool {
	return r.Basis == BasisReported || r.Basis == "" && r.AccordingTo != ""
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
