package srs

import (
	"math"
	"testing"
	"time"
)

var sNow = at("2025-06-10T15:00:00Z")

// handLog is a made-up history: day offsets from sNow, state before the
// review and rating.
func handLog() []ReviewLog {
	entries := []struct {
		daysAgo int
		state   State
		r       Rating
	}{
		{0, New, Good}, {0, New, Again}, {0, Learning, Good}, {0, Review, Good}, {0, Review, Again},
		{1, Review, Good}, {2, Review, Hard}, {6, Review, Again}, {6, Review, Easy},
		{7, Review, Again}, // 8th day back: outside the 7-day window
		{20, Review, Good}, {29, Review, Good}, {29, Relearning, Good},
		{30, Review, Again}, // outside 30 days
		{400, Review, Good}, // outside the heatmap
	}
	var out []ReviewLog
	for _, e := range entries {
		out = append(out, ReviewLog{Rating: e.r, State: e.state, Review: sNow.Add(-time.Duration(e.daysAgo) * day)})
	}
	return out
}

func TestTrueRetention(t *testing.T) {
	tests := []struct {
		days            int
		reviews, passed int
	}{
		{7, 6, 4},    // today Good, Again; 1 Good; 2 Hard; 6 Again, Easy
		{30, 9, 6},   // + day 7 Again, day 20 Good, day 29 Good
		{1, 2, 1},    // today only
		{0, 0, 0},    // empty window
		{365, 10, 6}, // + day 30 Again
	}
	for _, tc := range tests {
		r := TrueRetention(handLog(), sNow, tc.days, DayBoundary{})
		if r.Reviews != tc.reviews || r.Passed != tc.passed {
			t.Errorf("%d days: %d/%d, want %d/%d", tc.days, r.Passed, r.Reviews, tc.passed, tc.reviews)
		}
		if tc.reviews > 0 && r.Rate != float64(tc.passed)/float64(tc.reviews) {
			t.Errorf("%d days: rate %v", tc.days, r.Rate)
		}
	}
}

func TestTodayAndDone(t *testing.T) {
	cards := append(newCards(25),
		reviewCard("due", sNow.Add(-day), 3, 0),
		reviewCard("later-today", sNow.Add(3*time.Hour), 3, 0),
		reviewCard("tomorrow", sNow.Add(10*time.Hour), 3, 0),
		QueueCard{ID: "learning", Card: Card{State: Learning, Due: sNow.Add(time.Minute), Stability: 1, Difficulty: 5}},
		QueueCard{ID: "susp", Card: Card{State: Review, Due: sNow.Add(-day)}, Suspended: true},
	)
	st := Today(cards, handLog(), sNow, DefaultQueuePolicy())
	want := TodayStats{Done: 5, DoneNew: 2, DoneReviews: 2, Due: 3, New: 18}
	if st != want {
		t.Errorf("today = %+v, want %+v", st, want)
	}
	if d := DoneFromLogs(handLog(), sNow, DayBoundary{}); d != (DoneToday{New: 2, Reviews: 2}) {
		t.Errorf("done = %+v", d)
	}
	counts := CountByState(cards)
	if counts != (StateCounts{New: 25, Learning: 1, Review: 3, Suspended: 1}) {
		t.Errorf("by state = %+v", counts)
	}
}

func TestForecastAndHeatmap(t *testing.T) {
	cards := []QueueCard{
		reviewCard("overdue", sNow.Add(-3*day), 3, 0),
		reviewCard("today", sNow.Add(time.Hour), 3, 0),
		reviewCard("tomorrow", sNow.Add(day), 3, 0),
		reviewCard("day29", sNow.Add(29*day), 3, 0),
		reviewCard("day30", sNow.Add(30*day), 3, 0), // outside a 30-day forecast
		{ID: "buried", Card: Card{State: Review, Due: sNow.Add(-day)}, BuriedUntil: sNow.Add(2 * day)},
		newCards(1)[0],
	}
	f := Forecast(cards, sNow, 30, DayBoundary{})
	if len(f) != 30 || f[0] != 2 || f[1] != 1 || f[2] != 1 || f[29] != 1 {
		t.Errorf("forecast = %v", f)
	}
	h := Heatmap(handLog(), sNow, DayBoundary{})
	if len(h) != HeatmapDays || h[364].Date != "2025-06-10" || h[364].Count != 5 || h[363].Count != 1 ||
		h[0].Date != "2024-06-11" || h[364-30].Count != 1 || h[364-29].Count != 2 {
		t.Errorf("heatmap ends %+v, starts %+v", h[360:], h[0])
	}
	total := 0
	for _, d := range h {
		total += d.Count
	}
	if total != 14 {
		t.Errorf("heatmap total %d, want 14 (the 400-day-old review is out)", total)
	}
	// A 04:00 boundary moves a 02:00 review onto the previous study day.
	b := DayBoundary{Hour: 4}
	hb := Heatmap([]ReviewLog{{Review: at("2025-06-10T02:00:00Z")}}, sNow, b)
	if hb[363].Count != 1 || hb[363].Date != "2025-06-09" {
		t.Errorf("4am boundary: %+v", hb[362:])
	}
}

func TestMasteryAndReadiness(t *testing.T) {
	s := Default()
	// Cards reviewed exactly S days ago have R = 0.9 (by construction of
	// the forgetting curve); at 0 days, R = 1.
	c90 := func(id, group string) QueueCard {
		return QueueCard{ID: id, Group: group, Card: Card{State: Review, Stability: 10, Difficulty: 5,
			LastReview: sNow.Add(-10 * day), Due: sNow}}
	}
	c100 := func(id, group string) QueueCard {
		return QueueCard{ID: id, Group: group, Card: Card{State: Review, Stability: 10, Difficulty: 5,
			LastReview: sNow, Due: sNow.Add(10 * day)}}
	}
	newIn := func(id, group string) QueueCard { return QueueCard{ID: id, Group: group, Card: NewCard(sNow)} }
	cards := []QueueCard{
		c90("a1", "lambda"), c100("a2", "lambda"),
		c90("b1", "dynamodb"), newIn("b2", "dynamodb"), newIn("b3", "dynamodb"), newIn("b4", "dynamodb"),
	}
	got := Mastery(cards, sNow, s)
	want := []GroupStat{
		{Group: "dynamodb", Cards: 4, Studied: 1, Mastery: 0.9 / 4, Readiness: (0.9 + 3*0.25) / 4},
		{Group: "lambda", Cards: 2, Studied: 2, Mastery: 0.95, Readiness: 0.95},
	}
	if len(got) != len(want) {
		t.Fatalf("groups = %+v", got)
	}
	for i := range want {
		g, w := got[i], want[i]
		if g.Group != w.Group || g.Cards != w.Cards || g.Studied != w.Studied ||
			math.Abs(g.Mastery-w.Mastery) > 1e-7 || math.Abs(g.Readiness-w.Readiness) > 1e-7 {
			t.Errorf("group %d = %+v, want %+v", i, g, w)
		}
	}
	all := ExamReadiness(cards, sNow, s)
	if all.Cards != 6 || math.Abs(all.Readiness-(0.9+1+0.9+0.75)/6) > 1e-7 {
		t.Errorf("overall = %+v", all)
	}
}
