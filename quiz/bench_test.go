package quiz

import (
	"testing"
	"time"
)

func BenchmarkPresentGrade(b *testing.B) {
	q := mkQ("bench", "resilient", 5, 1, 3)
	b.ReportAllocs()
	for i := 0; b.Loop(); i++ {
		p := Present(q, uint64(i))
		if Validate(p, []int{1, 3}) != nil || !Grade(p, []int{1, 3}).Correct {
			b.Fatal("wrong grade")
		}
	}
}

func BenchmarkNewExam500(b *testing.B) {
	pool := evenPool(125)
	b.ReportAllocs()
	for i := 0; b.Loop(); i++ {
		e, err := NewExam(pool, ExamConfig{Questions: FullExamQuestions, Seed: uint64(i)}, t0)
		if err != nil || e.Len() != FullExamQuestions {
			b.Fatal(err)
		}
	}
}

func BenchmarkSubmit65(b *testing.B) {
	e, _ := NewExam(evenPool(125), ExamConfig{Questions: FullExamQuestions, Seed: 1}, t0)
	for i := 0; i < e.Len(); i++ {
		_ = e.Answer(i, correctAnswer(e, i), t0)
	}
	items, cfg := e.items, e.cfg
	b.ReportAllocs()
	for b.Loop() {
		grade(items, cfg, time.Minute, false)
	}
}
