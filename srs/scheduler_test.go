package srs

import (
	"encoding/json"
	"math"
	"strings"
	"testing"
	"time"
)

// TestCardJSON: the stored shape uses ts-fsrs' field names and round-trips.
func TestCardJSON(t *testing.T) {
	s := Default()
	now := at("2025-01-01T10:00:00Z")
	c, _ := s.Next(NewCard(now), now, Good)
	b, err := json.Marshal(c)
	if err != nil {
		t.Fatal(err)
	}
	want := `{"due":"2025-01-01T10:10:00Z","stability":2.3065,"difficulty":2.11810397,"elapsed_days":0,"scheduled_days":0,"reps":1,"lapses":0,"learning_steps":1,"state":1,"last_review":"2025-01-01T10:00:00Z"}`
	if string(b) != want {
		t.Errorf("card JSON\n got  %s\n want %s", b, want)
	}
	var back Card
	if err := json.Unmarshal(b, &back); err != nil || !back.Due.Equal(c.Due) || back.Stability != c.Stability || back.State != c.State {
		t.Errorf("round trip: %v %+v", err, back)
	}
	nb, _ := json.Marshal(NewCard(now))
	if strings.Contains(string(nb), "last_review") {
		t.Errorf("new card JSON has last_review: %s", nb)
	}
}

// FuzzScheduler: any card and time give a result or an error, never a
// panic, and accepted results are sane.
//
// The interval bound is the one ts-fsrs 5.4.2 really has, not the
// maximum interval itself: each rating's interval is clamped to the
// maximum first, and only then does the Review ordering apply, hard =
// min(hard, good), good = max(good, hard+1), easy = max(easy, good+1).
// Hard stays at or under the maximum, so Good can be one day over it and
// Easy two (testdata/fuzz/FuzzScheduler holds two Good reviews that give
// 36,501 days; TestMaximumIntervalOrdering pins the figures).
func FuzzScheduler(f *testing.F) {
	f.Add(int64(0), int64(600), 2.3065, 2.1, 1, 0, 1, 3)
	f.Add(int64(86400*400), int64(86400*500), 100.0, 9.9, 2, 12, 0, 1)
	f.Add(int64(0), int64(30), 0.0, 0.0, 0, 0, -3, 2)
	f.Fuzz(func(t *testing.T, last, now int64, st, d float64, state, lapses, step, rating int) {
		s := Default()
		base := at("2025-01-01T00:00:00Z")
		c := Card{State: State(state), Stability: st, Difficulty: d, Lapses: lapses, LearningSteps: step,
			LastReview: base.Add(time.Duration(last%(1<<40)) * time.Second), Due: base}
		when := base.Add(time.Duration(now%(1<<40)) * time.Second)
		next, _, err := s.Review(c, when, Rating(rating))
		s.Preview(c, when)
		s.Retrievability(c, when)
		if err != nil {
			return
		}
		maxDays := DefaultMaximumInterval + 2 // see the comment above
		if math.IsNaN(next.Stability) || next.Stability < SMin || next.Stability > SMax ||
			next.Difficulty < 1 || next.Difficulty > 10 || next.ScheduledDays < 0 || next.ScheduledDays > maxDays ||
			next.Due.Before(when) || next.Reps != c.Reps+1 {
			t.Fatalf("from %+v rating %d: %+v", c, rating, next)
		}
	})
}

// TestMaximumIntervalOrdering: at the maximum interval the ratings keep
// their order as ts-fsrs keeps it, Hard at the maximum, Good one day over
// and Easy two; with short-term steps off, Again is ordered below Hard as
// well, which can push each rating one day further. The figures are what
// ts-fsrs 5.4.2 gives for the same cards (fsrs().repeat, Review state,
// D 2.1, reviewed one day after the last review).
func TestMaximumIntervalOrdering(t *testing.T) {
	base := at("2025-01-01T00:00:00Z")
	next := base.Add(24 * time.Hour)
	long := DefaultParams()
	long.EnableShortTerm = false
	lt, err := NewScheduler(long)
	if err != nil {
		t.Fatal(err)
	}
	for _, tc := range []struct {
		name string
		s    *Scheduler
		st   float64
		want [4]int
	}{
		{"short-term", Default(), 36499, [4]int{0, 36500, 36501, 36502}},
		{"long-term", lt, 36499, [4]int{21, 36500, 36501, 36502}},
		{"long-term, Again at the maximum", lt, 1e300, [4]int{36500, 36501, 36502, 36503}},
	} {
		c := Card{State: Review, Stability: tc.st, Difficulty: 2.1, LastReview: base, Due: base}
		var got [4]int
		for i, n := range tc.s.Preview(c, next) {
			got[i] = n.ScheduledDays
		}
		if got != tc.want {
			t.Errorf("%s, S %v: scheduled days Again..Easy %v, want %v", tc.name, tc.st, got, tc.want)
		}
	}
}
