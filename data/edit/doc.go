// Package edit changes dossier files the way a careful person would by
// hand: only the records an edit is about change, and every other byte —
// comments, key order, quoting, blank lines, line ends — stays as it was.
// YAML and JSON dossiers and JSON Lines statement files are edited alike.
//
// It does not re-marshal files. Each file is read into a layout (the YAML
// parser's node positions, or a small JSON scanner's) in which every value
// knows the bytes it spans; an edit becomes splices of those bytes. New
// text is written in the style of its neighbours: a record among one-line
// flow records is one, a field whose neighbour is a block list is one, JSON
// in the file's own indentation and spacing, a statement file's record one
// line. After every edit the file is read again and the changed record must
// read back as meant, or the edit is refused and nothing changes.
//
// An Edit works on records, named by a Ref (StatementRef, PositionRef,
// ResponseRef, ID):
//
//	Add{List, Record}            a record appended to a list (made when absent)
//	Put{Ref, Record}             replaced, or added when there is none
//	Replace{Ref, Record}         only the fields that differ are rewritten
//	Delete{Ref}                  removed, with the blank lines that set it apart
//	Set{Ref, Field, Value}       one field set; a nil Value removes it
//	Rename{List, From, To}       an id and every reference to it
//	Batch{Name, Edits}           several as one step
//
// Records are Records (ordered fields); FromStruct makes one from a
// *data.Statement, *data.Source, *data.Actor, … with the fields in the
// format's order. New ids come from text (Slug, Session.NewID:
// "lavrov-russia-no-plans-to-attack"), unique in the dossier.
//
// A Session holds a dossier file and its statement files while they are
// edited: Apply routes an edit to the file its record is in (a new
// statement goes to the dossier file), Undo and Redo step through edits
// byte for byte (each edit knows its exact inverse), Check reads the
// session as parley loads it, Save writes every changed file atomically
// (data.WriteFileAtomic) and refuses a dossier with errors. A write that
// fails leaves the edits in the session and says so.
//
// When a file changes on disk meanwhile (Watch says when, through fsnotify,
// for editors that save by renaming too), Changed finds it and Absorb takes
// it in: a reload without unsaved edits, otherwise a *Conflict, which
// Resolve settles as its user chooses — keep theirs (the edits are saved
// beside the file, talks.mine.yaml), keep ours (the disk's text is saved
// beside it, talks.theirs.yaml), or merge when the two touched different
// records. Save never writes over a change it has not seen
// (ErrChangedOnDisk). For a Bubble Tea model the I/O is separate: Apply,
// Undo, Absorb and Settle work in memory; a Snapshot taken in Update is
// checked, turned into writes or compared with the disk in a tea.Cmd
// while the user goes on editing; Perform does the writes (in a tea.Cmd),
// Wrote takes the outcome in.
//
// # Adding drafts to a dossier (parley import --into)
//
//	s, err := edit.Open(path)             // the dossier, validated before (data.Load)
//	var edits []edit.Edit
//	for _, src := range newSources {      // likewise actors, parties, statements
//		r, err := edit.FromStruct(src)
//		edits = append(edits, edit.Add{List: edit.Sources, Record: r})
//	}
//	// Drafts are a 1.1 field: a version-1 dossier is raised.
//	edits = append(edits, edit.Set{Ref: edit.Dossier, Field: "parley", Value: data.Version1_1})
//	err = s.Apply(edit.Batch{Name: "import", Edits: edits}) // all or nothing
//	err = s.Save(nil)                     // validates, then writes atomically
//
// Reviewing drafts: Drafts lists them (most doubtful first, or in source
// order); Accept(ids…) removes their draft fields, Reject(ids…) the
// statements, AcceptAbove(d, 0.8) accepts every draft that confident;
// CheckDrafts says what is wrong with ids given on a command line.
//
// Marking a statement in a source: AnchorFor(text, start, end) is the
// anchor parley's loader places exactly there — the passage, and the
// fewest words before (or after) it that tell it from other occurrences.
//
// The package reads and writes files; it never imports Bubble Tea or Lip
// Gloss.
package edit
