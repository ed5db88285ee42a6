package progress

import (
	"context"
	"time"

	"github.com/saa-study/saa-study/store"
)

// Review is one rating as the store commits it: the item before and
// after, when, and how long the learner took.
type Review = store.Review

// Item returns one item of the schedule, or an error wrapping
// store.ErrNoSuchItem.
func (p *Progress) Item(ctx context.Context, kind, itemID string) (SRSItem, error) {
	if !p.HasStore() {
		return SRSItem{}, store.ErrNoSuchItem
	}
	return p.st.SRSItem(orBackground(ctx), kind, itemID)
}

// ReviewsSince returns the reviews at or after since, oldest first.
func (p *Progress) ReviewsSince(ctx context.Context, since time.Time) ([]ReviewRecord, error) {
	if !p.HasStore() {
		return nil, nil
	}
	return p.st.ReviewsSince(orBackground(ctx), since)
}

// ReviewCount returns how many reviews the log holds.
func (p *Progress) ReviewCount(ctx context.Context) (int, error) {
	if !p.HasStore() {
		return 0, nil
	}
	return p.st.ReviewCount(orBackground(ctx))
}

// CommitReview writes a review as given (an imported or replayed one):
// the log row and the item's new state in one transaction.
func (p *Progress) CommitReview(ctx context.Context, r Review) (int64, error) {
	if !p.HasStore() {
		return 0, nil
	}
	return p.st.CommitReview(orBackground(ctx), r)
}

// Answers returns every answer to one item, oldest first.
func (p *Progress) Answers(ctx context.Context, kind, itemID string) ([]Answer, error) {
	if !p.HasStore() {
		return nil, nil
	}
	return p.st.Answers(orBackground(ctx), kind, itemID)
}

// AnswerCount returns how many answers are stored.
func (p *Progress) AnswerCount(ctx context.Context) (int, error) {
	if !p.HasStore() {
		return 0, nil
	}
	return p.st.AnswerCount(orBackground(ctx))
}

// QuestionReports returns the learner's reports of questions, oldest first.
func (p *Progress) QuestionReports(ctx context.Context) ([]QuestionReport, error) {
	if !p.HasStore() {
		return nil, nil
	}
	return p.st.QuestionReports(orBackground(ctx))
}
