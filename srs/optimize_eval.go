package srs

import (
	"math"
	"sort"
)

// This file evaluates parameters on a review log exactly as fsrs-rs's
// FSRS::evaluate does: in single precision, each item weighted by its
// recency, the log loss of the recall predicted for the item's last review
// and the RMSE over bins of elapsed days, review count and lapses.

// Evaluation is how well a parameter vector predicts a review log.
type Evaluation struct {
	LogLoss  float64 `json:"log_loss"`  // weighted binary cross-entropy of recall
	RMSEBins float64 `json:"rmse_bins"` // RMSE(bins), as the FSRS benchmark reports it
}

// Single-precision helpers: Rust's f32 ops, each result rounded to f32.
func ln32(x float32) float32     { return float32(math.Log(float64(x))) }
func exp32(x float32) float32    { return float32(math.Exp(float64(x))) }
func pow32(x, y float32) float32 { return float32(math.Pow(float64(x), float64(y))) }
func clamp32(x, lo, hi float32) float32 {
	if x < lo {
		return lo
	}
	if x > hi {
		return hi
	}
	return x
}

type mem32 struct{ s, d float32 }

func curve32(w *[21]float32, t, s float32) float32 {
	decay := -w[20]
	factor := exp32(ln32(0.9)/decay) - 1
	return pow32(t/s*factor+1, decay)
}

func initD32(w *[21]float32, g int) float32 {
	return w[4] - exp32(w[5]*float32(g-1)) + 1
}

// step32 is fsrs-rs's model::step for one review after the first.
func step32(w *[21]float32, dt float32, g int, st mem32) mem32 {
	lastS := clamp32(st.s, SMin, SMax)
	lastD := clamp32(st.d, 1, 10)
	rating := float32(g)
	r := curve32(w, dt, lastS)
	var newS float32
	switch {
	case dt == 0:
		sinc := exp32(w[17]*(rating-3+w[18])) * pow32(lastS, -w[19])
		if g >= 2 && sinc < 1 {
			sinc = 1
		}
		newS = lastS * sinc
	case g == 1:
		raw := w[11] * pow32(lastD, -w[12]) * (pow32(lastS+1, w[13]) - 1) * exp32((1-r)*w[14])
		floor := lastS / exp32(w[17]*w[18])
		newS = min(raw, floor)
	default:
		hard, easy := float32(1), float32(1)
		if g == 2 {
			hard = w[15]
		}
		if g == 4 {
			easy = w[16]
		}
		newS = lastS * (exp32(w[8])*(11-lastD)*pow32(lastS, -w[9])*(exp32((1-r)*w[10])-1)*hard*easy + 1)
	}
	deltaD := -w[6] * (rating - 3)
	newD := lastD + (10-lastD)*deltaD/9
	newD = clamp32(w[7]*(initD32(w, 4)-newD)+newD, 1, 10)
	return mem32{s: clamp32(newS, SMin, SMax), d: newD}
}

// forward32 runs a card's reviews from a new card on.
func forward32(w *[21]float32, reviews []ItemReview) mem32 {
	if len(reviews) == 0 {
		return mem32{}
	}
	g := int(reviews[0].Rating)
	st := mem32{s: clamp32(w[g-1], SMin, SMax), d: clamp32(initD32(w, g), 1, 10)}
	for _, r := range reviews[1:] {
		st = step32(w, float32(r.DeltaT), int(r.Rating), st)
	}
	return st
}

// recencyWeight is the weight fsrs-rs gives the idx-th of n items: a
// quarter for the oldest, rising with the cube of its position to one.
func recencyWeight(idx, n int) float32 {
	length := max(float32(n)-1, 1)
	x := float32(idx) / length
	return 0.25 + 0.75*(x*x*x)
}

type binKey struct{ dt, length, lapses uint32 }

func roundU32(x float64) uint32 {
	x = math.Round(x)
	if !(x > 0) {
		return 0
	}
	if x > math.MaxUint32 {
		return math.MaxUint32
	}
	return uint32(x)
}

// binOf is fsrs-rs's FSRSItem::r_matrix_index.
func binOf(it Item) binKey {
	cur := it.Reviews[len(it.Reviews)-1]
	dt := float64(cur.DeltaT)
	dtBin := roundU32(2.48 * math.Pow(3.62, math.Floor(math.Log(dt)/math.Log(3.62))) * 100)
	long := 0
	for _, r := range it.Reviews {
		if r.DeltaT > 0 {
			long++
		}
	}
	length := float64(long) + 1
	lenBin := roundU32(1.99 * math.Pow(1.89, math.Floor(math.Log(length)/math.Log(1.89))))
	lapses := 0
	for _, r := range it.Reviews[:len(it.Reviews)-1] {
		if r.Rating == Again && r.DeltaT > 0 {
			lapses++
		}
	}
	if lapses == 0 {
		return binKey{dtBin, lenBin, 0}
	}
	lapseBin := roundU32(1.65 * math.Pow(1.73, math.Floor(math.Log(float64(lapses))/math.Log(1.73))))
	return binKey{dtBin, lenBin, lapseBin}
}

// weights32 converts and clips a weight vector the way FSRS::new does.
func weights32(w []float64) ([21]float32, error) {
	var out [21]float32
	if len(w) != 21 {
		return out, validation("parameters: %d weights, want 21", len(w))
	}
	for i, x := range w {
		if math.IsNaN(x) || math.IsInf(x, 0) {
			return out, validation("parameters: weight %d is %v", i, x)
		}
	}
	// FSRS::new clips the f32 weights (its short-term floor off).
	rg := clipRanges(false)
	for i := range out {
		out[i] = clamp32(float32(w[i]), float32(rg[i][0]), float32(rg[i][1]))
	}
	return out, nil
}

// Evaluate computes the log loss and RMSE(bins) of parameters w on items,
// as fsrs-rs's evaluate does (weights by recency, in the order given).
func Evaluate(items []Item, w []float64) (Evaluation, error) {
	if len(items) == 0 {
		return Evaluation{}, validation("evaluate: no reviews to evaluate on")
	}
	if err := checkItems(items); err != nil {
		return Evaluation{}, err
	}
	ww, err := weights32(w)
	if err != nil {
		return Evaluation{}, err
	}
	type acc struct{ pred, actual, count, weight float32 }
	bins := make(map[binKey]*acc)
	var loss, wsum float32
	for idx, it := range items {
		h := it.Reviews[:len(it.Reviews)-1]
		cur := it.Reviews[len(it.Reviews)-1]
		st := forward32(&ww, h)
		p := curve32(&ww, float32(cur.DeltaT), st.s)
		if math.IsNaN(float64(p)) || math.IsInf(float64(p), 0) {
			return Evaluation{}, validation("evaluate: no finite prediction for item %d", idx)
		}
		var y float32
		if cur.Rating > Again {
			y = 1
		}
		wt := recencyWeight(idx, len(items))
		k := binOf(it)
		a := bins[k]
		if a == nil {
			a = &acc{}
			bins[k] = a
		}
		a.pred += p
		a.actual += y
		a.count++
		a.weight += wt
		loss += (y*ln32(p) + (1-y)*ln32(1-p)) * wt
		wsum += wt
	}
	keys := make([]binKey, 0, len(bins))
	for k := range bins {
		keys = append(keys, k)
	}
	sort.Slice(keys, func(i, j int) bool {
		a, b := keys[i], keys[j]
		if a.dt != b.dt {
			return a.dt < b.dt
		}
		if a.length != b.length {
			return a.length < b.length
		}
		return a.lapses < b.lapses
	})
	var num, den float32
	for _, k := range keys {
		a := bins[k]
		d := a.pred/a.count - a.actual/a.count
		num += d * d * a.weight
		den += a.weight
	}
	ev := Evaluation{
		LogLoss:  float64(-loss / wsum),
		RMSEBins: float64(float32(math.Sqrt(float64(num / den)))),
	}
	if math.IsNaN(ev.LogLoss) || math.IsInf(ev.LogLoss, 0) || math.IsNaN(ev.RMSEBins) {
		return Evaluation{}, validation("evaluate: the loss is not finite")
	}
	return ev, nil
}
