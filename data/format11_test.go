package data_test

import (
	"encoding/json"
	"slices"
	"strings"
	"testing"

	"github.com/parley-dev/parley/data"
)

// A dossier of format 1.1 that uses every field 1.1 added
// (testdata/dossiers/format-1.1): it loads with no problem, and the
// lookups the screens and exports use answer as the fields say.
func TestFormat11Dossier(t *testing.T) {
	chdirRoot(t)
	d, warnings := loadValid(t, "testdata/dossiers/format-1.1/harbour.yaml")
	if len(warnings) > 0 {
		t.Errorf("want no problems, got:\n%s", strings.Join(warnings, "\n"))
	}
	equal(t, "version", d.Parley, data.Version1_1)
	equal(t, "version as written", d.Parley.String(), "1.1")

	t.Run("an account is the source speaking", func(t *testing.T) {
		s := d.Statement("fleet-in-harbour")
		equal(t, "kind", s.Kind, data.KindAccount)
		equal(t, "party", s.Party, "")
		equal(t, "about", s.About(), []string{"north"})
		equal(t, "speaker", d.Speaker(s), "the report")
		equal(t, "attribution", data.Attribution(d, s), "the report, ¶4")
		equal(t, "anchored by its own text", span(t, d, "fleet-in-harbour"), "The north has kept its fleet in the harbour since March.")
		equal(t, "dated account", data.Attribution(d, d.Statement("talks-ended")), "the report, 2031-04-08, ¶1")
		equal(t, "an account from a statement file", d.Statement("entrance-account").Kind, data.KindAccount)
	})

	t.Run("via names who passed it on", func(t *testing.T) {
		s := d.Statement("fees-first")
		equal(t, "via", s.Via(), []string{"berg", "radio"})
		equal(t, "via names", d.ViaNames(s), []string{"Tomas Berg", "a radio station"})
		equal(t, "attribution", data.Attribution(d, s),
			"The union's ministry, Ministry (Southern Union), via Tomas Berg, via a radio station · Report on the second round of harbour talks, ¶3")
		equal(t, "via in a statement file", d.ViaNames(d.Statement("lind-no-closure")), []string{"a radio station"})
	})

	t.Run("a proposition says what support means", func(t *testing.T) {
		equal(t, "harbour", d.Topic("harbour").Proposition, "The harbour stays open to northern ships")
		equal(t, "blockade", d.Topic("blockade").Proposition, "The south blocked the harbour entrance")
	})

	t.Run("acts are counted per party", func(t *testing.T) {
		equal(t, "act", d.Statement("lind-close").Act(), data.ActRejection)
		equal(t, "mover of an account", d.Mover(d.Statement("fees-refused")), "south")
		equal(t, "mover of an account about nobody", d.Mover(&data.Statement{Kind: data.KindAccount}), "")
		equal(t, "counts", data.ActCounts(d), map[string]map[data.Act]int{
			"north": {data.ActRejection: 2, data.ActWarning: 1},
			"south": {data.ActDemand: 1, data.ActRejection: 2},
		})
	})

	t.Run("a response says who it is known from", func(t *testing.T) {
		byReport := d.Demand("waive-fees").Response("south")
		equal(t, "basis", byReport.Basis, data.BasisReported)
		equal(t, "according to the source", d.AccordingTo(byReport), "the report")
		bySouth := d.Demand("meet-in-may").Response("north")
		equal(t, "according_to implies reported", bySouth.Reported(), true)
		equal(t, "according to a party", d.AccordingTo(bySouth), "Southern Union")
		equal(t, "no response recorded", d.Demand("fees-first").Response("north") == nil, true)
	})

	t.Run("drafts keep their spans and place their statements", func(t *testing.T) {
		dr := d.Statement("lind-close").Draft()
		equal(t, "rule", dr.Rule, "quote-said-name")
		equal(t, "confidence", *dr.Confidence, 0.92)
		equal(t, "content", dr.Spans.Content, data.Parts{{112, 161}})
		equal(t, "cue", *dr.Spans.Cue, data.Range{166, 170})
		equal(t, "speaker mention", *dr.Spans.Source, data.Range{171, 179})
		src := d.Source("report").Text
		equal(t, "cue text", src[166:170], "said")
		// Said in two parts, anchored across both.
		equal(t, "two parts", d.Statement("lind-not-now").Draft().Spans.Content, data.Parts{{209, 216}, {235, 249}})
		equal(t, "interrupted quote", span(t, d, "lind-not-now"), "Not now,” she added, “and not later.")
		// "Not now" stands twice: the draft picks the first, the prefix the second.
		if a, b := d.Statement("lind-not-now").Location, d.Statement("berg-not-now").Location; a.Start >= b.Start {
			t.Errorf("the draft and the prefix picked %d and %d", a.Start, b.Start)
		}
		// A reported statement without anchor.exact stands where its draft says.
		equal(t, "placed by its draft", span(t, d, "fees-first"), "fees must be settled first")
		equal(t, "its paragraph", paragraph(t, d, "fees-first"), 3)
	})

	t.Run("the export writes what was read", func(t *testing.T) {
		j, err := data.ExportJSON(d)
		if err != nil {
			t.Fatal(err)
		}
		for _, want := range []string{`"parley": 1.1`, `"content": [`, `"kind": "account"`, `"via": [`, `"according_to": "south"`, `"proposition": "The harbour stays open to northern ships"`, `"short": "the report"`} {
			if !strings.Contains(string(j), want) {
				t.Errorf("the JSON export lacks %s", want)
			}
		}
		var back struct {
			Statements []struct {
				ID    string `json:"id"`
				Draft *struct {
					Spans struct {
						Content json.RawMessage `json:"content"`
					} `json:"spans"`
				} `json:"draft"`
			} `json:"statements"`
		}
		if err := json.Unmarshal(j, &back); err != nil {
			t.Fatal(err)
		}
		contents := map[string]string{}
		for _, s := range back.Statements {
			if s.Draft != nil {
				contents[s.ID] = strings.Join(strings.Fields(string(s.Draft.Spans.Content)), "")
			}
		}
		equal(t, "one part as [start, end]", contents["lind-close"], "[112,161]")
		equal(t, "several parts as a list", contents["lind-not-now"], "[[209,216],[235,249]]")
		// Read back, the export is the same dossier.
		again, probs, err := data.Parse("harbour.json", j, nil)
		if err != nil || len(probs) > 0 {
			t.Fatalf("the export does not load cleanly: %v\n%v", err, probs)
		}
		j2, _ := data.ExportJSON(again)
		if string(j2) != string(j) {
			t.Errorf("exporting the export changes it:\n%s", firstDiff(j, j2))
		}
	})
}

func TestVersionReadsAsWritten(t *testing.T) {
	for _, tc := range []struct {
		src     string
		want    data.Version
		problem string
	}{
		{"parley: 1", data.Version1, ""},
		{"parley: 1.0", data.Version1, ""},
		{"parley: 1.1", data.Version1_1, ""},
		{`{"parley": 1.1`, data.Version1_1, ""},
		{"parley: 1.10", data.Version{Major: 1, Minor: 10}, "format version 1.10 is not supported; this parley reads versions 1 and 1.1"},
		{"parley: 2", data.Version{Major: 2}, "format version 2 is not supported; this parley reads versions 1 and 1.1"},
		{"parley: 1.1.0", data.Version{}, `dossier: parley must be a format version, 1 or 1.1, found a string`},
		{`{"parley": 1e0`, data.Version{}, "dossier: parley must be a format version, 1 or 1.1, found 1e0"},
		{`parley: "1.1"`, data.Version{}, "dossier: parley must be a format version, 1 or 1.1, found a string"},
	} {
		t.Run(tc.src, func(t *testing.T) {
			name, src := "v.yaml", tc.src+"\ntitle: T\nparties: [{id: a, name: A}]\n"
			if strings.HasPrefix(tc.src, "{") {
				name, src = "v.json", tc.src+`, "title": "T", "parties": [{"id": "a", "name": "A"}]}`
			}
			d, probs, err := data.Parse(name, []byte(src), nil)
			if tc.problem == "" {
				if err != nil {
					t.Fatalf("does not load: %v", err)
				}
				equal(t, "version", d.Parley, tc.want)
				return
			}
			if err == nil || len(probs) != 1 || probs[0].Message != tc.problem {
				t.Errorf("problems = %v, want one: %s", probs, tc.problem)
			}
		})
	}
}

// A version-1 dossier reads a 1.1 field as nothing at all; the same file
// declaring 1.1 reads it.
func TestVersionDecidesWhatIsRead(t *testing.T) {
	body := `title: T
parties: [{id: a, name: A}, {id: b, name: B}]
topics: [{id: t, title: T, proposition: A should pay}]
positions:
  - {party: a, topic: t, stance: oppose}
  - {party: b, topic: t, stance: support}
`
	v1, probs1, err := data.Parse("v1.yaml", []byte("parley: 1\n"+body), nil)
	if err != nil {
		t.Fatal(err)
	}
	v11, probs11, err := data.Parse("v11.yaml", []byte("parley: 1.1\n"+body), nil)
	if err != nil {
		t.Fatal(err)
	}
	equal(t, "proposition in version 1", v1.Topic("t").Proposition, "")
	equal(t, "proposition in version 1.1", v11.Topic("t").Proposition, "A should pay")
	equal(t, "version 1 is told", problemStrings(probs1), []string{
		`v1.yaml:4:28: warning: topic "t": field "proposition" is added in format 1.1; it is ignored (write "parley: 1.1" at the top to use it)`,
	})
	equal(t, "version 1.1 is not", problemStrings(probs11), []string{})
}

func TestExportOfAVersion1DossierSaysVersion1(t *testing.T) {
	d, _, err := data.Parse("v1.yaml", []byte("parley: 1\ntitle: T\nparties: [{id: a, name: A}]\n"), nil)
	if err != nil {
		t.Fatal(err)
	}
	j, _ := data.ExportJSON(d)
	if !strings.Contains(string(j), `"parley": 1,`) {
		t.Errorf("export = %s", j)
	}
	y, _ := data.ExportYAML(d)
	if !slices.Contains(strings.Split(string(y), "\n"), "parley: 1") {
		t.Errorf("yaml export = %s", y)
	}
}
