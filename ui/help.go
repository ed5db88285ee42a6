package ui

import (
	"fmt"
	"math"
	"slices"
	"strings"

	"charm.land/bubbles/v2/key"
	tea "charm.land/bubbletea/v2"
	"charm.land/lipgloss/v2"

	"github.com/saa-study/saa-study/ui/common"
	"github.com/saa-study/saa-study/ui/keymap"
	"github.com/saa-study/saa-study/ui/text"
)

// helpBar is the short help; when it is too wide for the window it keeps
// "? help" at the end, so that the rest is always one key away. It is
// drawn again only when its bindings, the width or the colours change.
func (a *App) helpBar() string {
	bs := a.shortHelp()
	sig := helpSignature(bs, a.width, a.c.IsDark)
	if sig != a.helpMemo.sig {
		a.helpMemo.sig, a.helpMemo.out = sig, a.drawHelpBar(bs)
	}
	return a.helpMemo.out
}

// helpSignature names everything the help bar is drawn from: each shown
// binding's help, the width and the background.
func helpSignature(bs []key.Binding, width int, dark bool) string {
	var b strings.Builder
	fmt.Fprintf(&b, "%d %t", width, dark)
	for _, k := range bs {
		if k.Enabled() {
			h := k.Help()
			b.WriteString("\x00" + h.Key + "\x01" + h.Desc)
		}
	}
	return b.String()
}

func (a *App) drawHelpBar(bs []key.Binding) string {
	whole := a.help
	whole.SetWidth(0)
	if v := whole.ShortHelpView(bs); lipgloss.Width(v) <= a.width {
		return v
	}
	hi := -1
	for i, b := range bs {
		if key.Matches(tea.KeyPressMsg{Code: '?', Text: "?"}, b) {
			hi = i
		}
	}
	if hi < 0 {
		return a.help.ShortHelpView(bs)
	}
	for n := min(hi, len(bs)-1); n > 0; n-- {
		cand := append(append([]key.Binding{}, bs[:n]...), bs[hi])
		if v := whole.ShortHelpView(cand); lipgloss.Width(v) <= a.width {
			return v
		}
	}
	return a.help.ShortHelpView(bs)
}

func (a *App) shortHelp() []key.Binding {
	k := a.c.Keys
	out := append([]key.Binding{}, a.top().ShortHelp()...)
	// Some screens list esc themselves, where it means more than back
	// (an exam's pauses it).
	if len(a.stack) > 1 && !slices.ContainsFunc(out, func(b key.Binding) bool { return b.Help().Key == k.Back.Help().Key }) {
		out = append(out, k.Back)
	}
	if cp, ok := a.top().(common.Capturer); ok && cp.Capturing() {
		// The screen takes ? and q as text; only ctrl+c quits here.
		quit := key.NewBinding(key.WithKeys("ctrl+c"), key.WithHelp("ctrl+c", "quit"))
		return keymap.Localize(a.c.Lang, append(out, quit))
	}
	return keymap.Localize(a.c.Lang, append(out, k.Help, k.Quit))
}

// helpSections are the top screen's keys in titled sections (its own,
// or one untitled section per FullHelp group), then the keys of the App.
func (a *App) helpSections() []common.HelpSection {
	k := a.c.Keys
	var out []common.HelpSection
	if sc, ok := a.top().(common.Sectioned); ok {
		out = append(out, sc.HelpSections()...)
	} else {
		for _, g := range a.top().FullHelp() {
			out = append(out, common.HelpSection{Keys: g})
		}
	}
	out = append(out, common.HelpSection{Title: a.c.T("help.everywhere"), Keys: []key.Binding{k.Back, k.Help, k.Quit}})
	for i := range out {
		out[i].Keys = keymap.Localize(a.c.Lang, out[i].Keys)
	}
	return out
}

// scrollHelp moves the full help by a line, a page or to an end for the
// keys that do so on a screen, and reports whether msg was one of them.
// The screen under the help is hidden, so it gets none of them.
func (a *App) scrollHelp(msg tea.KeyPressMsg) bool {
	k := a.c.Keys
	page := a.helpRoom()
	switch {
	case key.Matches(msg, k.Up):
		a.helpTop--
	case key.Matches(msg, k.Down):
		a.helpTop++
	case key.Matches(msg, k.PageUp):
		a.helpTop -= page
	case key.Matches(msg, k.PageDown):
		a.helpTop += page
	case key.Matches(msg, k.Top):
		a.helpTop = 0
	case key.Matches(msg, k.Bottom):
		a.helpTop = math.MaxInt / 2
	default:
		return false
	}
	// Clamped here, where it moved, so that ↑ after G moves at once.
	_, a.helpTop = a.helpPage()
	return true
}

// helpPage is the full help as it fits the room, and the first line shown:
// all of it, or, in a small window, the lines from helpTop and a last line
// saying which lines these are and that ↑/↓ show the others (esc back and
// q quit are in the help's last column, the first to fall off a 40×12
// window).
func (a *App) helpPage() (string, int) {
	full := a.fullHelpView(a.width)
	lines := strings.Split(full, "\n")
	if len(lines) <= a.c.Height {
		return full, 0
	}
	room := a.helpRoom()
	page, top := text.Scroll(lines, a.helpTop, room)
	more := fmt.Sprintf(a.c.T("app.help.more"), top+1, top+room, len(lines))
	return page + "\n" + a.c.Styles.Muted.Render(text.Truncate(more, a.width)), top
}

// helpRoom is how many lines of the full help a page shows when it does
// not all fit: the room less the line that says where the reader is.
func (a *App) helpRoom() int { return max(a.c.Height-1, 1) }

// fullHelpView lays the help sections out in columns that fit w: each
// section is a column of "key  what it does" under its title; columns go
// side by side while they fit and wrap to the next row when they do not,
// and a line too long for the window wraps under its description.
// Sections that apply elsewhere (the other pane) are dimmed.
func (a *App) fullHelpView(w int) string {
	st := a.c.Styles
	const gap = 3
	var blocks []string
	for _, sec := range a.helpSections() {
		keyW := 0
		for _, b := range sec.Keys {
			if b.Enabled() && b.Help().Key != "" {
				keyW = max(keyW, text.Width(b.Help().Key))
			}
		}
		keyStyle, descStyle, titleStyle := st.Cursor, st.Item, st.Header
		if sec.Inactive {
			keyStyle, descStyle, titleStyle = st.Muted, st.Muted, st.Muted
		}
		var lines []string
		if sec.Title != "" {
			lines = append(lines, titleStyle.Render(text.Hang(sec.Title, w, 2)))
		}
		for _, b := range sec.Keys {
			h := b.Help()
			if !b.Enabled() || h.Key == "" {
				continue
			}
			line := keyStyle.Render(text.PadRight(h.Key, keyW)) + "  " + descStyle.Render(h.Desc)
			lines = append(lines, text.Hang(line, w, min(keyW+2, w/2)))
		}
		if len(lines) > 0 {
			blocks = append(blocks, strings.Join(lines, "\n"))
		}
	}
	var rows []string
	var row []string
	used := 0
	for _, bl := range blocks {
		bw := lipgloss.Width(bl)
		if len(row) > 0 && used+gap+bw > w {
			rows = append(rows, lipgloss.JoinHorizontal(lipgloss.Top, row...))
			row, used = nil, 0
		}
		if len(row) > 0 {
			row = append(row, strings.Repeat(" ", gap))
			used += gap
		}
		row = append(row, bl)
		used += bw
	}
	if len(row) > 0 {
		rows = append(rows, lipgloss.JoinHorizontal(lipgloss.Top, row...))
	}
	lines := strings.Split(strings.Join(rows, "\n\n"), "\n")
	for i, l := range lines {
		lines[i] = strings.TrimRight(l, " ")
	}
	return strings.Join(lines, "\n")
}
