package quiz

import (
	"slices"
	"strconv"
)

// OptionFeedback explains one option after grading, in display order.
type OptionFeedback struct {
	Letter      string `json:"letter"`
	Index       int    `json:"index"` // original index
	Text        string `json:"text"`
	Explanation string `json:"explanation"`
	Correct     bool   `json:"correct"`
	Chosen      bool   `json:"chosen"`
}

// Result is a graded answer. Chosen and CorrectSet hold sorted original
// indexes.
type Result struct {
	QuestionID string           `json:"question_id"`
	Correct    bool             `json:"correct"`
	Chosen     []int            `json:"chosen"`
	CorrectSet []int            `json:"correct_set"`
	PerOption  []OptionFeedback `json:"per_option"`
}

// Validate checks an answer before grading: every index must name an
// option, none may repeat, and exactly p.Choose must be picked. The message
// ("choose exactly 2") is meant to be shown as is.
func Validate(p Presented, chosen []int) error {
	if err := validateOptions(p, chosen); err != nil {
		return err
	}
	if len(chosen) != p.Choose {
		if p.Choose == 1 {
			return validation("choose exactly 1 option (you chose " + strconv.Itoa(len(chosen)) + ")")
		}
		return validation("choose exactly " + strconv.Itoa(p.Choose) + " (you chose " + strconv.Itoa(len(chosen)) + ")")
	}
	return nil
}

// ValidatePartial checks an answer that may be incomplete: every index
// must name an option, none may repeat, at least one and at most p.Choose
// are picked. A partial "Choose TWO" answer (one of two) passes; it is
// kept and graded wrong, as on the real exam.
func ValidatePartial(p Presented, chosen []int) error {
	if !Partial(p, chosen) {
		return Validate(p, chosen)
	}
	return validateOptions(p, chosen)
}

// validateOptions checks that every index names an option of p and that
// none repeats.
func validateOptions(p Presented, chosen []int) error {
	n := len(p.Order)
	seen := make(map[int]bool, len(chosen))
	for _, c := range chosen {
		if c < 0 || c >= n {
			return validation("option " + strconv.Itoa(c) + " does not exist: the question has " + strconv.Itoa(n) + " options")
		}
		if seen[c] {
			return validation("option " + Letter(p.Position(c)) + " is chosen twice")
		}
		seen[c] = true
	}
	return nil
}

// Partial reports whether chosen is an incomplete answer: some options of
// a question with several answers, fewer than it asks for.
func Partial(p Presented, chosen []int) bool { return len(chosen) > 0 && len(chosen) < p.Choose }

// Grade marks an answer given as original indexes. Multiple response is
// all or nothing, as on the real exam: right only when the chosen set is
// exactly the correct set. An answer that Validate would refuse (wrong
// count, unknown option, none at all) is graded wrong, never panics;
// out-of-range indexes and repeats are dropped from Result.Chosen.
func Grade(p Presented, chosen []int) Result {
	r := Result{QuestionID: p.QuestionID}
	if p.Question == nil {
		return r
	}
	opts := p.Question.Options
	picked := make([]bool, len(opts))
	for _, c := range chosen {
		if c >= 0 && c < len(opts) && !picked[c] {
			picked[c] = true
			r.Chosen = append(r.Chosen, c)
		}
	}
	slices.Sort(r.Chosen)
	r.CorrectSet = p.Question.Correct()
	r.Correct = len(r.CorrectSet) > 0 && slices.Equal(r.Chosen, r.CorrectSet) && len(chosen) == len(r.Chosen)
	r.PerOption = make([]OptionFeedback, 0, len(p.Order))
	for pos, orig := range p.Order {
		if orig < 0 || orig >= len(opts) {
			continue
		}
		o := opts[orig]
		r.PerOption = append(r.PerOption, OptionFeedback{
			Letter: Letter(pos), Index: orig, Text: o.Text, Explanation: o.Explanation,
			Correct: o.Correct, Chosen: picked[orig],
		})
	}
	return r
}
