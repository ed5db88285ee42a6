//go:build unix

package main

import (
	"bytes"
	"context"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// TestDataFolderAndBackupAreTheUsersAlone: with the default --db, the data
// folder saa-study creates, the progress file and a backup written into
// that folder are for the user alone.
func TestDataFolderAndBackupAreTheUsersAlone(t *testing.T) {
	data := t.TempDir()
	os.Chmod(data, 0o755)
	t.Setenv("XDG_DATA_HOME", data)
	bak := filepath.Join(data, "saa-study", "backup.json")
	var out, errb bytes.Buffer
	if code := run(context.Background(), []string{"backup", bak}, strings.NewReader(""), &out, &errb); code != 0 {
		t.Fatalf("backup: exit %d: %s", code, errb.String())
	}
	for _, tc := range []struct {
		path string
		want os.FileMode
	}{
		{data, 0o755}, // the user's own folder keeps its mode
		{filepath.Join(data, "saa-study"), 0o700},
		{filepath.Join(data, "saa-study", "progress.db"), 0o600},
		{bak, 0o600},
	} {
		fi, err := os.Stat(tc.path)
		if err != nil {
			t.Fatal(err)
		}
		if got := fi.Mode().Perm(); got != tc.want {
			t.Errorf("%s: mode %v, want %v", tc.path, got, tc.want)
		}
	}
}
