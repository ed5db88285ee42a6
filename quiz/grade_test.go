package quiz

import (
	"errors"
	"math/bits"
	"slices"
	"strings"
	"testing"
	"time"

	"github.com/saa-study/saa-study/content"
)

// TestGradeEveryAnswerToChooseTwo tries all 32 subsets of a 5-option
// "choose two" question: only the exact correct pair is right, and every
// subset of the wrong size is refused before grading.
func TestGradeEveryAnswerToChooseTwo(t *testing.T) {
	q := mkQ("mr", "resilient", 5, 1, 3)
	p := Present(q, 42) // shuffled, to prove answers use original indexes
	right := 0
	for mask := 0; mask < 1<<5; mask++ {
		var chosen []int
		for i := 0; i < 5; i++ {
			if mask&(1<<i) != 0 {
				chosen = append(chosen, i)
			}
		}
		err := Validate(p, chosen)
		if n := bits.OnesCount(uint(mask)); n != 2 {
			var qe *Error
			if !errors.As(err, &qe) || qe.Code != "ValidationException" || !strings.HasPrefix(qe.Message, "choose exactly 2") {
				t.Errorf("%v: Validate = %v, want ValidationException: choose exactly 2", chosen, err)
			}
			if Grade(p, chosen).Correct {
				t.Errorf("%v: graded right with %d options chosen", chosen, n)
			}
			continue
		}
		if err != nil {
			t.Errorf("%v: Validate refused a two-option answer: %v", chosen, err)
		}
		r := Grade(p, chosen)
		want := slices.Equal(chosen, []int{1, 3})
		if r.Correct != want {
			t.Errorf("%v: correct = %v, want %v", chosen, r.Correct, want)
		}
		if r.Correct {
			right++
		}
		if !slices.Equal(r.CorrectSet, []int{1, 3}) || !slices.Equal(r.Chosen, chosen) {
			t.Errorf("%v: result sets %v / %v", chosen, r.Chosen, r.CorrectSet)
		}
		for pos, f := range r.PerOption {
			o := q.Options[f.Index]
			if f.Letter != Letter(pos) || f.Index != p.Order[pos] || f.Correct != o.Correct ||
				f.Chosen != slices.Contains(chosen, f.Index) || f.Explanation != o.Explanation || f.Text != o.Text {
				t.Errorf("%v: feedback %d = %+v", chosen, pos, f)
			}
		}
	}
	if right != 1 {
		t.Errorf("%d subsets graded right, want exactly 1", right)
	}
}

func TestGradeSingleResponse(t *testing.T) {
	q := mkQ("mc", "secure", 4, 2)
	p := Present(q, 1)
	tests := []struct {
		chosen []int
		valid  bool
		right  bool
	}{
		{[]int{0}, true, false},
		{[]int{1}, true, false},
		{[]int{2}, true, true},
		{[]int{3}, true, false},
		{nil, false, false},
		{[]int{2, 2}, false, false},
		{[]int{2, 0}, false, false},
		{[]int{4}, false, false},
		{[]int{-1}, false, false},
	}
	for _, tt := range tests {
		err := Validate(p, tt.chosen)
		if (err == nil) != tt.valid {
			t.Errorf("Validate(%v) = %v, want valid=%v", tt.chosen, err, tt.valid)
		}
		if err != nil && !errors.Is(err, ErrInvalid) {
			t.Errorf("Validate(%v) error %v does not wrap ErrInvalid", tt.chosen, err)
		}
		if got := Grade(p, tt.chosen).Correct; got != tt.right {
			t.Errorf("Grade(%v).Correct = %v, want %v", tt.chosen, got, tt.right)
		}
	}
}

func TestValidateMessages(t *testing.T) {
	p := Present(mkQ("m", "cost", 5, 0, 1), 0)
	tests := []struct {
		chosen []int
		want   string
	}{
		{[]int{0}, "ValidationException: choose exactly 2 (you chose 1)"},
		{[]int{7}, "ValidationException: option 7 does not exist: the question has 5 options"},
		{[]int{1, 1}, "ValidationException: option " + Letter(p.Position(1)) + " is chosen twice"},
	}
	for _, tt := range tests {
		if err := Validate(p, tt.chosen); err == nil || err.Error() != tt.want {
			t.Errorf("Validate(%v) = %v, want %q", tt.chosen, err, tt.want)
		}
	}
	if err := Validate(Present(mkQ("s", "cost", 4, 0), 0), nil); err == nil || err.Error() != "ValidationException: choose exactly 1 option (you chose 0)" {
		t.Errorf("single, none chosen: %v", err)
	}
}

func TestGradeOddInputsNeverPanic(t *testing.T) {
	if r := Grade(Present(nil, 1), []int{0}); r.Correct {
		t.Error("a nil question graded right")
	}
	q := mkQ("q", "cost", 4, 0)
	q.Choose = 0 // a hand-built question without a count means choose one
	p := Present(q, 0)
	if p.Choose != 1 || !Grade(p, []int{0}).Correct {
		t.Errorf("choose 0 question: Choose=%d", p.Choose)
	}
	none := &content.Question{ID: "none", Options: []content.Option{{Text: "x"}}}
	if Grade(Present(none, 0), nil).Correct || Grade(Present(none, 0), []int{}).Correct {
		t.Error("a question with no correct option and no answer graded right")
	}
}

func TestRate(t *testing.T) {
	b := 2 * time.Minute
	tests := []struct {
		name            string
		correct, unsure bool
		took, budget    time.Duration
		want            Rating
	}{
		{"wrong", false, false, 10 * time.Second, b, Again},
		{"wrong and unsure is still Again, never Hard", false, true, 10 * time.Second, b, Again},
		{"wrong and slow", false, false, 5 * time.Minute, b, Again},
		{"right but unsure", true, true, 10 * time.Second, b, Hard},
		{"right, sure, fast", true, false, 39 * time.Second, b, Easy},
		{"right, sure, exactly a third is not fast", true, false, 40 * time.Second, b, Good},
		{"right, sure, ordinary pace", true, false, 90 * time.Second, b, Good},
		{"right, sure, over budget", true, false, 5 * time.Minute, b, Good},
		{"right, instant", true, false, 0, b, Easy},
		{"unknown time never Easy", true, false, -1, b, Good},
		{"no budget never Easy", true, false, time.Second, 0, Good},
	}
	for _, tt := range tests {
		if got := Rate(tt.correct, tt.unsure, tt.took, tt.budget); got != tt.want {
			t.Errorf("%s: Rate = %v, want %v", tt.name, got, tt.want)
		}
	}
}

func TestDefaultBudget(t *testing.T) {
	tests := []struct {
		difficulty int
		want       time.Duration
	}{
		{1, 90 * time.Second},
		{2, 2 * time.Minute},
		{3, 150 * time.Second},
		{0, 2 * time.Minute},
	}
	for _, tt := range tests {
		q := mkQ("q", "cost", 4, 0)
		q.Difficulty = tt.difficulty
		if got := DefaultBudget(q); got != tt.want {
			t.Errorf("difficulty %d: budget %v, want %v", tt.difficulty, got, tt.want)
		}
	}
	if DefaultBudget(nil) != 2*time.Minute {
		t.Error("nil question budget")
	}
	if got := ExamPace * 65; got != 130*time.Minute {
		t.Errorf("65 items at the exam pace take %v, want 130m", got)
	}
}

func TestRatingString(t *testing.T) {
	for r, want := range map[Rating]string{Again: "Again", Hard: "Hard", Good: "Good", Easy: "Easy", 9: "Rating(9)"} {
		if r.String() != want {
			t.Errorf("%d: %q", int(r), r.String())
		}
	}
}

// FuzzGrade checks, for any option count, correct set and answer, that
// presenting gives a permutation, grading never panics, and an answer
// Validate accepts is right exactly when it equals the correct set.
func FuzzGrade(f *testing.F) {
	f.Add(uint8(5), uint8(0b01010), uint8(0b01010), uint64(1), "b d")
	f.Add(uint8(4), uint8(0b0001), uint8(0b0011), uint64(9), "zz")
	f.Fuzz(func(t *testing.T, n, correctMask, chosenMask uint8, seed uint64, typed string) {
		opts := int(n % 9)
		q := &content.Question{ID: "fz"}
		for i := 0; i < opts; i++ {
			q.Options = append(q.Options, content.Option{Text: Letter(i), Correct: correctMask&(1<<i) != 0})
		}
		q.Choose = len(q.Correct())
		p := Present(q, seed)
		if !validOrder(p.Order, opts) {
			t.Fatalf("order %v for %d options", p.Order, opts)
		}
		var chosen []int
		for i := 0; i < 8; i++ {
			if chosenMask&(1<<i) != 0 {
				chosen = append(chosen, i)
			}
		}
		r := Grade(p, chosen)
		if Validate(p, chosen) == nil && r.Correct != slices.Equal(chosen, q.Correct()) {
			t.Fatalf("chosen %v correct %v graded %v", chosen, q.Correct(), r.Correct)
		}
		if r.Correct && Validate(p, chosen) != nil {
			t.Fatalf("an invalid answer %v graded right", chosen)
		}
		if idx, err := p.ParseLetters(typed); err == nil {
			_ = Grade(p, idx)
		}
	})
}
