package lambda

import (
	"errors"
	"math"
	"strings"
	"testing"
)

func intp(v int) *int { return &v }

func TestRunPinnedNumbers(t *testing.T) {
	big := AccountConfig{ConcurrencyLimit: 100_000}
	tests := []struct {
		name  string
		cfg   FunctionConfig
		acct  AccountConfig
		w     Workload
		check func(t *testing.T, r Result)
	}{
		{
			name: "100 rps x 2 s -> 200 concurrent",
			cfg:  FunctionConfig{MemoryMB: 1024, TimeoutS: 10},
			w:    Steady(100, 60, DurationModel{DurationMS: 2000}),
			check: func(t *testing.T, r Result) {
				if r.MaxConcurrency != 200 {
					t.Errorf("max concurrency = %d, want 200", r.MaxConcurrency)
				}
				if r.Throttled != 0 || r.Succeeded != 6000 {
					t.Errorf("throttled %d succeeded %d, want 0 and 6000", r.Throttled, r.Succeeded)
				}
				if r.ColdStarts != 200 {
					t.Errorf("cold starts = %d, want 200 (then warm reuse)", r.ColdStarts)
				}
			},
		},
		{
			name: "reserved 100 under 200-concurrency load throttles about half",
			cfg:  FunctionConfig{MemoryMB: 1024, TimeoutS: 10, Reserved: intp(100)},
			w:    Steady(100, 60, DurationModel{DurationMS: 2000}),
			check: func(t *testing.T, r Result) {
				p := pct(r.Throttled, r.Requests)
				if p < 48 || p > 52 {
					t.Errorf("throttled %.1f%%, want about 50%%", p)
				}
				if r.ThrottledByReserved != r.Throttled || r.MaxConcurrency != 100 {
					t.Errorf("by reserved %d of %d, max conc %d", r.ThrottledByReserved, r.Throttled, r.MaxConcurrency)
				}
				if !strings.Contains(r.Explanation.String(), "Reserved concurrency 100 capped the function") ||
					!strings.HasSuffix(r.Explanation.String(), "[lambda.throttle.code]") {
					t.Errorf("explanation %q", r.Explanation)
				}
			},
		},
		{
			name: "10,000 rps spike on a cold function is throttled by the scaling rate",
			cfg:  FunctionConfig{MemoryMB: 512, TimeoutS: 10},
			acct: big,
			w:    Steady(10_000, 10, DurationModel{DurationMS: 1000}),
			check: func(t *testing.T, r Result) {
				if r.ThrottledByScaling == 0 || r.ThrottledByAccount+r.ThrottledByReserved != 0 {
					t.Fatalf("throttles: scaling %d account %d reserved %d", r.ThrottledByScaling, r.ThrottledByAccount, r.ThrottledByReserved)
				}
				// 1,000 at once, then 100 per second: 1,000 + 100 × 9.99 s.
				if r.EnvsCreated < 1990 || r.EnvsCreated > 2000 {
					t.Errorf("environments created = %d, want ~2,000 after 10 s", r.EnvsCreated)
				}
				if r.Explanation.Fact != "lambda.scaling.rate" {
					t.Errorf("explanation %q", r.Explanation)
				}
				found := false
				for _, ev := range r.Events {
					found = found || ev.Kind == "scaling"
				}
				if !found {
					t.Error("no scaling event logged")
				}
			},
		},
		{
			name: "account limit throttles",
			cfg:  FunctionConfig{MemoryMB: 512, TimeoutS: 10},
			w:    Steady(2000, 5, DurationModel{DurationMS: 1000}),
			check: func(t *testing.T, r Result) {
				if r.MaxConcurrency != 1000 || r.ThrottledByAccount == 0 {
					t.Errorf("max %d, by account %d", r.MaxConcurrency, r.ThrottledByAccount)
				}
			},
		},
		{
			name: "reserved 0 throttles everything",
			cfg:  FunctionConfig{Reserved: intp(0)},
			w:    Steady(10, 5, DurationModel{DurationMS: 10}),
			check: func(t *testing.T, r Result) {
				if r.Throttled != r.Requests || r.Requests != 50 {
					t.Errorf("throttled %d of %d", r.Throttled, r.Requests)
				}
			},
		},
		{
			name: "provisioned concurrency removes cold starts",
			cfg:  FunctionConfig{MemoryMB: 1024, TimeoutS: 5, Provisioned: 60, ColdStartMS: 800},
			w:    Steady(100, 30, DurationModel{DurationMS: 500}),
			check: func(t *testing.T, r Result) {
				if r.ColdStarts != 0 || r.ProvisionedStarts != 3000 {
					t.Errorf("cold %d provisioned %d", r.ColdStarts, r.ProvisionedStarts)
				}
				if r.Bill.Provisioned <= 0 {
					t.Error("provisioned concurrency not billed")
				}
			},
		},
		{
			name: "spill-over beyond provisioned is cold",
			cfg:  FunctionConfig{MemoryMB: 1024, TimeoutS: 5, Provisioned: 20},
			w:    Steady(100, 30, DurationModel{DurationMS: 500}),
			check: func(t *testing.T, r Result) {
				if r.ColdStarts != 30 {
					t.Errorf("cold starts %d, want 30 (50 concurrent - 20 provisioned)", r.ColdStarts)
				}
			},
		},
		{
			name: "timeout",
			cfg:  FunctionConfig{MemoryMB: 256, TimeoutS: 3},
			w:    Steady(10, 10, DurationModel{DurationMS: 5000}),
			check: func(t *testing.T, r Result) {
				if r.TimedOut != 100 || r.Succeeded != 0 {
					t.Errorf("timed out %d succeeded %d", r.TimedOut, r.Succeeded)
				}
				if r.Usage.OnDemandBilledMS != 100*3000 {
					t.Errorf("billed ms %d, want 300,000 (timeout billed)", r.Usage.OnDemandBilledMS)
				}
			},
		},
		{
			name: "sqs absorbs a spike without loss",
			cfg:  FunctionConfig{MemoryMB: 512, TimeoutS: 10},
			w:    Workload{Type: InvokeSQS, Phases: []Phase{{Seconds: 5, RPS: 2000}}, Duration: DurationModel{DurationMS: 200}},
			check: func(t *testing.T, r Result) {
				if r.Throttled != 0 || r.DLQ != 0 || r.Succeeded != 10_000 || r.MaxBacklog == 0 {
					t.Errorf("throttled %d dlq %d ok %d backlog %d", r.Throttled, r.DLQ, r.Succeeded, r.MaxBacklog)
				}
				if r.MaxConcurrency > 5+300*int64(r.SimulatedSeconds)/60+1 {
					t.Errorf("max concurrency %d exceeds the poller scale-up", r.MaxConcurrency)
				}
			},
		},
		{
			name: "kinesis: one batch per shard",
			cfg:  FunctionConfig{MemoryMB: 512, TimeoutS: 10},
			w:    Workload{Type: InvokeKinesis, Shards: 4, BatchSize: 10, Phases: []Phase{{Seconds: 10, RPS: 1000}}, Duration: DurationModel{DurationMS: 100}},
			check: func(t *testing.T, r Result) {
				if r.MaxConcurrency != 4 {
					t.Errorf("max concurrency %d, want 4 shards", r.MaxConcurrency)
				}
			},
		},
		{
			name: "async errors retried twice then DLQ",
			cfg:  FunctionConfig{MemoryMB: 128, TimeoutS: 3},
			w:    Workload{Type: InvokeAsync, ErrorRate: 1, Phases: []Phase{{Seconds: 1, RPS: 10}}, Duration: DurationModel{DurationMS: 100}},
			check: func(t *testing.T, r Result) {
				if r.Invocations != 30 || r.Retries != 20 || r.DLQ != 10 {
					t.Errorf("invocations %d retries %d dlq %d, want 30/20/10", r.Invocations, r.Retries, r.DLQ)
				}
				if r.Explanation.Fact != "" || !strings.Contains(r.Explanation.Text, "sent 10 events to the dead-letter queue") {
					t.Errorf("explanation %q", r.Explanation)
				}
				if r.SimulatedSeconds < 180 {
					t.Errorf("simulated %.1f s, want ≥ 180 (1 min + 2 min backoff)", r.SimulatedSeconds)
				}
			},
		},
		{
			name: "idle environments reclaimed after 10 minutes",
			cfg:  FunctionConfig{MemoryMB: 128, TimeoutS: 3, ColdStartMS: 200},
			w:    Workload{Phases: []Phase{{Seconds: 1, RPS: 10}, {StartS: 700, Seconds: 1, RPS: 10}}, Duration: DurationModel{DurationMS: 50}},
			check: func(t *testing.T, r Result) {
				if r.ColdStarts < 2 || r.EnvsReclaimed == 0 {
					t.Errorf("cold starts %d reclaimed %d", r.ColdStarts, r.EnvsReclaimed)
				}
			},
		},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			r, err := Run(tc.cfg, tc.acct, tc.w, Options{})
			if err != nil {
				t.Fatal(err)
			}
			tc.check(t, r)
		})
	}
}

func TestRunRejectsInvalid(t *testing.T) {
	_, err := Run(FunctionConfig{MemoryMB: 64}, AccountConfig{}, Steady(1, 1, DurationModel{}), Options{})
	var ae *APIError
	if !errors.As(err, &ae) || ae.Type != InvalidParameterValue {
		t.Fatalf("err = %v", err)
	}
	_, err = Run(FunctionConfig{}, AccountConfig{}, Workload{}, Options{})
	if !errors.As(err, &ae) {
		t.Fatalf("empty workload: %v", err)
	}
	_, err = Run(FunctionConfig{}, AccountConfig{}, Steady(1, 1, DurationModel{}), Options{TickMS: 3})
	if !errors.As(err, &ae) {
		t.Fatalf("tick 3: %v", err)
	}
}

func TestRunDeterministic(t *testing.T) {
	w := Spike(100, 3000, 10, 5, 30, DurationModel{DurationMS: 300})
	w.JitterPct = 20
	a, _ := Run(FunctionConfig{ColdStartMS: 300}, AccountConfig{}, w, Options{Seed: 7})
	b, _ := Run(FunctionConfig{ColdStartMS: 300}, AccountConfig{}, w, Options{Seed: 7})
	if a.Bill.Total != b.Bill.Total || a.Throttled != b.Throttled || len(a.Series) != len(b.Series) {
		t.Fatal("same seed gave different results")
	}
	if len(a.Series) < 30 || a.Series[12].P99MS < a.Series[12].P50MS {
		t.Fatalf("series: %d points, p50 %v p99 %v", len(a.Series), a.Series[12].P50MS, a.Series[12].P99MS)
	}
}

func TestRunBillMatchesArithmetic(t *testing.T) {
	// 1,000 rps × 1,000 s × 1 s at 1,024 MB = 1M invocations, 1M GB-s.
	r, err := Run(FunctionConfig{MemoryMB: 1024, TimeoutS: 5}, AccountConfig{ConcurrencyLimit: 2000},
		Steady(1000, 1000, DurationModel{DurationMS: 1000}), Options{FreeTier: true, TickMS: 100})
	if err != nil {
		t.Fatal(err)
	}
	if r.Invocations != 1_000_000 || math.Round(r.Bill.Compute*100) != 1000 || r.Bill.Requests != 0 {
		t.Fatalf("invocations %d compute %.4f requests %.4f", r.Invocations, r.Bill.Compute, r.Bill.Requests)
	}
}

func BenchmarkRun(b *testing.B) {
	b.ReportAllocs()
	w := Steady(10_000, 600, DurationModel{DurationMS: 100})
	var inv int64
	for b.Loop() {
		r, err := Run(FunctionConfig{MemoryMB: 512}, AccountConfig{ConcurrencyLimit: 5000}, w, Options{})
		if err != nil {
			b.Fatal(err)
		}
		inv += r.Invocations
	}
	b.ReportMetric(float64(inv)/b.Elapsed().Seconds(), "invocations/s")
}
