package chart

import "testing"

// TestCompactNumberFitsTheAxis: every label fits the room the axis keeps.
func TestCompactNumberFitsTheAxis(t *testing.T) {
	cases := []struct {
		v    float64
		want string
	}{{0, "0"}, {0.25, "0.2"}, {7, "7.0"}, {950, "950"}, {1234, "1.2k"}, {12500, "12k"}, {3.2e6, "3.2M"}, {4e9, "4.0G"}, {-12500, "-12k"}}
	for _, c := range cases {
		got := CompactNumber(c.v)
		if got != c.want || len(got) > chartLabelWidth-1 {
			t.Errorf("CompactNumber(%v) = %q, want %q", c.v, got, c.want)
		}
	}
}

// TestAxisLabel: x-axis ticks carry no false precision ("7.0" for a
// rounded 7.25) and a short axis shows the tick's real value.
func TestAxisLabel(t *testing.T) {
	for _, tc := range []struct {
		v, xmax float64
		want    string
	}{
		{0, 9, "0"}, {2.25, 9, "2.25"}, {4.5, 9, "4.5"}, {9, 9, "9"},
		{7.25, 29, "7"}, {14.5, 29, "15"}, {0, 599, "0"}, {150, 599, "150"}, {12000, 20000, "12k"},
	} {
		if got := axisLabel(tc.v, tc.xmax); got != tc.want {
			t.Errorf("axisLabel(%v, %v) = %q, want %q", tc.v, tc.xmax, got, tc.want)
		}
	}
}
