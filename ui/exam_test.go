package ui

import (
	"context"
	"encoding/json"
	"fmt"
	"path/filepath"
	"strings"
	"sync"
	"testing"
	"time"

	"charm.land/bubbles/v2/key"
	tea "charm.land/bubbletea/v2"
	"github.com/charmbracelet/colorprofile"
	"github.com/charmbracelet/x/ansi"
	"github.com/charmbracelet/x/exp/teatest/v2"

	"github.com/saa-study/saa-study/content"
	"github.com/saa-study/saa-study/progress"
	"github.com/saa-study/saa-study/quiz"
	"github.com/saa-study/saa-study/ui/common"
	"github.com/saa-study/saa-study/ui/keymap"
	"github.com/saa-study/saa-study/ui/text"
)

// lockedClock is a clock a test moves while the program reads it.
type lockedClock struct {
	mu sync.Mutex
	t  time.Time
}

func (l *lockedClock) Now() time.Time {
	l.mu.Lock()
	defer l.mu.Unlock()
	return l.t
}

func (l *lockedClock) Advance(d time.Duration) {
	l.mu.Lock()
	l.t = l.t.Add(d)
	l.mu.Unlock()
}

func newTM(t *testing.T, a *App, w, h int) *teatest.TestModel {
	return teatest.NewTestModel(t, probed{a}, teatest.WithInitialTermSize(w, h),
		teatest.WithProgramOptions(tea.WithColorProfile(colorprofile.Ascii)))
}

// typeAnswer presses the display letters of an answer.
func typeAnswer(tm *teatest.TestModel, letters []string) {
	for _, l := range letters {
		tm.Send(press(l))
	}
}

// TestExamToResultsReviewAndRetake answers a 10-question exam to the end
// (7 right, 2 wrong, 1 blank), reads the score and the domain bars,
// reviews the wrong ones and retakes what was missed.
func TestExamToResultsReviewAndRetake(t *testing.T) {
	lib, st := quizLibrary(t), testProgress(t)
	cfg := quiz.ExamConfig{Questions: 10, Seed: 42}
	twin, err := quiz.NewExam(lib.Questions(content.EN), cfg, fixedClock())
	if err != nil {
		t.Fatal(err)
	}
	a := New(Options{Ctx: context.Background(), Lib: lib, Progress: st, Lang: content.EN, Theme: "dark", Now: fixedClock})
	if err := a.StartExam(cfg); err != nil {
		t.Fatal(err)
	}
	tm := newTM(t, a, 80, 24)
	waitView(t, tm, "Question 1 of 10")
	for i := 0; i < 10; i++ {
		it, _ := twin.Item(i)
		switch {
		case i < 7:
			typeAnswer(tm, rightLetters(it.Presented))
		case i < 9:
			typeAnswer(tm, wrongLetters(it.Presented))
		}
		if i < 9 {
			waitView(t, tm, fmt.Sprintf("%d/10 answered", min(i+1, 9)))
		}
		tm.Send(press("enter"))
	}
	waitView(t, tm, "Overview")
	tm.Send(press("s"))
	waitView(t, tm, "1 unanswered")
	tm.Send(press("y"))
	view := waitView(t, tm, "Score 70.0% · 7 of 10 right")
	for _, want := range []string{"Not yet at the pass line", "estimate", "Time used 0:00 of 20:00", "secure", "█"} {
		if !strings.Contains(view, want) {
			t.Errorf("results lack %q:\n%s", want, view)
		}
	}
	if hist, err := st.ExamHistory(context.Background()); len(hist) != 1 {
		t.Logf("DEBUG history after results: %+v %v", hist, err)
	}
	tm.Send(press("tab"))
	view = waitView(t, tm, "[wrong]")
	if n := strings.Count(view, "✗") + strings.Count(view, "–  "); n < 3 {
		t.Errorf("wrong filter shows %d items, want 3 (2 wrong, 1 blank):\n%s", n, view)
	}
	tm.Send(press("enter"))
	view = waitView(t, tm, "reason")
	if !strings.Contains(view, "✗ Wrong") && !strings.Contains(view, "Not answered") {
		t.Errorf("review of a wrong item says neither wrong nor blank:\n%s", view)
	}
	tm.Send(press("esc"))
	tm.Send(press("r"))
	waitView(t, tm, "Question 1 of 3")
	tm.Send(press("q"))
	tm.WaitFinished(t, teatest.WithFinalTimeout(20*time.Second))

	hist, err := st.ExamHistory(context.Background())
	if err != nil || len(hist) != 1 || hist[0].Correct != 7 || hist[0].Total != 10 {
		t.Fatalf("history = %+v, %v; want one exam, 7 of 10", hist, err)
	}
	if n, _ := st.AnswerCount(context.Background()); n != 9 {
		t.Fatalf("stored %d graded answers, want the 9 given", n)
	}
}

// TestExamResumesAfterTheProgramDies starts an exam on a real file,
// answers 3 questions, drops the program without any goodbye, and starts
// a new one on the same file: the resume is offered with 3 answers and
// the time that was left.
func TestExamResumesAfterTheProgramDies(t *testing.T) {
	lib := quizLibrary(t)
	path := filepath.Join(t.TempDir(), "progress.db")
	clk := &lockedClock{t: fixedClock()}
	st, err := progress.Open(path, nil, progress.Options{Loc: time.Local, Now: clk.Now})
	if err != nil {
		t.Fatal(err)
	}
	twin, _ := quiz.NewExam(lib.Questions(content.EN), quiz.ExamConfig{Seed: uint64(fixedClock().UnixNano())}, fixedClock())
	a := New(Options{Ctx: context.Background(), Lib: lib, Progress: st, Lang: content.EN, Theme: "dark", Now: clk.Now})
	tm := newTM(t, a, 80, 24)
	waitView(t, tm, "Simulators")
	for range 3 {
		tm.Send(press("down"))
	}
	tm.Send(press("enter"))
	waitView(t, tm, "New exam")
	tm.Send(press("enter"))
	waitView(t, tm, "Question 1 of 12")
	for i := 0; i < 3; i++ {
		it, _ := twin.Item(i)
		typeAnswer(tm, rightLetters(it.Presented))
		waitView(t, tm, fmt.Sprintf("%d/12 answered", i+1))
		if i < 2 {
			clk.Advance(time.Minute)
		}
		tm.Send(press("enter"))
	}
	waitFor3 := func() bool {
		rec, ok, _ := st.UnfinishedExam(context.Background())
		var s quiz.ExamState
		return ok && json.Unmarshal(rec.State, &s) == nil && s.Answered() == 3
	}
	for deadline := time.Now().Add(20 * time.Second); !waitFor3(); {
		if time.Now().After(deadline) {
			t.Fatalf("the third answer never reached the store:\n%s", waitView(t, tm, ""))
		}
		time.Sleep(10 * time.Millisecond)
	}
	tm.Quit() // the program is gone; nothing else is saved
	tm.WaitFinished(t, teatest.WithFinalTimeout(20*time.Second))
	st.Close()

	st2, err := progress.Open(path, nil, progress.Options{Loc: time.Local, Now: clk.Now})
	if err != nil {
		t.Fatal(err)
	}
	defer st2.Close()
	b := New(Options{Ctx: context.Background(), Lib: lib, Progress: st2, Lang: content.EN, Theme: "dark", Now: clk.Now})
	tm2 := newTM(t, b, 80, 24)
	waitView(t, tm2, "Unfinished exam: 3 of 12 answered, 22:00 left")
	for range 3 {
		tm2.Send(press("down"))
	}
	tm2.Send(press("enter"))
	waitView(t, tm2, "You have an unfinished exam")
	tm2.Send(press("enter"))
	view := waitView(t, tm2, "3/12 answered")
	if !strings.Contains(view, "22:00 left") {
		t.Errorf("resumed exam does not show the time that was left:\n%s", view)
	}
	tm2.Send(press("q"))
	tm2.WaitFinished(t, teatest.WithFinalTimeout(20*time.Second))
}

// examApp opens an exam whose timer the test drives by hand.
func examApp(t *testing.T, lang content.Lang, clk *manualClock, cfg quiz.ExamConfig) (*App, *examScreen, *progress.Progress) {
	t.Helper()
	st := testProgress(t)
	a := New(Options{Ctx: context.Background(), Lib: quizLibrary(t), Progress: st, Lang: lang, Theme: "dark", Now: clk.Now})
	if err := a.StartExam(cfg); err != nil {
		t.Fatal(err)
	}
	ex := a.top().(*examScreen)
	ex.every = func(int) tea.Cmd { return nil }
	drive(a, tea.WindowSizeMsg{Width: 80, Height: 24})
	for _, m := range run(a.Init()) {
		drive(a, m)
	}
	return a, ex, st
}

// TestExamSubmitsItselfAtZero: with the clock moved past the limit, the
// next tick submits, grades and stores the exam.
func TestExamSubmitsItselfAtZero(t *testing.T) {
	clk := &manualClock{T: fixedClock()}
	a, ex, st := examApp(t, content.EN, clk, quiz.ExamConfig{Questions: 4, Duration: time.Minute, Seed: 3})
	it, _ := ex.ex.Item(0)
	for _, l := range rightLetters(it.Presented) {
		drive(a, press(l))
	}
	clk.Advance(59 * time.Second)
	drive(a, examTickMsg{gen: ex.gen})
	if _, ok := a.top().(*examScreen); !ok {
		t.Fatal("the exam ended before its time was up")
	}
	if v := ansi.Strip(a.View().Content); !strings.Contains(v, "0:01 left") {
		t.Fatalf("countdown does not show 0:01:\n%s", v)
	}
	clk.Advance(2 * time.Second)
	drive(a, examTickMsg{gen: ex.gen})
	r, ok := a.top().(*examResults)
	if !ok {
		t.Fatalf("no results after time ran out; top is %T", a.top())
	}
	if !r.res.TimedOut || r.res.Correct != 1 || r.res.TimeUsed != time.Minute {
		t.Fatalf("results = %+v; want timed out, 1 right, the full minute used", r.res)
	}
	if v := ansi.Strip(a.View().Content); !strings.Contains(v, "time ran out") || !strings.Contains(v, "25.0%") {
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
			clk := &manualClock{T: fixedClock()}
			a, ex, _ := examApp(t, content.EN, clk, quiz.ExamConfig{Questions: 4, Seed: 5})
			it, _ := ex.ex.Item(0)
			for _, k := range tc.keys {
				if k == "a" {
					for _, l := range rightLetters(it.Presented) {
						drive(a, press(l))
					}
					continue
				}
				drive(a, press(k))
			}
			v := ansi.Strip(a.View().Content)
			for _, w := range tc.want {
				if !strings.Contains(v, w) {
					t.Errorf("screen lacks %q:\n%s", w, v)
				}
			}
		})
	}
}

// TestQuizScreensFitSmallWindows draws the exam, its grid and the results
// in both languages down to 40×12.
func TestQuizScreensFitSmallWindows(t *testing.T) {
	for _, lang := range content.Langs {
		for _, sz := range [][2]int{{40, 12}, {80, 24}, {120, 40}} {
			clk := &manualClock{T: fixedClock()}
			a, ex, _ := examApp(t, lang, clk, quiz.ExamConfig{Questions: 6, Seed: 9})
			drive(a, tea.WindowSizeMsg{Width: sz[0], Height: sz[1]})
			check := func(where string) {
				lines := strings.Split(a.View().Content, "\n")
				if len(lines) > sz[1] {
					t.Errorf("%s %v %s: %d lines", lang, sz, where, len(lines))
				}
				for _, l := range lines {
					if w := text.Width(l); w > sz[0] {
						t.Errorf("%s %v %s: %d cells: %q", lang, sz, where, w, ansi.Strip(l))
					}
				}
			}
			check("exam")
			drive(a, press("g"))
			check("grid")
			drive(a, press("s"))
			check("confirm")
			drive(a, press("y"))
			if _, ok := a.top().(*examResults); !ok {
				t.Fatalf("%s %v: no results after submitting (top %T)", lang, sz, a.top())
			}
			check("results")
			drive(a, press("enter"))
			check("review")
			_ = ex
		}
	}
}

// BenchmarkExamView is the cost of one redraw of the exam screen
// (every key press and every second of the countdown).
func BenchmarkExamView(b *testing.B) {
	clk := &manualClock{T: fixedClock()}
	st := testProgress(b)
	a := New(Options{Ctx: context.Background(), Lib: quizLibrary(b), Progress: st, Lang: content.EN, Theme: "dark", Now: clk.Now})
	if err := a.StartExam(quiz.ExamConfig{Questions: 65, Seed: 1}); err != nil {
		b.Fatal(err)
	}
	drive(a, tea.WindowSizeMsg{Width: 80, Height: 24})
	b.ReportAllocs()
	for b.Loop() {
		_ = a.View()
	}
}

// TestExamSmallWindowShowsTheCursor: at 40×12 a question does not fit;
// the screen says there is more, and moving the cursor down to the last
// option scrolls it into view with the heading kept.
func TestExamSmallWindowShowsTheCursor(t *testing.T) {
	for _, lang := range content.Langs {
		clk := &manualClock{T: fixedClock()}
		a, ex, _ := examApp(t, lang, clk, quiz.ExamConfig{Questions: 6, Seed: 9})
		drive(a, tea.WindowSizeMsg{Width: 40, Height: 12})
		v := ansi.Strip(a.View().Content)
		if !strings.Contains(v, text.T(lang, "exam.more")) {
			t.Errorf("%s: a cut question does not say there is more:\n%s", lang, v)
		}
		n := len(ex.item().Presented.Options)
		for i := 0; i < n-1; i++ {
			drive(a, press("down"))
			v = ansi.Strip(a.View().Content)
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
		if help := ansi.Strip(a.View().Content); !strings.Contains(help, "a–"+last) {
			t.Errorf("%s: the help bar does not name a–%s:\n%s", lang, last, help)
		}
	}
}

// TestExamHelpBarFitsAt80: the exam's short help leaves room for "? help"
// at 80 columns in both languages.
func TestExamHelpBarFitsAt80(t *testing.T) {
	for _, lang := range content.Langs {
		clk := &manualClock{T: fixedClock()}
		a, _, _ := examApp(t, lang, clk, quiz.ExamConfig{Questions: 4, Seed: 5})
		for _, keys := range [][]string{nil, {"g"}} {
			for _, k := range keys {
				drive(a, press(k))
			}
			lines := strings.Split(ansi.Strip(a.View().Content), "\n")
			bar := lines[len(lines)-1]
			if !strings.Contains(bar, "? "+keymap.Localize(lang, []key.Binding{a.c.Keys.Help})[0].Help().Desc) {
				t.Errorf("%s %v: the help bar lost ? help: %q", lang, keys, bar)
			}
		}
	}
}

// TestExamGridScrollsToTheCursor: an overview with more rows than room
// scrolls so that the selected cell stays on screen.
func TestExamGridScrollsToTheCursor(t *testing.T) {
	clk := &manualClock{T: fixedClock()}
	a, ex, _ := examApp(t, content.EN, clk, quiz.ExamConfig{Questions: 12, Seed: 2})
	drive(a, press("g"))
	n := ex.ex.Len()
	ex.gridPos = n - 1 // the last cell, on the last row
	for _, h := range []int{2, 3, 4} {
		v := ansi.Strip(ex.gridView(gridCell*2, h)) // two cells a row
		if lines := strings.Count(v, "\n"); lines > h {
			t.Errorf("h=%d: %d lines:\n%s", h, lines, v)
		}
		if want := fmt.Sprintf("[%2d·]", n); !strings.Contains(v, want) {
			t.Errorf("h=%d: the selected cell %q is not in sight:\n%s", h, want, v)
		}
	}
	_ = a
}

// TestExamMenuLandsOnResumeAfterPausing: with an exam paused, starting a
// new one (which replaces it) and pausing that one brings the menu back
// with the cursor on Resume, not on New exam, so enter does not throw the
// new exam away.
func TestExamMenuLandsOnResumeAfterPausing(t *testing.T) {
	clk := &manualClock{T: fixedClock()}
	a, _, _ := examApp(t, content.EN, clk, quiz.ExamConfig{Questions: 4, Seed: 5})
	pause := func() *examMenu {
		t.Helper()
		drive(a, press("esc"))
		m, ok := a.top().(*examMenu)
		if !ok {
			t.Fatalf("esc did not go back to the Exam menu (top %T)", a.top())
		}
		drive(a, tea.WindowSizeMsg{Width: 80, Height: 24})
		return m
	}
	m := pause()
	if it, _ := m.menu.Selected(); it.ID != "resume" {
		t.Fatalf("after the first pause the cursor is on %q, want resume", it.ID)
	}
	drive(a, press("down")) // New exam: replaces the paused one
	if it, _ := m.menu.Selected(); it.ID != "new" {
		t.Fatalf("down went to %q, want new", it.ID)
	}
	// enter on New exam, with the new exam's clock stopped for the test.
	msgs := run(m.choose("new"))
	pm, ok := msgs[0].(common.PushMsg)
	if len(msgs) != 1 || !ok {
		t.Fatalf("New exam: %v", msgs)
	}
	pm.Screen.(*examScreen).every = func(int) tea.Cmd { return nil }
	drive(a, pm)
	if _, ok := a.top().(*examScreen); !ok {
		t.Fatalf("New exam did not open an exam (top %T)", a.top())
	}
	m = pause()
	if it, _ := m.menu.Selected(); it.ID != "resume" {
		t.Errorf("after pausing the new exam the cursor is on %q, want resume:\n%s", it.ID, ansi.Strip(a.View().Content))
	}
}
