package views

import (
	"fmt"
	"strings"

	"charm.land/lipgloss/v2"
	"github.com/charmbracelet/x/ansi"
	"github.com/parley-dev/parley/data"
)

// MatrixRow is one topic of the stance matrix.
type MatrixRow struct {
	Topic *data.Topic
	Depth int
	// Agreement is how the shown parties stand on the topic; nil when none
	// of them has a position on it.
	Agreement *data.TopicAgreement
	// HasChildren marks a topic that can be collapsed; Collapsed one that
	// is, and Hidden counts the classes of the topics folded under it.
	HasChildren bool
	Collapsed   bool
	Hidden      map[data.Agreement]int
	HiddenN     int
}

// Matrix is the state the stance matrix draws: topics down, parties
// across, a cursor on one cell, and how far it is scrolled each way.
type Matrix struct {
	Parties []*data.Party
	All     bool // every party of the dossier, not only Compare's
	Rows    []MatrixRow
	Silent  []int // per party: topics it is silent on while another speaks
	// Agreements is every topic some shown party speaks to, collapsed or
	// not, for the counts in the summary line.
	Agreements []data.TopicAgreement
	Topics     int // every topic, shown or folded
	Row        int // cursor row, index into Rows
	Col        int // cursor column, index into Parties
	Offset     int // first row shown
	Left       int // first party column shown
}

// MatrixGeometry is how the matrix divides width×height cells.
type MatrixGeometry struct {
	TopicW, ClassW, CellW int
	Cols                  int // party columns that fit
	Rows                  int // topic rows that fit
	InfoH                 int // lines of the cell strip at the bottom
	FullNames             bool
}

const (
	MatrixHead   = 4  // summary, party names, silence counts, rule
	minCellW     = 13 // "◐ conditional"
	maxCellW     = 24
	classW       = 16 // "≡ common ground" and a space
	minTopicW    = 12
	comfyTopicW  = 28
	maxTopicW    = 48
	narrowClassW = 3 // the sign alone, when the width is very small
)

// MatrixLayout fits the columns into width: as many party columns as fit
// beside a readable topic column, cells widened to full party names when
// there is room to spare, and the class column cut to its sign when the
// screen is very narrow.
func MatrixLayout(parties []*data.Party, width, height int) MatrixGeometry {
	g := MatrixGeometry{CellW: minCellW, ClassW: classW}
	if width < minTopicW+classW+minCellW+1 {
		g.ClassW = narrowClassW
	}
	n := len(parties)
	avail := width - g.ClassW
	g.Cols = max(min((avail-minTopicW)/(g.CellW+1), n), min(n, 1))
	if g.Cols == n && n > 0 {
		nameW, labelW := 0, 0
		for _, p := range parties {
			nameW = max(nameW, ansi.StringWidth(p.Name))
			labelW = max(labelW, ansi.StringWidth(p.Label()))
		}
		w := max(labelW, minCellW)
		if nameW <= maxCellW {
			w = max(nameW, minCellW)
		}
		if w = min(w, maxCellW); avail-n*(w+1) >= comfyTopicW {
			g.CellW = w
			g.FullNames = nameW <= w
		}
	}
	g.TopicW = max(min(avail-g.Cols*(g.CellW+1), maxTopicW), 1)
	switch {
	case height >= 20:
		g.InfoH = 5 // a rule, the cell, the proposition, the summary, the party's moves
	case height >= 14:
		g.InfoH = 3
	}
	g.Rows = max(height-MatrixHead-g.InfoH, 0)
	return g
}

// AgreementWord is a row's class as a sign and a word, so it reads without
// colour: "≡ common ground", "≠ conflict", "≈ partial", "~ open"; "" when
// no shown party has a position.
func AgreementWord(ta *data.TopicAgreement) string {
	switch {
	case ta == nil:
		return ""
	case ta.Class == data.CommonGround:
		return "≡ common ground"
	case ta.Class == data.Conflict:
		return "≠ conflict"
	case ta.Partial():
		return "≈ partial"
	}
	return "~ open"
}

var agreementSign = map[data.Agreement]string{data.CommonGround: "≡", data.Conflict: "≠", data.Open: "~"}

func (t *Theme) agreement(ta *data.TopicAgreement) lipgloss.Style {
	switch {
	case ta == nil:
		return t.Muted
	case ta.Class == data.CommonGround:
		return t.Stance(data.StanceSupport)
	case ta.Class == data.Conflict:
		return t.Stance(data.StanceOppose)
	case ta.Partial():
		return t.Stance(data.StanceConditional)
	}
	return t.Muted
}

// RenderMatrix draws the matrix exactly width×height: a summary line, the
// party names (◂ ▸ when columns are scrolled out of view), each party's
// silence count, the topic rows and, when there is room, a strip about the
// cell under the cursor.
func (t *Theme) RenderMatrix(d *data.Dossier, m Matrix, width, height int) string {
	g := MatrixLayout(m.Parties, width, height)
	lines := make([]string, 0, height)
	lines = append(lines, Fit(t.Muted.Render(Truncate(matrixSummary(m), width)), width))

	left := max(min(m.Left, len(m.Parties)-g.Cols), 0)
	shown := m.Parties[left:min(left+g.Cols, len(m.Parties))]
	topicHead := "Topic"
	if left > 0 {
		topicHead = "◂ " + topicHead
	}
	var names, silent strings.Builder
	names.WriteString(Fit(t.Heading.Render(Truncate(topicHead, g.TopicW)), g.TopicW))
	names.WriteString(Fit(t.Heading.Render(Truncate("Agreement", g.ClassW-1)), g.ClassW))
	silent.WriteString(Fit(t.Muted.Render(Truncate("silent on", g.TopicW)), g.TopicW+g.ClassW))
	for i, p := range shown {
		name := p.Label()
		if g.FullNames {
			name = p.Name
		}
		if i == len(shown)-1 && left+len(shown) < len(m.Parties) {
			name = Truncate(name, g.CellW-2) + " ▸"
		}
		names.WriteString(" " + Fit(t.Party(p.ID).Render(Truncate(name, g.CellW)), g.CellW))
		n := 0
		if left+i < len(m.Silent) {
			n = m.Silent[left+i]
		}
		silent.WriteString(" " + Fit(t.Muted.Render(Truncate(fmt.Sprintf("%d %s", n, plural(n, "topic", "topics")), g.CellW)), g.CellW))
	}
	lines = append(lines, Fit(names.String(), width), Fit(silent.String(), width))
	lines = append(lines, t.Rule.Render(strings.Repeat("─", max(width, 0))))

	if len(m.Rows) == 0 {
		lines = append(lines, Fit(t.Empty.Render(Truncate("no topics in this dossier", width)), width))
	}
	offset := ClampOffset(m.Offset, len(m.Rows), g.Rows)
	mc := t.newMatrixCells(g)
	for r := offset; r < len(m.Rows) && r < offset+g.Rows; r++ {
		lines = append(lines, t.matrixRow(m, mc, r, left, len(shown), g, width))
	}
	for len(lines) < height-g.InfoH {
		lines = append(lines, strings.Repeat(" ", max(width, 0)))
	}
	lines = lines[:max(height-g.InfoH, 0)]
	if g.InfoH > 0 {
		lines = append(lines, t.Rule.Render(strings.Repeat("─", max(width, 0))))
		lines = append(lines, t.matrixInfo(d, m, width, g.InfoH-1)...)
	}
	return Box(strings.Join(lines, "\n"), width, height)
}

func plural(n int, one, many string) string {
	if n == 1 {
		return one
	}
	return many
}

// matrixSummary counts the topics by class: "3 parties · 9 topics · ≡ 1
// common ground · ≠ 2 conflict · ≈ 1 partial · ~ 5 open".
func matrixSummary(m Matrix) string {
	counts := map[string]int{}
	for i := range m.Agreements {
		counts[AgreementWord(&m.Agreements[i])]++
	}
	which := "as in Compare"
	if m.All {
		which = "all"
	}
	parts := []string{
		fmt.Sprintf("%d %s (%s)", len(m.Parties), plural(len(m.Parties), "party", "parties"), which),
		fmt.Sprintf("%d %s", m.Topics, plural(m.Topics, "topic", "topics")),
	}
	for _, w := range []string{"≡ common ground", "≠ conflict", "≈ partial", "~ open"} {
		if n := counts[w]; n > 0 {
			sign, word, _ := strings.Cut(w, " ")
			parts = append(parts, fmt.Sprintf("%s %d %s", sign, n, word))
		}
	}
	return strings.Join(parts, " · ")
}

// pad cuts plain text to w cells and fills it out with spaces, so it can
// be styled as a whole and its width is known without measuring again.
func pad(text string, w int) string {
	text = Truncate(text, w)
	if n := w - ansi.StringWidth(text); n > 0 {
		text += strings.Repeat(" ", n)
	}
	return text
}

// matrixCells are the styled cells and classes of one frame, rendered once
// each rather than once a row: a frame of 12 parties and 56 rows would
// otherwise style 700 cells.
type matrixCells struct {
	stance  map[data.Stance]string
	silence string
	class   map[string]string
}

func (t *Theme) newMatrixCells(g MatrixGeometry) matrixCells {
	mc := matrixCells{stance: map[data.Stance]string{}, class: map[string]string{}}
	for _, st := range data.Stances {
		mc.stance[st] = t.Stance(st).Render(pad(StanceWord(st), g.CellW))
	}
	mc.silence = t.Muted.Render(pad("·", g.CellW))
	return mc
}

func (mc matrixCells) cell(t *Theme, pos *data.Position, w int) string {
	if pos == nil {
		return mc.silence
	}
	if c, ok := mc.stance[pos.Stance]; ok {
		return c
	}
	return t.Stance(pos.Stance).Render(pad(StanceWord(pos.Stance), w))
}

// matrixRow is one topic: the cursor gutter, the title indented by depth
// with ▾/▸ on a parent, the class, then one cell per shown party; exactly
// width cells.
func (t *Theme) matrixRow(m Matrix, mc matrixCells, r, left, ncols int, g MatrixGeometry, width int) string {
	row := m.Rows[r]
	cur := r == m.Row
	var sb strings.Builder
	gutter := " "
	if cur {
		gutter = t.Selected.Render("▌")
	}
	indent := strings.Repeat("  ", min(row.Depth, 6))
	if len(indent)*3 > g.TopicW {
		indent = ""
	}
	fold := "  "
	if row.HasChildren {
		fold = "▾ "
		if row.Collapsed {
			fold = "▸ "
		}
	}
	title := flatten(row.Topic.Title)
	suffix := ""
	if row.Collapsed && row.HiddenN > 0 {
		suffix = fmt.Sprintf(" +%d", row.HiddenN)
		for _, a := range []data.Agreement{data.CommonGround, data.Conflict, data.Open} {
			if n := row.Hidden[a]; n > 0 {
				suffix += fmt.Sprintf(" %s%d", agreementSign[a], n)
			}
		}
	}
	// gutter, indent and fold, the title and its suffix, a space.
	room := max(g.TopicW-1-len(indent)-2-1, 0)
	sw := ansi.StringWidth(suffix)
	if sw > room-8 {
		suffix, sw = "", 0
	}
	title = Truncate(title, room-sw)
	titleStyle := t.Summary
	if cur {
		titleStyle = t.Heading
	}
	sb.WriteString(gutter + indent + t.Muted.Render(fold) + titleStyle.Render(title) + t.Muted.Render(suffix))
	topicUsed := 3 + len(indent) + ansi.StringWidth(title) + sw
	sb.WriteString(strings.Repeat(" ", max(g.TopicW-topicUsed, 0)))
	word := AgreementWord(row.Agreement)
	if g.ClassW == narrowClassW {
		word, _, _ = strings.Cut(word, " ")
	}
	c, ok := mc.class[word]
	if !ok {
		c = t.agreement(row.Agreement).Render(pad(word, g.ClassW))
		mc.class[word] = c
	}
	sb.WriteString(c)
	used := max(g.TopicW, topicUsed) + g.ClassW
	for col := left; col < left+ncols; col++ {
		sb.WriteByte(' ')
		var pos *data.Position
		if row.Agreement != nil && col < len(row.Agreement.Positions) {
			pos = row.Agreement.Positions[col]
		}
		if cur && col == m.Col {
			cell := "·"
			if pos != nil {
				cell = StanceWord(pos.Stance)
			}
			sb.WriteString(t.SelectedRow.Render(pad(cell, g.CellW)))
		} else {
			sb.WriteString(mc.cell(t, pos, g.CellW))
		}
		used += 1 + g.CellW
	}
	if used > width {
		return Fit(sb.String(), width)
	}
	sb.WriteString(strings.Repeat(" ", width-used))
	return sb.String()
}

// matrixInfo is the strip under the matrix, n lines: the cell under the
// cursor in words, the topic's proposition the stance refers to, the
// position's summary and how to reach its evidence, and the party's moves;
// with two lines, the proposition (or else the summary) after the cell.
func (t *Theme) matrixInfo(d *data.Dossier, m Matrix, width, n int) []string {
	out := make([]string, 0, n)
	done := func(lines ...string) []string {
		for _, l := range lines {
			if len(out) < n {
				out = append(out, Fit(l, width))
			}
		}
		for len(out) < n {
			out = append(out, Fit("", width))
		}
		return out
	}
	if m.Row < 0 || m.Row >= len(m.Rows) || m.Col < 0 || m.Col >= len(m.Parties) {
		return done()
	}
	row, p := m.Rows[m.Row], m.Parties[m.Col]
	var pos *data.Position
	if row.Agreement != nil {
		pos = row.Agreement.Positions[m.Col]
	}
	head := t.Party(p.ID).Render(p.Label()) + t.Muted.Render(" on ") + t.Heading.Render(flatten(row.Topic.Title))
	prop := ""
	if row.Topic.Proposition != "" {
		prop = t.Muted.Render("Proposition: ") + t.Proposition.Render(Truncate(flatten(row.Topic.Proposition), max(width-13, 1)))
	}
	moves := ""
	if mv := MovesOf(data.ActCounts(d)[p.ID]); mv != "" && n > 2 {
		moves = t.Muted.Render(Truncate(p.Label()+"'s moves: "+mv, width))
	}
	if pos == nil {
		if prop != "" && n > 2 {
			return done(head, prop, t.Empty.Render(Truncate(NoPosition, width)), moves)
		}
		return done(head, t.Empty.Render(Truncate(NoPosition, width)), moves)
	}
	basis := pos.Basis
	if basis == "" {
		basis = data.BasisStated
	}
	head += t.Muted.Render(" — ") + t.StanceBadge(pos.Stance) + t.Muted.Render(" · "+string(basis))
	nev := len(d.Evidence(pos.Evidence))
	ev := fmt.Sprintf("%d evidence · enter opens", nev)
	if nev == 0 {
		ev = "no evidence cited"
	}
	summary := flatten(pos.Summary)
	room := width - ansi.StringWidth(ev) - 3
	second := t.Muted.Render(ev)
	if summary != "" && room > 10 {
		second = t.Summary.Render(Truncate(summary, room)) + t.Muted.Render(" · "+ev)
	}
	if prop != "" {
		return done(head, prop, second, moves)
	}
	return done(head, second, moves)
}

// EvidenceContent lists the statements behind a position, one selectable
// block each, for the evidence list the matrix opens over a cell.
func EvidenceContent(d *data.Dossier, pos *data.Position, width int, t *Theme) *Content {
	c := &Content{}
	for _, l := range Wrap(flatten(pos.Summary), width) {
		c.add(t.Summary.Render(l))
	}
	for _, s := range d.Evidence(pos.Evidence) {
		c.blank()
		statementBlock(c, d, s, width, t)
	}
	return c
}
