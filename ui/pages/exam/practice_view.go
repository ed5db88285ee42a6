package exam

import (
	"fmt"
	"slices"
	"strings"

	"charm.land/bubbles/v2/key"

	"github.com/saa-study/saa-study/content"
	"github.com/saa-study/saa-study/quiz"
	"github.com/saa-study/saa-study/ui/common"
	"github.com/saa-study/saa-study/ui/components/cardform"
	"github.com/saa-study/saa-study/ui/text"
)

func (s *practiceScreen) View() string {
	st := s.c.Styles
	w, h := s.c.Width, s.c.Height
	prog := s.p.Progress()
	if s.p.Done() && !s.q.Graded() {
		return s.endView(prog)
	}
	q := s.q.Question()
	head := fmt.Sprintf(s.c.T("study.head"), prog.Answered+1, prog.Total, s.c.T("domain."+q.Domain))
	if s.q.Graded() {
		head = fmt.Sprintf(s.c.T("study.head"), prog.Answered, prog.Total, s.c.T("domain."+q.Domain))
	}
	if slices.Contains(s.flagged, q) {
		head += "  " + st.Warn.Render("⚑ "+s.c.T("exam.flagged"))
	}
	head = st.Header.Render(head)
	body := s.q.Body(w, true, s.c.T("practice.next"))
	// Lines too wide for the window are cut as the App would cut them.
	if s.reporting {
		out := s.q.View(head, body, max(h-2, 1), "")
		return text.TruncateLines(text.Fit(out, max(h-2, 1))+"\n"+st.Muted.Render(s.c.T("practice.report"))+"\n"+s.input.View(), w)
	}
	return text.TruncateLines(s.q.View(head, body, h, ""), w)
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
	case s.p.Done() && !s.q.Graded():
		return []key.Binding{s.keys.Drill}
	case s.q.Graded():
		return []key.Binding{s.q.Keys.Submit, s.q.Keys.Rate, s.keys.OpenNote, cardform.AddKey, s.keys.Report}
	}
	return []key.Binding{s.q.PickHelp(), s.q.Keys.Submit, s.q.Keys.Unsure, s.keys.Flag, s.keys.Report}
}

func (s *practiceScreen) FullHelp() [][]key.Binding {
	k := s.q.Keys
	return [][]key.Binding{{s.q.PickHelp(), k.Toggle, k.Submit, k.Unsure, s.keys.Flag},
		{s.keys.Report, s.keys.OpenNote, cardform.AddKey, k.Rate, k.Scroll, s.keys.Drill}}
}

// NewQuiz is a teacher's quiz, in the teacher's order. who names the
// learner in the results written to export (CSV, or JSON for a .json
// name; empty writes nothing).
func NewQuiz(c *common.Common, q *content.Quiz, who, export string) (common.Screen, error) {
	// The teacher's order: every id "first", in file order.
	f := quiz.Filter{}
	for _, qq := range q.Questions {
		f.DueFirst = append(f.DueFirst, qq.ID)
	}
	s, err := newPracticeScreen(c, q.Questions, f, "quiz")
	if err != nil {
		return nil, err
	}
	s.run = &quizRun{quiz: q, who: who, export: export}
	return s, nil
}
