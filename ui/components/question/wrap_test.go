package question

import (
	"strings"
	"testing"

	"github.com/charmbracelet/x/ansi"

	"github.com/saa-study/saa-study/content"
	"github.com/saa-study/saa-study/quiz"
	"github.com/saa-study/saa-study/ui/internal/fixture"
	"github.com/saa-study/saa-study/ui/internal/uitest"
)

// TestEveryLineOfAWrongAnswerWrapsToThePane: the verdict, the options, the
// explanations and the facts under a wrong answer all wrap to a narrow
// pane, in both languages; none is drawn past its edge or cut with "…".
func TestEveryLineOfAWrongAnswerWrapsToThePane(t *testing.T) {
	lib := fixture.QuizLibrary(t)
	for _, lang := range content.Langs {
		c := uitest.Common(lib, nil, lang, 80, 20)
		for _, w := range []int{30, 34, 36, 42} {
			q := lib.Questions(lang)[0]
			m := New(c)
			p := quiz.Present(q, 1)
			m.Present(p)
			for _, l := range fixture.WrongLetters(p) {
				m.Update(uitest.Press(l))
			}
			res, rating, _ := m.Grade()
			m.Show(res, rating)
			for i, l := range strings.Split(strings.TrimRight(m.Body(w, true, c.T("study.next")), "\n"), "\n") {
				if cw := ansi.StringWidth(l); cw > w || strings.HasSuffix(strings.TrimSpace(ansi.Strip(l)), "…") {
					t.Errorf("%s at %d: line %d is %d cells: %q", lang, w, i+1, cw, ansi.Strip(l))
				}
			}
		}
	}
}
