package srs

import (
	"cmp"
	"slices"
	"time"
)

// QueueCard is a card as the queue and the statistics see it: its
// scheduling state plus what the learner has done to it.
type QueueCard struct {
	ID          string    `json:"id"`
	Card        Card      `json:"card"`
	Group       string    `json:"group,omitempty"`       // topic, for per-group statistics
	Suspended   bool      `json:"suspended,omitempty"`   // left out until unsuspended
	BuriedUntil time.Time `json:"buried_until,omitzero"` // left out until then
}

// QueuePolicy holds the daily limits and ordering rules of a session.
type QueuePolicy struct {
	NewPerDay     int `json:"new_per_day"`     // new cards introduced per study day
	ReviewsPerDay int `json:"reviews_per_day"` // Review-state cards answered per study day
	// NewEvery puts one new card after every NewEvery reviews; 0 spreads
	// the day's new cards evenly through the reviews.
	NewEvery int `json:"new_every"`
	// LeechLapses flags a card as a leech once it has lapsed this often.
	LeechLapses int         `json:"leech_lapses"`
	Day         DayBoundary `json:"-"`
}

// DefaultQueuePolicy is 20 new and 200 reviews a day, new cards spread
// evenly, leeches at 8 lapses (Anki's defaults), days from UTC midnight.
func DefaultQueuePolicy() QueuePolicy {
	return QueuePolicy{NewPerDay: 20, ReviewsPerDay: 200, LeechLapses: 8}
}

// DoneToday is what was already studied this study day, for the limits.
type DoneToday struct {
	New     int `json:"new"`     // new cards introduced
	Reviews int `json:"reviews"` // answers to Review-state cards
}

// DoneFromLogs counts today's new cards and reviews from review logs.
func DoneFromLogs(logs []ReviewLog, now time.Time, b DayBoundary) DoneToday {
	var d DoneToday
	today := b.DayNumber(now)
	for _, l := range logs {
		if b.DayNumber(l.Review) != today {
			continue
		}
		switch l.State {
		case New:
			d.New++
		case Review:
			d.Reviews++
		}
	}
	return d
}

// Kind says why a card is in the queue.
type Kind int

// Kinds of queue entries.
const (
	KindLearning Kind = iota // a (re)learning step due today
	KindReview               // a Review card due today
	KindNew                  // a new card within today's limit
)

// MarshalText writes the kind as "learning", "review" or "new".
func (k Kind) MarshalText() ([]byte, error) {
	switch k {
	case KindLearning:
		return []byte("learning"), nil
	case KindReview:
		return []byte("review"), nil
	case KindNew:
		return []byte("new"), nil
	}
	return nil, validation("unknown queue kind %d", int(k))
}

// QueueItem is one card to show.
type QueueItem struct {
	ID    string    `json:"id"`
	Index int       `json:"index"` // position in the slice given to BuildQueue
	Kind  Kind      `json:"kind"`
	Due   time.Time `json:"due"`
	// Leech is set once the card has lapsed LeechLapses times: the caller
	// tags it and may suspend it.
	Leech bool `json:"leech,omitempty"`
	// R is the recall probability now; only ReviewAhead and DrillWeakest
	// fill it.
	R float64 `json:"r,omitempty"`
}

// Queue is today's session: learning cards by due time, and the main line
// of reviews and new cards interleaved.
type Queue struct {
	Learning []QueueItem `json:"learning"` // (re)learning steps due before the day ends
	Main     []QueueItem `json:"main"`     // reviews and new cards, in showing order
}

// BuildQueue picks today's cards. Suspended cards and cards buried until
// after now are skipped; (re)learning cards due before the study day ends
// all come back, ordered by due time; Review cards due today (most overdue
// first, equal due times in input order) up to the review limit; new cards in input order up to
// the new limit, interleaved with the reviews. Pure and deterministic.
func BuildQueue(cards []QueueCard, now time.Time, done DoneToday, p QueuePolicy) Queue {
	end := p.Day.NextDayStart(now)
	// Sort small keys, not whole items: a day's reviews can be tens of
	// thousands of cards of which only the limit is kept.
	var learning, reviews []dueKey
	var news []int
	newLeft := max(0, p.NewPerDay-done.New)
	for i := range cards {
		c := &cards[i]
		if c.Suspended || c.BuriedUntil.After(now) {
			continue
		}
		switch c.Card.State {
		case Learning, Relearning:
			if c.Card.Due.Before(end) {
				learning = append(learning, dueKey{c.Card.Due.Unix(), int32(c.Card.Due.Nanosecond()), i})
			}
		case Review:
			if c.Card.Due.Before(end) {
				reviews = append(reviews, dueKey{c.Card.Due.Unix(), int32(c.Card.Due.Nanosecond()), i})
			}
		case New:
			if len(news) < newLeft {
				news = append(news, i)
			}
		}
	}
	byDue := func(a, b dueKey) int {
		if a.sec != b.sec {
			return cmp.Compare(a.sec, b.sec)
		}
		if a.nsec != b.nsec {
			return cmp.Compare(a.nsec, b.nsec)
		}
		return cmp.Compare(a.i, b.i)
	}
	slices.SortFunc(learning, byDue)
	keep := min(len(reviews), max(0, p.ReviewsPerDay-done.Reviews))
	selectFirst(reviews, keep, byDue)
	reviews = reviews[:keep]
	slices.SortFunc(reviews, byDue)
	item := func(i int, k Kind) QueueItem {
		c := &cards[i]
		return QueueItem{ID: c.ID, Index: i, Kind: k, Due: c.Card.Due, Leech: isLeech(c.Card, p.LeechLapses)}
	}
	var q Queue
	for _, k := range learning {
		q.Learning = append(q.Learning, item(k.i, KindLearning))
	}
	ri := make([]QueueItem, len(reviews))
	for j, k := range reviews {
		ri[j] = item(k.i, KindReview)
	}
	ni := make([]QueueItem, len(news))
	for j, i := range news {
		ni[j] = item(i, KindNew)
	}
	q.Main = interleave(ri, ni, p.NewEvery)
	return q
}

// selectFirst moves the k smallest keys (in any order) to the front of a,
// in linear expected time (quickselect), so a day's limit of reviews is
// found without sorting every overdue card.
func selectFirst(a []dueKey, k int, less func(a, b dueKey) int) {
	lo, hi := 0, len(a)-1
	for lo < hi && k > lo && k <= hi {
		// Median of three as pivot, then Lomuto partition.
		mid := lo + (hi-lo)/2
		if less(a[mid], a[lo]) < 0 {
			a[mid], a[lo] = a[lo], a[mid]
		}
		if less(a[hi], a[lo]) < 0 {
			a[hi], a[lo] = a[lo], a[hi]
		}
		if less(a[mid], a[hi]) < 0 {
			a[mid], a[hi] = a[hi], a[mid]
		}
		pivot := a[hi]
		p := lo
		for j := lo; j < hi; j++ {
			if less(a[j], pivot) < 0 {
				a[p], a[j] = a[j], a[p]
				p++
			}
		}
		a[p], a[hi] = a[hi], a[p]
		switch {
		case p == k || p == k-1:
			return
		case p < k:
			lo = p + 1
		default:
			hi = p - 1
		}
	}
}

// dueKey is a card's due time and its index (the tie-breaker).
type dueKey struct {
	sec  int64
	nsec int32
	i    int
}

// interleave puts one new card after every `every` reviews (spread evenly
// when every is 0); new cards left over go at the end.
func interleave(reviews, news []QueueItem, every int) []QueueItem {
	out := make([]QueueItem, 0, len(reviews)+len(news))
	if every <= 0 {
		if len(news) == 0 {
			return append(out, reviews...)
		}
		every = max(1, len(reviews)/len(news))
	}
	ni := 0
	for i, r := range reviews {
		out = append(out, r)
		if (i+1)%every == 0 && ni < len(news) {
			out = append(out, news[ni])
			ni++
		}
	}
	return append(out, news[ni:]...)
}

// Pick returns the card to show at now: a learning card whose step is due,
// else the next in the main line. With nothing to show it returns false and
// the time the next learning step falls due (zero when the day is done).
// After each answer, rebuild the queue from the updated cards.
func (q Queue) Pick(now time.Time) (QueueItem, time.Time, bool) {
	if len(q.Learning) > 0 && !q.Learning[0].Due.After(now) {
		return q.Learning[0], time.Time{}, true
	}
	if len(q.Main) > 0 {
		return q.Main[0], time.Time{}, true
	}
	if len(q.Learning) > 0 {
		return QueueItem{}, q.Learning[0].Due, false
	}
	return QueueItem{}, time.Time{}, false
}

func isLeech(c Card, threshold int) bool { return threshold > 0 && c.Lapses >= threshold }

// BecameLeech reports whether the review that turned before into after made
// the card a leech (its lapses reached threshold just now), so the caller
// tags and suspends it once.
func BecameLeech(before, after Card, threshold int) bool {
	return threshold > 0 && before.Lapses < threshold && after.Lapses >= threshold
}

// ReviewAhead lists Review cards not yet due today but due within the next
// days study days, lowest retrievability first, for studying ahead of a
// trip or an exam.
func ReviewAhead(cards []QueueCard, now time.Time, days int, s *Scheduler, b DayBoundary) []QueueItem {
	start := b.NextDayStart(now)
	limit := start
	for range max(0, days) {
		limit = b.NextDayStart(limit)
	}
	var out []QueueItem
	for i := range cards {
		c := &cards[i]
		if c.Suspended || c.BuriedUntil.After(now) || c.Card.State != Review {
			continue
		}
		if c.Card.Due.Before(start) || !c.Card.Due.Before(limit) {
			continue
		}
		out = append(out, QueueItem{ID: c.ID, Index: i, Kind: KindReview, Due: c.Card.Due, R: s.Retrievability(c.Card, now)})
	}
	slices.SortFunc(out, byR)
	return out
}

// DrillWeakest lists up to n studied cards, lowest retrievability first,
// whatever their due dates: a focused drill before an exam.
func DrillWeakest(cards []QueueCard, now time.Time, n int, s *Scheduler, leechLapses int) []QueueItem {
	var out []QueueItem
	for i := range cards {
		c := &cards[i]
		if c.Suspended || c.BuriedUntil.After(now) || c.Card.State == New {
			continue
		}
		k := KindReview
		if c.Card.State != Review {
			k = KindLearning
		}
		out = append(out, QueueItem{ID: c.ID, Index: i, Kind: k, Due: c.Card.Due,
			Leech: isLeech(c.Card, leechLapses), R: s.Retrievability(c.Card, now)})
	}
	slices.SortFunc(out, byR)
	return out[:min(len(out), max(0, n))]
}

func byR(a, b QueueItem) int {
	if c := cmp.Compare(a.R, b.R); c != 0 {
		return c
	}
	if c := a.Due.Compare(b.Due); c != 0 {
		return c
	}
	return cmp.Compare(a.ID, b.ID)
}

// NextDue returns when the next studied card falls due after now (a buried
// card counts from the end of its burial), for "nothing due: next card at
// ...". New cards are left out: they wait for tomorrow's new-card limit.
func NextDue(cards []QueueCard, now time.Time) (time.Time, bool) {
	var best time.Time
	found := false
	for i := range cards {
		c := &cards[i]
		if c.Suspended || c.Card.State == New {
			continue
		}
		due := c.Card.Due
		if c.BuriedUntil.After(due) {
			due = c.BuriedUntil
		}
		if due.After(now) && (!found || due.Before(best)) {
			best, found = due, true
		}
	}
	return best, found
}
