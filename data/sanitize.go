package data

import (
	"strings"
	"unicode/utf8"

	"github.com/charmbracelet/x/ansi"
)

// TabWidth is how far apart tab stops are when tabs are expanded.
const TabWidth = 4

// Sanitize makes untrusted dossier text safe to show in a terminal: escape
// sequences are removed, then every control character but newline; tabs are
// expanded to spaces; CR LF becomes LF and a lone CR a space (so text hidden
// behind a carriage return stays visible). Bidirectional overrides and
// isolates (U+202A–U+202E, U+2066–U+2069) are removed too: they can make a
// quote display in a different order than it reads, and right-to-left
// scripts display correctly without them. It reports whether it removed
// anything unsafe; expanding tabs and CR LF line ends do not count.
func Sanitize(s string) (clean string, removed bool) {
	if isPlain(s) {
		return s, false
	}
	t := ansi.Strip(s)
	removed = len(t) != len(s)
	var b strings.Builder
	b.Grow(len(t))
	col := 0
	for i := 0; i < len(t); {
		r, size := utf8.DecodeRuneInString(t[i:])
		i += size
		switch {
		case r == '\n':
			b.WriteByte('\n')
			col = 0
		case r == '\t':
			n := TabWidth - col%TabWidth
			b.WriteString("    "[:n])
			col += n
		case r == '\r':
			if i < len(t) && t[i] == '\n' {
				continue
			}
			b.WriteByte(' ')
			col++
			removed = true
		case r == utf8.RuneError && size == 1:
			b.WriteRune(utf8.RuneError)
			col++
			removed = true
		case r < 0x20 || r == 0x7f || (r >= 0x80 && r < 0xa0):
			removed = true
		case r >= 0x202a && r <= 0x202e, r >= 0x2066 && r <= 0x2069:
			removed = true
		default:
			b.WriteRune(r)
			col++
		}
	}
	return b.String(), removed
}

// isPlain reports whether s is printable ASCII and newlines only, the
// common case, which needs no work.
func isPlain(s string) bool {
	for i := 0; i < len(s); i++ {
		c := s[i]
		if (c < 0x20 && c != '\n') || c >= 0x7f {
			return isCleanUnicode(s[i:])
		}
	}
	return true
}

// isCleanUnicode reports whether s holds no control, escape or bidi
// override character, so non-ASCII text also skips the rebuild.
func isCleanUnicode(s string) bool {
	for _, r := range s {
		switch {
		case r == '\n':
		case r < 0x20 || r == 0x7f || (r >= 0x80 && r < 0xa0):
			return false
		case r >= 0x202a && r <= 0x202e, r >= 0x2066 && r <= 0x2069:
			return false
		case r == utf8.RuneError:
			return false
		}
	}
	return true
}
