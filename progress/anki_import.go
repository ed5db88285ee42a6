package progress

import (
	"context"
	"crypto/sha1"
	"encoding/hex"
	"fmt"
	"math"
	"os"
	"path/filepath"
	"regexp"
	"strings"
	"time"

	"github.com/saa-study/saa-study/anki"
	"github.com/saa-study/saa-study/srs"
	"github.com/saa-study/saa-study/store"
)

// AnkiImportOptions tune ImportAnki.
type AnkiImportOptions struct {
	// DeckDir is where the package's media go (default: decks/<id> beside
	// the progress file, <id> from the package's name). Nothing is written
	// outside it.
	DeckDir string
	// Progress, when set, is called as items are written, for large
	// packages.
	Progress func(done, total int)
	// Now is when cards without a history come due (default: the clock).
	Now time.Time
	// Limits bound the package (zero: anki.DefaultLimits).
	Limits anki.Limits
}

// AnkiImportSummary counts what an import did.
type AnkiImportSummary struct {
	Decks     int // decks created
	Notes     int // notes in the package
	Cards     int // cards added or changed
	Reviews   int // reviews added to the log
	Media     int // media files written
	Unchanged int // cards already there, as the package has them
}

// ImportAnki imports an Anki package (.apkg or .colpkg): its cards become
// the learner's own decks (or, with a saa-study id field, the items they
// came from), their review history is replayed through the learner's
// scheduler, and the media they name are copied into the deck folder. It
// writes the progress file in one transaction; a package it refuses
// leaves the file as it was. Importing the same package again changes
// nothing.
func (p *Progress) ImportAnki(ctx context.Context, path string, opt AnkiImportOptions) (AnkiImportSummary, error) {
	ctx = orBackground(ctx)
	if !p.HasStore() {
		return AnkiImportSummary{}, errNoStore
	}
	pkg, err := anki.Open(path, opt.Limits)
	if err != nil {
		return AnkiImportSummary{}, err
	}
	defer pkg.Close()
	sc, err := p.Scheduling(ctx)
	if err != nil {
		return AnkiImportSummary{}, err
	}
	if opt.Now.IsZero() {
		opt.Now = p.Now()
	}
	if opt.DeckDir == "" {
		opt.DeckDir = filepath.Join(filepath.Dir(p.Path()), "decks", DeckIDFromName(path))
	}
	if abs, err := filepath.Abs(opt.DeckDir); err == nil {
		opt.DeckDir = abs
	}
	folders := map[string]bool{}
	decks, err := p.st.Decks(ctx)
	if err != nil {
		return AnkiImportSummary{}, err
	}
	for _, d := range decks {
		folders[d.ID] = d.Source == store.DeckFolder
	}
	plan := planImport(pkg.ImportCards(), p.knownItems(), folders, opt.DeckDir, sc)
	plan.batch.Now = opt.Now
	sum := AnkiImportSummary{Notes: len(pkg.Notes)}
	written, err := copyMedia(pkg, plan.media, opt.DeckDir)
	for _, w := range written {
		if filepath.Dir(w) == opt.DeckDir {
			sum.Media++
		}
	}
	if err != nil {
		removeAll(written)
		return AnkiImportSummary{}, err
	}
	replay := func(it store.SRSItem, hist []store.ImportReview) ([]srs.Card, error) {
		out := make([]srs.Card, len(hist))
		c := it.Card
		for i, r := range hist {
			next, _, err := sc.Sched.Review(c, r.At, r.Rating)
			if err != nil {
				return nil, err
			}
			out[i], c = next, next
		}
		return out, nil
	}
	res, err := p.st.Import(ctx, plan.batch, replay, opt.Progress)
	if err != nil {
		removeAll(written)
		return AnkiImportSummary{}, err
	}
	sum.Decks, sum.Cards, sum.Reviews, sum.Unchanged = res.Decks, res.Cards, res.Reviews, res.Unchanged
	return sum, nil
}

// importPlan is what an import will write.
type importPlan struct {
	batch store.ImportBatch
	media []string
}

// knownItems maps the ids of the built-in items (cards, cloze cards by
// "id::cN", questions) to their kind, in every language.
func (p *Progress) knownItems() map[string]string {
	known := map[string]string{}
	lib := p.Library()
	if lib == nil {
		return known
	}
	for _, lang := range lib.Langs() {
		for _, c := range lib.Cards(lang) {
			if c.IsCloze() {
				for _, n := range c.ClozeNumbers() {
					known[c.ID+"::c"+n] = store.KindCard
				}
				continue
			}
			known[c.ID] = store.KindCard
		}
		for _, q := range lib.Questions(lang) {
			known[q.ID] = store.KindQuestion
		}
	}
	return known
}

// planImport turns a package's cards into decks, deck cards and items.
// A card whose note carries a saa-study id goes back onto that item (a
// built-in card or question, a card of a folder deck, or an imported
// deck's card); any other gets a stable id from its note's guid in a deck
// named after its Anki deck.
func planImport(cards []anki.ImportCard, known map[string]string, folders map[string]bool, deckDir string, sc Scheduling) importPlan {
	var plan importPlan
	deckSeen := map[string]bool{}
	itemSeen := map[string]bool{}
	mediaSeen := map[string]bool{}
	for i, ic := range cards {
		kind, itemID, deck, cardID := resolveCard(ic, known, folders)
		if itemSeen[kind+":"+itemID] {
			continue // two notes with one id: the first wins
		}
		itemSeen[kind+":"+itemID] = true
		if cardID != "" {
			if !deckSeen[deck] {
				deckSeen[deck] = true
				plan.batch.Decks = append(plan.batch.Decks, store.Deck{ID: deck, Source: store.DeckImport, Path: deckDir})
			}
			tags := ic.Tags
			if ic.SaaID != "" {
				tags = ownTags(tags, deck)
			}
			plan.batch.Cards = append(plan.batch.Cards, store.DeckCard{Deck: deck, CardID: cardID, Ord: i, Front: ic.Front, Back: ic.Back, Tags: tags})
		}
		it := store.ImportItem{Kind: kind, ItemID: itemID, Deck: deck, Ord: i, Suspended: ic.Suspended}
		for _, r := range ic.Reviews {
			it.Reviews = append(it.Reviews, store.ImportReview{At: r.Time(), Rating: srs.Rating(r.Ease), DurationMS: int64(r.TimeMS)})
		}
		if ic.Scheduled != nil {
			c := fromSM2(*ic.Scheduled, sc.Sched.Weights())
			it.State = &c
		}
		plan.batch.Items = append(plan.batch.Items, it)
		for _, m := range ic.Media {
			if !mediaSeen[m] {
				mediaSeen[m] = true
				plan.media = append(plan.media, m)
			}
		}
	}
	return plan
}

// resolveCard finds the item a card goes to: kind and item id, and for a
// card of an imported deck, the deck and the card's id in it.
func resolveCard(ic anki.ImportCard, known map[string]string, folders map[string]bool) (kind, itemID, deck, cardID string) {
	if id := ic.SaaID; id != "" {
		if ic.Cloze && !strings.Contains(id, "::c") {
			id += "::c" + ic.ClozeN()
		}
		if k, ok := known[id]; ok {
			return k, id, "", ""
		}
		if d, rest, ok := strings.Cut(id, "/"); ok && store.ValidDeckID(d) && rest != "" {
			if folders[d] {
				return store.KindCard, id, d, ""
			}
			return store.KindCard, id, d, rest
		}
	}
	deck = DeckIDFromName(ic.Deck)
	if folders[deck] {
		// An Anki deck named like one of the learner's folder decks.
		deck += "-anki"
	}
	sum := sha1.Sum([]byte(ic.GUID))
	cardID = "a-" + hex.EncodeToString(sum[:6])
	switch {
	case ic.Cloze:
		cardID += "::c" + ic.ClozeN()
	case ic.Ord > 0:
		cardID += fmt.Sprintf("-%d", ic.Ord+1)
	}
	return store.KindCard, deck + "/" + cardID, deck, cardID
}

// fromSM2 is the state of a review card known only by Anki's SM-2
// schedule: due when Anki has it due, with the memory Anki's FSRS infers
// from an interval and an ease when there is no log to replay
// (fsrs-rs memory_state_from_sm2, at 90% retention): stability is the
// interval, difficulty 11 − (ease − 1) / (e^w8 · S^−w9 · (e^(0.1·w10) − 1)),
// clamped to 1..10.
func fromSM2(s anki.Scheduled, w [21]float64) srs.Card {
	st := max(float64(s.Ivl), 0.01)
	ease := float64(s.Factor) / 1000
	if ease <= 0 {
		ease = 2.5
	}
	d := 11 - (ease-1)/(math.Exp(w[8])*math.Pow(st, -w[9])*math.Expm1(0.1*w[10]))
	return srs.Card{
		State: srs.Review, Due: s.Due, Stability: st, Difficulty: min(max(d, 1), 10),
		ScheduledDays: s.Ivl, Reps: s.Reps, Lapses: s.Lapses, LastReview: s.Due.AddDate(0, 0, -s.Ivl),
	}
}

// ownTags drops the tags saa-study's export adds to a note ("saa-study",
// the deck's id, domain:: and objective::), keeping the learner's own.
func ownTags(tags []string, deck string) []string {
	var out []string
	for _, t := range tags {
		if t == "saa-study" || t == deck || strings.HasPrefix(t, "domain::") || strings.HasPrefix(t, "objective::") {
			continue
		}
		out = append(out, t)
	}
	return out
}

var nonDeckID = regexp.MustCompile(`[^a-z0-9]+`)

// DeckIDFromName makes a deck id from an Anki deck name or a file name:
// lowercase letters, digits and '-', at most 63 characters.
func DeckIDFromName(name string) string {
	if ext := strings.ToLower(filepath.Ext(name)); ext == ".apkg" || ext == ".colpkg" {
		name = strings.TrimSuffix(filepath.Base(name), filepath.Ext(name))
	}
	id := strings.Trim(nonDeckID.ReplaceAllString(strings.ToLower(name), "-"), "-")
	if len(id) > 63 {
		id = strings.TrimRight(id[:63], "-")
	}
	if id == "" || id == "builtin" {
		id = strings.TrimRight("anki-"+id, "-")
	}
	return id
}

// copyMedia copies the named media into dir (created if needed) and
// returns what it created: the files it wrote, then the folders, deepest
// first, so that removeAll undoes it.
func copyMedia(pkg *anki.Package, names []string, dir string) ([]string, error) {
	if len(names) == 0 {
		return nil, nil
	}
	var made []string
	for d := dir; ; d = filepath.Dir(d) {
		if _, err := os.Lstat(d); err == nil || d == filepath.Dir(d) {
			break
		}
		made = append(made, d)
	}
	if err := os.MkdirAll(dir, 0o700); err != nil {
		return made, fmt.Errorf("deck folder: %w", err)
	}
	var written []string
	for _, n := range names {
		m, ok := pkg.MediaByName(n)
		if !ok {
			continue
		}
		w, err := pkg.CopyMedia(m, dir)
		if err != nil {
			return append(written, made...), err
		}
		if w {
			written = append(written, filepath.Join(dir, n))
		}
	}
	return append(written, made...), nil
}

// removeAll removes files, then empty folders, in the order given.
func removeAll(paths []string) {
	for _, p := range paths {
		os.Remove(p)
	}
}
