package model

import (
	"fmt"

	"charm.land/bubbles/v2/key"
	tea "charm.land/bubbletea/v2"
	"github.com/parley-dev/parley/data"
	"github.com/parley-dev/parley/views"
)

// Source reads a source text with its paragraphs numbered and every
// anchored statement marked; tab steps from statement to statement, and
// the side panel tells who said the one in focus and what cites it.
type Source struct {
	d     *data.Dossier
	keys  *keyMap
	ak    *analysisKeys
	theme *views.Theme

	width, height int

	src    int // index into d.Sources
	cur    int // index into text.Statements, -1 when it has none
	offset int // first text line shown
	panelY int // first panel line shown

	// Derived by layout.
	text           *views.SourceText // laid out at textW, for src
	textSrc, textW int
	textPaneW      int
	textPaneH      int
	panelW, panelH int
	stacked        bool // the panel under the text, on a narrow screen
	panel          *views.Content
}

// Below this width the panel goes under the text instead of beside it.
const sourceSideBySide = 72

func NewSource(d *data.Dossier, keys *keyMap, theme *views.Theme) *Source {
	return &Source{d: d, keys: keys, ak: keys.analysis, theme: theme, textSrc: -1}
}

func (m *Source) Title() string { return "Source" }

func (m *Source) MinSize() (int, int) { return 40, 12 }

func (m *Source) SetSize(w, h int) {
	m.width, m.height = w, h
	m.layout()
}

func (m *Source) SetTheme(t *views.Theme) {
	m.theme = t
	m.layout()
}

// layout places the text and the panel, lays the source out again only
// when its width or the source changed (a long source is wrapped once, not
// every frame) and clamps the reading position; idempotent.
func (m *Source) layout() {
	bodyH := max(m.height-1, 0)
	m.stacked = m.width < sourceSideBySide
	if m.stacked {
		m.textPaneW, m.panelW = m.width, m.width
		m.textPaneH = max(bodyH*3/5, min(bodyH, 5))
		m.panelH = bodyH - m.textPaneH
	} else {
		m.panelW = min(max(m.width/3, 28), 48)
		m.textPaneW = m.width - m.panelW
		m.textPaneH, m.panelH = bodyH, bodyH
	}
	if len(m.d.Sources) == 0 {
		m.text = nil
		return
	}
	m.src = max(min(m.src, len(m.d.Sources)-1), 0)
	if w := views.PaneInner(m.textPaneW); m.text == nil || m.textSrc != m.src || m.textW != w {
		var keep *data.Statement
		if m.text != nil && m.textSrc == m.src {
			keep = m.current()
		}
		m.text = views.LayoutSource(m.d, m.d.Sources[m.src], w)
		m.textSrc, m.textW = m.src, w
		m.cur = -1
		if len(m.text.Statements) > 0 {
			m.cur = 0
		}
		for i, s := range m.text.Statements {
			if s == keep {
				m.cur = i
				m.showCurrent()
			}
		}
	}
	m.offset = views.ClampOffset(m.offset, len(m.text.Lines), m.textRows())
	m.panel = views.StatementPanel(m.d, m.current(), views.PaneInner(m.panelW), m.theme)
	m.panelY = views.ClampOffset(m.panelY, len(m.panel.Lines), views.PaneRows(m.panelH))
}

func (m *Source) textRows() int { return views.PaneRows(m.textPaneH) }

func (m *Source) current() *data.Statement {
	if m.text == nil || m.cur < 0 || m.cur >= len(m.text.Statements) {
		return nil
	}
	return m.text.Statements[m.cur]
}

// showCurrent scrolls the statement in focus into view, a third of the
// way down when it was out of sight, so the words before it show too.
func (m *Source) showCurrent() {
	if m.current() == nil {
		return
	}
	rows := m.textRows()
	line := m.text.First[m.cur]
	if line < m.offset || line >= m.offset+rows {
		m.offset = line - rows/3
	}
	m.offset = views.ClampOffset(m.offset, len(m.text.Lines), rows)
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
	m.offset, m.panelY = 0, 0
	m.layout()
}

// Show focuses a statement in its source, switching source if needed; it
// reports whether the statement is taken from any source.
func (m *Source) Show(id string) bool {
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
			m.layout()
		}
		for j, x := range m.text.Statements {
			if x == s {
				m.cur = j
				m.showCurrent()
				m.layout()
				return true
			}
		}
	}
	return false
}

func (m *Source) scroll(n int) {
	if m.text != nil {
		m.offset = views.ClampOffset(m.offset+n, len(m.text.Lines), m.textRows())
	}
}

func (m *Source) Update(msg tea.Msg) tea.Cmd {
	k, ak := m.keys, m.ak
	rows := m.textRows()
	switch msg := msg.(type) {
	case tea.KeyPressMsg:
		switch {
		case key.Matches(msg, ak.NextStatement):
			m.step(1)
		case key.Matches(msg, ak.PrevStatement):
			m.step(-1)
		case key.Matches(msg, ak.NextSource):
			m.switchSource(m.src + 1)
		case key.Matches(msg, ak.PrevSource):
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
			m.offset = 0
		case key.Matches(msg, k.Bottom):
			m.scroll(1 << 30)
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
		if m.inPanel(msg.X, msg.Y) {
			m.panelY = views.ClampOffset(m.panelY+n, len(m.panel.Lines), views.PaneRows(m.panelH))
		} else {
			m.scroll(n)
		}
	case tea.MouseClickMsg:
		return m.click(msg.X, msg.Y)
	}
	return nil
}

func (m *Source) inPanel(x, y int) bool {
	if m.stacked {
		return y >= 1+m.textPaneH
	}
	return x >= m.textPaneW
}

// click focuses the first statement on the line under the pointer; a
// click on the statement already in focus opens it.
func (m *Source) click(x, y int) tea.Cmd {
	if m.text == nil || m.inPanel(x, y) {
		return nil
	}
	row := y - 2 // the source bar and the pane's top border
	if row < 0 || row >= m.textRows() || m.offset+row >= len(m.text.Lines) {
		return nil
	}
	l := m.text.Lines[m.offset+row]
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

func (m *Source) View() string {
	t := m.theme
	if m.text == nil {
		return views.Box(t.Empty.Render("no sources in this dossier"), m.width, m.height)
	}
	bar := views.SourceBar(m.d, m.text, m.src, len(m.d.Sources), m.width, t)
	rows := m.textRows()
	lines := t.RenderSourceText(m.d, views.SourceView{Text: m.text, Current: m.cur, Offset: m.offset}, views.PaneInner(m.textPaneW), rows)
	title := "Text"
	if n := len(m.text.Lines); n > rows {
		title = fmt.Sprintf("Text · lines %d–%d of %d", m.offset+1, min(m.offset+rows, n), n)
	}
	text := t.Render(views.Pane{
		Title: title, Content: &views.Content{Lines: lines}, Mark: -1, Focused: true,
		Width: m.textPaneW, Height: m.textPaneH,
	})
	panelTitle := "Statement"
	if s := m.current(); s != nil {
		panelTitle = fmt.Sprintf("Statement %d/%d", m.cur+1, len(m.text.Statements))
	}
	panel := t.Render(views.Pane{
		Title: panelTitle, Content: m.panel, Offset: m.panelY, Mark: -1,
		Width: m.panelW, Height: m.panelH,
	})
	body := views.JoinColumns(text, panel)
	if m.stacked {
		body = text + "\n" + panel
	}
	return views.Box(bar+"\n"+body, m.width, m.height)
}

func (m *Source) ShortHelp() []key.Binding {
	k, ak := m.keys, m.ak
	b := []key.Binding{ak.StatementHelp, k.MoveHelp, k.Open}
	if len(m.d.Sources) > 1 {
		b = append(b, ak.SourceHelp)
	}
	return b
}

func (m *Source) FullHelp() [][]key.Binding {
	k, ak := m.keys, m.ak
	g := [][]key.Binding{
		{ak.StatementHelp, k.Open},
		{k.MoveHelp, k.PageHelp, k.EndsHelp},
	}
	if len(m.d.Sources) > 1 {
		g = append(g, []key.Binding{ak.SourceHelp})
	}
	return g
}
