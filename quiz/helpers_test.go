package quiz

import (
	"fmt"
	"time"

	"github.com/saa-study/saa-study/content"
)

var t0 = time.Date(2026, 11, 27, 9, 0, 0, 0, time.UTC)

// mkQ builds a question with n options, the given ones correct.
func mkQ(id, domain string, n int, correct ...int) *content.Question {
	q := &content.Question{ID: id, Lang: content.EN, Topic: "lambda", Domain: domain, Difficulty: 2, Choose: len(correct), Stem: "Stem of " + id}
	for i := 0; i < n; i++ {
		q.Options = append(q.Options, content.Option{Text: fmt.Sprintf("%s option %d", id, i), Explanation: fmt.Sprintf("why %d", i)})
	}
	for _, c := range correct {
		q.Options[c].Correct = true
	}
	return q
}

// mkPool builds perDomain single-answer questions in each exam domain.
func mkPool(perDomain map[string]int) []*content.Question {
	var pool []*content.Question
	for _, d := range content.Domains {
		for i := 0; i < perDomain[d]; i++ {
			pool = append(pool, mkQ(fmt.Sprintf("%s-%03d", d, i), d, 4, i%4))
		}
	}
	return pool
}

func evenPool(n int) []*content.Question {
	return mkPool(map[string]int{"secure": n, "resilient": n, "performant": n, "cost": n})
}

func countDomains(e *Exam) map[string]int {
	out := map[string]int{}
	for i := 0; i < e.Len(); i++ {
		it, _ := e.Item(i)
		out[it.Presented.Question.Domain]++
	}
	return out
}

// correctAnswer returns the right original indexes for item i.
func correctAnswer(e *Exam, i int) []int {
	it, _ := e.Item(i)
	return it.Presented.Question.Correct()
}

// wrongAnswer returns a wrong answer of the right size for item i.
func wrongAnswer(e *Exam, i int) []int {
	it, _ := e.Item(i)
	var out []int
	for j, o := range it.Presented.Question.Options {
		if !o.Correct && len(out) < it.Presented.Choose {
			out = append(out, j)
		}
	}
	return out
}
