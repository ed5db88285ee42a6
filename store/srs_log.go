package store

import (
	"context"
	"database/sql"
	"fmt"
	"strconv"
	"time"

	"github.com/saa-study/saa-study/srs"
)

// ReviewRecord is one row of the review log.
type ReviewRecord struct {
	ID            int64      `json:"id"`
	Kind          string     `json:"kind"`
	ItemID        string     `json:"item_id"`
	Rating        srs.Rating `json:"rating"`
	StateBefore   srs.State  `json:"state_before"`
	StateAfter    srs.State  `json:"state_after"`
	Stability     float64    `json:"stability"`  // after the review
	Difficulty    float64    `json:"difficulty"` // after the review
	ElapsedDays   int        `json:"elapsed_days"`
	ScheduledDays int        `json:"scheduled_days"`
	Due           time.Time  `json:"due"`
	ReviewedAt    time.Time  `json:"reviewed_at"`
	DurationMS    int64      `json:"duration_ms"`
	Prev          string     `json:"prev"` // the item before the review, JSON
}

// Log returns the record as the srs statistics read it.
func (r ReviewRecord) Log() srs.ReviewLog {
	return srs.ReviewLog{Rating: r.Rating, State: r.StateBefore, Review: r.ReviewedAt,
		ElapsedDays: r.ElapsedDays, ScheduledDays: r.ScheduledDays, Stability: r.Stability, Difficulty: r.Difficulty}
}

// ReviewsSince returns the reviews at or after since, oldest first.
func (s *Store) ReviewsSince(ctx context.Context, since time.Time) ([]ReviewRecord, error) {
	rows, err := s.db.QueryContext(ctx, `SELECT id, kind, item_id, rating, state_before, state_after, stability,
		difficulty, elapsed_days, scheduled_days, due, reviewed_at, duration_ms, prev
		FROM srs_review WHERE reviewed_at >= ? ORDER BY reviewed_at, id`, ns(since))
	if err != nil {
		return nil, fmt.Errorf("%s: reading reviews: %w", s.path, err)
	}
	defer rows.Close()
	var out []ReviewRecord
	for rows.Next() {
		var r ReviewRecord
		var due, at int64
		if err := rows.Scan(&r.ID, &r.Kind, &r.ItemID, &r.Rating, &r.StateBefore, &r.StateAfter, &r.Stability,
			&r.Difficulty, &r.ElapsedDays, &r.ScheduledDays, &due, &at, &r.DurationMS, &r.Prev); err != nil {
			return nil, err
		}
		r.Due, r.ReviewedAt = fromNS(due), fromNS(at)
		out = append(out, r)
	}
	return out, rows.Err()
}

// ReviewCount returns how many reviews the log holds.
func (s *Store) ReviewCount(ctx context.Context) (int, error) {
	var n int
	err := s.db.QueryRowContext(ctx, `SELECT count(*) FROM srs_review`).Scan(&n)
	return n, err
}

// ReviewExists reports whether the review with this id is in the log.
func (s *Store) ReviewExists(ctx context.Context, id int64) (bool, error) {
	var n int
	err := s.db.QueryRowContext(ctx, `SELECT count(*) FROM srs_review WHERE id = ?`, id).Scan(&n)
	return n > 0, err
}

// DoneSince counts the new items introduced and the Review-state items
// answered since start (the start of the study day), for the daily limits.
func (s *Store) DoneSince(ctx context.Context, start time.Time) (srs.DoneToday, error) {
	var d srs.DoneToday
	var n, r sql.NullInt64
	err := s.db.QueryRowContext(ctx, `SELECT sum(state_before = 0), sum(state_before = 2)
		FROM srs_review WHERE reviewed_at >= ?`, ns(start)).Scan(&n, &r)
	d.New, d.Reviews = int(n.Int64), int(r.Int64)
	return d, err
}

// Streak counts consecutive study days, ending today, with at least one
// review. A day not yet studied today does not break yesterday's streak:
// it is counted from yesterday then.
func (s *Store) Streak(ctx context.Context, now time.Time, b srs.DayBoundary) (int, error) {
	st, err := s.db.PrepareContext(ctx, `SELECT EXISTS (SELECT 1 FROM srs_review WHERE reviewed_at >= ? AND reviewed_at < ?)`)
	if err != nil {
		return 0, err
	}
	defer st.Close()
	start := b.DayStart(now)
	end := b.NextDayStart(now)
	streak := 0
	for i := 0; i < 36500; i++ {
		var ok bool
		if err := st.QueryRowContext(ctx, ns(start), ns(end)).Scan(&ok); err != nil {
			return 0, err
		}
		if !ok && !(i == 0) {
			break
		}
		if ok {
			streak++
		}
		end = start
		start = b.DayStart(start.Add(-time.Hour))
	}
	return streak, nil
}

// SRSConfig holds the learner's daily limits and day boundary.
type SRSConfig struct {
	NewPerDay     int `json:"new_per_day"`
	ReviewsPerDay int `json:"reviews_per_day"`
	DayHour       int `json:"day_hour"` // local hour at which a study day starts
	// DesiredRetention is the recall probability intervals aim at.
	DesiredRetention float64 `json:"desired_retention"`
}

// The range of DesiredRetention the learner may choose, as Anki allows
// in practice: below 0.70 forgetting dominates, above 0.97 the workload
// explodes.
const (
	MinDesiredRetention     = 0.70
	MaxDesiredRetention     = 0.97
	DefaultDesiredRetention = 0.90
)

// The most new items and reviews a day a saved limit may ask for.
const (
	MaxNewPerDay     = 9999
	MaxReviewsPerDay = 99999
)

// DefaultSRSConfig is 20 new items and 200 reviews a day, days starting at
// 04:00 local time.
func DefaultSRSConfig() SRSConfig {
	return SRSConfig{NewPerDay: 20, ReviewsPerDay: 200, DayHour: 4, DesiredRetention: DefaultDesiredRetention}
}

// Setting keys of SRSConfig.
const (
	SettingNewPerDay     = "srs.new_per_day"
	SettingReviewsPerDay = "srs.reviews_per_day"
	SettingDayHour       = "srs.day_hour"
	// SettingDesiredRetention is saved as a decimal like "0.9".
	SettingDesiredRetention = "srs.desired_retention"
)

// ValidRetention reports whether r is a desired retention one may choose.
func ValidRetention(r float64) bool {
	return r >= MinDesiredRetention-1e-9 && r <= MaxDesiredRetention+1e-9
}

// SRSConfig returns the saved limits, defaults for what is unset or bad.
func (s *Store) SRSConfig(ctx context.Context) (SRSConfig, error) {
	c := DefaultSRSConfig()
	all, err := s.Settings(ctx)
	if err != nil {
		return c, err
	}
	get := func(k string, lo, hi int, dst *int) {
		if v, err := strconv.Atoi(all[k]); err == nil && v >= lo && v <= hi {
			*dst = v
		}
	}
	get(SettingNewPerDay, 0, MaxNewPerDay, &c.NewPerDay)
	get(SettingReviewsPerDay, 0, MaxReviewsPerDay, &c.ReviewsPerDay)
	get(SettingDayHour, 0, 23, &c.DayHour)
	if v, err := strconv.ParseFloat(all[SettingDesiredRetention], 64); err == nil && ValidRetention(v) {
		c.DesiredRetention = v
	}
	return c, nil
}

// SetSRSConfig saves the limits in one transaction after checking them.
func (s *Store) SetSRSConfig(ctx context.Context, c SRSConfig) error {
	if c.NewPerDay < 0 || c.ReviewsPerDay < 0 || c.DayHour < 0 || c.DayHour > 23 {
		return fmt.Errorf("ValidationException: limits must be ≥ 0 and the day hour 0..23, got %+v", c)
	}
	if c.DesiredRetention == 0 {
		c.DesiredRetention = DefaultDesiredRetention
	}
	if !ValidRetention(c.DesiredRetention) {
		return fmt.Errorf("ValidationException: desired retention must be %.2f..%.2f, got %v", MinDesiredRetention, MaxDesiredRetention, c.DesiredRetention)
	}
	return s.tx(ctx, func(tx *sql.Tx) error {
		for k, v := range map[string]int{SettingNewPerDay: c.NewPerDay, SettingReviewsPerDay: c.ReviewsPerDay, SettingDayHour: c.DayHour} {
			if _, err := tx.ExecContext(ctx, `INSERT INTO settings (key, value) VALUES (?, ?)
				ON CONFLICT (key) DO UPDATE SET value = excluded.value`, k, strconv.Itoa(v)); err != nil {
				return err
			}
		}
		_, err := tx.ExecContext(ctx, `INSERT INTO settings (key, value) VALUES (?, ?)
			ON CONFLICT (key) DO UPDATE SET value = excluded.value`, SettingDesiredRetention,
			strconv.FormatFloat(c.DesiredRetention, 'f', -1, 64))
		return err
	})
}
