package exam

import (
	"testing"

	"github.com/saa-study/saa-study/content"
	"github.com/saa-study/saa-study/quiz"
	"github.com/saa-study/saa-study/ui/components/cardform"
	"github.com/saa-study/saa-study/ui/internal/fixture"
	"github.com/saa-study/saa-study/ui/internal/uitest"
)

// TestPracticeAddsACardAfterAWrongAnswer: + under the feedback opens the
// card form with the question on the front and the right answer on the back.
func TestPracticeAddsACardAfterAWrongAnswer(t *testing.T) {
	clk := &fixture.ManualClock{T: fixedClock()}
	c := quizCommon(t, testProgress(t), content.EN, 80, 24, clk.Now)
	s, err := newPracticeScreen(c, c.Lib.Questions(content.EN), quiz.Filter{Max: 2}, "practice")
	if err != nil {
		t.Fatal(err)
	}
	h := uitest.NewHarness(t, s)
	h.Keys(fixture.WrongLetters(s.q.Presented())...)
	h.Keys("enter", "+")
	f, ok := h.Top().(*cardform.Form)
	if !ok {
		t.Fatalf("+ after the feedback gave %T, want the card form", h.Top())
	}
	front, back := cardform.FromQuestion(s.q.Question())
	if got := f.Card(); got.Front != front || got.Back != back || back == "" {
		t.Fatalf("card %+v, want front %q and back %q", got, front, back)
	}
}
