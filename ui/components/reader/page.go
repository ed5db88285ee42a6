package reader

import (
	"strings"

	"github.com/charmbracelet/x/ansi"

	"github.com/saa-study/saa-study/ui/text"
)

// refresh sets the viewport content with the selected link and the search
// matches marked.
func (r *Reader) Refresh() {
	lines := r.lines
	marked := map[int]bool{}
	if r.srch != nil && r.srch.query != "" {
		lines = r.markMatches(marked)
	}
	if r.link >= 0 && r.link < len(r.links) && r.links[r.link].line >= 0 && r.links[r.link].line < len(lines) {
		if !marked[r.links[r.link].line] {
			lines = append([]string(nil), lines...)
		}
		l := r.links[r.link]
		lines[l.line] = highlightLine(r.c.Styles, r.plain[l.line], l.text, true)
	}
	if r.highlight != "" {
		if l, ok := r.sections[r.highlight]; ok && l < len(lines) {
			lines = append([]string(nil), lines...)
			lines[l] = r.c.Styles.MatchSelected.Render(text.PadRight(r.plain[l], r.Width()-1))
		}
	}
	off := r.vp.YOffset()
	r.vp.SetContentLines(lines)
	r.vp.SetYOffset(off)
	r.shown, r.shownW = lines, make([]int, len(lines))
	for i, l := range lines {
		if i < len(r.lines) && l == r.lines[i] {
			r.shownW[i] = r.widths[i]
		} else {
			r.shownW[i] = text.Width(l)
		}
	}
}

// page draws the viewport's visible lines, each filled to the width with
// spaces and the page filled to its height, as the viewport would, from
// the widths measured in Refresh (the viewport measures and wraps every
// visible line again on each frame, which made scrolling slow).
func (r *Reader) page() string {
	w, h := r.Width(), r.vpHeight()
	off := min(max(r.vp.YOffset(), 0), len(r.shown))
	end := min(off+h, len(r.shown))
	var b strings.Builder
	b.Grow((end - off + 1) * (w + 16))
	for i := off; i < end; i++ {
		if i > off {
			b.WriteByte('\n')
		}
		l, lw := r.shown[i], r.shownW[i]
		if lw > w {
			l, lw = ansi.Truncate(l, w, ""), w
		}
		b.WriteString(l)
		b.WriteString(strings.Repeat(" ", w-lw))
	}
	for i := end - off; i < h; i++ {
		if i > 0 {
			b.WriteByte('\n')
		}
		b.WriteString(strings.Repeat(" ", w))
	}
	return b.String()
}
