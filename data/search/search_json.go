package search

import (
	"bufio"
	"encoding/json"
	"io"

	"github.com/parley-dev/parley/data"
)

// HitJSON is one line of `parley search --json`: the statement with
// its attribution, and the byte spans of Text that matched.
type HitJSON struct {
	Rank         int                `json:"rank"`
	ID           string             `json:"id"`
	Kind         data.StatementKind `json:"kind"`
	Act          data.Act           `json:"act,omitempty"`
	Speaker      string             `json:"speaker"`
	Actor        string             `json:"actor,omitempty"`
	Party        string             `json:"party,omitempty"`
	Via          []string           `json:"via,omitempty"`   // names, from the speaker outwards
	About        []string           `json:"about,omitempty"` // party ids
	Date         string             `json:"date,omitempty"`
	Topics       []string           `json:"topics,omitempty"`
	Source       string             `json:"source,omitempty"`
	Score        float64            `json:"score"`
	Text         string             `json:"text"`
	Spans        []data.Span        `json:"spans"`
	Fuzzy        bool               `json:"fuzzy,omitempty"`
	SpeakerMatch bool               `json:"speaker_match,omitempty"`
}

// WriteJSON writes one JSON object per hit, best first, one per line.
func WriteJSON(w io.Writer, d *data.Dossier, r *Results) error {
	bw := bufio.NewWriter(w)
	enc := json.NewEncoder(bw)
	enc.SetEscapeHTML(false)
	for i, h := range r.Hits {
		s := h.Statement
		spans := h.Spans
		if spans == nil {
			spans = []data.Span{}
		}
		if err := enc.Encode(HitJSON{
			Rank: i + 1, ID: s.ID, Kind: s.Kind, Act: s.Act(), Speaker: d.Speaker(s), Actor: s.Actor, Party: s.Party,
			Via: d.ViaNames(s), About: s.About(),
			Date: s.Date.String(), Topics: s.Topics, Source: s.Source, Score: roundScore(h.Score),
			Text: s.Text, Spans: spans, Fuzzy: r.Fuzzy, SpeakerMatch: h.SpeakerMatch,
		}); err != nil {
			return err
		}
	}
	return bw.Flush()
}

func roundScore(f float64) float64 {
	const k = 1e4
	if f < 0 {
		return -float64(int64(-f*k+0.5)) / k
	}
	return float64(int64(f*k+0.5)) / k
}
