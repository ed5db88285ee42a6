package ui

import (
	"context"
	"strings"
	"testing"
	"time"

	tea "charm.land/bubbletea/v2"
	"github.com/charmbracelet/colorprofile"
	"github.com/charmbracelet/x/exp/teatest/v2"

	"github.com/saa-study/saa-study/content"
)

// englishOnly is a learner's folder written in English only.
func englishOnly(t *testing.T) *content.Library {
	t.Helper()
	lib, err := content.LoadDir("../content/testdata/en-only")
	if err != nil {
		t.Fatalf("the English-only folder: %v", err)
	}
	return lib
}

// TestOneLanguageFolderWorksForALearnerOfTheOther: a Korean learner with
// an English-only folder gets its notes list, Study and Review in English,
// with the Korean screens around them and a note saying the content is
// English only.
func TestOneLanguageFolderWorksForALearnerOfTheOther(t *testing.T) {
	for _, tc := range []struct {
		start string
		steps []string // keys, each followed by the text to wait for
	}{
		{"notes", []string{"", "SQS basics", "enter", "Queues decouple producers"}},
		{"study", []string{"", "SNS basics", "enter", "Messages that keep failing"}},
		{"review", []string{"", "Where does a message go"}},
	} {
		t.Run(tc.start, func(t *testing.T) {
			app := New(Options{Ctx: context.Background(), Lib: englishOnly(t), Progress: testProgress(t), Lang: content.KO, Theme: "dark", Start: tc.start, Now: fixedClock})
			tm := teatest.NewTestModel(t, probed{app}, teatest.WithInitialTermSize(100, 30),
				teatest.WithProgramOptions(tea.WithColorProfile(colorprofile.Ascii)))
			screen := waitView(t, tm, "이 콘텐츠는 영어로만 되어 있습니다.")
			for i := 0; i+1 < len(tc.steps); i += 2 {
				if tc.steps[i] != "" {
					tm.Send(press(tc.steps[i]))
				}
				screen = waitView(t, tm, tc.steps[i+1])
			}
			_ = screen
			tm.Send(tea.KeyPressMsg{Code: 'c', Mod: tea.ModCtrl})
			tm.WaitFinished(t, teatest.WithFinalTimeout(20*time.Second))
		})
	}
}

// TestOneLanguageNoteFitsTheNarrowestWindow: the status line's note is
// whole at 40×12 in both languages.
func TestOneLanguageNoteFitsTheNarrowestWindow(t *testing.T) {
	for _, tc := range []struct {
		lang content.Lang
		want string
	}{
		{content.KO, "이 콘텐츠는 영어로만 되어 있습니다."},
		{content.EN, ""},
	} {
		app := New(Options{Ctx: context.Background(), Lib: englishOnly(t), Lang: tc.lang, Theme: "dark", Start: "notes", Now: fixedClock})
		drive(app, tea.WindowSizeMsg{Width: 40, Height: 12})
		view := app.View().Content
		if tc.want != "" && !strings.Contains(view, tc.want) {
			t.Errorf("%s at 40×12: no whole note %q:\n%s", tc.lang, tc.want, view)
		}
		if tc.want == "" && strings.Contains(view, "only") {
			t.Errorf("%s: a note although the content is in the learner's language:\n%s", tc.lang, view)
		}
	}
}
