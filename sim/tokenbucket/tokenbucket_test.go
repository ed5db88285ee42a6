package tokenbucket

import (
	"testing"
	"time"
)

var t0 = time.Date(2025, 1, 1, 0, 0, 0, 0, time.UTC)

func TestTakeRefillsAtTheRateUpToCapacity(t *testing.T) {
	b := Full(5, 2, t0)
	for i := range 5 {
		if !b.Take(1, t0) {
			t.Fatalf("take %d of a full bucket of 5 refused", i+1)
		}
	}
	if b.Take(1, t0) {
		t.Fatal("an empty bucket let a token through")
	}
	if got := b.Level(t0.Add(time.Second)); got != 2 {
		t.Fatalf("after 1 s at 2/s the level is %v, want 2", got)
	}
	if got := b.Level(t0.Add(time.Hour)); got != 5 {
		t.Fatalf("the level %v went past the capacity 5", got)
	}
	if got := b.Level(t0); got != 5 {
		t.Fatalf("time going backwards changed the level to %v", got)
	}
	if b.Take(6, t0.Add(time.Hour)) || b.Tokens() != 5 {
		t.Fatal("a take larger than the level must fail and take nothing")
	}
}

func TestChargeLeavesDebtThatRefillPaysBack(t *testing.T) {
	b := New(10, 1, 1, t0)
	if b.Level(t0) <= 0 {
		t.Fatal("a bucket with one token is above zero")
	}
	b.Charge(4)
	if got := b.Tokens(); got != -3 {
		t.Fatalf("after charging 4 of 1 the level is %v, want -3", got)
	}
	if got := b.Level(t0.Add(3 * time.Second)); got != 0 {
		t.Fatalf("3 s at 1/s should pay the debt back to 0, got %v", got)
	}
}

func TestResizeRefillsAtTheOldRateThenCuts(t *testing.T) {
	b := New(100, 10, 0, t0)
	b.Resize(5, 1, t0.Add(2*time.Second)) // earned 20 at the old rate, cut to 5
	if got, c := b.Tokens(), b.Capacity(); got != 5 || c != 5 {
		t.Fatalf("level %v capacity %v, want 5 and 5", got, c)
	}
	if got := b.Level(t0.Add(3 * time.Second)); got != 5 {
		t.Fatalf("level %v, want 5 (full)", got)
	}
	var z Bucket
	if z.Take(1, t0) || z.Level(t0) != 0 {
		t.Fatal("the zero bucket is empty and never refills")
	}
}
