package data

import (
	"cmp"
	"encoding/json"
	"fmt"
	"strings"
	"time"
)

// Date is a day, a month, a year, or a range of them ("2022-01-24..2022-01-30"),
// because reports say "next week" as often as they give a day. The zero Date
// means no date was given.
type Date struct {
	raw        string
	start, end int32 // first and last day covered, inclusive, in days since 1970-01-01
}

const secondsPerDay = 24 * 60 * 60

func dayOf(t time.Time) int32 { return int32(t.Unix() / secondsPerDay) }

func timeOf(day int32) time.Time { return time.Unix(int64(day)*secondsPerDay, 0).UTC() }

// ParseDate reads an ISO 8601 day (2022-01-21), month (2022-01) or year
// (2022), or a range "A..B" of those.
func ParseDate(s string) (Date, error) {
	s = strings.TrimSpace(s)
	if s == "" {
		return Date{}, fmt.Errorf("empty date")
	}
	if a, b, ok := strings.Cut(s, ".."); ok {
		from, err := parseDatePart(a)
		if err != nil {
			return Date{}, err
		}
		to, err := parseDatePart(b)
		if err != nil {
			return Date{}, err
		}
		if to.end < from.start {
			return Date{}, fmt.Errorf("date range %q ends before it starts", s)
		}
		return Date{raw: s, start: from.start, end: to.end}, nil
	}
	d, err := parseDatePart(s)
	if err != nil {
		return Date{}, err
	}
	d.raw = s
	return d, nil
}

func parseDatePart(s string) (Date, error) {
	for _, f := range []struct {
		layout string
		next   func(time.Time) time.Time
	}{
		{"2006-01-02", func(t time.Time) time.Time { return t }},
		{"2006-01", func(t time.Time) time.Time { return t.AddDate(0, 1, -1) }},
		{"2006", func(t time.Time) time.Time { return t.AddDate(1, 0, -1) }},
	} {
		if len(s) != len(f.layout) {
			continue
		}
		t, err := time.Parse(f.layout, s)
		if err != nil {
			continue
		}
		return Date{raw: s, start: dayOf(t), end: dayOf(f.next(t))}, nil
	}
	return Date{}, fmt.Errorf("%q is not a date (want YYYY-MM-DD, YYYY-MM, YYYY or FROM..TO)", s)
}

// MustDate is ParseDate for literals in tests and generators.
func MustDate(s string) Date {
	d, err := ParseDate(s)
	if err != nil {
		panic(err)
	}
	return d
}

// IsZero reports whether no date was given.
func (d Date) IsZero() bool { return d.raw == "" }

// String is the date as written in the dossier.
func (d Date) String() string { return d.raw }

// Start is the first day the date covers.
func (d Date) Start() time.Time { return timeOf(d.start) }

// End is the last day the date covers.
func (d Date) End() time.Time { return timeOf(d.end) }

// Days are the first and last day the date covers, in days since
// 1970-01-01 (negative before it); both 0 for the zero Date.
func (d Date) Days() (first, last int32) { return d.start, d.end }

// IsRange reports whether the date covers more than one day.
func (d Date) IsRange() bool { return !d.IsZero() && d.start != d.end }

// Compare orders dates by start, then by end; no date sorts last.
func (d Date) Compare(o Date) int {
	switch {
	case d.IsZero() && o.IsZero():
		return 0
	case d.IsZero():
		return 1
	case o.IsZero():
		return -1
	}
	if c := cmp.Compare(d.start, o.start); c != 0 {
		return c
	}
	return cmp.Compare(d.end, o.end)
}

// Overlaps reports whether the two dates share a day.
func (d Date) Overlaps(o Date) bool {
	return !d.IsZero() && !o.IsZero() && d.end >= o.start && o.end >= d.start
}

// MarshalJSON writes the date as the string it was written as.
func (d Date) MarshalJSON() ([]byte, error) { return json.Marshal(d.raw) }

// UnmarshalJSON reads a date string.
func (d *Date) UnmarshalJSON(b []byte) error {
	var s string
	if err := json.Unmarshal(b, &s); err != nil {
		return err
	}
	if s == "" {
		*d = Date{}
		return nil
	}
	v, err := ParseDate(s)
	if err != nil {
		return err
	}
	*d = v
	return nil
}

// ParseOpenDate is ParseDate plus ranges open at one end, as a search
// query writes them: "2022-01-15.." and "..2022-02".
func ParseOpenDate(s string) (Date, error) {
	if a, b, ok := strings.Cut(s, ".."); ok && (a == "" || b == "") {
		if a == "" && b == "" {
			return Date{}, fmt.Errorf("a range needs at least one end")
		}
		if a == "" {
			to, err := ParseDate(b)
			if err != nil {
				return Date{}, err
			}
			return Date{raw: s, start: dayOf(time.Date(1, 1, 1, 0, 0, 0, 0, time.UTC)), end: to.end}, nil
		}
		from, err := ParseDate(a)
		if err != nil {
			return Date{}, err
		}
		return Date{raw: s, start: from.start, end: dayOf(time.Date(9999, 12, 31, 0, 0, 0, 0, time.UTC))}, nil
	}
	return ParseDate(s)
}
