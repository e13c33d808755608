package model

import (
	"errors"
	"fmt"
	"slices"
	"strings"

	"charm.land/bubbles/v2/key"
	tea "charm.land/bubbletea/v2"
	"github.com/charmbracelet/x/ansi"
	"github.com/parley-dev/parley/data"
	"github.com/parley-dev/parley/data/edit"
	"github.com/parley-dev/parley/views"
)

// Marking a statement in the Source screen, as an annotation tool marks a
// span of text: `m` marks the first sentence in view, and keys extend the
// passage by a word, to the end of the sentence or to the closing quote
// mark, or move its start; a drag with the mouse marks what it covers.
// enter makes the passage a statement: the kind (a quote inside quote
// marks, else reported) and the speaker (the nearest attribution) are
// guessed and confirmed in a form, with the topics; the anchor is written
// for the user (edit.AnchorFor), never typed.

// marking is a passage of the source's text being marked: bytes
// [start, end).
type marking struct {
	start, end int
	// press is where a mouse button went down on the text (-1: it is up):
	// a drag from there marks a passage.
	press int
}

func (m *Source) sourceText() string {
	if m.text == nil {
		return ""
	}
	return m.text.Source.Text
}

// startMarking marks the first sentence that starts in view.
func (m *Source) startMarking() tea.Cmd {
	if cmd := m.ws.refuse(); cmd != nil {
		return cmd
	}
	if m.text == nil || !m.text.Source.HasText() {
		return flash("this source has no text to mark")
	}
	text := m.sourceText()
	from := 0
	shown, _ := m.window(m.textRows())
	for _, l := range shown {
		if l.In > 0 {
			from = l.Span.Start
			break
		}
	}
	s := edit.SentenceStart(text, from)
	if s < from {
		s, _ = edit.NextSentence(text, edit.SentenceEnd(text, from))
	}
	m.mark = &marking{start: s, end: edit.SentenceEnd(text, s), press: -1}
	m.markChanged()
	return nil
}

// markChanged keeps the passage inside the text and its end in view, and
// draws the panel that says what it will become.
func (m *Source) markChanged() {
	text := m.sourceText()
	mk := m.mark
	mk.start = max(min(mk.start, len(text)), 0)
	mk.end = max(min(mk.end, len(text)), mk.start)
	if mk.end == mk.start {
		mk.end = edit.WordEnd(text, mk.start)
	}
	rows := m.textRows()
	u, l := m.text.UnitAt(mk.end, m.textW)
	if at := (vpos{u, l}); !m.inView(at, rows) {
		m.top, _ = backward(m, at, rows*2/3)
	}
	u, l = m.text.UnitAt(mk.start, m.textW)
	if at := (vpos{u, l}); at.before(m.top) {
		m.top = at
	}
	m.top = clampTop(m, m.top, rows)
	m.layout()
}

// marked is what the side panel says of the passage being marked.
func (m *Source) marked() views.Marked {
	src := m.text.Source
	p := edit.PassageOf(src.Text, m.mark.start, m.mark.end)
	out := views.Marked{Text: p.Text, Quote: p.Kind == data.KindQuote}
	if a := m.d.Actor(edit.GuessSpeaker(m.d, src, p.Start, p.End)); a != nil {
		out.Speaker = a.Name
	}
	for i, para := range src.Paragraphs {
		if para.Start <= p.Start && p.Start < para.End {
			out.Paragraph = i + 1
		}
	}
	switch a, ok := edit.AnchorFor(src.Text, p.Start, p.End); {
	case !ok:
		out.Anchor = "these words occur so often that no words around them tell them apart"
	case a.Prefix != "":
		out.Anchor = "found by the words before it: “" + a.Prefix + "”"
	case a.Suffix != "":
		out.Anchor = "found by the words after it: “" + a.Suffix + "”"
	default:
		out.Anchor = "the words occur once in the source"
	}
	return out
}

// markKey is a key while a passage is being marked.
func (m *Source) markKey(msg tea.KeyPressMsg) tea.Cmd {
	k, mk, text := m.keys, m.mark, m.sourceText()
	switch {
	case key.Matches(msg, k.Back):
		m.mark = nil
		m.layout()
		return nil
	case key.Matches(msg, k.Open):
		return m.openForm(m.statementForm())
	case key.Matches(msg, k.MarkWord):
		mk.end = edit.WordEnd(text, mk.end)
	case key.Matches(msg, k.MarkLess):
		if e := edit.PrevWordEnd(text, mk.end); e > mk.start {
			mk.end = e
		}
	case key.Matches(msg, k.MarkSentence):
		e := edit.SentenceEnd(text, mk.end)
		if e == mk.end {
			_, e = edit.NextSentence(text, mk.end)
		}
		mk.end = e
	case key.Matches(msg, k.MarkQuote):
		mk.end = edit.ClosingQuote(text, mk.end)
	case key.Matches(msg, k.MarkEarlier):
		mk.start = edit.PrevWordStart(text, mk.start)
	case key.Matches(msg, k.MarkLater):
		s := edit.WordEnd(text, mk.start)
		s = edit.WordStart(text, s)
		if s < mk.end {
			mk.start = s
		}
	case key.Matches(msg, k.Down):
		mk.start, mk.end = edit.NextSentence(text, mk.end)
	case key.Matches(msg, k.Up):
		mk.start, mk.end = edit.PrevSentence(text, mk.start)
	default:
		return nil
	}
	m.markChanged()
	return nil
}

// offsetAt is the byte of the source's text under the cell x, y of the
// screen, or false when the cell is not on the text.
func (m *Source) offsetAt(x, y int) (int, bool) {
	row, ok := views.PaneLine(m.textPane, 0, x, y)
	if !ok || m.text == nil {
		return 0, false
	}
	shown, _ := m.window(m.textRows())
	if row < 0 || row >= len(shown) || shown[row].In == 0 || shown[row].Listed >= 0 {
		return 0, false
	}
	l := shown[row]
	col := x - m.textPane.X - 2 - m.text.SourceGutter() // border, mark gutter, paragraph numbers
	text := m.sourceText()
	i, w := l.Span.Start, 0
	for i < l.Span.End && col > 0 {
		_, n := decodeCluster(text[i:l.Span.End])
		cw := ansi.StringWidth(text[i : i+n])
		if w+cw > col {
			break
		}
		w += cw
		i += n
	}
	return i, true
}

// decodeCluster is the first character of s and its length in bytes.
func decodeCluster(s string) (string, int) {
	for i := range s {
		if i > 0 {
			return s[:i], i
		}
	}
	return s, len(s)
}

// mouse marks a passage with a drag: the button down on the text, moved,
// up. A click without a drag is a click.
func (m *Source) mouse(msg tea.Msg) tea.Cmd {
	switch msg := msg.(type) {
	case tea.MouseClickMsg:
		if msg.Button != tea.MouseLeft {
			return nil
		}
		off, ok := m.offsetAt(msg.X, msg.Y)
		if !ok {
			return m.click(msg.X, msg.Y)
		}
		m.press = off
		if m.mark != nil {
			return nil // a click in the text while marking starts a new drag
		}
		return m.click(msg.X, msg.Y)
	case tea.MouseMotionMsg:
		if msg.Button != tea.MouseLeft || m.press < 0 {
			return nil
		}
		off, ok := m.offsetAt(msg.X, msg.Y)
		if !ok || off == m.press {
			return nil
		}
		if cmd := m.ws.refuse(); cmd != nil {
			m.press = -1
			return cmd
		}
		text := m.sourceText()
		a, b := min(off, m.press), max(off, m.press)
		m.mark = &marking{start: edit.WordStart(text, a), end: edit.WordEnd(text, max(b-1, a)), press: m.press}
		m.layout()
	case tea.MouseReleaseMsg:
		m.press = -1
	}
	return nil
}

// statementForm makes the marked passage a statement: its kind and
// speaker guessed, to confirm, its topics and act, its words and id.
func (m *Source) statementForm() *form {
	d, src := m.d, m.text.Source
	p := edit.PassageOf(src.Text, m.mark.start, m.mark.end)
	speaker := edit.GuessSpeaker(d, src, p.Start, p.End)
	speakers := append(actorOptions(d), option{label: "+ new actor…", create: newActorForm(m.ws, d, "speaker")})
	who := speaker
	if a := d.Actor(speaker); a != nil {
		who = strings.Fields(a.Name)[len(strings.Fields(a.Name))-1]
	}
	f := &form{
		title:   "A new statement from " + src.Label(),
		context: []string{p.Text},
		fields: []*field{
			newChoiceField("kind", "kind", kindOptions(), string(p.Kind)),
			newPickField("speaker", "speaker", speakers, speaker),
			newMultiField("topics", "topics", topicOptions(d), nil),
			newChoiceField("act", "act", actOptions(), ""),
			newAreaField("text", "words", p.Text),
			newTextField("id", "id", m.ws.newID(d, edit.Statements, who, p.Text)),
		},
	}
	f.fields[0].note = "a quote is the speaker's own words, found verbatim in the source"
	f.fields[1].note = "guessed from the nearest attribution in the paragraph; an account has nobody"
	f.fields[4].note = "a quote's words must be the source's; reported speech may paraphrase"
	f.submit = func(f *form) (tea.Cmd, error) {
		rec, err := newStatement(d, src, p, f)
		if err != nil {
			return nil, err
		}
		id := rec.String("id")
		m.mark = nil
		m.focusNext = id
		edits := append(slices.Clone(f.extra), edit.Add{List: edit.Statements, Record: rec})
		return editCmd(edit.Batch{Name: "mark statement " + id, Edits: edits}, "marked "+id+" in "+src.Label()), nil
	}
	return f
}

// newStatement is the record a marked passage becomes, its fields in the
// format's order, its anchor worked out from where it was marked.
func newStatement(d *data.Dossier, src *data.Source, p edit.Passage, f *form) (*edit.Record, error) {
	kind := data.StatementKind(f.text("kind"))
	text := strings.Join(strings.Fields(f.text("text")), " ")
	id := f.text("id")
	switch {
	case text == "":
		return nil, errors.New("a statement needs its words")
	case id == "":
		return nil, errors.New("a statement needs an id")
	case d.Statement(id) != nil:
		return nil, fmt.Errorf("the id %q is taken: choose another", id)
	}
	if err := edit.CheckID(id); err != nil {
		return nil, err
	}
	rec := edit.R("id", id, "kind", string(kind))
	if act := f.text("act"); act != "" {
		rec.Set("act", act)
	}
	if actor := f.text("speaker"); actor != "" && kind != data.KindAccount {
		rec.Set("actor", actor)
	}
	rec.Set("text", text)
	if topics := f.values("topics"); len(topics) > 0 {
		rec.Set("topics", topics)
	}
	rec.Set("source", src.ID)
	if a, ok := edit.AnchorFor(src.Text, p.Start, p.End); ok {
		// On one line: parley matches white space alike.
		a.Exact, a.Prefix, a.Suffix = oneLine(a.Exact), oneLine(a.Prefix), oneLine(a.Suffix)
		if r := a.Record(kind == data.KindQuote); r != nil {
			rec.Set("anchor", r)
		}
	}
	return rec, nil
}

// markHelp is the keys that work while marking.
func (m *Source) markHelp() []key.Binding {
	k := m.keys
	return []key.Binding{k.MarkEndHelp, k.MarkSentence, k.MarkQuote, k.MarkStartHelp,
		relabel(k.Down, "next sentence"), relabel(k.Up, "previous sentence"),
		relabel(k.Open, "make a statement"), relabel(k.Back, "cancel")}
}

// isMarkKey reports whether a key is one marking takes (it did nothing,
// at an end of the text, but it is not the screen's).
func isMarkKey(k *keyMap, msg tea.KeyPressMsg) bool {
	for _, b := range []key.Binding{k.Back, k.Open, k.MarkWord, k.MarkLess, k.MarkSentence, k.MarkQuote, k.MarkEarlier, k.MarkLater, k.Up, k.Down} {
		if key.Matches(msg, b) {
			return true
		}
	}
	return false
}

func oneLine(s string) string { return strings.Join(strings.Fields(s), " ") }
