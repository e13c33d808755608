package views

import "github.com/parley-dev/parley/data"

// Glyphs chosen to read alone, without colour, and to be one cell wide in
// every common terminal font.
var stanceGlyph = map[data.Stance]string{
	data.StanceSupport:     "✓",
	data.StanceOppose:      "✗",
	data.StanceConditional: "◐",
	data.StanceNeutral:     "=",
	data.StanceUnclear:     "?",
}

var statusGlyph = map[data.Status]string{
	data.StatusAccepted:   "✓",
	data.StatusRejected:   "✗",
	data.StatusDeferred:   "»",
	data.StatusCountered:  "⇄",
	data.StatusUnanswered: "○",
	NoResponse:            "–",
}

// NoResponse is what an addressee shows when the dossier records no
// response from it: not a status of the format, and not "unanswered",
// which says the source reports that the demand went unanswered.
const NoResponse = data.StatusNoResponse

// ActBadge is the move a statement makes, in brackets: "[warning]"; "" for
// a statement without one.
func ActBadge(s *data.Statement) string {
	if s.Act() == "" {
		return ""
	}
	return "[" + string(s.Act()) + "]"
}

// StanceWord is the glyph and word of a stance: "✓ support". An unknown
// stance is shown as written, marked "?".
func StanceWord(s data.Stance) string {
	g, ok := stanceGlyph[s]
	if !ok {
		g = "?"
	}
	return g + " " + string(s)
}

// StatusWord is the glyph and word of a response status: "» deferred".
func StatusWord(s data.Status) string {
	g, ok := statusGlyph[s]
	if !ok {
		g = "?"
	}
	return g + " " + string(s)
}

// StanceBadge is StanceWord styled for its stance.
func (t *Theme) StanceBadge(s data.Stance) string {
	if k, ok := t.stanceInk[s]; ok {
		return k.paint(StanceWord(s))
	}
	return t.Stance(s).Render(StanceWord(s))
}

// StatusBadge is StatusWord styled for its status.
func (t *Theme) StatusBadge(s data.Status) string {
	if k, ok := t.statusInk[s]; ok {
		return k.paint(StatusWord(s))
	}
	return t.Status(s).Render(StatusWord(s))
}
