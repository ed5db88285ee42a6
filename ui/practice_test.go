package ui

import (
	"context"
	"strings"
	"testing"
	"time"

	"charm.land/bubbles/v2/key"
	tea "charm.land/bubbletea/v2"
	"github.com/charmbracelet/x/ansi"
	"github.com/charmbracelet/x/exp/teatest/v2"

	"github.com/saa-study/saa-study/content"
	"github.com/saa-study/saa-study/quiz"
	"github.com/saa-study/saa-study/ui/components/question"
	"github.com/saa-study/saa-study/ui/keymap"
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
	if len(reps) != 1 || reps[0].QuestionID != first.QuestionID || reps[0].Note != "typo in b" || reps[0].ContentVersion != lib.Version() {
		t.Fatalf("reports = %+v", reps)
	}
}

// TestPracticeSetupSaysWhatRowsAre: the domain rows name the exam guide's
// domains with their weights, and on the count row the help bar names
// ←/→, which change it.
func TestPracticeSetupSaysWhatRowsAre(t *testing.T) {
	a := New(Options{Ctx: context.Background(), Lib: quizLibrary(t), Progress: testProgress(t), Lang: content.EN, Theme: "dark", Now: fixedClock, Start: "exam"})
	drive(a, tea.WindowSizeMsg{Width: 80, Height: 24})
	drive(a, press("down"))
	drive(a, press("enter"))
	v := ansi.Strip(a.View().Content)
	if !strings.Contains(v, text.T(content.EN, "practice.setup.title")) {
		t.Fatalf("practice did not open:\n%s", v)
	}
	for _, want := range []string{"[ ] Domain 1: Design Secure Architectures (30% of the exam)", "Domain 4: Design Cost-Optimized Architectures (20% of the exam)", "←/→ change"} {
		if !strings.Contains(v, want) {
			t.Errorf("setup lacks %q:\n%s", want, v)
		}
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
		if v := a.text(); !strings.Contains(v, text.T(lang, "practice.title")) {
			t.Fatalf("no practice session:\n%s", v)
		}
		// a then b is a complete answer whether the question wants one
		// option (b replaces a) or two.
		drive(a, press("a"))
		drive(a, press("b"))
		drive(a, press("enter"))
		if v := a.text(); !strings.Contains(v, "✓ "+text.T(lang, "study.right")) && !strings.Contains(v, "✗ "+text.T(lang, "study.wrong")) {
			t.Fatalf("%s: no feedback after answering:\n%s", lang, v)
		}
		drive(a, press("r"))
		bar := a.help.ShortHelpView(a.shortHelp())
		want := keymap.Localize(lang, []key.Binding{key.NewBinding(key.WithHelp("enter", "save report"))})[0].Help().Desc
		if v := ansi.Strip(bar); !strings.Contains(v, want) || strings.Contains(v, keymap.Localize(lang, []key.Binding{question.DefaultKeys().Submit})[0].Help().Desc) {
			t.Errorf("%s: the help bar while reporting is %q, want %q", lang, v, want)
		}
	}
}
