// Package model owns parley's Bubble Tea state machines: the root model
// (screens, focus, key routing, size), one model per screen, the key map
// and help. The root talks to screens only through the contract in
// screen.go; every key is a binding of the one key map in keys.go. What
// they show is drawn by package views; the dossier comes from package
// data. It does no I/O inside Update: that is what commands are for.
package model

import (
	"os"
	"slices"
	"strings"

	"charm.land/bubbles/v2/help"
	"charm.land/bubbles/v2/key"
	tea "charm.land/bubbletea/v2"
	"github.com/charmbracelet/colorprofile"
	"github.com/parley-dev/parley/data"
	"github.com/parley-dev/parley/data/edit"
	"github.com/parley-dev/parley/data/search"
	"github.com/parley-dev/parley/views"
)

// Options are how the explorer starts.
type Options struct {
	// Theme is "auto" (ask the terminal, dark if it does not say), "dark"
	// or "light". "" means auto.
	Theme string
	// NoColor turns colour off. Run also turns it off when the NO_COLOR
	// environment variable has any non-empty value.
	NoColor bool
	// Plain draws for screen readers: no box drawing, words instead of
	// glyphs, panes one after another, one line per item. Run also turns
	// it on when the ACCESSIBLE environment variable has any non-empty
	// value.
	Plain bool
	// Parties are the party ids Compare shows first, in order (2–4); empty
	// means the dossier's compare list or its first three parties.
	Parties []string
	// Keys remaps bindings by name (see BindingNames): the config file's
	// keys: section.
	Keys map[string][]string
	// Index is the dossier's search index when the caller has one (from
	// the cache); nil builds it in the background after the first frame.
	Index *search.Index
	// Pending, when Index is nil, is the index being built in the
	// background by search.Open (the first open of a large dossier): the
	// Quotes screen shows its progress and searches once it is ready.
	Pending *search.Pending
	// ProgramOptions are passed to tea.NewProgram (tests set input and
	// output here).
	ProgramOptions []tea.ProgramOption

	// Session is the dossier's file opened for editing (data/edit.Open),
	// or Open opens it, in a command after the first frame (a large
	// dossier's statement files take a while); with neither the dossier is
	// read-only, and an edit tried says ReadOnly.
	Session  *edit.Session
	Open     func() (*edit.Session, error)
	ReadOnly string
	// Autosave saves after every edit that leaves the dossier valid.
	Autosave bool
	// Watch reloads the dossier when its files change on disk.
	Watch bool
	// Problems are what loading the dossier found (warnings): `!` lists
	// them until an edit checks the dossier again.
	Problems data.Problems
	// EvidenceLimit is how many statements a form's list of evidence
	// holds at most (0: 20,000); what is typed in it is looked for among
	// all the statements through the search index.
	EvidenceLimit int
}

// Root is the explorer: it owns the terminal size, the screens and which
// one is active, the statement detail opened over them, the global keys and
// the footer help.
type Root struct {
	d     *data.Dossier
	opts  Options
	keys  *keyMap
	theme *views.Theme
	dark  bool

	width, height int

	screens []Screen
	active  int
	detail  *Detail // open over the active screen, or nil
	back    place   // where GoBackMsg returns: the place before the last switch
	jumpers []jumper

	help  help.Model
	flash string

	askTrueColor bool // ask the terminal whether it has true colour

	export exportFlow // the `e` prompt (export.go)
	ws     *workspace // editing (editing.go)
	forms  []*form    // open over the body, the last in front

	// Derived by layout.
	body     views.Rect // where the screen in front is drawn
	footerH  int
	tabSpans []data.Span
}

// jumper is a screen a global key opens, found once (not on every key).
type jumper struct {
	Jumper
	screen int
	key    key.Binding
}

// place is where the user is: a screen and the detail open over it.
type place struct {
	screen int
	detail *Detail
}

// New builds the explorer on a dossier; run it with tea.NewProgram, or
// call Run.
func New(d *data.Dossier, opts Options) *Root {
	m := &Root{d: d, opts: opts, keys: newKeyMap(), dark: opts.Theme != "light"}
	m.keys.apply(opts.Keys)
	m.theme = m.newTheme(m.dark)
	m.help = help.New()
	m.styleHelp()
	m.export.keys = m.keys
	parties := comparedParties(d, opts.Parties)
	m.screens = []Screen{
		NewCompare(d, m.keys, m.theme, parties),
		NewDemands(d, m.keys, m.theme),
		NewMatrix(d, m.keys, m.theme, parties),
		NewSource(d, m.keys, m.theme),
		NewTimeline(d, m.keys, m.theme),
		newQuotes(d, opts.Index, opts.Pending, m.keys, m.theme),
	}
	m.ws = newWorkspace(opts.Session, opts.ReadOnly, opts.Autosave, opts.Problems)
	m.ws.evidenceCap = opts.EvidenceLimit
	if opts.Session == nil {
		m.ws.open = opts.Open
	}
	if opts.Session != nil || opts.Open != nil {
		m.screens = append(m.screens, NewReview(d, m.keys, m.theme))
	}
	for i, s := range m.screens {
		if f, ok := s.(interface{ share(*workspace) }); ok {
			f.share(m.ws)
		}
		if j, ok := s.(Jumper); ok {
			m.jumpers = append(m.jumpers, jumper{Jumper: j, screen: i, key: j.JumpKey()})
		}
		if l, ok := s.(Leader); ok && l.Leads() {
			m.active = i
		}
	}
	return m
}

// Run opens the explorer full screen on the dossier and returns when the
// user quits.
func Run(d *data.Dossier, opts Options) error {
	m, popts := prepare(d, opts)
	_, err := tea.NewProgram(m, popts...).Run()
	return err
}

// prepare is Run up to starting the program: the environment read into
// the options, the explorer built, the colour profile chosen.
func prepare(d *data.Dossier, opts Options) (*Root, []tea.ProgramOption) {
	opts = fromEnvironment(opts)
	popts := opts.ProgramOptions
	m := New(d, opts)
	switch {
	case opts.NoColor:
		popts = append([]tea.ProgramOption{tea.WithColorProfile(colorprofile.ASCII)}, popts...)
	case os.Getenv("TMUX") != "":
		// Inside tmux, colour detection runs `tmux info`, which holds the
		// first frame back by 10–20 ms. Start from what the environment
		// says and ask the terminal for true colour instead (tea upgrades
		// the profile when it answers).
		env := slices.DeleteFunc(os.Environ(), func(kv string) bool { return strings.HasPrefix(kv, "TMUX=") })
		popts = append([]tea.ProgramOption{tea.WithColorProfile(colorprofile.Detect(os.Stdout, env))}, popts...)
		m.askTrueColor = true
	}
	return m, popts
}

func (m *Root) Init() tea.Cmd {
	var cmds []tea.Cmd
	if m.opts.Theme == "" || m.opts.Theme == "auto" {
		cmds = append(cmds, tea.RequestBackgroundColor)
	}
	if m.askTrueColor {
		cmds = append(cmds, tea.RequestCapability("RGB"), tea.RequestCapability("Tc"))
	}
	for _, s := range m.screens {
		if i, ok := s.(Initer); ok {
			cmds = append(cmds, i.Init())
		}
	}
	if m.opts.Watch && m.ws.canEdit() {
		cmds = append(cmds, watch(m.watchedFiles()))
	}
	return tea.Batch(cmds...)
}

// setTheme rebuilds every style for a light or dark background.
func (m *Root) setTheme(dark bool) {
	if dark == m.dark {
		return
	}
	m.dark = dark
	m.theme = m.newTheme(dark)
	m.styleHelp()
	for _, s := range m.screens {
		s.SetTheme(m.theme)
	}
	if m.detail != nil {
		m.detail.SetTheme(m.theme)
	}
}

func (m *Root) styleHelp() {
	t := m.theme
	m.help.Styles = help.Styles{
		Ellipsis: t.HelpSep, ShortKey: t.HelpKey, ShortDesc: t.HelpDesc, ShortSeparator: t.HelpSep,
		FullKey: t.HelpKey, FullDesc: t.HelpDesc, FullSeparator: t.HelpSep,
	}
}

// child is what keys and the body go to: the detail when it is open,
// otherwise the active screen.
func (m *Root) child() Screen {
	if m.detail != nil {
		return m.detail
	}
	return m.screens[m.active]
}

// minSize is the smallest terminal the current screen fits in.
func (m *Root) minSize() (int, int) {
	w, h := m.child().MinSize()
	return max(w, 40), h + 2 // header and one line of help
}

func (m *Root) tooSmall() bool {
	w, h := m.minSize()
	return m.width < w || m.height < h
}

// layout sizes the header, body and footer and hands the body to the
// active screen (the others are laid out when they are shown: a hidden
// Timeline of 10 000 statements need not follow every resize); the only
// place the root does layout arithmetic, idempotent.
func (m *Root) layout() {
	m.help.SetWidth(m.width)
	m.footerH = 1
	if m.help.ShowAll {
		m.footerH = max(min(len(m.fullHelp()), m.height/3), 1)
	}
	m.body = views.Rect{Y: 1, W: m.width, H: max(m.height-1-m.footerH, 0)} // under the header
	_, m.tabSpans = m.header()
	m.screens[m.active].SetSize(m.body.W, m.body.H)
	if m.detail != nil {
		m.detail.SetSize(m.body.W, m.body.H)
	}
}

func (m *Root) tabTitles() []string {
	out := make([]string, len(m.screens))
	for i, s := range m.screens {
		out[i] = s.Title()
	}
	return out
}

func (m *Root) Update(msg tea.Msg) (tea.Model, tea.Cmd) {
	if cmd, ok := m.editingUpdate(msg); ok {
		return m, cmd
	}
	if len(m.forms) > 0 {
		switch msg := msg.(type) {
		case tea.KeyPressMsg:
			m.flash = ""
			if key.Matches(msg, m.keys.ForceQuit) {
				return m, m.quit()
			}
			return m, m.formUpdate(msg)
		case tea.PasteMsg:
			return m, m.formUpdate(msg)
		case tea.MouseMsg, tea.PasteStartMsg, tea.PasteEndMsg, tea.KeyReleaseMsg:
			return m, nil
		}
	}
	if cmd, ok := m.exportUpdate(msg); ok {
		return m, cmd
	}
	switch msg := msg.(type) {
	case tea.WindowSizeMsg:
		m.width, m.height = msg.Width, msg.Height
		m.layout()
		return m, nil
	case tea.BackgroundColorMsg:
		if m.opts.Theme == "" || m.opts.Theme == "auto" {
			m.setTheme(msg.IsDark())
		}
		return m, nil
	case FlashMsg:
		m.flash = string(msg)
		return m, nil
	case GoBackMsg:
		back := m.back
		m.switchTo(back.screen)
		m.detail = back.detail
		if m.detail != nil {
			m.detail.SetSize(m.body.W, m.body.H)
		}
		return m, nil
	case cachedDossierMsg:
		return m, m.takeCached(msg)
	case OpenStatementMsg:
		if s := m.d.Statement(msg.ID); s != nil {
			m.detail = NewDetail(m.d, m.keys, m.theme, s)
			m.detail.share(m.ws)
			m.detail.SetSize(m.body.W, m.body.H)
		}
		return m, nil
	case ShowInSourceMsg:
		m.showInSource(msg.ID)
		return m, nil
	case tea.KeyPressMsg:
		m.flash = ""
		return m, m.handleKey(msg)
	case tea.MouseClickMsg:
		if msg.Y < m.body.Y {
			if msg.Button == tea.MouseLeft {
				for i, sp := range m.tabSpans {
					if msg.X >= sp.Start && msg.X < sp.End {
						m.switchTo(i)
					}
				}
			}
			return m, nil
		}
		return m, m.toBody(msg, msg.X, msg.Y, func(y int) tea.Msg { msg.Y = y; return msg })
	case tea.MouseWheelMsg:
		return m, m.toBody(msg, msg.X, msg.Y, func(y int) tea.Msg { msg.Y = y; return msg })
	case tea.MouseMotionMsg:
		return m, m.toBody(msg, msg.X, msg.Y, func(y int) tea.Msg { msg.Y = y; return msg })
	case tea.MouseReleaseMsg:
		return m, m.toBody(msg, msg.X, msg.Y, func(y int) tea.Msg { msg.Y = y; return msg })
	case tea.MouseMsg, tea.PasteMsg, tea.PasteStartMsg, tea.PasteEndMsg, tea.KeyReleaseMsg:
		return m, m.child().Update(msg)
	}
	// Everything else is news (a search result, an index built in the
	// background, the parties Compare shows): every screen hears it,
	// whichever is in front.
	cmds := make([]tea.Cmd, 0, len(m.screens)+1)
	for _, s := range m.screens {
		cmds = append(cmds, s.Update(msg))
	}
	if m.detail != nil {
		cmds = append(cmds, m.detail.Update(msg))
	}
	switch msg.(type) {
	case SearchIndexMsg, reindexMsg:
		cmds = append(cmds, m.refind()) // a form's list waiting for it
	}
	return m, tea.Batch(cmds...)
}

// toBody hands a mouse event on the body to the screen in front, with Y
// counted from the top of the body; events elsewhere are dropped.
func (m *Root) toBody(msg tea.Msg, x, y int, at func(y int) tea.Msg) tea.Cmd {
	if m.tooSmall() || !m.body.Contains(x, y) || m.ws.problems != nil || m.ws.conflict != nil || m.ws.quitting {
		return nil
	}
	return m.child().Update(at(y - m.body.Y))
}

// handleKey runs the global bindings first and gives the key to the
// focused child only when none of them took it.
func (m *Root) handleKey(msg tea.KeyPressMsg) tea.Cmd {
	k := m.keys
	name := keyName(msg.String()) // once, not once per binding tried
	if key.Matches(name, k.ForceQuit) {
		return m.quit()
	}
	if m.capturing() {
		return m.child().Update(msg)
	}
	switch {
	case key.Matches(name, k.Quit):
		return m.quit()
	case key.Matches(name, k.Help):
		m.help.ShowAll = !m.help.ShowAll
		m.layout()
		return nil
	case m.detail != nil && key.Matches(name, k.Back):
		m.detail = nil
		return nil
	}
	for i := range m.screens {
		if key.Matches(name, k.Screen[i]) {
			m.switchTo(i)
			return nil
		}
	}
	for _, j := range m.jumpers {
		if key.Matches(name, j.key) {
			m.switchTo(j.screen)
			return j.Jumper.Jumped()
		}
	}
	return m.child().Update(msg)
}

// capturing reports whether the screen in front (or a form over it) is
// typing text, so `e` is a letter there, not an export.
func (m *Root) capturing() bool {
	if len(m.forms) > 0 {
		return true
	}
	c, ok := m.child().(InputCapturer)
	return ok && c.CapturingInput()
}

// keyName is a key as bindings name it ("ctrl+c"), worked out once.
type keyName string

func (k keyName) String() string { return string(k) }

// showInSource switches to the screen that shows statements where they
// stand, with this one in focus; a statement taken from no source of the
// dossier stays where it is, and the footer says why.
func (m *Root) showInSource(id string) {
	s := m.d.Statement(id)
	if s == nil {
		return
	}
	if m.d.Source(s.Source) == nil {
		m.flash = "this statement is not taken from a source of the dossier"
		return
	}
	for i, sc := range m.screens {
		if sh, ok := sc.(StatementShower); ok {
			m.switchTo(i)
			sh.ShowStatement(id)
			return
		}
	}
}

// switchTo puts screen i in front (closing the detail), remembering the
// place it leaves for GoBackMsg.
func (m *Root) switchTo(i int) {
	if i != m.active {
		m.back = place{screen: m.active, detail: m.detail}
	}
	m.detail = nil
	if i != m.active {
		m.active = i
		m.layout()
	}
}

// View draws header, body and footer, or the too-small notice; alt screen
// and mouse are fields of the view.
func (m *Root) View() tea.View {
	v := tea.NewView(m.render())
	v.AltScreen = true
	v.MouseMode = tea.MouseModeCellMotion
	v.WindowTitle = "parley"
	return v
}

func (m *Root) render() string {
	if m.width <= 0 || m.height <= 0 {
		return ""
	}
	if m.tooSmall() {
		w, h := m.minSize()
		return views.TooSmall(w, h, m.width, m.height, m.theme)
	}
	header, _ := m.header()
	footer := m.shortHelp()
	if m.help.ShowAll {
		footer = strings.Join(m.fullHelp(), "\n")
	}
	if m.flash != "" {
		footer = m.theme.Notice.Render(m.flash)
	}
	if v := m.exportView(); v != "" {
		footer = v
	}
	if v := m.editingView(); v != "" {
		footer = v
	}
	var body string
	switch {
	case len(m.forms) > 0:
		body = m.forms[len(m.forms)-1].view(m.body.W, m.body.H, m.theme)
	case m.ws.problems != nil:
		body = m.problemsBody()
	default:
		body = m.child().View()
	}
	return header + "\n" + views.Rows(body, m.body.W, m.body.H) + "\n" + views.Box(footer, m.width, m.footerH)
}

// ShortHelp is the footer: the focused child's keys, then the global ones.
func (m *Root) ShortHelp() []key.Binding {
	if h := m.editingHelp(); h != nil {
		return h
	}
	if len(m.forms) > 0 {
		return append(m.forms[len(m.forms)-1].help(m.keys), m.keys.ForceQuit)
	}
	return append(m.child().ShortHelp(), m.globalHelp()...)
}

// FullHelp is every key that works here, in columns.
func (m *Root) FullHelp() [][]key.Binding {
	if h := m.editingHelp(); h != nil {
		return [][]key.Binding{h}
	}
	if len(m.forms) > 0 {
		return [][]key.Binding{m.forms[len(m.forms)-1].help(m.keys), {m.keys.ForceQuit}}
	}
	g := append(m.child().FullHelp(), m.globalHelp())
	if e := m.editHelp(); e != nil {
		g = append(g, e)
	}
	return g
}

// globalHelp is the root's own keys, after the screen's; while a text
// box has the keys, letters type, and only ForceQuit is the root's.
func (m *Root) globalHelp() []key.Binding {
	k := m.keys
	if m.capturing() {
		return []key.Binding{k.ForceQuit}
	}
	return []key.Binding{k.Search, k.Export, k.ScreensHelp, k.Help, k.Quit}
}

// helpNow is every key the footer offers now: the export prompt's while
// it asks, otherwise the screen's and the root's.
func (m *Root) helpNow() []key.Binding {
	if h := m.export.help(); h != nil {
		return h
	}
	if h := m.editingHelp(); h != nil {
		return h
	}
	all := m.ShortHelp()
	for _, col := range m.FullHelp() {
		all = append(all, col...)
	}
	return all
}

// fullHelp lays FullHelp out in as many bands of columns as the width
// needs, so no key is cut off.
func (m *Root) fullHelp() []string {
	var groups [][]views.HelpItem
	for _, g := range m.FullHelp() {
		groups = append(groups, helpItems(g))
	}
	if m.opts.Plain {
		return views.PlainHelpLines(groups, m.width, m.theme)
	}
	return views.HelpGrid(groups, m.width, m.theme)
}

// helpItems is what help shows of the bindings that are enabled.
func helpItems(bindings []key.Binding) []views.HelpItem {
	var items []views.HelpItem
	for _, b := range bindings {
		if b.Enabled() {
			items = append(items, views.HelpItem{Key: b.Help().Key, Desc: b.Help().Desc})
		}
	}
	return items
}

// fromEnvironment turns on what the environment asks for: NO_COLOR (no
// colour) and ACCESSIBLE (plain mode), each with any non-empty value.
func fromEnvironment(opts Options) Options {
	if os.Getenv("NO_COLOR") != "" {
		opts.NoColor = true
	}
	if os.Getenv("ACCESSIBLE") != "" {
		opts.Plain = true
	}
	return opts
}

// newTheme builds the styles for a background, plain or not.
func (m *Root) newTheme(dark bool) *views.Theme {
	if m.opts.Plain {
		return views.AccessibleTheme(m.d, dark, m.opts.NoColor)
	}
	return views.NewTheme(m.d, dark, m.opts.NoColor)
}

// header is the top line and where its tabs are.
func (m *Root) header() (string, []data.Span) {
	if m.opts.Plain {
		return views.PlainHeader(m.d, m.tabTitles(), m.active, m.width, m.ws.status(), m.theme)
	}
	return views.Header(m.d, m.tabTitles(), m.active, m.width, m.ws.status(), m.theme)
}

// shortHelp is the one-line footer.
func (m *Root) shortHelp() string {
	if m.opts.Plain {
		return views.PlainHelp(helpItems(m.ShortHelp()), m.width, m.theme)
	}
	return m.help.ShortHelpView(m.ShortHelp())
}
