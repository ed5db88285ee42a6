package store

import (
	"errors"
	"testing"
	"time"

	"github.com/saa-study/saa-study/srs"
)

// goodSchedule reviews with the default scheduler at the answer's rating.
func goodSchedule(at time.Time, r srs.Rating) Schedule {
	return func(prev SRSItem, _ bool) (SRSItem, error) {
		next := prev
		var err error
		next.Card, _, err = srs.Default().Review(prev.Card, at, r)
		return next, err
	}
}

func TestCommitAnswerWritesAnswerReviewAndState(t *testing.T) {
	s, _ := openTemp(t)
	at := fixedNow()
	var sawNew bool
	sched := func(prev SRSItem, isNew bool) (SRSItem, error) {
		sawNew = isNew
		return goodSchedule(at, srs.Good)(prev, isNew)
	}
	id, next, err := s.CommitAnswer(ctx, Answer{Kind: KindQuestion, ItemID: "q1", Lang: "en", Correct: true, Rating: 3,
		DurationMS: 1200, Source: "study", AnsweredAt: at}, sched)
	if err != nil || id == 0 {
		t.Fatalf("CommitAnswer = %d, %v", id, err)
	}
	if !sawNew || next.Card.State != srs.Learning || next.Kind != KindQuestion || next.ItemID != "q1" {
		t.Fatalf("new %v, next %+v", sawNew, next)
	}
	a, err := s.Answer(ctx, id)
	if err != nil || a.Rating != 3 || !a.Correct || a.Source != "study" {
		t.Fatalf("answer %+v, %v", a, err)
	}
	logs, _ := s.ReviewsSince(ctx, time.Time{})
	if len(logs) != 1 || logs[0].ItemID != "q1" || logs[0].Rating != srs.Good || logs[0].DurationMS != 1200 ||
		!logs[0].ReviewedAt.Equal(at) || logs[0].StateBefore != srs.New {
		t.Fatalf("review log %+v", logs)
	}
	it, err := s.SRSItem(ctx, KindQuestion, "q1")
	if err != nil || it.Card.Reps != 1 || !it.Card.Due.Equal(next.Card.Due) {
		t.Fatalf("stored item %+v, %v", it, err)
	}
	// A second answer finds the item known.
	if _, _, err := s.CommitAnswer(ctx, Answer{Kind: KindQuestion, ItemID: "q1", Rating: 1, AnsweredAt: at.Add(time.Hour)},
		func(prev SRSItem, isNew bool) (SRSItem, error) {
			if isNew || prev.Card.Reps != 1 {
				t.Errorf("second answer saw new=%v reps=%d", isNew, prev.Card.Reps)
			}
			return goodSchedule(at.Add(time.Hour), srs.Again)(prev, isNew)
		}); err != nil {
		t.Fatal(err)
	}
	if n, _ := s.ReviewCount(ctx); n != 2 {
		t.Fatalf("%d reviews, want 2", n)
	}
}

func TestCommitAnswerFailedScheduleWritesNothing(t *testing.T) {
	s, _ := openTemp(t)
	boom := errors.New("boom")
	_, _, err := s.CommitAnswer(ctx, Answer{Kind: KindQuestion, ItemID: "q1", Rating: 3},
		func(SRSItem, bool) (SRSItem, error) { return SRSItem{}, boom })
	if !errors.Is(err, boom) {
		t.Fatalf("err = %v, want boom", err)
	}
	n, _ := s.AnswerCount(ctx)
	r, _ := s.ReviewCount(ctx)
	items, _ := s.SRSItems(ctx)
	if n != 0 || r != 0 || len(items) != 0 {
		t.Fatalf("a failed commit left %d answers, %d reviews, %d items", n, r, len(items))
	}
	if _, _, err := s.CommitAnswer(ctx, Answer{Kind: KindQuestion, ItemID: "q1", Rating: 7}, goodSchedule(fixedNow(), srs.Good)); err == nil {
		t.Fatal("rating 7 was accepted")
	}
}

func TestRerateAnswerRedoesTheLastReview(t *testing.T) {
	s, _ := openTemp(t)
	at := fixedNow()
	id, _, err := s.CommitAnswer(ctx, Answer{Kind: KindQuestion, ItemID: "q1", Rating: 1, AnsweredAt: at}, goodSchedule(at, srs.Again))
	if err != nil {
		t.Fatal(err)
	}
	of := func(a Answer) Schedule { return goodSchedule(a.AnsweredAt, srs.Rating(a.Rating)) }
	next, err := s.RerateAnswer(ctx, id, 4, of)
	if err != nil {
		t.Fatal(err)
	}
	a, _ := s.Answer(ctx, id)
	logs, _ := s.ReviewsSince(ctx, time.Time{})
	it, _ := s.SRSItem(ctx, KindQuestion, "q1")
	if a.Rating != 4 || len(logs) != 1 || logs[0].Rating != srs.Easy || it.Card.Reps != 1 || !it.Card.Due.Equal(next.Card.Due) {
		t.Fatalf("after rerate: answer %d, logs %+v, item %+v", a.Rating, logs, it)
	}
	// Another item reviewed since: only the answer changes.
	if _, _, err := s.CommitAnswer(ctx, Answer{Kind: KindQuestion, ItemID: "q2", Rating: 3, AnsweredAt: at}, goodSchedule(at, srs.Good)); err != nil {
		t.Fatal(err)
	}
	if _, err := s.RerateAnswer(ctx, id, 2, of); !errors.Is(err, ErrScheduleMovedOn) {
		t.Fatalf("err = %v, want ErrScheduleMovedOn", err)
	}
	a, _ = s.Answer(ctx, id)
	logs, _ = s.ReviewsSince(ctx, time.Time{})
	if a.Rating != 2 || len(logs) != 2 || logs[0].Rating != srs.Easy {
		t.Fatalf("moved on: answer %d, logs %+v", a.Rating, logs)
	}
	if _, err := s.RerateAnswer(ctx, id, 5, of); err == nil {
		t.Fatal("rating 5 was accepted")
	}
	if _, err := s.RerateAnswer(ctx, 999, 3, of); err == nil {
		t.Fatal("a missing answer was rerated")
	}
}
