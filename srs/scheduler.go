package srs

import (
	"math"
	"time"
)

// Scheduler applies FSRS-6 with fixed parameters. It is immutable, so one
// value can serve every goroutine.
type Scheduler struct {
	w              [21]float64
	decay, factor  float64
	im             float64 // interval modifier for the requested retention
	d0Easy, expW8  float64
	retention      float64
	maxIvl         int
	fuzz           bool
	shortTerm      bool
	learn, relearn []int // steps in minutes
	day            DayBoundary
}

// NewScheduler validates p, migrates and clips its weights and returns a
// Scheduler. Zero RequestRetention and MaximumInterval mean the defaults,
// nil step lists the default steps, as in ts-fsrs.
func NewScheduler(p Params) (*Scheduler, error) {
	s := &Scheduler{fuzz: p.EnableFuzz, shortTerm: p.EnableShortTerm, day: p.Day}
	s.retention = p.RequestRetention
	if s.retention == 0 {
		s.retention = DefaultRequestRetention
	}
	if !(s.retention > 0 && s.retention <= 1) {
		return nil, validation("request_retention must be in (0,1], got %v", p.RequestRetention)
	}
	s.maxIvl = p.MaximumInterval
	if s.maxIvl == 0 {
		s.maxIvl = DefaultMaximumInterval
	}
	if s.maxIvl < 1 || s.maxIvl > 36500 {
		return nil, validation("maximum_interval must be 1..36500 days, got %d", p.MaximumInterval)
	}
	if p.Day.Hour < 0 || p.Day.Hour > 23 {
		return nil, validation("day boundary hour must be 0..23, got %d", p.Day.Hour)
	}
	learn, relearn := p.LearningSteps, p.RelearningSteps
	if learn == nil {
		learn = []string{"1m", "10m"}
	}
	if relearn == nil {
		relearn = []string{"10m"}
	}
	var err error
	if s.learn, err = parseSteps(learn, "learning_steps"); err != nil {
		return nil, err
	}
	if s.relearn, err = parseSteps(relearn, "relearning_steps"); err != nil {
		return nil, err
	}
	w, err := MigrateParameters(p.W, len(relearn), p.EnableShortTerm)
	if err != nil {
		return nil, err
	}
	copy(s.w[:], w)
	s.decay, s.factor = decayFactor(s.w[20])
	s.im = r8((math.Pow(s.retention, 1/s.decay) - 1) / s.factor)
	s.d0Easy = s.initDifficulty(Easy)
	s.expW8 = math.Exp(s.w[8])
	return s, nil
}

// Default returns a Scheduler with DefaultParams.
func Default() *Scheduler {
	s, err := NewScheduler(DefaultParams())
	if err != nil { // unreachable: the defaults are valid
		return &Scheduler{}
	}
	return s
}

// Weights returns the 21 weights in use, after migration and clipping.
func (s *Scheduler) Weights() [21]float64 { return s.w }

// DayBoundary returns the boundary used to count elapsed days.
func (s *Scheduler) DayBoundary() DayBoundary { return s.day }

// IntervalModifier returns the factor that turns stability into an
// interval for the requested retention (1 at 0.9).
func (s *Scheduler) IntervalModifier() float64 { return s.im }

// Next answers card with rating r at now and returns the new card and the
// log. On an invalid rating, an unknown state, a corrupt memory state or a
// review on an earlier day than the last one it returns the card unchanged
// and a zero log; use Review to get the reason.
func (s *Scheduler) Next(card Card, now time.Time, r Rating) (Card, ReviewLog) {
	c, l, err := s.Review(card, now, r)
	if err != nil {
		return card, ReviewLog{}
	}
	return c, l
}

// Review is Next with errors: it answers card with rating r at now.
func (s *Scheduler) Review(card Card, now time.Time, r Rating) (Card, ReviewLog, error) {
	if !r.Valid() {
		return card, ReviewLog{}, validation("rating must be 1 (Again), 2 (Hard), 3 (Good) or 4 (Easy), got %d", int(r))
	}
	sp, err := s.begin(card, now)
	if err != nil {
		return card, ReviewLog{}, err
	}
	c, err := s.grade(card, &sp, r)
	if err != nil {
		return card, ReviewLog{}, err
	}
	return c, s.log(card, &sp, r), nil
}

// Preview returns what each rating would give, Again first, so the review
// screen can print the interval on each button. On bad input every entry is
// the card unchanged.
func (s *Scheduler) Preview(card Card, now time.Time) [4]Card {
	out := [4]Card{card, card, card, card}
	sp, err := s.begin(card, now)
	if err != nil {
		return out
	}
	for i := range out {
		c, err := s.grade(card, &sp, Rating(i+1))
		if err != nil {
			return [4]Card{card, card, card, card}
		}
		out[i] = c
	}
	return out
}

// Retrievability is the probability of recalling card at now, as ts-fsrs'
// get_retrievability computes it: 0 for a new card, otherwise R over whole
// 24-hour periods since the last review (not calendar days, unlike the
// scheduler itself).
func (s *Scheduler) Retrievability(card Card, now time.Time) float64 {
	if card.State == New || card.LastReview.IsZero() || !(card.Stability > 0) {
		return 0
	}
	t := floorDiv(now.Sub(card.LastReview).Milliseconds(), 86400000)
	if t < 0 {
		t = 0
	}
	return s.forgettingCurve(float64(t), r8(card.Stability))
}

// begin prepares one review: elapsed days, counters, fuzz seed inputs.
func (s *Scheduler) begin(card Card, now time.Time) (step, error) {
	t := 0
	if card.State != New && !card.LastReview.IsZero() {
		t = s.day.ElapsedDays(card.LastReview, now)
	}
	if t < 0 {
		return step{}, validation("review at %s is on an earlier day than the last review at %s",
			now.UTC().Format(time.RFC3339), card.LastReview.UTC().Format(time.RFC3339))
	}
	cur := card
	cur.LastReview = now
	cur.ElapsedDays = t
	cur.Reps++
	return step{now: now, t: t, cur: cur, fuzzU: -1, fuzzKey: card.Difficulty * card.Stability}, nil
}

func (s *Scheduler) log(card Card, sp *step, r Rating) ReviewLog {
	due := card.LastReview
	if due.IsZero() {
		due = card.Due
	}
	return ReviewLog{
		Rating: r, State: card.State, Due: due,
		Stability: card.Stability, Difficulty: card.Difficulty,
		ElapsedDays: sp.t, LastElapsedDays: card.ElapsedDays,
		ScheduledDays: card.ScheduledDays, LearningSteps: card.LearningSteps,
		Review: sp.now,
	}
}

// grade runs ts-fsrs' BasicScheduler or LongTermScheduler for one rating.
func (s *Scheduler) grade(card Card, sp *step, g Rating) (Card, error) {
	if card.State < New || card.State > Relearning {
		return card, validation("unknown card state %d", int(card.State))
	}
	if !s.shortTerm || card.State == Review {
		return s.gradeReview(card, sp, g)
	}
	next, err := s.withMemory(card, sp, g, -1)
	if err != nil {
		return card, err
	}
	to := Learning
	if card.State == Relearning {
		to = Relearning
	}
	s.applySteps(&next, card, sp, g, to)
	return next, nil
}

// withMemory returns the card after the review with its new D and S.
func (s *Scheduler) withMemory(card Card, sp *step, g Rating, r float64) (Card, error) {
	m, err := s.nextMemory(memory{d: card.Difficulty, s: card.Stability}, sp.t, g, r, &sp.recall)
	if err != nil {
		return card, err
	}
	next := sp.cur
	next.Difficulty, next.Stability = m.d, m.s
	return next, nil
}

// gradeReview handles a Review card (and, without short-term steps, every
// card): day intervals kept in the order Again < Hard < Good < Easy.
func (s *Scheduler) gradeReview(card Card, sp *step, g Rating) (Card, error) {
	t := sp.t
	if card.State == New && !s.shortTerm {
		t = 0
		sp.cur.ElapsedDays = 0
		sp.cur.ScheduledDays = 0
	}
	r := -1.0
	if card.Stability != 0 || card.Difficulty != 0 {
		if !(card.Stability >= SMin) || math.IsInf(card.Stability, 0) {
			return card, validation("invalid memory state: difficulty %v, stability %v", card.Difficulty, card.Stability)
		}
		r = s.forgettingCurve(float64(t), card.Stability)
	}
	var mems [5]memory
	for _, gg := range [...]Rating{Again, Hard, Good, Easy} {
		if gg != g && !s.needed(g, gg) {
			continue
		}
		m, err := s.nextMemory(memory{d: card.Difficulty, s: card.Stability}, sp.t, gg, r, &sp.recall)
		if err != nil {
			return card, err
		}
		mems[gg] = m
	}
	next := sp.cur
	next.Difficulty, next.Stability = mems[g].d, mems[g].s
	if s.shortTerm {
		if g == Again {
			s.applySteps(&next, card, sp, Again, Relearning)
			next.Lapses++
			return next, nil
		}
		hard := s.interval(mems[Hard].s, sp)
		good := s.interval(mems[Good].s, sp)
		hard = min(hard, good)
		good = max(good, hard+1)
		ivl := hard
		switch g {
		case Good:
			ivl = good
		case Easy:
			ivl = max(s.interval(mems[Easy].s, sp), good+1)
		}
		return s.toReview(next, sp, ivl), nil
	}
	again := s.interval(mems[Again].s, sp)
	hard := s.interval(mems[Hard].s, sp)
	again = min(again, hard)
	hard = max(hard, again+1)
	ivl := again
	if g >= Good {
		good := max(s.interval(mems[Good].s, sp), hard+1)
		ivl = good
		if g == Easy {
			ivl = max(s.interval(mems[Easy].s, sp), good+1)
		}
	} else if g == Hard {
		ivl = hard
	}
	next = s.toReview(next, sp, ivl)
	if g == Again && card.State != New {
		next.Lapses++
	}
	return next, nil
}

// needed reports whether grading g needs the interval of other.
func (s *Scheduler) needed(g, other Rating) bool {
	if s.shortTerm {
		return g >= Hard && other >= Hard && other <= max(g, Good)
	}
	return other <= max(g, Hard)
}

func (s *Scheduler) toReview(c Card, sp *step, ivl int) Card {
	c.State = Review
	c.LearningSteps = 0
	c.ScheduledDays = ivl
	c.Due = sp.now.Add(time.Duration(ivl) * 24 * time.Hour)
	return c
}

// applySteps is ts-fsrs' applyLearningSteps with its default strategy.
func (s *Scheduler) applySteps(next *Card, card Card, sp *step, g Rating, to State) {
	minutes, nextStep := s.stepFor(card.State, card.LearningSteps, g)
	minutes, nextStep = max(0, minutes), max(0, nextStep)
	switch {
	case minutes > 0 && minutes < 1440:
		next.LearningSteps = nextStep
		next.ScheduledDays = 0
		next.State = to
		next.Due = sp.now.Add(time.Duration(minutes) * time.Minute)
	case minutes >= 1440:
		// A step of a day or more turns the card into Review (ts-fsrs quirk).
		next.State = Review
		next.LearningSteps = nextStep
		next.Due = sp.now.Add(time.Duration(minutes) * time.Minute)
		next.ScheduledDays = minutes / 1440
	default:
		next.State = Review
		next.LearningSteps = 0
		ivl := s.interval(next.Stability, sp)
		next.ScheduledDays = ivl
		next.Due = sp.now.Add(time.Duration(ivl) * 24 * time.Hour)
	}
}

// stepFor returns the minutes until the next step and its index, or 0
// minutes to graduate. Hard waits the mean of the first two steps (1.5x a
// single step); Good moves one step on.
func (s *Scheduler) stepFor(state State, cur int, g Rating) (minutes, next int) {
	steps := s.learn
	if state == Review || state == Relearning {
		steps = s.relearn
	}
	n := len(steps)
	if n == 0 || cur >= n {
		return 0, 0
	}
	if state == Review {
		if g == Again {
			return steps[max(0, cur)], 0
		}
		return 0, 0
	}
	switch g {
	case Again:
		return steps[0], 0
	case Hard:
		if n == 1 {
			return int(jsRound(float64(steps[0]) * 1.5)), cur
		}
		return int(jsRound(float64(steps[0]+steps[1]) / 2)), cur
	case Good:
		if i := cur + 1; i >= 0 && i < n && steps[i] > 0 {
			return steps[i], i
		}
	}
	return 0, 0
}
