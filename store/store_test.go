package store

import (
	"bytes"
	"context"
	"crypto/sha256"
	"database/sql"
	"errors"
	"fmt"
	"os"
	"path/filepath"
	"sync"
	"testing"
	"time"
)

var ctx = context.Background()

func fixedNow() time.Time { return time.Date(2026, 11, 27, 10, 0, 0, 0, time.UTC) }

func openTemp(t *testing.T) (*Store, string) {
	t.Helper()
	p := filepath.Join(t.TempDir(), "sub", "progress.db")
	s, err := Open(p, Options{Now: fixedNow})
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { s.Close() })
	return s, p
}

func TestFreshFileMigratesToLatest(t *testing.T) {
	s, _ := openTemp(t)
	var v, app int
	s.db.QueryRow(`PRAGMA user_version`).Scan(&v)
	s.db.QueryRow(`PRAGMA application_id`).Scan(&app)
	if v != SchemaVersion() || app != ApplicationID {
		t.Fatalf("user_version=%d application_id=%x, want %d and %x", v, app, SchemaVersion(), ApplicationID)
	}
	var mode string
	s.db.QueryRow(`PRAGMA journal_mode`).Scan(&mode)
	if mode != "wal" {
		t.Fatalf("journal_mode=%s, want wal", mode)
	}
}

func sum(t *testing.T, p string) [32]byte {
	b, err := os.ReadFile(p)
	if err != nil {
		t.Fatal(err)
	}
	return sha256.Sum256(b)
}

func TestRefusedFilesAreLeftUntouched(t *testing.T) {
	dir := t.TempDir()
	garbage := filepath.Join(dir, "x.db")
	os.WriteFile(garbage, []byte("garbage"), 0o644)

	// A big non-SQLite file, to be sure nothing reads it as a database.
	big := filepath.Join(dir, "big.db")
	os.WriteFile(big, bytes.Repeat([]byte("not sqlite "), 1000), 0o644)

	// A database of another program, with a table of its own.
	other := filepath.Join(dir, "other.db")
	db, _ := sql.Open("sqlite", "file:"+other)
	db.Exec(`CREATE TABLE mine (x)`)
	db.Close()

	// A progress file from a newer saa-study.
	newer := filepath.Join(dir, "newer.db")
	s, err := Open(newer, Options{})
	if err != nil {
		t.Fatal(err)
	}
	s.db.Exec(fmt.Sprintf(`PRAGMA user_version = %d`, SchemaVersion()+1))
	s.db.Exec(`PRAGMA wal_checkpoint(TRUNCATE)`)
	s.Close()
	os.Remove(newer + "-wal")
	os.Remove(newer + "-shm")

	for _, tc := range []struct {
		path string
		want error
	}{{garbage, ErrNotProgressFile}, {big, ErrNotProgressFile}, {other, ErrNotProgressFile}, {newer, ErrTooNew}} {
		before := sum(t, tc.path)
		_, err := Open(tc.path, Options{})
		if !errors.Is(err, tc.want) {
			t.Errorf("%s: err = %v, want %v", filepath.Base(tc.path), err, tc.want)
		}
		if sum(t, tc.path) != before {
			t.Errorf("%s: the refused file was modified", filepath.Base(tc.path))
		}
		if _, err := os.Stat(tc.path + "-wal"); err == nil {
			t.Errorf("%s: a -wal file was created beside the refused file", filepath.Base(tc.path))
		}
	}
}

func TestUpgradeFromV1KeepsDataAndBackup(t *testing.T) {
	p := filepath.Join(t.TempDir(), "progress.db")
	db, err := sql.Open("sqlite", "file:"+p)
	if err != nil {
		t.Fatal(err)
	}
	for _, stmt := range []string{migrations()[0], `PRAGMA user_version = 1`,
		fmt.Sprintf(`PRAGMA application_id = %d`, ApplicationID),
		`INSERT INTO settings VALUES ('lang', 'ko')`} {
		if _, err := db.Exec(stmt); err != nil {
			t.Fatal(err)
		}
	}
	db.Close()

	s, err := Open(p, Options{Now: fixedNow})
	if err != nil {
		t.Fatal(err)
	}
	defer s.Close()
	if v, ok, _ := s.Setting(ctx, "lang"); !ok || v != "ko" {
		t.Fatalf("setting after upgrade = %q %v, want ko", v, ok)
	}
	if _, _, err := s.CommitAnswer(ctx, Answer{Kind: "question", ItemID: "q1", Lang: "en", Correct: true, Rating: 3}, nil); err != nil {
		t.Fatalf("v2 table missing after upgrade: %v", err)
	}
	bak, err := sql.Open("sqlite", "file:"+p+".bak-v1?mode=ro")
	if err != nil {
		t.Fatal(err)
	}
	defer bak.Close()
	var v int
	var lang string
	bak.QueryRow(`PRAGMA user_version`).Scan(&v)
	bak.QueryRow(`SELECT value FROM settings WHERE key='lang'`).Scan(&lang)
	if v != 1 || lang != "ko" {
		t.Fatalf("backup has version %d and lang %q, want 1 and ko", v, lang)
	}
}

func TestSettingsAndNotePositions(t *testing.T) {
	s, p := openTemp(t)
	if err := s.SetSetting(ctx, "theme", "light"); err != nil {
		t.Fatal(err)
	}
	s.SetSetting(ctx, "theme", "dark")
	s.SaveNotePosition(ctx, "en", "lambda", 40, 60)
	s.SaveNotePosition(ctx, "en", "lambda", 10, 20) // scrolled back: read share keeps its maximum
	s.Close()

	s2, err := Open(p, Options{})
	if err != nil {
		t.Fatal(err)
	}
	defer s2.Close()
	if v, _, _ := s2.Setting(ctx, "theme"); v != "dark" {
		t.Fatalf("theme = %q after reopen", v)
	}
	pos, _ := s2.NotePosition(ctx, "en", "lambda")
	if pos.Line != 10 || pos.ReadPct != 60 {
		t.Fatalf("position = %+v, want line 10, 60%%", pos)
	}
}

func TestTwoHandlesOnOneFileDoNotLoseWrites(t *testing.T) {
	_, p := openTemp(t)
	a, err := Open(p, Options{})
	if err != nil {
		t.Fatal(err)
	}
	defer a.Close()
	b, err := Open(p, Options{})
	if err != nil {
		t.Fatal(err)
	}
	defer b.Close()
	var wg sync.WaitGroup
	for _, s := range []*Store{a, b} {
		wg.Add(1)
		go func(s *Store) {
			defer wg.Done()
			for i := 0; i < 50; i++ {
				if _, _, err := s.CommitAnswer(ctx, Answer{Kind: "card", ItemID: fmt.Sprint(i), Lang: "en", Rating: 3}, nil); err != nil {
					t.Error(err)
					return
				}
			}
		}(s)
	}
	wg.Wait()
	if n, _ := a.AnswerCount(ctx); n != 100 {
		t.Fatalf("answers = %d, want 100", n)
	}
	var ok string
	a.db.QueryRow(`PRAGMA integrity_check`).Scan(&ok)
	if ok != "ok" {
		t.Fatalf("integrity_check = %s", ok)
	}
}
