package quiz

import (
	"encoding/json"
	"math"
	"slices"
	"strings"
	"time"

	"github.com/saa-study/saa-study/content"
)

// PassPercent is the raw score this trainer calls a likely pass. It is an
// estimate, not AWS's rule: the real exam reports a scaled 100–1,000 score
// (pass 720) and publishes no conversion from raw answers.
const PassPercent = 72

// PassNote labels the pass estimate wherever it is shown.
const PassNote = "Estimate only: the real exam reports a scaled score (100–1,000, pass 720) and AWS publishes no conversion from percent correct. 72% or more here suggests you are ready."

// DomainScore is one domain's share of the result. Domain "other" holds
// questions outside the four exam domains (e.g. a teacher's quiz).
type DomainScore struct {
	Domain  string  `json:"domain"`
	Correct int     `json:"correct"`
	Total   int     `json:"total"`
	Percent float64 `json:"percent"`
}

// ReviewItem is one graded item for the review screen.
type ReviewItem struct {
	Index      int    `json:"index"`
	QuestionID string `json:"question_id"`
	Domain     string `json:"domain"`
	Answered   bool   `json:"answered"`
	// Partial: answered in part (one of two), graded wrong.
	Partial bool   `json:"partial,omitempty"`
	Flagged bool   `json:"flagged"`
	Result  Result `json:"result"`
	// AnsweredAt is when the answer was last changed (zero if blank).
	AnsweredAt time.Time `json:"answered_at,omitzero"`
	// Presented keeps the order the learner saw, for redrawing the item.
	Presented Presented `json:"-"`
}

// Results is a graded exam. Unanswered items count as wrong, as on the
// real exam. Percentages are rounded to one decimal; LikelyPass compares
// exactly (correct·100 ≥ 72·total).
type Results struct {
	Total      int           `json:"total"`
	Answered   int           `json:"answered"`
	Correct    int           `json:"correct"`
	Percent    float64       `json:"percent"`
	Domains    []DomainScore `json:"domains"`
	TimeUsed   time.Duration `json:"-"`
	Duration   time.Duration `json:"-"`
	TimedOut   bool          `json:"timed_out"`
	LikelyPass bool          `json:"likely_pass"`
	PassNote   string        `json:"pass_note"`
	Items      []ReviewItem  `json:"items"`
}

// MarshalJSON adds time_used_ms and duration_ms to the fields above.
func (r Results) MarshalJSON() ([]byte, error) {
	type plain Results
	return json.Marshal(struct {
		plain
		TimeUsedMS int64 `json:"time_used_ms"`
		DurationMS int64 `json:"duration_ms"`
	}{plain(r), r.TimeUsed.Milliseconds(), r.Duration.Milliseconds()})
}

func percent(correct, total int) float64 {
	if total == 0 {
		return 0
	}
	return math.Round(float64(correct)*1000/float64(total)) / 10
}

func grade(items []examItem, cfg ExamConfig, used time.Duration, timedOut bool) Results {
	r := Results{Total: len(items), TimeUsed: used, Duration: cfg.Duration, TimedOut: timedOut, PassNote: PassNote}
	order := append(slices.Clone(content.Domains), "other")
	byDomain := make([]DomainScore, len(order))
	for i, d := range order {
		byDomain[i].Domain = d
	}
	for i, it := range items {
		res := Grade(it.p, it.chosen)
		dom := it.p.Question.Domain
		di := slices.Index(content.Domains, dom)
		if di < 0 {
			di, dom = len(order)-1, "other"
		}
		byDomain[di].Total++
		if res.Correct {
			byDomain[di].Correct++
			r.Correct++
		}
		if len(it.chosen) > 0 {
			r.Answered++
		}
		r.Items = append(r.Items, ReviewItem{
			Index: i, QuestionID: it.p.QuestionID, Domain: dom, Answered: len(it.chosen) > 0, Partial: Partial(it.p, it.chosen),
			Flagged: it.flagged, Result: res, Presented: it.p, AnsweredAt: it.answeredAt,
		})
	}
	for _, d := range byDomain {
		if d.Total > 0 {
			d.Percent = percent(d.Correct, d.Total)
			r.Domains = append(r.Domains, d)
		}
	}
	r.Percent = percent(r.Correct, r.Total)
	r.LikelyPass = r.Total > 0 && r.Correct*100 >= PassPercent*r.Total
	return r
}

// ReviewFilter picks which items the review screen lists.
type ReviewFilter int

// The review filters.
const (
	ReviewAll ReviewFilter = iota
	ReviewWrong
	ReviewFlagged
)

// String names the filter as the CLI spells it.
func (f ReviewFilter) String() string {
	switch f {
	case ReviewWrong:
		return "wrong"
	case ReviewFlagged:
		return "flagged"
	}
	return "all"
}

// ParseReviewFilter reads "all", "wrong" or "flagged".
func ParseReviewFilter(s string) (ReviewFilter, error) {
	switch strings.ToLower(strings.TrimSpace(s)) {
	case "", "all":
		return ReviewAll, nil
	case "wrong", "missed":
		return ReviewWrong, nil
	case "flagged":
		return ReviewFlagged, nil
	}
	return ReviewAll, validation("review filter " + s + ": use all, wrong or flagged")
}

// Review lists the items that pass f, in exam order. "wrong" includes
// unanswered items.
func (r Results) Review(f ReviewFilter) []ReviewItem {
	var out []ReviewItem
	for _, it := range r.Items {
		if f == ReviewAll || (f == ReviewWrong && !it.Result.Correct) || (f == ReviewFlagged && it.Flagged) {
			out = append(out, it)
		}
	}
	return out
}
