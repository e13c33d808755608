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
	d     *data.Dossier
	ix    *search.Index
	keys  *keyMap
	skeys searchKeys
	theme *views.Theme

	input  textinput.Model
	typing bool // keys go to the query box

	query   search.Query
	res     *search.Results
	elapsed time.Duration
	seq     int // of the last query sent
	cancel  context.CancelFunc

	indexed, total int // indexing progress while ix is nil

	width, height int
	content       *views.Content
	scroll        scroller
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

// CloseSearchMsg asks the root to go back to where the user was before
// `/` (esc on the Quotes screen).
type CloseSearchMsg struct{}

type searchKeys struct {
	Focus, Results, Next, Prev, Clear key.Binding
}

func newSearchKeys() searchKeys {
	return searchKeys{
		Focus:   key.NewBinding(key.WithKeys("/"), key.WithHelp("/", "edit query")),
		Results: key.NewBinding(key.WithKeys("tab"), key.WithHelp("tab", "query/results")),
		Next:    key.NewBinding(key.WithKeys("n"), key.WithHelp("n/N", "next/previous")),
		Prev:    key.NewBinding(key.WithKeys("N")),
		Clear:   key.NewBinding(key.WithKeys("ctrl+u"), key.WithHelp("ctrl+u", "clear query")),
	}
}

// NewSearch builds the Quotes screen; ix may be nil while the index is
// still being built (send SearchIndexMsg when it is ready).
func NewSearch(d *data.Dossier, ix *search.Index, keys *keyMap, theme *views.Theme) *Search {
	ti := textinput.New()
	ti.Prompt = ""
	// A query longer than this is a paste gone wrong; bounding it keeps
	// every keystroke's parse and search quick.
	ti.CharLimit = maxQueryLength
	ti.Placeholder = `words, "a phrase", -word, party: speaker: topic: kind: date:`
	ti.SetStyles(textinput.DefaultStyles(theme == nil || theme.Dark))
	m := &Search{d: d, ix: ix, keys: keys, skeys: newSearchKeys(), theme: theme, input: ti, typing: true}
	m.input.Focus()
	m.scroll = scroller{sel: -1}
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

// Focus puts the keys in the query box (the root calls it when `/` opens
// the screen).
func (m *Search) Focus() tea.Cmd {
	m.typing = true
	return m.input.Focus()
}

// Query is the query as typed.
func (m *Search) Query() string { return m.input.Value() }

// Results is the last answer shown, or nil.
func (m *Search) Results() *search.Results { return m.res }

func (m *Search) SetSize(w, h int) {
	m.width, m.height = w, h
	m.input.SetWidth(max(w-4, 1))
	m.layout()
}

func (m *Search) SetTheme(t *views.Theme) {
	m.theme = t
	m.input.SetStyles(textinput.DefaultStyles(t.Dark))
	m.layout()
}

// listRows is how many lines the result pane shows.
func (m *Search) listRows() int { return views.PaneRows(max(m.height-2, 0)) }

func (m *Search) layout() {
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
		m.ix = msg.Index
		return m.search()
	case SearchProgressMsg:
		m.indexed, m.total = msg.Done, msg.Total
		return msg.next
	case tea.KeyPressMsg:
		return m.key(msg)
	case tea.MouseWheelMsg:
		if m.content != nil {
			switch msg.Button {
			case tea.MouseWheelUp:
				m.scroll.scroll(m.content, -3, m.listRows())
			case tea.MouseWheelDown:
				m.scroll.scroll(m.content, 3, m.listRows())
			}
			m.selectHit(m.scroll.sel)
		}
		return nil
	case tea.MouseClickMsg:
		if msg.Button == tea.MouseLeft && m.content != nil {
			line := msg.Y - 3 + m.scroll.offset // input, summary, pane border
			if b := m.content.BlockAt(line); b >= 0 {
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

func (m *Search) key(msg tea.KeyPressMsg) tea.Cmd {
	k, sk := m.keys, m.skeys
	switch msg.String() {
	case "esc":
		if m.cancel != nil {
			m.cancel()
			m.cancel = nil
		}
		return func() tea.Msg { return CloseSearchMsg{} }
	case "enter":
		return m.open()
	case "up":
		m.selectHit(m.scroll.sel - 1)
		return nil
	case "down":
		m.selectHit(m.scroll.sel + 1)
		return nil
	case "pgdown":
		m.selectHit(m.scroll.sel + 5)
		return nil
	case "pgup":
		m.selectHit(m.scroll.sel - 5)
		return nil
	case "tab":
		m.typing = !m.typing
		if m.typing {
			return m.input.Focus()
		}
		m.input.Blur()
		return nil
	}
	if m.typing {
		if key.Matches(msg, sk.Clear) {
			m.input.SetValue("")
			return m.search()
		}
		before := m.input.Value()
		var cmd tea.Cmd
		m.input, cmd = m.input.Update(msg)
		if m.input.Value() != before {
			return tea.Batch(cmd, m.search())
		}
		return cmd
	}
	switch {
	case key.Matches(msg, sk.Focus):
		return m.Focus()
	case key.Matches(msg, sk.Next), key.Matches(msg, k.Down):
		m.selectHit(m.scroll.sel + 1)
	case key.Matches(msg, sk.Prev), key.Matches(msg, k.Up):
		m.selectHit(m.scroll.sel - 1)
	case key.Matches(msg, k.Top):
		m.selectHit(0)
	case key.Matches(msg, k.Bottom):
		if m.content != nil {
			m.selectHit(len(m.content.Blocks) - 1)
		}
	case key.Matches(msg, k.Copy):
		if m.res != nil && m.scroll.sel >= 0 && m.scroll.sel < len(m.res.Hits) {
			return tea.Batch(tea.SetClipboard(views.CopyText(m.d, m.res.Hits[m.scroll.sel].Statement)), flash("copied the statement with its attribution"))
		}
	}
	return nil
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
		Mark: m.scroll.sel, Width: w, Height: max(m.height-2, 0),
	})
	return views.Fit(line1, w) + "\n" + views.Fit(summary, w) + "\n" + pane
}

func (m *Search) ShortHelp() []key.Binding {
	k := m.keys
	if m.typing {
		return []key.Binding{k.Open, k.MoveHelp, m.skeys.Results, k.Back}
	}
	return []key.Binding{k.Open, m.skeys.Next, m.skeys.Focus, k.Back, k.Copy}
}

func (m *Search) FullHelp() [][]key.Binding {
	k := m.keys
	return [][]key.Binding{{k.Open, k.MoveHelp, m.skeys.Next}, {m.skeys.Focus, m.skeys.Results, m.skeys.Clear, k.Back, k.Copy}}
}
