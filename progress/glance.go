package progress

import (
	"context"
	"strings"
	"time"

	"github.com/saa-study/saa-study/content"
	"github.com/saa-study/saa-study/srs"
)

// Glance is the one-line summary on the home screen.
type Glance struct {
	DueToday  int     `json:"due_today"`
	Streak    int     `json:"streak"`
	Readiness float64 `json:"readiness"`
	// Studied is false until the first answer: a readiness figure then
	// would only be the guessing rate.
	Studied bool `json:"studied"`
}

// Glance computes the home screen's summary (zero without a store).
func (p *Progress) Glance(ctx context.Context, lang content.Lang, now time.Time) (Glance, error) {
	if !p.HasStore() {
		return Glance{}, nil
	}
	ctx = orBackground(ctx)
	st := p.st
	set, err := p.loadSet(ctx, lang, true)
	if err != nil {
		return Glance{}, err
	}
	sc, err := p.Scheduling(ctx)
	if err != nil {
		return Glance{}, err
	}
	items, err := st.SRSItems(ctx)
	if err != nil {
		return Glance{}, err
	}
	qc, _ := set.queueCards(items)
	logs, err := st.ReviewsSince(ctx, sc.Day.DayStart(now))
	if err != nil {
		return Glance{}, err
	}
	var g Glance
	today := srs.Today(qc, logsOf(logs), now, sc.Policy)
	g.DueToday = today.Due + today.New
	if g.Streak, err = st.Streak(ctx, now, sc.Day); err != nil {
		return g, err
	}
	g.Readiness = overallReadiness(domainReadiness(set, items, now, sc.Sched))
	for _, it := range items {
		if it.Card.State != srs.New {
			g.Studied = true
			break
		}
	}
	return g, nil
}

// DueByTopic counts, per note, the flashcards and questions of lang that
// are due for review at now (new items are not counted: they are not due
// yet). It is nil without a store or content.
func (p *Progress) DueByTopic(ctx context.Context, lang content.Lang, now time.Time) (map[string]int, error) {
	if !p.HasStore() {
		return nil, nil
	}
	items, err := p.st.SRSItems(orBackground(ctx))
	if err != nil || p.lib == nil {
		return nil, err
	}
	topic := map[string]string{}
	for _, k := range p.lib.Cards(lang) {
		topic[KindCard+":"+k.ID] = k.Topic
	}
	for _, q := range p.lib.Questions(lang) {
		topic[KindQuestion+":"+q.ID] = q.Topic
	}
	out := map[string]int{}
	for _, it := range items {
		if it.Suspended || it.Card.State == srs.New || it.Card.Due.After(now) || it.BuriedUntil.After(now) {
			continue
		}
		id, _, _ := strings.Cut(it.ItemID, "::") // a cloze number is part of its card
		if t, ok := topic[it.Kind+":"+id]; ok {
			out[t]++
		}
	}
	return out, nil
}
