package model

import (
	"errors"
	"fmt"
	"slices"

	tea "charm.land/bubbletea/v2"
	"github.com/parley-dev/parley/data"
	"github.com/parley-dev/parley/data/edit"
)

// The forms that make and change a dossier's records beyond statements:
// a party's position on a topic (from Compare and the Matrix), a topic
// (added, renamed, moved), a demand and a response (from Demands and from
// a statement), and a statement itself (from its detail). Each builds its
// record from the one there is, so fields the form does not show (a note,
// a date, the responses of a demand) are kept, and the edit rewrites only
// the fields that differ.

// recordOf is the record a dossier value is now, or an empty one.
func recordOf(v any) *edit.Record {
	r, err := edit.FromStruct(v)
	if err != nil {
		return &edit.Record{}
	}
	return r
}

// appendChange adds the edit that sets a record's text field from was to
// now, none when they are the same; an empty text drops the field.
func appendChange(edits []edit.Edit, ref edit.Ref, field, was, now string) []edit.Edit {
	if was == now {
		return edits
	}
	var v any
	if now != "" {
		v = now
	}
	return append(edits, edit.Set{Ref: ref, Field: field, Value: v})
}

// setOrDrop sets a field of a record, or drops it when the value is empty.
func setOrDrop(r *edit.Record, key string, v any) {
	switch x := v.(type) {
	case string:
		if x == "" {
			v = nil
		}
	case []string:
		if len(x) == 0 {
			v = nil
		}
	}
	r.Set(key, v)
}

// evidenceField is the list of statements to cite: those already cited
// first, then each group in turn (the statements on the topic, the
// party's), then the others, each once, the workspace's evidence limit at
// most. When the dossier has more, typing finds among them all (the
// list's finder asks the search index, the topic's statements first).
func evidenceField(ws *workspace, d *data.Dossier, cited []string, topic string, groups ...[]*data.Statement) *field {
	limit := ws.evidenceLimit()
	seen := map[string]bool{}
	var stmts []*data.Statement
	add := func(s *data.Statement) {
		if s != nil && !seen[s.ID] && len(stmts) < limit {
			seen[s.ID] = true
			stmts = append(stmts, s)
		}
	}
	for _, id := range cited {
		add(d.Statement(id))
	}
	for _, g := range groups {
		for _, s := range g {
			add(s)
		}
	}
	for _, s := range d.Statements {
		if len(stmts) >= limit {
			break
		}
		add(s)
	}
	f := newMultiField("evidence", "evidence", statementOptions(d, stmts), cited)
	if len(d.Statements) > len(stmts) {
		f.find = &finder{d: d, total: len(d.Statements), held: len(stmts), topic: topic}
	}
	return f
}

// defaultEvidenceLimit is how many statements a list of evidence holds at
// most (Options.EvidenceLimit): a dossier of a million is not listed
// whole, and typing finds among them all through the search index.
const defaultEvidenceLimit = 20000

// evidenceLimit is how many statements a list of evidence holds at most.
func (ws *workspace) evidenceLimit() int {
	if ws == nil || ws.evidenceCap <= 0 {
		return defaultEvidenceLimit
	}
	return ws.evidenceCap
}

// positionForm sets a party's stance on a topic: the stance, the summary,
// the evidence (the statements on that topic first), stated or inferred,
// and the topic's proposition, which support and oppose refer to.
func positionForm(ws *workspace, d *data.Dossier, party *data.Party, topic *data.Topic) *form {
	pos := d.Position(party.ID, topic.ID)
	stance, summary, basis := string(data.StanceSupport), "", string(data.BasisStated)
	var cited []string
	if pos != nil {
		stance, summary, cited = string(pos.Stance), pos.Summary, pos.Evidence
		if pos.Basis != "" {
			basis = string(pos.Basis)
		}
	}
	f := &form{
		title: fmt.Sprintf("Position · %s · %s", party.Name, topic.Title),
		fields: []*field{
			newChoiceField("stance", "stance", stanceOptions(), stance),
			newAreaField("summary", "summary", summary),
			evidenceField(ws, d, cited, topic.ID, d.StatementsByTopic(topic.ID), d.StatementsByParty(party.ID)),
			newChoiceField("basis", "basis", basisOptions(false), basis),
			newTextField("proposition", "proposition", topic.Proposition),
		},
	}
	if topic.Proposition != "" {
		f.context = []string{"Proposition: " + topic.Proposition}
	}
	f.fields[0].note = "support and oppose refer to the topic's proposition (below)"
	f.fields[2].note = "the statements on this topic come first, then the party's"
	f.fields[4].note = "one sentence support and oppose refer to: “Russia should withdraw its forces”"
	f.submit = func(f *form) (tea.Cmd, error) {
		rec := edit.R("party", party.ID, "topic", topic.ID)
		if pos != nil {
			rec = recordOf(pos)
		}
		rec.Set("stance", f.text("stance"))
		setOrDrop(rec, "summary", oneLine(f.text("summary")))
		setOrDrop(rec, "evidence", f.values("evidence"))
		setOrDrop(rec, "basis", f.text("basis"))
		edits := []edit.Edit{edit.Put{Ref: edit.PositionRef(party.ID, topic.ID), Record: rec}}
		edits = appendChange(edits, edit.ID(edit.Topics, topic.ID), "proposition", topic.Proposition, oneLine(f.text("proposition")))
		name := fmt.Sprintf("set %s's position on %s", party.Label(), topic.Title)
		return editCmd(edit.Batch{Name: name, Edits: edits}, name), nil
	}
	return f
}

// topicForm adds a topic (topic nil) or changes one: its title, its
// proposition, the topic it belongs to (a move) and its id (a rename,
// every reference to it following).
func topicForm(ws *workspace, d *data.Dossier, topic *data.Topic) *form {
	var title, proposition, parent, id string
	if topic != nil {
		title, proposition, parent, id = topic.Title, topic.Proposition, topic.Parent, topic.ID
	}
	// A topic cannot move under itself or its own subtopics.
	under := map[string]bool{}
	if topic != nil {
		var walk func(string)
		walk = func(t string) {
			under[t] = true
			for _, c := range d.TopicChildren(t) {
				if !under[c.ID] {
					walk(c.ID)
				}
			}
		}
		walk(topic.ID)
	}
	parents := []option{{value: "", label: "none: a topic of its own"}}
	for _, o := range topicOptions(d) {
		if !under[o.value] {
			parents = append(parents, o)
		}
	}
	f := &form{
		title: "A new topic",
		fields: []*field{
			newTextField("title", "title", title),
			newTextField("proposition", "proposition", proposition),
			newPickField("parent", "within", parents, parent),
			newTextField("id", "id", id),
		},
	}
	if f.fields[2].value < 0 {
		f.fields[2].value = 0
	}
	if topic != nil {
		f.title = "The topic " + topic.Title
	}
	f.fields[1].note = "one sentence support and oppose refer to"
	f.fields[2].note = "the topic it is part of: moving it moves its subtopics too"
	f.fields[3].note = "empty: made from the title"
	f.submit = func(f *form) (tea.Cmd, error) {
		t := oneLine(f.text("title"))
		if t == "" {
			return nil, errors.New("a topic needs a title")
		}
		newID := f.text("id")
		if newID == "" {
			newID = ws.newID(d, edit.Topics, t)
		}
		if err := edit.CheckID(newID); err != nil {
			return nil, err
		}
		if topic == nil {
			if d.Topic(newID) != nil {
				return nil, fmt.Errorf("the id %q is taken: choose another", newID)
			}
			rec := edit.R("id", newID, "title", t)
			setOrDrop(rec, "proposition", oneLine(f.text("proposition")))
			setOrDrop(rec, "parent", f.text("parent"))
			return editCmd(edit.Add{List: edit.Topics, Record: rec}, "added the topic "+t), nil
		}
		ref := edit.ID(edit.Topics, topic.ID)
		var edits []edit.Edit
		change := func(field, was, now string) { edits = appendChange(edits, ref, field, was, now) }
		change("title", topic.Title, t)
		change("proposition", topic.Proposition, oneLine(f.text("proposition")))
		change("parent", topic.Parent, f.text("parent"))
		if newID != topic.ID {
			if d.Topic(newID) != nil {
				return nil, fmt.Errorf("the id %q is taken: choose another", newID)
			}
			edits = append(edits, edit.Rename{List: edit.Topics, From: topic.ID, To: newID})
		}
		if len(edits) == 0 {
			return flash("the topic is as it was"), nil
		}
		name := "change the topic " + t
		return editCmd(edit.Batch{Name: name, Edits: edits}, "changed the topic "+t), nil
	}
	return f
}

// demandForm makes a demand (dm nil; from a statement, cite it) or changes
// one: who asks, whom, on what topic, what, and the evidence.
func demandForm(ws *workspace, d *data.Dossier, dm *data.Demand, from *data.Statement) *form {
	var fromParty, topic, text, id string
	var to, cited []string
	switch {
	case dm != nil:
		fromParty, topic, text, id, to, cited = dm.From, dm.Topic, dm.Text, dm.ID, dm.To, dm.Evidence
	case from != nil:
		fromParty, cited = from.Party, []string{from.ID}
		if len(from.Topics) > 0 {
			topic = from.Topics[0]
		}
	}
	topics := append([]option{{value: "", label: "none"}}, topicOptions(d)...)
	var groups [][]*data.Statement
	if topic != "" {
		groups = append(groups, d.StatementsByTopic(topic))
	}
	if fromParty != "" {
		groups = append(groups, d.StatementsByParty(fromParty))
	}
	f := &form{
		title: "A new demand",
		fields: []*field{
			newPickField("from", "from", partyOptions(d), fromParty),
			newMultiField("to", "to", partyOptions(d), to),
			newPickField("topic", "topic", topics, topic),
			newAreaField("text", "demand", text),
			evidenceField(ws, d, cited, topic, groups...),
			newTextField("id", "id", id),
		},
	}
	if dm != nil {
		f.title = "The demand " + dm.ID
	}
	if from != nil {
		f.context = []string{quoted(from)}
	}
	f.fields[1].note = "every party asked: enter ticks one"
	f.fields[3].note = "what is asked, in a sentence"
	f.fields[5].note = "empty: made from who asks and the words"
	f.submit = func(f *form) (tea.Cmd, error) {
		fp, tos, words := f.text("from"), f.values("to"), oneLine(f.text("text"))
		switch {
		case fp == "":
			return nil, errors.New("a demand needs the party that makes it")
		case len(tos) == 0:
			return nil, errors.New("a demand needs the parties it is made to")
		case words == "":
			return nil, errors.New("a demand needs its words")
		}
		newID := f.text("id")
		if newID == "" {
			newID = ws.newID(d, edit.Demands, fp, words)
		}
		if err := edit.CheckID(newID); err != nil {
			return nil, err
		}
		rec := edit.R("id", newID, "from", fp, "to", tos)
		if dm != nil {
			rec = recordOf(dm)
			rec.Set("from", fp)
			rec.Set("to", tos)
		}
		setOrDrop(rec, "topic", f.text("topic"))
		rec.Set("text", words)
		setOrDrop(rec, "evidence", f.values("evidence"))
		if dm == nil {
			if d.Demand(newID) != nil {
				return nil, fmt.Errorf("the id %q is taken: choose another", newID)
			}
			return editCmd(edit.Add{List: edit.Demands, Record: rec}, "added the demand "+newID), nil
		}
		rec.Set("id", dm.ID)
		edits := []edit.Edit{edit.Replace{Ref: edit.ID(edit.Demands, dm.ID), Record: rec}}
		if newID != dm.ID {
			if d.Demand(newID) != nil {
				return nil, fmt.Errorf("the id %q is taken: choose another", newID)
			}
			edits = append(edits, edit.Rename{List: edit.Demands, From: dm.ID, To: newID})
		}
		return editCmd(edit.Batch{Name: "change the demand " + dm.ID, Edits: edits}, "changed the demand "+newID), nil
	}
	return f
}

// responseForm adds or changes a party's answer to a demand: the status,
// the answer, the evidence, and who it is known from. dm nil asks which
// demand (from a statement, which it then cites).
func responseForm(ws *workspace, d *data.Dossier, dm *data.Demand, from *data.Statement) *form {
	party := ""
	switch {
	case from != nil:
		party = from.Party
	case dm != nil:
		for _, p := range dm.To {
			if dm.Response(p) == nil {
				party = p
				break
			}
		}
		if party == "" && len(dm.To) > 0 {
			party = dm.To[0]
		}
	}
	var r *data.Response
	if dm != nil {
		r = dm.Response(party)
	}
	status, text, basis, according := string(data.StatusDeferred), "", "", ""
	var cited []string
	if r != nil {
		status, text, basis, according, cited = string(r.Status), r.Text, string(r.Basis), r.AccordingTo, r.Evidence
	}
	if from != nil && !slices.Contains(cited, from.ID) {
		cited = append([]string{from.ID}, cited...)
	}
	var fields []*field
	if dm == nil {
		var demands []option
		for _, x := range d.Demands {
			demands = append(demands, option{value: x.ID, label: oneLine(x.Text), detail: x.ID})
		}
		fields = append(fields, newPickField("demand", "to demand", demands, ""))
	}
	parties := partyOptions(d)
	if dm != nil {
		// The addressees first.
		slices.SortStableFunc(parties, func(a, b option) int {
			ai, bi := slices.Contains(dm.To, a.value), slices.Contains(dm.To, b.value)
			switch {
			case ai && !bi:
				return -1
			case bi && !ai:
				return 1
			}
			return 0
		})
	}
	var groups [][]*data.Statement
	if party != "" {
		groups = append(groups, d.StatementsByParty(party))
	}
	demandTopic := ""
	if dm != nil && dm.Topic != "" {
		demandTopic = dm.Topic
		groups = append(groups, d.StatementsByTopic(dm.Topic))
	}
	knownFrom := append([]option{{value: "", label: "the party itself"}}, partyOptions(d)...)
	basisChoices := append([]option{{value: "", label: "not said"}}, basisOptions(true)...)
	fields = append(fields,
		newPickField("party", "party", parties, party),
		newChoiceField("status", "status", statusOptions(), status),
		newAreaField("text", "answer", text),
		evidenceField(ws, d, cited, demandTopic, groups...),
		newChoiceField("basis", "basis", basisChoices, basis),
		newPickField("according_to", "known from", knownFrom, according),
	)
	f := &form{title: "A response", fields: fields}
	if dm != nil {
		f.title = "A response to " + dm.ID
		f.context = []string{oneLine(dm.Text)}
	} else if from != nil {
		f.context = []string{quoted(from)}
	}
	f.field("according_to").note = "the party that reports the answer, when it is not the party answering"
	if f.field("according_to").value < 0 {
		f.field("according_to").value = 0
	}
	f.submit = func(f *form) (tea.Cmd, error) {
		target := dm
		if target == nil {
			target = d.Demand(f.text("demand"))
		}
		p := f.text("party")
		switch {
		case target == nil:
			return nil, errors.New("choose the demand it answers")
		case p == "":
			return nil, errors.New("choose the party that answers")
		}
		rec := edit.R("party", p)
		if old := target.Response(p); old != nil {
			rec = recordOf(old)
		}
		rec.Set("status", f.text("status"))
		setOrDrop(rec, "basis", f.text("basis"))
		setOrDrop(rec, "according_to", f.text("according_to"))
		setOrDrop(rec, "text", oneLine(f.text("text")))
		setOrDrop(rec, "evidence", f.values("evidence"))
		name := fmt.Sprintf("set %s's response to %s", p, target.ID)
		return editCmd(edit.Put{Ref: edit.ResponseRef(target.ID, p), Record: rec}, name), nil
	}
	return f
}

// statementForm changes a statement: its kind, speaker, topics, act, words
// and id (a rename: positions, demands and responses citing it follow).
func statementForm(ws *workspace, d *data.Dossier, s *data.Statement) *form {
	speakers := append(actorOptions(d), option{label: "+ new actor…", create: newActorForm(ws, d, "speaker")})
	f := &form{
		title:   "The statement " + s.ID,
		context: []string{quoted(s)},
		fields: []*field{
			newChoiceField("kind", "kind", kindOptions(), string(s.Kind)),
			newPickField("speaker", "speaker", speakers, s.Actor),
			newMultiField("topics", "topics", topicOptions(d), s.Topics),
			newChoiceField("act", "act", actOptions(), string(s.Act())),
			newAreaField("text", "words", s.Text),
			newTextField("id", "id", s.ID),
		},
	}
	f.fields[4].note = "a quote's words must be the source's"
	f.submit = func(f *form) (tea.Cmd, error) {
		edits := slices.Clone(f.extra)
		edits = append(edits, statementChanges(d, s, f)...)
		if text := oneLine(f.text("text")); text != oneLine(s.Text) {
			if text == "" {
				return nil, errors.New("a statement needs its words")
			}
			edits = append(edits, edit.Set{Ref: edit.StatementRef(s.ID), Field: "text", Value: text})
		}
		if id := f.text("id"); id != s.ID {
			if err := edit.CheckID(id); err != nil {
				return nil, err
			}
			if d.Statement(id) != nil {
				return nil, fmt.Errorf("the id %q is taken: choose another", id)
			}
			edits = append(edits, edit.Rename{List: edit.Statements, From: s.ID, To: id})
		}
		if len(edits) == 0 {
			return flash("the statement is as it was"), nil
		}
		name := "change the statement " + s.ID
		return editCmd(edit.Batch{Name: name, Edits: edits}, "changed "+s.ID), nil
	}
	return f
}

// openActorForm opens the form of the actor who said a statement (the
// speaker), or says why there is none.
func (f *frame) openActorForm(s *data.Statement) tea.Cmd {
	if cmd := f.ws.refuse(); cmd != nil {
		return cmd
	}
	a := f.d.Actor(s.Actor)
	if a == nil {
		return flash("this statement names no actor as its speaker: editing the statement picks one")
	}
	return f.openForm(actorForm(f.d, a))
}

// actorForm changes an actor: the name, the role, the party and the id (a
// rename: the statements that name the actor as speaker, or as the one
// the words came through, follow).
func actorForm(d *data.Dossier, a *data.Actor) *form {
	parties := append([]option{{value: "", label: "no party"}}, partyOptions(d)...)
	f := &form{
		title: "The actor " + a.Name,
		fields: []*field{
			newTextField("name", "name", a.Name),
			newTextField("role", "role", a.Role),
			newPickField("party", "party", parties, a.Party),
			newTextField("id", "id", a.ID),
		},
	}
	if n := len(d.StatementsByActor(a.ID)); n > 0 {
		f.context = []string{fmt.Sprintf("the speaker of %d %s", n, pluralWord(n, "statement", "statements"))}
	}
	if f.fields[2].value < 0 {
		f.fields[2].value = 0
	}
	f.fields[0].note = "the person's full name, as the source writes it"
	f.fields[3].note = "a new id: every statement naming the actor follows"
	f.submit = func(f *form) (tea.Cmd, error) {
		name := oneLine(f.text("name"))
		if name == "" {
			return nil, errors.New("an actor needs a name")
		}
		ref := edit.ID(edit.Actors, a.ID)
		var edits []edit.Edit
		change := func(field, was, now string) { edits = appendChange(edits, ref, field, was, now) }
		change("name", a.Name, name)
		change("role", a.Role, oneLine(f.text("role")))
		change("party", a.Party, f.text("party"))
		if id := f.text("id"); id != a.ID {
			if err := edit.CheckID(id); err != nil {
				return nil, err
			}
			if d.Actor(id) != nil {
				return nil, fmt.Errorf("the id %q is taken: choose another", id)
			}
			edits = append(edits, edit.Rename{List: edit.Actors, From: a.ID, To: id})
		}
		if len(edits) == 0 {
			return flash("the actor is as it was"), nil
		}
		return editCmd(edit.Batch{Name: "change the actor " + a.ID, Edits: edits}, "changed the actor "+name), nil
	}
	return f
}
