// Package menu is the vertical list every chooser of the program uses: a
// cursor that scrolls to stay visible, titles, descriptions and notes.
package menu

import (
	"strings"

	"charm.land/bubbles/v2/key"
	tea "charm.land/bubbletea/v2"
	"github.com/charmbracelet/x/ansi"

	"github.com/saa-study/saa-study/ui/common"
	"github.com/saa-study/saa-study/ui/text"
)

// Item is one row of a menu: a title, an optional description on the
// same line and an optional right-hand note.
type Item struct {
	ID, Title, Desc, Note string
}

// Menu is a vertical list with a cursor that scrolls to stay visible.
type Menu struct {
	Items  []Item
	Cursor int
	offset int
}

// Move handles the navigation keys; it reports whether it used the key.
func (m *Menu) Move(c *common.Common, msg tea.KeyPressMsg) bool {
	k := c.Keys
	n := len(m.Items)
	if n == 0 {
		return false
	}
	switch {
	case key.Matches(msg, k.Up):
		m.Cursor = (m.Cursor - 1 + n) % n
	case key.Matches(msg, k.Down):
		m.Cursor = (m.Cursor + 1) % n
	case key.Matches(msg, k.Top):
		m.Cursor = 0
	case key.Matches(msg, k.Bottom):
		m.Cursor = n - 1
	case key.Matches(msg, k.PageDown):
		m.Cursor = min(n-1, m.Cursor+max(1, c.Height-1))
	case key.Matches(msg, k.PageUp):
		m.Cursor = max(0, m.Cursor-max(1, c.Height-1))
	default:
		return false
	}
	return true
}

// Selected is the item under the cursor.
func (m *Menu) Selected() (Item, bool) {
	if m.Cursor < 0 || m.Cursor >= len(m.Items) {
		return Item{}, false
	}
	return m.Items[m.Cursor], true
}

// View draws at most h rows. A description stands beside its title when
// the whole line fits the window; when it does not, the row shows the
// title alone and the selected item's description is written out in full
// below the list, so that nothing is cut mid-sentence.
func (m *Menu) View(c *common.Common, h int) string {
	st := c.Styles
	h = max(h, 1)
	titleW, noteW := 0, 0
	for _, it := range m.Items {
		titleW = max(titleW, text.Width(it.Title))
		// A note takes at most half the row beside the titles; a longer
		// one goes under its title rather than cut every title short.
		if w := text.Width(it.Note); c.Width <= 0 || w <= (c.Width-4)/2 {
			noteW = max(noteW, w)
		}
	}
	if noteW > 0 && c.Width > 0 {
		// On a narrow window cut the titles, not the notes beside them
		// (a note list's "not started" / "40% read").
		titleW = min(titleW, max(c.Width-4-noteW, minTitle))
	}
	// The selected description, when its row cannot hold it, goes below.
	var below []string
	if it, ok := m.Selected(); ok && it.Desc != "" && !m.descFits(c, it, titleW) && h >= 6 && c.Width >= 20 {
		below = text.Wrap(it.Desc, c.Width-2)
		if len(below) > h/3 {
			below = nil // no room to say it whole: leave it out
		}
	}
	rows := h
	if below != nil {
		rows = h - len(below) - 1
	}
	// Items are a line each, but a note too long to stand beside its
	// title goes under it, wrapped: the list scrolls by whole items.
	lines := make([][]string, len(m.Items))
	for i, it := range m.Items {
		lines[i] = m.itemLines(c, it, i == m.Cursor, titleW)
	}
	rows = max(rows, 1)
	if m.Cursor < m.offset {
		m.offset = m.Cursor
	}
	for m.offset < m.Cursor && linesIn(lines[m.offset:m.Cursor+1]) > rows {
		m.offset++
	}
	var b strings.Builder
	used := 0
	for i := m.offset; i < len(m.Items); i++ {
		ls := lines[i]
		if used+len(ls) > rows {
			if used > 0 {
				break
			}
			ls = ls[:rows] // an item taller than the room shows its top
		}
		for _, l := range ls {
			b.WriteString(l)
			b.WriteByte('\n')
		}
		used += len(ls)
	}
	if below != nil {
		b.WriteByte('\n')
		for _, l := range below {
			b.WriteString("  " + st.ItemDesc.Render(l) + "\n")
		}
	}
	return strings.TrimRight(b.String(), "\n")
}

// minTitle is the fewest cells a title is cut to so that a note fits
// beside it.
const minTitle = 10

// itemLines draws one item: its row, then, when its note does not fit
// beside the title even with the title cut, the note wrapped under it.
func (m *Menu) itemLines(c *common.Common, it Item, sel bool, titleW int) []string {
	st := c.Styles
	prefix := "  "
	title, desc := st.Item, st.ItemDesc
	if sel {
		prefix = st.Cursor.Render("▸ ")
		title, desc = st.ItemSelected, st.ItemDescSelected
	}
	if it.Note != "" && c.Width > 0 && 2+titleW+2+text.Width(it.Note) > c.Width {
		out := []string{prefix + title.Render(ansi.Truncate(it.Title, max(c.Width-2, 1), "…"))}
		for _, l := range text.Wrap(it.Note, max(c.Width-4, 1)) {
			out = append(out, "    "+st.Muted.Render(l))
		}
		return out
	}
	t := it.Title
	if text.Width(t) > titleW {
		t = ansi.Truncate(t, titleW, "…")
	}
	line := prefix + title.Render(text.PadRight(t, titleW))
	if it.Note != "" {
		line += "  " + st.Muted.Render(it.Note)
	}
	if it.Desc != "" && m.descFits(c, it, titleW) {
		line += "  " + desc.Render(it.Desc)
	}
	return []string{line}
}

// linesIn counts the lines of items.
func linesIn(items [][]string) int {
	n := 0
	for _, ls := range items {
		n += len(ls)
	}
	return n
}

// descFits reports whether an item's row has room for its description
// whole: descriptions are sentences, never cut.
func (m *Menu) descFits(c *common.Common, it Item, titleW int) bool {
	if c.Width < 60 {
		return false
	}
	w := 2 + titleW + 2 + text.Width(it.Desc)
	if it.Note != "" {
		w += 2 + text.Width(it.Note)
	}
	return w <= c.Width
}
