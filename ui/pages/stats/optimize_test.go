package stats

import (
	"context"
	"fmt"
	"math"
	"math/rand/v2"
	"strings"
	"testing"
	"time"

	"github.com/saa-study/saa-study/content"
	"github.com/saa-study/saa-study/progress"
	"github.com/saa-study/saa-study/srs"
	"github.com/saa-study/saa-study/ui/internal/fixture"
	"github.com/saa-study/saa-study/ui/internal/uitest"
)

// withSimulatedReviews gives p a year of reviews of 100 cards by a learner
// who forgets faster than the FSRS defaults assume.
func withSimulatedReviews(t *testing.T, p *progress.Progress) {
	t.Helper()
	rng := rand.New(rand.NewPCG(5, 6))
	start := fixedClock().AddDate(-1, 0, 0)
	for c := range 100 {
		id := fmt.Sprintf("sim-%03d", c)
		at := start.Add(time.Duration(c) * 3 * time.Hour)
		s := 0.8
		for at.Before(fixedClock()) {
			g := srs.Good
			ivl := math.Max(1, math.Round(s*(0.8+0.6*rng.Float64())))
			if rng.Float64() > math.Pow(1+0.9804*ivl/s, -0.1542) {
				g, s = srs.Again, math.Max(0.5, s*0.3)
			} else {
				s *= 2.2
			}
			r := progress.Review{Kind: "card", ItemID: id, Rating: g, ReviewedAt: at}
			r.After.Card = srs.Card{State: srs.Review, Due: at.Add(time.Duration(ivl*24) * time.Hour), LastReview: at}
			if _, err := p.CommitReview(context.Background(), r); err != nil {
				t.Fatal(err)
			}
			at = at.Add(time.Duration(ivl*24) * time.Hour)
		}
	}
}

func TestStatsOptimizeShowsBeforeAfterAppliesAndUndoes(t *testing.T) {
	p := testProgress(t)
	withSimulatedReviews(t, p)
	c := uitest.Common(fixture.Library(t), p.WithLibrary(fixture.Library(t)), content.EN, 100, 40)
	h := uitest.NewHarness(t, New(c))
	if !strings.Contains(h.View(), "o fits the FSRS parameters") {
		t.Fatalf("no offer to optimize:\n%s", h.View())
	}
	h.Keys("o")
	v := h.View()
	if !strings.Contains(v, "Log loss:") || !strings.Contains(v, "RMSE(bins):") || !strings.Contains(v, "a applies them") {
		t.Fatalf("after o:\n%s", v)
	}
	h.Keys("a")
	if h.Status != "FSRS parameters applied." {
		t.Fatalf("status %q err %v", h.Status, h.Err)
	}
	if _, fit, _ := p.FSRSParameters(context.Background()); fit == nil {
		t.Fatal("nothing stored after a")
	}
	if !strings.Contains(h.View(), "Applied. u goes back") {
		t.Fatalf("after a:\n%s", h.View())
	}
	h.Keys("u")
	if _, fit, _ := p.FSRSParameters(context.Background()); fit != nil || h.Status != "Back to the parameters used before." {
		t.Fatalf("after u: fit %v, status %q", fit, h.Status)
	}
}

func TestStatsOptimizeWithoutEnoughReviewsSaysHowManyMore(t *testing.T) {
	p := testProgress(t)
	c := uitest.Common(fixture.Library(t), p.WithLibrary(fixture.Library(t)), content.EN, 100, 40)
	h := uitest.NewHarness(t, New(c))
	h.Keys("o")
	if v := h.View(); !strings.Contains(v, "64 more are needed") {
		t.Fatalf("after o with no reviews:\n%s", v)
	}
}

func TestStatsShowWorkloadAndExamForecast(t *testing.T) {
	p := testProgress(t)
	withSimulatedReviews(t, p)
	if err := p.SetSetting(context.Background(), progress.SettingExamDate, "2026-12-27"); err != nil {
		t.Fatal(err)
	}
	c := uitest.Common(fixture.Library(t), p.WithLibrary(fixture.Library(t)), content.EN, 100, 60)
	c.Now = fixedClock
	h := uitest.NewHarness(t, New(c))
	v := h.View()
	for _, want := range []string{"Desired retention 90%", "Suggested minimum retention", "Reviews a day, next", "Exam on 2026-12-27 (in 30 days)", "predicted recall on exam day"} {
		if !strings.Contains(v, want) {
			t.Fatalf("no %q in:\n%s", want, v)
		}
	}
}
