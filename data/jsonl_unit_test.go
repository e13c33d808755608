package data

import (
	"encoding/binary"
	"encoding/json"
	"math/rand/v2"
	"strings"
	"testing"
	"unicode/utf8"
)

func TestSpecial8(t *testing.T) {
	naive := func(b []byte) bool {
		for _, c := range b {
			if c < 0x20 || c >= 0x7f || c == '"' || c == '\\' {
				return true
			}
		}
		return false
	}
	r := rand.New(rand.NewPCG(5, 6))
	interesting := []byte{0, 0x1f, 0x20, 0x21, '"', '\\', 0x7e, 0x7f, 0x80, 0xff, 'a', ' ', '[', ']', 0x5b, 0x5d, 0x23}
	var b [8]byte
	for range 200000 {
		for i := range b {
			if r.IntN(4) == 0 {
				b[i] = byte(r.IntN(256))
			} else {
				b[i] = interesting[r.IntN(len(interesting))]
			}
		}
		if got, want := special8(binary.LittleEndian.Uint64(b[:])), naive(b[:]); got != want {
			t.Fatalf("special8(%q) = %v, want %v", b, got, want)
		}
	}
}

func TestUnsafeRuneAtMatchesIsCleanUnicode(t *testing.T) {
	for r := rune(0x80); r <= utf8.MaxRune; r++ {
		if !utf8.ValidRune(r) {
			continue
		}
		s := string(r)
		if got, want := unsafeRuneAt([]byte(s)), !isCleanUnicode(s); got != want {
			t.Fatalf("U+%04X: unsafeRuneAt %v, isCleanUnicode %v", r, got, !want)
		}
		if lead := strByte[s[0]] == sbLead; !lead && unsafeRuneAt([]byte(s)) {
			t.Fatalf("U+%04X is unsafe but its lead byte is not marked", r)
		}
	}
}

// str must read what encoding/json reads (jsonParser.string uses it), and
// say clean only where Sanitize changes nothing.
func TestJSONLStringMatchesEncodingJSON(t *testing.T) {
	pieces := []string{"a", " ", "\\n", "\\t", "\\r", "\\b", "\\f", "\\/", "\\\\", "\\\"", "\\u0041", "\\u00e9", "\\u001b", "\\u2028",
		"\\ud83d\\ude00", "\\ud83d", "\\ude00", "\\ud83dx", "\\ud83d\\u0041", "\\ud83d\\ud83d", "\\uDBFF\\uDFFF", "é", "“", "\u009b", "\u202e",
		"\u2066", "\ufffd", "\x7f", "\u00a0", "日本", "\\x", "\\u12", "\\'", "\t", "\x01", "\\", "\\u00"}
	r := rand.New(rand.NewPCG(7, 8))
	var jr jsonlDecoder
	for range 100000 {
		var b strings.Builder
		b.WriteByte('"')
		for range r.IntN(8) {
			b.WriteString(pieces[r.IntN(len(pieces))])
		}
		b.WriteByte('"')
		raw := b.String()
		p := lineScan{b: []byte(raw + ",")}
		got, clean, ok := jr.str(&p)
		if !ok {
			var s string
			if err := json.Unmarshal([]byte(raw), &s); err == nil {
				t.Fatalf("%q: fast path declined a string encoding/json reads as %q", raw, s)
			}
			continue
		}
		// The string may end before raw does (at an unescaped quote).
		var want string
		if err := json.Unmarshal([]byte(raw[:p.i]), &want); err != nil {
			t.Fatalf("%q: fast path read %q, encoding/json fails on %q: %v", raw, got, raw[:p.i], err)
		}
		if got != want {
			t.Fatalf("%q: fast path read %q, encoding/json %q", raw, got, want)
		}
		if s, removed := Sanitize(got); clean && (removed || s != got) {
			t.Fatalf("%q: clean, but Sanitize makes %q (removed %v)", raw, s, removed)
		}
	}
}

func TestStatementWhat(t *testing.T) {
	for _, id := range []string{"", "s1", "a b", `q"uote`, `back\slash`, "tab\t", "é", "\x7f", "~", "\u202e", "日本"} {
		if got, want := statementWhat(id), "statement "+quoteID(id); got != want {
			t.Errorf("statementWhat(%q) = %q, want %q", id, got, want)
		}
	}
}
