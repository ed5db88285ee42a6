package store

import (
	"context"
	"database/sql"
	"fmt"
	"time"
)

// Answer is one graded answer to a question or a flashcard.
type Answer struct {
	ID         int64
	Kind       string // "question" or "card"
	ItemID     string
	Lang       string
	Correct    bool
	Rating     int // 1 Again, 2 Hard, 3 Good, 4 Easy
	Chosen     string
	DurationMS int64
	Source     string // "study", "practice", "exam", "review", …
	AnsweredAt time.Time
}

// RecordAnswer commits an answer durably and returns its row id. When it
// returns nil the answer survives a crash.
func (s *Store) RecordAnswer(ctx context.Context, a Answer) (int64, error) {
	if a.AnsweredAt.IsZero() {
		a.AnsweredAt = s.now()
	}
	var id int64
	err := s.tx(ctx, func(tx *sql.Tx) error {
		res, err := tx.ExecContext(ctx, `INSERT INTO answers (kind, item_id, lang, correct, rating, chosen, duration_ms, source, answered_at)
			VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)`,
			a.Kind, a.ItemID, a.Lang, a.Correct, a.Rating, a.Chosen, a.DurationMS, a.Source,
			a.AnsweredAt.UTC().Format(time.RFC3339Nano))
		if err != nil {
			return err
		}
		id, err = res.LastInsertId()
		return err
	})
	return id, err
}

// Answers returns every answer to one item, oldest first.
func (s *Store) Answers(ctx context.Context, kind, itemID string) ([]Answer, error) {
	rows, err := s.db.QueryContext(ctx, `SELECT id, kind, item_id, lang, correct, rating, chosen, duration_ms, source, answered_at
		FROM answers WHERE kind = ? AND item_id = ? ORDER BY answered_at, id`, kind, itemID)
	if err != nil {
		return nil, err
	}
	defer rows.Close()
	var out []Answer
	for rows.Next() {
		var a Answer
		var ts string
		if err := rows.Scan(&a.ID, &a.Kind, &a.ItemID, &a.Lang, &a.Correct, &a.Rating, &a.Chosen, &a.DurationMS, &a.Source, &ts); err != nil {
			return nil, err
		}
		a.AnsweredAt, _ = time.Parse(time.RFC3339Nano, ts)
		out = append(out, a)
	}
	return out, rows.Err()
}

// AnswerCount returns how many answers are stored.
func (s *Store) AnswerCount(ctx context.Context) (int, error) {
	var n int
	err := s.db.QueryRowContext(ctx, `SELECT count(*) FROM answers`).Scan(&n)
	return n, err
}

// SetAnswerRating changes the rating of a stored answer (the learner's own
// 1–4 after seeing the feedback).
func (s *Store) SetAnswerRating(ctx context.Context, id int64, rating int) error {
	if rating < 1 || rating > 4 {
		return fmt.Errorf("rating %d: must be 1 to 4", rating)
	}
	return s.tx(ctx, func(tx *sql.Tx) error {
		res, err := tx.ExecContext(ctx, `UPDATE answers SET rating = ? WHERE id = ?`, rating, id)
		if err != nil {
			return err
		}
		if n, _ := res.RowsAffected(); n != 1 {
			return fmt.Errorf("answer %d not found", id)
		}
		return nil
	})
}

// Answer returns one stored answer by id.
func (s *Store) Answer(ctx context.Context, id int64) (Answer, error) {
	var a Answer
	var ts string
	err := s.db.QueryRowContext(ctx, `SELECT id, kind, item_id, lang, correct, rating, chosen, duration_ms, source, answered_at
		FROM answers WHERE id = ?`, id).Scan(&a.ID, &a.Kind, &a.ItemID, &a.Lang, &a.Correct, &a.Rating, &a.Chosen, &a.DurationMS, &a.Source, &ts)
	if err != nil {
		return a, fmt.Errorf("answer %d: %w", id, err)
	}
	a.AnsweredAt, _ = time.Parse(time.RFC3339Nano, ts)
	return a, nil
}
