package apigateway

import (
	"fmt"
	"math"
	"strings"
	"time"

	"github.com/saa-study/saa-study/sim/say"
)

// cacheHitMS is the latency of an answer from the stage cache (a model
// choice; AWS does not publish one).
const cacheHitMS = 1

type flow struct {
	g    *Gateway
	req  Request
	resp Response
}

// step records a pipeline step. Callers check f.req.Trace first so that an
// untraced request does not pay for formatting its arguments.
func (f *flow) step(name string, ok bool, fact, format string, args ...any) {
	t := say.Sprintf(format, args...)
	f.resp.Steps = append(f.resp.Steps, Step{Name: name, OK: ok, Detail: t.En, DetailKo: t.Ko, Fact: fact})
}

func (f *flow) fail(status int, msg string) Response {
	f.resp.Status, f.resp.Message = status, msg
	return f.resp
}

// Handle runs one request through the pipeline at the clock's current
// time: payload size, route, authorizer, API key, throttles and quota
// (usage plan per method, usage plan, stage per method, stage, account),
// stage cache, integration (with its timeout), cache store.
func (g *Gateway) Handle(req Request) Response {
	now := g.clk.Now()
	f := &flow{g: g, req: req}
	resp := g.handle(f, now)
	g.count(resp)
	return resp
}

func (g *Gateway) count(r Response) {
	c := &g.Counters
	c.Requests++
	switch {
	case r.backendErr:
		c.BackendErrors++
	case r.Status >= 200 && r.Status < 300:
		c.OK++
	case r.Status == 429 && r.Message == "Limit Exceeded":
		c.QuotaExceeded++
	case r.Status == 429:
		c.Throttled++
	case r.Status == 401:
		c.Unauthorized++
	case r.noRoute:
		c.NotFound++
	case r.Status == 403:
		c.Forbidden++
	case r.Status == 413:
		c.TooLarge++
	case r.Status == 504:
		c.Timeouts++
	default:
		c.BackendErrors++
	}
	if r.CacheHit {
		c.CacheHits++
	}
}

func (g *Gateway) handle(f *flow, now time.Time) Response {
	req := f.req
	if req.PayloadBytes > g.l.PayloadMaxBytes {
		if f.req.Trace {
			f.step("payload", false, "apigw.payload", "%d bytes is over the %d-byte (10 MB) limit", req.PayloadBytes, g.l.PayloadMaxBytes)
		}
		return f.fail(413, "Request Entity Too Large")
	}
	if f.req.Trace {
		f.step("payload", true, "apigw.payload", "%d bytes, within 10 MB", req.PayloadBytes)
	}
	stage, ok := g.stages[req.Stage]
	if !ok {
		if f.req.Trace {
			f.step("route", false, "", "stage %q is not deployed", req.Stage)
		}
		return f.fail(403, "Forbidden")
	}
	m, ok := g.route(req.Method, req.Path)
	if !ok {
		// API Gateway answers an unknown resource this way, which surprises people.
		if f.req.Trace {
			f.step("route", false, "", "no method %s %s in stage %s", strings.ToUpper(req.Method), req.Path, stage.Name)
		}
		f.resp.noRoute = true
		return f.fail(403, "Missing Authentication Token")
	}
	if f.req.Trace {
		f.step("route", true, "", "matched %s on stage %s", m.Key(), stage.Name)
	}

	if r, done := g.authorize(f, m, now); done {
		return r
	}
	plan, hasPlan := g.plans[stage.Name+"\x00"+req.APIKey]
	if m.APIKeyRequired {
		if req.APIKey == "" || !hasPlan {
			if f.req.Trace {
				if req.APIKey == "" {
					f.step("api key", false, "apigw.security", "method requires an API key; none was sent")
				} else {
					f.step("api key", false, "apigw.security", "method requires an API key; this key is not in a usage plan for the stage")
				}
			}
			return f.fail(403, "Forbidden")
		}
		if f.req.Trace {
			f.step("api key", true, "apigw.security", "key %s is in usage plan %s (metering, not authorization)", req.APIKey, g.api.UsagePlans[plan].Name)
		}
	}
	if r, done := g.throttle(f, m, stage, plan, hasPlan && m.APIKeyRequired, now); done {
		return r
	}
	return g.serve(f, m, stage, now)
}

func (g *Gateway) authorize(f *flow, m Method, now time.Time) (Response, bool) {
	req := f.req
	switch m.Auth {
	case AuthNone:
		return Response{}, false
	case AuthIAM:
		if !req.Signed {
			if f.req.Trace {
				f.step("authorizer", false, "apigw.security", "AWS_IAM: the request is not signed with SigV4")
			}
			return f.fail(403, "Missing Authentication Token"), true
		}
		if f.req.Trace {
			f.step("authorizer", true, "apigw.security", "AWS_IAM: SigV4 signature accepted")
		}
		return Response{}, false
	}
	a := g.auths[m.Auth]
	var identity string
	var ok bool
	switch a.Type {
	case AuthCognito, AuthToken:
		src := "Authorization"
		if len(a.IdentitySources) > 0 {
			src = a.IdentitySources[0]
		}
		identity, ok = param(req, src)
	case AuthRequest:
		parts := make([]string, 0, len(a.IdentitySources))
		ok = true
		for _, s := range a.IdentitySources {
			v, present := param(req, s)
			ok = ok && present
			parts = append(parts, v)
		}
		identity = strings.Join(parts, ",")
	}
	if !ok {
		if f.req.Trace {
			f.step("authorizer", false, "apigw.security", "%s: identity source missing, so the authorizer is not called", a.Name)
		}
		return f.fail(401, "Unauthorized"), true
	}
	decision := ""
	if a.Type == AuthCognito {
		decision = a.Decisions[identity]
		if decision != "allow" {
			if f.req.Trace {
				f.step("authorizer", false, "apigw.security", "%s: the Cognito token is not valid", a.Name)
			}
			return f.fail(401, "Unauthorized"), true
		}
		if f.req.Trace {
			f.step("authorizer", true, "apigw.security", "%s: Cognito token valid", a.Name)
		}
		return Response{}, false
	}
	ttl := g.l.AuthorizerTTLDefaultS
	if a.TTLS != nil {
		ttl = *a.TTLS
	}
	key := a.Name + "\x00" + identity
	if e, hit := g.authC[key]; hit && now.Before(e.until) {
		decision = e.decision
		g.Counters.AuthorizerCacheHits++
		if f.req.Trace {
			f.step("authorizer", decision == "allow", "", "%s: cached policy (%s), authorizer not invoked", a.Name, decision)
		}
	} else {
		decision = a.Decisions[identity]
		if decision != "allow" && decision != "deny" {
			decision = "unauthorized"
		}
		g.Counters.AuthorizerCalls++
		f.resp.LatencyMS += a.LatencyMS
		if ttl > 0 && decision != "unauthorized" {
			g.authC[key] = authEntry{decision: decision, until: now.Add(time.Duration(ttl) * time.Second)}
		}
		if f.req.Trace {
			f.step("authorizer", decision == "allow", "", "%s: invoked (%.0f ms), returned %s; cached for %d s", a.Name, a.LatencyMS, decision, ttl)
		}
	}
	switch decision {
	case "allow":
		return Response{}, false
	case "deny":
		return f.fail(403, "User is not authorized to access this resource with an explicit deny"), true
	}
	return f.fail(401, "Unauthorized"), true
}

func (g *Gateway) throttle(f *flow, m Method, st Stage, plan int, metered bool, now time.Time) (Response, bool) {
	mk := m.Key()
	if metered {
		p := g.api.UsagePlans[plan]
		k := f.req.APIKey
		if t, ok := p.MethodThrottle[mk]; ok && !g.take("pm\x00"+k+"\x00"+mk, t, now) {
			if f.req.Trace {
				f.step("throttle: usage plan method", false, "apigw.throttle.levels", "key %s over %s rps (burst %d) on %s", k, num(t.Rate), t.Burst, mk)
			}
			return f.fail(429, "Too Many Requests"), true
		}
		if !g.take("p\x00"+k, p.Throttle, now) {
			if f.req.Trace {
				f.step("throttle: usage plan", false, "apigw.throttle.levels", "key %s over the plan's %s rps (burst %d)", k, num(p.Throttle.Rate), p.Throttle.Burst)
			}
			return f.fail(429, "Too Many Requests"), true
		}
		if q := p.Quota; q != nil {
			qs := g.quota[k]
			start := quotaPeriod(now, q.Period)
			if qs == nil || !qs.period.Equal(start) {
				qs = &quotaState{period: start}
				g.quota[k] = qs
			}
			if qs.used >= q.Limit {
				if f.req.Trace {
					f.step("quota", false, "apigw.throttle.levels", "key %s used all %d requests of its %s quota", k, q.Limit, strings.ToLower(q.Period))
				}
				return f.fail(429, "Limit Exceeded"), true
			}
			qs.used++
			if f.req.Trace {
				f.step("quota", true, "", "key %s: %d of %d this %s", k, qs.used, q.Limit, strings.ToLower(q.Period))
			}
		}
		if f.req.Trace {
			f.step("throttle: usage plan", true, "apigw.throttle.levels", "within the plan's limits")
		}
	}
	if t, ok := st.MethodThrottle[mk]; ok && !g.take("sm\x00"+st.Name+"\x00"+mk, t, now) {
		if f.req.Trace {
			f.step("throttle: stage method", false, "apigw.throttle.levels", "over %s rps (burst %d) set for %s", num(t.Rate), t.Burst, mk)
		}
		return f.fail(429, "Too Many Requests"), true
	}
	if !g.take("s\x00"+st.Name, st.Throttle, now) {
		if f.req.Trace {
			f.step("throttle: stage", false, "apigw.throttle.levels", "over stage %s's %s rps (burst %d)", st.Name, num(st.Throttle.Rate), st.Throttle.Burst)
		}
		return f.fail(429, "Too Many Requests"), true
	}
	at := g.api.AccountThrottle
	if !g.take("account", at, now) {
		g.Counters.ThrottledAccount++
		if f.req.Trace {
			f.step("throttle: account", false, "apigw.throttle.account", "over the account's %s rps (burst %d)", num(at.Rate), at.Burst)
		}
		return f.fail(429, "Too Many Requests"), true
	}
	if f.req.Trace {
		f.step("throttle", true, "apigw.throttle.account", "tokens available at every level")
	}
	return Response{}, false
}

func (g *Gateway) serve(f *flow, m Method, st Stage, now time.Time) Response {
	ttl := 0
	if st.CacheEnabled {
		ttl = g.l.CacheTTLDefaultS
		if st.CacheTTLS != nil {
			ttl = *st.CacheTTLS
		}
	}
	cacheable := ttl > 0 && m.Method == "GET"
	if m.Caching != nil {
		cacheable = ttl > 0 && *m.Caching
	}
	key := ""
	if cacheable {
		var b strings.Builder
		b.WriteString(st.Name + " " + m.Method + " " + f.req.Path)
		for _, p := range st.CacheKeyParams {
			v, _ := param(f.req, p)
			b.WriteString(" " + p + "=" + v)
		}
		key = b.String()
		cc, _ := header(f.req, "Cache-Control")
		if cc == "max-age=0" && f.req.CanInvalidate {
			if f.req.Trace {
				f.step("cache", false, "apigw.cache.ttl", "client invalidated the entry (Cache-Control: max-age=0)")
			}
		} else if e, ok := g.cache[key]; ok && !now.Before(e.from) && now.Before(e.until) {
			if f.req.Trace {
				f.step("cache", true, "apigw.cache.ttl", "hit: %s (expires in %.0f s)", key, e.until.Sub(now).Seconds())
			}
			f.resp.CacheHit = true
			f.resp.LatencyMS += cacheHitMS
			return f.fail(m.Integration.Status, "OK (from cache)")
		} else {
			g.Counters.CacheMisses++
			if f.req.Trace {
				f.step("cache", false, "apigw.cache.ttl", "miss: %s", key)
			}
		}
	}
	in := m.Integration
	g.Counters.IntegrationCalls++
	lat, status := g.backend(in, f.req, now)
	timeout := float64(in.TimeoutMS)
	if lat > timeout {
		f.resp.LatencyMS += timeout
		if f.req.Trace {
			f.step("integration", false, "apigw.timeout.rest", "%s backend needed %.0f ms; the integration timeout is %.0f ms", in.Type, lat, timeout)
		}
		return f.fail(504, "Endpoint request timed out")
	}
	f.resp.LatencyMS += lat
	if status < 200 || status >= 300 {
		if f.req.Trace {
			f.step("integration", false, "", "%s backend answered %d after %.0f ms", in.Type, status, lat)
		}
		f.resp.backendErr = true
		return f.fail(status, "Backend error")
	}
	if f.req.Trace {
		f.step("integration", true, "", "%s backend answered %d after %.0f ms", in.Type, status, lat)
	}
	if cacheable && in.ResponseBytes <= g.l.CacheItemMaxBytes {
		from := now.Add(time.Duration(lat * float64(time.Millisecond)))
		// A response that lands while an earlier one is still fresh does not
		// replace it; otherwise misses in flight would keep pushing it back.
		if e, ok := g.cache[key]; !ok || !e.until.After(from) {
			g.cache[key] = cacheEntry{from: from, until: from.Add(time.Duration(ttl) * time.Second)}
			if f.req.Trace {
				f.step("cache", true, "apigw.cache.ttl", "stored for %d s", ttl)
			}
		}
	}
	return f.fail(status, "OK")
}

// backend returns the integration's latency in ms and its status.
func (g *Gateway) backend(in Integration, req Request, now time.Time) (float64, int) {
	if in.Type == IntegrationMock {
		return 0, in.Status
	}
	if in.Type == IntegrationLambda && in.Lambda != nil {
		d, st := in.Lambda.Invoke(now, req.PayloadBytes)
		return float64(d) / float64(time.Millisecond), st
	}
	lat := in.LatencyMS
	t := now.Sub(g.start).Seconds()
	for _, w := range in.Slow {
		if t >= w.StartS && t < w.StartS+w.Seconds {
			lat = w.LatencyMS
		}
	}
	if in.JitterPct > 0 {
		lat *= 1 + in.JitterPct/100*(2*g.rng.Float64()-1)
	}
	return math.Max(lat, 0), in.Status
}

// num prints a rate with thousands separators.
func num(v float64) string {
	if v == math.Trunc(v) && math.Abs(v) < 1e15 {
		return commas(int64(v))
	}
	return fmt.Sprintf("%.2f", v)
}
