package progress

import (
	"context"
	"time"

	"github.com/saa-study/saa-study/srs"
	"github.com/saa-study/saa-study/store"
)

// ErrScheduleMovedOn is returned by Rerate when the question was reviewed
// again since the answer: the new rating is kept on the answer only.
var ErrScheduleMovedOn = store.ErrScheduleMovedOn

// CommitAnswer is the one place a graded answer goes, from Study, Practice
// and exams alike. The answer is written durably; a question's answer is
// also rated in the spaced-repetition schedule (registered first if it is
// new there), in the same transaction, so a missed question comes back in
// Review and a crash never leaves an answer without its review. Without a
// store it writes nothing and returns 0.
func (p *Progress) CommitAnswer(ctx context.Context, a Answer) (int64, error) {
	if !p.HasStore() {
		return 0, nil
	}
	ctx = orBackground(ctx)
	if a.AnsweredAt.IsZero() {
		a.AnsweredAt = p.now()
	}
	var schedule store.Schedule
	if a.Kind == KindQuestion {
		sc, err := p.Scheduling(ctx)
		if err != nil {
			return 0, err
		}
		schedule = sc.answerSchedule(a)
	}
	id, _, err := p.st.CommitAnswer(ctx, a, schedule)
	return id, err
}

// answerSchedule rates the answer's item with its rating at its time.
func (sc Scheduling) answerSchedule(a Answer) store.Schedule {
	return func(prev SRSItem, _ bool) (SRSItem, error) {
		next, _, err := sc.next(prev, srs.Rating(a.Rating), a.AnsweredAt)
		return next, err
	}
}

// Rerate changes the rating of a committed answer (the learner's 1–4): the
// stored answer and, for a question, the scheduler's last review of it,
// which is undone and done again with the new rating — all in one
// transaction. When the question was reviewed again since, the rating is
// kept on the answer only and the error is ErrScheduleMovedOn.
func (p *Progress) Rerate(ctx context.Context, id int64, rating int) error {
	if !p.HasStore() {
		return nil
	}
	ctx = orBackground(ctx)
	sc, err := p.Scheduling(ctx)
	if err != nil {
		return err
	}
	_, err = p.st.RerateAnswer(ctx, id, rating, func(a Answer) store.Schedule {
		if a.Kind != KindQuestion {
			return nil
		}
		return sc.answerSchedule(a)
	})
	return err
}

// Rated says when an item was rated: Shown, when it came on screen and
// its rating buttons were worked out (Session.Preview; zero: At), At, when
// the rating was given, and Took, the time the learner spent on it, for
// the review log.
type Rated struct {
	Shown, At time.Time
	Took      time.Duration
}

// Rate applies a rating to an item of a review session and commits it:
// the review log row and the new state in one transaction. A card that
// just reached LeechLapses is tagged and suspended in the same write;
// leech says so.
//
// The item is scheduled as at when.Shown, so each button gives the
// interval it showed: fuzz is seeded from the time of the review, as in
// ts-fsrs, and would otherwise draw again. The interval then runs from
// when.At, as Anki's does.
func (p *Progress) Rate(ctx context.Context, s *Session, it SRSItem, r srs.Rating, when Rated) (after SRSItem, leech bool, err error) {
	shown, now := when.Shown, when.At
	if shown.IsZero() {
		shown = now
	}
	after, leech, err = s.sc.next(it, r, shown)
	if err != nil {
		return it, false, err
	}
	if d := now.Sub(shown); d != 0 {
		after.Card.Due = after.Card.Due.Add(d)
		if !after.Card.LastReview.IsZero() {
			after.Card.LastReview = after.Card.LastReview.Add(d)
		}
	}
	if !p.HasStore() {
		return after, leech, nil
	}
	_, err = p.st.CommitReview(orBackground(ctx), store.Review{Kind: it.Kind, ItemID: it.ItemID, Rating: r, Before: it, After: after,
		ReviewedAt: now, DurationMS: when.Took.Milliseconds()})
	return after, leech, err
}

// Undo deletes the newest review and puts its item back the way it was,
// in one transaction, and returns the item as restored.
func (p *Progress) Undo(ctx context.Context) (SRSItem, error) {
	if !p.HasStore() {
		return SRSItem{}, ErrNothingToUndo
	}
	return p.st.UndoLastReview(orBackground(ctx))
}

// Bury hides an item until the next study day starts, without changing
// its schedule.
func (p *Progress) Bury(ctx context.Context, s *Session, it SRSItem, now time.Time) error {
	if !p.HasStore() {
		return nil
	}
	return p.st.Bury(orBackground(ctx), it.Kind, it.ItemID, s.sc.Day.NextDayStart(now))
}

// Suspend takes an item out of reviews until it is unsuspended.
func (p *Progress) Suspend(ctx context.Context, it SRSItem) error {
	if !p.HasStore() {
		return nil
	}
	return p.st.SetSuspended(orBackground(ctx), it.Kind, it.ItemID, true)
}
