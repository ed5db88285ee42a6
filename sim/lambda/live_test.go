package lambda

import (
	"testing"
	"time"
)

func TestLive(t *testing.T) {
	f, err := NewLive(FunctionConfig{MemoryMB: 1024, TimeoutS: 3, Reserved: intp(2), ColdStartMS: 400}, AccountConfig{}, DurationModel{DurationMS: 100})
	if err != nil {
		t.Fatal(err)
	}
	t0 := time.Unix(0, 0)
	tests := []struct {
		at     time.Duration
		bytes  int
		lat    time.Duration
		status int
	}{
		{0, 0, 500 * time.Millisecond, 200},                      // cold: 400 INIT + 100
		{10 * time.Millisecond, 0, 500 * time.Millisecond, 200},  // second cold
		{20 * time.Millisecond, 0, 0, 429},                       // reserved 2 reached
		{600 * time.Millisecond, 0, 100 * time.Millisecond, 200}, // warm reuse
		{700 * time.Millisecond, 7 << 20, 0, 413},                // over 6 MB
	}
	for i, tc := range tests {
		lat, st := f.Invoke(t0.Add(tc.at), tc.bytes)
		if lat != tc.lat || st != tc.status {
			t.Fatalf("call %d: %v %d, want %v %d", i, lat, st, tc.lat, tc.status)
		}
	}
	if f.ColdStarts != 2 || f.Throttles != 1 {
		t.Fatalf("cold %d throttles %d", f.ColdStarts, f.Throttles)
	}
	slow, _ := NewLive(FunctionConfig{TimeoutS: 1}, AccountConfig{}, DurationModel{DurationMS: 5000})
	if lat, st := slow.Invoke(t0, 0); st != 502 || lat != time.Second {
		t.Fatalf("timeout: %v %d", lat, st)
	}
}
