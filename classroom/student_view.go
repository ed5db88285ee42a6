package classroom

import (
	"fmt"
	"strings"
	"time"

	"charm.land/lipgloss/v2"
	"github.com/charmbracelet/x/ansi"

	"github.com/saa-study/saa-study/quiz"
	"github.com/saa-study/saa-study/store"
	"github.com/saa-study/saa-study/ui/styles"
	"github.com/saa-study/saa-study/ui/text"
)

func (m *Student) t(k string) string { return text.T(m.lang, k) }

// chrome is the styled text every frame repeats (the title, the keys),
// rendered once per style and language rather than on every frame: a
// room of 200 draws thousands of frames a minute.
type chrome struct {
	styles                      *styles.Styles
	lang                        string
	head, sep, help, wait, code string
}

func (m *Student) chrome() *chrome {
	c := &m.chr
	if c.styles != m.styles || c.lang != string(m.lang) {
		st := m.styles
		*c = chrome{styles: st, lang: string(m.lang), sep: st.Muted.Render(" · "),
			head: st.Title.Render("saa-study") + st.Muted.Render(" · ") + st.Header.Render(m.o.Room.Quiz().Title),
			help: st.Muted.Render(m.t("class.help")), wait: st.Muted.Render(m.t("class.help.wait")),
			code: st.Muted.Render(m.t("class.help.code"))}
	}
	return c
}

func (m *Student) render() string {
	st := m.styles
	w := m.width
	var b strings.Builder
	head := m.chrome().head
	// One look at the room per frame: it is shared by the room's 200
	// screens and the answers being stored.
	var v StudentView
	if m.name != "" {
		v = m.o.Room.StudentView(m.name)
		right := st.Subtitle.Render(fmt.Sprintf("%s · %d %s", m.name, v.Score, m.t("class.pts")))
		if gap := w - lipgloss.Width(head) - lipgloss.Width(right); gap >= 1 {
			head += strings.Repeat(" ", gap) + right
		}
	}
	b.WriteString(head + "\n\n")
	switch m.stage {
	case stageCode, stageBye:
		b.WriteString(m.renderCode())
	default:
		b.WriteString(m.renderIn(v))
	}
	body := strings.TrimRight(b.String(), "\n")
	lines := strings.Split(body, "\n")
	foot := m.footer()
	for len(lines) < m.height-1 {
		lines = append(lines, "")
	}
	if len(lines) > m.height-1 {
		lines = lines[:max(m.height-1, 0)]
	}
	return strings.Join(append(lines, foot), "\n")
}

func (m *Student) footer() string {
	st := m.styles
	var parts []string
	switch {
	case m.note == "":
	case m.noteBad:
		parts = append(parts, st.Error.Render(m.note))
	case !m.waiting: // the body says it already
		parts = append(parts, st.Good.Render(m.note))
	}
	c := m.chrome()
	switch {
	case m.stage == stageIn && m.answering:
		parts = append(parts, c.help)
	case m.stage == stageIn: // nothing to pick or answer: only the keys that work
		parts = append(parts, c.wait)
	case m.stage == stageCode:
		parts = append(parts, c.code)
	}
	return strings.Join(parts, c.sep)
}

func (m *Student) renderCode() string {
	st := m.styles
	var b strings.Builder
	if m.stage == stageBye {
		b.WriteString(st.Muted.Render(m.t("class.bye")) + "\n")
		return b.String()
	}
	b.WriteString(st.Header.Render(m.t("class.code.prompt")) + "\n\n")
	field := "> " + strings.Repeat("•", len([]rune(m.code)))
	if !m.blocked {
		field += st.Cursor.Render("_")
	}
	b.WriteString(field + "\n\n")
	if m.tries > 0 {
		b.WriteString(st.Warn.Render(text.N(m.lang, "class.code.left", MaxCodeTries-m.tries)) + "\n")
	}
	return b.String()
}

func (m *Student) renderIn(v StudentView) string {
	st := m.styles
	w := m.width
	m.answering, m.waiting = false, false
	if m.feedback >= 0 {
		p, a := m.o.Room.LastAnswerView(m.name, m.feedback)
		return m.renderFeedback(p, a, nil) + "\n" + st.Muted.Render(m.t("class.next"))
	}
	var b strings.Builder
	if m.resumed && v.Answered > 0 && v.Phase != Ended {
		b.WriteString(st.Muted.Render(text.N(m.lang, "class.resumed", v.Answered)) + "\n")
	}
	switch {
	case v.Phase == Lobby:
		b.WriteString(wrap(fmt.Sprintf(m.t("class.lobby"), m.name), w) + "\n")
		return b.String()
	case v.Phase == Ended || v.Done:
		b.WriteString(st.Header.Render(m.t("class.done")) + "\n")
		b.WriteString(fmt.Sprintf(m.t("class.score"), v.Correct, v.Total, v.Score) + "\n\n")
		b.WriteString(m.renderBoard(v.Board, v.Name))
		return b.String()
	case v.Paused:
		b.WriteString(st.Warn.Render(m.t("class.paused")) + "\n")
		return b.String()
	case v.Phase == Board:
		b.WriteString(st.Header.Render(m.t("class.board")) + "\n")
		b.WriteString(m.renderBoard(v.Board, v.Name))
		return b.String()
	}
	status := fmt.Sprintf(m.t("class.qof"), v.Index+1, v.Total)
	if v.HasTimer && v.Phase == Open {
		status += " · " + fmtLeft(v.Remaining) + " " + m.t("class.left")
	}
	if v.Phase == Closed {
		status += " · " + m.t("class.closed")
	}
	b.WriteString(st.Subtitle.Render(status) + "\n")
	if v.Reveal {
		b.WriteString(m.renderFeedback(v.Presented, v.Answer, v.Distribution))
		return b.String()
	}
	b.WriteString(wrap(v.Presented.Stem, w) + "\n")
	if v.Presented.Label != "" {
		b.WriteString(st.Warn.Render(v.Presented.Label) + "\n")
	}
	b.WriteString("\n")
	if v.Answer != nil {
		for _, o := range v.Presented.Options {
			mark := "  "
			if strings.ContainsRune(v.Answer.Chosen, rune('a'+o.Index)) {
				mark = st.Cursor.Render("▸ ")
			}
			b.WriteString(text.Hang(mark+o.Letter+". "+o.Text, w, 5) + "\n")
		}
		b.WriteString("\n" + st.Good.Render(m.t("class.wait")) + "\n")
		m.waiting = true
		return b.String()
	}
	m.answering = v.Phase == Open
	if m.sel == nil || m.selIndex != v.Index {
		m.sel, m.selIndex, m.cursor = quiz.NewSelection(v.Presented), v.Index, 0
	}
	for pos, o := range v.Presented.Options {
		box := "[ ]"
		if v.Presented.Choose == 1 {
			box = "( )"
			if m.sel.Marked(pos) {
				box = "(•)"
			}
		} else if m.sel.Marked(pos) {
			box = "[x]"
		}
		cur := "  "
		line := box + " " + o.Letter + ". " + o.Text
		if pos == m.cursor {
			cur = st.Cursor.Render("▸ ")
			line = st.ItemSelected.Render(line)
		}
		b.WriteString(text.Hang(cur+line, w, 9) + "\n")
	}
	return b.String()
}

// renderFeedback shows the right answer, the student's choice, the
// explanations and, on a teacher's reveal, how the class answered.
func (m *Student) renderFeedback(p quiz.Presented, a *store.ClassAnswer, dist []int) string {
	st := m.styles
	w := m.width
	var b strings.Builder
	switch {
	case a == nil:
		b.WriteString(st.Warn.Render(m.t("class.noanswer")) + "\n")
	case a.Correct:
		b.WriteString(st.Good.Render(fmt.Sprintf(m.t("class.right"), a.Points)) + "\n")
	default:
		b.WriteString(st.Bad.Render(m.t("class.wrong")) + "\n")
	}
	b.WriteString(wrap(p.Stem, w) + "\n")
	if p.Question == nil {
		return b.String()
	}
	total := 0
	for _, n := range dist {
		total += n
	}
	for pos, o := range p.Options {
		opt := p.Question.Options[o.Index]
		mark := "  "
		if opt.Correct {
			mark = st.Good.Render("✓ ")
		} else if a != nil && strings.ContainsRune(a.Chosen, rune('a'+o.Index)) {
			mark = st.Bad.Render("✗ ")
		}
		line := mark + o.Letter + ". " + o.Text
		if a != nil && strings.ContainsRune(a.Chosen, rune('a'+o.Index)) {
			line += st.Muted.Render(" ← " + m.t("class.yours"))
		}
		b.WriteString(text.Hang(line, w, 5) + "\n")
		if dist != nil && pos < len(dist) {
			b.WriteString("     " + bar(dist[pos], total, max(min(w-14, 30), 4), st) + "\n")
		}
		if opt.Explanation != "" && m.height >= 20 {
			b.WriteString(st.Muted.Render(text.Hang("     "+opt.Explanation, w, 5)) + "\n")
		}
	}
	return b.String()
}

func (m *Student) renderBoard(rows []BoardRow, me string) string {
	st := m.styles
	var b strings.Builder
	shown := max(min(5, m.height-8), 1)
	for i, r := range rows {
		line := fmt.Sprintf("%2d. %s  %d", r.Rank, r.Name, r.Score)
		switch {
		case r.Name == me:
			b.WriteString(st.ItemSelected.Render(line) + "\n")
		case i < shown:
			b.WriteString(line + "\n")
		}
	}
	return b.String()
}

func bar(n, total, width int, st *styles.Styles) string {
	filled := 0
	if total > 0 {
		filled = n * width / total
	}
	return st.Title.Render(strings.Repeat("█", filled)) + st.Muted.Render(strings.Repeat("·", width-filled)) + fmt.Sprintf(" %d", n)
}

func fmtLeft(d time.Duration) string {
	if d < 0 {
		d = 0
	}
	s := int(d.Round(time.Second) / time.Second)
	return fmt.Sprintf("%d:%02d", s/60, s%60)
}

// wrap folds text to w cells (Korean counts two).
func wrap(s string, w int) string { return ansi.Wrap(text.UnwrapSoft(s), max(w, 10), " ") }

// Farewell is what stays on the student's terminal after the teacher
// closed the class: their result and the top of the final board, as plain
// text (the quiz itself was drawn on the alternate screen, which closes).
func (m *Student) Farewell() string {
	var b strings.Builder
	b.WriteString(m.t("class.ended") + "\n")
	if m.name == "" {
		return b.String()
	}
	v := m.o.Room.FinalView(m.name)
	b.WriteString(m.o.Room.Quiz().Title + "\n")
	b.WriteString(fmt.Sprintf(m.t("class.score"), v.Correct, v.Total, v.Score))
	if v.Rank > 0 {
		b.WriteString(" · " + fmt.Sprintf(m.t("class.rank"), v.Rank, len(v.Board)))
	}
	b.WriteString("\n\n" + m.t("class.board") + "\n")
	for i, r := range v.Board {
		if i < 5 || r.Name == m.name {
			mark := "  "
			if r.Name == m.name {
				mark = "▸ "
			}
			b.WriteString(fmt.Sprintf("%s%2d. %s  %d\n", mark, r.Rank, r.Name, r.Score))
		}
	}
	return b.String()
}

// Refusal is why the server ended a session that never joined ("" when
// it did not), to be printed once the quiz's screen has closed.
func (m *Student) Refusal() string {
	if m.stage != stageBye || m.name != "" || !m.noteBad || m.note == "" {
		return ""
	}
	return m.note + "\n"
}
