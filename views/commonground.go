package views

import (
	"fmt"
	"strings"

	"github.com/parley-dev/parley/data"
)

// CommonGroundText is the plain-text report of `parley common-ground`:
// its four sections (common ground, conflict, partial agreement, open),
// each topic with the positions and evidence ids behind it, then what
// each party is silent on. --json prints the same report.
func CommonGroundText(d *data.Dossier, rep data.CommonGroundReport) string {
	var b strings.Builder
	names := make([]string, len(rep.Parties))
	for i, id := range rep.Parties {
		names[i] = d.Party(id).Name
	}
	fmt.Fprintf(&b, "%s — %s\n", d.Title, strings.Join(names, ", "))
	for _, class := range data.GroundClasses {
		fmt.Fprintf(&b, "\n%s\n", groundTitles[class])
		n := 0
		for _, gt := range rep.Topics {
			if gt.Class != class {
				continue
			}
			n++
			fmt.Fprintf(&b, "  %s [%s]\n", gt.Title, gt.Topic)
			if gt.Proposition != "" {
				fmt.Fprintf(&b, "    proposition: %s\n", oneLine(gt.Proposition))
			}
			for _, p := range gt.Positions {
				fmt.Fprintf(&b, "    %-8s %s (%s)", d.Party(p.Party).Label(), p.Stance, p.Basis)
				if len(p.Evidence) > 0 {
					fmt.Fprintf(&b, " evidence: %s", strings.Join(p.Evidence, ", "))
				}
				b.WriteByte('\n')
				if p.Summary != "" {
					fmt.Fprintf(&b, "             %s\n", oneLine(p.Summary))
				}
			}
			if len(gt.Silent) > 0 {
				fmt.Fprintf(&b, "    silent:  %s\n", strings.Join(labels(d, gt.Silent), ", "))
			}
		}
		if n == 0 {
			b.WriteString("  (none)\n")
		}
	}
	b.WriteString("\nSilence: topics the others speak to and this party does not\n")
	for _, id := range rep.Parties {
		var topics []string
		for _, gt := range rep.Topics {
			for _, s := range gt.Silent {
				if s == id {
					topics = append(topics, gt.Topic)
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

// groundTitles head the common-ground report's sections, one per class.
var groundTitles = map[data.GroundClass]string{
	data.GroundCommon:   "Common ground: every party supports, or every party opposes",
	data.GroundConflict: "Conflict: support against oppose",
	data.GroundPartial:  "Partial agreement: the parties that speak agree, the others are silent",
	data.GroundOpen:     "Open: conditional, neutral or unclear stances, or silence",
}

func labels(d *data.Dossier, ids []string) []string {
	out := make([]string, len(ids))
	for i, id := range ids {
		out[i] = d.Party(id).Label()
	}
	return out
}

func oneLine(s string) string { return strings.Join(strings.Fields(s), " ") }
