package views

import (
	"math/rand/v2"
	"slices"
	"strconv"
	"testing"
	"time"

	"charm.land/lipgloss/v2"
	"github.com/parley-dev/parley/data"
)

// A styler styles a line exactly as Lip Gloss does, for every style the
// timeline uses, on dark, light and colourless themes.
func TestStylerMatchesRender(t *testing.T) {
	d, _, err := data.LoadEmbedded()
	if err != nil {
		t.Fatal(err)
	}
	for _, th := range []*Theme{NewTheme(d, true, false), NewTheme(d, false, false), NewTheme(d, true, true), PlainTheme()} {
		styles := []lipgloss.Style{th.Heading, th.Muted, th.Quote, th.Reported, th.Party("us"), th.Party("nobody")}
		for i, s := range styles {
			for _, text := range []string{"plain words", "“quoted” — 日本語 👍", "", "  two  spaces  ", "┃ box ▌ drawing ─"} {
				if got, want := newStyler(s).render(text), s.Render(text); got != want {
					t.Errorf("theme dark=%v nocolor=%v style %d %q: %q, Render gives %q", th.Dark, th.NoColor, i, text, got, want)
				}
			}
		}
	}
}

func TestFlatLineIsFlatten(t *testing.T) {
	for _, s := range []string{"", " ", "one line", " lead", "trail ", "two  spaces", "tab\there", "new\nline", "nbsp\u00a0here", "ideo\u3000space", "日本語 テキスト", "e\u0301 ok"} {
		if got, want := flatLine(s), flatten(s); got != want {
			t.Errorf("flatLine(%q) = %q, flatten gives %q", s, got, want)
		}
	}
}

// The timeline's order is the one a stable sort by date, events before
// statements, gives: on many items sharing few dates, ranges among them.
func TestTimelineItemsOrder(t *testing.T) {
	r := rand.New(rand.NewPCG(1, 2))
	raw := []string{"2022-01-21", "2022-01", "2022", "2022-01-21..2022-01-23", "2021-12-31", "2022-01-22",
		"1969-12-31", "1970-01-01", "1950..1969-06", "1914-07-28", "2122-01-01", "1969-12-31..1970-01-02"}
	d := &data.Dossier{}
	for i := range 3000 {
		date, err := data.ParseDate(raw[r.IntN(len(raw))])
		if r.IntN(4) == 0 { // any day over two centuries
			date, err = data.ParseDate(time.Date(1900+r.IntN(200), 1, 1+r.IntN(365), 0, 0, 0, 0, time.UTC).Format("2006-01-02"))
		}
		if err != nil {
			t.Fatal(err)
		}
		if r.IntN(10) == 0 {
			if r.IntN(5) == 0 {
				date = data.Date{} // an undated event goes last
			}
			d.Events = append(d.Events, &data.Event{Date: date, Title: strconv.Itoa(i)})
			continue
		}
		if r.IntN(10) == 0 {
			date = data.Date{}
		}
		d.Statements = append(d.Statements, &data.Statement{ID: strconv.Itoa(i), Date: date})
	}
	got, undated := TimelineItems(d)
	var want []TimelineItem
	wantUndated := 0
	for _, e := range d.Events {
		want = append(want, TimelineItem{Date: e.Date, Event: e})
	}
	for _, s := range d.Statements {
		if s.Date.IsZero() {
			wantUndated++
			continue
		}
		want = append(want, TimelineItem{Date: s.Date, Statement: s})
	}
	slices.SortStableFunc(want, func(a, b TimelineItem) int {
		if c := a.Date.Compare(b.Date); c != 0 {
			return c
		}
		switch {
		case a.Event != nil && b.Event == nil:
			return -1
		case a.Event == nil && b.Event != nil:
			return 1
		}
		return 0
	})
	if undated != wantUndated || len(got) != len(want) {
		t.Fatalf("%d items, %d undated; want %d, %d", len(got), undated, len(want), wantUndated)
	}
	for i := range got {
		if got[i].Event != want[i].Event || got[i].Statement != want[i].Statement {
			t.Fatalf("item %d differs from the stable order", i)
		}
	}
}

// BenchmarkTimelineItems orders a million dated statements, what a first
// visit to the Timeline of a generated million does.
func BenchmarkTimelineItems(b *testing.B) {
	r := rand.New(rand.NewPCG(3, 4))
	d := &data.Dossier{}
	for range 1_000_000 {
		date, err := data.ParseDate(time.Date(2021, 11, 1+r.IntN(900), 0, 0, 0, 0, time.UTC).Format("2006-01-02"))
		if err != nil {
			b.Fatal(err)
		}
		d.Statements = append(d.Statements, &data.Statement{Date: date})
	}
	b.ResetTimer()
	for range b.N {
		TimelineItems(d)
	}
}
