package ui

import (
	"github.com/saa-study/saa-study/content"
	"github.com/saa-study/saa-study/quiz"
	"github.com/saa-study/saa-study/ui/pages/exam"
)

// StartExam opens a new mock exam with cfg on top of the Exam menu,
// before the program runs (saa-study exam --questions N --minutes M).
// While another exam is unfinished it asks "Resume or start new?" first,
// unless abandon sets the unfinished one aside (kept in the history).
func (a *App) StartExam(cfg quiz.ExamConfig, abandon bool) error {
	s, err := exam.NewExam(a.c, cfg, abandon)
	if err != nil {
		return err
	}
	a.stack = append(a.stack, exam.NewMenu(a.c), s)
	return nil
}

// StartQuiz opens a teacher's quiz on top of the current screen before the
// program runs. who names the learner in the results written to export
// (CSV, or JSON for a .json name; empty writes nothing).
func (a *App) StartQuiz(q *content.Quiz, who, export string) error {
	s, err := exam.NewQuiz(a.c, q, who, export)
	if err != nil {
		return err
	}
	a.stack = append(a.stack, s)
	return nil
}
