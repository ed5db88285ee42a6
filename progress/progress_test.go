package progress

import (
	"context"
	"errors"
	"testing"
	"time"

	"github.com/saa-study/saa-study/content"
	"github.com/saa-study/saa-study/srs"
	"github.com/saa-study/saa-study/store"
)

var ctx = context.Background()

func TestCommitAnswerWritesAnswerReviewAndStateInOneCall(t *testing.T) {
	p := testProgress(t, srsLibrary(t))
	at := fixedClock()
	id, err := p.CommitAnswer(ctx, Answer{Kind: KindQuestion, ItemID: "q-one", Lang: "en", Correct: false,
		Rating: int(srs.Again), Chosen: "1", DurationMS: 4000, Source: "study", AnsweredAt: at})
	if err != nil || id == 0 {
		t.Fatalf("CommitAnswer = %d, %v", id, err)
	}
	got, err := p.Answers(ctx, KindQuestion, "q-one")
	if err != nil || len(got) != 1 || got[0].ID != id || got[0].Rating != 1 || got[0].Source != "study" {
		t.Fatalf("answers %+v, %v", got, err)
	}
	logs, _ := p.ReviewsSince(ctx, time.Time{})
	if len(logs) != 1 || logs[0].ItemID != "q-one" || logs[0].Rating != srs.Again || !logs[0].ReviewedAt.Equal(at) || logs[0].DurationMS != 4000 {
		t.Fatalf("review log %+v", logs)
	}
	it, err := p.Item(ctx, KindQuestion, "q-one")
	if err != nil || it.Card.Reps != 1 || it.Card.State != srs.Learning || !it.Card.Due.After(at) {
		t.Fatalf("item %+v, %v", it, err)
	}
	// A card answer is stored without touching the schedule.
	if _, err := p.CommitAnswer(ctx, Answer{Kind: KindCard, ItemID: "card-qa", Rating: 3, AnsweredAt: at}); err != nil {
		t.Fatal(err)
	}
	if n, _ := p.ReviewCount(ctx); n != 1 {
		t.Fatalf("%d reviews after a card answer, want 1", n)
	}
	// Without a store nothing is written and nothing fails.
	var none *Progress
	if id, err := none.CommitAnswer(ctx, Answer{Kind: KindQuestion, ItemID: "q-one", Rating: 3}); id != 0 || err != nil {
		t.Fatalf("no store: %d, %v", id, err)
	}
}

func TestRerateRedoesTheReviewOrKeepsTheRatingOnly(t *testing.T) {
	p := testProgress(t, srsLibrary(t))
	at := fixedClock()
	id, err := p.CommitAnswer(ctx, Answer{Kind: KindQuestion, ItemID: "q-one", Rating: int(srs.Again), AnsweredAt: at})
	if err != nil {
		t.Fatal(err)
	}
	if err := p.Rerate(ctx, id, int(srs.Easy)); err != nil {
		t.Fatal(err)
	}
	logs, _ := p.ReviewsSince(ctx, time.Time{})
	it, _ := p.Item(ctx, KindQuestion, "q-one")
	if len(logs) != 1 || logs[0].Rating != srs.Easy || it.Card.State != srs.Review || it.Card.Reps != 1 {
		t.Fatalf("after rerate to Easy: logs %+v, item %+v", logs, it.Card)
	}
	// The schedule moves on (another question answered): only the answer changes.
	if _, err := p.CommitAnswer(ctx, Answer{Kind: KindQuestion, ItemID: "other", Rating: 3, AnsweredAt: at.Add(time.Minute)}); err != nil {
		t.Fatal(err)
	}
	if err := p.Rerate(ctx, id, int(srs.Hard)); !errors.Is(err, ErrScheduleMovedOn) {
		t.Fatalf("err = %v, want ErrScheduleMovedOn", err)
	}
	a, _ := p.Answers(ctx, KindQuestion, "q-one")
	logs, _ = p.ReviewsSince(ctx, time.Time{})
	if a[0].Rating != int(srs.Hard) || len(logs) != 2 || logs[0].Rating != srs.Easy {
		t.Fatalf("moved on: answer %+v, logs %+v", a[0], logs)
	}
}

func TestFailedScheduleRollsBackTheAnswer(t *testing.T) {
	p := testProgress(t, srsLibrary(t))
	sc, err := p.Scheduling(ctx)
	if err != nil {
		t.Fatal(err)
	}
	a := Answer{Kind: KindQuestion, ItemID: "q-one", Rating: 3, AnsweredAt: fixedClock()}
	boom := errors.New("disk on fire")
	ok := sc.answerSchedule(a)
	_, _, err = p.st.CommitAnswer(ctx, a, func(prev SRSItem, isNew bool) (SRSItem, error) {
		if _, err := ok(prev, isNew); err != nil {
			t.Fatal(err)
		}
		return SRSItem{}, boom
	})
	if !errors.Is(err, boom) {
		t.Fatalf("err = %v", err)
	}
	n, _ := p.AnswerCount(ctx)
	r, _ := p.ReviewCount(ctx)
	if _, ierr := p.Item(ctx, KindQuestion, "q-one"); n != 0 || r != 0 || !errors.Is(ierr, store.ErrNoSuchItem) {
		t.Fatalf("a failed commit left %d answers, %d reviews, item err %v", n, r, ierr)
	}
	// A rating the scheduler refuses writes nothing either.
	if _, err := p.CommitAnswer(ctx, Answer{Kind: KindQuestion, ItemID: "q-one", Rating: 0}); err == nil {
		t.Fatal("rating 0 was accepted")
	}
	if n, _ := p.AnswerCount(ctx); n != 0 {
		t.Fatalf("%d answers after a refused one", n)
	}
}

func TestStudyDayFollowsTheGivenTimeZone(t *testing.T) {
	seoul := time.FixedZone("KST", 9*3600)
	p := New(nil, nil, Options{Loc: seoul})
	sc, err := p.Scheduling(ctx)
	if err != nil {
		t.Fatal(err)
	}
	// 2026-11-27 03:00 in Seoul is before the 04:00 day start: the day
	// began on the 26th at 04:00 Seoul time.
	now := time.Date(2026, 11, 27, 3, 0, 0, 0, seoul)
	if got, want := sc.Day.DayStart(now), time.Date(2026, 11, 26, 4, 0, 0, 0, seoul); !got.Equal(want) {
		t.Fatalf("day start %v, want %v", got, want)
	}
}

func TestStatsAndGlanceCountTheSameItems(t *testing.T) {
	p := testProgress(t, srsLibrary(t))
	now := fixedClock()
	g, err := p.Glance(ctx, content.EN, now)
	if err != nil || g.Studied || g.DueToday != 4 {
		t.Fatalf("fresh glance %+v, %v; want 4 new due and not studied", g, err)
	}
	if _, err := p.CommitAnswer(ctx, Answer{Kind: KindQuestion, ItemID: "q-one", Rating: 3, AnsweredAt: now}); err != nil {
		t.Fatal(err)
	}
	r, err := p.Stats(ctx, content.EN, now)
	if err != nil {
		t.Fatal(err)
	}
	if r.Items != 4 || r.Caveat != ReadinessCaveat(content.EN) || len(r.Domains) != 1 || r.Today.Done != 1 {
		t.Fatalf("stats %+v", r)
	}
	g, _ = p.Glance(ctx, content.EN, now)
	if !g.Studied || g.Readiness != r.Readiness || g.Streak != r.Streak {
		t.Fatalf("glance %+v disagrees with stats (readiness %v, streak %d)", g, r.Readiness, r.Streak)
	}
}

// TestStartExamNeverDeletesAnUnfinishedExam: a second StartExam is refused
// while one is unfinished; ReplaceExam keeps the old one, with its answers,
// in the history as abandoned.
func TestStartExamNeverDeletesAnUnfinishedExam(t *testing.T) {
	p := testProgress(t, srsLibrary(t))
	first := []byte(`{"items":[{"question_id":"q-one","chosen":[1]}]}`)
	old, err := p.StartExam(ctx, "en", first)
	if err != nil {
		t.Fatal(err)
	}
	if _, err := p.StartExam(ctx, "en", []byte(`{}`)); !errors.Is(err, ErrUnfinishedExam) {
		t.Fatalf("a second exam started over an unfinished one: %v", err)
	}
	id, err := p.ReplaceExam(ctx, old, "en", []byte(`{}`))
	if err != nil || id == old {
		t.Fatalf("ReplaceExam = %d, %v", id, err)
	}
	if open, ok, _ := p.UnfinishedExam(ctx); !ok || open.ID != id {
		t.Fatalf("the new exam is not the one to resume: %+v %v", open, ok)
	}
	hist, err := p.ExamHistory(ctx)
	if err != nil || len(hist) != 1 || hist[0].ID != old || !hist[0].Abandoned || string(hist[0].State) != string(first) {
		t.Fatalf("history = %+v, %v", hist, err)
	}
}
