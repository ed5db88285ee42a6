package lambda

import (
	"container/heap"
	"math"
	"time"

	"github.com/saa-study/saa-study/sim/tokenbucket"
)

// Live is one function invoked a request at a time, for callers such as
// the API Gateway simulator that need an answer per request rather than a
// whole run. It keeps the same rules as Run: the concurrency cap, the
// scaling bucket, provisioned environments, warm reuse (idle environments
// reclaimed after 10 minutes), cold starts and the timeout. Calls must come
// in time order. It implements apigateway.Invoker.
type Live struct {
	l          Limits
	cfg        FunctionConfig
	capN       int
	durMS      float64
	busy       timeHeap
	busyProv   int
	idle       []time.Time        // release times of idle on-demand environments, oldest first
	scaling    tokenbucket.Bucket // new environments: ScalingEnvs per ScalingWindowS
	ColdStarts int64              // ColdStarts counts new environments.
	Throttles  int64              // Throttles counts 429 answers.
}

type busyEnv struct {
	until time.Time
	prov  bool
}

type timeHeap []busyEnv

func (h timeHeap) Len() int           { return len(h) }
func (h timeHeap) Less(i, j int) bool { return h[i].until.Before(h[j].until) }
func (h timeHeap) Swap(i, j int)      { h[i], h[j] = h[j], h[i] }
func (h *timeHeap) Push(x any)        { *h = append(*h, x.(busyEnv)) }
func (h *timeHeap) Pop() any {
	o := *h
	x := o[len(o)-1]
	*h = o[:len(o)-1]
	return x
}

// NewLive validates the function and returns it with no environments yet
// (apart from provisioned ones).
func NewLive(cfg FunctionConfig, acct AccountConfig, d DurationModel) (*Live, error) {
	l := DefaultLimits()
	cfg = cfg.WithDefaults(l)
	if err := cfg.ValidateIn(acct, l); err != nil {
		return nil, err
	}
	if err := (Workload{Phases: []Phase{{Seconds: 1}}, Duration: d}).Validate(); err != nil {
		return nil, err
	}
	c, _ := cfg.ConcurrencyCap(acct, l)
	return &Live{l: l, cfg: cfg, capN: c, durMS: d.At(cfg.MemoryMB, l), scaling: scalingBucket(l)}, nil
}

// Invoke runs one synchronous invocation at the given time and returns its
// latency and an HTTP-style status: 200, 429 when throttled, 413 for a
// payload over 6 MB, 502 when the function timed out.
func (f *Live) Invoke(at time.Time, payloadBytes int) (time.Duration, int) {
	if payloadBytes > f.l.PayloadSyncMB*1024*1024 {
		return 0, 413
	}
	f.scaling.Level(at) // refill up to now
	for len(f.busy) > 0 && !f.busy[0].until.After(at) {
		e := heap.Pop(&f.busy).(busyEnv)
		if e.prov {
			f.busyProv--
		} else {
			f.idle = append(f.idle, e.until)
		}
	}
	n := 0
	for n < len(f.idle) && at.Sub(f.idle[n]) >= 10*time.Minute {
		n++
	}
	f.idle = f.idle[n:]
	if len(f.busy) >= f.capN {
		f.Throttles++
		return 0, 429
	}
	run := math.Ceil(f.durMS - 1e-9)
	status := 200
	timeout := float64(f.cfg.TimeoutS) * 1000
	prov := f.busyProv < min(f.cfg.Provisioned, f.capN)
	var initMS float64
	switch {
	case prov:
		f.busyProv++
	case len(f.idle) > 0:
		f.idle = f.idle[:len(f.idle)-1] // most recently used first
	default:
		if !f.scaling.Take(1, at) {
			f.Throttles++
			return 0, 429
		}
		f.ColdStarts++
		initMS = float64(min(f.cfg.ColdStartMS, f.l.InitMaxMS))
		if f.cfg.ColdStartMS > f.l.InitMaxMS {
			run += float64(f.cfg.ColdStartMS)
		}
	}
	if run > timeout {
		run, status = timeout, 502
	}
	lat := time.Duration((initMS + run) * float64(time.Millisecond))
	heap.Push(&f.busy, busyEnv{until: at.Add(lat), prov: prov})
	return lat, status
}

// scalingBucket is Lambda's scaling rate: ScalingEnvs new environments at
// once, refilled at ScalingEnvs per ScalingWindowS.
func scalingBucket(l Limits) tokenbucket.Bucket {
	return tokenbucket.Full(float64(l.ScalingEnvs), float64(l.ScalingEnvs)/float64(max(l.ScalingWindowS, 1)), time.Time{})
}
