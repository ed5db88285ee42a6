package apigateway

// QuickOptions is the flat form the CLI fills from flags: GET /items on
// stage prod with an HTTP backend. Rate and Burst set a stage throttle when
// Rate > 0 (the account's 10,000/5,000 always applies). CacheTTL > 0 turns
// the stage cache on with that TTL.
type QuickOptions struct {
	RPS           float64 `json:"rps"`
	Seconds       float64 `json:"seconds"`
	Rate          float64 `json:"rate"`
	Burst         int     `json:"burst"`
	CacheTTL      int     `json:"cache_ttl"`
	IntegrationMS float64 `json:"integration_ms"`
	Seed          uint64  `json:"seed"`
}

// QuickResult is the CLI's JSON answer.
type QuickResult struct {
	Requests      int64  `json:"requests"`
	OK            int64  `json:"ok"`
	Throttled     int64  `json:"throttled"`
	Timeouts      int64  `json:"timeouts"`
	CacheHits     int64  `json:"cache_hits"`
	QuotaExceeded int64  `json:"quota_exceeded"`
	Explanation   string `json:"explanation"`
	Steps         []Step `json:"steps"`
	// ExplanationKo is Explanation in Korean.
	ExplanationKo string `json:"-"`
}

// QuickAPI is the API Quick simulates, for the UI to show.
func QuickAPI(q QuickOptions) API {
	st := Stage{Name: "prod", Throttle: Throttle{Rate: q.Rate, Burst: q.Burst}}
	if q.CacheTTL > 0 {
		ttl := q.CacheTTL
		st.CacheEnabled, st.CacheTTLS = true, &ttl
	}
	return API{Name: "quick", Stages: []Stage{st}, Methods: []Method{{Method: "GET", Path: "/items",
		Integration: Integration{Type: IntegrationHTTP, LatencyMS: q.IntegrationMS}}}}
}

// Quick runs a steady load through QuickAPI.
func Quick(q QuickOptions) (QuickResult, error) {
	if q.Seconds == 0 {
		q.Seconds = 10
	}
	r, err := Simulate(QuickAPI(q), Traffic{Phases: []Phase{{Seconds: q.Seconds, RPS: q.RPS}},
		Template: Request{Stage: "prod", Method: "GET", Path: "/items"}}, q.Seed)
	if err != nil {
		return QuickResult{}, err
	}
	c := r.Counters
	return QuickResult{Requests: c.Requests, OK: c.OK, Throttled: c.Throttled, Timeouts: c.Timeouts, CacheHits: c.CacheHits,
		QuotaExceeded: c.QuotaExceeded, Explanation: withFact(r.Explanation, r.Fact), Steps: r.Sample.Steps,
		ExplanationKo: withFact(r.ExplanationKo, r.Fact)}, nil
}

func withFact(text, fact string) string {
	if fact == "" {
		return text
	}
	return text + " [" + fact + "]"
}
