package question

import (
	"fmt"
	"regexp"
	"strings"

	"charm.land/bubbles/v2/key"
	"github.com/charmbracelet/x/ansi"

	"github.com/saa-study/saa-study/content"
	"github.com/saa-study/saa-study/quiz"
	"github.com/saa-study/saa-study/ui/styles"
	"github.com/saa-study/saa-study/ui/text"
)

// Body draws the question wrapped to w: the stem, its "Choose TWO" label,
// then the options (the cursor shows when focused) or, once graded, the
// verdict, every option's explanation, the facts cited and hint; a warning
// last.
func (m *Model) Body(w int, focused bool, hint string) string {
	st := m.c.Styles
	var b strings.Builder
	b.WriteString(text.WrapIndent(InlineMarkdown(st, m.pres.Stem), w, 0))
	if m.pres.Label != "" {
		label := st.Warn.Render(m.pres.Label)
		if m.result == nil && m.sel != nil && m.pres.Choose > 1 {
			label += "  " + m.ChosenCount()
		}
		b.WriteString(text.WrapIndent(label, w, 0))
	}
	b.WriteString("\n")
	m.curFrom, m.curTo = -1, -1
	if m.result == nil {
		cursor := m.cursor
		if !focused {
			cursor = -1
		}
		opts := DrawOptions(st, m.pres, m.sel.Marked, cursor, w)
		if first, last := cursorLines(opts); first >= 0 {
			at := strings.Count(b.String(), "\n")
			m.curFrom, m.curTo = at+first, at+last
		}
		b.WriteString(opts)
		if m.unsure {
			b.WriteString(text.WrapIndent(st.Warn.Render(m.c.T("study.unsure")), w, 0))
		}
		if m.saving {
			b.WriteString(text.WrapIndent(st.Muted.Render(m.c.T("study.saving")), w, 0))
		}
	} else {
		verdict := st.Good.Render("✓ " + m.c.T("study.right"))
		if !m.result.Correct {
			verdict = st.Bad.Render("✗ " + m.c.T("study.wrong"))
		}
		b.WriteString(text.WrapIndent(verdict+"  "+st.Muted.Render(fmt.Sprintf(m.c.T("study.rating"), m.c.T("rating."+m.rating.String()))), w, 0))
		b.WriteString(DrawFeedback(st, m.result.PerOption, w))
		if q := m.pres.Question; q != nil && len(q.Facts) > 0 {
			b.WriteString(text.WrapIndent(st.Muted.Render(m.c.T("study.facts")+" "+FactLine(m.c.Lib, q.Facts, q.Lang)), w, 0))
		}
		if hint != "" {
			b.WriteString(text.WrapIndent(st.Muted.Render(hint), w, 0))
		}
	}
	if m.warn != "" {
		b.WriteString(text.WrapIndent(st.Warn.Render(m.warn), w, 0))
	}
	return b.String()
}

// View keeps head (one line or more) on top and scrolls body (from Body)
// in the lines left under it. After the cursor moved (or Follow), the option under
// it comes into view, all its lines. When the body is cut, its last line
// becomes more ("" leaves the line to the body).
func (m *Model) View(head, body string, h int, more string) string {
	lines := strings.Split(strings.TrimRight(body, "\n"), "\n")
	room := max(h-strings.Count(head, "\n")-1, 1)
	if m.follow {
		m.follow = false
		vis := room
		if len(lines) > room {
			vis = max(room-1, 1)
		}
		if m.curFrom >= 0 {
			if m.curTo >= m.scroll+vis {
				m.scroll = m.curTo - vis + 1
			}
			m.scroll = min(m.scroll, m.curFrom)
		}
	}
	m.scroll = max(min(m.scroll, len(lines)-room), 0)
	lines = lines[m.scroll:]
	if len(lines) > room {
		lines = lines[:room]
		if more != "" && room > 1 {
			lines[room-1] = more
		}
	}
	return head + "\n" + strings.Join(lines, "\n")
}

// ChosenCount says how many options of a question with several answers
// are chosen ("1 of 2 chosen"), styled as a warning while it is partial.
func (m *Model) ChosenCount() string {
	n := 0
	if m.sel != nil {
		n = m.sel.Count()
	}
	s := fmt.Sprintf(m.c.T("question.chosen"), n, m.pres.Choose)
	if n > 0 && n < m.pres.Choose {
		return m.c.Styles.Warn.Render(s)
	}
	return m.c.Styles.Muted.Render(s)
}

// cursorLines finds the lines of drawn options that belong to the option
// under the cursor (marked "▸"): the first and the last; -1 when none.
func cursorLines(opts string) (first, last int) {
	first, last = -1, -1
	for i, l := range strings.Split(strings.TrimRight(opts, "\n"), "\n") {
		plain := ansi.Strip(l)
		switch {
		case strings.HasPrefix(plain, "▸"):
			first, last = i, i
		case first >= 0 && last == i-1 && strings.HasPrefix(plain, "      "):
			last = i
		}
	}
	return first, last
}

// DrawOptions draws a presented question's options before grading: letter,
// a radio "( )" or checkbox "[ ]" mark, and the text, wrapped to w. cursor
// < 0 hides the cursor (the panel does not have focus).
func DrawOptions(st *styles.Styles, p quiz.Presented, marked func(pos int) bool, cursor, w int) string {
	var b strings.Builder
	for i, o := range p.Options {
		mark := "( )"
		if p.Choose > 1 {
			mark = "[ ]"
		}
		if marked(i) {
			mark = mark[:1] + "x" + mark[2:]
		}
		line := fmt.Sprintf("%s %s %s", o.Letter, mark, InlineMarkdown(st, o.Text))
		cur := "  "
		if i == cursor {
			cur = st.Cursor.Render("▸ ")
		}
		for j, l := range strings.Split(ansi.Wrap(line, max(w-6, 10), ""), "\n") {
			if j == 0 {
				b.WriteString(cur + l + "\n")
			} else {
				b.WriteString("      " + l + "\n")
			}
		}
	}
	return b.String()
}

// DrawFeedback explains every option after grading: ✓ on the right ones,
// ✗ on a wrong pick, the learner's picks ticked as on the question ("(x)",
// "[x]": a right option that was missed reads "✓ d [ ]"), and each
// option's explanation under it.
func DrawFeedback(st *styles.Styles, per []quiz.OptionFeedback, w int) string {
	var b strings.Builder
	right := 0
	for _, f := range per {
		if f.Correct {
			right++
		}
	}
	for _, f := range per {
		box := "( )"
		if right > 1 {
			box = "[ ]"
		}
		if f.Chosen {
			box = box[:1] + "x" + box[2:]
		}
		mark := "  "
		style := st.Muted
		if f.Correct {
			mark, style = "✓ ", st.Good
		} else if f.Chosen {
			mark, style = "✗ ", st.Bad
		}
		// The option keeps the verdict's colour, so its marks are dropped
		// rather than styled; the explanation under it is styled.
		for j, l := range strings.Split(ansi.Wrap(mark+f.Letter+" "+box+" "+PlainMarkdown(f.Text), max(w-8, 10), ""), "\n") {
			if j > 0 {
				l = "        " + l
			}
			b.WriteString(style.Render(l) + "\n")
		}
		b.WriteString(text.WrapIndent(InlineMarkdown(st, f.Explanation), w, 4))
	}
	return b.String()
}

// FactLine names the facts a question cites, in lang.
func FactLine(lib *content.Library, ids []string, lang content.Lang) string {
	if lib == nil {
		return ""
	}
	var parts []string
	for _, id := range ids {
		if f, ok := lib.Fact(id); ok {
			parts = append(parts, f.Display(lang))
		}
	}
	return strings.Join(parts, " · ")
}

// PlainMarkdown drops the few Markdown marks a stem may carry (a link
// keeps its text) and joins the lines of each paragraph, for one line of a
// list or a line drawn in one colour; InlineMarkdown styles them instead.
func PlainMarkdown(s string) string {
	s = linkText.ReplaceAllString(s, "$1")
	r := strings.NewReplacer("**", "", "__", "", "`", "")
	paras := strings.Split(r.Replace(s), "\n\n")
	for i, p := range paras {
		paras[i] = strings.Join(strings.Fields(p), " ")
	}
	return strings.Join(paras, "\n\n")
}

var linkText = regexp.MustCompile(`\[([^\]]+)\]\([^)]*\)`)

// PickHelp is the choose binding named with the letters of the question
// on screen.
func (m *Model) PickHelp() key.Binding { return PickHelp(m.Keys.Pick, len(m.pres.Options)) }
