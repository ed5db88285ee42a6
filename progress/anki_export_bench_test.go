package progress

import (
	"context"
	"fmt"
	"os"
	"path/filepath"
	"testing"
	"time"

	"github.com/saa-study/saa-study/srs"
	"github.com/saa-study/saa-study/store"
)

// fillAnkiBench fills p's store with an imported deck of n cards and ten
// reviews per card (learning, then reviews with growing intervals and a
// lapse now and then), in one restore transaction.
func fillAnkiBench(t testing.TB, p *Progress, n int) {
	t.Helper()
	ns := func(t time.Time) int64 { return t.UnixNano() }
	base := fixedClock().AddDate(-1, 0, 0)
	deck := &store.BackupTable{Columns: []string{"id", "source", "path", "created_at"},
		Rows: [][]any{{"bench", store.DeckImport, "", base.Format(time.RFC3339)}}}
	cards := &store.BackupTable{Columns: []string{"deck", "card_id", "ord", "front", "back", "tags"}}
	items := &store.BackupTable{Columns: []string{"kind", "item_id", "deck", "ord", "due", "stability", "difficulty",
		"elapsed_days", "scheduled_days", "reps", "lapses", "learning_steps", "state", "last_review", "suspended", "buried_until", "leech"}}
	reviews := &store.BackupTable{Columns: []string{"kind", "item_id", "rating", "state_before", "state_after", "stability",
		"difficulty", "elapsed_days", "scheduled_days", "due", "reviewed_at", "duration_ms", "prev"}}
	for i := range n {
		id := fmt.Sprintf("c-%05d", i)
		cards.Rows = append(cards.Rows, []any{"bench", id, i,
			fmt.Sprintf("Card %d: what does `x < %d` print?", i, i),
			fmt.Sprintf("**%d**, as this table shows:\n\n| x | out |\n|---|---|\n| %d | true |\n", i, i), "bench aws"})
		at := base.Add(time.Duration(i) * time.Minute)
		state, ivl, s, d, lapses := srs.New, 0, 0.0, 5.0, 0
		var due time.Time
		for r := range 10 {
			rating := srs.Good
			if r > 2 && (i+r)%7 == 0 {
				rating = srs.Again
			}
			before := state
			switch {
			case state == srs.New:
				state, ivl, due = srs.Learning, 0, at.Add(10*time.Minute)
			case rating == srs.Again:
				state, ivl, due, lapses = srs.Relearning, 0, at.Add(10*time.Minute), lapses+1
			default:
				ivl = max(1, ivl*2+1)
				state, due = srs.Review, at.AddDate(0, 0, ivl)
			}
			s, d = float64(ivl)+1.5, min(10, d+0.1)
			reviews.Rows = append(reviews.Rows, []any{KindCard, "bench/" + id, int(rating), int(before), int(state), s, d,
				ivl, ivl, ns(due), ns(at), 3000 + (i*r)%70000, "{}"})
			at = due
		}
		items.Rows = append(items.Rows, []any{KindCard, "bench/" + id, "bench", i, ns(due), s, d, ivl, ivl, 10, lapses, 0,
			int(state), ns(at), 0, 0, 0})
	}
	f := &store.BackupFile{Format: store.BackupFormat, Version: store.BackupVersion, Schema: store.SchemaVersion(),
		Tables: map[string]*store.BackupTable{"srs_deck": deck, "srs_deck_card": cards, "srs_item": items, "srs_review": reviews}}
	if err := p.st.RestoreFile(context.Background(), f); err != nil {
		t.Fatal(err)
	}
}

// BenchmarkExportAnki10k exports 10,000 cards with 100,000 reviews.
func BenchmarkExportAnki10k(b *testing.B) {
	p := testProgress(b, srsLibrary(b))
	fillAnkiBench(b, p, 10_000)
	out := filepath.Join(b.TempDir(), "bench.apkg")
	ctx := context.Background()
	var sum AnkiExportSummary
	b.ReportAllocs()
	for b.Loop() {
		var err error
		if sum, err = p.ExportAnki(ctx, out, AnkiExportOptions{Now: fixedClock()}); err != nil {
			b.Fatal(err)
		}
	}
	if sum.Cards < 10_000 || sum.Reviews != 100_000 {
		b.Fatalf("exported %+v", sum)
	}
	if st, err := os.Stat(out); err == nil {
		b.ReportMetric(float64(st.Size())/(1<<20), "MiB/pkg")
	}
}

// TestWriteAnkiBenchProgress writes the benchmark's progress file (10,000
// imported cards, 100,000 reviews) to $SAA_ANKI_BENCH_DB, for measuring the
// CLI with /usr/bin/time -v; it is skipped otherwise.
func TestWriteAnkiBenchProgress(t *testing.T) {
	path := os.Getenv("SAA_ANKI_BENCH_DB")
	if path == "" {
		t.Skip("set SAA_ANKI_BENCH_DB=FILE to write the benchmark's progress file")
	}
	p, err := Open(path, srsLibrary(t), Options{Loc: time.UTC, Now: fixedClock})
	if err != nil {
		t.Fatal(err)
	}
	defer p.Close()
	fillAnkiBench(t, p, 10_000)
}
