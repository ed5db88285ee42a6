package ui

import (
	"context"
	"strings"
	"testing"
	"time"

	tea "charm.land/bubbletea/v2"
	"github.com/charmbracelet/colorprofile"
	"github.com/charmbracelet/x/ansi"
	"github.com/charmbracelet/x/exp/teatest/v2"

	"github.com/saa-study/saa-study/content"
	"github.com/saa-study/saa-study/progress"
	"github.com/saa-study/saa-study/quiz"
	"github.com/saa-study/saa-study/srs"
)

// TestStudyWrongAnswerShowsTheSection: answering wrongly shows every
// explanation, stores the answer, and scrolls the note to the section that
// teaches it.
func TestStudyWrongAnswerShowsTheSection(t *testing.T) {
	for _, sz := range [][2]int{{120, 30}, {80, 24}} {
		st := testProgress(t)
		lib := testLibrary(t)
		app := New(Options{Ctx: context.Background(), Lib: lib, Progress: st, Lang: content.EN, Theme: "dark", Start: "study", Now: fixedClock})
		tm := teatest.NewTestModel(t, probed{app}, teatest.WithInitialTermSize(sz[0], sz[1]),
			teatest.WithProgramOptions(tea.WithColorProfile(colorprofile.Ascii)))
		waitView(t, tm, "Lambda limits")
		tm.Send(press("enter"))
		screen := waitView(t, tm, "60 minutes")

		// Options are shuffled: read the letter of a wrong one off the screen.
		wrong := ""
		for _, l := range strings.Split(screen, "\n") {
			if i := strings.Index(l, "( ) 60 minutes"); i >= 2 {
				wrong = strings.TrimSpace(l[i-2 : i-1])
			}
		}
		if wrong == "" {
			t.Fatalf("no option line for \"60 minutes\":\n%s", screen)
		}
		tm.Send(tea.KeyPressMsg{Code: tea.KeyTab}) // focus the note…
		tm.Send(tea.KeyPressMsg{Code: tea.KeyTab}) // …and back to the questions
		tm.Send(press(wrong))
		tm.Send(press("enter"))
		screen = waitView(t, tm, "Wrong")
		for _, want := range []string{"Right: that is the hard cap.", "Part 5"} {
			if !strings.Contains(screen, want) {
				t.Errorf("%dx%d: after a wrong answer the screen lacks %q:\n%s", sz[0], sz[1], want, screen)
			}
		}
		tm.Send(press("q"))
		tm.WaitFinished(t, teatest.WithFinalTimeout(20*time.Second))
		got, err := st.Answers(context.Background(), "question", "limits-q1")
		if err != nil || len(got) != 1 || got[0].Correct || got[0].Rating != int(quiz.Again) || got[0].Source != "study" {
			t.Fatalf("%dx%d: stored answers = %+v, %v; want one wrong answer rated Again", sz[0], sz[1], got, err)
		}
		it, err := st.Item(context.Background(), progress.KindQuestion, "limits-q1")
		if err != nil || it.Card.Reps != 1 || it.Card.Lapses != 0 || it.Card.State != srs.Learning {
			t.Fatalf("%dx%d: the missed question should be scheduled to come back soon: %+v, %v", sz[0], sz[1], it, err)
		}
	}
}

// TestNoteListShowsDueItems: a question missed an hour ago is due again,
// and the topic list says so beside its note.
func TestNoteListShowsDueItems(t *testing.T) {
	st := testProgress(t)
	ctx := context.Background()
	if _, err := st.WithLibrary(testLibrary(t)).CommitAnswer(ctx, progress.Answer{Kind: progress.KindQuestion, ItemID: "limits-q1", Lang: "en",
		Rating: int(srs.Again), DurationMS: 1000, Source: "study", AnsweredAt: fixedClock().Add(-time.Hour)}); err != nil {
		t.Fatal(err)
	}
	a := New(Options{Ctx: ctx, Lib: testLibrary(t), Progress: st, Lang: content.EN, Theme: "dark", Start: "notes", Now: fixedClock})
	drive(a, tea.WindowSizeMsg{Width: 80, Height: 24})
	drive(a, a.top().Init()())
	if v := a.View().Content; !strings.Contains(v, "1 due") {
		t.Fatalf("the note list should show 1 due item:\n%s", v)
	}
}

// TestStudyCursorStaysOnScreen: on a small window the questions panel
// cannot show every option; moving the cursor scrolls it into view, and a
// last line says that more is below.
func TestStudyCursorStaysOnScreen(t *testing.T) {
	a := New(Options{Ctx: context.Background(), Lib: testLibrary(t), Progress: testProgress(t), Lang: content.EN, Theme: "dark", Start: "study", Now: fixedClock})
	drive(a, tea.WindowSizeMsg{Width: 40, Height: 12})
	drive(a, press("enter"))
	v := ansi.Strip(a.View().Content)
	if !strings.Contains(v, "more below") {
		t.Fatalf("a cut panel should say more is below:\n%s", v)
	}
	for i := 0; i < 3; i++ {
		drive(a, press("j"))
		v = ansi.Strip(a.View().Content)
		if !strings.Contains(v, "▸ ") {
			t.Fatalf("after %d× j the cursor is off screen:\n%s", i+1, v)
		}
	}
	if !strings.Contains(v, "d ( )") {
		t.Fatalf("the last option should show with the cursor on it:\n%s", v)
	}
}

// TestNoteListNarrowKeepsStatus: on a narrow window the note list cuts the
// titles, not the reading status beside them.
func TestNoteListNarrowKeepsStatus(t *testing.T) {
	a := New(Options{Ctx: context.Background(), Lib: testLibrary(t), Progress: testProgress(t), Lang: content.EN, Theme: "dark", Start: "notes", Now: fixedClock})
	drive(a, tea.WindowSizeMsg{Width: 26, Height: 12})
	drive(a, a.top().Init()())
	v := ansi.Strip(a.View().Content)
	if !strings.Contains(v, "Lambda lim… not started") && !strings.Contains(v, "Lambda lim…  not started") {
		t.Fatalf("the status should stay whole and the title be cut:\n%s", v)
	}
}

// TestStatsBottomKey: G shows the end of the stats, as on other screens.
func TestStatsBottomKey(t *testing.T) {
	a := New(Options{Ctx: context.Background(), Lib: testLibrary(t), Progress: testProgress(t), Lang: content.EN, Theme: "dark", Start: "stats", Now: fixedClock})
	drive(a, tea.WindowSizeMsg{Width: 80, Height: 12})
	drive(a, a.top().Init()())
	first := ansi.Strip(a.View().Content)
	if !strings.Contains(first, "Today") || !strings.Contains(first, "scroll") {
		t.Fatalf("the stats should open at the top, with more below:\n%s", first)
	}
	drive(a, press("G"))
	v := ansi.Strip(a.View().Content)
	if v == first || strings.Contains(v, "scroll") {
		t.Fatalf("G should scroll to the end of the stats:\n%s", v)
	}
	drive(a, press("g"))
	if v := ansi.Strip(a.View().Content); v != first {
		t.Fatalf("g should come back to the top:\n%s", v)
	}
}
