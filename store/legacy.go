package store

import (
	"context"
	"database/sql"
	"fmt"
)

// RecordAnswer commits an answer durably and returns its row id.
func (s *Store) RecordAnswer(ctx context.Context, a Answer) (int64, error) {
	id, _, err := s.CommitAnswer(ctx, a, nil)
	return id, err
}

// SetAnswerRating changes the rating of a stored answer.
func (s *Store) SetAnswerRating(ctx context.Context, id int64, rating int) error {
	_, err := s.RerateAnswer(ctx, id, rating, nil)
	return err
}

// UndoLastReviewOf undoes the newest review only when it is of the given
// item; otherwise it changes nothing and returns ErrNothingToUndo.
func (s *Store) UndoLastReviewOf(ctx context.Context, kind, itemID string) (SRSItem, error) {
	if kind == "" {
		return SRSItem{}, fmt.Errorf("ValidationException: kind is required")
	}
	var it SRSItem
	err := s.tx(ctx, func(tx *sql.Tx) error {
		var err error
		it, err = undoLastTx(ctx, tx, kind, itemID)
		return err
	})
	return it, err
}
