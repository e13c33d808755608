package model

import (
	"slices"

	tea "charm.land/bubbletea/v2"
	"github.com/parley-dev/parley/data"
	"github.com/parley-dev/parley/data/search"
	"github.com/parley-dev/parley/views"
)

// Every screen takes a new dossier (an edit, or its file changed on disk)
// and keeps its place: records are found again by id, since the new
// dossier's records are new values. What a screen derives from the
// dossier is dropped and derived again when it is next laid out.

// sameParties finds parties again by id in d, in order, leaving out
// those that are gone.
func sameParties(d *data.Dossier, ps []*data.Party) []*data.Party {
	out := make([]*data.Party, 0, len(ps))
	for _, p := range ps {
		if np := d.Party(p.ID); np != nil {
			out = append(out, np)
		}
	}
	return out
}

func (c *Compare) Reload(d *data.Dossier) tea.Cmd {
	topic := ""
	if t := c.currentTopic(); t != nil {
		topic = t.ID
	}
	c.d = d
	c.topics = d.TopicsInOrder()
	parties := sameParties(d, c.parties)
	if len(parties) == 0 {
		parties = comparedParties(d, nil)
	}
	if len(parties) != len(c.parties) {
		c.scr = nil // laid out afresh
	}
	c.parties = parties
	if i := slices.IndexFunc(c.topics, func(t *data.Topic) bool { return t.ID == topic }); i >= 0 {
		c.topic = i
		c.scrTopic = i
	} else {
		c.topic = max(min(c.topic, len(c.topics)-1), 0)
	}
	c.picker = nil
	return nil
}

func (m *Demands) Reload(d *data.Dossier) tea.Cmd {
	id := ""
	if dm := m.demand(); dm != nil {
		id = dm.ID
	}
	m.d = d
	if i := slices.IndexFunc(d.Demands, func(x *data.Demand) bool { return x.ID == id }); i >= 0 {
		m.sel = i
	} else {
		m.sel = max(min(m.sel, len(d.Demands)-1), 0)
	}
	return nil
}

func (m *Matrix) Reload(d *data.Dossier) tea.Cmd {
	m.d = d
	m.compared = sameParties(d, m.compared)
	if len(m.compared) == 0 {
		m.compared = comparedParties(d, nil)
	}
	m.byTopic, m.shown = nil, nil // classified again by the next layout
	m.evidence = nil
	return nil
}

func (m *Source) Reload(d *data.Dossier) tea.Cmd {
	src, keep := "", ""
	if m.text != nil {
		src = m.text.Source.ID
		if s := m.current(); s != nil {
			keep = s.ID
		}
	}
	old := m.text
	m.d = d
	m.text, m.textSrc = nil, -1
	if i := slices.IndexFunc(d.Sources, func(s *data.Source) bool { return s.ID == src }); i >= 0 {
		m.src = i
		if old != nil && d.Sources[i].Text != old.Source.Text {
			m.top, m.mark = vpos{}, nil // another text: from its top
		}
	} else {
		m.src, m.top, m.mark = 0, vpos{}, nil
	}
	m.keep = keep
	if m.focusNext != "" {
		m.keep, m.focusNext = m.focusNext, ""
	}
	return nil
}

func (m *Timeline) Reload(d *data.Dossier) tea.Cmd {
	var sel views.TimelineItem
	if m.sel >= 0 && m.sel < len(m.items) {
		sel = m.items[m.sel]
	}
	m.d = d
	m.items, m.undated = views.TimelineItems(d)
	m.sorted = true
	m.lay = nil
	clear(m.cache)
	for i, it := range m.items {
		if sel.Statement != nil && it.Statement != nil && it.Statement.ID == sel.Statement.ID ||
			sel.Event != nil && it.Event != nil && it.Event.Title == sel.Event.Title && it.Date == sel.Date {
			m.sel = i
			break
		}
	}
	return nil
}

// reindexMsg is the Quotes screen's index for the dossier d, rebuilt
// after it changed.
type reindexMsg struct {
	d  *data.Dossier
	ix *search.Index
}

func (m *Search) Reload(d *data.Dossier) tea.Cmd {
	m.d = d
	m.ix, m.pending, m.res = nil, nil, nil
	m.reloaded = true
	m.indexed, m.total = 0, len(d.Statements)
	if m.cancel != nil {
		m.cancel()
		m.cancel = nil
	}
	m.scroll = scroller{sel: -1}
	return func() tea.Msg { return reindexMsg{d: d, ix: search.Build(d, nil)} }
}
