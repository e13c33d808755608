package data_test

// The rules format 1.1 added, each with a file under testdata/invalid that
// breaks it and every problem `parley validate` reports for it, exactly as
// printed. Positions were checked against the files.

func init() { ruleCases = append(ruleCases, format11RuleCases...) }

var format11RuleCases = []ruleCase{
	{file: "v1-uses-1.1.yaml", want: []string{
		`testdata/invalid/v1-uses-1.1.yaml:4:19: warning: source "minutes": field "short" is added in format 1.1; it is ignored (write "parley: 1.1" at the top to use it)`,
		`testdata/invalid/v1-uses-1.1.yaml:8:33: warning: topic "troops": field "proposition" is added in format 1.1; it is ignored (write "parley: 1.1" at the top to use it)`,
		`testdata/invalid/v1-uses-1.1.yaml:11:11: error: statement "massed": kind "account" is not one of quote, reported (account is added in format 1.1: write "parley: 1.1" at the top to use it)`,
		`testdata/invalid/v1-uses-1.1.yaml:12:5: warning: statement "massed": field "act" is added in format 1.1; it is ignored (write "parley: 1.1" at the top to use it)`,
		`testdata/invalid/v1-uses-1.1.yaml:13:5: warning: statement "massed": field "about" is added in format 1.1; it is ignored (write "parley: 1.1" at the top to use it)`,
		`testdata/invalid/v1-uses-1.1.yaml:19:5: warning: statement "said": field "via" is added in format 1.1; it is ignored (write "parley: 1.1" at the top to use it)`,
		`testdata/invalid/v1-uses-1.1.yaml:23:5: warning: statement "said": field "draft" is added in format 1.1; it is ignored (write "parley: 1.1" at the top to use it)`,
		`testdata/invalid/v1-uses-1.1.yaml:30:42: warning: response: field "basis" is added in format 1.1; it is ignored (write "parley: 1.1" at the top to use it)`,
		`testdata/invalid/v1-uses-1.1.yaml:30:59: warning: response: field "according_to" is added in format 1.1; it is ignored (write "parley: 1.1" at the top to use it)`,
	}},
	{file: "v11-account-speaker.yaml", want: []string{
		`testdata/invalid/v11-account-speaker.yaml:12:12: error: statement "with-actor": an account is the source's own voice and has no actor; say kind: reported for what someone said`,
		`testdata/invalid/v11-account-speaker.yaml:17:12: error: statement "with-party": an account is the source's own voice and has no party; name the parties it concerns in about`,
		`testdata/invalid/v11-account-speaker.yaml:20:5: error: statement "no-source": an account is the source's own voice; name the source`,
		`testdata/invalid/v11-account-speaker.yaml:22:20: error: statement "no-source": about: unknown party "alhpa" (did you mean "alpha"?)`,
		"testdata/invalid/v11-account-speaker.yaml:27:11: warning: statement \"not-in-source\": the account's text is not found in source \"minutes\"; add anchor.exact with the passage it gives (it is left unanchored)\n\tAlpha massed troops.",
	}},
	{file: "v11-draft-spans.yaml", want: []string{
		`testdata/invalid/v11-draft-spans.yaml:17:97: error: statement "outside": draft.spans.source [0, 700] lies outside source "minutes" (51 bytes)`,
		`testdata/invalid/v11-draft-spans.yaml:23:48: error: statement "backwards": draft.spans.content [29, 17] is empty or backwards; the end must come after the start`,
		`testdata/invalid/v11-draft-spans.yaml:29:59: error: statement "overlapping": draft.spans.content part 2 [20, 29] starts before part 1 ends; parts are in order and do not overlap`,
		`testdata/invalid/v11-draft-spans.yaml:30:5: warning: statement "cut-character": reported statement is not anchored in its source; add anchor.exact with the passage it reports`,
		`testdata/invalid/v11-draft-spans.yaml:35:51: error: statement "cut-character": draft.spans.content [36, 50] cuts a character of source "minutes" in two; offsets are in bytes of UTF-8`,
		`testdata/invalid/v11-draft-spans.yaml:40:13: warning: statement "no-text": unverified quote: source "web" has no text to check it against`,
		`testdata/invalid/v11-draft-spans.yaml:41:38: error: statement "no-text": draft spans point into source "web", which has no text`,
		`testdata/invalid/v11-draft-spans.yaml:47:12: error: statement "bad-values": draft: rule is missing (the name of the rule that drafted it)`,
		`testdata/invalid/v11-draft-spans.yaml:47:25: error: statement "bad-values": draft: confidence must be from 0 to 1, found 1.5`,
		`testdata/invalid/v11-draft-spans.yaml:47:47: error: statement "bad-values": draft.spans.content must be [start, end], two byte offsets from 0, found a list of 1`,
		`testdata/invalid/v11-draft-spans.yaml:47:58: error: statement "bad-values": draft.spans.cue must be [start, end], two byte offsets from 0, found a string`,
		`testdata/invalid/v11-draft-spans.yaml:47:74: error: statement "bad-values": draft.spans.source must be [start, end], two byte offsets from 0, found -1`,
		`testdata/invalid/v11-draft-spans.yaml:53:12: error: statement "not-a-mapping": draft must be a mapping of fields, found a string`,
		"testdata/invalid/v11-draft-spans.yaml:59:48: warning: statement \"wrong-words\": draft.spans.content does not hold the quote's words; it is not used to place the quote\n\tAnn Lee said",
	}},
	{file: "v11-position-on-accounts.yaml", valid: true, want: []string{
		`testdata/invalid/v11-position-on-accounts.yaml:24:61: warning: position of "alpha" on "troops": its evidence is only the source's own account, not the party's words; say basis: inferred, or add a note on how the account gives the party's own words`,
	}},
	{file: "v11-proposition-hint.yaml", valid: true, want: []string{
		`testdata/invalid/v11-proposition-hint.yaml:8:5: hint: topic "tariffs": one party supports it and another opposes it; add a proposition, the one sentence they support or oppose`,
	}},
	{file: "v11-proposition-not-text.yaml", want: []string{
		`testdata/invalid/v11-proposition-not-text.yaml:9:7: error: topic "tariffs": proposition must be a string, found a mapping`,
		`testdata/invalid/v11-proposition-not-text.yaml:12:18: error: topic "quotas": proposition must be a string, found a list`,
		`testdata/invalid/v11-proposition-not-text.yaml:13:5: error: topic must be a mapping of fields, found a string`,
	}},
	{file: "v11-response-provenance.yaml", want: []string{
		`testdata/invalid/v11-response-provenance.yaml:29:70: error: demand "lower-tariffs": response of "beta": according_to names who reports the answer, but basis is stated (the party gave it itself); say basis: reported, or leave according_to out`,
		`testdata/invalid/v11-response-provenance.yaml:30:56: warning: demand "lower-tariffs": response of "gamma": according_to names the answering party itself; leave it out (an answer it gave itself is stated)`,
		`testdata/invalid/v11-response-provenance.yaml:36:48: error: response: basis "hearsay" is not one of stated, reported`,
		`testdata/invalid/v11-response-provenance.yaml:36:71: error: demand "lower-fees": response of "beta": according_to: unknown party "gamam" (did you mean "gamma"?)`,
		`testdata/invalid/v11-response-provenance.yaml:42:55: warning: demand "lower-quotas": response of "beta": according to "alpha", but none of its evidence is a statement of that party`,
	}},
	{file: "v11-unknown-act.yaml", valid: true, want: []string{
		`testdata/invalid/v11-unknown-act.yaml:10:10: warning: statement "s1": act "warnign" is not one of demand, offer, concession, acceptance, rejection, warning, assurance, proposal, assessment, question; it is ignored (did you mean "warning"?)`,
		`testdata/invalid/v11-unknown-act.yaml:17:10: warning: statement "s2": act "threat" is not one of demand, offer, concession, acceptance, rejection, warning, assurance, proposal, assessment, question; it is ignored`,
	}},
	{file: "v11-via-loops.yaml", valid: true, want: []string{
		`testdata/invalid/v11-via-loops.yaml:14:11: warning: statement "speaker": via names the speaker "bob"; via lists who is between the speaker and the source`,
		`testdata/invalid/v11-via-loops.yaml:21:17: warning: statement "own-source": via names the statement's own source "minutes"; via lists who is between the speaker and it`,
	}},
	{file: "v11-via-names-nothing.yaml", want: []string{
		`testdata/invalid/v11-via-names-nothing.yaml:16:11: error: statement "typo": via "wier" names no actor and no source (did you mean "wire"?)`,
		`testdata/invalid/v11-via-names-nothing.yaml:23:17: error: statement "blank": via entry 2 names nothing; name an actor or a source`,
		`testdata/invalid/v11-via-names-nothing.yaml:30:10: error: statement "both": via "ann" names both an actor and a source; rename one of them`,
	}},
}
