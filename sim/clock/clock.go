// Package clock provides the virtual time every simulator runs on.
//
// Engines never read the wall clock: they take a Clock, so a run is
// deterministic and a simulated hour passes in microseconds.
package clock

import (
	"container/heap"
	"time"
)

// Epoch is the default start of simulated time: a fixed instant, so that
// histories and logs are the same on every run.
var Epoch = time.Date(2025, time.January, 1, 0, 0, 0, 0, time.UTC)

// Clock tells the current time.
type Clock interface {
	Now() time.Time
}

// Virtual is a Clock that moves only when told to. It also keeps a queue of
// events and fires them in time order as it advances. The zero value starts
// at the zero time; use New for Epoch.
type Virtual struct {
	now    time.Time
	events eventHeap
	seq    uint64
}

// New returns a virtual clock set to start.
func New(start time.Time) *Virtual { return &Virtual{now: start} }

// Now implements Clock.
func (v *Virtual) Now() time.Time { return v.now }

// Set moves the clock to t without firing events. It never moves backwards.
func (v *Virtual) Set(t time.Time) {
	if t.After(v.now) {
		v.now = t
	}
}

// Schedule queues fn to run when the clock reaches at. Events at the same
// instant run in the order they were scheduled.
func (v *Virtual) Schedule(at time.Time, fn func()) {
	v.seq++
	heap.Push(&v.events, event{at: at, seq: v.seq, fn: fn})
}

// After queues fn to run d after the current time.
func (v *Virtual) After(d time.Duration, fn func()) { v.Schedule(v.now.Add(d), fn) }

// Pending reports how many events are queued.
func (v *Virtual) Pending() int { return len(v.events) }

// Advance moves the clock forward by d, firing every event due on the way,
// each with the clock set to its own time.
func (v *Virtual) Advance(d time.Duration) { v.AdvanceTo(v.now.Add(d)) }

// AdvanceTo moves the clock to t, firing due events in order. Events that
// fire schedule further events freely; those due before t fire too.
func (v *Virtual) AdvanceTo(t time.Time) {
	for len(v.events) > 0 && !v.events[0].at.After(t) {
		e := heap.Pop(&v.events).(event)
		if e.at.After(v.now) {
			v.now = e.at
		}
		e.fn()
	}
	v.Set(t)
}

// RunUntilIdle fires every queued event in order, however far ahead.
func (v *Virtual) RunUntilIdle() {
	for len(v.events) > 0 {
		e := heap.Pop(&v.events).(event)
		if e.at.After(v.now) {
			v.now = e.at
		}
		e.fn()
	}
}

type event struct {
	at  time.Time
	seq uint64
	fn  func()
}

type eventHeap []event

func (h eventHeap) Len() int { return len(h) }
func (h eventHeap) Less(i, j int) bool {
	if h[i].at.Equal(h[j].at) {
		return h[i].seq < h[j].seq
	}
	return h[i].at.Before(h[j].at)
}
func (h eventHeap) Swap(i, j int) { h[i], h[j] = h[j], h[i] }
func (h *eventHeap) Push(x any)   { *h = append(*h, x.(event)) }
func (h *eventHeap) Pop() any {
	old := *h
	e := old[len(old)-1]
	*h = old[:len(old)-1]
	return e
}

// Wall is a Clock that reads the real time, for a simulator serving real
// clients (the DynamoDB endpoint), where capacity refills as time passes.
type Wall struct{}

// Now implements Clock.
func (Wall) Now() time.Time { return time.Now() }
