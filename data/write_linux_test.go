//go:build linux

package data_test

import (
	"bytes"
	"errors"
	"os"
	"path/filepath"
	"syscall"
	"testing"

	"github.com/parley-dev/parley/data"
)

// tinyDisk mounts a small tmpfs, or skips where this process may not mount.
func tinyDisk(t *testing.T, size string) string {
	t.Helper()
	dir := t.TempDir()
	if err := syscall.Mount("tmpfs", dir, "tmpfs", 0, "size="+size); err != nil {
		t.Skipf("cannot mount a tmpfs here (%v); the failure paths are covered by the missing-directory case", err)
	}
	t.Cleanup(func() { _ = syscall.Unmount(dir, 0) })
	return dir
}

func TestWriteFileAtomicOnAFullDiskKeepsTheOldFile(t *testing.T) {
	dir := tinyDisk(t, "64k")
	path := filepath.Join(dir, "brief.md")
	if err := os.WriteFile(path, []byte("old"), 0o644); err != nil {
		t.Fatal(err)
	}
	err := data.WriteFileAtomic(path, bytes.Repeat([]byte("x"), 1<<20), true)
	if !errors.Is(err, syscall.ENOSPC) {
		t.Fatalf("err = %v, want ENOSPC", err)
	}
	if b, _ := os.ReadFile(path); string(b) != "old" {
		t.Fatalf("the failed write changed the file: %d bytes", len(b))
	}
	if entries, _ := os.ReadDir(dir); len(entries) != 1 {
		t.Fatalf("left behind: %v", entries)
	}
}

func TestWriteFileAtomicOnAReadOnlyDiskKeepsTheOldFile(t *testing.T) {
	dir := tinyDisk(t, "64k")
	path := filepath.Join(dir, "brief.md")
	if err := os.WriteFile(path, []byte("old"), 0o644); err != nil {
		t.Fatal(err)
	}
	if err := syscall.Mount("", dir, "", syscall.MS_REMOUNT|syscall.MS_RDONLY, ""); err != nil {
		t.Skipf("cannot remount read-only: %v", err)
	}
	err := data.WriteFileAtomic(path, []byte("new"), true)
	if !errors.Is(err, syscall.EROFS) {
		t.Fatalf("err = %v, want EROFS", err)
	}
	if b, _ := os.ReadFile(path); string(b) != "old" {
		t.Fatalf("the failed write changed the file: %q", b)
	}
}
