package lambda

import (
	"container/heap"

	"github.com/saa-study/saa-study/sim/say"
)

// Second is one point of the per-second time series.
type Second struct {
	T           int     `json:"t"`
	Concurrency int64   `json:"concurrency"`
	Invocations int64   `json:"invocations"`
	ColdStarts  int64   `json:"cold_starts"`
	Throttles   int64   `json:"throttles"`
	Errors      int64   `json:"errors"`
	P50MS       float64 `json:"p50_ms"`
	P99MS       float64 `json:"p99_ms"`
	Backlog     int64   `json:"backlog"`
}

// Event is a notable moment for the event log.
type Event struct {
	AtMS int64  `json:"at_ms"`
	Kind string `json:"kind"`
	Text string `json:"text"`
	Fact string `json:"fact,omitempty"`
	// Ko is Text in Korean.
	Ko string `json:"-"`
}

// In is the event's text in lang ("en" or "ko").
func (e Event) In(lang string) string { return say.Pick(lang, e.Text, e.Ko) }

// Explanation is one line on what happened and why, citing a fact id.
type Explanation struct {
	Text string `json:"text"`
	Fact string `json:"fact,omitempty"`
	// Ko is Text in Korean.
	Ko string `json:"-"`
}

// explanation is the sentence format makes, in both languages, citing fact.
func explanation(fact, format string, args ...any) Explanation {
	t := say.Sprintf(format, args...)
	return Explanation{Text: t.En, Ko: t.Ko, Fact: fact}
}

// String renders the explanation with its fact id in brackets.
func (e Explanation) String() string { return e.In("en") }

// In renders the explanation in lang ("en" or "ko") with its fact id in
// brackets.
func (e Explanation) In(lang string) string {
	s := say.Pick(lang, e.Text, e.Ko)
	if e.Fact == "" {
		return s
	}
	return s + " [" + e.Fact + "]"
}

// Result is everything a run produced. Invocation counts are invocations;
// Requests counts arriving events (records, for sqs and kinesis).
type Result struct {
	Requests            int64       `json:"requests"`
	Invocations         int64       `json:"invocations"`
	Succeeded           int64       `json:"succeeded"`
	Throttled           int64       `json:"throttled"`
	ThrottledByReserved int64       `json:"throttled_by_reserved"`
	ThrottledByAccount  int64       `json:"throttled_by_account"`
	ThrottledByScaling  int64       `json:"throttled_by_scaling"`
	TimedOut            int64       `json:"timed_out"`
	Errors              int64       `json:"errors"`
	ColdStarts          int64       `json:"cold_starts"`
	WarmStarts          int64       `json:"warm_starts"`
	ProvisionedStarts   int64       `json:"provisioned_starts"`
	MaxConcurrency      int64       `json:"max_concurrency"`
	EnvsCreated         int64       `json:"envs_created"`
	EnvsReclaimed       int64       `json:"envs_reclaimed"`
	Retries             int64       `json:"retries"`
	DLQ                 int64       `json:"dlq"`
	MaxBacklog          int64       `json:"max_backlog"`
	MaxWaitMS           int64       `json:"max_wait_ms"`
	SimulatedSeconds    float64     `json:"simulated_seconds"`
	Usage               Usage       `json:"usage"`
	Bill                Bill        `json:"bill"`
	Series              []Second    `json:"series"`
	Events              []Event     `json:"events"`
	Explanation         Explanation `json:"explanation"`
}

func (e *engine) throttle(byCap, byScale int64) {
	if byCap > 0 {
		if e.byReserved {
			e.res.ThrottledByReserved += byCap
			e.event("reserved_cap", "lambda.throttle.code", "reserved concurrency %d reached: further requests are throttled (429 %s)", e.capN, TooManyRequests)
		} else {
			e.res.ThrottledByAccount += byCap
			e.event("account_cap", "lambda.concurrency.account", "account concurrency limit reached: %d available to this function; requests throttled (429)", e.capN)
		}
	}
	if byScale > 0 {
		e.res.ThrottledByScaling += byScale
		e.event("scaling", "lambda.scaling.rate", "scaling limit reached: %s environments; Lambda adds %s per %d s, the rest are throttled (429)",
			commas(e.res.EnvsCreated), commas(int64(e.l.ScalingEnvs)), e.l.ScalingWindowS)
	}
	e.res.Throttled += byCap + byScale
	e.sec.Throttles += byCap + byScale
}

// noteLimit records that queued work could not start for lack of
// concurrency: Lambda throttled the poller, the event waits in the queue.
func (e *engine) noteLimit(byCap, byScale int64) {
	if byCap > 0 {
		e.event("queue_cap", "lambda.throttle.code", "concurrency limit %d reached: events wait in the queue instead of failing", e.capN)
	}
	if byScale > 0 {
		e.event("scaling", "lambda.scaling.rate", "scaling limit reached: %d environments; queued events wait for new ones", e.res.EnvsCreated)
	}
}

func (e *engine) retry(n, doneTick, waitMS int64, attempt int) {
	if attempt+1 >= e.maxAttempts {
		e.res.DLQ += n * e.batch
		e.event("dlq", "", "events failed %d time(s) and went to the dead-letter queue / on-failure destination", attempt+1)
		return
	}
	d := e.retryDelay[min(attempt, 1)]
	enq := e.now - waitMS/e.tick
	heap.Push(&e.retries, qitem{due: doneTick + d, enq: enq, attempt: attempt + 1, n: n * e.batch})
	e.res.Retries += n
}
