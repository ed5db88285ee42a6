package srs

import (
	"context"
	"encoding/json"
	"math"
	"os"
	"testing"
	"time"
)

type fsrsrsLog struct {
	Name            string    `json:"name"`
	Reviews         int       `json:"reviews"`
	Items           int       `json:"items"`
	Parameters      []float64 `json:"parameters"`
	LogLoss         float64   `json:"log_loss"`
	RMSEBins        float64   `json:"rmse_bins"`
	DefaultLogLoss  float64   `json:"default_log_loss"`
	DefaultRMSEBins float64   `json:"default_rmse_bins"`
	Cards           []struct {
		Start   int64    `json:"start"`
		Reviews [][2]int `json:"reviews"`
	} `json:"cards"`
}

func (l fsrsrsLog) histories() []CardHistory {
	out := make([]CardHistory, len(l.Cards))
	for i, c := range l.Cards {
		out[i].Start = c.Start
		for _, r := range c.Reviews {
			out[i].Reviews = append(out[i].Reviews, ItemReview{Rating: Rating(r[0]), DeltaT: r[1]})
		}
	}
	return out
}

func loadFsrsrs(t testing.TB) []fsrsrsLog {
	t.Helper()
	data, err := os.ReadFile("testdata/fsrsrs/vectors.json")
	if err != nil {
		t.Fatal(err)
	}
	var v struct {
		Logs []fsrsrsLog `json:"logs"`
	}
	if err := json.Unmarshal(data, &v); err != nil {
		t.Fatal(err)
	}
	return v.Logs
}

func TestEvaluateMatchesFsrsRs(t *testing.T) {
	for _, l := range loadFsrsrs(t) {
		items := Items(l.histories())
		if len(items) != l.Items {
			t.Fatalf("%s: %d items, fsrs-rs had %d", l.Name, len(items), l.Items)
		}
		for _, c := range []struct {
			name      string
			w         []float64
			loss, rms float64
		}{
			{"fsrs-rs parameters", l.Parameters, l.LogLoss, l.RMSEBins},
			{"defaults", DefaultW[:], l.DefaultLogLoss, l.DefaultRMSEBins},
		} {
			ev, err := Evaluate(PrepareItems(items), c.w)
			if err != nil {
				t.Fatalf("%s %s: %v", l.Name, c.name, err)
			}
			if math.Abs(ev.LogLoss-c.loss) > 1e-6 || math.Abs(ev.RMSEBins-c.rms) > 1e-6 {
				t.Errorf("%s %s: log loss %.9f rmse %.9f, fsrs-rs %.9f %.9f", l.Name, c.name, ev.LogLoss, ev.RMSEBins, c.loss, c.rms)
			}
		}
	}
}

func TestOptimizeWithinOnePercentOfFsrsRs(t *testing.T) {
	for _, l := range loadFsrsrs(t) {
		if testing.Short() && l.Reviews > 10000 {
			continue
		}
		res, err := Optimize(context.Background(), l.histories(), OptimizeOptions{})
		if err != nil {
			t.Fatalf("%s: %v", l.Name, err)
		}
		if !res.Fitted {
			t.Fatalf("%s: not fitted (need %d more)", l.Name, res.NeedMore)
		}
		if res.Reviews != l.Reviews {
			t.Errorf("%s: %d reviews read, the log has %d", l.Name, res.Reviews, l.Reviews)
		}
		ours := res.After.LogLoss
		rel := (ours - l.LogLoss) / l.LogLoss
		t.Logf("%s: log loss %.5f (fsrs-rs %.5f, %+.3f%%), rmse %.5f (fsrs-rs %.5f), %.2fs", l.Name, ours, l.LogLoss, rel*100, res.After.RMSEBins, l.RMSEBins, res.Elapsed)
		if rel > 0.01 {
			t.Errorf("%s: log loss %.6f is %.2f%% above fsrs-rs's %.6f", l.Name, ours, rel*100, l.LogLoss)
		}
	}
}

func TestOptimizeGradientMatchesFiniteDifferences(t *testing.T) {
	l := loadFsrsrs(t)[4] // same-day reviews and lapses: every branch
	items := Items(l.histories())[:400]
	weights := make([]float64, len(items))
	for i := range weights {
		weights[i] = 1
	}
	batches, _ := buildBatches(items, weights)
	var w [21]float64
	copy(w[:], l.Parameters)
	w[17], w[18], w[19] = 0.6, 0.2, 0.1 // away from the clamps and the Hard floor
	var grad [21]float64
	loss := 0.0
	for bi := range batches {
		loss += batchLoss(&w, &batches[bi], &grad)
	}
	for j := range 21 {
		h := 1e-6 * math.Max(1, math.Abs(w[j]))
		up, down := w, w
		up[j] += h
		down[j] -= h
		lu, ld := 0.0, 0.0
		for bi := range batches {
			lu += batchLoss(&up, &batches[bi], nil)
			ld += batchLoss(&down, &batches[bi], nil)
		}
		fd := (lu - ld) / (2 * h)
		if math.Abs(fd-grad[j]) > 1e-4*math.Max(1, math.Abs(fd)) {
			t.Errorf("w%d: gradient %.8g, finite difference %.8g (loss %.6f)", j, grad[j], fd, loss)
		}
	}
}

func TestOptimizeTooFewReviewsKeepsDefaultsAndSaysHowManyMore(t *testing.T) {
	cards := []CardHistory{
		{Reviews: []ItemReview{{3, 0}, {3, 2}, {3, 7}}},
		{Reviews: []ItemReview{{1, 0}, {3, 1}}},
	}
	res, err := Optimize(context.Background(), cards, OptimizeOptions{})
	if err != nil {
		t.Fatal(err)
	}
	if res.Fitted || res.NeedMore != MinOptimizeItems-3 || res.Reviews != 5 || res.Items != 3 {
		t.Fatalf("got fitted=%v need_more=%d reviews=%d items=%d", res.Fitted, res.NeedMore, res.Reviews, res.Items)
	}
	for i, x := range res.Parameters {
		if x != DefaultW[i] {
			t.Fatalf("w%d = %v, want the default %v", i, x, DefaultW[i])
		}
	}
}

func TestOptimizeIsDeterministicForASeed(t *testing.T) {
	cards := loadFsrsrs(t)[1].histories()
	a, err := Optimize(context.Background(), cards, OptimizeOptions{Seed: 7})
	if err != nil {
		t.Fatal(err)
	}
	b, _ := Optimize(context.Background(), cards, OptimizeOptions{Seed: 7})
	for i := range a.Parameters {
		if a.Parameters[i] != b.Parameters[i] {
			t.Fatalf("w%d: %v then %v", i, a.Parameters[i], b.Parameters[i])
		}
	}
}

func TestOptimizeRejectsBadRatings(t *testing.T) {
	cards := []CardHistory{{Reviews: []ItemReview{{3, 0}, {5, 2}}}}
	if _, err := Optimize(context.Background(), cards, OptimizeOptions{}); err == nil {
		t.Fatal("rating 5 accepted")
	}
}

func TestHistoryFromTimesSortsReviewsWrittenOutOfOrder(t *testing.T) {
	d := func(s string) time.Time { x, _ := time.Parse(time.RFC3339, s); return x }
	h := HistoryFromTimes([]TimedReview{
		{Good, d("2025-01-05T10:00:00Z")},
		{Again, d("2025-01-01T10:00:00Z")},
		{Good, d("2025-01-01T10:10:00Z")},
	}, DayBoundary{})
	want := []ItemReview{{Again, 0}, {Good, 0}, {Good, 4}}
	if len(h.Reviews) != 3 || h.Reviews[0] != want[0] || h.Reviews[1] != want[1] || h.Reviews[2] != want[2] {
		t.Fatalf("got %v, want %v", h.Reviews, want)
	}
}

// FuzzOptimize feeds the optimizer malformed and extreme logs: it returns
// an error or parameters, never non-finite ones.
func FuzzOptimize(f *testing.F) {
	f.Add([]byte{3, 0}, uint8(1))
	f.Add(append([]byte{3, 0}, make([]byte, 64)...), uint8(200))
	f.Add([]byte{3, 0, 1, 200, 4, 255, 2, 1, 9, 3}, uint8(90))
	f.Fuzz(func(t *testing.T, data []byte, repeat uint8) {
		var cards []CardHistory
		var cur CardHistory
		for i := 0; i+1 < len(data); i += 2 {
			r := ItemReview{Rating: Rating(data[i] % 6), DeltaT: int(int8(data[i+1]))}
			if len(cur.Reviews) > 0 && data[i]%7 == 0 {
				cards = append(cards, cur)
				cur = CardHistory{}
			}
			if len(cur.Reviews) == 0 {
				r.DeltaT = 0
			}
			cur.Reviews = append(cur.Reviews, r)
		}
		if len(cur.Reviews) > 0 {
			cards = append(cards, cur)
		}
		// Repeat the log so it can pass the minimum and be trained on.
		n := len(cards)
		for k := 1; k < int(repeat%40); k++ {
			for _, c := range cards[:n] {
				cards = append(cards, CardHistory{Start: c.Start + int64(k), Reviews: c.Reviews})
			}
		}
		res, err := Optimize(context.Background(), cards, OptimizeOptions{Epochs: 1})
		if err != nil {
			return
		}
		checkFinite(t, res)
	})
}

func checkFinite(t *testing.T, res *OptimizeResult) {
	t.Helper()
	if len(res.Parameters) != 21 {
		t.Fatalf("%d parameters", len(res.Parameters))
	}
	for i, x := range res.Parameters {
		if math.IsNaN(x) || math.IsInf(x, 0) {
			t.Fatalf("w%d = %v", i, x)
		}
	}
}

func TestOptimizeExtremeLogs(t *testing.T) {
	sameDay := CardHistory{}
	for i := range 10000 {
		sameDay.Reviews = append(sameDay.Reviews, ItemReview{Rating: Rating(i%4 + 1)})
	}
	long := CardHistory{}
	for i := range 5000 {
		long.Reviews = append(long.Reviews, ItemReview{Rating: Rating(i%4 + 1), DeltaT: min(i, 1) * (i % 3000)})
	}
	many := make([]CardHistory, 0, 300)
	for i := range 300 {
		many = append(many, CardHistory{Start: int64(i), Reviews: []ItemReview{{Easy, 0}, {Again, 36500}, {Easy, 1}, {Again, 30000}}})
	}
	for name, cards := range map[string][]CardHistory{
		"one review":       {{Reviews: []ItemReview{{Good, 0}}}},
		"10000 same-day":   {sameDay},
		"5000 on one card": {long},
		"centuries apart":  many,
		"no cards":         nil,
		"empty card":       {{}},
	} {
		res, err := Optimize(context.Background(), cards, OptimizeOptions{})
		if err != nil {
			t.Logf("%s: %v", name, err)
			continue
		}
		checkFinite(t, res)
	}
}

func benchmarkOptimize(b *testing.B, cards []CardHistory) {
	b.ReportAllocs()
	n := 0
	for _, c := range cards {
		n += len(c.Reviews)
	}
	b.ReportMetric(float64(n), "reviews")
	for b.Loop() {
		if _, err := Optimize(context.Background(), cards, OptimizeOptions{NoEval: true}); err != nil {
			b.Fatal(err)
		}
	}
}

// BenchmarkOptimize10k and BenchmarkOptimize100k fit the logs bench.mjs
// gives fsrs-rs: the 10 000-review log, and the 50 000-review log twice.
func BenchmarkOptimize10k(b *testing.B) {
	benchmarkOptimize(b, loadFsrsrs(b)[2].histories())
}

func BenchmarkOptimize100k(b *testing.B) {
	cards := loadFsrsrs(b)[3].histories()
	n := len(cards)
	for _, c := range cards[:n] {
		cards = append(cards, CardHistory{Start: c.Start + 365, Reviews: c.Reviews})
	}
	benchmarkOptimize(b, cards)
}
