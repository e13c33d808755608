package edit

import (
	"bytes"
	"errors"
	"fmt"
	"path/filepath"
	"slices"
	"strings"
)

// When a file changes on disk while parley has it open — its user edits it
// in their editor beside the explorer — the session takes the change in
// (Absorb). Without unsaved edits that is a reload. With unsaved edits
// nothing may be lost, so the session says so (a *Conflict) and its user
// chooses: keep theirs (the edits are kept in a copy beside the file),
// keep ours (the disk's text is kept in a copy beside it), or merge, when
// the edits and the change on disk touch different records.

// DiskChange is what one file holds on disk now.
type DiskChange struct {
	Path string
	Data []byte
	Gone bool // the file was removed
	new  bool // a statement file the dossier on disk names and the session did not hold
	name string
}

// Changed reads the session's files and returns those whose text on disk
// is not what the session last read or wrote, with any statement file the
// changed dossier names that the session does not hold yet. It only reads.
func (s *Session) Changed() ([]DiskChange, error) { return s.Snapshot().Changed() }

func (s *Session) statementPath(name string) string { return statementPath(s.Path, name) }

// A Conflict is a change on disk met by unsaved edits.
type Conflict struct {
	Changes []DiskChange
	// Overlap lists the records both the edits and the change on disk
	// touched; a merge is possible only when there are none (and the
	// disk's text parses).
	Overlap []Ref
	// Unreadable says why the disk's text cannot be merged with, if it
	// cannot (it does not parse, or a file was removed).
	Unreadable string
}

func (c *Conflict) Error() string {
	names := make([]string, 0, len(c.Changes))
	for _, ch := range c.Changes {
		names = append(names, filepath.Base(ch.Path))
	}
	return fmt.Sprintf("%s changed on disk while there are unsaved edits", strings.Join(names, ", "))
}

// CanMerge reports whether the edits can be made again on the disk's text.
func (c *Conflict) CanMerge() bool { return c.Unreadable == "" && len(c.Overlap) == 0 }

// Absorb takes in changes found by Changed. Without unsaved edits the
// session reads the disk's text (and forgets its undo history); with them
// it returns a *Conflict and changes nothing. A dossier on disk that does
// not parse is an error and changes nothing either (its user may be in the
// middle of editing it).
//
// Changes found from an older Snapshot may include what the session has
// written itself since: a change to what the session already has as the
// file's text on disk is no change, and is left out.
func (s *Session) Absorb(changes []DiskChange) (*Conflict, error) {
	changes = slices.DeleteFunc(slices.Clone(changes), func(ch DiskChange) bool {
		i := slices.IndexFunc(s.files, func(f *file) bool { return f.path == ch.Path })
		return i >= 0 && !ch.Gone && !ch.new && bytes.Equal(ch.Data, s.files[i].disk)
	})
	if len(changes) == 0 {
		return nil, nil
	}
	if s.Modified() {
		return s.conflict(changes), nil
	}
	return nil, s.adopt(changes)
}

// adopt makes the disk's text the session's.
func (s *Session) adopt(changes []DiskChange) error {
	files := slices.Clone(s.files)
	for _, ch := range changes {
		if ch.Gone {
			if ch.Path == s.Path {
				return fmt.Errorf("%s was removed", ch.Path)
			}
			continue
		}
		if ch.new {
			f, err := newFile(ch.Path, ch.name, ch.Data, JSONL)
			if err != nil {
				return err
			}
			files = append(files, f)
			continue
		}
		i := slices.IndexFunc(files, func(f *file) bool { return f.path == ch.Path })
		if i < 0 {
			continue
		}
		format := JSONL
		if i == 0 {
			format = FormatOf(ch.Path, ch.Data)
		}
		f, err := newFile(ch.Path, files[i].name, ch.Data, format)
		if err != nil {
			return err
		}
		files[i] = f
	}
	// Keep the dossier and the statement files it names now, in its order.
	named := map[string]bool{}
	for _, n := range statementFiles(files[0].cur) {
		named[s.statementPath(n)] = true
	}
	kept := []*file{files[0]}
	for _, f := range files[1:] {
		if named[f.path] {
			kept = append(kept, f)
		}
	}
	s.files = kept
	s.undo, s.redo, s.pending = nil, nil, nil
	return nil
}

func (s *Session) conflict(changes []DiskChange) *Conflict {
	c := &Conflict{Changes: changes}
	ours := map[string]Ref{}
	for _, p := range s.pending {
		for _, r := range p.touched {
			ours[recordKey(r)] = r.top()
		}
	}
	for _, ch := range changes {
		i := slices.IndexFunc(s.files, func(f *file) bool { return f.path == ch.Path })
		switch {
		case ch.Gone:
			c.Unreadable = filepath.Base(ch.Path) + " was removed"
			continue
		case ch.new || i < 0:
			continue
		}
		f := s.files[i]
		format := JSONL
		if i == 0 {
			format = FormatOf(ch.Path, ch.Data)
		}
		theirs, err := parseText(format, ch.Data)
		if err != nil {
			c.Unreadable = fmt.Sprintf("%s on disk does not read: %v", filepath.Base(ch.Path), err)
			continue
		}
		base, err := parseText(f.cur.format, f.disk)
		if err != nil {
			c.Unreadable = err.Error()
			continue
		}
		before, after := records(base), records(theirs)
		for k, raw := range after {
			if before[k] != raw {
				if r, ok := ours[k]; ok {
					c.Overlap = append(c.Overlap, r)
				}
			}
		}
		for k := range before {
			if _, ok := after[k]; !ok {
				if r, ok := ours[k]; ok {
					c.Overlap = append(c.Overlap, r)
				}
			}
		}
	}
	slices.SortFunc(c.Overlap, func(a, b Ref) int { return strings.Compare(recordKey(a), recordKey(b)) })
	c.Overlap = slices.CompactFunc(c.Overlap, func(a, b Ref) bool { return recordKey(a) == recordKey(b) })
	return c
}

// recordKey names the top-level record a ref is in, or a field of the
// dossier, as a string.
func recordKey(r Ref) string {
	t := r.top()
	var b strings.Builder
	b.WriteString(t.List)
	for _, k := range t.Key {
		b.WriteString("\x00" + k.Key + "=" + str(k.Value))
	}
	return b.String()
}

// records maps each top-level record of a text, and each other field of
// the dossier, to its text.
func records(t *text) map[string]string {
	out := map[string]string{}
	for _, e := range t.root.elems {
		if e.v().kind == lSeq && e.key != "compare" && e.key != "statement_files" {
			for i, it := range e.v().elems {
				k := fmt.Sprintf("%s\x00#%d", e.key, i)
				if it.val == nil && it.id != "" {
					k = recordKey(ID(e.key, it.id))
				} else if r, ok := it.v().value().(*Record); ok {
					if ref := KeyOf(nil, e.key, r); len(ref.Key) > 0 {
						k = recordKey(ref)
					}
				}
				for out[k] != "" {
					k += "'"
				}
				out[k] = string(t.src[it.start:it.end])
			}
			continue
		}
		out[recordKey(Ref{Key: []Field{{"field", e.key}}})] = string(t.src[e.start:e.end])
	}
	return out
}

// Resolution is how a conflict is settled.
type Resolution int

const (
	// KeepTheirs takes the disk's text; the edits are written to a copy
	// beside each file (talks.mine.yaml).
	KeepTheirs Resolution = iota
	// KeepOurs keeps the edits and saves them; the disk's text is written
	// to a copy beside each file first (talks.theirs.yaml).
	KeepOurs
	// Merge makes the edits again on the disk's text, when they touch
	// other records than the change on disk did. Nothing is written: the
	// result is unsaved, for its user to look at and save.
	Merge
)

// Resolve settles a conflict the way its user chose. It changes the
// session in memory and returns the writes to make (Perform, then Wrote):
// the copies beside, and for KeepOurs the save. The copies are listed
// first, so a failure leaves nothing written over.
func (s *Session) Resolve(c *Conflict, how Resolution) ([]Write, error) {
	ws, err := s.Settle(c, how)
	if err != nil || how != KeepOurs {
		return ws, err
	}
	save, err := s.Writes()
	if err != nil {
		return ws, err
	}
	return append(ws, save...), nil
}

// Settle is Resolve without the save KeepOurs makes, and so without I/O:
// for a Bubble Tea model, which writes the copies beside (Perform, Wrote)
// and then saves as it always does, from a Snapshot in a command.
func (s *Session) Settle(c *Conflict, how Resolution) ([]Write, error) {
	switch how {
	case KeepTheirs:
		var ws []Write
		for i, f := range s.files {
			if b := f.cur.bytes(); !bytes.Equal(b, f.disk) {
				ws = append(ws, Write{Path: besideName(f.path, "mine"), Data: slices.Clone(b), Beside: true, file: i})
			}
		}
		if err := s.adopt(c.Changes); err != nil {
			return nil, err
		}
		return ws, nil
	case KeepOurs:
		var ws []Write
		for _, ch := range c.Changes {
			if ch.Gone || ch.new {
				continue
			}
			i := slices.IndexFunc(s.files, func(f *file) bool { return f.path == ch.Path })
			if i < 0 {
				continue
			}
			ws = append(ws, Write{Path: besideName(ch.Path, "theirs"), Data: ch.Data, Beside: true, file: i})
			s.files[i].disk = ch.Data
		}
		for _, ch := range c.Changes {
			if ch.Gone {
				if i := slices.IndexFunc(s.files, func(f *file) bool { return f.path == ch.Path }); i >= 0 {
					s.files[i].disk = nil
				}
			}
		}
		return ws, nil
	case Merge:
		if !c.CanMerge() {
			if c.Unreadable != "" {
				return nil, errors.New("cannot merge: " + c.Unreadable)
			}
			names := make([]string, len(c.Overlap))
			for i, r := range c.Overlap {
				names[i] = r.String()
			}
			return nil, fmt.Errorf("cannot merge: both changed %s", strings.Join(names, ", "))
		}
		return nil, s.merge(c)
	}
	return nil, fmt.Errorf("unknown resolution %d", how)
}

// merge makes the pending edits again on the disk's text.
func (s *Session) merge(c *Conflict) error {
	texts := s.texts()
	disks := make([][]byte, len(s.files))
	for i, f := range s.files {
		disks[i] = f.disk
	}
	changed := map[int]bool{}
	for _, ch := range c.Changes {
		i := slices.IndexFunc(s.files, func(f *file) bool { return f.path == ch.Path })
		if i < 0 || ch.new {
			continue
		}
		format := JSONL
		if i == 0 {
			format = FormatOf(ch.Path, ch.Data)
		}
		t, err := parseText(format, ch.Data)
		if err != nil {
			return fmt.Errorf("cannot merge: %v", err)
		}
		texts[i], disks[i], changed[i] = t, ch.Data, true
	}
	pending := slices.Clone(s.pending)
	for k, p := range pending {
		if !changed[p.file] {
			continue
		}
		nt, inv, touched, err := p.edit.apply(texts[p.file])
		if err != nil {
			return fmt.Errorf("cannot merge: %s: %v", p.edit, err)
		}
		texts[p.file] = nt
		pending[k] = part{file: p.file, edit: p.edit, inverse: inv, touched: touched}
	}
	s.commit(texts)
	for i := range s.files {
		s.files[i].disk = disks[i]
	}
	s.pending = pending
	// New statement files named on disk join the session as they are.
	for _, ch := range c.Changes {
		if ch.new {
			if f, err := newFile(ch.Path, ch.name, ch.Data, JSONL); err == nil {
				s.files = append(s.files, f)
			}
		}
	}
	return nil
}

// besideName is the name of a copy kept beside path: talks.yaml gives
// talks.mine.yaml.
func besideName(path, what string) string {
	ext := filepath.Ext(path)
	return strings.TrimSuffix(path, ext) + "." + what + ext
}
