package exam

import (
	"context"
	"encoding/json"
	"fmt"
	"path/filepath"
	"strings"
	"testing"
	"time"

	tea "charm.land/bubbletea/v2"
	"github.com/charmbracelet/x/ansi"

	"github.com/saa-study/saa-study/content"
	"github.com/saa-study/saa-study/progress"
	"github.com/saa-study/saa-study/quiz"
	"github.com/saa-study/saa-study/ui/common"
	"github.com/saa-study/saa-study/ui/internal/fixture"
	"github.com/saa-study/saa-study/ui/internal/uitest"
	"github.com/saa-study/saa-study/ui/render"
	"github.com/saa-study/saa-study/ui/text"
)

func fixedClock() time.Time { return time.Date(2026, 11, 27, 9, 0, 0, 0, time.UTC) }

// testProgress opens a fresh progress file.
func testProgress(t testing.TB) *progress.Progress {
	t.Helper()
	s, err := progress.Open(filepath.Join(t.TempDir(), "progress.db"), nil, progress.Options{Loc: time.Local})
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { s.Close() })
	return s
}

// bodyOf is the room the App leaves a screen in a w×h terminal: the header,
// a blank line, the status and the help take four lines.
func bodyOf(w, h int) (int, int) {
	if h < 8 {
		return w, max(h-2, 1)
	}
	return w, h - 4
}

// quizCommon is the shared state over the quiz library, a w×h terminal
// and clk.
func quizCommon(t testing.TB, st *progress.Progress, lang content.Lang, w, h int, now func() time.Time) *common.Common {
	bw, bh := bodyOf(w, h)
	c := uitest.Common(fixture.QuizLibrary(t), st, lang, bw, bh)
	c.Now = now
	return c
}

// resize gives the screens on the stack a new terminal size.
func resize(h *uitest.Harness, c *common.Common, w, ht int) {
	c.Width, c.Height = bodyOf(w, ht)
	h.Send(tea.WindowSizeMsg{Width: c.Width, Height: c.Height})
}

// examHarness opens an exam over the Exam menu, its timer driven by hand.
func examHarness(t *testing.T, lang content.Lang, clk *fixture.ManualClock, cfg quiz.ExamConfig) (*uitest.Harness, *examScreen, *progress.Progress) {
	t.Helper()
	st := testProgress(t)
	c := quizCommon(t, st, lang, 80, 24, clk.Now)
	ex, err := newExamScreen(c, cfg)
	if err != nil {
		t.Fatal(err)
	}
	ex.every = func(int) tea.Cmd { return nil }
	h := uitest.NewHarness(t, newExamMenu(c))
	h.Send(common.PushMsg{Screen: ex})
	return h, ex, st
}

// TestExamSubmitsItselfAtZero: with the clock moved past the limit, the
// next tick submits, grades and stores the exam.
func TestExamSubmitsItselfAtZero(t *testing.T) {
	clk := &fixture.ManualClock{T: fixedClock()}
	h, ex, st := examHarness(t, content.EN, clk, quiz.ExamConfig{Questions: 4, Duration: time.Minute, Seed: 3})
	it, _ := ex.ex.Item(0)
	h.Keys(fixture.RightLetters(it.Presented)...)
	clk.Advance(59 * time.Second)
	h.Send(examTickMsg{gen: ex.gen})
	if _, ok := h.Top().(*examScreen); !ok {
		t.Fatal("the exam ended before its time was up")
	}
	if v := h.View(); !strings.Contains(v, "0:01 left") {
		t.Fatalf("countdown does not show 0:01:\n%s", v)
	}
	clk.Advance(2 * time.Second)
	h.Send(examTickMsg{gen: ex.gen})
	r, ok := h.Top().(*examResults)
	if !ok {
		t.Fatalf("no results after time ran out; top is %T", h.Top())
	}
	if !r.res.TimedOut || r.res.Correct != 1 || r.res.TimeUsed != time.Minute {
		t.Fatalf("results = %+v; want timed out, 1 right, the full minute used", r.res)
	}
	if v := h.View(); !strings.Contains(v, "time ran out") || !strings.Contains(v, "25.0%") {
		t.Fatalf("results screen:\n%s", v)
	}
	hist, _ := st.ExamHistory(context.Background())
	if len(hist) != 1 || hist[0].Correct != 1 || hist[0].TimeUsedMS != 60000 {
		t.Fatalf("history = %+v", hist)
	}
}

func TestExamFlagGridAndConfirm(t *testing.T) {
	tests := []struct {
		name string
		keys []string
		want []string
	}{
		{"flag shows on the item", []string{"m"}, []string{"⚑ flagged", "1 flagged"}},
		{"grid marks answered and flagged", []string{"a", "n", "m", "g"}, []string{"Overview", "[ 1✓]", "[ 2⚑]", "[ 3·]"}},
		{"confirm names the blanks", []string{"a", "s"}, []string{"3 unanswered"}},
		{"n keeps going", []string{"s", "n"}, []string{"Question 1 of 4"}},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			clk := &fixture.ManualClock{T: fixedClock()}
			h, ex, _ := examHarness(t, content.EN, clk, quiz.ExamConfig{Questions: 4, Seed: 5})
			it, _ := ex.ex.Item(0)
			for _, k := range tc.keys {
				if k == "a" {
					h.Keys(fixture.RightLetters(it.Presented)...)
					continue
				}
				h.Keys(k)
			}
			v := h.View()
			for _, w := range tc.want {
				if !strings.Contains(v, w) {
					t.Errorf("screen lacks %q:\n%s", w, v)
				}
			}
		})
	}
}

// TestExamSmallWindowShowsTheCursor: in a 40×12 terminal a question does
// not fit; the screen says there is more, and moving the cursor down to
// the last option scrolls it into view with the heading kept.
func TestExamSmallWindowShowsTheCursor(t *testing.T) {
	for _, lang := range content.Langs {
		clk := &fixture.ManualClock{T: fixedClock()}
		h, ex, _ := examHarness(t, lang, clk, quiz.ExamConfig{Questions: 6, Seed: 9})
		resize(h, ex.c, 40, 12)
		v := h.View()
		if !strings.Contains(v, text.T(lang, "exam.more")) {
			t.Errorf("%s: a cut question does not say there is more:\n%s", lang, v)
		}
		n := len(ex.item().Presented.Options)
		for i := 0; i < n-1; i++ {
			h.Keys("down")
			v = h.View()
			if !strings.Contains(v, "▸ ") {
				t.Fatalf("%s: after %d down the cursor is off screen:\n%s", lang, i+1, v)
			}
		}
		head := fmt.Sprintf(text.T(lang, "exam.head"), 1, 6)
		if !strings.Contains(v, head) {
			t.Errorf("%s: the heading scrolled away:\n%s", lang, v)
		}
		last := ex.item().Presented.Options[n-1].Letter
		if !strings.Contains(v, "▸ "+last) {
			t.Errorf("%s: the last option %s is not under the cursor:\n%s", lang, last, v)
		}
		if help := ex.ShortHelp()[0].Help().Key; help != "a–"+last {
			t.Errorf("%s: the help bar names %s, want a–%s", lang, help, last)
		}
	}
}

// TestExamGridScrollsToTheCursor: an overview with more rows than room
// scrolls so that the selected cell stays on screen.
func TestExamGridScrollsToTheCursor(t *testing.T) {
	clk := &fixture.ManualClock{T: fixedClock()}
	h, ex, _ := examHarness(t, content.EN, clk, quiz.ExamConfig{Questions: 12, Seed: 2})
	h.Keys("g")
	n := ex.ex.Len()
	ex.gridPos = n - 1 // the last cell, on the last row
	for _, ht := range []int{2, 3, 4} {
		v := ansi.Strip(ex.gridView(gridCell*2, ht)) // two cells a row
		if lines := strings.Count(v, "\n"); lines > ht {
			t.Errorf("h=%d: %d lines:\n%s", ht, lines, v)
		}
		if want := fmt.Sprintf("[%2d·]", n); !strings.Contains(v, want) {
			t.Errorf("h=%d: the selected cell %q is not in sight:\n%s", ht, want, v)
		}
	}
}

// TestExamMenuLandsOnResumeAfterPausing: with an exam paused, starting a
// new one (which replaces it) and pausing that one brings the menu back
// with the cursor on Resume, not on New exam, so enter does not throw the
// new exam away.
func TestExamMenuLandsOnResumeAfterPausing(t *testing.T) {
	clk := &fixture.ManualClock{T: fixedClock()}
	h, _, _ := examHarness(t, content.EN, clk, quiz.ExamConfig{Questions: 4, Seed: 5})
	pause := func() *examMenu {
		t.Helper()
		h.Keys("esc")
		m, ok := h.Top().(*examMenu)
		if !ok {
			t.Fatalf("esc did not go back to the Exam menu (top %T)", h.Top())
		}
		return m
	}
	m := pause()
	if it, _ := m.menu.Selected(); it.ID != "resume" {
		t.Fatalf("after the first pause the cursor is on %q, want resume", it.ID)
	}
	h.Keys("down") // New exam: asks first, then sets the paused one aside
	if it, _ := m.menu.Selected(); it.ID != "new" {
		t.Fatalf("down went to %q, want new", it.ID)
	}
	startNew(t, h, m.choose("new"))
	if _, ok := h.Top().(*examScreen); !ok {
		t.Fatalf("New exam did not open an exam (top %T)", h.Top())
	}
	m = pause()
	if it, _ := m.menu.Selected(); it.ID != "resume" {
		t.Errorf("after pausing the new exam the cursor is on %q, want resume:\n%s", it.ID, h.View())
	}
}

// TestExamStemKeepsAReadingWidth: at 250 columns the stem and the options
// wrap at the notes' reading width instead of running across the screen.
func TestExamStemKeepsAReadingWidth(t *testing.T) {
	lib, err := content.Embedded()
	if err != nil {
		t.Fatal(err)
	}
	w, ht := bodyOf(250, 60)
	c := uitest.Common(lib, testProgress(t), content.EN, w, ht)
	c.Now = fixedClock
	ex, err := newExamScreen(c, quiz.ExamConfig{Questions: 20, Seed: 5})
	if err != nil {
		t.Fatal(err)
	}
	long := 0
	for i := range ex.ex.Len() {
		_ = ex.ex.Jump(i)
		ex.load()
		if n := text.Width(ex.item().Presented.Stem); n > long {
			long = n
		}
	}
	if long <= render.MaxReadingWidth {
		t.Fatalf("no stem longer than %d cells to try it on", render.MaxReadingWidth)
	}
	v := ansi.Strip(ex.View())
	for i, l := range strings.Split(v, "\n")[2:] {
		if w := text.Width(l); w > render.MaxReadingWidth {
			t.Errorf("line %d is %d cells wide, more than %d: %q", i+2, w, render.MaxReadingWidth, l)
		}
	}
}

// TestPartialChooseTwoAnswerIsKeptInTheExam: one tick of a "Choose TWO"
// item stays after moving on and back, reads "1 of 2 chosen" on the
// question, "½" in the overview, counts in the foot, is named in the
// submit confirmation, and is graded wrong but answered.
func TestPartialChooseTwoAnswerIsKeptInTheExam(t *testing.T) {
	clk := &fixture.ManualClock{T: fixedClock()}
	h, ex, _ := examHarness(t, content.EN, clk, quiz.ExamConfig{Questions: 12, Seed: 5})
	two := -1
	for i := range ex.ex.Len() {
		if it, _ := ex.ex.Item(i); it.Presented.Choose == 2 {
			two = i
		}
	}
	if two < 0 {
		t.Fatal("the draw has no Choose TWO item")
	}
	_ = ex.ex.Jump(two)
	ex.load()
	it := ex.item()
	first := fixture.RightLetters(it.Presented)[0]
	h.Keys(first, "enter")
	if two == ex.ex.Len()-1 {
		h.Keys("esc") // the last item's enter opens the overview
	} else {
		h.Keys("p")
	}
	v := ansi.Strip(h.View())
	if !strings.Contains(v, first+" [x]") || !strings.Contains(v, "1 of 2 chosen") {
		t.Fatalf("the partial answer is gone after moving on and back:\n%s", v)
	}
	if !strings.Contains(v, "1/12 answered (1 in part)") {
		t.Errorf("the foot does not count the partial answer:\n%s", v)
	}
	h.Keys("g")
	if v := ansi.Strip(h.View()); !strings.Contains(v, fmt.Sprintf("[%2d½]", two+1)) {
		t.Errorf("the overview does not mark the partial answer:\n%s", v)
	}
	h.Keys("s")
	if v := ansi.Strip(h.View()); !strings.Contains(v, fmt.Sprintf("Answered in part, so graded wrong: %d.", two+1)) {
		t.Errorf("the confirmation does not list the partial answer:\n%s", v)
	}
	h.Keys("y")
	r, ok := h.Top().(*examResults)
	if !ok {
		t.Fatalf("no results; top is %T", h.Top())
	}
	got := r.res.Items[two]
	if !got.Answered || !got.Partial || got.Result.Correct || r.res.Answered != 1 {
		t.Fatalf("the partial answer should be answered and wrong: %+v (answered %d)", got, r.res.Answered)
	}
}

// startNew opens the "Resume or start new?" question that cmd pushes and
// answers "start new", with the new exam's clock stopped for the test.
func startNew(t *testing.T, h *uitest.Harness, cmd tea.Cmd) *examScreen {
	t.Helper()
	msgs := uitest.Run(cmd)
	pm, ok := msgs[0].(common.PushMsg)
	if len(msgs) != 1 || !ok {
		t.Fatalf("New exam: %v", msgs)
	}
	ask, ok := pm.Screen.(*askScreen)
	if !ok {
		t.Fatalf("New exam over an unfinished one opened %T, want the question", pm.Screen)
	}
	h.Send(pm)
	if v := h.View(); !strings.Contains(v, "Resume it, or start a new one?") {
		t.Fatalf("the question is not asked:\n%s", v)
	}
	var next *examScreen
	for _, m := range uitest.Run(ask.choose("new")) {
		if pm, ok := m.(common.PushMsg); ok {
			next = pm.Screen.(*examScreen)
			next.every = func(int) tea.Cmd { return nil }
		}
		h.Send(m)
	}
	if next == nil || h.Top() != next {
		t.Fatalf("start new did not open an exam (top %T)", h.Top())
	}
	return next
}

// TestNewExamKeepsTheUnfinishedOneAsAbandoned: with an exam paused after
// one answer, New exam asks "Resume or start new?"; starting new keeps the
// paused exam, with its answer, in the history as abandoned; Start with
// abandon (the command line's --abandon-unfinished) does the same without
// asking.
func TestNewExamKeepsTheUnfinishedOneAsAbandoned(t *testing.T) {
	clk := &fixture.ManualClock{T: fixedClock()}
	h, ex, st := examHarness(t, content.EN, clk, quiz.ExamConfig{Questions: 4, Seed: 5})
	h.Keys(fixture.RightLetters(ex.item().Presented)...)
	h.Keys("esc")
	m := h.Top().(*examMenu)
	old := ex.disk.id
	startNew(t, h, m.choose("new"))
	hist, err := st.ExamHistory(context.Background())
	if err != nil || len(hist) != 1 || hist[0].ID != old || !hist[0].Abandoned {
		t.Fatalf("the paused exam is not in the history as abandoned: %+v, %v", hist, err)
	}
	var state quiz.ExamState
	if err := json.Unmarshal(hist[0].State, &state); err != nil || state.Answered() != 1 {
		t.Fatalf("the abandoned exam lost its answer: %s", hist[0].State)
	}
	// The command line's explicit flag: no question, the new one set aside.
	c := h.Top().(*examScreen).c
	if s, err := Start(c, quiz.ExamConfig{Questions: 4, Seed: 6}, false); err != nil {
		t.Fatal(err)
	} else if _, ok := s.(*askScreen); !ok {
		t.Fatalf("Start over an unfinished exam opened %T, want the question", s)
	}
	s, err := Start(c, quiz.ExamConfig{Questions: 4, Seed: 6}, true)
	if err != nil {
		t.Fatal(err)
	}
	if e, ok := s.(*examScreen); !ok || e.replaces == 0 {
		t.Fatalf("Start with abandon opened %T, want an exam that sets the unfinished one aside", s)
	}
}

// TestPastExamOpensFromHistory: a submitted exam's row in the history
// wraps instead of being cut at 40 columns, and enter opens it: its score,
// its domains and every question with the learner's answer and the
// explanations.
func TestPastExamOpensFromHistory(t *testing.T) {
	clk := &fixture.ManualClock{T: fixedClock()}
	h, ex, _ := examHarness(t, content.EN, clk, quiz.ExamConfig{Questions: 4, Seed: 5})
	h.Keys(fixture.RightLetters(ex.item().Presented)...)
	h.Keys("s", "y") // submit: the results replace the exam
	h.Keys("esc")    // back to the menu
	c := ex.c
	hist := newExamHistory(c)
	h.Send(common.PushMsg{Screen: hist})
	for _, w := range []int{40, 80} {
		c.Width = w
		v := h.View()
		if strings.Contains(v, "…") {
			t.Errorf("at %d columns a history row is cut:\n%s", w, v)
		}
		for _, l := range strings.Split(v, "\n") {
			if text.Width(l) > w {
				t.Errorf("at %d columns a line is %d wide: %q", w, text.Width(l), l)
			}
		}
		if !strings.Contains(v, "25.0%") || !strings.Contains(strings.Join(strings.Fields(v), " "), text.T(content.EN, "domain."+ex.item().Presented.Question.Domain)) {
			t.Errorf("at %d columns the row lacks the score or a domain:\n%s", w, v)
		}
	}
	c.Width = 80
	h.Keys("enter")
	r, ok := h.Top().(*examResults)
	if !ok {
		t.Fatalf("enter on a past exam opened %T, want its results", h.Top())
	}
	v := h.View()
	for _, want := range []string{"Score 25.0% · 1 of 4 right", "Submitted on"} {
		if !strings.Contains(v, want) {
			t.Errorf("the past exam lacks %q:\n%s", want, v)
		}
	}
	h.Keys("enter") // the first question, with its explanations
	first := r.items[0]
	v = h.View()
	if !strings.Contains(v, first.Presented.Options[0].Text[:10]) || !strings.Contains(v, "reason") {
		t.Errorf("the question lacks its options or explanations:\n%s", v)
	}
}

// TestEmptyHistorySaysHowToFillIt: with no exam submitted, the history says
// how to take one and offers no list keys, in both languages.
func TestEmptyHistorySaysHowToFillIt(t *testing.T) {
	for _, lang := range content.Langs {
		c := quizCommon(t, testProgress(t), lang, 80, 24, fixedClock)
		h := uitest.NewHarness(t, newExamMenu(c))
		hist := newExamHistory(c)
		h.Send(common.PushMsg{Screen: hist})
		if v := h.View(); !strings.Contains(strings.Join(strings.Fields(v), " "), c.T("exam.new")) {
			t.Errorf("%s: the empty history does not say to start a %q:\n%s", lang, c.T("exam.new"), v)
		}
		for _, b := range hist.ShortHelp() {
			if b.Help().Key == c.Keys.Open.Help().Key {
				t.Errorf("%s: the empty history offers %q", lang, b.Help().Key+" "+b.Help().Desc)
			}
		}
	}
}
