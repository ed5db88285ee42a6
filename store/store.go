// Package store owns the learner's progress file: an SQLite database
// (modernc.org/sqlite, pure Go) with versioned migrations. It is the only
// package that touches the disk for progress.
//
// Every write is a transaction that is durable (WAL, synchronous=FULL)
// before the call returns, so an answer the screen accepted survives a
// crash.
package store

import (
	"bytes"
	"context"
	"database/sql"
	"errors"
	"fmt"
	"io"
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

// ErrNotProgressFile and ErrTooNew describe files the store refuses to
// touch. The wrapping error names the file and what to do.
var (
	ErrNotProgressFile = errors.New("not a saa-study progress file")
	ErrTooNew          = errors.New("written by a newer saa-study")
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
		// A new progress file, and any folder made for it, is the
		// learner's alone; SQLite gives its journal the file's mode.
		if err := os.MkdirAll(filepath.Dir(path), 0o700); err != nil {
			return nil, fmt.Errorf("%s: cannot create its folder: %w", path, err)
		}
		f, err := os.OpenFile(path, os.O_CREATE|os.O_WRONLY, 0o600)
		if err != nil {
			return nil, fmt.Errorf("%s: %w", path, err)
		}
		f.Close()
		if err := os.Chmod(path, 0o600); err != nil {
			return nil, fmt.Errorf("%s: %w", path, err)
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
	if err := s.migrate(context.Background(), exists); err != nil {
		db.Close()
		return nil, err
	}
	return s, nil
}

// inspect checks an existing file before anything writes to it.
func inspect(path string) (exists bool, err error) {
	f, err := os.Open(path)
	if errors.Is(err, os.ErrNotExist) {
		return false, nil
	}
	if err != nil {
		return false, fmt.Errorf("%s: %w", path, err)
	}
	head := make([]byte, 100)
	n, _ := io.ReadFull(f, head)
	f.Close()
	if n == 0 {
		return false, nil // an empty file is a new database
	}
	if n < 100 || !bytes.Equal(head[:16], sqliteMagic) {
		return true, fmt.Errorf("%s: %w (it is not an SQLite database); choose another file with --db, or move this one away", path, ErrNotProgressFile)
	}
	// The header says who wrote the file; a file of ours that is newer than
	// this program is refused before SQLite opens it at all.
	if be32(head[68:72]) == ApplicationID && int(be32(head[60:64])) > len(migrations) {
		return true, tooNew(path, int(be32(head[60:64])))
	}
	// In WAL mode the header can lag behind the log, so ask SQLite itself,
	// read-only.
	appID, version, tables, err := peek(path)
	if err != nil {
		return true, err
	}
	switch {
	case appID != ApplicationID && tables > 0:
		return true, fmt.Errorf("%s: %w (an SQLite database of another program); choose another file with --db", path, ErrNotProgressFile)
	case appID == ApplicationID && version > len(migrations):
		return true, tooNew(path, version)
	}
	return true, nil
}

func tooNew(path string, v int) error {
	return fmt.Errorf("%s: %w (schema version %d; this one knows up to %d); upgrade saa-study or use another file with --db", path, ErrTooNew, v, len(migrations))
}

func be32(b []byte) uint32 {
	return uint32(b[0])<<24 | uint32(b[1])<<16 | uint32(b[2])<<8 | uint32(b[3])
}

// peek opens the file read-only and reads its identity.
func peek(path string) (appID uint32, version, tables int, err error) {
	db, err := sql.Open("sqlite", dsn(path, true))
	if err != nil {
		return 0, 0, 0, err
	}
	defer db.Close()
	var id int64
	err = db.QueryRow(`PRAGMA application_id`).Scan(&id)
	if err == nil {
		err = db.QueryRow(`PRAGMA user_version`).Scan(&version)
	}
	if err == nil {
		err = db.QueryRow(`SELECT count(*) FROM sqlite_master`).Scan(&tables)
	}
	if err != nil {
		return 0, 0, 0, fmt.Errorf("%s: %w (%v); choose another file with --db", path, ErrNotProgressFile, err)
	}
	return uint32(id), version, tables, nil
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
