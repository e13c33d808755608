// Package extract finds who said what in a news article: direct quotes and
// reported speech, each with the words that were said, the speech verb (the
// cue), the speaker as written and the person it resolves to, with the
// speaker's role and party where the article gives them.
//
// It is rule-based, offline and pure Go. The work is a pipeline of small
// named rules over one tokenized text (see rules.go); every result names the
// rule that made it, so a reviewer can see why a statement was drafted and a
// benchmark can score each rule. Offsets are bytes into the text as given
// (UTF-8, end exclusive).
package extract

import (
	"slices"
	"strings"
)

// Span is a half-open byte range [Start, End) of the text.
type Span struct {
	Start int `json:"start"`
	End   int `json:"end"`
}

// Empty reports whether the span covers nothing (an absent cue or mention).
func (s Span) Empty() bool { return s.End <= s.Start }

// Len is the span's length in bytes.
func (s Span) Len() int {
	if s.Empty() {
		return 0
	}
	return s.End - s.Start
}

// Kind tells a verbatim quote from reported speech.
type Kind string

const (
	Quote    Kind = "quote"    // words inside quote marks
	Reported Kind = "reported" // a paraphrase of what somebody said or holds
)

// Speaker is who an attribution is resolved to.
type Speaker struct {
	// Name is the person's full name as the article gives it at its fullest
	// ("Sergei Lavrov"), or, for a speaker that is not a named person, the
	// mention itself ("the daily", "Interfax news agency").
	Name string `json:"name,omitempty"`
	// Role is the office or description the article gives the person
	// ("Foreign Minister"), without the nationality.
	Role string `json:"role,omitempty"`
	// Party is a hint of the side the speaker speaks for: a country from a
	// nationality adjective or a possessive ("Russia"), an organisation
	// ("NATO"), a political party ("Republican Party").
	Party string `json:"party,omitempty"`
	// Person is true when Name is a person's name, not a description.
	Person bool `json:"person,omitempty"`
}

// Attribution is one drafted statement.
type Attribution struct {
	Rule       string  `json:"rule"`
	Confidence float64 `json:"confidence"`
	Kind       Kind    `json:"kind"`
	// Content is what was said: one span, or several parts when the words
	// are interrupted ("…,” he said, “…") or run over paragraphs. For a
	// quote the parts are inside the quote marks.
	Content []Span `json:"content"`
	// Cue is the speech verb or phrase ("said", "according to"); empty when
	// there is none (a quote continuing the previous speaker's).
	Cue Span `json:"cue,omitzero"`
	// Mention is the speaker as written here ("he", "the minister",
	// "Lavrov"); empty when the speaker is carried over.
	Mention Span    `json:"source,omitzero"`
	Speaker Speaker `json:"speaker"`
}

// Text is the content's words: the parts joined by a space.
func (a Attribution) Text(text string) string {
	var parts []string
	for _, p := range a.Content {
		parts = append(parts, text[p.Start:p.End])
	}
	return strings.Join(parts, " ")
}

// Bounds is the smallest span covering the content.
func (a Attribution) Bounds() Span {
	if len(a.Content) == 0 {
		return Span{}
	}
	return Span{a.Content[0].Start, a.Content[len(a.Content)-1].End}
}

// Actor is a person known before the article is read (the actors of a
// dossier the drafts go into): mentions of the name, of the surname alone
// or of "Mr./Ms. Surname" resolve to it.
type Actor struct {
	Name  string
	Role  string
	Party string
}

// Options tune an extraction.
type Options struct {
	// Known are people to resolve mentions to, besides those the article
	// names in full.
	Known []Actor
	// MinQuoteWords is the fewest words a quote needs to be a statement
	// rather than a term in quote marks; 0 means 3.
	MinQuoteWords int
}

// Extract drafts every attribution in text, in the order of their content.
// It never panics on any input and every span lies inside text on UTF-8
// boundaries.
func Extract(text string, opt Options) []Attribution {
	if opt.MinQuoteWords <= 0 {
		opt.MinQuoteWords = 3
	}
	d := newDoc(text, opt)
	for _, r := range pipeline {
		r.apply(d)
	}
	out := d.results()
	slices.SortStableFunc(out, func(a, b Attribution) int { return a.Bounds().Start - b.Bounds().Start })
	return out
}
