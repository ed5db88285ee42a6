package lambda

import (
	"fmt"
	"math"
)

// Invocation types.
const (
	InvokeSync    = "sync"
	InvokeAsync   = "async"
	InvokeSQS     = "sqs"
	InvokeKinesis = "kinesis"
)

// Phase is one stretch of load. With Ramp set the rate moves linearly from
// RPS to ToRPS over the phase. Phases may overlap; their rates add up.
type Phase struct {
	StartS  float64 `json:"start_s" yaml:"start_s"`
	Seconds float64 `json:"seconds" yaml:"seconds"`
	RPS     float64 `json:"rps" yaml:"rps"`
	Ramp    bool    `json:"ramp,omitempty" yaml:"ramp"`
	ToRPS   float64 `json:"to_rps,omitempty" yaml:"to_rps"`
}

// DurationModel says how long one invocation runs. DurationMS is measured at
// 1,769 MB (one vCPU). CPUShare (0..1) is the part of that which is CPU-bound
// and so speeds up or slows down with memory; the rest is I/O and does not.
// Threads caps how many vCPUs the code can use (0 = as many as it gets).
type DurationModel struct {
	DurationMS float64 `json:"duration_ms" yaml:"duration_ms"`
	CPUShare   float64 `json:"cpu_share,omitempty" yaml:"cpu_share"`
	Threads    int     `json:"threads,omitempty" yaml:"threads"`
}

// VCPU is the CPU share a function gets at memMB: linear from 1 vCPU at
// 1,769 MB, capped at MaxVCPU.
func VCPU(memMB int, l Limits) float64 {
	v := float64(memMB) / float64(l.OneVCPUMB)
	if v > l.MaxVCPU {
		v = l.MaxVCPU
	}
	return v
}

// At is the invocation duration in ms at memMB (not yet rounded).
func (d DurationModel) At(memMB int, l Limits) float64 {
	v := VCPU(memMB, l)
	if d.Threads > 0 && v > float64(d.Threads) {
		v = float64(d.Threads)
	}
	if v <= 0 {
		v = 1
	}
	return d.DurationMS*(1-d.CPUShare) + d.DurationMS*d.CPUShare/v
}

// Workload is what invokes the function.
type Workload struct {
	// Type is sync (default), async, sqs or kinesis.
	Type     string        `json:"type,omitempty" yaml:"type"`
	Phases   []Phase       `json:"phases" yaml:"phases"`
	Duration DurationModel `json:"duration" yaml:"duration"`
	// ErrorRate is the fraction (0..1) of invocations that fail with a
	// function error.
	ErrorRate float64 `json:"error_rate,omitempty" yaml:"error_rate"`
	// JitterPct spreads durations uniformly by ± this percent (seeded).
	JitterPct float64 `json:"jitter_pct,omitempty" yaml:"jitter_pct"`
	// BatchSize is records per invocation for sqs and kinesis (default 1).
	BatchSize int `json:"batch_size,omitempty" yaml:"batch_size"`
	// Shards and ParallelizationFactor bound kinesis concurrency.
	Shards                int `json:"shards,omitempty" yaml:"shards"`
	ParallelizationFactor int `json:"parallelization_factor,omitempty" yaml:"parallelization_factor"`
	// SQSMaxConcurrency is the event source mapping's MaximumConcurrency
	// (2..1000); 0 leaves only the poller ceiling.
	SQSMaxConcurrency int `json:"sqs_max_concurrency,omitempty" yaml:"sqs_max_concurrency"`
	// MaxRetryAttempts is the async retry setting (0..2); nil = 2.
	MaxRetryAttempts *int `json:"max_retry_attempts,omitempty" yaml:"max_retry_attempts"`
	// MaxEventAgeS is the async MaximumEventAgeInSeconds (60..21600); 0 = 6 h.
	MaxEventAgeS int `json:"max_event_age_s,omitempty" yaml:"max_event_age_s"`
}

// Steady is a workload of rps for seconds.
func Steady(rps, seconds float64, d DurationModel) Workload {
	return Workload{Phases: []Phase{{Seconds: seconds, RPS: rps}}, Duration: d}
}

// RampUp is a workload whose rate climbs linearly from one rate to another.
func RampUp(from, to, seconds float64, d DurationModel) Workload {
	return Workload{Phases: []Phase{{Seconds: seconds, RPS: from, Ramp: true, ToRPS: to}}, Duration: d}
}

// Spike is base rps for total seconds with peak rps on top from at for length seconds.
func Spike(base, peak, at, length, total float64, d DurationModel) Workload {
	ps := []Phase{{StartS: at, Seconds: length, RPS: peak - base}}
	if base > 0 {
		ps = append(ps, Phase{Seconds: total, RPS: base})
	}
	return Workload{Phases: ps, Duration: d}
}

// Bounds that keep a run's time and memory reasonable on one core.
const (
	maxPhases   = 100
	maxSeconds  = 24 * 3600
	maxRPS      = 1e7
	maxDuration = 900_000
)

// Validate checks the workload, returning an *APIError.
func (w Workload) Validate() error {
	switch w.Type {
	case "", InvokeSync, InvokeAsync, InvokeSQS, InvokeKinesis:
	default:
		return invalid("Workload type %q is not valid: it must be one of [sync, async, sqs, kinesis].", w.Type)
	}
	if len(w.Phases) == 0 || len(w.Phases) > maxPhases {
		return invalid("A workload needs 1 to %d phases; it has %d.", maxPhases, len(w.Phases))
	}
	for i, p := range w.Phases {
		if bad(p.StartS) || bad(p.Seconds) || bad(p.RPS) || bad(p.ToRPS) {
			return invalid("Phase %d has a negative or non-finite number.", i+1)
		}
		if p.StartS+p.Seconds > maxSeconds {
			return invalid("Phase %d ends after %d s; a run is limited to 24 h.", i+1, maxSeconds)
		}
		if p.RPS > maxRPS || p.ToRPS > maxRPS {
			return invalid("Phase %d asks for more than %.0f requests per second.", i+1, float64(maxRPS))
		}
	}
	d := w.Duration
	if bad(d.DurationMS) || d.DurationMS > maxDuration*10 || d.CPUShare < 0 || d.CPUShare > 1 || math.IsNaN(d.CPUShare) || d.Threads < 0 {
		return invalid("Duration model is not valid: duration_ms must be 0..%d and cpu_share 0..1.", maxDuration*10)
	}
	if w.ErrorRate < 0 || w.ErrorRate > 1 || math.IsNaN(w.ErrorRate) {
		return invalid("ErrorRate %v is not valid: it must be between 0 and 1.", w.ErrorRate)
	}
	if w.JitterPct < 0 || w.JitterPct > 100 || math.IsNaN(w.JitterPct) {
		return invalid("JitterPct %v is not valid: it must be between 0 and 100.", w.JitterPct)
	}
	if w.BatchSize < 0 || w.BatchSize > 10000 {
		return invalid("BatchSize %d is not valid: it must be between 1 and 10000.", w.BatchSize)
	}
	if w.Type == InvokeKinesis && (w.Shards < 1 || w.Shards > 10000) {
		return invalid("Shards %d is not valid: a kinesis workload needs 1 to 10000 shards.", w.Shards)
	}
	if w.ParallelizationFactor < 0 || w.ParallelizationFactor > 10 {
		return invalid("ParallelizationFactor %d is not valid: it must be between 1 and 10.", w.ParallelizationFactor)
	}
	if w.SQSMaxConcurrency != 0 && (w.SQSMaxConcurrency < 2 || w.SQSMaxConcurrency > 1000) {
		return invalid("MaximumConcurrency %d is not valid: it must be between 2 and 1000.", w.SQSMaxConcurrency)
	}
	if w.MaxRetryAttempts != nil && (*w.MaxRetryAttempts < 0 || *w.MaxRetryAttempts > 2) {
		return invalid("MaximumRetryAttempts %d is not valid: it must be between 0 and 2.", *w.MaxRetryAttempts)
	}
	if w.MaxEventAgeS != 0 && (w.MaxEventAgeS < 60 || w.MaxEventAgeS > 21600) {
		return invalid("MaximumEventAgeInSeconds %d is not valid: it must be between 60 and 21600.", w.MaxEventAgeS)
	}
	return nil
}

func bad(f float64) bool { return f < 0 || math.IsNaN(f) || math.IsInf(f, 0) }

// rateAt is the arrival rate (per second) at time t seconds.
func (w Workload) rateAt(t float64) float64 {
	r := 0.0
	for _, p := range w.Phases {
		if t < p.StartS || t >= p.StartS+p.Seconds {
			continue
		}
		if p.Ramp && p.Seconds > 0 {
			f := (t - p.StartS) / p.Seconds
			r += p.RPS + (p.ToRPS-p.RPS)*f
		} else {
			r += p.RPS
		}
	}
	return r
}

// endS is when the last phase ends.
func (w Workload) endS() float64 {
	e := 0.0
	for _, p := range w.Phases {
		e = math.Max(e, p.StartS+p.Seconds)
	}
	return e
}

func (w Workload) typ() string {
	if w.Type == "" {
		return InvokeSync
	}
	return w.Type
}

func (w Workload) String() string {
	return fmt.Sprintf("%s workload, %d phase(s), %.0f ms", w.typ(), len(w.Phases), w.Duration.DurationMS)
}
