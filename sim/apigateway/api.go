package apigateway

import (
	"fmt"
	"slices"
	"strings"
)

// Endpoint types.
const (
	EndpointEdge     = "EDGE"
	EndpointRegional = "REGIONAL"
	EndpointPrivate  = "PRIVATE"
)

// Integration types.
const (
	IntegrationMock   = "MOCK"
	IntegrationHTTP   = "HTTP"
	IntegrationLambda = "LAMBDA"
)

// Authorizer types. AWS_IAM and COGNITO_USER_POOLS are named on methods
// directly or through an Authorizer; TOKEN and REQUEST are Lambda authorizers.
const (
	AuthNone    = "NONE"
	AuthIAM     = "AWS_IAM"
	AuthCognito = "COGNITO_USER_POOLS"
	AuthToken   = "TOKEN"
	AuthRequest = "REQUEST"
)

// Throttle is a token bucket: Rate tokens a second, Burst tokens at most.
// A zero Rate means "not set at this level".
type Throttle struct {
	Rate  float64 `json:"rate,omitempty" yaml:"rate"`
	Burst int     `json:"burst,omitempty" yaml:"burst"`
}

// Quota caps requests per API key per period: DAY, WEEK or MONTH (UTC).
type Quota struct {
	Limit  int64  `json:"limit" yaml:"limit"`
	Period string `json:"period" yaml:"period"`
}

// SlowWindow makes an HTTP backend answer in LatencyMS between StartS and
// StartS+Seconds of the run (a degraded backend).
type SlowWindow struct {
	StartS    float64 `json:"start_s" yaml:"start_s"`
	Seconds   float64 `json:"seconds" yaml:"seconds"`
	LatencyMS float64 `json:"latency_ms" yaml:"latency_ms"`
}

// Integration is the backend a method calls.
type Integration struct {
	// Type is MOCK, HTTP or LAMBDA.
	Type string `json:"type" yaml:"type"`
	// TimeoutMS is 50..29,000 (default 29,000); higher only for Regional
	// and private APIs whose quota was raised.
	TimeoutMS int `json:"timeout_ms,omitempty" yaml:"timeout_ms"`
	// LatencyMS, JitterPct and Slow model an HTTP backend's answer time.
	LatencyMS float64      `json:"latency_ms,omitempty" yaml:"latency_ms"`
	JitterPct float64      `json:"jitter_pct,omitempty" yaml:"jitter_pct"`
	Slow      []SlowWindow `json:"slow,omitempty" yaml:"slow"`
	// Status and ResponseBytes describe the answer (default 200, 1 KB).
	Status        int `json:"status,omitempty" yaml:"status"`
	ResponseBytes int `json:"response_bytes,omitempty" yaml:"response_bytes"`
	// Lambda is the function behind a LAMBDA integration; nil answers like
	// an HTTP backend with LatencyMS.
	Lambda Invoker `json:"-" yaml:"-"`
}

// Method is one resource path and HTTP verb.
type Method struct {
	Method string `json:"method" yaml:"method"`
	// Path may hold {param} segments: /items/{id}.
	Path string `json:"path" yaml:"path"`
	// Auth is NONE, AWS_IAM, or the name of an Authorizer.
	Auth           string      `json:"auth,omitempty" yaml:"auth"`
	APIKeyRequired bool        `json:"api_key_required,omitempty" yaml:"api_key_required"`
	Integration    Integration `json:"integration" yaml:"integration"`
	// Caching overrides the default (only GET is cached) when set.
	Caching *bool `json:"caching,omitempty" yaml:"caching"`
}

// Key is how per-method settings are addressed: "GET /items/{id}".
func (m Method) Key() string { return strings.ToUpper(m.Method) + " " + m.Path }

// Authorizer is a Cognito user pool or Lambda authorizer.
type Authorizer struct {
	Name string `json:"name" yaml:"name"`
	// Type is COGNITO_USER_POOLS, TOKEN or REQUEST.
	Type string `json:"type" yaml:"type"`
	// IdentitySources are header names (TOKEN: one, default Authorization)
	// or header/query names for REQUEST ("query.user").
	IdentitySources []string `json:"identity_sources,omitempty" yaml:"identity_sources"`
	// TTLS is the result cache TTL (default 300, max 3,600, 0 disables).
	TTLS *int `json:"ttl_s,omitempty" yaml:"ttl_s"`
	// Decisions maps an identity to allow, deny or unauthorized; anything
	// else is unauthorized. For Cognito, "allow" marks a valid token.
	Decisions map[string]string `json:"decisions,omitempty" yaml:"decisions"`
	// LatencyMS is how long the authorizer Lambda runs.
	LatencyMS float64 `json:"latency_ms,omitempty" yaml:"latency_ms"`
}

// Stage is a deployment with its own throttles and cache.
type Stage struct {
	Name           string              `json:"name" yaml:"name"`
	Throttle       Throttle            `json:"throttle,omitempty" yaml:"throttle"`
	MethodThrottle map[string]Throttle `json:"method_throttle,omitempty" yaml:"method_throttle"`
	CacheEnabled   bool                `json:"cache_enabled,omitempty" yaml:"cache_enabled"`
	// CacheTTLS is the TTL when the cache is on (default 300, 0 disables).
	CacheTTLS *int `json:"cache_ttl_s,omitempty" yaml:"cache_ttl_s"`
	// CacheKeyParams are the request parameters that join method and path
	// in the cache key ("query.id", "header.Accept").
	CacheKeyParams []string `json:"cache_key_params,omitempty" yaml:"cache_key_params"`
}

// UsagePlan meters API keys on some stages.
type UsagePlan struct {
	Name           string              `json:"name" yaml:"name"`
	Stages         []string            `json:"stages" yaml:"stages"`
	Keys           []string            `json:"keys" yaml:"keys"`
	Throttle       Throttle            `json:"throttle,omitempty" yaml:"throttle"`
	MethodThrottle map[string]Throttle `json:"method_throttle,omitempty" yaml:"method_throttle"`
	Quota          *Quota              `json:"quota,omitempty" yaml:"quota"`
}

// CustomDomain is a custom domain name with its ACM certificate's Region.
type CustomDomain struct {
	Name              string `json:"name" yaml:"name"`
	CertificateRegion string `json:"certificate_region" yaml:"certificate_region"`
}

// API is a REST API and everything attached to it.
type API struct {
	Name   string `json:"name" yaml:"name"`
	Region string `json:"region,omitempty" yaml:"region"`
	// EndpointType is EDGE (default), REGIONAL or PRIVATE.
	EndpointType string `json:"endpoint_type,omitempty" yaml:"endpoint_type"`
	// MaxIntegrationTimeoutMS is the account's integration timeout quota
	// (default 29,000). Raising it applies to Regional and private APIs only.
	MaxIntegrationTimeoutMS int `json:"max_integration_timeout_ms,omitempty" yaml:"max_integration_timeout_ms"`
	// AccountThrottle defaults to 10,000 rps with a burst of 5,000.
	AccountThrottle Throttle      `json:"account_throttle,omitempty" yaml:"account_throttle"`
	CustomDomain    *CustomDomain `json:"custom_domain,omitempty" yaml:"custom_domain"`
	Stages          []Stage       `json:"stages" yaml:"stages"`
	Methods         []Method      `json:"methods" yaml:"methods"`
	Authorizers     []Authorizer  `json:"authorizers,omitempty" yaml:"authorizers"`
	UsagePlans      []UsagePlan   `json:"usage_plans,omitempty" yaml:"usage_plans"`
}

func badRequest(format string, args ...any) *APIError {
	return &APIError{Type: BadRequest, Message: fmt.Sprintf(format, args...)}
}

// WithDefaults fills zero fields with API Gateway's defaults.
func (a API) WithDefaults(l Limits) API {
	if a.Region == "" {
		a.Region = "us-east-1"
	}
	if a.EndpointType == "" {
		a.EndpointType = EndpointEdge
	}
	if a.MaxIntegrationTimeoutMS == 0 {
		a.MaxIntegrationTimeoutMS = l.TimeoutMaxMS
	}
	if a.AccountThrottle.Rate == 0 {
		a.AccountThrottle = Throttle{Rate: l.AccountRPS, Burst: l.AccountBurst}
	}
	a.Methods = slices.Clone(a.Methods)
	for i := range a.Methods {
		m := &a.Methods[i]
		m.Method = strings.ToUpper(m.Method)
		if m.Auth == "" {
			m.Auth = AuthNone
		}
		if m.Integration.Type == "" {
			m.Integration.Type = IntegrationMock
		}
		if m.Integration.TimeoutMS == 0 {
			m.Integration.TimeoutMS = l.TimeoutMaxMS
		}
		if m.Integration.Status == 0 {
			m.Integration.Status = 200
		}
		if m.Integration.ResponseBytes == 0 {
			m.Integration.ResponseBytes = 1024
		}
	}
	return a
}

func isVerb(v string) bool {
	switch v {
	case "GET", "POST", "PUT", "PATCH", "DELETE", "HEAD", "OPTIONS", "ANY":
		return true
	}
	return false
}

// Validate checks the API the way API Gateway's control plane does,
// returning a *APIError (BadRequestException) for the first problem.
func (a API) Validate(l Limits) error {
	a = a.WithDefaults(l)
	switch a.EndpointType {
	case EndpointEdge, EndpointRegional, EndpointPrivate:
	default:
		return badRequest("Invalid endpoint type %q: use EDGE, REGIONAL or PRIVATE.", a.EndpointType)
	}
	if err := a.validateDomain(l); err != nil {
		return err
	}
	if len(a.Stages) == 0 || len(a.Stages) > l.MaxStages {
		return badRequest("An API needs 1 to %d stages; this one has %d.", l.MaxStages, len(a.Stages))
	}
	if err := checkThrottle("account", a.AccountThrottle); err != nil {
		return err
	}
	seen := map[string]bool{}
	for _, s := range a.Stages {
		if s.Name == "" || seen[s.Name] {
			return badRequest("Stage names must be set and unique; %q is not.", s.Name)
		}
		seen[s.Name] = true
		if s.CacheTTLS != nil && (*s.CacheTTLS < 0 || *s.CacheTTLS > l.CacheTTLMaxS) {
			return badRequest("Cache TTL %d s on stage %s is not valid: it must be between 0 and %d seconds.", *s.CacheTTLS, s.Name, l.CacheTTLMaxS)
		}
		if err := checkThrottle("stage "+s.Name, s.Throttle); err != nil {
			return err
		}
		for k, t := range s.MethodThrottle {
			if err := checkThrottle("stage "+s.Name+" method "+k, t); err != nil {
				return err
			}
		}
	}
	auths := map[string]Authorizer{}
	for _, au := range a.Authorizers {
		if au.Name == "" || auths[au.Name].Name != "" || au.Name == AuthNone || au.Name == AuthIAM {
			return badRequest("Authorizer names must be set, unique and not NONE or AWS_IAM; %q is not.", au.Name)
		}
		switch au.Type {
		case AuthCognito, AuthToken, AuthRequest:
		default:
			return badRequest("Authorizer %s has type %q: use COGNITO_USER_POOLS, TOKEN or REQUEST.", au.Name, au.Type)
		}
		if au.TTLS != nil && (*au.TTLS < 0 || *au.TTLS > l.AuthorizerTTLMaxS) {
			return badRequest("Authorizer %s result TTL %d s is not valid: it must be between 0 and %d seconds.", au.Name, *au.TTLS, l.AuthorizerTTLMaxS)
		}
		if au.Type == AuthRequest && len(au.IdentitySources) == 0 {
			return badRequest("REQUEST authorizer %s needs at least one identity source.", au.Name)
		}
		auths[au.Name] = au
	}
	keys := map[string]bool{}
	for _, m := range a.Methods {
		if !isVerb(m.Method) {
			return badRequest("Invalid HTTP method %q.", m.Method)
		}
		if !strings.HasPrefix(m.Path, "/") {
			return badRequest("Resource path %q must start with /.", m.Path)
		}
		if keys[m.Key()] {
			return badRequest("Method %s is defined twice.", m.Key())
		}
		keys[m.Key()] = true
		if m.Auth != AuthNone && m.Auth != AuthIAM && auths[m.Auth].Name == "" {
			return badRequest("Method %s names authorizer %q, which does not exist.", m.Key(), m.Auth)
		}
		if err := a.validateIntegration(m, l); err != nil {
			return err
		}
	}
	for _, p := range a.UsagePlans {
		for _, s := range p.Stages {
			if !seen[s] {
				return badRequest("Usage plan %s names stage %q, which does not exist.", p.Name, s)
			}
		}
		if err := checkThrottle("usage plan "+p.Name, p.Throttle); err != nil {
			return err
		}
		if q := p.Quota; q != nil {
			if q.Limit < 0 || (q.Period != "DAY" && q.Period != "WEEK" && q.Period != "MONTH") {
				return badRequest("Usage plan %s quota must have a limit ≥ 0 and a period of DAY, WEEK or MONTH.", p.Name)
			}
		}
	}
	return nil
}

func checkThrottle(where string, t Throttle) error {
	if t.Rate < 0 || t.Burst < 0 || t.Rate != t.Rate {
		return badRequest("Throttle for %s must have a rate and burst of 0 or more.", where)
	}
	return nil
}

func (a API) validateIntegration(m Method, l Limits) error {
	in := m.Integration
	switch in.Type {
	case IntegrationMock, IntegrationHTTP, IntegrationLambda:
	default:
		return badRequest("Integration type %q on %s is not valid: use MOCK, HTTP or LAMBDA.", in.Type, m.Key())
	}
	t := in.TimeoutMS
	if t < l.TimeoutMinMS {
		return badRequest("Timeout should be between %d ms and %d ms; %s has %d ms.", l.TimeoutMinMS, a.MaxIntegrationTimeoutMS, m.Key(), t)
	}
	if t > l.TimeoutMaxMS {
		if a.EndpointType == EndpointEdge {
			return badRequest("Integration timeout %d ms on %s is over %d ms: only Regional and private APIs can raise it; this API is edge-optimized.",
				t, m.Key(), l.TimeoutMaxMS)
		}
		if t > a.MaxIntegrationTimeoutMS {
			return badRequest("Integration timeout %d ms on %s is over the account quota of %d ms: request an increase in Service Quotas first.",
				t, m.Key(), a.MaxIntegrationTimeoutMS)
		}
	}
	if in.LatencyMS < 0 || in.JitterPct < 0 || in.JitterPct > 100 || in.ResponseBytes < 0 || in.Status < 100 || in.Status > 599 {
		return badRequest("Integration on %s has a negative latency or size, or a status outside 100..599.", m.Key())
	}
	return nil
}

func (a API) validateDomain(l Limits) error {
	d := a.CustomDomain
	if d == nil {
		return nil
	}
	if d.Name == "" || d.CertificateRegion == "" {
		return badRequest("A custom domain needs a name and an ACM certificate.")
	}
	switch a.EndpointType {
	case EndpointEdge:
		if d.CertificateRegion != l.EdgeCertRegion {
			return badRequest("The certificate for edge-optimized custom domain %s must be an ACM certificate in %s (N. Virginia), because the domain is served through CloudFront; this one is in %s.",
				d.Name, l.EdgeCertRegion, d.CertificateRegion)
		}
	default:
		if d.CertificateRegion != a.Region {
			return badRequest("The certificate for %s custom domain %s must be an ACM certificate in the API's Region (%s); this one is in %s.",
				strings.ToLower(a.EndpointType), d.Name, a.Region, d.CertificateRegion)
		}
	}
	return nil
}
