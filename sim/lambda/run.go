package lambda

import (
	"fmt"
	"math"
	"math/rand/v2"
	"slices"
	"time"

	"github.com/saa-study/saa-study/sim/say"

	"github.com/saa-study/saa-study/sim/tokenbucket"
)

// Options control a run. The zero value is valid: 10 ms ticks, idle
// environments kept 10 minutes, free tier off, seed 0, default limits.
type Options struct {
	// TickMS is the simulation step: one of 1, 2, 5, 10, 20, 25, 50, 100.
	// Concurrency is resolved to one tick, so keep it at or below the
	// invocation duration (billing is exact to the ms either way).
	TickMS int `json:"tick_ms,omitempty" yaml:"tick_ms"`
	// IdleReclaimS is how long an idle environment is kept before Lambda
	// reclaims it (AWS does not publish this; default 600 s).
	IdleReclaimS int `json:"idle_reclaim_s,omitempty" yaml:"idle_reclaim_s"`
	// FreeTier subtracts the monthly free tier from the bill.
	FreeTier bool `json:"free_tier,omitempty" yaml:"free_tier"`
	// Seed drives duration jitter.
	Seed uint64 `json:"seed,omitempty" yaml:"seed"`
	// Limits overrides DefaultLimits when non-nil.
	Limits *Limits `json:"-" yaml:"-"`
}

type cohort struct {
	tick int64
	n    int64
}

type qitem struct {
	due, enq int64
	attempt  int
	n        int64
}

type retryHeap []qitem

func (h retryHeap) Len() int           { return len(h) }
func (h retryHeap) Less(i, j int) bool { return h[i].due < h[j].due }
func (h retryHeap) Swap(i, j int)      { h[i], h[j] = h[j], h[i] }
func (h *retryHeap) Push(x any)        { *h = append(*h, x.(qitem)) }
func (h *retryHeap) Pop() any {
	o := *h
	x := o[len(o)-1]
	*h = o[:len(o)-1]
	return x
}

type engine struct {
	l    Limits
	cfg  FunctionConfig
	acct AccountConfig
	w    Workload
	o    Options
	typ  string
	rng  *rand.Rand

	tick, now, tps     int64
	ringProv, ringOD   []int64
	busyProv, busyOD   int64
	prov               int64
	capN               int64
	byReserved         bool
	idle               []cohort
	idleHead           int
	idleN, idleTicks   int64
	scaling            tokenbucket.Bucket // on tick time: see tickTime
	queue              []qitem
	qHead              int
	queued             int64
	retries            retryHeap
	poller, pollerCap  float64
	pollerStep         float64
	batch              int64
	maxAttempts        int
	retryDelay         [2]int64
	maxAgeTicks        int64
	baseMS, memGB      float64
	timeoutMS          int64
	initBilled, initRe int64
	carry, errCarry    float64
	res                Result
	sec                Second
	lat                []cohort // (latency ms, count) for the current second
	seen               map[string]bool
}

// Run simulates the workload against the function and account. Invalid
// input returns an *APIError and an empty Result.
func Run(cfg FunctionConfig, account AccountConfig, w Workload, opts Options) (Result, error) {
	l := DefaultLimits()
	if opts.Limits != nil {
		l = *opts.Limits
	}
	cfg = cfg.WithDefaults(l)
	account = account.WithDefaults(l)
	if err := cfg.ValidateIn(account, l); err != nil {
		return Result{}, fmt.Errorf("function config: %w", err)
	}
	if err := w.Validate(); err != nil {
		return Result{}, fmt.Errorf("workload: %w", err)
	}
	if opts.TickMS == 0 {
		opts.TickMS = 10
	}
	if !slices.Contains([]int{1, 2, 5, 10, 20, 25, 50, 100}, opts.TickMS) {
		return Result{}, invalid("TickMS %d is not valid: it must divide a second (1, 2, 5, 10, 20, 25, 50 or 100).", opts.TickMS)
	}
	if opts.IdleReclaimS == 0 {
		opts.IdleReclaimS = 600
	}
	if opts.IdleReclaimS < 0 {
		return Result{}, invalid("IdleReclaimS %d is not valid: it must be positive.", opts.IdleReclaimS)
	}
	e := newEngine(cfg, account, w, opts, l)
	e.loop()
	e.finish()
	return e.res, nil
}

func newEngine(cfg FunctionConfig, a AccountConfig, w Workload, o Options, l Limits) *engine {
	e := &engine{l: l, cfg: cfg, acct: a, w: w, o: o, typ: w.typ(), seen: map[string]bool{}}
	e.rng = rand.New(rand.NewPCG(o.Seed, o.Seed^0x9e3779b97f4a7c15))
	e.tick = int64(o.TickMS)
	e.tps = 1000 / e.tick
	c, byRes := cfg.ConcurrencyCap(a, l)
	e.capN, e.byReserved = int64(c), byRes
	e.prov = min(int64(cfg.Provisioned), e.capN)
	e.idleTicks = int64(o.IdleReclaimS) * e.tps
	// The scaling bucket runs on tick time, one tick a bucket second, so
	// its rate is the refill per tick and each tick adds exactly that.
	perTick := float64(l.ScalingEnvs) / float64(max(l.ScalingWindowS, 1)) * float64(e.tick) / 1000
	e.scaling = tokenbucket.Full(float64(l.ScalingEnvs), perTick, tickTime(0))
	e.baseMS = w.Duration.At(cfg.MemoryMB, l)
	e.memGB = float64(cfg.MemoryMB) / 1024
	e.timeoutMS = int64(cfg.TimeoutS) * 1000
	e.initBilled = int64(min(cfg.ColdStartMS, l.InitMaxMS))
	if cfg.ColdStartMS > l.InitMaxMS {
		e.initRe = int64(cfg.ColdStartMS) // INIT timed out; it runs again inside the invoke
	}
	n := (e.initBilled+e.timeoutMS)/e.tick + 2
	e.ringProv = make([]int64, n)
	e.ringOD = make([]int64, n)
	e.batch = max(int64(w.BatchSize), 1)
	e.maxAttempts = 1
	switch e.typ {
	case InvokeAsync:
		e.batch = 1
		e.maxAttempts = 1 + l.AsyncRetries
		if w.MaxRetryAttempts != nil {
			e.maxAttempts = 1 + *w.MaxRetryAttempts
		}
		e.retryDelay = [2]int64{int64(l.AsyncRetryDelaysS[0]) * e.tps, int64(l.AsyncRetryDelaysS[1]) * e.tps}
		age := l.AsyncMaxEventAgeS
		if w.MaxEventAgeS > 0 {
			age = w.MaxEventAgeS
		}
		e.maxAgeTicks = int64(age) * e.tps
		e.poller = math.Inf(1)
	case InvokeSQS:
		// A failed batch reappears after a 30 s visibility timeout; after 5
		// receives it goes to the queue's DLQ (a common redrive setting).
		e.maxAttempts = 5
		e.retryDelay = [2]int64{30 * e.tps, 30 * e.tps}
		e.poller = float64(l.SQSStartConcurrency)
		e.pollerCap = float64(l.SQSMaxConcurrency)
		if w.SQSMaxConcurrency > 0 {
			e.pollerCap = float64(w.SQSMaxConcurrency)
		}
		e.poller = min(e.poller, e.pollerCap)
		e.pollerStep = float64(l.SQSScalePerMinute) / 60 * float64(e.tick) / 1000
	case InvokeKinesis:
		pf := max(w.ParallelizationFactor, 1)
		e.poller = float64(w.Shards * pf)
		e.maxAttempts = 3 // the batch is retried in place, blocking its shard
		e.retryDelay = [2]int64{1, 1}
	}
	return e
}

func (e *engine) ms(t int64) int64 { return t * e.tick }

func (e *engine) event(kind, fact, format string, args ...any) {
	if e.seen[kind] {
		return
	}
	e.seen[kind] = true
	at := fmt.Sprintf("t=%.2fs: ", float64(e.ms(e.now))/1000)
	t := say.Sprintf(format, args...)
	e.res.Events = append(e.res.Events, Event{AtMS: e.ms(e.now), Kind: kind, Text: at + t.En, Ko: at + t.Ko, Fact: fact})
}

func (e *engine) loop() {
	endTick := int64(math.Ceil(e.w.endS() * 1000 / float64(e.tick)))
	drain := (e.initBilled+e.initRe+e.timeoutMS)/e.tick + 2
	if e.typ != InvokeSync {
		drain = int64(e.l.AsyncMaxEventAgeS+e.l.AsyncRetryDelaysS[0]+e.l.AsyncRetryDelaysS[1])*e.tps + 5*drain + 5*30*e.tps
	}
	hard := endTick + drain
	for e.now = 0; e.now < hard; e.now++ {
		if e.now >= endTick && e.busyProv+e.busyOD == 0 && e.queued == 0 && len(e.retries) == 0 {
			break
		}
		e.step(e.now < endTick)
		if (e.now+1)%e.tps == 0 {
			e.closeSecond()
		}
	}
	if e.now%e.tps != 0 {
		e.closeSecond()
	}
	e.res.SimulatedSeconds = float64(e.ms(e.now)) / 1000
}

func (e *engine) step(arriving bool) {
	slot := e.now % int64(len(e.ringOD))
	if n := e.ringProv[slot]; n > 0 {
		e.busyProv -= n
		e.ringProv[slot] = 0
	}
	if n := e.ringOD[slot]; n > 0 {
		e.busyOD -= n
		e.ringOD[slot] = 0
		e.idle = append(e.idle, cohort{tick: e.now, n: n})
		e.idleN += n
	}
	for e.idleHead < len(e.idle) && e.now-e.idle[e.idleHead].tick >= e.idleTicks {
		e.idleN -= e.idle[e.idleHead].n
		e.res.EnvsReclaimed += e.idle[e.idleHead].n
		e.idleHead++
	}
	if e.idleHead > 1024 && e.idleHead*2 > len(e.idle) {
		e.idle = append(e.idle[:0], e.idle[e.idleHead:]...)
		e.idleHead = 0
	}
	e.scaling.Level(tickTime(e.now)) // refill for this tick

	var arrivals int64
	if arriving {
		e.carry += e.w.rateAt(float64(e.ms(e.now))/1000) * float64(e.tick) / 1000
		arrivals = int64(e.carry + 1e-9) // tolerate float drift in the running sum
		e.carry -= float64(arrivals)
	}
	e.res.Requests += arrivals
	if e.typ == InvokeSync {
		if arrivals > 0 {
			e.dispatch(arrivals, 0, 0, true)
		}
	} else {
		e.queuedStep(arrivals)
	}
	c := e.busyProv + e.busyOD
	e.sec.Concurrency = max(e.sec.Concurrency, c)
	e.res.MaxConcurrency = max(e.res.MaxConcurrency, c)
}

// dispatch starts up to n invocations (each carrying batch records) that
// waited waitMS. It returns how many started. For sync calls the rest are
// throttled with 429; queued callers keep the rest.
func (e *engine) dispatch(n int64, waitMS int64, attempt int, sync bool) int64 {
	avail := max(e.capN-e.busyProv-e.busyOD, 0)
	take := min(n, avail)
	over := n - take
	var thrCap, thrScale int64
	thrCap = over
	prov := min(take, max(e.prov-e.busyProv, 0))
	warm := min(take-prov, e.idleN)
	for left := warm; left > 0; {
		last := &e.idle[len(e.idle)-1]
		k := min(left, last.n)
		last.n -= k
		left -= k
		if last.n == 0 {
			e.idle = e.idle[:len(e.idle)-1]
		}
	}
	e.idleN -= warm
	need := take - prov - warm
	cold := min(need, int64(e.scaling.Tokens()))
	e.scaling.Charge(float64(cold))
	thrScale = need - cold
	started := prov + warm + cold

	if sync && over+thrScale > 0 {
		e.throttle(thrCap, thrScale)
	} else if !sync && over+thrScale > 0 {
		e.noteLimit(thrCap, thrScale)
	}
	if e.prov > 0 && take-prov > 0 && e.busyProv+prov >= e.prov {
		e.event("pc_spill", "lambda.pc", "provisioned concurrency %d fully in use: spill-over to on-demand environments", e.prov)
	}
	if started == 0 {
		return 0
	}
	dur := e.baseMS
	if e.w.JitterPct > 0 {
		dur *= 1 + e.w.JitterPct/100*(2*e.rng.Float64()-1)
	}
	invokeMS := int64(math.Ceil(dur - 1e-9))
	var lastDone int64
	var timedOut int64
	run := func(n int64, coldStart bool, ring []int64) {
		if n == 0 {
			return
		}
		raw := invokeMS
		var initMS int64
		if coldStart {
			initMS = e.initBilled
			raw += e.initRe
		}
		runMS := min(raw, e.timeoutMS)
		if raw > e.timeoutMS {
			timedOut += n
			e.event("timeout", "lambda.timeout.max", "invocations hit the %d s timeout (they needed %d ms)", e.cfg.TimeoutS, raw)
		}
		total := initMS + runMS
		done := e.now + max((total+e.tick-1)/e.tick, 1)
		ring[done%int64(len(ring))] += n
		lastDone = max(lastDone, done)
		billed := n * total
		if &ring[0] == &e.ringProv[0] {
			e.res.Usage.PCInvocations += n
			e.res.Usage.PCBilledMS += billed
		} else {
			e.res.Usage.OnDemandInvocations += n
			e.res.Usage.OnDemandBilledMS += billed
			e.res.Usage.InitBilledMS += n * initMS
		}
		e.lat = append(e.lat, cohort{tick: waitMS + total, n: n})
		e.res.MaxWaitMS = max(e.res.MaxWaitMS, waitMS)
	}
	run(prov, false, e.ringProv)
	run(warm, false, e.ringOD)
	run(cold, true, e.ringOD)
	e.busyProv += prov
	e.busyOD += warm + cold
	e.res.Invocations += started
	e.res.ProvisionedStarts += prov
	e.res.WarmStarts += warm
	e.res.ColdStarts += cold
	e.res.EnvsCreated += cold
	e.sec.Invocations += started
	e.sec.ColdStarts += cold
	if cold > 0 {
		if e.initRe > 0 {
			e.event("init_timeout", "lambda.billing.init", "INIT of %d ms passed the %d ms limit: it timed out and ran again inside the first invoke", e.cfg.ColdStartMS, e.l.InitMaxMS)
		}
		if e.initBilled > 0 {
			e.event("cold_start", "lambda.billing.init", "first cold start: a new environment runs INIT (%d ms, billed) before the handler", e.initBilled)
		} else {
			e.event("cold_start", "", "first new execution environment created (INIT time set to 0 ms)")
		}
	}
	ok := started - timedOut
	e.errCarry += float64(ok) * e.w.ErrorRate
	errs := min(int64(e.errCarry), ok)
	e.errCarry -= float64(errs)
	e.res.TimedOut += timedOut
	e.res.Errors += errs
	e.res.Succeeded += ok - errs
	e.sec.Errors += errs + timedOut
	if failed := errs + timedOut; failed > 0 && e.typ != InvokeSync {
		e.retry(failed, lastDone, waitMS, attempt)
	}
	return started
}

// tickTime is tick n on the scaling bucket's clock, where a tick lasts one
// second.
func tickTime(n int64) time.Time { return time.Unix(n, 0) }
