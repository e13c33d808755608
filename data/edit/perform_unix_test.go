//go:build unix

package edit

import (
	"os"
	"path/filepath"
	"strings"
	"syscall"
	"testing"
	"time"
)

// Saving reads each file first, to write over nothing it did not see. A
// file that became a named pipe since it was read (a shared folder changes
// under parley) is refused, not waited on: the save ends at once with a
// message and the edits are kept.
func TestASaveOverANamedPipeEndsAtOnce(t *testing.T) {
	dir := t.TempDir()
	p := filepath.Join(dir, "talks.yaml")
	if err := os.WriteFile(p, []byte("parley: 1.1\ntitle: Talks\nparties: [{id: a, name: A}]\n"), 0o644); err != nil {
		t.Fatal(err)
	}
	s, err := Open(p)
	if err != nil {
		t.Fatal(err)
	}
	if err := s.Apply(Set{Ref: Dossier, Field: "title", Value: "Talks, edited"}); err != nil {
		t.Fatal(err)
	}
	if err := os.Remove(p); err != nil {
		t.Fatal(err)
	}
	if err := syscall.Mkfifo(p, 0o644); err != nil {
		t.Skipf("no named pipes here: %v", err)
	}
	done := make(chan error, 1)
	go func() { done <- s.Save(nil) }()
	select {
	case err := <-done:
		if err == nil || !strings.Contains(err.Error(), "named pipe") || !strings.Contains(err.Error(), "the edits are kept") {
			t.Fatalf("save: %v; want it refused as a named pipe, the edits kept", err)
		}
	case <-time.After(5 * time.Second):
		t.Fatal("still saving after 5 s: it waits for a writer on the named pipe")
	}
	if !s.Modified() {
		t.Error("the edits were dropped")
	}
}
