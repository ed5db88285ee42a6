// Package layoutcheck tells whether a screen's own text fits the area it
// was given: no line wider than the width (in display cells, so Hangul
// counts two), no more lines than the height, and no prose cut short with
// "…" at the edge, which would hide words a learner must read.
package layoutcheck

import (
	"fmt"
	"strings"

	"github.com/charmbracelet/x/ansi"
)

// Problem is one way a screen does not fit.
type Problem struct {
	Line int // 1-based; 0 for the whole screen
	What string
}

func (p Problem) String() string {
	if p.Line == 0 {
		return p.What
	}
	return fmt.Sprintf("line %d: %s", p.Line, p.What)
}

// Check measures view against a w×h area.
func Check(view string, w, h int) []Problem {
	var out []Problem
	lines := strings.Split(strings.TrimSuffix(view, "\n"), "\n")
	if len(lines) > h {
		out = append(out, Problem{0, fmt.Sprintf("%d lines, more than the height %d", len(lines), h)})
	}
	for i, l := range lines {
		plain := ansi.Strip(l)
		cw := ansi.StringWidth(l)
		if cw > w {
			out = append(out, Problem{i + 1, fmt.Sprintf("%d cells wide, more than %d: %q", cw, w, plain)})
			continue
		}
		if CutProse(plain, w) {
			out = append(out, Problem{i + 1, fmt.Sprintf("prose cut with … at the edge: %q", plain)})
		}
	}
	return out
}

// CutProse reports whether a line is words that were cut at the right
// edge: it ends in "…" right at the width (or one cell short of it, where
// a wide character did not fit), and what comes before the mark is text,
// not a drawing.
func CutProse(plain string, w int) bool {
	t := strings.TrimRight(plain, " ")
	if !strings.HasSuffix(t, "…") {
		return false
	}
	if cw := ansi.StringWidth(t); cw < w-1 {
		return false // a "…" of its own ("Rendering…"), well inside the line
	}
	words := 0
	for _, f := range strings.Fields(strings.TrimSuffix(t, "…")) {
		if strings.ContainsFunc(f, func(r rune) bool { return r >= 'A' && r <= 'Z' || r >= 'a' && r <= 'z' || r >= 0xAC00 && r <= 0xD7A3 }) {
			words++
		}
	}
	return words >= 2
}
