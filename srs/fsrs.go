// Package srs schedules flashcard reviews with FSRS-6, exactly as the
// reference implementation ts-fsrs 5.4.2 does with its defaults, and holds
// the pure policies around it: the daily review queue, statistics and the
// replay of review histories.
//
// The maximum interval (Params.MaximumInterval, 36,500 days by default)
// caps the interval computed for each rating, from its stability, before
// the ratings are put in order. As in ts-fsrs, the order wins: a Review
// card keeps Hard < Good < Easy, so near the cap Hard is scheduled at the
// maximum, Good one day over it and Easy two. With short-term steps off
// (EnableShortTerm false) Again is ordered below Hard too, and each rating
// can be one day further out still. It is a limit on how far FSRS
// extrapolates stability, not a promise about the due date.
//
// Everything here is deterministic: time is passed in, fuzz is seeded from
// the card, and nothing reads the clock, the disk or a global.
package srs

import (
	"math"
	"strconv"
	"time"
)

// memory is the pair FSRS tracks for a card.
type memory struct{ d, s float64 }

// decayFactor returns -w20 and the factor that makes R(S,S) = 0.9, rounded
// to 8 decimals before use as ts-fsrs does.
func decayFactor(w20 float64) (decay, factor float64) {
	decay = -w20
	factor = r8(math.Exp(math.Log(0.9)/decay) - 1)
	return decay, factor
}

// forgettingCurve is R(t,S), the probability of recall t days after a
// review that left stability S.
func (s *Scheduler) forgettingCurve(t, stability float64) float64 {
	return r8(math.Pow(1+s.factor*t/stability, s.decay))
}

// initDifficulty is D0(G) before clamping (the unclamped D0(Easy) is the
// mean-reversion target).
func (s *Scheduler) initDifficulty(g Rating) float64 {
	return r8(s.w[4] - math.Exp(float64(g-1)*s.w[5]) + 1)
}

func (s *Scheduler) nextDifficulty(d float64, g Rating) float64 {
	deltaD := -s.w[6] * float64(g-3)
	nextD := d + r8(deltaD*(10-d)/9)
	return clamp(r8(s.w[7]*s.d0Easy+(1-s.w[7])*nextD), 1, 10)
}

// recallTerms are the two grade-independent factors of the recall
// formula; computed once per review, they serve Hard, Good and Easy alike
// (the same expressions give the same bits).
type recallTerms struct {
	ok       bool
	pow, exp float64 // S^-w9 and e^(w10(1-R)) - 1
}

func (s *Scheduler) nextRecallStability(d, st, r float64, g Rating, rt *recallTerms) float64 {
	hard, easy := 1.0, 1.0
	if g == Hard {
		hard = s.w[15]
	}
	if g == Easy {
		easy = s.w[16]
	}
	if rt == nil {
		rt = &recallTerms{}
	}
	if !rt.ok {
		rt.pow, rt.exp, rt.ok = math.Pow(st, -s.w[9]), math.Exp((1-r)*s.w[10])-1, true
	}
	// Multiplication order follows ts-fsrs so rounding matches bit for bit.
	inc := s.expW8 * (11 - d) * rt.pow * rt.exp * hard * easy
	return r8(clamp(st*(1+inc), SMin, SMax))
}

func (s *Scheduler) nextForgetStability(d, st, r float64) float64 {
	return r8(clamp(s.w[11]*math.Pow(d, -s.w[12])*(math.Pow(st+1, s.w[13])-1)*math.Exp((1-r)*s.w[14]), SMin, SMax))
}

func (s *Scheduler) nextShortTermStability(st float64, g Rating) float64 {
	sinc := math.Pow(st, -s.w[19]) * math.Exp(s.w[17]*(float64(g)-3+s.w[18]))
	if g >= Hard {
		sinc = math.Max(sinc, 1)
	}
	return r8(clamp(st*sinc, SMin, SMax))
}

// nextMemory is ts-fsrs' next_state: the new (D,S) after grade g, t days
// after the last review, with recall probability r (computed when r < 0).
func (s *Scheduler) nextMemory(m memory, t int, g Rating, r float64, rt *recallTerms) (memory, error) {
	if t < 0 {
		return memory{}, validation("review time is on an earlier day than the last review (elapsed days %d)", t)
	}
	if m.d == 0 && m.s == 0 {
		return memory{d: clamp(s.initDifficulty(g), 1, 10), s: math.Max(s.w[g-1], 0.1)}, nil
	}
	if !(m.d >= 1) || !(m.s >= SMin) || math.IsInf(m.d, 0) || math.IsInf(m.s, 0) {
		return memory{}, validation("invalid memory state: difficulty %v, stability %v", m.d, m.s)
	}
	if r < 0 {
		r = s.forgettingCurve(float64(t), m.s)
	}
	var ns float64
	switch {
	case t == 0 && s.shortTerm:
		ns = s.nextShortTermStability(m.s, g)
	case g == Again:
		fail := s.nextForgetStability(m.d, m.s, r)
		w17, w18 := 0.0, 0.0
		if s.shortTerm {
			w17, w18 = s.w[17], s.w[18]
		}
		ns = math.Min(math.Max(r8(m.s/math.Exp(w17*w18)), SMin), fail)
	default:
		ns = s.nextRecallStability(m.d, m.s, r, g, rt)
	}
	return memory{d: s.nextDifficulty(m.d, g), s: ns}, nil
}

// fuzzRange is ts-fsrs' get_fuzz_range: the spread grows with the interval
// (15% of days 2.5-7, 10% of days 7-20, 5% beyond).
func fuzzRange(ivl float64, elapsed int, maxIvl float64) (lo, hi float64) {
	delta := 1.0
	delta += 0.15 * math.Max(math.Min(ivl, 7)-2.5, 0)
	delta += 0.10 * math.Max(math.Min(ivl, 20)-7, 0)
	delta += 0.05 * math.Max(math.Min(ivl, math.Inf(1))-20, 0)
	ivl = math.Min(ivl, maxIvl)
	lo = math.Max(2, jsRound(ivl-delta))
	hi = math.Min(jsRound(ivl+delta), maxIvl)
	if ivl > float64(elapsed) {
		lo = math.Max(lo, float64(elapsed)+1)
	}
	lo = math.Min(lo, hi)
	return lo, hi
}

// step carries what one review shares across the four possible grades.
type step struct {
	now     time.Time
	t       int
	cur     Card    // card with reps, last review and elapsed days updated
	fuzzU   float64 // Alea draw, or -1 until needed
	fuzzKey float64 // D·S before the review, part of the fuzz seed
	recall  recallTerms
}

// interval turns a stability into whole days (next_interval + apply_fuzz).
func (s *Scheduler) interval(st float64, sp *step) int {
	ivl := math.Min(math.Max(1, jsRound(st*s.im)), float64(s.maxIvl))
	if !s.fuzz || ivl < 2.5 {
		return int(jsRound(ivl))
	}
	if sp.fuzzU < 0 {
		seed := strconv.FormatInt(sp.now.UnixMilli(), 10) + "_" + strconv.Itoa(sp.cur.Reps) + "_" + jsNumber(sp.fuzzKey)
		sp.fuzzU = aleaFirst(seed)
	}
	lo, hi := fuzzRange(ivl, sp.t, float64(s.maxIvl))
	return int(math.Floor(sp.fuzzU*(hi-lo+1) + lo))
}
