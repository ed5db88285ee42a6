package ui

import (
	"context"
	"slices"
	"strings"
	"testing"
	"testing/fstest"
	"time"

	tea "charm.land/bubbletea/v2"
	"github.com/charmbracelet/colorprofile"
	"github.com/charmbracelet/x/ansi"
	"github.com/charmbracelet/x/exp/teatest/v2"

	"github.com/saa-study/saa-study/content"
	"github.com/saa-study/saa-study/content/contenttest"
	"github.com/saa-study/saa-study/progress"
	"github.com/saa-study/saa-study/srs"
	"github.com/saa-study/saa-study/ui/pages/home"
	"github.com/saa-study/saa-study/ui/text"
)

// srsLibrary has one note, a Q/A card, a cloze card with two numbers and a
// single-answer question, in both languages.
func srsLibrary(t testing.TB) *content.Library { return contenttest.Load(t, contenttest.SRS()) }

func srsFS() fstest.MapFS { return contenttest.SRS() }

func reviewApp(t *testing.T, st *progress.Progress, lang content.Lang, now func() time.Time) *App {
	a := New(Options{Ctx: context.Background(), Lib: srsLibrary(t), Progress: st, Lang: lang, Theme: "dark", Now: now, Start: "review"})
	for _, m := range run(a.Init()) {
		drive(a, m)
	}
	drive(a, tea.WindowSizeMsg{Width: 80, Height: 24})
	return a
}

func (a *App) text() string { return ansi.Strip(a.View().Content) }

func TestRevealRateUndoShowsIntervalsAndCommits(t *testing.T) {
	st := testProgress(t)
	a := reviewApp(t, st, content.EN, fixedClock)
	if v := a.text(); !strings.Contains(v, "How many requests") || !strings.Contains(v, "new 4") {
		t.Fatalf("first card should be the Q/A card with 4 new items queued:\n%s", v)
	}
	drive(a, press(" "))
	v := a.text()
	// Default FSRS-6 on a new card: Again 1m, Hard 6m (mean of 1m and 10m),
	// Good 10m (the second step), Easy graduates to 8 days.
	for _, want := range []string{"Exactly one.", "1 Again <1m", "2 Hard <6m", "3 Good <10m", "4 Easy 8d"} {
		if !strings.Contains(v, want) {
			t.Errorf("after space, missing %q:\n%s", want, v)
		}
	}
	drive(a, press("3"))
	if n, _ := st.ReviewCount(context.Background()); n != 1 {
		t.Fatalf("%d reviews committed, want 1", n)
	}
	it, _ := st.Item(context.Background(), progress.KindCard, "card-qa")
	if it.Card.State != srs.Learning || !it.Card.Due.Equal(fixedClock().Add(10*time.Minute)) {
		t.Fatalf("after Good: %+v", it.Card)
	}
	v = a.text()
	if !strings.Contains(v, "Which option is right?") || !strings.Contains(v, "done today 1") {
		t.Fatalf("the topic's question should come next (cards and questions alternate):\n%s", v)
	}
	drive(a, press("u"))
	v = a.text()
	if !strings.Contains(v, "How many requests") || !strings.Contains(v, "done today 0") {
		t.Fatalf("undo should bring the Q/A card back:\n%s", v)
	}
	if n, _ := st.ReviewCount(context.Background()); n != 0 {
		t.Fatalf("undo left %d reviews", n)
	}
	if it, _ := st.Item(context.Background(), progress.KindCard, "card-qa"); it.Card.State != srs.New {
		t.Fatalf("undo did not restore the state: %+v", it.Card)
	}
}

func TestQuestionIsGradedAndRated(t *testing.T) {
	st := testProgress(t)
	a := reviewApp(t, st, content.EN, fixedClock)
	// Bury the first card so the question comes up.
	drive(a, press("b"))
	v := a.text()
	if !strings.Contains(v, "Which option is right?") || !strings.Contains(v, "a) ") || !strings.Contains(v, "d) ") {
		t.Fatalf("the question should show with options a–d:\n%s", v)
	}
	if !strings.Contains(v, "( ) a) ") || strings.Contains(v, "[ ]") {
		t.Fatalf("a one-answer question should show radio marks, as Study does:\n%s", v)
	}
	if !strings.Contains(v, "a–d choose") || strings.Contains(v, "a–f") {
		t.Fatalf("the hints should name the letters the question has:\n%s", v)
	}
	// Find the letter of the right option in this shuffle and pick a wrong one.
	wrong := ""
	for _, l := range strings.Split(v, "\n") {
		if i := strings.Index(l, ") A wrong one"); i > 0 && wrong == "" {
			wrong = l[i-1 : i]
		}
	}
	drive(a, press(wrong))
	drive(a, press("enter"))
	v = a.text()
	if !strings.Contains(v, "✗ Wrong") || !strings.Contains(v, "Because it is right.") || !strings.Contains(v, "▸1 Again") {
		t.Fatalf("a wrong answer should be graded with Again suggested:\n%s", v)
	}
	if !strings.Contains(v, "Lambda basics › Execution model") {
		t.Fatalf("a wrong answer should name the section to read:\n%s", v)
	}
	if n := strings.Count(v, "Because it is wrong."); n != 3 {
		t.Fatalf("every wrong option should say why, not only the one picked (%d of 3):\n%s", n, v)
	}
	drive(a, press("2")) // override: Hard
	logs, _ := st.ReviewsSince(context.Background(), time.Time{})
	if len(logs) != 1 || logs[0].Kind != progress.KindQuestion || logs[0].Rating != srs.Hard {
		t.Fatalf("logs = %+v, want one Hard on the question", logs)
	}
	// Hard puts it 6 minutes away: the cloze cards come first; once they
	// are out of the way the question, within the 20-minute learn-ahead,
	// comes back in this session.
	if v := a.text(); !strings.Contains(v, "A […] creates") || !strings.Contains(v, "learning 1") {
		t.Fatalf("the next new card should show while the question waits:\n%s", v)
	}
	drive(a, press("b"))
	drive(a, press("b"))
	if v := a.text(); !strings.Contains(v, "Which option is right?") || !strings.Contains(v, "learning 1 · review 0 · new 0") {
		t.Fatalf("the learning question should come back:\n%s", v)
	}
}

func TestLeechIsSuspendedWithNotice(t *testing.T) {
	st := testProgress(t)
	ctx := context.Background()
	// A Review card that has lapsed 7 times, due now.
	lib := srsLibrary(t)
	if _, err := st.WithLibrary(lib).LoadSet(ctx, content.EN); err != nil {
		t.Fatal(err)
	}
	now := fixedClock()
	it, _ := st.Item(ctx, progress.KindCard, "card-qa")
	before := it
	it.Card = srs.Card{Due: now.Add(-time.Hour), Stability: 2, Difficulty: 8, State: srs.Review, Reps: 20, Lapses: 7,
		ScheduledDays: 2, LastReview: now.Add(-50 * time.Hour)}
	if _, err := st.CommitReview(ctx, progress.Review{Kind: it.Kind, ItemID: it.ItemID, Rating: srs.Good, Before: before, After: it, ReviewedAt: now.Add(-50 * time.Hour)}); err != nil {
		t.Fatal(err)
	}
	a := reviewApp(t, st, content.EN, fixedClock)
	if v := a.text(); !strings.Contains(v, "How many requests") {
		t.Fatalf("the due review card should come first:\n%s", v)
	}
	drive(a, press(" "))
	drive(a, press("1"))
	v := a.text()
	if !strings.Contains(v, "Leech") || !strings.Contains(v, "8 times") || !strings.Contains(v, "Lambda basics › Execution model (lambda#model)") {
		t.Fatalf("leech notice missing or incomplete:\n%s", v)
	}
	got, _ := st.Item(ctx, progress.KindCard, "card-qa")
	if !got.Leech || !got.Suspended || got.Card.Lapses != 8 {
		t.Fatalf("leech not stored: %+v", got)
	}
	drive(a, press("enter"))
	if v := a.text(); strings.Contains(v, "How many requests") {
		t.Fatalf("the suspended leech came back:\n%s", v)
	}
}

func TestNothingDueOffersAheadAndDrill(t *testing.T) {
	st := testProgress(t)
	a := reviewApp(t, st, content.EN, fixedClock)
	drive(a, press("4")) // Easy from the front: 8 days
	for range 3 {
		drive(a, press("s")) // suspend the rest
	}
	v := a.text()
	if !strings.Contains(v, "Nothing is due now") || !strings.Contains(v, "The next card is due at") || !strings.Contains(v, "(8d)") {
		t.Fatalf("empty screen should say when the next card is due:\n%s", v)
	}
	drive(a, press("a"))
	if v := a.text(); !strings.Contains(v, "Review ahead: 1 of 1") || !strings.Contains(v, "How many requests") {
		t.Fatalf("review ahead should show the card due in 8 days:\n%s", v)
	}
	drive(a, press(" "))
	drive(a, press("3"))
	if n, _ := st.ReviewCount(context.Background()); n != 2 {
		t.Fatalf("ahead rating not committed: %d reviews", n)
	}
	drive(a, press("d"))
	if v := a.text(); !strings.Contains(v, "Drill weakest: 1 of 1") {
		t.Fatalf("drill should list the one studied card:\n%s", v)
	}
}

// TestReviewTeatest runs the main path in a real program: reveal, rate,
// see the next card.
func TestReviewTeatest(t *testing.T) {
	st := testProgress(t)
	app := New(Options{Ctx: context.Background(), Lib: srsLibrary(t), Progress: st, Lang: content.EN, Theme: "dark", Now: fixedClock})
	tm := teatest.NewTestModel(t, app, teatest.WithInitialTermSize(80, 24),
		teatest.WithProgramOptions(tea.WithColorProfile(colorprofile.Ascii)))
	waitFor(t, tm, "exam readiness")
	tm.Send(press("down"))
	tm.Send(press("down"))
	tm.Send(press("enter")) // Review is the third entry
	waitFor(t, tm, "How many requests")
	tm.Send(press(" "))
	waitFor(t, tm, "3 Good <10m")
	tm.Send(press("3"))
	waitFor(t, tm, "Which option is right?")
	tm.Send(press("q"))
	tm.WaitFinished(t, teatest.WithFinalTimeout(20*time.Second))
	if n, _ := st.ReviewCount(context.Background()); n != 1 {
		t.Fatalf("%d reviews committed, want 1", n)
	}
}

func TestReviewAndStatsFitSmallScreens(t *testing.T) {
	for _, lang := range content.Langs {
		for _, sz := range [][2]int{{80, 24}, {40, 12}} {
			st := testProgress(t)
			a := reviewApp(t, st, lang, fixedClock)
			drive(a, tea.WindowSizeMsg{Width: sz[0], Height: sz[1]})
			check := func(where string) {
				t.Helper()
				lines := strings.Split(a.View().Content, "\n")
				if len(lines) > sz[1] {
					t.Errorf("%s %dx%d %s: %d lines", lang, sz[0], sz[1], where, len(lines))
				}
				for _, l := range lines {
					if w := text.Width(l); w > sz[0] {
						t.Errorf("%s %dx%d %s: %d cells: %q", lang, sz[0], sz[1], where, w, ansi.Strip(l))
					}
				}
			}
			check("front")
			drive(a, press(" "))
			check("back")
			if v := a.text(); !strings.Contains(v, "1 ") || !strings.Contains(v, "4 ") {
				t.Errorf("%s %dx%d: rating buttons not visible:\n%s", lang, sz[0], sz[1], v)
			}
			drive(a, press("3"))
			drive(a, press("esc"))
			for range slices.Index(home.Entries(), "stats") {
				drive(a, press("down")) // home opened on its first entry
			}
			drive(a, press("enter")) // Stats
			check("stats")
			if v := a.text(); !strings.Contains(v, text.T(lang, "home.stats")) {
				t.Errorf("%s: stats did not open:\n%s", lang, v)
			}
		}
	}
}

func TestQuestionAndEmptyScreensFitSmallScreens(t *testing.T) {
	for _, lang := range content.Langs {
		for _, sz := range [][2]int{{80, 24}, {40, 12}} {
			a := reviewApp(t, testProgress(t), lang, fixedClock)
			drive(a, tea.WindowSizeMsg{Width: sz[0], Height: sz[1]})
			check := func(where, want string) {
				t.Helper()
				lines := strings.Split(a.View().Content, "\n")
				if len(lines) > sz[1] {
					t.Errorf("%s %dx%d %s: %d lines", lang, sz[0], sz[1], where, len(lines))
				}
				for _, l := range lines {
					if w := text.Width(l); w > sz[0] {
						t.Errorf("%s %dx%d %s: %d cells: %q", lang, sz[0], sz[1], where, w, ansi.Strip(l))
					}
				}
				if !strings.Contains(a.text(), want) {
					t.Errorf("%s %dx%d %s: missing %q:\n%s", lang, sz[0], sz[1], where, want, a.text())
				}
			}
			drive(a, press("b")) // bury the first card: the question shows
			check("question", "a) ")
			drive(a, press("a"))
			drive(a, press("enter"))
			check("graded", "▸")
			drive(a, press("s"))
			drive(a, press("s"))
			drive(a, press("s"))
			check("empty", text.T(lang, "rv.empty"))
		}
	}
}

// TestDecksKeyIsInTheHelpWhereverItWorks: D opens the decks from a card
// and from its back, so the ? help lists it there too, not only when
// nothing is due.
func TestDecksKeyIsInTheHelpWhereverItWorks(t *testing.T) {
	a := reviewApp(t, testProgress(t), content.EN, fixedClock)
	for _, keys := range [][]string{nil, {" "}} {
		for _, k := range keys {
			drive(a, press(k))
		}
		help := ansi.Strip(a.fullHelpView(a.width))
		if !strings.Contains(help, "D  decks") && !strings.Contains(help, "D decks") {
			t.Errorf("after %q the help does not list D decks:\n%s", keys, help)
		}
		drive(a, press("D"))
		if got := a.top().Title(); got != a.c.T("decks.title") {
			t.Fatalf("after %q, D opened %q", keys, got)
		}
		drive(a, press("esc"))
	}
}
