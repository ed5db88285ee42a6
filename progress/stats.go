package progress

import (
	"cmp"
	"context"
	"slices"
	"time"

	"github.com/saa-study/saa-study/content"
	"github.com/saa-study/saa-study/srs"
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
	Limits       SRSConfig       `json:"limits"`
	Items        int             `json:"items"`
	Decks        int             `json:"decks"`      // the learner's own decks with cards (folder and imported)
	DeckCards    int             `json:"deck_cards"` // the items in them
	Exams        []ExamPoint     `json:"exams"`      // submitted exams, oldest first
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

// ReadinessCaveat says what the readiness figure is and is not, in lang.
func ReadinessCaveat(lang content.Lang) string {
	if lang == content.KO {
		return "준비도는 이 앱의 문제 중 오늘 맞힐 가능성이 높은 비율입니다(FSRS 기억률, 안 본 문제는 4지선다 추측 1/4). 시험 영역 비중으로 가중했습니다. 여기의 서버리스 내용만 다루며 SAA-C03 전체가 아니고, 예상 점수도 아닙니다."
	}
	return "Readiness is the share of this app's questions you would likely answer right today (FSRS recall; unseen ones count as a 1-in-4 guess), weighted by the exam's domains. It covers only the serverless material here, not all of SAA-C03, and is not a predicted score."
}

// HeatmapWeeks is how many weeks the Stats screen's calendar covers.
const HeatmapWeeks = 20

// Stats gathers the statistics of lang's items at now. It registers
// items the schedule does not know yet (as new), like opening Review does.
func (p *Progress) Stats(ctx context.Context, lang content.Lang, now time.Time) (StatsReport, error) {
	ctx = orBackground(ctx)
	r := StatsReport{GeneratedAt: now.UTC(), Lang: lang, Caveat: ReadinessCaveat(lang)}
	lib := p.Library()
	set, err := p.LoadSet(ctx, lang)
	if err != nil {
		return r, err
	}
	r.Warnings = set.Warnings
	sc, err := p.Scheduling(ctx)
	if err != nil {
		return r, err
	}
	r.Limits, r.DayStartHour = sc.Limits, sc.Limits.DayHour
	var items []SRSItem
	var recs []ReviewRecord
	if p.HasStore() {
		st := p.st
		if items, err = st.SRSItems(ctx); err != nil {
			return r, err
		}
		since := sc.Day.DayStart(now).AddDate(0, 0, -srs.HeatmapDays)
		if recs, err = st.ReviewsSince(ctx, since); err != nil {
			return r, err
		}
		if r.Streak, err = st.Streak(ctx, now, sc.Day); err != nil {
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
	own := map[string]bool{}
	for _, e := range set.Entries {
		if e.Deck != "" && e.Kind != KindLab {
			own[e.Deck] = true
			r.DeckCards++
		}
	}
	r.Decks = len(own)
	logs := logsOf(recs)
	r.Today = srs.Today(qc, logs, now, sc.Policy)
	r.Retention7 = srs.TrueRetention(logs, now, 7, sc.Day)
	r.Retention30 = srs.TrueRetention(logs, now, 30, sc.Day)
	r.States = srs.CountByState(qc)
	r.Forecast = srs.Forecast(qc, now, 30, sc.Day)
	hm := srs.Heatmap(logs, now, sc.Day)
	r.Heatmap = hm[max(0, len(hm)-HeatmapWeeks*7):]
	for _, g := range srs.Mastery(qc, now, sc.Sched) {
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
	r.Domains = domainReadiness(set, items, now, sc.Sched)
	r.Readiness = overallReadiness(r.Domains)
	if len(r.Domains) == 0 && len(qc) > 0 {
		r.Readiness = srs.ExamReadiness(qc, now, sc.Sched).Readiness
	}
	return r, nil
}

// domainReadiness groups the set's questions by exam domain, in the
// exam's domain order. Questions never registered count as new.
func domainReadiness(set *Set, items []SRSItem, now time.Time, s *srs.Scheduler) []DomainStat {
	known := make(map[string]SRSItem, len(items))
	for _, it := range items {
		known[it.Key()] = it
	}
	var qc []srs.QueueCard
	for _, e := range set.Entries {
		if e.Kind != KindQuestion || e.Domain == "" {
			continue
		}
		c := srs.QueueCard{ID: e.Key(), Group: e.Domain, Card: srs.NewCard(now)}
		if it, ok := known[e.Key()]; ok {
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
