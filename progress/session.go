package progress

import (
	"context"
	"hash/fnv"
	"time"

	"github.com/saa-study/saa-study/content"
	"github.com/saa-study/saa-study/srs"
)

// Session is one load of today's review queue.
type Session struct {
	set   *Set
	sc    Scheduling
	queue srs.Queue
	items map[string]SRSItem // by "kind:id": every item the queue names
	order []string           // keys of items in the order fetched (new first, by introduction)
	done  int                // answers given today
	doneT srs.DoneToday      // new and review answers today, for the limits

	// When nothing is left to show now: every item, for the next due time,
	// review ahead and drill weakest.
	all     []srs.QueueCard
	allIt   map[string]SRSItem
	nextDue time.Time
	hasNext bool
}

// LoadSession builds today's queue at now. set is reused when given.
func (p *Progress) LoadSession(ctx context.Context, lang content.Lang, set *Set, now time.Time) (*Session, error) {
	if !p.HasStore() {
		return nil, errNoStore
	}
	ctx = orBackground(ctx)
	st := p.st
	var err error
	if set == nil {
		if set, err = p.LoadSet(ctx, lang); err != nil {
			return nil, err
		}
	}
	sc, err := p.Scheduling(ctx)
	if err != nil {
		return nil, err
	}
	start := sc.Day.DayStart(now)
	done, err := st.DoneSince(ctx, start)
	if err != nil {
		return nil, err
	}
	// Fetch a few more new items than the limit: some may belong to the
	// other language or to content that is gone.
	newLeft := max(0, sc.Policy.NewPerDay-done.New)
	reviewsLeft := max(0, sc.Policy.ReviewsPerDay-done.Reviews)
	var raw []SRSItem
	if set.only != "" {
		// One deck: the due-now scans cover every deck and may not reach
		// this one's items; read them all (in introduction order) instead.
		raw, err = st.SRSItems(ctx)
	} else {
		raw, err = st.SRSDue(ctx, now, sc.Day.NextDayStart(now), reviewsLeft*2+50, newLeft*2+50)
	}
	if err != nil {
		return nil, err
	}
	qc, kept := set.queueCards(raw)
	s := &Session{set: set, sc: sc, items: make(map[string]SRSItem, len(kept)), doneT: done}
	for _, it := range kept {
		s.items[it.Key()] = it
		s.order = append(s.order, it.Key())
	}
	s.queue = srs.BuildQueue(qc, now, done, sc.Policy)
	recs, err := st.ReviewsSince(ctx, start)
	if err != nil {
		return nil, err
	}
	s.done = len(recs)
	if _, ok := s.Pick(now); !ok {
		if err := s.loadAll(ctx, p, now); err != nil {
			return nil, err
		}
	}
	return s, nil
}

// loadAll reads every item, for "nothing due" and the extra modes.
func (s *Session) loadAll(ctx context.Context, p *Progress, now time.Time) error {
	items, err := p.st.SRSItems(ctx)
	if err != nil {
		return err
	}
	qc, kept := s.set.queueCards(items)
	s.all = qc
	s.allIt = make(map[string]SRSItem, len(kept))
	for _, it := range kept {
		s.allIt[it.Key()] = it
	}
	s.nextDue, s.hasNext = srs.NextDue(qc, now)
	return nil
}

// Set is the items the session was built from.
func (s *Session) Set() *Set { return s.set }

// Scheduling is the configuration the session was built with.
func (s *Session) Scheduling() Scheduling { return s.sc }

// Done is how many answers were given today.
func (s *Session) Done() int { return s.done }

// NextDue is when the next item falls due, once nothing is left now.
func (s *Session) NextDue() (time.Time, bool) { return s.nextDue, s.hasNext }

// HasAll reports whether every item was read (nothing was left to show
// when the session was loaded): review ahead and drill need them.
func (s *Session) HasAll() bool { return s.all != nil }

// Pick returns the key of the item to show at now: a learning step due
// now, else the main line, else a learning step due within learnAhead.
func (s *Session) Pick(now time.Time) (string, bool) {
	it, next, ok := s.queue.Pick(now)
	if ok {
		return it.ID, true
	}
	if !next.IsZero() && next.Sub(now) <= learnAhead {
		return s.queue.Learning[0].ID, true
	}
	return "", false
}

// WaitingUntil is when the next learning step of today falls due, or zero.
func (s *Session) WaitingUntil(now time.Time) time.Time {
	_, next, _ := s.queue.Pick(now)
	return next
}

// Counts are the numbers on the review header.
func (s *Session) Counts() (learning, review, fresh int) {
	learning = len(s.queue.Learning)
	for _, it := range s.queue.Main {
		if it.Kind == srs.KindNew {
			fresh++
		} else {
			review++
		}
	}
	return
}

// Item returns a stored item by key from whichever list holds it.
func (s *Session) Item(k string) (SRSItem, bool) {
	if it, ok := s.items[k]; ok {
		return it, true
	}
	it, ok := s.allIt[k]
	return it, ok
}

// Remember keeps it among every item (after a rating in review ahead or
// drill, or an undo), so that Item finds it.
func (s *Session) Remember(it SRSItem) {
	if s.allIt == nil {
		s.allIt = map[string]SRSItem{}
	}
	s.allIt[it.Key()] = it
}

// ReviewAhead lists the items due within days, most due first.
func (s *Session) ReviewAhead(now time.Time, days int) []srs.QueueItem {
	return srs.ReviewAhead(s.all, now, days, s.sc.Sched, s.sc.Day)
}

// DrillWeakest lists up to n items with the weakest memory.
func (s *Session) DrillWeakest(now time.Time, n int) []srs.QueueItem {
	return srs.DrillWeakest(s.all, now, n, s.sc.Sched, LeechLapses)
}

// Preview is the item's next state under each rating, Again to Easy.
func (s *Session) Preview(it SRSItem, now time.Time) [4]srs.Card {
	return s.sc.Sched.Preview(it.Card, now)
}

// After returns the session as it is once `after` was committed: the item
// replaced, today's counts moved on and the queue rebuilt in memory, with
// no database read. ok is false when nothing is left to show now; the
// caller then reloads, to learn when the next card is due.
func (s *Session) After(before, after SRSItem, now time.Time) (*Session, bool) {
	n := *s
	n.items = make(map[string]SRSItem, len(s.items)+1)
	for k, v := range s.items {
		n.items[k] = v
	}
	n.items[after.Key()] = after
	n.done++
	n.doneT = s.doneT
	switch before.Card.State {
	case srs.New:
		n.doneT.New++
	case srs.Review:
		n.doneT.Reviews++
	}
	n.order = s.order
	if _, known := s.items[after.Key()]; !known {
		n.order = append(append([]string(nil), s.order...), after.Key())
	}
	qc := make([]srs.QueueCard, 0, len(n.order))
	for _, k := range n.order {
		it := n.items[k]
		e := n.set.Get(it.Kind, it.ItemID)
		if e == nil {
			continue
		}
		qc = append(qc, srs.QueueCard{ID: k, Card: it.Card, Group: e.Topic, Suspended: it.Suspended, BuriedUntil: it.BuriedUntil})
	}
	n.queue = srs.BuildQueue(qc, now, n.doneT, n.sc.Policy)
	n.all, n.allIt = nil, nil
	_, ok := n.Pick(now)
	return &n, ok
}

// ReviewSeed gives each showing of a question its own option order: the
// item, how often it was reviewed, and the session.
func ReviewSeed(key string, reps int, session int64) uint64 {
	h := fnv.New64a()
	h.Write([]byte(key))
	return h.Sum64() ^ uint64(reps)*0x9E3779B97F4A7C15 ^ uint64(session)
}
