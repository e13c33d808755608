package extract

import (
	"strings"
	"testing"
)

// want is one expected attribution, by its words rather than its offsets.
type want struct {
	rule    string
	kind    Kind
	content string // the parts joined by " | "
	speaker string // the resolved name
	mention string // the speaker as written ("" when carried over)
	role    string
	party   string
}

func got(text string, a Attribution) want {
	var parts []string
	for _, c := range a.Content {
		parts = append(parts, text[c.Start:c.End])
	}
	w := want{rule: a.Rule, kind: a.Kind, content: strings.Join(parts, " | "), speaker: a.Speaker.Name, role: a.Speaker.Role, party: a.Speaker.Party}
	if !a.Mention.Empty() {
		w.mention = text[a.Mention.Start:a.Mention.End]
	}
	return w
}

// check compares the attributions drafted from text with the wanted ones;
// an empty role or party in a want is not checked.
func check(t *testing.T, text string, opt Options, wants []want) {
	t.Helper()
	all := Extract(text, opt)
	if len(all) != len(wants) {
		for _, a := range all {
			t.Logf("drafted %+v", got(text, a))
		}
		t.Fatalf("drafted %d attributions, want %d", len(all), len(wants))
	}
	for i, a := range all {
		g, w := got(text, a), wants[i]
		if w.role == "" {
			g.role = ""
		}
		if w.party == "" {
			g.party = ""
		}
		if g != w {
			t.Errorf("attribution %d:\n got %+v\nwant %+v", i, g, w)
		}
	}
}

func TestQuoteRules(t *testing.T) {
	for _, tc := range []struct {
		name  string
		text  string
		wants []want
	}{
		{"a quote with the cue after it",
			`“We will not sign anything that closes the harbour,” Lavrov said.`,
			[]want{{rule: "quote-cue-after", kind: Quote, content: "We will not sign anything that closes the harbour", speaker: "Lavrov", mention: "Lavrov"}}},
		{"a quote with the speaker after the cue",
			`“We will not sign anything,” said Sergei Lavrov, Russia's foreign minister.`,
			[]want{{rule: "quote-cue-after", kind: Quote, content: "We will not sign anything", speaker: "Sergei Lavrov", mention: "Sergei Lavrov", role: "foreign minister", party: "Russia"}}},
		{"straight quotes read like curly ones",
			`"We will not sign anything that closes the harbour," Lavrov said.`,
			[]want{{rule: "quote-cue-after", kind: Quote, content: "We will not sign anything that closes the harbour", speaker: "Lavrov", mention: "Lavrov"}}},
		{"guillemets",
			`«Nous ne signerons rien de tel», a dit Lavrov. «We will not sign it», Lavrov said.`,
			[]want{{rule: "quote-cue-after", kind: Quote, content: "We will not sign it", speaker: "Lavrov", mention: "Lavrov"}}},
		{"German quote marks",
			`„Wir werden nichts unterschreiben, was den Hafen schließt“, said Sergei Lavrov.`,
			[]want{{rule: "quote-cue-after", kind: Quote, content: "Wir werden nichts unterschreiben, was den Hafen schließt", speaker: "Sergei Lavrov", mention: "Sergei Lavrov"}}},
		{"a newspaper speaks",
			`“Nobody expected a breakthrough this week,” the daily wrote.`,
			[]want{{rule: "quote-cue-after", kind: Quote, content: "Nobody expected a breakthrough this week", speaker: "the daily", mention: "the daily"}}},
		{"a quote introduced by a colon",
			`Lavrov told reporters: “The West has ignored our concerns for years.”`,
			[]want{{rule: "quote-cue-before", kind: Quote, content: "The West has ignored our concerns for years.", speaker: "Lavrov", mention: "Lavrov"}}},
		{"a quote interrupted by its attribution is one statement in two parts",
			`“We will not sign,” Lavrov said, “anything that closes the harbour to our ships.”`,
			[]want{{rule: "quote-cue-after", kind: Quote, content: "We will not sign | anything that closes the harbour to our ships.", speaker: "Lavrov", mention: "Lavrov"}}},
		{"a quote over two paragraphs",
			"“We came to Geneva to listen and to be heard.\n\n“We were heard,” Lavrov said.",
			[]want{{rule: "quote-cue-after", kind: Quote, content: "We came to Geneva to listen and to be heard. | We were heard", speaker: "Lavrov", mention: "Lavrov"}}},
		{"a quote that continues the previous speaker",
			"“We will answer next week,” Lavrov said.\n\n“There is no other way to proceed.”",
			[]want{{rule: "quote-cue-after", kind: Quote, content: "We will answer next week | There is no other way to proceed.", speaker: "Lavrov", mention: "Lavrov"}}},
		{"two words in quote marks are a term, not a quote",
			`Blinken called the talks “useful” and the mood “quite good”.`,
			[]want{{rule: "reported-cue", kind: Reported, content: "the talks “useful” and the mood “quite good”", speaker: "Blinken", mention: "Blinken"}}},
		{"a fragment quoted inside reported speech stays part of it",
			`Lavrov said the talks had been “useful but very difficult” for both sides.`,
			[]want{{rule: "reported-cue", kind: Reported, content: "the talks had been “useful but very difficult” for both sides", speaker: "Lavrov", mention: "Lavrov"}}},
		{"a whole sentence quoted inside reported speech is a quote",
			`Lavrov said the answer was the one he had given before, “We will not accept any expansion of NATO.”`,
			[]want{{rule: "quote-in-reported", kind: Quote, content: "We will not accept any expansion of NATO.", speaker: "Lavrov", mention: "Lavrov"}}},
		{"the report's words before a quoted fragment",
			`The talks were “useful but very difficult,” Lavrov said.`,
			[]want{{rule: "quote-mixed", kind: Reported, content: "The talks were “useful but very difficult,”", speaker: "Lavrov", mention: "Lavrov"}}},
		{"a name and a colon before a quote",
			`Bush: “The mission is to destroy ISIS, not to contain it.”`,
			[]want{{rule: "colon", kind: Quote, content: "The mission is to destroy ISIS, not to contain it.", speaker: "Bush", mention: "Bush"}}},
		{"a headline: a name, a colon, what was said",
			"Mark Cuban: I'd consider a future White House bid\n\nThe businessman spoke on Friday.",
			[]want{{rule: "colon", kind: Reported, content: "I'd consider a future White House bid", speaker: "Mark Cuban", mention: "Mark Cuban"}}},
		{"a name after a dash",
			"“Nothing was agreed and nothing was expected.” ― Maria Zakharova",
			[]want{{rule: "quote-dash-name", kind: Quote, content: "Nothing was agreed and nothing was expected.", speaker: "Maria Zakharova", mention: "Maria Zakharova"}}},
	} {
		t.Run(tc.name, func(t *testing.T) { check(t, tc.text, Options{}, tc.wants) })
	}
}

func TestReportedRules(t *testing.T) {
	for _, tc := range []struct {
		name  string
		text  string
		wants []want
	}{
		{"X said that …",
			`Lavrov said that the West would submit a written response next week.`,
			[]want{{rule: "reported-cue", kind: Reported, content: "that the West would submit a written response next week", speaker: "Lavrov", mention: "Lavrov"}}},
		{"X told reporters …",
			`Lavrov told reporters the West would answer in writing.`,
			[]want{{rule: "reported-cue", kind: Reported, content: "the West would answer in writing", speaker: "Lavrov", mention: "Lavrov"}}},
		{"…, X said.",
			`Russia has no plans to attack Ukraine, Lavrov said on Friday.`,
			[]want{{rule: "reported-after", kind: Reported, content: "Russia has no plans to attack Ukraine", speaker: "Lavrov", mention: "Lavrov"}}},
		{"according to X, …",
			`According to Lavrov, his country has no plans to attack Ukraine.`,
			[]want{{rule: "according-to", kind: Reported, content: "his country has no plans to attack Ukraine", speaker: "Lavrov", mention: "Lavrov"}}},
		{"…, according to X",
			`The response will come next week, according to Deputy Foreign Minister Sergei Ryabkov.`,
			[]want{{rule: "according-to", kind: Reported, content: "The response will come next week", speaker: "Sergei Ryabkov", mention: "Deputy Foreign Minister Sergei Ryabkov", role: "Deputy Foreign Minister"}}},
		{"according to X between commas, inside what was said",
			`The implication, according to the Sanders aide, is that Clinton met her staff during the break.`,
			[]want{{rule: "according-to", kind: Reported, content: "The implication | is that Clinton met her staff during the break", speaker: "the Sanders aide", mention: "the Sanders aide"}}},
		{"a participle goes with the sentence's subject",
			`Blinken ended the meeting early, saying that both sides needed time to consult their allies.`,
			[]want{{rule: "participle", kind: Reported, content: "that both sides needed time to consult their allies", speaker: "Blinken", mention: "Blinken"}}},
		{"two cues joined by and are two statements of one speaker",
			`Lavrov says the talks were useful and says the answer will come next week.`,
			[]want{
				{rule: "reported-cue", kind: Reported, content: "the talks were useful", speaker: "Lavrov", mention: "Lavrov"},
				{rule: "reported-conjoined", kind: Reported, content: "the answer will come next week", speaker: "Lavrov", mention: "Lavrov"},
			}},
		{"a passive is nobody's view",
			`The question of the fees is expected to come first on the agenda. Lavrov was told that the answer would come.`,
			nil},
		{"a poll shows",
			`The latest poll shows Trump leading Clinton by four points.`,
			[]want{{rule: "reported-cue", kind: Reported, content: "Trump leading Clinton by four points", speaker: "The latest poll", mention: "The latest poll"}}},
		{"a sentence with no speech in it drafts nothing",
			`The meeting ended an hour and a half later at the hotel.`,
			nil},
	} {
		t.Run(tc.name, func(t *testing.T) { check(t, tc.text, Options{}, tc.wants) })
	}
}

func TestSpeakers(t *testing.T) {
	known := []Actor{{Name: "Antony Blinken", Role: "Secretary of State", Party: "United States"}}
	for _, tc := range []struct {
		name  string
		text  string
		opt   Options
		wants []want
	}{
		{"a role before the name",
			`Russian Foreign Minister Sergei Lavrov said that the talks were useful.`, Options{},
			[]want{{rule: "reported-cue", kind: Reported, content: "that the talks were useful", speaker: "Sergei Lavrov", mention: "Russian Foreign Minister Sergei Lavrov", role: "Foreign Minister", party: "Russia"}}},
		{"a role after the name",
			`Sergei Lavrov, Russia's foreign minister, said that the talks were useful.`, Options{},
			[]want{{rule: "reported-cue", kind: Reported, content: "that the talks were useful", speaker: "Sergei Lavrov", mention: "Sergei Lavrov", role: "foreign minister", party: "Russia"}}},
		{"an organisation's title gives the party",
			`NATO Secretary General Jens Stoltenberg said that the alliance would not close its door.`, Options{},
			[]want{{rule: "reported-cue", kind: Reported, content: "that the alliance would not close its door", speaker: "Jens Stoltenberg", mention: "NATO Secretary General Jens Stoltenberg", role: "Secretary General", party: "NATO"}}},
		{"a surname is the full name met before",
			"Sergei Lavrov arrived in Geneva on Friday.\n\nLavrov said that the talks were useful.", Options{},
			[]want{{rule: "reported-cue", kind: Reported, content: "that the talks were useful", speaker: "Sergei Lavrov", mention: "Lavrov"}}},
		{"Ms. and a surname named in full later",
			"“We are not ready to sign this,” Ms. Lind said.\n\nAna Lind arrived late.", Options{},
			[]want{{rule: "quote-cue-after", kind: Quote, content: "We are not ready to sign this", speaker: "Ana Lind", mention: "Ms. Lind"}}},
		{"Mr. and a surname",
			"Sergei Lavrov arrived in Geneva on Friday. Mr. Lavrov said that the talks were useful.", Options{},
			[]want{{rule: "reported-cue", kind: Reported, content: "that the talks were useful", speaker: "Sergei Lavrov", mention: "Mr. Lavrov"}}},
		{"a pronoun after two people were named is the subject's",
			"Sergei Lavrov met Antony Blinken in Geneva. He said that Russia had no plans to attack Ukraine.", Options{},
			[]want{{rule: "reported-cue", kind: Reported, content: "that Russia had no plans to attack Ukraine", speaker: "Sergei Lavrov", mention: "He"}}},
		{"a pronoun agrees with the person's gender",
			"Hillary Clinton met Donald Trump after the debate. “We will win this election easily,” he said.", Options{},
			[]want{{rule: "quote-cue-after", kind: Quote, content: "We will win this election easily", speaker: "Donald Trump", mention: "he"}}},
		{"a description resolves to the person whose role matches",
			"Russian Foreign Minister Sergei Lavrov met Antony Blinken. The top Russian diplomat said that NATO must stop expanding.", Options{},
			[]want{{rule: "reported-cue", kind: Reported, content: "that NATO must stop expanding", speaker: "Sergei Lavrov", mention: "The top Russian diplomat", party: "Russia"}}},
		{"the minister",
			"Russian Foreign Minister Sergei Lavrov arrived. The minister stressed that security cannot be bought at another's expense.", Options{},
			[]want{{rule: "reported-cue", kind: Reported, content: "that security cannot be bought at another's expense", speaker: "Sergei Lavrov", mention: "The minister"}}},
		{"a known actor's surname",
			`Blinken said that the door to diplomacy remained open.`, Options{Known: known},
			[]want{{rule: "reported-cue", kind: Reported, content: "that the door to diplomacy remained open", speaker: "Antony Blinken", mention: "Blinken", role: "Secretary of State", party: "United States"}}},
		{"a spelling away is the same person",
			"Sergei Lavrov arrived. Sergey Lavrov said that the talks were useful.", Options{},
			[]want{{rule: "reported-cue", kind: Reported, content: "that the talks were useful", speaker: "Sergei Lavrov", mention: "Sergey Lavrov"}}},
		{"a description with the name as its appositive",
			`The southern envoy, Tomas Berg, said that access could be discussed.`, Options{},
			[]want{{rule: "reported-cue", kind: Reported, content: "that access could be discussed", speaker: "Tomas Berg", mention: "Tomas Berg", role: "southern envoy"}}},
		{"a clause after a comma is no role",
			`According to Berg, the southern government wants a fee for every ship, and the amount is open.`, Options{},
			[]want{{rule: "according-to", kind: Reported, content: "the southern government wants a fee for every ship, and the amount is open", speaker: "Berg", mention: "Berg"}}},
		{"an organisation speaks",
			`The Kremlin said that the proposals were unacceptable.`, Options{},
			[]want{{rule: "reported-cue", kind: Reported, content: "that the proposals were unacceptable", speaker: "Kremlin", mention: "The Kremlin", party: "Russia"}}},
	} {
		t.Run(tc.name, func(t *testing.T) { check(t, tc.text, tc.opt, tc.wants) })
	}
}
