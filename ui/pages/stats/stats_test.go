package stats

import (
	"context"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/saa-study/saa-study/content"
	"github.com/saa-study/saa-study/progress"
	"github.com/saa-study/saa-study/srs"
	"github.com/saa-study/saa-study/ui/internal/fixture"
	"github.com/saa-study/saa-study/ui/text"
)

func fixedClock() time.Time { return time.Date(2026, 11, 27, 9, 0, 0, 0, time.UTC) }

// testProgress opens a fresh progress file.
func testProgress(t testing.TB) *progress.Progress {
	t.Helper()
	p, err := progress.Open(filepath.Join(t.TempDir(), "progress.db"), nil, progress.Options{Loc: time.Local})
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { p.Close() })
	return p
}

// TestStatsDrawTheExamTrend: submitted exams appear, oldest first, on the
// Stats screen and in stats --json.
func TestStatsDrawTheExamTrend(t *testing.T) {
	st := testProgress(t)
	ctx := context.Background()
	for i, pct := range []float64{45, 60, 75} {
		id, err := st.StartExam(ctx, "en", []byte(`{}`))
		if err != nil {
			t.Fatal(err)
		}
		if err := st.FinishExam(ctx, id, []byte(`{}`), progress.ExamScore{Total: 20, Correct: int(pct / 5), Percent: pct, TimeUsed: time.Duration(i+1) * time.Minute}, nil); err != nil {
			t.Fatal(err)
		}
	}
	r, err := st.WithLibrary(fixture.Library(t)).Stats(ctx, content.EN, fixedClock())
	if err != nil {
		t.Fatal(err)
	}
	if len(r.Exams) != 3 || r.Exams[0].Percent != 45 || r.Exams[2].Percent != 75 {
		t.Fatalf("exam trend = %+v, want 45, 60, 75 in order", r.Exams)
	}
	text := strings.Join(StatsLines(content.EN, &r, 80, nil), "\n")
	if !strings.Contains(text, "Practice exams (3)") || !strings.Contains(text, "75%") {
		t.Fatalf("the stats text lacks the exam trend:\n%s", text)
	}
}

func TestBarsRoundUpSoAnyDueDayShows(t *testing.T) {
	got := stBars([]int{0, 1, 8}, 2)
	// 8 is the peak: two full rows; 1 of 8 over 2 rows = 2 eighths.
	if got[0] != "  █" || got[1] != " ▂█" {
		t.Fatalf("bars = %q", got)
	}
}

func TestHeatmapPutsTodayInItsWeekdayRow(t *testing.T) {
	// 2026-11-27 is a Friday: the last column ends on the Friday row.
	days := make([]srs.DayCount, 14)
	start := time.Date(2026, 11, 14, 0, 0, 0, 0, time.UTC)
	for i := range days {
		days[i] = srs.DayCount{Date: start.AddDate(0, 0, i).Format(time.DateOnly)}
	}
	days[13].Count = 4
	days[12].Count = 1
	rows := stHeatmap(content.EN, days, 80)
	if len(rows) != 7 {
		t.Fatalf("%d rows", len(rows))
	}
	fri, thu, sat := []rune(rows[4]), []rune(rows[3]), []rune(rows[5])
	if fri[len(fri)-1] != '█' || thu[len(thu)-1] != '░' || sat[len(sat)-1] != ' ' {
		t.Fatalf("calendar:\n%s", strings.Join(rows, "\n"))
	}
}

// TestForecastSaysNothingIsDueInsteadOfEmptyBars: with nothing due in the
// next 30 days the forecast is one line saying so, not a heading over four
// empty rows; with something due, the bars are drawn.
func TestForecastSaysNothingIsDueInsteadOfEmptyBars(t *testing.T) {
	for _, lang := range []content.Lang{content.EN, content.KO} {
		r := progress.StatsReport{Forecast: make([]int, 30)}
		lines := StatsLines(lang, &r, 80, nil)
		joined := strings.Join(lines, "\n")
		if !strings.Contains(joined, text.T(lang, "st.forecast.none")) || strings.Contains(joined, strings.SplitN(text.T(lang, "st.forecast"), "%", 2)[0]) {
			t.Errorf("%s: nothing due, yet no line says so:\n%s", lang, joined)
		}
		for i, l := range lines {
			if i+1 < len(lines) && strings.TrimSpace(l) == "" && strings.TrimSpace(lines[i+1]) == "" {
				t.Errorf("%s: two blank lines in a row at line %d (empty bars):\n%s", lang, i, joined)
				break
			}
		}
		r.Forecast[2] = 3
		joined = strings.Join(StatsLines(lang, &r, 80, nil), "\n")
		if strings.Contains(joined, text.T(lang, "st.forecast.none")) || !strings.Contains(joined, "█") {
			t.Errorf("%s: 3 due in two days, yet no bars:\n%s", lang, joined)
		}
	}
}

// TestForecastLineFitsANarrowWindow: the "nothing due" line wraps to the
// width like the lines above it.
func TestForecastLineFitsANarrowWindow(t *testing.T) {
	r := progress.StatsReport{Forecast: make([]int, 30)}
	for _, l := range StatsLines(content.EN, &r, 40, nil) {
		if text.Width(l) > 40 && strings.Contains(l, "nothing") {
			t.Errorf("a line of %d cells at 40: %q", text.Width(l), l)
		}
	}
}
