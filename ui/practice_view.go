package ui

import (
	"fmt"
	"slices"
	"strings"

	"charm.land/bubbles/v2/key"

	"github.com/saa-study/saa-study/content"
	"github.com/saa-study/saa-study/quiz"
	"github.com/saa-study/saa-study/ui/text"
)

func (s *practiceScreen) View() string {
	st := s.c.Styles
	w, h := s.c.Width, s.c.Height
	var b strings.Builder
	prog := s.p.Progress()
	if s.p.Done() && s.result == nil {
		return s.endView(prog)
	}
	q := s.pres.Question
	head := fmt.Sprintf(s.c.T("study.head"), prog.Answered+1, prog.Total, s.c.T("domain."+q.Domain))
	if s.result != nil {
		head = fmt.Sprintf(s.c.T("study.head"), prog.Answered, prog.Total, s.c.T("domain."+q.Domain))
	}
	if slices.Contains(s.flagged, q) {
		head += "  " + st.Warn.Render("⚑ "+s.c.T("exam.flagged"))
	}
	b.WriteString(st.Header.Render(head) + "\n")
	b.WriteString(text.WrapIndent(plainMarkdown(s.pres.Stem), w, 0))
	if s.pres.Label != "" {
		b.WriteString(text.WrapIndent(st.Warn.Render(s.pres.Label), w, 0))
	}
	b.WriteString("\n")
	if s.result == nil {
		b.WriteString(drawOptions(st, s.pres, s.sel.Marked, s.cursor, w))
		if s.unsure {
			b.WriteString(text.WrapIndent(st.Warn.Render(s.c.T("study.unsure")), w, 0))
		}
	} else {
		verdict := st.Good.Render("✓ " + s.c.T("study.right"))
		if !s.result.Correct {
			verdict = st.Bad.Render("✗ " + s.c.T("study.wrong"))
		}
		b.WriteString(verdict + "  " + st.Muted.Render(fmt.Sprintf(s.c.T("study.rating"), s.c.T("rating."+s.rating.String()))) + "\n")
		b.WriteString(drawFeedback(st, s.result.PerOption, w))
		if len(q.Facts) > 0 {
			b.WriteString(text.WrapIndent(st.Muted.Render(s.c.T("study.facts")+" "+factLine(s.c.Lib, q.Facts, q.Lang)), w, 0))
		}
		b.WriteString(text.WrapIndent(st.Muted.Render(s.c.T("practice.next")), w, 0))
	}
	if s.warn != "" {
		b.WriteString(text.WrapIndent(st.Warn.Render(s.warn), w, 0))
	}
	if s.reporting {
		out := scrolled(b.String(), &s.scroll, max(h-2, 1))
		return text.Fit(out, max(h-2, 1)) + "\n" + st.Muted.Render(s.c.T("practice.report")) + "\n" + s.input.View()
	}
	return scrolled(b.String(), &s.scroll, h)
}

func (s *practiceScreen) endView(prog quiz.Progress) string {
	st := s.c.Styles
	w := s.c.Width
	var b strings.Builder
	pct := 0.0
	if prog.Total > 0 {
		pct = float64(prog.Correct) * 100 / float64(prog.Total)
	}
	b.WriteString(st.Header.Render(fmt.Sprintf(s.c.T("practice.done"), prog.Correct, prog.Total, pct)) + "\n\n")
	if n := len(s.p.Missed()) + len(s.flagged); n > 0 {
		b.WriteString(text.WrapIndent(fmt.Sprintf(s.c.T("practice.drill"), len(s.p.Missed()), len(s.flagged)), w, 0))
	}
	if s.run != nil && s.run.export != "" {
		b.WriteString(text.WrapIndent(st.Muted.Render(fmt.Sprintf(s.c.T("quiz.exported"), s.run.export)), w, 0))
	}
	b.WriteString(text.WrapIndent(st.Muted.Render(s.c.T("practice.endhint")), w, 0))
	return b.String()
}

func (s *practiceScreen) ShortHelp() []key.Binding {
	switch {
	case s.reporting:
		return []key.Binding{key.NewBinding(key.WithKeys("enter"), key.WithHelp("enter", "save report"))}
	case s.p.Done() && s.result == nil:
		return []key.Binding{s.keys.Drill}
	case s.result != nil:
		return []key.Binding{s.keys.Submit, s.keys.Rate, s.keys.OpenNote, s.keys.Report}
	}
	return []key.Binding{pickKeyFor(s.keys.Pick, len(s.pres.Options)), s.keys.Submit, s.keys.Unsure, s.keys.Flag, s.keys.Report}
}

func (s *practiceScreen) FullHelp() [][]key.Binding {
	return [][]key.Binding{{pickKeyFor(s.keys.Pick, len(s.pres.Options)), s.keys.Toggle, s.keys.Submit, s.keys.Unsure, s.keys.Flag},
		{s.keys.Report, s.keys.OpenNote, s.keys.Rate, s.keys.Scroll, s.keys.Drill}}
}

// StartQuiz opens a teacher's quiz on top of the current screen before the
// program runs. who names the learner in the results written to export
// (CSV, or JSON for a .json name; empty writes nothing).
func (a *App) StartQuiz(q *content.Quiz, who, export string) error {
	// The teacher's order: every id "first", in file order.
	f := quiz.Filter{}
	for _, qq := range q.Questions {
		f.DueFirst = append(f.DueFirst, qq.ID)
	}
	s, err := newPracticeScreen(a.c, q.Questions, f, "quiz")
	if err != nil {
		return err
	}
	s.run = &quizRun{quiz: q, who: who, export: export}
	a.stack = append(a.stack, s)
	return nil
}
