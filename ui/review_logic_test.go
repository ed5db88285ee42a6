package ui

import (
	"strings"
	"testing"
	"time"

	"github.com/saa-study/saa-study/ui/text"
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
