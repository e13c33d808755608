package edit

import (
	"errors"
	"strings"
	"testing"
)

// What a user does to a file, and the file it gives: every byte of it.
// Each case is undone too, which must give back the file exactly.
var editCases = []struct {
	name   string
	format Format
	in     string
	edit   Edit
	want   string
}{
	{
		name: "accept a draft: its draft field goes, the comments stay",
		in: `parley: 1.1
# The statements.
statements:
  - id: s1   # first
    kind: quote
    text: "We will not sign"
    draft: {rule: quote-said, confidence: 0.9}
    note: kept  # why
  # next
  - id: s2
    kind: reported
    text: Fine
`,
		edit: Set{Ref: StatementRef("s1"), Field: "draft"},
		want: `parley: 1.1
# The statements.
statements:
  - id: s1   # first
    kind: quote
    text: "We will not sign"
    note: kept  # why
  # next
  - id: s2
    kind: reported
    text: Fine
`,
	},
	{
		name: "reject a draft: the statement goes with the blank line before it",
		in: `statements:
  - id: s1
    text: One

  - id: s2
    text: Two
    draft:
      rule: reported-after

  - id: s3
    text: Three
`,
		edit: Delete{Ref: StatementRef("s2")},
		want: `statements:
  - id: s1
    text: One

  - id: s3
    text: Three
`,
	},
	{
		name: "reject the first statement: the comment above the list stays",
		in: `statements:
  # From the minutes.
  - id: s1
    text: One

  - id: s2
    text: Two
`,
		edit: Delete{Ref: StatementRef("s1")},
		want: `statements:
  # From the minutes.
  - id: s2
    text: Two
`,
	},
	{
		name: "add a statement after records set apart by blank lines",
		in: `statements:
  - id: s1
    kind: quote
    text: One
    topics: [a]

  - id: s2
    kind: quote
    text: Two
    topics:
      - a
      - b
events: []
`,
		edit: Add{List: Statements, Record: R("id", "s3", "kind", "reported", "text", "Three: a colon", "topics", []string{"b"}, "anchor", R("exact", "three"))},
		want: `statements:
  - id: s1
    kind: quote
    text: One
    topics: [a]

  - id: s2
    kind: quote
    text: Two
    topics:
      - a
      - b

  - id: s3
    kind: reported
    text: "Three: a colon"
    topics:
      - b
    anchor: {exact: three}
events: []
`,
	},
	{
		name: "set a stance among one-line positions",
		in: `positions:
  - {party: us, topic: nato, stance: oppose, evidence: [s1]}
  - {party: ru, topic: nato, stance: support}
`,
		edit: Put{Ref: PositionRef("ru", "nato"), Record: R("party", "ru", "topic", "nato", "stance", "conditional", "summary", "Only if, and when", "evidence", []string{"s2", "s3"})},
		want: `positions:
  - {party: us, topic: nato, stance: oppose, evidence: [s1]}
  - {party: ru, topic: nato, stance: conditional, summary: "Only if, and when", evidence: [s2, s3]}
`,
	},
	{
		name: "set a stance on a new topic: a one-line position like its neighbours",
		in: `positions:
  - {party: us, topic: nato, stance: oppose}
demands: []
`,
		edit: Put{Ref: PositionRef("us", "trade"), Record: R("party", "us", "topic", "trade", "stance", "support", "basis", "stated")},
		want: `positions:
  - {party: us, topic: nato, stance: oppose}
  - {party: us, topic: trade, stance: support, basis: stated}
demands: []
`,
	},
	{
		name: "change a stance: the comment after it stays",
		in: `positions:
  - party: us
    topic: nato
    stance: oppose     # since 2008
    summary: >-
      A long summary
      folded.
`,
		edit: Replace{Ref: PositionRef("us", "nato"), Record: R("party", "us", "topic", "nato", "stance", "support", "summary", "A long summary folded.")},
		want: `positions:
  - party: us
    topic: nato
    stance: support     # since 2008
    summary: >-
      A long summary
      folded.
`,
	},
	{
		name: "add the first event: the list is made after the lists before it",
		in: `parley: 1
title: Talks
parties:
  - id: a
    name: A
# the end
`,
		edit: Add{List: Events, Record: R("date", "2024-03", "title", "Next round", "status", "expected")},
		want: `parley: 1
title: Talks
parties:
  - id: a
    name: A
events:
  - date: 2024-03
    title: Next round
    status: expected
# the end
`,
	},
	{
		name: "add a response to a demand that has none",
		in: `demands:
  - id: d1
    from: a
    to: [b]
    text: Open the harbour
  - id: d2
    from: b
    to: [a]
    text: Pay the fees
`,
		edit: Put{Ref: ResponseRef("d1", "b"), Record: R("party", "b", "status", "deferred", "evidence", []string{"s1"})},
		want: `demands:
  - id: d1
    from: a
    to: [b]
    text: Open the harbour
    responses:
      - party: b
        status: deferred
        evidence: [s1]
  - id: d2
    from: b
    to: [a]
    text: Pay the fees
`,
	},
	{
		name: "rename a topic everywhere, each reference in its own style",
		in: `topics:
  - id: nato
    title: NATO
  - {id: sub, title: Sub, parent: "nato"}
statements:
  - {id: s1, topics: [nato, sub]}
  - id: s2
    topics:
      - 'nato'
    note: nato stays in text
positions:
  - {party: a, topic: nato, stance: support}
`,
		edit: Rename{List: Topics, From: "nato", To: "nato-expansion"},
		want: `topics:
  - id: nato-expansion
    title: NATO
  - {id: sub, title: Sub, parent: "nato-expansion"}
statements:
  - {id: s1, topics: [nato-expansion, sub]}
  - id: s2
    topics:
      - 'nato-expansion'
    note: nato stays in text
positions:
  - {party: a, topic: nato-expansion, stance: support}
`,
	},
	{
		name: "text that YAML would misread is quoted",
		in: `statements:
  - id: s1
    text: One
`,
		edit: Add{List: Statements, Record: R("id", "s2", "text", "yes", "note", "#1: null", "source", "- a", "date", "2024-01-02")},
		want: `statements:
  - id: s1
    text: One
  - id: s2
    text: "yes"
    note: "#1: null"
    source: "- a"
    date: 2024-01-02
`,
	},
	{
		name: "a text with line breaks is a literal block",
		in: `sources:
  - id: a
    title: A
`,
		edit: Set{Ref: ID(Sources, "a"), Field: "text", Value: "First paragraph.\n\nSecond one.\n"},
		want: `sources:
  - id: a
    title: A
    text: |
      First paragraph.

      Second one.
`,
	},
	{
		name: "a Windows file stays a Windows file",
		in:   "parties:\r\n  - id: a\r\n    name: A\r\n",
		edit: Set{Ref: ID(Parties, "a"), Field: "short", Value: "AA"},
		want: "parties:\r\n  - id: a\r\n    name: A\r\n    short: AA\r\n",
	},
	{
		name: "a file without a last line break gets none",
		in:   "parties:\n  - id: a\n    name: A",
		edit: Add{List: Parties, Record: R("id", "b", "name", "B")},
		want: "parties:\n  - id: a\n    name: A\n  - id: b\n    name: B",
	},
	{
		name:   "JSON: a one-line record among one-line records",
		format: JSON,
		in: `{
  "positions": [
    {"party": "a", "topic": "t", "stance": "support"}
  ],
  "title": "x"
}
`,
		edit: Add{List: Positions, Record: R("party", "b", "topic", "t", "stance", "oppose", "evidence", []string{"s1"})},
		want: `{
  "positions": [
    {"party": "a", "topic": "t", "stance": "support"},
    {"party": "b", "topic": "t", "stance": "oppose", "evidence": ["s1"]}
  ],
  "title": "x"
}
`,
	},
	{
		name:   "JSON: an indented record in the file's indentation",
		format: JSON,
		in: `{
    "statements": [
        {
            "id": "s1",
            "topics": [
                "a"
            ]
        }
    ]
}`,
		edit: Add{List: Statements, Record: R("id", "s2", "topics", []string{"b", "c"}, "anchor", R("exact", "x"))},
		want: `{
    "statements": [
        {
            "id": "s1",
            "topics": [
                "a"
            ]
        },
        {
            "id": "s2",
            "topics": [
                "b",
                "c"
            ],
            "anchor": {
                "exact": "x"
            }
        }
    ]
}`,
	},
	{
		name:   "JSON: accept a draft",
		format: JSON,
		in:     `{"statements": [{"id": "s1", "draft": {"rule": "r"}, "text": "t"}]}`,
		edit:   Set{Ref: StatementRef("s1"), Field: "draft"},
		want:   `{"statements": [{"id": "s1", "text": "t"}]}`,
	},
	{
		name:   "JSON Lines: accept a draft on its line",
		format: JSONL,
		in: `// statements
{"id": "s1", "kind": "quote", "text": "One", "draft": {"rule": "r", "confidence": 0.5}}
{"id": "s2", "kind": "quote", "text": "Two"}
`,
		edit: Set{Ref: StatementRef("s1"), Field: "draft"},
		want: `// statements
{"id": "s1", "kind": "quote", "text": "One"}
{"id": "s2", "kind": "quote", "text": "Two"}
`,
	},
	{
		name:   "JSON Lines: reject a draft, a line goes",
		format: JSONL,
		in: `{"id": "s1", "text": "One"}

{"id": "s2", "text": "Two"}
// end
`,
		edit: Delete{Ref: StatementRef("s2")},
		want: `{"id": "s1", "text": "One"}
// end
`,
	},
	{
		name:   "JSON Lines: a new statement is a new line, in the file's spacing",
		format: JSONL,
		in:     `{"id":"s1","text":"One"}` + "\n",
		edit:   Add{List: Statements, Record: R("id", "s2", "text", "Two \"quoted\"", "topics", []string{"a"})},
		want:   `{"id":"s1","text":"One"}` + "\n" + `{"id":"s2","text":"Two \"quoted\"","topics":["a"]}` + "\n",
	},
}

func TestEditsChangeOnlyTheirRecords(t *testing.T) {
	for _, c := range editCases {
		t.Run(c.name, func(t *testing.T) {
			tx, err := parseText(c.format, []byte(c.in))
			if err != nil {
				t.Fatal(err)
			}
			nt, inv, _, err := c.edit.apply(tx)
			if err != nil {
				t.Fatal(err)
			}
			if got := string(nt.bytes()); got != c.want {
				t.Errorf("got:\n%s\nwant:\n%s", got, c.want)
			}
			back, _, _, err := inv.apply(nt)
			if err != nil {
				t.Fatalf("undo: %v", err)
			}
			if got := string(back.bytes()); got != c.in {
				t.Errorf("undo gave:\n%q\nwant:\n%q", got, c.in)
			}
		})
	}
}

// Edits that cannot be made say why and change nothing.
func TestEditsThatCannotBeMade(t *testing.T) {
	in := `statements:
  - id: s1
    text: One
  - id: s2
    text: Two
positions:
  - {party: a, topic: t, stance: support}
events:
  - {title: T}
`
	for _, c := range []struct {
		name string
		edit Edit
		want string
	}{
		{"add a statement whose id is taken", Add{List: Statements, Record: R("id", "s1", "text", "x")}, `statement "s1" already exists`},
		{"add a statement without an id", Add{List: Statements, Record: R("text", "x")}, "has no id"},
		{"change a statement that is not there", Set{Ref: StatementRef("s9"), Field: "note", Value: "x"}, ErrNotFound.Error()},
		{"delete a statement that is not there", Delete{Ref: StatementRef("s9")}, ErrNotFound.Error()},
		{"rename to an id that is taken", Rename{List: Statements, From: "s1", To: "s2"}, `statement "s2" already exists`},
		{"rename to an id with a space", Rename{List: Statements, From: "s1", To: "s 2"}, "white space"},
		{"rename to an id YAML reads as a word", Rename{List: Statements, From: "s1", To: "null"}, "use letters"},
		{"remove a statement's id", Set{Ref: StatementRef("s1"), Field: "id"}, "needs its id"},
		{"take a record's last field", Set{Ref: Ref{List: Events, Key: []Field{{"title", "T"}}}, Field: "title"}, "no fields left"},
	} {
		t.Run(c.name, func(t *testing.T) {
			tx, err := parseText(YAML, []byte(in))
			if err != nil {
				t.Fatal(err)
			}
			_, _, _, err = c.edit.apply(tx)
			if err == nil || !strings.Contains(err.Error(), c.want) {
				t.Fatalf("err = %v, want one saying %q", err, c.want)
			}
			if string(tx.bytes()) != in {
				t.Fatal("a refused edit changed the text")
			}
		})
	}
}

func TestIDsAreMadeFromText(t *testing.T) {
	for _, c := range []struct {
		words []string
		want  string
	}{
		{[]string{"Lavrov", "Russia has no plans to attack Ukraine"}, "lavrov-russia-no-plans-to-attack"},
		{[]string{"Russia's demands"}, "russias-demands"},
		{[]string{"Élysée — “accord” à Genève"}, "elysee-accord-geneve"},
		{[]string{"Лавров: нет планов"}, "лавров-нет-планов"},
		{[]string{"!!!"}, "record"},
		{[]string{strings.Repeat("word ", 20)}, "word-word-word-word-word-word"},
		{[]string{strings.Repeat("x", 80)}, strings.Repeat("x", 48)},
	} {
		got := Slug(c.words...)
		if got != c.want {
			t.Errorf("Slug(%q) = %q, want %q", c.words, got, c.want)
		}
		if err := CheckID(got); err != nil {
			t.Errorf("Slug(%q) = %q is not an id: %v", c.words, got, err)
		}
	}
	taken := map[string]bool{"lavrov-said": true, "lavrov-said-2": true}
	if got := UniqueID("lavrov-said", func(s string) bool { return taken[s] }); got != "lavrov-said-3" {
		t.Errorf("UniqueID = %q, want lavrov-said-3", got)
	}
}

func TestRefsSayWhatTheyName(t *testing.T) {
	for _, c := range []struct {
		ref  Ref
		want string
	}{
		{StatementRef("s1"), `statement "s1"`},
		{PositionRef("us", "nato"), "position of us on nato"},
		{ResponseRef("d1", "ru"), `response of ru to demand "d1"`},
		{ID(Parties, "us"), `party "us"`},
		{Dossier, "the dossier"},
	} {
		if got := c.ref.String(); got != c.want {
			t.Errorf("%#v.String() = %q, want %q", c.ref, got, c.want)
		}
	}
}

func TestErrNotFoundIsWrapped(t *testing.T) {
	tx, _ := parseText(YAML, []byte("statements:\n  - id: a\n"))
	_, _, _, err := Delete{Ref: StatementRef("b")}.apply(tx)
	if !errors.Is(err, ErrNotFound) {
		t.Fatalf("err = %v, want ErrNotFound", err)
	}
}
