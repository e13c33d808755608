package data_test

import (
	"fmt"
	"slices"
	"strings"
	"testing"

	"github.com/parley-dev/parley/data"
)

// dossierWithStances builds a dossier of parties a, b, c and topics given as
// "topic[/parent]" with a stance per party ("-" for silence).
func dossierWithStances(t *testing.T, rows map[string][3]string) *data.Dossier {
	t.Helper()
	var b strings.Builder
	b.WriteString("parley: 1\ntitle: T\nparties: [{id: a, name: A}, {id: b, name: B}, {id: c, name: C}]\ntopics:\n")
	var names []string
	for name := range rows {
		names = append(names, name)
	}
	slices.Sort(names)
	for _, name := range names {
		id, parent, _ := strings.Cut(name, "/")
		fmt.Fprintf(&b, "  - {id: %s, title: %s, parent: %q}\n", id, strings.ToUpper(id), parent)
	}
	b.WriteString("positions:\n")
	for _, name := range names {
		id, _, _ := strings.Cut(name, "/")
		for i, stance := range rows[name] {
			if stance != "-" {
				fmt.Fprintf(&b, "  - {party: %c, topic: %s, stance: %s}\n", 'a'+i, id, stance)
			}
		}
	}
	d, _, err := data.Parse("t.yaml", []byte(b.String()), nil)
	if err != nil {
		t.Fatalf("%v\n%s", err, b.String())
	}
	return d
}

func TestAgreements(t *testing.T) {
	tests := []struct {
		name     string
		stances  [3]string
		parties  []string
		class    data.Agreement
		shared   data.Stance
		agreeing string
		silent   string
	}{
		{"all support", [3]string{"support", "support", "support"}, nil, data.CommonGround, data.StanceSupport, "a,b,c", ""},
		{"all oppose", [3]string{"oppose", "oppose", "oppose"}, nil, data.CommonGround, data.StanceOppose, "a,b,c", ""},
		{"support against oppose", [3]string{"support", "oppose", "support"}, nil, data.Conflict, "", "", ""},
		{"conflict despite silence", [3]string{"support", "-", "oppose"}, nil, data.Conflict, "", "", "b"},
		{"a conditional stance keeps it open", [3]string{"support", "conditional", "support"}, nil, data.Open, "", "", ""},
		{"unclear keeps it open", [3]string{"oppose", "oppose", "unclear"}, nil, data.Open, "", "", ""},
		{"silence keeps it open, but those who speak agree", [3]string{"support", "support", "-"}, nil, data.Open, data.StanceSupport, "a,b", "c"},
		{"one voice alone is no agreement", [3]string{"support", "-", "-"}, nil, data.Open, "", "", "b,c"},
		{"only the named parties count", [3]string{"support", "support", "oppose"}, []string{"a", "b"}, data.CommonGround, data.StanceSupport, "a,b", ""},
		{"named parties in conflict", [3]string{"support", "support", "oppose"}, []string{"b", "c"}, data.Conflict, "", "", ""},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			d := dossierWithStances(t, map[string][3]string{"x": tt.stances})
			got := data.Agreements(d, tt.parties)
			if len(got) != 1 {
				t.Fatalf("got %d topics, want 1", len(got))
			}
			ta := got[0]
			if ta.Class != tt.class || ta.Shared != tt.shared {
				t.Errorf("class %s shared %q, want %s %q", ta.Class, ta.Shared, tt.class, tt.shared)
			}
			if a := strings.Join(ta.Agreeing, ","); a != tt.agreeing {
				t.Errorf("agreeing %q, want %q", a, tt.agreeing)
			}
			if s := strings.Join(ta.Silent, ","); s != tt.silent {
				t.Errorf("silent %q, want %q", s, tt.silent)
			}
		})
	}
}

func TestAgreementsLeaveOutTopicsNobodySpeaksTo(t *testing.T) {
	d := dossierWithStances(t, map[string][3]string{"x": {"support", "support", "support"}, "y": {"-", "-", "support"}})
	got := data.Agreements(d, []string{"a", "b"})
	if len(got) != 1 || got[0].Topic.ID != "x" {
		t.Fatalf("got %v, want only topic x", got)
	}
}

func TestAgreementsRollUpTheTopicHierarchy(t *testing.T) {
	d := dossierWithStances(t, map[string][3]string{
		"root":        {"support", "support", "support"},
		"mid/root":    {"support", "oppose", "-"},
		"leaf1/mid":   {"oppose", "oppose", "oppose"},
		"leaf2/mid":   {"support", "conditional", "-"},
		"other/root":  {"-", "-", "-"},
		"orphan-ish":  {"oppose", "support", "-"},
		"leaf3/leaf1": {"-", "-", "-"},
	})
	got := map[string]data.TopicAgreement{}
	var order []string
	for _, ta := range data.Agreements(d, nil) {
		got[ta.Topic.ID] = ta
		order = append(order, ta.Topic.ID)
	}
	// Parents come before their children; silent topics are left out.
	for _, pair := range [][2]string{{"root", "mid"}, {"mid", "leaf1"}, {"mid", "leaf2"}} {
		if slices.Index(order, pair[0]) > slices.Index(order, pair[1]) {
			t.Errorf("order %v: %s must precede %s", order, pair[0], pair[1])
		}
	}
	if slices.Contains(order, "other") || slices.Contains(order, "leaf3") {
		t.Errorf("order %v: topics nobody speaks to must be left out", order)
	}
	if c := got["root"]; c.Class != data.CommonGround {
		t.Errorf("root: a parent is classified by its own positions, got %s", c.Class)
	}
	want := map[data.Agreement]int{data.Conflict: 1, data.CommonGround: 1, data.Open: 1}
	for k, n := range want {
		if got["root"].Subtree[k] != n {
			t.Errorf("root subtree %s = %d, want %d (all: %v)", k, got["root"].Subtree[k], n, got["root"].Subtree)
		}
	}
	if got["mid"].Subtree[data.CommonGround] != 1 || got["mid"].Subtree[data.Open] != 1 || got["mid"].Subtree[data.Conflict] != 0 {
		t.Errorf("mid subtree = %v, want one common ground (leaf1) and one open (leaf2)", got["mid"].Subtree)
	}
	if silent := data.SilentTopics(data.Agreements(d, nil)); silent["c"] != 3 || silent["a"] != 0 {
		t.Errorf("silent counts = %v, want c silent on mid, leaf2 and orphan-ish", silent)
	}
}

func TestGenevaUSAndRussiaAgreeTheDiplomaticProcessShouldContinue(t *testing.T) {
	d := mustEmbedded(t)
	for _, ta := range data.Agreements(d, []string{"us", "russia"}) {
		if ta.Topic.ID == "diplomatic-process" {
			if ta.Class != data.CommonGround || ta.Shared != data.StanceSupport {
				t.Fatalf("diplomatic process: %s %q, want common ground in support", ta.Class, ta.Shared)
			}
			return
		}
	}
	t.Fatal("no diplomatic-process topic in the Geneva agreements")
}
