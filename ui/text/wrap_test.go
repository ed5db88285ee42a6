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

// TestPackPutsAsManyItemsOnALineAsFit: items keep their order, a line
// takes the next item while it fits with the separator (Korean measured at
// two cells a character, styles at none), and an item wider than the width
// stands alone.
func TestPackPutsAsManyItemsOnALineAsFit(t *testing.T) {
	got := Pack([]string{"s start", "n next step", "c close", "r reveal", "\x1b[1mq quit\x1b[0m", "한국어 항목"}, " · ", 20)
	// 7+3+11 and 11+3+7 are 21 cells; 7+3+8 is 18; 6+3+11 (Hangul is two
	// cells) is 20.
	want := []string{"s start", "n next step", "c close · r reveal", "\x1b[1mq quit\x1b[0m · 한국어 항목"}
	if strings.Join(got, "|") != strings.Join(want, "|") {
		t.Errorf("got %q\nwant %q", got, want)
	}
	if got := Pack([]string{"a-very-long-item", "b"}, " ", 5); strings.Join(got, "|") != "a-very-long-item|b" {
		t.Errorf("a long item: %q", got)
	}
	if got := Pack(nil, " ", 10); len(got) != 0 {
		t.Errorf("no items: %q", got)
	}
}
