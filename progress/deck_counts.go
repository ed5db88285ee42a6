package progress

import (
	"context"
	"sort"
	"time"

	"github.com/saa-study/saa-study/content"
	"github.com/saa-study/saa-study/srs"
	"github.com/saa-study/saa-study/store"
)

// Deck sources in DeckCount.
const (
	DeckBuiltin = "builtin" // a topic of the built-in content
	DeckImport  = store.DeckImport
)

// DeckCount is one deck of the deck list: a built-in topic, a folder deck
// or an imported deck, with what it holds today.
type DeckCount struct {
	ID     string // the topic's note id, or the deck id
	Title  string
	Source string // DeckBuiltin, DeckFolder or DeckImport
	New    int    // new cards and questions, not suspended
	Due    int    // reviews and learning steps due before the study day ends
	Cards  int    // everything schedulable in it
}

// DeckCounts lists every deck the learner reviews in lang: the built-in
// topics in note order, then their own decks by id.
func (p *Progress) DeckCounts(ctx context.Context, lang content.Lang, now time.Time) ([]DeckCount, error) {
	ctx = orBackground(ctx)
	set, err := p.LoadSet(ctx, lang)
	if err != nil {
		return nil, err
	}
	items := map[string]SRSItem{}
	sources := map[string]string{}
	var end time.Time
	if p.HasStore() {
		all, err := p.st.SRSItems(ctx)
		if err != nil {
			return nil, err
		}
		for _, it := range all {
			items[it.Key()] = it
		}
		decks, err := p.st.Decks(ctx)
		if err != nil {
			return nil, err
		}
		for _, d := range decks {
			sources[d.ID] = d.Source
		}
		sc, err := p.Scheduling(ctx)
		if err != nil {
			return nil, err
		}
		end = sc.Day.NextDayStart(now)
	}
	byID := map[string]*DeckCount{}
	var order []string
	for _, e := range set.Entries {
		if e.Kind == store.KindLab {
			continue
		}
		d := byID[e.Topic]
		if d == nil {
			d = &DeckCount{ID: e.Topic, Title: e.Topic, Source: DeckBuiltin}
			if e.Deck != "" {
				d.Source = sources[e.Deck]
			} else if lib := p.Library(); lib != nil {
				if n := lib.Note(lang, e.Topic); n != nil {
					d.Title = n.Title
				}
			}
			byID[e.Topic] = d
			order = append(order, e.Topic)
		}
		d.Cards++
		it, ok := items[e.Key()]
		switch {
		case !ok:
			d.New++
		case it.Suspended || it.BuriedUntil.After(now):
		case it.Card.State == srs.New:
			d.New++
		case it.Card.Due.Before(end):
			d.Due++
		}
	}
	out := make([]DeckCount, 0, len(order))
	for _, id := range order {
		out = append(out, *byID[id])
	}
	sort.SliceStable(out, func(i, j int) bool {
		bi, bj := out[i].Source == DeckBuiltin, out[j].Source == DeckBuiltin
		if bi != bj {
			return bi
		}
		return !bi && out[i].ID < out[j].ID
	})
	return out, nil
}

// Only is the part of the set in one deck or topic (a DeckCount's ID), for
// reviewing that deck alone.
func (s *Set) Only(topic string) *Set {
	out := &Set{Lang: s.Lang, byKey: map[string]*Entry{}, Warnings: s.Warnings, only: topic}
	for _, e := range s.Entries {
		if e.Topic == topic {
			out.add(e)
		}
	}
	return out
}
