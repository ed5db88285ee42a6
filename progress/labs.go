package progress

import (
	"context"
	"fmt"

	"github.com/saa-study/saa-study/srs"
)

// LabAttempt is how a learner left a lab: passed after some runs, or gave
// up.
type LabAttempt struct {
	ID   string
	Lang string
	// Runs counts the runs, the passing one included.
	Runs   int
	Passed bool
	// Settings are the settings of the last run, "name=value …".
	Settings   string
	DurationMS int64
}

// LabRating is the scheduler's rating of an attempt: Easy when the first run
// passes, Hard after three runs or more, Good in between, Again for a
// lab given up.
func LabRating(a LabAttempt) srs.Rating {
	switch {
	case !a.Passed:
		return srs.Again
	case a.Runs <= 1:
		return srs.Easy
	case a.Runs >= 3:
		return srs.Hard
	}
	return srs.Good
}

// CommitLab records a lab attempt and rates the lab in the schedule in one
// transaction (registering it there the first time), so that labs come
// back in Review like cards. Without a store it writes nothing.
func (p *Progress) CommitLab(ctx context.Context, a LabAttempt) error {
	if !p.HasStore() {
		return nil
	}
	if a.ID == "" {
		return fmt.Errorf("ValidationException: a lab attempt needs the lab's id")
	}
	ctx = orBackground(ctx)
	sc, err := p.Scheduling(ctx)
	if err != nil {
		return err
	}
	ans := Answer{Kind: KindLab, ItemID: a.ID, Lang: a.Lang, Correct: a.Passed, Rating: int(LabRating(a)),
		Chosen: a.Settings, DurationMS: a.DurationMS, Source: "lab", AnsweredAt: p.now()}
	_, _, err = p.st.CommitAnswer(ctx, ans, sc.answerSchedule(ans))
	return err
}
