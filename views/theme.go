// Package views owns parley's rendering: the theme and its semantic styles,
// width-aware wrapping, pane frames and layout, and the pure functions that
// turn (dossier, state, size, theme) into strings, for the explorer and for
// the plain-text output of the command line and its help texts. It keeps no
// state and reads no files; it imports package data (what it draws) and
// Lip Gloss, never package model or Bubble Tea.
package views

import (
	"image/color"
	"strings"

	"charm.land/lipgloss/v2"
	"github.com/parley-dev/parley/data"
)

// Theme is every style the explorer draws with, named for what it shows.
// Build it with NewTheme; the zero-value styles of Plain print no escape
// sequences at all.
type Theme struct {
	Dark    bool // built for a dark background
	NoColor bool // colour is off; bold, reverse and underline still mark things
	Plain   bool // no styling at all (the command line's text output)
	// Accessible is the explorer's plain mode for screen readers (--plain,
	// ACCESSIBLE): no box drawing, panes stacked, one line per item.
	Accessible bool

	Title, Date         lipgloss.Style // header: dossier title and date
	Tab, TabActive      lipgloss.Style // header: screen tabs
	TabKey              lipgloss.Style // the digit that selects a tab
	Rule                lipgloss.Style // separators and unfocused borders
	BorderFocused       lipgloss.Style // the focused pane's border
	PaneTitle           lipgloss.Style // an unfocused pane's title
	PaneTitleFocused    lipgloss.Style // the focused pane's title
	TopicBar, TopicPath lipgloss.Style // the current topic and its ancestors
	Heading             lipgloss.Style // section headings inside a pane
	Summary             lipgloss.Style // a position's summary
	Muted               lipgloss.Style // basis, counts, hints
	Empty               lipgloss.Style // "no stated position", "unanswered"
	Quote               lipgloss.Style // verbatim words
	QuoteBar            lipgloss.Style // the bar that sets a quote apart
	Reported            lipgloss.Style // reported speech
	Account             lipgloss.Style // the source's own account (no speaker)
	AccountBar          lipgloss.Style // the dotted bar that sets an account apart
	Act                 lipgloss.Style // the move a statement makes: "[warning]"
	Proposition         lipgloss.Style // what support and oppose on a topic refer to
	Attribution         lipgloss.Style // speaker and date under a statement
	Selected            lipgloss.Style // the selection marker in the gutter
	SelectedRow         lipgloss.Style // a selected list row
	Highlight           lipgloss.Style // the statement inside its source paragraph
	Cue                 lipgloss.Style // a draft's speech verb ("said") in its source
	Mention             lipgloss.Style // a draft's speaker as the source names them
	Marking             lipgloss.Style // the passage being marked as a new statement
	Notice              lipgloss.Style // the "terminal too small" notice
	HelpKey, HelpDesc   lipgloss.Style // footer key help
	HelpSep             lipgloss.Style

	stance  map[data.Stance]lipgloss.Style
	status  map[data.Status]lipgloss.Style
	parties map[string]lipgloss.Style

	// The escape sequences each style opens and closes a line with, worked
	// out once: Lip Gloss measures and splits every string it renders, far
	// too slow for thousands of wrapped lines.
	inks       map[*lipgloss.Style]ink
	stanceInk  map[data.Stance]ink
	statusInk  map[data.Status]ink
	partiesInk map[string]ink
}

// ink is a style as the text before and after a plain single line.
type ink struct{ pre, post string }

func inkOf(st lipgloss.Style) ink {
	r := st.Render("X") // no SGR sequence holds an X
	i := strings.IndexByte(r, 'X')
	if i < 0 {
		return ink{}
	}
	return ink{r[:i], r[i+1:]}
}

func (k ink) paint(s string) string {
	if s == "" || k.pre == "" && k.post == "" {
		return s
	}
	return k.pre + s + k.post
}

// Paint styles one plain line (no newline, no escape sequences) with one
// of the theme's styles, as st.Render would, only faster.
func (t *Theme) Paint(st *lipgloss.Style, s string) string {
	if t.Accessible {
		s = Unbox(s)
	}
	if k, ok := t.inks[st]; ok {
		return k.paint(s)
	}
	return st.Render(s)
}

// PartyText is s in a party's style, one plain line.
func (t *Theme) PartyText(id, s string) string {
	if t.Accessible {
		s = Unbox(s)
	}
	if k, ok := t.partiesInk[id]; ok {
		return k.paint(s)
	}
	return t.Party(id).Render(s)
}

// styles are the theme's named styles, for what treats them all alike.
func (t *Theme) styles() []*lipgloss.Style {
	return []*lipgloss.Style{
		&t.Title, &t.Date, &t.Tab, &t.TabActive, &t.TabKey, &t.Rule, &t.BorderFocused,
		&t.PaneTitle, &t.PaneTitleFocused, &t.TopicBar, &t.TopicPath, &t.Heading, &t.Summary,
		&t.Muted, &t.Empty, &t.Quote, &t.QuoteBar, &t.Reported, &t.Account, &t.AccountBar, &t.Act, &t.Proposition,
		&t.Attribution, &t.Selected,
		&t.SelectedRow, &t.Highlight, &t.Notice, &t.HelpKey, &t.HelpDesc, &t.HelpSep,
		&t.Cue, &t.Mention, &t.Marking,
	}
}

// measure works out every ink; a theme is read-only after this, so it can
// be shared.
func (t *Theme) measure() {
	t.inks = map[*lipgloss.Style]ink{}
	for _, st := range t.styles() {
		t.inks[st] = inkOf(*st)
	}
	t.stanceInk = map[data.Stance]ink{}
	for k, st := range t.stance {
		t.stanceInk[k] = inkOf(st)
	}
	t.statusInk = map[data.Status]ink{}
	for k, st := range t.status {
		t.statusInk[k] = inkOf(st)
	}
	t.partiesInk = map[string]ink{}
	for k, st := range t.parties {
		t.partiesInk[k] = inkOf(st)
	}
}

// Palettes for parties without a colour of their own, chosen to stay
// readable on their background.
var (
	darkPalette  = []string{"#6fa8ff", "#ff7a6b", "#ffd166", "#7bd88f", "#c792ea", "#4dd0e1", "#f78fb3", "#b0bec5"}
	lightPalette = []string{"#1f57c3", "#c0392b", "#9a6b00", "#1e7d32", "#7b3fa0", "#00796b", "#ad1457", "#455a64"}
)

// NewTheme builds the styles for a dark or light background. Party colours
// come from the dossier, or else from a palette by the party's place in it.
// With noColor every style keeps its weight (bold, reverse, underline) and
// drops its colour.
func NewTheme(d *data.Dossier, dark, noColor bool) *Theme {
	ld := lipgloss.LightDark(dark)
	c := func(light, darkHex string) color.Color {
		if noColor {
			return nil
		}
		return ld(lipgloss.Color(light), lipgloss.Color(darkHex))
	}
	st := func(fg color.Color) lipgloss.Style {
		s := lipgloss.NewStyle()
		if fg != nil {
			s = s.Foreground(fg)
		}
		return s
	}
	var (
		text   = c("#1d1d1d", "#e6e6e6")
		muted  = c("#5f5f5f", "#9a9a9a")
		faint  = c("#8a8a8a", "#6c6c6c")
		accent = c("#6a3fb5", "#b9a3ff")
		quote  = c("#203a70", "#d7e3ff")
	)
	t := &Theme{Dark: dark, NoColor: noColor}
	t.Title = st(text).Bold(true)
	t.Date = st(muted)
	t.Tab = st(muted)
	t.TabActive = st(accent).Bold(true).Underline(true)
	t.TabKey = st(faint)
	t.Rule = st(faint)
	t.BorderFocused = st(accent).Bold(true)
	t.PaneTitle = st(muted).Bold(true)
	t.PaneTitleFocused = st(accent).Bold(true).Reverse(true)
	t.TopicBar = st(text).Bold(true)
	t.TopicPath = st(muted)
	t.Heading = st(text).Bold(true)
	t.Summary = st(text)
	t.Muted = st(muted)
	t.Empty = st(muted).Italic(true)
	t.Quote = st(quote)
	t.QuoteBar = st(accent)
	t.Reported = st(text).Italic(true)
	t.Account = st(text)
	t.AccountBar = st(faint)
	t.Act = st(accent)
	t.Proposition = st(text).Bold(true)
	t.Attribution = st(muted)
	t.Selected = st(accent).Bold(true)
	t.SelectedRow = st(text).Bold(true).Reverse(true)
	t.Highlight = st(text).Bold(true).Underline(true)
	if !noColor {
		t.Highlight = t.Highlight.Background(ld(lipgloss.Color("#fff1a8"), lipgloss.Color("#5c4d00")))
	}
	t.Cue = st(accent).Bold(true).Italic(true).Underline(true)
	t.Mention = st(text).Bold(true).Reverse(true)
	t.Marking = st(text).Reverse(true)
	if !noColor {
		t.Mention = st(text).Bold(true).Background(ld(lipgloss.Color("#c9dcff"), lipgloss.Color("#23406e")))
		t.Marking = st(text).Underline(true).Background(ld(lipgloss.Color("#d7f5dd"), lipgloss.Color("#1f4d2b")))
	}
	t.Notice = st(text).Bold(true)
	t.HelpKey = st(muted).Bold(true)
	t.HelpDesc = st(faint)
	t.HelpSep = st(faint)

	t.stance = map[data.Stance]lipgloss.Style{
		data.StanceSupport:     st(c("#1e7d32", "#7bd88f")).Bold(true),
		data.StanceOppose:      st(c("#b3261e", "#ff7a6b")).Bold(true),
		data.StanceConditional: st(c("#9a6b00", "#ffd166")).Bold(true),
		data.StanceNeutral:     st(muted).Bold(true),
		data.StanceUnclear:     st(muted).Bold(true).Italic(true),
	}
	t.status = map[data.Status]lipgloss.Style{
		data.StatusAccepted:   st(c("#1e7d32", "#7bd88f")).Bold(true),
		data.StatusRejected:   st(c("#b3261e", "#ff7a6b")).Bold(true),
		data.StatusDeferred:   st(c("#9a6b00", "#ffd166")).Bold(true),
		data.StatusCountered:  st(c("#7b3fa0", "#c792ea")).Bold(true),
		data.StatusUnanswered: st(muted).Bold(true).Italic(true),
		NoResponse:            st(muted).Italic(true),
	}
	t.parties = map[string]lipgloss.Style{}
	if d != nil {
		palette := darkPalette
		if !dark {
			palette = lightPalette
		}
		for i, p := range d.Parties {
			s := lipgloss.NewStyle().Bold(true)
			if !noColor {
				hex := palette[i%len(palette)]
				if p.Color != "" {
					hex = p.Color
				}
				s = s.Foreground(lipgloss.Color(hex))
			}
			t.parties[p.ID] = s
		}
	}
	t.measure()
	return t
}

// PlainTheme styles nothing: what the command line prints when its output
// is not a terminal.
func PlainTheme() *Theme {
	t := &Theme{Plain: true, NoColor: true}
	t.measure()
	return t
}

// Party is the style of a party's name and badge.
func (t *Theme) Party(id string) lipgloss.Style {
	if s, ok := t.parties[id]; ok {
		return s
	}
	if t.Plain {
		return lipgloss.NewStyle()
	}
	return lipgloss.NewStyle().Bold(true)
}

// PartyChip is a dot in the party's colour beside its name; without
// colour it would say nothing, so it is left out, and a screen reader
// would read it as noise.
func (t *Theme) PartyChip(id string) string {
	if t.NoColor || t.Accessible {
		return ""
	}
	return t.Party(id).Render("●")
}

// Stance is the style of a stance badge.
func (t *Theme) Stance(s data.Stance) lipgloss.Style { return t.stance[s] }

// Status is the style of a response status badge.
func (t *Theme) Status(s data.Status) lipgloss.Style { return t.status[s] }
