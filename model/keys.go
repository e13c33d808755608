package model

import "charm.land/bubbles/v2/key"

// keyMap is every binding of the explorer, built once by newKeyMap and
// shared read-only by the screens, so help always says what a key does.
type keyMap struct {
	// Global, handled by the root before any screen sees the key.
	Quit    key.Binding
	Help    key.Binding
	Screens key.Binding // 1…9 pick a tab
	Search  key.Binding // / opens Quotes from anywhere

	// Moving around inside a screen.
	Up, Down         key.Binding
	PageUp, PageDown key.Binding
	Top, Bottom      key.Binding
	NextPane         key.Binding
	PrevPane         key.Binding
	PrevTopic        key.Binding
	NextTopic        key.Binding
	AllTopics        key.Binding
	PickParties      key.Binding
	Open             key.Binding
	Back             key.Binding
	Copy             key.Binding
	ShowInSource     key.Binding

	// The party picker.
	Toggle     key.Binding
	MoveUp     key.Binding
	MoveDown   key.Binding
	Apply      key.Binding
	CancelPick key.Binding

	// Help-only entries that describe a pair of keys in one line.
	TopicHelp, PaneHelp, MoveHelp, PageHelp, EndsHelp key.Binding

	// analysis are the keys of Matrix, Source, Timeline and export, kept
	// here so one key map, remapped once, serves every screen.
	analysis *analysisKeys
}

func newKeyMap() *keyMap {
	return &keyMap{
		analysis:     newAnalysisKeys(),
		Quit:         key.NewBinding(key.WithKeys("q", "ctrl+c"), key.WithHelp("q", "quit")),
		Help:         key.NewBinding(key.WithKeys("?"), key.WithHelp("?", "all keys")),
		Screens:      key.NewBinding(key.WithKeys("1", "2", "3", "4", "5", "6", "7", "8", "9"), key.WithHelp("1-9", "screens")),
		Search:       key.NewBinding(key.WithKeys("/"), key.WithHelp("/", "search quotes")),
		Up:           key.NewBinding(key.WithKeys("up", "k"), key.WithHelp("↑/k", "up")),
		Down:         key.NewBinding(key.WithKeys("down", "j"), key.WithHelp("↓/j", "down")),
		PageUp:       key.NewBinding(key.WithKeys("pgup", "ctrl+u"), key.WithHelp("pgup", "page up")),
		PageDown:     key.NewBinding(key.WithKeys("pgdown", "ctrl+d", "space"), key.WithHelp("pgdn", "page down")),
		Top:          key.NewBinding(key.WithKeys("home", "g"), key.WithHelp("g/home", "top")),
		Bottom:       key.NewBinding(key.WithKeys("end", "G"), key.WithHelp("G/end", "bottom")),
		NextPane:     key.NewBinding(key.WithKeys("tab"), key.WithHelp("tab", "next pane")),
		PrevPane:     key.NewBinding(key.WithKeys("shift+tab"), key.WithHelp("shift+tab", "previous pane")),
		PrevTopic:    key.NewBinding(key.WithKeys("left", "["), key.WithHelp("←/[", "previous topic")),
		NextTopic:    key.NewBinding(key.WithKeys("right", "]"), key.WithHelp("→/]", "next topic")),
		AllTopics:    key.NewBinding(key.WithKeys("a"), key.WithHelp("a", "all topics")),
		PickParties:  key.NewBinding(key.WithKeys("p"), key.WithHelp("p", "pick parties")),
		Open:         key.NewBinding(key.WithKeys("enter"), key.WithHelp("enter", "open statement")),
		Back:         key.NewBinding(key.WithKeys("esc", "backspace"), key.WithHelp("esc", "back")),
		Copy:         key.NewBinding(key.WithKeys("y"), key.WithHelp("y", "copy with attribution")),
		ShowInSource: key.NewBinding(key.WithKeys("s"), key.WithHelp("s", "show in source")),
		Toggle:       key.NewBinding(key.WithKeys("space", "x"), key.WithHelp("space", "show/hide")),
		MoveUp:       key.NewBinding(key.WithKeys("shift+up", "K"), key.WithHelp("K", "move up")),
		MoveDown:     key.NewBinding(key.WithKeys("shift+down", "J"), key.WithHelp("J", "move down")),
		Apply:        key.NewBinding(key.WithKeys("enter"), key.WithHelp("enter", "apply")),
		CancelPick:   key.NewBinding(key.WithKeys("esc"), key.WithHelp("esc", "cancel")),
		TopicHelp:    key.NewBinding(key.WithKeys("left", "right"), key.WithHelp("←/→ [ ]", "previous/next topic")),
		PaneHelp:     key.NewBinding(key.WithKeys("tab"), key.WithHelp("tab/shift+tab", "next/previous pane")),
		MoveHelp:     key.NewBinding(key.WithKeys("up", "down"), key.WithHelp("↑/↓ k/j", "move")),
		PageHelp:     key.NewBinding(key.WithKeys("pgup", "pgdown"), key.WithHelp("pgup/pgdn", "page")),
		EndsHelp:     key.NewBinding(key.WithKeys("home", "end"), key.WithHelp("g/G", "top/bottom")),
	}
}
