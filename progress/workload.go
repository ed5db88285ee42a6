package progress

import (
	"context"
	"math"
	"time"

	"github.com/saa-study/saa-study/content"
	"github.com/saa-study/saa-study/srs"
)

// WorkloadReport is what the desired retention costs: reviews a day over
// the next 90 days for the learner's cards and parameters, the averages
// over 30 and 90 days at a few retentions, the minimum retention Anki
// would recommend, and a forecast for the exam date if one is set.
type WorkloadReport struct {
	Retention float64         `json:"retention"`
	Suggested float64         `json:"suggested_minimum_retention"`
	Reviews   []int           `json:"reviews_per_day"` // next 90 days at Retention
	Avg30     float64         `json:"avg_reviews_30"`
	Avg90     float64         `json:"avg_reviews_90"`
	Options   []RetentionCost `json:"options"`
	Exam      *ExamForecast   `json:"exam,omitempty"`
}

// RetentionCost is the average reviews a day at one desired retention.
type RetentionCost struct {
	Retention float64 `json:"retention"`
	Avg30     float64 `json:"avg_reviews_30"`
	Avg90     float64 `json:"avg_reviews_90"`
}

// ExamForecast predicts recall per exam domain on the exam day at the
// current pace (the desired retention and new-card limit), and the
// retention (with its reviews a day) that would lift the weakest domain to
// the desired retention by then.
type ExamForecast struct {
	Date            string           `json:"date"`
	Days            int              `json:"days"`
	Domains         []DomainForecast `json:"domains"`
	Weakest         string           `json:"weakest"`
	AvgPerDay       float64          `json:"avg_reviews_per_day"`        // at the current pace
	NeededRetention float64          `json:"needed_retention"`           // 0 if even 0.97 is not enough
	NeededPerDay    float64          `json:"needed_avg_reviews_per_day"` // reviews a day at NeededRetention
}

// DomainForecast is the predicted share of a domain's questions recalled.
type DomainForecast struct {
	Domain string  `json:"domain"`
	Recall float64 `json:"recall"`
}

const workloadSeed = 2023

func avg(xs []int, n int) float64 {
	n = min(n, len(xs))
	if n == 0 {
		return 0
	}
	t := 0
	for _, x := range xs[:n] {
		t += x
	}
	return float64(t) / float64(n)
}

// simInput is the learner's deck as the simulation starts from it.
type simInput struct {
	sc         Scheduling
	w          []float64
	cards      []srs.SimCard
	newDomains []int
	today      int64
}

func (in *simInput) run(ret float64, days int) srs.SimResult {
	return srs.Simulate(in.cards, srs.SimConfig{W: in.w, Retention: ret, Days: days,
		NewPerDay: in.sc.Limits.NewPerDay, NewDomains: in.newDomains, Seed: workloadSeed})
}

// simSetup reads the learner's cards of lang for a simulation from now.
func (p *Progress) simSetup(ctx context.Context, lang content.Lang, now time.Time) (*simInput, error) {
	ctx = orBackground(ctx)
	set, err := p.loadSet(ctx, lang, true)
	if err != nil {
		return nil, err
	}
	sc, err := p.Scheduling(ctx)
	if err != nil {
		return nil, err
	}
	w, _, err := p.FSRSParameters(ctx)
	if err != nil {
		return nil, err
	}
	var items []SRSItem
	if p.HasStore() {
		if items, err = p.st.SRSItems(ctx); err != nil {
			return nil, err
		}
	}
	known := make(map[string]SRSItem, len(items))
	for _, it := range items {
		known[it.Key()] = it
	}
	today := sc.Day.DayNumber(now)
	domains := map[string]int{}
	for i, d := range content.Domains {
		domains[d] = i
	}
	var cards []srs.SimCard
	var newDomains []int
	for _, e := range set.Entries {
		dom := -1
		if e.Kind == KindQuestion {
			if d, ok := domains[e.Domain]; ok {
				dom = d
			}
		}
		it, ok := known[e.Key()]
		if ok && it.Suspended {
			continue
		}
		if !ok || it.Card.State == srs.New || it.Card.LastReview.IsZero() {
			newDomains = append(newDomains, dom)
			continue
		}
		cards = append(cards, srs.SimCard{Stability: math.Max(it.Card.Stability, srs.SMin), Difficulty: clampD(it.Card.Difficulty),
			LastDay: int(sc.Day.DayNumber(it.Card.LastReview) - today), DueDay: max(0, int(sc.Day.DayNumber(it.Card.Due)-today)), Domain: dom})
	}
	return &simInput{sc: sc, w: w, cards: cards, newDomains: newDomains, today: today}, nil
}

// Workload simulates the learner's cards of lang from now on.
func (p *Progress) Workload(ctx context.Context, lang content.Lang, now time.Time) (WorkloadReport, error) {
	var r WorkloadReport
	in, err := p.simSetup(ctx, lang, now)
	if err != nil {
		return r, err
	}
	sc, w, cards, newDomains := in.sc, in.w, in.cards, in.newDomains
	perDay := sc.Limits.NewPerDay
	sim := in.run
	r.Retention = sc.Limits.DesiredRetention
	main := sim(r.Retention, 90)
	r.Reviews, r.Avg30, r.Avg90 = main.Reviews, avg(main.Reviews, 30), avg(main.Reviews, 90)
	for _, ret := range []float64{0.80, 0.85, 0.90, 0.95} {
		res := sim(ret, 90)
		r.Options = append(r.Options, RetentionCost{Retention: ret, Avg30: avg(res.Reviews, 30), Avg90: avg(res.Reviews, 90)})
	}
	r.Suggested = srs.SuggestedRetention(cards, w, len(newDomains), perDay, workloadSeed)
	r.Exam, err = p.examForecast(ctx, in, r.Retention)
	return r, err
}

// ExamOutlook is the exam-day forecast alone (nil without an exam date).
func (p *Progress) ExamOutlook(ctx context.Context, lang content.Lang, now time.Time) (*ExamForecast, error) {
	// Without an exam date there is nothing to simulate.
	if exam, err := p.ExamDate(ctx); err != nil || exam.IsZero() {
		return nil, err
	}
	in, err := p.simSetup(ctx, lang, now)
	if err != nil {
		return nil, err
	}
	return p.examForecast(ctx, in, in.sc.Limits.DesiredRetention)
}

func (p *Progress) examForecast(ctx context.Context, in *simInput, retention float64) (*ExamForecast, error) {
	sc, today, newDomains, sim := in.sc, in.today, in.newDomains, in.run
	exam, err := p.ExamDate(ctx)
	if err != nil || exam.IsZero() {
		return nil, err
	}
	days := int(sc.Day.DayNumber(exam.Add(12*time.Hour)) - today)
	if days < 1 {
		return nil, nil
	}
	f := &ExamForecast{Date: exam.Format(time.DateOnly), Days: days}
	recallBy := func(res srs.SimResult) []float64 {
		sum := make([]float64, len(content.Domains))
		n := make([]float64, len(content.Domains))
		for i, c := range res.Cards {
			if c.Domain >= 0 {
				sum[c.Domain] += res.Recall[i]
				n[c.Domain]++
			}
		}
		// Questions not introduced by then count as not recalled.
		for i, d := range newDomains {
			if i >= sumInts(res.New) && d >= 0 {
				n[d]++
			}
		}
		out := make([]float64, len(sum))
		for i := range sum {
			if n[i] > 0 {
				out[i] = sum[i] / n[i]
			} else {
				out[i] = -1
			}
		}
		return out
	}
	pace := sim(retention, days)
	f.AvgPerDay = avg(pace.Reviews, days)
	rec := recallBy(pace)
	weakest := -1
	for i, x := range rec {
		if x < 0 {
			continue
		}
		f.Domains = append(f.Domains, DomainForecast{Domain: content.Domains[i], Recall: x})
		if weakest < 0 || x < rec[weakest] {
			weakest = i
		}
	}
	if weakest < 0 {
		return nil, nil
	}
	f.Weakest = content.Domains[weakest]
	for k := int(math.Round(retention * 100)); k <= 97; k++ {
		ret := float64(k) / 100
		res := sim(ret, days)
		if recallBy(res)[weakest] >= retention {
			f.NeededRetention, f.NeededPerDay = ret, avg(res.Reviews, days)
			break
		}
	}
	return f, nil
}

func sumInts(xs []int) int {
	t := 0
	for _, x := range xs {
		t += x
	}
	return t
}

func clampD(d float64) float64 { return math.Min(math.Max(d, 1), 10) }
