package views

import (
	"fmt"
	"strings"

	"github.com/parley-dev/parley/data"
)

// SummaryText is what `parley FILE` prints when its output is not a
// terminal: the title, date and summary, the parties with what each said
// and holds, and the inventory.
func SummaryText(d *data.Dossier) string {
	var b strings.Builder
	fmt.Fprintf(&b, "%s\n", d.Title)
	if !d.Date.IsZero() {
		fmt.Fprintf(&b, "%s\n", d.Date)
	}
	if d.Summary != "" {
		fmt.Fprintf(&b, "\n%s\n", strings.TrimSpace(d.Summary))
	}
	b.WriteString("\nParties:\n")
	for _, p := range d.Parties {
		fmt.Fprintf(&b, "  %-8s %s (%d statements, %d positions)\n", p.Label(), p.Name, len(d.StatementsByParty(p.ID)), len(d.PositionsByParty(p.ID)))
	}
	fmt.Fprintf(&b, "\n%s\n", InventoryText(data.InventoryOf(d)))
	if moves := MovesText(d, d.Parties); moves != "" {
		fmt.Fprintf(&b, "\nMoves (the acts of their statements):\n%s", strings.ReplaceAll(moves, "- ", "  "))
	}
	return b.String()
}

// InventoryText is an inventory in one line; the source's own accounts
// are counted when there are any.
func InventoryText(n data.Inventory) string {
	anchored := fmt.Sprintf("%d/%d quotes and %d/%d reported", n.AnchoredQuotes, n.Quotes, n.AnchoredReported, n.Reported)
	if n.Accounts > 0 {
		anchored = fmt.Sprintf("%d/%d quotes, %d/%d reported and %d/%d accounts", n.AnchoredQuotes, n.Quotes, n.AnchoredReported, n.Reported, n.AnchoredAccounts, n.Accounts)
	}
	return fmt.Sprintf("%s, %s, %s, %s (%s anchored in sources), %s, %s, %s",
		Count(n.Parties, "party", "parties"), Count(n.Actors, "actor", "actors"),
		Count(n.Topics, "topic", "topics"), Count(n.Statements, "statement", "statements"),
		anchored,
		Count(n.Positions, "position", "positions"), Count(n.Demands, "demand", "demands"),
		Count(n.Events, "event", "events"))
}

// ValidationText is `parley validate`'s report on one file: every
// problem as FILE:LINE:COL: severity: message, then a verdict line.
func ValidationText(r data.ValidationReport) string {
	if r.ReadError != nil {
		return r.ReadError.Error() + "\n"
	}
	var b strings.Builder
	b.WriteString(ProblemsText(r.Found, false))
	if r.Valid {
		fmt.Fprintf(&b, "%s: valid", r.File)
		if r.Counts != nil {
			fmt.Fprintf(&b, ": %s", InventoryText(*r.Counts))
		}
		if r.Warnings > 0 {
			fmt.Fprintf(&b, "; %s", Count(r.Warnings, "warning", "warnings"))
		}
		if r.Hints > 0 {
			fmt.Fprintf(&b, "; %s", Count(r.Hints, "hint", "hints"))
		}
		b.WriteByte('\n')
		return b.String()
	}
	fmt.Fprintf(&b, "%s: invalid: %s\n", r.File, ProblemCount(r.Found))
	return b.String()
}

// ProblemsText lists problems one a line (errors only, when asked).
func ProblemsText(probs data.Problems, errorsOnly bool) string {
	var b strings.Builder
	for _, p := range probs {
		if errorsOnly && p.Severity != data.SeverityError {
			continue
		}
		fmt.Fprintln(&b, p)
	}
	return b.String()
}

// ProblemCount is "2 errors, 1 warning".
func ProblemCount(probs data.Problems) string {
	return fmt.Sprintf("%s, %s", Count(probs.Errors(), "error", "errors"), Count(probs.Warnings(), "warning", "warnings"))
}

// Count is "1 party", "3 parties".
func Count(n int, one, many string) string {
	return fmt.Sprintf("%d %s", n, plural(n, one, many))
}
