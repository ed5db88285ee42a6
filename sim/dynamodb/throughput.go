package dynamodb

import (
	"math"
	"time"

	"github.com/saa-study/saa-study/sim/tokenbucket"
)

// Throughput model (documented here because the learner sees its effects):
//
//   - Provisioned mode. Each table and each GSI has a read lane and a write
//     lane. A lane's table-level token bucket refills at the provisioned rate
//     and holds at most 300 s of it: that is burst capacity. A new table
//     starts with its bucket full: DynamoDB keeps "up to 300 seconds of
//     unused read and write capacity" (burst-adaptive-capacity.html), and
//     a new table has used none, which is why suites written against live
//     DynamoDB (dynalite's, on 10 RCU / 5 WCU tables) write hundreds of
//     items in their first seconds without a throttle. Lessons set
//     Options.LessonBurst instead: a new table starts with one second of
//     tokens, so the throttle they teach shows in the first seconds rather
//     than after five minutes of saved capacity. A request is let
//     through while the bucket is above zero and then charged in full, so a
//     large item can drive the bucket negative (debt) and later requests wait.
//   - Partitions. A table has max(ceil(RCU/3000 + WCU/1000), ceil(size/10 GB))
//     partitions, never fewer than before (partitions split, never merge). A
//     key's partition is its hash modulo the count. Every partition has a hard
//     ceiling of 3,000 RCU and 1,000 WCU per second, a bucket that holds one
//     second only: burst cannot lift it, so a hot key throttles while the
//     table is under its provisioned rate.
//   - Adaptive capacity (on by default). Unused table capacity flows to a hot
//     partition at once, up to the partition ceiling: partitions share the
//     table bucket. With Options.AdaptiveCapacity false, each partition gets
//     only its 1/n share (with its own 300 s burst), the pre-2019 behaviour.
//   - GSIs. A base-table write that changes an index must also fit in that
//     GSI's write lane; if it does not, the base write is rejected (GSI
//     back-pressure) and nothing is charged.
//   - On-demand. A lane may use max(initial, 2 × matured peak) units per
//     clock second, where initial is 12,000 RCU / 4,000 WCU and the matured
//     peak is the busiest second that is at least 30 minutes old. Beyond that
//     the request gets ThrottlingException. Partition ceilings still apply,
//     and so does the default account quota of 40,000 units per second per
//     table (RequestLimitExceeded). A table switched from provisioned starts
//     with a previous peak of half its provisioned throughput.
//
// All of it runs on the injected clock, so runs are deterministic.

// The limits of the throughput model, exported so that a console or a
// lesson explaining a run quotes the numbers the engine enforces.
const (
	// PartitionRCU is the read ceiling of one partition, per second.
	PartitionRCU = 3000
	// PartitionWCU is the write ceiling of one partition, per second.
	PartitionWCU = 1000
	// BurstSeconds is how many seconds of unused provisioned capacity a
	// table's bucket keeps as burst.
	BurstSeconds = 300
	// OnDemandRCU is the read rate a new on-demand table absorbs at once.
	OnDemandRCU = 12000
	// OnDemandWCU is the write rate a new on-demand table absorbs at once.
	OnDemandWCU = 4000
)

const (
	partitionBytes = 10 << 30
	peakWindow     = 30 * time.Minute
	// accountTableLimit is the default per-table account quota for an
	// on-demand table: 40,000 read and 40,000 write request units per second.
	accountTableLimit = 40000
)

type secUse struct {
	sec  int64
	used float64
}

// lane is the read or the write side of a table or GSI.
type lane struct {
	table   tokenbucket.Bucket
	parts   []tokenbucket.Bucket // hard per-partition ceilings
	share   []tokenbucket.Bucket // per-partition shares when adaptive capacity is off
	perPart float64              // ceiling per partition (3000 or 1000)
	// on-demand bookkeeping
	initial float64
	curSec  int64
	curUsed float64
	history []secUse
	matured float64
}

type throughput struct {
	// configured is set once setRates has run: a table's first buckets
	// start with one second of tokens, later changes keep the level.
	configured bool
	onDemand   bool
	adaptive   bool
	// unlimited turns throttling off (Options.NoThrottling): capacity is
	// still counted and reported, never refused.
	unlimited bool
	// lesson starts a new table's buckets with one second of tokens
	// (Options.LessonBurst) instead of the full burst credit.
	lesson bool
	nparts int
	read   lane
	write  lane
}

func newThroughput(now time.Time, o Options, onDemand bool, rcu, wcu float64) *throughput {
	t := &throughput{onDemand: onDemand, adaptive: o.AdaptiveCapacity, unlimited: o.NoThrottling, lesson: o.LessonBurst}
	t.read = lane{perPart: PartitionRCU, initial: OnDemandRCU, curSec: now.Unix()}
	t.write = lane{perPart: PartitionWCU, initial: OnDemandWCU, curSec: now.Unix()}
	t.setRates(now, rcu, wcu, 0)
	return t
}

// setRates (re)configures provisioned rates and the partition count.
func (t *throughput) setRates(now time.Time, rcu, wcu float64, bytes int64) {
	n := 1
	if t.onDemand {
		n = max(n, int(math.Ceil(t.read.allowance()/PartitionRCU)), int(math.Ceil(t.write.allowance()/PartitionWCU)))
	} else {
		n = max(n, int(math.Ceil(rcu/PartitionRCU+wcu/PartitionWCU)))
	}
	n = max(n, int((bytes+partitionBytes-1)/partitionBytes), t.nparts)
	t.nparts = n
	defer func() { t.configured = true }()
	for _, x := range []struct {
		l    *lane
		rate float64
	}{{&t.read, rcu}, {&t.write, wcu}} {
		l := x.l
		if t.configured {
			l.table.Resize(x.rate*BurstSeconds, x.rate, now)
		} else {
			// A new table starts with its full burst credit, or one
			// second of tokens in a lesson.
			l.table = tokenbucket.Full(x.rate*BurstSeconds, x.rate, now)
			if t.lesson {
				l.table = tokenbucket.New(x.rate*BurstSeconds, x.rate, x.rate, now)
			}
		}
		for len(l.parts) < n {
			l.parts = append(l.parts, tokenbucket.Full(l.perPart, l.perPart, now))
		}
		share := x.rate / float64(n)
		for len(l.share) < n {
			l.share = append(l.share, tokenbucket.New(0, 0, share, now))
		}
		for i := range l.share {
			l.share[i].Resize(share*BurstSeconds, share, now)
		}
	}
}

func (l *lane) allowance() float64 {
	return math.Min(accountTableLimit, math.Max(l.initial, 2*l.matured))
}

// roll closes finished seconds of on-demand accounting.
func (l *lane) roll(now time.Time) {
	sec := now.Unix()
	if sec == l.curSec {
		return
	}
	if l.curUsed > 0 {
		l.history = append(l.history, secUse{l.curSec, l.curUsed})
	}
	l.curSec, l.curUsed = sec, 0
	cut := now.Add(-peakWindow).Unix()
	i := 0
	for i < len(l.history) && l.history[i].sec <= cut {
		l.matured = math.Max(l.matured, l.history[i].used)
		i++
	}
	l.history = l.history[i:]
}

func (t *throughput) lane(read bool) *lane {
	if read {
		return &t.read
	}
	return &t.write
}

// partition maps a partition key token onto the current partitions.
func (t *throughput) partition(tok uint64) int { return int(tok % uint64(t.nparts)) }

// verdict is the outcome of a throttling check: the exception and the
// limit type of AWS's ThrottlingReason ("" when the request may go ahead).
type verdict struct{ exc, limit string }

func (v verdict) ok() bool { return v.exc == "" }

// Limit types of ThrottlingReason (API_ThrottlingReason.html).
const (
	limitProvisioned = "ProvisionedThroughputExceeded"
	limitKeyRange    = "KeyRangeThroughputExceeded"
	limitAccount     = "AccountLimitExceeded"
)

// check reports how a request of units on partition p would be throttled
// now. It charges nothing.
func (t *throughput) check(now time.Time, read bool, p int, units float64) verdict {
	if t.unlimited {
		return verdict{}
	}
	l := t.lane(read)
	level := l.parts[p].Level(now)
	if t.onDemand {
		l.roll(now)
		switch {
		case l.curUsed+units > accountTableLimit:
			return verdict{ErrRequestLimit, limitAccount}
		case l.curUsed+units > l.allowance() || level <= 0:
			return verdict{ErrThrottling, limitKeyRange}
		}
		return verdict{}
	}
	if level <= 0 {
		return verdict{ErrProvisioned, limitKeyRange}
	}
	if t.adaptive {
		if l.table.Level(now) <= 0 {
			return verdict{ErrProvisioned, limitProvisioned}
		}
		return verdict{}
	}
	if l.share[p].Level(now) <= 0 {
		return verdict{ErrProvisioned, limitKeyRange}
	}
	return verdict{}
}

// charge takes units from the buckets of partition p.
func (t *throughput) charge(now time.Time, read bool, p int, units float64) {
	l := t.lane(read)
	l.parts[p].Charge(units)
	if t.onDemand {
		l.roll(now)
		l.curUsed += units
		return
	}
	l.table.Charge(units)
	l.share[p].Charge(units)
}

// switchToOnDemand moves a provisioned lane pair to on-demand, seeding the
// previous peak with half the provisioned rate.
func (t *throughput) switchToOnDemand(pt ProvisionedThroughput) {
	if t.onDemand {
		return
	}
	t.onDemand = true
	t.read.matured = math.Max(t.read.matured, float64(pt.ReadCapacityUnits)/2)
	t.write.matured = math.Max(t.write.matured, float64(pt.WriteCapacityUnits)/2)
}
