package main

import (
	"bufio"
	"fmt"
	"strconv"
	"strings"
)

// span is a half-open range [s, e) in characters (Unicode code points), as
// brat counts them.
type span struct{ s, e int }

func (x span) len() int { return max(0, x.e-x.s) }

// gold is one annotated attribution: its content, cue and source, each
// possibly in several discontinuous parts.
type gold struct {
	id      string
	content []span
	cue     []span
	source  []span
	text    string // the content as the annotation gives it, for reports
}

// parseBrat reads a brat standoff (.ann) file: text-bound annotations
// ("T3\tContent 120 211;215 230\tthe words") and the events that join them
// ("E1\tAttribution:T4 Content:T3 Cue:T2 Source:T1"). An event without a
// content is not an attribution and is skipped; notes (#) and unknown lines
// are ignored.
func parseBrat(src string) ([]gold, error) {
	type tb struct {
		kind  string
		spans []span
		text  string
	}
	tbs := map[string]tb{}
	var events [][]string
	sc := bufio.NewScanner(strings.NewReader(src))
	sc.Buffer(make([]byte, 1<<20), 1<<24)
	line := 0
	for sc.Scan() {
		line++
		f := strings.SplitN(sc.Text(), "\t", 3)
		if len(f) < 2 || f[0] == "" {
			continue
		}
		switch f[0][0] {
		case 'T':
			kind, offs, ok := strings.Cut(f[1], " ")
			if !ok {
				return nil, fmt.Errorf("line %d: %q has no offsets", line, f[1])
			}
			var spans []span
			for _, part := range strings.Split(offs, ";") {
				a, b, ok := strings.Cut(strings.TrimSpace(part), " ")
				s, err1 := strconv.Atoi(a)
				e, err2 := strconv.Atoi(b)
				if !ok || err1 != nil || err2 != nil || e < s || s < 0 {
					return nil, fmt.Errorf("line %d: bad offsets %q", line, part)
				}
				spans = append(spans, span{s, e})
			}
			t := tb{kind: kind, spans: spans}
			if len(f) == 3 {
				t.text = f[2]
			}
			tbs[f[0]] = t
		case 'E':
			events = append(events, append([]string{f[0]}, strings.Fields(f[1])...))
		}
	}
	if err := sc.Err(); err != nil {
		return nil, err
	}
	var out []gold
	for _, ev := range events {
		g := gold{id: ev[0]}
		for _, arg := range ev[1:] {
			role, ref, ok := strings.Cut(arg, ":")
			if !ok {
				continue
			}
			t, ok := tbs[ref]
			if !ok {
				return nil, fmt.Errorf("%s: unknown annotation %s", ev[0], ref)
			}
			switch role {
			case "Content":
				g.content = append(g.content, t.spans...)
				g.text = t.text
			case "Cue":
				g.cue = append(g.cue, t.spans...)
			case "Source":
				g.source = append(g.source, t.spans...)
			}
		}
		if len(g.content) > 0 {
			out = append(out, g)
		}
	}
	return out, nil
}
