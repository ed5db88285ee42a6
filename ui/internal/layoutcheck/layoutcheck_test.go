package layoutcheck

import (
	"strings"
	"testing"
)

// TestCheckFailsOnABrokenScreen: the checker itself can fail — a screen
// that draws too wide, too tall, or cuts a sentence is reported, and one
// that fits is not.
func TestCheckFailsOnABrokenScreen(t *testing.T) {
	w, h := 40, 5
	fits := "Notes\n  Lambda limits      40% read\n  한국어 노트는 두 칸씩 셉니다\nRendering…"
	if p := Check(fits, w, h); len(p) != 0 {
		t.Fatalf("a screen that fits was reported: %v", p)
	}
	cases := []struct{ name, view, want string }{
		{"too wide", strings.Repeat("x", 41), "more than 40"},
		{"too wide, Korean", strings.Repeat("한", 21), "42 cells"}, // 21 runes
		{"too tall", strings.Repeat("line\n", 6), "more than the height"},
		{"prose cut", "An S3 bucket invokes a Lambda function…", "prose cut"},
		{"Korean prose cut", "람다 함수는 최대 십오 분 동안 실행됩니…", "prose cut"},
	}
	for _, c := range cases {
		p := Check(c.view, w, h)
		if len(p) == 0 || !strings.Contains(p[0].String(), c.want) {
			t.Errorf("%s: got %v, want a problem saying %q", c.name, p, c.want)
		}
	}
}
