package edit

import (
	"bytes"
	"errors"
	"fmt"
	"io/fs"
	"math"
	"os"
	"path"
	"path/filepath"
	"slices"
	"strings"
	"time"

	"github.com/parley-dev/parley/data"
)

// A Session is a dossier being edited: the dossier file and its statement
// files as text, the edits made to them, and what the files on disk held
// when they were last read or written. It does I/O only in Open, Changed,
// Save and Perform; the rest works on memory, so a Bubble Tea model can
// call it from Update and do the I/O in commands.
type Session struct {
	// Path is the dossier file.
	Path  string
	files []*file
	reads *data.DossierFiles // every file the dossier names is read through it

	undo, redo []step
	// pending is every change applied since the files were read or
	// written, in order: what a merge replays on the disk's new text.
	pending []part
}

// file is one file of the session: [0] the dossier, then its statement
// files in the order it names them.
type file struct {
	path string // as opened (the dossier's directory joined with the name)
	name string // as the dossier names it ("" for the dossier)
	disk []byte // what the file held when last read or written
	cur  *text
}

// step is one undoable change: the parts it made, file by file.
type step struct {
	name  string
	parts []part
}

// part is one edit applied to one file, with the edit that undoes it.
type part struct {
	file    int
	edit    Edit
	inverse Edit
	touched []Ref
}

// Open reads a dossier file and the statement files it names for editing.
// The dossier should validate (data.Load) before it is edited; Open only
// needs it to parse. The files the dossier names are read through the read
// policy (data.ReadPolicy): only its own; OpenWith allows more.
func Open(path string) (*Session, error) { return OpenWith(path, data.ReadPolicy{}) }

// OpenWith is Open with the folders the user allowed.
func OpenWith(path string, policy data.ReadPolicy) (*Session, error) {
	src, err := data.ReadDossierFile(path)
	if err != nil {
		return nil, err
	}
	s := &Session{Path: path, reads: policy.Files(path)}
	f, err := newFile(path, "", src, FormatOf(path, src))
	if err != nil {
		return nil, err
	}
	s.files = []*file{f}
	if err := s.openStatementFiles(s.readNamed); err != nil {
		return nil, err
	}
	return s, nil
}

// OpenBytes is Open for a dossier already read (its statement files are
// read from disk, beside path, through the read policy's default).
func OpenBytes(path string, src []byte) (*Session, error) {
	s := &Session{Path: path, reads: data.ReadPolicy{}.Files(path)}
	f, err := newFile(path, "", src, FormatOf(path, src))
	if err != nil {
		return nil, err
	}
	s.files = []*file{f}
	if err := s.openStatementFiles(s.readNamed); err != nil {
		return nil, err
	}
	return s, nil
}

// readNamed reads a file as the dossier names it, through the read policy.
func (s *Session) readNamed(name string) ([]byte, error) {
	return s.reads.ReadStatementFile(name)
}

func newFile(path, name string, src []byte, format Format) (*file, error) {
	t, err := parseText(format, src)
	if err != nil {
		return nil, fmt.Errorf("%s: %v", path, err)
	}
	return &file{path: path, name: name, disk: src, cur: t}, nil
}

// statementFiles is the statement_files list of the dossier's text.
func statementFiles(t *text) []string {
	_, e := t.root.entry("statement_files")
	if e == nil {
		return nil
	}
	switch v := e.v().value().(type) {
	case string:
		return []string{v}
	case []any:
		var out []string
		for _, x := range v {
			if s, ok := x.(string); ok {
				out = append(out, s)
			}
		}
		return out
	}
	return nil
}

func (s *Session) openStatementFiles(read func(string) ([]byte, error)) error {
	dir := filepath.Dir(s.Path)
	for _, name := range statementFiles(s.files[0].cur) {
		p := name
		if !filepath.IsAbs(p) {
			p = filepath.Join(dir, filepath.FromSlash(name))
		}
		if slices.ContainsFunc(s.files, func(f *file) bool { return f.path == p }) {
			continue
		}
		src, err := read(name)
		if err != nil {
			return fmt.Errorf("statement_files: %s: %w", name, err)
		}
		f, err := newFile(p, name, src, JSONL)
		if err != nil {
			return err
		}
		s.files = append(s.files, f)
	}
	return nil
}

// Files lists the session's files: the dossier first.
func (s *Session) Files() []string {
	out := make([]string, len(s.files))
	for i, f := range s.files {
		out[i] = f.path
	}
	return out
}

// Text is the current text of one of the session's files (nil if it is not
// one of them).
func (s *Session) Text(path string) []byte {
	for _, f := range s.files {
		if f.path == path {
			return f.cur.bytes()
		}
	}
	return nil
}

// Modified reports whether there are edits not yet saved.
func (s *Session) Modified() bool {
	for _, f := range s.files {
		if !bytes.Equal(f.cur.bytes(), f.disk) {
			return true
		}
	}
	return false
}

// CanUndo and CanRedo report whether there is something to undo or redo.
func (s *Session) CanUndo() bool { return len(s.undo) > 0 }
func (s *Session) CanRedo() bool { return len(s.redo) > 0 }

// Apply makes an edit (every file it touches changes, or none does) and
// puts it on the undo stack.
func (s *Session) Apply(e Edit) error {
	texts := s.texts()
	parts, err := s.route(texts, e)
	if err != nil {
		return err
	}
	s.commit(texts)
	s.undo = append(s.undo, step{name: e.String(), parts: parts})
	s.redo = nil
	s.pending = append(s.pending, parts...)
	return nil
}

// Undo undoes the last edit and says which it was.
func (s *Session) Undo() (string, error) { return s.swap(&s.undo, &s.redo) }

// Redo makes the last undone edit again and says which it was.
func (s *Session) Redo() (string, error) { return s.swap(&s.redo, &s.undo) }

// swap applies the inverses of the last step of from and moves it to to.
func (s *Session) swap(from, to *[]step) (string, error) {
	if len(*from) == 0 {
		return "", errors.New("nothing to undo")
	}
	st := (*from)[len(*from)-1]
	texts := s.texts()
	var back []part
	for i := len(st.parts) - 1; i >= 0; i-- {
		p := st.parts[i]
		nt, inv, touched, err := p.inverse.apply(texts[p.file])
		if err != nil {
			return "", fmt.Errorf("cannot undo %s: %v", st.name, err)
		}
		texts[p.file] = nt
		back = append(back, part{file: p.file, edit: p.inverse, inverse: inv, touched: touched})
	}
	s.commit(texts)
	*from = (*from)[:len(*from)-1]
	*to = append(*to, step{name: st.name, parts: back})
	s.pending = append(s.pending, back...)
	return st.name, nil
}

func (s *Session) texts() []*text {
	out := make([]*text, len(s.files))
	for i, f := range s.files {
		out[i] = f.cur
	}
	return out
}

func (s *Session) commit(texts []*text) {
	for i, t := range texts {
		s.files[i].cur = t
	}
}

// route applies an edit to the files it concerns, in texts.
func (s *Session) route(texts []*text, e Edit) ([]part, error) {
	one := func(i int, e Edit) ([]part, error) {
		nt, inv, touched, err := e.apply(texts[i])
		if err != nil {
			return nil, err
		}
		texts[i] = nt
		return []part{{file: i, edit: e, inverse: inv, touched: touched}}, nil
	}
	switch e := e.(type) {
	case Batch:
		var parts []part
		for _, sub := range e.Edits {
			p, err := s.route(texts, sub)
			if err != nil {
				return nil, err
			}
			parts = append(parts, p...)
		}
		return parts, nil
	case Rename:
		var parts []part
		found := false
		if e.List == Actors || e.List == Sources {
			other := Sources
			if e.List == Sources {
				other = Actors
			}
			e.sharedVia = texts[0].has(ID(other, e.From))
		}
		for i := range texts {
			if texts[i].has(ID(e.List, e.From)) {
				found = true
			}
			p, err := one(i, e)
			if err != nil {
				return nil, err
			}
			if len(p[0].touched) > 0 {
				parts = append(parts, p...)
			}
		}
		if !found {
			return nil, fmt.Errorf("rename: %s: %w", ID(e.List, e.From), ErrNotFound)
		}
		return parts, nil
	case Add:
		if e.In == nil && e.List == Statements {
			ref := e.about()
			for i, t := range texts[1:] {
				if t.has(ref) {
					return nil, fmt.Errorf("add: %s already exists in %s", ref, s.files[i+1].name)
				}
			}
		}
		return one(0, e)
	}
	ref := e.about().top()
	if ref.List == Statements {
		for i, t := range texts {
			if t.has(ref) {
				return one(i, e)
			}
		}
	}
	return one(0, e)
}

// NewID makes an id for a new record of list from words: see Slug. It is
// unique among the list's ids in every file of the session.
func (s *Session) NewID(list string, words ...string) string {
	taken := map[string]bool{}
	for _, f := range s.files {
		_, _, l, err := f.cur.list(nil, list)
		if err != nil || l == nil {
			continue
		}
		for _, e := range l.elems {
			if id := itemID(e); id != "" {
				taken[id] = true
			}
		}
	}
	return UniqueID(Slug(words...), func(id string) bool { return taken[id] })
}

// Check reads the session's current text as parley would load it: the
// dossier with its problems, or nil and the problems when it has errors.
// Sources and files the session does not hold are read from disk.
func (s *Session) Check() (*data.Dossier, data.Problems, error) { return s.Snapshot().Check() }

// overlay is the dossier's directory with the session's statement files
// as they are now, not as they are on disk. Every other file is opened
// through dir (the read policy's FS), and read by data.Parse from the
// opened file, to its kind's size limit.
type overlay struct {
	dir   fs.FS
	files map[string][]byte
}

func (o overlay) Open(name string) (fs.File, error) {
	if b, ok := o.files[name]; ok {
		return &heldFile{Reader: bytes.NewReader(b), name: name, size: int64(len(b))}, nil
	}
	return o.dir.Open(name)
}

// heldFile is a statement file the session holds, opened from memory.
type heldFile struct {
	*bytes.Reader
	name string
	size int64
}

func (h *heldFile) Stat() (fs.FileInfo, error) { return heldInfo{h.name, h.size}, nil }
func (h *heldFile) Close() error               { return nil }

type heldInfo struct {
	name string
	size int64
}

func (i heldInfo) Name() string       { return path.Base(i.name) }
func (i heldInfo) Size() int64        { return i.size }
func (i heldInfo) Mode() fs.FileMode  { return 0o444 }
func (i heldInfo) ModTime() time.Time { return time.Time{} }
func (i heldInfo) IsDir() bool        { return false }
func (i heldInfo) Sys() any           { return nil }

// ErrInvalid is returned (wrapped) by Writes when the dossier has errors:
// it is not saved, so that parley can still open it.
var ErrInvalid = errors.New("the dossier has errors")

// A Write is one file a save writes.
type Write struct {
	Path string
	Data []byte
	// Was is what the file held when the session last read or wrote it:
	// Perform refuses to write over anything else (ErrChangedOnDisk).
	Was []byte
	// Beside marks a copy kept beside the dossier after a conflict: it is
	// written under a new name (Path, or Path with -2, -3, … before its
	// extension), never over a file.
	Beside bool
	file   int
}

// ErrChangedOnDisk is returned (wrapped) when a file changed on disk since
// the session read it: saving would overwrite someone else's change.
var ErrChangedOnDisk = errors.New("the file changed on disk since it was read")

// Writes is what saving the session writes: every file with unsaved edits.
// It is refused (ErrInvalid, with the problems) when the dossier has errors.
func (s *Session) Writes() ([]Write, error) { return s.Snapshot().Writes() }

// Written is the outcome of one Write.
type Written struct {
	Write
	// Path is where it was written (a Beside copy may get another name).
	Path string
	Err  error
}

// WriteFunc writes a file whole, atomically, over any file there.
type WriteFunc func(path string, data []byte) error

// AtomicWrite is the WriteFunc parley uses: data.WriteFileAtomic.
func AtomicWrite(path string, b []byte) error { return data.WriteFileAtomic(path, b, true) }

// Perform does the writes (write is AtomicWrite when nil): a file is
// written only if it still holds what the session last saw, a copy beside
// only under a name nobody uses. It stops at the first failure; the
// results say what was written.
func Perform(ws []Write, write WriteFunc) []Written {
	beside := write
	if write == nil {
		write = AtomicWrite
	}
	out := make([]Written, 0, len(ws))
	for _, w := range ws {
		r := Written{Write: w, Path: w.Path}
		if w.Beside {
			r.Path, r.Err = writeBeside(w.Path, w.Data, beside)
		} else if now, err := readOnDisk(w.Path); err != nil && !errors.Is(err, fs.ErrNotExist) {
			r.Err = err
		} else if err == nil && !bytes.Equal(now, w.Was) {
			r.Err = fmt.Errorf("%s: %w", w.Path, ErrChangedOnDisk)
		} else {
			r.Err = write(w.Path, w.Data)
		}
		out = append(out, r)
		if r.Err != nil {
			break
		}
	}
	return out
}

// readOnDisk reads what a file to be saved over holds now, with the care
// of every read: a named pipe, a device or a folder put in its place is
// refused before it is opened, not waited on or read without end.
func readOnDisk(path string) ([]byte, error) {
	b, err := data.ReadUserFile(path, math.MaxInt64-1, "a file to save over")
	if err != nil && !errors.Is(err, fs.ErrNotExist) {
		return nil, fmt.Errorf("%s: %w", path, err)
	}
	return b, err
}

func writeBeside(p string, b []byte, write WriteFunc) (string, error) {
	ext := filepath.Ext(p)
	base := strings.TrimSuffix(p, ext)
	for n := 1; n < 1000; n++ {
		name := p
		if n > 1 {
			name = fmt.Sprintf("%s-%d%s", base, n, ext)
		}
		if _, err := os.Lstat(name); err == nil {
			continue
		} else if !errors.Is(err, fs.ErrNotExist) {
			return "", err
		}
		if write == nil {
			return name, data.WriteFileAtomic(name, b, false)
		}
		return name, write(name, b)
	}
	return "", fmt.Errorf("%s: no free name for a copy", p)
}

// Wrote takes in the outcome of Perform: each file written now holds what
// the session has. It returns the first failure, saying the edits are kept.
func (s *Session) Wrote(rs []Written) error {
	var first error
	for _, r := range rs {
		if r.Err != nil {
			if first == nil {
				first = fmt.Errorf("not saved: %w; the edits are kept, not lost", r.Err)
			}
			continue
		}
		if !r.Beside && r.file < len(s.files) && s.files[r.file].path == r.Write.Path {
			s.files[r.file].disk = r.Data
		}
	}
	// What is on disk now needs no merging any more.
	s.pending = slices.DeleteFunc(s.pending, func(p part) bool {
		f := s.files[p.file]
		return bytes.Equal(f.cur.bytes(), f.disk)
	})
	return first
}

// Save writes every file with unsaved edits, atomically (write is
// AtomicWrite when nil). On failure nothing is lost: the edits stay in the
// session and the error says why.
func (s *Session) Save(write WriteFunc) error {
	ws, err := s.Writes()
	if err != nil {
		return err
	}
	return s.Wrote(Perform(ws, write))
}

// RecordAt names the record that holds a place in one of the session's
// files (a problem's data.Pos, as Check reports it): the top-level record,
// or for a line of the dossier outside every list, the dossier's field
// there. ok is false for a place in no record (a comment between them).
func (s *Session) RecordAt(pos data.Pos) (Ref, bool) {
	var f *file
	for _, g := range s.files {
		if g.path == pos.File || filepath.Clean(g.path) == filepath.Clean(pos.File) {
			f = g
		}
	}
	if f == nil || pos.Line < 1 {
		return Ref{}, false
	}
	t := f.cur
	off := newLines(t.src).offset(pos.Line, max(pos.Col, 1))
	for _, e := range t.root.elems {
		if off < e.start || off >= max(e.end, e.start+1) {
			continue
		}
		if e.v().kind != lSeq || e.key == "compare" || e.key == "statement_files" {
			return Ref{Key: []Field{{"field", e.key}}}, true
		}
		for _, it := range e.v().elems {
			if off >= it.start && off < it.end {
				if it.val == nil && it.id != "" {
					return ID(e.key, it.id), true
				}
				if r, ok := it.v().value().(*Record); ok {
					if ref := KeyOf(nil, e.key, r); len(ref.Key) > 0 {
						return ref, true
					}
				}
				return Ref{}, false
			}
		}
		return Ref{}, false
	}
	return Ref{}, false
}
