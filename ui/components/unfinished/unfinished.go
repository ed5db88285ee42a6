// Package unfinished finds the exam a learner left half done and says how
// far it got, for the home screen and the Exam menu alike.
package unfinished

import (
	"encoding/json"
	"fmt"

	tea "charm.land/bubbletea/v2"

	"github.com/saa-study/saa-study/progress"
	"github.com/saa-study/saa-study/quiz"
	"github.com/saa-study/saa-study/ui/common"
	"github.com/saa-study/saa-study/ui/text"
)

// Msg carries the newest unfinished exam (Rec nil when there is none).
type Msg struct {
	Rec *progress.ExamRecord
	Err error
}

// Load asks progress for an exam to resume.
func Load(c *common.Common) tea.Cmd {
	return func() tea.Msg {
		rec, ok, err := c.Progress.UnfinishedExam(c.Context())
		if err != nil || !ok {
			return Msg{Err: err}
		}
		return Msg{Rec: &rec}
	}
}

// Summary says how far an unfinished exam got: "3 of 20 answered, 34:12
// left"; "" when there is none.
func Summary(c *common.Common, rec *progress.ExamRecord) string {
	var st quiz.ExamState
	if rec == nil || json.Unmarshal(rec.State, &st) != nil {
		return ""
	}
	return fmt.Sprintf(c.T("exam.resumed"), st.Answered(), len(st.Items), text.Clock(st.Remaining()))
}

// HomeLine is the home screen's reminder of an unfinished exam.
func HomeLine(c *common.Common, m Msg) string {
	if m.Rec == nil {
		return ""
	}
	return fmt.Sprintf(c.T("home.resume"), Summary(c, m.Rec))
}
