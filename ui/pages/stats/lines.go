package stats

import (
	"fmt"
	"strings"
	"time"

	"github.com/saa-study/saa-study/content"
	"github.com/saa-study/saa-study/progress"
	"github.com/saa-study/saa-study/srs"
	"github.com/saa-study/saa-study/ui/styles"
	"github.com/saa-study/saa-study/ui/text"
)

func stPct(r srs.Retention, lang content.Lang) string {
	if r.Reviews == 0 {
		return text.T(lang, "st.none")
	}
	return fmt.Sprintf("%.0f%% (%d/%d)", r.Rate*100, r.Passed, r.Reviews)
}

// StatsLines draws a report as lines of at most w cells; st may be nil for
// plain text. The same drawing serves the screen and a printed report.
func StatsLines(lang content.Lang, r *progress.StatsReport, w int, st *styles.Styles) []string {
	hd := func(s string) string { return s }
	mu := hd
	if st != nil {
		hd = func(x string) string { return st.Header.Render(x) }
		mu = func(x string) string { return st.Muted.Render(x) }
	}
	t := func(k string) string { return text.T(lang, k) }
	var out []string
	add := func(s string) { out = append(out, text.WrapMarkdown(s, w)...) }
	add(fmt.Sprintf(t("st.today"), r.Today.Done, r.Today.Due, r.Today.New, r.Streak))
	add(fmt.Sprintf(t("st.retention"), stPct(r.Retention7, lang), stPct(r.Retention30, lang)))
	sc := r.States
	add(fmt.Sprintf(t("st.states"), sc.New, sc.Learning, sc.Review, sc.Relearning, sc.Suspended))
	if r.Decks > 0 {
		add(fmt.Sprintf(t("st.decks"), r.Decks, r.DeckCards))
	}
	out = append(out, "")
	// Forecast: one column per day, as many days as fit.
	peak := 0
	for _, n := range r.Forecast {
		peak = max(peak, n)
	}
	if peak == 0 {
		// Four rows of empty bars read as a drawing that failed.
		for _, l := range text.WrapMarkdown(t("st.forecast.none"), w) {
			out = append(out, hd(l))
		}
	} else {
		out = append(out, hd(fmt.Sprintf(t("st.forecast"), peak)))
		out = append(out, stBars(r.Forecast[:min(len(r.Forecast), w)], 4)...)
	}
	out = append(out, "")
	out = append(out, hd(fmt.Sprintf(t("st.heatmap"), progress.HeatmapWeeks, string(stShades[0]), string(stShades[4]))))
	out = append(out, stHeatmap(lang, r.Heatmap, w)...)
	out = append(out, "")
	out = append(out, hd(t("st.topics")))
	out = append(out, stGroupLines(stTopicRows(r.Topics), w)...)
	if len(r.Domains) > 0 {
		out = append(out, "", hd(t("st.domains")))
		var rows []stRow
		for _, d := range r.Domains {
			rows = append(rows, stRow{fmt.Sprintf("%s (%d%%)", t("st.domain."+d.Group), d.Weight), d.Readiness, d.Studied, d.Cards})
		}
		out = append(out, stGroupLines(rows, w)...)
	}
	if len(r.Exams) > 0 {
		out = append(out, "", hd(fmt.Sprintf(t("st.exams"), len(r.Exams))))
		out = append(out, stExamTrend(r.Exams, w)...)
	}
	out = append(out, "", hd(fmt.Sprintf(t("st.overall"), fmt.Sprintf("%.0f%%", r.Readiness*100))))
	for _, l := range text.WrapMarkdown(r.Caveat, w) {
		out = append(out, mu(l))
	}
	for _, wm := range r.Warnings {
		add(wm)
	}
	return out
}

type stRow struct {
	name          string
	value         float64
	studied, size int
}

func stTopicRows(ts []progress.TopicStat) []stRow {
	rows := make([]stRow, len(ts))
	for i, g := range ts {
		rows[i] = stRow{g.Title, g.Mastery, g.Studied, g.Cards}
	}
	return rows
}

// stGroupLines draws "name  ▓▓▓░░░  45%  12/40" rows; the bar and the name
// shrink to fit w.
func stGroupLines(rows []stRow, w int) []string {
	nameW := 0
	for _, r := range rows {
		nameW = max(nameW, text.Width(r.name))
	}
	nameW = min(nameW, max(8, w/3))
	barW := min(20, max(5, w-nameW-18))
	var out []string
	for _, r := range rows {
		name := r.name
		if text.Width(name) > nameW {
			name = text.Truncate(name, nameW)
		}
		fill := int(r.value*float64(barW) + 0.5)
		bar := strings.Repeat("█", fill) + strings.Repeat("░", barW-fill)
		out = append(out, fmt.Sprintf("%s %s %3.0f%% %d/%d", text.PadRight(name, nameW), bar, r.value*100, r.studied, r.size))
	}
	return out
}

// stBars draws values as vertical bars h rows tall with eighth blocks.
func stBars(vals []int, h int) []string {
	peak := 0
	for _, v := range vals {
		peak = max(peak, v)
	}
	blocks := []rune(" ▁▂▃▄▅▆▇█")
	out := make([]string, h)
	for row := 0; row < h; row++ {
		var b strings.Builder
		for _, v := range vals {
			eighths := 0
			if peak > 0 {
				eighths = (v*h*8 + peak - 1) / peak // round up so any due day shows
			}
			level := eighths - (h-1-row)*8
			level = max(0, min(8, level))
			b.WriteRune(blocks[level])
		}
		out[row] = b.String()
	}
	return out
}

// stShades are the five shades of the review calendar.
var stShades = []rune{'·', '░', '▒', '▓', '█'}

// stHeatmap draws a calendar: one row per weekday, one column per week,
// the newest week at the right, as many weeks as fit.
func stHeatmap(lang content.Lang, days []srs.DayCount, w int) []string {
	if len(days) == 0 {
		return nil
	}
	peak := 0
	for _, d := range days {
		peak = max(peak, d.Count)
	}
	shade := func(n int) rune {
		if n == 0 || peak == 0 {
			return stShades[0]
		}
		return stShades[max(1, min(4, (n*4+peak-1)/peak))] // quarters of the busiest day
	}
	// Align so that the last column ends with the last day's weekday.
	last, err := time.Parse(time.DateOnly, days[len(days)-1].Date)
	if err != nil {
		return nil
	}
	lastWD := (int(last.Weekday()) + 6) % 7 // Monday = 0
	cols := (len(days) - (lastWD + 1) + 6) / 7
	cols++
	label := 4
	maxCols := max(1, w-label)
	cols = min(cols, maxCols)
	grid := make([][]rune, 7)
	for i := range grid {
		grid[i] = []rune(strings.Repeat(" ", cols))
	}
	for i := len(days) - 1; i >= 0; i-- {
		back := len(days) - 1 - i // days before the last
		pos := lastWD - back      // weekday index counted from the last week's Monday
		col := cols - 1
		for pos < 0 {
			pos += 7
			col--
		}
		if col < 0 {
			break
		}
		grid[pos][col] = shade(days[i].Count)
	}
	names := map[int]string{0: text.T(lang, "st.day.mon"), 2: text.T(lang, "st.day.wed"), 4: text.T(lang, "st.day.fri")}
	out := make([]string, 7)
	for i := range grid {
		out[i] = text.PadRight(names[i], label) + string(grid[i])
	}
	return out
}

// stExamTrend draws the percent of the latest exams as bars, oldest on
// the left, with the 72 % "likely pass" estimate marked, then the last few
// results as numbers.
func stExamTrend(exams []progress.ExamPoint, w int) []string {
	n := min(len(exams), max(w/2, 1))
	recent := exams[len(exams)-n:]
	vals := make([]int, n)
	for i, e := range recent {
		vals[i] = int(e.Percent + 0.5)
	}
	var out []string
	for _, l := range stBars(vals, 4) {
		out = append(out, l)
	}
	var parts []string
	for _, e := range recent[max(0, n-6):] {
		parts = append(parts, fmt.Sprintf("%s %.0f%%", e.At.Local().Format("01-02"), e.Percent))
	}
	out = append(out, text.Truncate(strings.Join(parts, " → ")+"  (72% ≈ likely pass)", w))
	return out
}
