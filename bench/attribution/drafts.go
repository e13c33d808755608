package main

import (
	"fmt"
	"unicode/utf8"

	"github.com/parley-dev/parley/data"
	parsed "github.com/parley-dev/parley/data/article"
	"github.com/parley-dev/parley/data/importer"
)

// drafted reads an article's file as `parley import` does (data/article)
// and drafts its dossier (data/importer): the drafts scored are those of
// the statements import writes, read from their draft: spans — byte
// offsets into the source text as loaded — and turned into characters of
// the file as the corpus has it, where the gold offsets point.
func drafted(name, raw string) ([]pred, error) {
	a, err := parsed.Parse(name, []byte(raw), "")
	if err != nil {
		return nil, err
	}
	d := importer.Assemble([]*parsed.Article{a}, importer.Options{}).Dossier
	if len(d.Sources) != 1 {
		return nil, fmt.Errorf("%d sources drafted, want 1", len(d.Sources))
	}
	at, err := alignment(d.Sources[0].Text, raw)
	if err != nil {
		return nil, err
	}
	var out []pred
	for _, st := range d.Statements {
		dr := st.Draft()
		if dr == nil || dr.Spans == nil || len(dr.Spans.Content) == 0 {
			return nil, fmt.Errorf("statement %s has no draft spans", st.ID)
		}
		p := pred{quote: st.Kind == data.KindQuote, rule: dr.Rule}
		for _, c := range dr.Spans.Content {
			p.content = append(p.content, at(c[0], c[1]))
		}
		if s := dr.Spans.Source; s != nil {
			p.mention = []span{at(s[0], s[1])}
		}
		out = append(out, p)
	}
	return out, nil
}

// alignment maps the byte offsets of text, the source text import made of
// raw (a byte order mark and white space around it dropped, line ends made
// \n, then data.Sanitize: control characters and escape sequences dropped,
// tabs made spaces), to the character offsets in raw they stand for: a
// span's start to where its first character is, its end to just after its
// last one, so that what was dropped around a span stays out of it.
func alignment(text, raw string) (func(s, e int) span, error) {
	at, err := alignStarts(text, raw)
	if err != nil {
		return nil, err
	}
	return func(s, e int) span {
		if e <= s {
			return span{at[s], at[s]}
		}
		return span{at[s], at[e-1] + 1}
	}, nil
}

// alignStarts maps each byte of text to the character of raw it stands
// for (the bytes of a character all to it); what import dropped is
// skipped, and every space made of a tab is the tab's place.
func alignStarts(text, raw string) ([]int, error) {
	at := make([]int, len(text)+1)
	rs := []rune(raw)
	j := 0 // in rs
	for i := 0; i < len(text); {
		r, n := utf8.DecodeRuneInString(text[i:])
		for j < len(rs) && rs[j] != r && !(r == ' ' && (rs[j] == '\t' || rs[j] == '\r')) && !(r == '\n' && rs[j] == '\r') {
			j++ // dropped from raw
		}
		if j == len(rs) {
			return nil, fmt.Errorf("the source text is not the file's: byte %d (%q) is not in it", i, r)
		}
		for k := range n {
			at[i+k] = j
		}
		i += n
		if rs[j] == '\t' {
			// a tab is one to four spaces
			for i < len(text) && text[i] == ' ' {
				at[i] = j
				i++
			}
		}
		j++
	}
	at[len(text)] = j
	return at, nil
}
