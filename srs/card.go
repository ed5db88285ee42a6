package srs

import "time"

// State is where a card is in its life; the numbers are ts-fsrs' and are
// what the store and the JSON outputs hold.
type State int

// Card states.
const (
	New        State = 0 // never reviewed
	Learning   State = 1 // in its first learning steps (minutes)
	Review     State = 2 // graduated; scheduled in days
	Relearning State = 3 // lapsed; in relearning steps
)

// String names the state for tables and logs.
func (s State) String() string {
	switch s {
	case New:
		return "New"
	case Learning:
		return "Learning"
	case Review:
		return "Review"
	case Relearning:
		return "Relearning"
	}
	return "State(" + itoa(int(s)) + ")"
}

// Rating is the learner's grade of one answer.
type Rating int

// Ratings, numbered as in FSRS.
const (
	Again Rating = 1 // forgot
	Hard  Rating = 2 // recalled with serious effort (a pass, never a miss)
	Good  Rating = 3 // recalled
	Easy  Rating = 4 // recalled effortlessly
)

// Valid reports whether r is one of Again..Easy.
func (r Rating) Valid() bool { return r >= Again && r <= Easy }

// String names the rating for buttons and tables.
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
	return "Rating(" + itoa(int(r)) + ")"
}

// Card is one card's scheduling state, field for field as ts-fsrs keeps it.
type Card struct {
	Due           time.Time `json:"due"`
	Stability     float64   `json:"stability"`      // days until R falls to 90%
	Difficulty    float64   `json:"difficulty"`     // 1 (easy) .. 10 (hard)
	ElapsedDays   int       `json:"elapsed_days"`   // days between the last two reviews
	ScheduledDays int       `json:"scheduled_days"` // interval chosen at the last review
	Reps          int       `json:"reps"`
	Lapses        int       `json:"lapses"`         // times forgotten in Review
	LearningSteps int       `json:"learning_steps"` // index of the current (re)learning step
	State         State     `json:"state"`
	LastReview    time.Time `json:"last_review,omitzero"` // zero for a new card
}

// NewCard returns an unreviewed card, due at now.
func NewCard(now time.Time) Card { return Card{Due: now} }

// ReviewLog records one review as ts-fsrs logs it: the rating, and the
// card's state before the review, so a history can be rolled back or
// analysed (true retention counts logs whose State was Review).
type ReviewLog struct {
	Rating          Rating    `json:"rating"`
	State           State     `json:"state"`             // state before the review
	Due             time.Time `json:"due"`               // previous review (or due date of a new card)
	Stability       float64   `json:"stability"`         // before the review
	Difficulty      float64   `json:"difficulty"`        // before the review
	ElapsedDays     int       `json:"elapsed_days"`      // days since the previous review
	LastElapsedDays int       `json:"last_elapsed_days"` // the card's elapsed days before
	ScheduledDays   int       `json:"scheduled_days"`    // interval that was scheduled
	LearningSteps   int       `json:"learning_steps"`    // step index before
	Review          time.Time `json:"review"`            // when it was answered
}

func itoa(n int) string {
	if n < 0 {
		return "-" + itoa(-n)
	}
	if n < 10 {
		return string(rune('0' + n))
	}
	return itoa(n/10) + string(rune('0'+n%10))
}
