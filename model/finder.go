package model

import (
	"context"
	"fmt"
	"slices"
	"strings"

	tea "charm.land/bubbletea/v2"
	"github.com/parley-dev/parley/data"
	"github.com/parley-dev/parley/data/search"
	"github.com/parley-dev/parley/views"
)

// A list of evidence holds a few thousand statements at most (a dossier
// of a million is not listed whole: the form would take seconds to open
// and hold a copy of every text). What the user types is still looked
// for among every statement: the list's finder asks the search index, in
// a command off the update loop, for the statements that match — the
// topic's first, then any — and the list shows them with those it holds
// that match, the ones already picked first.

// finder looks for a held-in-part list's entries among all its
// candidates (every statement of the dossier) through the search index.
type finder struct {
	d     *data.Dossier
	total int    // the candidates in all
	held  int    // how many the list holds of them
	topic string // its statements are looked for first ("" none)
	// index is the search index the root's Quotes screen has now (nil
	// while it is being built); set when the form is shown.
	index func() *search.Index

	seq            int    // of the last search sent
	filter         string // what the last answer (found) was for
	asked          string // what the last search sent was for
	cancel         context.CancelFunc
	found          []int // the options the index found for filter, the topic's first
	onTopic, inAll int   // how many statements match on the topic, and in all
	waiting        bool  // the index was not ready: search once it is
}

// findLimit is how many statements a search for a list brings back, from
// the topic and from all: the best, by the index's ranking.
const findLimit = 200

// foundMsg is the index's answer to a list's search number seq.
type foundMsg struct {
	fd             *field
	seq            int
	filter         string
	ids            []string
	onTopic, inAll int
}

// answered reports whether the finder has the filter's answer to show.
func (fn *finder) answered(filter string) bool {
	return fn.found != nil && fn.filter == filter
}

// ask sends the search for what the list's filter holds now, cancelling
// the one before; nothing when the filter asks for nothing or when it was
// answered already.
func (fn *finder) ask(fd *field) tea.Cmd {
	filter := fd.input.Value()
	if fn.cancel != nil && fn.asked != filter {
		fn.cancel()
		fn.cancel = nil
	}
	if fn.answered(filter) || fn.asked == filter && fn.cancel != nil {
		return nil
	}
	fn.seq++
	fn.asked = filter
	fn.waiting = false
	words, _ := search.ParseQuery(filter, fn.d)
	if strings.TrimSpace(filter) == "" || words.Empty() || len(words.Problems) > 0 {
		fn.found, fn.filter = nil, ""
		fd.lastMatches = nil
		return nil
	}
	var ix *search.Index
	if fn.index != nil {
		ix = fn.index()
	}
	if ix == nil {
		fn.waiting = true // searched when the index lands (root: refind)
		return nil
	}
	var onTopic search.Query
	if fn.topic != "" && fn.d.Topic(fn.topic) != nil {
		onTopic, _ = search.ParseQuery("topic:"+fn.topic+" "+filter, fn.d)
	}
	ctx, cancel := context.WithCancel(context.Background())
	fn.cancel = cancel
	seq := fn.seq
	return func() tea.Msg {
		msg := foundMsg{fd: fd, seq: seq, filter: filter}
		seen := map[string]bool{}
		if !onTopic.Empty() && len(onTopic.Problems) == 0 {
			res, err := ix.SearchContext(ctx, onTopic, findLimit)
			if err != nil {
				return nil // a newer keystroke asks again
			}
			msg.onTopic = res.Total
			for _, h := range res.Hits {
				seen[h.Statement.ID] = true
				msg.ids = append(msg.ids, h.Statement.ID)
			}
		}
		res, err := ix.SearchContext(ctx, words, findLimit)
		if err != nil {
			return nil
		}
		msg.inAll = res.Total
		for _, h := range res.Hits {
			if !seen[h.Statement.ID] {
				seen[h.Statement.ID] = true
				msg.ids = append(msg.ids, h.Statement.ID)
			}
		}
		return msg
	}
}

// take puts the index's answer in the list: the statements it does not
// hold are added to it, in place of those the answer before added (the
// index's statements are found again by id in the form's dossier; one
// gone since is left out).
func (fd *field) take(msg foundMsg) {
	fn := fd.find
	if fn == nil || msg.seq != fn.seq {
		return // an answer to an older filter
	}
	if fn.cancel != nil {
		fn.cancel() // done: let its context go
		fn.cancel = nil
	}
	// The statements a search added before stay only when picked: the
	// list holds the first entries and the last answer, not every answer.
	keep := fd.options[:fn.held]
	for _, o := range fd.options[fn.held:] {
		if slices.Contains(fd.values, o.value) {
			keep = append(keep, o)
		}
	}
	fd.options = keep
	fd.hay = fd.hay[:min(len(fd.hay), fn.held)]
	at := map[string]int{}
	for i, o := range fd.options {
		if o.create == nil {
			at[o.value] = i
		}
	}
	found := make([]int, 0, len(msg.ids))
	var add []*data.Statement
	for _, id := range msg.ids {
		if i, ok := at[id]; ok {
			found = append(found, i)
			continue
		}
		if s := fn.d.Statement(id); s != nil {
			at[id] = len(fd.options) + len(add)
			found = append(found, at[id])
			add = append(add, s)
		}
	}
	fd.options = append(fd.options, statementOptions(fn.d, add)...)
	fn.found, fn.filter, fn.onTopic, fn.inAll = found, msg.filter, msg.onTopic, msg.inAll
	fd.lastMatches = nil
	if fd.input.Value() == msg.filter {
		fd.cursor = 0
	}
}

// foundMatches are a list's matches when the index has answered its
// filter: the entries picked already that match, then what the index
// found, best first (the topic's, then any), then the entries held that
// match and the index did not find (a word inside another, an id).
func (fd *field) foundMatches(local []int) []int {
	out := make([]int, 0, len(local)+len(fd.find.found))
	seen := make(map[int]bool, len(out))
	put := func(i int) {
		if !seen[i] {
			seen[i] = true
			out = append(out, i)
		}
	}
	picked := func(i int) bool {
		return fd.kind == multiField && slices.Contains(fd.values, fd.options[i].value) || fd.kind == pickField && i == fd.value
	}
	for _, i := range local {
		if picked(i) {
			put(i)
		}
	}
	for _, i := range fd.find.found {
		if picked(i) {
			put(i)
		}
	}
	for _, i := range fd.find.found {
		put(i)
	}
	for _, i := range local {
		put(i)
	}
	return out
}

// findNote says what the list is looking through: all the candidates,
// the index's answer, or that it is still on its way.
func (fn *finder) note(filter string) string {
	all := views.GroupDigits(fn.total)
	switch {
	case strings.TrimSpace(filter) == "":
		return fmt.Sprintf("type to find among all %s statements", all)
	case fn.answered(filter):
		n := len(fn.found)
		s := fmt.Sprintf("%s %s among all %s", views.GroupDigits(fn.inAll), pluralWord(fn.inAll, "match", "matches"), all)
		switch {
		case fn.topic == "":
		case fn.onTopic == 0:
			s += ", none on the topic"
		default:
			s += fmt.Sprintf(", %s on the topic", views.GroupDigits(fn.onTopic))
		}
		if n < max(fn.inAll, fn.onTopic) {
			s += fmt.Sprintf("; the best %d listed", n)
		}
		return s
	case fn.waiting:
		return fmt.Sprintf("the search index is not ready yet: typing narrows the %s held", views.GroupDigits(fn.held))
	case fn.asked == filter:
		return fmt.Sprintf("searching all %s statements…", all)
	}
	return ""
}
