package data

import (
	"bytes"
	"errors"
	"fmt"
	"io"
	"io/fs"
	"math"
	"os"
	"path/filepath"
	"strings"
)

// The read policy: which files a dossier may make parley read.
//
// Dossiers travel — mailed by a colleague, shared in a folder, shipped
// with a repository — and opening one must be as safe as opening a text
// file. A dossier names other files (a source's file:, statement_files:),
// and without a rule it could name any file the user can read, a private
// key or a cloud credentials file, and pull it into the explorer and into
// every export. So every file a dossier names is read only through
// DossierFiles.Open, which admits a file when:
//
//   - its real path (symlinks resolved) lies inside the dossier's folder
//     tree, or inside a folder the user allowed (ReadPolicy.Allow: the
//     settings' allow: list, or --allow for one run);
//   - no file or folder on the way down from that folder is hidden (a name
//     starting with "."), so that a dossier saved in the home folder
//     cannot name .ssh/id_ed25519;
//   - it is a regular file: a device, a named pipe, a socket or a folder
//     is refused before it is opened for reading (stat first, then an open
//     that cannot block, then the opened file checked again), so nothing
//     hangs waiting for a writer or reads an endless device.
//
// The open goes through an os.Root of the admitting folder, so a symlink
// swapped in between the check and the open cannot lead out of it.
// Anything refused is an error naming the file as written, where it
// really points, and how to allow it; never a silent read.
//
// Sizes are bounded too: a source text by MaxSourceSize (and all of a
// dossier's by MaxSourcesTotal), a line of a
// statement file by MaxStatementLine (statement files themselves stream,
// so their size is not, except where one is held whole to be edited:
// ReadStatementFile); the dossier and settings files, which the user
// names, are read by ReadUserFile, which refuses what is not a regular
// file and reads at most a limit.
//
// Every reader of the files a dossier names goes through this policy:
// LoadWith (and so Load, validate, every command, the explorer and the
// search cache, which checks a cached statement file's admission again at
// every open). A new reader — an import into a dossier, a live reload, an
// editor of statement files — must open through ReadPolicy.Files too.

// ReadPolicy says which folders, besides each dossier's own folder tree,
// the files a dossier names may come from. The zero value admits only the
// dossier's own files.
type ReadPolicy struct {
	// Allow lists folders whose files any dossier may name. A leading ~/
	// is the home folder; a relative folder is relative to the working
	// directory. A folder that does not exist admits nothing.
	Allow []string
}

// Limits on what a dossier can make parley hold.
const (
	// MaxSourceSize bounds a source text read from a file (file:). Large
	// collections belong in statement files, which are read a line at a
	// time.
	MaxSourceSize = 16 << 20
	// MaxSourcesTotal bounds the source texts of one dossier read from
	// files, all together (a dossier naming one large file a hundred
	// times must not hold it a hundred times).
	MaxSourcesTotal = 32 << 20
	// MaxStatementLine bounds one line of a statement file.
	MaxStatementLine = 1 << 20
	// MaxHeldStatementFile bounds a statement file held whole, as an
	// editing session holds the files it edits (a million statements are
	// about 400 MB; loading streams them and has no such bound).
	MaxHeldStatementFile = 2 << 30
	// maxDossierSize bounds a dossier file (YAML has its own, lower limit).
	maxDossierSize = 256 << 20
	// maxConfigSize bounds the settings file.
	maxConfigSize = 1 << 20
)

// DossierFiles is the read policy applied to one dossier: every file the
// dossier names is opened through it.
type DossierFiles struct {
	dir   string   // the dossier's directory as written: names are relative to it
	roots []string // real paths of the folders that admit files; the dossier's first
}

// Files applies the policy to the dossier file at path.
func (p ReadPolicy) Files(dossier string) *DossierFiles {
	f := &DossierFiles{dir: filepath.Dir(dossier)}
	if own, err := realDir(f.dir); err == nil {
		f.roots = append(f.roots, own)
	}
	for _, a := range p.Allow {
		if real, err := realDir(expandHome(a)); err == nil {
			f.roots = append(f.roots, real)
		}
	}
	return f
}

func realDir(dir string) (string, error) {
	abs, err := filepath.Abs(dir)
	if err != nil {
		return "", err
	}
	return filepath.EvalSymlinks(abs)
}

// expandHome resolves a leading ~/.
func expandHome(p string) string {
	if rest, ok := strings.CutPrefix(p, "~/"); ok {
		if home, err := os.UserHomeDir(); err == nil {
			return filepath.Join(home, rest)
		}
	}
	if p == "~" {
		if home, err := os.UserHomeDir(); err == nil {
			return home
		}
	}
	return p
}

// Path is a name as the dossier writes it, joined to the dossier's
// directory.
func (f *DossierFiles) Path(name string) string {
	if filepath.IsAbs(name) {
		return filepath.Clean(name)
	}
	return filepath.Join(f.dir, filepath.FromSlash(name))
}

// RefusedError is a file a dossier names that the read policy refuses.
// Its message goes after `cannot read "NAME": `.
type RefusedError struct {
	Name   string // as the dossier writes it
	Real   string // where it really is, symlinks resolved ("" when unknown)
	Reason string
}

func (e *RefusedError) Error() string { return e.Reason }

// ErrRefused matches every RefusedError (errors.Is).
var ErrRefused = errors.New("refused by the read policy")

func (e *RefusedError) Is(target error) bool { return target == ErrRefused }

// Check resolves a name the dossier writes and says whether the policy
// admits it, without opening it: the real path, and the folder that
// admits it with the path below that folder.
func (f *DossierFiles) Check(name string) (real, root, rel string, err error) {
	written := f.Path(name)
	abs, err := filepath.Abs(written)
	if err != nil {
		return "", "", "", err
	}
	real, err = filepath.EvalSymlinks(abs)
	if err != nil {
		// A file that is not there is refused as outside when its path
		// is, so that a dossier cannot learn which files exist elsewhere.
		dirAbs, _ := filepath.Abs(f.dir)
		for _, r := range append([]string{dirAbs}, f.roots...) {
			if _, ok := below(r, abs); ok {
				return "", "", "", unwrapPathError(err)
			}
		}
		real = filepath.Clean(abs)
	}
	var hidden error
	for _, r := range f.roots {
		if err != nil {
			break
		}
		rel, ok := below(r, real)
		if !ok {
			continue
		}
		if h := hiddenPart(rel); h != "" {
			if hidden == nil {
				hidden = &RefusedError{Name: name, Real: real, Reason: fmt.Sprintf(
					"%s in a hidden file or folder (%s) under %s: parley does not read hidden files a dossier names; %s",
					leadsTo(name, abs, real), h, r, allowHint(filepath.Dir(real)))}
			}
			continue
		}
		return real, r, rel, nil
	}
	if hidden != nil {
		return real, "", "", hidden
	}
	where := "the dossier's folder"
	if len(f.roots) > 0 {
		where += " " + f.roots[0]
	}
	if len(f.roots) > 1 {
		where += " and the allowed folders"
	}
	return real, "", "", &RefusedError{Name: name, Real: real, Reason: fmt.Sprintf(
		"%s outside %s: parley reads only a dossier's own files; %s",
		leadsTo(name, abs, real), where, allowHint(filepath.Dir(real)))}
}

// leadsTo says where a name really points: "it is", "it is REAL," or
// "it leads through a link to REAL,".
func leadsTo(name, abs, real string) string {
	switch {
	case name == real:
		return "it is"
	case filepath.Clean(abs) == real:
		return "it is " + real + ","
	}
	return "it leads through a link to " + real + ","
}

func allowHint(dir string) string {
	return fmt.Sprintf("to read it, allow its folder: --allow %s for one run, or allow: [%s] in the settings (parley config path)", dir, dir)
}

// below is the path of p below root, when p is root or inside it.
func below(root, p string) (string, bool) {
	rel, err := filepath.Rel(root, p)
	if err != nil || rel == ".." || strings.HasPrefix(rel, ".."+string(filepath.Separator)) || filepath.IsAbs(rel) {
		return "", false
	}
	return rel, true
}

// hiddenPart is the first name of rel that starts with a dot, or "".
func hiddenPart(rel string) string {
	if rel == "." {
		return ""
	}
	for part := range strings.SplitSeq(rel, string(filepath.Separator)) {
		if strings.HasPrefix(part, ".") {
			return part
		}
	}
	return ""
}

// Open opens a file the dossier names for reading, when the policy admits
// it and it is a regular file.
func (f *DossierFiles) Open(name string) (*os.File, fs.FileInfo, error) {
	real, root, rel, err := f.Check(name)
	if err != nil {
		return nil, nil, err
	}
	fi, err := os.Stat(real)
	if err != nil {
		return nil, nil, unwrapPathError(err)
	}
	if err := regular(name, real, fi); err != nil {
		return nil, nil, err
	}
	r, err := os.OpenRoot(root)
	if err != nil {
		return nil, nil, unwrapPathError(err)
	}
	defer r.Close()
	file, err := r.OpenFile(rel, os.O_RDONLY|openNonblock, 0)
	if err != nil {
		if strings.Contains(err.Error(), "escapes from parent") {
			// Changed into a way out since Check: refuse, as Check would.
			return nil, nil, &RefusedError{Name: name, Real: real, Reason: "it changed into a link out of " + root + " while it was being opened"}
		}
		return nil, nil, unwrapPathError(err)
	}
	fi, err = file.Stat()
	if err == nil {
		err = regular(name, real, fi)
	}
	if err != nil {
		file.Close()
		return nil, nil, err
	}
	return file, fi, nil
}

// regular refuses what is not a regular file, saying what it is.
func regular(name, real string, fi fs.FileInfo) error {
	m := fi.Mode()
	if m.IsRegular() {
		return nil
	}
	what := "not a regular file"
	switch {
	case m.IsDir():
		what = "a folder, not a file"
	case m&fs.ModeNamedPipe != 0:
		what = "a named pipe (FIFO), not a file: reading it would wait for a writer"
	case m&fs.ModeSocket != 0:
		what = "a socket, not a file"
	case m&fs.ModeDevice != 0:
		what = "a device, not a file"
	}
	return &RefusedError{Name: name, Real: real, Reason: "it is " + what}
}

// ReadFile reads a file the dossier names whole, refusing one larger than
// limit bytes (no limit when limit ≤ 0). what names the kind of file for
// the message ("a source text").
func (f *DossierFiles) ReadFile(name string, limit int64, what string) ([]byte, error) {
	if limit <= 0 {
		limit = math.MaxInt64 - 1
	}
	file, fi, err := f.Open(name)
	if err != nil {
		return nil, err
	}
	defer file.Close()
	return readLimited(file, fi, limit, what)
}

// ReadStatementFile reads a statement file the dossier names whole, for
// a reader that must hold it (an editing session): as ReadFile with
// MaxHeldStatementFile, and a line longer than MaxStatementLine ends the
// read at once, as it ends a load, so that a file of no line breaks (an
// endless or sparse one) is never held.
func (f *DossierFiles) ReadStatementFile(name string) ([]byte, error) {
	file, fi, err := f.Open(name)
	if err != nil {
		return nil, err
	}
	defer file.Close()
	const limit = MaxHeldStatementFile
	tooLarge := func(size int64) error {
		return &TooLargeError{Size: size, Limit: limit, What: "a statement file held for editing"}
	}
	if fi.Size() > limit {
		return nil, tooLarge(fi.Size())
	}
	// Not a buffer of the size the file says: a sparse file says much and
	// holds no line break.
	b, err := io.ReadAll(io.LimitReader(&lineLimiter{r: file}, limit+1))
	if err != nil {
		return nil, unwrapPathError(err)
	}
	if int64(len(b)) > limit {
		return nil, tooLarge(int64(len(b)))
	}
	return b, nil
}

// lineLimiter reads on while every line is at most MaxStatementLine long.
type lineLimiter struct {
	r    io.Reader
	line int   // the line being read, from 1
	run  int64 // its bytes so far
}

func (l *lineLimiter) Read(p []byte) (int, error) {
	n, err := l.r.Read(p)
	for rest := p[:n]; ; {
		i := bytes.IndexByte(rest, '\n')
		if i < 0 {
			i = len(rest)
		}
		if l.run += int64(i); l.run > MaxStatementLine {
			return 0, &LineTooLongError{Line: l.line + 1}
		}
		if i == len(rest) {
			break
		}
		l.line++
		l.run, rest = 0, rest[i+1:]
	}
	return n, err
}

// LineTooLongError is a statement file's line longer than MaxStatementLine.
type LineTooLongError struct{ Line int }

func (e *LineTooLongError) Error() string {
	return fmt.Sprintf("line %d is longer than %s; a line of a statement file may be at most %s (one statement a line)",
		e.Line, sizeText(MaxStatementLine), sizeText(MaxStatementLine))
}

func readLimited(r io.Reader, fi fs.FileInfo, limit int64, what string) ([]byte, error) {
	tooLarge := func(size int64) error { return &TooLargeError{Size: size, Limit: limit, What: what} }
	if fi.Size() > limit {
		return nil, tooLarge(fi.Size())
	}
	// Read into a buffer of the size the file says it has, and a byte more
	// to see it grow; growing, it is read on, to the limit.
	b := make([]byte, fi.Size()+1)
	n, err := io.ReadFull(r, b)
	b = b[:n]
	switch err {
	case io.EOF, io.ErrUnexpectedEOF:
		err = nil
	case nil:
		var rest []byte
		rest, err = io.ReadAll(io.LimitReader(r, limit+1-int64(n)))
		b = append(b, rest...)
	}
	if err != nil {
		return nil, unwrapPathError(err)
	}
	if int64(len(b)) > limit {
		return nil, tooLarge(int64(len(b))) // it grew while read
	}
	return b, nil
}

// TooLargeError is a file larger than parley reads for its kind.
type TooLargeError struct {
	Size, Limit int64
	What        string // "a source text"
}

func (e *TooLargeError) Error() string {
	return fmt.Sprintf("it is %s; %s may be at most %s", sizeText(e.Size), e.What, sizeText(e.Limit))
}

func sizeText(n int64) string {
	switch {
	case n >= 1<<20:
		return fmt.Sprintf("%.1f MiB", float64(n)/(1<<20))
	case n >= 1<<10:
		return fmt.Sprintf("%.1f KiB", float64(n)/(1<<10))
	}
	return fmt.Sprintf("%d bytes", n)
}

// ReadDossierFile reads a dossier file the user names, as Load does:
// regular files only, at most 256 MiB (ReadUserFile).
func ReadDossierFile(path string) ([]byte, error) {
	return ReadUserFile(path, maxDossierSize, "a dossier file")
}

// ReadUserFile reads a file the user names (a dossier, the settings) with
// the same care as the files a dossier names, but wherever it is: a
// device, a named pipe, a socket or a folder is refused before it is read,
// and at most limit bytes are read.
func ReadUserFile(path string, limit int64, what string) ([]byte, error) {
	fi, err := os.Stat(path)
	if err != nil {
		return nil, unwrapPathError(err)
	}
	if err := regular(path, path, fi); err != nil {
		return nil, err
	}
	file, err := os.OpenFile(path, os.O_RDONLY|openNonblock, 0)
	if err != nil {
		return nil, unwrapPathError(err)
	}
	defer file.Close()
	if fi, err = file.Stat(); err != nil {
		return nil, unwrapPathError(err)
	}
	if err := regular(path, path, fi); err != nil {
		return nil, err
	}
	return readLimited(file, fi, limit, what)
}

// FS is the dossier's files as an fs.FS that reads through the policy:
// for Parse, or a reader that wants one. Names are slash-separated and
// relative to the dossier's directory, but, unlike most fs.FS, they may
// climb out of it or be absolute, as the dossier writes them
// (../shared/minutes.txt): the policy decides what is read, not the form
// of the name, so an allowed folder is read through FS as Load reads it.
func (f *DossierFiles) FS() fs.FS { return policyFS{f} }

type policyFS struct{ f *DossierFiles }

// validName is a name the dossier may write: not empty, no NUL byte.
func validName(name string) bool { return name != "" && !strings.ContainsRune(name, 0) }

func (p policyFS) Open(name string) (fs.File, error) {
	if !validName(name) {
		return nil, &fs.PathError{Op: "open", Path: name, Err: fs.ErrInvalid}
	}
	file, _, err := p.f.Open(name)
	if err != nil {
		return nil, &fs.PathError{Op: "open", Path: name, Err: err}
	}
	return file, nil
}

func (p policyFS) Stat(name string) (fs.FileInfo, error) {
	if !validName(name) {
		return nil, &fs.PathError{Op: "stat", Path: name, Err: fs.ErrInvalid}
	}
	real, _, _, err := p.f.Check(name)
	if err != nil {
		return nil, &fs.PathError{Op: "stat", Path: name, Err: err}
	}
	return os.Stat(real)
}
