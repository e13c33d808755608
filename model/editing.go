package model

import (
	"errors"
	"fmt"
	"path/filepath"
	"slices"
	"strings"

	"charm.land/bubbles/v2/key"
	tea "charm.land/bubbletea/v2"
	"github.com/parley-dev/parley/data"
	"github.com/parley-dev/parley/data/edit"
	"github.com/parley-dev/parley/data/search"
	"github.com/parley-dev/parley/views"
)

// Editing a dossier in the explorer. The root holds the editing session
// (data/edit): a screen or a form asks for an edit with an EditMsg; the
// root applies it to the session in memory, then checks the dossier in a
// command (its sources are read from disk) and hands the dossier that
// comes back to every screen, each keeping its place. Saving, reading a
// change on disk and writing the copies a conflict keeps are commands
// too, from a snapshot of the session, so Update never waits on a disk.

// EditMsg asks the root to make an edit; screens and forms return it as a
// command's message.
type EditMsg struct {
	Edit edit.Edit
	// Done is what the footer says once it is made; "" says the edit's
	// own name.
	Done string
}

// workspace is the editing state the root and its screens share.
type workspace struct {
	s        *edit.Session // nil: the dossier cannot be edited, or is not opened for it yet
	readOnly string        // why, when s is nil and open is too
	// open opens the session when it is first needed (the first edit, a
	// change on disk): reading a large dossier's files for editing costs
	// as much as loading it, and browsing needs none of it.
	open    func() (*edit.Session, error)
	opening bool      // the session is being opened
	queue   []EditMsg // edits asked for while it was being opened
	reread  bool      // the disk changed before it was open: check once it is

	gen      int           // changes made to the session so far
	probs    data.Problems // what the last check of the session found
	invalid  bool          // it found errors: the screens show the last dossier without
	modified bool
	autosave bool

	saving    bool
	saveAgain bool // a save asked for while one was being written
	quitSaved bool // quit once the save lands

	watcher   *edit.Watcher
	diskLater bool // the disk changed while a save was being written: look again after

	conflict *edit.Conflict // a change on disk met unsaved edits: asking what to do
	quitting bool           // asking whether to save before quitting
	problems *problemsView  // the list of problems, open

	evidenceCap int // a list of evidence holds this many statements at most (0: defaultEvidenceLimit)
}

// Messages of the editing commands.
type (
	checkedMsg struct {
		gen   int
		d     *data.Dossier
		probs data.Problems
		err   error
	}
	savedMsg struct {
		res []edit.Written
		err error // the save was refused before writing (the dossier has errors)
	}
	watchingMsg struct {
		w   *edit.Watcher
		err error
	}
	diskMsg       struct{ w *edit.Watcher }
	diskChangeMsg struct {
		changes []edit.DiskChange
		err     error
	}
	settledMsg struct {
		how edit.Resolution
		res []edit.Written
		err error
	}
	openFormMsg struct{ f *form }
	sessionMsg  struct {
		s   *edit.Session
		err error
	}
)

// newWorkspace is the editing state for a session, or for a dossier
// that cannot be edited (readOnly says why).
func newWorkspace(s *edit.Session, readOnly string, autosave bool, probs data.Problems) *workspace {
	ws := &workspace{s: s, readOnly: readOnly, autosave: autosave, probs: probs}
	if s == nil && ws.readOnly == "" {
		ws.readOnly = "this dossier is read-only"
	}
	if s != nil {
		ws.modified = s.Modified()
	}
	return ws
}

// refuse is the notice an edit gets when the dossier cannot be edited,
// or nil when it can.
func (ws *workspace) refuse() tea.Cmd {
	if ws == nil {
		return flash("this dossier is read-only")
	}
	if ws.s == nil && ws.open == nil {
		return flash(ws.readOnly)
	}
	return nil
}

// canEdit reports whether the dossier can be edited (its session open,
// or to be opened on the first edit).
func (ws *workspace) canEdit() bool { return ws != nil && (ws.s != nil || ws.open != nil) }

// openSession opens the session in a command, once.
func (ws *workspace) openSession() tea.Cmd {
	if ws.opening || ws.s != nil || ws.open == nil {
		return nil
	}
	ws.opening = true
	open := ws.open
	return func() tea.Msg {
		s, err := open()
		return sessionMsg{s: s, err: err}
	}
}

// newID is an id for a new record of list, made from words and unique
// in the session (or in the dossier on screen).
func (ws *workspace) newID(d *data.Dossier, list string, words ...string) string {
	if ws != nil && ws.s != nil {
		return ws.s.NewID(list, words...)
	}
	return edit.UniqueID(edit.Slug(words...), func(id string) bool { return d.Statement(id) != nil })
}

func (ws *workspace) status() views.Status {
	if ws == nil || ws.s == nil {
		return views.Status{}
	}
	errs := 0
	if ws.invalid {
		errs = max(ws.probs.Errors(), 1)
	}
	return views.Status{Modified: ws.modified, Saving: ws.saving, Errors: errs}
}

// watch starts watching the session's files.
func watch(paths []string) tea.Cmd {
	return func() tea.Msg {
		w, err := edit.Watch(paths...)
		return watchingMsg{w: w, err: err}
	}
}

// waitDisk waits for the watcher's next word.
func waitDisk(w *edit.Watcher) tea.Cmd {
	return func() tea.Msg {
		if _, ok := <-w.C; !ok {
			return nil
		}
		return diskMsg{w: w}
	}
}

func checkSnapshot(snap *edit.Snapshot, gen int) tea.Cmd {
	return func() tea.Msg {
		d, probs, err := snap.Check()
		return checkedMsg{gen: gen, d: d, probs: probs, err: err}
	}
}

func saveSnapshot(snap *edit.Snapshot) tea.Cmd {
	return func() tea.Msg {
		ws, err := snap.Writes()
		if err != nil {
			return savedMsg{err: err}
		}
		return savedMsg{res: edit.Perform(ws, nil)}
	}
}

func diskChanges(snap *edit.Snapshot) tea.Cmd {
	return func() tea.Msg {
		changes, err := snap.Changed()
		return diskChangeMsg{changes: changes, err: err}
	}
}

// changed notes that the session changed and checks it.
func (m *Root) changed() tea.Cmd {
	ws := m.ws
	ws.gen++
	ws.modified = ws.s.Modified()
	return checkSnapshot(ws.s.Snapshot(), ws.gen)
}

// editingUpdate takes the editing messages and keys before the root's
// own handling, and reports whether it took the message.
func (m *Root) editingUpdate(msg tea.Msg) (tea.Cmd, bool) {
	ws := m.ws
	switch msg := msg.(type) {
	case EditMsg:
		if cmd := ws.refuse(); cmd != nil {
			return cmd, true
		}
		if ws.s == nil {
			ws.queue = append(ws.queue, msg)
			m.flash = "opening the dossier for editing…"
			return ws.openSession(), true
		}
		if err := ws.s.Apply(msg.Edit); err != nil {
			m.flash = "not changed: " + err.Error()
			return nil, true
		}
		m.flash = msg.Done
		if m.flash == "" {
			m.flash = msg.Edit.String()
		}
		return m.changed(), true
	case openFormMsg:
		if cmd := ws.refuse(); cmd != nil {
			return cmd, true
		}
		m.forms = append(m.forms, msg.f)
		msg.f.style(m.theme)
		for _, fd := range msg.f.fields {
			if fd.find != nil {
				fd.find.index = m.searchIndex
			}
		}
		return msg.f.focusField(msg.f.focus), true
	case foundMsg:
		for _, f := range m.forms {
			if slices.Contains(f.fields, msg.fd) {
				msg.fd.take(msg)
			}
		}
		return nil, true
	case sessionMsg:
		return m.sessionOpened(msg), true
	case checkedMsg:
		return m.checked(msg), true
	case savedMsg:
		return m.saved(msg), true
	case watchingMsg:
		if msg.err != nil {
			m.flash = "not watching the file for changes: " + msg.err.Error()
			return nil, true
		}
		ws.watcher = msg.w
		return waitDisk(msg.w), true
	case diskMsg:
		if msg.w != ws.watcher {
			return nil, true
		}
		var again tea.Cmd
		if msg.w != nil {
			again = waitDisk(msg.w)
		}
		if ws.s == nil {
			// Not open for editing yet: opening it reads the disk's text.
			ws.reread = true
			return tea.Batch(ws.openSession(), again), true
		}
		if ws.saving {
			ws.diskLater = true
			return again, true
		}
		return tea.Batch(diskChanges(ws.s.Snapshot()), again), true
	case diskChangeMsg:
		return m.diskChanged(msg), true
	case settledMsg:
		return m.settled(msg), true
	case tea.KeyPressMsg:
		return m.editingKey(msg)
	}
	return nil, false
}

// sessionOpened takes the session opened for editing: the edits asked
// for meanwhile are made, and a change on disk meanwhile is read.
func (m *Root) sessionOpened(msg sessionMsg) tea.Cmd {
	ws := m.ws
	ws.opening = false
	queue := ws.queue
	ws.queue = nil
	if msg.err != nil {
		ws.open = nil
		ws.readOnly = "this dossier cannot be edited: " + msg.err.Error()
		m.flash = ws.readOnly
		return m.reload(m.d) // the screens forget the edits they showed as made
	}
	ws.s = msg.s
	ws.modified = ws.s.Modified()
	changed := ws.reread
	if ws.reread {
		m.flash = "reloaded " + filepath.Base(ws.s.Path) + ": it changed on disk"
	}
	ws.reread = false
	for _, e := range queue {
		if err := ws.s.Apply(e.Edit); err != nil {
			m.flash = "not changed: " + err.Error()
			continue
		}
		changed = true
		m.flash = e.Done
		if m.flash == "" {
			m.flash = e.Edit.String()
		}
	}
	if !changed {
		return nil
	}
	return m.changed()
}

// editingKey is a key for a question being asked (quit, conflict), the
// problems list, or one of the editing keys.
func (m *Root) editingKey(msg tea.KeyPressMsg) (tea.Cmd, bool) {
	ws, k := m.ws, m.keys
	switch {
	case ws.quitting:
		switch {
		case key.Matches(msg, k.SaveQuit):
			ws.quitting = false
			ws.quitSaved = true
			return m.save(), true
		case key.Matches(msg, k.DiscardQuit), key.Matches(msg, k.ForceQuit):
			return tea.Quit, true
		case key.Matches(msg, k.Stay):
			ws.quitting = false
		}
		return nil, true
	case ws.conflict != nil:
		if key.Matches(msg, k.ForceQuit) {
			return m.quit(), true
		}
		return m.conflictKey(msg), true
	case ws.problems != nil:
		if key.Matches(msg, k.ForceQuit) {
			return m.quit(), true
		}
		return m.problemsKey(msg), true
	}
	if m.capturing() || m.export.stage != exportIdle {
		return nil, false
	}
	switch {
	case key.Matches(msg, k.Save):
		if cmd := ws.refuse(); cmd != nil {
			return cmd, true
		}
		if ws.s == nil {
			m.flash = "nothing to save"
			return nil, true
		}
		return m.save(), true
	case key.Matches(msg, k.Undo), key.Matches(msg, k.Redo):
		if cmd := ws.refuse(); cmd != nil {
			return cmd, true
		}
		if ws.s == nil {
			m.flash = "nothing to " + map[bool]string{true: "undo", false: "redo"}[key.Matches(msg, k.Undo)]
			return nil, true
		}
		undo := key.Matches(msg, k.Undo)
		var name string
		var err error
		if undo {
			name, err = ws.s.Undo()
		} else {
			name, err = ws.s.Redo()
		}
		switch {
		case err != nil && (undo && !ws.s.CanUndo() || !undo && !ws.s.CanRedo()):
			m.flash = "nothing to " + map[bool]string{true: "undo", false: "redo"}[undo]
			return nil, true
		case err != nil:
			m.flash = err.Error()
			return nil, true
		case undo:
			m.flash = "undid: " + name
		default:
			m.flash = "redid: " + name
		}
		return m.changed(), true
	case key.Matches(msg, k.Problems):
		if !ws.canEdit() {
			return ws.refuse(), true
		}
		ws.problems = m.newProblemsView()
		return nil, true
	}
	return nil, false
}

// quit quits, or asks first when there are unsaved edits (or edits still
// waiting for the session).
func (m *Root) quit() tea.Cmd {
	if m.ws.s != nil && m.ws.modified || len(m.ws.queue) > 0 {
		m.ws.quitting = true
		m.forms = nil
		return nil
	}
	return tea.Quit
}

// save writes the session's files from a snapshot, in a command.
func (m *Root) save() tea.Cmd {
	ws := m.ws
	if ws.saving {
		ws.saveAgain = true
		return nil
	}
	if !ws.s.Modified() {
		ws.modified = false
		if ws.quitSaved {
			return tea.Quit
		}
		m.flash = "nothing to save"
		return nil
	}
	ws.saving = true
	return saveSnapshot(ws.s.Snapshot())
}

func (m *Root) saved(msg savedMsg) tea.Cmd {
	ws := m.ws
	ws.saving = false
	var cmds []tea.Cmd
	err := msg.err
	if err == nil {
		err = ws.s.Wrote(msg.res)
	}
	ws.modified = ws.s.Modified()
	switch {
	case errors.Is(err, edit.ErrChangedOnDisk):
		// Somebody saved the file meanwhile: take their change in, which
		// asks what to do with the edits.
		m.flash = "not saved: the file changed on disk"
		ws.quitSaved = false
		cmds = append(cmds, diskChanges(ws.s.Snapshot()))
	case err != nil:
		m.flash = err.Error()
		ws.quitSaved = false
	default:
		var names []string
		for _, r := range msg.res {
			names = append(names, filepath.Base(r.Path))
		}
		m.flash = "saved " + strings.Join(names, ", ")
		if ws.quitSaved && !ws.modified {
			return tea.Quit
		}
	}
	if ws.diskLater {
		ws.diskLater = false
		cmds = append(cmds, diskChanges(ws.s.Snapshot()))
	}
	if ws.saveAgain {
		ws.saveAgain = false
		cmds = append(cmds, m.save())
	}
	return tea.Batch(cmds...)
}

// checked takes the result of checking the session: a dossier without
// errors goes to every screen; with errors the screens keep the last and
// the footer says what is wrong and where.
func (m *Root) checked(msg checkedMsg) tea.Cmd {
	ws := m.ws
	if msg.gen != ws.gen {
		return nil // a newer change is being checked
	}
	ws.probs = msg.probs
	if msg.err != nil {
		ws.invalid = true
		m.flash = m.problemLine(msg.probs, msg.err)
		return nil
	}
	ws.invalid = false
	cmd := m.reload(msg.d)
	if ws.autosave && ws.modified {
		return tea.Batch(cmd, m.save())
	}
	return cmd
}

// problemLine is the first error of a check, where it is: "1 error:
// statement "x": quote not found … (talks.yaml:45:9)".
func (m *Root) problemLine(probs data.Problems, err error) string {
	for _, p := range probs {
		if p.Severity == data.SeverityError {
			return fmt.Sprintf("%d %s — %s", probs.Errors(), pluralWord(probs.Errors(), "error", "errors"), m.problemText(p))
		}
	}
	return err.Error()
}

// problemText names the record a problem is in, then what it is and the
// place: `statement "x": … (talks.yaml:12:5)`.
func (m *Root) problemText(p data.Problem) string {
	msg := p.Message
	if ref, ok := m.recordAt(p.Pos); ok && !strings.HasPrefix(msg, ref.String()) {
		msg = ref.String() + ": " + msg
	}
	where := filepath.Base(p.Pos.File)
	if p.Pos.Line > 0 {
		where += fmt.Sprintf(":%d:%d", p.Pos.Line, p.Pos.Col)
	}
	return msg + " (" + where + ")"
}

func pluralWord(n int, one, many string) string {
	if n == 1 {
		return one
	}
	return many
}

// diskChanged takes in what changed on disk: a reload keeping the place,
// or, with unsaved edits, the question what to keep.
func (m *Root) diskChanged(msg diskChangeMsg) tea.Cmd {
	ws := m.ws
	if msg.err != nil {
		m.flash = "cannot read the change on disk: " + msg.err.Error()
		return nil
	}
	c, err := ws.s.Absorb(msg.changes)
	switch {
	case err != nil:
		m.flash = "the file on disk does not read, so it was not reloaded (" + err.Error() + ")"
		return nil
	case c != nil:
		ws.conflict = c
		m.forms = nil
		return nil
	case len(msg.changes) == 0:
		return nil
	}
	var names []string
	for _, ch := range msg.changes {
		names = append(names, filepath.Base(ch.Path))
	}
	m.flash = "reloaded " + strings.Join(names, ", ") + ": it changed on disk"
	return m.changed()
}

func (m *Root) conflictKey(msg tea.KeyPressMsg) tea.Cmd {
	ws, k := m.ws, m.keys
	var how edit.Resolution
	switch {
	case key.Matches(msg, k.KeepTheirs):
		how = edit.KeepTheirs
	case key.Matches(msg, k.KeepOurs):
		how = edit.KeepOurs
	case key.Matches(msg, k.Merge):
		how = edit.Merge
	case key.Matches(msg, k.Later):
		ws.conflict = nil
		m.flash = "your edits are kept, unsaved; saving asks again"
		return nil
	default:
		return nil
	}
	writes, err := ws.s.Settle(ws.conflict, how)
	if err != nil {
		m.flash = err.Error()
		return nil
	}
	ws.conflict = nil
	gen := m.changed()
	if how == edit.Merge {
		m.flash = "merged: your edits made again on the text from disk; not saved yet"
		return gen
	}
	ws.saving = true
	snap := ws.s.Snapshot()
	return tea.Batch(gen, func() tea.Msg {
		res := edit.Perform(writes, nil)
		for _, r := range res {
			if r.Err != nil {
				return settledMsg{how: how, res: res}
			}
		}
		if how == edit.KeepOurs {
			save, err := snap.Writes()
			if err != nil {
				return settledMsg{how: how, res: res, err: err}
			}
			res = append(res, edit.Perform(save, nil)...)
		}
		return settledMsg{how: how, res: res}
	})
}

func (m *Root) settled(msg settledMsg) tea.Cmd {
	ws := m.ws
	ws.saving = false
	err := ws.s.Wrote(msg.res)
	if err == nil {
		err = msg.err
	}
	ws.modified = ws.s.Modified()
	var beside []string
	for _, r := range msg.res {
		if r.Beside && r.Err == nil {
			beside = append(beside, filepath.Base(r.Path))
		}
	}
	switch {
	case err != nil:
		m.flash = err.Error()
	case msg.how == edit.KeepTheirs:
		m.flash = "reloaded the file from disk; your edits are in " + strings.Join(beside, ", ")
	default:
		m.flash = "saved your edits; the text from disk is in " + strings.Join(beside, ", ")
	}
	return nil
}

// editingView is the footer while a question is asked, or "".
func (m *Root) editingView() string {
	ws, k, t := m.ws, m.keys, m.theme
	if ws == nil {
		return ""
	}
	keys := func(bs ...key.Binding) string {
		var out []string
		for _, b := range bs {
			out = append(out, firstKey(b)+" "+b.Help().Desc)
		}
		return strings.Join(out, " · ")
	}
	switch {
	case ws.quitting:
		return t.Notice.Render(fitQuestion(m.width, keys(k.SaveQuit, k.DiscardQuit, k.Stay), "unsaved edits"))
	case ws.conflict != nil:
		c := ws.conflict
		bs := []key.Binding{k.KeepTheirs, k.KeepOurs}
		if c.CanMerge() {
			bs = append(bs, k.Merge)
		}
		bs = append(bs, k.Later)
		return t.Notice.Render(fitQuestion(m.width, keys(bs...), c.Error(), "changed on disk"))
	}
	return ""
}

// fitQuestion is a question in a line of width: its words (the first of
// those given that fits, longest first), then its answers. The answers
// are what the user needs: when no words fit with them they stand alone,
// and only they are cut.
func fitQuestion(width int, answers string, words ...string) string {
	for _, w := range words {
		if q := w + " — " + answers; views.Truncate(q, width) == q {
			return q
		}
	}
	return views.Truncate(answers, width)
}

// editingHelp is the keys of a question being asked, or nil.
func (m *Root) editingHelp() []key.Binding {
	ws, k := m.ws, m.keys
	switch {
	case ws == nil:
		return nil
	case ws.quitting:
		return []key.Binding{k.SaveQuit, k.DiscardQuit, k.Stay}
	case ws.conflict != nil:
		bs := []key.Binding{k.KeepTheirs, k.KeepOurs}
		if ws.conflict.CanMerge() {
			bs = append(bs, k.Merge)
		}
		return append(bs, k.Later)
	case ws.problems != nil:
		return []key.Binding{k.MoveHelp, k.Open, relabel(k.Back, "close")}
	}
	return nil
}

// editHelp is the editing keys the footer offers everywhere.
func (m *Root) editHelp() []key.Binding {
	k := m.keys
	if !m.ws.canEdit() {
		return nil
	}
	return []key.Binding{k.Save, k.Undo, k.Redo, k.Problems}
}

// reload hands a new dossier to every screen, each keeping its place,
// and to the detail open over them.
func (m *Root) reload(d *data.Dossier) tea.Cmd { return m.reloadIndexed(d, nil) }

// reloadIndexed is reload with the new dossier's search index at hand
// (nil: the Quotes screen builds it).
func (m *Root) reloadIndexed(d *data.Dossier, ix *search.Index) tea.Cmd {
	m.d = d
	m.theme = m.newTheme(m.dark) // parties may have come or gone: their colours
	m.styleHelp()
	cmds := make([]tea.Cmd, 0, len(m.screens))
	for _, s := range m.screens {
		if q, ok := s.(*Search); ok && ix != nil {
			cmds = append(cmds, q.reloadIndexed(d, ix))
		} else if r, ok := s.(Reloader); ok {
			cmds = append(cmds, r.Reload(d))
		}
		s.SetTheme(m.theme)
	}
	reopen := func(dt *Detail) *Detail {
		if dt == nil {
			return nil
		}
		if s := d.Statement(dt.s.ID); s != nil {
			nd := NewDetail(d, m.keys, m.theme, s)
			nd.share(m.ws)
			return nd
		}
		return nil
	}
	m.detail = reopen(m.detail)
	m.back.detail = reopen(m.back.detail)
	for _, f := range m.forms {
		f.style(m.theme)
	}
	m.layout()
	return tea.Batch(cmds...)
}

// takeCached shows the dossier as the search cache written at the first
// open holds it, in place of the one loaded then: the same records, every
// screen keeping its place, but texts and index in the mapped cache rather
// than on the heap, so the loaded copy (a gigabyte at a million
// statements) is let go. Not once the dossier is opened for editing: the
// session's dossier stays.
func (m *Root) takeCached(msg cachedDossierMsg) tea.Cmd {
	if m.ws != nil && (m.ws.s != nil || m.ws.opening || m.ws.gen > 0) {
		return nil
	}
	if msg.d.Path != m.d.Path || len(msg.d.Statements) != len(m.d.Statements) {
		return nil
	}
	return m.reloadIndexed(msg.d, msg.ix)
}

// Reloader is a Screen that takes a new dossier (an edit was made, or
// the file changed on disk) and keeps its place in it: the same topic,
// demand, statement, as far as they are still there.
type Reloader interface {
	Reload(d *data.Dossier) tea.Cmd
}

// problemsView is the list of what the last check found, each in the
// record it is in.
type problemsView struct {
	content *views.Content
	scr     scroller
	items   []views.ProblemItem
}

func (m *Root) newProblemsView() *problemsView {
	pv := &problemsView{}
	for _, p := range m.ws.probs {
		it := views.ProblemItem{Severity: p.Severity.String(), Message: p.Message}
		if ref, ok := m.recordAt(p.Pos); ok {
			it.Record = ref.String()
			if len(ref.Key) == 1 && ref.Key[0].Key == "id" && ref.List == edit.Statements {
				it.Statement, _ = ref.Key[0].Value.(string)
			}
		}
		it.Place = filepath.Base(p.Pos.File)
		if p.Pos.Line > 0 {
			it.Place += fmt.Sprintf(":%d:%d", p.Pos.Line, p.Pos.Col)
		}
		pv.items = append(pv.items, it)
	}
	pv.scr = scroller{sel: -1}
	return pv
}

func (m *Root) problemsKey(msg tea.KeyPressMsg) tea.Cmd {
	pv, k := m.ws.problems, m.keys
	switch {
	case key.Matches(msg, k.Back), key.Matches(msg, k.Problems):
		m.ws.problems = nil
	case key.Matches(msg, k.Open):
		if pv.scr.sel >= 0 && pv.scr.sel < len(pv.items) {
			if id := pv.items[pv.scr.sel].Statement; id != "" && m.d.Statement(id) != nil {
				m.ws.problems = nil
				return openStatement(id)
			}
		}
	case pv.content != nil:
		pv.scr.navigate(k, keyName(msg.String()), pv.content, views.PaneRows(m.body.H))
	}
	return nil
}

func (m *Root) problemsBody() string {
	pv := m.ws.problems
	pv.content = views.ProblemList(pv.items, m.theme.Inner(m.body.W), m.theme)
	if pv.scr.sel < 0 && len(pv.content.Blocks) > 0 {
		pv.scr.sel = 0
	}
	pv.scr.clamp(pv.content, views.PaneRows(m.body.H))
	title := fmt.Sprintf("Problems · %d", len(pv.items))
	return m.theme.Render(views.Pane{Title: title, Content: pv.content, Offset: pv.scr.offset, Focused: true,
		Mark: pv.scr.sel, Width: m.body.W, Height: m.body.H})
}

// searchIndex is the search index the Quotes screen has now, or nil
// while it is being built: the index a form's list finds statements with.
func (m *Root) searchIndex() *search.Index {
	for _, s := range m.screens {
		if q, ok := s.(*Search); ok {
			return q.ix
		}
	}
	return nil
}

// refind sends again the searches of the open forms' lists that waited
// for the search index, once it has come.
func (m *Root) refind() tea.Cmd {
	var cmds []tea.Cmd
	for _, f := range m.forms {
		for _, fd := range f.fields {
			if fd.find != nil && fd.find.waiting {
				cmds = append(cmds, fd.find.ask(fd))
			}
		}
	}
	return tea.Batch(cmds...)
}

// formKey gives a key to the form in front.
func (m *Root) formUpdate(msg tea.Msg) tea.Cmd {
	top := m.forms[len(m.forms)-1]
	cmd, res, sub := top.update(msg, m.keys)
	if sub != nil {
		sub.style(m.theme)
		m.forms = append(m.forms, sub)
		return tea.Batch(cmd, sub.focusField(0))
	}
	switch res {
	case formApplied, formCancelled:
		m.forms = m.forms[:len(m.forms)-1]
		if len(m.forms) > 0 {
			parent := m.forms[len(m.forms)-1]
			return tea.Batch(cmd, parent.focusField(parent.focus))
		}
	}
	return cmd
}

// watchedFiles are the dossier's file and its statement files, from the
// session when it is open, else as the dossier names them.
func (m *Root) watchedFiles() []string {
	if m.ws.s != nil {
		return m.ws.s.Files()
	}
	if m.d.Path == "" {
		return nil
	}
	out := []string{m.d.Path}
	for _, name := range m.d.StatementFiles {
		if !filepath.IsAbs(name) {
			name = filepath.Join(filepath.Dir(m.d.Path), filepath.FromSlash(name))
		}
		out = append(out, name)
	}
	return out
}

// recordAt names the record a problem is in, when the session is open.
func (m *Root) recordAt(pos data.Pos) (edit.Ref, bool) {
	if m.ws.s == nil {
		return edit.Ref{}, false
	}
	return m.ws.s.RecordAt(pos)
}
