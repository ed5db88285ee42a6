package question

import (
	"errors"
	"strconv"
	"strings"

	tea "charm.land/bubbletea/v2"

	"github.com/saa-study/saa-study/progress"
	"github.com/saa-study/saa-study/ui/common"
)

// SavedMsg says an answer is on disk (or why not).
type SavedMsg struct {
	ID  int64
	Err error
}

// Commit is the one place a graded answer goes, from Study, Practice and
// Review alike: progress writes it and, for a question, its review in the
// schedule in one transaction, so a missed question comes back in Review.
// The panel lets the learner move on only when SavedMsg has come back.
func (m *Model) Commit(a progress.Answer) tea.Cmd {
	m.saving, m.committed = true, m.rating
	c := m.c
	if a.AnsweredAt.IsZero() {
		a.AnsweredAt = c.Clock()
	}
	return func() tea.Msg {
		id, err := c.Progress.CommitAnswer(c.Context(), a)
		return SavedMsg{ID: id, Err: err}
	}
}

// Saved takes the answer's SavedMsg: a held feedback shows now (shown);
// a rating changed while the answer was written is written too. When the
// write failed, a held answer is dropped so the learner can answer again.
func (m *Model) Saved(msg SavedMsg) (shown bool, cmd tea.Cmd) {
	m.saving = false
	if msg.Err != nil {
		m.pending = nil
		return false, common.Err(msg.Err)
	}
	m.answer = msg.ID
	if m.pending != nil {
		m.result, m.pending, m.scroll = m.pending, nil, 0
		shown = true
	}
	if m.rating != m.committed && msg.ID > 0 {
		// 1–4 was pressed while the answer was being written.
		cmd = rerate(m.c, msg.ID, int(m.rating))
	}
	m.committed = m.rating
	return shown, cmd
}

// rerate changes the rating of a committed answer (the learner's 1–4): the
// stored answer, and the scheduler's last review of that question, which is
// undone and done again with the new rating.
func rerate(c *common.Common, id int64, rating int) tea.Cmd {
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

// IndexList writes chosen option indexes as the store keeps them: "0,2".
func IndexList(xs []int) string {
	parts := make([]string, len(xs))
	for i, x := range xs {
		parts[i] = strconv.Itoa(x)
	}
	return strings.Join(parts, ",")
}
