//go:build unix

package data_test

import (
	"net"
	"os"
	"path/filepath"
	"strings"
	"syscall"
	"testing"
	"time"

	"github.com/parley-dev/parley/data"
)

// Nothing a dossier names can make parley hang or read without end: a
// named pipe, a device or a socket is refused before it is read. Each case
// runs against a deadline, so that a protection switched off fails the test
// instead of hanging it.
func TestWhatIsNotAFileIsRefusedBeforeItIsRead(t *testing.T) {
	for _, tc := range []struct {
		name       string
		make       func(t *testing.T, dir string) string // the name to give; "" skips
		statements bool
		allow      string
		want       string
	}{
		{name: "a source that is a named pipe", make: fifo, want: `cannot read "pipe": it is a named pipe (FIFO), not a file`},
		{name: "a statement file that is a named pipe", make: fifo, statements: true,
			want: `statement_files: cannot read "pipe": it is a named pipe (FIFO), not a file`},
		{name: "a symlink to a named pipe", make: func(t *testing.T, dir string) string {
			fifo(t, dir)
			if err := os.Symlink(filepath.Join(dir, "pipe"), filepath.Join(dir, "link")); err != nil {
				t.Skip(err)
			}
			return "link"
		}, want: `it is a named pipe (FIFO)`},
		{name: "a source that is /dev/zero", make: device("/dev/zero"), want: `cannot read "/dev/zero": it is outside the dossier's folder`},
		{name: "a source that is /dev/zero, /dev allowed", make: device("/dev/zero"), allow: "/dev", want: `cannot read "/dev/zero": it is a device, not a file`},
		{name: "a statement file that is /dev/urandom", make: device("/dev/urandom"), statements: true,
			want: `statement_files: cannot read "/dev/urandom": it is outside the dossier's folder`},
		{name: "a statement file that is /dev/urandom, /dev allowed", make: device("/dev/urandom"), statements: true, allow: "/dev",
			want: `statement_files: cannot read "/dev/urandom": it is a device, not a file`},
		{name: "a source that is a socket", make: func(t *testing.T, dir string) string {
			l, err := net.Listen("unix", filepath.Join(dir, "sock"))
			if err != nil {
				t.Skip(err)
			}
			t.Cleanup(func() { l.Close() })
			return "sock"
		}, want: `cannot read "sock": it is a socket, not a file`},
	} {
		t.Run(tc.name, func(t *testing.T) {
			dir := t.TempDir()
			name := tc.make(t, dir)
			file := filepath.Join(dir, "talks.yaml")
			if err := os.WriteFile(file, []byte(dossierNaming(name, tc.statements)), 0o644); err != nil {
				t.Fatal(err)
			}
			var allow []string
			if tc.allow != "" {
				allow = []string{tc.allow}
			}
			type result struct {
				probs data.Problems
				err   error
			}
			done := make(chan result, 1)
			go func() {
				_, probs, err := data.LoadWith(file, data.LoadOptions{Policy: data.ReadPolicy{Allow: allow}})
				done <- result{probs, err}
			}()
			select {
			case r := <-done:
				if r.err == nil || len(r.probs) != 1 || !strings.Contains(r.probs[0].Message, tc.want) {
					t.Fatalf("err %v, problems %v; want one saying %q", r.err, r.probs, tc.want)
				}
			case <-time.After(5 * time.Second):
				t.Fatalf("still loading after 5 s: it hangs or reads without end")
			}
		})
	}
}

func fifo(t *testing.T, dir string) string {
	if err := syscall.Mkfifo(filepath.Join(dir, "pipe"), 0o644); err != nil {
		t.Skipf("no named pipes here: %v", err)
	}
	return "pipe"
}

func device(path string) func(t *testing.T, dir string) string {
	return func(t *testing.T, _ string) string {
		if fi, err := os.Stat(path); err != nil || fi.Mode()&os.ModeDevice == 0 {
			t.Skipf("no %s here", path)
		}
		return path
	}
}

// The dossier and settings files the user names get the same care: a
// named pipe given as the dossier is refused, not waited on.
func TestADossierFileThatIsAPipeIsRefused(t *testing.T) {
	dir := t.TempDir()
	fifo(t, dir)
	done := make(chan error, 1)
	go func() {
		_, _, err := data.Load(filepath.Join(dir, "pipe"))
		done <- err
	}()
	select {
	case err := <-done:
		if err == nil || !strings.Contains(err.Error(), "it is a named pipe (FIFO), not a file") {
			t.Fatalf("err %v; want it refused as a named pipe", err)
		}
	case <-time.After(5 * time.Second):
		t.Fatal("still loading after 5 s: it waits for a writer")
	}
	cfg := make(chan error, 1)
	go func() {
		_, _, err := data.LoadConfig(filepath.Join(dir, "pipe"), nil)
		cfg <- err
	}()
	select {
	case err := <-cfg:
		if err == nil || !strings.Contains(err.Error(), "named pipe") {
			t.Fatalf("config: err %v; want it refused as a named pipe", err)
		}
	case <-time.After(5 * time.Second):
		t.Fatal("config: still reading after 5 s")
	}
}
