// Package tokenbucket is the one token bucket the simulators share: API
// Gateway's throttles, DynamoDB's capacity lanes and partitions, and
// Lambda's scaling rate.
//
// A Bucket holds at most its capacity and refills continuously at its rate
// (tokens a second) on the time the caller passes in, so it runs on any
// injected clock. Take lets a request through only when the tokens are
// there; Charge takes them regardless, which can leave the bucket in debt
// (DynamoDB lets a request in while the bucket is above zero and charges
// it in full).
package tokenbucket

import (
	"math"
	"time"
)

// Bucket is a token bucket. The zero value is empty, with no capacity and
// no refill.
type Bucket struct {
	capacity, rate, tokens float64
	last                   time.Time
}

// New returns a bucket holding level tokens at now.
func New(capacity, rate, level float64, now time.Time) Bucket {
	return Bucket{capacity: capacity, rate: rate, tokens: level, last: now}
}

// Full returns a bucket that starts full at now.
func Full(capacity, rate float64, now time.Time) Bucket {
	return New(capacity, rate, capacity, now)
}

// refill adds what the rate earned since the last refill, up to capacity.
// Time that goes backwards earns nothing.
func (b *Bucket) refill(now time.Time) {
	if dt := now.Sub(b.last).Seconds(); dt > 0 {
		b.tokens = math.Min(b.capacity, b.tokens+b.rate*dt)
		b.last = now
	}
}

// Level refills the bucket to now and returns its tokens (negative when in
// debt).
func (b *Bucket) Level(now time.Time) float64 {
	b.refill(now)
	return b.tokens
}

// Take refills the bucket to now and takes n tokens if it holds them.
func (b *Bucket) Take(n float64, now time.Time) bool {
	b.refill(now)
	if b.tokens < n {
		return false
	}
	b.tokens -= n
	return true
}

// Charge takes n tokens whatever the level, as of the last refill.
func (b *Bucket) Charge(n float64) { b.tokens -= n }

// Tokens is the level as of the last refill, without refilling.
func (b *Bucket) Tokens() float64 { return b.tokens }

// Capacity is the most the bucket holds.
func (b *Bucket) Capacity() float64 { return b.capacity }

// Resize refills the bucket to now at its old rate, then sets a new
// capacity and rate, keeping the tokens (cut to the new capacity).
func (b *Bucket) Resize(capacity, rate float64, now time.Time) {
	b.refill(now)
	b.capacity, b.rate = capacity, rate
	b.tokens = math.Min(b.tokens, b.capacity)
}
