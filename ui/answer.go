package ui

import (
	"context"
	"errors"
	"time"

	tea "charm.land/bubbletea/v2"

	"github.com/saa-study/saa-study/srs"
	"github.com/saa-study/saa-study/store"
	"github.com/saa-study/saa-study/ui/common"
)

// answerSavedMsg says an answer is on disk (or why not).
type answerSavedMsg struct {
	id  int64
	err error
}

// commitAnswer is the one place a graded answer goes, from Study, Practice
// and exams alike: it is written to the store (durably), and a question's
// rating is given to the scheduler, so a missed question comes back in
// Review. The screen lets the learner move on only when this has returned.
func commitAnswer(c *Common, a store.Answer) tea.Cmd {
	if a.AnsweredAt.IsZero() {
		a.AnsweredAt = c.Clock()
	}
	return func() tea.Msg {
		if c.Store == nil {
			return answerSavedMsg{}
		}
		id, err := c.Store.RecordAnswer(c.Ctx, a)
		if err == nil && a.Kind == store.KindQuestion {
			err = scheduleAnswer(c.Ctx, c.Store, a.ItemID, srs.Rating(a.Rating), a.AnsweredAt, time.Duration(a.DurationMS)*time.Millisecond)
		}
		return answerSavedMsg{id: id, err: err}
	}
}

// scheduleAnswer reviews a question in the spaced-repetition schedule with
// the answer's rating, registering it first if it is new there.
func scheduleAnswer(ctx context.Context, st *store.Store, id string, r srs.Rating, at time.Time, took time.Duration) error {
	it, err := st.SRSItem(ctx, store.KindQuestion, id)
	if errors.Is(err, store.ErrNoSuchItem) {
		if _, err = st.RegisterSRSItems(ctx, []store.SRSRef{{Kind: store.KindQuestion, ItemID: id}}); err != nil {
			return err
		}
		it, err = st.SRSItem(ctx, store.KindQuestion, id)
	}
	if err != nil {
		return err
	}
	sc, err := loadSRSContext(ctx, st)
	if err != nil {
		return err
	}
	_, _, err = rvRate(ctx, st, sc.sched, it, r, at, took)
	return err
}

// rerate changes the rating of a committed answer (the learner's 1–4): the
// stored answer, and the scheduler's last review of that question, which is
// undone and done again with the new rating.
func rerate(c *Common, id int64, rating int) tea.Cmd {
	return func() tea.Msg {
		if c.Store == nil {
			return nil
		}
		ctx := c.Ctx
		if err := c.Store.SetAnswerRating(ctx, id, rating); err != nil {
			return common.ErrMsg{Err: err}
		}
		a, err := c.Store.Answer(ctx, id)
		if err != nil {
			return common.ErrMsg{Err: err}
		}
		if a.Kind != store.KindQuestion {
			return nil
		}
		if _, err := c.Store.UndoLastReviewOf(ctx, store.KindQuestion, a.ItemID); err != nil {
			if errors.Is(err, store.ErrNothingToUndo) {
				return common.StatusMsg{Text: "the schedule moved on since this answer; the new rating is kept on the answer only"}
			}
			return common.ErrMsg{Err: err}
		}
		if err := scheduleAnswer(ctx, c.Store, a.ItemID, srs.Rating(rating), a.AnsweredAt, time.Duration(a.DurationMS)*time.Millisecond); err != nil {
			return common.ErrMsg{Err: err}
		}
		return nil
	}
}
