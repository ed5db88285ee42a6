package store

import (
	"errors"
	"testing"
	"time"

	"github.com/saa-study/saa-study/srs"
)

// replayDefault schedules a history with the default scheduler.
func replayDefault(_ SRSItem, hist []ImportReview) ([]srs.Card, error) {
	sc := srs.Default()
	out := make([]srs.Card, len(hist))
	c := srs.NewCard(hist[0].At)
	for i, r := range hist {
		var err error
		if c, _, err = sc.Review(c, r.At, r.Rating); err != nil {
			return nil, err
		}
		out[i] = c
	}
	return out, nil
}

func importBatch() ImportBatch {
	t0 := time.Date(2026, 10, 1, 9, 0, 0, 0, time.UTC)
	return ImportBatch{
		Decks: []Deck{{ID: "anki", Source: DeckImport, Path: "/decks/anki"}},
		Cards: []DeckCard{{Deck: "anki", CardID: "a1", Front: "f", Back: "b"}, {Deck: "anki", CardID: "a2", Front: "f2", Back: "b2"}},
		Items: []ImportItem{
			{Kind: KindCard, ItemID: "anki/a1", Deck: "anki", Reviews: []ImportReview{{At: t0, Rating: srs.Good}, {At: t0.Add(24 * time.Hour), Rating: srs.Good}}},
			{Kind: KindCard, ItemID: "anki/a2", Deck: "anki", Ord: 1, Reviews: []ImportReview{{At: t0, Rating: srs.Again}}},
		},
		Now: t0,
	}
}

// An import is one transaction: when a later item fails, nothing of the
// earlier ones, nor the deck, is left.
func TestImportIsOneTransaction(t *testing.T) {
	s, _ := openTemp(t)
	calls := 0
	failing := func(it SRSItem, hist []ImportReview) ([]srs.Card, error) {
		if calls++; calls == 2 {
			return nil, errors.New("boom")
		}
		return replayDefault(it, hist)
	}
	if _, err := s.Import(ctx, importBatch(), failing, nil); err == nil {
		t.Fatal("the import did not fail")
	}
	decks, _ := s.Decks(ctx)
	cards, _ := s.DeckCards(ctx)
	items, _ := s.SRSItems(ctx)
	n, _ := s.ReviewCount(ctx)
	if len(decks)+len(cards)+len(items)+n != 0 {
		t.Fatalf("a failed import left %d decks, %d cards, %d items, %d reviews", len(decks), len(cards), len(items), n)
	}
}

// The same batch twice: the second adds nothing; a review already in the
// log at the same millisecond is not added again, a new one is, and the
// item's whole history is replayed in order.
func TestImportTwiceAndMerge(t *testing.T) {
	s, _ := openTemp(t)
	res, err := s.Import(ctx, importBatch(), replayDefault, nil)
	if err != nil {
		t.Fatal(err)
	}
	if res != (ImportResult{Decks: 1, Cards: 2, Reviews: 3}) {
		t.Errorf("first import %+v", res)
	}
	res, err = s.Import(ctx, importBatch(), replayDefault, nil)
	if err != nil || res != (ImportResult{Unchanged: 2}) {
		t.Fatalf("second import %+v, %v", res, err)
	}
	b := importBatch()
	later := b.Items[0].Reviews[1].At.Add(3 * 24 * time.Hour)
	b.Items[0].Reviews = append(b.Items[0].Reviews, ImportReview{At: later, Rating: srs.Easy})
	b.Items[0].Reviews[0].At = b.Items[0].Reviews[0].At.Add(400 * time.Microsecond) // the same millisecond
	if res, err = s.Import(ctx, b, replayDefault, nil); err != nil || res != (ImportResult{Cards: 1, Reviews: 1, Unchanged: 1}) {
		t.Fatalf("merging import %+v, %v", res, err)
	}
	it, _ := s.SRSItem(ctx, KindCard, "anki/a1")
	want, _ := replayDefault(SRSItem{}, []ImportReview{{At: importBatch().Items[0].Reviews[0].At, Rating: srs.Good},
		{At: importBatch().Items[0].Reviews[1].At, Rating: srs.Good}, {At: later, Rating: srs.Easy}})
	if it.Card.Reps != 3 || !it.Card.Due.Equal(want[2].Due) {
		t.Errorf("after the merge %+v; want the state of the three answers %+v", it.Card, want[2])
	}
}
