package ui

import (
	"context"
	"path/filepath"
	"strings"
	"testing"
	"time"

	tea "charm.land/bubbletea/v2"
	"github.com/charmbracelet/colorprofile"
	"github.com/charmbracelet/x/exp/teatest/v2"

	"github.com/saa-study/saa-study/content"
)

// From Review, D opens the deck list; i imports an Anki package typed as a
// path; the imported deck shows with its counts, and enter reviews it.
func TestDecksImportAndReviewTeatest(t *testing.T) {
	st := testProgress(t)
	app := New(Options{Ctx: context.Background(), Lib: srsLibrary(t), Progress: st, Lang: content.EN, Theme: "dark", Now: fixedClock, Start: "review"})
	tm := teatest.NewTestModel(t, probed{app}, teatest.WithInitialTermSize(100, 30),
		teatest.WithProgramOptions(tea.WithColorProfile(colorprofile.Ascii)))
	waitView(t, tm, "How many requests")
	tm.Send(press("D"))
	v := waitView(t, tm, "Every deck you review")
	if !strings.Contains(v, "built-in") || !strings.Contains(v, "new ·") {
		t.Fatalf("the deck list should show the built-in topic with its counts:\n%s", v)
	}
	path, err := filepath.Abs(filepath.Join("..", "anki", "testdata", "peer-writer", "history.apkg"))
	if err != nil {
		t.Fatal(err)
	}
	tm.Send(press("i"))
	waitView(t, tm, "Anki package to import")
	tm.Type(path)
	tm.Send(press("enter"))
	v = waitView(t, tm, "peer-history")
	if !strings.Contains(v, "imported") {
		t.Fatalf("the imported deck should be marked imported:\n%s", v)
	}
	if n, _ := st.ReviewCount(context.Background()); n != 8 {
		t.Fatalf("%d reviews after the import, want the package's 8", n)
	}
	tm.Send(press("G"))
	tm.Send(press("enter"))
	waitView(t, tm, "Review · peer-history")
	// The session loads after the screen opens ("Loading today's
	// reviews…"): wait for its counts before reading the card.
	v = waitView(t, tm, "review 1 ·")
	// Its history makes one card due today; the other is suspended, and
	// nothing of the other decks comes up.
	if !strings.Contains(v, "API Gateway default timeout?") || !strings.Contains(v, "review 1 · new 0") || strings.Contains(v, "How many requests") {
		t.Fatalf("reviewing the imported deck should show its one due card alone:\n%s", v)
	}
	tm.Send(press("q"))
	tm.WaitFinished(t, teatest.WithFinalTimeout(20*time.Second))
}
