package ui

import (
	"strings"
	"testing"
	"time"

	"github.com/saa-study/saa-study/content"
	"github.com/saa-study/saa-study/srs"
	"github.com/saa-study/saa-study/ui/text"
)

func TestWrapJoinsParagraphLinesButKeepsLists(t *testing.T) {
	in := "A cold start\ncreates an environment.\n\n- one\n- two\n1. first"
	got := strings.Join(text.WrapMarkdown(in, 80), "|")
	want := "A cold start creates an environment.||- one|- two|1. first"
	if got != want {
		t.Fatalf("got %q\nwant %q", got, want)
	}
	for _, l := range text.WrapMarkdown("한국어 문장은 두 칸 너비로 계산되므로 좁은 화면에서 더 일찍 줄을 바꿔야 합니다", 20) {
		if text.Width(l) > 20 {
			t.Fatalf("line %q is %d cells", l, text.Width(l))
		}
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
