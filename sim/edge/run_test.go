package edge

import (
	"encoding/json"
	"errors"
	"math"
	"reflect"
	"strings"
	"testing"
)

func TestOriginTriggersRunOnlyOnMisses(t *testing.T) {
	d := Distribution{TTLSeconds: 86400, EdgeLatencyMs: 10, Origins: []Origin{{Name: "o", LatencyMs: 100}},
		Associations: []Association{
			{Trigger: ViewerRequest, Function: cffFn(AddHeader)},
			{Trigger: OriginRequest, Function: laeFn(AddHeader)},
			{Trigger: OriginResponse, Function: laeFn(AddHeader)},
			{Trigger: ViewerResponse, Function: cffFn(AddHeader)},
		}}
	cases := []struct {
		name         string
		w            Workload
		hits, misses int
	}{
		{"same key 100 times", Workload{Requests: 100, Keys: 1, KeyDist: KeysUniform}, 99, 1},
		{"10 keys uniform", Workload{Requests: 1000, Keys: 10, KeyDist: KeysUniform, Seed: 2}, 990, 10},
		{"all new keys", Workload{Requests: 50, Keys: 50, KeyDist: KeysTarget}, 0, 50},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			s, err := Run(d, c.w)
			if err != nil {
				t.Fatal(err)
			}
			if s.Hits != c.hits || s.Misses != c.misses {
				t.Fatalf("hits/misses %d/%d, want %d/%d", s.Hits, s.Misses, c.hits, c.misses)
			}
			want := map[Trigger]int{ViewerRequest: c.w.Requests, ViewerResponse: c.w.Requests, OriginRequest: c.misses, OriginResponse: c.misses}
			if !reflect.DeepEqual(s.Invocations, want) {
				t.Errorf("invocations %v, want %v", s.Invocations, want)
			}
			if s.OriginFetches != c.misses {
				t.Errorf("origin fetches %d, want %d", s.OriginFetches, c.misses)
			}
		})
	}
}

func TestTraceShowsHitSkippingOrigin(t *testing.T) {
	d := oneFn(OriginRequest, laeFn(AddHeader))
	s, err := Run(d, Workload{Requests: 2, Keys: 1, KeyDist: KeysUniform})
	if err != nil {
		t.Fatal(err)
	}
	if len(s.Trace) != 2 || s.Trace[0].Cache != "miss" || s.Trace[1].Cache != "hit" {
		t.Fatalf("trace %+v", s.Trace)
	}
	for _, st := range s.Trace[1].Steps {
		if st.Stage == string(OriginRequest) || st.Stage == "origin" {
			t.Errorf("hit ran stage %s", st.Stage)
		}
	}
	// miss: 0 edge + 5 ms function + 50 ms origin; hit: edge only.
	if s.Trace[0].LatencyMs != 55 || s.Trace[1].LatencyMs != 0 {
		t.Errorf("latencies %v / %v, want 55 / 0", s.Trace[0].LatencyMs, s.Trace[1].LatencyMs)
	}
}

func TestTTLExpiryCausesMiss(t *testing.T) {
	d := oneFn(OriginRequest, laeFn(AddHeader))
	d.TTLSeconds = 1 // 10 rps → the key expires every 10 requests
	s, err := Run(d, Workload{Requests: 30, Keys: 1, KeyDist: KeysUniform, RPS: 10})
	if err != nil {
		t.Fatal(err)
	}
	if s.Misses != 3 {
		t.Errorf("misses %d, want 3 (one per TTL second)", s.Misses)
	}
}

func TestCostArithmetic(t *testing.T) {
	cases := []struct {
		name string
		t    Trigger
		f    Function
		n    int
		want float64
	}{
		// 1M × $0.10/1M.
		{"cff 1M", ViewerRequest, cffFn(AddHeader), 1_000_000, 0.10},
		// 1M × $0.60/1M + 1M × 5 ms × 128/1024 GB × $0.00005001 = 0.60 + 625 × 0.00005001.
		{"lae 1M 5ms 128MB", ViewerRequest, laeFn(AddHeader), 1_000_000, 0.60 + 625*0.00005001},
		// 1.2 ms rounds up to 2 ms: 1000 × 2 ms × 1 GB = 2 GB-s.
		{"lae rounds to 1 ms", OriginRequest, Function{Name: "f", Kind: LAE, Action: AddHeader, DurationMs: 1.2, MemoryMB: 1024}, 1000, 1000*0.60/1e6 + 2*0.00005001},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			d := oneFn(c.t, c.f)
			d.TTLSeconds = 0 // every request is a miss, so origin triggers run every time
			s, err := Run(d, Workload{Requests: c.n, Keys: 1, KeyDist: KeysUniform, Trace: -0})
			if err != nil {
				t.Fatal(err)
			}
			if math.Abs(s.Cost.TotalUSD-round6(c.want)) > 1e-9 {
				t.Errorf("cost %v, want %v; lines %v", s.Cost.TotalUSD, round6(c.want), s.Cost.Lines)
			}
			if !strings.HasPrefix(s.Cost.Lines[len(s.Cost.Lines)-1], "total:") {
				t.Errorf("last line %q", s.Cost.Lines[len(s.Cost.Lines)-1])
			}
		})
	}
}

func TestRuntimeTimeoutGives503(t *testing.T) {
	cases := []struct {
		name     string
		t        Trigger
		timeoutS float64
	}{
		{"viewer 5 s", ViewerRequest, 5},
		{"origin 30 s", OriginRequest, 30},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			f := laeFn(AddHeader)
			f.TimeoutS, f.DurationMs = c.timeoutS, c.timeoutS*1000+500
			s, err := Run(oneFn(c.t, f), Workload{Requests: 1, Keys: 1})
			if err != nil {
				t.Fatal(err)
			}
			if s.Errors != 1 || s.Trace[0].Status != 503 {
				t.Fatalf("errors %d status %d, want one 503", s.Errors, s.Trace[0].Status)
			}
			if s.LatencyP50Ms != c.timeoutS*1000 {
				t.Errorf("latency %v, want the timeout %v ms", s.LatencyP50Ms, c.timeoutS*1000)
			}
		})
	}
}

func TestGeneratedResponseSkipsCache(t *testing.T) {
	f := cffFn(CheckJWT)
	f.Fraction = 1
	d := oneFn(ViewerRequest, f)
	d.Associations = append(d.Associations, Association{Trigger: ViewerResponse, Function: cffFn(AddHeader)})
	s, err := Run(d, Workload{Requests: 10, Keys: 1})
	if err != nil {
		t.Fatal(err)
	}
	if s.Generated != 10 || s.Hits+s.Misses != 0 || s.Trace[0].Status != 401 || s.Invocations[ViewerResponse] != 0 {
		t.Errorf("generated %d hits %d misses %d status %d vr %d", s.Generated, s.Hits, s.Misses, s.Trace[0].Status, s.Invocations[ViewerResponse])
	}
}

func TestABCookieSplitsCacheKey(t *testing.T) {
	f := cffFn(ABCookie)
	f.Variants = 4
	s, err := Run(oneFn(ViewerRequest, f), Workload{Requests: 1000, Keys: 1, Seed: 9})
	if err != nil {
		t.Fatal(err)
	}
	if s.Misses != 4 {
		t.Errorf("misses %d, want 4: one per variant of the one path", s.Misses)
	}
}

func TestHitRatioTargetAndDeterminism(t *testing.T) {
	o := QuickOptions{Requests: 20000, HitRatioTarget: 0.8, Function: "cff", Seed: 42}
	a, err := Quick(o)
	if err != nil {
		t.Fatal(err)
	}
	if math.Abs(a.HitRatio-0.8) > 0.02 {
		t.Errorf("hit ratio %v, want about 0.8", a.HitRatio)
	}
	b, _ := Quick(o)
	if !reflect.DeepEqual(a, b) {
		t.Error("same seed gave different summaries")
	}
}

func TestQuickJSONShapeAndRefusal(t *testing.T) {
	b, err := QuickJSON(QuickOptions{Requests: 100, Function: "lae", Trigger: OriginRequest})
	if err != nil {
		t.Fatal(err)
	}
	var m map[string]any
	if err := json.Unmarshal(b, &m); err != nil {
		t.Fatal(err)
	}
	for _, k := range []string{"hits", "misses", "invocations", "latency_p50_ms", "latency_p99_ms", "cost", "trace", "explanation"} {
		if _, ok := m[k]; !ok {
			t.Errorf("JSON lacks %q", k)
		}
	}
	if !strings.Contains(m["explanation"].(string), "[lae.events]") {
		t.Errorf("explanation cites no fact: %v", m["explanation"])
	}
	_, err = QuickJSON(QuickOptions{Requests: 100, Function: "cff", Trigger: OriginRequest})
	var ae *Error
	if !errors.As(err, &ae) || ae.Code != ErrInvalidFunctionAssoc {
		t.Errorf("cff on origin-request: got %v", err)
	}
}

func TestWorkloadRefusesBadInput(t *testing.T) {
	d := oneFn(ViewerRequest, cffFn(AddHeader))
	for _, w := range []Workload{{Requests: 0}, {Requests: MaxRequests + 1}, {Requests: 1, KeyDist: "random"}, {Requests: 1, RPS: -1}, {Requests: 1, ZipfS: 0.5}} {
		var ae *Error
		if _, err := Run(d, w); !errors.As(err, &ae) || ae.Code != ErrInvalidArgument {
			t.Errorf("%+v: got %v", w, err)
		}
	}
}

func BenchmarkRunEdge(b *testing.B) {
	d, _ := QuickDistribution(QuickOptions{Function: "lae", Trigger: OriginRequest})
	d.Associations = append(d.Associations, Association{Trigger: ViewerRequest, Function: cffFn(RewriteURI)})
	w := Workload{Requests: 100_000, Keys: 10_000, Seed: 1}
	b.ReportAllocs()
	for b.Loop() {
		if _, err := Run(d, w); err != nil {
			b.Fatal(err)
		}
	}
	b.ReportMetric(float64(w.Requests)*float64(b.N)/b.Elapsed().Seconds(), "requests/s")
}
