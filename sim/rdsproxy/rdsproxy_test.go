package rdsproxy

import (
	"encoding/json"
	"errors"
	"math"
	"reflect"
	"strings"
	"testing"
)

func steady(conc, secs int) Lambda {
	return Lambda{Mode: ModeReuse, ThinkMs: 30, Phases: []Phase{{ForS: secs, Concurrency: conc}}}
}

func TestMaxConnectionsForMemory(t *testing.T) {
	cases := []struct {
		gib  float64
		want int
	}{
		{1, 85},    // 1073741824 / 12582880
		{2, 170},   // 2147483648 / 12582880
		{16, 1365}, // 17179869184 / 12582880
	}
	for _, c := range cases {
		if got := MaxConnectionsForMemory(c.gib); got != c.want {
			t.Errorf("%g GiB: %d, want %d", c.gib, got, c.want)
		}
	}
}

func TestDirectConnectionsExhaustAtMaxPlusOne(t *testing.T) {
	cases := []struct {
		name       string
		conc       int
		wantFailed bool
		wantPeak   int
	}{
		{"exactly max_connections", 10, false, 10},
		{"max_connections + 1", 11, true, 10},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			r, err := Run(Config{DB: DB{MaxConnections: 10}, Lambda: steady(c.conc, 5), Seed: 1})
			if err != nil {
				t.Fatal(err)
			}
			if (r.Errors[ErrTooMany] > 0) != c.wantFailed || r.PeakDBConns != c.wantPeak {
				t.Fatalf("1040 errors %d, peak %d; want failures=%v peak %d", r.Errors[ErrTooMany], r.PeakDBConns, c.wantFailed, c.wantPeak)
			}
			if c.wantFailed && !strings.Contains(strings.Join(r.Events, "\n"), "connection 11 refused") {
				t.Errorf("events do not name connection 11: %v", r.Events)
			}
			if c.wantFailed && r.NewDBConns != 10 {
				t.Errorf("reuse mode opened %d connections, want 10 (one per environment that got one)", r.NewDBConns)
			}
		})
	}
}

func TestIdleEnvironmentsKeepConnections(t *testing.T) {
	l := Lambda{Mode: ModeReuse, ThinkMs: 30, Phases: []Phase{{ForS: 3, Concurrency: 50}, {ForS: 3, Concurrency: 5}}}
	r, err := Run(Config{DB: DB{MaxConnections: 100}, Lambda: l})
	if err != nil {
		t.Fatal(err)
	}
	if last := r.Series[len(r.Series)-1]; last.DBConns != 50 || last.Busy != 5 {
		t.Errorf("after the spike: %d DB connections, %d busy; want 50 held by warm environments, 5 busy", last.DBConns, last.Busy)
	}
}

func TestProxyPoolsTheSameLoad(t *testing.T) {
	// 100 environments, 20 ms transactions out of 50 ms invocations: about 40
	// connections in use on average, under the 60 that max_connections allows.
	cfg := Config{DB: DB{MaxConnections: 60, QueryJitterPct: 1}, Lambda: steady(100, 10), Seed: 4}
	direct, err := Run(cfg)
	if err != nil {
		t.Fatal(err)
	}
	cfg.Proxy = &Proxy{Enabled: true}
	proxied, err := Run(cfg)
	if err != nil {
		t.Fatal(err)
	}
	if direct.Errors[ErrTooMany] == 0 {
		t.Fatal("direct run should hit 1040")
	}
	if proxied.Failed != 0 || proxied.PeakDBConns > 60 || proxied.PoolSize != 60 {
		t.Errorf("proxied: failed %d, peak %d, pool %d", proxied.Failed, proxied.PeakDBConns, proxied.PoolSize)
	}
	if last := proxied.Series[len(proxied.Series)-1]; last.ClientConns != 100 {
		t.Errorf("client connections %d, want 100 (one per environment)", last.ClientConns)
	}
}

func TestMaxConnectionsPercentSizesPool(t *testing.T) {
	r, err := Run(Config{DB: DB{MaxConnections: 200}, Proxy: &Proxy{Enabled: true, MaxConnectionsPercent: 25}, Lambda: steady(100, 5)})
	if err != nil {
		t.Fatal(err)
	}
	if r.PoolSize != 50 || r.PeakDBConns > 50 {
		t.Errorf("pool %d, peak %d; want 25%% of 200 = 50", r.PoolSize, r.PeakDBConns)
	}
}

func TestPinningAndBorrowTimeout(t *testing.T) {
	cases := []struct {
		name           string
		pinned, borrow float64
		secs           int
		wantTimeouts   bool
		firstErrorSec  int // -1: none in the series
	}{
		// 60 clients, pool 50, each needs a connection 40 % of the time: they share.
		{"no pinning multiplexes", 0, 5, 20, false, -1},
		// 50 pinned sessions keep the pool; the other 10 wait 5 s and fail.
		{"all pinned, 5 s timeout", 100, 5, 20, true, 5},
		// Default 120 s: the waiting clients queue for two minutes first.
		{"all pinned, default 120 s timeout", 100, 0, 125, true, 120},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			cfg := Config{DB: DB{MaxConnections: 50, QueryJitterPct: 1}, Proxy: &Proxy{Enabled: true, PinnedPct: c.pinned, BorrowTimeoutS: c.borrow}, Lambda: steady(60, c.secs), Seed: 5}
			r, err := Run(cfg)
			if err != nil {
				t.Fatal(err)
			}
			if (r.Errors[ErrBorrowWait] > 0) != c.wantTimeouts || r.PeakDBConns > 50 {
				t.Errorf("borrow timeouts %d, peak DB %d", r.Errors[ErrBorrowWait], r.PeakDBConns)
			}
			first := -1
			for _, s := range r.Series {
				if s.Errors > 0 {
					first = s.T
					break
				}
			}
			if first != c.firstErrorSec {
				t.Errorf("first second with errors %d, want %d", first, c.firstErrorSec)
			}
		})
	}
}

func TestBorrowTimeoutFiresAfterItsSeconds(t *testing.T) {
	cfg := Config{DB: DB{MaxConnections: 1}, Proxy: &Proxy{Enabled: true, PinnedPct: 100, BorrowTimeoutS: 3}, Lambda: steady(2, 10)}
	r, err := Run(cfg)
	if err != nil {
		t.Fatal(err)
	}
	var at string
	for _, e := range r.Events {
		if strings.Contains(e, "ConnectionBorrowTimeout") {
			at = e
		}
	}
	// The second client starts its first borrow at 30 ms think + 30 ms setup = 0.060 s.
	if !strings.HasPrefix(at, "t=3.060s") {
		t.Errorf("borrow timeout event %q, want at t=3.060s", at)
	}
}

func TestFailover(t *testing.T) {
	base := Config{DB: DB{MaxConnections: 200}, Lambda: steady(20, 40), Failover: &Failover{AtS: 5, DurationS: 10, DNSLagS: 5}, Seed: 6}
	direct, err := Run(base)
	if err != nil {
		t.Fatal(err)
	}
	base.Proxy = &Proxy{Enabled: true}
	proxied, err := Run(base)
	if err != nil {
		t.Fatal(err)
	}
	// Without the proxy: no success from 5 s to 20 s (10 s + 5 s DNS).
	for _, s := range direct.Series[5:20] {
		if s.OK != 0 || s.Errors == 0 {
			t.Fatalf("second %d without proxy: ok %d errors %d", s.T, s.OK, s.Errors)
		}
	}
	if direct.Series[21].OK == 0 {
		t.Error("no recovery after the outage")
	}
	if direct.Errors[ErrCantConn] == 0 {
		t.Error("no 2003 errors")
	}
	// With the proxy: outage 15 s × (1 − 0.66) = 5.1 s; clients queue, they do not get 2003.
	if proxied.Errors[ErrCantConn] != 0 || proxied.PeakQueued == 0 {
		t.Errorf("proxied: 2003 %d, peak queued %d", proxied.Errors[ErrCantConn], proxied.PeakQueued)
	}
	if proxied.Series[11].OK == 0 || proxied.Failed >= direct.Failed {
		t.Errorf("proxied: second 11 ok %d, failed %d vs direct %d", proxied.Series[11].OK, proxied.Failed, direct.Failed)
	}
	if !strings.Contains(proxied.Explanation, "[rdsproxy.failover]") {
		t.Errorf("explanation %q", proxied.Explanation)
	}
	// ReductionPct 0: the proxy still queues rather than errors, but for the full 15 s.
	zero := 0.0
	base.Failover.ReductionPct = &zero
	slow, _ := Run(base)
	if slow.Series[16].OK != 0 || slow.Series[21].OK == 0 {
		t.Errorf("reduction 0: second 16 ok %d, second 21 ok %d", slow.Series[16].OK, slow.Series[21].OK)
	}
}

func TestPerInvocationPaysSetupEveryTime(t *testing.T) {
	l := steady(5, 5)
	l.Mode = ModePerInvocation
	r, err := Run(Config{DB: DB{MaxConnections: 100, ConnSetupMs: 30, QueryMs: 20, QueryJitterPct: 1}, Lambda: l})
	if err != nil {
		t.Fatal(err)
	}
	if r.NewDBConns != r.Invocations {
		t.Errorf("new connections %d, invocations %d: per-invocation should open one each", r.NewDBConns, r.Invocations)
	}
	if r.P50Ms < 79 || r.P50Ms > 81 { // 30 think + 30 setup + 20 query
		t.Errorf("p50 %v, want about 80 ms", r.P50Ms)
	}
}

func TestInvalidInputRefused(t *testing.T) {
	cases := []Config{
		{Lambda: steady(1, 1)}, // no max_connections
		{DB: DB{MaxConnections: 10}},
		{DB: DB{MaxConnections: 10}, Lambda: Lambda{Mode: "pool", Phases: []Phase{{ForS: 1, Concurrency: 1}}}},
		{DB: DB{MaxConnections: 10}, Proxy: &Proxy{Enabled: true, MaxConnectionsPercent: 101}, Lambda: steady(1, 1)},
		{DB: DB{MaxConnections: 10}, Proxy: &Proxy{Enabled: true, PinnedPct: -1}, Lambda: steady(1, 1)},
		{DB: DB{MaxConnections: 10}, Lambda: steady(MaxConcurrency, MaxSeconds)},
		{DB: DB{MaxConnections: 10, QueryMs: math.NaN()}, Lambda: steady(1, 1)},
		{DB: DB{InstanceMemoryGiB: math.Inf(1)}, Lambda: steady(1, 1)},
		{DB: DB{MaxConnections: 10}, Proxy: &Proxy{Enabled: true, BorrowTimeoutS: math.NaN()}, Lambda: steady(1, 1)},
		{DB: DB{MaxConnections: 10}, Lambda: steady(1, 1), Failover: &Failover{AtS: math.NaN()}},
	}
	for i, c := range cases {
		var ae *Error
		if _, err := Run(c); !errors.As(err, &ae) || ae.Code != "InvalidParameterValue" {
			t.Errorf("case %d: got %v", i, err)
		}
	}
}

func TestDeterministicAndJSON(t *testing.T) {
	o := QuickOptions{Proxy: true, PinnedPct: 30, Seed: 9}
	a, err := Quick(o)
	if err != nil {
		t.Fatal(err)
	}
	b, _ := Quick(o)
	if !reflect.DeepEqual(a, b) {
		t.Fatal("same seed, different results")
	}
	js, err := QuickJSON(o)
	if err != nil {
		t.Fatal(err)
	}
	var m map[string]any
	if err := json.Unmarshal(js, &m); err != nil {
		t.Fatal(err)
	}
	for _, k := range []string{"series", "events", "errors", "p50_ms", "p99_ms", "explanation", "peak_db_conns"} {
		if _, ok := m[k]; !ok {
			t.Errorf("JSON lacks %q", k)
		}
	}
}

func TestDefaultLimits(t *testing.T) {
	want := Limits{MaxConnectionsPercent: 100, MaxIdleConnectionsPercent: 50, BorrowTimeoutS: 120, FailoverReductionPct: 66, MySQLMemoryDivisor: 12582880}
	if got := DefaultLimits(); got != want {
		t.Errorf("%+v", got)
	}
}

func BenchmarkRunRDSProxy(b *testing.B) {
	cfg := QuickConfig(QuickOptions{Proxy: true, PinnedPct: 10})
	r, _ := Run(cfg)
	b.ReportAllocs()
	for b.Loop() {
		if _, err := Run(cfg); err != nil {
			b.Fatal(err)
		}
	}
	b.ReportMetric(float64(r.Invocations)*float64(b.N)/b.Elapsed().Seconds(), "invocations/s")
}
