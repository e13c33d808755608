package model

import (
	"errors"
	"fmt"
	"slices"
	"strconv"
	"strings"

	"charm.land/bubbles/v2/key"
	tea "charm.land/bubbletea/v2"
	"github.com/parley-dev/parley/data"
	"github.com/parley-dev/parley/data/edit"
	"github.com/parley-dev/parley/views"
)

// Review walks the draft statements a program wrote (`parley import`),
// most doubtful first or in source order: the source paragraph with what
// was said, the speech verb and the speaker's mention marked, beside what
// the program proposes. Accepting removes the draft field; rejecting
// removes the statement; fixing changes the speaker (an actor picked as
// you type, or a new one), the kind, the topics and the act, and accepts.
type Review struct {
	frame

	order  edit.DraftOrder
	drafts []*data.Statement // those left, in order
	cur    int
	// most is the most drafts there have been to review here: those
	// reviewed are most less those left, so an undo that brings a draft
	// back counts it as left again.
	most    int
	decided map[string]bool // decided, the edit on its way: not shown again

	text      *views.Content
	textScr   scroller
	panelScr  scroller
	para      int // the first paragraph shown
	panel     *views.Content
	textPane  views.Rect
	panelPane views.Rect
	stacked   bool
}

func NewReview(d *data.Dossier, keys *keyMap, theme *views.Theme) *Review {
	m := &Review{frame: newFrame(d, keys, theme), decided: map[string]bool{}, textScr: scroller{sel: -1}, panelScr: scroller{sel: -1}}
	m.relayout = m.layout
	m.drafts = edit.Drafts(d, m.order)
	m.most = len(m.drafts)
	return m
}

// reviewed is how many drafts were reviewed here, and not undone.
func (m *Review) reviewed() int { return max(m.most-len(m.drafts), 0) }

func (m *Review) Title() string { return "Review" }

// Leads is true when there are drafts: a dossier fresh from parley import
// opens on them, not on a Compare with nothing to compare yet.
func (m *Review) Leads() bool { return len(m.drafts) > 0 }

func (m *Review) MinSize() (int, int) { return 40, 10 }

func (m *Review) current() *data.Statement {
	if m.cur < 0 || m.cur >= len(m.drafts) {
		return nil
	}
	return m.drafts[m.cur]
}

func (m *Review) orderName() string {
	if m.order == edit.SourceOrder {
		return "in source order"
	}
	return "most doubtful first"
}

// layout places the source above or beside the proposal and draws both
// for the draft in focus; idempotent.
func (m *Review) layout() {
	bodyH := max(m.height-1, 0)
	m.stacked = m.width < 90
	if m.stacked {
		textH := max(bodyH*2/5, min(bodyH, 5))
		m.textPane = views.Rect{Y: 1, W: m.width, H: textH}
		m.panelPane = views.Rect{Y: 1 + textH, W: m.width, H: bodyH - textH}
	} else {
		panelW := min(max(m.width*2/5, 36), 60)
		m.textPane = views.Rect{Y: 1, W: m.width - panelW, H: bodyH}
		m.panelPane = views.Rect{X: m.width - panelW, Y: 1, W: panelW, H: bodyH}
	}
	m.cur = max(min(m.cur, len(m.drafts)-1), 0)
	s := m.current()
	if s == nil {
		m.text, m.panel, m.para = &views.Content{}, &views.Content{}, 0
		return
	}
	m.text, m.para = views.ReviewSource(s, m.d.Source(s.Source), m.theme.Inner(m.textPane.W), m.theme)
	m.panel = views.ReviewProposal(m.d, s, m.theme.Inner(m.panelPane.W), m.theme)
	m.textScr.clamp(m.text, views.PaneRows(m.textPane.H))
	m.panelScr.clamp(m.panel, views.PaneRows(m.panelPane.H))
}

// step moves to the next or previous draft, round the ends.
func (m *Review) step(n int) {
	if len(m.drafts) == 0 {
		return
	}
	k := len(m.drafts)
	m.cur = ((m.cur+n)%k + k) % k
	m.textScr, m.panelScr = scroller{sel: -1}, scroller{sel: -1}
	m.layout()
}

// decide takes the draft in focus off the list (its edit is on the way)
// and moves to the next.
func (m *Review) decide(ids ...string) {
	for _, id := range ids {
		m.decided[id] = true
	}
	m.drafts = slices.DeleteFunc(m.drafts, func(s *data.Statement) bool { return m.decided[s.ID] })
	m.textScr, m.panelScr = scroller{sel: -1}, scroller{sel: -1}
	m.layout()
}

// Reload takes the new dossier: the drafts left, the one in focus kept
// when it is still a draft.
func (m *Review) Reload(d *data.Dossier) tea.Cmd {
	var id string
	if s := m.current(); s != nil {
		id = s.ID
	}
	m.d = d
	m.decided = map[string]bool{}
	m.drafts = edit.Drafts(d, m.order)
	m.most = max(m.most, len(m.drafts)) // drafts come from disk too
	if i := slices.IndexFunc(m.drafts, func(s *data.Statement) bool { return s.ID == id }); i >= 0 {
		m.cur = i
	}
	return nil
}

func (m *Review) Update(msg tea.Msg) tea.Cmd {
	k := m.keys
	rows := views.PaneRows(m.textPane.H)
	switch msg := msg.(type) {
	case tea.KeyPressMsg:
		switch {
		case key.Matches(msg, k.NextStatement):
			m.step(1)
		case key.Matches(msg, k.PrevStatement):
			m.step(-1)
		case key.Matches(msg, k.ReviewOrder):
			id := ""
			if s := m.current(); s != nil {
				id = s.ID
			}
			m.order = 1 - m.order
			m.drafts = slices.DeleteFunc(edit.Drafts(m.d, m.order), func(s *data.Statement) bool { return m.decided[s.ID] })
			m.cur = max(slices.IndexFunc(m.drafts, func(s *data.Statement) bool { return s.ID == id }), 0)
			m.layout()
		case key.Matches(msg, k.AcceptAbove):
			return m.acceptAboveForm()
		}
		s := m.current()
		if s == nil {
			break
		}
		switch {
		case key.Matches(msg, k.Accept):
			if cmd := m.ws.refuse(); cmd != nil {
				return cmd
			}
			m.decide(s.ID)
			return editCmd(edit.AcceptIn(m.d, s.ID), "accepted "+s.ID)
		case key.Matches(msg, k.Reject):
			if cmd := m.ws.refuse(); cmd != nil {
				return cmd
			}
			m.decide(s.ID)
			return editCmd(edit.Reject(s.ID), "rejected "+s.ID+" (removed)")
		case key.Matches(msg, k.Fix):
			return m.openForm(m.fixForm(s))
		case key.Matches(msg, k.Actor):
			return m.openActorForm(s)
		case key.Matches(msg, k.Open):
			return openStatement(s.ID)
		case key.Matches(msg, k.ShowInSource):
			return msgCmd(ShowInSourceMsg{ID: s.ID})
		case m.textScr.navigate(k, keyName(msg.String()), m.text, rows):
		}
	case tea.MouseWheelMsg:
		switch {
		case m.textPane.Contains(msg.X, msg.Y):
			m.textScr.wheel(msg, m.text, rows)
		case m.panelPane.Contains(msg.X, msg.Y):
			m.panelScr.wheel(msg, m.panel, views.PaneRows(m.panelPane.H))
		}
	}
	return nil
}

// fixForm changes a draft's speaker, kind, topics and act, and accepts it.
func (m *Review) fixForm(s *data.Statement) *form {
	d := m.d
	speakers := append(actorOptions(d), option{label: "+ new actor…", create: newActorForm(m.ws, d, "speaker")})
	kind := newChoiceField("kind", "kind", kindOptions(), string(s.Kind))
	f := &form{
		title:   "Fix the draft " + s.ID,
		context: []string{quoted(s)},
		fields: []*field{
			newPickField("speaker", "speaker", speakers, s.Actor),
			kind,
			newMultiField("topics", "topics", topicOptions(d), s.Topics),
			newChoiceField("act", "act", actOptions(), string(s.Act())),
		},
	}
	f.fields[0].note = "who said it; an account (the source's own voice) has nobody"
	f.submit = func(f *form) (tea.Cmd, error) {
		edits := slices.Clone(f.extra)
		edits = append(edits, statementChanges(d, s, f)...)
		if f.text("kind") == string(data.KindQuote) {
			edits = append(edits, edit.AcceptIn(d, s.ID)) // a quote said in parts becomes a quote of each
		} else {
			edits = append(edits, edit.Accept(s.ID))
		}
		m.decide(s.ID)
		return editCmd(edit.Batch{Name: "fix and accept draft " + strconv.Quote(s.ID), Edits: edits}, "fixed and accepted "+s.ID), nil
	}
	return f
}

// statementChanges are the Set edits that give a statement the speaker,
// kind, topics and act of a form: only the fields that differ. A
// speaker's party is the actor's (the statement's own party field goes
// when the actor has one); an account has no speaker.
func statementChanges(d *data.Dossier, s *data.Statement, f *form) []edit.Edit {
	ref := edit.StatementRef(s.ID)
	var out []edit.Edit
	set := func(field string, v any) { out = append(out, edit.Set{Ref: ref, Field: field, Value: v}) }
	kind := data.StatementKind(f.text("kind"))
	actor := f.text("speaker")
	if kind == data.KindAccount {
		actor = ""
	}
	if kind != "" && kind != s.Kind {
		set("kind", string(kind))
	}
	if actor != s.Actor {
		if actor == "" {
			set("actor", nil)
		} else {
			set("actor", actor)
		}
	}
	switch {
	case kind == data.KindAccount:
		if s.Party != "" {
			set("party", nil)
		}
	case actor != s.Actor:
		if a := d.Actor(actor); a != nil && a.Party != "" || f.extraParty(actor) {
			set("party", nil)
		}
	}
	if topics := f.values("topics"); f.field("topics") != nil && !slices.Equal(topics, s.Topics) {
		if len(topics) == 0 {
			set("topics", nil)
		} else {
			set("topics", topics)
		}
	}
	if f.field("act") != nil {
		if act := f.text("act"); act != string(s.Act()) {
			if act == "" {
				set("act", nil)
			} else {
				set("act", act)
			}
		}
	}
	return out
}

// extraParty reports whether an actor this form is adding has a party.
func (f *form) extraParty(actor string) bool {
	for _, e := range f.extra {
		if a, ok := e.(edit.Add); ok && a.List == edit.Actors && a.Record.String("id") == actor {
			return a.Record.String("party") != ""
		}
	}
	return false
}

// newActorForm is the "+ new actor…" entry of a speaker field: name,
// role and party; applying adds the actor with the form it came from and
// picks it.
func newActorForm(ws *workspace, d *data.Dossier, fieldName string) func(*form, string) *form {
	return func(parent *form, typed string) *form {
		parties := append([]option{{value: "", label: "no party"}}, partyOptions(d)...)
		f := &form{
			title: "A new actor",
			fields: []*field{
				newTextField("name", "name", typed),
				newTextField("role", "role", ""),
				newPickField("party", "party", parties, ""),
				newTextField("id", "id", ""),
			},
		}
		f.fields[0].note = "the person's full name, as the source writes it"
		f.fields[3].note = "empty: made from the name"
		f.submit = func(f *form) (tea.Cmd, error) {
			name := f.text("name")
			if name == "" {
				return nil, errors.New("an actor needs a name")
			}
			pf := parent.field(fieldName)
			taken := func(id string) bool {
				return slices.ContainsFunc(pf.options, func(o option) bool { return o.value == id })
			}
			id := f.text("id")
			if id == "" {
				id = edit.UniqueID(ws.newID(d, edit.Actors, name), taken)
			} else if err := edit.CheckID(id); err != nil {
				return nil, err
			} else if taken(id) || d.Actor(id) != nil {
				return nil, fmt.Errorf("the id %q is taken: choose another", id)
			}
			rec := edit.R("id", id, "name", name)
			var detail []string
			if role := f.text("role"); role != "" {
				rec.Set("role", role)
				detail = append(detail, role)
			}
			if party := f.text("party"); party != "" {
				rec.Set("party", party)
				if p := d.Party(party); p != nil {
					detail = append(detail, p.Name)
				}
			}
			parent.extra = append(parent.extra, edit.Add{List: edit.Actors, Record: rec})
			pf.addOption(option{value: id, label: name, detail: strings.Join(append(detail, "new"), " · ")})
			return nil, nil
		}
		return f
	}
}

// acceptAboveForm asks for a confidence and accepts every draft left at
// or above it.
func (m *Review) acceptAboveForm() tea.Cmd {
	if cmd := m.ws.refuse(); cmd != nil {
		return cmd
	}
	if len(m.drafts) == 0 {
		return flash("no drafts to accept")
	}
	lo, hi := 1.0, 0.0
	for _, s := range m.drafts {
		if c := s.Draft().Confidence; c != nil {
			lo, hi = min(lo, *c), max(hi, *c)
		}
	}
	f := &form{
		title:  "Accept every draft at or above a confidence",
		fields: []*field{newTextField("above", "at least", "0.8")},
	}
	f.fields[0].note = fmt.Sprintf("a number from 0 to 1; the %d drafts left range from %.2f to %.2f", len(m.drafts), lo, hi)
	f.submit = func(f *form) (tea.Cmd, error) {
		v, err := strconv.ParseFloat(strings.TrimSpace(f.text("above")), 64)
		if err != nil || v < 0 || v > 1 {
			return nil, fmt.Errorf("%q is not a confidence from 0 to 1", f.text("above"))
		}
		var ids []string
		for _, s := range m.drafts {
			if c := s.Draft().Confidence; c != nil && *c >= v {
				ids = append(ids, s.ID)
			}
		}
		if len(ids) == 0 {
			return nil, fmt.Errorf("no draft left is %.2f sure or more", v)
		}
		m.decide(ids...)
		return editCmd(edit.AcceptIn(m.d, ids...), fmt.Sprintf("accepted %d %s at or above %.2f", len(ids), pluralWord(len(ids), "draft", "drafts"), v)), nil
	}
	return m.openForm(f)
}

// quoted is a statement's words as a form shows them for context.
func quoted(s *data.Statement) string {
	text := strings.Join(strings.Fields(s.Text), " ")
	if s.Kind == data.KindQuote {
		return "“" + text + "”"
	}
	return text
}

func (m *Review) View() string {
	t := m.theme
	bar := views.ReviewBar(m.cur, len(m.drafts), m.reviewed(), m.orderName(), m.width, t)
	textTitle := "Source"
	if m.para > 0 {
		textTitle = fmt.Sprintf("Source · ¶%d", m.para)
	}
	text := t.Render(views.Pane{Title: textTitle, Content: m.text, Offset: m.textScr.offset, Mark: -1, Focused: true,
		Width: m.textPane.W, Height: m.textPane.H})
	panelTitle := "Proposed"
	if s := m.current(); s != nil && s.Draft() != nil && s.Draft().Confidence != nil {
		panelTitle = fmt.Sprintf("Proposed · %.2f", *s.Draft().Confidence)
	}
	panel := t.Render(views.Pane{Title: panelTitle, Content: m.panel, Offset: m.panelScr.offset, Mark: -1, Width: m.panelPane.W, Height: m.panelPane.H})
	body := views.JoinColumns(text, panel)
	if m.stacked {
		body = text + "\n" + panel
	}
	if m.height <= 0 {
		return ""
	}
	return views.Rows(bar+"\n"+body, m.width, m.height)
}

func (m *Review) ShortHelp() []key.Binding {
	k := m.keys
	if m.current() == nil {
		return []key.Binding{k.ReviewOrder}
	}
	return []key.Binding{k.Accept, k.Reject, k.Fix, k.StatementHelp, k.AcceptAbove, k.Actor}
}

func (m *Review) FullHelp() [][]key.Binding {
	k := m.keys
	if m.current() == nil {
		return [][]key.Binding{{k.ReviewOrder}}
	}
	return [][]key.Binding{
		{k.Accept, k.Reject, k.Fix, k.AcceptAbove, k.Actor},
		{k.StatementHelp, k.ReviewOrder, k.Open, k.ShowInSource},
		{k.MoveHelp, k.PageHelp},
	}
}
