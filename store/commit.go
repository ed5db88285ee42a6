package store

import (
	"context"
	"database/sql"
	"errors"
	"fmt"
	"time"

	"github.com/saa-study/saa-study/srs"
)

// Schedule is the pure step of a commit: given an item's state before an
// answer (isNew when the schedule met the item just now), it returns the
// state after. It runs inside the transaction and must not touch the store.
type Schedule func(prev SRSItem, isNew bool) (next SRSItem, err error)

// CommitAnswer writes an answer and, when schedule is given, its review in
// one durable transaction: the answer row, the item registered in the
// schedule if it is new there, the review log row and the item's new
// state. The review has the answer's kind, item, rating, time and
// duration. Either all of it is on disk when CommitAnswer returns nil, or
// none of it is. next is the item as scheduled (zero without schedule).
func (s *Store) CommitAnswer(ctx context.Context, a Answer, schedule Schedule) (answerID int64, next SRSItem, err error) {
	if a.AnsweredAt.IsZero() {
		a.AnsweredAt = s.now()
	}
	if schedule != nil && !srs.Rating(a.Rating).Valid() {
		return 0, next, fmt.Errorf("ValidationException: rating must be 1..4, got %d", a.Rating)
	}
	err = s.tx(ctx, func(tx *sql.Tx) error {
		res, err := tx.ExecContext(ctx, `INSERT INTO answers (kind, item_id, lang, correct, rating, chosen, duration_ms, source, answered_at)
			VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)`,
			a.Kind, a.ItemID, a.Lang, a.Correct, a.Rating, a.Chosen, a.DurationMS, a.Source,
			a.AnsweredAt.UTC().Format(time.RFC3339Nano))
		if err != nil {
			return fmt.Errorf("%s: saving the answer to %s %s: %w", s.path, a.Kind, a.ItemID, err)
		}
		if answerID, err = res.LastInsertId(); err != nil {
			return err
		}
		if schedule == nil {
			return nil
		}
		next, err = s.scheduleTx(ctx, tx, a, schedule)
		return err
	})
	if err != nil {
		return 0, SRSItem{}, err
	}
	return answerID, next, nil
}

// scheduleTx registers the answer's item if it is new, reads its state,
// runs schedule and commits the review, all inside tx.
func (s *Store) scheduleTx(ctx context.Context, tx *sql.Tx, a Answer, schedule Schedule) (SRSItem, error) {
	if err := validKind(a.Kind); err != nil {
		return SRSItem{}, fmt.Errorf("ValidationException: item %q: %w", a.ItemID, err)
	}
	q := `SELECT ` + itemCols + ` FROM srs_item WHERE kind = ? AND item_id = ?`
	prev, err := scanItem(tx.QueryRowContext(ctx, q, a.Kind, a.ItemID))
	isNew := errors.Is(err, sql.ErrNoRows)
	if isNew {
		if _, err = tx.ExecContext(ctx, `INSERT INTO srs_item (kind, item_id, deck, ord, due) VALUES (?, ?, '', 0, ?)`,
			a.Kind, a.ItemID, ns(s.now())); err != nil {
			return SRSItem{}, fmt.Errorf("registering %s %s: %w", a.Kind, a.ItemID, err)
		}
		prev, err = scanItem(tx.QueryRowContext(ctx, q, a.Kind, a.ItemID))
	}
	if err != nil {
		return SRSItem{}, fmt.Errorf("%s: reading %s %s: %w", s.path, a.Kind, a.ItemID, err)
	}
	next, err := schedule(prev, isNew)
	if err != nil {
		return SRSItem{}, err
	}
	next.Kind, next.ItemID = a.Kind, a.ItemID
	r := Review{Kind: a.Kind, ItemID: a.ItemID, Rating: srs.Rating(a.Rating), Before: prev, After: next,
		ReviewedAt: a.AnsweredAt, DurationMS: a.DurationMS}
	if _, err := commitReviewTx(ctx, tx, r); err != nil {
		return SRSItem{}, err
	}
	return next, nil
}

// ErrScheduleMovedOn is returned by RerateAnswer when the item was
// reviewed again after the answer: the new rating is kept on the answer
// only and the schedule is left as it is.
var ErrScheduleMovedOn = errors.New("the schedule moved on since this answer; the new rating is kept on the answer only")

// RerateAnswer changes the rating of a stored answer (the learner's own
// 1–4 after seeing the feedback) in one transaction. scheduleOf is given
// the answer with its new rating and returns how to schedule it, or nil
// when the answer is not scheduled. Then, when the newest review is of the
// answer's item, that review is undone and done again with the new rating,
// at the answer's time; when the item's schedule moved on since, only the
// answer changes and the error is ErrScheduleMovedOn (the rating is
// committed all the same).
func (s *Store) RerateAnswer(ctx context.Context, id int64, rating int, scheduleOf func(Answer) Schedule) (SRSItem, error) {
	if rating < 1 || rating > 4 {
		return SRSItem{}, fmt.Errorf("rating %d: must be 1 to 4", rating)
	}
	var next SRSItem
	movedOn := false
	err := s.tx(ctx, func(tx *sql.Tx) error {
		res, err := tx.ExecContext(ctx, `UPDATE answers SET rating = ? WHERE id = ?`, rating, id)
		if err != nil {
			return err
		}
		if n, _ := res.RowsAffected(); n != 1 {
			return fmt.Errorf("answer %d not found", id)
		}
		a, err := scanAnswer(tx.QueryRowContext(ctx, answerQuery+` WHERE id = ?`, id))
		if err != nil {
			return fmt.Errorf("answer %d: %w", id, err)
		}
		var schedule Schedule
		if scheduleOf != nil {
			schedule = scheduleOf(a)
		}
		if schedule == nil {
			return nil
		}
		if _, err := undoLastTx(ctx, tx, a.Kind, a.ItemID); err != nil {
			if errors.Is(err, ErrNothingToUndo) {
				movedOn = true
				return nil
			}
			return err
		}
		next, err = s.scheduleTx(ctx, tx, a, schedule)
		return err
	})
	if err == nil && movedOn {
		err = ErrScheduleMovedOn
	}
	return next, err
}
