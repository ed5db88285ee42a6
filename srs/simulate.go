package srs

import (
	"math"
	"math/rand/v2"
)

// This file simulates a learner's future reviews the way fsrs-rs's
// simulator (behind Anki's workload figures and its "minimum recommended
// retention") does: every day the cards due are reviewed, each recalled
// with the probability FSRS predicts, and rated with fsrs-rs's default
// rating and time figures; new cards come in at the daily limit.

// SimCard is a card the simulation starts from: its memory state and the
// day (relative to the first simulated day, 0) of its last review and of
// its due date. Domain is free for the caller (a group to report on).
type SimCard struct {
	Stability, Difficulty float64
	LastDay, DueDay       int
	Domain                int
}

// SimConfig describes a simulation.
type SimConfig struct {
	W         []float64 // the 21 weights; nil means the defaults
	Retention float64   // desired retention the intervals aim at
	Days      int       // days to simulate
	NewPerDay int       // new cards introduced a day (from NewCards)
	NewCards  int       // cards never studied, introduced in order
	// NewDomains, if set, is the Domain of each new card in order (its
	// length is then the number of new cards).
	NewDomains []int
	MaxIvl     int // longest interval; 0 means 36500
	Seed       uint64
}

// fsrs-rs's SimulatorConfig defaults: the first rating of a new card, the
// rating of a passed review (Hard, Good, Easy), and seconds per rating in
// learning, review and relearning.
var (
	simFirstRating  = [4]float64{0.24, 0.094, 0.495, 0.171}
	simReviewRating = [3]float64{0.224, 0.631, 0.145}
	simCosts        = [3][4]float64{
		{19.58, 18.79, 13.78, 10.71},
		{19.38, 17.59, 12.38, 8.94},
		{16.44, 15.25, 12.32, 8.03},
	}
)

// SimResult is what a simulation produced, day by day.
type SimResult struct {
	Reviews   []int     // reviews of studied cards each day (new cards not counted)
	New       []int     // new cards introduced each day
	Seconds   []float64 // time spent each day
	Memorized float64   // sum of recall probabilities of the cards introduced, at the end of the last day
	// Recall is each card's recall probability the day after the last
	// simulated day (existing cards first, in order, then new ones).
	Recall []float64
	Cards  []SimCard // final states, same order as Recall
}

type simModel struct {
	w              [21]float64
	decay, factor  float64
	initD4         float64
	retention      float64
	maxIvl         float64
	intervalFactor float64
}

func newSimModel(w []float64, retention float64, maxIvl int) simModel {
	m := simModel{retention: retention, maxIvl: float64(maxIvl)}
	if len(w) == 21 {
		copy(m.w[:], w)
	} else {
		m.w = DefaultW
	}
	m.decay = -m.w[20]
	m.factor = math.Pow(0.9, 1/m.decay) - 1
	m.initD4 = m.w[4] - math.Exp(3*m.w[5]) + 1
	m.intervalFactor = (math.Pow(retention, 1/m.decay) - 1) / m.factor
	if m.maxIvl <= 0 {
		m.maxIvl = 36500
	}
	return m
}

func (m *simModel) recall(t, s float64) float64 { return math.Pow(1+m.factor*t/s, m.decay) }

func (m *simModel) interval(s float64) int {
	return int(clamp(math.Round(s*m.intervalFactor), 1, m.maxIvl))
}

func (m *simModel) initState(g int) (s, d float64) {
	return clamp(m.w[g-1], SMin, SMax), clamp(m.w[4]-math.Exp(m.w[5]*float64(g-1))+1, 1, 10)
}

// next is the FSRS-6 long-term update after a review t days on.
func (m *simModel) next(s, d, t float64, g int) (float64, float64) {
	w := &m.w
	r := m.recall(t, s)
	var ns float64
	if g == 1 {
		ns = math.Min(w[11]*math.Pow(d, -w[12])*(math.Pow(s+1, w[13])-1)*math.Exp((1-r)*w[14]), s/math.Exp(w[17]*w[18]))
	} else {
		hard, easy := 1.0, 1.0
		if g == 2 {
			hard = w[15]
		}
		if g == 4 {
			easy = w[16]
		}
		ns = s * (1 + math.Exp(w[8])*(11-d)*math.Pow(s, -w[9])*(math.Exp((1-r)*w[10])-1)*hard*easy)
	}
	nd := d + (10-d)*(-w[6]*(float64(g)-3))/9
	nd = clamp(w[7]*(m.initD4-nd)+nd, 1, 10)
	return clamp(ns, SMin, SMax), nd
}

func pick(rng *rand.Rand, p []float64) int {
	u := rng.Float64()
	for i, x := range p {
		if u < x {
			return i
		}
		u -= x
	}
	return len(p) - 1
}

// Simulate runs cfg from cards on. It is deterministic for a seed.
func Simulate(cards []SimCard, cfg SimConfig) SimResult {
	m := newSimModel(cfg.W, cfg.Retention, cfg.MaxIvl)
	rng := rand.New(rand.NewPCG(cfg.Seed, cfg.Seed^0x51ed))
	deck := append([]SimCard(nil), cards...)
	res := SimResult{
		Reviews: make([]int, cfg.Days), New: make([]int, cfg.Days),
		Seconds: make([]float64, cfg.Days),
	}
	left := cfg.NewCards
	if cfg.NewDomains != nil {
		left = len(cfg.NewDomains)
	}
	introduced := 0
	for day := 0; day < cfg.Days; day++ {
		for i := range deck {
			c := &deck[i]
			if c.DueDay > day {
				continue
			}
			t := float64(day - c.LastDay)
			r := m.recall(t, c.Stability)
			g := 1
			if rng.Float64() < r {
				g = 2 + pick(rng, simReviewRating[:])
			}
			res.Reviews[day]++
			res.Seconds[day] += simCosts[1][g-1]
			if g == 1 {
				res.Seconds[day] += simCosts[2][2] // one relearning step, passed
			}
			c.Stability, c.Difficulty = m.next(c.Stability, c.Difficulty, t, g)
			c.LastDay, c.DueDay = day, day+m.interval(c.Stability)
		}
		n := min(cfg.NewPerDay, left)
		left -= n
		for range n {
			g := 1 + pick(rng, simFirstRating[:])
			s, d := m.initState(g)
			res.New[day]++
			res.Seconds[day] += simCosts[0][g-1]
			dom := -1
			if cfg.NewDomains != nil {
				dom = cfg.NewDomains[introduced]
			}
			introduced++
			deck = append(deck, SimCard{Stability: s, Difficulty: d, LastDay: day, DueDay: day + m.interval(s), Domain: dom})
		}
	}
	for _, c := range deck {
		res.Memorized += m.recall(float64(cfg.Days-1-c.LastDay), c.Stability)
	}
	res.Recall = make([]float64, len(deck))
	for i, c := range deck {
		res.Recall[i] = m.recall(float64(cfg.Days-c.LastDay), c.Stability)
	}
	res.Cards = deck
	return res
}

// SuggestedRetention is the desired retention that costs the least time
// per card remembered after a year, as Anki's "minimum recommended
// retention" (fsrs-rs's optimal_retention with its default target) finds
// it, searched over 0.70..0.95 by hundredths with the same random draws
// for every candidate. newCards and newPerDay are the learner's.
func SuggestedRetention(cards []SimCard, w []float64, newCards, newPerDay int, seed uint64) float64 {
	best, bestR := math.Inf(1), 0.9
	for k := 70; k <= 95; k++ {
		r := float64(k) / 100
		res := Simulate(cards, SimConfig{W: w, Retention: r, Days: 365, NewPerDay: newPerDay, NewCards: newCards, Seed: seed})
		mem := res.Memorized
		if mem <= 0 {
			continue
		}
		cost := 0.0
		for _, s := range res.Seconds {
			cost += s
		}
		if v := cost / mem; v < best {
			best, bestR = v, r
		}
	}
	return bestR
}
