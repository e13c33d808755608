package views

import (
	"strings"
	"testing"

	"github.com/charmbracelet/x/ansi"
	"github.com/parley-dev/parley/data"
)

// Every tab stays in the header, and clickable, however narrow the
// terminal: whole names when they fit, then four letters, then numbers
// with the active tab named.
func TestHeaderKeepsEveryTab(t *testing.T) {
	d := &data.Dossier{Title: "Harbour access talks"}
	tabs := []string{"Compare", "Demands", "Matrix", "Source", "Timeline", "Quotes", "Review"}
	tests := []struct {
		width int
		want  string
	}{
		{120, " 1 Compare  2 Demands  3 Matrix  4 Source  5 Timeline  6 Quotes  7 Review "},
		{70, " 1 Comp  2 Dema  3 Matr  4 Sour  5 Time  6 Quot  7 Revi "},
		{40, " 1  2  3 Matrix  4  5  6  7 "},
	}
	for _, tt := range tests {
		line, spans := Header(d, tabs, 2, tt.width, Status{}, NewTheme(d, true, true))
		line = ansi.Strip(line)
		if ansi.StringWidth(line) > tt.width {
			t.Errorf("width %d: the header is %d wide", tt.width, ansi.StringWidth(line))
		}
		if !strings.HasPrefix(line, tt.want) {
			t.Errorf("width %d: %q, want it to start %q", tt.width, line, tt.want)
		}
		if len(spans) != len(tabs) {
			t.Errorf("width %d: %d tabs can be clicked, of %d", tt.width, len(spans), len(tabs))
		}
	}
}
