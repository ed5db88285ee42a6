package quiz

import (
	"errors"
	"fmt"
	"testing"

	"github.com/saa-study/saa-study/content"
)

func TestAllocateLargestRemainder(t *testing.T) {
	tests := []struct {
		n    int
		want map[string]int
	}{
		{20, map[string]int{"secure": 6, "resilient": 5, "performant": 5, "cost": 4}},
		// 19.5/16.9/15.6/13 → floors 63; the two free seats go to .9 and .6.
		// (20/17/16/13 would be 66 items.)
		{65, map[string]int{"secure": 19, "resilient": 17, "performant": 16, "cost": 13}},
		{50, map[string]int{"secure": 15, "resilient": 13, "performant": 12, "cost": 10}},
		{10, map[string]int{"secure": 3, "resilient": 3, "performant": 2, "cost": 2}},
		{1, map[string]int{"secure": 1, "resilient": 0, "performant": 0, "cost": 0}},
		{0, map[string]int{"secure": 0, "resilient": 0, "performant": 0, "cost": 0}},
	}
	for _, tt := range tests {
		if got := Allocate(tt.n); fmt.Sprint(got) != fmt.Sprint(tt.want) {
			t.Errorf("Allocate(%d) = %v, want %v", tt.n, got, tt.want)
		}
	}
	// For every size the counts add up and stay within one of the exact share.
	for n := 1; n <= 300; n++ {
		sum := 0
		for d, c := range Allocate(n) {
			sum += c
			exact := float64(n*content.DomainWeight[d]) / 100
			if float64(c) < exact-1 || float64(c) > exact+1 {
				t.Errorf("n=%d %s: %d is more than one from %.2f", n, d, c, exact)
			}
		}
		if sum != n {
			t.Errorf("n=%d: counts add up to %d", n, sum)
		}
	}
}

func TestNewExamDrawsByDomainWeight(t *testing.T) {
	tests := []struct {
		name string
		pool map[string]int
		n    int
		want map[string]int
	}{
		{"20 from a full pool", map[string]int{"secure": 125, "resilient": 125, "performant": 125, "cost": 125}, 20,
			map[string]int{"secure": 6, "resilient": 5, "performant": 5, "cost": 4}},
		{"65 from a full pool", map[string]int{"secure": 125, "resilient": 125, "performant": 125, "cost": 125}, 65,
			map[string]int{"secure": 19, "resilient": 17, "performant": 16, "cost": 13}},
		// secure has 2; the 18 other seats share 26/24/20 → 6.69/6.17/5.14 → 7/6/5.
		{"short secure pool", map[string]int{"secure": 2, "resilient": 50, "performant": 50, "cost": 50}, 20,
			map[string]int{"secure": 2, "resilient": 7, "performant": 6, "cost": 5}},
		// secure 2 and cost 1: 17 seats over resilient/performant 26:24 → 9/8.
		{"two short pools", map[string]int{"secure": 2, "resilient": 50, "performant": 50, "cost": 1}, 20,
			map[string]int{"secure": 2, "resilient": 9, "performant": 8, "cost": 1}},
		{"second round of fallback", map[string]int{"secure": 1, "resilient": 3, "performant": 30, "cost": 2}, 20,
			map[string]int{"secure": 1, "resilient": 3, "performant": 14, "cost": 2}},
		{"pool smaller than the exam", map[string]int{"secure": 3, "resilient": 2, "performant": 1, "cost": 1}, 20,
			map[string]int{"secure": 3, "resilient": 2, "performant": 1, "cost": 1}},
	}
	for _, tt := range tests {
		e, err := NewExam(mkPool(tt.pool), ExamConfig{Questions: tt.n, Seed: 9}, t0)
		if err != nil {
			t.Fatalf("%s: %v", tt.name, err)
		}
		if got := countDomains(e); fmt.Sprint(got) != fmt.Sprint(tt.want) {
			t.Errorf("%s: drew %v, want %v", tt.name, got, tt.want)
		}
		seen := map[string]bool{}
		for i := 0; i < e.Len(); i++ {
			it, _ := e.Item(i)
			if seen[it.Presented.QuestionID] {
				t.Errorf("%s: %s drawn twice", tt.name, it.Presented.QuestionID)
			}
			seen[it.Presented.QuestionID] = true
		}
	}
}

func TestNewExamOddPools(t *testing.T) {
	// A teacher's quiz without exam domains still makes an exam.
	var teacher []*content.Question
	for i := 0; i < 8; i++ {
		teacher = append(teacher, mkQ(fmt.Sprintf("t%d", i), "", 4, 0))
	}
	e, err := NewExam(teacher, ExamConfig{Questions: 5, Seed: 1}, t0)
	if err != nil || e.Len() != 5 {
		t.Fatalf("domain-less pool: %v", err)
	}
	// Domain questions first, then the others.
	mixed := append(mkPool(map[string]int{"cost": 2}), teacher...)
	e, _ = NewExam(mixed, ExamConfig{Questions: 4, Seed: 1}, t0)
	if got := countDomains(e); got["cost"] != 2 || got[""] != 2 {
		t.Errorf("mixed pool drew %v", got)
	}
	tests := []struct {
		name string
		pool []*content.Question
		cfg  ExamConfig
		kind error
	}{
		{"empty pool", nil, ExamConfig{}, ErrNotFound},
		{"ids not in pool", evenPool(2), ExamConfig{IDs: []string{"nope"}}, ErrNotFound},
		{"negative count", evenPool(2), ExamConfig{Questions: -1}, ErrInvalid},
		{"negative duration", evenPool(2), ExamConfig{Duration: -1}, ErrInvalid},
	}
	for _, tt := range tests {
		if _, err := NewExam(tt.pool, tt.cfg, t0); !errors.Is(err, tt.kind) {
			t.Errorf("%s: %v, want %v", tt.name, err, tt.kind)
		}
	}
}

func TestNewExamDefaultsAndSeed(t *testing.T) {
	pool := evenPool(30)
	e, _ := NewExam(pool, ExamConfig{Seed: 3}, t0)
	if c := e.Config(); c.Questions != 20 || c.Duration != 40*60e9 {
		t.Errorf("defaults %+v, want 20 questions in 40m", c)
	}
	full, _ := NewExam(pool, ExamConfig{Questions: FullExamQuestions, Seed: 3}, t0)
	if c := full.Config(); c.Duration.Minutes() != 130 {
		t.Errorf("65 questions default to %v, want 130m", c.Duration)
	}
	order := func(e *Exam) string {
		s := ""
		for i := 0; i < e.Len(); i++ {
			it, _ := e.Item(i)
			s += it.Presented.QuestionID + fmt.Sprint(it.Presented.Order)
		}
		return s
	}
	again, _ := NewExam(pool, ExamConfig{Seed: 3}, t0)
	other, _ := NewExam(pool, ExamConfig{Seed: 4}, t0)
	if order(e) != order(again) {
		t.Error("the same seed drew a different exam")
	}
	if order(e) == order(other) {
		t.Error("seeds 3 and 4 drew the same exam")
	}
}
