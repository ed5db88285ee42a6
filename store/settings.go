package store

import (
	"context"
	"database/sql"
	"errors"
	"time"
)

// Setting returns a stored setting, or "" and false when unset.
func (s *Store) Setting(ctx context.Context, key string) (string, bool, error) {
	var v string
	err := s.db.QueryRowContext(ctx, `SELECT value FROM settings WHERE key = ?`, key).Scan(&v)
	if errors.Is(err, sql.ErrNoRows) {
		return "", false, nil
	}
	return v, err == nil, err
}

// Settings returns every stored setting.
func (s *Store) Settings(ctx context.Context) (map[string]string, error) {
	rows, err := s.db.QueryContext(ctx, `SELECT key, value FROM settings`)
	if err != nil {
		return nil, err
	}
	defer rows.Close()
	out := map[string]string{}
	for rows.Next() {
		var k, v string
		if err := rows.Scan(&k, &v); err != nil {
			return nil, err
		}
		out[k] = v
	}
	return out, rows.Err()
}

// SetSetting stores a setting durably.
func (s *Store) SetSetting(ctx context.Context, key, value string) error {
	return s.tx(ctx, func(tx *sql.Tx) error {
		_, err := tx.ExecContext(ctx, `INSERT INTO settings (key, value) VALUES (?, ?)
			ON CONFLICT (key) DO UPDATE SET value = excluded.value`, key, value)
		return err
	})
}

// NotePosition is where the learner stopped in a note.
type NotePosition struct {
	Line    int
	ReadPct int
	Updated time.Time
}

// NotePosition returns the saved place in a note (zero when none).
func (s *Store) NotePosition(ctx context.Context, lang, noteID string) (NotePosition, error) {
	var p NotePosition
	var ts string
	err := s.db.QueryRowContext(ctx, `SELECT line, read_pct, updated_at FROM note_position WHERE lang = ? AND note_id = ?`,
		lang, noteID).Scan(&p.Line, &p.ReadPct, &ts)
	if errors.Is(err, sql.ErrNoRows) {
		return NotePosition{}, nil
	}
	if err != nil {
		return p, err
	}
	p.Updated, _ = time.Parse(time.RFC3339Nano, ts)
	return p, nil
}

// NotePositions returns the saved places of every note in a language.
func (s *Store) NotePositions(ctx context.Context, lang string) (map[string]NotePosition, error) {
	rows, err := s.db.QueryContext(ctx, `SELECT note_id, line, read_pct, updated_at FROM note_position WHERE lang = ?`, lang)
	if err != nil {
		return nil, err
	}
	defer rows.Close()
	out := map[string]NotePosition{}
	for rows.Next() {
		var id, ts string
		var p NotePosition
		if err := rows.Scan(&id, &p.Line, &p.ReadPct, &ts); err != nil {
			return nil, err
		}
		p.Updated, _ = time.Parse(time.RFC3339Nano, ts)
		out[id] = p
	}
	return out, rows.Err()
}

// SaveNotePosition records the place in a note; the read share only grows.
func (s *Store) SaveNotePosition(ctx context.Context, lang, noteID string, line, readPct int) error {
	return s.tx(ctx, func(tx *sql.Tx) error {
		_, err := tx.ExecContext(ctx, `INSERT INTO note_position (lang, note_id, line, read_pct, updated_at) VALUES (?, ?, ?, ?, ?)
			ON CONFLICT (lang, note_id) DO UPDATE SET line = excluded.line,
				read_pct = max(read_pct, excluded.read_pct), updated_at = excluded.updated_at`,
			lang, noteID, line, readPct, s.stamp())
		return err
	})
}
