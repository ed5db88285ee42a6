package lambda

import (
	"container/heap"
	"slices"
)

// queuedStep handles async, sqs and kinesis: events join a queue and
// pollers hand them to the function as concurrency allows.
//
// Model, kept simple on purpose:
//   - async: Lambda's internal queue; no poller limit. An event waiting
//     longer than MaximumEventAgeInSeconds goes to the DLQ. A failed
//     invocation is retried after 1 min, then 2 min, then goes to the DLQ.
//     Throttles do not fail the event: it stays queued (Lambda retries
//     throttled async events with backoff for up to 6 h).
//   - sqs: pollers start at 5 concurrent batches and add 300 a minute while
//     a backlog exists, up to 1,000 (or MaximumConcurrency). A failed batch
//     reappears after a 30 s visibility timeout; the 5th failure sends it to
//     the queue's DLQ.
//   - kinesis: one concurrent batch per shard × ParallelizationFactor; a
//     failed batch is retried in place twice.
func (e *engine) queuedStep(arrivals int64) {
	if arrivals > 0 {
		e.queue = append(e.queue, qitem{enq: e.now, n: arrivals})
		e.queued += arrivals
	}
	for len(e.retries) > 0 && e.retries[0].due <= e.now {
		it := heap.Pop(&e.retries).(qitem)
		e.queue = append(e.queue, it)
		e.queued += it.n
	}
	if e.typ == InvokeSQS && e.queued > 0 && e.poller < e.pollerCap {
		e.poller = min(e.poller+e.pollerStep, e.pollerCap)
		if e.poller >= e.pollerCap {
			e.event("sqs_pollers_max", "", "SQS pollers reached %d concurrent batches (start 5, +300 per minute)", int64(e.pollerCap))
		}
	}
	budget := int64(1) << 62
	if e.typ != InvokeAsync {
		budget = max(int64(e.poller)-e.busyProv-e.busyOD, 0)
	}
	for e.qHead < len(e.queue) && budget > 0 {
		it := &e.queue[e.qHead]
		if it.n == 0 {
			e.qHead++
			continue
		}
		if e.maxAgeTicks > 0 && e.now-it.enq >= e.maxAgeTicks {
			e.res.DLQ += it.n
			e.queued -= it.n
			it.n = 0
			e.event("dlq_age", "", "events older than the maximum event age went to the dead-letter queue")
			continue
		}
		want := min((it.n+e.batch-1)/e.batch, budget)
		started := e.dispatch(want, (e.now-it.enq)*e.tick, it.attempt, false)
		taken := min(it.n, started*e.batch)
		it.n -= taken
		e.queued -= taken
		budget -= started
		if started < want {
			break
		}
	}
	if e.qHead > 1024 && e.qHead*2 > len(e.queue) {
		e.queue = append(e.queue[:0], e.queue[e.qHead:]...)
		e.qHead = 0
	}
	if e.queued > 0 && e.now > 0 {
		e.event("backlog", "", "a backlog formed: events wait in the queue instead of being throttled")
	}
	e.res.MaxBacklog = max(e.res.MaxBacklog, e.queued)
	e.sec.Backlog = e.queued
}

func (e *engine) closeSecond() {
	s := e.sec
	s.T = int((e.now) / e.tps)
	if len(e.lat) > 0 {
		slices.SortFunc(e.lat, func(a, b cohort) int {
			switch {
			case a.tick < b.tick:
				return -1
			case a.tick > b.tick:
				return 1
			}
			return 0
		})
		var total int64
		for _, c := range e.lat {
			total += c.n
		}
		s.P50MS = float64(percentile(e.lat, total, 0.50))
		s.P99MS = float64(percentile(e.lat, total, 0.99))
	}
	e.res.Series = append(e.res.Series, s)
	e.sec = Second{Backlog: e.queued}
	e.lat = e.lat[:0]
}

// percentile walks sorted (value, count) pairs to the q-quantile.
func percentile(c []cohort, total int64, q float64) int64 {
	rank := int64(q*float64(total-1)) + 1
	var seen int64
	for _, x := range c {
		seen += x.n
		if seen >= rank {
			return x.tick
		}
	}
	return c[len(c)-1].tick
}
