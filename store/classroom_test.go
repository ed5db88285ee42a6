package store

import (
	"context"
	"errors"
	"path/filepath"
	"testing"
	"time"
)

func TestClassroomRows(t *testing.T) {
	st, err := Open(filepath.Join(t.TempDir(), "p.db"), Options{})
	if err != nil {
		t.Fatal(err)
	}
	defer st.Close()
	ctx := context.Background()
	at := time.Date(2026, 3, 2, 9, 0, 0, 0, time.UTC)
	for i, id := range []string{"old", "new"} {
		if err := st.CreateClassSession(ctx, ClassSession{ID: id, QuizID: "q", QuizTitle: "Q", Source: "lambda", Paced: "self",
			JoinCode: "ABCDEF", Lang: "en", QuestionIDs: []string{"a", "b"}, State: "lobby", Current: -1,
			CreatedAt: at.Add(time.Duration(i) * time.Hour)}); err != nil {
			t.Fatal(err)
		}
	}
	latest, err := st.ClassSession(ctx, "latest")
	if err != nil || latest.ID != "new" || len(latest.QuestionIDs) != 2 {
		t.Fatalf("latest = %+v, %v", latest, err)
	}
	latest.State, latest.Current, latest.Paused, latest.PausedAt = "open", 1, true, at
	if err := st.SaveClassState(ctx, latest); err != nil {
		t.Fatal(err)
	}
	if got, _ := st.ClassSession(ctx, "new"); got.State != "open" || got.Current != 1 || !got.Paused || !got.PausedAt.Equal(at) {
		t.Fatalf("saved state = %+v", got)
	}
	if err := st.SaveClassState(ctx, ClassSession{ID: "none"}); !errors.Is(err, ErrNoClassSession) {
		t.Fatalf("saving an unknown session: %v", err)
	}
	for _, fp := range []string{"k1", "k2"} {
		if err := st.AddClassParticipant(ctx, ClassParticipant{SessionID: "new", Name: "ana", KeyFP: fp}); err != nil {
			t.Fatal(err)
		}
	}
	if ps, _ := st.ClassParticipants(ctx, "new"); len(ps) != 1 || ps[0].KeyFP != "k1" {
		t.Fatalf("participants = %+v; joining again must keep the first row", ps)
	}
	a := ClassAnswer{SessionID: "new", Name: "ana", QuestionID: "a", Chosen: "b", Shown: "c", Correct: true, Points: 120, DurationMS: 900}
	if _, err := st.RecordClassAnswer(ctx, a); err != nil {
		t.Fatal(err)
	}
	if _, err := st.RecordClassAnswer(ctx, a); !errors.Is(err, ErrAlreadyAnswered) {
		t.Fatalf("second answer: %v, want ErrAlreadyAnswered", err)
	}
	if as, _ := st.ClassAnswers(ctx, "new"); len(as) != 1 || as[0].Points != 120 || as[0].Shown != "c" {
		t.Fatalf("answers = %+v", as)
	}
	if _, err := st.ClassSession(ctx, "nope"); !errors.Is(err, ErrNoClassSession) {
		t.Fatalf("unknown session: %v", err)
	}
}

func TestRecordClassAnswersInOneCommit(t *testing.T) {
	st, _ := openTemp(t)
	ctx := context.Background()
	if err := st.CreateClassSession(ctx, ClassSession{ID: "b", QuizID: "q", Paced: "self", JoinCode: "X", State: "open"}); err != nil {
		t.Fatal(err)
	}
	for _, n := range []string{"ana", "bob"} {
		if err := st.AddClassParticipant(ctx, ClassParticipant{SessionID: "b", Name: n}); err != nil {
			t.Fatal(err)
		}
	}
	batch := []ClassAnswer{
		{SessionID: "b", Name: "ana", QuestionID: "q1", Chosen: "a"},
		{SessionID: "b", Name: "bob", QuestionID: "q1", Chosen: "b"},
		{SessionID: "b", Name: "ana", QuestionID: "q1", Chosen: "c"}, // twice
	}
	ids, errs, err := st.RecordClassAnswers(ctx, batch)
	if err != nil {
		t.Fatal(err)
	}
	if ids[0] == 0 || ids[1] == 0 || errs[0] != nil || errs[1] != nil || !errors.Is(errs[2], ErrAlreadyAnswered) {
		t.Fatalf("ids %v errs %v; want two stored and the repeat refused", ids, errs)
	}
	if as, _ := st.ClassAnswers(ctx, "b"); len(as) != 2 || as[0].Chosen != "a" {
		t.Fatalf("answers = %+v", as)
	}
}
