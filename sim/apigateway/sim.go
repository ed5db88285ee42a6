package apigateway

import (
	"fmt"
	"math"
	"slices"
	"strconv"
	"time"

	"github.com/saa-study/saa-study/sim/say"

	"github.com/saa-study/saa-study/sim/clock"
)

// Phase is a stretch of traffic at a constant rate; overlapping phases add.
type Phase struct {
	StartS  float64 `json:"start_s" yaml:"start_s"`
	Seconds float64 `json:"seconds" yaml:"seconds"`
	RPS     float64 `json:"rps" yaml:"rps"`
}

// Traffic is the load a simulation sends: every request is Template, with
// query.id drawn from DistinctIDs values and the Authorization header drawn
// from Tokens, when those are set (seeded).
type Traffic struct {
	Phases      []Phase  `json:"phases" yaml:"phases"`
	Template    Request  `json:"template" yaml:"template"`
	DistinctIDs int      `json:"distinct_ids,omitempty" yaml:"distinct_ids"`
	Tokens      []string `json:"tokens,omitempty" yaml:"tokens"`
}

// Second is one point of the per-second series.
type Second struct {
	T         int     `json:"t"`
	Requests  int64   `json:"requests"`
	OK        int64   `json:"ok"`
	Throttled int64   `json:"throttled"`
	Quota     int64   `json:"quota"`
	Denied    int64   `json:"denied"`
	Timeouts  int64   `json:"timeouts"`
	CacheHits int64   `json:"cache_hits"`
	P50MS     float64 `json:"p50_ms"`
	P99MS     float64 `json:"p99_ms"`
}

// Event is a notable moment for the log.
type Event struct {
	AtMS int64  `json:"at_ms"`
	Text string `json:"text"`
	Fact string `json:"fact,omitempty"`
	// Ko is Text in Korean.
	Ko string `json:"-"`
}

// In is the event's text in lang ("en" or "ko").
func (e Event) In(lang string) string { return say.Pick(lang, e.Text, e.Ko) }

// Result is a simulation's outcome.
type Result struct {
	Counters    Counters `json:"counters"`
	Series      []Second `json:"series"`
	Events      []Event  `json:"events"`
	Explanation string   `json:"explanation"`
	Fact        string   `json:"fact,omitempty"`
	// ExplanationKo is Explanation in Korean.
	ExplanationKo string `json:"-"`
	// Sample is the first request's step-by-step path.
	Sample Response `json:"sample"`
}

const maxSimRequests = 20_000_000

// Simulate sends the traffic through a fresh gateway on a virtual clock.
// Requests in each millisecond are spread evenly across it.
func Simulate(api API, tr Traffic, seed uint64) (Result, error) {
	clk := clock.New(clock.Epoch)
	g, err := New(api, clk, seed)
	if err != nil {
		return Result{}, err
	}
	end, total := 0.0, 0.0
	for i, p := range tr.Phases {
		if p.StartS < 0 || p.Seconds < 0 || p.RPS < 0 || math.IsNaN(p.StartS+p.Seconds+p.RPS) || math.IsInf(p.StartS+p.Seconds+p.RPS, 0) {
			return Result{}, badRequest("Traffic phase %d has a negative or non-finite number.", i+1)
		}
		end = math.Max(end, p.StartS+p.Seconds)
		total += p.RPS * p.Seconds
	}
	if len(tr.Phases) == 0 || total > maxSimRequests || end > 7*24*3600 {
		return Result{}, badRequest("Traffic needs 1 or more phases, at most %d requests and at most a week.", maxSimRequests)
	}
	if tr.DistinctIDs < 0 {
		return Result{}, badRequest("DistinctIDs cannot be negative.")
	}
	var res Result
	seen := map[string]bool{}
	event := func(kind, fact string, now time.Time, format string, args ...any) {
		if seen[kind] {
			return
		}
		seen[kind] = true
		ms := now.Sub(clock.Epoch).Milliseconds()
		at, t := fmt.Sprintf("t=%.2fs: ", float64(ms)/1000), say.Sprintf(format, args...)
		res.Events = append(res.Events, Event{AtMS: ms, Fact: fact, Text: at + t.En, Ko: at + t.Ko})
	}
	var sec Second
	var lats []float64
	closeSec := func(t int) {
		sec.T = t
		if len(lats) > 0 {
			slices.Sort(lats)
			sec.P50MS = lats[int(0.5*float64(len(lats)-1))]
			sec.P99MS = lats[int(0.99*float64(len(lats)-1))]
		}
		res.Series = append(res.Series, sec)
		sec, lats = Second{}, lats[:0]
	}
	carry := 0.0
	ticks := int64(math.Ceil(end * 1000))
	first := true
	for ms := int64(0); ms < ticks; ms++ {
		rate := 0.0
		t := float64(ms) / 1000
		for _, p := range tr.Phases {
			if t >= p.StartS && t < p.StartS+p.Seconds {
				rate += p.RPS
			}
		}
		carry += rate / 1000
		n := int64(carry + 1e-9)
		carry -= float64(n)
		for k := int64(0); k < n; k++ {
			now := clock.Epoch.Add(time.Duration(ms)*time.Millisecond + time.Duration(k)*time.Millisecond/time.Duration(n))
			clk.Set(now)
			req := tr.Template
			if tr.DistinctIDs > 0 {
				req.Query = map[string]string{"id": strconv.Itoa(g.rng.IntN(tr.DistinctIDs))}
			}
			if len(tr.Tokens) > 0 {
				req.Headers = map[string]string{"Authorization": tr.Tokens[g.rng.IntN(len(tr.Tokens))]}
			}
			req.Trace = first
			before := g.Counters
			r := g.Handle(req)
			if first {
				res.Sample, first = r, false
			}
			after := g.Counters
			sec.Requests++
			lats = append(lats, r.LatencyMS)
			switch {
			case after.OK > before.OK:
				sec.OK++
			case after.Throttled > before.Throttled:
				sec.Throttled++
				if after.ThrottledAccount > before.ThrottledAccount {
					event("account", "apigw.throttle.account", now, "account bucket empty: requests over %s rps (burst %s) get 429 Too Many Requests",
						num(g.api.AccountThrottle.Rate), commas(int64(g.api.AccountThrottle.Burst)))
				} else {
					event("throttle", "apigw.throttle.levels", now, "a stage, method or usage-plan bucket ran dry: 429 Too Many Requests")
				}
			case after.QuotaExceeded > before.QuotaExceeded:
				sec.Quota++
				event("quota", "apigw.throttle.levels", now, "API key %s used up its quota: 429 Limit Exceeded until the period resets", req.APIKey)
			case after.Timeouts > before.Timeouts:
				sec.Timeouts++
				event("timeout", "apigw.timeout.rest", now, "integration took longer than its timeout: 504 Endpoint request timed out")
			case after.Unauthorized+after.Forbidden+after.NotFound > before.Unauthorized+before.Forbidden+before.NotFound:
				sec.Denied++
				event("denied", "apigw.security", now, "request refused: %d %s", r.Status, r.Message)
			}
			if r.CacheHit {
				sec.CacheHits++
				event("cache", "apigw.cache.ttl", now, "first answer from the stage cache: the integration was not called")
			}
			if after.AuthorizerCacheHits > before.AuthorizerCacheHits {
				event("authcache", "", now, "authorizer result served from its cache: the authorizer Lambda was not invoked")
			}
		}
		if (ms+1)%1000 == 0 {
			closeSec(int(ms / 1000))
		}
	}
	if ticks%1000 != 0 {
		closeSec(int(ticks / 1000))
	}
	res.Counters = g.Counters
	var why say.Text
	why, res.Fact = explain(g)
	res.Explanation, res.ExplanationKo = why.En, why.Ko
	return res, nil
}

func pct(a, b int64) float64 {
	if b == 0 {
		return 0
	}
	return 100 * float64(a) / float64(b)
}

func explain(g *Gateway) (say.Text, string) {
	c := g.Counters
	switch {
	case c.Requests == 0:
		return say.Sprintf("No requests were sent."), ""
	case c.Throttled > 0 && c.Throttled >= c.QuotaExceeded && c.ThrottledAccount*2 >= c.Throttled:
		return say.Sprintf("The account token bucket (%s rps, burst %s) emptied: %s requests (%.1f%%) got 429 Too Many Requests.",
			num(g.api.AccountThrottle.Rate), commas(int64(g.api.AccountThrottle.Burst)), commas(c.Throttled), pct(c.Throttled, c.Requests)), "apigw.throttle.account"
	case c.Throttled > 0 && c.Throttled >= c.QuotaExceeded:
		return say.Sprintf("A stage, method or usage-plan bucket ran dry: %s requests (%.1f%%) got 429 Too Many Requests.",
			commas(c.Throttled), pct(c.Throttled, c.Requests)), "apigw.throttle.levels"
	case c.QuotaExceeded > 0:
		return say.Sprintf("An API key used up its quota: %s requests got 429 Limit Exceeded (a quota, unlike a throttle, waits for the next period).",
			commas(c.QuotaExceeded)), "apigw.throttle.levels"
	case c.Timeouts > 0:
		return say.Sprintf("%s requests (%.1f%%) waited longer than the integration timeout and got 504 Endpoint request timed out.",
			commas(c.Timeouts), pct(c.Timeouts, c.Requests)), "apigw.timeout.rest"
	case c.AuthorizerCalls > 0:
		return say.Sprintf("The authorizer Lambda ran %s times for %s requests; its result cache answered %s. %s were refused (401/403).",
			commas(c.AuthorizerCalls), commas(c.Requests), commas(c.AuthorizerCacheHits), commas(c.Unauthorized+c.Forbidden)), ""
	case c.Unauthorized+c.Forbidden > 0:
		return say.Sprintf("%s requests were refused: %s with 401 Unauthorized (no or bad token), %s with 403 Forbidden (no API key or denied).",
			commas(c.Unauthorized+c.Forbidden), commas(c.Unauthorized), commas(c.Forbidden)), "apigw.security"
	case c.CacheHits > 0:
		return say.Sprintf("The stage cache answered %.1f%% of requests; the integration ran %s times.",
			pct(c.CacheHits, c.Requests), commas(c.IntegrationCalls)), "apigw.cache.ttl"
	}
	return say.Sprintf("All %s requests passed every throttle and reached the integration.", commas(c.Requests)), "apigw.throttle.levels"
}

func commas(n int64) string {
	s := strconv.FormatInt(n, 10)
	var out []byte
	for i := range len(s) {
		if i > 0 && (len(s)-i)%3 == 0 {
			out = append(out, ',')
		}
		out = append(out, s[i])
	}
	return string(out)
}
