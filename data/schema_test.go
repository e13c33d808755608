package data

import (
	"bufio"
	"bytes"
	"encoding/json"
	"fmt"
	"maps"
	"os"
	"path/filepath"
	"reflect"
	"slices"
	"strings"
	"testing"

	"github.com/goccy/go-yaml"
	"github.com/santhosh-tekuri/jsonschema/v6"
)

// The JSON Schema in docs/ lets editors validate and complete dossiers. These
// tests keep it honest: it compiles, it accepts every valid dossier we have,
// it rejects the invalid test files whose faults are schema-level, and it
// names exactly the fields the decoder reads.

const (
	schemaFile = "../docs/dossier.schema.json"
	schemaURL  = "https://raw.githubusercontent.com/parley-dev/parley/main/docs/dossier.schema.json"
)

// schemaDoc is the schema file as a generic JSON value.
func schemaDoc(t *testing.T) map[string]any {
	t.Helper()
	b, err := os.ReadFile(schemaFile)
	if err != nil {
		t.Fatal(err)
	}
	doc, err := jsonschema.UnmarshalJSON(bytes.NewReader(b))
	if err != nil {
		t.Fatalf("%s: %v", schemaFile, err)
	}
	m, ok := doc.(map[string]any)
	if !ok {
		t.Fatalf("%s is not a JSON object", schemaFile)
	}
	return m
}

// compileSchema compiles the schema, or the part of it at fragment ("" for
// the whole dossier, "#/$defs/statement" for one statement).
func compileSchema(t *testing.T, fragment string) *jsonschema.Schema {
	t.Helper()
	doc := schemaDoc(t)
	if id, _ := doc["$id"].(string); id != schemaURL {
		t.Errorf("schema $id = %q, want %q (the URL the starter dossier and the docs point editors at)", id, schemaURL)
	}
	c := jsonschema.NewCompiler()
	c.DefaultDraft(jsonschema.Draft2020)
	if err := c.AddResource(schemaURL, doc); err != nil {
		t.Fatal(err)
	}
	sch, err := c.Compile(schemaURL + fragment)
	if err != nil {
		t.Fatalf("the schema does not compile: %v", err)
	}
	return sch
}

// instance reads a dossier file (YAML or JSON) as the generic JSON value an
// editor's schema validator sees.
func instance(t *testing.T, name string, src []byte) any {
	t.Helper()
	if strings.HasSuffix(name, ".json") {
		v, err := jsonschema.UnmarshalJSON(bytes.NewReader(src))
		if err != nil {
			t.Fatalf("%s: %v", name, err)
		}
		return v
	}
	var v any
	if err := yaml.Unmarshal(src, &v); err != nil {
		t.Fatalf("%s: %v", name, err)
	}
	// Through JSON, so numbers and maps have the types the validator knows.
	b, err := json.Marshal(v)
	if err != nil {
		t.Fatalf("%s: %v", name, err)
	}
	out, err := jsonschema.UnmarshalJSON(bytes.NewReader(b))
	if err != nil {
		t.Fatalf("%s: %v", name, err)
	}
	return out
}

func TestSchemaAcceptsValidDossiers(t *testing.T) {
	sch := compileSchema(t, "")
	files := []string{"geneva/geneva.yaml", "starter.yaml", "../testdata/five-parties.yaml", "../testdata/dossiers/format-1.1/harbour.yaml",
		"../testdata/v1/geneva/geneva.yaml", "../testdata/v1/five-parties.yaml"}
	// The invalid test files that hold only warnings are valid dossiers too:
	// the schema must not reject what parley accepts.
	for _, dir := range []string{"dossiers", "invalid"} {
		for _, pat := range []string{"*.yaml", "*.yml", "*.json"} {
			m, _ := filepath.Glob(filepath.Join("..", "testdata", dir, pat))
			files = append(files, m...)
		}
	}
	for _, f := range files {
		t.Run(filepath.Base(f), func(t *testing.T) {
			src, err := os.ReadFile(f)
			if err != nil {
				if os.IsNotExist(err) && !strings.HasPrefix(f, "geneva") && f != "starter.yaml" {
					t.Skip(err)
				}
				t.Fatal(err)
			}
			// Only dossiers parley itself accepts are checked here. Load
			// goes first also because yaml.Unmarshal expands aliases without
			// a bound: testdata/invalid/alias-bomb.yaml would never return.
			if _, _, err := Load(f); err != nil {
				t.Skip("parley rejects it")
			}
			if err := sch.Validate(instance(t, f, src)); err != nil {
				t.Errorf("the schema rejects a valid dossier:\n%v", err)
			}
		})
	}
}

// TestSchemaAcceptsStatementFiles checks every line of the JSON Lines
// statement files next to the valid test dossiers against the statement
// schema.
func TestSchemaAcceptsStatementFiles(t *testing.T) {
	sch := compileSchema(t, "#/$defs/statement")
	var files []string
	for _, pat := range []string{"*.jsonl", "*/*.jsonl", "*/*/*.jsonl"} {
		m, _ := filepath.Glob(filepath.Join("..", "testdata", "dossiers", pat))
		files = append(files, m...)
	}
	if len(files) == 0 {
		t.Skip("no statement files under testdata/dossiers yet")
	}
	for _, f := range files {
		src, err := os.ReadFile(f)
		if err != nil {
			t.Fatal(err)
		}
		sc := bufio.NewScanner(bytes.NewReader(src))
		sc.Buffer(nil, len(src)+1)
		for line := 1; sc.Scan(); line++ {
			text := bytes.TrimSpace(sc.Bytes())
			if len(text) == 0 || bytes.HasPrefix(text, []byte("//")) {
				continue
			}
			v, err := jsonschema.UnmarshalJSON(bytes.NewReader(text))
			if err != nil {
				t.Errorf("%s:%d: %v", f, line, err)
				continue
			}
			if err := sch.Validate(v); err != nil {
				t.Errorf("%s:%d: the statement schema rejects a statement:\n%v", f, line, err)
			}
		}
	}
}

// schemaLevel lists the invalid test files whose faults a schema can see,
// each with the places (JSON pointers) the schema must flag. Faults beyond a
// schema (unknown references, quotes not found, duplicates, 2024-02-30, a
// range ending before it starts) are left to parley validate.
var schemaLevel = []struct {
	file string
	at   []string
}{
	{"anchor-not-a-mapping.yaml", []string{"/statements/0/anchor"}},
	{"bad-date.yaml", []string{"/date", "/events/1/date"}},
	{"bad-enums.yaml", []string{"/statements/0/kind", "/positions/0/basis", "/demands/0/responses/0/status", "/events/0/status"}},
	{"bad-stance.yaml", []string{"/positions/0/stance"}},
	{"demand-missing-fields.yaml", []string{"/demands/0"}},
	{"event-missing-fields.yaml", []string{"/events/0"}},
	{"id-with-space.yaml", []string{"/parties/0/id"}},
	{"json-not-an-object.json", []string{""}},
	{"missing-id.yaml", []string{"/sources/0", "/parties/1", "/actors/0", "/topics/0", "/demands/0", "/statements/0"}},
	{"missing-name.yaml", []string{"/parties/0", "/actors/0", "/topics/0", "/events/0", "/events/1"}},
	{"missing-title.yaml", []string{""}},
	{"missing-version.yaml", []string{""}},
	{"no-parties.yaml", []string{""}},
	{"not-a-mapping.yaml", []string{""}},
	{"position-missing-fields.yaml", []string{"/positions/0"}},
	{"quote-empty-text.yaml", []string{"/statements/0", "/statements/1/text"}},
	{"response-missing-fields.yaml", []string{"/demands/0/responses/0", "/demands/0/responses/1"}},
	{"source-file-and-text.yaml", []string{"/sources/0"}},
	{"source-text-not-text.yaml", []string{"/sources/0/text"}},
	{"statement-missing-fields.yaml", []string{"/statements/0"}},
	{"version-not-a-number.yaml", []string{"/parley"}},
	{"wrong-type.yaml", []string{"/title", "/parties", "/topics/0", "/statements/0/text", "/statements/0/topics", "/positions/0/evidence"}},
	{"wrong-version.yaml", []string{"/parley"}},
	// Format 1.1.
	{"v11-account-speaker.yaml", []string{"/statements/0/actor", "/statements/1/party", "/statements/2"}},
	{"v11-draft-spans.yaml", []string{"/statements/5/draft", "/statements/5/draft/confidence", "/statements/5/draft/spans/content",
		"/statements/5/draft/spans/cue", "/statements/5/draft/spans/source/0", "/statements/6/draft"}},
	{"v11-proposition-not-text.yaml", []string{"/topics/0/proposition", "/topics/1/proposition", "/topics/2"}},
	{"v11-response-provenance.yaml", []string{"/demands/1/responses/0/basis"}},
}

func TestSchemaRejectsSchemaLevelErrors(t *testing.T) {
	sch := compileSchema(t, "")
	for _, c := range schemaLevel {
		t.Run(c.file, func(t *testing.T) {
			f := filepath.Join("..", "testdata", "invalid", c.file)
			src, err := os.ReadFile(f)
			if os.IsNotExist(err) {
				t.Skip(err)
			}
			if err != nil {
				t.Fatal(err)
			}
			if _, _, err := Load(f); err == nil {
				t.Fatalf("parley accepts %s; it does not belong in this list", c.file)
			}
			err = sch.Validate(instance(t, f, src))
			if err == nil {
				t.Fatalf("the schema accepts %s", c.file)
			}
			verr, ok := err.(*jsonschema.ValidationError)
			if !ok {
				t.Fatalf("validation failed without a ValidationError: %v", err)
			}
			flagged := map[string]bool{}
			collectLocations(verr, flagged)
			for _, at := range c.at {
				if !flagged[at] {
					t.Errorf("the schema does not flag %q; it flags %v:\n%v", at, slices.Sorted(maps.Keys(flagged)), err)
				}
			}
		})
	}
}

func collectLocations(e *jsonschema.ValidationError, into map[string]bool) {
	loc := ""
	for _, tok := range e.InstanceLocation {
		loc += "/" + tok
	}
	into[loc] = true
	for _, c := range e.Causes {
		collectLocations(c, into)
	}
}

// formatOnly lists the format fields that no Go struct carries under their
// own name: exports are self-contained, so the loader inlines them.
//   - Dossier.StatementFiles (statement_files) is json:"-": its statements
//     are appended to Statements at load time.
//   - Source.File (file) is json:"-": the file's text is exported as text.
var formatOnly = map[string][]string{
	"dossier": {"statement_files"},
	"source":  {"file"},
}

// TestSchemaAgreesWithTheGoTypes checks, record by record, that the schema's
// properties are exactly the fields the decoder reads (data/decode.go), and
// that those are exactly the JSON names of the Go struct's fields plus the
// documented format-only ones.
func TestSchemaAgreesWithTheGoTypes(t *testing.T) {
	doc := schemaDoc(t)
	defs, _ := doc["$defs"].(map[string]any)
	for _, rec := range []struct {
		name    string
		typ     any
		decoder []string
	}{
		{"dossier", Dossier{}, dossierFields},
		{"source", Source{}, sourceFields},
		{"party", Party{}, partyFields},
		{"actor", Actor{}, actorFields},
		{"topic", Topic{}, topicFields},
		{"statement", statementJSON{}, statementFields},
		{"anchor", Anchor{}, anchorFields},
		{"draft", Draft{}, draftFields},
		{"draftSpans", DraftSpans{}, draftSpansFields},
		{"position", Position{}, positionFields},
		{"demand", Demand{}, demandFields},
		{"response", Response{}, responseFields},
		{"event", Event{}, eventFields},
	} {
		t.Run(rec.name, func(t *testing.T) {
			obj := doc
			if rec.name != "dossier" {
				obj, _ = defs[rec.name].(map[string]any)
				if obj == nil {
					t.Fatalf("the schema has no $defs/%s", rec.name)
				}
			}
			props, _ := obj["properties"].(map[string]any)
			inSchema := slices.Sorted(maps.Keys(props))
			fromDecoder := slices.Sorted(slices.Values(rec.decoder))
			goFields := append(jsonNames(reflect.TypeOf(rec.typ)), formatOnly[rec.name]...)
			slices.Sort(goFields)
			if !slices.Equal(inSchema, fromDecoder) {
				t.Errorf("schema properties %v\n   decoder's fields %v", inSchema, fromDecoder)
			}
			if !slices.Equal(goFields, fromDecoder) {
				t.Errorf("Go json names (+ format-only %v) %v\n   decoder's fields %v", formatOnly[rec.name], goFields, fromDecoder)
			}
			for _, name := range inSchema {
				p, _ := props[name].(map[string]any)
				if desc, _ := p["description"].(string); desc == "" && p["$ref"] != "#/$defs/note" && p["$ref"] != "#/$defs/evidence" && p["$ref"] != "#/$defs/anchor" && p["$ref"] != "#/$defs/draft" {
					t.Errorf("property %s has no description for editors", name)
				}
			}
			if ap, ok := obj["additionalProperties"]; ok && ap == false {
				t.Errorf("additionalProperties is false: the format allows extra fields (with a warning)")
			}
		})
	}
}

// jsonNames lists the JSON names of a struct's exported, non-skipped fields.
func jsonNames(t reflect.Type) []string {
	var out []string
	for i := range t.NumField() {
		f := t.Field(i)
		if !f.IsExported() {
			continue
		}
		name, _, _ := strings.Cut(f.Tag.Get("json"), ",")
		switch name {
		case "-":
			continue
		case "":
			name = f.Name
		}
		out = append(out, name)
	}
	return out
}

// docBlock is a fenced code block of docs/dossier-format.md.
type docBlock struct {
	lang, text string
	line       int
}

func docBlocks(t *testing.T) []docBlock {
	t.Helper()
	b, err := os.ReadFile("../docs/dossier-format.md")
	if err != nil {
		t.Fatal(err)
	}
	var out []docBlock
	var cur *docBlock
	for i, line := range strings.Split(string(b), "\n") {
		trimmed := strings.TrimSpace(line)
		switch {
		case cur == nil && strings.HasPrefix(trimmed, "```"):
			cur = &docBlock{lang: strings.TrimPrefix(trimmed, "```"), line: i + 1}
		case cur != nil && trimmed == "```":
			out = append(out, *cur)
			cur = nil
		case cur != nil:
			cur.text += line + "\n"
		}
	}
	return out
}

// TestFormatDocExamples checks the examples of docs/dossier-format.md: every
// complete dossier in it (a YAML or JSON block with the format version)
// validates with no problem at all and passes the schema, and every JSON
// Lines block holds statements the schema accepts.
func TestFormatDocExamples(t *testing.T) {
	sch := compileSchema(t, "")
	stmt := compileSchema(t, "#/$defs/statement")
	full := 0
	for _, blk := range docBlocks(t) {
		name := fmt.Sprintf("dossier-format.md:%d", blk.line)
		switch {
		case blk.lang == "yaml" && (strings.Contains("\n"+blk.text, "\nparley: 1\n") || strings.Contains("\n"+blk.text, "\nparley: 1.1\n")),
			blk.lang == "json" && strings.Contains(blk.text, `"parley": 1`):
			full++
			file := "example." + blk.lang
			_, probs, err := Parse(file, []byte(blk.text), nil)
			if err != nil || len(probs) > 0 {
				t.Errorf("%s: the example is not a clean dossier: %v\n%v", name, err, probs)
			}
			if err := sch.Validate(instance(t, file, []byte(blk.text))); err != nil {
				t.Errorf("%s: the schema rejects the example:\n%v", name, err)
			}
		case blk.lang == "jsonl":
			for i, line := range strings.Split(blk.text, "\n") {
				line = strings.TrimSpace(line)
				if line == "" || strings.HasPrefix(line, "//") {
					continue
				}
				v, err := jsonschema.UnmarshalJSON(strings.NewReader(line))
				if err != nil {
					t.Errorf("%s:+%d: %v", name, i+1, err)
					continue
				}
				if err := stmt.Validate(v); err != nil {
					t.Errorf("%s:+%d: the statement schema rejects the example:\n%v", name, i+1, err)
				}
			}
		}
	}
	if full < 4 {
		t.Errorf("found %d complete dossiers in the format reference, want at least 4", full)
	}
}
