package views

// CommandDoc is what a command's help says: a line, the whole, examples.
type CommandDoc struct{ Short, Long, Example string }

// CommandDocs are the command line's help texts, by command ("" is parley
// itself, "config keys" a subcommand).
var CommandDocs = map[string]CommandDoc{
	"": {
		Short: "Explore negotiation positions side by side",
		Long: `parley opens a dossier — the parties of a negotiation, what each side said,
its positions, demands and the answers to them — and lets you compare the
parties side by side, follow each demand to its responses and find any quote.

With no FILE it opens the dossier built into parley: the Blinken–Lavrov talks
in Geneva on 2022-01-21, read-only. FILE is a dossier in YAML or JSON (see
"parley validate --help" for checking one), and the explorer builds it too:
review the drafts parley import wrote, mark statements in a source, set
positions, add demands and responses, and save into the file, keeping its
comments and every other byte.`,
		Example: `  parley                      # explore the built-in Geneva dossier
  parley talks.yaml           # explore and build your own dossier
  parley validate talks.yaml  # check a dossier, with file:line:col for each problem
  parley export --format json -o geneva.json`,
	},
	"validate": {
		Short: "Check dossiers and report every problem with file:line:col",
		Long: `validate checks each dossier against every rule of the format — references
resolve, ids are unique, values are known, dates parse, every quote is found
verbatim in its source — and reports all problems at once, sorted, as
FILE:LINE:COL: severity: message. With no FILE it checks --dossier, or the
built-in dossier.

Exit status: 0 when every file is valid (warnings allowed), 1 when any has
an error, 2 for a usage error.`,
		Example: "  parley validate talks.yaml more.json\n  parley validate --json talks.yaml",
	},
	"export": {
		Short: "Write the dossier as JSON, YAML, a Markdown brief or CSV",
		Long: `export writes the dossier in one of four formats:

  json, yaml  the whole dossier in the format's own field names, self-contained
              (source texts inlined, statements from statement files listed
              with the others); exporting a JSON export again gives the same bytes
  md          a readable brief: parties, a positions table per topic, demands
              with their responses, quotes with attribution and source paragraph
  csv         one statement a row: id, kind, party, actor, date, topics (joined
              with ";"), text, source, paragraph

With -o the file is written atomically (a temporary file renamed into place)
and an existing file is never replaced without --force.`,
		Example: "  parley export --format json -o geneva.json\n  parley -d talks.yaml export --format yaml",
	},
	"common-ground": {
		Short: "List topics of agreement, conflict and silence between parties",
		Long: `common-ground compares the positions of the named parties (by id, short name
or name; default: all parties) topic by topic:

  common ground      every party supports, or every party opposes
  conflict           one supports and another opposes
  partial agreement  the parties that speak agree, the others are silent
  open               conditional, neutral or unclear stances, or silence

each with the positions and the evidence ids behind them, then the topics
each party is silent on.`,
		Example: "  parley common-ground us russia\n  parley common-ground --json",
	},
	"compare": {
		Short: "Print the parties' positions side by side",
		Long: `compare prints the positions of two or more parties (by id, short name or
name) side by side, one column per party, as plain text. With --topic it
shows one topic in full — position, evidence and other statements — and
otherwise every topic, lined up in rows.`,
		Example: "  parley compare us russia nato\n  parley compare us russia --topic diplomatic-process --width 120\n  parley compare US RU --json",
	},
	"demands": {
		Short: "Print every demand and each addressee's answer",
		Long: `demands prints who asked whom for what, and each addressee's response:
accepted, rejected, deferred, countered, or unanswered when the source says
it went unanswered, and whom an answer is known from when not the party
itself ("deferred — according to Russia"). An addressee the dossier records
no answer from has "no response", which says nothing about whether it
answered.`,
		Example: "  parley demands\n  parley -d talks.yaml demands --json",
	},
	"search": {
		Short: "Find statements: words, \"phrases\", -exclusions and filters",
		Long: `search finds statements and ranks them by relevance. A query holds:

  words            all must match (case, accents and width ignored);
                   the last one also matches as a prefix
  "exact phrase"   the words in this order
  -word            statements without it
  party:ID         by party (id or name prefix); speaker:NAME by speaker
  topic:ID         by topic (id or title prefix), its subtopics included
  kind:quote       verbatim quotes only (or kind:reported, kind:account)
  act:warning      by the move a statement makes; about:PARTY by whom it is about
  via:interfax     by an actor or source its words came through
  date:2022-01     a day, month or year, or a range date:2022-01-01..2022-02-15

When nothing matches exactly, close matches (typos) are shown, and said so.
Piped, it prints plain text; --json prints one JSON object per hit, with the
byte spans of the text that matched.`,
		Example: "  parley search invasion\n  parley search party:russia nato\n  parley search '\"written response\"' --json",
	},
	"new": {
		Short: "Write a commented starter dossier to FILE (default dossier.yaml)",
		Long: `new writes a small, commented dossier — two parties, a topic, a source, a
quote found in it, a reported statement, positions, a demand with a response
and an event — that validates as written. Edit it, then check it with
"parley validate FILE" and open it with "parley FILE". It never replaces an
existing file; "-" writes to standard output.`,
		Example: "  parley new talks.yaml && parley validate talks.yaml && parley talks.yaml",
	},
	"import": {
		Short: "Draft a dossier from news articles: sources, speakers, quotes and reported speech",
		Long: `import reads news articles — plain text, Markdown, saved web pages or URLs —
and drafts a dossier for a person to review: one source per article, one actor
per person across all of them, parties from nationalities and organisations,
and a statement for every direct quote and every piece of reported speech it
can attribute, anchored verbatim in its source. Each drafted statement has a
draft: field (format 1.1) with the rule that made it, a confidence from 0 to 1
and the byte spans it was read from.

  -o FILE       write a new draft dossier (YAML, or JSON for a .json name),
                atomically, never over an existing file without --force
  --into FILE   add the drafts to an existing dossier, keeping its other bytes;
                what it already has (the article, a statement) is not added again
  --json        print the draft as JSON (the shape of export --format json)

Without -o, --into or --json the draft is printed as YAML. Every input must
read, or nothing is written. URLs are fetched with a 20-second timeout, a
10 MiB cap and at most three redirects.`,
		Example: "  parley import report.txt -o talks.yaml\n  parley import https://example.org/news/talks --into talks.yaml\n  parley import https://example.org/news/talks saved.html --json > draft.json",
	},
	"accept": {
		Short: "Accept drafted statements: their draft: field goes, every other byte stays",
		Long: `accept marks drafted statements (the draft: field parley import writes) as
reviewed: their draft: fields are removed from the dossier (--dossier, or the
settings' dossier), which is saved atomically with its comments, order and
every other byte kept. A quote said in parts ("…," he said, "…") becomes one
quote of each part, so that each stays verbatim. The Review screen of the
explorer does the same, draft by draft.

Each ID must name a draft; --above accepts every draft at least that
confident (0 to 1) too. A dossier that does not validate is refused, with its
problems. Exit status: 0 on success, 1 when the dossier is invalid or cannot
be written, 2 for an unknown id or a statement that is not a draft.`,
		Example: "  parley accept -d talks.yaml lavrov-no-plans-to-attack\n  parley accept -d talks.yaml --above 0.9",
	},
	"reject": {
		Short: "Reject drafted statements: they are removed from the dossier",
		Long: `reject removes drafted statements (those with the draft: field parley import
writes) from the dossier (--dossier, or the settings' dossier), which is saved
atomically with its comments, order and every other byte kept. A statement
something still cites (a position's evidence) leaves a dangling reference:
the dossier is then not saved, and the message says where.

Each ID must name a draft. Exit status: 0 on success, 1 when the dossier is
invalid or cannot be written, 2 for an unknown id or a statement that is not
a draft.`,
		Example: "  parley reject -d talks.yaml legend-handshake-geneva",
	},
	"config": {
		Short: "Where the settings live, and the key bindings they can remap",
		Long: `parley reads its settings from $XDG_CONFIG_HOME/parley/config.yaml (or
~/.config/parley/config.yaml), or the file given with --config:

  theme: auto                    # auto (ask the terminal), dark or light
  dossier: ~/talks/geneva.yaml   # opened when no FILE or --dossier is given
  keys:                          # remap bindings; "parley config keys" lists them
    quit: [q, ctrl+q]
    next_topic: [right, l]
  allow: [~/corpora]             # folders a dossier may read files from, besides its own
  autosave: false                # true: save an edited dossier after every valid edit

A missing file is no settings; a wrong one is reported as FILE:LINE:COL.`,
	},
	"config path": {
		Short: "Print where the settings file is looked for",
	},
	"config keys": {
		Short: "List the key bindings and the keys each one has",
	},
}
