package model

import (
	"charm.land/bubbles/v2/help"
	"charm.land/bubbles/v2/key"
	tea "charm.land/bubbletea/v2"
	"github.com/parley-dev/parley/data"
	"github.com/parley-dev/parley/data/edit"
	"github.com/parley-dev/parley/views"
)

// Screen is one tab of the explorer (Compare, Demands, Matrix, Source,
// Timeline, Quotes) or the statement detail opened over one. The root
// owns its size, theme and place and talks to it only through this
// interface and the optional ones below; the screen owns its own state
// and draws through views.
//
// Update gets keys only after the root's global bindings had their
// chance, mouse events with Y counted from the top of the body, and every
// message that is not input (a search result, an index built in the
// background), whichever screen is showing.
type Screen interface {
	// Title is the tab's name in the header.
	Title() string
	// SetSize is called on every resize, the same size twice included, and
	// must be idempotent.
	SetSize(width, height int)
	// SetTheme is called when the background turns out light or dark.
	SetTheme(*views.Theme)
	Update(tea.Msg) tea.Cmd
	// View is exactly the size last set.
	View() string
	// MinSize is the smallest body the screen can draw in.
	MinSize() (width, height int)
	help.KeyMap
}

// InputCapturer is a Screen that is sometimes typing text (a search box):
// while CapturingInput is true the root passes it every key but ForceQuit.
type InputCapturer interface {
	CapturingInput() bool
}

// Initer is a Screen with work to start with the program (the Quotes
// screen builds its index in the background).
type Initer interface {
	Init() tea.Cmd
}

// Jumper is a Screen that a global key opens from anywhere (`/` opens
// Quotes). The root switches to it, remembering where the user was, and
// calls Jumped; GoBackMsg returns there.
type Jumper interface {
	JumpKey() key.Binding
	Jumped() tea.Cmd
}

// StatementShower is a Screen that can show a statement where it stands
// (the Source screen); `s` on a statement switches to the first one that
// can.
type StatementShower interface {
	ShowStatement(id string) bool
}

// MarkdownExporter is a Screen that can put what it shows into a Markdown
// brief for `e`. slug names the default file ("compare-nato"); render
// holds what is on screen now and runs later, in the command that writes
// the file: a Timeline of a million statements is megabytes of Markdown,
// not something to build while the name is asked for. ok is false when
// there is nothing to export.
type MarkdownExporter interface {
	ExportMarkdown() (slug string, render func() []byte, ok bool)
}

// Leader is a Screen that asks to be the one in front when the explorer
// opens: the Review screen, when the dossier holds drafts to review.
type Leader interface {
	Leads() bool
}

// OpenStatementMsg asks the root to open a statement's detail over the
// current screen; any screen may return it as a command's message.
type OpenStatementMsg struct{ ID string }

// ShowInSourceMsg asks the root to show a statement where it stands in
// its source (a StatementShower).
type ShowInSourceMsg struct{ ID string }

// GoBackMsg asks the root to go back to where the user was before a
// Jumper was opened (esc on the Quotes screen).
type GoBackMsg struct{}

// PartiesChosenMsg says which parties Compare shows now, in order; the
// root hands it to every screen, so the Matrix follows.
type PartiesChosenMsg struct{ Parties []*data.Party }

// FlashMsg shows a short notice in the footer until the next key.
type FlashMsg string

func openStatement(id string) tea.Cmd {
	return func() tea.Msg { return OpenStatementMsg{ID: id} }
}

func flash(s string) tea.Cmd {
	return func() tea.Msg { return FlashMsg(s) }
}

func msgCmd(msg tea.Msg) tea.Cmd {
	return func() tea.Msg { return msg }
}

// frame is what every screen shares (soft-serve's common.Common): the
// dossier, the key map, the theme and the size. A screen embeds it and
// gives it its layout, so SetSize and SetTheme are written once.
type frame struct {
	d             *data.Dossier
	keys          *keyMap
	theme         *views.Theme
	width, height int
	relayout      func()
	// ws is the editing state the root shares (nil: nothing can be
	// edited, as for a screen built on its own).
	ws *workspace
}

// share gives the screen the root's editing state.
func (f *frame) share(ws *workspace) { f.ws = ws }

// editable reports whether the dossier can be edited (or will be, once
// its session is open): the editing keys are shown in help only then.
func (f *frame) editable() bool { return f.ws.canEdit() }

// openForm asks the root to show a form, or says why the dossier cannot
// be edited.
func (f *frame) openForm(fm *form) tea.Cmd {
	if cmd := f.ws.refuse(); cmd != nil {
		return cmd
	}
	return msgCmd(openFormMsg{f: fm})
}

// editCmd asks the root to make an edit.
func editCmd(e edit.Edit, done string) tea.Cmd {
	return msgCmd(EditMsg{Edit: e, Done: done})
}

func newFrame(d *data.Dossier, keys *keyMap, theme *views.Theme) frame {
	return frame{d: d, keys: keys, theme: theme}
}

// SetSize takes the size and lays the screen out again.
func (f *frame) SetSize(w, h int) {
	f.width, f.height = w, h
	f.relayout()
}

// SetTheme takes the theme and lays the screen out again.
func (f *frame) SetTheme(t *views.Theme) {
	f.theme = t
	f.relayout()
}
