package srs

import (
	"math"
	"sort"
)

// This file is fsrs-rs's data preparation and pre-training: the outlier
// filter on first intervals, and the initial stabilities w0..w3 fitted to
// the recall of each first rating at its first interval.

func (it Item) longTermCount() int {
	n := 0
	for _, r := range it.Reviews {
		if r.DeltaT > 0 {
			n++
		}
	}
	return n
}

func (it Item) firstLongTerm() ItemReview {
	for _, r := range it.Reviews {
		if r.DeltaT > 0 {
			return r
		}
	}
	return ItemReview{}
}

// outliers is fsrs-rs's compute_outlier_analysis: per first rating, the
// first intervals seen too rarely (the rarest 5%, at least 20 items) or
// too long (over 100 days, 365 after Easy) are removed; it returns them and
// the items kept for pre-training.
func outliers(items []Item) (removed [5]map[int]bool, initIdx []int) {
	groups := map[Rating]map[int][]int{}
	for i, it := range items {
		if it.longTermCount() != 1 {
			continue
		}
		g := it.Reviews[0].Rating
		if groups[g] == nil {
			groups[g] = map[int][]int{}
		}
		dt := it.Reviews[len(it.Reviews)-1].DeltaT
		groups[g][dt] = append(groups[g][dt], i)
	}
	for i := range removed {
		removed[i] = map[int]bool{}
	}
	for g := Again; g <= Easy; g++ {
		byDT := groups[g]
		if byDT == nil {
			continue
		}
		type sub struct {
			dt  int
			idx []int
		}
		subs := make([]sub, 0, len(byDT))
		total := 0
		for dt, idx := range byDT {
			subs = append(subs, sub{dt, idx})
			total += len(idx)
		}
		// Most items first, then the longer interval; walked backwards.
		sort.Slice(subs, func(i, j int) bool {
			if len(subs[i].idx) != len(subs[j].idx) {
				return len(subs[i].idx) > len(subs[j].idx)
			}
			return subs[i].dt > subs[j].dt
		})
		limit := 100
		if g == Easy {
			limit = 365
		}
		dropped := 0
		for k := len(subs) - 1; k >= 0; k-- {
			s := subs[k]
			if dropped+len(s.idx) >= max(20, total/20) {
				if len(s.idx) >= 6 && s.dt <= limit {
					initIdx = append(initIdx, s.idx...)
				} else {
					removed[g][s.dt] = true
				}
			} else {
				dropped += len(s.idx)
				removed[g][s.dt] = true
			}
		}
	}
	return removed, initIdx
}

type avgRecall struct{ dt, recall, count float64 }

// initialStabilities is fsrs-rs's initialize_stability_parameters.
func initialStabilities(items []Item, averageRecall float32) ([4]float32, map[Rating]int, error) {
	groups := map[Rating]map[int][]int{}
	for _, it := range items {
		if it.longTermCount() != 1 {
			continue
		}
		g := it.Reviews[0].Rating
		f := it.firstLongTerm()
		if groups[g] == nil {
			groups[g] = map[int][]int{}
		}
		label := 0
		if f.Rating > Again {
			label = 1
		}
		groups[g][f.DeltaT] = append(groups[g][f.DeltaT], label)
	}
	counts := map[Rating]int{}
	stab := map[Rating]float32{}
	for g, byDT := range groups {
		data := make([]avgRecall, 0, len(byDT))
		n := 0.0
		for dt, labels := range byDT {
			sum := 0.0
			for _, l := range labels {
				sum += float64(l)
			}
			c := float64(len(labels))
			data = append(data, avgRecall{float64(dt), sum / c, c})
			n += c
		}
		sort.Slice(data, func(i, j int) bool { return data[i].dt < data[j].dt })
		counts[g] = int(n)
		stab[g] = searchS0(data, averageRecall, float64(float32(DefaultW[g-1])))
	}
	s0, err := smoothAndFill(stab, counts)
	return s0, counts, err
}

// searchS0 is a ternary search of the stability that best predicts the
// smoothed recall at each first interval, with a small pull to the default.
func searchS0(data []avgRecall, averageRecall float32, defaultS0 float64) float32 {
	decay := -float64(float32(fsrs6DefaultDecay))
	factor := math.Pow(0.9, 1/decay) - 1
	recall := make([]float64, len(data))
	for i, d := range data {
		recall[i] = (d.recall*d.count + float64(averageRecall)) / (d.count + 1)
	}
	loss := func(s float64) float64 {
		sum := 0.0
		for i, d := range data {
			y := math.Pow(d.dt/s*factor+1, decay)
			sum += -(recall[i]*math.Log(y) + (1-recall[i])*math.Log(1-y)) * d.count
		}
		return sum + math.Abs(s-defaultS0)/16
	}
	low, high := float64(float32(SMin)), float64(initSMax)
	best := defaultS0
	for iter := 0; high-low > 2.220446049250313e-16 && iter < 1000; iter++ {
		m1 := low + (high-low)/3
		m2 := high - (high-low)/3
		if loss(m1) < loss(m2) {
			high = m2
		} else {
			low = m1
		}
		best = (high + low) / 2
	}
	return float32(best)
}

// smoothAndFill is fsrs-rs's smooth_and_fill: keeps the initial
// stabilities in rating order and fills the ratings never seen from the
// others with fixed exponents.
func smoothAndFill(stab map[Rating]float32, counts map[Rating]int) ([4]float32, error) {
	var out [4]float32
	for g := range stab {
		if _, ok := counts[g]; !ok {
			delete(stab, g)
		}
	}
	for _, p := range [][2]Rating{{1, 2}, {2, 3}, {3, 4}, {1, 3}, {2, 4}, {1, 4}} {
		a, okA := stab[p[0]]
		b, okB := stab[p[1]]
		if okA && okB && a > b {
			if counts[p[0]] > counts[p[1]] {
				stab[p[1]] = a
			} else {
				stab[p[0]] = b
			}
		}
	}
	const w1, w2 = float32(0.41), float32(0.54)
	pw := func(x, y float32) float32 { return pow32(x, y) }
	var arr [5]*float32
	for g := Again; g <= Easy; g++ {
		if v, ok := stab[g]; ok {
			v := v
			arr[g] = &v
		}
	}
	set := func(g int, v float32) { arr[g] = &v }
	has := func(g int) bool { return arr[g] != nil }
	get := func(g int) float32 { return *arr[g] }
	switch len(stab) {
	case 0:
		return out, validation("optimize: no first reviews to fit the initial stabilities")
	case 1:
		var g Rating
		for k := range stab {
			g = k
		}
		f := stab[g] / float32(DefaultW[g-1])
		vals := make([]float32, 4)
		for i := range vals {
			vals[i] = float32(DefaultW[i]) * f
		}
		sort.Slice(vals, func(i, j int) bool { return vals[i] < vals[j] })
		for i := 1; i <= 4; i++ {
			set(i, vals[i-1])
		}
	case 2:
		switch {
		case !has(1) && !has(2) && has(3) && has(4):
			r3, r4 := get(3), get(4)
			r2 := pw(r3, 1/(1-w2)) * pw(r4, 1-1/(1-w2))
			set(2, r2)
			set(1, pw(r2, 1/w1)*pw(r3, 1-1/w1))
		case !has(1) && has(2) && !has(3) && has(4):
			r2, r4 := get(2), get(4)
			r3 := pw(r2, 1-w2) * pw(r4, w2)
			set(3, r3)
			set(1, pw(r2, 1/w1)*pw(r3, 1-1/w1))
		case !has(1) && has(2) && has(3) && !has(4):
			r2, r3 := get(2), get(3)
			set(4, pw(r2, 1-1/w2)*pw(r3, 1/w2))
			set(1, pw(r2, 1/w1)*pw(r3, 1-1/w1))
		case has(1) && !has(2) && !has(3) && has(4):
			r1, r4 := get(1), get(4)
			den := float32(math.FMA(float64(w1), float64(-w2), float64(w1+w2)))
			set(2, pw(r1, w1/den)*pw(r4, 1-w1/den))
			set(3, pw(r1, 1-w2/den)*pw(r4, w2/den))
		case has(1) && !has(2) && has(3) && !has(4):
			r1, r3 := get(1), get(3)
			r2 := pw(r1, w1) * pw(r3, 1-w1)
			set(2, r2)
			set(4, pw(r2, 1-1/w2)*pw(r3, 1/w2))
		case has(1) && has(2) && !has(3) && !has(4):
			r1, r2 := get(1), get(2)
			r3 := pw(r1, 1-1/(1-w1)) * pw(r2, 1/(1-w1))
			set(3, r3)
			set(4, pw(r2, 1-1/w2)*pw(r3, 1/w2))
		}
	case 3:
		switch {
		case !has(1):
			set(1, pw(get(2), 1/w1)*pw(get(3), 1-1/w1))
		case !has(2):
			set(2, pw(get(1), w1)*pw(get(3), 1-w1))
		case !has(3):
			set(3, pw(get(2), 1-w2)*pw(get(4), w2))
		case !has(4):
			set(4, pw(get(2), 1-1/w2)*pw(get(3), 1/w2))
		}
	}
	for g := 1; g <= 4; g++ {
		if !has(g) {
			return out, validation("optimize: could not fill initial stability %d", g)
		}
		out[g-1] = clamp32(get(g), SMin, initSMax)
	}
	return out, nil
}

// PrepareItems is what fsrs-rs's Node binding does to a log before it
// evaluates: the outlier filter above, and the pre-training items (one
// long-term review) put first, grouped by first rating, then the others in
// their order.
func PrepareItems(items []Item) []Item {
	removed, initIdx := outliers(items)
	out := make([]Item, 0, len(items))
	for _, i := range initIdx {
		out = append(out, items[i])
	}
	for _, it := range items {
		if it.longTermCount() == 1 {
			continue
		}
		if !removed[it.Reviews[0].Rating][it.firstLongTerm().DeltaT] {
			out = append(out, it)
		}
	}
	return out
}
