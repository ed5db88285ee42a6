package srs

import (
	"cmp"
	"slices"
	"time"
)

// TodayStats are the numbers on the review screen's header.
type TodayStats struct {
	Done        int `json:"done"`         // answers given today (all kinds)
	DoneNew     int `json:"done_new"`     // new cards introduced today
	DoneReviews int `json:"done_reviews"` // answers to Review-state cards today
	Due         int `json:"due"`          // learning and Review cards still due today (before limits)
	New         int `json:"new"`          // new cards still available today within the limit
}

// Today counts today's work from the cards and the review logs.
func Today(cards []QueueCard, logs []ReviewLog, now time.Time, p QueuePolicy) TodayStats {
	var st TodayStats
	today := p.Day.DayNumber(now)
	for _, l := range logs {
		if p.Day.DayNumber(l.Review) != today {
			continue
		}
		st.Done++
		switch l.State {
		case New:
			st.DoneNew++
		case Review:
			st.DoneReviews++
		}
	}
	end := p.Day.NextDayStart(now)
	newCards := 0
	for i := range cards {
		c := &cards[i]
		if c.Suspended || c.BuriedUntil.After(now) {
			continue
		}
		if c.Card.State == New {
			newCards++
		} else if c.Card.Due.Before(end) {
			st.Due++
		}
	}
	st.New = min(newCards, max(0, p.NewPerDay-st.DoneNew))
	return st
}

// Retention is the true retention over a window: the share of answers to
// Review-state cards that were not Again (Anki's "true retention").
type Retention struct {
	Days    int     `json:"days"`
	Reviews int     `json:"reviews"` // answers to Review-state cards in the window
	Passed  int     `json:"passed"`  // of those, Hard, Good or Easy
	Rate    float64 `json:"rate"`    // Passed/Reviews; 0 when Reviews is 0
}

// TrueRetention computes retention over the last days study days,
// today included (use 7 and 30).
func TrueRetention(logs []ReviewLog, now time.Time, days int, b DayBoundary) Retention {
	r := Retention{Days: days}
	today := b.DayNumber(now)
	for _, l := range logs {
		if l.State != Review {
			continue
		}
		if ago := today - b.DayNumber(l.Review); ago < 0 || ago >= int64(days) {
			continue
		}
		r.Reviews++
		if l.Rating != Again {
			r.Passed++
		}
	}
	if r.Reviews > 0 {
		r.Rate = float64(r.Passed) / float64(r.Reviews)
	}
	return r
}

// StateCounts counts cards by state; suspended cards are counted apart.
type StateCounts struct {
	New        int `json:"new"`
	Learning   int `json:"learning"`
	Review     int `json:"review"`
	Relearning int `json:"relearning"`
	Suspended  int `json:"suspended"`
}

// CountByState counts the cards in each state.
func CountByState(cards []QueueCard) StateCounts {
	var s StateCounts
	for i := range cards {
		c := &cards[i]
		if c.Suspended {
			s.Suspended++
			continue
		}
		switch c.Card.State {
		case New:
			s.New++
		case Learning:
			s.Learning++
		case Review:
			s.Review++
		case Relearning:
			s.Relearning++
		}
	}
	return s
}

// Forecast returns how many studied cards fall due on each of the next
// days study days: index 0 is today, overdue cards included.
func Forecast(cards []QueueCard, now time.Time, days int, b DayBoundary) []int {
	out := make([]int, max(0, days))
	if days <= 0 {
		return out
	}
	today := b.DayNumber(now)
	for i := range cards {
		c := &cards[i]
		if c.Suspended || c.Card.State == New {
			continue
		}
		due := c.Card.Due
		if c.BuriedUntil.After(due) {
			due = c.BuriedUntil
		}
		d := b.DayNumber(due) - today
		if d < 0 {
			d = 0
		}
		if d < int64(days) {
			out[d]++
		}
	}
	return out
}

// DayCount is one cell of the heatmap.
type DayCount struct {
	Date  string `json:"date"` // study day, "2006-01-02"
	Count int    `json:"count"`
}

// HeatmapDays is the span of the review heatmap: a year, today included.
const HeatmapDays = 365

// Heatmap counts reviews per study day over the last HeatmapDays days,
// oldest first, today last; days without reviews have a zero count.
func Heatmap(logs []ReviewLog, now time.Time, b DayBoundary) []DayCount {
	out := make([]DayCount, HeatmapDays)
	today := b.DayNumber(now)
	first := today - HeatmapDays + 1
	for _, l := range logs {
		if d := b.DayNumber(l.Review); d >= first && d <= today {
			out[d-first].Count++
		}
	}
	day := b.DayStart(now)
	for i := HeatmapDays - 1; i >= 0; i-- {
		out[i].Date = day.Format(time.DateOnly)
		day = b.DayStart(day.Add(-time.Hour))
	}
	return out
}

// NewCardPrior is the chance we assume a learner answers a question on a
// card never studied: 1 in 4, a blind guess among the four options of an
// SAA-C03 multiple-choice question. Exam readiness counts new cards at it.
const NewCardPrior = 0.25

// GroupStat is mastery and exam readiness of one group of cards (a topic).
type GroupStat struct {
	Group   string `json:"group"`
	Cards   int    `json:"cards"`
	Studied int    `json:"studied"` // cards reviewed at least once
	// Mastery is the mean retrievability now over all cards, new cards
	// counting 0: how much of the topic is learned and still remembered.
	Mastery float64 `json:"mastery"`
	// Readiness is the expected share answered right now in an exam on the
	// topic: studied cards at their retrievability, new cards at
	// NewCardPrior.
	Readiness float64 `json:"readiness"`
}

// Mastery groups cards by their Group and returns each group's mastery and
// readiness, sorted by group name. Suspended cards count: they are still
// exam material.
func Mastery(cards []QueueCard, now time.Time, s *Scheduler) []GroupStat {
	type acc struct {
		n, studied int
		sumR       float64
	}
	groups := map[string]*acc{}
	for i := range cards {
		c := &cards[i]
		a := groups[c.Group]
		if a == nil {
			a = &acc{}
			groups[c.Group] = a
		}
		a.n++
		if c.Card.State != New {
			a.studied++
			a.sumR += s.Retrievability(c.Card, now)
		}
	}
	out := make([]GroupStat, 0, len(groups))
	for g, a := range groups {
		out = append(out, GroupStat{
			Group: g, Cards: a.n, Studied: a.studied,
			Mastery:   a.sumR / float64(a.n),
			Readiness: (a.sumR + NewCardPrior*float64(a.n-a.studied)) / float64(a.n),
		})
	}
	slices.SortFunc(out, func(a, b GroupStat) int { return cmp.Compare(a.Group, b.Group) })
	return out
}

// ExamReadiness is Mastery over all cards as one group named "all".
func ExamReadiness(cards []QueueCard, now time.Time, s *Scheduler) GroupStat {
	all := make([]QueueCard, len(cards))
	for i, c := range cards {
		c.Group = "all"
		all[i] = c
	}
	out := Mastery(all, now, s)
	if len(out) == 0 {
		return GroupStat{Group: "all"}
	}
	return out[0]
}
