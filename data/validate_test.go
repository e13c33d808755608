package data_test

import (
	"bytes"
	"errors"
	"fmt"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"

	"github.com/parley-dev/parley/data"
)

// update (-update, rewrite golden files) is declared in export_test.go.

// ruleCase is one failing (or warning) dossier under testdata/invalid and
// every problem validation must report for it, exactly as `parley validate`
// prints it (Problem.String: FILE:LINE:COL: severity: message, then a tab and
// the excerpt). Positions were worked out by hand from the files.
type ruleCase struct {
	file string // under testdata/invalid
	// valid: only warnings, so Load returns the dossier.
	valid bool
	want  []string
}

// Where a record as a whole is at fault (a field is missing, a second
// position…), a message points at the record's first key (col 5 in
// "  - id: alpha"), and at 1:1 for the dossier itself.

var ruleCases = []ruleCase{
	// References resolve.
	{file: "unknown-party.yaml", want: []string{
		`testdata/invalid/unknown-party.yaml:9:12: error: actor "ann": unknown party "alhpa" (did you mean "alpha"?)`,
	}},
	{file: "unknown-actor.yaml", want: []string{
		`testdata/invalid/unknown-actor.yaml:9:12: error: statement "s1": unknown actor "bob"`,
	}},
	{file: "unknown-topic.yaml", want: []string{
		`testdata/invalid/unknown-topic.yaml:14:21: error: statement "s1": unknown topic "tarrifs"`,
	}},
	{file: "unknown-source.yaml", want: []string{
		`testdata/invalid/unknown-source.yaml:14:13: error: statement "s1": unknown source "transcrpit" (did you mean "transcript"?)`,
	}},
	{file: "unknown-evidence.yaml", want: []string{
		`testdata/invalid/unknown-evidence.yaml:18:16: error: position of "alpha" on "trade": evidence names unknown statement "alpha-tarifs" (did you mean "alpha-tariffs"?)`,
		`testdata/invalid/unknown-evidence.yaml:18:30: error: position of "alpha" on "trade": evidence names unknown statement "beta-quota"`,
	}},
	{file: "response-evidence.yaml", want: []string{
		`testdata/invalid/response-evidence.yaml:18:16: error: demand "lower-tariffs": evidence names unknown statement "alpha-asks"`,
		`testdata/invalid/response-evidence.yaml:22:20: error: demand "lower-tariffs": response of "beta": evidence names unknown statement "beta-refused" (did you mean "beta-refuses"?)`,
	}},
	{file: "unknown-parent-topic.yaml", want: []string{
		`testdata/invalid/unknown-parent-topic.yaml:9:13: error: topic "tariffs": unknown parent topic "trad" (did you mean "trade"?)`,
	}},
	{file: "unknown-demand-party.yaml", want: []string{
		`testdata/invalid/unknown-demand-party.yaml:10:11: error: demand "lower-tariffs": unknown party "alpah" (did you mean "alpha"?)`,
		`testdata/invalid/unknown-demand-party.yaml:11:16: error: demand "lower-tariffs": unknown party "gamma"`,
		`testdata/invalid/unknown-demand-party.yaml:12:12: error: demand "lower-tariffs": unknown topic "trade"`,
	}},
	{file: "position-unknown-refs.yaml", want: []string{
		`testdata/invalid/position-unknown-refs.yaml:10:12: error: position of "beta" on "trad": unknown party "beta"`,
		`testdata/invalid/position-unknown-refs.yaml:11:12: error: position of "beta" on "trad": unknown topic "trad" (did you mean "trade"?)`,
	}},
	{file: "response-unknown-party.yaml", want: []string{
		`testdata/invalid/response-unknown-party.yaml:14:16: error: demand "lower-tariffs": response: unknown party "btea" (did you mean "beta"?)`,
	}},
	{file: "response-not-addressee.yaml", valid: true, want: []string{
		`testdata/invalid/response-not-addressee.yaml:18:16: warning: demand "lower-tariffs": response of "gamma": the party is not among the demand's addressees (to)`,
	}},
	{file: "compare-unknown-party.yaml", want: []string{
		`testdata/invalid/compare-unknown-party.yaml:3:18: error: compare: unknown party "gamma"`,
	}},
	{file: "compare-too-many.yaml", valid: true, want: []string{
		`testdata/invalid/compare-too-many.yaml:3:10: warning: compare names 5 parties; the explorer shows at most 4 side by side`,
	}},
	{file: "topic-cycle.yaml", want: []string{
		`testdata/invalid/topic-cycle.yaml:9:13: error: topic "security": parents form a cycle: security → arms-control → missiles → security`,
		`testdata/invalid/topic-cycle.yaml:18:13: error: topic "self": parents form a cycle: self → self`,
	}},
	{file: "topic-cycle-entered.yaml", want: []string{
		`testdata/invalid/topic-cycle-entered.yaml:12:13: error: topic "loop-a": parents form a cycle: loop-a → loop-b → loop-a`,
	}},

	// Ids are present and unique per kind.
	{file: "duplicate-party-id.yaml", want: []string{
		`testdata/invalid/duplicate-party-id.yaml:8:9: error: duplicate party id "alpha" (first defined at line 4)`,
	}},
	{file: "duplicate-ids.yaml", want: []string{
		`testdata/invalid/duplicate-ids.yaml:5:10: error: duplicate source id "minutes" (first defined at line 4)`,
		`testdata/invalid/duplicate-ids.yaml:11:10: error: duplicate actor id "ann" (first defined at line 10)`,
		`testdata/invalid/duplicate-ids.yaml:14:10: error: duplicate topic id "trade" (first defined at line 13)`,
		`testdata/invalid/duplicate-ids.yaml:17:10: error: duplicate demand id "quota" (first defined at line 16)`,
		`testdata/invalid/duplicate-ids.yaml:20:10: error: duplicate event id "round-1" (first defined at line 19)`,
	}},
	{file: "duplicate-statement-id.yaml", want: []string{
		`testdata/invalid/duplicate-statement-id.yaml:11:9: error: duplicate statement id "opening" (first defined at line 7)`,
	}},
	{file: "duplicate-position.yaml", want: []string{
		`testdata/invalid/duplicate-position.yaml:13:5: error: a second position of "alpha" on "trade" (first at line 10); merge them`,
	}},
	{file: "duplicate-response.yaml", want: []string{
		`testdata/invalid/duplicate-response.yaml:16:9: error: demand "lower-tariffs": response of "beta": a second response from the same party; merge them`,
	}},
	{file: "missing-id.yaml", want: []string{
		`testdata/invalid/missing-id.yaml:4:5: error: source: id is missing`,
		`testdata/invalid/missing-id.yaml:9:5: error: party: id is missing`,
		`testdata/invalid/missing-id.yaml:11:5: error: actor: id is missing`,
		`testdata/invalid/missing-id.yaml:14:5: error: topic: id is missing`,
		`testdata/invalid/missing-id.yaml:16:5: error: demand: id is missing`,
		`testdata/invalid/missing-id.yaml:20:5: error: statement: id is missing`,
	}},
	{file: "id-with-space.yaml", want: []string{
		`testdata/invalid/id-with-space.yaml:4:9: error: party: id "alpha republic" must not contain white space`,
	}},

	// Required fields.
	{file: "missing-title.yaml", want: []string{
		`testdata/invalid/missing-title.yaml:1:1: error: dossier: title is missing`,
	}},
	{file: "missing-version.yaml", want: []string{
		`testdata/invalid/missing-version.yaml:1:1: error: missing "parley: 1.1" (the format version) at the top of the dossier`,
	}},
	{file: "no-parties.yaml", want: []string{
		`testdata/invalid/no-parties.yaml:1:1: error: dossier: no parties; a dossier needs at least one party`,
	}},
	{file: "missing-name.yaml", want: []string{
		`testdata/invalid/missing-name.yaml:4:5: error: party "alpha": name is missing`,
		`testdata/invalid/missing-name.yaml:7:5: error: actor "ann": name is missing`,
		`testdata/invalid/missing-name.yaml:10:5: error: topic "trade": title is missing`,
		`testdata/invalid/missing-name.yaml:13:5: error: event: title is missing`,
		`testdata/invalid/missing-name.yaml:15:5: error: event "Second round": date is missing`,
	}},
	{file: "statement-missing-fields.yaml", want: []string{
		`testdata/invalid/statement-missing-fields.yaml:7:5: error: statement "opening": kind is missing (quote or reported)`,
		`testdata/invalid/statement-missing-fields.yaml:7:5: error: statement "opening": text is missing`,
	}},
	{file: "unattributed-statement.yaml", valid: true, want: []string{
		`testdata/invalid/unattributed-statement.yaml:7:5: warning: statement "rumour" names neither actor nor party; it will show as unattributed (add a note saying why)`,
	}},
	{file: "position-missing-fields.yaml", want: []string{
		`testdata/invalid/position-missing-fields.yaml:7:5: error: position: party is missing`,
		`testdata/invalid/position-missing-fields.yaml:7:5: error: position: stance is missing (support, oppose, conditional, neutral, unclear)`,
		`testdata/invalid/position-missing-fields.yaml:7:5: error: position: topic is missing`,
	}},
	{file: "demand-missing-fields.yaml", want: []string{
		`testdata/invalid/demand-missing-fields.yaml:7:5: error: demand "lower-tariffs": from is missing (the party making the demand)`,
		`testdata/invalid/demand-missing-fields.yaml:7:5: error: demand "lower-tariffs": text is missing`,
		`testdata/invalid/demand-missing-fields.yaml:7:5: error: demand "lower-tariffs": to is missing (the parties it is addressed to)`,
	}},
	{file: "response-missing-fields.yaml", want: []string{
		`testdata/invalid/response-missing-fields.yaml:14:9: error: demand "lower-tariffs": response: party is missing`,
		`testdata/invalid/response-missing-fields.yaml:15:9: error: demand "lower-tariffs": response of "beta": status is missing (accepted, rejected, deferred, countered, unanswered)`,
	}},
	{file: "event-missing-fields.yaml", want: []string{
		`testdata/invalid/event-missing-fields.yaml:7:5: error: event: date is missing`,
		`testdata/invalid/event-missing-fields.yaml:7:5: error: event: title is missing`,
		`testdata/invalid/event-missing-fields.yaml:8:16: error: event: evidence names unknown statement "meeting-report"`,
	}},
	{file: "quote-empty-text.yaml", want: []string{
		`testdata/invalid/quote-empty-text.yaml:10:5: error: statement "silent": text is missing`,
		`testdata/invalid/quote-empty-text.yaml:14:5: error: statement "blank": text is missing`,
	}},

	// Known values, dates and the format version.
	{file: "bad-stance.yaml", want: []string{
		`testdata/invalid/bad-stance.yaml:12:13: error: position: stance "suport" is not one of support, oppose, conditional, neutral, unclear (did you mean "support"?)`,
	}},
	{file: "bad-enums.yaml", want: []string{
		`testdata/invalid/bad-enums.yaml:13:11: error: statement "s1": kind "quotation" is not one of quote, reported`,
		`testdata/invalid/bad-enums.yaml:20:12: error: position: basis "guessed" is not one of stated, inferred`,
		`testdata/invalid/bad-enums.yaml:28:17: error: response: status "refused" is not one of accepted, rejected, deferred, countered, unanswered`,
		`testdata/invalid/bad-enums.yaml:32:13: error: event: status "planned" is not one of happened, expected`,
	}},
	{file: "bad-date.yaml", want: []string{
		`testdata/invalid/bad-date.yaml:3:7: error: dossier: date: "21 January 2024" is not a date (want YYYY-MM-DD, YYYY-MM, YYYY or FROM..TO)`,
		`testdata/invalid/bad-date.yaml:12:11: error: statement "s1": date: "2024-02-30" is not a date (want YYYY-MM-DD, YYYY-MM, YYYY or FROM..TO)`,
		`testdata/invalid/bad-date.yaml:14:11: error: event: date: date range "2024-03-08..2024-03-01" ends before it starts`,
		`testdata/invalid/bad-date.yaml:16:11: error: event: date must be a date, found a list`,
	}},
	{file: "bad-color.yaml", valid: true, want: []string{
		`testdata/invalid/bad-color.yaml:6:12: warning: party "alpha": color "dark blue" is not #rgb or #rrggbb; the theme picks one`,
		`testdata/invalid/bad-color.yaml:9:12: warning: party "beta": color "#12345" is not #rgb or #rrggbb; the theme picks one`,
	}},
	{file: "no-parties-empty-list.yaml", want: []string{
		`testdata/invalid/no-parties-empty-list.yaml:3:10: error: dossier: no parties; a dossier needs at least one party`,
	}},
	{file: "version-quoted.yaml", want: []string{
		`testdata/invalid/version-quoted.yaml:1:9: error: dossier: parley must be a format version, 1 or 1.1, found a string`,
	}},
	{file: "source-empty-file.yaml", valid: true, want: []string{
		`testdata/invalid/source-empty-file.yaml:5:11: warning: source "minutes": "sources/empty.txt" is empty; its quotes cannot be verified`,
		`testdata/invalid/source-empty-file.yaml:9:10: warning: compare names 1 party; the explorer compares 2 to 4 side by side`,
	}},
	{file: "json-schema-key.json", valid: true, want: []string{
		`testdata/invalid/json-schema-key.json:6:3: warning: dossier: unknown field "$extra" (ignored: parley does not read it)`,
	}},
	{file: "wrong-version.yaml", want: []string{
		`testdata/invalid/wrong-version.yaml:1:9: error: format version 2 is not supported; this parley reads versions 1 and 1.1`,
	}},
	{file: "version-not-a-number.yaml", want: []string{
		`testdata/invalid/version-not-a-number.yaml:1:9: error: dossier: parley must be a format version, 1 or 1.1, found a string`,
	}},
	{file: "inferred-without-note.yaml", valid: true, want: []string{
		`testdata/invalid/inferred-without-note.yaml:13:12: warning: position of "alpha" on "trade": an inferred position should say in a note how it was inferred`,
	}},

	// Types and unknown fields.
	{file: "wrong-type.yaml", want: []string{
		`testdata/invalid/wrong-type.yaml:2:8: error: dossier: title must be a string, found a list`,
		`testdata/invalid/wrong-type.yaml:4:3: error: dossier: parties must be a list, found a mapping`,
		`testdata/invalid/wrong-type.yaml:6:5: error: topic must be a mapping of fields, found a string`,
		`testdata/invalid/wrong-type.yaml:12:12: error: statement "s1": unknown party "alpha"`,
		`testdata/invalid/wrong-type.yaml:13:11: error: statement "s1": text must be a string, found a mapping`,
		`testdata/invalid/wrong-type.yaml:14:13: error: statement "s1": topics must be a list of ids, found a mapping`,
		`testdata/invalid/wrong-type.yaml:16:12: error: position of "alpha" on "tariffs": unknown party "alpha"`,
		`testdata/invalid/wrong-type.yaml:19:20: error: position: evidence must hold ids, found a mapping`,
	}},
	{file: "source-text-not-text.yaml", want: []string{
		`testdata/invalid/source-text-not-text.yaml:6:7: error: source "minutes": text must be a string, found a list`,
	}},
	{file: "anchor-not-a-mapping.yaml", want: []string{
		`testdata/invalid/anchor-not-a-mapping.yaml:10:5: warning: statement "s1": reported statement is not anchored in its source; add anchor.exact with the passage it reports`,
		`testdata/invalid/anchor-not-a-mapping.yaml:15:13: error: anchor must be a mapping of fields, found a string`,
	}},
	{file: "not-a-mapping.yaml", want: []string{
		`testdata/invalid/not-a-mapping.yaml:1:1: error: dossier must be a mapping of fields, found a list`,
	}},
	{file: "json-not-an-object.json", want: []string{
		`testdata/invalid/json-not-an-object.json:1:1: error: dossier must be a mapping of fields, found a list`,
	}},
	{file: "unknown-field-typo.yaml", valid: true, want: []string{
		`testdata/invalid/unknown-field-typo.yaml:3:1: warning: dossier: unknown field "sumary"; did you mean "summary"?`,
		`testdata/invalid/unknown-field-typo.yaml:7:5: warning: party "alpha": unknown field "colour"; did you mean "color"?`,
		`testdata/invalid/unknown-field-typo.yaml:12:5: warning: statement "s1": unknown field "txet"; did you mean "text"?`,
		`testdata/invalid/unknown-field-typo.yaml:14:14: warning: anchor: unknown field "exakt"; did you mean "exact"?`,
	}},
	{file: "unknown-field-extra.yaml", valid: true, want: []string{
		`testdata/invalid/unknown-field-extra.yaml:3:1: warning: dossier: unknown field "editor" (ignored: parley does not read it)`,
		`testdata/invalid/unknown-field-extra.yaml:7:5: warning: party "alpha": unknown field "population" (ignored: parley does not read it)`,
	}},

	// Quotes are found verbatim; everything else is anchored or says why not.
	{file: "quote-not-in-source.yaml", want: []string{
		"testdata/invalid/quote-not-in-source.yaml:15:11: error: statement \"refusal\": quote not found verbatim in source \"minutes\"\n\tWe will never sign this text.",
		// A long quote's excerpt is cut at 71 characters and an ellipsis.
		"testdata/invalid/quote-not-in-source.yaml:20:11: error: statement \"long-refusal\": quote not found verbatim in source \"minutes\"\n\tWe will not sign this text as it stands, nor any other text that leaves…",
		// Case is kept: a quote differing only in a capital is not verbatim.
		"testdata/invalid/quote-not-in-source.yaml:27:11: error: statement \"case-differs\": quote not found verbatim in source \"minutes\"\n\twe will not sign this text as it stands.",
	}},
	{file: "quote-ambiguous.yaml", want: []string{
		"testdata/invalid/quote-ambiguous.yaml:14:11: error: statement \"ready\": found 2 times in source \"minutes\"; add anchor.prefix or anchor.suffix to say which\n\tWe are ready.",
	}},
	{file: "quote-anchor-mismatch.yaml", want: []string{
		`testdata/invalid/quote-anchor-mismatch.yaml:16:13: error: statement "ready": found 2 times in source "minutes", but never with this anchor's prefix/suffix`,
	}},
	{file: "quote-anchor-exact.yaml", valid: true, want: []string{
		`testdata/invalid/quote-anchor-exact.yaml:17:14: warning: statement "ready": a quote's anchor is its own text; anchor.exact is ignored`,
	}},
	{file: "unverified-quote.yaml", valid: true, want: []string{
		`testdata/invalid/unverified-quote.yaml:15:13: warning: statement "from-the-web": unverified quote: source "press-release" has no text to check it against`,
		`testdata/invalid/unverified-quote.yaml:16:5: warning: statement "from-nowhere": unverified quote: it names no source`,
	}},
	{file: "reported-unanchored.yaml", valid: true, want: []string{
		`testdata/invalid/reported-unanchored.yaml:14:5: warning: statement "no-anchor": reported statement is not anchored in its source; add anchor.exact with the passage it reports`,
		"testdata/invalid/reported-unanchored.yaml:24:21: warning: statement \"anchor-not-found\": anchor.exact not found in source \"minutes\"; the statement is left unanchored\n\twould never sign",
		"testdata/invalid/reported-unanchored.yaml:30:21: warning: statement \"anchor-twice\": found 2 times in source \"minutes\"; add anchor.prefix or anchor.suffix to say which\n\tBeta said the text was final.",
		`testdata/invalid/reported-unanchored.yaml:36:13: warning: statement "anchor-prefix-wrong": found 2 times in source "minutes", but never with this anchor's prefix/suffix`,
	}},
	{file: "party-differs-from-actor.yaml", valid: true, want: []string{
		// Only the statement without a note: "with-note" explains itself.
		`testdata/invalid/party-differs-from-actor.yaml:16:12: warning: statement "without-note": party "beta" differs from its actor's party "alpha"; add a note saying why`,
	}},

	// Sources.
	{file: "source-file-and-text.yaml", want: []string{
		`testdata/invalid/source-file-and-text.yaml:6:11: error: source "minutes": give either file or text, not both`,
	}},
	{file: "missing-source-file.yaml", want: []string{
		`testdata/invalid/missing-source-file.yaml:5:11: error: source "minutes": cannot read "sources/no-such-file.txt": no such file or directory`,
		`testdata/invalid/missing-source-file.yaml:14:13: warning: statement "s1": unverified quote: source "minutes" has no text to check it against`,
	}},
	{file: "source-without-text.yaml", valid: true, want: []string{
		`testdata/invalid/source-without-text.yaml:4:5: warning: source "hearsay" has no file, text or url; its quotes cannot be verified`,
	}},
	{file: "source-not-utf8.yaml", want: []string{
		`testdata/invalid/sources/latin1.txt:2:20: error: source "minutes": byte 0xab is not UTF-8; save the file as UTF-8`,
	}},

	// Statement files (JSON Lines): problems name the .jsonl file and line.
	{file: "statement-files.yaml", want: []string{
		`testdata/invalid/statement-files.yaml:3:44: error: statement_files: cannot read "statements/missing.jsonl": no such file or directory`,
		`testdata/invalid/statements/broken.jsonl:4:77: error: expected ',' or '}', found end of line`,
		`testdata/invalid/statements/broken.jsonl:5:43: error: statement "s4": unknown party "alpah" (did you mean "alpha"?)`,
		`testdata/invalid/statements/broken.jsonl:6:8: error: duplicate statement id "opening" (first defined at testdata/invalid/statement-files.yaml:8:9)`,
		`testdata/invalid/statements/broken.jsonl:6:27: error: statement "opening": kind "reportd" is not one of quote, reported (did you mean "reported"?)`,
		`testdata/invalid/statements/broken.jsonl:7:68: error: unexpected '{' after the statement; put one statement on each line`,
	}},
	{file: "statement-files-not-statements.yaml", want: []string{
		`testdata/invalid/statements/not-statements.jsonl:1:1: error: statement must be a mapping of fields, found a list`,
		`testdata/invalid/statements/not-statements.jsonl:2:1: error: statement must be a mapping of fields, found a string`,
	}},
	{file: "statement-files-not-utf8.yaml", want: []string{
		`testdata/invalid/statements/latin1.jsonl:2:64: error: byte 0xe9 is not UTF-8; save the file as UTF-8`,
	}},

	// Files that are not dossiers at all.
	{file: "empty.yaml", want: []string{
		`testdata/invalid/empty.yaml: error: the file is empty`,
	}},
	{file: "blank.yaml", want: []string{
		`testdata/invalid/blank.yaml: error: the file is empty`,
	}},
	{file: "comment-only.yaml", want: []string{
		`testdata/invalid/comment-only.yaml:1:1: error: the file is empty; a dossier starts with "parley: 1"`,
	}},
	{file: "not-utf8.yaml", want: []string{
		`testdata/invalid/not-utf8.yaml:2:11: error: byte 0xe9 is not UTF-8; save the file as UTF-8`,
	}},
	{file: "nul-byte.yaml", want: []string{
		`testdata/invalid/nul-byte.yaml:2:18: error: a NUL byte: this is a binary file, not a dossier`,
	}},
	{file: "binary.png", want: []string{
		`testdata/invalid/binary.png:3:1: error: a NUL byte: this is a binary file, not a dossier`,
	}},

	// YAML syntax.
	{file: "syntax-error.yaml", want: []string{
		`testdata/invalid/syntax-error.yaml:5:11: error: could not find end character of double-quoted text`,
	}},
	{file: "yaml-tab-indent.yaml", want: []string{
		`testdata/invalid/yaml-tab-indent.yaml:4:1: error: a tab in the indentation; YAML indents with spaces`,
	}},
	{file: "yaml-duplicate-key.yaml", want: []string{
		`testdata/invalid/yaml-duplicate-key.yaml:6:5: error: duplicate key "name" (first at line 5)`,
	}},
	{file: "second-document.yaml", want: []string{
		`testdata/invalid/second-document.yaml:6:1: error: a second YAML document; a dossier file holds one`,
	}},
	{file: "merge-key.yaml", want: []string{
		`testdata/invalid/merge-key.yaml:7:5: error: merge keys (<<) are not supported in dossiers`,
	}},
	{file: "undefined-alias.yaml", want: []string{
		`testdata/invalid/undefined-alias.yaml:4:5: error: alias *alpha names no anchor defined before it`,
	}},
	{file: "complex-key.yaml", want: []string{
		// go-yaml's own words, at the ":" of the complex key's value.
		`testdata/invalid/complex-key.yaml:7:5: error: found an invalid key for this map`,
	}},
	{file: "too-deep.yaml", want: []string{
		`testdata/invalid/too-deep.yaml:3:210: error: nested more than 200 levels deep`,
	}},
	{file: "json-too-deep.json", want: []string{
		`testdata/invalid/json-too-deep.json:1:226: error: nested more than 200 levels deep`,
	}},
	{file: "alias-bomb.yaml", want: []string{
		`testdata/invalid/alias-bomb.yaml:9:29: error: aliases expand to too many values (an alias bomb?)`,
	}},

	// JSON syntax.
	{file: "syntax-error.json", want: []string{
		`testdata/invalid/syntax-error.json:6:5: error: expected ',' or ']', found '{'`,
	}},
	{file: "json-trailing-comma.json", want: []string{
		`testdata/invalid/json-trailing-comma.json:6:3: error: unexpected ']', expected a JSON value`,
	}},
	{file: "json-duplicate-key.json", want: []string{
		`testdata/invalid/json-duplicate-key.json:5:3: error: duplicate key "title" (first at line 3)`,
	}},
	{file: "json-trailing-data.json", want: []string{
		`testdata/invalid/json-trailing-data.json:2:1: error: unexpected '{' after the end of the JSON value`,
	}},
	{file: "json-control-character.json", want: []string{
		`testdata/invalid/json-control-character.json:3:22: error: control character 0x09 in a string; escape it`,
	}},
	{file: "json-unterminated-string.json", want: []string{
		`testdata/invalid/json-unterminated-string.json:3:38: error: unterminated string (a raw line break; write \n)`,
	}},
	{file: "json-bad-values.json", want: []string{
		`testdata/invalid/json-bad-values.json:3:12: error: invalid string: invalid character 'q' in string escape code`,
	}},
	{file: "json-bad-number.json", want: []string{
		`testdata/invalid/json-bad-number.json:2:13: error: "1.0.1" is not a valid number`,
	}},
	{file: "json-unquoted-key.json", want: []string{
		`testdata/invalid/json-unquoted-key.json:2:3: error: expected a quoted key, found 'p'`,
	}},
	{file: "json-missing-colon.json", want: []string{
		`testdata/invalid/json-missing-colon.json:2:12: error: expected ':' after key "parley", found '1'`,
	}},
	{file: "json-bare-word.json", want: []string{
		`testdata/invalid/json-bare-word.json:4:39: error: unexpected 'A', expected a JSON value`,
	}},
	{file: "json-truncated.json", want: []string{
		`testdata/invalid/json-truncated.json:6:1: error: expected ',' or ']', found end of file`,
	}},
}

// chdirRoot runs the test from the repository root, so that paths in
// messages read as a user running `parley validate testdata/...` sees them.
func chdirRoot(t *testing.T) {
	t.Helper()
	t.Chdir("..")
}

func problemStrings(ps data.Problems) []string {
	out := make([]string, len(ps))
	for i, p := range ps {
		out[i] = p.String()
	}
	return out
}

func TestValidationRules(t *testing.T) {
	chdirRoot(t)
	seen := map[string]bool{}
	for _, tc := range ruleCases {
		t.Run(tc.file, func(t *testing.T) {
			if seen[tc.file] {
				t.Fatalf("%s is listed twice", tc.file)
			}
			seen[tc.file] = true
			path := "testdata/invalid/" + tc.file
			d, probs, err := data.Load(path)
			checkLoadContract(t, d, probs, err)
			if tc.valid {
				if err != nil || d == nil {
					t.Fatalf("want a dossier with warnings only, got err %v", err)
				}
				if probs.Errors() != 0 {
					t.Errorf("want no errors, got %d", probs.Errors())
				}
			} else if d != nil || err == nil {
				t.Fatalf("want no dossier and an error, got dossier %v, err %v", d != nil, err)
			}
			got := problemStrings(probs)
			faults := messageFaults(probs)
			if slices.Equal(got, tc.want) && len(faults) == 0 {
				return
			}
			diff := "got:\n\t" + strings.Join(got, "\n\t") + "\nwant:\n\t" + strings.Join(tc.want, "\n\t")
			if len(faults) > 0 {
				diff += "\n" + strings.Join(faults, "\n")
			}
			t.Errorf("problems differ\n%s", diff)
		})
	}
}

// messageFaults lists what no message may be: empty, or holding a line
// break, tab or escape (a message is one line; the excerpt follows it).
func messageFaults(probs data.Problems) []string {
	var out []string
	for _, p := range probs {
		if strings.TrimSpace(p.Message) == "" {
			out = append(out, fmt.Sprintf("%s: a problem without a message", p.Pos))
		}
		if strings.ContainsAny(p.Message+p.Excerpt, "\n\t\r\x1b") {
			out = append(out, fmt.Sprintf("%s: the message holds a line break, tab or escape: %q", p.Pos, p.Message))
		}
	}
	return out
}

// checkLoadContract checks what Load promises whatever the file: problems
// sorted by file, line and column; a dossier exactly when there is no error;
// an *InvalidError carrying every problem when there is.
func checkLoadContract(t *testing.T, d *data.Dossier, probs data.Problems, err error) {
	t.Helper()
	if !slices.IsSortedFunc(probs, func(a, b data.Problem) int {
		if c := strings.Compare(a.Pos.File, b.Pos.File); c != 0 {
			return c
		}
		if a.Pos.Line != b.Pos.Line {
			return a.Pos.Line - b.Pos.Line
		}
		return a.Pos.Col - b.Pos.Col
	}) {
		t.Errorf("problems are not sorted by file, line, column:\n%s", strings.Join(problemStrings(probs), "\n"))
	}
	if probs.Errors() > 0 {
		if d != nil {
			t.Errorf("a dossier with %d errors was returned", probs.Errors())
		}
		var inv *data.InvalidError
		if !errors.As(err, &inv) {
			t.Fatalf("err = %v (%T), want *data.InvalidError", err, err)
		}
		if !slices.Equal(problemStrings(inv.Problems), problemStrings(probs)) {
			t.Errorf("InvalidError.Problems differs from the problems returned")
		}
		// Error() lists the errors, not the warnings.
		msg := err.Error()
		for _, p := range probs {
			if in := strings.Contains(msg, p.String()); in != (p.Severity == data.SeverityError) {
				t.Errorf("InvalidError.Error() contains %q: %v", p.String(), in)
			}
		}
		if n := strings.Count(msg, ": error: "); n != probs.Errors() {
			t.Errorf("InvalidError.Error() lists %d errors, want %d:\n%s", n, probs.Errors(), msg)
		}
	} else if err != nil || d == nil {
		t.Errorf("no errors, but dossier %v and err %v", d != nil, err)
	}
}

// TestEveryInvalidFileIsListed keeps the table and testdata/invalid in step.
func TestEveryInvalidFileIsListed(t *testing.T) {
	chdirRoot(t)
	entries, err := os.ReadDir("testdata/invalid")
	if err != nil {
		t.Fatal(err)
	}
	listed := map[string]bool{}
	for _, tc := range ruleCases {
		listed[tc.file] = true
	}
	for _, e := range entries {
		if !e.IsDir() && !listed[e.Name()] {
			t.Errorf("testdata/invalid/%s has no case in ruleCases", e.Name())
		}
	}
}

// TestAllProblemsAtOnce loads a file with problems of many kinds, spread
// over the file and a statement file, and checks they all come back in one
// load, sorted, and that the golden text of `parley validate` holds them.
func TestAllProblemsAtOnce(t *testing.T) {
	chdirRoot(t)
	d, probs, err := data.Load("testdata/golden/several-problems.yaml")
	checkLoadContract(t, d, probs, err)
	if d != nil {
		t.Fatal("a dossier with errors was returned")
	}
	if probs.Errors() != 7 || probs.Warnings() != 4 {
		t.Errorf("got %d errors and %d warnings; the files have 7 and 4", probs.Errors(), probs.Warnings())
	}
	for _, f := range messageFaults(probs) {
		t.Error(f)
	}
	files := map[string]bool{}
	for _, p := range probs {
		files[p.Pos.File] = true
	}
	if len(files) != 2 {
		t.Errorf("problems name %d files, want the dossier and its statement file: %v", len(files), files)
	}

	var b bytes.Buffer
	for _, p := range probs {
		b.WriteString(p.String())
		b.WriteByte('\n')
	}
	golden := filepath.Join("testdata", "golden", "several-problems.txt")
	if *update {
		if err := os.WriteFile(golden, b.Bytes(), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	want, err := os.ReadFile(golden)
	if err != nil {
		t.Fatalf("%v (run go test ./data -run TestAllProblemsAtOnce -update to create it)", err)
	}
	if got := b.String(); got != string(want) {
		t.Errorf("validate output differs from %s (go test ./data -run TestAllProblemsAtOnce -update rewrites it)\ngot:\n%s\nwant:\n%s", golden, got, want)
	}
}

// TestParseWithoutDirectory: Parse with no file system cannot read source
// or statement files and says so, at the field that names them.
func TestParseWithoutDirectory(t *testing.T) {
	src := []byte("parley: 1\ntitle: T\nstatement_files: [more.jsonl]\nsources:\n  - id: minutes\n    file: minutes.txt\nparties:\n  - {id: a, name: A}\n")
	_, probs, err := data.Parse("talks.yaml", src, nil)
	var inv *data.InvalidError
	if !errors.As(err, &inv) {
		t.Fatalf("err = %v, want *data.InvalidError", err)
	}
	want := []string{
		`talks.yaml:3:19: error: statement_files: cannot read "more.jsonl": no directory to read it from`,
		`talks.yaml:6:11: error: source "minutes": cannot read "minutes.txt": no directory to read it from`,
	}
	if got := problemStrings(probs); !slices.Equal(got, want) {
		t.Errorf("got:\n%s\nwant:\n%s", strings.Join(got, "\n"), strings.Join(want, "\n"))
	}
}

// TestLoadUnreadable: a file that cannot be read at all is a plain error,
// not a list of problems.
func TestLoadUnreadable(t *testing.T) {
	d, probs, err := data.Load(filepath.Join(t.TempDir(), "nothing.yaml"))
	if d != nil || probs != nil || err == nil {
		t.Fatalf("got dossier %v, problems %v, err %v", d != nil, probs, err)
	}
	var inv *data.InvalidError
	if errors.As(err, &inv) {
		t.Errorf("a missing file is not an invalid dossier: %v", err)
	}
	if !strings.Contains(err.Error(), "nothing.yaml") {
		t.Errorf("the error does not name the file: %v", err)
	}
}

// FuzzParse feeds arbitrary bytes to both parsers: they must never panic or
// hang, and must keep Load's contract.
func FuzzParse(f *testing.F) {
	for _, dir := range []string{"../testdata/invalid", "../testdata/invalid/statements", "../testdata/dossiers", "../testdata/golden"} {
		entries, _ := os.ReadDir(dir)
		for _, e := range entries {
			if e.IsDir() {
				continue
			}
			b, err := os.ReadFile(filepath.Join(dir, e.Name()))
			if err == nil && len(b) < 64<<10 {
				f.Add(b)
			}
		}
	}
	if b, err := os.ReadFile("geneva/geneva.yaml"); err == nil {
		f.Add(b)
	}
	f.Fuzz(func(t *testing.T, b []byte) {
		for _, name := range []string{"f.yaml", "f.json"} {
			d, probs, err := data.Parse(name, b, nil)
			if (d == nil) == (err == nil) {
				t.Fatalf("%s: dossier %v with err %v", name, d != nil, err)
			}
			if err != nil {
				var inv *data.InvalidError
				if !errors.As(err, &inv) || probs.Errors() == 0 {
					t.Fatalf("%s: err %v (%T) with %d errors", name, err, err, probs.Errors())
				}
			}
			for _, p := range probs {
				if p.Pos.File != name && !strings.HasSuffix(p.Pos.File, ".jsonl") {
					t.Fatalf("%s: a problem in %q", name, p.Pos.File)
				}
				if p.Pos.Line < 0 || p.Pos.Col < 0 {
					t.Fatalf("%s: negative position %v", name, p.Pos)
				}
			}
		}
	})
}
