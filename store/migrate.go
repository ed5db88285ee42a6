package store

import (
	"context"
	"database/sql"
	"embed"
	"fmt"
	"io/fs"
	"sort"
	"strings"
	"sync"
)

//go:embed migrations/*.sql
var migrationFiles embed.FS

// migrations are the schema steps in order; version N is migrations[N-1].
// They are read when a progress file is first opened, not at start.
var migrations = sync.OnceValue(loadMigrations)

func loadMigrations() []string {
	names, err := fs.Glob(migrationFiles, "migrations/*.sql")
	if err != nil {
		panic(err) // the pattern is a constant
	}
	sort.Strings(names)
	out := make([]string, len(names))
	for i, n := range names {
		b, _ := migrationFiles.ReadFile(n)
		out[i] = string(b)
	}
	return out
}

// SchemaVersion is the version this program migrates files to.
func SchemaVersion() int { return len(migrations()) }

// migrate brings the database to SchemaVersion in one transaction, after
// keeping a copy of an existing file that is about to change.
func (s *Store) migrate(ctx context.Context, existed bool) error {
	ms := migrations()
	var v int
	if err := s.db.QueryRowContext(ctx, `PRAGMA user_version`).Scan(&v); err != nil {
		return fmt.Errorf("%s: %w", s.path, err)
	}
	if v > len(ms) {
		return fmt.Errorf("%s: %w (schema version %d; this one knows up to %d)", s.path, ErrTooNew, v, len(ms))
	}
	if v == len(ms) {
		return nil
	}
	if existed && v > 0 {
		backup := fmt.Sprintf("%s.bak-v%d", s.path, v)
		if _, err := s.db.ExecContext(ctx, `VACUUM INTO ?`, backup); err != nil && !strings.Contains(err.Error(), "already exists") {
			return fmt.Errorf("%s: keeping a copy before the upgrade: %w", s.path, err)
		}
	}
	return s.tx(ctx, func(tx *sql.Tx) error {
		for i := v; i < len(ms); i++ {
			if _, err := tx.ExecContext(ctx, ms[i]); err != nil {
				return fmt.Errorf("%s: migration %d: %w", s.path, i+1, err)
			}
		}
		if _, err := tx.ExecContext(ctx, fmt.Sprintf(`PRAGMA user_version = %d`, len(ms))); err != nil {
			return err
		}
		_, err := tx.ExecContext(ctx, fmt.Sprintf(`PRAGMA application_id = %d`, ApplicationID))
		return err
	})
}
