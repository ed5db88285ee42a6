package quiz

import (
	"encoding/json"
	"slices"
	"strconv"
	"time"

	"github.com/saa-study/saa-study/content"
)

// Exam sizes the CLI offers.
const (
	// DefaultExamQuestions is the short mock: 20 items in 40 minutes.
	DefaultExamQuestions = 20
	// FullExamQuestions is the real exam's length (130 minutes).
	FullExamQuestions = 65
)

// ExamConfig says how to assemble a mock exam. Zero Questions means 20 (or
// all of IDs when set); zero Duration means ExamPace per question.
type ExamConfig struct {
	Questions int
	Duration  time.Duration
	Seed      uint64
	// IDs, when set, restricts the pool to these question ids (a retake).
	IDs []string
}

// examConfigJSON is ExamConfig on the wire: the duration in milliseconds and
// the seed as a string, so JavaScript readers do not round it.
type examConfigJSON struct {
	Questions  int      `json:"questions"`
	DurationMS int64    `json:"duration_ms"`
	Seed       uint64   `json:"seed,string"`
	IDs        []string `json:"ids,omitempty"`
}

// MarshalJSON writes {"questions", "duration_ms", "seed" (string), "ids"}.
func (c ExamConfig) MarshalJSON() ([]byte, error) {
	return json.Marshal(examConfigJSON{c.Questions, c.Duration.Milliseconds(), c.Seed, c.IDs})
}

// UnmarshalJSON reads what MarshalJSON writes.
func (c *ExamConfig) UnmarshalJSON(b []byte) error {
	var j examConfigJSON
	if err := json.Unmarshal(b, &j); err != nil {
		return err
	}
	*c = ExamConfig{j.Questions, time.Duration(j.DurationMS) * time.Millisecond, j.Seed, j.IDs}
	return nil
}

type examItem struct {
	p          Presented
	chosen     []int
	flagged    bool
	answeredAt time.Time
}

// Exam is a timed mock exam in progress or submitted. Time is charged only
// while the exam is open in a session: after a crash, Resume gives back the
// time left at the last save.
type Exam struct {
	cfg       ExamConfig
	started   time.Time
	items     []examItem
	current   int
	used      time.Duration // charged before segStart
	segStart  time.Time
	submitted bool
	subAt     time.Time
	results   Results
}

// NewExam draws cfg.Questions distinct questions from pool by domain
// weight (see Allocate; short domains are filled from the others), shuffles
// their order and each question's options with cfg.Seed, and starts the
// clock at start. A pool smaller than asked gives a shorter exam.
func NewExam(pool []*content.Question, cfg ExamConfig, start time.Time) (*Exam, error) {
	if cfg.Questions < 0 || cfg.Duration < 0 {
		return nil, validation("questions and duration must not be negative")
	}
	uniq := dedupe(pool, cfg.IDs)
	if len(uniq) == 0 {
		return nil, notFound("no questions to draw an exam from")
	}
	if cfg.Questions == 0 {
		cfg.Questions = DefaultExamQuestions
		if len(cfg.IDs) > 0 {
			cfg.Questions = len(cfg.IDs)
		}
	}
	cfg.Questions = min(cfg.Questions, len(uniq))
	if cfg.Duration == 0 {
		cfg.Duration = ExamPace * time.Duration(cfg.Questions)
	}
	drawn := drawByDomain(uniq, cfg.Questions, newRNG(cfg.Seed, "exam-draw"))
	newRNG(cfg.Seed, "exam-order").shuffle(len(drawn), func(i, j int) { drawn[i], drawn[j] = drawn[j], drawn[i] })
	e := &Exam{cfg: cfg, started: start, segStart: start, items: make([]examItem, len(drawn))}
	for i, q := range drawn {
		e.items[i] = examItem{p: Present(q, cfg.Seed)}
	}
	return e, nil
}

// dedupe drops nil questions and repeated ids (first wins) and, when ids
// is not empty, keeps only those.
func dedupe(pool []*content.Question, ids []string) []*content.Question {
	seen := make(map[string]bool, len(pool))
	var out []*content.Question
	for _, q := range pool {
		if q == nil || seen[q.ID] || (len(ids) > 0 && !slices.Contains(ids, q.ID)) {
			continue
		}
		seen[q.ID] = true
		out = append(out, q)
	}
	return out
}

// Config returns the effective configuration (defaults filled in).
func (e *Exam) Config() ExamConfig { return e.cfg }

// Len is the number of items.
func (e *Exam) Len() int { return len(e.items) }

// Current is the index of the item on screen.
func (e *Exam) Current() int { return e.current }

// Jump moves to item i (also allowed after submission, for review).
func (e *Exam) Jump(i int) error {
	if err := e.check(i); err != nil {
		return err
	}
	e.current = i
	return nil
}

func (e *Exam) check(i int) error {
	if i < 0 || i >= len(e.items) {
		return notFound("item " + strconv.Itoa(i+1) + " does not exist: the exam has " + strconv.Itoa(len(e.items)))
	}
	return nil
}

// ExamItem is one item as the exam screen shows it.
type ExamItem struct {
	Index     int       `json:"index"`
	Presented Presented `json:"presented"`
	Chosen    []int     `json:"chosen"` // original indexes; empty when unanswered
	Flagged   bool      `json:"flagged"`
}

// Item returns item i.
func (e *Exam) Item(i int) (ExamItem, error) {
	if err := e.check(i); err != nil {
		return ExamItem{}, err
	}
	it := e.items[i]
	p := it.p // copy the slices so a caller cannot edit the exam through them
	p.Order, p.Options = slices.Clone(p.Order), slices.Clone(p.Options)
	return ExamItem{Index: i, Presented: p, Chosen: slices.Clone(it.chosen), Flagged: it.flagged}, nil
}

// open refuses changes after submission or when time has run out; in the
// latter case it submits, as the real exam does.
func (e *Exam) open(now time.Time) error {
	if e.submitted {
		return closed("the exam is already submitted")
	}
	if e.Tick(now) {
		return closed("time is up: the exam was submitted")
	}
	return nil
}

// Answer records chosen (original indexes) for item i, replacing any
// earlier answer. A partial answer (one of two) is kept as it is and
// graded wrong. Answers are graded only at Submit.
func (e *Exam) Answer(i int, chosen []int, now time.Time) error {
	if err := e.check(i); err != nil {
		return err
	}
	if err := e.open(now); err != nil {
		return err
	}
	if err := ValidatePartial(e.items[i].p, chosen); err != nil {
		return err
	}
	c := slices.Clone(chosen)
	slices.Sort(c)
	e.items[i].chosen, e.items[i].answeredAt = c, now
	return nil
}

// Clear removes the answer to item i.
func (e *Exam) Clear(i int, now time.Time) error {
	if err := e.check(i); err != nil {
		return err
	}
	if err := e.open(now); err != nil {
		return err
	}
	e.items[i].chosen, e.items[i].answeredAt = nil, time.Time{}
	return nil
}

// SetFlag marks item i for review (or unmarks it). Flags do not affect the
// score and may be changed until submission.
func (e *Exam) SetFlag(i int, on bool) error {
	if err := e.check(i); err != nil {
		return err
	}
	if e.submitted {
		return closed("the exam is already submitted")
	}
	e.items[i].flagged = on
	return nil
}

// Unanswered lists the indexes of items without an answer.
func (e *Exam) Unanswered() []int {
	var out []int
	for i, it := range e.items {
		if len(it.chosen) == 0 {
			out = append(out, i)
		}
	}
	return out
}

// Partial lists the indexes of items answered in part (one of two).
func (e *Exam) Partial() []int {
	var out []int
	for i, it := range e.items {
		if Partial(it.p, it.chosen) {
			out = append(out, i)
		}
	}
	return out
}

// Flagged lists the indexes of flagged items.
func (e *Exam) Flagged() []int {
	var out []int
	for i, it := range e.items {
		if it.flagged {
			out = append(out, i)
		}
	}
	return out
}

// usedAt is the time charged by now, never negative and never more than
// the duration; a clock that steps back charges nothing for the step.
func (e *Exam) usedAt(now time.Time) time.Duration {
	if e.submitted {
		return e.results.TimeUsed
	}
	u := e.used + max(now.Sub(e.segStart), 0)
	return min(u, e.cfg.Duration)
}

// Remaining is the time left at now (zero once out of time).
func (e *Exam) Remaining(now time.Time) time.Duration { return e.cfg.Duration - e.usedAt(now) }

// Expired reports whether the time has run out by now.
func (e *Exam) Expired(now time.Time) bool { return e.Remaining(now) <= 0 }

// Submitted reports whether the exam has been submitted.
func (e *Exam) Submitted() bool { return e.submitted }

// Tick is called by the UI's timer: once time is up it submits the exam
// (charging exactly the duration) and reports true. It reports false while
// time remains or when the learner submitted earlier.
func (e *Exam) Tick(now time.Time) (expired bool) {
	if e.submitted {
		return e.results.TimedOut
	}
	if !e.Expired(now) {
		return false
	}
	e.finish(now, true)
	return true
}

// Submit ends the exam and grades it. Submitting twice returns the first
// results; submitting after time ran out is the same as Tick.
func (e *Exam) Submit(now time.Time) Results {
	if !e.submitted {
		e.finish(now, e.Expired(now))
	}
	return e.results
}

// Results returns the graded exam; ok is false before submission.
func (e *Exam) Results() (r Results, ok bool) { return e.results, e.submitted }

func (e *Exam) finish(now time.Time, timedOut bool) {
	used := e.usedAt(now)
	e.submitted, e.subAt = true, now
	e.results = grade(e.items, e.cfg, used, timedOut)
}

// RetakeMissed returns a config for a new exam over the items answered
// wrong or left blank, with a fresh seed and ExamPace per item. Pass it
// with the same pool to NewExam.
func (e *Exam) RetakeMissed() (ExamConfig, error) {
	if !e.submitted {
		return ExamConfig{}, closed("submit the exam before retaking what you missed")
	}
	var ids []string
	for _, it := range e.results.Items {
		if !it.Result.Correct {
			ids = append(ids, it.QuestionID)
		}
	}
	if len(ids) == 0 {
		return ExamConfig{}, notFound("nothing to retake: every answer was right")
	}
	return ExamConfig{Questions: len(ids), Duration: ExamPace * time.Duration(len(ids)), Seed: mix(e.cfg.Seed), IDs: ids}, nil
}
