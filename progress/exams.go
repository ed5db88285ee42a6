package progress

import "context"

// StartExam stores a new exam with its first state and returns its id. A
// new exam replaces an unfinished one: only one is offered. Without a
// store it returns 0.
func (p *Progress) StartExam(ctx context.Context, lang string, state []byte) (int64, error) {
	if !p.HasStore() {
		return 0, nil
	}
	ctx = orBackground(ctx)
	if old, ok, err := p.st.UnfinishedExam(ctx); err == nil && ok {
		_ = p.st.DiscardExam(ctx, old.ID)
	}
	return p.st.StartExam(ctx, lang, state)
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

// ExamHistory returns the submitted exams, newest first.
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
