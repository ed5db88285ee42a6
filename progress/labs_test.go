package progress

import (
	"context"
	"testing"

	"github.com/saa-study/saa-study/content"
	"github.com/saa-study/saa-study/srs"
)

func TestLabRatingFollowsTheRuns(t *testing.T) {
	for _, c := range []struct {
		a    LabAttempt
		want srs.Rating
	}{
		{LabAttempt{Runs: 1, Passed: true}, srs.Easy},
		{LabAttempt{Runs: 2, Passed: true}, srs.Good},
		{LabAttempt{Runs: 3, Passed: true}, srs.Hard},
		{LabAttempt{Runs: 7, Passed: true}, srs.Hard},
		{LabAttempt{Runs: 4, Passed: false}, srs.Again},
		{LabAttempt{Runs: 0, Passed: false}, srs.Again},
	} {
		if got := LabRating(c.a); got != c.want {
			t.Errorf("%+v: %v, want %v", c.a, got, c.want)
		}
	}
}

// TestCommitLabSchedulesTheLab: a lab enters the schedule when attempted,
// its attempt and review in one commit; a lab given up is due again soon,
// a passed one later; and a session's set knows the lab.
func TestCommitLabSchedulesTheLab(t *testing.T) {
	lib, err := content.Embedded()
	if err != nil {
		t.Fatal(err)
	}
	p := testProgress(t, lib)
	ctx := context.Background()
	set, err := p.LoadSet(ctx, content.EN)
	if err != nil {
		t.Fatal(err)
	}
	if e := set.Get(KindLab, "dynamodb-hot-key"); e == nil || e.Lab == nil || e.Topic != "dynamodb" {
		t.Fatalf("the set has no lab entry: %+v", e)
	}
	if _, err := p.Item(ctx, KindLab, "dynamodb-hot-key"); err == nil {
		t.Fatal("a lab never attempted is in the schedule")
	}
	if err := p.CommitLab(ctx, LabAttempt{ID: "dynamodb-hot-key", Lang: "en", Runs: 4}); err != nil {
		t.Fatal(err)
	}
	gaveUp, err := p.Item(ctx, KindLab, "dynamodb-hot-key")
	if err != nil {
		t.Fatal(err)
	}
	if err := p.CommitLab(ctx, LabAttempt{ID: "sfn-retry-attempts", Lang: "en", Runs: 1, Passed: true}); err != nil {
		t.Fatal(err)
	}
	passed, err := p.Item(ctx, KindLab, "sfn-retry-attempts")
	if err != nil {
		t.Fatal(err)
	}
	if !passed.Card.Due.After(gaveUp.Card.Due) {
		t.Errorf("a passed lab is due %v, one given up %v: the passed one should come back later", passed.Card.Due, gaveUp.Card.Due)
	}
	ans, err := p.Answers(ctx, KindLab, "sfn-retry-attempts")
	if err != nil || len(ans) != 1 || ans[0].Rating != int(srs.Easy) || !ans[0].Correct {
		t.Errorf("answers = %+v, %v", ans, err)
	}
}
