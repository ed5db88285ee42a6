package srs

import (
	"context"
	"io"
	"math"
	"math/rand/v2"
	"sort"
	"time"
)

// This file fits the 21 FSRS-6 weights to a learner's review log the way
// fsrs-rs (the optimizer Anki runs) does: the same items, outlier filter,
// pre-training of the initial stabilities, recency weights, batches of 512
// predictions grouped by card, Adam with cosine-annealed learning rate over
// five epochs, an L2 pull towards the starting weights scaled by each
// weight's spread across users, and the weights clipped after every step.
// Gradients are exact (forward-mode derivatives through each card's
// history), in double precision.

// ItemReview is one review as the optimizer sees it: the rating and the
// whole days since the card's previous review (0 for the first review and
// for reviews on the same day).
type ItemReview struct {
	Rating Rating `json:"rating"`
	DeltaT int    `json:"delta_t"`
}

// CardHistory is one card's reviews in time order; Start is the day number
// of its first review (only the order of items depends on it).
type CardHistory struct {
	Start   int64
	Reviews []ItemReview
}

// Item is what FSRS predicts: a card's reviews up to and including one
// review on a later day than the one before; the last review is the one
// predicted from the others.
type Item struct {
	Reviews []ItemReview
	card    int // index of the card in the slice Items was given; -1 unknown
}

// NewItem makes an item from reviews (for tests and tools).
func NewItem(reviews ...ItemReview) Item { return Item{Reviews: reviews, card: -1} }

// Items turns card histories into items: one per review after the first
// that falls on a later day than the review before it (same-day reviews
// shape the memory state but are not predicted, as in fsrs-rs and Anki).
// Items are ordered by the day of their last review, then card, then
// position, which is the order recency weights follow.
func Items(cards []CardHistory) []Item {
	type pos struct {
		day   int64
		ci, i int
	}
	var ps []pos
	for ci, c := range cards {
		day := c.Start
		for i, r := range c.Reviews {
			day += int64(r.DeltaT)
			if i > 0 && r.DeltaT > 0 {
				ps = append(ps, pos{day, ci, i})
			}
		}
	}
	sort.Slice(ps, func(a, b int) bool {
		x, y := ps[a], ps[b]
		if x.day != y.day {
			return x.day < y.day
		}
		if x.ci != y.ci {
			return x.ci < y.ci
		}
		return x.i < y.i
	})
	out := make([]Item, len(ps))
	for k, p := range ps {
		out[k] = Item{Reviews: cards[p.ci].Reviews[:p.i+1], card: p.ci}
	}
	return out
}

// TimedReview is a rating and when it was given.
type TimedReview struct {
	Rating Rating
	At     time.Time
}

// HistoryFromTimes turns one card's timed reviews into a CardHistory,
// counting days with b. Reviews are put in time order first (a log
// written out of order still describes the same history).
func HistoryFromTimes(reviews []TimedReview, b DayBoundary) CardHistory {
	rs := append([]TimedReview(nil), reviews...)
	sort.SliceStable(rs, func(i, j int) bool { return rs[i].At.Before(rs[j].At) })
	var h CardHistory
	for i, r := range rs {
		day := b.DayNumber(r.At)
		dt := 0
		if i == 0 {
			h.Start = day
		} else {
			dt = int(day - b.DayNumber(rs[i-1].At))
		}
		h.Reviews = append(h.Reviews, ItemReview{Rating: r.Rating, DeltaT: dt})
	}
	return h
}

func checkItems(items []Item) error {
	for i, it := range items {
		if len(it.Reviews) < 2 {
			return validation("item %d: %d reviews, need a history and the review to predict", i, len(it.Reviews))
		}
		for j, r := range it.Reviews {
			if !r.Rating.Valid() {
				return validation("item %d review %d: rating %d is not 1..4", i, j, r.Rating)
			}
			if r.DeltaT < 0 {
				return validation("item %d review %d: negative elapsed days %d", i, j, r.DeltaT)
			}
		}
		if it.Reviews[len(it.Reviews)-1].DeltaT == 0 {
			return validation("item %d: the predicted review is on the same day as the one before", i)
		}
	}
	return nil
}

// OptimizeOptions tunes Optimize; the zero value is fsrs-rs's defaults.
type OptimizeOptions struct {
	Seed     uint64                // batch order; 0 means fsrs-rs's 2023
	Epochs   int                   // 0 means 5
	Progress func(done, total int) // called after each batch, if set
	Start    []float64             // weights the "before" figures use; nil means the defaults
	NoEval   bool                  // skip the before/after evaluation
}

// MinOptimizeItems is how many predicted reviews (reviews on a later day
// than the card's previous one) the optimizer needs before it changes
// anything: fsrs-rs trains from 64 on.
const MinOptimizeItems = 64

// OptimizeResult is a fitted parameter vector and how well it does.
type OptimizeResult struct {
	Reviews    int         `json:"reviews"`     // reviews in the log that was read
	Items      int         `json:"items"`       // reviews predicted (the training set)
	Parameters []float64   `json:"parameters"`  // the 21 weights (the defaults if not fitted)
	Fitted     bool        `json:"fitted"`      // false when there was too little data
	NeedMore   int         `json:"need_more"`   // predicted reviews still needed, when not fitted
	Before     *Evaluation `json:"before"`      // the starting weights on the log
	After      *Evaluation `json:"after"`       // the result on the log
	Elapsed    float64     `json:"elapsed_sec"` // time the fit took
}

const (
	trainBatchSize = 512
	trainLR        = 4e-2
	trainMaxSeqLen = 256
	trainGamma     = 1.0
)

// paramsStddev is the spread of each weight across Anki users, the scale
// of fsrs-rs's L2 regularisation.
var paramsStddev = [21]float64{
	6.43, 9.66, 17.58, 27.85, 0.57, 0.28, 0.6, 0.12, 0.39, 0.18, 0.33, 0.3, 0.09, 0.16, 0.57, 0.25,
	1.03, 0.31, 0.32, 0.14, 0.27,
}

// Optimize fits FSRS-6 weights to cards. With too few predicted reviews it
// keeps the defaults and says how many more it needs (NeedMore). It never
// returns non-finite weights: on a numerical failure it returns an error
// along with the defaults.
func Optimize(ctx context.Context, cards []CardHistory, opt OptimizeOptions) (*OptimizeResult, error) {
	t0 := time.Now()
	res := &OptimizeResult{}
	res.Parameters = append([]float64(nil), DefaultW[:]...)
	for ci, c := range cards {
		res.Reviews += len(c.Reviews)
		for j, r := range c.Reviews {
			if !r.Rating.Valid() {
				return res, validation("card %d review %d: rating %d is not 1..4", ci, j, r.Rating)
			}
			if r.DeltaT < 0 {
				return res, validation("card %d review %d: negative elapsed days %d", ci, j, r.DeltaT)
			}
		}
	}
	items := Items(cards)
	res.Items = len(items)
	start := DefaultW[:]
	if opt.Start != nil {
		if _, err := weights32(opt.Start); err != nil {
			return res, err
		}
		start = opt.Start
	}
	// Figures are computed the way fsrs-rs reports them to Anki and Node:
	// on the log after its outlier filter.
	evalItems := PrepareItems(items)
	if len(evalItems) > 0 && !opt.NoEval {
		if ev, err := Evaluate(evalItems, start); err == nil {
			res.Before = &ev
		}
	}
	w, fitted, err := fit(ctx, items, opt)
	res.Elapsed = time.Since(t0).Seconds()
	if err != nil {
		return res, err
	}
	if !fitted {
		res.NeedMore = max(MinOptimizeItems-len(items), 1)
		res.After = res.Before
		return res, nil
	}
	res.Parameters = w
	res.Fitted = true
	if !opt.NoEval {
		if ev, err := Evaluate(evalItems, w); err == nil {
			res.After = &ev
		} else {
			res.Parameters = append([]float64(nil), DefaultW[:]...)
			res.Fitted = false
			return res, err
		}
	}
	res.Elapsed = time.Since(t0).Seconds()
	return res, nil
}

// fit is fsrs-rs's compute_parameters; fitted is false when there was too
// little data to train (the defaults are returned).
func fit(ctx context.Context, items []Item, opt OptimizeOptions) ([]float64, bool, error) {
	defaults := append([]float64(nil), DefaultW[:]...)
	if len(items) < MinOptimizeItems {
		return defaults, false, nil
	}
	if err := checkItems(items); err != nil {
		return defaults, false, err
	}
	removed, initIdx := outliers(items)
	initSet := make([]Item, 0, len(initIdx))
	for _, i := range initIdx {
		initSet = append(initSet, items[i])
	}
	train := make([]Item, 0, len(items))
	for _, it := range items {
		g := it.Reviews[0].Rating
		if !removed[g][it.firstLongTerm().DeltaT] {
			train = append(train, it)
		}
	}
	recalled := 0
	for _, it := range train {
		if it.Reviews[len(it.Reviews)-1].Rating > Again {
			recalled++
		}
	}
	if len(train) < MinOptimizeItems {
		return defaults, false, nil
	}
	avg := float32(recalled) / float32(len(train))
	s0, counts, err := initialStabilities(initSet, avg)
	if err != nil {
		return defaults, false, nil
	}
	init := append([]float64(nil), DefaultW[:]...)
	for i := range 4 {
		init[i] = float64(s0[i])
	}
	if len(train) == len(initSet) {
		return init, true, nil
	}
	w, err := adamTrain(ctx, train, init, opt)
	if err != nil {
		return defaults, false, err
	}
	final := map[Rating]float32{}
	for i := range 4 {
		final[Rating(i+1)] = float32(w[i])
	}
	s, err := smoothAndFill(final, counts)
	if err != nil {
		return defaults, false, err
	}
	for i := range 4 {
		w[i] = float64(s[i])
	}
	for _, x := range w {
		if math.IsNaN(x) || math.IsInf(x, 0) {
			return defaults, false, validation("optimize: the fit diverged")
		}
	}
	return w, true, nil
}

// cardBatch is a batch of whole cards: each card's history is run once and
// every item of the card is predicted on the way.
type cardBatch struct {
	cards [][]ItemReview
	// preds[k][i] is the weight of predicting review i of card k (0: none).
	preds       [][]float64
	predictions int
}

func buildBatches(train []Item, weights []float64) ([]cardBatch, int) {
	type group struct {
		card    int
		reviews []ItemReview
		items   []int
	}
	byCard := map[int]*group{}
	var order []int
	total := 0
	for i, it := range train {
		if len(it.Reviews) > trainMaxSeqLen {
			continue
		}
		total++
		g := byCard[it.card]
		if g == nil {
			g = &group{card: it.card}
			byCard[it.card] = g
			order = append(order, it.card)
		}
		g.items = append(g.items, i)
		if len(it.Reviews) > len(g.reviews) {
			g.reviews = it.Reviews
		}
	}
	sort.Ints(order)
	groups := make([]*group, len(order))
	for i, c := range order {
		groups[i] = byCard[c]
	}
	sort.SliceStable(groups, func(i, j int) bool { return len(groups[i].reviews) < len(groups[j].reviews) })
	var batches []cardBatch
	var cur cardBatch
	for _, g := range groups {
		if len(cur.cards) > 0 && cur.predictions+len(g.items) > trainBatchSize {
			batches = append(batches, cur)
			cur = cardBatch{}
		}
		p := make([]float64, len(g.reviews))
		for _, i := range g.items {
			p[len(train[i].Reviews)-1] = weights[i]
		}
		cur.cards = append(cur.cards, g.reviews)
		cur.preds = append(cur.preds, p)
		cur.predictions += len(g.items)
	}
	if len(cur.cards) > 0 {
		batches = append(batches, cur)
	}
	return batches, total
}

func adamTrain(ctx context.Context, train []Item, init []float64, opt OptimizeOptions) ([]float64, error) {
	// Items without a card (built by hand) are each their own card.
	for i := range train {
		if train[i].card < 0 {
			train[i].card = -1 - i
		}
	}
	weights := make([]float64, len(train))
	for i := range train {
		weights[i] = float64(recencyWeight(i, len(train)))
	}
	batches, total := buildBatches(train, weights)
	if total == 0 {
		return nil, validation("optimize: every history is longer than %d reviews", trainMaxSeqLen)
	}
	epochs := opt.Epochs
	if epochs <= 0 {
		epochs = 5
	}
	seed := opt.Seed
	if seed == 0 {
		seed = 2023
	}
	rng := rand.New(rand.NewPCG(seed, seed^0x9e3779b97f4a7c15))
	iterations := float64((total/trainBatchSize + 1) * epochs)
	lr := cosineLR{tMax: iterations, initLR: trainLR, step: -1, cur: trainLR}

	var w [21]float64
	copy(w[:], init)
	var w0 [21]float64
	copy(w0[:], init)
	var m, v [21]float64
	t := 0
	best := w
	bestLoss := math.Inf(1)
	order := make([]int, len(batches))
	done := 0
	for epoch := 0; epoch < epochs; epoch++ {
		for i := range order {
			order[i] = i
		}
		rng.Shuffle(len(order), func(i, j int) { order[i], order[j] = order[j], order[i] })
		for _, bi := range order {
			if err := ctx.Err(); err != nil {
				return nil, err
			}
			b := &batches[bi]
			rate := lr.next()
			var grad [21]float64
			batchLoss(&w, b, &grad)
			scale := trainGamma * float64(b.predictions) / float64(total)
			for i := range grad {
				grad[i] += 2 * (w[i] - w0[i]) / (paramsStddev[i] * paramsStddev[i]) * scale
			}
			ok := true
			for _, g := range grad {
				if math.IsNaN(g) || math.IsInf(g, 0) {
					ok = false
				}
			}
			if ok {
				t++
				b1 := 1 - math.Pow(0.9, float64(t))
				b2 := 1 - math.Pow(0.999, float64(t))
				for i := range w {
					m[i] = 0.9*m[i] + 0.1*grad[i]
					v[i] = 0.999*v[i] + 0.001*grad[i]*grad[i]
					w[i] -= rate * (m[i] / b1) / (math.Sqrt(v[i]/b2) + 1e-8)
				}
				copy(w[:], ClipParameters(w[:], 1, true))
			}
			done += b.predictions
			if opt.Progress != nil {
				opt.Progress(done, total*epochs)
			}
		}
		loss := 0.0
		for bi := range batches {
			b := &batches[bi]
			loss += batchLoss(&w, b, nil)
			pen := 0.0
			for i := range w {
				d := w[i] - w0[i]
				pen += d * d / (paramsStddev[i] * paramsStddev[i])
			}
			loss += pen * trainGamma * float64(b.predictions) / float64(total)
		}
		loss /= float64(total)
		if loss < bestLoss {
			bestLoss = loss
			best = w
		}
	}
	if math.IsInf(bestLoss, 1) {
		return nil, validation("optimize: the loss never became finite")
	}
	return best[:], nil
}

// cosineLR is fsrs-rs's (PyTorch's) recursive cosine-annealing schedule.
type cosineLR struct{ tMax, initLR, step, cur float64 }

func (c *cosineLR) next() float64 {
	c.step++
	switch {
	case c.step == 0:
		c.cur = c.initLR
	case math.Mod(c.step-1-c.tMax, 2*c.tMax) == 0:
		c.cur = c.initLR * (1 - math.Cos(math.Pi/c.tMax)) / 2
	default:
		c.cur = (1+math.Cos(math.Pi*c.step/c.tMax))/(1+math.Cos(math.Pi*(c.step-1)/c.tMax))*c.cur + 0
	}
	return c.cur
}

// dstate is a memory state with its derivatives by the 21 weights.
type dstate struct {
	s, d   float64
	ds, dd [21]float64
}

const (
	minProb = 1e-7
	maxProb = 1 - 1e-7
)

// batchLoss returns the weighted log loss (a sum) of the batch's
// predictions and, if grad is not nil, adds its gradient to grad.
func batchLoss(w *[21]float64, b *cardBatch, grad *[21]float64) float64 {
	decay := -w[20]
	c := math.Log(0.9)
	factor := math.Exp(c/decay) - 1
	dFactorDDecay := math.Exp(c/decay) * (-c / (decay * decay))
	initD4 := w[4] - math.Exp(3*w[5]) + 1
	loss := 0.0
	var st dstate
	for k, reviews := range b.cards {
		preds := b.preds[k]
		g0 := int(reviews[0].Rating)
		st = dstate{}
		st.s = w[g0-1]
		if st.s >= SMin && st.s <= SMax {
			st.ds[g0-1] = 1
		} else {
			st.s = clamp(st.s, SMin, SMax)
		}
		e := math.Exp(w[5] * float64(g0-1))
		st.d = w[4] - e + 1
		if st.d >= 1 && st.d <= 10 {
			st.dd[4] = 1
			st.dd[5] = -float64(g0-1) * e
		} else {
			st.d = clamp(st.d, 1, 10)
		}
		for i := 1; i < len(reviews); i++ {
			r := reviews[i]
			dt := float64(r.DeltaT)
			// Recall at this review, and its derivatives by s and w20.
			base := dt/st.s*factor + 1
			rr := math.Pow(base, decay)
			dRds := rr * decay / base * (-dt * factor / (st.s * st.s))
			dRdw20 := -(rr * (math.Log(base) + decay/base*dt/st.s*dFactorDDecay))
			if wt := preds[i]; wt != 0 {
				y := 0.0
				if r.Rating > Again {
					y = 1
				}
				p := clamp(rr, minProb, maxProb)
				loss += -(y*math.Log(p) + (1-y)*math.Log(1-p)) * wt
				if grad != nil && rr > minProb && rr < maxProb {
					gR := -wt * (y/p - (1-y)/(1-p))
					for j := range grad {
						grad[j] += gR * dRds * st.ds[j]
					}
					grad[20] += gR * dRdw20
				}
			}
			stepDual(w, &st, dt, int(r.Rating), rr, dRds, dRdw20, initD4, grad != nil)
		}
	}
	return loss
}

// stepDual advances st by one review, carrying derivatives if deriv.
func stepDual(w *[21]float64, st *dstate, dt float64, g int, rr, dRds, dRdw20, initD4 float64, deriv bool) {
	s, d := st.s, st.d
	var ns float64
	// newS = as·s' + ad·d' + direct (+ aR·R').
	var as, ad, aR float64
	var direct [21]float64
	switch {
	case dt == 0:
		sinc := math.Exp(w[17]*(float64(g)-3+w[18])) * math.Pow(s, -w[19])
		if g >= 2 && sinc < 1 {
			ns = s
			as = 1
		} else {
			ns = s * sinc
			as = sinc * (1 - w[19])
			direct[17] = ns * (float64(g) - 3 + w[18])
			direct[18] = ns * w[17]
			direct[19] = ns * -math.Log(s)
		}
	case g == 1:
		dp := math.Pow(d, -w[12])
		sp := math.Pow(s+1, w[13])
		q := math.Exp((1 - rr) * w[14])
		raw := w[11] * dp * (sp - 1) * q
		floor := s / math.Exp(w[17]*w[18])
		if floor < raw {
			ns = floor
			as = 1 / math.Exp(w[17]*w[18])
			direct[17] = -floor * w[18]
			direct[18] = -floor * w[17]
		} else {
			ns = raw
			as = w[11] * dp * w[13] * math.Pow(s+1, w[13]-1) * q
			ad = raw * (-w[12] / d)
			aR = raw * -w[14]
			direct[11] = dp * (sp - 1) * q
			direct[12] = raw * -math.Log(d)
			direct[13] = w[11] * dp * sp * math.Log(s+1) * q
			direct[14] = raw * (1 - rr)
		}
	default:
		hard, easy := 1.0, 1.0
		if g == 2 {
			hard = w[15]
		}
		if g == 4 {
			easy = w[16]
		}
		a := math.Exp(w[8])
		cpow := math.Pow(s, -w[9])
		ex := math.Exp(w[10] * (1 - rr))
		core := a * (11 - d) * cpow * (ex - 1) // without the multipliers
		inc := core * hard * easy
		ns = s * (inc + 1)
		as = 1 + inc*(1-w[9])
		ad = s * -(a * cpow * (ex - 1) * hard * easy)
		aR = s * a * (11 - d) * cpow * hard * easy * ex * -w[10]
		direct[8] = s * inc
		direct[9] = s * inc * -math.Log(s)
		direct[10] = s * a * (11 - d) * cpow * hard * easy * ex * (1 - rr)
		if g == 2 {
			direct[15] = s * core * easy
		}
		if g == 4 {
			direct[16] = s * core * hard
		}
	}
	// Difficulty: linear damping, then mean reversion to D0(Easy).
	deltaD := -w[6] * (float64(g) - 3)
	nd := d + (10-d)*deltaD/9
	md := w[7]*(initD4-nd) + nd
	if deriv {
		var nds, ndd [21]float64
		okS := ns >= SMin && ns <= SMax
		okD := md >= 1 && md <= 10
		dnd := 1 - deltaD/9 // ∂nd/∂d
		for j := range 21 {
			if okS {
				nds[j] = as*st.ds[j] + ad*st.dd[j] + aR*dRds*st.ds[j] + direct[j]
			}
			if okD {
				ndd[j] = (1 - w[7]) * dnd * st.dd[j]
			}
		}
		if okS {
			nds[20] += aR * dRdw20
		}
		if okD {
			ndd[6] += (1 - w[7]) * (10 - d) * -(float64(g) - 3) / 9
			ndd[7] += initD4 - nd
			ndd[4] += w[7]
			ndd[5] += w[7] * -3 * math.Exp(3*w[5])
		}
		st.ds, st.dd = nds, ndd
	}
	st.s = clamp(ns, SMin, SMax)
	st.d = clamp(md, 1, 10)
}

// ReadHistories reads review histories in the JSON format Replay reads
// and turns them into card histories for Optimize, counting days with b.
// Reviews out of time order within a card are put in order.
func ReadHistories(r io.Reader, b DayBoundary) ([]CardHistory, error) {
	var out []CardHistory
	var timed []TimedReview
	p := newReplayer(r, false, func(_ string, _ int, g Rating, ts time.Time) error {
		timed = append(timed, TimedReview{Rating: g, At: ts})
		return nil
	})
	p.onCard = func(string, int) error {
		if len(timed) > 0 {
			out = append(out, HistoryFromTimes(timed, b))
		}
		timed = timed[:0]
		return nil
	}
	if err := p.run(); err != nil {
		return nil, err
	}
	return out, nil
}
