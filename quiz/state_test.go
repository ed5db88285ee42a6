package quiz

import (
	"encoding/json"
	"errors"
	"reflect"
	"slices"
	"strings"
	"testing"
	"time"

	"github.com/saa-study/saa-study/content"
)

func TestResumeRoundTripThroughJSON(t *testing.T) {
	pool := append(evenPool(10), mkQ("multi", "cost", 5, 0, 4))
	e, _ := NewExam(pool, ExamConfig{Questions: 20, Duration: 40 * time.Minute, Seed: 77, IDs: nil}, t0)
	saved := t0.Add(10 * time.Minute)
	for i := 0; i < 12; i++ {
		ans := correctAnswer(e, i)
		if i%3 == 0 {
			ans = wrongAnswer(e, i)
		}
		if err := e.Answer(i, ans, saved); err != nil {
			t.Fatal(err)
		}
	}
	_ = e.SetFlag(3, true)
	_ = e.SetFlag(15, true)
	_ = e.Jump(12)
	raw, err := json.Marshal(e.State(saved))
	if err != nil {
		t.Fatal(err)
	}
	for _, key := range []string{`"version":1`, `"duration_ms":2400000`, `"seed":"77"`, `"used_ms":600000`, `"question_id"`, `"order"`} {
		if !strings.Contains(string(raw), key) {
			t.Errorf("state JSON lacks %s: %s", key, raw)
		}
	}
	var s ExamState
	if err := json.Unmarshal(raw, &s); err != nil {
		t.Fatal(err)
	}
	// The app comes back five hours after the crash: the time left is
	// what it was at the save.
	back := t0.Add(5 * time.Hour)
	r, err := Resume(pool, s, back)
	if err != nil {
		t.Fatal(err)
	}
	if got := r.Remaining(back); got != 30*time.Minute {
		t.Errorf("remaining after resume %v, want 30m", got)
	}
	if r.Current() != 12 || !slices.Equal(r.Flagged(), e.Flagged()) || !slices.Equal(r.Unanswered(), e.Unanswered()) {
		t.Errorf("resumed current %d flagged %v unanswered %v", r.Current(), r.Flagged(), r.Unanswered())
	}
	for i := 0; i < e.Len(); i++ {
		a, _ := e.Item(i)
		b, _ := r.Item(i)
		if !reflect.DeepEqual(a, b) {
			t.Errorf("item %d differs after resume:\n%+v\n%+v", i, a, b)
		}
	}
	want := e.Submit(saved.Add(5 * time.Minute))
	got := r.Submit(back.Add(5 * time.Minute))
	if got.Correct != want.Correct || got.TimeUsed != 15*time.Minute || !reflect.DeepEqual(got.Domains, want.Domains) {
		t.Errorf("resumed results %d used %v; original %d used %v", got.Correct, got.TimeUsed, want.Correct, want.TimeUsed)
	}
	// A submitted exam resumes to its results.
	raw, _ = json.Marshal(r.State(back.Add(time.Hour)))
	var done ExamState
	_ = json.Unmarshal(raw, &done)
	rr, err := Resume(pool, done, back.Add(2*time.Hour))
	if err != nil {
		t.Fatal(err)
	}
	if res, ok := rr.Results(); !ok || res.Correct != want.Correct || res.TimeUsed != 15*time.Minute {
		t.Errorf("resumed submitted exam: %v %+v", ok, res)
	}
}

func TestResumeAfterTheTimeRanOutSubmitsOnTick(t *testing.T) {
	e, _ := NewExam(evenPool(5), ExamConfig{Questions: 4, Duration: 8 * time.Minute}, t0)
	s := e.State(t0.Add(8 * time.Minute))
	r, err := Resume(evenPool(5), s, t0.Add(time.Hour))
	if err != nil || !r.Tick(t0.Add(time.Hour)) {
		t.Fatalf("resume of an expired exam: %v", err)
	}
}

func TestResumeWithChangedContent(t *testing.T) {
	pool := evenPool(3)
	e, _ := NewExam(pool, ExamConfig{Questions: 4, Seed: 1}, t0)
	for i := 0; i < 4; i++ {
		_ = e.Answer(i, []int{3}, t0)
	}
	s := e.State(t0)
	edited := slices.Clone(pool)
	victim := s.Items[0].QuestionID
	for i, q := range edited {
		if q.ID == victim { // the author cut an option
			c := *q
			c.Options = c.Options[:3]
			edited[i] = &c
		}
	}
	r, err := Resume(edited, s, t0)
	if err != nil {
		t.Fatal(err)
	}
	it, _ := r.Item(0)
	if len(it.Chosen) != 0 || len(it.Presented.Order) != 3 {
		t.Errorf("an answer to a removed option survived: %+v", it)
	}
	if it1, _ := r.Item(1); !slices.Equal(it1.Chosen, []int{3}) {
		t.Errorf("an untouched answer was lost: %v", it1.Chosen)
	}
	tests := []struct {
		name   string
		pool   []*content.Question
		mutate func(*ExamState)
		kind   error
	}{
		{"question gone", pool[:0], func(*ExamState) {}, ErrNotFound},
		{"future version", pool, func(s *ExamState) { s.Version = 2 }, ErrInvalid},
		{"no items", pool, func(s *ExamState) { s.Items = nil }, ErrInvalid},
		{"no time budget", pool, func(s *ExamState) { s.Config.Duration = 0 }, ErrInvalid},
	}
	for _, tt := range tests {
		c := e.State(t0)
		tt.mutate(&c)
		if _, err := Resume(tt.pool, c, t0); !errors.Is(err, tt.kind) {
			t.Errorf("%s: %v, want %v", tt.name, err, tt.kind)
		}
	}
}

// FuzzResume feeds arbitrary saved states to Resume and drives the exam:
// a corrupt save must give an error, never a panic.
func FuzzResume(f *testing.F) {
	pool := evenPool(6)
	e, _ := NewExam(pool, ExamConfig{Questions: 6, Seed: 4}, t0)
	_ = e.Answer(0, correctAnswer(e, 0), t0)
	good, _ := json.Marshal(e.State(t0.Add(time.Minute)))
	f.Add(good)
	f.Add([]byte(`{"version":1,"config":{"duration_ms":1},"items":[{"question_id":"secure-000","order":[9,9],"chosen":[-4]}],"current":99}`))
	f.Fuzz(func(t *testing.T, b []byte) {
		var s ExamState
		if json.Unmarshal(b, &s) != nil {
			return
		}
		r, err := Resume(pool, s, t0)
		if err != nil {
			return
		}
		for i := -1; i <= r.Len(); i++ {
			if it, err := r.Item(i); err == nil {
				_ = r.Answer(i, it.Presented.Question.Correct(), t0)
				_ = r.SetFlag(i, true)
			}
		}
		r.Tick(t0.Add(time.Hour))
		res := r.Submit(t0.Add(2 * time.Hour))
		if res.Total != r.Len() || res.Correct > res.Total {
			t.Fatalf("results %d/%d for %d items", res.Correct, res.Total, r.Len())
		}
		_, _ = json.Marshal(res)
	})
}
