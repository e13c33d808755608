package views

import (
	"strings"
	"testing"

	"github.com/parley-dev/parley/data"
)

// `parley demands --help` names every answer the command can print, and says
// that an addressee with none recorded has "no response", not "unanswered"
// (which is for a source that says the demand went unanswered).
func TestDemandsHelpNamesEveryAnswerItPrints(t *testing.T) {
	long := CommandDocs["demands"].Long
	flat := strings.Join(strings.Fields(long), " ")
	for _, st := range append(append([]data.Status{}, data.Statuses...), data.StatusNoResponse) {
		if !strings.Contains(flat, string(st)) {
			t.Errorf("demands --help does not name %q:\n%s", st, long)
		}
	}
	if strings.Contains(flat, "unanswered when the dossier records none") {
		t.Errorf("demands --help calls an addressee with no recorded answer unanswered:\n%s", long)
	}
}
