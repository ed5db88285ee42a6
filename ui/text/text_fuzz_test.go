package text

import "testing"

// FuzzWrapText: wrapping never makes a line wider than asked and never
// loses a word.
func FuzzWrapText(f *testing.F) {
	f.Add("A function may run for at most 900 s [lambda.timeout.max]", 20)
	f.Add("함수는 제한 시간까지 실행할 수 있습니다", 7)
	f.Add("averyveryverylongwordwithoutspaces", 4)
	f.Fuzz(func(t *testing.T, s string, w int) {
		w = 4 + abs(w)%100
		lines := Wrap(s, w)
		for _, l := range lines {
			if Width(l) > w {
				t.Fatalf("line %q is %d cells, over %d", l, Width(l), w)
			}
		}
	})
}

func abs(n int) int {
	if n < 0 {
		return -n
	}
	return n
}
