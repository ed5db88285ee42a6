package progress

import (
	"context"
	"time"

	"github.com/saa-study/saa-study/srs"
	"github.com/saa-study/saa-study/store"
)

// LeechLapses is when a card becomes a leech: Anki's default of 8 lapses.
const LeechLapses = 8

// learnAhead lets a learning step due this soon be shown early when
// nothing else is left, as Anki's default "learn ahead limit" does.
const learnAhead = 20 * time.Minute

// Scheduling is the learner's scheduler configuration: the saved limits,
// the study day, the scheduler and the queue policy.
type Scheduling struct {
	Limits SRSConfig
	Day    srs.DayBoundary
	Sched  *srs.Scheduler
	Policy srs.QueuePolicy
}

// Scheduling reads the learner's limits (defaults without a store) and
// builds the scheduler for the study day in the Progress's time zone.
func (p *Progress) Scheduling(ctx context.Context) (Scheduling, error) {
	cfg := store.DefaultSRSConfig()
	if p.HasStore() {
		var err error
		if cfg, err = p.st.SRSConfig(orBackground(ctx)); err != nil {
			return Scheduling{}, err
		}
	}
	day := srs.DayBoundary{Loc: p.Location(), Hour: cfg.DayHour}
	prm := srs.DefaultParams()
	prm.Day = day
	prm.EnableFuzz = true
	prm.RequestRetention = cfg.DesiredRetention
	if p.HasStore() {
		fits, err := p.st.FSRSFits(orBackground(ctx))
		if err != nil {
			return Scheduling{}, err
		}
		if len(fits) > 0 {
			prm.W = fits[len(fits)-1].Parameters
		}
	}
	sched, err := srs.NewScheduler(prm)
	if err != nil {
		return Scheduling{}, err
	}
	pol := srs.DefaultQueuePolicy()
	pol.NewPerDay, pol.ReviewsPerDay, pol.LeechLapses, pol.Day = cfg.NewPerDay, cfg.ReviewsPerDay, LeechLapses, day
	return Scheduling{Limits: cfg, Day: day, Sched: sched, Policy: pol}, nil
}

// next applies a rating to an item: the scheduler's next state, and a card
// that just reached LeechLapses tagged and suspended.
func (sc Scheduling) next(it SRSItem, r srs.Rating, now time.Time) (SRSItem, bool, error) {
	c, _, err := sc.Sched.Review(it.Card, now, r)
	if err != nil {
		return it, false, err
	}
	after := it
	after.Card = c
	leech := srs.BecameLeech(it.Card, c, LeechLapses)
	if leech {
		after.Leech, after.Suspended = true, true
	}
	return after, leech, nil
}

func logsOf(rs []store.ReviewRecord) []srs.ReviewLog {
	out := make([]srs.ReviewLog, len(rs))
	for i, r := range rs {
		out[i] = r.Log()
	}
	return out
}
