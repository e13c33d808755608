package data_test

import (
	"encoding/json"
	"regexp"
	"strconv"
	"strings"
	"testing"
	"unicode"
	"unicode/utf8"

	"github.com/parley-dev/parley/data"
)

// The Geneva dossier, retold in format 1.1 from the report sentence by
// sentence (issue 12): what it must hold for the explorer, search and
// common-ground to say what the report says.
func TestGenevaTellsWhatTheReportSays(t *testing.T) {
	d, probs, err := data.LoadEmbeddedYAML()
	if err != nil {
		t.Fatal(err)
	}
	if len(probs) > 0 {
		t.Errorf("the Geneva dossier must validate with no warning or hint:\n%s", strings.Join(problemStrings(probs), "\n"))
	}
	equal(t, "version", d.Parley, data.Version1_1)

	kinds := map[data.StatementKind]int{}
	chains, acts := 0, 0
	for _, s := range d.Statements {
		kinds[s.Kind]++
		if len(s.Via()) > 0 {
			chains++
		}
		if s.Act() != "" {
			acts++
		}
		if s.Location == nil {
			t.Errorf("statement %q is not anchored in the report", s.ID)
		}
		switch {
		case s.Kind == data.KindAccount && (s.Actor != "" || s.Party != ""):
			t.Errorf("account %q has a speaker", s.ID)
		case s.Kind != data.KindAccount && d.Speaker(s) == "unattributed":
			t.Errorf("statement %q has no speaker: a sentence is someone's or the report's", s.ID)
		}
	}
	propositions := 0
	for _, tp := range d.Topics {
		if tp.Proposition != "" {
			propositions++
		} else if len(d.PositionsByTopic(tp.ID)) > 0 {
			t.Errorf("topic %q has positions and no proposition", tp.ID)
		}
	}
	// The counts the closing note gives.
	equal(t, "statements", len(d.Statements), 34)
	equal(t, "quotes, reported, accounts", [3]int{kinds[data.KindQuote], kinds[data.KindReported], kinds[data.KindAccount]}, [3]int{4, 17, 13})
	equal(t, "chains", chains, 2)
	equal(t, "propositions", propositions, 9)
	equal(t, "acts", acts, 18)
	about, withProvenance, responses := 0, 0, 0
	for _, s := range d.Statements {
		if len(s.About()) > 0 {
			about++
		}
	}
	for _, dm := range d.Demands {
		for _, r := range dm.Responses {
			responses++
			if r.Reported() {
				withProvenance++
			}
		}
	}
	equal(t, "statements about parties", about, 12)
	equal(t, "demands", len(d.Demands), 5)
	equal(t, "responses, all known from others", [2]int{responses, withProvenance}, [2]int{3, 3})
	equal(t, "the report's short name", d.Source("geneva-report").Short, "the report")

	t.Run("the report's own claims are its own", func(t *testing.T) {
		for _, id := range []string{"russia-security-threatened", "moscow-demands-guarantees", "russia-rejects-invasion-accusation",
			"west-warned-consequences", "nato-rejects-self-determination", "troops-massed", "osce-principle",
			"nato-no-accession-prospects", "caption-handshake"} {
			s := d.Statement(id)
			if s == nil || s.Kind != data.KindAccount || d.Speaker(s) != "the report" {
				t.Errorf("%s is not the report's own account", id)
			}
		}
		equal(t, "the troop count", span(t, d, "troops-massed"), "Russia has massed nearly 100,000 troops on the border with Ukraine")
		equal(t, "an account's move is its first party's", d.Mover(d.Statement("moscow-demands-guarantees")), "russia")
	})

	t.Run("who asked whom", func(t *testing.T) {
		s := d.Statement("counterpart-asked-calm")
		equal(t, "actor", s.Actor, "blinken")
		equal(t, "via", s.Via(), []string{"lavrov"})
		equal(t, "text", s.Text, "Blinken asked Lavrov to calm the situation.")
		equal(t, "attribution", data.Attribution(d, s), "Anthony Blinken, US Secretary of State (United States), via Sergei Lavrov · Report on the Blinken–Lavrov meeting in Geneva, ¶7")
	})

	t.Run("Ryabkov reached the report through Interfax", func(t *testing.T) {
		equal(t, "via", d.ViaNames(d.Statement("ryabkov-expects-written-response")), []string{"Interfax", "a media report"})
	})

	t.Run("stances read against their propositions", func(t *testing.T) {
		for _, c := range []struct {
			party, topic string
			stance       data.Stance
		}{
			{"us", "invasion-warnings", data.StanceSupport},
			{"west", "invasion-warnings", data.StanceSupport},
			{"russia", "invasion-plans", data.StanceOppose},
			{"russia", "nato-expansion", data.StanceSupport},
			{"russia", "ukraine-nato-membership", data.StanceSupport},
			{"nato", "ukraine-nato-membership", data.StanceOppose},
		} {
			if p := d.Position(c.party, c.topic); p == nil || p.Stance != c.stance {
				t.Errorf("%s on %q (%s): %v, want %s", c.party, c.topic, d.Topic(c.topic).Proposition, p, c.stance)
			}
		}
		if p := d.Position("russia", "invasion-warnings"); p != nil {
			t.Errorf("Russia rejects an accusation, not the warnings: %+v", p)
		}
	})

	t.Run("answers say who they are known from", func(t *testing.T) {
		sg := d.Demand("security-guarantees")
		equal(t, "the US deferral", d.AccordingTo(sg.Response("us")), "Russia")
		equal(t, "the West's", d.AccordingTo(sg.Response("west")), "Russia")
		equal(t, "NATO's rejection", d.AccordingTo(d.Demand("no-ukraine-membership").Response("nato")), "the report")
		for _, dm := range d.Demands {
			for _, r := range dm.Responses {
				if r.Status == data.StatusUnanswered {
					t.Errorf("demand %q: the report never says %q left it unanswered", dm.ID, r.Party)
				}
			}
		}
		if d.Demand("end-nato-expansion").Response("nato") != nil {
			t.Error("the report records no answer to the end of NATO's expansion")
		}
	})

	t.Run("the summary says no more than the report", func(t *testing.T) {
		if strings.Contains(d.Summary, "rejects this") {
			t.Error(`the summary's "rejects this" follows two demands; the report's "this" is the commitment on Ukraine`)
		}
		if !strings.Contains(d.Summary, "NATO rejects that commitment") {
			t.Error("the summary does not say what NATO rejects")
		}
	})

	t.Run("what the notes and summaries quote is the report's", func(t *testing.T) {
		report := strings.Join(strings.Fields(d.Source("geneva-report").Text), " ")
		quoted := regexp.MustCompile(`"([^"]+)"|“([^”]+)”`)
		n := 0
		// Through the JSON export, which holds every note (a statement's
		// is not a field of its struct).
		j, err := data.ExportJSON(d)
		if err != nil {
			t.Fatal(err)
		}
		var v any
		if err := json.Unmarshal(j, &v); err != nil {
			t.Fatal(err)
		}
		walkJSONStrings(v, "", func(path, s string) {
			if strings.HasPrefix(path, "/sources/") && strings.HasSuffix(path, "/text") {
				return // the report itself
			}
			for _, m := range quoted.FindAllStringSubmatch(s, -1) {
				q := m[1] + m[2]
				for _, part := range strings.Split(q, "...") {
					part = strings.TrimRight(strings.Join(strings.Fields(part), " "), ".,")
					if part == "" {
						continue
					}
					n++
					// A passage quoted mid-sentence may start in either case.
					r, size := utf8.DecodeRuneInString(part)
					if !strings.Contains(report, part) && !strings.Contains(report, string(unicode.ToUpper(r))+part[size:]) &&
						!strings.Contains(report, string(unicode.ToLower(r))+part[size:]) {
						t.Errorf("%s quotes %q, which the report does not say", path, part)
					}
				}
			}
		})
		if n < 50 {
			t.Errorf("only %d quoted passages found; the walk lost some", n)
		}
	})
}

// walkJSONStrings calls f with every string in a decoded JSON value and its
// path.
func walkJSONStrings(v any, path string, f func(path, s string)) {
	switch v := v.(type) {
	case map[string]any:
		for k, e := range v {
			walkJSONStrings(e, path+"/"+k, f)
		}
	case []any:
		for i, e := range v {
			walkJSONStrings(e, path+"/"+strconv.Itoa(i), f)
		}
	case string:
		f(path, v)
	}
}
