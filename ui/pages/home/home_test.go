package home

import (
	"context"
	"fmt"
	"path/filepath"
	"slices"
	"strings"
	"testing"
	"time"

	"github.com/saa-study/saa-study/content"
	"github.com/saa-study/saa-study/progress"
	"github.com/saa-study/saa-study/ui/common"
	"github.com/saa-study/saa-study/ui/internal/fixture"
	"github.com/saa-study/saa-study/ui/internal/uitest"
)

// TestEveryEntryOpensItsTarget: enter on each entry asks the App for the
// screen of that name, in the order the menu lists them.
func TestEveryEntryOpensItsTarget(t *testing.T) {
	c := uitest.Common(fixture.Library(t), nil, content.EN, 80, 24)
	h := uitest.NewHarness(t, New(c))
	for i := range entries {
		if i > 0 {
			h.Keys("down")
		}
		h.Keys("enter")
	}
	if !slices.Equal(h.Opened, Entries()) {
		t.Fatalf("opened %q, want %q", h.Opened, Entries())
	}
	for _, id := range entries {
		if title := c.T("home." + id); !strings.Contains(h.View(), title) {
			t.Errorf("home does not list %q:\n%s", title, h.View())
		}
	}
}

// TestGlanceSaysWhatIsDue: with a progress file, the line under the tagline
// says how much is due; back from another screen it is counted again.
func TestGlanceSaysWhatIsDue(t *testing.T) {
	p, err := progress.Open(filepath.Join(t.TempDir(), "progress.db"), nil, progress.Options{Loc: time.UTC})
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { p.Close() })
	c := uitest.Common(fixture.Library(t), p, content.EN, 80, 24)
	c.Now = func() time.Time { return time.Date(2026, 11, 27, 9, 0, 0, 0, time.UTC) }
	h := uitest.NewHarness(t, New(c))
	if v := h.View(); !strings.Contains(v, "Due today 1 · exam readiness appears after your first answers") {
		t.Fatalf("a fresh progress file should show the new-learner line:\n%s", v)
	}
	if _, err := c.Progress.CommitAnswer(context.Background(), progress.Answer{Kind: progress.KindQuestion, ItemID: "limits-q1",
		Lang: "en", Rating: 3, DurationMS: 1000, Source: "study", AnsweredAt: c.Now()}); err != nil {
		t.Fatal(err)
	}
	h.Send(common.ResumedMsg{})
	if v := h.View(); !strings.Contains(v, "day streak") {
		t.Fatalf("after an answer the line should show the streak and readiness:\n%s", v)
	}
}

// TestGlanceShowsTheExamOutlook: with an exam date set, the summary line
// names the weakest domain and its predicted recall on that day.
func TestGlanceShowsTheExamOutlook(t *testing.T) {
	now := func() time.Time { return time.Date(2026, 11, 27, 9, 0, 0, 0, time.UTC) }
	p, err := progress.Open(filepath.Join(t.TempDir(), "progress.db"), fixture.Library(t), progress.Options{Loc: time.UTC, Now: now})
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { p.Close() })
	c := uitest.Common(fixture.Library(t), p, content.EN, 100, 30)
	c.Now = now
	h := uitest.NewHarness(t, New(c))
	if v := h.View(); strings.Contains(v, "exam in") {
		t.Fatalf("an exam outlook without an exam date:\n%s", v)
	}
	if err := p.SetSetting(context.Background(), progress.SettingExamDate, "2026-12-27"); err != nil {
		t.Fatal(err)
	}
	h = uitest.NewHarness(t, New(c))
	if v := h.View(); !strings.Contains(v, "exam in 30 days, weakest") {
		t.Fatalf("no exam outlook:\n%s", v)
	}
}

// TestSummaryCountsTheContent: the line under the tagline counts the notes,
// questions, flashcards and facts of the learner's language (it arrives
// from a command, after the first frame), and follows a language change.
func TestSummaryCountsTheContent(t *testing.T) {
	lib := fixture.Library(t)
	c := uitest.Common(lib, nil, content.EN, 80, 24)
	h := uitest.NewHarness(t, New(c))
	want := fmt.Sprintf("%d notes · %d questions · %d flashcards · %d facts",
		len(lib.Notes(content.EN)), len(lib.Questions(content.EN)), len(lib.Cards(content.EN)), len(lib.Facts()))
	if v := h.View(); !strings.Contains(v, want) {
		t.Fatalf("home lacks %q:\n%s", want, v)
	}
	c.Lang = content.KO
	h.Send(common.LangChangedMsg{})
	if v := h.View(); !strings.Contains(v, fmt.Sprintf("노트 %d개", len(lib.Notes(content.KO)))) || strings.Contains(v, want) {
		t.Fatalf("after switching to Korean the summary should be Korean:\n%s", v)
	}
}

// TestSummaryWhenStartedOnAnotherScreen: started on a note (`saa-study
// notes ID`), home's Init never ran; coming back to it counts the content.
func TestSummaryWhenStartedOnAnotherScreen(t *testing.T) {
	lib := fixture.Library(t)
	c := uitest.Common(lib, nil, content.EN, 80, 24)
	h := New(c)
	h, cmd := h.Update(common.ResumedMsg{})
	for _, msg := range uitest.Run(cmd) {
		h, _ = h.Update(msg)
	}
	if v := h.View(); !strings.Contains(v, fmt.Sprintf("%d notes", len(lib.Notes(content.EN)))) {
		t.Fatalf("back on home, the summary is missing:\n%s", v)
	}
}
