package model

import (
	"fmt"
	"strings"

	"charm.land/bubbles/v2/key"
	tea "charm.land/bubbletea/v2"
	"github.com/parley-dev/parley/data"
	"github.com/parley-dev/parley/views"
)

// Source reads a source text with its paragraphs numbered and every
// anchored statement marked; tab steps from statement to statement, and
// the side panel tells who said the one in focus and what cites it.
//
// The text is laid out a paragraph at a time, only where the screen shows
// it: the reading position is a unit of the text (a paragraph, an entry
// of the list of statements not located) and a line in it, so a resize
// or a move costs the lines on screen, whatever the length of the source.
type Source struct {
	frame

	src       int      // index into d.Sources
	cur       int      // index into text.Statements, -1 when it has none
	top       vpos     // first text line shown
	panelY    int      // first panel line shown
	keep      string   // a statement to focus once the text is found again (Reload)
	focusNext string   // a statement just made: focused when it comes back (Reload)
	mark      *marking // a passage being marked as a new statement (source_mark.go)
	press     int      // where a mouse button went down on the text, or -1

	// Derived by layout.
	text           *views.SourceText // for src
	textSrc, textW int               // the source and width the units are laid out for
	cache          map[int][]views.SourceLine
	textPane       views.Rect
	panelPane      views.Rect
	stacked        bool // the panel under the text, on a narrow screen
	panel          *views.Content
}

// Below this width the panel goes under the text instead of beside it.
const sourceSideBySide = 72

func NewSource(d *data.Dossier, keys *keyMap, theme *views.Theme) *Source {
	m := &Source{frame: newFrame(d, keys, theme), textSrc: -1, press: -1}
	m.relayout = m.layout
	return m
}

func (m *Source) Title() string { return "Source" }

func (m *Source) MinSize() (int, int) { return 40, 12 }

// SetTheme takes the theme; a source never shown yet is left to its
// first SetSize (the root gives every screen the theme the terminal's
// background asks for, at start).
func (m *Source) SetTheme(t *views.Theme) {
	m.theme = t
	if m.text != nil {
		m.layout()
	}
}

// layout places the text and the panel, finds the source's statements
// again only when the source changed, starts laying it out again when
// the width changed (keeping the statement in focus in view) and clamps
// the reading position; idempotent.
func (m *Source) layout() {
	bodyH := max(m.height-1, 0) // under the source bar
	m.stacked = m.width < sourceSideBySide
	if m.stacked {
		textH := max(bodyH*3/5, min(bodyH, 5))
		m.textPane = views.Rect{Y: 1, W: m.width, H: textH}
		m.panelPane = views.Rect{Y: 1 + textH, W: m.width, H: bodyH - textH}
	} else {
		panelW := min(max(m.width/3, 28), 48)
		m.textPane = views.Rect{Y: 1, W: m.width - panelW, H: bodyH}
		m.panelPane = views.Rect{X: m.width - panelW, Y: 1, W: panelW, H: bodyH}
	}
	if len(m.d.Sources) == 0 {
		m.text = nil
		return
	}
	m.src = max(min(m.src, len(m.d.Sources)-1), 0)
	w := views.PaneInner(m.textPane.W)
	switch {
	case m.text == nil || m.textSrc != m.src:
		m.text = views.NewSourceText(m.d, m.d.Sources[m.src])
		m.textSrc, m.textW = m.src, w
		clear(m.cache)
		m.cur = -1
		if len(m.text.Statements) > 0 {
			m.cur = 0
		}
		if m.keep != "" {
			for i, s := range m.text.Statements {
				if s.ID == m.keep {
					m.cur = i
				}
			}
			m.keep = ""
		}
	case m.textW != w:
		m.textW = w
		clear(m.cache)
		m.top = normalize(m, m.top)
		m.showCurrent()
	}
	m.top = clampTop(m, m.top, m.textRows())
	if m.mark != nil {
		m.panel = views.MarkPanel(m.marked(), views.PaneInner(m.panelPane.W), m.theme)
	} else {
		m.panel = views.StatementPanel(m.d, m.current(), views.PaneInner(m.panelPane.W), m.theme)
	}
	m.panelY = views.ClampOffset(m.panelY, len(m.panel.Lines), views.PaneRows(m.panelPane.H))
}

func (m *Source) unitCount() int { return m.text.Units() }

func (m *Source) unit(i int) []views.SourceLine {
	u, ok := m.cache[i]
	if !ok {
		if m.cache == nil || len(m.cache) >= unitCache {
			m.cache = make(map[int][]views.SourceLine, 64)
		}
		u = m.text.Unit(i, m.textW)
		m.cache[i] = u
	}
	return u
}

func (m *Source) unitLines(i int) int { return len(m.unit(i)) }

func (m *Source) textRows() int { return views.PaneRows(m.textPane.H) }

func (m *Source) current() *data.Statement {
	if m.text == nil || m.cur < 0 || m.cur >= len(m.text.Statements) {
		return nil
	}
	return m.text.Statements[m.cur]
}

// statementAt is where statement k's first line is.
func (m *Source) statementAt(k int) vpos {
	u, l := m.text.StatementUnit(k, m.textW)
	return vpos{u, l}
}

// inView reports whether p is on screen.
func (m *Source) inView(p vpos, rows int) bool {
	if p.before(m.top) {
		return false
	}
	_, ok := distance(m, m.top, p, rows)
	return ok
}

// showCurrent scrolls the statement in focus into view, a third of the
// way down when it was out of sight, so the words before it show too.
func (m *Source) showCurrent() {
	if m.current() == nil {
		return
	}
	rows := m.textRows()
	if at := m.statementAt(m.cur); !m.inView(at, rows) {
		m.top, _ = backward(m, at, rows/3)
	}
	m.top = clampTop(m, m.top, rows)
}

// step moves the focus n statements on, round the ends.
func (m *Source) step(n int) {
	if m.text == nil || len(m.text.Statements) == 0 {
		return
	}
	k := len(m.text.Statements)
	m.cur = ((m.cur+n)%k + k) % k
	m.panelY = 0
	m.showCurrent()
	m.layout()
}

// switchSource opens source i at its top.
func (m *Source) switchSource(i int) {
	if len(m.d.Sources) < 2 {
		return
	}
	k := len(m.d.Sources)
	m.src = ((i % k) + k) % k
	m.top, m.panelY = vpos{}, 0
	m.mark = nil // its offsets are the other source's
	m.layout()
}

// ShowStatement focuses a statement in its source, switching source if
// needed; it reports whether the statement is taken from any source.
func (m *Source) ShowStatement(id string) bool {
	s := m.d.Statement(id)
	if s == nil {
		return false
	}
	for i, src := range m.d.Sources {
		if src.ID != s.Source {
			continue
		}
		if i != m.src || m.text == nil {
			m.src = i
			m.textSrc = -1
			m.top = vpos{}
			m.mark = nil
			m.layout()
		}
		if j := m.text.Index(s); j >= 0 {
			m.cur = j
			m.showCurrent()
			m.layout()
			return true
		}
	}
	return false
}

func (m *Source) scroll(n int) {
	if m.text == nil {
		return
	}
	if n < 0 {
		m.top, _ = backward(m, m.top, -n)
	} else {
		m.top, _ = forward(m, m.top, n)
	}
	m.top = clampTop(m, m.top, m.textRows())
}

func (m *Source) Update(msg tea.Msg) tea.Cmd {
	k := m.keys
	rows := m.textRows()
	switch msg := msg.(type) {
	case tea.KeyPressMsg:
		if m.mark != nil {
			if cmd := m.markKey(msg); cmd != nil || m.mark == nil || isMarkKey(k, msg) {
				return cmd
			}
		}
		switch {
		case key.Matches(msg, k.Mark):
			return m.startMarking()
		case key.Matches(msg, k.NextStatement):
			m.step(1)
		case key.Matches(msg, k.PrevStatement):
			m.step(-1)
		case key.Matches(msg, k.NextSource):
			m.switchSource(m.src + 1)
		case key.Matches(msg, k.PrevSource):
			m.switchSource(m.src - 1)
		case key.Matches(msg, k.Down):
			m.scroll(1)
		case key.Matches(msg, k.Up):
			m.scroll(-1)
		case key.Matches(msg, k.PageDown):
			m.scroll(max(rows-1, 1))
		case key.Matches(msg, k.PageUp):
			m.scroll(-max(rows-1, 1))
		case key.Matches(msg, k.Top):
			if m.text != nil {
				m.top = clampTop(m, vpos{}, rows)
			}
		case key.Matches(msg, k.Bottom):
			if m.text != nil {
				m.top = clampTop(m, vpos{m.unitCount(), 0}, rows)
			}
		case key.Matches(msg, k.Open):
			if s := m.current(); s != nil {
				return openStatement(s.ID)
			}
		}
	case tea.MouseWheelMsg:
		if m.text == nil {
			return nil
		}
		n := 3
		switch msg.Button {
		case tea.MouseWheelUp:
			n = -3
		case tea.MouseWheelDown:
		default:
			return nil
		}
		if m.panelPane.Contains(msg.X, msg.Y) {
			m.panelY = views.ClampOffset(m.panelY+n, len(m.panel.Lines), views.PaneRows(m.panelPane.H))
		} else {
			m.scroll(n)
		}
	case tea.MouseClickMsg, tea.MouseMotionMsg, tea.MouseReleaseMsg:
		return m.mouse(msg)
	}
	return nil
}

// click focuses the first statement on the line under the pointer; a
// click on the statement already in focus opens it.
func (m *Source) click(x, y int) tea.Cmd {
	if m.text == nil {
		return nil
	}
	row, ok := views.PaneLine(m.textPane, 0, x, y)
	if !ok {
		return nil
	}
	p, moved := forward(m, m.top, row)
	if moved < row || p.unit >= m.unitCount() {
		return nil
	}
	l := m.unit(p.unit)[p.line]
	i := l.Listed
	if len(l.Stmts) > 0 {
		i = l.Stmts[0]
		for _, s := range l.Stmts {
			if s == m.cur {
				i = s
			}
		}
	}
	switch {
	case i < 0:
	case i == m.cur:
		return openStatement(m.current().ID)
	default:
		m.cur, m.panelY = i, 0
		m.layout()
	}
	return nil
}

// window is the lines on screen from the reading position, and whether
// lines follow them.
func (m *Source) window(rows int) ([]views.SourceLine, bool) {
	out := make([]views.SourceLine, 0, rows)
	p := m.top
	for ; len(out) < rows && p.unit < m.unitCount(); p = (vpos{p.unit + 1, 0}) {
		u := m.unit(p.unit)
		take := min(len(u)-p.line, rows-len(out))
		out = append(out, u[p.line:p.line+take]...)
		if p.line+take < len(u) {
			return out, true
		}
	}
	return out, p.unit < m.unitCount()
}

// where says which paragraphs, and which statements of the list of those
// not located, are on screen, of how many: the length of the text in
// lines is never counted, as that would mean laying it all out.
func (m *Source) where(shown []views.SourceLine) string {
	firstP, lastP, firstL, lastL := 0, 0, -1, -1
	for _, l := range shown {
		switch {
		case l.In > 0:
			if firstP == 0 {
				firstP = l.In
			}
			lastP = l.In
		case l.Listed >= 0:
			if firstL < 0 {
				firstL = l.Listed
			}
			lastL = l.Listed
		}
	}
	var parts []string
	if firstP > 0 {
		parts = append(parts, fmt.Sprintf("¶%d–%d of %d", firstP, lastP, m.text.Paragraphs()))
	}
	if firstL >= 0 {
		a := m.text.Anchored
		parts = append(parts, fmt.Sprintf("not located %d–%d of %d", firstL-a+1, lastL-a+1, len(m.text.Statements)-a))
	}
	return strings.Join(parts, ", ")
}

func (m *Source) View() string {
	t := m.theme
	if m.text == nil {
		return views.Box(t.Empty.Render("no sources in this dossier"), m.width, m.height)
	}
	bar := views.SourceBar(m.d, m.text, m.src, len(m.d.Sources), m.width, t)
	rows := m.textRows()
	shown, more := m.window(rows)
	sv := views.SourceView{Text: m.text, Current: m.cur, Lines: shown}
	if m.mark != nil {
		sv.Marking = &data.Span{Start: m.mark.start, End: m.mark.end}
	}
	lines := t.RenderSourceText(m.d, sv, views.PaneInner(m.textPane.W), rows)
	title := "Text"
	if w := m.where(shown); w != "" && (more || m.top != vpos{}) {
		title = "Text · " + w
	}
	text := t.Render(views.Pane{
		Title: title, Content: &views.Content{Lines: lines}, Mark: -1, Focused: true,
		Width: m.textPane.W, Height: m.textPane.H,
	})
	panelTitle := "Statement"
	if m.mark != nil {
		panelTitle = "Marking"
	} else if s := m.current(); s != nil {
		panelTitle = fmt.Sprintf("Statement %d/%d", m.cur+1, len(m.text.Statements))
	}
	panel := t.Render(views.Pane{
		Title: panelTitle, Content: m.panel, Offset: m.panelY, Mark: -1,
		Width: m.panelPane.W, Height: m.panelPane.H,
	})
	body := views.JoinColumns(text, panel)
	if m.stacked {
		body = text + "\n" + panel
	}
	// Every line is already its width: the bar is fitted, the panes are
	// drawn to their size.
	if m.height <= 0 {
		return ""
	}
	return views.Rows(bar+"\n"+body, m.width, m.height)
}

func (m *Source) ShortHelp() []key.Binding {
	k := m.keys
	if m.mark != nil {
		return m.markHelp()
	}
	b := []key.Binding{k.StatementHelp, k.MoveHelp, k.Open}
	if m.editable() {
		b = append(b, k.Mark)
	}
	if len(m.d.Sources) > 1 {
		b = append(b, k.SourceHelp)
	}
	return b
}

func (m *Source) FullHelp() [][]key.Binding {
	k := m.keys
	if m.mark != nil {
		return [][]key.Binding{m.markHelp()}
	}
	first := []key.Binding{k.StatementHelp, k.Open}
	if m.editable() {
		first = append(first, k.Mark)
	}
	g := [][]key.Binding{
		first,
		{k.MoveHelp, k.PageHelp, k.EndsHelp},
	}
	if len(m.d.Sources) > 1 {
		g = append(g, []key.Binding{k.SourceHelp})
	}
	return g
}

// ExportMarkdown is the source on screen with its statements.
func (m *Source) ExportMarkdown() (string, func() []byte, bool) {
	if m.text == nil {
		return "", nil, false
	}
	d, src := m.d, m.text.Source
	return "source-" + src.ID, func() []byte { return views.SourceMarkdown(d, src) }, true
}
