package ui

import (
	"errors"

	tea "charm.land/bubbletea/v2"

	"github.com/saa-study/saa-study/progress"
	"github.com/saa-study/saa-study/ui/common"
)

// answerSavedMsg says an answer is on disk (or why not).
type answerSavedMsg struct {
	id  int64
	err error
}

// commitAnswer is the one place a graded answer goes, from Study, Practice
// and exams alike: progress writes it and, for a question, its review in
// the schedule in one transaction, so a missed question comes back in
// Review. The screen lets the learner move on only when this has returned.
func commitAnswer(c *Common, a progress.Answer) tea.Cmd {
	if a.AnsweredAt.IsZero() {
		a.AnsweredAt = c.Clock()
	}
	return func() tea.Msg {
		id, err := c.Progress.CommitAnswer(c.Context(), a)
		return answerSavedMsg{id: id, err: err}
	}
}

// rerate changes the rating of a committed answer (the learner's 1–4): the
// stored answer, and the scheduler's last review of that question, which is
// undone and done again with the new rating.
func rerate(c *Common, id int64, rating int) tea.Cmd {
	return func() tea.Msg {
		err := c.Progress.Rerate(c.Context(), id, rating)
		if errors.Is(err, progress.ErrScheduleMovedOn) {
			return common.StatusMsg{Text: "the schedule moved on since this answer; the new rating is kept on the answer only"}
		}
		if err != nil {
			return common.ErrMsg{Err: err}
		}
		return nil
	}
}
