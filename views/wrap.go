package views

import (
	"strings"

	"github.com/charmbracelet/x/ansi"
	"github.com/parley-dev/parley/data"
)

// Wrap breaks plain text into lines at most width cells wide, measuring
// grapheme clusters the way the terminal draws them (CJK and emoji take two
// cells, combining marks none). It breaks at spaces, after wide characters
// (CJK has no spaces between words), and inside a word only when the word
// alone is wider than the line. Newlines in the text are kept.
func Wrap(text string, width int) []string {
	spans := wrapSpans(text, width)
	lines := make([]string, len(spans))
	for i, s := range spans {
		lines[i] = text[s.Start:s.End]
	}
	return lines
}

// wrapSpans is Wrap as byte ranges of text, so a caller can style part of
// a wrapped passage (a statement inside its paragraph).
func wrapSpans(text string, width int) []data.Span {
	width = max(width, 1)
	var out []data.Span
	start := 0
	for {
		nl := strings.IndexByte(text[start:], '\n')
		end := len(text)
		if nl >= 0 {
			end = start + nl
		}
		out = wrapLine(text, start, end, width, out)
		if nl < 0 {
			return out
		}
		start = end + 1
	}
}

// wrapLine wraps text[start:end], which holds no newline, greedily: words
// (runs of narrow graphemes, or a single wide one) are laid out left to
// right, and the spaces at a break are dropped. The first line keeps its
// indentation when there is room for it.
func wrapLine(text string, start, end, width int, out []data.Span) []data.Span {
	i := start
	for i < end && text[i] == ' ' {
		i++
	}
	lineStart, lineEnd, lineW := i, i, 0
	if indent := i - start; indent > 0 && indent < width/2 {
		lineStart, lineW = start, indent
	}
	hasWord := false
	spaceW := 0 // spaces after lineEnd, pending until the next word
	emit := func() { out = append(out, data.Span{Start: lineStart, End: lineEnd}) }
	for i < end {
		if text[i] == ' ' {
			j := i
			for j < end && text[j] == ' ' {
				j++
			}
			spaceW = j - i
			i = j
			continue
		}
		// The next word: narrow graphemes up to a space or a wide one, or
		// one wide grapheme, since East Asian text breaks between characters.
		j, ww := i, 0
		for j < end && text[j] != ' ' {
			if asciiCluster(text, j, end) {
				j++
				ww++
				continue
			}
			cluster, w := ansi.FirstGraphemeCluster(text[j:end], ansi.GraphemeWidth)
			if len(cluster) == 0 || w > 1 && j > i {
				break
			}
			j += len(cluster)
			ww += w
			if w > 1 {
				break
			}
		}
		if j == i { // never loop forever on input the segmenter rejects
			j = i + 1
		}
		gap := 0
		if hasWord {
			gap = spaceW
		}
		if lineW+gap+ww <= width {
			lineEnd, lineW = j, lineW+gap+ww
		} else {
			if hasWord {
				emit()
				lineStart, lineEnd, lineW = i, i, 0
			}
			// Lay the word out, cutting it where it is wider than a line.
			for k := i; k < j; {
				cluster, w := ansi.FirstGraphemeCluster(text[k:j], ansi.GraphemeWidth)
				if len(cluster) == 0 {
					cluster = text[k : k+1]
				}
				if lineW+w > width && lineW > 0 {
					emit()
					lineStart, lineEnd, lineW = k, k, 0
				}
				k += len(cluster)
				lineEnd, lineW = k, lineW+w
			}
		}
		hasWord, spaceW = true, 0
		i = j
	}
	emit()
	return out
}

// asciiCluster reports whether text[i] is a grapheme cluster on its own:
// an ASCII character not followed by a combining mark or joiner, one cell
// wide (control characters are gone before text reaches the screen).
func asciiCluster(text string, i, end int) bool {
	return text[i] < 0x80 && (i+1 == end || text[i+1] < 0x80)
}

// Fit pads or cuts a styled line to exactly width cells.
func Fit(line string, width int) string {
	if width <= 0 {
		return ""
	}
	w := ansi.StringWidth(line)
	switch {
	case w == width:
		return line
	case w < width:
		return line + strings.Repeat(" ", width-w)
	}
	line = ansi.Truncate(line, width, "…")
	if w := ansi.StringWidth(line); w < width {
		line += strings.Repeat(" ", width-w)
	}
	return line
}

// Truncate cuts a plain string to width cells, ending it with "…" when cut.
func Truncate(s string, width int) string {
	if width <= 0 {
		return ""
	}
	if ansi.StringWidth(s) <= width {
		return s
	}
	return ansi.Truncate(s, width, "…")
}

// Indent wraps text to width less the indent's width and indents every line.
func Indent(text string, width int, first, rest string) []string {
	fw, rw := ansi.StringWidth(first), ansi.StringWidth(rest)
	w := max(width-max(fw, rw), 1)
	lines := Wrap(text, w)
	for i := range lines {
		if i == 0 {
			lines[i] = first + lines[i]
		} else {
			lines[i] = rest + lines[i]
		}
	}
	return lines
}
