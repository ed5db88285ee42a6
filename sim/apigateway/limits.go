// Package apigateway simulates an Amazon API Gateway REST API: stages,
// methods, integrations, token-bucket throttling at every level, usage plans
// with API keys and quotas, the stage cache, authorizers and timeouts. Each
// request's path through the pipeline is recorded step by step. The engine
// is pure: time comes from an injected clock and randomness from a seed.
package apigateway

// Limits holds the numbers the simulator enforces. Defaults equal the facts
// file; each field names its fact id. Fields marked "not in facts" cite
// their source.
type Limits struct {
	// AccountRPS is apigw.throttle.account.
	AccountRPS float64
	// AccountBurst is apigw.throttle.burst.
	AccountBurst int
	// TimeoutMinMS is the lower end of apigw.timeout.rest (50 ms).
	TimeoutMinMS int
	// TimeoutMaxMS is the default upper end of apigw.timeout.rest (29 s).
	TimeoutMaxMS int
	// PayloadMaxBytes is apigw.payload (10 MB).
	PayloadMaxBytes int
	// CacheTTLDefaultS is the default of apigw.cache.ttl.
	CacheTTLDefaultS int
	// CacheTTLMaxS is the maximum of apigw.cache.ttl.
	CacheTTLMaxS int
	// CacheItemMaxBytes is apigw.cache.item_max.
	CacheItemMaxBytes int
	// MaxStages is apigw.stages.
	MaxStages int
	// EdgeCertRegion is where apigw.acm says an edge-optimized domain's
	// certificate must live.
	EdgeCertRegion string
	// AuthorizerTTLDefaultS is the Lambda authorizer result cache default
	// (not in facts; sim-semantics §2.3, apigateway-use-lambda-authorizer.html).
	AuthorizerTTLDefaultS int
	// AuthorizerTTLMaxS is its maximum (same source).
	AuthorizerTTLMaxS int
}

// DefaultLimits returns the documented defaults.
func DefaultLimits() Limits {
	return Limits{
		AccountRPS:            10_000,
		AccountBurst:          5_000,
		TimeoutMinMS:          50,
		TimeoutMaxMS:          29_000,
		PayloadMaxBytes:       10 * 1024 * 1024,
		CacheTTLDefaultS:      300,
		CacheTTLMaxS:          3600,
		CacheItemMaxBytes:     1_048_576,
		MaxStages:             10,
		EdgeCertRegion:        "us-east-1",
		AuthorizerTTLDefaultS: 300,
		AuthorizerTTLMaxS:     3600,
	}
}

// APIError is an error shaped like an AWS API error.
type APIError struct {
	Type    string `json:"type"`
	Message string `json:"message"`
}

// Error implements error as "Type: Message".
func (e *APIError) Error() string { return e.Type + ": " + e.Message }

// BadRequest is the exception API Gateway's control plane uses for invalid
// settings.
const BadRequest = "BadRequestException"

// Facts maps each fact id these limits come from to its value, in the unit
// the facts table uses (apigw.timeout.rest in seconds, apigw.payload in MB,
// apigw.cache.ttl as its default), so a test can compare them.
func (l Limits) Facts() map[string]float64 {
	return map[string]float64{
		"apigw.throttle.account":  l.AccountRPS,
		"apigw.throttle.burst":    float64(l.AccountBurst),
		"apigw.timeout.rest_max":  float64(l.TimeoutMaxMS) / 1000,
		"apigw.timeout.rest_min":  float64(l.TimeoutMinMS),
		"apigw.payload":           float64(l.PayloadMaxBytes) / (1024 * 1024),
		"apigw.cache.ttl_default": float64(l.CacheTTLDefaultS),
		"apigw.cache.ttl_max":     float64(l.CacheTTLMaxS),
		"apigw.cache.item_max":    float64(l.CacheItemMaxBytes),
		"apigw.stages":            float64(l.MaxStages),
	}
}
