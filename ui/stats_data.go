package ui

import (
	"cmp"
	"context"
	"slices"
	"time"

	"github.com/saa-study/saa-study/content"
	"github.com/saa-study/saa-study/srs"
	"github.com/saa-study/saa-study/store"
	"github.com/saa-study/saa-study/ui/text"
)

// StatsReport is everything the Stats screen shows; its JSON is the output
// of `saa-study stats --json`.
type StatsReport struct {
	GeneratedAt  time.Time       `json:"generated_at"`
	Lang         content.Lang    `json:"lang"`
	DayStartHour int             `json:"day_start_hour"` // local hour a study day starts
	Today        srs.TodayStats  `json:"today"`
	Streak       int             `json:"streak"` // consecutive study days with a review
	Retention7   srs.Retention   `json:"retention_7d"`
	Retention30  srs.Retention   `json:"retention_30d"`
	States       srs.StateCounts `json:"states"`
	Forecast     []int           `json:"forecast"` // due per day, today first, 30 days
	Heatmap      []srs.DayCount  `json:"heatmap"`  // reviews per day, oldest first, HeatmapWeeks weeks
	Topics       []TopicStat     `json:"topics"`   // mastery per topic (cards and questions)
	Domains      []DomainStat    `json:"domains"`  // readiness per exam domain (questions)
	Readiness    float64         `json:"readiness"`
	Caveat       string          `json:"caveat"`
	Warnings     []string        `json:"warnings,omitempty"`
	Limits       store.SRSConfig `json:"limits"`
	Items        int             `json:"items"`
	Exams        []ExamPoint     `json:"exams"` // submitted exams, oldest first
}

// ExamPoint is one submitted exam on the trend line.
type ExamPoint struct {
	At        time.Time `json:"at"`
	Questions int       `json:"questions"`
	Percent   float64   `json:"percent"`
}

// TopicStat is mastery of one topic, named for display.
type TopicStat struct {
	srs.GroupStat
	Title string `json:"title"`
}

// DomainStat is readiness in one exam domain and the domain's weight on
// the real exam (percent).
type DomainStat struct {
	srs.GroupStat
	Weight int `json:"weight"`
}

// HeatmapWeeks is how many weeks the Stats screen's calendar covers.
const HeatmapWeeks = 20

// ComputeStats gathers the statistics of lang's items at now. It registers
// items the schedule does not know yet (as new), like opening Review does.
func ComputeStats(ctx context.Context, lib *content.Library, st *store.Store, lang content.Lang, now time.Time) (StatsReport, error) {
	r := StatsReport{GeneratedAt: now.UTC(), Lang: lang, Caveat: text.T(lang, "st.caveat")}
	set, err := loadSRSSet(ctx, lib, st, lang)
	if err != nil {
		return r, err
	}
	r.Warnings = set.Warnings
	sc, err := loadSRSContext(ctx, st)
	if err != nil {
		return r, err
	}
	r.Limits, r.DayStartHour = sc.cfg, sc.cfg.DayHour
	var items []store.SRSItem
	var recs []store.ReviewRecord
	if st != nil {
		if items, err = st.SRSItems(ctx); err != nil {
			return r, err
		}
		since := sc.day.DayStart(now).AddDate(0, 0, -srs.HeatmapDays)
		if recs, err = st.ReviewsSince(ctx, since); err != nil {
			return r, err
		}
		if r.Streak, err = st.Streak(ctx, now, sc.day); err != nil {
			return r, err
		}
		exams, err := st.ExamHistory(ctx)
		if err != nil {
			return r, err
		}
		for i := len(exams) - 1; i >= 0; i-- {
			e := exams[i]
			r.Exams = append(r.Exams, ExamPoint{At: e.SubmittedAt, Questions: e.Total, Percent: e.Percent})
		}
	}
	qc, _ := set.queueCards(items)
	r.Items = len(qc)
	logs := srsLogsOf(recs)
	r.Today = srs.Today(qc, logs, now, sc.policy)
	r.Retention7 = srs.TrueRetention(logs, now, 7, sc.day)
	r.Retention30 = srs.TrueRetention(logs, now, 30, sc.day)
	r.States = srs.CountByState(qc)
	r.Forecast = srs.Forecast(qc, now, 30, sc.day)
	hm := srs.Heatmap(logs, now, sc.day)
	r.Heatmap = hm[max(0, len(hm)-HeatmapWeeks*7):]
	for _, g := range srs.Mastery(qc, now, sc.sched) {
		t := TopicStat{GroupStat: g, Title: g.Group}
		if lib != nil {
			if n := lib.Note(lang, g.Group); n != nil {
				t.Title = n.Title
			}
		}
		r.Topics = append(r.Topics, t)
	}
	if lib != nil {
		// In reading order, as the notes list shows them; unknown groups last.
		order := map[string]int{}
		for i, n := range lib.Notes(lang) {
			order[n.ID] = i + 1
		}
		rank := func(g string) int {
			if o, ok := order[g]; ok {
				return o
			}
			return len(order) + 1
		}
		slices.SortStableFunc(r.Topics, func(a, b TopicStat) int { return cmp.Compare(rank(a.Group), rank(b.Group)) })
	}
	r.Domains = domainReadiness(set, items, now, sc.sched)
	r.Readiness = overallReadiness(r.Domains)
	if len(r.Domains) == 0 && len(qc) > 0 {
		r.Readiness = srs.ExamReadiness(qc, now, sc.sched).Readiness
	}
	return r, nil
}

// domainReadiness groups the set's questions by exam domain, in the
// exam's domain order. Questions never registered count as new.
func domainReadiness(set *srsSet, items []store.SRSItem, now time.Time, s *srs.Scheduler) []DomainStat {
	known := make(map[string]store.SRSItem, len(items))
	for _, it := range items {
		known[it.Key()] = it
	}
	var qc []srs.QueueCard
	for _, e := range set.Entries {
		if e.Kind != store.KindQuestion || e.Domain == "" {
			continue
		}
		c := srs.QueueCard{ID: e.key(), Group: e.Domain, Card: srs.NewCard(now)}
		if it, ok := known[e.key()]; ok {
			c.Card = it.Card
		}
		qc = append(qc, c)
	}
	byGroup := map[string]srs.GroupStat{}
	for _, g := range srs.Mastery(qc, now, s) {
		byGroup[g.Group] = g
	}
	var out []DomainStat
	for _, d := range content.Domains {
		if g, ok := byGroup[d]; ok {
			out = append(out, DomainStat{GroupStat: g, Weight: content.DomainWeight[d]})
		}
	}
	return out
}

// overallReadiness weights each domain by its share of the real exam,
// renormalised over the domains that have questions.
func overallReadiness(ds []DomainStat) float64 {
	var sum, w float64
	for _, d := range ds {
		sum += d.Readiness * float64(d.Weight)
		w += float64(d.Weight)
	}
	if w == 0 {
		return 0
	}
	return sum / w
}
