// Package synth writes synthetic dossiers for tests and benchmarks: a
// dossier file with parties, actors and topics, and a JSON Lines file of N
// statements in a diplomatic register, 50–400 characters each. The output
// depends only on the options: the same seed gives the same bytes.
package synth

import (
	"bufio"
	"fmt"
	"io"
	"math/rand/v2"
	"os"
	"path/filepath"
	"strings"
	"time"
	"unicode/utf8"
)

// Options shape a dossier.
type Options struct {
	N    int    // statements
	Seed uint64 // same seed, same output
	// Lines, when set, also writes the statements' texts one per line
	// (texts.txt), for comparing with line-oriented tools.
	Lines bool
}

// Files written into the output directory.
const (
	DossierFile    = "dossier.yaml"
	StatementsFile = "statements.jsonl"
	TextsFile      = "texts.txt"
)

type party struct {
	id, name, short, color string
	actors                 [][3]string // id, name, role
}

var parties = []party{
	{"us", "United States", "US", "#2f6fdf", [][3]string{{"blinken", "Antony Blinken", "Secretary of State"}, {"sherman", "Wendy Sherman", "Deputy Secretary of State"}, {"price", "Ned Price", "State Department spokesperson"}}},
	{"russia", "Russian Federation", "RU", "#d03b3b", [][3]string{{"lavrov", "Sergei Lavrov", "Foreign Minister"}, {"ryabkov", "Sergei Ryabkov", "Deputy Foreign Minister"}, {"zakharova", "Maria Zakharova", "Foreign Ministry spokeswoman"}, {"peskov", "Dmitry Peskov", "Kremlin spokesman"}}},
	{"nato", "North Atlantic Treaty Organization", "NATO", "#1f4e8c", [][3]string{{"stoltenberg", "Jens Stoltenberg", "Secretary General"}, {"geoana", "Mircea Geoană", "Deputy Secretary General"}}},
	{"ukraine", "Ukraine", "UA", "#e0b000", [][3]string{{"kuleba", "Dmytro Kuleba", "Foreign Minister"}, {"zelenskyy", "Volodymyr Zelenskyy", "President"}, {"yermak", "Andriy Yermak", "Head of the Presidential Office"}}},
	{"eu", "European Union", "EU", "#003399", [][3]string{{"borrell", "Josep Borrell", "High Representative"}, {"vonderleyen", "Ursula von der Leyen", "Commission President"}}},
	{"france", "France", "FR", "#4060c0", [][3]string{{"macron", "Emmanuel Macron", "President"}, {"ledrian", "Jean-Yves Le Drian", "Foreign Minister"}}},
	{"germany", "Germany", "DE", "#505050", [][3]string{{"scholz", "Olaf Scholz", "Chancellor"}, {"baerbock", "Annalena Baerbock", "Foreign Minister"}}},
	{"china", "People's Republic of China", "CN", "#c02020", [][3]string{{"wang", "Wang Yi", "Foreign Minister"}, {"zhao", "Zhao Lijian", "Foreign Ministry spokesperson"}}},
	{"turkey", "Türkiye", "TR", "#c03030", [][3]string{{"cavusoglu", "Mevlüt Çavuşoğlu", "Foreign Minister"}}},
	{"osce", "Organization for Security and Co-operation in Europe", "OSCE", "#2a7f62", [][3]string{{"rau", "Zbigniew Rau", "Chairman-in-Office"}}},
}

type topic struct {
	id, title, parent string
	nouns             []string // what statements on it talk about
}

var topics = []topic{
	{"european-security", "European security architecture", "", []string{"European security", "the security architecture of Europe", "indivisible security", "the Helsinki principles", "strategic stability"}},
	{"nato-expansion", "NATO's eastward expansion", "european-security", []string{"NATO enlargement", "the open-door policy", "further expansion of the Alliance", "NATO membership for Ukraine", "the Bucharest declaration"}},
	{"security-guarantees", "Legally binding security guarantees", "european-security", []string{"legally binding guarantees", "the draft treaties", "written security guarantees", "a written response", "the proposals on security guarantees"}},
	{"arms-control", "Arms control and missiles", "european-security", []string{"intermediate-range missiles", "arms control", "the deployment of strike systems", "reciprocal transparency measures", "military exercises near the border"}},
	{"ukraine-sovereignty", "Ukraine's sovereignty and territorial integrity", "", []string{"Ukraine's sovereignty", "territorial integrity", "the right of nations to choose their alliances", "the border with Belarus", "the situation in Donbas"}},
	{"minsk", "The Minsk agreements", "ukraine-sovereignty", []string{"the Minsk agreements", "the Normandy format", "the Trilateral Contact Group", "a ceasefire along the line of contact", "the package of measures"}},
	{"troops", "Troop build-up", "ukraine-sovereignty", []string{"the troop build-up", "some one hundred thousand troops", "forces massed on the border", "the withdrawal of troops", "de-escalation on the ground"}},
	{"sanctions", "Sanctions and economic measures", "", []string{"sanctions", "massive consequences", "export controls", "the freezing of assets", "financial measures"}},
	{"energy", "Energy and gas transit", "", []string{"gas transit", "Nord Stream 2", "energy security", "gas supplies to Europe", "the price of energy"}},
	{"diplomacy", "Diplomatic channels", "", []string{"the diplomatic path", "further talks", "the dialogue", "a meeting of presidents", "the next round of consultations"}},
	{"cyber", "Cyber and hybrid threats", "", []string{"cyberattacks", "disinformation", "hybrid threats", "interference in elections", "attacks on critical infrastructure"}},
	{"humanitarian", "Humanitarian situation", "", []string{"humanitarian corridors", "the safety of civilians", "the exchange of prisoners", "access for humanitarian agencies", "the fate of refugees"}},
}

var (
	openers = []string{
		"We have made it clear that", "Let me be clear:", "I conveyed to my counterpart that", "As I said today,",
		"Our position has not changed:", "We told our partners that", "It is our firm view that", "I want to stress that",
		"We reaffirmed that", "The minister said that", "According to the spokesperson,", "We cannot accept that",
		"There is no doubt that", "Nobody should doubt that", "Once again we recalled that", "In the talks today we agreed that",
		"Frankly speaking,", "I would like to emphasise that", "As the President has said,", "We expect that",
	}
	subjects = []string{
		"the United States", "Russia", "the Alliance", "our European partners", "Ukraine", "Moscow", "Washington",
		"the West", "the Kremlin", "Kyiv", "Brussels", "the European Union", "our side", "the other side", "nobody",
		"every country", "the OSCE", "our allies", "the Russian side", "the American side",
	}
	verbs = []string{
		"will not compromise on", "remains committed to", "is ready to discuss", "insists on", "firmly rejects",
		"will respond decisively to", "is prepared to talk about", "has always supported", "demands progress on",
		"will continue to work on", "is deeply concerned about", "calls for restraint regarding", "will not accept any threat to",
		"is waiting for clarity on", "takes seriously", "expects a serious answer on", "has proposed ideas on",
		"cannot ignore", "stands firmly behind", "will keep raising",
	}
	tails = []string{
		"and this is not negotiable", "in the coming days", "without any preconditions", "on the basis of reciprocity",
		"within the framework of the OSCE", "as soon as possible", "next week", "in writing", "at the highest level",
		"in full coordination with our allies", "in the interests of all parties", "before the end of the month",
		"despite everything that has happened", "with the utmost seriousness", "step by step", "through diplomacy",
		"in line with international law", "under the UN Charter", "whatever the circumstances", "without delay",
	}
	closers = []string{
		"The ball is in their court.", "We will see whether the other side is serious.", "Time will tell.",
		"That is the only way forward.", "This is our red line.", "We hope for a constructive answer.",
		"There is still room for diplomacy.", "The consequences would be severe.", "Nothing is agreed until everything is agreed.",
		"We are not going to give up.", "The door to dialogue remains open.", "That is what we told them again today.",
	}
	places    = []string{"Geneva", "Vienna", "Brussels", "Moscow", "Washington", "Kyiv", "Paris", "Berlin", "Minsk", "Istanbul", "Antalya", "Munich", "Beijing", "Helsinki", "Warsaw", "Rīga", "Chișinău", "Tbilisi"}
	syllables = []string{"ka", "lo", "vi", "re", "sto", "mir", "dan", "el", "or", "pe", "tri", "sha", "zu", "ne", "gor", "ba", "li", "ko", "ven", "ra", "do", "mi", "an", "ter"}
)

type gen struct {
	r *rand.Rand
}

func (g *gen) pick(list []string) string { return list[g.r.IntN(len(list))] }

// rareName makes up a proper noun, so the vocabulary has a long tail like
// real text does.
func (g *gen) rareName() string {
	n := 2 + g.r.IntN(3)
	var sb strings.Builder
	for i := 0; i < n; i++ {
		sb.WriteString(g.pick(syllables))
	}
	s := sb.String()
	return strings.ToUpper(s[:1]) + s[1:]
}

func (g *gen) clause(t *topic) string {
	var parts []string
	if g.r.IntN(3) > 0 {
		parts = append(parts, g.pick(openers))
	}
	parts = append(parts, g.pick(subjects), g.pick(verbs), g.pick(t.nouns))
	switch g.r.IntN(6) {
	case 0:
		parts = append(parts, "— "+g.pick(tails))
	case 1, 2:
		parts = append(parts, g.pick(tails))
	case 3:
		parts = append(parts, "after the meeting in "+g.pick(places))
	case 4:
		parts = append(parts, fmt.Sprintf("within %d days", 2+g.r.IntN(60)))
	}
	if g.r.IntN(12) == 0 {
		parts = append(parts, "as "+g.rareName()+" noted")
	}
	s := strings.Join(parts, " ")
	return strings.ToUpper(s[:1]) + s[1:] + "."
}

// text builds one statement of 50–400 characters about t.
func (g *gen) text(t *topic) string {
	target := 40 + g.r.IntN(220) + g.r.IntN(100)
	var sb strings.Builder
	for sb.Len() < target {
		if sb.Len() > 0 {
			sb.WriteByte(' ')
		}
		if sb.Len() > 0 && g.r.IntN(5) == 0 {
			sb.WriteString(g.pick(closers))
		} else {
			sb.WriteString(g.clause(t))
		}
	}
	s := sb.String()
	if g.r.IntN(10) == 0 {
		s = "“" + s + "”"
	}
	for utf8.RuneCountInString(s) > 400 {
		// Cut at the last sentence or word end before 400 characters.
		cut := 0
		n := 0
		for i := range s {
			if n == 396 {
				cut = i
				break
			}
			n++
		}
		s = s[:cut]
		if i := strings.LastIndexAny(s, ".!?"); i > 50 {
			s = s[:i+1]
		} else if i := strings.LastIndexByte(s, ' '); i > 50 {
			s = s[:i] + "."
		}
	}
	for utf8.RuneCountInString(s) < 50 {
		s += " " + g.pick(closers)
	}
	return s
}

var start = time.Date(2021, 11, 1, 0, 0, 0, 0, time.UTC)

func (g *gen) date() string {
	day := start.AddDate(0, 0, g.r.IntN(900))
	switch g.r.IntN(40) {
	case 0:
		return day.Format("2006-01")
	case 1:
		return day.Format("2006-01-02") + ".." + day.AddDate(0, 0, 1+g.r.IntN(10)).Format("2006-01-02")
	}
	return day.Format("2006-01-02")
}

// WriteDossier writes the dossier file that names the statements file.
func WriteDossier(w io.Writer, o Options) error {
	bw := bufio.NewWriter(w)
	fmt.Fprintf(bw, "parley: 1\ntitle: Synthetic negotiation (%d statements, seed %d)\ndate: 2021-11-01..2024-04-30\n", o.N, o.Seed)
	fmt.Fprintf(bw, "summary: Generated by parley's synth package for tests and benchmarks; the statements are made up.\n")
	fmt.Fprintf(bw, "sources:\n  - id: wire\n    title: Synthetic wire reports\n    publisher: parley synth\n    url: https://example.org/synthetic\n")
	fmt.Fprintf(bw, "parties:\n")
	for _, p := range parties {
		fmt.Fprintf(bw, "  - id: %s\n    name: %q\n    short: %s\n    color: %q\n", p.id, p.name, p.short, p.color)
	}
	fmt.Fprintf(bw, "actors:\n")
	for _, p := range parties {
		for _, a := range p.actors {
			fmt.Fprintf(bw, "  - id: %s\n    name: %q\n    party: %s\n    role: %q\n", a[0], a[1], p.id, a[2])
		}
	}
	fmt.Fprintf(bw, "topics:\n")
	for _, t := range topics {
		fmt.Fprintf(bw, "  - id: %s\n    title: %q\n", t.id, t.title)
		if t.parent != "" {
			fmt.Fprintf(bw, "    parent: %s\n", t.parent)
		}
	}
	fmt.Fprintf(bw, "statement_files: [%s]\ncompare: [us, russia, nato]\n", StatementsFile)
	return bw.Flush()
}

// Statement is one generated statement, in the dossier format's fields.
type Statement struct {
	ID, Kind, Actor, Party, Text, Date, Source string
	Topics                                     []string
}

// Each generates the N statements in order, calling fn with each; the
// Statement and its Topics are reused, so fn must copy what it keeps.
func Each(o Options, fn func(*Statement) error) error {
	g := &gen{r: rand.New(rand.NewPCG(o.Seed, 0x9e3779b97f4a7c15))}
	width := len(fmt.Sprint(o.N))
	var s Statement
	idBuf := make([]byte, 0, 16)
	for i := 0; i < o.N; i++ {
		p := &parties[g.r.IntN(len(parties))]
		a := p.actors[g.r.IntN(len(p.actors))]
		t := &topics[g.r.IntN(len(topics))]
		s.Kind = "quote"
		if g.r.IntN(10) < 3 {
			s.Kind = "reported"
		}
		s.Text = g.text(t)
		idBuf = fmt.Appendf(idBuf[:0], "s%0*d", width, i+1)
		s.ID = string(idBuf)
		s.Actor, s.Party, s.Source = a[0], p.id, "wire"
		s.Topics = append(s.Topics[:0], t.id)
		if g.r.IntN(4) == 0 {
			if t2 := &topics[g.r.IntN(len(topics))]; t2 != t {
				s.Topics = append(s.Topics, t2.id)
			}
		}
		s.Date = g.date()
		if err := fn(&s); err != nil {
			return err
		}
	}
	return nil
}

// WriteStatements writes N statements as JSON Lines; texts, when not nil,
// gets each text on a line of its own.
func WriteStatements(w, texts io.Writer, o Options) error {
	bw := bufio.NewWriterSize(w, 1<<20)
	var tw *bufio.Writer
	if texts != nil {
		tw = bufio.NewWriterSize(texts, 1<<20)
	}
	line := make([]byte, 0, 1024)
	err := Each(o, func(s *Statement) error {
		line = line[:0]
		line = append(line, `{"id":"`...)
		line = append(line, s.ID...)
		line = append(line, `","kind":"`...)
		line = append(line, s.Kind...)
		line = append(line, `","actor":"`...)
		line = append(line, s.Actor...)
		line = append(line, `","party":"`...)
		line = append(line, s.Party...)
		line = append(line, `","text":`...)
		line = appendJSONString(line, s.Text)
		line = append(line, `,"topics":[`...)
		for i, t := range s.Topics {
			if i > 0 {
				line = append(line, ',')
			}
			line = appendJSONString(line, t)
		}
		line = append(line, `],"date":"`...)
		line = append(line, s.Date...)
		line = append(line, `","source":"`...)
		line = append(line, s.Source...)
		line = append(line, "\"}\n"...)
		if _, err := bw.Write(line); err != nil {
			return err
		}
		if tw != nil {
			tw.WriteString(s.Text)
			tw.WriteByte('\n')
		}
		return nil
	})
	if err != nil {
		return err
	}
	if tw != nil {
		if err := tw.Flush(); err != nil {
			return err
		}
	}
	return bw.Flush()
}

func appendJSONString(b []byte, s string) []byte {
	b = append(b, '"')
	for i := 0; i < len(s); i++ {
		c := s[i]
		switch {
		case c == '"' || c == '\\':
			b = append(b, '\\', c)
		case c < 0x20:
			b = fmt.Appendf(b, `\u%04x`, c)
		default:
			b = append(b, c)
		}
	}
	return append(b, '"')
}

// Write writes the dossier, its statements (and, with o.Lines, the plain
// texts) into dir and returns the dossier's path.
func Write(dir string, o Options) (string, error) {
	if err := os.MkdirAll(dir, 0o755); err != nil {
		return "", err
	}
	path := filepath.Join(dir, DossierFile)
	if err := writeFile(path, func(w io.Writer) error { return WriteDossier(w, o) }); err != nil {
		return "", err
	}
	var texts *os.File
	if o.Lines {
		f, err := os.Create(filepath.Join(dir, TextsFile))
		if err != nil {
			return "", err
		}
		defer f.Close()
		texts = f
	}
	err := writeFile(filepath.Join(dir, StatementsFile), func(w io.Writer) error {
		if texts != nil {
			return WriteStatements(w, texts, o)
		}
		return WriteStatements(w, nil, o)
	})
	if err != nil {
		return "", err
	}
	if texts != nil {
		if err := texts.Close(); err != nil {
			return "", err
		}
	}
	return path, nil
}

func writeFile(path string, fn func(io.Writer) error) error {
	f, err := os.Create(path)
	if err != nil {
		return err
	}
	if err := fn(f); err != nil {
		f.Close()
		return err
	}
	return f.Close()
}

// Queries is what a person types into the search screen of a generated
// dossier, one entry per keystroke that changes the query: prefixes while a word is typed,
// filters, phrases, exclusions, a typo, and very common words.
var Queries = []string{
	"s", "se", "sec", "secu", "secur", "securi", "security",
	"security g", "security gu", "security guarantees",
	"n", "na", "nat", "nato",
	"nato en", "nato enlargement",
	"party:russia n", "party:russia nato",
	"speaker:lavrov", "speaker:lavrov guar",
	`"written`, `"written response"`, `"written response" party:us`,
	"sanctions", "sanctions -energy",
	"date:2022-01 troops", "date:2022-01-01..2022-02-15 troops",
	"topic:minsk ceasefire", "topic:european-security missiles",
	"kind:reported diplomacy",
	"secuirty", "guarantess",
	"the", "the s", "we will",
	"ukraine sov", "ukraine sovereignty",
	"gas tr", "gas transit europe",
	"massive consequences", `"massive consequences" -sanctions`,
	"geneva", "after the meeting in geneva",
	"stoltenberg open-door", "zelenskyy",
	"x", "q", "zz",
	"party:nato -kind:quote", "party:eu kind:quote energy",
}

// Typed is a mixed set of complete queries a person types into the search
// screen, letter by letter (Keystrokes lists every step): common and rare
// words, one-letter and dense prefixes ("a", "the s", "in the i"),
// filters, phrases, exclusions and a typo.
var Typed = []string{
	"security guarantees",
	"nato enlargement",
	"a step by step approach",
	"the security of europe",
	"party:russia nato",
	"speaker:lavrov guarantees",
	`"written response" party:us`,
	"sanctions -energy",
	"date:2022-01 troops",
	"topic:minsk ceasefire",
	"kind:reported diplomacy",
	"secuirty",
	"we will respond",
	"ukraine sovereignty",
	"gas transit europe",
	`"massive consequences" -sanctions`,
	"after the meeting in geneva",
	"in the interests of all parties",
	"stoltenberg open-door",
	"zelenskyy",
	"party:eu kind:quote energy",
}

// Keystrokes is every query the search screen sees while each of queries
// is typed from its first letter: "nato" gives "n", "na", "nat", "nato".
func Keystrokes(queries []string) []string {
	var out []string
	for _, q := range queries {
		for i := range q {
			if i > 0 {
				out = append(out, q[:i])
			}
		}
		out = append(out, q)
	}
	return out
}
