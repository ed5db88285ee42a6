package progress

import (
	"context"
	"fmt"
	"slices"
	"strings"

	"github.com/saa-study/saa-study/content"
	"github.com/saa-study/saa-study/srs"
	"github.com/saa-study/saa-study/store"
)

// Entry is one schedulable item with what the screens need to show it.
type Entry struct {
	Kind, ID string // the store's kind and item id
	Deck     string // "" for the built-in content
	Topic    string // note id (built-in) or deck id: mastery groups
	Domain   string // questions: the exam domain
	Section  string // "note-id#section-id" that teaches it
	Card     *content.Card
	ClozeN   string // the cloze number this entry hides, for cloze cards
	Q        *content.Question
	Lab      *content.Lab
	Front    string // imported cards
	Back     string
	Tags     []string // imported cards' tags
}

// Key is "kind:id", as SRSItem.Key.
func (e *Entry) Key() string { return e.Kind + ":" + e.ID }

// Set is every item the learner can review in one language: the
// built-in content, folder decks and imported decks.
type Set struct {
	Lang     content.Lang
	Entries  []*Entry
	byKey    map[string]*Entry
	Warnings []string // decks that could not be loaded
	only     string   // the deck or topic of a set made by Only
}

// Get returns the entry of an item, or nil when it is not in the set.
func (s *Set) Get(kind, id string) *Entry { return s.byKey[kind+":"+id] }

// ByKey returns the entry of "kind:id", or nil.
func (s *Set) ByKey(key string) *Entry { return s.byKey[key] }

// LoadSet gathers the reviewable items of lang and registers them in the
// schedule (new ones start as new cards). Folder decks are loaded from
// disk; a deck that fails to load is skipped with a warning.
func (p *Progress) LoadSet(ctx context.Context, lang content.Lang) (*Set, error) {
	return p.loadSet(ctx, lang, false)
}

// loadSet is LoadSet; with light set, the built-in content's entries
// carry no question or card (Entry.Q and Entry.Card are nil): their ids,
// topics, domains and sections come from the content's index, which needs
// no item parsed. The home screen's glance counts from such a set.
func (p *Progress) loadSet(ctx context.Context, lang content.Lang, light bool) (*Set, error) {
	ctx = orBackground(ctx)
	set, err := p.gatherSet(ctx, lang, light)
	if err != nil || !p.HasStore() {
		return set, err
	}
	refs := make([]store.SRSRef, 0, len(set.Entries))
	for i, e := range set.Entries {
		// A lab joins the schedule when it is first attempted (CommitLab),
		// not as a new item of the day.
		if e.Kind != store.KindLab {
			refs = append(refs, store.SRSRef{Kind: e.Kind, ItemID: e.ID, Deck: e.Deck, Ord: i})
		}
	}
	if _, err := p.st.RegisterSRSItems(ctx, refs); err != nil {
		return nil, err
	}
	return set, nil
}

// gatherSet is loadSet without registering anything: what an export reads
// (always the full entries, light false).
func (p *Progress) gatherSet(ctx context.Context, lang content.Lang, light bool) (*Set, error) {
	set := &Set{Lang: lang, byKey: map[string]*Entry{}}
	if lib := p.Library(); lib != nil {
		set.addLibrary(lib, lang, "", "", light)
		for _, l := range lib.Labs(lang) {
			set.add(&Entry{Kind: store.KindLab, ID: l.ID, Topic: noteOfSection(l.Section), Section: l.Section, Lab: l})
		}
	}
	if !p.HasStore() {
		return set, nil
	}
	st := p.st
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
			set.Warnings = append(set.Warnings, fmt.Sprintf("deck %s (%s): %v", d.ID, d.Path, firstLine(err.Error())))
			continue
		}
		set.addLibrary(dl, lang, d.ID, d.ID+"/", false)
	}
	imported, err := st.DeckCards(ctx)
	if err != nil {
		return nil, err
	}
	for _, c := range imported {
		e := &Entry{Kind: store.KindCard, ID: c.Deck + "/" + c.CardID, Deck: c.Deck, Topic: c.Deck, Front: c.Front, Back: c.Back, Tags: c.Tags}
		if base, n, ok := strings.Cut(c.CardID, "::c"); ok {
			// An imported cloze card: the front holds the cloze text, the
			// back what Anki shows with the answer ("Back Extra").
			cc := &content.Card{ID: c.Deck + "/" + base, Topic: c.Deck, Tags: c.Tags, Cloze: c.Front, Back: c.Back}
			if slices.Contains(cc.ClozeNumbers(), n) {
				e.Card, e.ClozeN = cc, n
			}
		}
		set.add(e)
	}
	return set, nil
}

func firstLine(s string) string {
	for i, r := range s {
		if r == '\n' {
			return s[:i] + " …"
		}
	}
	return s
}

func (s *Set) add(e *Entry) {
	if _, dup := s.byKey[e.Key()]; dup {
		return
	}
	s.byKey[e.Key()] = e
	s.Entries = append(s.Entries, e)
}

// addLibrary adds a library's cards and questions topic by topic, in note
// order, so new items arrive the way the notes teach them. With light set,
// they come from the library's index and carry no card or question.
func (s *Set) addLibrary(lib *content.Library, lang content.Lang, deck, prefix string, light bool) {
	var cs []*content.Card
	var qs []*content.Question
	if !light {
		// Parsed first: the index then lists these very items, in order.
		cs, qs = lib.Cards(lang), lib.Questions(lang)
	}
	ix := lib.Index(lang)
	order := map[string]int{}
	for i, id := range ix.Notes {
		order[id] = i
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
		var cards, questions []*Entry
		for i, c := range ix.Cards {
			if rank(c.Topic) != r {
				continue
			}
			var card *content.Card
			if cs != nil {
				card = cs[i]
			}
			if len(c.Cloze) > 0 {
				for _, n := range c.Cloze {
					cards = append(cards, &Entry{Kind: store.KindCard, ID: prefix + c.ID + "::c" + n, Deck: deck, Topic: topicOf(c.Topic), Section: c.Section, Card: card, ClozeN: n})
				}
				continue
			}
			cards = append(cards, &Entry{Kind: store.KindCard, ID: prefix + c.ID, Deck: deck, Topic: topicOf(c.Topic), Section: c.Section, Card: card})
		}
		for i, q := range ix.Questions {
			if rank(q.Topic) == r {
				var qq *content.Question
				if qs != nil {
					qq = qs[i]
				}
				questions = append(questions, &Entry{Kind: store.KindQuestion, ID: prefix + q.ID, Deck: deck, Topic: topicOf(q.Topic), Domain: q.Domain, Section: q.Section, Q: qq})
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
func (s *Set) queueCards(items []store.SRSItem) ([]srs.QueueCard, []store.SRSItem) {
	qc := make([]srs.QueueCard, 0, len(items))
	kept := make([]store.SRSItem, 0, len(items))
	for _, it := range items {
		e := s.Get(it.Kind, it.ItemID)
		if e == nil {
			continue
		}
		qc = append(qc, srs.QueueCard{ID: it.Key(), Card: it.Card, Group: e.Topic, Suspended: it.Suspended, BuriedUntil: it.BuriedUntil})
		kept = append(kept, it)
	}
	return qc, kept
}

// noteOfSection is the note id of "note-id#section-id".
func noteOfSection(ref string) string {
	for i, r := range ref {
		if r == '#' {
			return ref[:i]
		}
	}
	return ref
}
