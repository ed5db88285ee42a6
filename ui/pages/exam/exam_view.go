package exam

import (
	"fmt"
	"strings"

	"charm.land/bubbles/v2/key"
	tea "charm.land/bubbletea/v2"
	"github.com/charmbracelet/x/ansi"

	"github.com/saa-study/saa-study/quiz"
	"github.com/saa-study/saa-study/ui/render"
	"github.com/saa-study/saa-study/ui/styles"
	"github.com/saa-study/saa-study/ui/text"
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
		b.WriteString("\n" + text.WrapIndent(st.Warn.Render(fmt.Sprintf(s.c.T("exam.confirm"), un, len(s.ex.Flagged()))), w, 0))
		if part := s.ex.Partial(); len(part) > 0 {
			nums := make([]string, len(part))
			for j, i := range part {
				nums[j] = fmt.Sprint(i + 1)
			}
			b.WriteString(text.WrapIndent(st.Warn.Render(fmt.Sprintf(s.c.T("exam.confirmpartial"), strings.Join(nums, ", "))), w, 0))
		}
		b.WriteString(text.WrapIndent(st.Muted.Render(s.c.T("exam.confirmkeys")), w, 0))
		return b.String()
	}
	if s.done {
		b.WriteString("\n" + st.Muted.Render(s.c.T("exam.saving")))
		return b.String()
	}
	if s.grid {
		b.WriteString(s.gridView(w, h-1)) // under the clock
		return text.Fit(b.String(), h)
	}
	it := s.item()
	head := fmt.Sprintf(s.c.T("exam.head"), it.Index+1, s.ex.Len())
	if it.Flagged {
		head += "  " + st.Warn.Render("⚑ "+s.c.T("exam.flagged"))
	}
	// The heading stays; the stem and the options below it scroll, above
	// the foot; a cut question says there is more, and how to get to it.
	more := st.Muted.Render(ansi.Truncate(s.c.T("exam.more"), w, "…"))
	// The stem and the options keep a reading width, as the notes do.
	body := s.q.Body(min(w, render.MaxReadingWidth), true, "")
	b.WriteString(s.q.View(ansi.Truncate(st.Header.Render(head), w, "…"), body, h-2, more) + "\n")
	inPart := ""
	if n := len(s.ex.Partial()); n > 0 {
		inPart = fmt.Sprintf(s.c.T("exam.inpart"), n)
	}
	b.WriteString(text.Truncate(st.Muted.Render(fmt.Sprintf(s.c.T("exam.foot"), s.ex.Len()-len(s.ex.Unanswered()), s.ex.Len(), inPart, len(s.ex.Flagged()))), w))
	return text.Fit(b.String(), h)
}

// clockLine is the countdown: time left and a bar of the time used.
func (s *examScreen) clockLine(w int) string {
	st := s.c.Styles
	left := s.ex.Remaining(s.c.Clock())
	total := s.ex.Config().Duration
	label := fmt.Sprintf(s.c.T("exam.left"), text.Clock(left))
	style := st.Good
	if total > 0 && left*10 < total {
		style = st.Warn
	}
	barW := w - text.Width(label) - 1
	if barW < 5 {
		return style.Render(label)
	}
	return style.Render(label) + " " + bar(st, float64(left)/float64(max(total, 1)), min(barW, 40))
}

// bar draws a fraction in [0,1] as w cells of █ and ░.
func bar(st *styles.Styles, frac float64, w int) string {
	frac = min(max(frac, 0), 1)
	full := int(frac*float64(w) + 0.5)
	return st.Good.Render(strings.Repeat("█", full)) + st.Muted.Render(strings.Repeat("░", w-full))
}

// gridView shows every item: ✓ answered, · blank, ⚑ flagged. When the
// rows do not all fit in h lines, they scroll to keep the cursor in sight.
func (s *examScreen) gridView(w, h int) string {
	st := s.c.Styles
	cols := max(w/gridCell, 1)
	var rows []string
	var row strings.Builder
	for i := 0; i < s.ex.Len(); i++ {
		it, _ := s.ex.Item(i)
		mark := "·"
		if len(it.Chosen) > 0 {
			mark = "✓"
		}
		if quiz.Partial(it.Presented, it.Chosen) {
			mark = "½"
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
		row.WriteString(cell + " ")
		if (i+1)%cols == 0 || i == s.ex.Len()-1 {
			rows = append(rows, strings.TrimRight(row.String(), " "))
			row.Reset()
		}
	}
	hint := strings.Split(strings.TrimRight(text.WrapIndent(st.Muted.Render(s.c.T("exam.gridhint")), w, 0), "\n"), "\n")
	room := h - 1 // the heading
	if len(rows)+len(hint) > room {
		hint = nil // the cells matter more than the hint; ? shows the keys
	}
	if vis := max(room, 1); len(rows) > vis {
		cur := s.gridPos / cols
		start := min(max(cur-vis/2, 0), len(rows)-vis)
		rows = rows[start : start+vis]
	}
	var b strings.Builder
	b.WriteString(ansi.Truncate(st.Header.Render(s.c.T("exam.grid")), w, "…") + "\n")
	b.WriteString(strings.Join(rows, "\n") + "\n")
	if len(hint) > 0 {
		b.WriteString(strings.Join(hint, "\n") + "\n")
	}
	return b.String()
}

// ShortHelp stays short enough for "? help" to fit at 80 columns; the
// foot line under the question names g, s and esc too.
func (s *examScreen) ShortHelp() []key.Binding {
	if s.confirm {
		return []key.Binding{s.keys.Yes, s.keys.No}
	}
	flag := s.keys.Flag
	flag.SetHelp("f/m", "flag")
	if s.grid {
		return []key.Binding{s.c.Keys.Open, flag, s.keys.Grid, s.keys.Submit}
	}
	return []key.Binding{s.q.PickHelp(), s.keys.Next, s.keys.Prev, flag, s.keys.Pause}
}

func (s *examScreen) FullHelp() [][]key.Binding {
	k := s.c.Keys
	return [][]key.Binding{{s.q.PickHelp(), s.q.Keys.Toggle, k.Up, k.Down, s.q.Keys.Scroll},
		{s.keys.Next, s.keys.Prev, s.keys.Flag, s.keys.Grid, s.keys.Submit}}
}

// isFlagKey: m always flags; f flags too unless the question has a sixth
// option, which f then chooses.
func isFlagKey(msg tea.KeyPressMsg, flag key.Binding, options int) bool {
	return key.Matches(msg, flag) || (msg.String() == "f" && options < 6)
}
