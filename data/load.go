package data

import (
	"bytes"
	"errors"
	"fmt"
	"io/fs"
	"maps"
	"math"
	"os"
	"path"
	"path/filepath"
	"slices"
	"strings"
	"unicode/utf8"
)

// Load reads a dossier file (YAML, or JSON by its .json extension or its
// first character), the source files and statement files it names, checks
// every rule of the format and returns the dossier with its indexes.
//
// Problems holds every error and warning, sorted by place. When any is an
// error the dossier is nil and err is an *InvalidError; a file that cannot
// be read at all is a plain error.
func Load(file string) (*Dossier, Problems, error) { return LoadWith(file, LoadOptions{}) }

// LoadOptions change how LoadWith reads a dossier; the zero value is Load.
// They serve callers that keep statements elsewhere (the search cache).
type LoadOptions struct {
	// Bytes, when not nil, are the dossier file's content, already read
	// (and checked) by the caller; the file itself is not read again.
	Bytes []byte
	// OnRead is told every file read besides the dossier file, as a path
	// joined to the dossier's directory.
	OnRead func(path string)
	// Skip, when it returns true for a statement file's path, leaves that
	// file unread: its statements come from the caller, who adds them with
	// Dossier.Reindex. The read policy is still asked: a skipped file it
	// refuses is an error, as if it were read.
	Skip func(path string) bool
	// Policy says which files the dossier may name besides its own (see
	// ReadPolicy); the zero value admits only the dossier's folder tree.
	Policy ReadPolicy
	// Discard, when set, makes a version-1 dossier's statement files
	// stream through: each statement read from them is checked, handed to
	// Discard and let go, so that checking a million holds none of them
	// (parley validate). Dossier.Statements then has only the statements
	// of the dossier file itself. A statement's strings are valid during
	// the call only. A 1.1 dossier, whose rules look statements up by id
	// once all are read, keeps them as usual and Discard is not called.
	Discard func(*Statement)

	// slowJSONL turns the fast path of statement files off: tests of the
	// package compare the two paths.
	slowJSONL bool
	// stream, when not zero, are the sizes statement files are streamed
	// in: tests make them small.
	stream streamSizes
}

// LoadWith is Load with options.
func LoadWith(file string, opts LoadOptions) (*Dossier, Problems, error) {
	src := opts.Bytes
	if src == nil {
		var err error
		if src, err = ReadDossierFile(file); err != nil {
			return nil, nil, fmt.Errorf("%s: %w", file, err)
		}
	}
	files := opts.Policy.Files(file)
	told := func(name string) string {
		name = files.Path(name)
		if opts.OnRead != nil {
			opts.OnRead(name)
		}
		return name
	}
	read := func(name string, limit int64, what string) ([]byte, error) {
		told(name)
		return files.ReadFile(name, limit, what)
	}
	open := func(name string) (*os.File, error) {
		told(name)
		f, _, err := files.Open(name)
		return f, err
	}
	var skip func(string) (bool, error)
	if opts.Skip != nil {
		skip = func(name string) (bool, error) {
			if !opts.Skip(files.Path(name)) {
				return false, nil
			}
			// Skipped, as the caller holds its statements, but only if the
			// policy admits it now: what a cache holds was allowed once.
			_, _, _, err := files.Check(name)
			return true, err
		}
	}
	d, probs, err := parseFiles(file, src, read, fileHooks{open: open, skip: skip, discard: opts.Discard, slowJSONL: opts.slowJSONL, stream: opts.stream})
	if d != nil {
		d.Path = file
	}
	return d, probs, err
}

// Parse reads a dossier from bytes. name is used in messages and picks the
// format by extension; source and statement files are read from fsys (nil
// when the dossier names none). Parse trusts fsys to hold only what the
// dossier may read: for files on disk, give it ReadPolicy.Files(...).FS()
// (os.DirFS follows links out of its folder). A file fsys can stat is
// refused before it is opened when it is not a regular file or is larger
// than its kind allows; any file is read from its opened file to that
// limit at most, never whole first.
func Parse(name string, src []byte, fsys fs.FS) (*Dossier, Problems, error) {
	return parseFS(name, src, fsys, fileHooks{})
}

// parseFS is Parse with hooks.
func parseFS(name string, src []byte, fsys fs.FS, hooks fileHooks) (*Dossier, Problems, error) {
	return parseFiles(name, src, func(file string, limit int64, what string) ([]byte, error) {
		if fsys == nil {
			return nil, errors.New("no directory to read it from")
		}
		file = path.Clean(file)
		if limit <= 0 {
			limit = math.MaxInt64 - 1
		}
		if _, ok := fsys.(fs.StatFS); ok {
			fi, err := fs.Stat(fsys, file)
			if err != nil {
				return nil, err
			}
			if err := regular(file, file, fi); err != nil {
				return nil, err
			}
			if fi.Size() > limit {
				return nil, &TooLargeError{Size: fi.Size(), Limit: limit, What: what}
			}
		}
		// Read through the opened file, at most to the limit: fs.ReadFile
		// would read a file of any size whole before its size is checked
		// (an fs.FS that cannot stat, such as an editing session's
		// overlay, gave 512 MiB of a sparse file to a source text).
		f, err := fsys.Open(file)
		if err != nil {
			return nil, err
		}
		defer f.Close()
		fi, err := f.Stat()
		if err != nil {
			return nil, err
		}
		if err := regular(file, file, fi); err != nil {
			return nil, err
		}
		return readLimited(f, fi, limit, what)
	}, hooks)
}

func unwrapPathError(err error) error {
	var pe *fs.PathError
	if errors.As(err, &pe) {
		return pe.Err
	}
	return err
}

// readFunc reads a file the dossier names, whole, refusing one of more
// than limit bytes (no limit when limit ≤ 0); what names the kind of file
// for the message ("a source text").
type readFunc func(name string, limit int64, what string) ([]byte, error)

// fileHooks change how parseFiles reads the files a dossier names, and
// how much work it spends on hints.
type fileHooks struct {
	// open, when set, opens a file read needs: statement files are then
	// read a piece at a time instead of whole.
	open func(string) (*os.File, error)
	// skip, when set, names statement files to leave unread
	// (LoadOptions.Skip), or says why one may not be read.
	skip func(string) (bool, error)
	// discard takes the statements of statement files instead of the
	// dossier (LoadOptions.Discard).
	discard func(*Statement)
	// slowJSONL turns the fast path of statement files off, so tests can
	// compare the two paths.
	slowJSONL bool
	// stream, when not zero, are the sizes statement files are streamed in
	// (LoadOptions.stream), instead of defaultStreamSizes.
	stream streamSizes
	// hintPairs, when not 0, bounds the work of "did you mean" hints
	// instead of the constant hintPairs.
	hintPairs int
}

// parseFiles is parse with hooks.
func parseFiles(name string, src []byte, read readFunc, hooks fileHooks) (*Dossier, Problems, error) {
	var probs Problems
	fail := func() (*Dossier, Problems, error) {
		probs.sort()
		return nil, probs, &InvalidError{Problems: probs}
	}
	if err := checkText(src); err != nil {
		probs = append(probs, Problem{Pos: Pos{File: name, Line: err.line, Col: err.col}, Message: err.msg})
		return fail()
	}
	var root *node
	var err error
	if isJSON(name, src) {
		root, err = parseJSON(src)
	} else {
		root, err = parseYAML(src)
	}
	if err != nil {
		var pe *posError
		if errors.As(err, &pe) {
			probs = append(probs, Problem{Pos: Pos{File: name, Line: pe.line, Col: pe.col}, Message: pe.msg})
		} else {
			probs = append(probs, Problem{Pos: Pos{File: name}, Message: err.Error()})
		}
		return fail()
	}
	dc := &decoder{file: name, probs: &probs, at: map[any]*node{}}
	d := dc.dossier(root)
	v := newValidator(dc, d, read)
	v.open, v.skip, v.slowJSONL = hooks.open, hooks.skip, hooks.slowJSONL
	if hooks.stream != (streamSizes{}) {
		v.stream = hooks.stream
	}
	if hooks.hintPairs != 0 {
		v.hintBudget = hooks.hintPairs
	}
	if hooks.discard != nil && !dc.v11() {
		v.discard = hooks.discard
	}
	v.run()
	probs.sort()
	if probs.Errors() > 0 {
		return nil, probs, &InvalidError{Problems: probs}
	}
	return d, probs, nil
}

func isJSON(name string, src []byte) bool {
	switch strings.ToLower(filepath.Ext(name)) {
	case ".json", ".jsonl":
		return true
	case ".yaml", ".yml":
		return false
	}
	t := bytes.TrimLeft(src, " \t\r\n\ufeff")
	return len(t) > 0 && t[0] == '{'
}

// checkText rejects what is not text before any parser sees it: empty
// files, binary data and invalid UTF-8, with the place of the first bad byte.
func checkText(src []byte) *posError {
	if len(bytes.TrimSpace(src)) == 0 {
		return &posError{0, 0, "the file is empty"}
	}
	if nul := bytes.IndexByte(src, 0); nul >= 0 {
		line := 1 + bytes.Count(src[:nul], []byte("\n"))
		lineStart := bytes.LastIndexByte(src[:nul], '\n') + 1
		return &posError{line, utf8.RuneCount(src[lineStart:nul]) + 1, "a NUL byte: this is a binary file, not a dossier"}
	}
	if utf8.Valid(src) {
		return nil
	}
	line, lineStart := 1, 0
	for i := 0; i < len(src); {
		c := src[i]
		if c < utf8.RuneSelf {
			if c == '\n' {
				line, lineStart = line+1, i+1
			}
			i++
			continue
		}
		r, n := utf8.DecodeRune(src[i:])
		if r == utf8.RuneError && n == 1 {
			return &posError{line, utf8.RuneCount(src[lineStart:i]) + 1, fmt.Sprintf("byte %#02x is not UTF-8; save the file as UTF-8", c)}
		}
		i += n
	}
	return nil
}

// readStatementFile reads a JSON Lines file of statements, one object a
// line; blank lines and lines starting with // are skipped. Most lines take
// the fast path (jsonl.go); the rest, and every line with something to
// report, the slow one.
func (v *validator) readStatementFile(ref *node, file string) {
	if v.skip != nil {
		skip, err := v.skip(file)
		if err != nil {
			v.dc.errorf(ref, "statement_files: cannot read %q: %v", file, unwrapPathError(err))
			return
		}
		if skip {
			return
		}
	}
	if v.open != nil && !v.slowJSONL {
		v.streamStatementFile(ref, file)
		return
	}
	data, err := v.read(file, 0, "a statement file")
	if err != nil {
		v.dc.errorf(ref, "statement_files: cannot read %q: %v", file, unwrapPathError(err))
		return
	}
	name := v.relName(file)
	dc := &decoder{file: name, probs: v.dc.probs, version: v.dc.version}
	if perr := checkText(data); perr != nil && perr.line > 0 {
		dc.errorf(&node{line: perr.line, col: perr.col}, "%s", perr.msg)
		return
	}
	var fast *jsonlReader
	if !v.slowJSONL {
		fast = newJSONLReader(v, dc) // its strings point into data
		v.reserve(bytes.Count(data, []byte("\n")) + 1)
	}
	// The lines are those of bufio.ScanLines: split at LF, a CR before it
	// dropped, no empty line after a final LF.
	line := 0
	for rest := data; len(rest) > 0; {
		text := rest
		if nl := bytes.IndexByte(rest, '\n'); nl >= 0 {
			text, rest = rest[:nl], rest[nl+1:]
		} else {
			rest = nil
		}
		if n := len(text); n > 0 && text[n-1] == '\r' {
			text = text[:n-1]
		}
		line++
		v.statementLine(dc, fast, text, line)
	}
	if fast != nil {
		jsonlFastLines.Add(int64(fast.fastLines))
	}
}

// statementLine reads one line: blank lines and // comments are skipped.
func (v *validator) statementLine(dc *decoder, fast *jsonlReader, text []byte, line int) {
	if len(text) > MaxStatementLine {
		longLine(dc, line)
		return
	}
	trimmed := bytes.TrimSpace(text)
	if len(trimmed) == 0 || bytes.HasPrefix(trimmed, []byte("//")) {
		return
	}
	if fast != nil && fast.statement(text, line) {
		return
	}
	v.slowStatement(dc, text, line)
}

// slowStatement reads one line through the node tree: the reference for
// the fast path, and what every line with a problem goes through.
func (v *validator) slowStatement(dc *decoder, text []byte, line int) {
	p := jsonParser{src: text, line: line, oneLine: true}
	p.space()
	n, err := p.value(0)
	if err == nil {
		p.space()
		if p.i < len(p.src) {
			err = p.errf("unexpected %s after the statement; put one statement on each line", p.what())
		}
	}
	if err != nil {
		var pe *posError
		if errors.As(err, &pe) {
			dc.errorf(&node{line: pe.line, col: pe.col}, "%s", pe.msg)
		}
		return
	}
	s := dc.statement(n)
	if s == nil {
		return
	}
	if v.discard != nil {
		v.checkStatement(dc, s, n)
		v.discard(s)
		return
	}
	v.d.Statements = append(v.d.Statements, s)
	v.checkStatement(dc, s, n)
}

// reserve makes room for n more statements, so a large file does not
// grow the list and the id table step by step.
func (v *validator) reserve(n int) {
	if v.discard == nil {
		v.d.Statements = slices.Grow(v.d.Statements, n)
	}
	if len(v.statementIDs) < n/4 {
		ids := make(map[string]idPlace, len(v.statementIDs)+n)
		maps.Copy(ids, v.statementIDs)
		v.statementIDs = ids
	}
}

func (v *validator) relName(file string) string {
	if filepath.IsAbs(file) || v.dc.file == "" {
		return file
	}
	return filepath.Join(filepath.Dir(v.dc.file), filepath.FromSlash(file))
}
