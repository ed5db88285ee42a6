package clock

import (
	"testing"
	"time"
)

func TestEventsFireInTimeOrderWithTheClockAtTheirTime(t *testing.T) {
	c := New(Epoch)
	var got []string
	var at []time.Duration
	rec := func(name string) func() {
		return func() { got = append(got, name); at = append(at, c.Now().Sub(Epoch)) }
	}
	c.After(3*time.Second, rec("c"))
	c.After(1*time.Second, rec("a"))
	c.After(1*time.Second, rec("b")) // same instant: scheduling order
	c.After(1*time.Second, func() { c.After(time.Second, rec("chained")) })
	c.Advance(2 * time.Second)
	if want := []string{"a", "b", "chained"}; len(got) != 3 || got[0] != want[0] || got[1] != want[1] || got[2] != want[2] {
		t.Fatalf("fired %v, want %v", got, want)
	}
	if at[2] != 2*time.Second {
		t.Fatalf("chained event saw clock at %v, want 2s", at[2])
	}
	if c.Now().Sub(Epoch) != 2*time.Second || c.Pending() != 1 {
		t.Fatalf("now=%v pending=%d", c.Now().Sub(Epoch), c.Pending())
	}
	c.RunUntilIdle()
	if got[3] != "c" || c.Now().Sub(Epoch) != 3*time.Second {
		t.Fatalf("after idle: %v at %v", got, c.Now().Sub(Epoch))
	}
}

func TestSetNeverMovesBackwards(t *testing.T) {
	c := New(Epoch)
	c.Set(Epoch.Add(-time.Hour))
	if !c.Now().Equal(Epoch) {
		t.Fatal("clock moved backwards")
	}
}
