package model

import "charm.land/bubbles/v2/key"

// analysisKeys are the bindings of the Matrix, Source and Timeline screens
// and of the export prompt, beside the shared keyMap; built by one function
// so help always says what a key does.
type analysisKeys struct {
	// Matrix.
	Left, Right key.Binding // move between party columns
	Fold        key.Binding
	FoldAll     key.Binding
	ColumnHelp  key.Binding
	Evidence    key.Binding // enter on a cell
	AllParties  key.Binding // every party, or Compare's

	// Source. The root leaves tab alone, so it steps through statements
	// here as it steps through panes in Compare.
	NextStatement, PrevStatement key.Binding
	NextSource, PrevSource       key.Binding
	StatementHelp, SourceHelp    key.Binding

	// Export, from any screen.
	Export          key.Binding
	Confirm, Refuse key.Binding
}

func newAnalysisKeys() *analysisKeys {
	return &analysisKeys{
		Left:          key.NewBinding(key.WithKeys("left", "h"), key.WithHelp("←/h", "previous party")),
		Right:         key.NewBinding(key.WithKeys("right", "l"), key.WithHelp("→/l", "next party")),
		Fold:          key.NewBinding(key.WithKeys("space", "c"), key.WithHelp("space/c", "fold topic")),
		FoldAll:       key.NewBinding(key.WithKeys("z"), key.WithHelp("z", "fold/unfold all")),
		ColumnHelp:    key.NewBinding(key.WithKeys("left", "right"), key.WithHelp("←/→ h/l", "party column")),
		Evidence:      key.NewBinding(key.WithKeys("enter"), key.WithHelp("enter", "open evidence")),
		AllParties:    key.NewBinding(key.WithKeys("a"), key.WithHelp("a", "all parties/Compare's")),
		NextStatement: key.NewBinding(key.WithKeys("tab", "n"), key.WithHelp("tab/n", "next statement")),
		PrevStatement: key.NewBinding(key.WithKeys("shift+tab", "N"), key.WithHelp("shift+tab/N", "previous statement")),
		NextSource:    key.NewBinding(key.WithKeys("]", "right"), key.WithHelp("]/→", "next source")),
		PrevSource:    key.NewBinding(key.WithKeys("[", "left"), key.WithHelp("[/←", "previous source")),
		StatementHelp: key.NewBinding(key.WithKeys("tab", "shift+tab"), key.WithHelp("tab/shift+tab n/N", "next/previous statement")),
		SourceHelp:    key.NewBinding(key.WithKeys("[", "]"), key.WithHelp("[/] ←/→", "previous/next source")),
		Export:        key.NewBinding(key.WithKeys("e"), key.WithHelp("e", "export as Markdown")),
		Confirm:       key.NewBinding(key.WithKeys("y", "Y"), key.WithHelp("y", "overwrite")),
		Refuse:        key.NewBinding(key.WithKeys("n", "N", "esc"), key.WithHelp("n/esc", "keep the file")),
	}
}
