package lambda

import (
	"math"
	"strings"
	"testing"
)

func cents(v float64) float64 { return math.Round(v*100) / 100 }

func TestComputeBill(t *testing.T) {
	l := DefaultLimits()
	oneM := Usage{MemoryMB: 1024, Arch: ArchX86, OnDemandInvocations: 1_000_000, OnDemandBilledMS: 1_000_000 * 1000}
	tests := []struct {
		name                string
		u                   Usage
		free                bool
		req, compute, total float64
		line                string
	}{
		{"1M x 1 s x 1 GB with free tier", oneM, true, 0, 10.00, 10.00,
			"1,000,000 × 1.000 s × 1.000 GB = 1,000,000 GB-s − 400,000 free = 600,000 × $0.0000166667 = $10.00"},
		{"1M x 1 s x 1 GB without free tier", oneM, false, 0.20, 16.67, 16.87, "1,000,000 requests × $0.20/M = $0.20"},
		{"3M x 1 s x 512 MB (AWS example)", Usage{MemoryMB: 512, Arch: ArchX86, OnDemandInvocations: 3_000_000, OnDemandBilledMS: 3_000_000_000}, true,
			0.40, 18.33, 18.73, "3,000,000 requests − 1,000,000 free = 2,000,000 × $0.20/M = $0.40"},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			b := ComputeBill(tc.u, tc.free, l)
			if cents(b.Requests) != tc.req || cents(b.Compute) != tc.compute || cents(b.Total) != tc.total {
				t.Fatalf("requests %.4f compute %.4f total %.4f", b.Requests, b.Compute, b.Total)
			}
			found := false
			for _, ln := range b.Lines {
				found = found || ln.Arithmetic == tc.line
			}
			if !found {
				t.Fatalf("no line %q in %+v", tc.line, b.Lines)
			}
		})
	}
}

func TestArmCheaperByPriceRatio(t *testing.T) {
	l := DefaultLimits()
	u := Usage{MemoryMB: 2048, Arch: ArchX86, OnDemandInvocations: 5_000_000, OnDemandBilledMS: 5_000_000 * 250}
	x := ComputeBill(u, false, l)
	u.Arch = ArchArm
	a := ComputeBill(u, false, l)
	if got, want := a.Compute/x.Compute, l.PriceArmGBs/l.PriceX86GBs; math.Abs(got-want) > 1e-12 {
		t.Fatalf("arm/x86 compute ratio %v, want %v", got, want)
	}
	if a.Requests != x.Requests {
		t.Fatal("request price must not depend on architecture")
	}
}

func TestOneMillisecondRounding(t *testing.T) {
	tests := []struct {
		durMS    float64
		billedMS int64
	}{{1.0, 1}, {1.2, 2}, {99.01, 100}, {100, 100}, {0.3, 1}}
	for _, tc := range tests {
		r, err := Run(FunctionConfig{MemoryMB: 128}, AccountConfig{}, Steady(100, 1, DurationModel{DurationMS: tc.durMS}), Options{})
		if err != nil {
			t.Fatal(err)
		}
		if got := r.Usage.OnDemandBilledMS / r.Invocations; got != tc.billedMS {
			t.Errorf("%.2f ms billed as %d ms, want %d", tc.durMS, got, tc.billedMS)
		}
	}
}

func TestProvisionedBilling(t *testing.T) {
	l := DefaultLimits()
	// 10 environments × 1 GB for 2 min, rounded up to 5 min = 3,000 GB-s.
	b := ComputeBill(Usage{MemoryMB: 1024, Arch: ArchX86, Provisioned: 10, ProvisionedSeconds: 120,
		PCInvocations: 1000, PCBilledMS: 1000 * 100}, true, l)
	if want := 3000 * l.PriceX86PCGBs; math.Abs(b.Provisioned-want) > 1e-12 {
		t.Fatalf("provisioned %v, want %v", b.Provisioned, want)
	}
	if want := 100 * l.PriceX86PCDurationGBs; math.Abs(b.Compute-want) > 1e-12 {
		t.Fatalf("compute %v, want %v", b.Compute, want)
	}
	if b.Requests == 0 || !strings.Contains(b.Lines[0].Arithmetic, "not applied") {
		t.Fatal("free tier must not apply with provisioned concurrency")
	}
}

func TestInitIsBilled(t *testing.T) {
	r, err := Run(FunctionConfig{MemoryMB: 1024, ColdStartMS: 250}, AccountConfig{}, Steady(1, 1, DurationModel{DurationMS: 100}), Options{})
	if err != nil {
		t.Fatal(err)
	}
	if r.ColdStarts != 1 || r.Usage.InitBilledMS != 250 || r.Usage.OnDemandBilledMS != 350 {
		t.Fatalf("cold %d init %d billed %d", r.ColdStarts, r.Usage.InitBilledMS, r.Usage.OnDemandBilledMS)
	}
}

func TestInitOverTenSecondsRunsAgainInInvoke(t *testing.T) {
	// INIT is cut at 10 s (billed), then runs again inside the first invoke.
	r, err := Run(FunctionConfig{MemoryMB: 1024, TimeoutS: 30, ColdStartMS: 12_000}, AccountConfig{}, Steady(1, 1, DurationModel{DurationMS: 100}), Options{})
	if err != nil {
		t.Fatal(err)
	}
	if r.Usage.InitBilledMS != 10_000 || r.Usage.OnDemandBilledMS != 10_000+12_000+100 || r.TimedOut != 0 {
		t.Fatalf("init %d billed %d timed out %d", r.Usage.InitBilledMS, r.Usage.OnDemandBilledMS, r.TimedOut)
	}
	r, _ = Run(FunctionConfig{MemoryMB: 1024, TimeoutS: 5, ColdStartMS: 12_000}, AccountConfig{}, Steady(1, 1, DurationModel{DurationMS: 100}), Options{})
	if r.TimedOut != 1 {
		t.Fatalf("a 12 s re-init under a 5 s timeout must time out; got %d", r.TimedOut)
	}
}

func TestQuickTimeout(t *testing.T) {
	q, err := Quick(QuickOptions{DurationMS: 4000, RPS: 1, Seconds: 5, TimeoutS: 3})
	if err != nil {
		t.Fatal(err)
	}
	if q.TimedOut != 5 || q.Succeeded != 0 {
		t.Fatalf("%+v", q)
	}
}

func TestPowerTune(t *testing.T) {
	pts, err := PowerTune(FunctionConfig{}, DurationModel{DurationMS: 1000, CPUShare: 0.9}, []int{128, 512, 1024, 1769, 3008, 10240})
	if err != nil {
		t.Fatal(err)
	}
	var cheap, fast int
	for _, p := range pts {
		if p.Cheapest {
			cheap = p.MemoryMB
		}
		if p.Fastest {
			fast = p.MemoryMB
		}
	}
	if fast != 10240 {
		t.Errorf("fastest %d, want 10240", fast)
	}
	if cheap == 0 || cheap == 10240 {
		t.Errorf("cheapest %d", cheap)
	}
	if _, err := PowerTune(FunctionConfig{}, DurationModel{DurationMS: 1}, []int{64}); err == nil {
		t.Error("64 MB accepted")
	}
}

func TestQuick(t *testing.T) {
	q, err := Quick(QuickOptions{Memory: 1024, DurationMS: 2000, RPS: 100, Seconds: 60, Reserved: intp(100)})
	if err != nil {
		t.Fatal(err)
	}
	if q.Requests != 6000 || q.MaxConcurrency != 100 || q.Throttled < 2800 || q.Succeeded+q.Throttled != q.Requests || q.Invocations != q.Requests-q.Throttled {
		t.Fatalf("%+v", q)
	}
}

func BenchmarkComputeBill(b *testing.B) {
	b.ReportAllocs()
	u := Usage{MemoryMB: 1024, Arch: ArchX86, OnDemandInvocations: 1e6, OnDemandBilledMS: 1e9, InitBilledMS: 1e6}
	for b.Loop() {
		ComputeBill(u, true, DefaultLimits())
	}
}
