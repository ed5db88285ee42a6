package quiz

import (
	"errors"
	"slices"
	"testing"
	"time"

	"github.com/saa-study/saa-study/content"
)

func practiceIDs(t *testing.T, p *Practice) []string {
	t.Helper()
	var ids []string
	for _, q := range p.qs {
		ids = append(ids, q.ID)
	}
	return ids
}

func TestNewPracticeDrawsAndOrders(t *testing.T) {
	pool := evenPool(5) // 20 questions, ids like secure-000
	pool[1].Topic = "dynamodb"
	pool[6].Topic = "dynamodb"
	tests := []struct {
		name  string
		f     Filter
		count int
		first []string
	}{
		{"all", Filter{}, 20, nil},
		{"one domain", Filter{Domains: []string{"cost"}}, 5, nil},
		{"two domains", Filter{Domains: []string{"cost", "secure"}}, 10, nil},
		{"topic", Filter{Topics: []string{"dynamodb"}}, 2, nil},
		{"max", Filter{Max: 7}, 7, nil},
		{"due first in the scheduler's order", Filter{DueFirst: []string{"cost-004", "secure-002"}}, 20, []string{"cost-004", "secure-002"}},
		{"due first outside the filter is skipped", Filter{Domains: []string{"secure"}, DueFirst: []string{"cost-004", "secure-003"}}, 5, []string{"secure-003"}},
		{"due first survives max", Filter{Max: 2, DueFirst: []string{"resilient-001", "cost-000", "cost-001"}}, 2, []string{"resilient-001", "cost-000"}},
	}
	for _, tt := range tests {
		p, err := NewPractice(pool, tt.f, 11)
		if err != nil {
			t.Fatalf("%s: %v", tt.name, err)
		}
		ids := practiceIDs(t, p)
		if len(ids) != tt.count || p.Progress().Total != tt.count {
			t.Errorf("%s: %d questions, want %d", tt.name, len(ids), tt.count)
		}
		if len(tt.first) > 0 && !slices.Equal(ids[:len(tt.first)], tt.first) {
			t.Errorf("%s: starts %v, want %v", tt.name, ids[:len(tt.first)], tt.first)
		}
		seen := map[string]bool{}
		for _, id := range ids {
			if seen[id] {
				t.Errorf("%s: %s drawn twice", tt.name, id)
			}
			seen[id] = true
		}
	}
}

func TestNewPracticeIsSeededAndIgnoresInputOrder(t *testing.T) {
	pool := evenPool(10)
	dup := append(slices.Clone(pool), pool[0], pool[5]) // repeats are dropped
	rev := slices.Clone(pool)
	slices.Reverse(rev)
	a, _ := NewPractice(pool, Filter{}, 5)
	b, _ := NewPractice(rev, Filter{}, 5)
	c, _ := NewPractice(dup, Filter{}, 5)
	d, _ := NewPractice(pool, Filter{}, 6)
	if !slices.Equal(practiceIDs(t, a), practiceIDs(t, b)) || !slices.Equal(practiceIDs(t, a), practiceIDs(t, c)) {
		t.Error("the same seed gave different orders for the same questions")
	}
	if slices.Equal(practiceIDs(t, a), practiceIDs(t, d)) {
		t.Error("seeds 5 and 6 gave the same order of 40 questions")
	}
	if _, err := NewPractice(pool, Filter{Topics: []string{"nope"}}, 1); !errors.Is(err, ErrNotFound) {
		t.Errorf("empty filter result: %v", err)
	}
	if _, err := NewPractice(nil, Filter{}, 1); !errors.Is(err, ErrNotFound) {
		t.Errorf("nil pool: %v", err)
	}
}

func TestPracticeAnswerFlow(t *testing.T) {
	pool := []*content.Question{mkQ("a", "secure", 4, 0), mkQ("b", "cost", 5, 1, 2), mkQ("c", "cost", 4, 3)}
	p, err := NewPractice(pool, Filter{DueFirst: []string{"a", "b", "c"}}, 3)
	if err != nil {
		t.Fatal(err)
	}
	// A refused answer changes nothing.
	if _, _, err := p.Answer([]int{0, 1}, false, time.Second, t0); !errors.Is(err, ErrInvalid) {
		t.Fatalf("two options for a single answer question: %v", err)
	}
	if pr, _ := p.Next(); pr.QuestionID != "a" {
		t.Fatalf("after a refused answer the session moved to %s", pr.QuestionID)
	}
	steps := []struct {
		id     string
		chosen []int
		unsure bool
		took   time.Duration
		right  bool
		rating Rating
	}{
		{"a", []int{0}, false, 10 * time.Second, true, Easy},
		{"b", []int{1, 3}, false, time.Minute, false, Again},
		{"c", []int{3}, true, time.Minute, true, Hard},
	}
	for i, s := range steps {
		pr, ok := p.Next()
		if !ok || pr.QuestionID != s.id {
			t.Fatalf("step %d: got %q (%v), want %s", i, pr.QuestionID, ok, s.id)
		}
		res, r, err := p.Answer(s.chosen, s.unsure, s.took, t0.Add(time.Duration(i)*time.Minute))
		if err != nil || res.Correct != s.right || r != s.rating {
			t.Errorf("step %d: correct %v rating %v err %v; want %v %v", i, res.Correct, r, err, s.right, s.rating)
		}
	}
	if _, ok := p.Next(); ok || !p.Done() {
		t.Error("session not done after the last answer")
	}
	if _, _, err := p.Answer([]int{0}, false, 0, t0); !errors.Is(err, ErrClosed) {
		t.Errorf("answer after the end: %v", err)
	}
	if got := p.Progress(); got != (Progress{Total: 3, Answered: 3, Correct: 2, Left: 0}) {
		t.Errorf("progress %+v", got)
	}
	if !slices.Equal(p.MissedIDs(), []string{"b"}) || len(p.Missed()) != 1 {
		t.Errorf("missed %v", p.MissedIDs())
	}
	ans := p.Answers()
	if len(ans) != 3 || !slices.Equal(ans[1].Chosen, []int{1, 3}) || ans[2].Rating != Hard || !ans[2].At.Equal(t0.Add(2*time.Minute)) {
		t.Errorf("answers %+v", ans)
	}
	drill, err := NewPractice(p.Missed(), Filter{}, 4)
	if err != nil || drill.Progress().Total != 1 {
		t.Errorf("drill of missed: %v", err)
	}
}
