package exam

import (
	"context"
	"testing"
	"time"

	"github.com/saa-study/saa-study/content"
	"github.com/saa-study/saa-study/quiz"
	"github.com/saa-study/saa-study/ui/internal/fixture"
	"github.com/saa-study/saa-study/ui/internal/uitest"
)

// TestQuitWritesTheLastWord: an answer given while a write is in flight
// waits its turn; quitting then writes the newest state itself, and the
// older write, landing after it, does not undo it.
func TestQuitWritesTheLastWord(t *testing.T) {
	clk := &fixture.ManualClock{T: fixedClock()}
	_, ex, st := examHarness(t, content.EN, clk, quiz.ExamConfig{Questions: 5, Seed: 3})
	_, inFlight := ex.Update(uitest.Press("a"))
	if inFlight == nil {
		t.Fatal("an answer should start a write")
	}
	ex.Update(uitest.Press("enter"))
	if _, cmd := ex.Update(uitest.Press("b")); cmd != nil {
		t.Fatal("the second answer should wait for the write in flight")
	}
	clk.Advance(3 * time.Second)
	ex.Close()
	uitest.Run(inFlight)
	rec, ok, err := st.UnfinishedExam(context.Background())
	if err != nil || !ok {
		t.Fatalf("no unfinished exam: %v", err)
	}
	again, _, _, err := resumeStored(ex.c, rec, clk.Now())
	if err != nil {
		t.Fatal(err)
	}
	if n := again.Len() - len(again.Unanswered()); n != 2 {
		t.Errorf("%d answers on disk after quitting, want 2", n)
	}
	if left, want := again.Remaining(clk.Now()), ex.ex.Remaining(clk.Now()); left != want {
		t.Errorf("%v left on disk, %v on screen", left, want)
	}
}

// TestSubmitThenQuitStoresTheExam: an exam submitted while a write is in
// flight waits for it to be stored; quitting at that moment stores it
// with its answers rather than leaving it unfinished.
func TestSubmitThenQuitStoresTheExam(t *testing.T) {
	clk := &fixture.ManualClock{T: fixedClock()}
	_, ex, st := examHarness(t, content.EN, clk, quiz.ExamConfig{Questions: 5, Seed: 3})
	_, inFlight := ex.Update(uitest.Press("a"))
	ex.Update(uitest.Press("s"))
	if _, cmd := ex.Update(uitest.Press("y")); cmd != nil {
		t.Fatal("the submission should wait for the write in flight")
	}
	ex.Close()
	uitest.Run(inFlight)
	ctx := context.Background()
	if _, ok, _ := st.UnfinishedExam(ctx); ok {
		t.Error("the submitted exam is still unfinished on disk")
	}
	hist, err := st.ExamHistory(ctx)
	if err != nil || len(hist) != 1 {
		t.Fatalf("history %v, %v; want the one exam", hist, err)
	}
	if n, _ := st.AnswerCount(ctx); n != 1 {
		t.Errorf("%d answers stored, want the 1 given", n)
	}
}
