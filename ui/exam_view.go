package ui

import (
	"fmt"
	"strings"
	"time"

	"charm.land/bubbles/v2/key"
	tea "charm.land/bubbletea/v2"
)

// gridCell is the width of one cell of the overview grid: "[12✓]".
const gridCell = 6

func (s *examScreen) View() string {
	st := s.c.Styles
	w, h := s.c.Width, s.c.Height
	var b strings.Builder
	b.WriteString(s.clockLine(w) + "\n")
	if s.confirm {
		un := len(s.ex.Unanswered())
		b.WriteString("\n" + wrapIndent(st.Warn.Render(fmt.Sprintf(s.c.t("exam.confirm"), un, len(s.ex.Flagged()))), w, 0))
		b.WriteString(wrapIndent(st.Muted.Render(s.c.t("exam.confirmkeys")), w, 0))
		return b.String()
	}
	if s.done {
		b.WriteString("\n" + st.Muted.Render(s.c.t("exam.saving")))
		return b.String()
	}
	if s.grid {
		b.WriteString(s.gridView(w))
		return b.String()
	}
	it := s.item()
	p := it.Presented
	head := fmt.Sprintf(s.c.t("exam.head"), it.Index+1, s.ex.Len())
	if it.Flagged {
		head += "  " + st.Warn.Render("⚑ "+s.c.t("exam.flagged"))
	}
	var body strings.Builder
	body.WriteString(st.Header.Render(head) + "\n")
	body.WriteString(wrapIndent(plainMarkdown(p.Stem), w, 0))
	if p.Label != "" {
		body.WriteString(wrapIndent(st.Warn.Render(p.Label), w, 0))
	}
	body.WriteString("\n")
	body.WriteString(drawOptions(st, p, s.sel.Marked, s.cursor, w))
	lines := strings.Split(strings.TrimRight(body.String(), "\n"), "\n")
	room := max(h-3, 1)
	s.scroll = min(s.scroll, max(len(lines)-room, 0))
	lines = lines[s.scroll:]
	if len(lines) > room {
		lines = lines[:room]
	}
	b.WriteString(strings.Join(lines, "\n") + "\n")
	b.WriteString(st.Muted.Render(fmt.Sprintf(s.c.t("exam.foot"), s.ex.Len()-len(s.ex.Unanswered()), s.ex.Len(), len(s.ex.Flagged()))))
	return fit(b.String(), w, h)
}

// clockLine is the countdown: time left and a bar of the time used.
func (s *examScreen) clockLine(w int) string {
	st := s.c.Styles
	left := s.ex.Remaining(s.c.now())
	total := s.ex.Config().Duration
	label := fmt.Sprintf(s.c.t("exam.left"), clockText(left))
	style := st.Good
	if total > 0 && left*10 < total {
		style = st.Warn
	}
	barW := w - textWidth(label) - 1
	if barW < 5 {
		return style.Render(label)
	}
	return style.Render(label) + " " + bar(st, float64(left)/float64(max(total, 1)), min(barW, 40))
}

// clockText shows a duration as m:ss (h:mm:ss from an hour).
func clockText(d time.Duration) string {
	d = max(d, 0).Round(time.Second)
	hh, mm, ss := int(d.Hours()), int(d.Minutes())%60, int(d.Seconds())%60
	if hh > 0 {
		return fmt.Sprintf("%d:%02d:%02d", hh, mm, ss)
	}
	return fmt.Sprintf("%d:%02d", mm, ss)
}

// bar draws a fraction in [0,1] as w cells of █ and ░.
func bar(st *Styles, frac float64, w int) string {
	frac = min(max(frac, 0), 1)
	full := int(frac*float64(w) + 0.5)
	return st.Good.Render(strings.Repeat("█", full)) + st.Muted.Render(strings.Repeat("░", w-full))
}

// gridView shows every item: ✓ answered, · blank, ⚑ flagged.
func (s *examScreen) gridView(w int) string {
	st := s.c.Styles
	var b strings.Builder
	b.WriteString(st.Header.Render(s.c.t("exam.grid")) + "\n")
	cols := max(w/gridCell, 1)
	for i := 0; i < s.ex.Len(); i++ {
		it, _ := s.ex.Item(i)
		mark := "·"
		if len(it.Chosen) > 0 {
			mark = "✓"
		}
		if it.Flagged {
			mark = "⚑"
		}
		cell := fmt.Sprintf("%2d%s", i+1, mark)
		switch {
		case i == s.gridPos:
			cell = st.MatchSelected.Render("[" + cell + "]")
		case it.Flagged:
			cell = st.Warn.Render("[" + cell + "]")
		case len(it.Chosen) > 0:
			cell = st.Good.Render("[" + cell + "]")
		default:
			cell = st.Muted.Render("[" + cell + "]")
		}
		b.WriteString(cell + " ")
		if (i+1)%cols == 0 || i == s.ex.Len()-1 {
			b.WriteString("\n")
		}
	}
	b.WriteString(wrapIndent(st.Muted.Render(s.c.t("exam.gridhint")), w, 0))
	return b.String()
}

func (s *examScreen) ShortHelp() []key.Binding {
	if s.confirm {
		return []key.Binding{s.keys.Yes, s.keys.No}
	}
	if s.grid {
		return []key.Binding{s.c.Keys.Open, s.keys.Flag, s.keys.Grid, s.keys.Submit}
	}
	return []key.Binding{s.keys.Pick, s.keys.Next, s.keys.Prev, s.keys.Flag, s.keys.Grid, s.keys.Submit}
}

func (s *examScreen) FullHelp() [][]key.Binding {
	k := s.c.Keys
	return [][]key.Binding{{s.keys.Pick, s.keys.Toggle, k.Up, k.Down, s.keys.Scroll},
		{s.keys.Next, s.keys.Prev, s.keys.Flag, s.keys.Grid, s.keys.Submit}}
}

// isFlagKey: m always flags; f flags too unless the question has a sixth
// option, which f then chooses.
func isFlagKey(msg tea.KeyPressMsg, flag key.Binding, options int) bool {
	return key.Matches(msg, flag) || (msg.String() == "f" && options < 6)
}
