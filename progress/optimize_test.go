package progress

import (
	"context"
	"errors"
	"math"
	"math/rand/v2"
	"testing"
	"time"

	"github.com/saa-study/saa-study/srs"
	"github.com/saa-study/saa-study/store"
)

// simulatedYear fills p with a year of reviews of 150 cards by a learner
// who forgets faster than the defaults assume (a third of the stability).
func simulatedYear(t *testing.T, p *Progress) {
	t.Helper()
	rng := rand.New(rand.NewPCG(3, 9))
	start := fixedClock().AddDate(-1, 0, 0)
	items := &store.BackupTable{Columns: []string{"kind", "item_id", "deck", "ord", "due"}}
	revs := &store.BackupTable{Columns: []string{"kind", "item_id", "rating", "state_before", "state_after",
		"stability", "difficulty", "elapsed_days", "scheduled_days", "due", "reviewed_at", "duration_ms", "prev"}}
	for c := range 150 {
		id := "sim-" + string(rune('a'+c/26)) + string(rune('a'+c%26))
		items.Rows = append(items.Rows, []any{"card", id, "", c, fixedClock().UnixNano()})
		at := start.Add(time.Duration(c) * 2 * time.Hour)
		s := 0.8 // the learner's true stability, days
		for at.Before(fixedClock()) {
			g := 3
			ivl := math.Max(1, math.Round(s*(0.8+0.6*rng.Float64())))
			r := math.Pow(1+0.9804*ivl/s, -0.1542)
			if rng.Float64() > r {
				g, s = 1, math.Max(0.5, s*0.3)
			} else {
				s *= 2.2
			}
			revs.Rows = append(revs.Rows, []any{"card", id, g, 2, 2, 1.0, 5.0, 0, 0, at.UnixNano(), at.UnixNano(), 3000, "{}"})
			at = at.Add(time.Duration(ivl*24) * time.Hour)
		}
	}
	f := &store.BackupFile{Tables: map[string]*store.BackupTable{"srs_item": items, "srs_review": revs}}
	if err := p.st.RestoreFile(context.Background(), f); err != nil {
		t.Fatal(err)
	}
}

func TestOptimizeApplyChangesTheScheduleAndUndoRestoresIt(t *testing.T) {
	ctx := context.Background()
	p := testProgress(t, srsLibrary(t))
	simulatedYear(t, p)
	res, err := p.OptimizeFSRS(ctx, nil)
	if err != nil {
		t.Fatal(err)
	}
	if !res.Fitted || res.After.LogLoss >= res.Before.LogLoss {
		t.Fatalf("fitted=%v need=%d, log loss %v → %v", res.Fitted, res.NeedMore, res.Before, res.After)
	}
	card := srs.Card{State: srs.Review, Stability: 10, Difficulty: 5, ScheduledDays: 10, Reps: 5,
		LastReview: fixedClock().AddDate(0, 0, -10), Due: fixedClock()}
	interval := func() int {
		sc, err := p.Scheduling(ctx)
		if err != nil {
			t.Fatal(err)
		}
		c, _, err := sc.Sched.Review(card, fixedClock(), srs.Good)
		if err != nil {
			t.Fatal(err)
		}
		return c.ScheduledDays
	}
	before := interval()
	if _, err := p.ApplyFSRS(ctx, res); err != nil {
		t.Fatal(err)
	}
	w, fit, _ := p.FSRSParameters(ctx)
	if fit == nil || w[0] != res.Parameters[0] || fit.LogLossAfter != res.After.LogLoss || !fit.AppliedAt.Equal(fixedClock()) {
		t.Fatalf("stored fit %+v", fit)
	}
	after := interval()
	if after == before {
		t.Fatalf("Good after 10 days: %d days with the defaults and with the fitted parameters", before)
	}
	cur, err := p.UndoFSRS(ctx)
	if err != nil || cur != nil {
		t.Fatalf("undo: %v %v", cur, err)
	}
	if got := interval(); got != before {
		t.Fatalf("after undo: %d days, want %d", got, before)
	}
	if _, err := p.UndoFSRS(ctx); !errors.Is(err, ErrNoFitToUndo) {
		t.Fatalf("second undo: %v", err)
	}
}

func TestDesiredRetentionSetsTheIntervals(t *testing.T) {
	ctx := context.Background()
	p := testProgress(t, srsLibrary(t))
	card := srs.Card{State: srs.Review, Stability: 20, Difficulty: 5, ScheduledDays: 20, Reps: 5,
		LastReview: fixedClock().AddDate(0, 0, -20), Due: fixedClock()}
	good := func() int {
		sc, err := p.Scheduling(ctx)
		if err != nil {
			t.Fatal(err)
		}
		c, _, err := sc.Sched.Review(card, fixedClock(), srs.Good)
		if err != nil {
			t.Fatal(err)
		}
		return c.ScheduledDays
	}
	at90 := good()
	cfg, _ := p.st.SRSConfig(ctx)
	cfg.DesiredRetention = 0.80
	if err := p.st.SetSRSConfig(ctx, cfg); err != nil {
		t.Fatal(err)
	}
	at80 := good()
	if at80 <= at90*2 {
		t.Fatalf("Good on a 20-day card: %d days at 0.90, %d at 0.80; 0.80 should more than double it", at90, at80)
	}
	for _, bad := range []float64{0.5, 0.99} {
		cfg.DesiredRetention = bad
		if err := p.st.SetSRSConfig(ctx, cfg); err == nil {
			t.Fatalf("retention %v accepted", bad)
		}
	}
}

func TestWorkloadAndExamForecast(t *testing.T) {
	ctx := context.Background()
	p := testProgress(t, srsLibrary(t))
	simulatedYear(t, p)
	r, err := p.Workload(ctx, "en", fixedClock())
	if err != nil {
		t.Fatal(err)
	}
	if len(r.Reviews) != 90 || r.Retention != 0.9 || r.Suggested < 0.70 || r.Suggested > 0.95 || len(r.Options) != 4 {
		t.Fatalf("report %+v", r)
	}
	if !(r.Options[0].Avg30 <= r.Options[3].Avg30) {
		t.Fatalf("0.80 costs %.1f a day, 0.95 %.1f", r.Options[0].Avg30, r.Options[3].Avg30)
	}
	if r.Exam != nil {
		t.Fatalf("exam forecast without an exam date: %+v", r.Exam)
	}
	if err := p.SetSetting(ctx, SettingExamDate, "2026-12-27"); err != nil {
		t.Fatal(err)
	}
	r, err = p.Workload(ctx, "en", fixedClock())
	if err != nil {
		t.Fatal(err)
	}
	if r.Exam == nil || r.Exam.Days != 30 || len(r.Exam.Domains) == 0 || r.Exam.Weakest == "" {
		t.Fatalf("exam forecast %+v", r.Exam)
	}
}
