package edge

import (
	"fmt"
	"math"
	"math/rand/v2"
	"slices"
	"time"

	"github.com/saa-study/saa-study/sim/say"

	"github.com/saa-study/saa-study/sim/clock"
)

// Key distributions a workload can draw cache keys from.
const (
	KeysZipf    = "zipf"    // a few hot paths, a long tail
	KeysUniform = "uniform" // every path equally likely
	KeysTarget  = "target"  // revisit a seen path with probability HitRatioTarget
)

// MaxRequests caps one run so that no input can make the engine run for long.
const MaxRequests = 2_000_000

// Workload is the traffic a run sends through the distribution.
type Workload struct {
	Requests       int     `json:"requests" yaml:"requests"`
	Keys           int     `json:"keys" yaml:"keys"`
	KeyDist        string  `json:"key_dist" yaml:"key_dist"`
	HitRatioTarget float64 `json:"hit_ratio_target,omitempty" yaml:"hit_ratio_target"`
	ZipfS          float64 `json:"zipf_s,omitempty" yaml:"zipf_s"`
	RPS            float64 `json:"rps" yaml:"rps"`
	Seed           uint64  `json:"seed" yaml:"seed"`
	// Trace is how many of the first requests are traced step by step (default 5).
	Trace int `json:"trace" yaml:"trace"`
}

func (w Workload) withDefaults() Workload {
	if w.Keys == 0 {
		w.Keys = 1000
	}
	if w.KeyDist == "" {
		w.KeyDist = KeysZipf
	}
	if w.ZipfS == 0 {
		w.ZipfS = 1.2
	}
	if w.RPS == 0 {
		w.RPS = 100
	}
	if w.Trace == 0 {
		w.Trace = 5
	}
	return w
}

func (w Workload) validate() error {
	switch {
	case w.Requests < 1 || w.Requests > MaxRequests:
		return newErr(ErrInvalidArgument, "", "requests must be 1-%d, got %d", MaxRequests, w.Requests)
	case w.Keys < 1 || w.Keys > MaxRequests:
		return newErr(ErrInvalidArgument, "", "keys must be 1-%d, got %d", MaxRequests, w.Keys)
	case w.KeyDist != KeysZipf && w.KeyDist != KeysUniform && w.KeyDist != KeysTarget:
		return newErr(ErrInvalidArgument, "", "key_dist must be zipf, uniform or target, got %q", w.KeyDist)
	case !(w.HitRatioTarget >= 0 && w.HitRatioTarget <= 1):
		return newErr(ErrInvalidArgument, "", "hit_ratio_target must be 0-1")
	case !(w.ZipfS > 1 && w.ZipfS <= 10):
		return newErr(ErrInvalidArgument, "", "zipf_s must be above 1 and at most 10")
	case !(w.RPS > 0 && w.RPS <= 1e9):
		return newErr(ErrInvalidArgument, "", "rps must be above 0")
	case w.Trace < 0 || w.Trace > 100:
		return newErr(ErrInvalidArgument, "", "trace must be 0-100")
	}
	return nil
}

// Step is one stage of a traced request.
type Step struct {
	AtMs   float64 `json:"at_ms"`
	Stage  string  `json:"stage"`
	Detail string  `json:"detail"`
	Ms     float64 `json:"ms"`
	// DetailKo is Detail in Korean.
	DetailKo string `json:"-"`
}

// In is the step's detail in lang ("en" or "ko").
func (s Step) In(lang string) string { return say.Pick(lang, s.Detail, s.DetailKo) }

// TraceRequest is the step-by-step path of one request.
type TraceRequest struct {
	N         int     `json:"n"`
	Path      string  `json:"path"`
	Cache     string  `json:"cache"` // hit, miss or "-" when the cache was not reached
	Status    int     `json:"status"`
	LatencyMs float64 `json:"latency_ms"`
	Steps     []Step  `json:"steps"`
}

// Cost is the function bill of a run, with the arithmetic spelled out.
type Cost struct {
	TotalUSD      float64  `json:"total_usd"`
	PerMillionUSD float64  `json:"per_million_requests_usd"`
	Lines         []string `json:"lines"`
	// LinesKo are Lines in Korean.
	LinesKo []string `json:"-"`
}

// In is the cost lines in lang ("en" or "ko").
func (c Cost) In(lang string) []string {
	if lang == "ko" && len(c.LinesKo) == len(c.Lines) {
		return c.LinesKo
	}
	return c.Lines
}

// Summary is the outcome of a run.
type Summary struct {
	Requests      int             `json:"requests"`
	Hits          int             `json:"hits"`
	Misses        int             `json:"misses"`
	HitRatio      float64         `json:"hit_ratio"`
	OriginFetches int             `json:"origin_fetches"`
	Generated     int             `json:"generated_responses"`
	Errors        int             `json:"errors"`
	Invocations   map[Trigger]int `json:"invocations"`
	LatencyP50Ms  float64         `json:"latency_p50_ms"`
	LatencyP99Ms  float64         `json:"latency_p99_ms"`
	Cost          Cost            `json:"cost"`
	Trace         []TraceRequest  `json:"trace"`
	Explanation   string          `json:"explanation"`
	// ExplanationKo is Explanation in Korean.
	ExplanationKo string `json:"-"`
}

// Explain is the explanation in lang ("en" or "ko").
func (s Summary) Explain(lang string) string { return say.Pick(lang, s.Explanation, s.ExplanationKo) }

type fnStat struct {
	assoc    Association
	fn       Function
	calls    int
	billedMs float64 // Lambda@Edge duration, rounded per call
}

// Run sends the workload through the distribution and summarises what ran,
// what it cost and how long requests took. Invalid input is refused with an
// *Error before anything runs.
func Run(d Distribution, w Workload) (Summary, error) {
	return RunWith(d, w, DefaultLimits(), DefaultPrices())
}

// RunWith is Run with explicit limits and prices.
func RunWith(d Distribution, w Workload, lim Limits, pr Prices) (Summary, error) {
	w = w.withDefaults()
	if err := w.validate(); err != nil {
		return Summary{}, within(err, "workload: ")
	}
	if err := d.Validate(lim); err != nil {
		return Summary{}, err
	}
	rpc := d.RequestsPerConnection
	if rpc == 0 {
		rpc = 10
	}
	stats := map[Trigger]*fnStat{}
	for _, a := range d.Associations {
		stats[a.Trigger] = &fnStat{assoc: a, fn: a.Function.withDefaults()}
	}
	rng := rand.New(rand.NewPCG(w.Seed, w.Seed^0x9e3779b97f4a7c15))
	keys := newKeyGen(w, rng)
	cache := make(map[int64]time.Time, min(w.Keys, 1<<16))
	ttl := time.Duration(d.TTLSeconds * float64(time.Second))
	step := time.Duration(float64(time.Second) / w.RPS)
	lat := make([]float64, 0, w.Requests)

	s := Summary{Requests: w.Requests, Invocations: map[Trigger]int{}}
	for i := 0; i < w.Requests; i++ {
		now := clock.Epoch.Add(time.Duration(i) * step)
		key := keys.next()
		var tr *TraceRequest
		if i < w.Trace {
			s.Trace = append(s.Trace, TraceRequest{N: i + 1, Path: fmt.Sprintf("/p/%d", key)})
			tr = &s.Trace[len(s.Trace)-1]
		}
		r := request{tr: tr, ms: d.EdgeLatencyMs, key: int64(key), status: 200, cache: "-"}
		if tr != nil {
			r.note("viewer->edge", say.Sprintf("round trip %g ms", d.EdgeLatencyMs), d.EdgeLatencyMs)
		}
		r.run(d, stats, cache, now, ttl, i%rpc == 0, rng)
		switch r.cache {
		case "hit":
			s.Hits++
		case "miss":
			s.Misses++
			s.OriginFetches++
		}
		if r.generated {
			s.Generated++
		}
		if r.status >= 500 {
			s.Errors++
		}
		if tr != nil {
			tr.Cache, tr.Status, tr.LatencyMs = r.cache, r.status, round3(r.ms)
		}
		lat = append(lat, r.ms)
	}
	for t, st := range stats {
		s.Invocations[t] = st.calls
	}
	if s.Hits+s.Misses > 0 {
		s.HitRatio = round3(float64(s.Hits) / float64(s.Hits+s.Misses))
	}
	slices.Sort(lat)
	s.LatencyP50Ms, s.LatencyP99Ms = round3(percentile(lat, 50)), round3(percentile(lat, 99))
	s.Cost = bill(stats, w.Requests, pr)
	why := explain(s, stats)
	s.Explanation, s.ExplanationKo = why.En, why.Ko
	return s, nil
}

type request struct {
	tr        *TraceRequest
	ms        float64
	key       int64
	status    int
	cache     string
	generated bool
	origin    int
}

func (r *request) note(stage string, detail say.Text, ms float64) {
	if r.tr != nil {
		r.tr.Steps = append(r.tr.Steps, Step{AtMs: round3(r.ms), Stage: stage, Detail: detail.En, DetailKo: detail.Ko, Ms: round3(ms)})
	}
}

// invoke runs the function on trigger t, if any, and reports whether the
// request goes on (false: the function answered or failed).
func (r *request) invoke(t Trigger, stats map[Trigger]*fnStat, rng *rand.Rand) bool {
	st := stats[t]
	if st == nil {
		return true
	}
	f := st.fn
	st.calls++
	ms := f.DurationMs + f.ExtraMs
	if f.Kind == LAE {
		if ms > f.TimeoutS*1000 {
			ms = f.TimeoutS * 1000
			st.billedMs += math.Ceil(ms)
			r.ms += ms
			r.status = 503
			if r.tr != nil {
				r.note(string(t), say.Sprintf("%s %s timed out after %g s: 503 (LambdaExecutionError)", f.Kind.Label(), f.Name, f.TimeoutS), ms)
			}
			return false
		}
		st.billedMs += math.Ceil(ms)
	}
	r.ms += ms
	tracing := r.tr != nil
	var detail say.Text
	if tracing {
		detail = say.Sprintf("%s %s (%s)", f.Kind.Label(), f.Name, f.Action)
	}
	info := actions[f.Action]
	switch f.Action {
	case RewriteURI:
		if f.CollapseTo > 0 {
			r.key %= int64(f.CollapseTo)
			if tracing {
				detail = detail.Add(say.Sprintf(": path normalised to /p/%d", r.key))
			}
		}
	case ABCookie:
		v := rng.IntN(f.Variants)
		r.key = r.key*64 + int64(v)
		if tracing {
			detail = detail.Add(say.Sprintf(": variant %d joins the cache key", v))
		}
	}
	if info.status != 0 && f.Fraction > 0 && rng.Float64() < f.Fraction {
		r.status, r.generated = info.status, true
		if tracing {
			r.note(string(t), detail.Add(say.Sprintf(": function answers %d itself", info.status)), ms)
		}
		return false
	}
	if tracing {
		r.note(string(t), detail, ms)
	}
	return true
}

func (r *request) run(d Distribution, stats map[Trigger]*fnStat, cache map[int64]time.Time, now time.Time, ttl time.Duration, newConn bool, rng *rand.Rand) {
	if newConn && !r.invoke(ConnectionRequest, stats, rng) {
		return
	}
	if !r.invoke(ViewerRequest, stats, rng) {
		return // a generated response skips the cache and the viewer-response trigger
	}
	if exp, ok := cache[r.key]; ok && exp.After(now) {
		r.cache = "hit"
		r.note("cache", say.Sprintf("hit: served from the edge, origin triggers skipped"), 0)
	} else {
		r.cache = "miss"
		r.note("cache", say.Sprintf("miss: forward to origin"), 0)
		if !r.invoke(OriginRequest, stats, rng) {
			return
		}
		if st := stats[OriginRequest]; st != nil && st.fn.Action == PickOrigin {
			r.origin = int(uint64(r.key) % uint64(len(d.Origins)))
		}
		o := d.Origins[r.origin]
		ms := o.LatencyMs * (1 + o.JitterPct/100*(2*rng.Float64()-1))
		r.ms += ms
		if r.tr != nil {
			r.note("origin", say.Sprintf("fetch from %s", o.Name), ms)
		}
		if !r.invoke(OriginResponse, stats, rng) {
			return
		}
		if ttl > 0 {
			cache[r.key] = now.Add(ttl)
		}
	}
	r.invoke(ViewerResponse, stats, rng)
}

func bill(stats map[Trigger]*fnStat, requests int, pr Prices) Cost {
	var c Cost
	for _, t := range Triggers() {
		st := stats[t]
		if st == nil {
			continue
		}
		f := st.fn
		if f.Kind == CFF {
			usd := float64(st.calls) * pr.CFFPerMillion / 1e6
			c.TotalUSD += usd
			c.add(say.Sprintf("%s %s (CloudFront Functions): %d invocations × $%.2f / 1M = $%.6f", t, f.Name, st.calls, pr.CFFPerMillion, usd))
			continue
		}
		req := float64(st.calls) * pr.LAEPerMillion / 1e6
		gbs := st.billedMs / 1000 * f.MemoryMB / 1024
		dur := gbs * pr.LAEPerGBSecond
		c.TotalUSD += req + dur
		c.add(say.Sprintf("%s %s (Lambda@Edge): %d requests × $%.2f / 1M = $%.6f", t, f.Name, st.calls, pr.LAEPerMillion, req))
		c.add(say.Sprintf("%s %s (Lambda@Edge): %g billed ms × %g MB / 1024 = %.4f GB-s × $%.8f = $%.6f", t, f.Name, st.billedMs, f.MemoryMB, gbs, pr.LAEPerGBSecond, dur))
	}
	c.PerMillionUSD = round6(c.TotalUSD / float64(requests) * 1e6)
	c.TotalUSD = round6(c.TotalUSD)
	c.add(say.Sprintf("total: $%.6f for %d requests = $%.4f per 1M requests (free tiers and CloudFront request/transfer charges not included)", c.TotalUSD, requests, c.PerMillionUSD))
	return c
}

func explain(s Summary, stats map[Trigger]*fnStat) say.Text {
	for _, t := range []Trigger{OriginRequest, OriginResponse} {
		if st := stats[t]; st != nil {
			return say.Sprintf("The %s function ran %d times, once per cache miss, while %d of %d requests were hits that skipped it [lae.events].", t, st.calls, s.Hits, s.Requests)
		}
	}
	for _, t := range []Trigger{ViewerRequest, ViewerResponse} {
		if st := stats[t]; st != nil {
			if info := actions[st.fn.Action]; info.body || info.network {
				return say.Sprintf("The %s Lambda@Edge function ran on all %d requests; %s needs Lambda@Edge because CloudFront Functions have no body or network access [cff.access].", t, st.calls, st.fn.Action)
			}
			if st.fn.Kind == CFF {
				return say.Sprintf("The %s CloudFront Function ran on all %d requests, hit or miss, at $0.10 per 1M with no duration charge [cff.access].", t, st.calls)
			}
			return say.Sprintf("The %s Lambda@Edge function ran on all %d requests, hit or miss, billed per request and per GB-s; a CloudFront Function would do a header or URL job for less [lae.unsupported].", t, st.calls)
		}
	}
	return say.Sprintf("No edge function: %d hits and %d misses; origin triggers would run only on the misses [lae.events].", s.Hits, s.Misses)
}

// add appends a cost line in both languages.
func (c *Cost) add(t say.Text) {
	c.Lines = append(c.Lines, t.En)
	c.LinesKo = append(c.LinesKo, t.Ko)
}

type keyGen struct {
	w    Workload
	rng  *rand.Rand
	zipf *rand.Zipf
	seen int
}

func newKeyGen(w Workload, rng *rand.Rand) *keyGen {
	g := &keyGen{w: w, rng: rng}
	if w.KeyDist == KeysZipf && w.Keys > 1 {
		g.zipf = rand.NewZipf(rng, w.ZipfS, 1, uint64(w.Keys-1))
	}
	return g
}

func (g *keyGen) next() int {
	switch g.w.KeyDist {
	case KeysUniform:
		return g.rng.IntN(g.w.Keys)
	case KeysTarget:
		if g.seen > 0 && (g.seen >= g.w.Keys || g.rng.Float64() < g.w.HitRatioTarget) {
			return g.rng.IntN(g.seen)
		}
		g.seen++
		return g.seen - 1
	}
	if g.zipf == nil {
		return 0
	}
	return int(g.zipf.Uint64())
}

// percentile is the nearest-rank percentile of sorted values.
func percentile(sorted []float64, p float64) float64 {
	if len(sorted) == 0 {
		return 0
	}
	i := int(math.Ceil(p/100*float64(len(sorted)))) - 1
	return sorted[max(0, min(i, len(sorted)-1))]
}

func round3(x float64) float64 { return math.Round(x*1000) / 1000 }
func round6(x float64) float64 { return math.Round(x*1e6) / 1e6 }
