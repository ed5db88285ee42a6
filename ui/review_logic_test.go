package ui

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
	"github.com/saa-study/saa-study/ui/text"
)

func TestIntervalLabelsLikeAnki(t *testing.T) {
	for _, tc := range []struct {
		d    time.Duration
		want string
	}{
		{30 * time.Second, "<1m"},
		{time.Minute, "<1m"},
		{5*time.Minute + 30*time.Second, "<6m"},
		{10 * time.Minute, "<10m"},
		{3 * time.Hour, "<3h"},
		{24 * time.Hour, "1d"},
		{8 * 24 * time.Hour, "8d"},
		{45 * 24 * time.Hour, "1.5mo"},
		{60 * 24 * time.Hour, "2mo"},
		{400 * 24 * time.Hour, "1.1y"},
	} {
		if got := rvInterval(tc.d); got != tc.want {
			t.Errorf("%v: %q, want %q", tc.d, got, tc.want)
		}
	}
}

func TestWrapJoinsParagraphLinesButKeepsLists(t *testing.T) {
	in := "A cold start\ncreates an environment.\n\n- one\n- two\n1. first"
	got := strings.Join(text.WrapMarkdown(in, 80), "|")
	want := "A cold start creates an environment.||- one|- two|1. first"
	if got != want {
		t.Fatalf("got %q\nwant %q", got, want)
	}
	for _, l := range text.WrapMarkdown("한국어 문장은 두 칸 너비로 계산되므로 좁은 화면에서 더 일찍 줄을 바꿔야 합니다", 20) {
		if text.Width(l) > 20 {
			t.Fatalf("line %q is %d cells", l, text.Width(l))
		}
	}
}

func TestBarsRoundUpSoAnyDueDayShows(t *testing.T) {
	got := stBars([]int{0, 1, 8}, 2)
	// 8 is the peak: two full rows; 1 of 8 over 2 rows = 2 eighths.
	if got[0] != "  █" || got[1] != " ▂█" {
		t.Fatalf("bars = %q", got)
	}
}

func TestHeatmapPutsTodayInItsWeekdayRow(t *testing.T) {
	// 2026-11-27 is a Friday: the last column ends on the Friday row.
	days := make([]srs.DayCount, 14)
	start := time.Date(2026, 11, 14, 0, 0, 0, 0, time.UTC)
	for i := range days {
		days[i] = srs.DayCount{Date: start.AddDate(0, 0, i).Format(time.DateOnly)}
	}
	days[13].Count = 4
	days[12].Count = 1
	rows := stHeatmap(content.EN, days, 80)
	if len(rows) != 7 {
		t.Fatalf("%d rows", len(rows))
	}
	fri, thu, sat := []rune(rows[4]), []rune(rows[3]), []rune(rows[5])
	if fri[len(fri)-1] != '█' || thu[len(thu)-1] != '░' || sat[len(sat)-1] != ' ' {
		t.Fatalf("calendar:\n%s", strings.Join(rows, "\n"))
	}
}

// TestSessionAfterMatchesAReload checks that the in-memory step the screen
// takes after a commit gives the same queue as reading the store again.
func TestSessionAfterMatchesAReload(t *testing.T) {
	ctx := context.Background()
	st := testStore(t)
	lib := srsLibrary(t)
	now := fixedClock()
	s, err := loadSession(ctx, lib, st, content.EN, nil, now)
	if err != nil {
		t.Fatal(err)
	}
	for step, g := range []srs.Rating{srs.Good, srs.Again, srs.Good, srs.Easy, srs.Hard} {
		k, ok := s.pick(now)
		if !ok {
			t.Fatalf("step %d: nothing to pick", step)
		}
		it, _ := s.item(k)
		after, _, err := rvRate(ctx, st, s.sc.sched, it, g, now, time.Second)
		if err != nil {
			t.Fatal(err)
		}
		mem, _ := s.after(it, after, now)
		disk, err := loadSession(ctx, lib, st, content.EN, s.set, now)
		if err != nil {
			t.Fatal(err)
		}
		a, _ := mem.pick(now)
		b, _ := disk.pick(now)
		la, ra, na := mem.counts()
		lb, rb, nb := disk.counts()
		if a != b || la != lb || ra != rb || na != nb || mem.done != disk.done {
			t.Fatalf("step %d: memory picks %s (%d/%d/%d, done %d), store picks %s (%d/%d/%d, done %d)",
				step, a, la, ra, na, mem.done, b, lb, rb, nb, disk.done)
		}
		s = mem
		now = now.Add(30 * time.Second)
	}
	if n, _ := st.ReviewCount(ctx); n != 5 {
		t.Fatalf("%d reviews", n)
	}
}

func TestDecksJoinTheReviewSet(t *testing.T) {
	ctx := context.Background()
	st := testStore(t)
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
	set, err := loadSRSSet(ctx, srsLibrary(t), st, content.EN)
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
