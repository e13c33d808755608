package model

import (
	"os"
	"path/filepath"
	"strings"
	"syscall"
	"testing"
)

// A save that fails — the disk full, or mounted read-only — keeps the
// edits in memory, says so, and leaves the file as it was.
func TestAFailingSaveKeepsTheEditsAndSaysSo(t *testing.T) {
	src, err := os.ReadFile(talksFixture)
	if err != nil {
		t.Fatal(err)
	}
	for _, tc := range []struct {
		name string
		want string
		fail func(t *testing.T, dir string)
	}{
		{"full", "no space left", func(t *testing.T, dir string) {
			f, err := os.Create(filepath.Join(dir, "filler"))
			if err != nil {
				t.Fatal(err)
			}
			defer f.Close()
			buf := make([]byte, 4096)
			for {
				if _, err := f.Write(buf); err != nil {
					return
				}
			}
		}},
		{"read-only", "read-only file system", func(t *testing.T, dir string) {
			if err := syscall.Mount("", dir, "", syscall.MS_REMOUNT|syscall.MS_RDONLY, ""); err != nil {
				t.Skipf("cannot remount read-only: %v", err)
			}
		}},
	} {
		t.Run(tc.name, func(t *testing.T) {
			dir := t.TempDir()
			if err := syscall.Mount("tmpfs", dir, "tmpfs", 0, "size=256k"); err != nil {
				t.Skipf("cannot mount a tmpfs here: %v", err)
			}
			t.Cleanup(func() { _ = syscall.Unmount(dir, 0) })
			path := filepath.Join(dir, "talks.yaml")
			if err := os.WriteFile(path, src, 0o644); err != nil {
				t.Fatal(err)
			}
			m := openEditable(t, path, 120, 40)
			review(t, m)
			drive(m, "a", "a")
			tc.fail(t, dir)
			drive(m, "ctrl+s")
			if !m.ws.modified || !strings.Contains(m.flash, tc.want) || !strings.Contains(m.flash, "the edits are kept") {
				t.Fatalf("after a failed save: modified %v, %q", m.ws.modified, m.flash)
			}
			if fileText(t, path) != string(src) {
				t.Error("the failed save changed the file")
			}
			if !strings.Contains(screen(m), "● modified") {
				t.Error("the header no longer says the dossier is modified")
			}
		})
	}
}
