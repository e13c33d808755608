package edit

import (
	"bytes"
	"errors"
	"fmt"
	"io/fs"
	"path"
	"path/filepath"
	"slices"

	"github.com/parley-dev/parley/data"
)

// A Snapshot is the session's files as they are at one moment: what each
// holds now and what it held on disk when last read or written. Taking
// one is cheap (texts are never changed in place, only replaced), and it
// shares nothing a later edit changes, so a Bubble Tea model takes it in
// Update and hands it to a command that does the I/O off the update loop
// — checking the dossier (its sources are read from disk), finding what
// saving writes, or what changed on disk — while the user goes on editing.
type Snapshot struct {
	path  string
	reads *data.DossierFiles
	files []snapFile
}

type snapFile struct {
	path, name string
	disk, cur  []byte
}

// Snapshot takes the session's files as they are now.
func (s *Session) Snapshot() *Snapshot {
	sn := &Snapshot{path: s.Path, reads: s.reads, files: make([]snapFile, len(s.files))}
	for i, f := range s.files {
		sn.files[i] = snapFile{path: f.path, name: f.name, disk: f.disk, cur: f.cur.bytes()}
	}
	return sn
}

// Modified reports whether the snapshot holds edits not saved.
func (sn *Snapshot) Modified() bool {
	for _, f := range sn.files {
		if !bytes.Equal(f.cur, f.disk) {
			return true
		}
	}
	return false
}

// Check reads the snapshot's text as parley would load it: the dossier
// with its problems, or nil and the problems when it has errors. Sources
// and files the session does not hold are read from disk.
func (sn *Snapshot) Check() (*data.Dossier, data.Problems, error) {
	ov := overlay{dir: sn.reads.FS(), files: map[string][]byte{}}
	for _, f := range sn.files[1:] {
		if !filepath.IsAbs(f.name) {
			ov.files[path.Clean(f.name)] = f.cur
		}
	}
	d, probs, err := data.Parse(sn.path, sn.files[0].cur, ov)
	if d != nil {
		d.Path = sn.path
	}
	return d, probs, err
}

// Writes is what saving the snapshot writes: every file with unsaved
// edits. It is refused (ErrInvalid, with the first error) when the
// dossier has errors.
func (sn *Snapshot) Writes() ([]Write, error) {
	if !sn.Modified() {
		return nil, nil
	}
	if _, probs, err := sn.Check(); err != nil {
		var inv *data.InvalidError
		if errors.As(err, &inv) {
			first := ""
			for _, p := range probs {
				if p.Severity == data.SeverityError {
					first = p.String()
					break
				}
			}
			return nil, fmt.Errorf("not saved: %w (%d): %s", ErrInvalid, probs.Errors(), first)
		}
		return nil, fmt.Errorf("not saved: %w", err)
	}
	var ws []Write
	for i, f := range sn.files {
		if !bytes.Equal(f.cur, f.disk) {
			ws = append(ws, Write{Path: f.path, Data: slices.Clone(f.cur), Was: f.disk, file: i})
		}
	}
	return ws, nil
}

// Changed reads the snapshot's files from disk and returns those whose
// text is not what the session had last read or written, with any
// statement file the changed dossier names that the session did not hold.
// It only reads.
func (sn *Snapshot) Changed() ([]DiskChange, error) {
	var out []DiskChange
	for _, f := range sn.files {
		var b []byte
		var err error
		if f.name == "" {
			b, err = data.ReadDossierFile(f.path)
		} else {
			b, err = sn.reads.ReadStatementFile(f.name)
		}
		switch {
		case errors.Is(err, fs.ErrNotExist):
			out = append(out, DiskChange{Path: f.path, Gone: true})
		case err != nil:
			return nil, err
		case !bytes.Equal(b, f.disk):
			out = append(out, DiskChange{Path: f.path, Data: b})
		}
	}
	if len(out) > 0 && out[0].Path == sn.path && !out[0].Gone {
		t, err := parseText(FormatOf(sn.path, out[0].Data), out[0].Data)
		if err == nil {
			for _, name := range statementFiles(t) {
				p := statementPath(sn.path, name)
				if slices.ContainsFunc(sn.files, func(f snapFile) bool { return f.path == p }) {
					continue
				}
				b, err := sn.reads.ReadStatementFile(name)
				if err != nil {
					return nil, fmt.Errorf("statement_files: %s: %w", name, err)
				}
				out = append(out, DiskChange{Path: p, Data: b, new: true, name: name})
			}
		}
	}
	return out, nil
}

// statementPath is where a statement file the dossier at dossier names is.
func statementPath(dossier, name string) string {
	if filepath.IsAbs(name) {
		return name
	}
	return filepath.Join(filepath.Dir(dossier), filepath.FromSlash(name))
}
