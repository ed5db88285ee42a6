package progress

import (
	"context"
	"errors"
	"fmt"
)

// ErrUnfinishedExam is returned by StartExam while an exam is unfinished:
// a new exam never replaces one silently; ReplaceExam sets it aside.
var ErrUnfinishedExam = errors.New("an unfinished exam is waiting: resume it, or start a new one and keep it in the history as abandoned")

// StartExam stores a new exam with its first state and returns its id. It
// refuses while another exam is unfinished (ErrUnfinishedExam). Without a
// store it returns 0.
func (p *Progress) StartExam(ctx context.Context, lang string, state []byte) (int64, error) {
	if !p.HasStore() {
		return 0, nil
	}
	ctx = orBackground(ctx)
	old, ok, err := p.st.UnfinishedExam(ctx)
	if err != nil {
		return 0, err
	}
	if ok {
		return 0, fmt.Errorf("exam %d: %w", old.ID, ErrUnfinishedExam)
	}
	return p.st.StartExam(ctx, lang, state)
}

// ReplaceExam sets the unfinished exam old aside as abandoned (its
// answers kept, listed in the history) and stores a new exam, in one
// transaction.
func (p *Progress) ReplaceExam(ctx context.Context, old int64, lang string, state []byte) (int64, error) {
	if !p.HasStore() {
		return 0, nil
	}
	return p.st.ReplaceExam(orBackground(ctx), old, lang, state)
}

// SaveExam writes the state of a running exam (after an answer, a flag,
// or on leaving it, which pauses it).
func (p *Progress) SaveExam(ctx context.Context, id int64, state []byte) error {
	if !p.HasStore() {
		return nil
	}
	return p.st.SaveExamState(orBackground(ctx), id, state)
}

// UnfinishedExam returns the exam to resume, if any.
func (p *Progress) UnfinishedExam(ctx context.Context) (ExamRecord, bool, error) {
	if !p.HasStore() {
		return ExamRecord{}, false, nil
	}
	return p.st.UnfinishedExam(orBackground(ctx))
}

// ExamHistory returns the submitted and the abandoned exams, newest first.
func (p *Progress) ExamHistory(ctx context.Context) ([]ExamRecord, error) {
	if !p.HasStore() {
		return nil, nil
	}
	return p.st.ExamHistory(orBackground(ctx))
}

// FinishExam commits every graded answer of a submitted exam through
// CommitAnswer (each with its review), then stores the final state and
// score of exam id (none when id is 0: the exam was never stored).
func (p *Progress) FinishExam(ctx context.Context, id int64, state []byte, score ExamScore, answers []Answer) error {
	for _, a := range answers {
		if _, err := p.CommitAnswer(ctx, a); err != nil {
			return err
		}
	}
	if !p.HasStore() || id == 0 {
		return nil
	}
	return p.st.FinishExam(orBackground(ctx), id, state, score)
}
