package quiz

import (
	"errors"
	"slices"
	"testing"
	"time"
)

func TestExamAutoSubmitsWhenTimeRunsOut(t *testing.T) {
	e, err := NewExam(evenPool(10), ExamConfig{Questions: 20, Duration: 40 * time.Minute, Seed: 1}, t0)
	if err != nil {
		t.Fatal(err)
	}
	if err := e.Answer(0, correctAnswer(e, 0), t0.Add(time.Minute)); err != nil {
		t.Fatal(err)
	}
	steps := []struct {
		at        time.Duration
		remaining time.Duration
		tick      bool
	}{
		{0, 40 * time.Minute, false},
		{10 * time.Minute, 30 * time.Minute, false},
		{39*time.Minute + 59*time.Second, time.Second, false},
		{40 * time.Minute, 0, true},
		{50 * time.Minute, 0, true}, // stays expired
	}
	for _, s := range steps {
		now := t0.Add(s.at)
		if got := e.Remaining(now); got != s.remaining {
			t.Errorf("at +%v: remaining %v, want %v", s.at, got, s.remaining)
		}
		if got := e.Tick(now); got != s.tick {
			t.Errorf("at +%v: Tick = %v, want %v", s.at, got, s.tick)
		}
	}
	r, ok := e.Results()
	if !ok || !e.Submitted() || !r.TimedOut || r.TimeUsed != 40*time.Minute {
		t.Fatalf("after timeout: submitted %v, timed out %v, used %v", ok, r.TimedOut, r.TimeUsed)
	}
	if r.Correct != 1 || r.Answered != 1 || r.Total != 20 || r.Percent != 5 {
		t.Errorf("results %d/%d answered %d percent %v", r.Correct, r.Total, r.Answered, r.Percent)
	}
	if err := e.Answer(1, correctAnswer(e, 1), t0.Add(41*time.Minute)); !errors.Is(err, ErrClosed) {
		t.Errorf("answer after timeout: %v", err)
	}
	if err := e.SetFlag(1, true); !errors.Is(err, ErrClosed) {
		t.Errorf("flag after timeout: %v", err)
	}
}

func TestExamAnswerPastTheDeadlineSubmits(t *testing.T) {
	e, _ := NewExam(evenPool(5), ExamConfig{Questions: 4, Duration: 8 * time.Minute, Seed: 2}, t0)
	err := e.Answer(0, correctAnswer(e, 0), t0.Add(9*time.Minute))
	if !errors.Is(err, ErrClosed) || !e.Submitted() {
		t.Fatalf("late answer: %v, submitted %v", err, e.Submitted())
	}
	if r, _ := e.Results(); r.Answered != 0 || !r.TimedOut {
		t.Errorf("late answer was counted: %+v", r)
	}
}

func TestExamClockSteppingBackChargesNothing(t *testing.T) {
	e, _ := NewExam(evenPool(5), ExamConfig{Questions: 4, Duration: 8 * time.Minute}, t0)
	if got := e.Remaining(t0.Add(-time.Hour)); got != 8*time.Minute {
		t.Errorf("remaining before start %v", got)
	}
}

func TestExamNavigationFlagsAndManualSubmit(t *testing.T) {
	e, _ := NewExam(evenPool(10), ExamConfig{Questions: 10, Duration: 20 * time.Minute, Seed: 5}, t0)
	at := t0.Add(5 * time.Minute)
	for i := 0; i < 8; i++ { // 8 right, 2 blank
		if err := e.Answer(i, correctAnswer(e, i), at); err != nil {
			t.Fatal(err)
		}
	}
	// Change answer 7 to a wrong one, then clear answer 6.
	_ = e.Answer(7, wrongAnswer(e, 7), at)
	_ = e.Clear(6, at)
	_ = e.SetFlag(2, true)
	_ = e.SetFlag(7, true)
	_ = e.SetFlag(2, false)
	_ = e.SetFlag(9, true)
	if err := e.Jump(4); err != nil || e.Current() != 4 {
		t.Errorf("jump: %v current %d", err, e.Current())
	}
	for _, bad := range []int{-1, 10} {
		if err := e.Jump(bad); !errors.Is(err, ErrNotFound) || e.Current() != 4 {
			t.Errorf("jump %d: %v", bad, err)
		}
	}
	if err := e.Answer(0, []int{0, 1}, at); !errors.Is(err, ErrInvalid) {
		t.Errorf("two options on a single-answer item: %v", err)
	}
	if got := e.Unanswered(); !slices.Equal(got, []int{6, 8, 9}) {
		t.Errorf("unanswered %v", got)
	}
	if got := e.Flagged(); !slices.Equal(got, []int{7, 9}) {
		t.Errorf("flagged %v", got)
	}
	r := e.Submit(t0.Add(12 * time.Minute))
	if r.TimedOut || r.TimeUsed != 12*time.Minute || r.Correct != 6 || r.Answered != 7 || r.Percent != 60 {
		t.Errorf("results: %+v", r)
	}
	if e.Tick(t0.Add(time.Hour)) {
		t.Error("Tick after a manual submit reported a timeout")
	}
	if again := e.Submit(t0.Add(15 * time.Minute)); again.TimeUsed != 12*time.Minute {
		t.Error("a second submit changed the results")
	}
	reviews := []struct {
		f    ReviewFilter
		want []int
	}{
		{ReviewAll, []int{0, 1, 2, 3, 4, 5, 6, 7, 8, 9}},
		{ReviewWrong, []int{6, 7, 8, 9}},
		{ReviewFlagged, []int{7, 9}},
	}
	for _, rv := range reviews {
		var got []int
		for _, it := range r.Review(rv.f) {
			got = append(got, it.Index)
		}
		if !slices.Equal(got, rv.want) {
			t.Errorf("review %s: %v, want %v", rv.f, got, rv.want)
		}
	}
	sum := 0
	for _, d := range r.Domains {
		sum += d.Total
	}
	if sum != 10 {
		t.Errorf("domain totals add up to %d", sum)
	}
	cfg, err := e.RetakeMissed()
	if err != nil || cfg.Questions != 4 || cfg.Duration != 8*time.Minute || cfg.Seed == 5 {
		t.Fatalf("retake config %+v, %v", cfg, err)
	}
	retake, err := NewExam(evenPool(10), cfg, t0)
	if err != nil || retake.Len() != 4 {
		t.Fatalf("retake exam: %v", err)
	}
	var ids, missed []string
	for i := 0; i < 4; i++ {
		it, _ := retake.Item(i)
		ids = append(ids, it.Presented.QuestionID)
	}
	for _, it := range r.Review(ReviewWrong) {
		missed = append(missed, it.QuestionID)
	}
	slices.Sort(ids)
	slices.Sort(missed)
	if !slices.Equal(ids, missed) {
		t.Errorf("retake has %v, missed %v", ids, missed)
	}
}

func TestExamScoreAndPassEstimate(t *testing.T) {
	tests := []struct {
		right, total int
		percent      float64
		pass         bool
	}{
		{18, 25, 72, true},
		{17, 25, 68, false},
		{13, 18, 72.2, true},
		{14, 20, 70, false},
		{20, 20, 100, true},
		{0, 20, 0, false},
		{47, 65, 72.3, true},
		{46, 65, 70.8, false},
	}
	for _, tt := range tests {
		e, _ := NewExam(evenPool(20), ExamConfig{Questions: tt.total, Seed: 8}, t0)
		for i := 0; i < tt.total; i++ {
			ans := wrongAnswer(e, i)
			if i < tt.right {
				ans = correctAnswer(e, i)
			}
			_ = e.Answer(i, ans, t0)
		}
		r := e.Submit(t0.Add(time.Minute))
		if r.Percent != tt.percent || r.LikelyPass != tt.pass || r.PassNote == "" {
			t.Errorf("%d/%d: %v%% pass %v; want %v%% %v", tt.right, tt.total, r.Percent, r.LikelyPass, tt.percent, tt.pass)
		}
	}
}

func TestRetakeMissedRules(t *testing.T) {
	e, _ := NewExam(evenPool(3), ExamConfig{Questions: 4}, t0)
	if _, err := e.RetakeMissed(); !errors.Is(err, ErrClosed) {
		t.Errorf("retake before submit: %v", err)
	}
	for i := 0; i < 4; i++ {
		_ = e.Answer(i, correctAnswer(e, i), t0)
	}
	e.Submit(t0)
	if _, err := e.RetakeMissed(); !errors.Is(err, ErrNotFound) {
		t.Errorf("retake with nothing missed: %v", err)
	}
}

func TestParseReviewFilter(t *testing.T) {
	tests := []struct {
		in   string
		want ReviewFilter
		err  bool
	}{
		{"", ReviewAll, false}, {"all", ReviewAll, false}, {"Wrong", ReviewWrong, false},
		{"missed", ReviewWrong, false}, {"flagged", ReviewFlagged, false}, {"bogus", ReviewAll, true},
	}
	for _, tt := range tests {
		got, err := ParseReviewFilter(tt.in)
		if got != tt.want || (err != nil) != tt.err {
			t.Errorf("%q: %v %v", tt.in, got, err)
		}
	}
}
