package ui

import (
	"context"
	"fmt"
	"time"

	tea "charm.land/bubbletea/v2"

	"github.com/saa-study/saa-study/content"
	"github.com/saa-study/saa-study/srs"
	"github.com/saa-study/saa-study/store"
	"github.com/saa-study/saa-study/ui/text"
)

// LeechLapses is when a card becomes a leech: Anki's default of 8 lapses.
const LeechLapses = 8

// learnAhead lets a learning step due this soon be shown early when
// nothing else is left, as Anki's default "learn ahead limit" does.
const learnAhead = 20 * time.Minute

// srsEntry is one schedulable item with what the screens need to show it.
type srsEntry struct {
	Kind, ID string // the store's kind and item id
	Deck     string // "" for the built-in content
	Topic    string // note id (built-in) or deck id: mastery groups
	Domain   string // questions: the exam domain
	Section  string // "note-id#section-id" that teaches it
	Card     *content.Card
	ClozeN   string // the cloze number this entry hides, for cloze cards
	Q        *content.Question
	Front    string // imported cards
	Back     string
}

func (e *srsEntry) key() string { return e.Kind + ":" + e.ID }

// srsSet is every item the learner can review in one language: the
// built-in content, folder decks and imported decks.
type srsSet struct {
	Lang     content.Lang
	Entries  []*srsEntry
	byKey    map[string]*srsEntry
	Warnings []string // decks that could not be loaded
}

func (s *srsSet) get(kind, id string) *srsEntry { return s.byKey[kind+":"+id] }

// LoadSRSSet gathers the reviewable items of lang and registers them in the
// schedule (new ones start as new cards). Folder decks are loaded from
// disk; a deck that fails to load is skipped with a warning.
func loadSRSSet(ctx context.Context, lib *content.Library, st *store.Store, lang content.Lang) (*srsSet, error) {
	set := &srsSet{Lang: lang, byKey: map[string]*srsEntry{}}
	if lib != nil {
		set.addLibrary(lib, lang, "", "")
	}
	if st == nil {
		return set, nil
	}
	decks, err := st.Decks(ctx)
	if err != nil {
		return nil, err
	}
	for _, d := range decks {
		if d.Source != store.DeckFolder {
			continue
		}
		dl, err := content.LoadDir(d.Path)
		if err != nil {
			set.Warnings = append(set.Warnings, fmt.Sprintf("deck %s (%s): %v", d.ID, d.Path, srsFirstLine(err.Error())))
			continue
		}
		set.addLibrary(dl, lang, d.ID, d.ID+"/")
	}
	imported, err := st.DeckCards(ctx)
	if err != nil {
		return nil, err
	}
	for _, c := range imported {
		set.add(&srsEntry{Kind: store.KindCard, ID: c.Deck + "/" + c.CardID, Deck: c.Deck, Topic: c.Deck, Front: c.Front, Back: c.Back})
	}
	refs := make([]store.SRSRef, len(set.Entries))
	for i, e := range set.Entries {
		refs[i] = store.SRSRef{Kind: e.Kind, ItemID: e.ID, Deck: e.Deck, Ord: i}
	}
	if _, err := st.RegisterSRSItems(ctx, refs); err != nil {
		return nil, err
	}
	return set, nil
}

func srsFirstLine(s string) string {
	for i, r := range s {
		if r == '\n' {
			return s[:i] + " …"
		}
	}
	return s
}

func (s *srsSet) add(e *srsEntry) {
	if _, dup := s.byKey[e.key()]; dup {
		return
	}
	s.byKey[e.key()] = e
	s.Entries = append(s.Entries, e)
}

// addLibrary adds a library's cards and questions topic by topic, in note
// order, so new items arrive the way the notes teach them.
func (s *srsSet) addLibrary(lib *content.Library, lang content.Lang, deck, prefix string) {
	order := map[string]int{}
	for i, n := range lib.Notes(lang) {
		order[n.ID] = i
	}
	rank := func(topic string) int {
		if i, ok := order[topic]; ok {
			return i
		}
		return len(order)
	}
	topicOf := func(t string) string {
		if deck != "" {
			return deck
		}
		return t
	}
	for r := 0; r <= len(order); r++ {
		// Cards and questions of a topic alternate, so a day's new items
		// mix recall and scenarios.
		var cards, questions []*srsEntry
		for _, c := range lib.Cards(lang) {
			if rank(c.Topic) != r {
				continue
			}
			if c.IsCloze() {
				for _, n := range c.ClozeNumbers() {
					cards = append(cards, &srsEntry{Kind: store.KindCard, ID: prefix + c.ID + "::c" + n, Deck: deck, Topic: topicOf(c.Topic), Section: c.Section, Card: c, ClozeN: n})
				}
				continue
			}
			cards = append(cards, &srsEntry{Kind: store.KindCard, ID: prefix + c.ID, Deck: deck, Topic: topicOf(c.Topic), Section: c.Section, Card: c})
		}
		for _, q := range lib.Questions(lang) {
			if rank(q.Topic) == r {
				questions = append(questions, &srsEntry{Kind: store.KindQuestion, ID: prefix + q.ID, Deck: deck, Topic: topicOf(q.Topic), Domain: q.Domain, Section: q.Section, Q: q})
			}
		}
		for i := 0; i < max(len(cards), len(questions)); i++ {
			if i < len(cards) {
				s.add(cards[i])
			}
			if i < len(questions) {
				s.add(questions[i])
			}
		}
	}
}

// queueCards turns stored items that belong to the set into the
// scheduler's view, dropping items of other languages or removed content.
func (s *srsSet) queueCards(items []store.SRSItem) ([]srs.QueueCard, []store.SRSItem) {
	qc := make([]srs.QueueCard, 0, len(items))
	kept := make([]store.SRSItem, 0, len(items))
	for _, it := range items {
		e := s.get(it.Kind, it.ItemID)
		if e == nil {
			continue
		}
		qc = append(qc, srs.QueueCard{ID: it.Key(), Card: it.Card, Group: e.Topic, Suspended: it.Suspended, BuriedUntil: it.BuriedUntil})
		kept = append(kept, it)
	}
	return qc, kept
}

// srsContext is the scheduler configuration of the learner.
type srsContext struct {
	cfg    store.SRSConfig
	day    srs.DayBoundary
	sched  *srs.Scheduler
	policy srs.QueuePolicy
}

func loadSRSContext(ctx context.Context, st *store.Store) (srsContext, error) {
	cfg := store.DefaultSRSConfig()
	if st != nil {
		var err error
		if cfg, err = st.SRSConfig(ctx); err != nil {
			return srsContext{}, err
		}
	}
	day := srs.DayBoundary{Loc: time.Local, Hour: cfg.DayHour}
	p := srs.DefaultParams()
	p.Day = day
	p.EnableFuzz = true
	sched, err := srs.NewScheduler(p)
	if err != nil {
		return srsContext{}, err
	}
	pol := srs.DefaultQueuePolicy()
	pol.NewPerDay, pol.ReviewsPerDay, pol.LeechLapses, pol.Day = cfg.NewPerDay, cfg.ReviewsPerDay, LeechLapses, day
	return srsContext{cfg: cfg, day: day, sched: sched, policy: pol}, nil
}

// nowOf is the screen's clock: the injected one, else the wall clock.
func srsNow(c *Common) time.Time {
	if c.Now != nil {
		return c.Now()
	}
	return time.Now()
}

// Glance is the one-line summary on the home screen.
type Glance struct {
	DueToday  int     `json:"due_today"`
	Streak    int     `json:"streak"`
	Readiness float64 `json:"readiness"`
	// Studied is false until the first answer: a readiness figure then
	// would only be the guessing rate.
	Studied bool `json:"studied"`
}

// loadGlance computes the home screen's summary.
func loadGlance(ctx context.Context, lib *content.Library, st *store.Store, lang content.Lang, now time.Time) (Glance, error) {
	if st == nil {
		return Glance{}, nil
	}
	set, err := loadSRSSet(ctx, lib, st, lang)
	if err != nil {
		return Glance{}, err
	}
	sc, err := loadSRSContext(ctx, st)
	if err != nil {
		return Glance{}, err
	}
	items, err := st.SRSItems(ctx)
	if err != nil {
		return Glance{}, err
	}
	qc, _ := set.queueCards(items)
	logs, err := st.ReviewsSince(ctx, sc.day.DayStart(now))
	if err != nil {
		return Glance{}, err
	}
	var g Glance
	today := srs.Today(qc, srsLogsOf(logs), now, sc.policy)
	g.DueToday = today.Due + today.New
	if g.Streak, err = st.Streak(ctx, now, sc.day); err != nil {
		return g, err
	}
	g.Readiness = overallReadiness(domainReadiness(set, items, now, sc.sched))
	for _, it := range items {
		if it.Card.State != srs.New {
			g.Studied = true
			break
		}
	}
	return g, nil
}

func srsLogsOf(rs []store.ReviewRecord) []srs.ReviewLog {
	out := make([]srs.ReviewLog, len(rs))
	for i, r := range rs {
		out[i] = r.Log()
	}
	return out
}

// homeGlanceMsg carries the home screen's summary line.
type homeGlanceMsg string

// homeGlanceCmd computes the home summary in the background; on failure
// the line is simply left out.
func homeGlanceCmd(c *Common) tea.Cmd {
	if c.Store == nil {
		return nil
	}
	now, lang := srsNow(c), c.Lang
	return func() tea.Msg {
		g, err := loadGlance(srsCtx(c), c.Lib, c.Store, lang, now)
		if err != nil {
			return nil
		}
		if !g.Studied {
			return homeGlanceMsg(fmt.Sprintf(text.T(lang, "home.glance.new"), g.DueToday))
		}
		return homeGlanceMsg(fmt.Sprintf(text.T(lang, "home.glance"), g.DueToday, g.Streak, int(g.Readiness*100+0.5)))
	}
}

// srsCtx is the screen's context, or Background when none was given.
func srsCtx(c *Common) context.Context {
	if c.Ctx != nil {
		return c.Ctx
	}
	return context.Background()
}
