package reader

import "testing"

// TestSearchMatchesAcrossWrappedLines: a phrase split by the wrap is one
// match, marked on both lines; a blank line (a new paragraph) stops it.
func TestSearchMatchesAcrossWrappedLines(t *testing.T) {
	lines := []string{
		"  Lambda keeps 100 unreserved; set reserved  ",
		"  concurrency on the function.               ",
		"",
		"  reserved",
		"",
		"  concurrency again, Reserved Concurrency.",
	}
	got := findMatches(lines, "reserved   concurrency")
	if len(got) != 2 {
		t.Fatalf("%d matches, want 2 (the wrapped one and the last): %+v", len(got), got)
	}
	m := got[0]
	want := []span{{0, 35, 43}, {1, 2, 13}}
	if m.line != 0 || len(m.spans) != 2 || m.spans[0] != want[0] || m.spans[1] != want[1] {
		t.Errorf("wrapped match = %+v, want spans %+v", m, want)
	}
	if got[1].line != 5 {
		t.Errorf("second match on line %d, want 5", got[1].line)
	}
}
