package store

import (
	"bytes"
	"errors"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"
	"time"

	"github.com/saa-study/saa-study/srs"
)

func register(t *testing.T, s *Store, ids ...string) {
	t.Helper()
	var refs []SRSRef
	for i, id := range ids {
		refs = append(refs, SRSRef{Kind: KindCard, ItemID: id, Ord: i})
	}
	if _, err := s.RegisterSRSItems(ctx, refs); err != nil {
		t.Fatal(err)
	}
}

// answer rates an item with the default scheduler and commits it.
func answer(t *testing.T, s *Store, id string, r srs.Rating, at time.Time) (int64, SRSItem) {
	t.Helper()
	before, err := s.SRSItem(ctx, KindCard, id)
	if err != nil {
		t.Fatal(err)
	}
	after := before
	after.Card, _, err = srs.Default().Review(before.Card, at, r)
	if err != nil {
		t.Fatal(err)
	}
	rid, err := s.CommitReview(ctx, Review{Kind: KindCard, ItemID: id, Rating: r, Before: before, After: after, ReviewedAt: at, DurationMS: 1500})
	if err != nil {
		t.Fatal(err)
	}
	return rid, after
}

func TestRegisterKeepsStateAndCountsNewItems(t *testing.T) {
	s, _ := openTemp(t)
	n, err := s.RegisterSRSItems(ctx, []SRSRef{{Kind: KindCard, ItemID: "a"}, {Kind: KindQuestion, ItemID: "q", Ord: 1}})
	if err != nil || n != 2 {
		t.Fatalf("first registration added %d, %v; want 2", n, err)
	}
	answer(t, s, "a", srs.Good, fixedNow())
	n, err = s.RegisterSRSItems(ctx, []SRSRef{{Kind: KindCard, ItemID: "a", Ord: 5}, {Kind: KindCard, ItemID: "b"}})
	if err != nil || n != 1 {
		t.Fatalf("second registration added %d, %v; want 1", n, err)
	}
	a, _ := s.SRSItem(ctx, KindCard, "a")
	if a.Card.State != srs.Learning || a.Card.Reps != 1 || a.Ord != 5 {
		t.Fatalf("re-registering changed the schedule: %+v", a)
	}
	if _, err := s.RegisterSRSItems(ctx, []SRSRef{{Kind: "note", ItemID: "x"}}); err == nil {
		t.Fatal("an unknown kind was accepted")
	}
	if _, err := s.SRSItem(ctx, KindCard, "nope"); !errors.Is(err, ErrNoSuchItem) {
		t.Fatalf("missing item: %v", err)
	}
}

func TestCommitAndUndoAreExact(t *testing.T) {
	s, _ := openTemp(t)
	register(t, s, "a", "b")
	before, _ := s.SRSItem(ctx, KindCard, "a")
	id, after := answer(t, s, "a", srs.Good, fixedNow())
	got, _ := s.SRSItem(ctx, KindCard, "a")
	if !got.Card.Due.Equal(after.Card.Due) || got.Card.State != srs.Learning || got.Card.Stability != after.Card.Stability {
		t.Fatalf("stored %+v, want %+v", got.Card, after.Card)
	}
	logs, _ := s.ReviewsSince(ctx, time.Time{})
	if len(logs) != 1 || logs[0].ID != id || logs[0].Rating != srs.Good || logs[0].StateBefore != srs.New ||
		logs[0].StateAfter != srs.Learning || logs[0].DurationMS != 1500 || !logs[0].ReviewedAt.Equal(fixedNow()) {
		t.Fatalf("log = %+v", logs)
	}
	restored, err := s.UndoLastReview(ctx)
	if err != nil {
		t.Fatal(err)
	}
	got, _ = s.SRSItem(ctx, KindCard, "a")
	if got != before || restored != before {
		t.Fatalf("undo gave %+v, want %+v", got, before)
	}
	if n, _ := s.ReviewCount(ctx); n != 0 {
		t.Fatalf("%d reviews left after undo", n)
	}
	if _, err := s.UndoLastReview(ctx); !errors.Is(err, ErrNothingToUndo) {
		t.Fatalf("undo on an empty log: %v", err)
	}
	if _, err := s.CommitReview(ctx, Review{Kind: KindCard, ItemID: "a", Rating: 7}); err == nil {
		t.Fatal("rating 7 was committed")
	}
}

func TestSRSDueUsesEndOfDayLimitsAndSkipsSuspendedAndNew(t *testing.T) {
	s, _ := openTemp(t)
	register(t, s, "a", "b", "c", "n1", "n2", "n3")
	now := fixedNow()
	answer(t, s, "a", srs.Good, now)  // learning, due in 10 min
	answer(t, s, "b", srs.Easy, now)  // review, due in days
	answer(t, s, "c", srs.Again, now) // learning, due in 1 min
	if err := s.SetSuspended(ctx, KindCard, "c", true); err != nil {
		t.Fatal(err)
	}
	end := now.Add(time.Hour)
	got, err := s.SRSDue(ctx, now, end, 200, 1)
	if err != nil {
		t.Fatal(err)
	}
	var ids []string
	for _, it := range got {
		ids = append(ids, it.ItemID)
	}
	slices.Sort(ids)
	if strings.Join(ids, ",") != "a,n1" {
		t.Fatalf("due = %v, want a (learning) and n1 (first new)", ids)
	}
	if err := s.Bury(ctx, KindCard, "a", end); err != nil {
		t.Fatal(err)
	}
	a, _ := s.SRSItem(ctx, KindCard, "a")
	if !a.BuriedUntil.Equal(end) {
		t.Fatalf("buried until %v", a.BuriedUntil)
	}
	if err := s.SetSuspended(ctx, KindCard, "zz", true); !errors.Is(err, ErrNoSuchItem) {
		t.Fatalf("suspending an unknown item: %v", err)
	}
}

func TestDoneSinceAndStreak(t *testing.T) {
	s, _ := openTemp(t)
	register(t, s, "a", "b", "c")
	day := srs.DayBoundary{Hour: 4}
	now := fixedNow() // 10:00 UTC
	answer(t, s, "a", srs.Good, now.Add(-48*time.Hour))
	answer(t, s, "b", srs.Good, now.Add(-24*time.Hour))
	answer(t, s, "a", srs.Good, now.Add(-24*time.Hour+time.Hour))
	if n, err := s.Streak(ctx, now, day); err != nil || n != 2 {
		t.Fatalf("streak before today's review = %d, %v; want 2 (today not studied yet)", n, err)
	}
	answer(t, s, "c", srs.Good, now)
	if n, _ := s.Streak(ctx, now, day); n != 3 {
		t.Fatalf("streak = %d, want 3", n)
	}
	d, err := s.DoneSince(ctx, day.DayStart(now))
	if err != nil || d.New != 1 || d.Reviews != 0 {
		t.Fatalf("done today = %+v, %v; want 1 new", d, err)
	}
	// A gap of one day ends the streak.
	if n, _ := s.Streak(ctx, now.Add(72*time.Hour), day); n != 0 {
		t.Fatalf("streak after a gap = %d", n)
	}
}

func TestSRSConfigDefaultsAndValidation(t *testing.T) {
	s, _ := openTemp(t)
	c, err := s.SRSConfig(ctx)
	if err != nil || c != (SRSConfig{NewPerDay: 20, ReviewsPerDay: 200, DayHour: 4, DesiredRetention: 0.9}) {
		t.Fatalf("defaults = %+v, %v", c, err)
	}
	if err := s.SetSRSConfig(ctx, SRSConfig{NewPerDay: 5, ReviewsPerDay: 50, DayHour: 0}); err != nil {
		t.Fatal(err)
	}
	if c, _ := s.SRSConfig(ctx); c.NewPerDay != 5 || c.ReviewsPerDay != 50 || c.DayHour != 0 {
		t.Fatalf("saved = %+v", c)
	}
	if err := s.SetSRSConfig(ctx, SRSConfig{DayHour: 24}); err == nil {
		t.Fatal("hour 24 accepted")
	}
	s.SetSetting(ctx, SettingNewPerDay, "lots")
	if c, _ := s.SRSConfig(ctx); c.NewPerDay != 20 {
		t.Fatalf("a bad saved value should fall back to the default, got %d", c.NewPerDay)
	}
}

func TestDecks(t *testing.T) {
	s, _ := openTemp(t)
	if err := s.AddDeck(ctx, Deck{ID: "mine", Source: DeckFolder, Path: "/x"}); err != nil {
		t.Fatal(err)
	}
	if err := s.AddDeck(ctx, Deck{ID: "mine", Source: DeckFolder, Path: "/y"}); err != nil {
		t.Fatalf("re-adding a folder deck should update its path: %v", err)
	}
	if err := s.ImportDeckCards(ctx, "mine", nil); !errors.Is(err, ErrDeckExists) {
		t.Fatalf("importing into a folder deck: %v", err)
	}
	if err := s.AddDeck(ctx, Deck{ID: "Bad Name", Source: DeckFolder}); err == nil {
		t.Fatal("a bad deck id was accepted")
	}
	cards := []DeckCard{{CardID: "1", Ord: 0, Front: "f", Back: "b", Tags: []string{"x", "y"}}, {CardID: "2", Ord: 1, Front: "f2", Back: "b2"}}
	if err := s.ImportDeckCards(ctx, "imp", cards); err != nil {
		t.Fatal(err)
	}
	decks, _ := s.Decks(ctx)
	if len(decks) != 2 || decks[0].ID != "imp" || decks[1].Path != "/y" {
		t.Fatalf("decks = %+v", decks)
	}
	got, _ := s.DeckCards(ctx)
	if len(got) != 2 || got[0].Deck != "imp" || strings.Join(got[0].Tags, ",") != "x,y" {
		t.Fatalf("cards = %+v", got)
	}
}

func TestBackupRestoreRoundTrip(t *testing.T) {
	src, _ := openTemp(t)
	register(t, src, "a", "b")
	answer(t, src, "a", srs.Good, fixedNow())
	answer(t, src, "b", srs.Again, fixedNow().Add(time.Second))
	src.SetSetting(ctx, "lang", "ko")
	src.ImportDeckCards(ctx, "imp", []DeckCard{{CardID: "1", Front: "f", Back: "b"}})
	var buf bytes.Buffer
	if err := src.Backup(ctx, &buf); err != nil {
		t.Fatal(err)
	}
	dst, _ := openTemp(t)
	register(t, dst, "other")
	if err := dst.Restore(ctx, bytes.NewReader(buf.Bytes())); err != nil {
		t.Fatal(err)
	}
	var again bytes.Buffer
	dst.Backup(ctx, &again)
	// Same content apart from the creation stamp (both use fixedNow).
	if buf.String() != again.String() {
		t.Fatalf("restore is not exact:\n%s\n%s", buf.String(), again.String())
	}
	if _, err := dst.SRSItem(ctx, KindCard, "other"); !errors.Is(err, ErrNoSuchItem) {
		t.Fatal("restore must replace progress, not merge")
	}
	a, _ := dst.SRSItem(ctx, KindCard, "a")
	want, _ := src.SRSItem(ctx, KindCard, "a")
	if a != want {
		t.Fatalf("restored %+v, want %+v", a, want)
	}
}

func TestRestoreRefusesWithoutTouchingTheStore(t *testing.T) {
	s, p := openTemp(t)
	register(t, s, "a")
	answer(t, s, "a", srs.Good, fixedNow())
	var good bytes.Buffer
	s.Backup(ctx, &good)
	cases := map[string]struct {
		in   string
		want error
	}{
		"not json":      {"hello", ErrBadBackup},
		"empty":         {"", ErrBadBackup},
		"other format":  {`{"format":"anki","version":1}`, ErrBadBackup},
		"newer":         {`{"format":"saa-study-backup","version":2,"tables":{}}`, ErrTooNew},
		"unknown table": {`{"format":"saa-study-backup","version":1,"tables":{"x":{"columns":[],"rows":[]}}}`, ErrBadBackup},
		"short row":     {`{"format":"saa-study-backup","version":1,"tables":{"settings":{"columns":["key","value"],"rows":[["a"]]}}}`, ErrBadBackup},
		"bad column":    {`{"format":"saa-study-backup","version":1,"tables":{"settings":{"columns":["key","oops"],"rows":[["a","b"]]}}}`, ErrBadBackup},
		"bad value":     {`{"format":"saa-study-backup","version":1,"tables":{"srs_item":{"columns":["kind","item_id","due"],"rows":[["note","x",1]]}}}`, nil},
	}
	for name, tc := range cases {
		err := s.Restore(ctx, strings.NewReader(tc.in))
		if err == nil || (tc.want != nil && !errors.Is(err, tc.want)) {
			t.Errorf("%s: err = %v, want %v", name, err, tc.want)
		}
		var after bytes.Buffer
		s.Backup(ctx, &after)
		if after.String() != good.String() {
			t.Fatalf("%s: the refused restore changed the store", name)
		}
	}
	if _, err := os.Stat(filepath.Join(filepath.Dir(p), "progress.db")); err != nil {
		t.Fatal(err)
	}
}

// FuzzReadBackup checks that no input makes the backup reader panic, and
// that whatever it accepts has the right format and a version it knows.
func FuzzReadBackup(f *testing.F) {
	f.Add(`{"format":"saa-study-backup","version":1,"tables":{"settings":{"columns":["key","value"],"rows":[["a","b"]]}}}`)
	f.Add(`{"format":"saa-study-backup","version":1,"tables":{"x":{"columns":["a"],"rows":[[1.5],[null],[true]]}}}`)
	f.Add(`{"format":"saa-study-backup","version":2}`)
	f.Add(`[]`)
	f.Fuzz(func(t *testing.T, in string) {
		b, err := ReadBackup(strings.NewReader(in))
		if err != nil {
			return
		}
		if b.Format != BackupFormat || b.Version < 1 || b.Version > BackupVersion {
			t.Fatalf("accepted %+v", b)
		}
		for _, tb := range b.Tables {
			for _, row := range tb.Rows {
				if len(row) != len(tb.Columns) {
					t.Fatalf("accepted a short row")
				}
			}
		}
	})
}
