package progress

import (
	"context"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/saa-study/saa-study/content"
	"github.com/saa-study/saa-study/srs"
	"github.com/saa-study/saa-study/store"
)

// TestSessionAfterMatchesAReload checks that the in-memory step the screen
// takes after a commit gives the same queue as reading the store again.
func TestSessionAfterMatchesAReload(t *testing.T) {
	ctx := context.Background()
	lib := srsLibrary(t)
	p := testProgress(t, lib)
	now := fixedClock()
	s, err := p.LoadSession(ctx, content.EN, nil, now)
	if err != nil {
		t.Fatal(err)
	}
	for step, g := range []srs.Rating{srs.Good, srs.Again, srs.Good, srs.Easy, srs.Hard} {
		k, ok := s.Pick(now)
		if !ok {
			t.Fatalf("step %d: nothing to pick", step)
		}
		it, _ := s.Item(k)
		after, _, err := p.Rate(ctx, s, it, g, Rated{At: now, Took: time.Second})
		if err != nil {
			t.Fatal(err)
		}
		mem, _ := s.After(it, after, now)
		disk, err := p.LoadSession(ctx, content.EN, s.Set(), now)
		if err != nil {
			t.Fatal(err)
		}
		a, _ := mem.Pick(now)
		b, _ := disk.Pick(now)
		la, ra, na := mem.Counts()
		lb, rb, nb := disk.Counts()
		if a != b || la != lb || ra != rb || na != nb || mem.done != disk.done {
			t.Fatalf("step %d: memory picks %s (%d/%d/%d, done %d), store picks %s (%d/%d/%d, done %d)",
				step, a, la, ra, na, mem.done, b, lb, rb, nb, disk.done)
		}
		s = mem
		now = now.Add(30 * time.Second)
	}
	if n, _ := p.ReviewCount(ctx); n != 5 {
		t.Fatalf("%d reviews", n)
	}
}

func TestDecksJoinTheReviewSet(t *testing.T) {
	ctx := context.Background()
	p := testProgress(t, srsLibrary(t))
	st := p.st
	dir := t.TempDir()
	for name, f := range srsFS() {
		p := filepath.Join(dir, filepath.FromSlash(name))
		os.MkdirAll(filepath.Dir(p), 0o755)
		os.WriteFile(p, f.Data, 0o644)
	}
	if err := st.AddDeck(ctx, store.Deck{ID: "mine", Source: store.DeckFolder, Path: dir}); err != nil {
		t.Fatal(err)
	}
	if err := st.AddDeck(ctx, store.Deck{ID: "gone", Source: store.DeckFolder, Path: filepath.Join(dir, "nope")}); err != nil {
		t.Fatal(err)
	}
	if err := st.ImportDeckCards(ctx, "words", []store.DeckCard{{CardID: "c-1", Front: "F", Back: "B"}}); err != nil {
		t.Fatal(err)
	}
	set, err := p.LoadSet(ctx, content.EN)
	if err != nil {
		t.Fatal(err)
	}
	for _, k := range []string{"card:card-qa", "question:q-one", "card:mine/card-qa", "card:mine/card-cloze::c2", "question:mine/q-one", "card:words/c-1"} {
		if set.byKey[k] == nil {
			t.Errorf("%s is not in the review set", k)
		}
	}
	if e := set.byKey["card:words/c-1"]; e == nil || e.Front != "F" || e.Topic != "words" {
		t.Errorf("imported card: %+v", e)
	}
	if len(set.Warnings) != 1 || !strings.Contains(set.Warnings[0], "gone") {
		t.Errorf("a missing folder should give one warning, got %q", set.Warnings)
	}
	if it, err := st.SRSItem(ctx, store.KindCard, "mine/card-qa"); err != nil || it.Deck != "mine" {
		t.Errorf("deck items are registered in the schedule: %+v %v", it, err)
	}
}

// TestOneLanguageDeckJoinsTheOtherLanguagesReviews: a Korean learner's
// reviews include the cards and questions of an English-only deck.
func TestOneLanguageDeckJoinsTheOtherLanguagesReviews(t *testing.T) {
	ctx := context.Background()
	p := testProgress(t, srsLibrary(t))
	dir, err := filepath.Abs("../content/testdata/en-only")
	if err != nil {
		t.Fatal(err)
	}
	if err := p.st.AddDeck(ctx, store.Deck{ID: "mine", Source: store.DeckFolder, Path: dir}); err != nil {
		t.Fatal(err)
	}
	set, err := p.LoadSet(ctx, content.KO)
	if err != nil {
		t.Fatal(err)
	}
	if len(set.Warnings) != 0 {
		t.Errorf("warnings: %q", set.Warnings)
	}
	for _, k := range []string{"card:mine/my-card-dlq", "card:mine/my-card-vis::c1", "question:mine/my-sqs-q1"} {
		if set.byKey[k] == nil {
			t.Errorf("%s is not in the Korean learner's review set", k)
		}
	}
}

// TestRatingGivesTheIntervalItsButtonShowed: the rating buttons show each
// rating's next interval when the card comes on screen; the learner rates
// it some seconds later. The card gets the interval its button showed
// (fuzz, seeded from the review's time, is not drawn again), counted from
// the moment it was rated.
func TestRatingGivesTheIntervalItsButtonShowed(t *testing.T) {
	ctx := context.Background()
	lib := srsLibrary(t)
	shown := fixedClock()
	for _, wait := range []time.Duration{1100 * time.Millisecond, 4 * time.Second, 9 * time.Second, 17 * time.Second, 90 * time.Second, 7 * time.Minute} {
		p := testProgress(t, lib)
		s, err := p.LoadSession(ctx, content.EN, nil, shown)
		if err != nil {
			t.Fatal(err)
		}
		k, _ := s.Pick(shown)
		it, _ := s.Item(k)
		button := s.Preview(it, shown)[srs.Easy-1]
		rated := shown.Add(wait)
		after, _, err := p.Rate(ctx, s, it, srs.Easy, Rated{Shown: shown, At: rated, Took: wait})
		if err != nil {
			t.Fatal(err)
		}
		if got, want := after.Card.Due.Sub(rated), button.Due.Sub(shown); got != want || after.Card.ScheduledDays != button.ScheduledDays {
			t.Errorf("rated %v after it showed: Easy gives %v (%d days), its button said %v (%d days)",
				wait, got, after.Card.ScheduledDays, want, button.ScheduledDays)
		}
		if !after.Card.LastReview.Equal(rated) {
			t.Errorf("rated %v after it showed: last review %v, want %v", wait, after.Card.LastReview, rated)
		}
		logs, _ := p.ReviewsSince(ctx, time.Time{})
		if len(logs) != 1 || !logs[0].ReviewedAt.Equal(rated) || logs[0].DurationMS != wait.Milliseconds() {
			t.Errorf("rated %v after it showed: logged %+v", wait, logs)
		}
	}
}
