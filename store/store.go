// Package store owns the learner's progress file: an SQLite database
// (modernc.org/sqlite, pure Go) with versioned migrations. It is the only
// package that touches the disk for progress.
//
// Every write is a transaction that is durable (WAL, synchronous=FULL)
// before the call returns, so an answer the screen accepted survives a
// crash.
package store

import (
	"context"
	"database/sql"
	"errors"
	"fmt"
	"net/url"
	"os"
	"path/filepath"
	"time"

	_ "modernc.org/sqlite" // registers the "sqlite" driver
)

// ApplicationID marks a database as a saa-study progress file
// (PRAGMA application_id; the bytes spell "SAAS").
const ApplicationID = 0x53414153

// sqliteMagic opens every SQLite database file.
var sqliteMagic = []byte("SQLite format 3\x00")

// Store is an open progress database.
type Store struct {
	db   *sql.DB
	path string
	now  func() time.Time
}

// ErrNotProgressFile, ErrTooNew, ErrNotRegularFile, ErrReadOnly and
// ErrDamaged describe files the store refuses to touch. The wrapping error
// names the file and what to do.
var (
	ErrNotProgressFile = errors.New("not a saa-study progress file")
	ErrTooNew          = errors.New("written by a newer saa-study")
	ErrNotRegularFile  = errors.New("not a regular file")
	ErrReadOnly        = errors.New("read-only")
	ErrDamaged         = errors.New("damaged")
)

// Options tune Open. The zero value is right for the app.
type Options struct {
	// Now is the clock used for timestamps (default time.Now).
	Now func() time.Time
}

// Open opens or creates the progress database at path, migrating it to the
// latest schema. A file that is not ours, or is newer than this program, is
// refused and left byte-for-byte as it was.
func Open(path string, opt Options) (*Store, error) {
	if opt.Now == nil {
		opt.Now = time.Now
	}
	exists, err := inspect(path)
	if err != nil {
		return nil, err
	}
	if !exists {
		if err := create(path); err != nil {
			return nil, err
		}
	}
	db, err := sql.Open("sqlite", dsn(path, false))
	if err != nil {
		return nil, fmt.Errorf("%s: %w", path, err)
	}
	// One connection: SQLite allows one writer, and a single connection
	// keeps this process from contending with itself. Other processes
	// wait through busy_timeout.
	db.SetMaxOpenConns(1)
	s := &Store{db: db, path: path, now: opt.Now}
	if exists {
		if err := s.prepareBackup(context.Background()); err != nil {
			db.Close()
			return nil, err
		}
	}
	if err := s.migrate(context.Background(), exists); err != nil {
		db.Close()
		return nil, err
	}
	return s, nil
}

// Progress is the learner's own: a new progress file is created for the
// user alone (SQLite gives its -wal and -shm files the same mode), and so
// are the folders made for it. A folder that already exists keeps its mode.
const (
	fileMode   os.FileMode = 0o600
	folderMode os.FileMode = 0o700
)

// create makes the folders and the empty file of a new progress database.
// An empty file that is already there is used as it is.
func create(path string) error {
	if err := os.MkdirAll(filepath.Dir(path), folderMode); err != nil {
		return fmt.Errorf("%s: cannot create its folder: %w", path, err)
	}
	f, err := os.OpenFile(path, os.O_RDWR|os.O_CREATE|os.O_EXCL, fileMode)
	if errors.Is(err, os.ErrExist) {
		return nil
	}
	if err != nil {
		return fmt.Errorf("%s: %w", path, err)
	}
	return f.Close()
}

// prepareBackup creates, empty and for the user alone, the copy that
// migrate keeps of a file it is about to upgrade (PATH.bak-vN, N the
// version before the upgrade): VACUUM INTO fills an empty file and keeps
// its mode, where a file it creates itself would be readable by everyone.
func (s *Store) prepareBackup(ctx context.Context) error {
	var v int
	if err := s.db.QueryRowContext(ctx, `PRAGMA user_version`).Scan(&v); err != nil {
		return fmt.Errorf("%s: %w", s.path, err)
	}
	if v <= 0 || v >= len(migrations()) {
		return nil
	}
	f, err := os.OpenFile(fmt.Sprintf("%s.bak-v%d", s.path, v), os.O_WRONLY|os.O_CREATE|os.O_EXCL, fileMode)
	if errors.Is(err, os.ErrExist) {
		return nil // migrate keeps the copy already there
	}
	if err != nil {
		return fmt.Errorf("%s: keeping a copy before the upgrade: %w", s.path, err)
	}
	return f.Close()
}

func dsn(path string, readOnly bool) string {
	q := url.Values{}
	q.Add("_pragma", "busy_timeout(10000)")
	if readOnly {
		q.Set("mode", "ro")
	} else {
		q.Add("_pragma", "foreign_keys(1)")
		q.Add("_pragma", "journal_mode(WAL)")
		q.Add("_pragma", "synchronous(FULL)")
		q.Set("_txlock", "immediate")
	}
	return "file:" + (&url.URL{Path: path}).EscapedPath() + "?" + q.Encode()
}

// Path is the file the store writes.
func (s *Store) Path() string { return s.path }

// Close closes the database.
func (s *Store) Close() error { return s.db.Close() }

// tx runs fn in a transaction and commits it.
func (s *Store) tx(ctx context.Context, fn func(*sql.Tx) error) error {
	tx, err := s.db.BeginTx(ctx, nil)
	if err != nil {
		return fmt.Errorf("%s: begin: %w", s.path, err)
	}
	if err := fn(tx); err != nil {
		tx.Rollback()
		return err
	}
	if err := tx.Commit(); err != nil {
		return fmt.Errorf("%s: commit: %w", s.path, err)
	}
	return nil
}

func (s *Store) stamp() string { return s.now().UTC().Format(time.RFC3339Nano) }

// DataDir is the user's own saa-study data folder, by the XDG base
// directory rules: $XDG_DATA_HOME/saa-study, else
// ~/.local/share/saa-study. The progress file and the classroom's host
// key live there by default.
func DataDir() string {
	base := os.Getenv("XDG_DATA_HOME")
	if base == "" {
		home, err := os.UserHomeDir()
		if err != nil {
			home = "."
		}
		base = filepath.Join(home, ".local", "share")
	}
	return filepath.Join(base, "saa-study")
}
