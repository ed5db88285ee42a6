package ui

import (
	"strings"
	"testing"

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
