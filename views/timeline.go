package views

import (
	"fmt"
	"math"
	"strings"

	"charm.land/lipgloss/v2"
	"github.com/charmbracelet/x/ansi"

	"github.com/parley-dev/parley/data"
)

// TimelineItem is an event or a dated statement on the timeline.
type TimelineItem struct {
	Date      data.Date
	Event     *data.Event
	Statement *data.Statement
}

// TimelineItems are the events and dated statements in date order (an
// imprecise date by where it starts, then ends); on the same date events
// come first, then statements, each in dossier order. undated counts the
// statements left out for having no date.
func TimelineItems(d *data.Dossier) (items []TimelineItem, undated int) {
	// The events, then the dated statements, each by its place in the
	// dossier: a stable sort by date alone gives the order. They are read
	// in the dossier's order and then moved into the sorted one, which
	// reads memory far less at random than following each statement's
	// pointer in sorted order would.
	src := make([]TimelineItem, 0, len(d.Events)+len(d.Statements))
	for _, e := range d.Events {
		src = append(src, TimelineItem{Date: e.Date, Event: e})
	}
	for _, s := range d.Statements {
		if s.Date.IsZero() {
			undated++
			continue
		}
		src = append(src, TimelineItem{Date: s.Date, Statement: s})
	}
	items = make([]TimelineItem, len(src))
	for k, i := range sortByDate(len(src), func(i int) data.Date { return src[i].Date }) {
		items[k] = src[i]
	}
	return items, undated
}

// sortByDate orders 0..n-1 by date(i) as data.Date.Compare does (first
// day, then last, no date at the end), keeping their order among equal
// dates. It is a radix sort on the days, linear in n: a million statements
// take tens of milliseconds, where a comparison sort took half a second on
// a first visit to the Timeline.
func sortByDate(n int, date func(i int) data.Date) []int {
	// A key orders like the date: the first day, then the last, each with
	// its sign bit flipped so that days before 1970 come first.
	keys, idx := make([]uint64, n), make([]int, n)
	for i := range n {
		idx[i] = i
		dt := date(i)
		if dt.IsZero() {
			keys[i] = math.MaxUint64
			continue
		}
		first, last := dt.Days()
		keys[i] = uint64(uint32(first)^1<<31)<<32 | uint64(uint32(last)^1<<31)
	}
	if n < 2 {
		return idx
	}
	keys2, idx2 := make([]uint64, n), make([]int, n)
	for shift := 0; shift < 64; shift += 8 {
		var count [256]int
		for _, k := range keys {
			count[byte(k>>shift)]++
		}
		if count[byte(keys[0]>>shift)] == n {
			continue // every key has this byte: nothing to order by
		}
		at := 0
		for b, c := range count {
			count[b], at = at, at+c
		}
		for i, k := range keys {
			j := count[byte(k>>shift)]
			count[byte(k>>shift)]++
			keys2[j], idx2[j] = k, idx[i]
		}
		keys, keys2, idx, idx2 = keys2, keys, idx2, idx
	}
	return idx
}

// DayHeading names a day of the timeline: "2022-01-21 · Friday", or for
// an imprecise date the range it covers, "2022-01-24..2022-01-30 · 7 days".
func DayHeading(d data.Date) string {
	switch {
	case d.IsZero():
		return "undated"
	case d.IsRange():
		days := int(d.End().Sub(d.Start()).Hours()/24) + 1
		return fmt.Sprintf("%s · %s to %s, %d days", d, d.Start().Format("Mon 2 Jan 2006"), d.End().Format("Mon 2 Jan 2006"), days)
	}
	return d.String() + " · " + d.Start().Format("Monday")
}

// styler applies a one-line style by concatenation: the escape codes Lip
// Gloss wraps a line in, taken once. A timeline of ten thousand statements
// styles tens of thousands of lines, which Render would parse one by one.
// The style's transform (the plain theme's Unbox) is applied to the text
// first, as Render does.
type styler struct {
	pre, post string
	transform func(string) string
}

func newStyler(s lipgloss.Style) styler {
	const mark = "\uE000"
	pre, post, ok := strings.Cut(s.Render(mark), mark)
	if !ok {
		return styler{}
	}
	return styler{pre, post, s.GetTransform()}
}

func (s styler) render(text string) string {
	if s.transform != nil {
		text = s.transform(text)
	}
	return s.pre + text + s.post
}

// timelineStyles are the stylers of one timeline.
type timelineStyles struct {
	heading, muted, quote, reported styler
	party                           map[string]styler
}

func (ts *timelineStyles) partyStyle(t *Theme, id string) styler {
	s, ok := ts.party[id]
	if !ok {
		s = newStyler(t.Party(id))
		ts.party[id] = s
	}
	return s
}

// TimelineContent lays the whole timeline out at width: a heading per
// day (or range of days), then its events (◆ happened, ◇ expected, in
// words as well) and statements, each a block to select. An event's block
// opens its first evidence. The explorer lays out only what is on screen
// (TimelineLayout); this is the same text in one piece.
func TimelineContent(d *data.Dossier, width int, t *Theme) *Content {
	items, undated := TimelineItems(d)
	l := NewTimelineLayout(d, items, undated, width, t)
	c := &Content{}
	for i := range l.Units() {
		u := l.Unit(i)
		start := len(c.Lines) + u.Pre
		c.add(u.Lines...)
		if u.Item {
			c.Blocks = append(c.Blocks, Block{Start: start, End: len(c.Lines), Statement: u.Statement})
		}
	}
	return c
}

// TimelineLayout lays a timeline out one unit at a time, so a screen of it
// costs the same for ten items as for a million: the units are the items
// in order, then a closing note (the undated statements left out, or that
// there is nothing to show) when there is one.
type TimelineLayout struct {
	d       *data.Dossier
	items   []TimelineItem
	undated int
	width   int
	t       *Theme
	ts      *timelineStyles
}

// TimelineUnit is the lines of one unit of the timeline. Lines[:Pre] are
// the heading of the item's day (with a blank line above it but on the
// first day) and belong to no selection; Lines[Pre:] are the item. Item
// says whether the unit is an item, Statement what enter opens on it.
type TimelineUnit struct {
	Lines     []string
	Pre       int
	Item      bool
	Statement *data.Statement
}

// NewTimelineLayout lays out items (from TimelineItems) at width.
func NewTimelineLayout(d *data.Dossier, items []TimelineItem, undated, width int, t *Theme) *TimelineLayout {
	return &TimelineLayout{d: d, items: items, undated: undated, width: width, t: t,
		ts: &timelineStyles{heading: newStyler(t.Heading), muted: newStyler(t.Muted), quote: newStyler(t.Quote),
			reported: newStyler(t.Reported), party: map[string]styler{}}}
}

// Units is how many units the timeline has: its items and the closing note.
func (l *TimelineLayout) Units() int {
	if len(l.items) == 0 || l.undated > 0 {
		return len(l.items) + 1
	}
	return len(l.items)
}

// Unit lays out unit i.
func (l *TimelineLayout) Unit(i int) TimelineUnit {
	c := &Content{}
	d, width, t, ts := l.d, l.width, l.t, l.ts
	if i >= len(l.items) { // the closing note
		if len(l.items) == 0 {
			c.add(t.Empty.Render(Truncate("no events or dated statements in this dossier", width)))
		}
		if l.undated > 0 {
			c.add("")
			c.add(t.Muted.Render(Truncate(fmt.Sprintf("%d undated %s not shown", l.undated, plural(l.undated, "statement", "statements")), width)))
		}
		return TimelineUnit{Lines: c.Lines, Pre: len(c.Lines)}
	}
	it := l.items[i]
	if i == 0 || it.Date.Compare(l.items[i-1].Date) != 0 {
		if i > 0 {
			c.add("")
		}
		for _, line := range Wrap(DayHeading(it.Date), width) {
			c.add(ts.heading.render(line))
		}
	}
	u := TimelineUnit{Pre: len(c.Lines), Item: true, Statement: it.Statement}
	if it.Event != nil {
		timelineEvent(c, it.Event, width, t, ts)
		if ev := d.Evidence(it.Event.Evidence); len(ev) > 0 {
			u.Statement = ev[0]
		}
	} else {
		timelineStatement(c, d, it.Statement, width, t, ts)
	}
	u.Lines = c.Lines
	return u
}

// timelineEvent is "◆ happened  title", or "◇ expected  title", then the
// place and the evidence count, indented under the title.
func timelineEvent(c *Content, e *data.Event, width int, t *Theme, ts *timelineStyles) {
	mark, style := "◆ happened ", t.Stance(data.StanceSupport)
	if e.Expected() {
		mark, style = "◇ expected ", t.Stance(data.StanceConditional)
	}
	pad := strings.Repeat(" ", 2+ansi.StringWidth(mark))
	lines := Indent(flatten(e.Title), width, "  "+mark, pad)
	for i, l := range lines {
		if i == 0 {
			c.add("  " + style.Render(mark) + ts.heading.render(l[len("  "+mark):]))
			continue
		}
		c.add(ts.heading.render(l))
	}
	var meta []string
	if e.Place != "" {
		meta = append(meta, flatten(e.Place))
	}
	if n := len(e.Evidence); n > 0 {
		meta = append(meta, fmt.Sprintf("%d evidence · enter opens", n))
	}
	if len(meta) > 0 {
		for _, l := range Indent(strings.Join(meta, " · "), width, pad, pad) {
			c.add(ts.muted.render(l))
		}
	}
}

// timelineStatement is the speaker in their party's colour, then the words.
func timelineStatement(c *Content, d *data.Dossier, s *data.Statement, width int, t *Theme, ts *timelineStyles) {
	who := d.Speaker(s)
	if d.Actor(s.Actor) != nil {
		who = partyLabel(d, s.Party) + " · " + who
	}
	switch s.Kind {
	case data.KindReported:
		who += ", reported"
	case data.KindAccount:
		who += ", its own account"
	}
	for _, v := range d.ViaNames(s) {
		who += ", via " + v
	}
	if act := ActBadge(s); act != "" {
		who += " " + act
	}
	c.add("  " + ts.partyStyle(t, s.Party).render(Truncate(who, width-2)))
	text, style := flatLine(s.Text), ts.reported
	if s.Kind == data.KindQuote {
		text, style = "“"+text+"”", ts.quote
	}
	for _, l := range Indent(text, width, "    ", "    ") {
		c.add(style.render(l))
	}
}
