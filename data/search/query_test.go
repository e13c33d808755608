package search

import (
	"reflect"
	"strings"
	"testing"

	"github.com/parley-dev/parley/data"
)

func TestParseQuery(t *testing.T) {
	d, err := data.Geneva()
	if err != nil {
		t.Fatal(err)
	}
	type want struct {
		words    []string
		prefix   bool
		phrases  [][]string
		exclude  []string
		parties  []string
		nparties []string
		actors   []string
		topics   []string
		kinds    []data.StatementKind
		dates    []string
		problem  string // substring of the first problem
	}
	for _, c := range []struct {
		in   string
		want want
	}{
		{"", want{}},
		{"   ", want{}},
		{"invasion", want{words: []string{"invasion"}, prefix: true}},
		{"invasion ", want{words: []string{"invasion"}}},
		{"NATO Security", want{words: []string{"nato", "security"}, prefix: true}},
		{"Sécurité ＮＡＴＯ", want{words: []string{"securite", "nato"}, prefix: true}},
		{`"written response"`, want{phrases: [][]string{{"written", "response"}}}},
		{`“Written  Response”`, want{phrases: [][]string{{"written", "response"}}}},
		{`"written resp`, want{phrases: [][]string{{"written", "resp"}}}},
		{`nato -troops`, want{words: []string{"nato"}, exclude: []string{"troops"}}},
		{`- nato`, want{words: []string{"nato"}, prefix: true}},
		{`nato's`, want{phrases: [][]string{{"nato", "s"}}}},
		{"party:russia nato", want{words: []string{"nato"}, prefix: true, parties: []string{"russia"}}},
		{"party:Russ", want{parties: []string{"russia"}}},
		{"party:\"united states\"", want{parties: []string{"us"}}},
		{"party:us", want{parties: []string{"us"}}},
		{"-party:us", want{nparties: []string{"us"}}},
		{"party:", want{}},
		{"party: nato", want{words: []string{"nato"}, prefix: true, problem: "needs a value"}},
		{"party:mars", want{problem: `no party "mars"`}},
		{"speaker:lavrov", want{actors: []string{"lavrov"}}},
		{`speaker:"sergei lavrov"`, want{actors: []string{"lavrov"}}},
		{"speaker:sergei", want{actors: []string{"lavrov", "ryabkov"}}},
		{"speaker:nobody", want{problem: `no speaker "nobody"`}},
		{"kind:quote", want{kinds: []data.StatementKind{data.KindQuote}}},
		{"kind:rep", want{kinds: []data.StatementKind{data.KindReported}}},
		{"kind:rumour", want{problem: "not a kind"}},
		{"date:2022-01", want{dates: []string{"2022-01"}}},
		{"date:2022-01-01..2022-02-15", want{dates: []string{"2022-01-01..2022-02-15"}}},
		{"date:2022-01-15..", want{dates: []string{"2022-01-15.."}}},
		{"date:2022-13", want{problem: "not a date"}},
		{"date:2022-02-01..2022-01-01", want{problem: "ends before it starts"}},
		{"DATE:2022", want{dates: []string{"2022"}}},
		{"http://example.com", want{phrases: [][]string{{"http", "example", "com"}}}},
		{"foo:bar", want{phrases: [][]string{{"foo", "bar"}}}},
	} {
		q, err := ParseQuery(c.in, d)
		got := want{words: q.Words, prefix: q.Prefix, phrases: q.Phrases, exclude: q.Exclude,
			parties: q.Parties, nparties: q.NotParties, actors: q.Actors, topics: q.Topics, kinds: q.Kinds}
		for _, dt := range q.Dates {
			got.dates = append(got.dates, dt.String())
		}
		if len(q.Problems) > 0 {
			got.problem = q.Problems[0].Message
			if err == nil {
				t.Errorf("%q: problems but no error", c.in)
			}
			if !strings.Contains(got.problem, c.want.problem) || c.want.problem == "" {
				t.Errorf("%q: problem %q, want one containing %q", c.in, got.problem, c.want.problem)
			}
			sp := q.Problems[0].Span
			if sp.Start < 0 || sp.End > len(c.in) || sp.Start > sp.End {
				t.Errorf("%q: problem span %v out of range", c.in, sp)
			}
			got.problem = c.want.problem
		} else if c.want.problem != "" {
			t.Errorf("%q: no problem, want %q", c.in, c.want.problem)
		}
		if !reflect.DeepEqual(got, c.want) {
			t.Errorf("%q:\n got %+v\nwant %+v", c.in, got, c.want)
		}
	}
}

func TestParseQueryTopicIncludesSubtopics(t *testing.T) {
	d, err := data.Geneva()
	if err != nil {
		t.Fatal(err)
	}
	for _, top := range d.TopicChildren("") {
		kids := d.TopicChildren(top.ID)
		if len(kids) == 0 {
			continue
		}
		q, err := ParseQuery("topic:"+top.ID, d)
		if err != nil {
			t.Fatal(err)
		}
		for _, k := range kids {
			found := false
			for _, id := range q.Topics {
				found = found || id == k.ID
			}
			if !found {
				t.Errorf("topic:%s lacks subtopic %s: %v", top.ID, k.ID, q.Topics)
			}
		}
		return
	}
	t.Skip("no nested topics in the embedded dossier")
}

func TestParseQueryWithoutDossier(t *testing.T) {
	q, err := ParseQuery("party:us nato", nil)
	if err == nil || len(q.Problems) != 1 || !reflect.DeepEqual(q.Words, []string{"nato"}) {
		t.Fatalf("got %+v, %v", q, err)
	}
}

func TestFoldWords(t *testing.T) {
	for in, want := range map[string]string{
		"Hello, World!":       "hello world",
		"Sécurité Ærø straße": "securite aero strasse",
		"ＮＡＴＯ’s ｓｅｃｕｒｉｔｙ":     "nato s security",
		"Лавров сказал":       "лавров сказал",
		"北约东扩":                "北 约 东 扩",
		"abc北约def":            "abc 北 约 def",
		"e\u0301te\u0301":     "ete",
		"":                    "",
	} {
		if got := strings.Join(FoldWords(in), " "); got != want {
			t.Errorf("FoldWords(%q) = %q, want %q", in, got, want)
		}
	}
}

func FuzzParseQuery(f *testing.F) {
	d, err := data.Geneva()
	if err != nil {
		f.Fatal(err)
	}
	for _, s := range []string{"", "nato", `"written response" -troops`, "party:russia speaker:lav topic:nato kind:quote date:2022-01..2022-02",
		"-party:us \"", "date:..", "date:2022-01-01..", `party:"united`, "-\"a b\"", "ｓｅｃ é 北约", "-", ":", "party::", "\xff\xfe"} {
		f.Add(s)
	}
	ix := New(d)
	f.Fuzz(func(t *testing.T, s string) {
		q, err := ParseQuery(s, d)
		if (err != nil) != (len(q.Problems) > 0) {
			t.Fatalf("error %v but problems %v", err, q.Problems)
		}
		for _, p := range q.Problems {
			if p.Span.Start < 0 || p.Span.End > len(s) || p.Span.Start > p.Span.End || p.Message == "" {
				t.Fatalf("bad problem %+v for %q", p, s)
			}
		}
		for _, w := range append(append([]string{}, q.Words...), q.Exclude...) {
			if w == "" {
				t.Fatalf("empty word in %q", s)
			}
		}
		r := ix.Search(q, 10)
		for _, h := range r.Hits {
			for _, sp := range h.Spans {
				if sp.Start < 0 || sp.End > len(h.Statement.Text) || sp.Start >= sp.End {
					t.Fatalf("bad span %v", sp)
				}
			}
		}
	})
}

// The filters format 1.1 brought: the source's own accounts, the move a
// statement makes, whom its words came through, whom it is about.
func TestSearchFormat11Filters(t *testing.T) {
	d, err := data.Geneva()
	if err != nil {
		t.Fatal(err)
	}
	ix := New(d)
	ids := func(query string) []string {
		t.Helper()
		q, err := ParseQuery(query, d)
		if err != nil {
			t.Fatalf("%q: %v", query, err)
		}
		var out []string
		for _, h := range ix.Search(q, 100).Hits {
			out = append(out, h.Statement.ID)
		}
		return out
	}
	count := func(pred func(s *data.Statement) bool) int {
		n := 0
		for _, s := range d.Statements {
			if pred(s) {
				n++
			}
		}
		return n
	}
	if got, want := len(ids("kind:account")), count(func(s *data.Statement) bool { return s.Kind == data.KindAccount }); got != want || want == 0 {
		t.Errorf("kind:account finds %d statements, the dossier has %d accounts", got, want)
	}
	if got, want := len(ids("-kind:account")), len(d.Statements)-13; got != want {
		t.Errorf("-kind:account finds %d, want %d", got, want)
	}
	for _, c := range []struct {
		query string
		want  []string // all of them, in any order
	}{
		{"act:warning", []string{"blinken-another-invasion", "west-warned-consequences"}},
		{"act:assu", []string{"lavrov-no-plans-to-attack"}},
		{"via:interfax", []string{"ryabkov-expects-written-response"}},
		{"via:lavrov", []string{"counterpart-asked-calm"}},
		{"via:media", []string{"ryabkov-expects-written-response"}},
		{"about:nato kind:account act:rejection", []string{"nato-rejects-self-determination"}},
		{"kind:account troops", []string{"troops-massed"}},
	} {
		got := ids(c.query)
		if !sameSet(got, c.want) {
			t.Errorf("%q finds %v, want %v", c.query, got, c.want)
		}
	}
	for _, c := range []struct{ query, problem string }{
		{"act:threat", "act:threat is not an act (demand, offer"},
		{"kind:opinion", "kind:opinion is not a kind (quote, reported or account)"},
		{"via:nobody", `no actor or source "nobody"`},
		{"about:mars", `no party "mars"`},
	} {
		if _, err := ParseQuery(c.query, d); err == nil || !strings.Contains(err.Error(), c.problem) {
			t.Errorf("%q: error %v, want %q", c.query, err, c.problem)
		}
	}
}

func sameSet(a, b []string) bool {
	if len(a) != len(b) {
		return false
	}
	m := map[string]int{}
	for _, x := range a {
		m[x]++
	}
	for _, x := range b {
		if m[x]--; m[x] < 0 {
			return false
		}
	}
	return true
}
