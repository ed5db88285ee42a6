package classroom

import (
	"strings"
	"testing"

	"github.com/charmbracelet/x/ansi"

	"github.com/saa-study/saa-study/ui/styles"
)

// TestJoinCodeInBlockLetters: every character a code can hold has its own
// block glyph five rows tall, the dashboard draws the code with them and
// keeps the plain code beside it (for screen readers and NO_COLOR).
func TestJoinCodeInBlockLetters(t *testing.T) {
	seen := map[string]rune{}
	for _, r := range codeAlphabet {
		rows := strings.Split(ansi.Strip(bigCode(string(r), styles.New(true))), "\n")
		if len(rows) != 5 {
			t.Fatalf("%c: %d rows, want 5", r, len(rows))
		}
		g := strings.Join(rows, "\n")
		if !strings.Contains(g, "█") || strings.ContainsRune(g, r) {
			t.Fatalf("%c is not drawn in blocks:\n%s", r, g)
		}
		if o, dup := seen[g]; dup {
			t.Fatalf("%c and %c look the same", r, o)
		}
		seen[g] = r
	}
	r, _, _ := testRoom(t, TeacherPaced, 1, 0)
	for _, w := range []int{80, 120} {
		s := dashAt(t, r, w, 24)
		big := strings.Split(ansi.Strip(bigCode("ABCDEF", styles.New(true))), "\n")
		lines := strings.Split(s, "\n")
		at := -1
		for i, l := range lines {
			if strings.Contains(l, big[0]) {
				at = i
				break
			}
		}
		if at < 0 || at+len(big) > len(lines) {
			t.Fatalf("at %d columns the code is not drawn in block letters:\n%s", w, s)
		}
		for k, row := range big {
			if !strings.Contains(lines[at+k], row) {
				t.Fatalf("at %d columns row %d of the code is broken:\n%s", w, k, s)
			}
		}
		if !strings.Contains(s, "ABCDEF") {
			t.Errorf("at %d columns the plain code is not beside the big one:\n%s", w, s)
		}
	}
}
