package ui

import (
	"context"
	"errors"
	"hash/fnv"
	"time"

	"github.com/saa-study/saa-study/content"
	"github.com/saa-study/saa-study/srs"
	"github.com/saa-study/saa-study/store"
)

// rvSession is one load of today's queue, built in a command.
type rvSession struct {
	set   *srsSet
	sc    srsContext
	queue srs.Queue
	items map[string]store.SRSItem // by "kind:id": every item the queue names
	order []string                 // keys of items in the order fetched (new first, by introduction)
	done  int                      // answers given today
	doneT srs.DoneToday            // new and review answers today, for the limits

	// When nothing is left to show now: every item, for the next due time,
	// review ahead and drill weakest.
	all     []srs.QueueCard
	allIt   map[string]store.SRSItem
	nextDue time.Time
	hasNext bool
}

// loadSession builds today's queue at now. set is reused when given.
func loadSession(ctx context.Context, lib *content.Library, st *store.Store, lang content.Lang, set *srsSet, now time.Time) (*rvSession, error) {
	if st == nil {
		return nil, errors.New("no progress database is open")
	}
	var err error
	if set == nil {
		if set, err = loadSRSSet(ctx, lib, st, lang); err != nil {
			return nil, err
		}
	}
	sc, err := loadSRSContext(ctx, st)
	if err != nil {
		return nil, err
	}
	start := sc.day.DayStart(now)
	done, err := st.DoneSince(ctx, start)
	if err != nil {
		return nil, err
	}
	// Fetch a few more new items than the limit: some may belong to the
	// other language or to content that is gone.
	newLeft := max(0, sc.policy.NewPerDay-done.New)
	reviewsLeft := max(0, sc.policy.ReviewsPerDay-done.Reviews)
	raw, err := st.SRSDue(ctx, now, sc.day.NextDayStart(now), reviewsLeft*2+50, newLeft*2+50)
	if err != nil {
		return nil, err
	}
	qc, kept := set.queueCards(raw)
	s := &rvSession{set: set, sc: sc, items: make(map[string]store.SRSItem, len(kept)), doneT: done}
	for _, it := range kept {
		s.items[it.Key()] = it
		s.order = append(s.order, it.Key())
	}
	s.queue = srs.BuildQueue(qc, now, done, sc.policy)
	recs, err := st.ReviewsSince(ctx, start)
	if err != nil {
		return nil, err
	}
	s.done = len(recs)
	if _, ok := s.pick(now); !ok {
		if err := s.loadAll(ctx, st, now); err != nil {
			return nil, err
		}
	}
	return s, nil
}

// loadAll reads every item, for "nothing due" and the extra modes.
func (s *rvSession) loadAll(ctx context.Context, st *store.Store, now time.Time) error {
	items, err := st.SRSItems(ctx)
	if err != nil {
		return err
	}
	qc, kept := s.set.queueCards(items)
	s.all = qc
	s.allIt = make(map[string]store.SRSItem, len(kept))
	for _, it := range kept {
		s.allIt[it.Key()] = it
	}
	s.nextDue, s.hasNext = srs.NextDue(qc, now)
	return nil
}

// pick returns the key of the item to show at now: a learning step due
// now, else the main line, else a learning step due within learnAhead.
func (s *rvSession) pick(now time.Time) (string, bool) {
	it, next, ok := s.queue.Pick(now)
	if ok {
		return it.ID, true
	}
	if !next.IsZero() && next.Sub(now) <= learnAhead {
		return s.queue.Learning[0].ID, true
	}
	return "", false
}

// waitingUntil is when the next learning step of today falls due, or zero.
func (s *rvSession) waitingUntil(now time.Time) time.Time {
	_, next, _ := s.queue.Pick(now)
	return next
}

// counts are the numbers on the review header.
func (s *rvSession) counts() (learning, review, fresh int) {
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

// item returns a stored item by key from whichever list holds it.
func (s *rvSession) item(k string) (store.SRSItem, bool) {
	if it, ok := s.items[k]; ok {
		return it, true
	}
	it, ok := s.allIt[k]
	return it, ok
}

// rate applies a rating to an item and commits it: the review log row and
// the new state in one transaction. A card that just reached LeechLapses
// is tagged and suspended in the same write.
func rvRate(ctx context.Context, st *store.Store, sched *srs.Scheduler, it store.SRSItem, r srs.Rating, now time.Time, took time.Duration) (store.SRSItem, bool, error) {
	next, _, err := sched.Review(it.Card, now, r)
	if err != nil {
		return it, false, err
	}
	after := it
	after.Card = next
	leech := srs.BecameLeech(it.Card, next, LeechLapses)
	if leech {
		after.Leech, after.Suspended = true, true
	}
	_, err = st.CommitReview(ctx, store.Review{Kind: it.Kind, ItemID: it.ItemID, Rating: r, Before: it, After: after,
		ReviewedAt: now, DurationMS: took.Milliseconds()})
	return after, leech, err
}

// reviewSeed gives each showing of a question its own option order: the
// item, how often it was reviewed, and the session.
func reviewSeed(key string, reps int, session int64) uint64 {
	h := fnv.New64a()
	h.Write([]byte(key))
	return h.Sum64() ^ uint64(reps)*0x9E3779B97F4A7C15 ^ uint64(session)
}

// after returns the session as it is once `after` was committed: the item
// replaced, today's counts moved on and the queue rebuilt in memory, with
// no database read. ok is false when nothing is left to show now; the
// caller then reloads, to learn when the next card is due.
func (s *rvSession) after(before, after store.SRSItem, now time.Time) (*rvSession, bool) {
	n := *s
	n.items = make(map[string]store.SRSItem, len(s.items)+1)
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
		e := n.set.get(it.Kind, it.ItemID)
		if e == nil {
			continue
		}
		qc = append(qc, srs.QueueCard{ID: k, Card: it.Card, Group: e.Topic, Suspended: it.Suspended, BuriedUntil: it.BuriedUntil})
	}
	n.queue = srs.BuildQueue(qc, now, n.doneT, n.sc.policy)
	n.all, n.allIt = nil, nil
	_, ok := n.pick(now)
	return &n, ok
}
