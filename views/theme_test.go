package views

import (
	"strings"
	"testing"

	"github.com/parley-dev/parley/data"
)

func testDossier(t *testing.T) *data.Dossier {
	t.Helper()
	d, _, err := data.LoadEmbedded()
	if err != nil {
		t.Fatal(err)
	}
	return d
}

// With NO_COLOR there is no colour at all, yet focus and stance are still
// marked: by a heavy border, reverse video, bold, and glyph and word.
func TestNoColorKeepsMarksWithoutColour(t *testing.T) {
	d := testDossier(t)
	th := NewTheme(d, true, true)
	topic := d.Topic("nato-expansion")
	c := PositionContent(d, d.Party("russia"), topic, 30, th)
	focused := th.Render(Pane{Title: "RU · Russia", Badge: th.PartyChip("russia"), Content: c, Focused: true, Mark: 0, Width: 34, Height: 12})
	if seq := colourSGR(focused); seq != "" {
		t.Fatalf("colour sequence %q in a NO_COLOR frame", seq)
	}
	if !strings.Contains(focused, "┏") || !hasSGR(focused, "7") || !hasSGR(focused, "1") {
		t.Error("focused pane lacks its heavy border, reverse title or bold")
	}
	if !strings.Contains(focused, "✓ support") {
		t.Error("stance is not written as glyph and word")
	}
	if strings.Contains(focused, "●") {
		t.Error("colour chip drawn without colour")
	}
}

func TestColourThemesDifferForDarkAndLight(t *testing.T) {
	d := testDossier(t)
	dark, light := NewTheme(d, true, false), NewTheme(d, false, false)
	if colourSGR(dark.StanceBadge(data.StanceSupport)) == "" {
		t.Error("the colour theme draws support without colour")
	}
	if dark.StanceBadge(data.StanceSupport) == light.StanceBadge(data.StanceSupport) {
		t.Error("support looks the same on dark and light backgrounds")
	}
	if dark.Party("us").Render("x") == dark.Party("russia").Render("x") {
		t.Error("two parties share a colour")
	}
}

func TestPlainThemeWritesNoEscapes(t *testing.T) {
	d := testDossier(t)
	for _, s := range []string{
		CompareText(d, data.CompareOf(d, []string{"us", "russia", "nato"}, ""), 120),
		CompareText(d, data.CompareOf(d, []string{"us", "russia"}, "ukraine-sovereignty"), 80),
		DemandsText(d, data.DemandsOf(d), 72),
	} {
		if strings.ContainsRune(s, '\x1b') {
			t.Fatalf("escape sequence in plain text:\n%q", s)
		}
	}
}

// sgrParams lists the parameters of every SGR sequence in s.
func sgrParams(s string) [][]string {
	var out [][]string
	for _, part := range strings.Split(s, "\x1b[")[1:] {
		end := strings.IndexFunc(part, func(r rune) bool { return r < '0' || r > '9' && r != ';' && r != ':' })
		if end < 0 || part[end] != 'm' {
			continue
		}
		out = append(out, strings.FieldsFunc(part[:end], func(r rune) bool { return r == ';' || r == ':' }))
	}
	return out
}

// colourSGR is the first SGR sequence that sets a colour, or "".
func colourSGR(s string) string {
	for _, ps := range sgrParams(s) {
		for _, p := range ps {
			switch {
			case len(p) == 2 && (p[0] == '3' || p[0] == '4' || p[0] == '9') && p[1] >= '0' && p[1] <= '8',
				len(p) == 3 && p[:2] == "10":
				return strings.Join(ps, ";")
			}
		}
	}
	return ""
}

func hasSGR(s, param string) bool {
	for _, ps := range sgrParams(s) {
		for _, p := range ps {
			if p == param {
				return true
			}
		}
	}
	return false
}
