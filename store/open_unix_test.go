//go:build unix

package store

import (
	"errors"
	"net"
	"os"
	"path/filepath"
	"strings"
	"syscall"
	"testing"
	"time"
)

// openWithin runs Open in a goroutine and fails the test if it has not
// returned after d, so a file that blocks the check fails instead of
// hanging the suite.
func openWithin(t *testing.T, path string, d time.Duration) error {
	t.Helper()
	done := make(chan error, 1)
	go func() {
		s, err := Open(path, Options{})
		if err == nil {
			s.Close()
		}
		done <- err
	}()
	select {
	case err := <-done:
		return err
	case <-time.After(d):
		t.Fatalf("Open(%s) has not returned after %v", path, d)
		return nil
	}
}

// TestNonFilesAreRefusedAtOnce: a named pipe, a socket, a folder or a
// device given as the progress file is refused without reading from it,
// in one line that names the file and says what it is.
func TestNonFilesAreRefusedAtOnce(t *testing.T) {
	dir := t.TempDir()
	fifo := filepath.Join(dir, "pipe.db")
	if err := syscall.Mkfifo(fifo, 0o600); err != nil {
		t.Fatal(err)
	}
	// Should the check block on the pipe, a writer lets it go once the
	// test has failed.
	t.Cleanup(func() {
		if f, err := os.OpenFile(fifo, os.O_WRONLY|syscall.O_NONBLOCK, 0); err == nil {
			f.Close()
		}
	})
	sock := filepath.Join(dir, "sock.db")
	l, err := net.Listen("unix", sock)
	if err != nil {
		t.Fatal(err)
	}
	defer l.Close()
	folder := filepath.Join(dir, "folder.db")
	if err := os.Mkdir(folder, 0o700); err != nil {
		t.Fatal(err)
	}

	for _, tc := range []struct{ path, what string }{
		{fifo, "a named pipe (FIFO)"},
		{sock, "a socket"},
		{folder, "a folder"},
		{"/dev/null", "a character device"},
	} {
		err := openWithin(t, tc.path, 5*time.Second)
		if !errors.Is(err, ErrNotRegularFile) {
			t.Errorf("%s: err = %v, want %v", tc.path, err, ErrNotRegularFile)
			continue
		}
		msg := err.Error()
		if !strings.HasPrefix(msg, tc.path+": ") || !strings.Contains(msg, tc.what) || strings.Contains(msg, "\n") {
			t.Errorf("%s: message %q should be one line naming the file and saying it is %s", tc.path, msg, tc.what)
		}
	}
	if es, _ := os.ReadDir(dir); len(es) != 3 {
		t.Errorf("the check left files behind: %v", es)
	}
}
