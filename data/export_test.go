package data_test

import (
	"bytes"
	"encoding/csv"
	"flag"
	"os"
	"path/filepath"
	"strconv"
	"strings"
	"testing"

	"charm.land/glamour/v2"

	"github.com/parley-dev/parley/data"
)

var update = flag.Bool("update", false, "rewrite golden files")

func checkGolden(t *testing.T, name string, got []byte) {
	t.Helper()
	path := filepath.Join("testdata", name)
	if *update {
		if err := os.WriteFile(path, got, 0o644); err != nil {
			t.Fatal(err)
		}
	}
	want, err := os.ReadFile(path)
	if err != nil {
		t.Fatalf("%v (run go test ./data -update to create it)", err)
	}
	if !bytes.Equal(got, want) {
		t.Errorf("%s differs from the golden file:\n%s", name, firstDiff(want, got))
	}
}

func TestExportMarkdownGolden(t *testing.T) {
	checkGolden(t, "geneva.md", data.ExportMarkdown(mustEmbedded(t)))
}

func TestExportMarkdownRendersThroughGlamour(t *testing.T) {
	md := data.ExportMarkdown(mustEmbedded(t))
	r, err := glamour.NewTermRenderer(glamour.WithStandardStyle("notty"), glamour.WithWordWrap(80))
	if err != nil {
		t.Fatal(err)
	}
	out, err := r.Render(string(md))
	if err != nil {
		t.Fatalf("glamour: %v", err)
	}
	if !strings.Contains(out, "Blinken–Lavrov talks in Geneva") {
		t.Error("the rendered brief lost its title")
	}
}

func TestExportMarkdownEscapesDossierText(t *testing.T) {
	d, _, err := data.Parse("t.yaml", []byte(`parley: 1
title: "# not a heading | *bold* [link](x)"
parties: [{id: a, name: "A | B"}]
topics: [{id: t, title: T}]
positions: [{party: a, topic: t, stance: support, summary: "pipes | break tables"}]
`), nil)
	if err != nil {
		t.Fatal(err)
	}
	md := string(data.ExportMarkdown(d))
	for _, want := range []string{`# \# not a heading \| \*bold\* \[link\](x)`, `| A \| B |`, `pipes \| break tables`} {
		if !strings.Contains(md, want) {
			t.Errorf("markdown lacks %q:\n%s", want, md)
		}
	}
}

func TestExportCSVGolden(t *testing.T) {
	b, err := data.ExportCSV(mustEmbedded(t))
	if err != nil {
		t.Fatal(err)
	}
	checkGolden(t, "geneva.csv", b)
}

func TestExportCSVParsesBackIntoTheSameStatements(t *testing.T) {
	d := mustEmbedded(t)
	b, err := data.ExportCSV(d)
	if err != nil {
		t.Fatal(err)
	}
	rows, err := csv.NewReader(bytes.NewReader(b)).ReadAll()
	if err != nil {
		t.Fatalf("encoding/csv cannot read the export: %v", err)
	}
	if strings.Join(rows[0], ",") != strings.Join(data.CSVHeader, ",") {
		t.Fatalf("header = %v", rows[0])
	}
	rows = rows[1:]
	if len(rows) != len(d.Statements) {
		t.Fatalf("%d rows for %d statements", len(rows), len(d.Statements))
	}
	for i, s := range d.Statements {
		r := rows[i]
		para := ""
		if s.Location != nil {
			para = strconv.Itoa(s.Location.Paragraph)
		}
		rule, confidence := "", ""
		if s.Draft() != nil {
			rule = s.Draft().Rule
			if s.Draft().Confidence != nil {
				confidence = strconv.FormatFloat(*s.Draft().Confidence, 'f', -1, 64)
			}
		}
		want := []string{s.ID, string(s.Kind), s.Party, s.Actor, s.Date.String(), strings.Join(s.Topics, ";"), s.Text, s.Source, para,
			string(s.Act()), strings.Join(s.About(), ";"), strings.Join(s.Via(), ";"), rule, confidence}
		if len(r) != len(want) {
			t.Fatalf("statement %s: %d columns, want %d", s.ID, len(r), len(want))
		}
		for j := range want {
			if r[j] != want[j] {
				t.Errorf("statement %s, column %s: %q, want %q", s.ID, data.CSVHeader[j], r[j], want[j])
			}
		}
	}
}

// Every field format 1.1 added, in every export format: the fixture
// testdata/dossiers/format-1.1 uses each of them.
func TestExportFormat11Golden(t *testing.T) {
	d, _, err := data.Load("../testdata/dossiers/format-1.1/harbour.yaml")
	if err != nil {
		t.Fatal(err)
	}
	j, err := data.ExportJSON(d)
	if err != nil {
		t.Fatal(err)
	}
	y, err := data.ExportYAML(d)
	if err != nil {
		t.Fatal(err)
	}
	c, err := data.ExportCSV(d)
	if err != nil {
		t.Fatal(err)
	}
	checkGolden(t, "harbour-1.1.json", j)
	checkGolden(t, "harbour-1.1.yaml", y)
	checkGolden(t, "harbour-1.1.csv", c)
	checkGolden(t, "harbour-1.1.md", data.ExportMarkdown(d))
	// The YAML export reads back as the same dossier.
	back, probs, err := data.Parse("harbour.yaml", y, nil)
	if err != nil || len(probs) > 0 {
		t.Fatalf("the YAML export does not load cleanly: %v\n%v", err, probs)
	}
	if j2, _ := data.ExportJSON(back); !bytes.Equal(j, j2) {
		t.Errorf("the YAML export reads back differently:\n%s", firstDiff(j, j2))
	}
}
