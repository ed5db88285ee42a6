package quiz

import (
	"slices"
	"strconv"
	"time"

	"github.com/saa-study/saa-study/content"
)

// StateVersion is the ExamState layout written by this package.
const StateVersion = 1

// ExamState is everything needed to resume an exam after a crash: the
// drawn questions with the option order shown, the answers (original
// indexes), flags, the current item and the time already used. The store
// saves it as JSON after every answer.
type ExamState struct {
	Version     int         `json:"version"`
	Config      ExamConfig  `json:"config"`
	Started     time.Time   `json:"started"`
	UsedMS      int64       `json:"used_ms"`
	Current     int         `json:"current"`
	Submitted   bool        `json:"submitted"`
	SubmittedAt time.Time   `json:"submitted_at,omitzero"`
	TimedOut    bool        `json:"timed_out,omitempty"`
	Items       []ItemState `json:"items"`
}

// ItemState is one item of an ExamState.
type ItemState struct {
	QuestionID string    `json:"question_id"`
	Order      []int     `json:"order"`
	Chosen     []int     `json:"chosen,omitempty"`
	Flagged    bool      `json:"flagged,omitempty"`
	AnsweredAt time.Time `json:"answered_at,omitzero"`
}

// State snapshots the exam, charging the time used up to now.
func (e *Exam) State(now time.Time) ExamState {
	s := ExamState{
		Version: StateVersion, Config: e.cfg, Started: e.started,
		UsedMS: e.usedAt(now).Milliseconds(), Current: e.current,
		Submitted: e.submitted, SubmittedAt: e.subAt, TimedOut: e.results.TimedOut,
		Items: make([]ItemState, len(e.items)),
	}
	for i, it := range e.items {
		s.Items[i] = ItemState{
			QuestionID: it.p.QuestionID, Order: slices.Clone(it.p.Order),
			Chosen: slices.Clone(it.chosen), Flagged: it.flagged, AnsweredAt: it.answeredAt,
		}
	}
	return s
}

// Resume rebuilds an exam from a saved state, looking its questions up in
// pool by id. The clock restarts at now with the time left at the save.
// When a question's options have changed since the save, its options are
// presented afresh and an answer that no longer fits is dropped. A
// question missing from pool is an error (ResourceNotFoundException).
func Resume(pool []*content.Question, s ExamState, now time.Time) (*Exam, error) {
	if s.Version != StateVersion {
		return nil, validation("exam state version " + strconv.Itoa(s.Version) + " is not supported (want " + strconv.Itoa(StateVersion) + ")")
	}
	if len(s.Items) == 0 || s.Config.Duration <= 0 || s.UsedMS < 0 {
		return nil, validation("exam state has no items or no time budget")
	}
	byID := make(map[string]*content.Question, len(pool))
	for _, q := range pool {
		if q != nil && byID[q.ID] == nil {
			byID[q.ID] = q
		}
	}
	e := &Exam{
		cfg: s.Config, started: s.Started, segStart: now,
		used:  min(time.Duration(s.UsedMS)*time.Millisecond, s.Config.Duration),
		items: make([]examItem, len(s.Items)),
	}
	for i, st := range s.Items {
		q := byID[st.QuestionID]
		if q == nil {
			return nil, notFound("question " + strconv.Quote(st.QuestionID) + " of the saved exam is no longer in the content")
		}
		it := examItem{flagged: st.Flagged}
		if validOrder(st.Order, len(q.Options)) {
			it.p = presentWithOrder(q, slices.Clone(st.Order))
		} else {
			it.p = Present(q, s.Config.Seed)
		}
		if len(st.Chosen) > 0 && ValidatePartial(it.p, st.Chosen) == nil {
			it.chosen, it.answeredAt = slices.Sorted(slices.Values(st.Chosen)), st.AnsweredAt
		}
		e.items[i] = it
	}
	if s.Current >= 0 && s.Current < len(e.items) {
		e.current = s.Current
	}
	if s.Submitted {
		e.submitted, e.subAt = true, s.SubmittedAt
		e.results = grade(e.items, e.cfg, e.used, s.TimedOut)
	}
	return e, nil
}

// Answered counts the items of a saved state that have an answer.
func (st ExamState) Answered() int {
	n := 0
	for _, it := range st.Items {
		if len(it.Chosen) > 0 {
			n++
		}
	}
	return n
}

// Remaining is the exam time a saved state has left.
func (st ExamState) Remaining() time.Duration {
	return max(st.Config.Duration-time.Duration(st.UsedMS)*time.Millisecond, 0)
}
