package edge

import (
	"fmt"
	"math"
	"strconv"
)

// Trigger is a CloudFront event type a function can be attached to.
type Trigger string

// The four request/response trigger points, plus the connection request
// that CloudFront Functions get for mutual-TLS connections.
const (
	ViewerRequest     Trigger = "viewer-request"
	OriginRequest     Trigger = "origin-request"
	OriginResponse    Trigger = "origin-response"
	ViewerResponse    Trigger = "viewer-response"
	ConnectionRequest Trigger = "connection-request"
)

// Triggers lists every trigger in the order a request meets them.
func Triggers() []Trigger {
	return []Trigger{ConnectionRequest, ViewerRequest, OriginRequest, OriginResponse, ViewerResponse}
}

// IsOrigin reports whether the trigger sits between the cache and the
// origin, so that it runs only on a cache miss.
func (t Trigger) IsOrigin() bool { return t == OriginRequest || t == OriginResponse }

func (t Trigger) valid() bool {
	switch t {
	case ConnectionRequest, ViewerRequest, OriginRequest, OriginResponse, ViewerResponse:
		return true
	}
	return false
}

// Kind is the edge runtime: CloudFront Functions or Lambda@Edge.
type Kind string

// The two edge runtimes.
const (
	CFF Kind = "cff"
	LAE Kind = "lae"
)

// Label is the product name, for messages.
func (k Kind) Label() string {
	if k == CFF {
		return "CloudFront Functions"
	}
	return "Lambda@Edge"
}

// Action is the declarative behaviour a learner picks for a function.
type Action string

// The behaviours on offer.
const (
	AddHeader       Action = "add-header"        // set a header on the request or response
	RewriteURI      Action = "rewrite-uri"       // normalise the path (may collapse cache keys)
	RedirectCountry Action = "redirect-country"  // 302 for viewers from some countries
	CheckJWT        Action = "check-jwt"         // 401 when the token is bad
	ABCookie        Action = "ab-cookie"         // put viewers in variants, part of the cache key
	PickOrigin      Action = "pick-origin"       // choose the origin per request
	ReadBody        Action = "read-body"         // inspect the request body
	CallAPI         Action = "call-api"          // make a network call
	CheckClientCert Action = "check-client-cert" // mTLS: vet the client certificate
)

type actionInfo struct {
	triggers []Trigger // where the behaviour makes sense
	body     bool      // needs the request body
	network  bool      // needs network access
	status   int       // status of a response the function generates itself
}

var actions = map[Action]actionInfo{
	AddHeader:       {triggers: []Trigger{ViewerRequest, OriginRequest, OriginResponse, ViewerResponse}},
	RewriteURI:      {triggers: []Trigger{ViewerRequest, OriginRequest}},
	RedirectCountry: {triggers: []Trigger{ViewerRequest, OriginRequest}, status: 302},
	CheckJWT:        {triggers: []Trigger{ViewerRequest}, status: 401},
	ABCookie:        {triggers: []Trigger{ViewerRequest}},
	PickOrigin:      {triggers: []Trigger{OriginRequest}},
	ReadBody:        {triggers: []Trigger{ViewerRequest, OriginRequest}, body: true},
	CallAPI:         {triggers: []Trigger{ViewerRequest, OriginRequest, OriginResponse, ViewerResponse}, network: true},
	CheckClientCert: {triggers: []Trigger{ConnectionRequest}, status: 403},
}

// Actions lists the behaviours in a stable order, for menus.
func Actions() []Action {
	return []Action{AddHeader, RewriteURI, RedirectCountry, CheckJWT, ABCookie, PickOrigin, ReadBody, CallAPI, CheckClientCert}
}

// Function is one edge function: what it does and how it is configured.
type Function struct {
	Name       string  `json:"name" yaml:"name"`
	Kind       Kind    `json:"kind" yaml:"kind"`
	Action     Action  `json:"action" yaml:"action"`
	DurationMs float64 `json:"duration_ms" yaml:"duration_ms"`
	// MemoryMB is what the function uses (CloudFront Functions) or is
	// configured with (Lambda@Edge; 0 means 128).
	MemoryMB  float64 `json:"memory_mb" yaml:"memory_mb"`
	PackageKB float64 `json:"package_kb" yaml:"package_kb"`

	// Lambda@Edge settings. Empty Region means us-east-1, empty Version "1",
	// zero TimeoutS Lambda's default 3 s.
	Region                 string  `json:"region,omitempty" yaml:"region"`
	Version                string  `json:"version,omitempty" yaml:"version"`
	TimeoutS               float64 `json:"timeout_s,omitempty" yaml:"timeout_s"`
	VPC                    bool    `json:"vpc,omitempty" yaml:"vpc"`
	EnvVars                bool    `json:"env_vars,omitempty" yaml:"env_vars"`
	Layers                 bool    `json:"layers,omitempty" yaml:"layers"`
	ProvisionedConcurrency bool    `json:"provisioned_concurrency,omitempty" yaml:"provisioned_concurrency"`

	// Fraction is the share of requests the function answers itself
	// (401 for check-jwt, 302 for redirect-country, 403 for check-client-cert).
	Fraction float64 `json:"fraction,omitempty" yaml:"fraction"`
	// ExtraMs is the latency of the network call of call-api.
	ExtraMs float64 `json:"extra_ms,omitempty" yaml:"extra_ms"`
	// Variants is the number of A/B groups of ab-cookie (default 2).
	Variants int `json:"variants,omitempty" yaml:"variants"`
	// CollapseTo makes rewrite-uri fold keys onto this many canonical paths.
	CollapseTo int `json:"collapse_to,omitempty" yaml:"collapse_to"`
}

// Association attaches a function to a trigger of the cache behaviour.
type Association struct {
	Trigger     Trigger  `json:"trigger" yaml:"trigger"`
	IncludeBody bool     `json:"include_body,omitempty" yaml:"include_body"`
	Function    Function `json:"function" yaml:"function"`
}

// Origin is where misses go, with a latency model: LatencyMs ± JitterPct.
type Origin struct {
	Name      string  `json:"name" yaml:"name"`
	LatencyMs float64 `json:"latency_ms" yaml:"latency_ms"`
	JitterPct float64 `json:"jitter_pct" yaml:"jitter_pct"`
}

// Distribution is one CloudFront distribution with a single cache behaviour.
type Distribution struct {
	// TTLSeconds is the cache TTL of the behaviour; 0 disables caching.
	TTLSeconds float64 `json:"ttl_seconds" yaml:"ttl_seconds"`
	// EdgeLatencyMs is the viewer-to-edge round trip added to every request.
	EdgeLatencyMs float64 `json:"edge_latency_ms" yaml:"edge_latency_ms"`
	// MTLS enables viewer mutual TLS, which a connection-request function needs.
	MTLS bool `json:"mtls,omitempty" yaml:"mtls"`
	// RequestsPerConnection is how many requests share one viewer connection
	// (default 10); connection-request functions run once per connection.
	RequestsPerConnection int           `json:"requests_per_connection,omitempty" yaml:"requests_per_connection"`
	Origins               []Origin      `json:"origins" yaml:"origins"`
	Associations          []Association `json:"associations" yaml:"associations"`
}

// withDefaults fills the zero values a learner may leave out.
func (f Function) withDefaults() Function {
	if f.Kind == LAE {
		if f.Region == "" {
			f.Region = "us-east-1"
		}
		if f.Version == "" {
			f.Version = "1"
		}
		if f.TimeoutS == 0 {
			f.TimeoutS = 3
		}
		if f.MemoryMB == 0 {
			f.MemoryMB = 128
		}
	}
	if f.Action == ABCookie && f.Variants == 0 {
		f.Variants = 2
	}
	return f
}

func (f Function) arn() string {
	region := f.Region
	if region == "" {
		region = "us-east-1"
	}
	return fmt.Sprintf("arn:aws:lambda:%s:123456789012:function:%s:%s", region, f.Name, f.Version)
}

// Validate checks the whole distribution and returns the first refusal, an
// *Error wrapped with the function and trigger it concerns.
func (d Distribution) Validate(lim Limits) error {
	if bad(d.TTLSeconds) || d.TTLSeconds > 1e9 || bad(d.EdgeLatencyMs) || d.RequestsPerConnection < 0 {
		return newErr(ErrInvalidArgument, "", "ttl_seconds, edge_latency_ms and requests_per_connection must be finite and not negative")
	}
	if len(d.Origins) == 0 {
		return newErr(ErrInvalidArgument, "", "the distribution needs at least one origin")
	}
	for _, o := range d.Origins {
		if bad(o.LatencyMs) || !(o.JitterPct >= 0 && o.JitterPct <= 100) {
			return newErr(ErrInvalidArgument, "", "origin %q: latency_ms must be >= 0 and jitter_pct 0-100", o.Name)
		}
	}
	seen := map[Trigger]string{}
	for _, a := range d.Associations {
		if prev, dup := seen[a.Trigger]; dup {
			return within(newErr(ErrInvalidArgument, "", "%s already has function %q; a cache behaviour takes one function per event type", a.Trigger, prev),
				"function %q on %s: ", a.Function.Name, a.Trigger)
		}
		seen[a.Trigger] = a.Function.Name
		if err := CheckAssociation(a, d.MTLS, lim); err != nil {
			return within(err, "function %q on %s: ", a.Function.Name, a.Trigger)
		}
	}
	return nil
}

// CheckAssociation applies the attachment rules of CloudFront to one
// association and returns an *Error naming the rule it breaks, or nil.
// Messages marked (AWS) in the package report are CloudFront's own wording.
func CheckAssociation(a Association, mtls bool, lim Limits) error {
	f := a.Function.withDefaults()
	if !a.Trigger.valid() {
		return newErr(ErrInvalidArgument, "", "unknown event type %q (want viewer-request, origin-request, origin-response, viewer-response or connection-request)", a.Trigger)
	}
	info, ok := actions[f.Action]
	if !ok {
		return newErr(ErrInvalidArgument, "", "unknown behaviour %q", f.Action)
	}
	if bad(f.DurationMs) || bad(f.MemoryMB) || bad(f.PackageKB) || !(f.Fraction >= 0 && f.Fraction <= 1) || bad(f.ExtraMs) || f.Variants < 0 || f.Variants > 64 || f.CollapseTo < 0 || bad(f.TimeoutS) {
		return newErr(ErrInvalidArgument, "", "durations, sizes and counts must be finite and not negative, fraction 0-1, variants at most 64")
	}
	switch f.Kind {
	case CFF:
		return checkCFF(a, f, info, mtls, lim)
	case LAE:
		return checkLAE(a, f, info, lim)
	}
	return newErr(ErrInvalidArgument, "", "unknown function kind %q (want cff or lae)", f.Kind)
}

// bad reports a value that is negative, NaN or infinite.
func bad(x float64) bool { return !(x >= 0) || math.IsInf(x, 0) }

func allowed(info actionInfo, t Trigger) bool {
	for _, x := range info.triggers {
		if x == t {
			return true
		}
	}
	return false
}

func checkCFF(a Association, f Function, info actionInfo, mtls bool, lim Limits) error {
	if a.Trigger.IsOrigin() {
		return newErr(ErrInvalidFunctionAssoc, "cff.events",
			"CloudFront Functions run only on viewer-request and viewer-response (and connection-request for mTLS), not on %s; use Lambda@Edge for origin triggers", a.Trigger)
	}
	if a.Trigger == ConnectionRequest && !mtls {
		return newErr(ErrInvalidFunctionAssoc, "cff.events", "a connection-request function needs viewer mutual TLS enabled on the distribution")
	}
	if info.body {
		return newErr(ErrInvalidFunctionAssoc, "cff.access", "behaviour %s reads the request body, which CloudFront Functions cannot access; use Lambda@Edge with include_body", f.Action)
	}
	if info.network {
		return newErr(ErrInvalidFunctionAssoc, "cff.access", "behaviour %s makes a network call, which CloudFront Functions cannot do; use Lambda@Edge", f.Action)
	}
	if !allowed(info, a.Trigger) {
		return wrongTrigger(f, info, a.Trigger)
	}
	if f.PackageKB > lim.CFFPackageKB {
		return newErr(ErrFunctionSize, "cff.package", "the function code is %g KB; CloudFront Functions allow %g KB", f.PackageKB, lim.CFFPackageKB)
	}
	if f.MemoryMB > lim.CFFMemoryMB {
		return newErr(ErrInvalidFunctionAssoc, "cff.memory", "the function needs %g MB; CloudFront Functions have %g MB", f.MemoryMB, lim.CFFMemoryMB)
	}
	if f.DurationMs >= lim.CFFMaxDurationMs {
		return newErr(ErrInvalidFunctionAssoc, "cff.duration", "the function runs %g ms; CloudFront Functions must finish in under %g ms (compute utilization over 100)", f.DurationMs, lim.CFFMaxDurationMs)
	}
	return nil
}

func wrongTrigger(f Function, info actionInfo, t Trigger) error {
	return newErr(ErrInvalidArgument, "", "behaviour %s cannot run on %s (it can run on %v)", f.Action, t, info.triggers)
}

func checkLAE(a Association, f Function, info actionInfo, lim Limits) error {
	if a.Trigger == ConnectionRequest {
		return newErr(ErrInvalidLambdaAssociation, "lae.events", "Lambda@Edge has no connection-request event; only CloudFront Functions do")
	}
	if !allowed(info, a.Trigger) {
		return wrongTrigger(f, info, a.Trigger)
	}
	if f.Region != lim.LAERegion {
		return newErr(ErrInvalidLambdaAssociation, "lae.region", "The function must be in region '%s'. Function: %s", lim.LAERegion, f.arn())
	}
	if _, err := strconv.ParseUint(f.Version, 10, 32); err != nil || f.Version == "0" {
		return newErr(ErrInvalidLambdaAssociation, "lae.region", "The function ARN must reference a specific function version. (The ARN must end with the version number.) ARN: %s", f.arn())
	}
	switch {
	case f.VPC:
		return newErr(ErrInvalidLambdaAssociation, "lae.unsupported", "The function cannot be configured with VPC access. Function: %s", f.arn())
	case f.EnvVars:
		return newErr(ErrInvalidLambdaAssociation, "lae.unsupported", "The function cannot have environment variables. Function: %s", f.arn())
	case f.Layers:
		return newErr(ErrInvalidLambdaAssociation, "lae.unsupported", "The function cannot use layers. Function: %s", f.arn())
	case f.ProvisionedConcurrency:
		return newErr(ErrInvalidLambdaAssociation, "lae.unsupported", "The function cannot use provisioned concurrency. Function: %s", f.arn())
	}
	maxT, maxM, maxP, tFact := lim.LAEViewerTimeoutS, lim.LAEViewerMemoryMB, lim.LAEViewerPackageMB, "lae.timeout.viewer"
	if a.Trigger.IsOrigin() {
		maxT, maxM, maxP, tFact = lim.LAEOriginTimeoutS, lim.LAEOriginMemoryMB, lim.LAEOriginPackageMB, "lae.timeout.origin"
	}
	if f.TimeoutS > maxT {
		return newErr(ErrInvalidLambdaAssociation, tFact, "The function timeout is larger than the maximum allowed for functions that are triggered by a CloudFront event: %g Max allowed: %g Function: %s", f.TimeoutS, maxT, f.arn())
	}
	if f.MemoryMB > maxM {
		return newErr(ErrInvalidLambdaAssociation, "lae.memory", "The function memory size is larger than the maximum allowed for functions that are triggered by a CloudFront %s event: %g Max allowed: %g Function: %s", a.Trigger, f.MemoryMB, maxM, f.arn())
	}
	if f.PackageKB > maxP*1024 {
		return newErr(ErrInvalidLambdaAssociation, "lae.package", "The function code size is larger than the maximum allowed for a %s trigger: %g KB Max allowed: %g MB Function: %s", a.Trigger, f.PackageKB, maxP, f.arn())
	}
	if info.body && !a.IncludeBody {
		return newErr(ErrInvalidArgument, "lae.events", "behaviour %s reads the body: set include_body on the association", f.Action)
	}
	return nil
}
