package store

import (
	"context"
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

const answerQuery = `SELECT id, kind, item_id, lang, correct, rating, chosen, duration_ms, source, answered_at FROM answers`

func scanAnswer(r scanner) (Answer, error) {
	var a Answer
	var ts string
	err := r.Scan(&a.ID, &a.Kind, &a.ItemID, &a.Lang, &a.Correct, &a.Rating, &a.Chosen, &a.DurationMS, &a.Source, &ts)
	a.AnsweredAt, _ = time.Parse(time.RFC3339Nano, ts)
	return a, err
}

// Answers returns every answer to one item, oldest first.
func (s *Store) Answers(ctx context.Context, kind, itemID string) ([]Answer, error) {
	rows, err := s.db.QueryContext(ctx, answerQuery+` WHERE kind = ? AND item_id = ? ORDER BY answered_at, id`, kind, itemID)
	if err != nil {
		return nil, err
	}
	defer rows.Close()
	var out []Answer
	for rows.Next() {
		a, err := scanAnswer(rows)
		if err != nil {
			return nil, err
		}
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

// Answer returns one stored answer by id.
func (s *Store) Answer(ctx context.Context, id int64) (Answer, error) {
	a, err := scanAnswer(s.db.QueryRowContext(ctx, answerQuery+` WHERE id = ?`, id))
	if err != nil {
		return a, fmt.Errorf("answer %d: %w", id, err)
	}
	return a, nil
}
