// Package edge simulates a CloudFront distribution with a cache, an origin
// and the edge-function trigger points, so a learner can see which
// functions run on which requests and what they cost.
//
// The functions are declarative behaviours (add a header, rewrite a URI,
// check a JWT...) rather than code: the engine knows what each needs
// (network, body, an origin-side trigger) and refuses an attachment the way
// CloudFront would. Everything is deterministic for a given seed.
package edge

import (
	"errors"
	"fmt"

	"github.com/saa-study/saa-study/sim/say"
)

// Limits holds the numbers the engine enforces. Each field names the fact
// id of the content facts file it comes from, so a test can prove they agree.
type Limits struct {
	// CFFMaxDurationMs: CloudFront Functions run in under a millisecond.
	// fact: cff.duration
	CFFMaxDurationMs float64 `json:"cff_max_duration_ms"`
	// CFFMemoryMB: memory available to a CloudFront Function.
	// fact: cff.memory
	CFFMemoryMB float64 `json:"cff_memory_mb"`
	// CFFPackageKB: code plus libraries of a CloudFront Function.
	// fact: cff.package
	CFFPackageKB float64 `json:"cff_package_kb"`
	// LAEViewerTimeoutS: Lambda@Edge timeout on viewer triggers.
	// fact: lae.timeout.viewer
	LAEViewerTimeoutS float64 `json:"lae_viewer_timeout_s"`
	// LAEOriginTimeoutS: Lambda@Edge timeout on origin triggers.
	// fact: lae.timeout.origin
	LAEOriginTimeoutS float64 `json:"lae_origin_timeout_s"`
	// LAEViewerMemoryMB: Lambda@Edge memory on viewer triggers.
	// fact: lae.memory.viewer
	LAEViewerMemoryMB float64 `json:"lae_viewer_memory_mb"`
	// LAEOriginMemoryMB: Lambda@Edge memory ceiling on origin triggers.
	// fact: lae.memory.origin
	LAEOriginMemoryMB float64 `json:"lae_origin_memory_mb"`
	// LAEViewerPackageMB: Lambda@Edge package size on viewer triggers.
	// fact: lae.package.viewer
	LAEViewerPackageMB float64 `json:"lae_viewer_package_mb"`
	// LAEOriginPackageMB: Lambda@Edge package size on origin triggers.
	// fact: lae.package.origin
	LAEOriginPackageMB float64 `json:"lae_origin_package_mb"`
	// LAERegion: the only Region a Lambda@Edge function may be authored in.
	// fact: lae.region
	LAERegion string `json:"lae_region"`
	// LAETriggers: how many trigger points Lambda@Edge can use.
	// fact: lae.events
	LAETriggers int `json:"lae_triggers"`
}

// DefaultLimits returns the documented limits.
func DefaultLimits() Limits {
	return Limits{
		CFFMaxDurationMs:   1,
		CFFMemoryMB:        2,
		CFFPackageKB:       10,
		LAEViewerTimeoutS:  5,
		LAEOriginTimeoutS:  30,
		LAEViewerMemoryMB:  128,
		LAEOriginMemoryMB:  10240,
		LAEViewerPackageMB: 1,
		LAEOriginPackageMB: 50,
		LAERegion:          "us-east-1",
		LAETriggers:        4,
	}
}

// Facts maps the numeric limits to the fact ids of the content facts file
// (in the facts' units), so a test can prove the engine teaches the same
// numbers as the notes.
func (l Limits) Facts() map[string]float64 {
	return map[string]float64{
		"cff.memory":         l.CFFMemoryMB,
		"cff.package":        l.CFFPackageKB,
		"lae.timeout.viewer": l.LAETimeoutViewer(),
		"lae.timeout.origin": l.LAEOriginTimeoutS,
		"lae.memory.viewer":  l.LAEViewerMemoryMB,
		"lae.memory.origin":  l.LAEOriginMemoryMB,
		"lae.package.viewer": l.LAEViewerPackageMB,
		"lae.package.origin": l.LAEOriginPackageMB,
		"lae.events":         float64(l.LAETriggers),
	}
}

// LAETimeoutViewer is the viewer-trigger timeout in seconds.
func (l Limits) LAETimeoutViewer() float64 { return l.LAEViewerTimeoutS }

// Prices holds the us-east-1 list prices the cost lines use. They are not in
// the facts file yet; the report of this package names their sources.
type Prices struct {
	// CFFPerMillion is the CloudFront Functions price per 1M invocations.
	CFFPerMillion float64 `json:"cff_per_million"`
	// LAEPerMillion is the Lambda@Edge price per 1M requests.
	LAEPerMillion float64 `json:"lae_per_million"`
	// LAEPerGBSecond is the Lambda@Edge duration price per GB-second.
	LAEPerGBSecond float64 `json:"lae_per_gb_second"`
	// LAEBillingMs is the duration rounding step (1 ms since April 2021).
	LAEBillingMs float64 `json:"lae_billing_ms"`
}

// DefaultPrices returns the list prices (free tiers ignored: a run is a
// sample, not a month).
func DefaultPrices() Prices {
	return Prices{CFFPerMillion: 0.10, LAEPerMillion: 0.60, LAEPerGBSecond: 0.00005001, LAEBillingMs: 1}
}

// Exception names CloudFront returns. InvalidLambdaFunctionAssociation,
// InvalidFunctionAssociation, FunctionSizeLimitExceeded and InvalidArgument
// are real CloudFront API error codes.
const (
	ErrInvalidLambdaAssociation = "InvalidLambdaFunctionAssociation"
	ErrInvalidFunctionAssoc     = "InvalidFunctionAssociation"
	ErrFunctionSize             = "FunctionSizeLimitExceeded"
	ErrInvalidArgument          = "InvalidArgument"
)

// Error is an AWS-shaped error: the exception name, a message, and the fact
// id of the rule that refused the input (empty for plain input mistakes).
type Error struct {
	Code    string `json:"code"`
	Message string `json:"message"`
	Fact    string `json:"fact,omitempty"`
	// MessageKo is the message in Korean, where the rule has one.
	MessageKo string `json:"-"`
}

// Error formats the error as "Code: message".
func (e *Error) Error() string { return e.Code + ": " + e.Message }

// In formats the error as "Code: message" in lang ("en" or "ko").
func (e *Error) In(lang string) string {
	if lang == "ko" && e.MessageKo != "" {
		return e.Code + ": " + e.MessageKo
	}
	return e.Error()
}

// within puts where a refusal happened (format and args, a sentence of
// package say ending in ": ") before its message, in both languages. The
// result is the same exception, named once: wrapping it with fmt.Errorf
// would put the name in the middle ("function "f" on viewer-request:
// InvalidFunctionAssociation: …") and leave the Korean without the where.
func within(err error, format string, args ...any) error {
	w := say.Sprintf(format, args...)
	var e *Error
	if !errors.As(err, &e) {
		return fmt.Errorf("%s%w", w.En, err)
	}
	out := *e
	out.Message = w.En + e.Message
	if e.MessageKo != "" {
		out.MessageKo = w.Ko + e.MessageKo
	}
	return &out
}

func newErr(code, fact, format string, args ...any) *Error {
	t := say.Sprintf(format, args...)
	return &Error{Code: code, Message: t.En, Fact: fact, MessageKo: t.Ko}
}
