package views

import (
	"testing"

	"charm.land/lipgloss/v2"
	"github.com/parley-dev/parley/data"
)

// A styler styles a line exactly as Lip Gloss does, for every style the
// timeline uses, on dark, light and colourless themes.
func TestStylerMatchesRender(t *testing.T) {
	d, _, err := data.LoadEmbedded()
	if err != nil {
		t.Fatal(err)
	}
	for _, th := range []*Theme{NewTheme(d, true, false), NewTheme(d, false, false), NewTheme(d, true, true), PlainTheme()} {
		styles := []lipgloss.Style{th.Heading, th.Muted, th.Quote, th.Reported, th.Party("us"), th.Party("nobody")}
		for i, s := range styles {
			for _, text := range []string{"plain words", "“quoted” — 日本語 👍", "", "  two  spaces  ", "┃ box ▌ drawing ─"} {
				if got, want := newStyler(s).render(text), s.Render(text); got != want {
					t.Errorf("theme dark=%v nocolor=%v style %d %q: %q, Render gives %q", th.Dark, th.NoColor, i, text, got, want)
				}
			}
		}
	}
}

func TestFlatLineIsFlatten(t *testing.T) {
	for _, s := range []string{"", " ", "one line", " lead", "trail ", "two  spaces", "tab\there", "new\nline", "nbsp\u00a0here", "ideo\u3000space", "日本語 テキスト", "e\u0301 ok"} {
		if got, want := flatLine(s), flatten(s); got != want {
			t.Errorf("flatLine(%q) = %q, flatten gives %q", s, got, want)
		}
	}
}
