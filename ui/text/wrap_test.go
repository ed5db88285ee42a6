package text

import (
	"strings"
	"testing"
)

func TestWrapJoinsParagraphLinesButKeepsLists(t *testing.T) {
	in := "A cold start\ncreates an environment.\n\n- one\n- two\n1. first"
	got := strings.Join(WrapMarkdown(in, 80), "|")
	want := "A cold start creates an environment.||- one|- two|1. first"
	if got != want {
		t.Fatalf("got %q\nwant %q", got, want)
	}
	for _, l := range WrapMarkdown("한국어 문장은 두 칸 너비로 계산되므로 좁은 화면에서 더 일찍 줄을 바꿔야 합니다", 20) {
		if Width(l) > 20 {
			t.Fatalf("line %q is %d cells", l, Width(l))
		}
	}
}

func TestComma(t *testing.T) {
	for n, want := range map[int64]string{0: "0", 999: "999", 1000: "1,000", -1234567: "-1,234,567", 4000000: "4,000,000"} {
		if got := Comma(n); got != want {
			t.Errorf("Comma(%d) = %q, want %q", n, got, want)
		}
	}
}
