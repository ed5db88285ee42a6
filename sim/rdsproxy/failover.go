package rdsproxy

import (
	"math"

	"github.com/saa-study/saa-study/sim/say"
)

func (s *sim) failover() {
	f := s.c.Failover
	outage := f.DurationS + f.DNSLagS
	s.gen++
	s.dbOpen, s.poolIdle = 0, 0
	s.downFrom = s.now()
	if s.proxy {
		outage *= 1 - *f.ReductionPct/100
		s.event("", "failover: writer lost; the proxy keeps %d client connections and queues their transactions for %.1f s (outage %.0f s cut by %.0f%%)", s.clients, outage, f.DurationS+f.DNSLagS, *f.ReductionPct)
	} else {
		s.event("", "failover: writer lost, every connection dropped; clients cannot connect for %g s (%g s failover + %g s to resolve the new writer's DNS)", outage, f.DurationS, f.DNSLagS)
	}
	s.blocked = s.now().Add(ms(outage * 1000))
	s.clk.Schedule(s.blocked, func() {
		s.event("", "new writer reachable")
		if s.proxy {
			s.drainWaiters()
		}
	})
}

// drainWaiters opens connections for queued clients once the writer is back.
func (s *sim) drainWaiters() {
	for len(s.waiters) > 0 && s.dbOpen < s.poolMax {
		w := s.waiters[0]
		s.waiters = s.waiters[1:]
		if w.done {
			continue
		}
		w.done = true
		s.queued--
		s.openDB()
		w.e.hasConn, w.e.gen = true, s.gen
		e, t0 := w.e, w.t0
		s.clk.After(ms(s.c.DB.ConnSetupMs), func() { s.runTx(e, t0) })
	}
}

func (s *sim) explain() say.Text {
	r := s.res
	peak := 0
	for _, p := range s.c.Lambda.Phases {
		peak = max(peak, p.Concurrency)
	}
	switch {
	case s.c.Failover != nil:
		f := s.c.Failover
		if s.proxy {
			return say.Sprintf("Failover: the proxy held client connections and queued work for %.1f s instead of %g s (modelled as the 'up to %g%%' shorter failover, a best case), so %d invocations failed [rdsproxy.failover].", (f.DurationS+f.DNSLagS)*(1-*f.ReductionPct/100), f.DurationS+f.DNSLagS, *f.ReductionPct, r.Failed)
		}
		return say.Sprintf("Failover without a proxy: every connection dropped and clients could not reconnect for %g s (failover plus DNS), so %d invocations failed [rdsproxy.failover].", f.DurationS+f.DNSLagS, r.Failed)
	case !s.proxy && r.Errors[ErrTooMany] > 0:
		return say.Sprintf("%d Lambda environments each wanted a connection but max_connections is %d: %d invocations failed with 'Too many connections' (1040). RDS Proxy would pool them [rdsproxy.pooling].", len(s.envs), r.MaxConnections, r.Errors[ErrTooMany])
	case s.proxy && s.c.Proxy.PinnedPct > 0 && r.PeakQueued > 0:
		return say.Sprintf("%g%% of sessions were pinned and held a DB connection each, so the pool of %d ran dry: up to %d clients queued and %d timed out [rdsproxy.pooling].", s.c.Proxy.PinnedPct, r.PoolSize, r.PeakQueued, r.Errors[ErrBorrowWait])
	case s.proxy:
		return say.Sprintf("Up to %d concurrent invocations shared at most %d database connections through the proxy (multiplexing between transactions) [rdsproxy.pooling].", peak, r.PeakDBConns)
	}
	return say.Sprintf("Up to %d concurrent invocations used %d database connections, within max_connections %d [rdsproxy.pooling].", peak, r.PeakDBConns, r.MaxConnections)
}

// percentile is the nearest-rank percentile of sorted values, rounded to 0.1 ms.
func percentile(sorted []float64, p float64) float64 {
	if len(sorted) == 0 {
		return 0
	}
	i := int(math.Ceil(p/100*float64(len(sorted)))) - 1
	return math.Round(sorted[max(0, min(i, len(sorted)-1))]*10) / 10
}
