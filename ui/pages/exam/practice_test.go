package exam

import (
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/charmbracelet/x/ansi"

	"github.com/saa-study/saa-study/content"
	"github.com/saa-study/saa-study/quiz"
	"github.com/saa-study/saa-study/ui/internal/fixture"
	"github.com/saa-study/saa-study/ui/internal/uitest"
	"github.com/saa-study/saa-study/ui/text"
)

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
			clk := &fixture.ManualClock{T: fixedClock()}
			c := quizCommon(t, testProgress(t), content.EN, 80, 24, clk.Now)
			s, err := newPracticeScreen(c, c.Lib.Questions(content.EN), quiz.Filter{Max: 2}, "practice")
			if err != nil {
				t.Fatal(err)
			}
			h := uitest.NewHarness(t, s)
			letters := fixture.RightLetters(s.q.Presented())
			if !tc.right {
				letters = fixture.WrongLetters(s.q.Presented())
			}
			h.Keys(letters...)
			if tc.unsure {
				h.Keys("u")
			}
			clk.Advance(tc.took)
			h.Keys("enter")
			if got := s.q.Rating().String(); got != tc.want {
				t.Fatalf("rating %s, want %s", got, tc.want)
			}
			if v := h.View(); !strings.Contains(v, "recorded as "+tc.want) {
				t.Fatalf("screen does not name the rating:\n%s", v)
			}
		})
	}
}

// TestTeacherQuizExportsAfterEveryAnswer runs a quiz in file order and
// checks the CSV written after each answer, with the score row.
func TestTeacherQuizExportsAfterEveryAnswer(t *testing.T) {
	c := quizCommon(t, testProgress(t), content.EN, 80, 24, fixedClock)
	qs := c.Lib.Questions(content.EN)[:3]
	out := filepath.Join(t.TempDir(), "kim.csv")
	scr, err := NewQuiz(c, &content.Quiz{ID: "week-3", Title: "Week 3", Questions: qs}, "kim", out)
	if err != nil {
		t.Fatal(err)
	}
	s := scr.(*practiceScreen)
	h := uitest.NewHarness(t, s)
	for i := 0; i < 3; i++ {
		p := s.q.Presented()
		if p.QuestionID != qs[i].ID {
			t.Fatalf("question %d is %s; a quiz keeps the file order (%s)", i+1, p.QuestionID, qs[i].ID)
		}
		letters := fixture.RightLetters(p)
		if i == 1 {
			letters = fixture.WrongLetters(p)
		}
		h.Keys(letters...)
		h.Keys("enter", "enter")
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
	if v := h.View(); !strings.Contains(v, "Done: 2 of 3 right") || !strings.Contains(v, "drill what I missed (1 wrong") {
		t.Fatalf("end screen:\n%s", v)
	}
	h.Keys("d")
	if d, ok := h.Top().(*practiceScreen); !ok || d.p.Progress().Total != 1 {
		t.Fatalf("drill did not start over the one miss: %T", h.Top())
	}
}

// TestPracticeScreensFitSmallWindows draws the exam menu, the practice
// setup, a question, its feedback and the report field in both languages,
// each within the room the App leaves it in a 40×12 and an 80×24
// terminal.
func TestPracticeScreensFitSmallWindows(t *testing.T) {
	for _, lang := range content.Langs {
		for _, sz := range [][2]int{{40, 12}, {80, 24}} {
			c := quizCommon(t, testProgress(t), lang, sz[0], sz[1], fixedClock)
			h := uitest.NewHarness(t, newExamMenu(c))
			check := func(where string) {
				lines := strings.Split(text.Fit(h.Top().View(), c.Height), "\n")
				if len(lines) > c.Height {
					t.Errorf("%s %v %s: %d lines", lang, sz, where, len(lines))
				}
				for _, l := range lines {
					if w := text.Width(l); w > c.Width {
						t.Errorf("%s %v %s: %d cells: %q", lang, sz, where, w, ansi.Strip(l))
					}
				}
			}
			check("menu")
			h.Keys("down", "enter")
			if _, ok := h.Top().(*practiceSetup); !ok {
				t.Fatalf("%s: practice did not open (top %T)", lang, h.Top())
			}
			check("setup")
			h.Keys("s")
			s, ok := h.Top().(*practiceScreen)
			if !ok {
				t.Fatalf("%s: session did not start (top %T)", lang, h.Top())
			}
			check("question")
			h.Keys(fixture.WrongLetters(s.q.Presented())...)
			h.Keys("enter")
			check("feedback")
			h.Keys("r")
			check("report")
			h.Keys("esc")
		}
	}
}
