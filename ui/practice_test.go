package ui

import (
	"context"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"charm.land/bubbles/v2/key"
	tea "charm.land/bubbletea/v2"
	"github.com/charmbracelet/x/ansi"
	"github.com/charmbracelet/x/exp/teatest/v2"

	"github.com/saa-study/saa-study/content"
	"github.com/saa-study/saa-study/quiz"
	"github.com/saa-study/saa-study/ui/keymap"
	"github.com/saa-study/saa-study/ui/styles"
	"github.com/saa-study/saa-study/ui/text"
)

// TestPracticeFeedbackNoteReportAndDrill: home → Exam → Practice → start;
// a wrong answer shows every option's explanation and the facts, o opens
// the note at the linked section, the rating stays Again, r stores a
// report, and the end offers to drill the miss.
func TestPracticeFeedbackNoteReportAndDrill(t *testing.T) {
	lib, st := quizLibrary(t), testProgress(t)
	twin, err := quiz.NewPractice(lib.Questions(content.EN), quiz.Filter{Max: 5}, uint64(fixedClock().UnixNano()))
	if err != nil {
		t.Fatal(err)
	}
	a := New(Options{Ctx: context.Background(), Lib: lib, Progress: st, Lang: content.EN, Theme: "dark", Now: fixedClock})
	tm := newTM(t, a, 80, 24)
	waitView(t, tm, "Simulators")
	for range 3 {
		tm.Send(press("down"))
	}
	tm.Send(press("enter"))
	waitView(t, tm, "New exam")
	tm.Send(press("down"))
	tm.Send(press("enter"))
	waitView(t, tm, "Questions: ‹ 10 ›")
	tm.Send(press("enter")) // 10 → 20
	tm.Send(press("enter")) // 20 → all
	tm.Send(press("enter")) // all → 5
	waitView(t, tm, "Questions: ‹ 5 ›")
	tm.Send(press("s"))
	waitView(t, tm, "Question 1 of 5")

	first, _ := twin.Next()
	typeAnswer(tm, wrongLetters(first))
	tm.Send(press("enter"))
	view := waitView(t, tm, "✗ Wrong")
	for _, want := range []string{"recorded as Again", "Right: reason 0 of " + first.QuestionID, "Wrong: reason", "Facts: 900"} {
		if !strings.Contains(view, want) {
			t.Errorf("feedback lacks %q:\n%s", want, view)
		}
	}
	tm.Send(press("2"))
	waitView(t, tm, "stays Again")
	tm.Send(press("o"))
	section := strings.TrimPrefix(first.Question.Section, "limits#part-")
	view = waitView(t, tm, "Text of part "+section)
	if !strings.Contains(view, "Lambda limits") {
		t.Errorf("o did not open the note:\n%s", view)
	}
	tm.Send(press("esc"))
	waitView(t, tm, "✗ Wrong")
	tm.Send(press("r"))
	for _, r := range "typo in b" {
		tm.Send(press(string(r)))
	}
	tm.Send(press("enter"))
	waitView(t, tm, "Report saved")
	tm.Send(press("enter"))
	waitView(t, tm, "Question 2 of 5")
	tm.Send(press("q"))
	tm.WaitFinished(t, teatest.WithFinalTimeout(20*time.Second))

	answers, err := st.Answers(context.Background(), "question", first.QuestionID)
	if err != nil || len(answers) != 1 || answers[0].Source != "practice" || answers[0].Rating != 1 || answers[0].Correct {
		t.Fatalf("stored answers = %+v, %v; want one wrong practice answer rated Again", answers, err)
	}
	reps, _ := st.QuestionReports(context.Background())
	if len(reps) != 1 || reps[0].QuestionID != first.QuestionID || reps[0].Note != "typo in b" || reps[0].ContentVersion != lib.Version {
		t.Fatalf("reports = %+v", reps)
	}
}

// TestPracticeRatingsFollowTheRules checks the rating each answer gets:
// wrong → Again, right → Good, unsure → Hard, right and fast → Easy.
func TestPracticeRatingsFollowTheRules(t *testing.T) {
	tests := []struct {
		name   string
		right  bool
		unsure bool
		took   time.Duration
		want   string
	}{
		{"wrong", false, false, time.Minute, "Again"},
		{"wrong and unsure", false, true, time.Minute, "Again"},
		{"right", true, false, time.Minute, "Good"},
		{"right but unsure", true, true, 10 * time.Second, "Hard"},
		{"right and fast", true, false, 10 * time.Second, "Easy"},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			clk := &manualClock{T: fixedClock()}
			a := New(Options{Ctx: context.Background(), Lib: quizLibrary(t), Progress: testProgress(t), Lang: content.EN, Theme: "dark", Now: clk.Now})
			s, err := newPracticeScreen(a.c, a.c.Lib.Questions(content.EN), quiz.Filter{Max: 2}, "practice")
			if err != nil {
				t.Fatal(err)
			}
			a.stack = append(a.stack, s)
			drive(a, tea.WindowSizeMsg{Width: 80, Height: 24})
			letters := rightLetters(s.pres)
			if !tc.right {
				letters = wrongLetters(s.pres)
			}
			for _, l := range letters {
				drive(a, press(l))
			}
			if tc.unsure {
				drive(a, press("u"))
			}
			clk.Advance(tc.took)
			drive(a, press("enter"))
			if got := s.rating.String(); got != tc.want {
				t.Fatalf("rating %s, want %s", got, tc.want)
			}
			if v := ansi.Strip(a.View().Content); !strings.Contains(v, "recorded as "+tc.want) {
				t.Fatalf("screen does not name the rating:\n%s", v)
			}
		})
	}
}

// TestTeacherQuizExportsAfterEveryAnswer runs a quiz in file order and
// checks the CSV written after each answer, with the score row.
func TestTeacherQuizExportsAfterEveryAnswer(t *testing.T) {
	lib := quizLibrary(t)
	qs := lib.Questions(content.EN)[:3]
	out := filepath.Join(t.TempDir(), "kim.csv")
	a := New(Options{Ctx: context.Background(), Lib: lib, Progress: testProgress(t), Lang: content.EN, Theme: "dark", Now: fixedClock})
	if err := a.StartQuiz(&content.Quiz{ID: "week-3", Title: "Week 3", Questions: qs}, "kim", out); err != nil {
		t.Fatal(err)
	}
	s := a.top().(*practiceScreen)
	drive(a, tea.WindowSizeMsg{Width: 80, Height: 24})
	for i := 0; i < 3; i++ {
		if s.pres.QuestionID != qs[i].ID {
			t.Fatalf("question %d is %s; a quiz keeps the file order (%s)", i+1, s.pres.QuestionID, qs[i].ID)
		}
		letters := rightLetters(s.pres)
		if i == 1 {
			letters = wrongLetters(s.pres)
		}
		for _, l := range letters {
			drive(a, press(l))
		}
		drive(a, press("enter"))
		drive(a, press("enter"))
	}
	b, err := os.ReadFile(out)
	if err != nil {
		t.Fatal(err)
	}
	lines := strings.Split(strings.TrimSpace(string(b)), "\r\n")
	if len(lines) != 5 || lines[0] != strings.Join(quiz.CSVHeader, ",") {
		t.Fatalf("export:\n%s", b)
	}
	if !strings.HasPrefix(lines[1], "kim,week-3,q01,a,true,") || !strings.Contains(lines[4], "#score") || !strings.Contains(lines[4], "2/3") {
		t.Fatalf("export rows:\n%s", b)
	}
	if v := ansi.Strip(a.View().Content); !strings.Contains(v, "Done: 2 of 3 right") || !strings.Contains(v, "drill what I missed (1 wrong") {
		t.Fatalf("end screen:\n%s", v)
	}
	drive(a, press("d"))
	if d, ok := a.top().(*practiceScreen); !ok || d.p.Progress().Total != 1 {
		t.Fatalf("drill did not start over the one miss: %T", a.top())
	}
}

// TestPracticeScreensFitSmallWindows draws the exam menu, the practice
// setup, a question, its feedback and the report field in both languages.
func TestPracticeScreensFitSmallWindows(t *testing.T) {
	lib := quizLibrary(t)
	for _, lang := range content.Langs {
		for _, sz := range [][2]int{{40, 12}, {80, 24}} {
			a := New(Options{Ctx: context.Background(), Lib: lib, Progress: testProgress(t), Lang: lang, Theme: "dark", Now: fixedClock, Start: "exam"})
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
			check("menu")
			drive(a, press("down"))
			drive(a, press("enter"))
			if _, ok := a.top().(*practiceSetup); !ok {
				t.Fatalf("%s: practice did not open (top %T)", lang, a.top())
			}
			check("setup")
			drive(a, press("s"))
			s, ok := a.top().(*practiceScreen)
			if !ok {
				t.Fatalf("%s: session did not start (top %T)", lang, a.top())
			}
			check("question")
			for _, l := range wrongLetters(s.pres) {
				drive(a, press(l))
			}
			drive(a, press("enter"))
			check("feedback")
			drive(a, press("r"))
			check("report")
			drive(a, press("esc"))
		}
	}
}

// TestPracticeSetupSaysWhatRowsAre: the domain rows say they are domains,
// and on the count row the help bar names ←/→, which change it.
func TestPracticeSetupSaysWhatRowsAre(t *testing.T) {
	a := New(Options{Ctx: context.Background(), Lib: quizLibrary(t), Progress: testProgress(t), Lang: content.EN, Theme: "dark", Now: fixedClock, Start: "exam"})
	drive(a, tea.WindowSizeMsg{Width: 80, Height: 24})
	drive(a, press("down"))
	drive(a, press("enter"))
	if _, ok := a.top().(*practiceSetup); !ok {
		t.Fatalf("practice did not open (top %T)", a.top())
	}
	v := ansi.Strip(a.View().Content)
	for _, want := range []string{"[ ] domain: secure", "←/→ change"} {
		if !strings.Contains(v, want) {
			t.Errorf("setup lacks %q:\n%s", want, v)
		}
	}
}

// TestFeedbackShowsThePicks: after grading, the learner's picks stay
// ticked, so a right option that was missed ("✓ d [ ]") differs from one
// that was picked ("✓ b [x]").
func TestFeedbackShowsThePicks(t *testing.T) {
	st := styles.New(true)
	per := []quiz.OptionFeedback{
		{Letter: "a", Text: "one", Chosen: true},
		{Letter: "b", Text: "two", Correct: true, Chosen: true},
		{Letter: "c", Text: "three"},
		{Letter: "d", Text: "four", Correct: true},
	}
	v := ansi.Strip(drawFeedback(st, per, 60))
	for _, want := range []string{"✗ a [x] one", "✓ b [x] two", "  c [ ] three", "✓ d [ ] four"} {
		if !strings.Contains(v, want) {
			t.Errorf("feedback lacks %q:\n%s", want, v)
		}
	}
	if v := ansi.Strip(drawFeedback(st, per[:3], 60)); !strings.Contains(v, "✓ b (x) two") {
		t.Errorf("one right option: want a radio mark:\n%s", v)
	}
}

// TestReportHelpSaysSave: while a report is typed, enter saves it; the
// help bar says so rather than "answer / next".
func TestReportHelpSaysSave(t *testing.T) {
	for _, lang := range content.Langs {
		a := New(Options{Ctx: context.Background(), Lib: quizLibrary(t), Progress: testProgress(t), Lang: lang, Theme: "dark", Now: fixedClock, Start: "exam"})
		drive(a, tea.WindowSizeMsg{Width: 100, Height: 24})
		drive(a, press("down"))
		drive(a, press("enter"))
		drive(a, press("s"))
		s, ok := a.top().(*practiceScreen)
		if !ok {
			t.Fatalf("no practice session (top %T)", a.top())
		}
		for _, l := range wrongLetters(s.pres) {
			drive(a, press(l))
		}
		drive(a, press("enter"))
		drive(a, press("r"))
		bar := a.help.ShortHelpView(a.shortHelp())
		want := keymap.Localize(lang, []key.Binding{key.NewBinding(key.WithHelp("enter", "save report"))})[0].Help().Desc
		if v := ansi.Strip(bar); !strings.Contains(v, want) || strings.Contains(v, keymap.Localize(lang, []key.Binding{s.keys.Submit})[0].Help().Desc) {
			t.Errorf("%s: the help bar while reporting is %q, want %q", lang, v, want)
		}
	}
}
