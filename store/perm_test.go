//go:build unix

package store

import (
	"os"
	"path/filepath"
	"testing"
)

// TestNewFileIsPrivate: a new progress file, its journal and the folder
// made for it are readable by the user alone, whatever the umask.
func TestNewFileIsPrivate(t *testing.T) {
	dir := filepath.Join(t.TempDir(), "new", "saa-study")
	path := filepath.Join(dir, "progress.db")
	st, err := Open(path, Options{})
	if err != nil {
		t.Fatal(err)
	}
	defer st.Close()
	if err := st.SetSetting(t.Context(), "lang", "en"); err != nil {
		t.Fatal(err)
	}
	for _, c := range []struct {
		path string
		want os.FileMode
	}{{filepath.Dir(dir), 0o700}, {dir, 0o700}, {path, 0o600}, {path + "-wal", 0o600}} {
		fi, err := os.Stat(c.path)
		if err != nil {
			t.Fatal(err)
		}
		if got := fi.Mode().Perm(); got != c.want {
			t.Errorf("%s: mode %v, want %v", c.path, got, c.want)
		}
	}
}
