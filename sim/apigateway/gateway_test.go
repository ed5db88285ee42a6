package apigateway

import (
	"encoding/json"
	"errors"
	"strings"
	"testing"
	"time"

	"github.com/saa-study/saa-study/sim/clock"
)

func ip(v int) *int { return &v }

func mustGateway(t *testing.T, a API) (*Gateway, *clock.Virtual) {
	t.Helper()
	clk := clock.New(clock.Epoch)
	g, err := New(a, clk, 1)
	if err != nil {
		t.Fatal(err)
	}
	return g, clk
}

func get(path string) Request { return Request{Stage: "prod", Method: "GET", Path: path, Trace: true} }

func TestAccountBucket12000For10s(t *testing.T) {
	api := API{Name: "a", Stages: []Stage{{Name: "prod"}}, Methods: []Method{{Method: "GET", Path: "/x"}}}
	r, err := Simulate(api, Traffic{Phases: []Phase{{Seconds: 10, RPS: 12000}}, Template: get("/x")}, 1)
	if err != nil {
		t.Fatal(err)
	}
	// 120,000 requests; the bucket starts with 5,000 tokens and refills
	// 10,000/s between the first request (t=0) and the last
	// (t=9.99992 s): 99,999 more. 120,000 − 5,000 − 99,999 = 15,001.
	if c := r.Counters; c.Requests != 120_000 || c.Throttled != 15_001 || c.ThrottledAccount != 15_001 {
		t.Fatalf("requests %d throttled %d (account %d), want 120,000 / 15,001", c.Requests, c.Throttled, c.ThrottledAccount)
	}
	if r.Fact != "apigw.throttle.account" || len(r.Series) != 10 || r.Series[0].Throttled != 0 || r.Series[5].Throttled != 2000 {
		t.Fatalf("fact %q, series %+v", r.Fact, r.Series)
	}
}

func TestAuthAndKeys(t *testing.T) {
	api := API{Name: "a", Stages: []Stage{{Name: "prod"}},
		Authorizers: []Authorizer{
			{Name: "tok", Type: AuthToken, Decisions: map[string]string{"good": "allow", "bad": "deny"}},
			{Name: "req", Type: AuthRequest, IdentitySources: []string{"query.user", "header.X-Tenant"}, Decisions: map[string]string{"u,t": "allow"}},
			{Name: "pool", Type: AuthCognito, Decisions: map[string]string{"jwt": "allow"}},
		},
		Methods: []Method{
			{Method: "GET", Path: "/tok", Auth: "tok"},
			{Method: "GET", Path: "/req", Auth: "req"},
			{Method: "GET", Path: "/pool", Auth: "pool"},
			{Method: "GET", Path: "/iam", Auth: AuthIAM},
			{Method: "GET", Path: "/keyed", APIKeyRequired: true},
		},
		UsagePlans: []UsagePlan{{Name: "p", Stages: []string{"prod"}, Keys: []string{"k1"}}},
	}
	g, _ := mustGateway(t, api)
	with := func(r Request, h map[string]string, q map[string]string, key string, signed bool) Request {
		r.Headers, r.Query, r.APIKey, r.Signed = h, q, key, signed
		return r
	}
	tests := []struct {
		name   string
		req    Request
		status int
		msg    string
	}{
		{"token missing", get("/tok"), 401, "Unauthorized"},
		{"token unknown", with(get("/tok"), map[string]string{"Authorization": "zzz"}, nil, "", false), 401, "Unauthorized"},
		{"token denied", with(get("/tok"), map[string]string{"Authorization": "bad"}, nil, "", false), 403, "User is not authorized to access this resource with an explicit deny"},
		{"token allowed", with(get("/tok"), map[string]string{"authorization": "good"}, nil, "", false), 200, "OK"},
		{"request authorizer missing source", with(get("/req"), nil, map[string]string{"user": "u"}, "", false), 401, "Unauthorized"},
		{"request authorizer allowed", with(get("/req"), map[string]string{"X-Tenant": "t"}, map[string]string{"user": "u"}, "", false), 200, "OK"},
		{"cognito invalid", with(get("/pool"), map[string]string{"Authorization": "forged"}, nil, "", false), 401, "Unauthorized"},
		{"cognito valid", with(get("/pool"), map[string]string{"Authorization": "jwt"}, nil, "", false), 200, "OK"},
		{"iam unsigned", get("/iam"), 403, "Missing Authentication Token"},
		{"iam signed", with(get("/iam"), nil, nil, "", true), 200, "OK"},
		{"api key missing", get("/keyed"), 403, "Forbidden"},
		{"api key unknown", with(get("/keyed"), nil, nil, "k9", false), 403, "Forbidden"},
		{"api key valid", with(get("/keyed"), nil, nil, "k1", false), 200, "OK"},
		{"unknown resource", get("/nope"), 403, "Missing Authentication Token"},
		{"unknown stage", Request{Stage: "dev", Method: "GET", Path: "/tok"}, 403, "Forbidden"},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			r := g.Handle(tc.req)
			if r.Status != tc.status || r.Message != tc.msg {
				t.Fatalf("got %d %q, want %d %q; steps %+v", r.Status, r.Message, tc.status, tc.msg, r.Steps)
			}
			if tc.req.Trace && len(r.Steps) == 0 {
				t.Fatal("no steps recorded")
			}
		})
	}
}

func TestAuthorizerCacheTTL(t *testing.T) {
	api := API{Name: "a", Stages: []Stage{{Name: "prod"}},
		Authorizers: []Authorizer{{Name: "tok", Type: AuthToken, Decisions: map[string]string{"t": "allow"}}},
		Methods:     []Method{{Method: "GET", Path: "/x", Auth: "tok"}}}
	g, clk := mustGateway(t, api)
	req := get("/x")
	req.Headers = map[string]string{"Authorization": "t"}
	for range 10 {
		g.Handle(req)
		clk.Advance(time.Second)
	}
	clk.Advance(300 * time.Second) // past the default 300 s TTL
	g.Handle(req)
	if g.Counters.AuthorizerCalls != 2 || g.Counters.AuthorizerCacheHits != 9 {
		t.Fatalf("calls %d cache hits %d, want 2 and 9", g.Counters.AuthorizerCalls, g.Counters.AuthorizerCacheHits)
	}
}

func TestQuota(t *testing.T) {
	api := API{Name: "a", Stages: []Stage{{Name: "prod"}},
		Methods:    []Method{{Method: "GET", Path: "/x", APIKeyRequired: true}},
		UsagePlans: []UsagePlan{{Name: "p", Stages: []string{"prod"}, Keys: []string{"k"}, Quota: &Quota{Limit: 3, Period: "DAY"}}}}
	g, clk := mustGateway(t, api)
	req := get("/x")
	req.APIKey = "k"
	var got []string
	for range 4 {
		r := g.Handle(req)
		got = append(got, r.Message)
		clk.Advance(time.Minute)
	}
	if got[2] != "OK" || got[3] != "Limit Exceeded" {
		t.Fatalf("messages %v", got)
	}
	clk.Advance(24 * time.Hour) // the next UTC day resets the quota
	if r := g.Handle(req); r.Status != 200 {
		t.Fatalf("after reset: %d %s", r.Status, r.Message)
	}
	if g.Counters.QuotaExceeded != 1 {
		t.Fatalf("quota exceeded %d", g.Counters.QuotaExceeded)
	}
}

func TestUsagePlanThrottleIsTooManyRequests(t *testing.T) {
	api := API{Name: "a", Stages: []Stage{{Name: "prod"}},
		Methods:    []Method{{Method: "GET", Path: "/x", APIKeyRequired: true}},
		UsagePlans: []UsagePlan{{Name: "p", Stages: []string{"prod"}, Keys: []string{"k"}, Throttle: Throttle{Rate: 1, Burst: 2}}}}
	g, _ := mustGateway(t, api)
	req := get("/x")
	req.APIKey = "k"
	var got []int
	for range 3 {
		got = append(got, g.Handle(req).Status)
	}
	r := g.Handle(req)
	if got[0] != 200 || got[1] != 200 || got[2] != 429 || r.Message != "Too Many Requests" {
		t.Fatalf("statuses %v, last %q", got, r.Message)
	}
}

func TestCacheHitRatio(t *testing.T) {
	tests := []struct {
		name  string
		ttl   *int
		verb  string
		hits  int64
		calls int64
	}{
		{"ttl 10 s, 1 rps for 100 s: a miss every 10 s", ip(10), "GET", 90, 10},
		{"default ttl 300 s: one miss", nil, "GET", 99, 1},
		{"ttl 0 disables", ip(0), "GET", 0, 100},
		{"POST is not cached by default", ip(300), "POST", 0, 100},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			api := API{Name: "a", Stages: []Stage{{Name: "prod", CacheEnabled: true, CacheTTLS: tc.ttl}},
				Methods: []Method{{Method: tc.verb, Path: "/x", Integration: Integration{Type: IntegrationHTTP, LatencyMS: 0}}}}
			req := get("/x")
			req.Method = tc.verb
			r, err := Simulate(api, Traffic{Phases: []Phase{{Seconds: 100, RPS: 1}}, Template: req}, 1)
			if err != nil {
				t.Fatal(err)
			}
			if tc.ttl != nil && *tc.ttl == 10 && r.Counters.CacheHitRatio() != 0.9 {
				t.Errorf("hit ratio %v, want 0.9", r.Counters.CacheHitRatio())
			}
			if r.Counters.CacheHits != tc.hits || r.Counters.IntegrationCalls != tc.calls {
				t.Fatalf("hits %d calls %d, want %d and %d", r.Counters.CacheHits, r.Counters.IntegrationCalls, tc.hits, tc.calls)
			}
		})
	}
	// The cache key includes the chosen parameters: 10 ids at 1 rps hit less.
	api := API{Name: "a", Stages: []Stage{{Name: "prod", CacheEnabled: true, CacheKeyParams: []string{"query.id"}}},
		Methods: []Method{{Method: "GET", Path: "/x"}}}
	r, _ := Simulate(api, Traffic{Phases: []Phase{{Seconds: 100, RPS: 1}}, Template: get("/x"), DistinctIDs: 10}, 1)
	if r.Counters.IntegrationCalls != 10 {
		t.Fatalf("10 distinct ids: %d integration calls, want 10", r.Counters.IntegrationCalls)
	}
}

func TestTimeoutAndPayload(t *testing.T) {
	tests := []struct {
		name    string
		latency float64
		payload int
		status  int
		msg     string
	}{
		{"29,000 ms answers", 29_000, 0, 200, "OK"},
		{"29,001 ms times out", 29_001, 0, 504, "Endpoint request timed out"},
		{"10 MB accepted", 0, 10 * 1024 * 1024, 200, "OK"},
		{"10 MB + 1 refused", 0, 10*1024*1024 + 1, 413, "Request Entity Too Large"},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			g, _ := mustGateway(t, API{Name: "a", Stages: []Stage{{Name: "prod"}},
				Methods: []Method{{Method: "POST", Path: "/x", Integration: Integration{Type: IntegrationHTTP, LatencyMS: tc.latency}}}})
			req := get("/x")
			req.Method, req.PayloadBytes = "POST", tc.payload
			r := g.Handle(req)
			if r.Status != tc.status || r.Message != tc.msg {
				t.Fatalf("got %d %q", r.Status, r.Message)
			}
			if tc.status == 504 && r.LatencyMS != 29_000 {
				t.Fatalf("504 after %v ms, want 29,000", r.LatencyMS)
			}
		})
	}
}

type fakeLambda struct{ calls int }

func (f *fakeLambda) Invoke(time.Time, int) (time.Duration, int) {
	f.calls++
	if f.calls > 2 {
		return 10 * time.Millisecond, 429
	}
	return 120 * time.Millisecond, 200
}

func TestLambdaIntegration(t *testing.T) {
	fl := &fakeLambda{}
	g, _ := mustGateway(t, API{Name: "a", Stages: []Stage{{Name: "prod"}},
		Methods: []Method{{Method: "GET", Path: "/fn", Integration: Integration{Type: IntegrationLambda, Lambda: fl}}}})
	a, _, c := g.Handle(get("/fn")), g.Handle(get("/fn")), g.Handle(get("/fn"))
	if a.Status != 200 || a.LatencyMS != 120 || c.Status != 429 || fl.calls != 3 {
		t.Fatalf("a %+v c %+v calls %d", a, c, fl.calls)
	}
}

func TestValidate(t *testing.T) {
	base := func() API {
		return API{Name: "a", Stages: []Stage{{Name: "prod"}}, Methods: []Method{{Method: "GET", Path: "/x"}}}
	}
	tests := []struct {
		name string
		mod  func(*API)
		msg  string
	}{
		{"valid", func(*API) {}, ""},
		{"edge cert in us-east-1", func(a *API) { a.CustomDomain = &CustomDomain{Name: "api.example.com", CertificateRegion: "us-east-1"} }, ""},
		{"edge cert elsewhere", func(a *API) {
			a.Region = "eu-west-1"
			a.CustomDomain = &CustomDomain{Name: "api.example.com", CertificateRegion: "eu-west-1"}
		}, "must be an ACM certificate in us-east-1"},
		{"regional cert in API region", func(a *API) {
			a.EndpointType, a.Region = EndpointRegional, "eu-west-1"
			a.CustomDomain = &CustomDomain{Name: "api.example.com", CertificateRegion: "eu-west-1"}
		}, ""},
		{"regional cert in us-east-1", func(a *API) {
			a.EndpointType, a.Region = EndpointRegional, "eu-west-1"
			a.CustomDomain = &CustomDomain{Name: "api.example.com", CertificateRegion: "us-east-1"}
		}, "in the API's Region (eu-west-1)"},
		{"timeout 49 ms", func(a *API) { a.Methods[0].Integration.TimeoutMS = 49 }, "Timeout should be between 50 ms and 29000 ms"},
		{"edge timeout 35 s", func(a *API) { a.Methods[0].Integration.TimeoutMS = 35_000 }, "this API is edge-optimized"},
		{"regional 35 s without quota", func(a *API) {
			a.EndpointType = EndpointRegional
			a.Methods[0].Integration.TimeoutMS = 35_000
		}, "Service Quotas"},
		{"regional 35 s with raised quota", func(a *API) {
			a.EndpointType, a.MaxIntegrationTimeoutMS = EndpointRegional, 60_000
			a.Methods[0].Integration.TimeoutMS = 35_000
		}, ""},
		{"cache ttl 3601", func(a *API) { a.Stages[0].CacheTTLS = ip(3601) }, "between 0 and 3600 seconds"},
		{"authorizer ttl 3601", func(a *API) {
			a.Authorizers = []Authorizer{{Name: "x", Type: AuthToken, TTLS: ip(3601)}}
		}, "between 0 and 3600 seconds"},
		{"11 stages", func(a *API) {
			for i := range 10 {
				a.Stages = append(a.Stages, Stage{Name: "s" + string(rune('a'+i))})
			}
		}, "1 to 10 stages"},
		{"unknown authorizer", func(a *API) { a.Methods[0].Auth = "ghost" }, "does not exist"},
		{"bad quota period", func(a *API) {
			a.UsagePlans = []UsagePlan{{Name: "p", Stages: []string{"prod"}, Quota: &Quota{Limit: 1, Period: "YEAR"}}}
		}, "DAY, WEEK or MONTH"},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			a := base()
			tc.mod(&a)
			err := a.Validate(DefaultLimits())
			if tc.msg == "" {
				if err != nil {
					t.Fatal(err)
				}
				return
			}
			var ae *APIError
			if !errors.As(err, &ae) || ae.Type != BadRequest || !strings.Contains(ae.Message, tc.msg) {
				t.Fatalf("got %v, want BadRequestException containing %q", err, tc.msg)
			}
		})
	}
}

func TestQuickJSON(t *testing.T) {
	q, err := Quick(QuickOptions{RPS: 100, Seconds: 10, CacheTTL: 300, IntegrationMS: 35_000})
	if err != nil {
		t.Fatal(err)
	}
	if q.Requests != 1000 || q.Timeouts != 1000 || q.CacheHits != 0 {
		t.Fatalf("%+v", q)
	}
	b, _ := json.Marshal(q)
	for _, k := range []string{`"requests":`, `"ok":`, `"throttled":`, `"timeouts":`, `"cache_hits":`} {
		if !strings.Contains(string(b), k) {
			t.Fatalf("JSON %s lacks %s", b, k)
		}
	}
	q, _ = Quick(QuickOptions{RPS: 100, Seconds: 10, Rate: 50, Burst: 10})
	if q.Throttled < 400 || q.OK+q.Throttled != 1000 {
		t.Fatalf("stage throttle: %+v", q)
	}
}

func BenchmarkSimulate(b *testing.B) {
	b.ReportAllocs()
	api := API{Name: "a", Stages: []Stage{{Name: "prod", CacheEnabled: true}}, Methods: []Method{{Method: "GET", Path: "/x"}}}
	tr := Traffic{Phases: []Phase{{Seconds: 10, RPS: 12000}}, Template: get("/x")}
	tr.Template.Trace = false
	var n int64
	for b.Loop() {
		r, err := Simulate(api, tr, 1)
		if err != nil {
			b.Fatal(err)
		}
		n += r.Counters.Requests
	}
	b.ReportMetric(float64(n)/b.Elapsed().Seconds(), "requests/s")
}

func BenchmarkHandle(b *testing.B) {
	b.ReportAllocs()
	clk := clock.New(clock.Epoch)
	g, err := New(API{Name: "a", Stages: []Stage{{Name: "prod", CacheEnabled: true}},
		Authorizers: []Authorizer{{Name: "tok", Type: AuthToken, Decisions: map[string]string{"t": "allow"}}},
		Methods:     []Method{{Method: "GET", Path: "/x/{id}", Auth: "tok"}}}, clk, 1)
	if err != nil {
		b.Fatal(err)
	}
	req := Request{Stage: "prod", Method: "GET", Path: "/x/1", Headers: map[string]string{"Authorization": "t"}}
	for b.Loop() {
		clk.Advance(100 * time.Microsecond)
		g.Handle(req)
	}
}

func TestMatchPath(t *testing.T) {
	tests := []struct {
		pattern, path string
		want          bool
	}{
		{"/items", "/items", true},
		{"/items", "/items/", false},
		{"/items/{id}", "/items/42", true},
		{"/items/{id}", "/items/", false},
		{"/items/{id}", "/items/42/x", false},
		{"/a/{b}/c", "/a/1/c", true},
		{"/a/{b}/c", "/a/1/d", false},
		{"/", "/", true},
	}
	for _, tc := range tests {
		if got := matchPath(tc.pattern, tc.path); got != tc.want {
			t.Errorf("matchPath(%q, %q) = %v", tc.pattern, tc.path, got)
		}
	}
}
