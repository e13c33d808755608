package model

import (
	"errors"
	"os"
	"path/filepath"
	"strings"
	"unicode"

	"charm.land/bubbles/v2/key"
	"charm.land/bubbles/v2/textinput"
	tea "charm.land/bubbletea/v2"
	"github.com/parley-dev/parley/data"
	"github.com/parley-dev/parley/views"
)

// The stages of an export: the file name is asked for, then, when the
// file exists, whether to overwrite it; the writing happens in a command.
type exportStage int

const (
	exportIdle exportStage = iota
	exportNaming
	exportConfirming
	exportWriting
)

// exportFlow is `e`: it takes the Markdown of what is on screen, asks for
// a file name (suggesting one), writes it atomically and never replaces a
// file without a "y".
type exportFlow struct {
	keys  *keyMap
	stage exportStage
	input textinput.Model
	path  string
	// render makes the document, in the command that writes it; doc is
	// the document once made, kept for writing again over an existing file.
	render func() []byte
	doc    []byte
}

// exportDoneMsg is the result of writing the file, with the document.
type exportDoneMsg struct {
	path  string
	force bool
	doc   []byte
	err   error
}

// writeExport makes the document (unless it is made already) and writes it.
func writeExport(path string, doc []byte, render func() []byte, force bool) tea.Cmd {
	return func() tea.Msg {
		if doc == nil {
			doc = render()
		}
		return exportDoneMsg{path: path, force: force, doc: doc, err: data.WriteFileAtomic(path, doc, force)}
	}
}

// exportUpdate runs before the root's own handling of every message and
// reports whether it took the message: `e` when nothing is typing, every
// key while the prompt is open (but ctrl+c), and the result of a write.
func (m *Root) exportUpdate(msg tea.Msg) (tea.Cmd, bool) {
	x := &m.export
	switch msg := msg.(type) {
	case exportDoneMsg:
		return x.done(m, msg), true
	case tea.KeyPressMsg:
		if key.Matches(msg, x.keys.ForceQuit) {
			return nil, false
		}
		switch x.stage {
		case exportIdle:
			if !key.Matches(msg, x.keys.Export) || m.capturing() {
				return nil, false
			}
			return x.start(m), true
		case exportNaming:
			return x.naming(m, msg), true
		case exportConfirming:
			switch {
			case key.Matches(msg, x.keys.Confirm):
				x.stage = exportWriting
				return writeExport(x.path, x.doc, x.render, true), true
			case key.Matches(msg, x.keys.Refuse):
				x.stage = exportNaming
				m.flash = ""
				return x.input.Focus(), true
			}
			return nil, true
		case exportWriting:
			return nil, true
		}
	}
	if x.stage == exportNaming {
		var cmd tea.Cmd
		x.input, cmd = x.input.Update(msg)
		_, pasted := msg.(tea.PasteMsg)
		return cmd, pasted // a paste is for the name, not the screen behind
	}
	return nil, false
}

func (x *exportFlow) start(m *Root) tea.Cmd {
	var slug string
	var render func() []byte
	ok := false
	if e, can := m.child().(MarkdownExporter); can {
		slug, render, ok = e.ExportMarkdown()
	}
	if !ok {
		m.flash = "nothing to export here"
		return nil
	}
	m.flash = ""
	x.render, x.doc = render, nil
	x.stage = exportNaming
	x.input = textinput.New()
	x.input.Prompt = "export to: "
	x.input.KeyMap.DeleteBeforeCursor.SetEnabled(false) // input_clear, remappable
	x.input.SetWidth(max(m.width-len(x.input.Prompt)-2, 10))
	x.input.SetValue(defaultExportName(m.d, slug))
	x.input.CursorEnd()
	x.styleInput(m.theme)
	return x.input.Focus()
}

// styleInput draws the prompt in the theme's colours; the input's own
// defaults are for a dark background.
func (x *exportFlow) styleInput(t *views.Theme) {
	s := x.input.Styles()
	s.Focused.Prompt, s.Focused.Text, s.Focused.Placeholder = t.HelpKey, t.Summary, t.Muted
	s.Blurred = s.Focused
	s.Cursor.Blink = false // a steady cursor: nothing to redraw while the user thinks
	x.input.SetStyles(s)
}

func (x *exportFlow) naming(m *Root, msg tea.KeyPressMsg) tea.Cmd {
	switch {
	case key.Matches(msg, x.keys.InputCancel):
		x.stage = exportIdle
		m.flash = "export cancelled"
		return nil
	case key.Matches(msg, x.keys.InputClear):
		x.input.SetValue("")
		return nil
	case key.Matches(msg, x.keys.InputSubmit):
		name := strings.TrimSpace(x.input.Value())
		if name == "" {
			return nil
		}
		x.path = exportPath(name)
		x.stage = exportWriting
		x.input.Blur()
		return writeExport(x.path, x.doc, x.render, false)
	}
	var cmd tea.Cmd
	x.input, cmd = x.input.Update(msg)
	return cmd
}

func (x *exportFlow) done(m *Root, msg exportDoneMsg) tea.Cmd {
	switch {
	case errors.Is(msg.err, data.ErrExists) && !msg.force:
		x.stage = exportConfirming
		x.doc = msg.doc
	case msg.err != nil:
		x.stage = exportIdle
		m.flash = "export failed: " + views.Truncate(msg.err.Error(), max(m.width-16, 10))
	default:
		x.stage = exportIdle
		m.flash = "exported to " + msg.path
	}
	return nil
}

// help is the keys the prompt answers now, or nil when it is closed.
func (x *exportFlow) help() []key.Binding {
	k := x.keys
	switch x.stage {
	case exportNaming:
		return []key.Binding{relabel(k.InputSubmit, "writes"), relabel(k.InputCancel, "cancels"), relabel(k.InputClear, "clears")}
	case exportConfirming:
		return []key.Binding{k.Confirm, k.Refuse}
	}
	return nil
}

// exportView is the footer while the prompt is open, or "".
func (m *Root) exportView() string {
	x := &m.export
	switch x.stage {
	case exportNaming:
		var keys []string
		for _, b := range x.help()[:2] {
			keys = append(keys, b.Help().Key+" "+b.Help().Desc)
		}
		return x.input.View() + m.theme.HelpDesc.Render("  "+strings.Join(keys, " · "))
	case exportConfirming:
		return m.theme.Notice.Render(views.Truncate(x.path+" exists. Overwrite? "+firstKey(x.keys.Confirm)+"/"+firstKey(x.keys.Refuse), m.width))
	case exportWriting:
		return m.theme.Muted.Render("writing " + x.path + "…")
	}
	return ""
}

// exportPath is where a typed name is written: ~ is the home directory,
// and a name without an extension gets ".md".
func exportPath(name string) string {
	if rest, ok := strings.CutPrefix(name, "~/"); ok {
		if home, err := os.UserHomeDir(); err == nil {
			name = filepath.Join(home, rest)
		}
	}
	if filepath.Ext(name) == "" {
		name += ".md"
	}
	return name
}

// defaultExportName is "<dossier>-<what>.md": the dossier file's name, or
// its title made into a file name.
func defaultExportName(d *data.Dossier, slug string) string {
	base := ""
	if d.Path != "" {
		base = strings.TrimSuffix(filepath.Base(d.Path), filepath.Ext(d.Path))
	}
	if base == "" {
		base = fileSlug(d.Title)
	}
	if base == "" {
		base = "parley"
	}
	return base + "-" + fileSlug(slug) + ".md"
}

// fileSlug keeps ASCII letters and digits, lowercased, and joins the runs
// between them with "-", at most 40 bytes.
func fileSlug(s string) string {
	var b strings.Builder
	dash := false
	for _, r := range strings.ToLower(s) {
		if r < unicode.MaxASCII && (unicode.IsLetter(r) || unicode.IsDigit(r)) {
			if dash && b.Len() > 0 {
				b.WriteByte('-')
			}
			b.WriteRune(r)
			dash = false
			if b.Len() >= 40 {
				break
			}
		} else {
			dash = true
		}
	}
	return b.String()
}
