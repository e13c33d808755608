package model

import (
	"slices"

	"charm.land/bubbles/v2/key"
	tea "charm.land/bubbletea/v2"
	"github.com/parley-dev/parley/data"
	"github.com/parley-dev/parley/views"
)

// Matrix is topics × parties, one stance per cell, each row marked common
// ground, conflict, partial agreement or open. The parties are the ones
// Compare shows, or with `a` every party; parent topics fold with their
// subtopics.
type Matrix struct {
	frame
	compared []*data.Party // Compare's parties (PartiesChosenMsg)
	all      bool          // every party of the dossier rather than Compare's

	shown      []*data.Party
	agreements []data.TopicAgreement
	byTopic    map[string]*data.TopicAgreement
	silent     []int
	collapsed  map[string]bool

	row, col    int // the cursor: index into rows, index into shown
	offset      int // first row shown
	left        int // first party column shown
	rows        []views.MatrixRow
	rowIndex    map[string]int // topic id → its row, for the topics shown
	cursorTopic string         // kept across folding, so the cursor stays put

	evidence *evidenceList // open over the matrix while choosing evidence
}

// evidenceList is the statements behind one cell, when there are several.
type evidenceList struct {
	title   string
	content *views.Content
	scr     scroller
}

// NewMatrix builds the matrix on the parties Compare shows first; it
// follows Compare's choice through PartiesChosenMsg.
func NewMatrix(d *data.Dossier, keys *keyMap, theme *views.Theme, parties []*data.Party) *Matrix {
	m := &Matrix{frame: newFrame(d, keys, theme), compared: parties, collapsed: map[string]bool{}}
	m.relayout = m.layout
	return m
}

func (m *Matrix) Title() string { return "Matrix" }

func (m *Matrix) MinSize() (int, int) { return 40, 8 }

// layout classifies the topics again when the parties changed, lays out
// the visible rows (folded subtopics left out) and clamps the cursor and
// both scroll positions; idempotent.
func (m *Matrix) layout() {
	p := m.compared
	if m.all {
		p = m.d.Parties
	}
	if m.byTopic == nil || !slices.Equal(p, m.shown) {
		m.shown = slices.Clone(p)
		ids := make([]string, len(p))
		for i, party := range p {
			ids[i] = party.ID
		}
		m.agreements = nil
		if len(ids) > 0 {
			m.agreements = data.Agreements(m.d, ids)
		}
		m.byTopic = make(map[string]*data.TopicAgreement, len(m.agreements))
		for i := range m.agreements {
			m.byTopic[m.agreements[i].Topic.ID] = &m.agreements[i]
		}
		silent := data.SilentTopics(m.agreements)
		m.silent = make([]int, len(p))
		for i, id := range ids {
			m.silent[i] = silent[id]
		}
		m.evidence = nil
	}
	m.rows = m.rows[:0]
	foldDepth := -1 // depth of the folded topic being skipped under, or -1
	for _, t := range m.d.TopicsInOrder() {
		depth := m.d.TopicDepth(t.ID)
		if foldDepth >= 0 && depth > foldDepth {
			r := &m.rows[len(m.rows)-1]
			r.HiddenN++
			if ta := m.byTopic[t.ID]; ta != nil {
				r.Hidden[ta.Class]++
			}
			continue
		}
		foldDepth = -1
		row := views.MatrixRow{Topic: t, Depth: depth, Agreement: m.byTopic[t.ID], HasChildren: len(m.d.TopicChildren(t.ID)) > 0}
		if row.HasChildren && m.collapsed[t.ID] {
			row.Collapsed, row.Hidden, foldDepth = true, map[data.Agreement]int{}, depth
		}
		m.rows = append(m.rows, row)
	}
	clear(m.rowIndex)
	if m.rowIndex == nil {
		m.rowIndex = make(map[string]int, len(m.rows))
	}
	for i, r := range m.rows {
		if _, ok := m.rowIndex[r.Topic.ID]; !ok {
			m.rowIndex[r.Topic.ID] = i
		}
	}
	if m.cursorTopic != "" {
		m.row = m.rowOf(m.cursorTopic)
	}
	m.clamp()
	if m.evidence != nil {
		m.evidence.content = m.evidenceContent()
		m.evidence.scr.clamp(m.evidence.content, m.evidenceRows())
	}
}

// rowOf is the visible row of a topic, or of its nearest folded ancestor:
// a step per ancestor, however many rows there are.
func (m *Matrix) rowOf(id string) int {
	for steps := 0; id != "" && steps <= len(m.d.Topics); steps++ {
		if i, ok := m.rowIndex[id]; ok {
			return i
		}
		t := m.d.Topic(id)
		if t == nil {
			break
		}
		id = t.Parent
	}
	return m.row
}

// clamp keeps the cursor on a cell and scrolls both ways just enough to
// show it.
func (m *Matrix) clamp() {
	g := views.MatrixLayout(m.shown, m.width, m.height)
	m.row = max(min(m.row, len(m.rows)-1), 0)
	m.col = max(min(m.col, len(m.shown)-1), 0)
	if m.row < m.offset {
		m.offset = m.row
	}
	if g.Rows > 0 && m.row >= m.offset+g.Rows {
		m.offset = m.row - g.Rows + 1
	}
	m.offset = views.ClampOffset(m.offset, len(m.rows), g.Rows)
	if m.col < m.left {
		m.left = m.col
	}
	if g.Cols > 0 && m.col >= m.left+g.Cols {
		m.left = m.col - g.Cols + 1
	}
	m.left = max(min(m.left, len(m.shown)-g.Cols), 0)
	if m.row < len(m.rows) {
		m.cursorTopic = m.rows[m.row].Topic.ID
	}
}

func (m *Matrix) moveRow(n int) {
	m.row += n
	m.cursorTopic = ""
	m.clamp()
}

// cell is the position under the cursor, or nil for silence.
func (m *Matrix) cell() (*data.Topic, *data.Party, *data.Position) {
	if m.row >= len(m.rows) || m.col >= len(m.shown) {
		return nil, nil, nil
	}
	r := m.rows[m.row]
	if r.Agreement == nil {
		return r.Topic, m.shown[m.col], nil
	}
	return r.Topic, m.shown[m.col], r.Agreement.Positions[m.col]
}

// fold opens or closes the topic under the cursor; on a topic with no
// subtopics it folds the parent instead, as a tree view does.
func (m *Matrix) fold() {
	if m.row >= len(m.rows) {
		return
	}
	r := m.rows[m.row]
	id := r.Topic.ID
	if !r.HasChildren {
		if r.Topic.Parent == "" {
			return
		}
		id = r.Topic.Parent
	}
	m.collapsed[id] = !m.collapsed[id]
	m.cursorTopic = id
	if r.HasChildren {
		m.cursorTopic = r.Topic.ID
	}
	m.layout()
}

// foldAll folds every parent topic, or unfolds them all when any is folded.
func (m *Matrix) foldAll() {
	if len(m.collapsed) > 0 {
		clear(m.collapsed)
	} else {
		for _, t := range m.d.TopicsInOrder() {
			if len(m.d.TopicChildren(t.ID)) > 0 {
				m.collapsed[t.ID] = true
			}
		}
	}
	if m.row < len(m.rows) {
		m.cursorTopic = m.rows[m.row].Topic.ID
	}
	m.layout()
}

// open shows the evidence of the cell: the statement itself when there is
// one, a list to choose from when there are several.
func (m *Matrix) open() tea.Cmd {
	topic, party, pos := m.cell()
	switch {
	case topic == nil:
		return nil
	case pos == nil:
		return flash(party.Label() + " has no stated position on " + topic.Title)
	}
	ev := m.d.Evidence(pos.Evidence)
	switch len(ev) {
	case 0:
		return flash(party.Label() + "'s position on " + topic.Title + " cites no evidence")
	case 1:
		return openStatement(ev[0].ID)
	}
	m.evidence = &evidenceList{title: party.Label() + " · " + topic.Title}
	m.evidence.content = m.evidenceContent()
	m.evidence.scr = newScroller(m.evidence.content)
	return nil
}

func (m *Matrix) evidenceContent() *views.Content {
	_, _, pos := m.cell()
	if pos == nil {
		return &views.Content{}
	}
	return views.EvidenceContent(m.d, pos, views.PaneInner(m.width), m.theme)
}

func (m *Matrix) evidenceRows() int { return views.PaneRows(m.height) }

func (m *Matrix) Update(msg tea.Msg) tea.Cmd {
	if msg, ok := msg.(PartiesChosenMsg); ok {
		m.compared = msg.Parties
		if m.width > 0 {
			m.layout()
		}
		return nil
	}
	if m.evidence != nil {
		return m.updateEvidence(msg)
	}
	k := m.keys
	g := views.MatrixLayout(m.shown, m.width, m.height)
	page := max(g.Rows-1, 1)
	switch msg := msg.(type) {
	case tea.KeyPressMsg:
		switch {
		case key.Matches(msg, k.Fold):
			m.fold()
		case key.Matches(msg, k.FoldAll):
			m.foldAll()
		case key.Matches(msg, k.AllParties):
			m.all = !m.all
			m.layout()
		case key.Matches(msg, k.Down):
			m.moveRow(1)
		case key.Matches(msg, k.Up):
			m.moveRow(-1)
		case key.Matches(msg, k.PageDown):
			m.moveRow(page)
		case key.Matches(msg, k.PageUp):
			m.moveRow(-page)
		case key.Matches(msg, k.Top):
			m.moveRow(-len(m.rows))
		case key.Matches(msg, k.Bottom):
			m.moveRow(len(m.rows))
		case key.Matches(msg, k.PrevParty):
			m.col--
			m.clamp()
		case key.Matches(msg, k.NextParty):
			m.col++
			m.clamp()
		case key.Matches(msg, k.Evidence):
			return m.open()
		case key.Matches(msg, k.Edit):
			if topic, party, _ := m.cell(); topic != nil && party != nil {
				return m.openForm(positionForm(m.ws, m.d, party, topic))
			}
		case key.Matches(msg, k.Add):
			return m.openForm(topicForm(m.ws, m.d, nil))
		case key.Matches(msg, k.Topic):
			if topic, _, _ := m.cell(); topic != nil {
				return m.openForm(topicForm(m.ws, m.d, topic))
			}
		}
	case tea.MouseWheelMsg:
		switch msg.Button {
		case tea.MouseWheelUp:
			m.moveRow(-3)
		case tea.MouseWheelDown:
			m.moveRow(3)
		case tea.MouseWheelLeft:
			m.col--
			m.clamp()
		case tea.MouseWheelRight:
			m.col++
			m.clamp()
		}
	case tea.MouseClickMsg:
		return m.click(msg.X, msg.Y, g)
	}
	return nil
}

// click moves the cursor to the cell under the pointer; a click on the
// cell already under the cursor opens its evidence.
func (m *Matrix) click(x, y int, g views.MatrixGeometry) tea.Cmd {
	r := y - views.MatrixHead + m.offset
	if y < views.MatrixHead || y >= views.MatrixHead+g.Rows || r >= len(m.rows) {
		return nil
	}
	col := m.col
	if x >= g.TopicW+g.ClassW {
		col = min(m.left+(x-g.TopicW-g.ClassW)/(g.CellW+1), len(m.shown)-1)
	}
	if r == m.row && col == m.col {
		return m.open()
	}
	m.row, m.col, m.cursorTopic = r, col, ""
	m.clamp()
	return nil
}

func (m *Matrix) updateEvidence(msg tea.Msg) tea.Cmd {
	k, ev := m.keys, m.evidence
	rows := m.evidenceRows()
	switch msg := msg.(type) {
	case tea.KeyPressMsg:
		switch {
		case key.Matches(msg, k.Back):
			m.evidence = nil
		case key.Matches(msg, k.Open):
			if ev.scr.sel >= 0 {
				return openStatement(ev.content.Blocks[ev.scr.sel].Statement.ID)
			}
		default:
			ev.scr.navigate(k, keyName(msg.String()), ev.content, rows)
		}
	case tea.MouseWheelMsg:
		ev.scr.wheel(msg, ev.content, rows)
	}
	return nil
}

func (m *Matrix) View() string {
	if ev := m.evidence; ev != nil {
		return m.theme.Render(views.Pane{
			Title: "Evidence · " + ev.title, Content: ev.content, Offset: ev.scr.offset,
			Focused: true, Mark: ev.scr.sel, Width: m.width, Height: m.height,
		})
	}
	return m.theme.RenderMatrix(m.d, m.state(), m.width, m.height)
}

func (m *Matrix) state() views.Matrix {
	return views.Matrix{
		Parties: m.shown, All: m.all, Rows: m.rows, Silent: m.silent, Agreements: m.agreements,
		Topics: len(m.d.Topics), Row: m.row, Col: m.col, Offset: m.offset, Left: m.left,
	}
}

func (m *Matrix) ShortHelp() []key.Binding {
	k := m.keys
	if m.evidence != nil {
		return []key.Binding{k.Up, k.Down, k.Open, k.Back}
	}
	b := []key.Binding{k.MoveHelp, k.ColumnHelp, k.Evidence}
	if m.editable() {
		b = append(b, relabel(k.Edit, "set the position"))
	}
	return append(b, k.Fold, k.FoldAll, k.AllParties)
}

func (m *Matrix) FullHelp() [][]key.Binding {
	k := m.keys
	if m.evidence != nil {
		return [][]key.Binding{{k.MoveHelp, k.PageHelp}, {k.Open, k.Back}}
	}
	g := [][]key.Binding{
		{k.MoveHelp, k.ColumnHelp, k.PageHelp, k.EndsHelp},
		{k.Evidence, k.Fold, k.FoldAll, k.AllParties},
	}
	if m.editable() {
		g = append(g, []key.Binding{relabel(k.Edit, "set the cell's position"), relabel(k.Add, "add a topic"), k.Topic})
	}
	return g
}

// ExportMarkdown is the matrix of the parties shown.
func (m *Matrix) ExportMarkdown() (string, func() []byte, bool) {
	d, shown, agreements := m.d, m.shown, m.agreements // replaced, never changed in place
	return "matrix", func() []byte { return views.MatrixMarkdown(d, shown, agreements) }, true
}
