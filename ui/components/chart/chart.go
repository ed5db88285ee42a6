// Package chart draws the time charts, bars and comparison columns of the
// simulator consoles and Stats, within a given number of cells.
package chart

import (
	"fmt"
	"math"
	"strconv"
	"strings"

	"charm.land/lipgloss/v2"
	"github.com/charmbracelet/x/ansi"
	"github.com/guptarohit/asciigraph"

	"github.com/saa-study/saa-study/ui/styles"
	"github.com/saa-study/saa-study/ui/text"
)

// Series is one named line of a time chart.
type Series struct {
	Name string
	Data []float64
}

// chartColors are the series colours, in order; the legend uses the same
// 256-colour indexes so a line and its name match.
var chartColors = []asciigraph.AnsiColor{asciigraph.DarkOrange, asciigraph.DodgerBlue, asciigraph.LimeGreen, asciigraph.Orchid, asciigraph.Gold}

// seriesGlyphs mark each series with its own glyph as well as its colour,
// so that lines stay apart without colour (NO_COLOR=1, a monochrome
// terminal, colour blindness); the legend shows the same glyph. The first
// series keeps the box-drawing line.
var seriesGlyphs = []string{"━", "•", "×", "+", "*"}

func seriesCharSets(n int) []asciigraph.CharSet {
	out := []asciigraph.CharSet{asciigraph.DefaultCharSet}
	for i := 1; i < n; i++ {
		cs := asciigraph.CreateCharSet(seriesGlyphs[i%len(seriesGlyphs)])
		cs.UpRight, cs.DownHorizontal = asciigraph.DefaultCharSet.UpRight, asciigraph.DefaultCharSet.DownHorizontal
		out = append(out, cs)
	}
	return out
}

// chartLabelWidth is the room the y-axis labels take; compactNumber keeps
// every label within it so the chart's width is known before drawing.
const chartLabelWidth = 6

// Line draws the series with asciigraph into at most w×h cells: the
// plot, an x axis from 0 to xmax labelled with unit (when there is room),
// and a one-line legend. Nothing is drawn past w even when
// asciigraph's own arithmetic would (labels, rounding): every line is cut.
func Line(st *styles.Styles, series []Series, w, h int, xmax float64, unit string) string {
	var data [][]float64
	var names []Series
	points := 0
	for _, s := range series {
		if len(s.Data) == 0 {
			continue
		}
		data = append(data, cleanSeries(s.Data))
		names = append(names, s)
		points = max(points, len(s.Data))
	}
	if len(data) == 0 || w < 16 || h < 3 {
		return ""
	}
	plotW := w - chartLabelWidth - 3
	// A series of one point cannot be interpolated to a width; repeat it.
	for i := range data {
		if len(data[i]) == 1 {
			data[i] = []float64{data[i][0], data[i][0]}
		}
	}
	axis := h >= 7 && xmax > 0
	plotH := max(h-2, 1) // asciigraph draws Height+1 rows; the legend takes one
	if axis {
		plotH -= 2 // the axis line and its labels
	}
	opts := []asciigraph.Option{
		asciigraph.Width(plotW), asciigraph.Height(plotH), asciigraph.Offset(3),
		asciigraph.LowerBound(0), asciigraph.UpperBound(1), // a flat zero still gets an axis
		// Labels of one width, so stacked charts line up.
		asciigraph.YAxisValueFormatter(func(v float64) string { return fmt.Sprintf("%*s", chartLabelWidth-1, CompactNumber(v)) }),
		asciigraph.SeriesColors(chartColors[:min(len(data), len(chartColors))]...),
		asciigraph.SeriesChars(seriesCharSets(len(data))...),
	}
	if axis {
		opts = append(opts, asciigraph.XAxisRange(0, xmax), asciigraph.XAxisTickCount(max(2, min(6, plotW/14))),
			asciigraph.XAxisValueFormatter(func(v float64) string { return axisLabel(v, xmax) + unit }))
	}
	plot := asciigraph.PlotMany(data, opts...)
	lines := strings.Split(plot, "\n")
	if len(lines) > h-1 {
		lines = lines[:h-1]
	}
	lines = append(lines, Legend(st, names, w))
	for i, l := range lines {
		if text.Width(l) > w {
			lines[i] = ansi.Truncate(l, w, "")
		}
	}
	return strings.Join(lines, "\n")
}

// Legend names each series in its colour, as much as fits in w.
func Legend(st *styles.Styles, series []Series, w int) string {
	var b strings.Builder
	for i, s := range series {
		c := chartColors[i%len(chartColors)]
		glyph := seriesGlyphs[i%len(seriesGlyphs)]
		item := lipgloss.NewStyle().Foreground(lipgloss.ANSIColor(c)).Render(glyph+" ") + st.Muted.Render(s.Name)
		if i > 0 {
			item = "  " + item
		}
		if text.Width(b.String())+text.Width(item) > w {
			break
		}
		b.WriteString(item)
	}
	return b.String()
}

// cleanSeries replaces NaN and infinities, which asciigraph cannot place,
// with zero.
func cleanSeries(in []float64) []float64 {
	out := make([]float64, len(in))
	for i, v := range in {
		if math.IsNaN(v) || math.IsInf(v, 0) {
			v = 0
		}
		out[i] = v
	}
	return out
}

// axisLabel writes an x-axis tick: whole numbers without a false ".0"
// ("7", not "7.0"), and on a short axis (up to 10) the tick's own value
// ("2.25"), since rounding would put 2 where 2.25 is.
func axisLabel(v, xmax float64) string {
	if xmax <= 10 {
		return strconv.FormatFloat(math.Round(v*100)/100, 'f', -1, 64)
	}
	if r := math.Round(v); math.Abs(r) < 10 {
		return strconv.Itoa(int(r))
	}
	return CompactNumber(math.Round(v))
}

// CompactNumber formats an axis label in at most chartLabelWidth-1 cells:
// 950, 12.5k, 3.2M.
func CompactNumber(v float64) string {
	a := math.Abs(v)
	var s string
	switch {
	case a >= 1e9:
		s = fmt.Sprintf("%.1fG", v/1e9)
	case a >= 1e6:
		s = fmt.Sprintf("%.1fM", v/1e6)
	case a >= 1e4:
		s = fmt.Sprintf("%.0fk", v/1e3)
	case a >= 1e3:
		s = fmt.Sprintf("%.1fk", v/1e3)
	case a >= 10 || a == 0:
		s = fmt.Sprintf("%.0f", v)
	default:
		s = fmt.Sprintf("%.1f", v)
	}
	if len(s) > chartLabelWidth-1 {
		s = s[:chartLabelWidth-1]
	}
	return s
}

// Columns lays out cells side by side, each column as wide as its widest
// cell plus a gap, cutting the row at w. It is how variants are compared.
func Columns(rows [][]string, w int) []string {
	var widths []int
	for _, r := range rows {
		for i, c := range r {
			if i >= len(widths) {
				widths = append(widths, 0)
			}
			widths[i] = max(widths[i], text.Width(c))
		}
	}
	out := make([]string, 0, len(rows))
	for _, r := range rows {
		var b strings.Builder
		for i, c := range r {
			if i < len(r)-1 {
				c = text.PadRight(c, widths[i]+2)
			}
			b.WriteString(c)
		}
		line := b.String()
		if text.Width(line) > w {
			line = ansi.Truncate(line, w, "…")
		}
		out = append(out, line)
	}
	return out
}
