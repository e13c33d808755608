package views

import (
	"fmt"
	"strings"
	"testing"

	"github.com/charmbracelet/x/ansi"
)

func TestUnboxKeepsWidthAndMarksTheGutter(t *testing.T) {
	for _, tc := range []struct{ in, want string }{
		{"╭─ US ─╮", "   US   "},
		{"▌ selected", "> selected"},
		{"“quoted” — no boxes", "“quoted” — no boxes"},
	} {
		if got := Unbox(tc.in); got != tc.want || ansi.StringWidth(got) != ansi.StringWidth(tc.in) {
			t.Errorf("Unbox(%q) = %q, want %q of the same width", tc.in, got, tc.want)
		}
	}
}

// A pane in plain mode is its title, its lines with "> " before the
// selection, and where the view stands: no frame, exactly its size.
func TestPlainPaneHasNoFrame(t *testing.T) {
	d := testDossier(t)
	th := AccessibleTheme(d, true, true)
	c := &Content{Lines: []string{"one", "two", "three", "four"}, Blocks: []Block{{Start: 1, End: 3}}}
	got := ansi.Strip(th.Render(Pane{Title: "Thread", Content: c, Mark: 0, Width: 20, Height: 4}))
	want := []string{"Thread", "one", "> two", "lines 1 to 2 of 4"}
	lines := strings.Split(got, "\n")
	for i, l := range lines {
		if ansi.StringWidth(l) != 20 || i >= len(want) || strings.TrimRight(l, " ") != want[i] {
			t.Fatalf("plain pane:\n%s\nwant the lines %q, 20 cells each", got, want)
		}
	}
}

func TestPlainHeaderSpansFindTheTabs(t *testing.T) {
	d := testDossier(t)
	tabs := []string{"Compare", "Demands", "Matrix"}
	line, spans := PlainHeader(d, tabs, 1, 200, Status{}, AccessibleTheme(d, true, true))
	plain := ansi.Strip(line)
	if !strings.HasPrefix(plain, "parley: "+d.Title) || !strings.Contains(plain, "2 Demands (current), 3 Matrix.") {
		t.Fatalf("header %q", plain)
	}
	for i, sp := range spans {
		want := fmt.Sprintf("%d %s", i+1, tabs[i])
		if got := ansi.Cut(plain, sp.Start, sp.End); !strings.HasPrefix(got, want) {
			t.Errorf("span %d covers %q, want %q", i, got, want)
		}
	}
}
