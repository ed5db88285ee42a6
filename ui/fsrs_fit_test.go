package ui

import (
	"context"
	"fmt"
	"math"
	"math/rand/v2"
	"regexp"
	"strings"
	"testing"
	"time"

	tea "charm.land/bubbletea/v2"

	"github.com/saa-study/saa-study/content"
	"github.com/saa-study/saa-study/progress"
	"github.com/saa-study/saa-study/srs"
	"github.com/saa-study/saa-study/ui/common"
)

// simulatedYear gives p a year of reviews of 100 cards by a learner who
// forgets faster than the FSRS defaults assume and never answers Easy.
func simulatedYear(t *testing.T, p *progress.Progress) {
	t.Helper()
	rng := rand.New(rand.NewPCG(5, 6))
	start := fixedClock().AddDate(-1, 0, 0)
	for c := range 100 {
		id := fmt.Sprintf("sim-%03d", c)
		at := start.Add(time.Duration(c) * 3 * time.Hour)
		s := 0.8
		for at.Before(fixedClock().AddDate(0, 0, -1)) {
			g := srs.Good
			ivl := math.Max(1, math.Round(s*(0.8+0.6*rng.Float64())))
			if rng.Float64() > math.Pow(1+0.9804*ivl/s, -0.1542) {
				g, s = srs.Again, math.Max(0.5, s*0.3)
			} else {
				s *= 2.2
			}
			r := progress.Review{Kind: progress.KindCard, ItemID: id, Rating: g, ReviewedAt: at}
			r.After.Card = srs.Card{State: srs.Review, Due: fixedClock().AddDate(1, 0, 0), LastReview: at}
			if _, err := p.CommitReview(context.Background(), r); err != nil {
				t.Fatal(err)
			}
			at = at.Add(time.Duration(ivl*24) * time.Hour)
		}
	}
}

var easyButton = regexp.MustCompile(`4 Easy (\S+)`)

// TestFittedParametersChangeReviewIntervalsAndUndoRestoresThem walks the
// learner's path: Stats → o (fit) → a (apply) → Review shows other
// intervals → Stats → u (undo) → Review shows the defaults' again.
func TestFittedParametersChangeReviewIntervalsAndUndoRestoresThem(t *testing.T) {
	st := testProgress(t)
	simulatedYear(t, st)
	a := New(Options{Ctx: context.Background(), Lib: srsLibrary(t), Progress: st, Lang: content.EN, Theme: "dark", Now: fixedClock, Start: "stats"})
	for _, m := range run(a.Init()) {
		drive(a, m)
	}
	drive(a, tea.WindowSizeMsg{Width: 100, Height: 40})
	easy := func() string {
		drive(a, common.OpenMsg{Target: "review"})
		drive(a, press(" "))
		m := easyButton.FindStringSubmatch(a.text())
		if m == nil {
			t.Fatalf("no Easy button:\n%s", a.text())
		}
		drive(a, press("esc"))
		return m[1]
	}
	before := easy()
	if before != "8d" {
		t.Fatalf("Easy on a new card with the defaults: %s, want 8d", before)
	}
	drive(a, common.OpenMsg{Target: "stats"})
	drive(a, press("o"))
	if v := a.text(); !strings.Contains(v, "Log loss:") {
		t.Fatalf("after o:\n%s", v)
	}
	drive(a, press("a"))
	if _, fit, _ := st.FSRSParameters(context.Background()); fit == nil {
		t.Fatal("a stored nothing")
	}
	drive(a, press("esc"))
	after := easy()
	if after == before {
		t.Fatalf("Easy still %s after applying the fitted parameters", after)
	}
	drive(a, common.OpenMsg{Target: "stats"})
	drive(a, press("u"))
	drive(a, press("esc"))
	if got := easy(); got != before {
		t.Fatalf("after undo Easy is %s, want %s", got, before)
	}
}
