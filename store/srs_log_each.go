package store

import (
	"context"
	"fmt"
)

// EachReview calls fn for every review of the log in the order they were
// written (a plain scan: an export sorts what it keeps itself), without
// the Prev snapshot, reading one row at a time: what an export of a long
// history needs without holding it all twice.
func (s *Store) EachReview(ctx context.Context, fn func(ReviewRecord) error) error {
	rows, err := s.db.QueryContext(ctx, `SELECT id, kind, item_id, rating, state_before, state_after, stability,
		difficulty, elapsed_days, scheduled_days, due, reviewed_at, duration_ms
		FROM srs_review ORDER BY id`)
	if err != nil {
		return fmt.Errorf("%s: reading reviews: %w", s.path, err)
	}
	defer rows.Close()
	for rows.Next() {
		var r ReviewRecord
		var due, at int64
		if err := rows.Scan(&r.ID, &r.Kind, &r.ItemID, &r.Rating, &r.StateBefore, &r.StateAfter, &r.Stability,
			&r.Difficulty, &r.ElapsedDays, &r.ScheduledDays, &due, &at, &r.DurationMS); err != nil {
			return err
		}
		r.Due, r.ReviewedAt = fromNS(due), fromNS(at)
		if err := fn(r); err != nil {
			return err
		}
	}
	return rows.Err()
}
