package model

import (
	"charm.land/bubbles/v2/help"
	tea "charm.land/bubbletea/v2"
	"github.com/parley-dev/parley/views"
)

// Screen is one tab of the explorer (Compare, Demands, and the ones to
// come: Matrix, Quotes, Source, Timeline). The root owns its size, theme
// and place; the screen owns its own state and draws through views.
//
// Update gets keys only after the root's global bindings had their
// chance, and mouse events with Y counted from the top of the body.
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
// while CapturingInput is true the root passes it every key but ctrl+c.
type InputCapturer interface {
	CapturingInput() bool
}

// OpenStatementMsg asks the root to open a statement's detail over the
// current screen; any screen may return it as a command's message.
type OpenStatementMsg struct{ ID string }

// FlashMsg shows a short notice in the footer until the next key.
type FlashMsg string

func openStatement(id string) tea.Cmd {
	return func() tea.Msg { return OpenStatementMsg{ID: id} }
}

func flash(s string) tea.Cmd {
	return func() tea.Msg { return FlashMsg(s) }
}
