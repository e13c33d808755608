package model

import (
	"fmt"
	"strings"

	"charm.land/bubbles/v2/key"
)

// keyMap is every binding of the explorer: the root's, every screen's and
// every prompt's. It is built once by newKeyMap, remapped once from the
// config (applyKeys), and shared read-only, so a key is matched and shown
// in help from the same binding everywhere. Nothing outside this file
// names a key: screens match with key.Matches and build help from these
// bindings (keys_test.go holds the package to it).
type keyMap struct {
	// Global, handled by the root before any screen sees the key.
	Quit      key.Binding
	ForceQuit key.Binding // quits even while a text box has the keys
	Help      key.Binding
	Search    key.Binding // / opens Quotes from anywhere
	Export    key.Binding
	Screen    [maxScreens]key.Binding // 1…9 pick a tab

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

	// Matrix.
	PrevParty, NextParty key.Binding // move between party columns
	Fold                 key.Binding
	FoldAll              key.Binding
	Evidence             key.Binding // enter on a cell
	AllParties           key.Binding // every party, or Compare's

	// Source. The root leaves tab alone, so it steps through statements
	// here as it steps through panes in Compare.
	NextStatement, PrevStatement key.Binding
	NextSource, PrevSource       key.Binding

	// Quotes, with the results in focus.
	EditQuery        key.Binding
	NextHit, PrevHit key.Binding

	// While a text box has the keys (the query box, the export prompt)
	// letters type, so these are the only keys that do something else.
	InputUp, InputDown         key.Binding // move through the results
	InputPageUp, InputPageDown key.Binding
	InputSubmit                key.Binding
	InputCancel                key.Binding
	InputSwitch                key.Binding // from the query box to the results
	InputClear                 key.Binding

	// The export prompt's question "overwrite?".
	Confirm, Refuse key.Binding

	// Editing, from anywhere but a text box (editing.go).
	Save     key.Binding
	Undo     key.Binding
	Redo     key.Binding
	Problems key.Binding // the list of what validation found
	Edit     key.Binding // edit what is in focus: a position, a demand, a statement
	Add      key.Binding // add a record here: a topic, a demand
	Respond  key.Binding // add or change an addressee's response
	Topic    key.Binding // rename, move or explain the current topic
	Actor    key.Binding // change the speaker: name, role, party, id

	// Quitting with unsaved edits asks.
	SaveQuit, DiscardQuit, Stay key.Binding

	// A file changed on disk while there are unsaved edits.
	KeepTheirs, KeepOurs, Merge, Later key.Binding

	// The Review screen.
	Accept, Reject, Fix, AcceptAbove, ReviewOrder key.Binding

	// Marking a statement in the Source screen.
	Mark                   key.Binding
	MarkWord, MarkLess     key.Binding // the end a word on, a word back
	MarkSentence           key.Binding // the end to the sentence's end
	MarkQuote              key.Binding // the end past the closing quote mark
	MarkEarlier, MarkLater key.Binding // the start a word back, a word on

	// A form (every key but these types): fields, choices, a new line.
	InputNextField, InputPrevField   key.Binding
	InputPrevChoice, InputNextChoice key.Binding
	InputNewline                     key.Binding

	// Help-only entries that describe several keys in one line; after a
	// remap they are rebuilt from the bindings they describe (pairs).
	TopicHelp, PaneHelp, MoveHelp, PageHelp, EndsHelp key.Binding
	ColumnHelp, StatementHelp, SourceHelp, SidesHelp  key.Binding
	HitHelp, InputMoveHelp, ScreensHelp               key.Binding
	FieldHelp, ChoiceHelp, MarkStartHelp, MarkEndHelp key.Binding
}

// maxScreens is how many tabs have a key of their own.
const maxScreens = 9

func bind(help, desc string, keys ...string) key.Binding {
	return key.NewBinding(key.WithKeys(keys...), key.WithHelp(help, desc))
}

func newKeyMap() *keyMap {
	k := &keyMap{
		Quit:      bind("q", "quit", "q", "ctrl+c"),
		ForceQuit: bind("ctrl+c", "quit", "ctrl+c"),
		Help:      bind("?", "all keys", "?"),
		Search:    bind("/", "search quotes", "/"),
		Export:    bind("e", "export as Markdown", "e"),

		Up:           bind("↑/k", "up", "up", "k"),
		Down:         bind("↓/j", "down", "down", "j"),
		PageUp:       bind("pgup", "page up", "pgup", "ctrl+u"),
		PageDown:     bind("pgdn", "page down", "pgdown", "ctrl+d", "space"),
		Top:          bind("g/home", "top", "home", "g"),
		Bottom:       bind("G/end", "bottom", "end", "G"),
		NextPane:     bind("tab", "next pane", "tab"),
		PrevPane:     bind("shift+tab", "previous pane", "shift+tab"),
		PrevTopic:    bind("←/[", "previous topic", "left", "["),
		NextTopic:    bind("→/]", "next topic", "right", "]"),
		AllTopics:    bind("a", "all topics", "a"),
		PickParties:  bind("p", "pick parties", "p"),
		Open:         bind("enter", "open statement", "enter"),
		Back:         bind("esc", "back", "esc", "backspace"),
		Copy:         bind("y", "copy with attribution", "y"),
		ShowInSource: bind("s", "show in source", "s"),

		Toggle:     bind("space", "show/hide", "space", "x"),
		MoveUp:     bind("K", "move up", "shift+up", "K"),
		MoveDown:   bind("J", "move down", "shift+down", "J"),
		Apply:      bind("enter", "apply", "enter"),
		CancelPick: bind("esc", "cancel", "esc"),

		PrevParty:  bind("←/h", "previous party", "left", "h"),
		NextParty:  bind("→/l", "next party", "right", "l"),
		Fold:       bind("space/c", "fold topic", "space", "c"),
		FoldAll:    bind("z", "fold/unfold all", "z"),
		Evidence:   bind("enter", "open evidence", "enter"),
		AllParties: bind("a", "all parties/Compare's", "a"),

		NextStatement: bind("tab/n", "next statement", "tab", "n"),
		PrevStatement: bind("shift+tab/N", "previous statement", "shift+tab", "N"),
		NextSource:    bind("]/→", "next source", "]", "right"),
		PrevSource:    bind("[/←", "previous source", "[", "left"),

		EditQuery: bind("tab", "query/results", "tab"),
		NextHit:   bind("n", "next result", "n"),
		PrevHit:   bind("N", "previous result", "N"),

		InputUp:       bind("↑", "previous result", "up"),
		InputDown:     bind("↓", "next result", "down"),
		InputPageUp:   bind("pgup", "results page up", "pgup"),
		InputPageDown: bind("pgdn", "results page down", "pgdown"),
		InputSubmit:   bind("enter", "open statement", "enter"),
		InputCancel:   bind("esc", "back", "esc"),
		InputSwitch:   bind("tab", "query/results", "tab"),
		InputClear:    bind("ctrl+u", "clear query", "ctrl+u"),

		Confirm: bind("y", "overwrite", "y", "Y"),
		Refuse:  bind("n/esc", "keep the file", "n", "N", "esc"),

		Save:     bind("ctrl+s", "save", "ctrl+s"),
		Undo:     bind("u/ctrl+z", "undo", "u", "ctrl+z"),
		Redo:     bind("U/ctrl+y", "redo", "U", "ctrl+y"),
		Problems: bind("!", "problems", "!"),
		Edit:     bind("E", "edit", "E"),
		Add:      bind("+", "add", "+"),
		Respond:  bind("R", "add a response", "R"),
		Topic:    bind("T", "edit the topic", "T"),
		Actor:    bind("S", "edit the speaker", "S"),

		SaveQuit:    bind("y", "save and quit", "y", "Y"),
		DiscardQuit: bind("n", "quit without saving", "n", "N"),
		Stay:        bind("esc", "stay", "esc"),

		KeepTheirs: bind("t", "keep theirs", "t"),
		KeepOurs:   bind("o", "keep ours", "o"),
		Merge:      bind("m", "merge", "m"),
		Later:      bind("esc", "decide later", "esc"),

		Accept:      bind("a", "accept", "a"),
		Reject:      bind("r", "reject", "r"),
		Fix:         bind("f", "fix speaker, kind, topics", "f"),
		AcceptAbove: bind("A", "accept all above a confidence", "A"),
		ReviewOrder: bind("o", "most doubtful first/source order", "o"),

		Mark:         bind("m", "mark a statement", "m"),
		MarkWord:     bind("w", "a word more", "w"),
		MarkLess:     bind("b", "a word less", "b"),
		MarkSentence: bind(".", "to the end of the sentence", ".", ")"),
		MarkQuote:    bind("\"", "to the closing quote mark", "\""),
		MarkEarlier:  bind("←/h", "start a word earlier", "left", "h"),
		MarkLater:    bind("→/l", "start a word later", "right", "l"),

		InputNextField:  bind("tab", "next field", "tab"),
		InputPrevField:  bind("shift+tab", "previous field", "shift+tab"),
		InputPrevChoice: bind("←", "previous choice", "left"),
		InputNextChoice: bind("→", "next choice", "right"),
		InputNewline:    bind("ctrl+j", "new line", "ctrl+j", "alt+enter"),

		TopicHelp:     bind("←/→ [ ]", "previous/next topic"),
		PaneHelp:      bind("tab/shift+tab", "next/previous pane"),
		MoveHelp:      bind("↑/↓ k/j", "move"),
		PageHelp:      bind("pgup/pgdn", "page"),
		EndsHelp:      bind("g/G", "top/bottom"),
		ColumnHelp:    bind("←/→ h/l", "party column"),
		StatementHelp: bind("tab/shift+tab n/N", "next/previous statement"),
		SourceHelp:    bind("[/] ←/→", "previous/next source"),
		SidesHelp:     bind("←/→ [ ]", "list/thread"),
		HitHelp:       bind("n/N", "next/previous"),
		InputMoveHelp: bind("↑/↓", "move"),
		ScreensHelp:   bind("1-9", "screens"),
		FieldHelp:     bind("tab/shift+tab", "next/previous field"),
		ChoiceHelp:    bind("←/→", "choose"),
		MarkStartHelp: bind("←/→ h/l", "start earlier/later"),
		MarkEndHelp:   bind("w/b", "end a word on/back"),
	}
	for i := range k.Screen {
		n := fmt.Sprint(i + 1)
		k.Screen[i] = bind(n, "screen "+n, n)
	}
	k.syncHelp(nil)
	return k
}

// namedBinding is a binding a config may remap, by the name it uses there.
type namedBinding struct {
	name string
	b    *key.Binding
}

// named lists every remappable binding under its documented name (the
// README and `parley config keys`); the help-only entries are not here,
// they follow the bindings they describe.
func (k *keyMap) named() []namedBinding {
	out := []namedBinding{
		{"quit", &k.Quit}, {"force_quit", &k.ForceQuit}, {"help", &k.Help},
		{"search", &k.Search}, {"export", &k.Export},
		{"up", &k.Up}, {"down", &k.Down}, {"page_up", &k.PageUp}, {"page_down", &k.PageDown},
		{"top", &k.Top}, {"bottom", &k.Bottom},
		{"next_pane", &k.NextPane}, {"prev_pane", &k.PrevPane},
		{"prev_topic", &k.PrevTopic}, {"next_topic", &k.NextTopic},
		{"all_topics", &k.AllTopics}, {"pick_parties", &k.PickParties},
		{"open", &k.Open}, {"back", &k.Back}, {"copy", &k.Copy}, {"show_in_source", &k.ShowInSource},
		{"toggle", &k.Toggle}, {"move_up", &k.MoveUp}, {"move_down", &k.MoveDown},
		{"apply", &k.Apply}, {"cancel_pick", &k.CancelPick},
		{"prev_party", &k.PrevParty}, {"next_party", &k.NextParty},
		{"fold", &k.Fold}, {"fold_all", &k.FoldAll}, {"evidence", &k.Evidence}, {"all_parties", &k.AllParties},
		{"next_statement", &k.NextStatement}, {"prev_statement", &k.PrevStatement},
		{"next_source", &k.NextSource}, {"prev_source", &k.PrevSource},
		{"edit_query", &k.EditQuery}, {"next_result", &k.NextHit}, {"prev_result", &k.PrevHit},
		{"input_up", &k.InputUp}, {"input_down", &k.InputDown},
		{"input_page_up", &k.InputPageUp}, {"input_page_down", &k.InputPageDown},
		{"input_submit", &k.InputSubmit}, {"input_cancel", &k.InputCancel},
		{"input_switch", &k.InputSwitch}, {"input_clear", &k.InputClear},
		{"confirm", &k.Confirm}, {"refuse", &k.Refuse},
		{"save", &k.Save}, {"undo", &k.Undo}, {"redo", &k.Redo}, {"problems", &k.Problems},
		{"edit", &k.Edit}, {"add", &k.Add}, {"respond", &k.Respond}, {"edit_topic", &k.Topic},
		{"edit_actor", &k.Actor},
		{"quit_save", &k.SaveQuit}, {"quit_discard", &k.DiscardQuit}, {"quit_stay", &k.Stay},
		{"keep_theirs", &k.KeepTheirs}, {"keep_ours", &k.KeepOurs}, {"merge", &k.Merge}, {"decide_later", &k.Later},
		{"accept", &k.Accept}, {"reject", &k.Reject}, {"fix", &k.Fix},
		{"accept_above", &k.AcceptAbove}, {"review_order", &k.ReviewOrder},
		{"mark", &k.Mark}, {"mark_word", &k.MarkWord}, {"mark_less", &k.MarkLess},
		{"mark_sentence", &k.MarkSentence}, {"mark_quote", &k.MarkQuote},
		{"mark_earlier", &k.MarkEarlier}, {"mark_later", &k.MarkLater},
		{"input_next_field", &k.InputNextField}, {"input_prev_field", &k.InputPrevField},
		{"input_prev_choice", &k.InputPrevChoice}, {"input_next_choice", &k.InputNextChoice},
		{"input_newline", &k.InputNewline},
	}
	for i := range k.Screen {
		out = append(out, namedBinding{fmt.Sprintf("screen_%d", i+1), &k.Screen[i]})
	}
	return out
}

// helpOf is a help-only entry and the bindings whose keys it shows, in
// the order it shows them.
type helpOf struct {
	entry *key.Binding
	of    []*key.Binding
}

// composites are the help-only entries; syncHelp rebuilds each from the
// keys its bindings have now.
func (k *keyMap) composites() []helpOf {
	screens := make([]*key.Binding, len(k.Screen))
	for i := range k.Screen {
		screens[i] = &k.Screen[i]
	}
	return []helpOf{
		{&k.TopicHelp, []*key.Binding{&k.PrevTopic, &k.NextTopic}},
		{&k.PaneHelp, []*key.Binding{&k.NextPane, &k.PrevPane}},
		{&k.MoveHelp, []*key.Binding{&k.Up, &k.Down}},
		{&k.PageHelp, []*key.Binding{&k.PageUp, &k.PageDown}},
		{&k.EndsHelp, []*key.Binding{&k.Top, &k.Bottom}},
		{&k.ColumnHelp, []*key.Binding{&k.PrevParty, &k.NextParty}},
		{&k.StatementHelp, []*key.Binding{&k.NextStatement, &k.PrevStatement}},
		{&k.SourceHelp, []*key.Binding{&k.PrevSource, &k.NextSource}},
		{&k.SidesHelp, []*key.Binding{&k.PrevTopic, &k.NextTopic}},
		{&k.HitHelp, []*key.Binding{&k.NextHit, &k.PrevHit}},
		{&k.InputMoveHelp, []*key.Binding{&k.InputUp, &k.InputDown}},
		{&k.ScreensHelp, screens},
		{&k.FieldHelp, []*key.Binding{&k.InputNextField, &k.InputPrevField}},
		{&k.ChoiceHelp, []*key.Binding{&k.InputPrevChoice, &k.InputNextChoice}},
		{&k.MarkStartHelp, []*key.Binding{&k.MarkEarlier, &k.MarkLater}},
		{&k.MarkEndHelp, []*key.Binding{&k.MarkWord, &k.MarkLess}},
	}
}

// syncHelp gives every help-only entry the keys of the bindings it
// describes (so it is enabled exactly when they are), and a new label
// where one of them was remapped: the changed bindings' labels, in order.
func (k *keyMap) syncHelp(changed map[*key.Binding]bool) {
	for _, c := range k.composites() {
		var keys, labels []string
		rebuild := false
		for _, b := range c.of {
			keys = append(keys, b.Keys()...)
			labels = append(labels, b.Help().Key)
			rebuild = rebuild || changed[b]
		}
		c.entry.SetKeys(keys...)
		if rebuild {
			c.entry.SetHelp(strings.Join(labels, " "), c.entry.Help().Desc)
		}
	}
}

// relabel is a binding that says desc in help, with the keys and key
// label it has now: the same key doing a screen's own thing ("enter: open
// topic").
func relabel(b key.Binding, desc string) key.Binding {
	b.SetHelp(b.Help().Key, desc)
	return b
}

// firstKey is how a prompt names a binding in a few characters: its
// first key ("y" of y/Y).
func firstKey(b key.Binding) string {
	if keys := b.Keys(); len(keys) > 0 {
		return keyLabel(keys[:1])
	}
	return ""
}
