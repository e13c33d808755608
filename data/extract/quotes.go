package extract

// quote is a pair of quote marks and what stands between them, possibly
// over several paragraphs (each continuing paragraph opens with a mark and
// the last one closes).
type quote struct {
	open, close int      // token indices of the first opening and the last closing mark
	parts       [][2]int // token ranges [from, to) of the words, one per paragraph
	words       int
}

// pairQuotes pairs the double quote marks of each paragraph. A curly or
// guillemet mark says which way it faces; a straight one opens when no
// quote is open and closes otherwise. A quote still open at the end of its
// paragraph runs over when the next paragraph opens with a mark (the
// newspaper convention); otherwise it is dropped as unbalanced.
func (d *doc) pairQuotes() {
	d.inQuote = make([]int, len(d.toks))
	for i := range d.inQuote {
		d.inQuote[i] = -1
	}
	open := -1     // token index of the open mark, -1 when none
	var cur *quote // the quote being read
	partFrom := 0
	for i := 0; i < len(d.toks); i++ {
		t := d.toks[i]
		if open >= 0 && i > 0 && t.para != d.toks[i-1].para {
			// a new paragraph while a quote is open
			if t.k == tOpen || t.k == tAmb {
				cur.parts = append(cur.parts, [2]int{partFrom, i})
				partFrom = i + 1
				continue
			}
			d.unclosed(cur, partFrom, i)
			open, cur = -1, nil
		}
		// Curly marks inside a quote opened by a straight one are a quote
		// within the quote: "…: “As you know …” …"
		if open >= 0 && d.toks[open].k == tAmb && (t.k == tOpen || t.k == tClose) {
			continue
		}
		switch t.k {
		case tOpen:
			// An opening mark inside an open quote: the first was never
			// closed; start again here.
			if cur != nil && t.para == d.toks[open].para {
				cur = nil
			}
			open = i
			cur = &quote{open: i}
			partFrom = i + 1
		case tClose:
			if open < 0 {
				continue
			}
			cur.close = i
			cur.parts = append(cur.parts, [2]int{partFrom, i})
			d.addQuote(cur)
			open, cur = -1, nil
		case tAmb:
			if open < 0 {
				open = i
				cur = &quote{open: i}
				partFrom = i + 1
				continue
			}
			cur.close = i
			cur.parts = append(cur.parts, [2]int{partFrom, i})
			d.addQuote(cur)
			open, cur = -1, nil
		}
	}
	if cur != nil {
		d.unclosed(cur, partFrom, len(d.toks))
	}
}

// unclosed keeps a quote that opens and is never closed before its
// paragraph ends (and the next paragraph does not go on with it): its
// words run to the paragraph's end, as a careless page prints them.
func (d *doc) unclosed(q *quote, from, to int) {
	if q == nil || to-from < 4 {
		return
	}
	q.close = to - 1
	q.parts = append(q.parts, [2]int{from, to})
	d.addQuote(q)
}

// addQuote trims each part (a comma before the closing mark is the
// sentence's, not the speaker's) and keeps the quote if it has words.
func (d *doc) addQuote(q *quote) {
	parts := q.parts[:0]
	for _, p := range q.parts {
		from, to := p[0], p[1]
		for to > from && d.toks[to-1].k == tPunct && (d.toks[to-1].lw == "," || d.toks[to-1].lw == ";" || d.toks[to-1].lw == ":") {
			to--
		}
		if to > from {
			parts = append(parts, [2]int{from, to})
			for i := from; i < to; i++ {
				if d.toks[i].k == tWord && d.toks[i].lw != "'s" {
					q.words++
				}
			}
		}
	}
	if len(parts) == 0 {
		return
	}
	q.parts = parts
	n := len(d.quots)
	for i := q.open; i <= q.close; i++ {
		d.inQuote[i] = n
	}
	d.quots = append(d.quots, *q)
}
