package quiz

import (
	"strconv"
	"time"

	"github.com/saa-study/saa-study/content"
)

// Rating is a grade for the spaced-repetition scheduler, numbered as in
// FSRS (1 Again … 4 Easy) so it converts directly to srs.Rating.
type Rating int

// The four ratings.
const (
	Again Rating = 1 // wrong
	Hard  Rating = 2 // right, but the learner was unsure
	Good  Rating = 3 // right
	Easy  Rating = 4 // right, quickly and sure
)

// String names the rating.
func (r Rating) String() string {
	switch r {
	case Again:
		return "Again"
	case Hard:
		return "Hard"
	case Good:
		return "Good"
	case Easy:
		return "Easy"
	}
	return "Rating(" + strconv.Itoa(int(r)) + ")"
}

// ExamPace is the real exam's time per item: 130 minutes for 65 items.
const ExamPace = 2 * time.Minute

// Rate maps a graded answer to a scheduler rating:
//
//	wrong                                   → Again (even if "unsure")
//	right and marked unsure                 → Hard
//	right, sure and faster than budget/3    → Easy
//	right otherwise                         → Good
//
// A wrong answer is never Hard: Hard is a passing grade in FSRS, and using
// it for misses is the "Hard misuse" Anki's health check warns about. FSRS
// itself ignores answer time; the budget/3 cut for Easy is our heuristic.
// Pass took < 0 when the time is unknown (it then never counts as fast);
// a budget ≤ 0 disables Easy. A learner's explicit override is the caller's.
func Rate(correct, unsure bool, took, budget time.Duration) Rating {
	switch {
	case !correct:
		return Again
	case unsure:
		return Hard
	case budget > 0 && took >= 0 && took < budget/3:
		return Easy
	}
	return Good
}

// DefaultBudget is the time a question deserves: the exam's 2-minute pace
// scaled by difficulty — 90 s for difficulty 1, 2 min for 2, 2.5 min for 3
// (and 2 min when the difficulty is missing). So "fast" (under a third)
// means under 30, 40 or 50 seconds.
func DefaultBudget(q *content.Question) time.Duration {
	if q == nil {
		return ExamPace
	}
	switch q.Difficulty {
	case 1:
		return ExamPace * 3 / 4
	case 3:
		return ExamPace * 5 / 4
	}
	return ExamPace
}
