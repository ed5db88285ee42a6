package store

import (
	"context"
	"database/sql"
	"fmt"
	"math/rand/v2"
	"os"
	"path/filepath"
	"slices"
	"sync"
	"testing"
	"time"

	"github.com/saa-study/saa-study/srs"
)

// GenerateCollection fills an open store with n items and about reviews
// review rows, in one transaction with prepared statements. Items get
// plausible FSRS states spread so that a few percent are due today; the
// seed makes the file reproducible.
func generateCollection(ctx context.Context, s *Store, n, reviews int, now time.Time, seed uint64) error {
	rng := rand.New(rand.NewPCG(seed, seed^0x5AA5))
	return s.tx(ctx, func(tx *sql.Tx) error {
		// Build the indexes once at the end rather than row by row.
		idx, err := dropIndexes(ctx, tx, "srs_item", "srs_review")
		if err != nil {
			return err
		}

		ins, err := tx.PrepareContext(ctx, `INSERT INTO srs_item (`+itemCols+`) VALUES (?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?)`)
		if err != nil {
			return err
		}
		defer ins.Close()
		rev, err := tx.PrepareContext(ctx, `INSERT INTO srs_review (kind, item_id, rating, state_before, state_after,
			stability, difficulty, elapsed_days, scheduled_days, due, reviewed_at, duration_ms, prev)
			VALUES (?,?,?,?,?,?,?,?,?,?,?,?,'{}')`)
		if err != nil {
			return err
		}
		defer rev.Close()
		per := reviews / max(1, n)
		extra := reviews - per*n
		for i := range n {
			it := SRSItem{Kind: KindCard, ItemID: fmt.Sprintf("gen-%06d", i), Ord: i}
			k := per
			if i < extra {
				k++
			}
			switch {
			case i%10 == 0: // 10% never studied
				it.Card = srs.NewCard(now)
				k = 0
			default:
				ivl := 1 + rng.IntN(120)
				last := now.Add(-time.Duration(rng.IntN(ivl*24+24)) * time.Hour)
				it.Card = srs.Card{State: srs.Review, Stability: float64(ivl) * 1.1, Difficulty: 1 + 9*rng.Float64(),
					ScheduledDays: ivl, Reps: k, Lapses: rng.IntN(3), LastReview: last,
					Due: last.Add(time.Duration(ivl) * 24 * time.Hour)}
				if i%1000 == 1 { // 0.1% in learning steps
					it.Card.State, it.Card.Due = srs.Learning, now.Add(time.Duration(rng.IntN(30))*time.Minute)
				}
			}
			if _, err := ins.ExecContext(ctx, itemArgs(it)...); err != nil {
				return err
			}
			at := it.Card.LastReview
			for j := range k {
				if _, err := rev.ExecContext(ctx, it.Kind, it.ItemID, 1+rng.IntN(4), min(j, 2), 2, 3.0, 5.0, 3, 5,
					ns(at.Add(72*time.Hour)), ns(at), 4000); err != nil {
					return err
				}
				at = at.Add(-time.Duration(24+rng.IntN(24*20)) * time.Hour)
			}
		}
		for _, q := range idx {
			if _, err := tx.ExecContext(ctx, q); err != nil {
				return err
			}
		}
		return nil
	})
}

var (
	benchOnce sync.Once
	benchPath string
	benchErr  error
	benchDir  string // removed by TestMain
)

var benchNow = time.Date(2026, 11, 27, 9, 0, 0, 0, time.UTC)

// benchFile builds the 100 000-item, 1 000 000-review file once per run.
func benchFile(b *testing.B) string {
	benchOnce.Do(func() {
		benchDir, benchErr = os.MkdirTemp("", "saa-srs-bench")
		if benchErr != nil {
			return
		}
		benchPath = filepath.Join(benchDir, "big.db")
		s, err := Open(benchPath, Options{Now: func() time.Time { return benchNow }})
		if err != nil {
			benchErr = err
			return
		}
		defer s.Close()
		start := time.Now()
		benchErr = generateCollection(context.Background(), s, 100_000, 1_000_000, benchNow, 1)
		fmt.Fprintf(os.Stderr, "generated 100000 items and 1000000 reviews in %v\n", time.Since(start).Round(time.Millisecond))
	})
	if benchErr != nil {
		b.Fatal(benchErr)
	}
	return benchPath
}

// firstDue is the path from an open store to the first card to show.
func firstDue(ctx context.Context, s *Store, now time.Time) (srs.QueueItem, []SRSItem, error) {
	day := srs.DayBoundary{Hour: 4}
	done, err := s.DoneSince(ctx, day.DayStart(now))
	if err != nil {
		return srs.QueueItem{}, nil, err
	}
	items, err := s.SRSDue(ctx, now, day.NextDayStart(now), 200-done.Reviews, 20-done.New)
	if err != nil {
		return srs.QueueItem{}, nil, err
	}
	qc := make([]srs.QueueCard, len(items))
	for i, it := range items {
		qc[i] = srs.QueueCard{ID: it.Key(), Card: it.Card}
	}
	pol := srs.DefaultQueuePolicy()
	pol.Day = day
	q := srs.BuildQueue(qc, now, done, pol)
	it, _, ok := q.Pick(now)
	if !ok {
		return it, items, fmt.Errorf("nothing due")
	}
	return it, items, nil
}

// BenchmarkOpenToFirstDue opens the big file and finds the first card.
func BenchmarkOpenToFirstDue(b *testing.B) {
	path := benchFile(b)
	ctx := context.Background()
	b.ReportAllocs()
	b.ResetTimer()
	for b.Loop() {
		s, err := Open(path, Options{Now: func() time.Time { return benchNow }})
		if err != nil {
			b.Fatal(err)
		}
		if _, _, err := firstDue(ctx, s, benchNow); err != nil {
			b.Fatal(err)
		}
		// Closing (a WAL checkpoint) is not part of the path measured.
		b.StopTimer()
		s.Close()
		b.StartTimer()
	}
}

// BenchmarkAnswerToNextCard commits a rating (log row and new state in one
// durable transaction), then picks the next card the way the review screen
// does: the session's items stay in memory and only the queue is rebuilt.
// It reports the median.
func BenchmarkAnswerToNextCard(b *testing.B) {
	src := benchFile(b)
	// Work on a copy so the shared file stays as generated.
	path := filepath.Join(b.TempDir(), "copy.db")
	data, err := os.ReadFile(src)
	if err != nil {
		b.Fatal(err)
	}
	if err := os.WriteFile(path, data, 0o644); err != nil {
		b.Fatal(err)
	}
	ctx := context.Background()
	now := benchNow
	s, err := Open(path, Options{Now: func() time.Time { return now }})
	if err != nil {
		b.Fatal(err)
	}
	defer s.Close()
	sched := srs.Default()
	day := srs.DayBoundary{Hour: 4}
	pol := srs.DefaultQueuePolicy()
	pol.Day = day
	done, err := s.DoneSince(ctx, day.DayStart(now))
	if err != nil {
		b.Fatal(err)
	}
	items, err := s.SRSDue(ctx, now, day.NextDayStart(now), pol.ReviewsPerDay-done.Reviews, pol.NewPerDay-done.New)
	if err != nil {
		b.Fatal(err)
	}
	qc := make([]srs.QueueCard, len(items))
	index := map[string]int{}
	for i, it := range items {
		qc[i] = srs.QueueCard{ID: it.Key(), Card: it.Card}
		index[it.Key()] = i
	}
	// A session holds about 220 cards; when they are all answered, a new
	// session starts from the same cards, outside the timer, so the
	// benchmark runs for as many answers as the benchtime asks.
	firstItems, firstQC, firstDone := slices.Clone(items), slices.Clone(qc), done
	var times []time.Duration
	b.ReportAllocs()
	b.ResetTimer()
	for b.Loop() {
		t0 := time.Now()
		cur, _, ok := srs.BuildQueue(qc, now, done, pol).Pick(now)
		if !ok {
			b.StopTimer()
			copy(items, firstItems)
			copy(qc, firstQC)
			done = firstDone
			b.StartTimer()
			t0 = time.Now()
			if cur, _, ok = srs.BuildQueue(qc, now, done, pol).Pick(now); !ok {
				b.Fatal("a new session has no card")
			}
		}
		before := items[index[cur.ID]]
		after := before
		after.Card, _ = sched.Next(before.Card, now, srs.Good)
		if _, err := s.CommitReview(ctx, Review{Kind: before.Kind, ItemID: before.ItemID, Rating: srs.Good, Before: before, After: after, ReviewedAt: now}); err != nil {
			b.Fatal(err)
		}
		switch before.Card.State {
		case srs.New:
			done.New++
		case srs.Review:
			done.Reviews++
		}
		items[index[cur.ID]] = after
		qc[index[cur.ID]].Card = after.Card
		times = append(times, time.Since(t0))
		now = now.Add(time.Second)
	}
	b.StopTimer()
	slices.Sort(times)
	b.ReportMetric(float64(times[len(times)/2].Microseconds())/1000, "ms-median")
}

// dropIndexes drops the indexes of the tables and returns the statements
// that create them again.
func dropIndexes(ctx context.Context, tx *sql.Tx, tables ...string) ([]string, error) {
	var names, defs []string
	for _, t := range tables {
		rows, err := tx.QueryContext(ctx, `SELECT name, sql FROM sqlite_master WHERE type = 'index' AND tbl_name = ? AND sql IS NOT NULL`, t)
		if err != nil {
			return nil, err
		}
		for rows.Next() {
			var n, q string
			if err := rows.Scan(&n, &q); err != nil {
				rows.Close()
				return nil, err
			}
			names, defs = append(names, n), append(defs, q)
		}
		rows.Close()
	}
	for _, n := range names {
		if _, err := tx.ExecContext(ctx, `DROP INDEX "`+n+`"`); err != nil {
			return nil, err
		}
	}
	return defs, nil
}
