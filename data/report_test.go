package data

import (
	"os"
	"path/filepath"
	"testing"
)

func TestInventoryCountsWhatTheDossierHolds(t *testing.T) {
	d := genevaDossier(t)
	n := InventoryOf(d)
	quotes, accounts, acts, located := 0, 0, 0, 0
	for _, s := range d.Statements {
		switch s.Kind {
		case KindQuote:
			quotes++
		case KindAccount:
			accounts++
		}
		if s.Act() != "" {
			acts++
		}
		if s.Location != nil {
			located++
		}
	}
	want := Inventory{
		Parties: len(d.Parties), Actors: len(d.Actors), Topics: len(d.Topics), Sources: len(d.Sources),
		Statements: len(d.Statements), Quotes: quotes, Reported: len(d.Statements) - quotes - accounts, Anchored: located,
		Accounts: accounts, Acts: acts,
		Positions: len(d.Positions), Demands: len(d.Demands), Events: len(d.Events),
	}
	want.AnchoredQuotes, want.AnchoredReported, want.AnchoredAccounts = n.AnchoredQuotes, n.AnchoredReported, n.AnchoredAccounts
	if n != want || n.AnchoredQuotes+n.AnchoredReported+n.AnchoredAccounts != located || accounts == 0 || acts == 0 {
		t.Errorf("got %+v\nwant %+v", n, want)
	}
}

func TestValidateReports(t *testing.T) {
	dir := t.TempDir()
	bad := filepath.Join(dir, "bad.yaml")
	if err := os.WriteFile(bad, []byte("parley: 1\ntitle: x\nparties:\n  - {id: a, name: A}\npositions:\n  - {party: b, topic: t, stance: support}\n"), 0o644); err != nil {
		t.Fatal(err)
	}
	tests := []struct {
		name, file string
		valid      bool
		counted    bool
		readError  bool
	}{
		{"the embedded dossier", "", true, true, false},
		{"a dossier with dangling references", bad, false, false, false},
		{"a file that is not there", filepath.Join(dir, "none.yaml"), false, false, true},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			r := Validate(tt.file, ReadPolicy{})
			if r.Valid != tt.valid || (r.Counts != nil) != tt.counted || (r.ReadError != nil) != tt.readError {
				t.Fatalf("valid %v, counts %v, read error %v", r.Valid, r.Counts, r.ReadError)
			}
			if len(r.Problems) != r.Errors+r.Warnings {
				t.Errorf("%d problems listed, %d errors and %d warnings counted", len(r.Problems), r.Errors, r.Warnings)
			}
			if !tt.valid && r.Errors == 0 {
				t.Error("invalid with no error")
			}
		})
	}
}

// An addressee with no recorded response has "no response" in the report,
// as the screens say (Demand.StatusOf) — not "unanswered", which is for a
// source that says so.
func TestDemandsReportAnswersEveryAddressee(t *testing.T) {
	d := genevaDossier(t)
	reps := DemandsOf(d)
	if len(reps) != len(d.Demands) {
		t.Fatalf("%d demands reported of %d", len(reps), len(d.Demands))
	}
	for i, dm := range d.Demands {
		if len(reps[i].Responses) != len(dm.To) {
			t.Errorf("%s: %d answers for %d addressees", dm.ID, len(reps[i].Responses), len(dm.To))
		}
		for j, to := range dm.To {
			r := reps[i].Responses[j]
			if r.Party != to || r.Status != dm.StatusOf(to) {
				t.Errorf("%s → %s: reported %s %s, the screens say %s", dm.ID, to, r.Party, r.Status, dm.StatusOf(to))
			}
			if dm.Response(to) == nil && r.Status != StatusNoResponse {
				t.Errorf("%s → %s: no response recorded, yet %s", dm.ID, to, r.Status)
			}
		}
	}
}

func TestCompareReportsOneTopicOrAll(t *testing.T) {
	d := genevaDossier(t)
	all := CompareOf(d, []string{"us", "russia"}, "")
	if len(all.Topics) != len(d.Topics) {
		t.Errorf("%d topics of %d", len(all.Topics), len(d.Topics))
	}
	one := CompareOf(d, []string{"us", "russia"}, d.Topics[0].ID)
	if len(one.Topics) != 1 || len(one.Topics[0].Positions) != 2 {
		t.Fatalf("one topic: %+v", one.Topics)
	}
	for _, p := range one.Topics[0].Positions {
		if pos := d.Position(p.Party, one.Topics[0].Topic); pos != nil && (pos.Stance != p.Stance || len(p.Evidence) != len(d.Evidence(pos.Evidence))) {
			t.Errorf("%s: reported %+v, the dossier says %+v", p.Party, p, pos)
		}
	}
}

func TestFindPartyByIdShortOrName(t *testing.T) {
	d := genevaDossier(t)
	for _, name := range []string{"russia", "RU", "ru", "Russia", "RUSSIA"} {
		if p := d.FindParty(name); p == nil || p.ID != "russia" {
			t.Errorf("%q finds %v", name, p)
		}
	}
	if p := d.FindParty("rusia"); p != nil {
		t.Errorf("rusia finds %s", p.ID)
	}
}

func genevaDossier(t *testing.T) *Dossier {
	t.Helper()
	d, err := Geneva()
	if err != nil {
		t.Fatal(err)
	}
	return d
}
