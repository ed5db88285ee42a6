package review

import (
	"testing"
	"time"
)

func TestIntervalLabelsLikeAnki(t *testing.T) {
	for _, tc := range []struct {
		d    time.Duration
		want string
	}{
		{30 * time.Second, "<1m"},
		{time.Minute, "<1m"},
		{5*time.Minute + 30*time.Second, "<6m"},
		{10 * time.Minute, "<10m"},
		{3 * time.Hour, "<3h"},
		{24 * time.Hour, "1d"},
		{8 * 24 * time.Hour, "8d"},
		{45 * 24 * time.Hour, "1.5mo"},
		{60 * 24 * time.Hour, "2mo"},
		{400 * 24 * time.Hour, "1.1y"},
	} {
		if got := rvInterval(tc.d); got != tc.want {
			t.Errorf("%v: %q, want %q", tc.d, got, tc.want)
		}
	}
}
