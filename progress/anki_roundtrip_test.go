package progress

import (
	"context"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/saa-study/saa-study/content"
	"github.com/saa-study/saa-study/srs"
)

// Export → import into a fresh progress file gives the same cards, the
// same text and the same schedule: each history replays to the same FSRS
// state and due date. Importing it again changes nothing.
func TestAnkiRoundTrip(t *testing.T) {
	ctx := context.Background()
	lib := srsLibrary(t)
	a := testProgress(t, lib)
	// The learner's own deck, with a cloze and a history, from Anki.
	if _, err := a.ImportAnki(ctx, samplePackage(t, 3), AnkiImportOptions{DeckDir: t.TempDir()}); err != nil {
		t.Fatal(err)
	}
	// Reviews here, of built-in and imported cards, over two weeks.
	now := fixedClock()
	s, err := a.LoadSession(ctx, content.EN, nil, now)
	if err != nil {
		t.Fatal(err)
	}
	ratings := []srs.Rating{srs.Good, srs.Again, srs.Good, srs.Easy, srs.Hard, srs.Good, srs.Good, srs.Again, srs.Good}
	for day := 0; day < 14; day++ {
		at := now.Add(time.Duration(day)*24*time.Hour + 37*time.Second)
		s, err = a.LoadSession(ctx, content.EN, s.Set(), at)
		if err != nil {
			t.Fatal(err)
		}
		for i := 0; i < 6; i++ {
			k, ok := s.Pick(at)
			if !ok {
				break
			}
			it, _ := s.Item(k)
			after, _, err := a.Rate(ctx, s, it, ratings[(day+i)%len(ratings)], Rated{At: at, Took: 5 * time.Second})
			if err != nil {
				t.Fatal(err)
			}
			s, _ = s.After(it, after, at)
			at = at.Add(3*time.Minute + 123*time.Millisecond)
		}
	}
	path := filepath.Join(t.TempDir(), "all.apkg")
	exp, err := a.ExportAnki(ctx, path, AnkiExportOptions{Now: now.Add(15 * 24 * time.Hour), Questions: true})
	if err != nil {
		t.Fatal(err)
	}
	b := testProgress(t, lib)
	if _, err := b.LoadSet(ctx, content.EN); err != nil {
		t.Fatal(err)
	}
	sum, err := b.ImportAnki(ctx, path, AnkiImportOptions{DeckDir: t.TempDir()})
	if err != nil {
		t.Fatal(err)
	}
	na, _ := a.ReviewCount(ctx)
	if sum.Reviews != na || sum.Reviews != exp.Reviews || sum.Notes != exp.Notes {
		t.Errorf("import %+v of export %+v; the first file has %d reviews", sum, exp, na)
	}
	itemsA, _ := a.st.SRSItems(ctx)
	itemsB, _ := b.st.SRSItems(ctx)
	byKey := map[string]SRSItem{}
	for _, it := range itemsB {
		byKey[it.Key()] = it
	}
	reviewed := 0
	for _, ia := range itemsA {
		ib, ok := byKey[ia.Key()]
		if !ok {
			t.Errorf("%s: not in the second file", ia.Key())
			continue
		}
		if ia.Card.Reps == 0 {
			if ib.Card.Reps != 0 || ib.Card.State != srs.New {
				t.Errorf("%s: new in the first file, %+v in the second", ia.Key(), ib.Card)
			}
			continue
		}
		reviewed++
		ca, cb := ia.Card, ib.Card
		if !ca.Due.Equal(cb.Due) || ca.State != cb.State || ca.Reps != cb.Reps || ca.Lapses != cb.Lapses ||
			ca.Stability != cb.Stability || ca.Difficulty != cb.Difficulty || ca.ScheduledDays != cb.ScheduledDays {
			t.Errorf("%s:\n first  %+v\n second %+v", ia.Key(), ca, cb)
		}
		if ia.Suspended != ib.Suspended {
			t.Errorf("%s: suspended %v, then %v", ia.Key(), ia.Suspended, ib.Suspended)
		}
	}
	if reviewed < 8 {
		t.Errorf("only %d reviewed items compared", reviewed)
	}
	cardsA, cardsB := deckCards(t, a), deckCards(t, b)
	if len(cardsA) != len(cardsB) {
		t.Errorf("%d deck cards, then %d", len(cardsA), len(cardsB))
	}
	for k, ca := range cardsA {
		cb := cardsB[k]
		if ca.Front != cb.Front || ca.Back != cb.Back || strings.Join(ca.Tags, " ") != strings.Join(cb.Tags, " ") {
			t.Errorf("%s: text\n %q | %q | %q\nthen\n %q | %q | %q", k, ca.Front, ca.Back, ca.Tags, cb.Front, cb.Back, cb.Tags)
		}
	}
	again, err := b.ImportAnki(ctx, path, AnkiImportOptions{DeckDir: t.TempDir()})
	if err != nil {
		t.Fatal(err)
	}
	if again.Cards != 0 || again.Reviews != 0 || again.Decks != 0 {
		t.Errorf("second import of the export %+v; want nothing changed", again)
	}
	// Importing one's own export into the same file changes nothing either.
	self, err := a.ImportAnki(ctx, path, AnkiImportOptions{DeckDir: t.TempDir()})
	if err != nil {
		t.Fatal(err)
	}
	if self.Cards != 0 || self.Reviews != 0 || self.Decks != 0 {
		t.Errorf("importing the export into its own file %+v; want nothing changed", self)
	}
}
