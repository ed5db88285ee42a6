//go:build unix

package store

import (
	"database/sql"
	"fmt"
	"os"
	"path/filepath"
	"testing"
)

func mode(t *testing.T, p string) os.FileMode {
	t.Helper()
	fi, err := os.Stat(p)
	if err != nil {
		t.Fatal(err)
	}
	return fi.Mode().Perm()
}

// TestNewProgressFilesAreTheUsersAlone: a new progress file, its -wal and
// -shm, and the folders created for it are for the user alone; a folder
// that already existed keeps its mode.
func TestNewProgressFilesAreTheUsersAlone(t *testing.T) {
	base := t.TempDir()
	os.Chmod(base, 0o755)
	p := filepath.Join(base, "data", "saa-study", "progress.db")
	s, err := Open(p, Options{Now: fixedNow})
	if err != nil {
		t.Fatal(err)
	}
	defer s.Close()
	if _, _, err := s.CommitAnswer(ctx, Answer{Kind: "card", ItemID: "c1", Lang: "en", Rating: 3}, nil); err != nil {
		t.Fatal(err)
	}
	for _, tc := range []struct {
		path string
		want os.FileMode
	}{
		{base, 0o755},
		{filepath.Join(base, "data"), 0o700},
		{filepath.Dir(p), 0o700},
		{p, 0o600},
		{p + "-wal", 0o600},
		{p + "-shm", 0o600},
	} {
		if got := mode(t, tc.path); got != tc.want {
			t.Errorf("%s: mode %v, want %v", tc.path, got, tc.want)
		}
	}
}

// TestUpgradeBackupIsTheUsersAlone: the copy kept before an upgrade is
// readable by the user alone, whatever the mode of the file it copies.
func TestUpgradeBackupIsTheUsersAlone(t *testing.T) {
	p := filepath.Join(t.TempDir(), "progress.db")
	db, err := sql.Open("sqlite", "file:"+p)
	if err != nil {
		t.Fatal(err)
	}
	for _, stmt := range []string{migrations()[0], `PRAGMA user_version = 1`,
		fmt.Sprintf(`PRAGMA application_id = %d`, ApplicationID)} {
		if _, err := db.Exec(stmt); err != nil {
			t.Fatal(err)
		}
	}
	db.Close()
	os.Chmod(p, 0o644)
	s, err := Open(p, Options{Now: fixedNow})
	if err != nil {
		t.Fatal(err)
	}
	s.Close()
	if got := mode(t, p+".bak-v1"); got != 0o600 {
		t.Errorf("%s.bak-v1: mode %v, want 0600", p, got)
	}
	if got := mode(t, p); got != 0o644 {
		t.Errorf("%s: the existing file's mode changed to %v", p, got)
	}
}
