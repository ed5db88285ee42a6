package srs

import (
	"cmp"
	"encoding/json"
	"fmt"
	"slices"
	"strings"
	"testing"
	"time"
)

var qNow = at("2025-06-10T09:00:00Z")

func reviewCard(id string, due time.Time, stability float64, lapses int) QueueCard {
	return QueueCard{ID: id, Card: Card{State: Review, Due: due, Stability: stability, Difficulty: 5,
		LastReview: due.Add(-time.Duration(stability) * day), Reps: 3, Lapses: lapses, ScheduledDays: int(stability)}}
}

func newCards(n int) []QueueCard {
	out := make([]QueueCard, n)
	for i := range out {
		out[i] = QueueCard{ID: fmt.Sprintf("n%02d", i), Card: NewCard(qNow.Add(-day))}
	}
	return out
}

func kinds(items []QueueItem) string {
	var b strings.Builder
	for _, it := range items {
		b.WriteByte("LRN"[it.Kind])
	}
	return b.String()
}

// TestQueueLimits: daily new and review limits, minus what is done today.
func TestQueueLimits(t *testing.T) {
	var cards []QueueCard
	for i := range 250 {
		cards = append(cards, reviewCard(fmt.Sprintf("r%03d", i), qNow.Add(-time.Duration(i)*time.Hour), 5, 0))
	}
	cards = append(cards, newCards(30)...)
	tests := []struct {
		name          string
		done          DoneToday
		policy        func(*QueuePolicy)
		reviews, news int
	}{
		{"defaults 200/20", DoneToday{}, nil, 200, 20},
		{"after 190 reviews and 15 new", DoneToday{New: 15, Reviews: 190}, nil, 10, 5},
		{"limits used up", DoneToday{New: 25, Reviews: 300}, nil, 0, 0},
		{"custom 50/5", DoneToday{}, func(p *QueuePolicy) { p.ReviewsPerDay, p.NewPerDay = 50, 5 }, 50, 5},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			p := DefaultQueuePolicy()
			if tc.policy != nil {
				tc.policy(&p)
			}
			q := BuildQueue(cards, qNow, tc.done, p)
			r, n := strings.Count(kinds(q.Main), "R"), strings.Count(kinds(q.Main), "N")
			if r != tc.reviews || n != tc.news {
				t.Errorf("reviews %d new %d, want %d %d", r, n, tc.reviews, tc.news)
			}
		})
	}
	// Most overdue first.
	q := BuildQueue(cards, qNow, DoneToday{}, DefaultQueuePolicy())
	if q.Main[0].ID != "r249" {
		t.Errorf("first review %s, want the most overdue r249", q.Main[0].ID)
	}
}

// TestQueueInterleaving: one new card after every N reviews, or evenly.
func TestQueueInterleaving(t *testing.T) {
	var cards []QueueCard
	for i := range 6 {
		cards = append(cards, reviewCard(fmt.Sprintf("r%d", i), qNow.Add(-time.Duration(6-i)*time.Hour), 5, 0))
	}
	cards = append(cards, newCards(3)...)
	tests := []struct {
		every int
		want  string
	}{
		{0, "RRNRRNRRN"},
		{1, "RNRNRNRRR"},
		{3, "RRRNRRRNN"},
		{10, "RRRRRRNNN"},
	}
	for _, tc := range tests {
		p := DefaultQueuePolicy()
		p.NewEvery = tc.every
		if got := kinds(BuildQueue(cards, qNow, DoneToday{}, p).Main); got != tc.want {
			t.Errorf("NewEvery %d: %s, want %s", tc.every, got, tc.want)
		}
	}
	// New cards keep input (content) order.
	q := BuildQueue(cards, qNow, DoneToday{}, DefaultQueuePolicy())
	if q.Main[2].ID != "n00" || q.Main[5].ID != "n01" {
		t.Errorf("new order: %+v", q.Main)
	}
}

// TestQueueLearningAndSkips: learning steps due later today come back in
// due order; suspended, buried and tomorrow's cards stay out.
func TestQueueLearningAndSkips(t *testing.T) {
	learn := func(id string, due time.Time, st State) QueueCard {
		return QueueCard{ID: id, Card: Card{State: st, Due: due, Stability: 2, Difficulty: 5, LastReview: qNow.Add(-time.Hour)}}
	}
	cards := []QueueCard{
		learn("l-later", qNow.Add(8*time.Hour), Learning),     // 17:00 today
		learn("l-now", qNow.Add(-time.Minute), Relearning),    // due
		learn("l-soon", qNow.Add(10*time.Minute), Learning),   // 09:10
		learn("l-tomorrow", qNow.Add(16*time.Hour), Learning), // 01:00 next UTC day
		reviewCard("r-today-later", qNow.Add(5*time.Hour), 5, 0),
		reviewCard("r-tomorrow", qNow.Add(20*time.Hour), 5, 0),
		{ID: "suspended", Card: Card{State: Review, Due: qNow.Add(-day)}, Suspended: true},
		{ID: "buried", Card: Card{State: Review, Due: qNow.Add(-day)}, BuriedUntil: qNow.Add(time.Hour)},
		{ID: "unburied", Card: Card{State: Review, Due: qNow.Add(-day)}, BuriedUntil: qNow.Add(-time.Hour)},
	}
	q := BuildQueue(cards, qNow, DoneToday{}, DefaultQueuePolicy())
	var ids []string
	for _, it := range q.Learning {
		ids = append(ids, it.ID)
	}
	if got := strings.Join(ids, ","); got != "l-now,l-soon,l-later" {
		t.Errorf("learning = %s", got)
	}
	ids = nil
	for _, it := range q.Main {
		ids = append(ids, it.ID)
	}
	if got := strings.Join(ids, ","); got != "unburied,r-today-later" {
		t.Errorf("main = %s", got)
	}
	// Pick: the due learning step first, then the main line.
	if it, _, ok := q.Pick(qNow); !ok || it.ID != "l-now" {
		t.Errorf("pick = %v %v", it.ID, ok)
	}
	rest := Queue{Learning: q.Learning[1:]}
	if _, wait, ok := rest.Pick(qNow); ok || !wait.Equal(qNow.Add(10*time.Minute)) {
		t.Errorf("nothing due: ok %v wait %v", ok, wait)
	}
	// With a 4 am New York boundary (EDT, UTC-4) the study day runs to
	// 08:00Z tomorrow, so the 01:00Z step (21:00 local) is still today.
	p := DefaultQueuePolicy()
	p.Day = LocalDayBoundary(time.FixedZone("EDT", -4*3600))
	if got := len(BuildQueue(cards, qNow, DoneToday{}, p).Learning); got != 4 {
		t.Errorf("New York boundary learning = %d, want 4", got)
	}
	if next, ok := NextDue(cards, qNow); !ok || !next.Equal(qNow.Add(10*time.Minute)) {
		t.Errorf("NextDue = %v %v", next, ok)
	}
}

// TestLeech: flagged at 8 lapses, and BecameLeech fires once.
func TestLeech(t *testing.T) {
	cards := []QueueCard{reviewCard("seven", qNow, 1, 7), reviewCard("eight", qNow, 1, 8), reviewCard("nine", qNow, 1, 9)}
	q := BuildQueue(cards, qNow, DoneToday{}, DefaultQueuePolicy())
	got := map[string]bool{}
	for _, it := range q.Main {
		got[it.ID] = it.Leech
	}
	if got["seven"] || !got["eight"] || !got["nine"] {
		t.Errorf("leech flags = %v", got)
	}
	s := Default()
	c := cards[0].Card
	after, _ := s.Next(c, qNow, Again)
	if after.Lapses != 8 || !BecameLeech(c, after, 8) {
		t.Errorf("7 -> %d lapses: BecameLeech = false", after.Lapses)
	}
	again, _ := s.Next(after, qNow.Add(10*time.Minute), Again) // relearning Again: no new lapse
	if BecameLeech(after, again, 8) {
		t.Error("BecameLeech fired twice")
	}
	b, _ := json.Marshal(q.Main[1])
	if !strings.Contains(string(b), `"kind":"review"`) || !strings.Contains(string(b), `"leech":true`) {
		t.Errorf("item JSON %s", b)
	}
}

// TestReviewAheadAndDrill: ordered by retrievability, lowest first.
func TestReviewAheadAndDrill(t *testing.T) {
	s := Default()
	cards := []QueueCard{
		reviewCard("stale", qNow.Add(2*day), 30, 0),         // reviewed 28 days ago, S 30: t/S 0.93
		reviewCard("fresh", qNow.Add(1*day), 3, 0),          // reviewed 2 days ago, S 3: t/S 0.67
		reviewCard("far", qNow.Add(20*day), 40, 0),          // outside 5 days
		reviewCard("due-today", qNow.Add(-time.Hour), 4, 0), // not "ahead"
		newCards(1)[0],
	}
	ahead := ReviewAhead(cards, qNow, 5, s, DayBoundary{})
	if len(ahead) != 2 || ahead[0].ID != "stale" || ahead[1].ID != "fresh" || ahead[0].R >= ahead[1].R {
		t.Errorf("ahead = %+v", ahead)
	}
	drill := DrillWeakest(cards, qNow, 3, s, 8)
	if len(drill) != 3 || drill[0].R > drill[1].R || drill[1].R > drill[2].R {
		t.Errorf("drill = %+v", drill)
	}
	for _, it := range drill {
		if it.ID == "n00" {
			t.Error("new card in drill")
		}
	}
}

// TestSelectFirst: the k smallest keys end up in front, for any k.
func TestSelectFirst(t *testing.T) {
	less := func(a, b dueKey) int { return cmp.Compare(a.sec, b.sec) }
	for _, n := range []int{0, 1, 2, 3, 10, 257} {
		for k := 0; k <= n; k++ {
			a := make([]dueKey, n)
			for i := range a {
				a[i] = dueKey{sec: int64((i*7919 + 13) % (n + 1)), i: i} // a permutation-ish spread with no ties
			}
			sorted := slices.Clone(a)
			slices.SortFunc(sorted, less)
			selectFirst(a, k, less)
			front := slices.Clone(a[:k])
			slices.SortFunc(front, less)
			if !slices.Equal(front, sorted[:k]) {
				t.Fatalf("n=%d k=%d: front %v, want %v", n, k, front, sorted[:k])
			}
		}
	}
}
