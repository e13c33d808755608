package data

import (
	"index/suffixarray"
	"strings"
	"testing"
	"testing/fstest"
	"unicode/utf8"
)

// safeForTerminal reports the first rune that must never reach a terminal.
func unsafeRune(s string) (rune, bool) {
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

func FuzzSanitize(f *testing.F) {
	for _, seed := range []string{
		"plain", "tab\there", "\x1b]52;c;ZXZpbA==\a", "\x1b]0;title\x07", "\x1b[2J", "\x9b2J", "\u009b2J",
		"\x1b]8;;http://x\x1b\\link\x1b]8;;\x1b\\", "safe\rEVIL", "back\bspace", "bell\a", "\u202eevil", "a\r\nb",
		"\xff\xfe", "日本語\t表", "e\u0301", "\x1b", "\x1b[", "\x1bP+q\x1b\\",
	} {
		f.Add(seed)
	}
	f.Fuzz(func(t *testing.T, in string) {
		out, removed := Sanitize(in)
		if r, bad := unsafeRune(out); bad {
			t.Fatalf("Sanitize(%q) = %q keeps %U", in, out, r)
		}
		if !utf8.ValidString(out) {
			t.Fatalf("Sanitize(%q) = %q is not valid UTF-8", in, out)
		}
		if strings.ContainsRune(out, '\t') {
			t.Fatalf("Sanitize(%q) kept a tab", in)
		}
		if !removed && !keepsEveryRune(in, out) {
			t.Fatalf("Sanitize(%q) = %q dropped text but did not say so", in, out)
		}
		if removed && out == in {
			t.Fatalf("Sanitize(%q) says it removed something but changed nothing", in)
		}
		if again, _ := Sanitize(out); again != out {
			t.Fatalf("not idempotent: %q → %q → %q", in, out, again)
		}
	})
}

// keepsEveryRune reports whether out holds every rune of in, in order, but
// for tabs and the CR of CR LF (which become spaces and LF).
func keepsEveryRune(in, out string) bool {
	want := strings.ReplaceAll(strings.ReplaceAll(in, "\r\n", "\n"), "\t", "")
	got := strings.ReplaceAll(out, " ", "")
	return strings.ReplaceAll(want, " ", "") == got
}

func FuzzFindPassage(f *testing.F) {
	f.Add("He said “we stand firmly” and — later — “we stand firmly” again.", "we stand firmly", "", "again")
	f.Add("a  b\n\nc", "b c", "a", "")
	f.Add("’’’", "'", "", "")
	f.Add("", "x", "", "")
	f.Fuzz(func(t *testing.T, src, passage, prefix, suffix string) {
		norm := normalize(src)
		res := findPassage(&norm, passage, prefix, suffix)
		// The suffix array a much-searched long text gets finds the same.
		indexed := normalize(src)
		indexed.sa = suffixarray.New([]byte(indexed.text))
		if got := findPassage(&indexed, passage, prefix, suffix); got != res {
			t.Fatalf("with a suffix array %+v, scanning %+v", got, res)
		}
		if res.kept > res.found {
			t.Fatalf("kept %d > found %d", res.kept, res.found)
		}
		if res.kept == 0 {
			return
		}
		sp := res.span
		if sp.Start < 0 || sp.End > len(src) || sp.Start >= sp.End {
			t.Fatalf("span %v out of bounds for %d bytes", sp, len(src))
		}
		// The anchored text is the passage, up to the normalisation.
		if got, want := normalize(src[sp.Start:sp.End]).text, normalize(passage).text; got != want {
			t.Fatalf("anchored %q, normalised %q, want %q", src[sp.Start:sp.End], got, want)
		}
	})
}

func FuzzStatementFile(f *testing.F) {
	f.Add(`{"id": "s1", "kind": "quote", "party": "a", "text": "hello", "source": "src"}` + "\n")
	f.Add(`{"id": "s1", "kind": "reported", "party": "a", "text": "x", "anchor": {"exact": "hello"}, "source": "src"}` + "\n{bad\n")
	f.Add("\n\n// comment\n[1,2]\n")
	f.Fuzz(func(t *testing.T, jsonl string) {
		dossier := "parley: 1\ntitle: T\nparties: [{id: a, name: A}]\nsources: [{id: src, text: \"hello world\"}]\nstatement_files: [more.jsonl]\n"
		fsys := fstest.MapFS{"more.jsonl": {Data: []byte(jsonl)}}
		d, probs, err := Parse("d.yaml", []byte(dossier), fsys)
		if err == nil && d == nil {
			t.Fatal("no error and no dossier")
		}
		for _, p := range probs {
			if p.Pos.File == "more.jsonl" && p.Pos.Line == 0 && p.Severity == SeverityError && !strings.Contains(p.Message, "binary") && !strings.Contains(p.Message, "empty") {
				t.Fatalf("a problem in the statement file without a line: %v", p)
			}
		}
	})
}
