package model

import (
	"slices"
	"strings"

	"charm.land/bubbles/v2/key"
	"charm.land/bubbles/v2/textarea"
	"charm.land/bubbles/v2/textinput"
	tea "charm.land/bubbletea/v2"
	"github.com/parley-dev/parley/data"
	"github.com/parley-dev/parley/data/edit"
	"github.com/parley-dev/parley/views"
	"golang.org/x/text/unicode/norm"
)

// A form asks for the fields of a record being made or changed: a
// statement marked in a source, a position, a demand, a response, a
// topic, a draft being fixed. Text fields are Bubbles textinput and
// textarea; a field that picks from many (an actor, topics, evidence)
// filters its list as the user types. The root shows the form over the
// body and gives it every key (it types) until it is applied or
// cancelled; what applying does is the submit function of the screen
// that opened it, which returns the edit as a message.
type form struct {
	title   string
	context []string
	fields  []*field
	focus   int
	err     string
	offset  int
	// submit turns the fields into what applying does (an EditMsg for the
	// root); an error keeps the form open and says why.
	submit func(f *form) (tea.Cmd, error)
	// extra are edits made by the forms opened from this one (a new
	// actor for the speaker field), applied with its own, in one step.
	extra []edit.Edit
}

type fieldKind int

const (
	textField   fieldKind = iota // one line
	areaField                    // several lines
	choiceField                  // one of a few, ←/→
	pickField                    // one of many, filtered as you type
	multiField                   // several of many, filtered as you type
)

// option is one value a choice or a list offers.
type option struct {
	value  string // what is written ("" for none)
	label  string
	detail string
	// create, set on an entry such as "+ new actor…", opens a form whose
	// applying adds an option to the field and picks it.
	create func(parent *form, typed string) *form
}

type field struct {
	name, label string
	kind        fieldKind
	note        string

	input textinput.Model // a text field; the filter of a list
	area  textarea.Model

	options []option
	value   int      // choice, pick: index into options, -1 for none
	values  []string // multi: the picked values, in the order picked
	cursor  int      // pick, multi: index into the matching options

	// What a list is matched against, folded once (a list of evidence may
	// hold thousands of statements), and the matches of the last filter.
	hay         []string
	lastFilter  string
	lastMatches []int

	// find, for a list that holds only some of its candidates (evidence
	// from a large dossier), looks for what is typed among them all.
	find *finder
}

// maxOptions is how many entries of a list a form shows at once.
const maxOptions = 8

func newTextField(name, label, value string) *field {
	f := &field{name: name, label: label, kind: textField, value: -1}
	f.input = textinput.New()
	f.input.Prompt = ""
	f.input.CharLimit = 2000
	f.input.KeyMap.DeleteBeforeCursor.SetEnabled(false)
	f.input.SetValue(value)
	f.input.CursorEnd()
	return f
}

func newChoiceField(name, label string, options []option, value string) *field {
	f := &field{name: name, label: label, kind: choiceField, options: options, value: 0}
	for i, o := range options {
		if o.value == value {
			f.value = i
		}
	}
	return f
}

func newPickField(name, label string, options []option, value string) *field {
	f := &field{name: name, label: label, kind: pickField, options: options, value: -1}
	for i, o := range options {
		if o.value == value && o.create == nil {
			f.value = i
		}
	}
	f.input = textinput.New()
	f.input.Prompt = "› "
	f.input.Placeholder = "type to filter"
	f.input.KeyMap.DeleteBeforeCursor.SetEnabled(false)
	f.cursor = max(f.value, 0)
	return f
}

func newMultiField(name, label string, options []option, values []string) *field {
	f := newPickField(name, label, options, "")
	f.kind = multiField
	for _, v := range values {
		if slices.ContainsFunc(options, func(o option) bool { return o.value == v }) && !slices.Contains(f.values, v) {
			f.values = append(f.values, v)
		}
	}
	f.cursor = 0
	return f
}

// text is what a text field holds, trimmed.
func (f *field) text() string {
	switch f.kind {
	case textField:
		return strings.TrimSpace(f.input.Value())
	case areaField:
		return strings.TrimSpace(f.area.Value())
	case choiceField, pickField:
		if f.value >= 0 && f.value < len(f.options) {
			return f.options[f.value].value
		}
	}
	return ""
}

// matches are the options whose label and detail hold every word typed
// in the filter, case and accents aside.
func (f *field) matches() []int {
	filter := f.input.Value()
	if f.lastMatches != nil && filter == f.lastFilter && len(f.hay) == len(f.options) {
		return f.lastMatches
	}
	for i := len(f.hay); i < len(f.options); i++ {
		o := f.options[i]
		f.hay = append(f.hay, foldText(o.label+" "+o.detail+" "+o.value))
	}
	words := strings.Fields(foldText(filter))
	out := []int{}
	for i, o := range f.options {
		ok := true
		for _, w := range words {
			if !strings.Contains(f.hay[i], w) {
				ok = false
				break
			}
		}
		if ok || o.create != nil {
			out = append(out, i)
		}
	}
	if f.find != nil && f.find.answered(filter) {
		out = f.foundMatches(out)
	}
	f.lastFilter, f.lastMatches = filter, out
	return out
}

// foldText lower-cases s and drops the accents of Latin letters, so
// "lavrov" finds "Lavrov" and "securite" finds "Sécurité".
func foldText(s string) string {
	var b strings.Builder
	for _, r := range norm.NFD.String(strings.ToLower(s)) {
		if r >= 0x300 && r <= 0x36f {
			continue
		}
		b.WriteRune(r)
	}
	return b.String()
}

// form returns the field named name, or nil.
func (f *form) field(name string) *field {
	for _, fd := range f.fields {
		if fd.name == name {
			return fd
		}
	}
	return nil
}

// text is the value of the field named name ("" when there is none).
func (f *form) text(name string) string {
	if fd := f.field(name); fd != nil {
		return fd.text()
	}
	return ""
}

// values are the picked values of the list named name.
func (f *form) values(name string) []string {
	if fd := f.field(name); fd != nil {
		return slices.Clone(fd.values)
	}
	return nil
}

// styleForm gives the form's text boxes the theme's colours (the boxes'
// own defaults are for a dark background) and a steady cursor.
func (f *form) style(t *views.Theme) {
	for _, fd := range f.fields {
		switch fd.kind {
		case textField, pickField, multiField:
			s := fd.input.Styles()
			s.Focused.Prompt, s.Focused.Text, s.Focused.Placeholder = t.Muted, t.Summary, t.Muted
			s.Blurred = s.Focused
			s.Cursor.Blink = false
			fd.input.SetStyles(s)
		case areaField:
			s := fd.area.Styles()
			st := textarea.StyleState{Text: t.Summary, CursorLine: t.Summary, Placeholder: t.Muted, Prompt: t.Muted, EndOfBuffer: t.Muted,
				LineNumber: t.Muted, CursorLineNumber: t.Muted, Selection: t.SelectedRow}
			s.Focused, s.Blurred = st, st
			s.Cursor.Blink = false
			fd.area.SetStyles(s)
		}
	}
}

// setWidth gives the text boxes the width of the value column.
func (f *form) setWidth(width int) {
	// The value column (views.FormContent), less a cell for the cursor.
	inner := views.PaneInner(width)
	w := max(inner-views.FormLabelColumn(inner)-4, 4)
	for _, fd := range f.fields {
		switch fd.kind {
		case textField:
			fd.input.SetWidth(w)
		case pickField, multiField:
			fd.input.SetWidth(max(w-2, 2)) // the prompt "› "
		case areaField:
			fd.area.SetWidth(w)
		}
	}
}

// focusField moves the focus to field i and gives it the cursor.
func (f *form) focusField(i int) tea.Cmd {
	if len(f.fields) == 0 {
		return nil
	}
	i = (i%len(f.fields) + len(f.fields)) % len(f.fields)
	for _, fd := range f.fields {
		fd.input.Blur()
		fd.area.Blur()
	}
	f.focus = i
	fd := f.fields[i]
	switch fd.kind {
	case areaField:
		return fd.area.Focus()
	case textField, pickField, multiField:
		return fd.input.Focus()
	}
	return nil
}

// formResult is what a key did to a form.
type formResult int

const (
	formOpen      formResult = iota // still asking
	formApplied                     // applied: close it
	formCancelled                   // cancelled: close it
)

// update takes a message while the form is in front. It returns what
// applying did (a command), whether the form is done, and a form opened
// from one of its fields.
func (f *form) update(msg tea.Msg, k *keyMap) (tea.Cmd, formResult, *form) {
	fd := f.fields[f.focus]
	switch msg := msg.(type) {
	case tea.KeyPressMsg:
		switch {
		case key.Matches(msg, k.InputCancel):
			return nil, formCancelled, nil
		case key.Matches(msg, k.InputNextField):
			return f.focusField(f.focus + 1), formOpen, nil
		case key.Matches(msg, k.InputPrevField):
			return f.focusField(f.focus - 1), formOpen, nil
		}
		switch fd.kind {
		case choiceField:
			switch {
			case key.Matches(msg, k.InputPrevChoice):
				fd.value = (fd.value - 1 + len(fd.options)) % len(fd.options)
				return nil, formOpen, nil
			case key.Matches(msg, k.InputNextChoice):
				fd.value = (fd.value + 1) % len(fd.options)
				return nil, formOpen, nil
			case key.Matches(msg, k.InputUp):
				return f.focusField(f.focus - 1), formOpen, nil
			case key.Matches(msg, k.InputDown):
				return f.focusField(f.focus + 1), formOpen, nil
			case key.Matches(msg, k.InputSubmit):
				return f.apply()
			}
			return nil, formOpen, nil
		case pickField, multiField:
			m := fd.matches()
			switch {
			case key.Matches(msg, k.InputUp):
				fd.cursor = max(fd.cursor-1, 0)
				return nil, formOpen, nil
			case key.Matches(msg, k.InputDown):
				fd.cursor = min(fd.cursor+1, max(len(m)-1, 0))
				return nil, formOpen, nil
			case key.Matches(msg, k.InputClear):
				fd.input.SetValue("")
				fd.cursor = 0
				return fd.findCmd(), formOpen, nil
			case key.Matches(msg, k.InputSubmit):
				return f.pick(fd, m)
			}
		case textField:
			switch {
			case key.Matches(msg, k.InputUp):
				return f.focusField(f.focus - 1), formOpen, nil
			case key.Matches(msg, k.InputDown):
				return f.focusField(f.focus + 1), formOpen, nil
			case key.Matches(msg, k.InputClear):
				fd.input.SetValue("")
				return nil, formOpen, nil
			case key.Matches(msg, k.InputSubmit):
				return f.apply()
			}
		case areaField:
			switch {
			case key.Matches(msg, k.InputNewline):
				fd.area.InsertRune('\n')
				return nil, formOpen, nil
			case key.Matches(msg, k.InputClear):
				fd.area.SetValue("")
				return nil, formOpen, nil
			case key.Matches(msg, k.InputSubmit):
				return f.apply()
			}
		}
	case tea.PasteMsg:
		// A paste is one line of text: its line breaks are spaces.
		msg.Content = strings.Join(strings.Fields(msg.Content), " ")
		return f.typeInto(fd, msg), formOpen, nil
	}
	return f.typeInto(fd, msg), formOpen, nil
}

// typeInto hands a message to the focused field's text box; a list's
// cursor goes back to its first match as the filter changes.
func (f *form) typeInto(fd *field, msg tea.Msg) tea.Cmd {
	var cmd tea.Cmd
	switch fd.kind {
	case textField:
		fd.input, cmd = fd.input.Update(msg)
	case areaField:
		fd.area, cmd = fd.area.Update(msg)
	case pickField, multiField:
		before := fd.input.Value()
		fd.input, cmd = fd.input.Update(msg)
		if fd.input.Value() != before {
			fd.cursor = 0
			cmd = tea.Batch(cmd, fd.findCmd())
		}
	}
	return cmd
}

// findCmd asks the list's finder for what its filter holds now, when the
// list has one.
func (fd *field) findCmd() tea.Cmd {
	if fd.find == nil {
		return nil
	}
	return fd.find.ask(fd)
}

// pick takes the entry under the cursor: a list of one moves on (or
// applies the form from its last field), a list of several ticks it, and
// an entry that makes something opens its form.
func (f *form) pick(fd *field, matches []int) (tea.Cmd, formResult, *form) {
	if len(matches) == 0 {
		return nil, formOpen, nil
	}
	o := fd.options[matches[min(fd.cursor, len(matches)-1)]]
	if o.create != nil {
		sub := o.create(f, strings.TrimSpace(fd.input.Value()))
		return nil, formOpen, sub
	}
	i := matches[min(fd.cursor, len(matches)-1)]
	if fd.kind == multiField {
		if j := slices.Index(fd.values, o.value); j >= 0 {
			fd.values = slices.Delete(fd.values, j, j+1)
		} else {
			fd.values = append(fd.values, o.value)
		}
		fd.input.SetValue("")
		cmd := fd.findCmd()
		fd.cursor = slices.Index(fd.matches(), i)
		return cmd, formOpen, nil
	}
	fd.value = i
	fd.input.SetValue("")
	fd.cursor = i
	if f.focus == len(f.fields)-1 {
		return f.apply()
	}
	return f.focusField(f.focus + 1), formOpen, nil
}

// apply runs the form's submit; a refusal keeps the form open with the
// reason under it.
func (f *form) apply() (tea.Cmd, formResult, *form) {
	if f.submit == nil {
		return nil, formApplied, nil
	}
	cmd, err := f.submit(f)
	if err != nil {
		f.err = err.Error()
		return nil, formOpen, nil
	}
	return cmd, formApplied, nil
}

// addOption puts a new entry in a list (a record made from a sub-form),
// picks it and puts the cursor on it (the filter is cleared, so the
// entry's place among the matches is its place in the list).
func (fd *field) addOption(o option) {
	at := len(fd.options)
	for at > 0 && fd.options[at-1].create != nil {
		at-- // entries that make something stay last
	}
	fd.options = slices.Insert(fd.options, at, o)
	fd.hay, fd.lastMatches = nil, nil // the places have moved
	if fd.kind == multiField {
		fd.values = append(fd.values, o.value)
	} else {
		fd.value = at
	}
	fd.input.SetValue("")
	fd.cursor = at // under the cursor: enter keeps it, as it does a value picked
}

// help is the keys that work in the focused field.
func (f *form) help(k *keyMap) []key.Binding {
	fd := f.fields[f.focus]
	b := []key.Binding{}
	switch fd.kind {
	case choiceField:
		b = append(b, k.ChoiceHelp, relabel(k.InputSubmit, "apply"))
	case pickField:
		b = append(b, relabel(k.InputUp, "up the list"), relabel(k.InputDown, "down the list"), relabel(k.InputSubmit, "pick"))
	case multiField:
		b = append(b, relabel(k.InputUp, "up the list"), relabel(k.InputDown, "down the list"), relabel(k.InputSubmit, "tick/untick"))
	case areaField:
		b = append(b, relabel(k.InputSubmit, "apply"), k.InputNewline, relabel(k.InputClear, "clear"))
	default:
		b = append(b, relabel(k.InputSubmit, "apply"), relabel(k.InputClear, "clear"))
	}
	if len(f.fields) > 1 {
		b = append(b, k.FieldHelp)
	}
	return append(b, relabel(k.InputCancel, "cancel"))
}

// view draws the form width×height, scrolled to show the focused field.
func (f *form) view(width, height int, t *views.Theme) string {
	f.setWidth(width)
	vf := views.Form{Title: f.title, Context: f.context, Focus: f.focus, Error: f.err}
	for i, fd := range f.fields {
		ff := views.FormField{Label: fd.label}
		focused := i == f.focus
		switch fd.kind {
		case textField:
			ff.Value = fd.input.View()
			if !focused {
				ff.Value = fd.input.Value()
			}
		case areaField:
			ff.Value = fd.area.View()
			if !focused {
				ff.Value = strings.Join(strings.Fields(fd.area.Value()), " ")
			}
		case choiceField:
			ff.Choice = true
			if fd.value >= 0 && fd.value < len(fd.options) {
				ff.Value = fd.options[fd.value].label
			}
		case pickField:
			if fd.value >= 0 && fd.value < len(fd.options) {
				o := fd.options[fd.value]
				ff.Value = o.label
				if o.detail != "" {
					ff.Value += t.Muted.Render("  " + o.detail)
				}
			}
		case multiField:
			var labels []string
			for _, v := range fd.values {
				for _, o := range fd.options {
					if o.value == v {
						labels = append(labels, o.label)
						break
					}
				}
			}
			ff.Value = strings.Join(labels, "; ")
		}
		if focused && (fd.kind == pickField || fd.kind == multiField) {
			ff.Filter = fd.input.View()
			m := fd.matches()
			fd.cursor = max(min(fd.cursor, len(m)-1), 0)
			first := max(min(fd.cursor-maxOptions/2, len(m)-maxOptions), 0)
			for j := first; j < len(m) && j < first+maxOptions; j++ {
				o := fd.options[m[j]]
				ff.Options = append(ff.Options, views.FormOption{
					Label: o.label, Detail: o.detail, Many: fd.kind == multiField, Action: o.create != nil,
					Chosen: fd.kind == multiField && slices.Contains(fd.values, o.value) || fd.kind == pickField && m[j] == fd.value,
				})
			}
			ff.Cursor = fd.cursor - first
			ff.More = len(m) - len(ff.Options)
		}
		if focused {
			ff.Note = fd.note
			if fd.find != nil {
				if filter := fd.input.Value(); strings.TrimSpace(filter) == "" {
					ff.Note = strings.TrimPrefix(fd.note+"; "+fd.find.note(filter), "; ")
				} else {
					ff.Note = fd.find.note(filter)
				}
			}
		}
		vf.Fields = append(vf.Fields, ff)
	}
	c := views.FormContent(vf, t.Inner(width), t)
	f.offset = views.FormOffset(c, f.focus, f.offset, views.PaneRows(height))
	return t.Render(views.Pane{Title: f.title, Content: c, Offset: f.offset, Focused: true, Mark: -1, Width: width, Height: height})
}

// Options for the fields forms share.

// actorOptions are the dossier's actors, with their roles and parties.
func actorOptions(d *data.Dossier) []option {
	out := make([]option, 0, len(d.Actors))
	for _, a := range d.Actors {
		var detail []string
		if a.Role != "" {
			detail = append(detail, a.Role)
		}
		if p := d.Party(a.Party); p != nil {
			detail = append(detail, p.Name)
		}
		out = append(out, option{value: a.ID, label: a.Name, detail: strings.Join(detail, " · ")})
	}
	return out
}

func partyOptions(d *data.Dossier) []option {
	out := make([]option, 0, len(d.Parties))
	for _, p := range d.Parties {
		detail := ""
		if p.Short != "" && p.Short != p.Name {
			detail = p.Short
		}
		out = append(out, option{value: p.ID, label: p.Name, detail: detail})
	}
	return out
}

func topicOptions(d *data.Dossier) []option {
	out := make([]option, 0, len(d.Topics))
	for _, t := range d.TopicsInOrder() {
		label := strings.Repeat("  ", min(d.TopicDepth(t.ID), 4)) + t.Title
		out = append(out, option{value: t.ID, label: label})
	}
	return out
}

func kindOptions() []option {
	return []option{
		{value: string(data.KindQuote), label: "quote — the speaker's own words"},
		{value: string(data.KindReported), label: "reported — a paraphrase of speech"},
		{value: string(data.KindAccount), label: "account — the source's own voice"},
	}
}

func actOptions() []option {
	out := []option{{value: "", label: "none"}}
	for _, a := range data.Acts {
		out = append(out, option{value: string(a), label: string(a)})
	}
	return out
}
func newAreaField(name, label, value string) *field {
	f := &field{name: name, label: label, kind: areaField, value: -1}
	f.area = textarea.New()
	f.area.Prompt = ""
	f.area.ShowLineNumbers = false
	f.area.DynamicHeight = true
	f.area.MinHeight = 1
	f.area.MaxHeight = 6
	f.area.CharLimit = 20000
	// enter applies the form; a new line is the key map's (input_newline).
	f.area.KeyMap.InsertNewline.SetEnabled(false)
	f.area.KeyMap.DeleteBeforeCursor.SetEnabled(false) // input_clear, remappable
	f.area.SetValue(value)
	return f
}

// statementOptions are statements to cite: their speaker and words.
func statementOptions(d *data.Dossier, stmts []*data.Statement) []option {
	out := make([]option, 0, len(stmts))
	for _, s := range stmts {
		text := strings.Join(strings.Fields(s.Text), " ")
		if s.Kind == data.KindQuote {
			text = "“" + text + "”"
		}
		out = append(out, option{value: s.ID, label: views.Truncate(text, 90), detail: d.Speaker(s)})
	}
	return out
}

func stanceOptions() []option {
	var out []option
	for _, s := range data.Stances {
		out = append(out, option{value: string(s), label: string(s)})
	}
	return out
}

func basisOptions(withReported bool) []option {
	out := []option{
		{value: string(data.BasisStated), label: "stated — the party said so"},
		{value: string(data.BasisInferred), label: "inferred — an analyst read it so"},
	}
	if withReported {
		out[1] = option{value: string(data.BasisReported), label: "reported — known only from others"}
	}
	return out
}

func statusOptions() []option {
	var out []option
	for _, s := range data.Statuses {
		out = append(out, option{value: string(s), label: string(s)})
	}
	return out
}
