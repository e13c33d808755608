package data_test

import (
	"fmt"
	"strings"
	"testing"
	"testing/fstest"

	"github.com/parley-dev/parley/data"
)

// Hostile shapes must fail fast with a message and a place, never exhaust
// memory or the stack.
func TestHostileShapesFailWithAPlace(t *testing.T) {
	bomb := "a: &a [x, x, x, x, x, x, x, x, x, x]\n"
	for i := 'b'; i <= 'k'; i++ {
		prev := string(i - 1)
		bomb += string(i) + ": &" + string(i) + " [*" + prev + ", *" + prev + ", *" + prev + ", *" + prev + ", *" + prev + ", *" + prev + ", *" + prev + ", *" + prev + ", *" + prev + ", *" + prev + "]\n"
	}
	tests := []struct {
		name, file, src, want string
	}{
		{"YAML alias bomb", "bomb.yaml", "parley: 1\n" + bomb, "bomb.yaml:"},
		{"YAML nested flow lists", "deep.yaml", "parley: 1\ntitle: " + strings.Repeat("[", 100000) + strings.Repeat("]", 100000) + "\n", "deep.yaml:2:"},
		{"YAML nested block mappings", "deep-block.yaml", "parley: 1\n" + deepBlock(300), "deep-block.yaml:"},
		{"JSON nested arrays", "deep.json", `{"parley": 1, "title": ` + strings.Repeat("[", 100000) + strings.Repeat("]", 100000) + "}", "deep.json:1:"},
		{"a 50 MB single line", "long.yaml", "parley: 1\ntitle: T\nparties: [{id: a, name: A}]\nsummary: " + strings.Repeat("x", 50<<20) + "\nbogus: [\n", "long.yaml:4:1: error: line 4 is 52428809 bytes long"},
		{"a 20 MB YAML file", "big.yaml", "parley: 1\n" + strings.Repeat("# a comment line\n", 20<<16), "big.yaml:1:1: error: the YAML file is 21 MiB"},
		{"a 50 MB single-line JSON", "long.json", longJSONHead + strings.Repeat("x", 50<<20) + longJSONTail, fmt.Sprintf("long.json:1:%d: error: unexpected '}'", len(longJSONHead)+50<<20+len(longJSONTail))},
		{"YAML merge key", "merge.yaml", "parley: 1\nbase: &b {id: a}\nparties: [{<<: *b, name: A}]\n", "merge.yaml:3:"},
		{"binary", "bin.yaml", "parley: 1\x00\x01\x02", "bin.yaml:1:10: error: a NUL byte"},
		{"not UTF-8", "latin1.yaml", "parley: 1\ntitle: caf\xe9\n", "latin1.yaml:2:11: error: byte 0xe9 is not UTF-8"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			d, probs, err := data.Parse(tt.file, []byte(tt.src), nil)
			if err == nil || d != nil {
				t.Fatalf("loaded; want an error")
			}
			if len(probs) == 0 || !strings.HasPrefix(probs[0].String(), tt.want) {
				t.Fatalf("first problem %q, want prefix %q", first(probs), tt.want)
			}
		})
	}
}

const (
	longJSONHead = `{"parley": 1, "title": "T", "parties": [{"id": "a", "name": "A"}], "summary": "`
	longJSONTail = `", "x": }`
)

func deepBlock(n int) string {
	var b strings.Builder
	for i := range n {
		b.WriteString(strings.Repeat(" ", i) + "k:\n")
	}
	return b.String()
}

func first(ps data.Problems) string {
	if len(ps) == 0 {
		return ""
	}
	return ps[0].String()
}

func TestStatementFileWithOneBrokenLineNamesFileAndLine(t *testing.T) {
	dossier := "parley: 1\ntitle: T\nparties: [{id: a, name: A}]\nstatement_files: [more.jsonl]\n"
	jsonl := `{"id": "s1", "kind": "reported", "party": "a", "text": "one"}
{"id": "s2", "kind": "reported", "party": "a", "text": "two"
{"id": "s3", "kind": "reported", "party": "zz", "text": "three"}
`
	_, probs, err := data.Parse("d.yaml", []byte(dossier), fstest.MapFS{"more.jsonl": {Data: []byte(jsonl)}})
	if err == nil {
		t.Fatal("loaded; want errors")
	}
	var got []string
	for _, p := range probs {
		got = append(got, p.String())
	}
	want := []string{
		`more.jsonl:2:61: error: expected ',' or '}', found end of line`,
		`more.jsonl:3:43: error: statement "s3": unknown party "zz"`,
	}
	if strings.Join(got, "\n") != strings.Join(want, "\n") {
		t.Fatalf("problems:\n%s\nwant:\n%s", strings.Join(got, "\n"), strings.Join(want, "\n"))
	}
}

func TestUnverifiedQuotesWarnOneByOneUpToAPoint(t *testing.T) {
	var b strings.Builder
	b.WriteString("parley: 1\ntitle: T\nsources: [{id: web, url: \"https://example.org\"}]\nparties: [{id: a, name: A}]\nstatements:\n")
	for i := range 25 {
		fmt.Fprintf(&b, "  - {id: q%d, kind: quote, party: a, text: \"Words %d.\", source: web}\n", i, i)
	}
	_, probs, err := data.Parse("t.yaml", []byte(b.String()), nil)
	if err != nil {
		t.Fatal(err)
	}
	if len(probs) != 21 {
		t.Fatalf("%d problems, want 20 quotes and one summary", len(probs))
	}
	if got := probs[0].String(); got != `t.yaml:3:11: warning: source "web" has no text: 5 more quotes from it are unverified` {
		t.Errorf("summary: %s", got)
	}
}
