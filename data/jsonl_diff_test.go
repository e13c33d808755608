package data

import (
	"fmt"
	"math/rand/v2"
	"reflect"
	"regexp"
	"strconv"
	"strings"
	"testing"
	"testing/fstest"
)

// The fast path for statement files must give what the slow path gives:
// the same statements, field for field, and the same problems, at the same
// places, in the same order.

const diffDossier = `parley: 1
title: T
parties:
  - {id: a, name: A}
  - {id: b, name: B}
actors:
  - {id: ann, name: Ann, party: a}
  - {id: bob, name: Bob, party: b}
  - {id: nop, name: No party}
topics:
  - {id: t1, title: One}
  - {id: t2, title: Two, parent: t1}
sources:
  - {id: src, text: "hello world. We stand firmly. Twice: we stand firmly. The “curly” one — with a dash.\n\nSecond paragraph, hello again."}
  - {id: web, url: "https://example.org"}
  - {id: wire, title: A wire report, url: "https://example.org/wire"}
statements:
  - {id: y1, kind: reported, party: a, text: From the dossier.}
statement_files: [more.jsonl]
`

// diffDossier11 is diffDossier in format 1.1, where the fields 1.1 added
// are read (and may take the fast path) instead of warned about.
var diffDossier11 = strings.Replace(diffDossier, "parley: 1\n", "parley: 1.1\n", 1)

type parsed struct {
	stmts []Statement
	probs Problems
	err   bool
}

func parseStatementFile(t testing.TB, dossier, jsonl string, slow bool) parsed {
	t.Helper()
	fsys := fstest.MapFS{"more.jsonl": {Data: []byte(jsonl)}}
	d, probs, err := parseFS("d.yaml", []byte(dossier), fsys, fileHooks{slowJSONL: slow})
	out := parsed{probs: probs, err: err != nil}
	if d != nil {
		for _, s := range d.Statements {
			out.stmts = append(out.stmts, *s)
		}
	}
	if err != nil {
		// The dossier is not returned: compare what was read instead.
		out.stmts = nil
	}
	return out
}

// sameBothWays fails the test when the two paths differ on jsonl, in a
// dossier of format 1 and in one of format 1.1. It returns what the
// version-1 dossier read.
func sameBothWays(t testing.TB, jsonl string) parsed {
	t.Helper()
	sameBothWaysIn(t, diffDossier11, jsonl)
	return sameBothWaysIn(t, diffDossier, jsonl)
}

func sameBothWaysIn(t testing.TB, dossier, jsonl string) parsed {
	t.Helper()
	fast := parseStatementFile(t, dossier, jsonl, false)
	slow := parseStatementFile(t, dossier, jsonl, true)
	if fast.err != slow.err {
		t.Fatalf("%q: error %v on the fast path, %v on the slow", jsonl, fast.err, slow.err)
	}
	if !reflect.DeepEqual(withoutHints(fast.probs), withoutHints(slow.probs)) {
		t.Fatalf("%q: problems differ\nfast:\n%s\nslow:\n%s", jsonl, fast.probs, slow.probs)
	}
	if len(fast.stmts) != len(slow.stmts) {
		t.Fatalf("%q: %d statements on the fast path, %d on the slow", jsonl, len(fast.stmts), len(slow.stmts))
	}
	for i := range fast.stmts {
		if !reflect.DeepEqual(fast.stmts[i], slow.stmts[i]) {
			t.Fatalf("%q: statement %d differs\nfast: %#v\nslow: %#v", jsonl, i, fast.stmts[i], slow.stmts[i])
		}
	}
	return fast
}

// didYouMean is the hint of validator.ref and record.done. It is left out
// of the comparison: with two candidates at the same distance the one
// named depends on map order (validator.ref), on either path.
var didYouMean = regexp.MustCompile(`( \(did you mean "[^"]*"\?\)|; did you mean "[^"]*"\?)`)

func withoutHints(ps Problems) Problems {
	out := make(Problems, len(ps))
	for i, p := range ps {
		p.Message = didYouMean.ReplaceAllString(p.Message, "")
		out[i] = p
	}
	return out
}

// The lines run one by one and all together (so one line's id, or the
// count of unverified quotes, affects the next).
var diffLines = []string{
	// valid, and the shapes the fast path takes
	`{"id": "s1", "kind": "reported", "party": "a", "text": "one"}`,
	`{"id":"s2","kind":"quote","actor":"ann","text":"hello world","topics":["t1","t2"],"date":"2022-01-21","source":"src"}`,
	`  {"id" : "s3" , "kind" : "quote" , "actor" : "ann" , "text" : "We stand firmly." , "source" : "src" , "anchor" : {"prefix": "Twice:"}}  `,
	"\t{\"id\":\"s4\",\"kind\":\"reported\",\"party\":\"b\",\"text\":\"x\",\"topics\":\"t1\"}\r",
	`{"id":"s5","kind":"reported","party":"a","text":"t","topics":[],"anchor":{}}`,
	`{"id":"s6","kind":"reported","party":"a","text":"t","topics":null,"anchor":null,"date":null,"actor":null,"note":null,"source":null}`,
	`{"id":"s7","kind":"reported","party":"a","text":"hello","source":"src","anchor":{"exact":"hello world","suffix":null}}`,
	`{"id":"s8","kind":"quote","actor":"bob","text":"The \"curly\" one – with a dash.","source":"src"}`,
	`{"id":"s9","kind":"reported","actor":"nop","party":"a","text":"no actor party"}`,
	`{"id":"s10","kind":"reported","actor":"ann","party":"b","text":"differs","note":"on purpose"}`,
	`{"id":"s11","kind":"reported","note":"nobody said it","text":"anonymous"}`,
	`{"id":"s12","kind":"quote","party":"a","text":"words","source":"web"}`,
	`{"id":"s13","kind":"reported","party":"a","text":"w","source":"web","anchor":{"exact":"w"}}`,
	`{"id":"s14","kind":"reported","party":"a","text":"w","source":"src"}`,
	`{"id":"s15","kind":"reported","party":"a","text":"w","date":"2022-01..2022-03","topics":["t2"]}`,
	`{"id":"s16","kind":"reported","party":"a","text":"w","date":" 2022 "}`,
	// strings: escapes, unicode, things Sanitize changes or removes
	`{"id":"e1","kind":"reported","party":"a","text":"tab\there\nline \/ \\ \" \u00e9 \u2603 \ud83d\ude00"}`,
	`{"id":"e2","kind":"reported","party":"a","text":"lone \ud800 surrogate \udc00 and \ud800\u0041"}`,
	`{"id":"e3","kind":"reported","party":"a","text":"esc \u001b[2J and bell \u0007"}`,
	`{"id":"e4","kind":"reported","party":"a","text":"C1 ` + "\u009b" + `2J"}`,
	`{"id":"e5","kind":"reported","party":"a","text":"bidi ` + "\u202e" + `evil"}`,
	`{"id":"e6","kind":"reported","party":"a","text":"cr\r\nlf and lone\rcr"}`,
	`{"id":"e7","kind":"reported","party":"a","text":"replacement ` + "\ufffd" + ` char"}`,
	`{"id":"e8","kind":"reported","party":"a","text":"del ` + "\x7f" + ` char"}`,
	`{"id":"e9","kind":"reported","party":"a","text":"日本語 ` + "\u00a0" + `nbsp «guillemets»"}`,
	`{"id":"e10","kind":"reported","party":"a","text":"raw` + "\t" + `tab"}`,
	`{"id":"e11","kind":"reported","party":"a","text":"bad \x escape"}`,
	`{"id":"e12","kind":"reported","party":"a","text":"bad \u12g4 escape"}`,
	`{"id":"e13","kind":"reported","party":"a","text":"single \' quote"}`,
	`{"id":"e\u0031\u0034","kind":"quot\u0065","party":"\u0061","text":"escaped id"}`,
	`{"\u0069d":"e15","kind":"reported","party":"a","text":"escaped key"}`,
	`{"id":"e16","kind":"reported","party":"a","text":"` + "\u00a0" + `"}`,
	`{"id":"e17","kind":"reported","party":"a","text":"\t "}`,
	`{"id":"e 18","kind":"reported","party":"a","text":"space in id"}`,
	`{"id":"e19\t","kind":"reported","party":"a","text":"tab in id"}`,
	`{"id":"e20","kind":"reported","party":"a","text":"x","topics":["t1","\u001b[1m"]}`,
	`{"id":"e21","kind":"reported","party":"a","text":"x","anchor":{"exact":"\u0007"}}`,
	`{"id":"e22","kind":"reported","party":"a","text":"x","note":"\u202e"}`,
	`{"id":"e23","kind":"reported","actor":"ann","text":"x","topics":["t1 t2"]}`,
	`{"id":"` + "\u00a0" + `","kind":"reported","party":"a","text":"nbsp id"}`,
	// wrong types, unknown and duplicate fields, missing fields
	`{"id":"w1","kind":"reported","party":"a","text":"x","topics":[1,true,null]}`,
	`{"id":"w2","kind":"reported","party":"a","text":"x","date":2022}`,
	`{"id":"w3","kind":"reported","party":"a","text":42}`,
	`{"id":"w4","kind":"reported","party":"a","text":"x","anchor":"exact"}`,
	`{"id":"w5","kind":"reported","party":"a","text":"x","anchor":{"exakt":"x"}}`,
	`{"id":"w6","kind":"reported","party":"a","text":"x","speaker":"ann"}`,
	`{"id":"w7","kind":"reported","party":"a","text":"x","id":"w7b"}`,
	`{"id":"w8","kind":"reported","party":"a","text":"x","anchor":{"exact":"a","exact":"b"}}`,
	`{"id":"w9","kind":"reportd","party":"a","text":"x"}`,
	`{"id":"w10","kind":"","party":"a","text":"x"}`,
	`{"id":"w11","party":"a","text":"x"}`,
	`{"id":"w12","kind":"reported","party":"a"}`,
	`{"id":"w13","kind":"reported","party":"a","text":"   "}`,
	`{"id":"","kind":"reported","party":"a","text":"x"}`,
	`{"kind":"reported","party":"a","text":"x"}`,
	`{"id":null,"kind":"reported","party":"a","text":"x"}`,
	`{"id":"w14","kind":null,"party":"a","text":"x"}`,
	`{"id":"w15","kind":"reported","party":"zz","text":"x"}`,
	`{"id":"w16","kind":"reported","actor":"zed","text":"x"}`,
	`{"id":"w17","kind":"reported","party":"a","text":"x","topics":["t9"]}`,
	`{"id":"w18","kind":"reported","party":"a","text":"x","source":"nope"}`,
	`{"id":"w19","kind":"reported","party":"a","text":"x","date":"2022-13-01"}`,
	`{"id":"w20","kind":"reported","party":"a","text":"x","date":""}`,
	`{"id":"w21","kind":"reported","actor":"ann","party":"b","text":"x"}`,
	`{"id":"w22","kind":"reported","text":"nobody"}`,
	`{"id":"w23","kind":"quote","party":"a","text":"no source"}`,
	`{"id":"w24","kind":"quote","party":"a","text":"not in it","source":"src"}`,
	`{"id":"w25","kind":"quote","party":"a","text":"we stand firmly","source":"src"}`,
	`{"id":"w26","kind":"quote","party":"a","text":"hello","source":"src","anchor":{"exact":"other"}}`,
	`{"id":"w27","kind":"reported","party":"a","text":"x","source":"src","anchor":{"exact":"hello","prefix":"nothing"}}`,
	`{"id":"w28","kind":"reported","party":"a","text":"x","source":"src","anchor":{"exact":"absent"}}`,
	`{"id":"w29","kind":"reported","party":"a","text":"x","topics":"t1","topics":"t2"}`,
	`{"id":"s1","kind":"reported","party":"a","text":"duplicate of s1"}`,
	`{"id":"y1","kind":"reported","party":"a","text":"duplicate of the dossier's"}`,
	`{"id":"w30","kind":"reported","party":"a","text":"x","$schema":"x"}`,
	`{"id":"w31","kind":"reported","party":"a","text":"x","topics":["t1",]}`,
	`{"id":"w32","kind":"reported","party":"a","text":"x","topics":["t1"]]}`,
	`{"id":"w33","kind":"reported","party":"a","text":"x","topics":["t]1"]}`,
	`{"id":"w34","kind":"reported","party":"a","text":"x","note":nul}`,
	`{"id":"w35","kind":"reported","party":"a","text":"x","note":nullx}`,
	`{"id":"w36","kind":"reported","party":"a","text":"x"} {"id":"w37"}`,
	`{"id":"w38","kind":"reported","party":"a","text":"x"}}`,
	`{"id":"w39","kind":"reported","party":"a","text":"x",}`,
	`{"id":"w40","kind":"reported","party":"a","text":"x"`,
	`{"id":"w41","kind":"reported","party":"a","text":"x`,
	`{"id":"w42" "kind":"reported","party":"a","text":"x"}`,
	`{"id":"w43","kind":"reported","party":"a","text":"x"}` + "\u00a0",
	"\u00a0" + `{"id":"w44","kind":"reported","party":"a","text":"x"}`,
	`{}`,
	`[]`,
	`"just a string"`,
	`["s1", "reported"]`,
	`null`,
	`{"id":"w45","kind":"reported","party":"a","text":"x","anchor":{"exact":"x","prefix":"y","suffix":"z","more":1}}`,
	`{"id":"w46","kind":"reported","party":"a","text":"x","anchor":{"exact":1}}`,
	`{"id":"w47","kind":"reported","party":"a","text":"x","anchor":[]}`,
	`{"id":"w48","kind":"reported","party":"a","text":"x","topics":{"a":1}}`,
	`{"id":"w49","kind":"reported","party":"a","text":"x","actor":["ann"]}`,
	`{"id":"w50","kind":"reported","party":"a","text":"x","date":"2022-01-01","date":"2022"}`,
	`{"id":"w51","kind":"reported","party":"a","text":"x","topics":["\u0074\u0031"]}`,
	`{"id":"w52","kind":"reported","party":"a","text":"x","date":"2022\u002d01"}`,
	// added in format 1.1 (warned about and ignored in a version-1 dossier)
	`{"id":"n1","kind":"reported","act":"warning","actor":"ann","via":["bob","wire"],"about":["b"],"text":"hello","source":"src","anchor":{"exact":"hello world"}}`,
	`{"id":"n2","kind":"account","about":"a","text":"hello world.","source":"src"}`,
	`{"id":"n3","kind":"account","about":["a","b"],"act":"demand","text":"paraphrase","source":"src","anchor":{"exact":"Second paragraph"}}`,
	`{"id":"n4","kind":"account","text":"x"}`,
	`{"id":"n5","kind":"account","actor":"ann","text":"hello world","source":"src"}`,
	`{"id":"n6","kind":"account","party":"a","text":"hello world","source":"src"}`,
	`{"id":"n7","kind":"account","text":"not in the text","source":"src"}`,
	`{"id":"n8","kind":"reported","party":"a","act":"warnign","text":"x"}`,
	`{"id":"n9","kind":"reported","party":"a","act":"","text":"x"}`,
	`{"id":"n10","kind":"reported","actor":"ann","via":["zz"],"text":"x"}`,
	`{"id":"n11","kind":"reported","actor":"ann","via":["ann"],"text":"x"}`,
	`{"id":"n12","kind":"reported","actor":"ann","via":"src","text":"x","source":"src","anchor":{"exact":"hello"}}`,
	`{"id":"n13","kind":"reported","actor":"ann","via":[""],"text":"x"}`,
	`{"id":"n14","kind":"reported","party":"a","about":["zz"],"text":"x"}`,
	`{"id":"n15","kind":"reported","party":"a","about":[1],"text":"x"}`,
	`{"id":"n16","kind":"quote","actor":"ann","text":"hello world","source":"src","draft":{"rule":"r","confidence":0.5,"spans":{"content":[0,11],"cue":[13,15]}}}`,
	`{"id":"n17","kind":"quote","actor":"ann","text":"we stand firmly","source":"src","draft":{"rule":"r","spans":{"content":[13,28]}}}`,
	`{"id":"n18","kind":"reported","actor":"ann","text":"x","source":"src","draft":{"rule":"r","spans":{"content":[0,999]}}}`,
	`{"id":"n19","kind":"reported","actor":"ann","text":"x","act":"offer","act":"offer"}`,
	`// a comment`,
	`   // an indented comment`,
	``,
	`   `,
}

func TestStatementFileFastMatchesSlowLineByLine(t *testing.T) {
	for _, line := range diffLines {
		sameBothWays(t, line+"\n")
	}
}

func TestStatementFileFastMatchesSlowTogether(t *testing.T) {
	all := strings.Join(diffLines, "\n")
	sameBothWays(t, all)
	sameBothWays(t, all+"\n")
	sameBothWays(t, strings.ReplaceAll(all, "\n", "\r\n"))
	// Every line again: now all their ids are duplicates.
	sameBothWays(t, all+"\n"+all)
}

func TestStatementFileFastPathTakesTheCommonLines(t *testing.T) {
	// The lines that should need no slow path do not report anything.
	var b strings.Builder
	for i := range 30 { // more than maxUnverifiedWarnings quotes from web
		fmt.Fprintf(&b, `{"id":"q%d","kind":"quote","actor":"ann","text":"Words %d.","topics":["t1"],"date":"2022-01-21","source":"web"}`+"\n", i, i)
	}
	got := sameBothWays(t, b.String())
	if len(got.stmts) != 31 {
		t.Fatalf("%d statements, want 31", len(got.stmts))
	}
	if n := len(got.probs); n != maxUnverifiedWarnings+1 {
		t.Fatalf("%d problems, want %d", n, maxUnverifiedWarnings+1)
	}
}

// randomLine makes a statement line from pieces that are mostly right and
// sometimes wrong in every way the format can be.
func randomLine(r *rand.Rand, i int) string {
	pick := func(xs ...string) string { return xs[r.IntN(len(xs))] }
	str := func() string {
		var b strings.Builder
		for range r.IntN(12) {
			b.WriteString(pick("a", "b", " ", "hello", "world", "We stand firmly", "“", "—", "日本", "\\n", "\\t", "\\\"", "\\\\", "\\/",
				"\\u00e9", "\\u001b", "\\u0007", "\\ud83d\\ude00", "\\ud800", "\u009b", "\u202e", "\ufffd", "\x7f", "\u00a0", "\\r\\n", "\\r",
				"\\x", "\t", "\\u12", "'", ".", "t1", "src"))
		}
		return `"` + b.String() + `"`
	}
	value := func(good ...string) string {
		switch r.IntN(10) {
		case 0:
			return str()
		case 1:
			return pick("null", "1", "true", "[]", "{}", `["t1"]`, `[1]`, `{"exact":"hello"}`, "2022")
		}
		return pick(good...)
	}
	fields := []string{
		`"id":` + value(fmt.Sprintf(`"r%d"`, i), fmt.Sprintf(`"r%d"`, r.IntN(i+1)), `"s1"`, `""`),
		`"kind":` + value(`"quote"`, `"reported"`, `"reportd"`, `"account"`),
		`"actor":` + value(`"ann"`, `"bob"`, `"nop"`, `"zed"`),
		`"party":` + value(`"a"`, `"b"`, `"zz"`),
		`"text":` + value(`"hello world"`, `"We stand firmly."`, `"we stand firmly"`, `"hello"`, `"The “curly” one — with a dash."`, `"words"`),
		`"topics":` + value(`["t1"]`, `["t1","t2"]`, `"t2"`, `[]`, `["t9"]`),
		`"date":` + value(`"2022-01-21"`, `"2022"`, `"2022-01..2022-02"`, `"21.01.2022"`),
		`"source":` + value(`"src"`, `"web"`, `"nope"`),
		`"anchor":` + value(`{"exact":"hello world"}`, `{"exact":"hello","suffix":"world"}`, `{"prefix":"Twice:"}`, `{}`, `{"exact":"hello","exact":"x"}`),
		`"note":` + value(`"why"`, `""`),
		`"act":` + value(`"demand"`, `"warning"`, `"warnign"`),
		`"via":` + value(`["bob"]`, `["wire"]`, `"ann"`, `["zz"]`, `["bob","wire"]`),
		`"about":` + value(`["a"]`, `["a","b"]`, `"b"`, `["zz"]`),
		`"other":1`,
	}
	r.Shuffle(len(fields), func(a, b int) { fields[a], fields[b] = fields[b], fields[a] })
	fields = fields[:r.IntN(len(fields)+1)]
	if r.IntN(8) == 0 && len(fields) > 0 {
		fields = append(fields, fields[r.IntN(len(fields))]) // a duplicate key
	}
	sep := pick(",", ", ", " , ", ",\t")
	line := pick("{", " {", "\t{ ") + strings.Join(fields, sep) + pick("}", " }", "}\r", "} ")
	if r.IntN(10) == 0 { // break the syntax somewhere
		k := r.IntN(len(line) + 1)
		switch r.IntN(3) {
		case 0:
			line = line[:k] + line[min(k+1, len(line)):]
		case 1:
			line = line[:k] + pick(",", "}", "\"", "[", ":", " ", "\\") + line[k:]
		default:
			line = line[:k]
		}
	}
	return line
}

func TestStatementFileFastMatchesSlowRandom(t *testing.T) {
	r := rand.New(rand.NewPCG(1, 2))
	n := 3000
	if testing.Short() {
		n = 300
	}
	var file strings.Builder
	for i := range n {
		line := randomLine(r, i)
		sameBothWays(t, line+"\n")
		file.WriteString(line + "\n")
		if i%100 == 99 {
			sameBothWays(t, file.String())
			file.Reset()
		}
	}
}

func FuzzStatementFileFastSlow(f *testing.F) {
	for _, l := range diffLines {
		f.Add(l + "\n")
	}
	r := rand.New(rand.NewPCG(3, 4))
	for i := range 50 {
		f.Add(randomLine(r, i) + "\n" + randomLine(r, i+1))
	}
	f.Fuzz(func(t *testing.T, jsonl string) {
		sameBothWays(t, jsonl)
	})
}

// The lines that need nothing said about them take the fast path; the
// others do not (they could not: the fast path says nothing).
func TestStatementFileWhichLinesAreFast(t *testing.T) {
	v1 := `s1 s2 s4 s5 s6 s7 s8 s9 s10 s11 s13 s15 s16 e1 e2 e7 e9 \u00a0 w25 w51 w52`
	for _, c := range []struct {
		version, dossier, fast string
	}{
		{"1", diffDossier, v1},
		// 1.1 reads act, via, about and accounts the fast way too.
		{"1.1", diffDossier11, v1 + " n1 n2 n3 n9"},
	} {
		wantFast := map[string]bool{}
		for _, id := range strings.Fields(c.fast) {
			wantFast[id] = true
		}
		for _, line := range diffLines {
			before := jsonlFastLines.Load()
			got := sameBothWaysIn(t, c.dossier, line+"\n")
			fast := jsonlFastLines.Load() != before
			id := ""
			if len(got.stmts) > 1 {
				id = strings.Trim(strconv.QuoteToASCII(got.stmts[1].ID), `"`)
			}
			if fast != wantFast[id] || (fast && len(got.probs) > 0) {
				t.Errorf("format %s: fast path %v, want %v (%d problems): %s", c.version, fast, wantFast[id], len(got.probs), line)
			}
		}
	}
}
