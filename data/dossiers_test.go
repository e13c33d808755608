package data_test

import (
	"reflect"
	"slices"
	"strconv"
	"strings"
	"testing"
	"unicode"

	"github.com/parley-dev/parley/data"
)

// Dossiers parley has never seen: other negotiations, written by hand as
// test fixtures under testdata/dossiers (the names and source texts are
// invented). They must load with no error, every quote anchored where its
// words stand, and the lookups the screens use must answer correctly.

// loadValid loads a fixture from the repository root and fails the test on
// any error; it returns the problems (warnings) as Problem.String prints them.
func loadValid(t *testing.T, path string) (*data.Dossier, []string) {
	t.Helper()
	d, probs, err := data.Load(path)
	checkLoadContract(t, d, probs, err)
	if err != nil {
		t.Fatalf("%s does not load:\n%v", path, err)
	}
	for _, f := range messageFaults(probs) {
		t.Error(f)
	}
	return d, problemStrings(probs)
}

// fold is the matching the format promises, written again independently:
// curly and straight quotes, the dashes and runs of white space are the same.
func fold(s string) string {
	var b strings.Builder
	for _, r := range s {
		switch r {
		case '\u2018', '\u2019', '\u201a', '\u201b':
			r = '\''
		case '\u201c', '\u201d', '\u201e', '\u201f', '\u00ab', '\u00bb':
			r = '"'
		case '\u2010', '\u2011', '\u2012', '\u2013', '\u2014', '\u2015', '\u2212':
			r = '-'
		}
		if unicode.IsSpace(r) {
			r = ' '
		}
		b.WriteRune(r)
	}
	return strings.Join(strings.Fields(b.String()), " ")
}

// paragraphAt numbers the paragraph (a run of non-blank lines) holding
// offset, counting from 1.
func paragraphAt(text string, offset int) int {
	n, inPara := 0, false
	for start := 0; start < len(text); {
		end := strings.IndexByte(text[start:], '\n')
		if end < 0 {
			end = len(text)
		} else {
			end += start
		}
		blank := strings.TrimSpace(text[start:end]) == ""
		if !blank && !inPara {
			n++
		}
		inPara = !blank
		if offset < end+1 {
			return n
		}
		start = end + 1
	}
	return n
}

// checkAnchors: every quote whose source has text is anchored, and so is
// every reported statement with an anchor.exact found there; the span holds
// the passage (up to the promised folding) and the paragraph is right.
func checkAnchors(t *testing.T, d *data.Dossier) {
	t.Helper()
	for _, s := range d.Statements {
		src := d.Source(s.Source)
		passage := s.Text
		if s.Kind == data.KindReported {
			if s.Anchor() == nil || s.Anchor().Exact == "" {
				continue
			}
			passage = s.Anchor().Exact
		}
		if !src.HasText() {
			if s.Location != nil {
				t.Errorf("statement %q is anchored in a source with no text", s.ID)
			}
			continue
		}
		loc := s.Location
		if loc == nil {
			t.Errorf("statement %q is not anchored", s.ID)
			continue
		}
		if loc.Source != s.Source {
			t.Errorf("statement %q: anchored in %q, its source is %q", s.ID, loc.Source, s.Source)
		}
		if loc.Start < 0 || loc.End > len(src.Text) || loc.Start >= loc.End {
			t.Errorf("statement %q: span %d..%d outside the source (%d bytes)", s.ID, loc.Start, loc.End, len(src.Text))
			continue
		}
		if got := src.Text[loc.Start:loc.End]; fold(got) != fold(passage) {
			t.Errorf("statement %q: span holds %q, want %q (up to quote marks, dashes and spaces)", s.ID, got, passage)
		}
		if want := paragraphAt(src.Text, loc.Start); loc.Paragraph != want {
			t.Errorf("statement %q: paragraph %d, want %d", s.ID, loc.Paragraph, want)
		}
	}
}

// checkTopicOrder: TopicsInOrder lists every topic once, depth first,
// each parent right before its subtree, with depths that follow parents.
func checkTopicOrder(t *testing.T, d *data.Dossier) {
	t.Helper()
	order := d.TopicsInOrder()
	if len(order) != len(d.Topics) {
		t.Fatalf("TopicsInOrder has %d topics, the dossier %d", len(order), len(d.Topics))
	}
	at := map[string]int{}
	for i, tp := range order {
		if _, dup := at[tp.ID]; dup {
			t.Errorf("topic %q listed twice", tp.ID)
		}
		at[tp.ID] = i
	}
	for i, tp := range order {
		if tp.Parent == "" {
			if d.TopicDepth(tp.ID) != 0 {
				t.Errorf("root topic %q at depth %d", tp.ID, d.TopicDepth(tp.ID))
			}
			continue
		}
		p, ok := at[tp.Parent]
		if !ok || p >= i {
			t.Errorf("topic %q comes before its parent %q", tp.ID, tp.Parent)
			continue
		}
		if d.TopicDepth(tp.ID) != d.TopicDepth(tp.Parent)+1 {
			t.Errorf("topic %q at depth %d, its parent %q at %d", tp.ID, d.TopicDepth(tp.ID), tp.Parent, d.TopicDepth(tp.Parent))
		}
		// Depth first: everything between the parent and this topic is deeper than the parent.
		for _, between := range order[p+1 : i] {
			if d.TopicDepth(between.ID) <= d.TopicDepth(tp.Parent) {
				t.Errorf("topic %q is not in its parent %q's subtree (%q comes between)", tp.ID, tp.Parent, between.ID)
			}
		}
	}
}

func ids[T any](recs []T, id func(T) string) []string {
	out := make([]string, len(recs))
	for i, r := range recs {
		out[i] = id(r)
	}
	return out
}

func statementIDs(ss []*data.Statement) []string {
	return ids(ss, func(s *data.Statement) string { return s.ID })
}

func topicIDs(ts []*data.Topic) []string {
	return ids(ts, func(tp *data.Topic) string { return tp.ID })
}

func partyIDs(ps []*data.Party) []string { return ids(ps, func(p *data.Party) string { return p.ID }) }

func equal(t *testing.T, what string, got, want any) {
	t.Helper()
	if !reflect.DeepEqual(got, want) {
		t.Errorf("%s = %#v, want %#v", what, got, want)
	}
}

// span is the source text a statement is anchored at.
func span(t *testing.T, d *data.Dossier, id string) string {
	t.Helper()
	s := d.Statement(id)
	if s == nil {
		t.Fatalf("no statement %q", id)
	}
	if s.Location == nil {
		t.Fatalf("statement %q is not anchored", id)
	}
	return d.Source(s.Location.Source).Text[s.Location.Start:s.Location.End]
}

func paragraph(t *testing.T, d *data.Dossier, id string) int {
	t.Helper()
	s := d.Statement(id)
	if s == nil || s.Location == nil {
		t.Fatalf("statement %q missing or not anchored", id)
	}
	return s.Location.Paragraph
}

func TestUnseenDossiersLoad(t *testing.T) {
	chdirRoot(t)
	for _, tc := range []struct {
		path     string
		warnings []string
	}{
		{"testdata/dossiers/many-parties.yaml", nil},
		{"testdata/dossiers/non-latin.yaml", nil},
		{"testdata/dossiers/wage-talks.json", []string{
			`testdata/dossiers/wage-talks.json:90:17: warning: statement "bulletin-strike": unverified quote: source "union-bulletin" has no text to check it against`,
		}},
		{"testdata/dossiers/ceasefire/ceasefire.yaml", nil},
		{"testdata/dossiers/typography.yaml", nil},
		{"testdata/dossiers/quote-anchor-prefix.yaml", nil},
	} {
		t.Run(tc.path, func(t *testing.T) {
			d, got := loadValid(t, tc.path)
			if !slices.Equal(got, tc.warnings) {
				t.Errorf("warnings:\n%s\nwant:\n%s", strings.Join(got, "\n"), strings.Join(tc.warnings, "\n"))
			}
			checkAnchors(t, d)
			checkTopicOrder(t, d)
			// Every reference resolves through the lookups.
			for _, s := range d.Statements {
				if d.Statement(s.ID) != s {
					t.Errorf("Statement(%q) is not the statement", s.ID)
				}
				if s.Party != "" && d.Party(s.Party) == nil {
					t.Errorf("statement %q: party %q does not resolve", s.ID, s.Party)
				}
			}
			for _, p := range d.Positions {
				if d.Position(p.Party, p.Topic) != p {
					t.Errorf("Position(%q, %q) is not the position", p.Party, p.Topic)
				}
				if len(d.Evidence(p.Evidence)) != len(p.Evidence) {
					t.Errorf("position of %q on %q: evidence does not resolve", p.Party, p.Topic)
				}
			}
		})
	}
}

// Eight parties, a three-level topic hierarchy listed children first,
// demands to five addressees.
func TestManyParties(t *testing.T) {
	chdirRoot(t)
	d, _ := loadValid(t, "testdata/dossiers/many-parties.yaml")

	equal(t, "parties", len(d.Parties), 8)
	equal(t, "compared parties", partyIDs(d.ComparedParties()), []string{"aldoria", "belmark", "dunmere"})
	equal(t, "topics in order", topicIDs(d.TopicsInOrder()), []string{
		"fisheries", "quotas", "cod-quota", "herring-quota", "enforcement", "inspections",
		"environment", "protected-areas", "funding",
	})
	var depths []int
	for _, tp := range d.TopicsInOrder() {
		depths = append(depths, d.TopicDepth(tp.ID))
	}
	equal(t, "topic depths", depths, []int{0, 1, 2, 2, 1, 2, 0, 1, 0})
	equal(t, "children of quotas", topicIDs(d.TopicChildren("quotas")), []string{"cod-quota", "herring-quota"})
	equal(t, "root topics", topicIDs(d.TopicChildren("")), []string{"fisheries", "environment", "funding"})

	equal(t, "belmark on inspections", d.Position("belmark", "inspections").Stance, data.StanceOppose)
	equal(t, "aldoria on cod quota", d.Position("aldoria", "cod-quota").Stance, data.StanceConditional)
	equal(t, "ferrania on quotas", d.Position("ferrania", "quotas").Basis, data.BasisInferred)
	equal(t, "a basis left out", d.Position("estavia", "quotas").Basis, data.BasisStated)
	if p := d.Position("ferrania", "cod-quota"); p != nil {
		t.Errorf("Position(ferrania, cod-quota) = %+v, want nil: Ferrania did not speak on it", p)
	}
	equal(t, "positions on herring", len(d.PositionsByTopic("herring-quota")), 2)

	equal(t, "statements on herring", statementIDs(d.StatementsByTopic("herring-quota")),
		[]string{"corvania-herring", "dunmere-herring", "aalders-herring"})
	equal(t, "statements on inspections", statementIDs(d.StatementsByTopic("inspections")),
		[]string{"reyes-conditional", "reyes-paper", "belmark-rejects-inspections", "holm-inspectors"})
	equal(t, "Holm's statements", statementIDs(d.StatementsByActor("holm")), []string{"holm-inspectors", "holm-protected-areas"})
	// A statement's party defaults to its actor's.
	equal(t, "party of reyes-paper", d.Statement("reyes-paper").Party, "aldoria")
	equal(t, "Belmark's statements", statementIDs(d.StatementsByParty("belmark")),
		[]string{"belmark-rejects-inspections", "holm-inspectors", "holm-protected-areas"})
	equal(t, "speaker", d.Speaker(d.Statement("belmark-rejects-inspections")), "Kingdom of Belmark")

	for id, want := range map[string]int{
		"varga-structure": 2, "reyes-conditional": 3, "reyes-paper": 3, "holm-inspectors": 4,
		"aalders-herring": 5, "estavia-neutral": 6, "alliance-compensation": 7, "varga-draft": 8,
	} {
		equal(t, id+" paragraph", paragraph(t, d, id), want)
	}
	// Two statements anchored at one passage share the span.
	equal(t, "shared anchor", d.Statement("corvania-herring").Location.Span, d.Statement("dunmere-herring").Location.Span)
	equal(t, "reyes-paper", span(t, d, "reyes-paper"), "A quota that nobody inspects is a quota on paper")

	jt := d.Demand("joint-inspections")
	equal(t, "joint-inspections to", jt.To, []string{"belmark", "corvania", "dunmere", "estavia", "ferrania"})
	equal(t, "belmark's answer", jt.Response("belmark").Status, data.StatusRejected)
	if jt.Response("dunmere") != nil {
		t.Error("Dunmere gave no response")
	}
	equal(t, "demands of ferrania", len(d.DemandsByParty("ferrania")), 1)
	equal(t, "demands of the commission", len(d.DemandsByParty("commission")), 2)
	equal(t, "responses of the commission", len(d.ResponsesByParty("commission")), 2)
	equal(t, "citations of estavia-neutral", len(d.CitedBy("estavia-neutral")), 3) // two positions and a demand
	var expected []string
	for _, e := range d.Events {
		if e.Expected() {
			expected = append(expected, e.Date.String())
		}
	}
	equal(t, "expected events", expected, []string{"2025-04", "2025-05"})
	equal(t, "dossier date is a range", d.Date.IsRange(), true)
}

// Names and sources in Russian, Chinese, Arabic and Greek; a non-ASCII id.
func TestNonLatinDossier(t *testing.T) {
	chdirRoot(t)
	d, _ := loadValid(t, "testdata/dossiers/non-latin.yaml")

	equal(t, "zhongyuan", d.Party("zhongyuan").Name, "中原联邦")
	equal(t, "ramal", d.Party("ramal").Label(), "الرمال")
	equal(t, "aegeis", d.Party("aegeis").Name, "Δημοκρατία της Αιγηίδας")
	equal(t, "speaker", d.Speaker(d.Statement("sokolova-funding")), "Анна Соколова")
	if d.Topic("колея") == nil {
		t.Fatal(`topic "колея" does not resolve`)
	}
	equal(t, "statements on колея", statementIDs(d.StatementsByTopic("колея")), []string{"sokolova-gauge-open", "wang-gauge"})
	equal(t, "positions on колея", len(d.PositionsByTopic("колея")), 2)
	equal(t, "zhongyuan on колея", d.Position("zhongyuan", "колея").Stance, data.StanceSupport)

	// Quotes in their own script, found where they stand.
	for id, want := range map[string]string{
		"sokolova-tariffs":  "Мы готовы снизить тарифы на транзит, если график будет соблюдаться",
		"sokolova-funding":  "Без гарантий финансирования строительство не начнётся",
		"wang-gauge":        "我们支持统一的轨距标准。",
		"wang-time":         "运输时间必须缩短到十二天以内。",
		"mansouri-station":  "نحن نرحب بالممر الجديد ونطالب بمحطة في ميناء الرمال",
		"papadopoulou-port": "Το λιμάνι μας είναι έτοιμο να δεχτεί τα τρένα από τον Σεπτέμβριο.",
		"mansouri-fees":     "لن توقع قبل الاتفاق على الرسوم",
		"wang-financing":    "融资问题需要下一轮会谈解决",
		// Straight quotes in the anchor, guillemets in the source.
		"sokolova-century": "назвала проект «дорогой века»",
	} {
		equal(t, id, span(t, d, id), want)
	}
	for id, want := range map[string]int{
		"sokolova-tariffs": 2, "sokolova-century": 2, "sokolova-funding": 3,
		"wang-gauge": 2, "wang-time": 3, "mansouri-station": 2, "mansouri-fees": 3, "papadopoulou-port": 2,
	} {
		equal(t, id+" paragraph", paragraph(t, d, id), want)
	}
	equal(t, "demand text", d.Demand("sands-station").Text, "محطة في ميناء الرمال")
	equal(t, "event", d.Events[0].Date.IsRange(), true)
}

// A JSON dossier: escapes in strings, a single id where a list is expected,
// an unverified quote from a URL-only source.
func TestJSONDossier(t *testing.T) {
	chdirRoot(t)
	d, _ := loadValid(t, "testdata/dossiers/wage-talks.json")

	equal(t, "title", d.Title, "Harbour workers' wage talks (test fixture)")
	equal(t, "topics in order", topicIDs(d.TopicsInOrder()), []string{"pay", "wage-rise", "night-shifts", "working-time", "shift-patterns"})
	equal(t, "lind", span(t, d, "lind-six-per-cent"), "Six per cent is what the last two years took from our members\u2019 pay.")
	equal(t, "employers-offer", span(t, d, "employers-offer"),
		"The employers offered 3.5 per cent over two years \u2014 a figure they called \"our last serious offer\" \u2014 and asked for flexible shift patterns in return.")
	equal(t, "employers-offer paragraph", paragraph(t, d, "employers-offer"), 3)
	if s := d.Statement("bulletin-strike"); s.Location != nil {
		t.Errorf("an unverified quote was anchored: %+v", s.Location)
	}
	equal(t, "flexible-shifts to", d.Demand("flexible-shifts").To, []string{"union"})
	equal(t, "counter-offer", d.Demand("six-per-cent").Response("employers").Status, data.StatusCountered)
	equal(t, "mediator basis", d.Position("mediator", "night-shifts").Basis, data.BasisInferred)
	equal(t, "dossier month starts", d.Date.Start().Format("2006-01-02"), "2024-11-01")
	equal(t, "dossier month ends", d.Date.End().Format("2006-01-02"), "2024-11-30")
	equal(t, "fourth round expected", d.Events[1].Expected(), true)
	equal(t, "third round happened", d.Events[0].Status, data.EventHappened)
}

// A source read from a file next to the dossier, and statements from a JSON
// Lines file, with their own positions.
func TestStatementFilesAndSourceFile(t *testing.T) {
	chdirRoot(t)
	d, _ := loadValid(t, "testdata/dossiers/ceasefire/ceasefire.yaml")

	src := d.Source("round-one")
	equal(t, "source file", src.File, "sources/round-one.txt")
	if !strings.HasPrefix(src.Text, "Talks on a ceasefire in the Upper Valley") {
		t.Errorf("source text not read from the file: %.40q", src.Text)
	}
	equal(t, "paragraphs", len(src.Paragraphs), 6)
	equal(t, "statements", len(d.Statements), 7)
	s := d.Statement("marin-monitors")
	if s == nil {
		t.Fatal("a statement of the JSON Lines file is missing")
	}
	equal(t, "marin-monitors file", s.Pos.File, "testdata/dossiers/ceasefire/statements/round-one.jsonl")
	equal(t, "marin-monitors line", s.Pos.Line, 6)
	equal(t, "marin-monitors party", s.Party, "contact-group")
	// A quote that runs over a line break in the source.
	equal(t, "haddad-shelling", span(t, d, "haddad-shelling"), "We came to stop the shelling, not to trade\nvillages.")
	for id, want := range map[string]int{
		"haddad-shelling": 2, "petrov-exchange-first": 3, "petrov-no-ceasefire": 3,
		"marin-monitors": 4, "haddad-monitors": 5, "petrov-monitors": 5, "meet-again": 6,
	} {
		equal(t, id+" paragraph", paragraph(t, d, id), want)
	}
	equal(t, "monitoring", statementIDs(d.StatementsByTopic("monitoring")), []string{"marin-monitors", "haddad-monitors", "petrov-monitors"})
	equal(t, "front answers", d.Demand("river-monitors").Response("front").Status, data.StatusDeferred)
	equal(t, "cited", len(d.CitedBy("petrov-no-ceasefire")), 2)
}

// Curly quotes, dashes, a no-break space and a line break in the source;
// straight quotes, hyphens and plain spaces in the quotes. "We won't sign."
// is said twice: the anchor's prefix picks one, the suffix the other.
func TestTypographyAndAnchorContext(t *testing.T) {
	chdirRoot(t)
	d, _ := loadValid(t, "testdata/dossiers/typography.yaml")

	equal(t, "tal-spring", span(t, d, "tal-spring"),
		"We won\u2019t sign a treaty that leaves the spring to one\nside\u00a0\u2014 not now, not later.")
	equal(t, "roth-shared", span(t, d, "roth-shared"), "The spring is shared \u2013 as it always was.")
	equal(t, "roth-options", span(t, d, "roth-options"), "the experts had \u201cfound 2\u20133 options\u201d")
	equal(t, "roth-door", span(t, d, "roth-door"), "The door stays open.")
	repeated, closed := d.Statement("tal-repeated").Location, d.Statement("tal-closed").Location
	if repeated == nil || closed == nil {
		t.Fatal("the repeated quote is not anchored")
	}
	if repeated.Start >= closed.Start {
		t.Errorf("prefix and suffix picked %d and %d; the prefix's occurrence comes first", repeated.Start, closed.Start)
	}
	equal(t, "tal-repeated paragraph", repeated.Paragraph, 2)
	equal(t, "tal-closed paragraph", closed.Paragraph, 4)
	equal(t, "tal-repeated", span(t, d, "tal-repeated"), "We won\u2019t sign.")

	p, _ := loadValid(t, "testdata/dossiers/quote-anchor-prefix.yaml")
	a, b := p.Statement("alpha-ready").Location, p.Statement("beta-ready").Location
	if a == nil || b == nil || a.Start >= b.Start {
		t.Errorf("prefix did not tell the occurrences apart: %+v, %+v", a, b)
	}
}

// unsafe reports the first rune that must never reach a terminal.
func unsafe(s string) (rune, bool) {
	for _, r := range s {
		switch {
		case r == '\n':
		case r < 0x20, r == 0x7f, r >= 0x80 && r < 0xa0:
			return r, true
		case r >= 0x202a && r <= 0x202e, r >= 0x2066 && r <= 0x2069:
			return r, true
		}
	}
	return 0, false
}

// walkStrings calls fn with every string reachable through exported fields.
func walkStrings(v reflect.Value, path string, fn func(path, s string)) {
	switch v.Kind() {
	case reflect.Pointer, reflect.Interface:
		if !v.IsNil() {
			walkStrings(v.Elem(), path, fn)
		}
	case reflect.String:
		fn(path, v.String())
	case reflect.Slice, reflect.Array:
		for i := range v.Len() {
			walkStrings(v.Index(i), path+"["+strconv.Itoa(i)+"]", fn)
		}
	case reflect.Map:
		for _, k := range v.MapKeys() {
			walkStrings(k, path+"{key}", fn)
			walkStrings(v.MapIndex(k), path+"{}", fn)
		}
	case reflect.Struct:
		if d, ok := v.Interface().(data.Date); ok {
			fn(path, d.String())
			return
		}
		for i := range v.NumField() {
			if f := v.Type().Field(i); f.IsExported() {
				walkStrings(v.Field(i), path+"."+f.Name, fn)
			}
		}
	}
}

// A dossier full of terminal escapes and control characters loads, comes
// out clean, and validation says where it cleaned.
func TestHostileDossier(t *testing.T) {
	chdirRoot(t)
	d, got := loadValid(t, "testdata/dossiers/hostile.yaml")

	strs := 0
	walkStrings(reflect.ValueOf(d), "dossier", func(path, s string) {
		strs++
		if r, bad := unsafe(s); bad {
			t.Errorf("%s holds %U: %q", path, r, s)
		}
		if strings.Contains(s, "\t") {
			t.Errorf("%s holds a tab (tabs are expanded): %q", path, s)
		}
	})
	if strs < 40 {
		t.Errorf("walked only %d strings; the walk is broken", strs)
	}
	equal(t, "title", d.Title, "Talks about nothing")
	equal(t, "summary", d.Summary, "Line one LINE TWO hidden by a carriage return")
	equal(t, "party name", d.Party("alpha").Name, "Alpha etatS")
	equal(t, "party short", d.Party("alpha").Short, "31mA")
	equal(t, "cleaned id", partyIDs(d.Parties), []string{"alpha", "beta"})
	equal(t, "role", d.Actor("ann").Role, "Delegate    of Alpha")
	equal(t, "summary with CRLF", d.Positions[0].Summary, "Complies\n(CRLF is fine)")
	equal(t, "evidence", d.Positions[0].Evidence, []string{"comply"})
	equal(t, "source title", d.Source("minutes").Title, "Minutes click")
	equal(t, "quote", span(t, d, "comply"), "We will comply.")
	equal(t, "reported", span(t, d, "left"), "Then she left.")
	equal(t, "statement of the JSON Lines file", d.Statement("jsonl-esc").Text, "From JSON Lines  with an OSC 52")

	// Every place that held an escape or a control character is named.
	must := []string{
		`testdata/dossiers/hostile.jsonl:1:67: warning: statement "jsonl-esc": text held control characters or escape sequences; they were removed`,
		`testdata/dossiers/hostile.jsonl:1:136: warning: statement "jsonl-esc": note held control characters or escape sequences; they were removed`,
		`testdata/dossiers/hostile.yaml:5:8: warning: dossier: title held control characters or escape sequences; they were removed`,
		`testdata/dossiers/hostile.yaml:6:10: warning: dossier: summary held control characters or escape sequences; they were removed`,
		`testdata/dossiers/hostile.yaml:9:12: warning: source "minutes": title held control characters or escape sequences; they were removed`,
		`testdata/dossiers/hostile.yaml:13:11: warning: party "alpha": name held control characters or escape sequences; they were removed`,
		`testdata/dossiers/hostile.yaml:14:12: warning: party "alpha": short held control characters or escape sequences; they were removed`,
		`testdata/dossiers/hostile.yaml:15:9: warning: party: id held control characters or escape sequences; they were removed`,
		`testdata/dossiers/hostile.yaml:16:11: warning: party "beta": name held control characters or escape sequences; they were removed`,
		`testdata/dossiers/hostile.yaml:19:11: warning: actor "ann": name held control characters or escape sequences; they were removed`,
		`testdata/dossiers/hostile.yaml:24:12: warning: topic "trade": title held control characters or escape sequences; they were removed`,
		`testdata/dossiers/hostile.yaml:29:11: warning: statement "comply": text held control characters or escape sequences; they were removed`,
		`testdata/dossiers/hostile.yaml:35:11: warning: statement "left": text held control characters or escape sequences; they were removed`,
		`testdata/dossiers/hostile.yaml:44:16: warning: position: evidence held control characters; they were removed`,
		`testdata/dossiers/hostile.yaml:49:11: warning: demand "comply": text held control characters or escape sequences; they were removed`,
		`testdata/dossiers/hostile.yaml:53:15: warning: response: text held control characters or escape sequences; they were removed`,
		`testdata/dossiers/hostile.yaml:56:12: warning: event: title held control characters or escape sequences; they were removed`,
		`testdata/dossiers/hostile.yaml:57:12: warning: event: place held control characters or escape sequences; they were removed`,
	}
	for _, w := range must {
		if !slices.Contains(got, w) {
			t.Errorf("missing warning:\n\t%s", w)
		}
	}
	if !slices.ContainsFunc(got, func(s string) bool {
		return strings.Contains(s, `warning: source "minutes": its text held control characters or escape sequences`)
	}) {
		t.Error(`no warning that the source text was cleaned`)
	}

	// The exact list: the source text's warning points at its text (10:11),
	// and a tab (expanded) or a CR LF line end (normal) are not control
	// characters to warn about.
	want := slices.Clone(must)
	want = append(want, `testdata/dossiers/hostile.yaml:10:11: warning: source "minutes": its text held control characters or escape sequences; they were removed`)
	slices.SortFunc(want, compareProblemLines)
	if !slices.Equal(got, want) {
		msg := "got:\n\t" + strings.Join(got, "\n\t") + "\nwant:\n\t" + strings.Join(want, "\n\t")
		t.Error(msg)
	}
}

// compareProblemLines orders "FILE:LINE:COL: ..." lines as Problems sort.
func compareProblemLines(a, b string) int {
	pa, pb := strings.SplitN(a, ":", 4), strings.SplitN(b, ":", 4)
	if c := strings.Compare(pa[0], pb[0]); c != 0 {
		return c
	}
	for i := 1; i <= 2; i++ {
		if c := len(pa[i]) - len(pb[i]); c != 0 {
			return c
		}
		if c := strings.Compare(pa[i], pb[i]); c != 0 {
			return c
		}
	}
	return strings.Compare(a, b)
}

// A dossier and source saved with Windows line ends are not hostile.
func TestCRLFDossier(t *testing.T) {
	chdirRoot(t)
	d, got := loadValid(t, "testdata/dossiers/crlf/crlf.yaml")
	equal(t, "quote across a CR LF line end", span(t, d, "s1"), "We agree\nto the text.")
	if strings.Contains(d.Source("minutes").Text, "\r") {
		t.Error("a CR survived in the source text")
	}
	if len(got) > 0 {
		msg := strings.Join(got, "\n")
		t.Errorf("want no problems, got:\n%s", msg)
	}
}
