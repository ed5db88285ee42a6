package ui

import (
	"strings"

	"charm.land/bubbles/v2/key"
	tea "charm.land/bubbletea/v2"
	"github.com/charmbracelet/x/ansi"

	"github.com/saa-study/saa-study/ui/text"
)

// menuItem is one row of a menu: a title, an optional description on the
// same line and an optional right-hand note.
type menuItem struct {
	id, title, desc, note string
}

// menu is a vertical list with a cursor that scrolls to stay visible.
type menu struct {
	items  []menuItem
	cursor int
	offset int
}

// move handles the navigation keys; it reports whether it used the key.
func (m *menu) move(c *Common, msg tea.KeyPressMsg) bool {
	k := c.Keys
	n := len(m.items)
	if n == 0 {
		return false
	}
	switch {
	case key.Matches(msg, k.Up):
		m.cursor = (m.cursor - 1 + n) % n
	case key.Matches(msg, k.Down):
		m.cursor = (m.cursor + 1) % n
	case key.Matches(msg, k.Top):
		m.cursor = 0
	case key.Matches(msg, k.Bottom):
		m.cursor = n - 1
	case key.Matches(msg, k.PageDown):
		m.cursor = min(n-1, m.cursor+max(1, c.Height-1))
	case key.Matches(msg, k.PageUp):
		m.cursor = max(0, m.cursor-max(1, c.Height-1))
	default:
		return false
	}
	return true
}

func (m *menu) selected() (menuItem, bool) {
	if m.cursor < 0 || m.cursor >= len(m.items) {
		return menuItem{}, false
	}
	return m.items[m.cursor], true
}

// view draws at most h rows. Descriptions are dropped first when narrow.
func (m *menu) view(c *Common, h int) string {
	st := c.Styles
	if h < 1 {
		h = 1
	}
	if m.cursor < m.offset {
		m.offset = m.cursor
	}
	if m.cursor >= m.offset+h {
		m.offset = m.cursor - h + 1
	}
	var b strings.Builder
	titleW := 0
	noteW := 0
	for _, it := range m.items {
		titleW = max(titleW, text.Width(it.title))
		noteW = max(noteW, text.Width(it.note))
	}
	if noteW > 0 && c.Width > 0 {
		// On a narrow window cut the titles, not the notes beside them
		// (a note list's "not started" / "40% read").
		titleW = min(titleW, max(c.Width-4-noteW, 10))
	}
	for i := m.offset; i < len(m.items) && i < m.offset+h; i++ {
		it := m.items[i]
		sel := i == m.cursor
		prefix := "  "
		title, desc := st.Item, st.ItemDesc
		if sel {
			prefix = st.Cursor.Render("▸ ")
			title, desc = st.ItemSelected, st.ItemDescSelected
		}
		t := it.title
		if text.Width(t) > titleW {
			t = ansi.Truncate(t, titleW, "…")
		}
		line := prefix + title.Render(text.PadRight(t, titleW))
		if it.note != "" {
			line += "  " + st.Muted.Render(it.note)
		}
		if it.desc != "" && c.Width >= 60 {
			line += "  " + desc.Render(it.desc)
		}
		b.WriteString(line)
		b.WriteByte('\n')
	}
	return strings.TrimRight(b.String(), "\n")
}
