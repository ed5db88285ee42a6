package srs

import (
	"errors"
	"math"
	"testing"
	"time"
)

func at(s string) time.Time {
	t, err := time.Parse(time.RFC3339, s)
	if err != nil {
		panic(err)
	}
	return t
}

type want struct {
	state  State
	s, d   float64
	days   int
	due    time.Duration // after the review
	step   int
	lapses int
}

func check(t *testing.T, name string, c Card, now time.Time, w want) {
	t.Helper()
	if c.State != w.state || c.ScheduledDays != w.days || !c.Due.Equal(now.Add(w.due)) ||
		c.LearningSteps != w.step || c.Lapses != w.lapses {
		t.Errorf("%s: got state %v days %d due %v step %d lapses %d; want %v %d %v %d %d", name,
			c.State, c.ScheduledDays, c.Due.Sub(now), c.LearningSteps, c.Lapses, w.state, w.days, w.due, w.step, w.lapses)
	}
	if !relClose(c.Stability, w.s, 1e-9) || !relClose(c.Difficulty, w.d, 1e-9) {
		t.Errorf("%s: S %v D %v, want S %v D %v", name, c.Stability, c.Difficulty, w.s, w.d)
	}
}

const day = 24 * time.Hour

// TestGoldenTrace pins the trace in reference/fsrs.md, produced with ts-fsrs.
func TestGoldenTrace(t *testing.T) {
	s := Default()
	t0 := at("2025-01-01T10:00:00Z")
	c1, _ := s.Next(NewCard(t0), t0, Good)
	check(t, "new good", c1, t0, want{Learning, 2.3065, 2.11810397, 0, 10 * time.Minute, 1, 0})

	t1 := at("2025-01-01T10:11:00Z")
	c2, _ := s.Next(c1, t1, Good)
	check(t, "learning good", c2, t1, want{Review, 2.3065, 2.11121424, 2, 2 * day, 0, 0})

	t2 := at("2025-01-03T10:11:00Z")
	p := s.Preview(c2, t2)
	previews := []want{
		{Relearning, 0.60770166, 7.39223814, 0, 10 * time.Minute, 0, 1},
		{Review, 7.51735908, 4.74828477, 8, 8 * day, 0, 0},
		{Review, 10.97104786, 2.1043314, 11, 11 * day, 0, 0},
		{Review, 18.53433169, 1, 19, 19 * day, 0, 0},
	}
	for i, w := range previews {
		check(t, "preview "+Rating(i+1).String(), p[i], t2, w)
	}

	t3 := at("2025-01-05T10:00:00Z")
	if r := s.forgettingCurve(4, c2.Stability); r != 0.85798579 {
		t.Errorf("R(4, 2.3065) = %v, want 0.85798579", r)
	}
	c3, log := s.Next(c2, t3, Again)
	check(t, "review again", c3, t3, want{Relearning, 0.66154885, 7.39223814, 0, 10 * time.Minute, 0, 1})
	if log.State != Review || log.ElapsedDays != 4 || log.Rating != Again || !log.Due.Equal(t1) {
		t.Errorf("log = %+v", log)
	}

	e, _ := s.Next(NewCard(t0), t0, Easy)
	check(t, "new easy", e, t0, want{Review, 8.2956, 1, 8, 8 * day, 0, 0})

	h, _ := s.Next(c1, t0.Add(5*time.Minute), Hard)
	check(t, "good then hard", h, t0.Add(5*time.Minute), want{Learning, 2.3065, 4.75285849, 0, 6 * time.Minute, 1, 0})
}

// TestFormulaConstants pins the derived numbers of the reference.
func TestFormulaConstants(t *testing.T) {
	tests := []struct {
		retention, im float64
	}{{0.9, 1}, {0.8, 3.3159598}, {0.85, 1.90642614}, {0.95, 0.40255869}, {0.97, 0.22276844}}
	for _, tc := range tests {
		p := DefaultParams()
		p.RequestRetention = tc.retention
		s, err := NewScheduler(p)
		if err != nil {
			t.Fatal(err)
		}
		if s.IntervalModifier() != tc.im {
			t.Errorf("IM(%v) = %v, want %v", tc.retention, s.IntervalModifier(), tc.im)
		}
	}
	s := Default()
	if s.factor != 0.98034649 {
		t.Errorf("factor = %v", s.factor)
	}
	for g, d := range map[Rating]float64{Again: 6.4133, Hard: 5.11217071, Good: 2.11810397, Easy: -4.7716307} {
		if got := s.initDifficulty(g); got != d {
			t.Errorf("D0(%v) = %v, want %v", g, got, d)
		}
	}
}

// TestMidnightCrossing: days are UTC calendar days, so 23:55Z -> 00:05Z is a
// day (long-term formula) while 00:05Z -> 23:55Z is not.
func TestMidnightCrossing(t *testing.T) {
	s := Default()
	t0 := at("2025-02-01T09:00:00Z")
	c, _ := s.Next(NewCard(t0), t0, Good)
	c, _ = s.Next(c, t0.Add(10*time.Minute), Good) // Review, S 2.3065
	tests := []struct {
		name    string
		last    string
		now     string
		elapsed int
		s       float64 // after Good
	}{
		{"23:55 to 00:05 next day", "2025-02-03T23:55:00Z", "2025-02-04T00:05:00Z", 1, 0},
		{"00:05 to 23:55 same day", "2025-02-03T00:05:00Z", "2025-02-03T23:55:00Z", 0, 0},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			card := c
			card.LastReview = at(tc.last)
			next, log := s.Next(card, at(tc.now), Good)
			if log.ElapsedDays != tc.elapsed || next.ElapsedDays != tc.elapsed {
				t.Fatalf("elapsed = %d, want %d", log.ElapsedDays, tc.elapsed)
			}
			var wantS float64
			if tc.elapsed == 0 {
				wantS = s.nextShortTermStability(card.Stability, Good)
			} else {
				wantS = s.nextRecallStability(card.Difficulty, card.Stability, s.forgettingCurve(1, card.Stability), Good, nil)
			}
			if next.Stability != wantS {
				t.Errorf("S = %v, want %v", next.Stability, wantS)
			}
		})
	}
	// A scheduler with a local 04:00 boundary in Seoul counts 23:55Z ->
	// 00:05Z (08:55 -> 09:05 KST) as the same day: short-term formula.
	p := DefaultParams()
	p.Day = LocalDayBoundary(time.FixedZone("KST", 9*3600))
	ks, err := NewScheduler(p)
	if err != nil {
		t.Fatal(err)
	}
	card := c
	card.LastReview = at("2025-02-03T23:55:00Z")
	if next, log := ks.Next(card, at("2025-02-04T00:05:00Z"), Good); log.ElapsedDays != 0 ||
		next.Stability != ks.nextShortTermStability(card.Stability, Good) {
		t.Errorf("Seoul scheduler: elapsed %d, S %v", log.ElapsedDays, next.Stability)
	}
	// The same pair with a local 04:00 boundary in Seoul (UTC+9): 23:55Z and
	// 00:05Z are 08:55 and 09:05 local, the same study day.
	seoul := time.FixedZone("KST", 9*3600)
	b := LocalDayBoundary(seoul)
	if got := b.ElapsedDays(at("2025-02-03T23:55:00Z"), at("2025-02-04T00:05:00Z")); got != 0 {
		t.Errorf("Seoul 4am boundary: elapsed = %d, want 0", got)
	}
	// 03:59 local is still the previous study day; 04:00 starts a new one.
	if got := b.ElapsedDays(at("2025-02-03T18:59:00Z"), at("2025-02-03T19:00:00Z")); got != 1 {
		t.Errorf("crossing 04:00 KST: elapsed = %d, want 1", got)
	}
}

// TestSameDayReviewOfReviewCard: a Review card answered twice in one UTC
// day gets the short-term formula, never the long-term one.
func TestSameDayReviewOfReviewCard(t *testing.T) {
	s := Default()
	card := Card{State: Review, Stability: 10, Difficulty: 5, Reps: 5, ScheduledDays: 10,
		LastReview: at("2025-03-01T08:00:00Z"), Due: at("2025-03-11T08:00:00Z")}
	now := at("2025-03-01T20:00:00Z")
	tests := []struct {
		g    Rating
		sinc float64
	}{
		{Again, math.Pow(10, -0.0658) * math.Exp(0.5425*(1-3+0.0912))},
		{Hard, 1}, // SInc(Hard) < 1 is raised to 1
		{Good, 1}, // at S=10, SInc(Good) = 0.852 -> 1
		{Easy, math.Pow(10, -0.0658) * math.Exp(0.5425*(4-3+0.0912))},
	}
	p := s.Preview(card, now)
	for _, tc := range tests {
		wantS := r8(10 * tc.sinc)
		if got := p[tc.g-1].Stability; got != wantS {
			t.Errorf("%v: S = %v, want %v", tc.g, got, wantS)
		}
	}
	if p[Again-1].State != Relearning || p[Again-1].Lapses != 1 {
		t.Errorf("Again on a Review card: %+v", p[Again-1])
	}
	if p[Hard-1].ScheduledDays >= p[Good-1].ScheduledDays || p[Good-1].ScheduledDays >= p[Easy-1].ScheduledDays {
		t.Errorf("intervals not ordered: %d %d %d", p[1].ScheduledDays, p[2].ScheduledDays, p[3].ScheduledDays)
	}
}

// TestMigrationAndClipping: FSRS-4.5 and FSRS-5 weights are converted, and
// out-of-range weights are clamped.
func TestMigrationAndClipping(t *testing.T) {
	w17 := []float64{0.4872, 1.4003, 3.7145, 13.8206, 5.1618, 1.2298, 0.8975, 0.031, 1.6474, 0.1367, 1.0461, 2.1072, 0.0793, 0.3246, 1.587, 0.2272, 2.8755}
	w19 := append([]float64{}, DefaultW[:19]...)
	tests := []struct {
		name string
		w    []float64
		idx  []int
		want []float64
	}{
		{"17: D0 base gains 2*w5", w17, []int{4, 5, 6, 17, 18, 19, 20}, []float64{7.6214, 0.51510155, 1.3975, 0, 0, 0.01, 0.5}},
		{"19: FSRS-5 decay appended", w19, []int{19, 20}, []float64{0.01, 0.5}},
		{"21: clamped", []float64{0, 200, -1, 150, 0.5, 9, -2, 1, 9, 2, 0, 9, 1, 2, -1, 2, 0.5, 3, -3, 1, 0.01},
			[]int{0, 1, 4, 7, 16, 17, 18, 19, 20}, []float64{0.001, 100, 1, 0.75, 1, 2, 0, 0.8, 0.1}},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			got, err := MigrateParameters(tc.w, 1, true)
			if err != nil {
				t.Fatal(err)
			}
			for i, idx := range tc.idx {
				if got[idx] != tc.want[i] {
					t.Errorf("w[%d] = %v, want %v", idx, got[idx], tc.want[i])
				}
			}
		})
	}
	if _, err := MigrateParameters([]float64{1, 2}, 1, true); err == nil {
		t.Error("want an error for 2 weights")
	}
	bad := append([]float64{}, DefaultW[:]...)
	bad[3] = math.NaN()
	var e *Error
	if _, err := MigrateParameters(bad, 1, true); !errors.As(err, &e) || e.Code != "ValidationException" {
		t.Errorf("NaN weight: err = %v", err)
	}
}

// TestParamsValidation: bad settings are refused with a message.
func TestParamsValidation(t *testing.T) {
	tests := []struct {
		name string
		edit func(*Params)
	}{
		{"retention above 1", func(p *Params) { p.RequestRetention = 1.2 }},
		{"negative retention", func(p *Params) { p.RequestRetention = -0.5 }},
		{"step without unit", func(p *Params) { p.LearningSteps = []string{"10"} }},
		{"fractional step", func(p *Params) { p.LearningSteps = []string{"1.5m"} }},
		{"unknown unit", func(p *Params) { p.RelearningSteps = []string{"3s"} }},
		{"maximum interval", func(p *Params) { p.MaximumInterval = -3 }},
		{"boundary hour", func(p *Params) { p.Day.Hour = 24 }},
	}
	for _, tc := range tests {
		p := DefaultParams()
		tc.edit(&p)
		if _, err := NewScheduler(p); err == nil {
			t.Errorf("%s: want an error", tc.name)
		}
	}
}

// TestBadReviewInput: errors, never panics, and Next leaves the card alone.
func TestBadReviewInput(t *testing.T) {
	s := Default()
	now := at("2025-01-02T00:00:00Z")
	review := Card{State: Review, Stability: 3, Difficulty: 5, LastReview: now, Due: now.Add(3 * day)}
	tests := []struct {
		name string
		card Card
		when time.Time
		r    Rating
	}{
		{"rating 0", NewCard(now), now, 0},
		{"rating 5", NewCard(now), now, 5},
		{"earlier day", review, now.Add(-day), Good},
		{"unknown state", Card{State: 9, Stability: 1, Difficulty: 5, LastReview: now}, now, Good},
		{"difficulty below 1", Card{State: Review, Stability: 1, Difficulty: 0.5, LastReview: now}, now, Good},
		{"NaN stability", Card{State: Learning, Stability: math.NaN(), Difficulty: 5, LastReview: now}, now, Good},
		{"infinite difficulty", Card{State: Review, Stability: 3, Difficulty: math.Inf(1), LastReview: now}, now, Good},
		{"infinite stability", Card{State: Review, Stability: math.Inf(1), Difficulty: 5, LastReview: now}, now, Again},
	}
	for _, tc := range tests {
		if _, _, err := s.Review(tc.card, tc.when, tc.r); err == nil {
			t.Errorf("%s: want an error", tc.name)
		}
		if got, _ := s.Next(tc.card, tc.when, tc.r); got.Reps != tc.card.Reps || got.State != tc.card.State || !got.Due.Equal(tc.card.Due) {
			t.Errorf("%s: Next changed the card", tc.name)
		}
	}
}

// TestLongTermMode: without short-term steps every answer is in days and
// intervals are strictly ordered.
func TestLongTermMode(t *testing.T) {
	p := DefaultParams()
	p.EnableShortTerm = false
	s, err := NewScheduler(p)
	if err != nil {
		t.Fatal(err)
	}
	now := at("2025-01-01T10:00:00Z")
	prev := s.Preview(NewCard(now), now)
	for i := range prev {
		if prev[i].State != Review || prev[i].ScheduledDays < 1 {
			t.Errorf("%v: %+v", Rating(i+1), prev[i])
		}
		if i > 0 && prev[i].ScheduledDays <= prev[i-1].ScheduledDays {
			t.Errorf("intervals not increasing at %v", Rating(i+1))
		}
	}
}

// TestFuzzRange: fuzzed intervals stay in ts-fsrs' range and never fall on
// or before the elapsed days.
func TestFuzzRange(t *testing.T) {
	tests := []struct {
		ivl      float64
		elapsed  int
		min, max float64
	}{
		{3, 0, 2, 4}, {10, 2, 8, 12}, {30, 40, 27, 33}, {100, 0, 93, 107}, {36500, 0, 34673, 36500},
	}
	for _, tc := range tests {
		lo, hi := fuzzRange(tc.ivl, tc.elapsed, 36500)
		if lo != tc.min || hi != tc.max {
			t.Errorf("fuzzRange(%v,%d) = [%v,%v], want [%v,%v]", tc.ivl, tc.elapsed, lo, hi, tc.min, tc.max)
		}
	}
}

// TestJSNumber: the fuzz seed needs JavaScript's number formatting.
func TestJSNumber(t *testing.T) {
	tenth := 0.1
	tests := map[float64]string{
		0: "0", 1: "1", 4.885612: "4.885612", tenth + 0.2: "0.30000000000000004", 1e21: "1e+21",
		123456789012345680000: "123456789012345680000", 1.5e-7: "1.5e-7", 0.000001: "0.000001", -2.5: "-2.5",
	}
	for x, want := range tests {
		if got := jsNumber(x); got != want {
			t.Errorf("jsNumber(%v) = %q, want %q", x, got, want)
		}
	}
}

// TestJSIntConversions: x>>>0 and x|0 as JavaScript computes them.
func TestJSIntConversions(t *testing.T) {
	tests := []struct{ x, u32, i32 float64 }{
		{0, 0, 0}, {1.9, 1, 1}, {-1.9, 4294967295, -1}, {4294967296, 0, 0}, {4294967297.5, 1, 1},
		{2147483648, 2147483648, -2147483648}, {-4294967297, 4294967295, -1}, {1e17, 1569325056, 1569325056},
	}
	for _, tc := range tests {
		if got := toUint32(tc.x); got != tc.u32 {
			t.Errorf("%v>>>0 = %v, want %v", tc.x, got, tc.u32)
		}
		if got := toInt32(tc.x); got != tc.i32 {
			t.Errorf("%v|0 = %v, want %v", tc.x, got, tc.i32)
		}
	}
}

// TestToFixed8: JavaScript's toFixed rounds exact ties away from zero.
func TestToFixed8(t *testing.T) {
	tests := map[float64]float64{
		1.0 / 512: 0.00195313, -1.0 / 512: -0.00195313, 3.0 / 512: 0.00585938,
		7.6214: 7.6214, 0.515101548: 0.51510155, 1.23456789: 1.23456789, 0: 0,
	}
	for x, want := range tests {
		if got := toFixed8(x); got != want {
			t.Errorf("toFixed8(%v) = %v, want %v", x, got, want)
		}
	}
}
