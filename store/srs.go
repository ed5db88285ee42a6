package store

import (
	"context"
	"database/sql"
	"encoding/json"
	"errors"
	"fmt"
	"time"

	"github.com/saa-study/saa-study/srs"
)

// Item kinds in the schedule: a flashcard (or one cloze number of it, id
// "card-id::c1"), a scenario question, and a simulator lab.
const (
	KindCard     = "card"
	KindQuestion = "question"
	KindLab      = "lab"
)

// validKind reports whether kind is one the schedule holds.
func validKind(kind string) error {
	switch kind {
	case KindCard, KindQuestion, KindLab:
		return nil
	}
	return fmt.Errorf("kind must be %q, %q or %q, got %q", KindCard, KindQuestion, KindLab, kind)
}

// SRSItem is one schedulable item and its state.
type SRSItem struct {
	Kind        string    `json:"kind"`
	ItemID      string    `json:"item_id"`
	Deck        string    `json:"deck,omitempty"` // "" for the built-in content
	Ord         int       `json:"ord"`            // order new items are introduced in
	Card        srs.Card  `json:"card"`
	Suspended   bool      `json:"suspended,omitempty"`
	BuriedUntil time.Time `json:"buried_until,omitzero"`
	Leech       bool      `json:"leech,omitempty"`
}

// Key is "kind:item_id", unique across the schedule.
func (it SRSItem) Key() string { return it.Kind + ":" + it.ItemID }

// SRSRef names an item to register with RegisterSRSItems.
type SRSRef struct {
	Kind   string
	ItemID string
	Deck   string
	Ord    int
}

// ErrNoSuchItem is returned for an item that is not in the schedule.
var ErrNoSuchItem = errors.New("ResourceNotFoundException: no such item in the schedule")

// ns turns a time into the stored integer; the zero time is 0.
func ns(t time.Time) int64 {
	if t.IsZero() {
		return 0
	}
	return t.UnixNano()
}

// fromNS is the inverse of ns, in UTC.
func fromNS(v int64) time.Time {
	if v == 0 {
		return time.Time{}
	}
	return time.Unix(0, v).UTC()
}

const itemCols = `kind, item_id, deck, ord, due, stability, difficulty, elapsed_days, scheduled_days,
	reps, lapses, learning_steps, state, last_review, suspended, buried_until, leech`

type scanner interface{ Scan(...any) error }

func scanItem(r scanner) (SRSItem, error) {
	var it SRSItem
	var due, last, buried int64
	err := r.Scan(&it.Kind, &it.ItemID, &it.Deck, &it.Ord, &due, &it.Card.Stability, &it.Card.Difficulty,
		&it.Card.ElapsedDays, &it.Card.ScheduledDays, &it.Card.Reps, &it.Card.Lapses, &it.Card.LearningSteps,
		&it.Card.State, &last, &it.Suspended, &buried, &it.Leech)
	it.Card.Due, it.Card.LastReview, it.BuriedUntil = fromNS(due), fromNS(last), fromNS(buried)
	return it, err
}

func itemArgs(it SRSItem) []any {
	c := it.Card
	return []any{it.Kind, it.ItemID, it.Deck, it.Ord, ns(c.Due), c.Stability, c.Difficulty, c.ElapsedDays,
		c.ScheduledDays, c.Reps, c.Lapses, c.LearningSteps, int(c.State), ns(c.LastReview), it.Suspended,
		ns(it.BuriedUntil), it.Leech}
}

const upsertItem = `INSERT INTO srs_item (` + itemCols + `) VALUES (?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?)
	ON CONFLICT (kind, item_id) DO UPDATE SET deck = excluded.deck, ord = excluded.ord, due = excluded.due,
	stability = excluded.stability, difficulty = excluded.difficulty, elapsed_days = excluded.elapsed_days,
	scheduled_days = excluded.scheduled_days, reps = excluded.reps, lapses = excluded.lapses,
	learning_steps = excluded.learning_steps, state = excluded.state, last_review = excluded.last_review,
	suspended = excluded.suspended, buried_until = excluded.buried_until, leech = excluded.leech`

// RegisterSRSItems adds the items the schedule does not know yet as new
// cards due now, in one transaction, and returns how many it added. Known
// items keep their state (only their deck and order are refreshed).
func (s *Store) RegisterSRSItems(ctx context.Context, refs []SRSRef) (int, error) {
	now := ns(s.now())
	added := 0
	err := s.tx(ctx, func(tx *sql.Tx) error {
		st, err := tx.PrepareContext(ctx, `INSERT INTO srs_item (kind, item_id, deck, ord, due) VALUES (?, ?, ?, ?, ?)
			ON CONFLICT (kind, item_id) DO UPDATE SET deck = excluded.deck, ord = excluded.ord
			WHERE deck <> excluded.deck OR ord <> excluded.ord`)
		if err != nil {
			return err
		}
		defer st.Close()
		var before, after int
		if err := tx.QueryRowContext(ctx, `SELECT count(*) FROM srs_item`).Scan(&before); err != nil {
			return err
		}
		for _, r := range refs {
			if err := validKind(r.Kind); err != nil {
				return fmt.Errorf("ValidationException: item %q: %w", r.ItemID, err)
			}
			if _, err := st.ExecContext(ctx, r.Kind, r.ItemID, r.Deck, r.Ord, now); err != nil {
				return fmt.Errorf("registering %s %s: %w", r.Kind, r.ItemID, err)
			}
		}
		if err := tx.QueryRowContext(ctx, `SELECT count(*) FROM srs_item`).Scan(&after); err != nil {
			return err
		}
		added = after - before
		return nil
	})
	return added, err
}

// SRSItems returns every item in the schedule, in introduction order.
func (s *Store) SRSItems(ctx context.Context) ([]SRSItem, error) {
	return s.queryItems(ctx, `SELECT `+itemCols+` FROM srs_item ORDER BY ord, kind, item_id`)
}

// SRSItem returns one item, or ErrNoSuchItem.
func (s *Store) SRSItem(ctx context.Context, kind, itemID string) (SRSItem, error) {
	it, err := scanItem(s.db.QueryRowContext(ctx, `SELECT `+itemCols+` FROM srs_item WHERE kind = ? AND item_id = ?`, kind, itemID))
	if errors.Is(err, sql.ErrNoRows) {
		return it, fmt.Errorf("%w: %s %s", ErrNoSuchItem, kind, itemID)
	}
	return it, err
}

// SRSDue returns what a session needs and no more: unsuspended,
// unburied (re)learning items due before end (the end of the study day),
// up to reviewLimit Review items due before end, most overdue first, and up
// to newLimit new items in introduction order. Each part is a range scan
// of an index, so it stays fast with a large collection.
func (s *Store) SRSDue(ctx context.Context, now, end time.Time, reviewLimit, newLimit int) ([]SRSItem, error) {
	var out []SRSItem
	// New items first: measured on a 100 000-item file, this order keeps
	// each query a short index walk (the new-item scan was many times
	// slower when it ran after the review scan).
	if newLimit > 0 {
		news, err := s.queryItems(ctx, `SELECT `+itemCols+` FROM srs_item INDEXED BY srs_item_new
			WHERE state = 0 AND suspended = 0 AND buried_until <= ? ORDER BY ord, item_id LIMIT ?`, ns(now), newLimit)
		if err != nil {
			return nil, err
		}
		out = news
	}
	learn, err := s.queryItems(ctx, `SELECT `+itemCols+` FROM srs_item
		WHERE state IN (1, 3) AND suspended = 0 AND due < ? AND buried_until <= ? ORDER BY due`, ns(end), ns(now))
	if err != nil {
		return nil, err
	}
	out = append(out, learn...)
	if reviewLimit > 0 {
		rv, err := s.queryItems(ctx, `SELECT `+itemCols+` FROM srs_item
			WHERE state = 2 AND suspended = 0 AND due < ? AND buried_until <= ? ORDER BY due LIMIT ?`, ns(end), ns(now), reviewLimit)
		if err != nil {
			return nil, err
		}
		out = append(out, rv...)
	}
	return out, nil
}

func (s *Store) queryItems(ctx context.Context, q string, args ...any) ([]SRSItem, error) {
	rows, err := s.db.QueryContext(ctx, q, args...)
	if err != nil {
		return nil, fmt.Errorf("%s: reading the schedule: %w", s.path, err)
	}
	defer rows.Close()
	var out []SRSItem
	for rows.Next() {
		it, err := scanItem(rows)
		if err != nil {
			return nil, err
		}
		out = append(out, it)
	}
	return out, rows.Err()
}

// Review is one rating as the store commits it: the item before and after,
// and the scheduler's log.
type Review struct {
	ID         int64      `json:"id"`
	Kind       string     `json:"kind"`
	ItemID     string     `json:"item_id"`
	Rating     srs.Rating `json:"rating"`
	Before     SRSItem    `json:"-"`
	After      SRSItem    `json:"-"`
	ReviewedAt time.Time  `json:"reviewed_at"`
	DurationMS int64      `json:"duration_ms"`
}

// CommitReview writes the review log row and the item's new state in one
// durable transaction and returns the row id. When it returns nil the
// rating survives a crash.
func (s *Store) CommitReview(ctx context.Context, r Review) (int64, error) {
	if !r.Rating.Valid() {
		return 0, fmt.Errorf("ValidationException: rating must be 1..4, got %d", int(r.Rating))
	}
	if r.ReviewedAt.IsZero() {
		r.ReviewedAt = s.now()
	}
	var id int64
	err := s.tx(ctx, func(tx *sql.Tx) error {
		var err error
		id, err = commitReviewTx(ctx, tx, r)
		return err
	})
	if err != nil {
		return 0, err
	}
	return id, nil
}

// commitReviewTx writes the review log row and the item's new state
// inside tx. r is checked and completed by the caller.
func commitReviewTx(ctx context.Context, tx *sql.Tx, r Review) (int64, error) {
	r.Before.Kind, r.Before.ItemID = r.Kind, r.ItemID
	r.After.Kind, r.After.ItemID = r.Kind, r.ItemID
	prev, err := json.Marshal(r.Before)
	if err != nil {
		return 0, fmt.Errorf("encoding the previous state: %w", err)
	}
	a := r.After.Card
	res, err := tx.ExecContext(ctx, `INSERT INTO srs_review (kind, item_id, rating, state_before, state_after,
		stability, difficulty, elapsed_days, scheduled_days, due, reviewed_at, duration_ms, prev)
		VALUES (?,?,?,?,?,?,?,?,?,?,?,?,?)`,
		r.Kind, r.ItemID, int(r.Rating), int(r.Before.Card.State), int(a.State), a.Stability, a.Difficulty,
		a.ElapsedDays, a.ScheduledDays, ns(a.Due), ns(r.ReviewedAt), r.DurationMS, string(prev))
	if err != nil {
		return 0, fmt.Errorf("logging the review of %s %s: %w", r.Kind, r.ItemID, err)
	}
	id, err := res.LastInsertId()
	if err != nil {
		return 0, err
	}
	if _, err := tx.ExecContext(ctx, upsertItem, itemArgs(r.After)...); err != nil {
		return 0, fmt.Errorf("saving %s %s: %w", r.Kind, r.ItemID, err)
	}
	return id, nil
}

// ErrNothingToUndo is returned by UndoLastReview on an empty log.
var ErrNothingToUndo = errors.New("nothing to undo")

// UndoLastReview deletes the newest review and puts its item back the way
// it was before, in one transaction. It returns the item as restored.
func (s *Store) UndoLastReview(ctx context.Context) (SRSItem, error) {
	var it SRSItem
	err := s.tx(ctx, func(tx *sql.Tx) error {
		var err error
		it, err = undoLastTx(ctx, tx, "", "")
		return err
	})
	return it, err
}

// undoLastTx deletes the newest review inside tx and restores its item.
// With kind and itemID given it only undoes a review of that item, and
// otherwise returns ErrNothingToUndo.
func undoLastTx(ctx context.Context, tx *sql.Tx, kind, itemID string) (SRSItem, error) {
	var it SRSItem
	var id int64
	var prev, k, item string
	err := tx.QueryRowContext(ctx, `SELECT id, prev, kind, item_id FROM srs_review ORDER BY id DESC LIMIT 1`).Scan(&id, &prev, &k, &item)
	if errors.Is(err, sql.ErrNoRows) || (err == nil && kind != "" && (k != kind || item != itemID)) {
		return it, ErrNothingToUndo
	}
	if err != nil {
		return it, err
	}
	if err := json.Unmarshal([]byte(prev), &it); err != nil {
		return it, fmt.Errorf("review %d: its saved state is unreadable: %w", id, err)
	}
	if _, err := tx.ExecContext(ctx, upsertItem, itemArgs(it)...); err != nil {
		return it, err
	}
	_, err = tx.ExecContext(ctx, `DELETE FROM srs_review WHERE id = ?`, id)
	return it, err
}

// SetSuspended suspends or unsuspends an item.
func (s *Store) SetSuspended(ctx context.Context, kind, itemID string, on bool) error {
	return s.updateItem(ctx, `UPDATE srs_item SET suspended = ? WHERE kind = ? AND item_id = ?`, on, kind, itemID)
}

// Bury hides an item until the given time (the start of the next study
// day), without changing its schedule.
func (s *Store) Bury(ctx context.Context, kind, itemID string, until time.Time) error {
	return s.updateItem(ctx, `UPDATE srs_item SET buried_until = ? WHERE kind = ? AND item_id = ?`, ns(until), kind, itemID)
}

func (s *Store) updateItem(ctx context.Context, q string, args ...any) error {
	return s.tx(ctx, func(tx *sql.Tx) error {
		res, err := tx.ExecContext(ctx, q, args...)
		if err != nil {
			return err
		}
		if n, _ := res.RowsAffected(); n == 0 {
			return fmt.Errorf("%w: %v %v", ErrNoSuchItem, args[len(args)-2], args[len(args)-1])
		}
		return nil
	})
}
