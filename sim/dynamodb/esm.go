package dynamodb

import (
	"fmt"
	"strconv"
	"time"
)

// Event source mapping defaults and limits for a DynamoDB stream
// (aws-facts lambda.esm.ddb.batch_default/batch_max; the Lambda developer
// guide's stream parameters for the rest): batches of 100 by default and
// at most 10,000, a batching window of up to 300 s, retries until the
// record expires (-1) or 0–10,000 times, polling four times a second, and
// a batch payload of at most 6 MB (Lambda developer guide, with-ddb.html).
const (
	esmBatchDefault  = 100
	esmBatchMax      = 10000
	esmWindowMax     = 300 * time.Second
	esmRetryMax      = 10000
	esmPollInterval  = 250 * time.Millisecond
	esmRetryForever  = -1
	esmStartTrimHzn  = "TRIM_HORIZON"
	esmStartLatest   = "LATEST"
	esmDefaultStart  = esmStartTrimHzn
	esmFailureReason = "RetryAttemptsExhausted"
	esmPayloadBytes  = 6 << 20
)

// ESMConfig configures an event source mapping from a table's stream to a
// function. Zero values take the AWS defaults.
type ESMConfig struct {
	// BatchSize is the most records per invocation (default 100, max 10,000).
	BatchSize int `json:"BatchSize,omitempty"`
	// MaximumBatchingWindow lets records gather until the batch is full or
	// the oldest has waited this long (0–300 s).
	MaximumBatchingWindow time.Duration `json:"MaximumBatchingWindow,omitempty"`
	// MaximumRetryAttempts is how often a failed batch is retried before it
	// is discarded; nil means -1, retry until the records expire (24 h).
	MaximumRetryAttempts *int `json:"MaximumRetryAttempts,omitempty"`
	// BisectBatchOnFunctionError splits a failing batch in two and retries
	// each half, to isolate a poison record; splits do not count as retries.
	BisectBatchOnFunctionError bool `json:"BisectBatchOnFunctionError,omitempty"`
	// StartingPosition is TRIM_HORIZON (default) or LATEST.
	StartingPosition string `json:"StartingPosition,omitempty"`
	// OnFailure receives each discarded batch, like an on-failure
	// destination (SQS or SNS) would.
	OnFailure func(FailedBatch) `json:"-"`
}

// FailedBatch describes records the mapping gave up on.
type FailedBatch struct {
	ShardID          string `json:"ShardId"`
	StartSequence    string `json:"StartSequenceNumber"`
	EndSequence      string `json:"EndSequenceNumber"`
	BatchSize        int    `json:"BatchSize"`
	Reason           string `json:"Reason"` // RetryAttemptsExhausted or RecordsExpired
	ApproximateAtSec int64  `json:"ApproximateArrivalEpochSeconds"`
}

// ESMStats counts what a mapping did.
type ESMStats struct {
	Polls       int `json:"Polls"`
	Invocations int `json:"Invocations"`
	Errors      int `json:"Errors"`
	Delivered   int `json:"RecordsDelivered"`
	Discarded   int `json:"RecordsDiscarded"`
	// Expired counts the times a shard's unprocessed records aged out of
	// the 24 h retention while the mapping was still retrying them.
	Expired int `json:"ExpiredEvents"`
	// IteratorAgeMs is the age of the last record delivered when it was
	// delivered, the metric that shows a consumer falling behind.
	IteratorAgeMs int64 `json:"IteratorAgeMs"`
}

// Scheduler is what Start needs from a clock; clock.Virtual has it.
type Scheduler interface {
	After(d time.Duration, fn func())
}

type esmShard struct {
	after    int64 // last sequence number handled
	attempts int   // failed attempts of the current batch
	cap      int   // current batch cap (shrinks when bisecting)
	pending  int64 // first sequence number of a failing batch, or 0
}

// EventSourceMapping polls a table's stream and calls a function with
// batches of records, in order per shard, retrying a failed batch.
type EventSourceMapping struct {
	db      *DB
	t       *table
	label   time.Time
	cfg     ESMConfig
	retries int
	fn      func([]Record) error
	shards  []esmShard
	stats   ESMStats
	stopped bool
}

// NewEventSourceMapping connects fn to the stream of table. fn is the
// function (for example a sim/lambda invocation); a non-nil error fails
// the whole batch, as a Lambda function error does.
func (db *DB) NewEventSourceMapping(table string, cfg ESMConfig, fn func([]Record) error) (*EventSourceMapping, error) {
	t, err := db.table(table)
	if err != nil {
		return nil, err
	}
	if t.stream == nil || !t.stream.StreamEnabled {
		return nil, invalid("Stream not found: table " + table + " has no enabled stream")
	}
	if fn == nil {
		return nil, invalid("a function is required")
	}
	if cfg.BatchSize == 0 {
		cfg.BatchSize = esmBatchDefault
	}
	if cfg.BatchSize < 1 || cfg.BatchSize > esmBatchMax {
		return nil, invalid(fmt.Sprintf("BatchSize must be between 1 and %d", esmBatchMax))
	}
	if cfg.MaximumBatchingWindow < 0 || cfg.MaximumBatchingWindow > esmWindowMax {
		return nil, invalid("MaximumBatchingWindowInSeconds must be between 0 and 300")
	}
	retries := esmRetryForever
	if cfg.MaximumRetryAttempts != nil {
		retries = *cfg.MaximumRetryAttempts
		if retries < -1 || retries > esmRetryMax {
			return nil, invalid(fmt.Sprintf("MaximumRetryAttempts must be between -1 and %d", esmRetryMax))
		}
	}
	if cfg.StartingPosition == "" {
		cfg.StartingPosition = esmDefaultStart
	}
	db.pruneStream(t)
	start := t.horizon()
	switch cfg.StartingPosition {
	case esmStartTrimHzn:
	case esmStartLatest:
		start = t.streamSeq
	default:
		return nil, invalid("StartingPosition must be TRIM_HORIZON or LATEST")
	}
	m := &EventSourceMapping{db: db, t: t, label: t.ext.streamLabel, cfg: cfg, retries: retries, fn: fn}
	for i := 0; i < t.ext.shards; i++ {
		m.shards = append(m.shards, esmShard{after: start, cap: cfg.BatchSize})
	}
	return m, nil
}

// Stats returns the counters so far.
func (m *EventSourceMapping) Stats() ESMStats { return m.stats }

// Start polls every 250 ms on s until Stop. With a virtual clock, Advance
// drives it; do not call RunUntilIdle while it runs, as it never idles.
func (m *EventSourceMapping) Start(s Scheduler) {
	m.stopped = false
	var tick func()
	tick = func() {
		if m.stopped {
			return
		}
		m.Poll()
		s.After(esmPollInterval, tick)
	}
	s.After(esmPollInterval, tick)
}

// Stop ends polling after the current tick.
func (m *EventSourceMapping) Stop() { m.stopped = true }

// Poll reads each shard once and makes at most one invocation per shard.
// It returns how many records were delivered successfully.
func (m *EventSourceMapping) Poll() int {
	m.stats.Polls++
	t := m.t
	if m.db.tables[t.name] != t || t.ext.streamLabel != m.label {
		return 0 // table deleted or stream replaced: the mapping is orphaned
	}
	m.db.pruneStream(t)
	now := m.db.clk.Now()
	delivered := 0
	for i := range m.shards {
		sh := &m.shards[i]
		if h := t.horizon(); sh.after < h {
			// The horizon is shared by all shards, so a caught-up shard just
			// moves along; a shard whose failing batch aged out lost it.
			if sh.pending != 0 && sh.pending <= h {
				m.stats.Expired++
				m.fail(i, sh.after+1, h, 0, "RecordsExpired")
			}
			sh.after, sh.attempts, sh.cap, sh.pending = h, 0, m.cfg.BatchSize, 0
		}
		batch := m.db.shardRecords(t, i, sh.after, sh.cap)
		if len(batch) == 0 {
			continue
		}
		full := len(batch) == sh.cap
		if n := fitPayload(batch); n < len(batch) {
			batch, full = batch[:n], true
		}
		oldest := fromEpoch(batch[0].Dynamodb.ApproximateCreationDateTime)
		if !full && m.cfg.MaximumBatchingWindow > 0 && now.Sub(oldest) < m.cfg.MaximumBatchingWindow {
			continue // keep gathering
		}
		m.stats.Invocations++
		first, last := seqOf2(batch[0]), seqOf2(batch[len(batch)-1])
		if err := m.fn(batch); err == nil {
			sh.after, sh.attempts, sh.cap, sh.pending = last, 0, m.cfg.BatchSize, 0
			delivered += len(batch)
			m.stats.Delivered += len(batch)
			m.stats.IteratorAgeMs = now.Sub(fromEpoch(batch[len(batch)-1].Dynamodb.ApproximateCreationDateTime)).Milliseconds()
			continue
		}
		m.stats.Errors++
		sh.pending = first
		if m.cfg.BisectBatchOnFunctionError && len(batch) > 1 {
			sh.cap = (len(batch) + 1) / 2
			continue
		}
		sh.attempts++
		if m.retries >= 0 && sh.attempts > m.retries {
			m.stats.Discarded += len(batch)
			m.fail(i, first, last, len(batch), esmFailureReason)
			sh.after, sh.attempts, sh.cap, sh.pending = last, 0, m.cfg.BatchSize, 0
		}
	}
	return delivered
}

func seqOf2(r Record) int64 {
	n, _ := strconv.ParseInt(r.Dynamodb.SequenceNumber, 10, 64)
	return n
}

func (m *EventSourceMapping) fail(shard int, first, last int64, n int, reason string) {
	if m.cfg.OnFailure == nil {
		return
	}
	m.cfg.OnFailure(FailedBatch{ShardID: shardID(m.t, shard), StartSequence: fmt.Sprintf("%021d", first),
		EndSequence: fmt.Sprintf("%021d", last), BatchSize: n, Reason: reason, ApproximateAtSec: m.db.clk.Now().Unix()})
}

// fitPayload is how many records fit in one invocation's 6 MB payload
// (at least one, so a large record still gets through).
func fitPayload(batch []Record) int {
	total := 0
	for i, r := range batch {
		total += r.Dynamodb.SizeBytes
		if total > esmPayloadBytes && i > 0 {
			return i
		}
	}
	return len(batch)
}
