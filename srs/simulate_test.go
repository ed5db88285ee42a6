package srs

import (
	"testing"
)

func sum(xs []int) int {
	n := 0
	for _, x := range xs {
		n += x
	}
	return n
}

func TestSimulateHigherRetentionCostsMoreReviews(t *testing.T) {
	cards := []SimCard{{Stability: 5, Difficulty: 5, LastDay: -3, DueDay: 2}, {Stability: 30, Difficulty: 7, LastDay: -20, DueDay: 10}}
	at := func(r float64) int {
		res := Simulate(cards, SimConfig{Retention: r, Days: 90, NewPerDay: 10, NewCards: 300, Seed: 1})
		return sum(res.Reviews)
	}
	r80, r90, r97 := at(0.80), at(0.90), at(0.97)
	if !(r80 < r90 && r90 < r97) {
		t.Fatalf("reviews over 90 days: %d at 0.80, %d at 0.90, %d at 0.97", r80, r90, r97)
	}
	a := Simulate(cards, SimConfig{Retention: 0.9, Days: 30, NewPerDay: 5, NewCards: 50, Seed: 9})
	b := Simulate(cards, SimConfig{Retention: 0.9, Days: 30, NewPerDay: 5, NewCards: 50, Seed: 9})
	for i := range a.Reviews {
		if a.Reviews[i] != b.Reviews[i] {
			t.Fatalf("day %d: %d then %d reviews with the same seed", i, a.Reviews[i], b.Reviews[i])
		}
	}
	if sum(a.New) != 50 || len(a.Recall) != 52 {
		t.Fatalf("new %d, cards %d", sum(a.New), len(a.Recall))
	}
}

func TestSuggestedRetentionIsInsideAnkisRange(t *testing.T) {
	r := SuggestedRetention(nil, nil, 2000, 20, 1)
	if r < 0.70 || r > 0.95 {
		t.Fatalf("suggested %v", r)
	}
	t.Logf("suggested minimum retention for 2000 new cards at 20 a day, default parameters: %.2f", r)
}
