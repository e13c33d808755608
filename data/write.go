package data

import (
	"errors"
	"fmt"
	"io/fs"
	"os"
	"path/filepath"
)

// ErrExists is returned by WriteFileAtomic when the file exists and
// overwriting was not asked for.
var ErrExists = errors.New("file exists (use --force to overwrite)")

// WriteFileAtomic writes data to a temporary file in the same directory,
// syncs it and renames it over path, so a reader sees the old file or the
// new one, never half of one, and a failure leaves the old file intact.
// Without force it refuses to replace an existing file.
func WriteFileAtomic(path string, data []byte, force bool) (err error) {
	if !force {
		if _, err := os.Lstat(path); err == nil {
			return fmt.Errorf("%s: %w", path, ErrExists)
		} else if !errors.Is(err, fs.ErrNotExist) {
			return err
		}
	}
	dir, base := filepath.Split(path)
	if dir == "" {
		dir = "."
	}
	tmp, err := os.CreateTemp(dir, "."+base+".tmp-*")
	if err != nil {
		return err
	}
	defer func() {
		if err != nil {
			tmp.Close()
			os.Remove(tmp.Name())
		}
	}()
	if _, err = tmp.Write(data); err != nil {
		return err
	}
	if err = tmp.Sync(); err != nil {
		return err
	}
	if err = tmp.Close(); err != nil {
		return err
	}
	if err = os.Chmod(tmp.Name(), 0o644); err != nil {
		return err
	}
	if !force {
		// Link fails if path appeared meanwhile, closing the race that a
		// plain rename would lose.
		err = os.Link(tmp.Name(), path)
		switch {
		case err == nil:
			return os.Remove(tmp.Name())
		case errors.Is(err, fs.ErrExist):
			return fmt.Errorf("%s: %w", path, ErrExists)
		}
		// A file system without hard links: check again, then rename.
		if _, err = os.Lstat(path); err == nil {
			return fmt.Errorf("%s: %w", path, ErrExists)
		}
	}
	return os.Rename(tmp.Name(), path)
}
