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
	if err := a.StartExam(cfg, false); err != nil {
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

// examApp opens an exam without starting its timer (Init is not run), so
// a test drives it key by key; with nothing stored, submitting stores
// nothing either.
func examApp(t *testing.T, lang content.Lang, clk *manualClock, cfg quiz.ExamConfig) *App {
	t.Helper()
	a := New(Options{Ctx: context.Background(), Lib: quizLibrary(t), Lang: lang, Theme: "dark", Now: clk.Now})
	if err := a.StartExam(cfg, false); err != nil {
		t.Fatal(err)
	}
	drive(a, tea.WindowSizeMsg{Width: 80, Height: 24})
	return a
}

// TestQuizScreensFitSmallWindows draws the exam, its grid and the results
// in both languages down to 40×12.
func TestQuizScreensFitSmallWindows(t *testing.T) {
	for _, lang := range content.Langs {
		for _, sz := range [][2]int{{40, 12}, {80, 24}, {120, 40}} {
			clk := &manualClock{T: fixedClock()}
			a := examApp(t, lang, clk, quiz.ExamConfig{Questions: 6, Seed: 9})
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
			if v := a.text(); !strings.Contains(v, text.T(lang, "results.title")) {
				t.Fatalf("%s %v: no results after submitting:\n%s", lang, sz, v)
			}
			check("results")
			drive(a, press("enter"))
			check("review")
		}
	}
}

// BenchmarkExamView is the cost of one redraw of the exam screen
// (every key press and every second of the countdown).
func BenchmarkExamView(b *testing.B) {
	clk := &manualClock{T: fixedClock()}
	st := testProgress(b)
	a := New(Options{Ctx: context.Background(), Lib: quizLibrary(b), Progress: st, Lang: content.EN, Theme: "dark", Now: clk.Now})
	if err := a.StartExam(quiz.ExamConfig{Questions: 65, Seed: 1}, false); err != nil {
		b.Fatal(err)
	}
	drive(a, tea.WindowSizeMsg{Width: 80, Height: 24})
	b.ReportAllocs()
	for b.Loop() {
		_ = a.View()
	}
}

// TestExamHelpBarFitsAt80: the exam's short help leaves room for "? help"
// at 80 columns in both languages.
func TestExamHelpBarFitsAt80(t *testing.T) {
	for _, lang := range content.Langs {
		clk := &manualClock{T: fixedClock()}
		a := examApp(t, lang, clk, quiz.ExamConfig{Questions: 4, Seed: 5})
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

// TestEscSaysWhatItDoesInAnExam: in a running exam esc pauses it, keeping
// its answers and the time left. The help bar says so, as the line under
// the question does, and does not call it "back".
func TestEscSaysWhatItDoesInAnExam(t *testing.T) {
	lib, err := content.Embedded()
	if err != nil {
		t.Fatal(err)
	}
	for _, lang := range content.Langs {
		a := New(Options{Ctx: context.Background(), Lib: lib, Progress: testProgress(t), Lang: lang, Theme: "dark", Now: fixedClock})
		if err := a.StartExam(quiz.ExamConfig{Questions: 5, Seed: 1}, false); err != nil {
			t.Fatal(err)
		}
		local := func(b key.Binding) string { return "esc " + keymap.Localize(lang, []key.Binding{b})[0].Help().Desc }
		pause, back := local(key.NewBinding(key.WithHelp("esc", "pause"))), local(a.c.Keys.Back)
		tm := newTM(t, a, 100, 30)
		v := waitView(t, tm, "?")
		lines := strings.Split(strings.TrimRight(v, "\n"), "\n")
		if bar := lines[len(lines)-1]; !strings.Contains(bar, pause) || strings.Contains(v, back) {
			t.Errorf("%s: the help bar should name esc %q, not %q:\n%s", lang, pause, back, v)
		}
		if strings.Count(v, pause) != 2 {
			t.Errorf("%s: want %q under the question and in the help bar:\n%s", lang, pause, v)
		}
		tm.Quit()
		tm.WaitFinished(t, teatest.WithFinalTimeout(20*time.Second))
	}
}

// TestQuittingAnExamKeepsItsTimeLeft: the time left is saved every ten
// seconds; quitting with q in between saves it too, so the resumed exam
// has the time that was left, not some seconds more.
func TestQuittingAnExamKeepsItsTimeLeft(t *testing.T) {
	lib, st := quizLibrary(t), testProgress(t)
	clk := &lockedClock{t: fixedClock()}
	a := New(Options{Ctx: context.Background(), Lib: lib, Progress: st, Lang: content.EN, Theme: "dark", Now: clk.Now})
	if err := a.StartExam(quiz.ExamConfig{Questions: 12, Seed: 7}, false); err != nil {
		t.Fatal(err)
	}
	tm := newTM(t, a, 80, 24)
	waitView(t, tm, "Question 1 of 12")
	tm.Send(press("a"))
	waitView(t, tm, "1/12 answered")
	clk.Advance(7 * time.Second)
	tm.Send(press("q"))
	tm.WaitFinished(t, teatest.WithFinalTimeout(20*time.Second))

	rec, ok, err := st.UnfinishedExam(context.Background())
	if err != nil || !ok {
		t.Fatalf("no unfinished exam after q: %v", err)
	}
	var state quiz.ExamState
	if err := json.Unmarshal(rec.State, &state); err != nil {
		t.Fatal(err)
	}
	ex, err := quiz.Resume(lib.Questions(content.EN), state, clk.Now())
	if err != nil {
		t.Fatal(err)
	}
	if left := ex.Remaining(clk.Now()); left != 24*time.Minute-7*time.Second {
		t.Errorf("resumed with %v left, want %v", left, 24*time.Minute-7*time.Second)
	}
}
