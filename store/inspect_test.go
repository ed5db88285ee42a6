package store

import (
	"database/sql"
	"errors"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// progressFile writes a closed progress file with one answer in dir.
func progressFile(t *testing.T, dir string) string {
	t.Helper()
	p := filepath.Join(dir, "progress.db")
	s, err := Open(p, Options{Now: fixedNow})
	if err != nil {
		t.Fatal(err)
	}
	if _, _, err := s.CommitAnswer(ctx, Answer{Kind: "card", ItemID: "c1", Lang: "en", Rating: 3}, nil); err != nil {
		t.Fatal(err)
	}
	if err := s.Close(); err != nil {
		t.Fatal(err)
	}
	return p
}

// noLeftovers fails if a -wal or -shm file sits beside p.
func noLeftovers(t *testing.T, p string) {
	t.Helper()
	for _, ext := range []string{"-wal", "-shm", "-journal"} {
		if _, err := os.Stat(p + ext); err == nil {
			t.Errorf("%s: a %s file was left beside the refused file", filepath.Base(p), ext)
		}
	}
}

// TestReadOnlyProgressFileIsNamedSo: a good progress file that cannot be
// written is called read-only, not "not a progress file", and the check
// leaves nothing beside it. Tests run as root, who may write anything, so
// the permission check is swapped for the permission-bit reading a normal
// user would get.
func TestReadOnlyProgressFileIsNamedSo(t *testing.T) {
	orig := canWrite
	canWrite = writableByMode
	t.Cleanup(func() { canWrite = orig })

	for _, tc := range []struct {
		name         string
		file, folder os.FileMode
		want         string
	}{
		{"read-only file in a read-only folder", 0o444, 0o555, "read-only"},
		{"read-only file", 0o444, 0o755, "read-only"},
		{"read-only folder", 0o644, 0o555, "its folder"},
	} {
		t.Run(tc.name, func(t *testing.T) {
			dir := t.TempDir()
			p := progressFile(t, dir)
			os.Chmod(p, tc.file)
			os.Chmod(dir, tc.folder)
			t.Cleanup(func() { os.Chmod(dir, 0o755) })
			before := sum(t, p)
			_, err := Open(p, Options{})
			if !errors.Is(err, ErrReadOnly) {
				t.Fatalf("err = %v, want %v", err, ErrReadOnly)
			}
			msg := err.Error()
			if !strings.HasPrefix(msg, "cannot write "+p+": read-only") || !strings.Contains(msg, tc.want) ||
				strings.Contains(msg, ErrNotProgressFile.Error()) {
				t.Errorf("message %q, want it to start %q and mention %q", msg, "cannot write "+p+": read-only", tc.want)
			}
			if sum(t, p) != before {
				t.Error("the file was modified")
			}
			noLeftovers(t, p)
		})
	}
}

// TestWritableByMode: the portable check reads the owner's write bit of
// the file and of its folder.
func TestWritableByMode(t *testing.T) {
	dir := t.TempDir()
	p := filepath.Join(dir, "f")
	os.WriteFile(p, nil, 0o600)
	if err := writableByMode(p); err != nil {
		t.Errorf("0600 file: %v", err)
	}
	os.Chmod(p, 0o400)
	if err := writableByMode(p); err == nil {
		t.Error("0400 file: no error")
	}
	if err := writableByMode(dir); err != nil {
		t.Errorf("folder: %v", err)
	}
}

// TestDamagedFileNamesTheNewestBackup: a truncated progress file is called
// damaged, not "not a progress file"; the message names the newest
// .bak-vN beside it (numerically newest), and nothing is left beside it.
func TestDamagedFileNamesTheNewestBackup(t *testing.T) {
	dir := t.TempDir()
	p := progressFile(t, dir)
	for _, v := range []string{"1", "2", "10"} {
		os.WriteFile(p+".bak-v"+v, []byte("x"), 0o600)
	}
	fi, _ := os.Stat(p)
	if err := os.Truncate(p, fi.Size()/2); err != nil {
		t.Fatal(err)
	}
	before := sum(t, p)
	_, err := Open(p, Options{})
	if !errors.Is(err, ErrDamaged) {
		t.Fatalf("err = %v, want %v", err, ErrDamaged)
	}
	msg := err.Error()
	if !strings.HasPrefix(msg, p+" is damaged (truncated") || !strings.Contains(msg, "your last backup is "+p+".bak-v10") {
		t.Errorf("message %q", msg)
	}
	if sum(t, p) != before {
		t.Error("the file was modified")
	}
	noLeftovers(t, p)
}

// TestDamagedFileWithoutBackup: truncated inside the header, or with no
// backup beside it, the message still says damaged and what to do.
func TestDamagedFileWithoutBackup(t *testing.T) {
	for _, size := range []int64{50, 4096} {
		dir := t.TempDir()
		p := progressFile(t, dir)
		os.Truncate(p, size)
		_, err := Open(p, Options{})
		if !errors.Is(err, ErrDamaged) || !strings.HasPrefix(err.Error(), p+" is damaged (truncated") ||
			!strings.Contains(err.Error(), "no backup") {
			t.Errorf("truncated to %d bytes: err = %v", size, err)
		}
		noLeftovers(t, p)
	}
}

// TestRefusedWALFilesLeaveNothingBeside: the read-only look at a file in
// WAL mode must not leave -wal and -shm files beside a file it refuses.
func TestRefusedWALFilesLeaveNothingBeside(t *testing.T) {
	dir := t.TempDir()
	other := filepath.Join(dir, "other.db")
	db, err := sql.Open("sqlite", "file:"+other+"?_pragma=journal_mode(WAL)")
	if err != nil {
		t.Fatal(err)
	}
	if _, err := db.Exec(`CREATE TABLE mine (x)`); err != nil {
		t.Fatal(err)
	}
	db.Close()
	noLeftovers(t, other)
	before := sum(t, other)
	if _, err := Open(other, Options{}); !errors.Is(err, ErrNotProgressFile) {
		t.Fatalf("err = %v, want %v", err, ErrNotProgressFile)
	}
	if sum(t, other) != before {
		t.Error("the file was modified")
	}
	noLeftovers(t, other)
}
