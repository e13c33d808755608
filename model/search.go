package model

import (
	"context"
	"fmt"
	"time"

	"charm.land/bubbles/v2/key"
	"charm.land/bubbles/v2/textinput"
	tea "charm.land/bubbletea/v2"
	"github.com/parley-dev/parley/data"
	"github.com/parley-dev/parley/data/search"
	"github.com/parley-dev/parley/views"
)

// Search is the Quotes screen: a query box and the statements that match,
// updated on every keystroke. The search runs as a command off the update
// loop; an answer to an older query is dropped, and a newer keystroke
// cancels the search still running for the old one.
//
// Until the index is ready (a large dossier is indexed in the background)
// the screen shows how far indexing has come, and searches once it lands.
type Search struct {
	frame
	ix      *search.Index
	pending *search.Pending // the index being built, while ix is nil

	input  textinput.Model
	typing bool // keys go to the query box

	query   search.Query
	res     *search.Results
	elapsed time.Duration
	seq     int // of the last query sent
	cancel  context.CancelFunc

	indexed, total int  // indexing progress while ix is nil
	reloaded       bool // the dossier changed: only its own index (reindexMsg) will do

	results views.Rect // where the results pane is drawn
	content *views.Content
	scroll  scroller
}

// SearchLimit is how many statements the screen lists for a query.
const SearchLimit = 100

// searchResultMsg is the answer to query number seq.
type searchResultMsg struct {
	seq     int
	res     *search.Results
	elapsed time.Duration
}

// SearchIndexMsg hands the Quotes screen its index when it was built in
// the background.
type SearchIndexMsg struct{ Index *search.Index }

// cachedDossierMsg is the dossier as the search cache written at its first
// open holds it (search.Pending.Cached), for the root to show instead.
type cachedDossierMsg struct {
	d  *data.Dossier
	ix *search.Index
}

// cachedDossierCmd waits for the cache a pending index writes, and hands
// over the dossier it holds (nothing when there is none).
func cachedDossierCmd(p *search.Pending) tea.Cmd {
	return func() tea.Msg {
		d, _, ix := p.Cached()
		if d == nil {
			return nil
		}
		return cachedDossierMsg{d: d, ix: ix}
	}
}

// reloadIndexed is Reload with the new dossier's index at hand: the
// results shown stay (the same statements), the next keystroke searches
// the new index.
func (m *Search) reloadIndexed(d *data.Dossier, ix *search.Index) tea.Cmd {
	m.d, m.ix, m.pending, m.reloaded = d, ix, nil, false
	return nil
}

// SearchProgressMsg reports indexing progress to the Quotes screen.
type SearchProgressMsg struct {
	Done, Total int
	next        tea.Cmd // waits for the next report
}

// SearchIndexCmd builds the dossier's search index off the update loop and
// reports to the Quotes screen: SearchProgressMsg now and then (the screen
// returns the command that waits for the next one), then SearchIndexMsg.
// The root starts it at Init and routes both messages to the Quotes screen
// whichever screen is showing; the first frame never waits for it.
func SearchIndexCmd(d *data.Dossier) tea.Cmd {
	ch := make(chan tea.Msg, 1)
	go func() {
		ix := search.Build(d, func(done, total int) {
			select {
			case ch <- SearchProgressMsg{Done: done, Total: total}:
			default: // the screen has not taken the last one yet: skip
			}
		})
		ch <- SearchIndexMsg{Index: ix}
	}()
	var wait tea.Cmd
	wait = func() tea.Msg {
		msg := <-ch
		if p, ok := msg.(SearchProgressMsg); ok {
			p.next = wait
			return p
		}
		return msg
	}
	return wait
}

// PendingIndexCmd is SearchIndexCmd for an index search.Open is building
// already: its progress as SearchProgressMsg, then SearchIndexMsg the
// moment it is ready.
func PendingIndexCmd(p *search.Pending) tea.Cmd {
	var wait tea.Cmd
	wait = func() tea.Msg {
		select {
		case <-p.Ready():
			return SearchIndexMsg{Index: p.Index()}
		case <-p.Changed():
			select {
			case <-p.Ready():
				return SearchIndexMsg{Index: p.Index()}
			default:
			}
			_, done, total := p.Progress()
			return SearchProgressMsg{Done: done, Total: total, next: wait}
		}
	}
	return wait
}

// maxQueryLength is the most characters the query box takes.
const maxQueryLength = 1000

// NewSearch builds the Quotes screen; ix may be nil while the index is
// still being built (send SearchIndexMsg when it is ready).
func NewSearch(d *data.Dossier, ix *search.Index, keys *keyMap, theme *views.Theme) *Search {
	ti := textinput.New()
	ti.Prompt = ""
	// A query longer than this is a paste gone wrong; bounding it keeps
	// every keystroke's parse and search quick.
	ti.CharLimit = maxQueryLength
	// Clearing the query is the key map's (input_clear), remappable.
	ti.KeyMap.DeleteBeforeCursor.SetEnabled(false)
	ti.Placeholder = `words, "a phrase", -word, party: speaker: topic: kind: act: via: date:`
	ti.SetStyles(queryStyles(theme))
	m := &Search{frame: newFrame(d, keys, theme), ix: ix, input: ti, typing: true}
	m.relayout = m.layout
	m.input.Focus()
	m.scroll = scroller{sel: -1}
	return m
}

// newQuotes is NewSearch for the explorer: the index may still be being
// built by search.Open (pending).
func newQuotes(d *data.Dossier, ix *search.Index, pending *search.Pending, keys *keyMap, theme *views.Theme) *Search {
	m := NewSearch(d, ix, keys, theme)
	m.pending = pending
	return m
}

// NewSearchScreen is NewSearch with the explorer's default keys, for
// programs outside the package (bench/searchui).
func NewSearchScreen(d *data.Dossier, ix *search.Index, theme *views.Theme) *Search {
	return NewSearch(d, ix, newKeyMap(), theme)
}

func (m *Search) Title() string { return "Quotes" }

func (m *Search) MinSize() (int, int) { return 40, 8 }

// CapturingInput is true while the query box has the keys.
func (m *Search) CapturingInput() bool { return m.typing }

// Init builds the index in the background when the screen has none yet,
// or waits for the one search.Open is building.
func (m *Search) Init() tea.Cmd {
	switch {
	case m.ix != nil:
		return nil
	case m.pending != nil:
		return PendingIndexCmd(m.pending)
	}
	return SearchIndexCmd(m.d)
}

// JumpKey is the key that opens Quotes from anywhere.
func (m *Search) JumpKey() key.Binding { return m.keys.Search }

// Jumped puts the keys in the query box when the screen is opened from
// elsewhere.
func (m *Search) Jumped() tea.Cmd { return m.Focus() }

// Focus puts the keys in the query box.
func (m *Search) Focus() tea.Cmd {
	m.typing = true
	return m.input.Focus()
}

// Query is the query as typed.
func (m *Search) Query() string { return m.input.Value() }

// Results is the last answer shown, or nil.
func (m *Search) Results() *search.Results { return m.res }

// queryStyles are the query box's: the input's own for the background,
// with a steady cursor, as in the export prompt: nothing to redraw every
// half second while the user reads the results (a redraw of a screen of
// results from a million statements is not free).
func queryStyles(t *views.Theme) textinput.Styles {
	s := textinput.DefaultStyles(t == nil || t.Dark)
	s.Cursor.Blink = false
	return s
}

// listRows is how many lines the result pane shows.
func (m *Search) listRows() int { return views.PaneRows(m.results.H) }

// layout places the query line, the summary and the results under them,
// and lays the results out; idempotent.
func (m *Search) layout() {
	m.input.SetWidth(max(m.width-4, 1))
	m.input.SetStyles(queryStyles(m.theme))
	m.results = views.Rect{Y: 2, W: m.width, H: max(m.height-2, 0)}
	var hits []search.Hit
	if m.res != nil {
		hits = m.res.Hits
	}
	sel := m.scroll.sel
	m.content = views.SearchList(m.d, hits, sel, views.PaneInner(m.width), m.theme)
	if len(m.content.Blocks) == 0 {
		m.scroll = scroller{sel: -1}
		return
	}
	if sel < 0 || sel >= len(m.content.Blocks) {
		m.scroll = newScroller(m.content)
		m.content = views.SearchList(m.d, hits, m.scroll.sel, views.PaneInner(m.width), m.theme)
	}
	m.scroll.show(m.content, m.listRows(), true)
	m.scroll.clamp(m.content, m.listRows())
}

// selectHit moves the selection and redraws the marks.
func (m *Search) selectHit(i int) {
	if m.content == nil || len(m.content.Blocks) == 0 {
		return
	}
	i = max(0, min(i, len(m.content.Blocks)-1))
	from := i > m.scroll.sel
	m.scroll.sel = i
	m.content = views.SearchList(m.d, m.res.Hits, i, views.PaneInner(m.width), m.theme)
	m.scroll.show(m.content, m.listRows(), from)
	m.scroll.clamp(m.content, m.listRows())
}

// search parses the query now (problems show at once) and sends the
// search off the update loop.
func (m *Search) search() tea.Cmd {
	q, _ := search.ParseQuery(m.input.Value(), m.d)
	m.query = q
	m.seq++
	if m.cancel != nil {
		m.cancel()
		m.cancel = nil
	}
	if m.ix == nil {
		return nil
	}
	seq, ix := m.seq, m.ix
	if len(q.Problems) > 0 || q.Empty() {
		// Nothing to look up: answer at once.
		m.res, m.elapsed = &search.Results{Query: q}, 0
		m.scroll = scroller{sel: -1}
		m.layout()
		return nil
	}
	ctx, cancel := context.WithCancel(context.Background())
	m.cancel = cancel
	return func() tea.Msg {
		start := time.Now()
		res, err := ix.SearchContext(ctx, q, SearchLimit)
		if err != nil {
			return nil // cancelled by a newer keystroke
		}
		return searchResultMsg{seq: seq, res: res, elapsed: time.Since(start)}
	}
}

func (m *Search) Update(msg tea.Msg) tea.Cmd {
	switch msg := msg.(type) {
	case searchResultMsg:
		if msg.seq != m.seq {
			return nil // a stale answer
		}
		m.res, m.elapsed = msg.res, msg.elapsed
		m.cancel = nil
		m.scroll = scroller{sel: -1}
		m.layout()
		return nil
	case SearchIndexMsg:
		if m.reloaded {
			return nil // the index of the dossier as it was
		}
		m.ix = msg.Index
		if p := m.pending; p != nil {
			// Built at the first open: the cache written next holds the
			// same dossier in less memory (takeCached).
			m.pending = nil
			return tea.Batch(m.search(), cachedDossierCmd(p))
		}
		return m.search()
	case reindexMsg:
		if msg.d != m.d {
			return nil
		}
		m.ix = msg.ix
		return m.search()
	case SearchProgressMsg:
		m.indexed, m.total = msg.Done, msg.Total
		return msg.next
	case tea.KeyPressMsg:
		return m.key(msg)
	case tea.MouseWheelMsg:
		if m.content != nil {
			m.scroll.wheel(msg, m.content, m.listRows())
			m.selectHit(m.scroll.sel)
		}
		return nil
	case tea.MouseClickMsg:
		if msg.Button == tea.MouseLeft && m.content != nil {
			line, ok := views.PaneLine(m.results, m.scroll.offset, msg.X, msg.Y)
			if b := m.content.BlockAt(line); ok && b >= 0 {
				if b == m.scroll.sel {
					return m.open()
				}
				m.selectHit(b)
			}
		}
		return nil
	}
	if m.typing {
		var cmd tea.Cmd
		m.input, cmd = m.input.Update(msg)
		return cmd
	}
	return nil
}

func (m *Search) open() tea.Cmd {
	if m.res == nil || m.scroll.sel < 0 || m.scroll.sel >= len(m.res.Hits) {
		return nil
	}
	return openStatement(m.res.Hits[m.scroll.sel].Statement.ID)
}

// key is a key while the query box has the keys (letters type) or while
// the results have them (the screen's keys).
func (m *Search) key(msg tea.KeyPressMsg) tea.Cmd {
	k := m.keys
	if m.typing {
		switch {
		case key.Matches(msg, k.InputCancel):
			return m.close()
		case key.Matches(msg, k.InputSubmit):
			return m.open()
		case key.Matches(msg, k.InputUp):
			m.selectHit(m.scroll.sel - 1)
		case key.Matches(msg, k.InputDown):
			m.selectHit(m.scroll.sel + 1)
		case key.Matches(msg, k.InputPageUp):
			m.selectHit(m.scroll.sel - 5)
		case key.Matches(msg, k.InputPageDown):
			m.selectHit(m.scroll.sel + 5)
		case key.Matches(msg, k.InputSwitch):
			m.typing = false
			m.input.Blur()
		case key.Matches(msg, k.InputClear):
			m.input.SetValue("")
			return m.search()
		default:
			before := m.input.Value()
			var cmd tea.Cmd
			m.input, cmd = m.input.Update(msg)
			if m.input.Value() != before {
				return tea.Batch(cmd, m.search())
			}
			return cmd
		}
		return nil
	}
	switch {
	case key.Matches(msg, k.Back):
		return m.close()
	case key.Matches(msg, k.Open):
		return m.open()
	case key.Matches(msg, k.EditQuery):
		return m.Focus()
	case key.Matches(msg, k.NextHit), key.Matches(msg, k.Down):
		m.selectHit(m.scroll.sel + 1)
	case key.Matches(msg, k.PrevHit), key.Matches(msg, k.Up):
		m.selectHit(m.scroll.sel - 1)
	case key.Matches(msg, k.PageDown):
		m.selectHit(m.scroll.sel + 5)
	case key.Matches(msg, k.PageUp):
		m.selectHit(m.scroll.sel - 5)
	case key.Matches(msg, k.Top):
		m.selectHit(0)
	case key.Matches(msg, k.Bottom):
		if m.content != nil {
			m.selectHit(len(m.content.Blocks) - 1)
		}
	case key.Matches(msg, k.Copy):
		if m.res != nil && m.scroll.sel >= 0 && m.scroll.sel < len(m.res.Hits) {
			return copyStatement(m.d, m.res.Hits[m.scroll.sel].Statement)
		}
	}
	return nil
}

// close stops the search still running and asks the root to go back to
// where the user was before `/`.
func (m *Search) close() tea.Cmd {
	if m.cancel != nil {
		m.cancel()
		m.cancel = nil
	}
	return msgCmd(GoBackMsg{})
}

func (m *Search) View() string {
	t := m.theme
	w := m.width
	// The query line.
	prompt := t.Paint(&t.Heading, "/ ")
	line1 := prompt + m.input.View()
	// The summary: count and time, the problems, or indexing progress.
	var summary string
	switch {
	case m.ix == nil:
		if m.total > 0 {
			summary = t.Paint(&t.Notice, views.Truncate(fmt.Sprintf("indexing %d of %d statements…", m.indexed, m.total), w))
		} else {
			summary = t.Paint(&t.Notice, "indexing…")
		}
	case len(m.query.Problems) > 0:
		summary = t.Paint(&t.Notice, views.Truncate(views.SearchSummary(&search.Results{Query: m.query}), w))
	case m.res != nil:
		s := views.SearchSummary(m.res)
		if !m.res.Query.Empty() {
			if ms := float64(m.elapsed.Microseconds()) / 1000; ms >= 0.1 {
				s += fmt.Sprintf(" · %.1f ms", ms)
			} else {
				s += " · <0.1 ms"
			}
		}
		if m.res.Query.Raw != m.input.Value() {
			s += " · searching…"
		}
		summary = t.Paint(&t.Muted, views.Truncate(s, w))
	default:
		summary = t.Paint(&t.Muted, views.Truncate(views.SearchSummary(&search.Results{Query: m.query}), w))
	}
	title := "Quotes"
	if m.res != nil && m.res.Total > 0 {
		title = fmt.Sprintf("Quotes · %d of %d", m.scroll.sel+1, min(m.res.Total, len(m.res.Hits)))
	}
	pane := t.Render(views.Pane{
		Title: title, Content: m.content, Offset: m.scroll.offset, Focused: !m.typing,
		Mark: m.scroll.sel, Width: m.results.W, Height: m.results.H,
	})
	return views.Fit(line1, w) + "\n" + views.Fit(summary, w) + "\n" + pane
}

func (m *Search) ShortHelp() []key.Binding {
	k := m.keys
	if m.typing {
		return []key.Binding{k.InputSubmit, k.InputMoveHelp, k.InputSwitch, k.InputCancel}
	}
	return []key.Binding{k.Open, k.HitHelp, k.EditQuery, k.Back, k.Copy}
}

func (m *Search) FullHelp() [][]key.Binding {
	k := m.keys
	if m.typing {
		return [][]key.Binding{
			{k.InputSubmit, k.InputMoveHelp, k.InputPageUp, k.InputPageDown},
			{k.InputSwitch, k.InputClear, k.InputCancel},
		}
	}
	return [][]key.Binding{
		{k.Open, k.MoveHelp, k.HitHelp, k.PageHelp, k.EndsHelp},
		{k.EditQuery, k.Back, k.Copy},
	}
}

// ExportMarkdown is the statements found, in their order.
func (m *Search) ExportMarkdown() (string, func() []byte, bool) {
	res := m.res
	if res == nil || len(res.Hits) == 0 {
		return "", nil, false
	}
	found := make([]*data.Statement, len(res.Hits))
	for i, h := range res.Hits {
		found[i] = h.Statement
	}
	d, query, total := m.d, m.Query(), res.Total
	return "quotes-" + query, func() []byte { return views.SearchMarkdown(d, query, found, total) }, true
}
