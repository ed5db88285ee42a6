package store

import (
	"context"
	"errors"
	"path/filepath"
	"strings"
	"testing"
	"time"
)

func examStore(t *testing.T, now func() time.Time) (*Store, string) {
	t.Helper()
	path := filepath.Join(t.TempDir(), "p.db")
	s, err := Open(path, Options{Now: now})
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { s.Close() })
	return s, path
}

// TestExamSurvivesReopenAndFinishes is the crash story: an exam saved after
// each answer is offered again by a new Store on the same file, and once
// submitted it moves to the history and is no longer offered.
func TestExamSurvivesReopenAndFinishes(t *testing.T) {
	ctx := context.Background()
	clock := time.Date(2026, 11, 27, 9, 0, 0, 0, time.UTC)
	s, path := examStore(t, func() time.Time { return clock })
	id, err := s.StartExam(ctx, "en", []byte(`{"answers":0}`))
	if err != nil {
		t.Fatal(err)
	}
	for _, st := range []string{`{"answers":1}`, `{"answers":2}`, `{"answers":3}`} {
		if err := s.SaveExamState(ctx, id, []byte(st)); err != nil {
			t.Fatal(err)
		}
	}
	s.Close()

	s2, err := Open(path, Options{Now: func() time.Time { return clock }})
	if err != nil {
		t.Fatal(err)
	}
	defer s2.Close()
	e, ok, err := s2.UnfinishedExam(ctx)
	if err != nil || !ok || e.ID != id || string(e.State) != `{"answers":3}` {
		t.Fatalf("unfinished = %+v %v %v; want exam %d with the last state", e, ok, err, id)
	}
	score := ExamScore{Total: 10, Correct: 8, Percent: 80, TimeUsed: 90 * time.Second,
		Domains: []ExamDomain{{Domain: "secure", Correct: 3, Total: 3, Percent: 100}}}
	if err := s2.FinishExam(ctx, id, []byte(`{"answers":10}`), score); err != nil {
		t.Fatal(err)
	}
	if _, ok, _ := s2.UnfinishedExam(ctx); ok {
		t.Fatal("a submitted exam is still offered for resuming")
	}
	hist, err := s2.ExamHistory(ctx)
	if err != nil || len(hist) != 1 {
		t.Fatalf("history = %+v, %v", hist, err)
	}
	h := hist[0]
	if h.Total != 10 || h.Correct != 8 || h.Percent != 80 || h.TimeUsedMS != 90000 || len(h.Domains) != 1 || h.Domains[0].Domain != "secure" || !h.SubmittedAt.Equal(clock) {
		t.Fatalf("history row = %+v", h)
	}
}

func TestExamWritesAreRefusedWhenTheyCannotApply(t *testing.T) {
	ctx := context.Background()
	s, _ := examStore(t, nil)
	id, _ := s.StartExam(ctx, "en", []byte(`{}`))
	if err := s.FinishExam(ctx, id, []byte(`{}`), ExamScore{}); err != nil {
		t.Fatal(err)
	}
	tests := map[string]struct {
		err  error
		want error
	}{
		"save after submit":   {s.SaveExamState(ctx, id, []byte(`{}`)), ErrExamSubmitted},
		"finish twice":        {s.FinishExam(ctx, id, []byte(`{}`), ExamScore{}), ErrExamSubmitted},
		"abandon submitted":   {s.AbandonExam(ctx, id), ErrExamSubmitted},
		"save unknown exam":   {s.SaveExamState(ctx, 999, []byte(`{}`)), ErrNoSuchExam},
		"abandon unknown":     {s.AbandonExam(ctx, 999), ErrNoSuchExam},
		"state is not JSON":   {s.SaveExamState(ctx, id, []byte(`{`)), nil},
		"start with bad JSON": {func() error { _, err := s.StartExam(ctx, "en", []byte(`x`)); return err }(), nil},
	}
	for name, tc := range tests {
		if tc.err == nil {
			t.Errorf("%s: no error", name)
			continue
		}
		if tc.want != nil && !errors.Is(tc.err, tc.want) {
			t.Errorf("%s: %v, want %v", name, tc.err, tc.want)
		}
	}
}

// TestAbandonedExamStaysInHistoryWithItsAnswers: an exam set aside for a
// new one is no longer offered for resuming, refuses further writes, and
// is listed in the history as abandoned with the state it had.
func TestAbandonedExamStaysInHistoryWithItsAnswers(t *testing.T) {
	ctx := context.Background()
	s, _ := examStore(t, nil)
	state := []byte(`{"items":[{"question_id":"q1","chosen":[1]}]}`)
	id, _ := s.StartExam(ctx, "en", state)
	if err := s.AbandonExam(ctx, id); err != nil {
		t.Fatal(err)
	}
	if _, ok, err := s.UnfinishedExam(ctx); ok || err != nil {
		t.Fatalf("abandoned exam offered: %v %v", ok, err)
	}
	if err := s.SaveExamState(ctx, id, state); !errors.Is(err, ErrExamAbandoned) {
		t.Fatalf("save after abandoning: %v", err)
	}
	hist, err := s.ExamHistory(ctx)
	if err != nil || len(hist) != 1 {
		t.Fatalf("history = %+v, %v", hist, err)
	}
	if h := hist[0]; h.ID != id || !h.Abandoned || h.Submitted || h.AbandonedAt.IsZero() || string(h.State) != string(state) {
		t.Fatalf("history row = %+v (state %s)", h, h.State)
	}
}

func TestQuestionReports(t *testing.T) {
	ctx := context.Background()
	at := time.Date(2026, 11, 27, 10, 0, 0, 0, time.UTC)
	s, _ := examStore(t, func() time.Time { return at })
	if _, err := s.ReportQuestion(ctx, QuestionReport{QuestionID: "q1", Lang: "en", Note: "  option b is also right  ", ContentVersion: "abc"}); err != nil {
		t.Fatal(err)
	}
	for _, bad := range []QuestionReport{{QuestionID: "q1", Note: "   "}, {Note: "x"}} {
		if _, err := s.ReportQuestion(ctx, bad); err == nil {
			t.Errorf("report %+v accepted", bad)
		}
	}
	rs, err := s.QuestionReports(ctx)
	if err != nil || len(rs) != 1 {
		t.Fatalf("reports = %+v, %v", rs, err)
	}
	if r := rs[0]; r.QuestionID != "q1" || r.Note != "option b is also right" || r.ContentVersion != "abc" || !r.ReportedAt.Equal(at) {
		t.Fatalf("report = %+v", r)
	}
}

// BenchmarkSaveExamState is the durable write after every exam answer,
// with a 65-item state (about 6 KB of JSON).
func BenchmarkSaveExamState(b *testing.B) {
	ctx := context.Background()
	s, err := Open(filepath.Join(b.TempDir(), "p.db"), Options{})
	if err != nil {
		b.Fatal(err)
	}
	defer s.Close()
	state := []byte(`{"items":[` + strings.Repeat(`{"question_id":"lambda-timeout-max","order":[2,0,3,1],"chosen":[1]},`, 64) + `{}]}`)
	id, err := s.StartExam(ctx, "en", state)
	if err != nil {
		b.Fatal(err)
	}
	b.ReportAllocs()
	for b.Loop() {
		if err := s.SaveExamState(ctx, id, state); err != nil {
			b.Fatal(err)
		}
	}
}
