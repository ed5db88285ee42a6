package chart

import (
	"strings"
	"testing"

	"github.com/charmbracelet/x/ansi"

	"github.com/saa-study/saa-study/ui/styles"
	"github.com/saa-study/saa-study/ui/text"
)

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

// TestLineChartNeverWiderThanAsked: whatever the data, the chart keeps
// to the cells it was given.
func TestLineChartNeverWiderThanAsked(t *testing.T) {
	st := styles.New(true)
	big := make([]float64, 600)
	for i := range big {
		big[i] = float64(i*i) * 1234.5
	}
	series := []Series{{Name: "a", Data: big}, {Name: "b", Data: []float64{3}}, {Name: "c", Data: []float64{0, 0, 0}}, {Name: "d"}}
	for w := 1; w <= 220; w += 7 {
		for _, h := range []int{1, 3, 5, 9, 12, 24, 50} {
			out := Line(st, series, w, h, 599, "s")
			if out == "" {
				continue
			}
			lines := strings.Split(out, "\n")
			if len(lines) > h {
				t.Errorf("%dx%d: %d lines", w, h, len(lines))
			}
			for _, l := range lines {
				if text.Width(l) > w {
					t.Errorf("%dx%d: line of %d cells %q", w, h, text.Width(l), ansi.Strip(l))
				}
			}
		}
	}
	if Line(st, []Series{{Name: "empty"}}, 80, 20, 0, "s") != "" {
		t.Error("a chart of no data should draw nothing")
	}
}

func BenchmarkLineChart(b *testing.B) {
	st := styles.New(true)
	series := make([]Series, 3)
	for i := range series {
		d := make([]float64, 600)
		for j := range d {
			d[j] = float64((j * (i + 3)) % 997)
		}
		series[i] = Series{Name: "s", Data: d}
	}
	b.ReportAllocs()
	for b.Loop() {
		Line(st, series, 80, 18, 599, "s")
	}
}

// TestSeriesDifferWithoutColour: with the colours stripped (NO_COLOR=1),
// three series are still told apart by their glyphs, in the plot and in
// the legend.
func TestSeriesDifferWithoutColour(t *testing.T) {
	st := styles.New(true)
	up, flat, down := make([]float64, 30), make([]float64, 30), make([]float64, 30)
	for i := range up {
		up[i], flat[i], down[i] = float64(i), 15, float64(30-i)
	}
	out := ansi.Strip(Line(st, []Series{{"ok", up}, {"throttled", flat}, {"WCU/s", down}}, 60, 16, 30, "s"))
	lines := strings.Split(out, "\n")
	plot, legend := strings.Join(lines[:len(lines)-1], "\n"), lines[len(lines)-1]
	for _, g := range []string{"•", "×"} {
		if !strings.Contains(plot, g) {
			t.Errorf("no %q in the plot:\n%s", g, out)
		}
	}
	if !strings.Contains(legend, "━ ok") || !strings.Contains(legend, "• throttled") || !strings.Contains(legend, "× WCU/s") {
		t.Errorf("the legend does not match the glyphs: %q", legend)
	}
}
