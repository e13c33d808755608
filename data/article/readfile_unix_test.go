//go:build unix

package article

import (
	"errors"
	"path/filepath"
	"strings"
	"syscall"
	"testing"
	"time"

	"github.com/parley-dev/parley/data"
)

// Importing a named pipe or a device by mistake (parley import /dev/zero,
// a FIFO left in a folder of articles) ends at once with a message, instead
// of waiting for a writer or reading forever.
func TestANamedPipeOrADeviceIsRefusedAtOnce(t *testing.T) {
	pipe := filepath.Join(t.TempDir(), "article.txt")
	if err := syscall.Mkfifo(pipe, 0o644); err != nil {
		t.Skipf("no named pipes here: %v", err)
	}
	for _, tc := range []struct{ name, path, message string }{
		{"a named pipe", pipe, pipe + ": it is a named pipe (FIFO), not a file"},
		{"an endless device", "/dev/zero", "/dev/zero: it is a device, not a file"},
	} {
		t.Run(tc.name, func(t *testing.T) {
			done := make(chan error, 1)
			go func() {
				_, err := ReadFile(tc.path)
				done <- err
			}()
			select {
			case err := <-done:
				if err == nil || !strings.Contains(err.Error(), tc.message) {
					t.Errorf("error %v, want %q", err, tc.message)
				}
				if !errors.Is(err, data.ErrRefused) {
					t.Errorf("error %v is not a refusal", err)
				}
			case <-time.After(10 * time.Second):
				t.Fatalf("ReadFile(%s) still waiting after 10 s", tc.path)
			}
		})
	}
}
