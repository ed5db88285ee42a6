package store

import (
	"context"
	"database/sql"
	"encoding/json"
	"errors"
	"fmt"
	"sort"
	"strings"
	"time"

	"github.com/saa-study/saa-study/srs"
)

// ImportReview is one answer of an imported history.
type ImportReview struct {
	At         time.Time
	Rating     srs.Rating
	DurationMS int64
}

// ImportItem is one schedulable item of an import and its history, oldest
// first.
type ImportItem struct {
	Kind, ItemID, Deck string
	Ord                int
	Suspended          bool // applies to an item the schedule does not have yet
	Reviews            []ImportReview
	// State, when not nil and there are no reviews, is the state an item
	// the schedule does not have yet starts in (a schedule without its
	// history).
	State *srs.Card
}

// ImportBatch is everything an import writes: its decks, their cards and
// the items with their histories.
type ImportBatch struct {
	Decks []Deck
	Cards []DeckCard
	Items []ImportItem
	Now   time.Time // when new items come due (zero: the store's clock)
}

// ImportResult counts what an import changed.
type ImportResult struct {
	Decks     int // decks created
	Cards     int // items added or changed (text or history)
	Reviews   int // reviews added to the log
	Unchanged int // items already there as imported
}

// Replayer schedules a whole history from a new card on and returns the
// card after each review.
type Replayer func(item SRSItem, history []ImportReview) ([]srs.Card, error)

// Import writes b in one transaction. A review already in the log
// (the same item, the same millisecond) is not added again, so importing
// the same package twice changes nothing. An item that gains reviews has
// its whole history, old and new, replayed by replay and rewritten in
// order, so its state is what that history gives. progress, when not nil,
// is called as items are written.
func (s *Store) Import(ctx context.Context, b ImportBatch, replay Replayer, progress func(done, total int)) (ImportResult, error) {
	var res ImportResult
	now := b.Now
	if now.IsZero() {
		now = s.now()
	}
	err := s.tx(ctx, func(tx *sql.Tx) error {
		// A large import touches many pages; a bigger page cache for this
		// transaction keeps SQLite from spilling them to the WAL early.
		if _, err := tx.ExecContext(ctx, `PRAGMA cache_size = -65536`); err != nil {
			return err
		}
		defer tx.ExecContext(context.WithoutCancel(ctx), `PRAGMA cache_size = -2000`)
		for _, d := range b.Decks {
			created, err := importDeckTx(ctx, tx, d, s.stamp())
			if err != nil {
				return err
			}
			if created {
				res.Decks++
			}
		}
		changed, err := importCardsTx(ctx, tx, b.Cards)
		if err != nil {
			return err
		}
		im := importer{ctx: ctx, tx: tx, replay: replay, now: now}
		if err := im.prepare(); err != nil {
			return err
		}
		defer im.close()
		for i, it := range b.Items {
			added, fresh, err := im.item(it)
			if err != nil {
				return err
			}
			res.Reviews += added
			if added > 0 || fresh || changed[it.ItemID] {
				res.Cards++
			} else {
				res.Unchanged++
			}
			if progress != nil && (i%500 == 499 || i == len(b.Items)-1) {
				progress(i+1, len(b.Items))
			}
		}
		return nil
	})
	if err != nil {
		return ImportResult{}, err
	}
	return res, nil
}

func importDeckTx(ctx context.Context, tx *sql.Tx, d Deck, stamp string) (bool, error) {
	if !ValidDeckID(d.ID) {
		return false, fmt.Errorf("ValidationException: deck id %q: use lowercase letters, digits and '-' (at most 63)", d.ID)
	}
	var src, path string
	err := tx.QueryRowContext(ctx, `SELECT source, path FROM srs_deck WHERE id = ?`, d.ID).Scan(&src, &path)
	switch {
	case errors.Is(err, sql.ErrNoRows):
		_, err = tx.ExecContext(ctx, `INSERT INTO srs_deck (id, source, path, created_at) VALUES (?, ?, ?, ?)`, d.ID, DeckImport, d.Path, stamp)
		return err == nil, err
	case err != nil:
		return false, err
	case src != DeckImport:
		return false, fmt.Errorf("%w: %q is a %s deck; import into another deck id", ErrDeckExists, d.ID, src)
	case path == "" && d.Path != "":
		_, err = tx.ExecContext(ctx, `UPDATE srs_deck SET path = ? WHERE id = ?`, d.Path, d.ID)
	}
	return false, err
}

// importCardsTx upserts deck cards and returns the "deck/card" keys whose
// text or tags changed (new ones included). A card already there keeps
// its place in the order new cards come in.
func importCardsTx(ctx context.Context, tx *sql.Tx, cards []DeckCard) (map[string]bool, error) {
	changed := map[string]bool{}
	st, err := tx.PrepareContext(ctx, `INSERT INTO srs_deck_card (deck, card_id, ord, front, back, tags) VALUES (?, ?, ?, ?, ?, ?)
		ON CONFLICT (deck, card_id) DO UPDATE SET front = excluded.front, back = excluded.back, tags = excluded.tags
		WHERE front <> excluded.front OR back <> excluded.back OR tags <> excluded.tags`)
	if err != nil {
		return nil, err
	}
	defer st.Close()
	for _, c := range cards {
		r, err := st.ExecContext(ctx, c.Deck, c.CardID, c.Ord, c.Front, c.Back, strings.Join(c.Tags, " "))
		if err != nil {
			return nil, fmt.Errorf("importing card %s/%s: %w", c.Deck, c.CardID, err)
		}
		if n, _ := r.RowsAffected(); n > 0 {
			changed[c.Deck+"/"+c.CardID] = true
		}
	}
	return changed, nil
}

// importer writes items inside one transaction with prepared statements.
type importer struct {
	ctx                            context.Context
	tx                             *sql.Tx
	replay                         Replayer
	now                            time.Time
	getItem, getRevs, delRevs, ins *sql.Stmt
	upsert, register               *sql.Stmt
}

func (im *importer) prepare() error {
	var err error
	prep := func(q string) *sql.Stmt {
		if err != nil {
			return nil
		}
		var st *sql.Stmt
		st, err = im.tx.PrepareContext(im.ctx, q)
		return st
	}
	im.getItem = prep(`SELECT ` + itemCols + ` FROM srs_item WHERE kind = ? AND item_id = ?`)
	im.getRevs = prep(`SELECT rating, reviewed_at, duration_ms FROM srs_review WHERE kind = ? AND item_id = ? ORDER BY reviewed_at, id`)
	im.delRevs = prep(`DELETE FROM srs_review WHERE kind = ? AND item_id = ?`)
	im.ins = prep(`INSERT INTO srs_review (kind, item_id, rating, state_before, state_after,
		stability, difficulty, elapsed_days, scheduled_days, due, reviewed_at, duration_ms, prev)
		VALUES (?,?,?,?,?,?,?,?,?,?,?,?,?)`)
	im.upsert = prep(upsertItem)
	im.register = prep(`INSERT INTO srs_item (kind, item_id, deck, ord, due, suspended) VALUES (?, ?, ?, ?, ?, ?) ON CONFLICT DO NOTHING`)
	return err
}

func (im *importer) close() {
	for _, st := range []*sql.Stmt{im.getItem, im.getRevs, im.delRevs, im.ins, im.upsert, im.register} {
		if st != nil {
			st.Close()
		}
	}
}

// item writes one item: it returns how many reviews it added and whether
// the item is new to the schedule.
func (im *importer) item(it ImportItem) (int, bool, error) {
	if err := validKind(it.Kind); err != nil {
		return 0, false, fmt.Errorf("ValidationException: item %q: %w", it.ItemID, err)
	}
	cur, err := scanItem(im.getItem.QueryRowContext(im.ctx, it.Kind, it.ItemID))
	fresh := errors.Is(err, sql.ErrNoRows)
	if err != nil && !fresh {
		return 0, false, err
	}
	if fresh {
		cur = SRSItem{Kind: it.Kind, ItemID: it.ItemID, Deck: it.Deck, Ord: it.Ord, Card: srs.NewCard(im.now), Suspended: it.Suspended}
	}
	var old []ImportReview
	if !fresh {
		if old, err = im.history(it); err != nil {
			return 0, false, err
		}
	}
	seen := make(map[int64]bool, len(old))
	for _, r := range old {
		seen[r.At.UnixMilli()] = true
	}
	all := old
	for _, r := range it.Reviews {
		if !seen[r.At.UnixMilli()] {
			seen[r.At.UnixMilli()] = true
			all = append(all, r)
		}
	}
	added := len(all) - len(old)
	if added == 0 {
		if fresh && it.State != nil && len(all) == 0 {
			cur.Card = *it.State
			_, err := im.upsert.ExecContext(im.ctx, itemArgs(cur)...)
			return 0, true, err
		}
		if fresh {
			_, err := im.register.ExecContext(im.ctx, it.Kind, it.ItemID, it.Deck, it.Ord, ns(im.now), it.Suspended)
			return 0, true, err
		}
		return 0, false, nil
	}
	sort.SliceStable(all, func(i, j int) bool { return all[i].At.Before(all[j].At) })
	start := cur
	start.Card = srs.NewCard(all[0].At)
	cards, err := im.replay(start, all)
	if err != nil {
		return 0, false, fmt.Errorf("replaying the history of %s %s: %w", it.Kind, it.ItemID, err)
	}
	if _, err := im.delRevs.ExecContext(im.ctx, it.Kind, it.ItemID); err != nil {
		return 0, false, err
	}
	before := start
	for i, r := range all {
		prev, err := json.Marshal(before)
		if err != nil {
			return 0, false, err
		}
		a := cards[i]
		if _, err := im.ins.ExecContext(im.ctx, it.Kind, it.ItemID, int(r.Rating), int(before.Card.State), int(a.State),
			a.Stability, a.Difficulty, a.ElapsedDays, a.ScheduledDays, ns(a.Due), ns(r.At), r.DurationMS, string(prev)); err != nil {
			return 0, false, fmt.Errorf("logging a review of %s %s: %w", it.Kind, it.ItemID, err)
		}
		before.Card = a
	}
	if _, err := im.upsert.ExecContext(im.ctx, itemArgs(before)...); err != nil {
		return 0, false, fmt.Errorf("saving %s %s: %w", it.Kind, it.ItemID, err)
	}
	return added, fresh, nil
}

func (im *importer) history(it ImportItem) ([]ImportReview, error) {
	rows, err := im.getRevs.QueryContext(im.ctx, it.Kind, it.ItemID)
	if err != nil {
		return nil, err
	}
	defer rows.Close()
	var out []ImportReview
	for rows.Next() {
		var r ImportReview
		var at int64
		if err := rows.Scan(&r.Rating, &at, &r.DurationMS); err != nil {
			return nil, err
		}
		r.At = fromNS(at)
		out = append(out, r)
	}
	return out, rows.Err()
}
