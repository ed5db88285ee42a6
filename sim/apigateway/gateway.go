package apigateway

import (
	"fmt"
	"math/rand/v2"
	"sort"
	"strings"
	"time"

	"github.com/saa-study/saa-study/sim/say"

	"github.com/saa-study/saa-study/sim/clock"
	"github.com/saa-study/saa-study/sim/tokenbucket"
)

// Invoker is the small interface a LAMBDA integration calls, so the gateway
// does not depend on the Lambda simulator's internals. It returns how long
// the call took and the status API Gateway passes back (200 on success).
type Invoker interface {
	Invoke(at time.Time, payloadBytes int) (latency time.Duration, status int)
}

// Request is one client call.
type Request struct {
	Stage   string            `json:"stage" yaml:"stage"`
	Method  string            `json:"method" yaml:"method"`
	Path    string            `json:"path" yaml:"path"`
	Query   map[string]string `json:"query,omitempty" yaml:"query"`
	Headers map[string]string `json:"headers,omitempty" yaml:"headers"`
	// APIKey is the x-api-key header.
	APIKey string `json:"api_key,omitempty" yaml:"api_key"`
	// Signed says the request carries a valid SigV4 signature (AWS_IAM).
	Signed bool `json:"signed,omitempty" yaml:"signed"`
	// CanInvalidate says the caller may flush the cache entry with
	// Cache-Control: max-age=0 (execute-api:InvalidateCache).
	CanInvalidate bool `json:"can_invalidate,omitempty" yaml:"can_invalidate"`
	PayloadBytes  int  `json:"payload_bytes,omitempty" yaml:"payload_bytes"`
	// Trace records the pipeline steps in the response.
	Trace bool `json:"trace,omitempty" yaml:"trace"`
}

// Step is one stage of the pipeline a request went through.
type Step struct {
	Name   string `json:"name"`
	OK     bool   `json:"ok"`
	Detail string `json:"detail"`
	Fact   string `json:"fact,omitempty"`
	// DetailKo is Detail in Korean.
	DetailKo string `json:"-"`
}

// In is the step's name and detail in lang ("en" or "ko").
func (s Step) In(lang string) (name, detail string) {
	if lang == "ko" {
		if k, ok := stepNamesKo[s.Name]; ok {
			name = k
		}
	}
	if name == "" {
		name = s.Name
	}
	return name, say.Pick(lang, s.Detail, s.DetailKo)
}

// Response is what the client got.
type Response struct {
	Status    int     `json:"status"`
	Message   string  `json:"message"`
	LatencyMS float64 `json:"latency_ms"`
	CacheHit  bool    `json:"cache_hit,omitempty"`
	Steps     []Step  `json:"steps,omitempty"`
	noRoute   bool
	// backendErr marks a status that came from the integration, not the gateway.
	backendErr bool
}

// Counters add up what the gateway did.
type Counters struct {
	Requests            int64 `json:"requests"`
	OK                  int64 `json:"ok"`
	Throttled           int64 `json:"throttled"`
	ThrottledAccount    int64 `json:"throttled_account"`
	QuotaExceeded       int64 `json:"quota_exceeded"`
	Forbidden           int64 `json:"forbidden"`
	Unauthorized        int64 `json:"unauthorized"`
	NotFound            int64 `json:"not_found"`
	TooLarge            int64 `json:"too_large"`
	Timeouts            int64 `json:"timeouts"`
	BackendErrors       int64 `json:"backend_errors"`
	CacheHits           int64 `json:"cache_hits"`
	CacheMisses         int64 `json:"cache_misses"`
	AuthorizerCalls     int64 `json:"authorizer_calls"`
	AuthorizerCacheHits int64 `json:"authorizer_cache_hits"`
	IntegrationCalls    int64 `json:"integration_calls"`
}

// newBucket is a stage, method, usage-plan or account throttle: a bucket
// that starts full.
func newBucket(t Throttle, now time.Time) *tokenbucket.Bucket {
	size := float64(t.Burst)
	if size < 1 {
		size = 1 // a bucket must hold one token for any request to pass
	}
	b := tokenbucket.Full(size, t.Rate, now)
	return &b
}

type cacheEntry struct{ from, until time.Time }

type authEntry struct {
	decision string
	until    time.Time
}

type quotaState struct {
	period time.Time
	used   int64
}

// Gateway serves requests against one API. It is not safe for concurrent use.
type Gateway struct {
	api    API
	l      Limits
	clk    clock.Clock
	start  time.Time
	rng    *rand.Rand
	routes map[string][]int // verb → method indexes
	auths  map[string]Authorizer
	stages map[string]Stage
	plans  map[string]int // "stage\x00key" → plan index

	buckets map[string]*tokenbucket.Bucket
	cache   map[string]cacheEntry
	authC   map[string]authEntry
	quota   map[string]*quotaState
	// Counters are the running totals.
	Counters Counters
}

// New checks the API and returns a gateway reading time from clk.
func New(api API, clk clock.Clock, seed uint64) (*Gateway, error) {
	l := DefaultLimits()
	if err := api.Validate(l); err != nil {
		return nil, fmt.Errorf("api %q: %w", api.Name, err)
	}
	api = api.WithDefaults(l)
	g := &Gateway{api: api, l: l, clk: clk, start: clk.Now(), rng: rand.New(rand.NewPCG(seed, seed^0x5851f42d4c957f2d)),
		routes: map[string][]int{}, auths: map[string]Authorizer{}, stages: map[string]Stage{}, plans: map[string]int{},
		buckets: map[string]*tokenbucket.Bucket{}, cache: map[string]cacheEntry{}, authC: map[string]authEntry{}, quota: map[string]*quotaState{}}
	for i, m := range api.Methods {
		g.routes[m.Method] = append(g.routes[m.Method], i)
	}
	for _, a := range api.Authorizers {
		g.auths[a.Name] = a
	}
	for _, s := range api.Stages {
		g.stages[s.Name] = s
	}
	for i, p := range api.UsagePlans {
		for _, s := range p.Stages {
			for _, k := range p.Keys {
				g.plans[s+"\x00"+k] = i
			}
		}
	}
	return g, nil
}

func (g *Gateway) take(key string, t Throttle, now time.Time) bool {
	if t.Rate <= 0 {
		return true
	}
	b := g.buckets[key]
	if b == nil {
		b = newBucket(t, now)
		g.buckets[key] = b
	}
	return b.Take(1, now)
}

func matchPath(pattern, path string) bool {
	for {
		ps, prest, pmore := strings.Cut(pattern, "/")
		qs, qrest, qmore := strings.Cut(path, "/")
		isParam := len(ps) > 2 && ps[0] == '{' && ps[len(ps)-1] == '}'
		if (isParam && qs == "") || (!isParam && ps != qs) || pmore != qmore {
			return false
		}
		if !pmore {
			return true
		}
		pattern, path = prest, qrest
	}
}

func (g *Gateway) route(verb, path string) (Method, bool) {
	for _, v := range []string{strings.ToUpper(verb), "ANY"} {
		for _, i := range g.routes[v] {
			if matchPath(g.api.Methods[i].Path, path) {
				return g.api.Methods[i], true
			}
		}
	}
	return Method{}, false
}

// quotaPeriod is the start of the UTC day, ISO week or month containing t.
func quotaPeriod(t time.Time, period string) time.Time {
	t = t.UTC()
	d := time.Date(t.Year(), t.Month(), t.Day(), 0, 0, 0, 0, time.UTC)
	switch period {
	case "WEEK":
		wd := (int(d.Weekday()) + 6) % 7 // Monday = 0
		return d.AddDate(0, 0, -wd)
	case "MONTH":
		return time.Date(t.Year(), t.Month(), 1, 0, 0, 0, 0, time.UTC)
	}
	return d
}

func param(req Request, name string) (string, bool) {
	switch {
	case strings.HasPrefix(name, "query."):
		v, ok := req.Query[strings.TrimPrefix(name, "query.")]
		return v, ok && v != ""
	case strings.HasPrefix(name, "header."):
		v, ok := header(req, strings.TrimPrefix(name, "header."))
		return v, ok
	}
	return header(req, name)
}

func header(req Request, name string) (string, bool) {
	for k, v := range req.Headers {
		if strings.EqualFold(k, name) && v != "" {
			return v, true
		}
	}
	return "", false
}

func sortedKeys(m map[string]string) []string {
	out := make([]string, 0, len(m))
	for k := range m {
		out = append(out, k)
	}
	sort.Strings(out)
	return out
}

// CacheHitRatio is cache hits over cacheable lookups (hits + misses).
func (c Counters) CacheHitRatio() float64 {
	if c.CacheHits+c.CacheMisses == 0 {
		return 0
	}
	return float64(c.CacheHits) / float64(c.CacheHits+c.CacheMisses)
}
