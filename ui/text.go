package ui

import (
	"strings"

	"charm.land/lipgloss/v2"
)

// textWidth is the display width in cells (Hangul counts two).
func textWidth(s string) int { return lipgloss.Width(s) }

// padRight pads s with spaces to w display cells.
func padRight(s string, w int) string {
	if d := w - textWidth(s); d > 0 {
		return s + strings.Repeat(" ", d)
	}
	return s
}
