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
		after, _, err := p.Rate(ctx, s, it, g, now, time.Second)
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
