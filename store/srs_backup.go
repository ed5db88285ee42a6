package store

import (
	"bufio"
	"context"
	"database/sql"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"slices"
	"strings"
	"time"
)

// BackupFormat and BackupVersion identify a backup file. Restore refuses a
// file of another format or a newer version.
const (
	BackupFormat  = "saa-study-backup"
	BackupVersion = 1
)

// backupTables lists every table of the schema: all of them hold the
// learner's progress (settings, answers, schedule, reviews, decks, exams …),
// so a backup is the whole file's content.
func backupTables(ctx context.Context, q interface {
	QueryContext(context.Context, string, ...any) (*sql.Rows, error)
}) ([]string, error) {
	rows, err := q.QueryContext(ctx, `SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%' ORDER BY name`)
	if err != nil {
		return nil, err
	}
	defer rows.Close()
	var out []string
	for rows.Next() {
		var n string
		if err := rows.Scan(&n); err != nil {
			return nil, err
		}
		out = append(out, n)
	}
	return out, rows.Err()
}

// BackupFile is the JSON of a backup:
//
//	{"format":"saa-study-backup","version":1,"schema":3,"created_at":"…",
//	 "tables":{"srs_item":{"columns":["kind","item_id",…],"rows":[["card","x",…]]},…}}
type BackupFile struct {
	Format    string                  `json:"format"`
	Version   int                     `json:"version"`
	Schema    int                     `json:"schema"`
	CreatedAt string                  `json:"created_at"`
	Tables    map[string]*BackupTable `json:"tables"`
}

// BackupTable is one table: column names and rows of values.
type BackupTable struct {
	Columns []string `json:"columns"`
	Rows    [][]any  `json:"rows"`
}

// ErrBadBackup describes a backup Restore cannot read; the store is left
// untouched.
var ErrBadBackup = errors.New("not a readable saa-study backup")

// Backup writes all progress as JSON to w, from one consistent read.
func (s *Store) Backup(ctx context.Context, w io.Writer) error {
	f := BackupFile{Format: BackupFormat, Version: BackupVersion, Schema: SchemaVersion(),
		CreatedAt: s.now().UTC().Format(time.RFC3339), Tables: map[string]*BackupTable{}}
	tx, err := s.db.BeginTx(ctx, &sql.TxOptions{ReadOnly: true})
	if err != nil {
		return fmt.Errorf("%s: backup: %w", s.path, err)
	}
	defer tx.Rollback()
	tables, err := backupTables(ctx, tx)
	if err != nil {
		return fmt.Errorf("%s: backup: %w", s.path, err)
	}
	for _, t := range tables {
		bt, err := dumpTable(ctx, tx, t)
		if err != nil {
			return fmt.Errorf("%s: backup of %s: %w", s.path, t, err)
		}
		f.Tables[t] = bt
	}
	bw := bufio.NewWriter(w)
	if err := json.NewEncoder(bw).Encode(f); err != nil {
		return fmt.Errorf("writing the backup: %w", err)
	}
	if err := bw.Flush(); err != nil {
		return fmt.Errorf("writing the backup: %w", err)
	}
	return nil
}

func dumpTable(ctx context.Context, tx *sql.Tx, table string) (*BackupTable, error) {
	rows, err := tx.QueryContext(ctx, `SELECT * FROM "`+table+`"`)
	if err != nil {
		return nil, err
	}
	defer rows.Close()
	cols, err := rows.Columns()
	if err != nil {
		return nil, err
	}
	bt := &BackupTable{Columns: cols, Rows: [][]any{}}
	for rows.Next() {
		vals := make([]any, len(cols))
		ptrs := make([]any, len(cols))
		for i := range vals {
			ptrs[i] = &vals[i]
		}
		if err := rows.Scan(ptrs...); err != nil {
			return nil, err
		}
		for i, v := range vals {
			if b, ok := v.([]byte); ok {
				vals[i] = string(b)
			}
		}
		bt.Rows = append(bt.Rows, vals)
	}
	return bt, rows.Err()
}

// ReadBackup parses and checks a backup without touching any store.
func ReadBackup(r io.Reader) (*BackupFile, error) {
	dec := json.NewDecoder(bufio.NewReader(r))
	dec.UseNumber() // nanosecond times do not fit a float64
	var f BackupFile
	if err := dec.Decode(&f); err != nil {
		return nil, fmt.Errorf("%w: %w", ErrBadBackup, err)
	}
	if f.Format != BackupFormat {
		return nil, fmt.Errorf("%w: format is %q, want %q", ErrBadBackup, f.Format, BackupFormat)
	}
	if f.Version > BackupVersion {
		return nil, fmt.Errorf("%w: backup version %d; this saa-study reads up to %d, upgrade it first", ErrTooNew, f.Version, BackupVersion)
	}
	if f.Version < 1 {
		return nil, fmt.Errorf("%w: version %d", ErrBadBackup, f.Version)
	}
	for name, t := range f.Tables {
		if t == nil {
			return nil, fmt.Errorf("%w: table %q is null", ErrBadBackup, name)
		}
		for i, row := range t.Rows {
			if len(row) != len(t.Columns) {
				return nil, fmt.Errorf("%w: table %s row %d has %d values for %d columns", ErrBadBackup, name, i, len(row), len(t.Columns))
			}
			for j, v := range row {
				switch v := v.(type) {
				case json.Number:
					if n, err := v.Int64(); err == nil {
						row[j] = n
					} else if x, err := v.Float64(); err == nil {
						row[j] = x
					} else {
						return nil, fmt.Errorf("%w: table %s row %d: bad number %s", ErrBadBackup, name, i, v)
					}
				case string, nil:
				case bool:
					row[j] = map[bool]int64{false: 0, true: 1}[v]
				default:
					return nil, fmt.Errorf("%w: table %s row %d: value of type %T", ErrBadBackup, name, i, v)
				}
			}
		}
	}
	return &f, nil
}

// Restore replaces all progress with the backup in r, in one transaction.
// A file it cannot read, or one from a newer version, is refused before
// anything is written; a failure half way rolls everything back.
func (s *Store) Restore(ctx context.Context, r io.Reader) error {
	f, err := ReadBackup(r)
	if err != nil {
		return err
	}
	return s.RestoreFile(ctx, f)
}

// RestoreFile replaces all progress with a backup read by ReadBackup, in
// one transaction.
func (s *Store) RestoreFile(ctx context.Context, f *BackupFile) error {
	return s.tx(ctx, func(tx *sql.Tx) error {
		tables, err := backupTables(ctx, tx)
		if err != nil {
			return err
		}
		for name := range f.Tables {
			if !slices.Contains(tables, name) {
				return fmt.Errorf("%w: unknown table %q", ErrBadBackup, name)
			}
		}
		// Foreign keys are checked at commit, so tables can be cleared and
		// filled in any order.
		if _, err := tx.ExecContext(ctx, `PRAGMA defer_foreign_keys = ON`); err != nil {
			return err
		}
		for _, name := range tables {
			if _, err := tx.ExecContext(ctx, `DELETE FROM "`+name+`"`); err != nil {
				return fmt.Errorf("restore: clearing %s: %w", name, err)
			}
		}
		for _, name := range tables {
			t := f.Tables[name]
			if t == nil || len(t.Rows) == 0 {
				continue
			}
			if err := restoreTable(ctx, tx, name, t); err != nil {
				return fmt.Errorf("restore: %s: %w", name, err)
			}
		}
		return nil
	})
}

func restoreTable(ctx context.Context, tx *sql.Tx, name string, t *BackupTable) error {
	known, err := tableColumns(ctx, tx, name)
	if err != nil {
		return err
	}
	for _, c := range t.Columns {
		if !known[c] {
			return fmt.Errorf("%w: unknown column %q", ErrBadBackup, c)
		}
	}
	q := fmt.Sprintf(`INSERT INTO "%s" (%s) VALUES (%s)`, name, strings.Join(quoteAll(t.Columns), ", "),
		strings.TrimSuffix(strings.Repeat("?, ", len(t.Columns)), ", "))
	st, err := tx.PrepareContext(ctx, q)
	if err != nil {
		return err
	}
	defer st.Close()
	for i, row := range t.Rows {
		if _, err := st.ExecContext(ctx, row...); err != nil {
			return fmt.Errorf("row %d: %w", i, err)
		}
	}
	return nil
}

func tableColumns(ctx context.Context, tx *sql.Tx, name string) (map[string]bool, error) {
	rows, err := tx.QueryContext(ctx, `SELECT name FROM pragma_table_info(?)`, name)
	if err != nil {
		return nil, err
	}
	defer rows.Close()
	out := map[string]bool{}
	for rows.Next() {
		var c string
		if err := rows.Scan(&c); err != nil {
			return nil, err
		}
		out[c] = true
	}
	return out, rows.Err()
}

func quoteAll(cols []string) []string {
	out := make([]string, len(cols))
	for i, c := range cols {
		out[i] = `"` + strings.ReplaceAll(c, `"`, `""`) + `"`
	}
	return out
}
