package views

import (
	"fmt"
	"strings"

	"github.com/parley-dev/parley/data"
)

// CommonGroundText is the plain-text report of `parley common-ground`:
// the topics of agreement, conflict, partial agreement and open ones
// between the given parties, each with the positions and evidence ids
// behind it, then what each party is silent on.
func CommonGroundText(d *data.Dossier, partyIDs []string, agreements []data.TopicAgreement) string {
	var b strings.Builder
	names := make([]string, len(partyIDs))
	for i, id := range partyIDs {
		names[i] = d.Party(id).Name
	}
	fmt.Fprintf(&b, "%s — %s\n", d.Title, strings.Join(names, ", "))

	sections := []struct {
		title string
		keep  func(data.TopicAgreement) bool
	}{
		{"Common ground: every party supports, or every party opposes", func(t data.TopicAgreement) bool { return t.Class == data.CommonGround }},
		{"Conflict: support against oppose", func(t data.TopicAgreement) bool { return t.Class == data.Conflict }},
		{"Partial agreement: the parties that speak agree, the others are silent", data.TopicAgreement.Partial},
		{"Open: conditional, neutral or unclear stances, or silence", func(t data.TopicAgreement) bool { return t.Class == data.Open && !t.Partial() }},
	}
	for _, sec := range sections {
		fmt.Fprintf(&b, "\n%s\n", sec.title)
		n := 0
		for _, ta := range agreements {
			if !sec.keep(ta) {
				continue
			}
			n++
			fmt.Fprintf(&b, "  %s [%s]\n", ta.Topic.Title, ta.Topic.ID)
			for i, p := range ta.Positions {
				if p == nil {
					continue
				}
				fmt.Fprintf(&b, "    %-8s %s (%s)", d.Party(partyIDs[i]).Label(), p.Stance, p.Basis)
				if len(p.Evidence) > 0 {
					fmt.Fprintf(&b, " evidence: %s", strings.Join(p.Evidence, ", "))
				}
				b.WriteByte('\n')
				if p.Summary != "" {
					fmt.Fprintf(&b, "             %s\n", oneLine(p.Summary))
				}
			}
			if len(ta.Silent) > 0 {
				fmt.Fprintf(&b, "    silent:  %s\n", strings.Join(labels(d, ta.Silent), ", "))
			}
		}
		if n == 0 {
			b.WriteString("  (none)\n")
		}
	}
	b.WriteString("\nSilence: topics the others speak to and this party does not\n")
	for _, id := range partyIDs {
		var topics []string
		for _, ta := range agreements {
			for _, s := range ta.Silent {
				if s == id {
					topics = append(topics, ta.Topic.ID)
				}
			}
		}
		list := "none"
		if len(topics) > 0 {
			list = strings.Join(topics, ", ")
		}
		fmt.Fprintf(&b, "  %-8s %d: %s\n", d.Party(id).Label(), len(topics), list)
	}
	return b.String()
}

func labels(d *data.Dossier, ids []string) []string {
	out := make([]string, len(ids))
	for i, id := range ids {
		out[i] = d.Party(id).Label()
	}
	return out
}

func oneLine(s string) string { return strings.Join(strings.Fields(s), " ") }
