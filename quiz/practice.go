package quiz

import (
	"cmp"
	"slices"
	"time"

	"github.com/saa-study/saa-study/content"
)

// Filter narrows the questions of a practice session. Empty lists mean
// "any"; Max ≤ 0 means no limit.
type Filter struct {
	Topics   []string `json:"topics,omitempty"`
	Domains  []string `json:"domains,omitempty"`
	Max      int      `json:"max,omitempty"`
	DueFirst []string `json:"due_first,omitempty"` // ids the scheduler wants first, in its order
}

func (f Filter) match(q *content.Question) bool {
	return (len(f.Topics) == 0 || slices.Contains(f.Topics, q.Topic)) &&
		(len(f.Domains) == 0 || slices.Contains(f.Domains, q.Domain))
}

// PracticeAnswer is one recorded answer, ready for the store.
type PracticeAnswer struct {
	QuestionID string        `json:"question_id"`
	Chosen     []int         `json:"chosen"` // original indexes
	Correct    bool          `json:"correct"`
	Unsure     bool          `json:"unsure"`
	Rating     Rating        `json:"rating"`
	Took       time.Duration `json:"took_ns"`
	At         time.Time     `json:"at"`
}

// Progress counts a session's answers.
type Progress struct {
	Total    int `json:"total"`
	Answered int `json:"answered"`
	Correct  int `json:"correct"`
	Left     int `json:"left"`
}

// Practice is an untimed session: each question once, due ones first, the
// rest in a seeded order, every answer graded at once.
type Practice struct {
	seed    uint64
	qs      []*content.Question
	pos     int
	answers []PracticeAnswer
	missed  []*content.Question
}

// NewPractice draws the questions matching f without repeats (the first
// question with a given id wins): ids in f.DueFirst come first in that
// order, the others follow in an order drawn from seed, and Max cuts the
// list. It fails with ResourceNotFoundException when nothing matches.
func NewPractice(questions []*content.Question, f Filter, seed uint64) (*Practice, error) {
	byID := make(map[string]*content.Question, len(questions))
	var rest []*content.Question
	for _, q := range questions {
		if q == nil || byID[q.ID] != nil || !f.match(q) {
			continue
		}
		byID[q.ID] = q
		rest = append(rest, q)
	}
	// Sort before shuffling so the order depends on the seed only, not on
	// the order the loader happened to return.
	slices.SortFunc(rest, func(a, b *content.Question) int { return cmp.Compare(a.ID, b.ID) })
	var first []*content.Question
	for _, id := range f.DueFirst {
		if q := byID[id]; q != nil {
			first = append(first, q)
			delete(byID, id)
		}
	}
	rest = slices.DeleteFunc(rest, func(q *content.Question) bool { return byID[q.ID] == nil })
	r := newRNG(seed, "practice-order")
	r.shuffle(len(rest), func(i, j int) { rest[i], rest[j] = rest[j], rest[i] })
	all := append(first, rest...)
	if f.Max > 0 && len(all) > f.Max {
		all = all[:f.Max]
	}
	if len(all) == 0 {
		return nil, notFound("no questions match the filter")
	}
	return &Practice{seed: seed, qs: all}, nil
}

// Next returns the question waiting for an answer, presented with the
// session seed; ok is false when the session is over. Calling it again
// before Answer returns the same question in the same order.
func (p *Practice) Next() (pr Presented, ok bool) {
	if p.pos >= len(p.qs) {
		return Presented{}, false
	}
	return Present(p.qs[p.pos], p.seed), true
}

// Answer grades chosen (original indexes) for the current question, rates
// it with DefaultBudget, records it and moves on. A partial answer (one of
// two) is graded wrong; a refused one (see ValidatePartial) leaves the
// session unchanged.
func (p *Practice) Answer(chosen []int, unsure bool, took time.Duration, at time.Time) (Result, Rating, error) {
	pr, ok := p.Next()
	if !ok {
		return Result{}, 0, closed("the practice session is finished")
	}
	if err := ValidatePartial(pr, chosen); err != nil {
		return Result{}, 0, err
	}
	res := Grade(pr, chosen)
	rating := Rate(res.Correct, unsure, took, DefaultBudget(pr.Question))
	p.answers = append(p.answers, PracticeAnswer{
		QuestionID: pr.QuestionID, Chosen: res.Chosen, Correct: res.Correct,
		Unsure: unsure, Rating: rating, Took: took, At: at,
	})
	if !res.Correct {
		p.missed = append(p.missed, pr.Question)
	}
	p.pos++
	return res, rating, nil
}

// Done reports whether every question has been answered.
func (p *Practice) Done() bool { return p.pos >= len(p.qs) }

// Progress counts the answers so far.
func (p *Practice) Progress() Progress {
	c := 0
	for _, a := range p.answers {
		if a.Correct {
			c++
		}
	}
	return Progress{Total: len(p.qs), Answered: len(p.answers), Correct: c, Left: len(p.qs) - p.pos}
}

// Answers returns a copy of the recorded answers in answer order.
func (p *Practice) Answers() []PracticeAnswer { return slices.Clone(p.answers) }

// Missed returns the questions answered wrong, in answer order, ready for
// a "drill what I missed" session: NewPractice(p.Missed(), Filter{}, seed).
func (p *Practice) Missed() []*content.Question { return slices.Clone(p.missed) }

// MissedIDs returns the ids of Missed.
func (p *Practice) MissedIDs() []string {
	ids := make([]string, len(p.missed))
	for i, q := range p.missed {
		ids[i] = q.ID
	}
	return ids
}
