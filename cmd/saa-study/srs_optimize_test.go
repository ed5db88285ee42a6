package main

import (
	"encoding/json"
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/saa-study/saa-study/store"
)

// simulatedHistory writes the 2,000-review log of the optimizer's vectors
// as a history file in the format srs replay reads.
func simulatedHistory(t *testing.T) (string, [][2]int) {
	t.Helper()
	data, err := os.ReadFile("../../srs/testdata/fsrsrs/vectors.json")
	if err != nil {
		t.Fatal(err)
	}
	var v struct {
		Logs []struct {
			Name  string `json:"name"`
			Cards []struct {
				Start   int      `json:"start"`
				Reviews [][2]int `json:"reviews"`
			} `json:"cards"`
		} `json:"logs"`
	}
	if err := json.Unmarshal(data, &v); err != nil {
		t.Fatal(err)
	}
	type rev struct {
		Rating int    `json:"rating"`
		TS     string `json:"ts"`
	}
	type card struct {
		ID      string `json:"id"`
		Reviews []rev  `json:"reviews"`
	}
	var cards []card
	var flat [][2]int
	t0 := time.Date(2025, 1, 1, 9, 0, 0, 0, time.UTC)
	for ci, c := range v.Logs[1].Cards {
		day := c.Start
		out := card{ID: fmt.Sprintf("c%d", ci)}
		for i, r := range c.Reviews {
			day += r[1]
			at := t0.AddDate(0, 0, day).Add(time.Duration(i) * time.Minute)
			out.Reviews = append(out.Reviews, rev{r[0], at.Format(time.RFC3339)})
			flat = append(flat, [2]int{ci, r[0]})
		}
		cards = append(cards, out)
	}
	b, _ := json.Marshal(map[string]any{"cards": cards})
	f := filepath.Join(t.TempDir(), "history.json")
	if err := os.WriteFile(f, b, 0o644); err != nil {
		t.Fatal(err)
	}
	return f, flat
}

func TestSRSOptimizeHistoryJSON(t *testing.T) {
	f, flat := simulatedHistory(t)
	code, out, errs := saa(t, "srs", "optimize", "--history", f, "--json")
	if code != 0 {
		t.Fatalf("exit %d: %s", code, errs)
	}
	var r struct {
		Reviews        int       `json:"reviews"`
		Parameters     []float64 `json:"parameters"`
		LogLossBefore  *float64  `json:"log_loss_before"`
		LogLossAfter   *float64  `json:"log_loss_after"`
		RMSEBinsBefore *float64  `json:"rmse_bins_before"`
		RMSEBinsAfter  *float64  `json:"rmse_bins_after"`
	}
	if err := json.Unmarshal([]byte(out), &r); err != nil {
		t.Fatalf("%v: %s", err, out)
	}
	if r.Reviews != len(flat) || len(r.Parameters) != 21 || r.LogLossBefore == nil || r.LogLossAfter == nil ||
		r.RMSEBinsBefore == nil || r.RMSEBinsAfter == nil || *r.LogLossAfter >= *r.LogLossBefore {
		t.Fatalf("report: %s", out)
	}
	if code, _, errs := saa(t, "srs", "optimize", "--history", f, "--apply"); code != 2 || !strings.Contains(errs, "--apply") {
		t.Fatalf("--history --apply: exit %d %q", code, errs)
	}
}

func TestSRSOptimizeApplyAndUndoInTheProgressFile(t *testing.T) {
	dir := t.TempDir()
	db := filepath.Join(dir, "p.db")
	code, out, _ := saa(t, "--db", db, "srs", "optimize")
	if code != 0 || !strings.Contains(out, "not enough reviews to fit: 64 more") {
		t.Fatalf("empty file: exit %d\n%s", code, out)
	}
	if code, _, errs := saa(t, "--db", db, "srs", "optimize", "--undo"); code != 1 || !strings.Contains(errs, "no applied parameters") {
		t.Fatalf("undo with nothing applied: exit %d %q", code, errs)
	}
	// Fill the file through a backup of the simulated reviews.
	hist, flat := simulatedHistory(t)
	items := &store.BackupTable{Columns: []string{"kind", "item_id", "deck", "ord", "due"}}
	revs := &store.BackupTable{Columns: []string{"kind", "item_id", "rating", "state_before", "state_after",
		"stability", "difficulty", "elapsed_days", "scheduled_days", "due", "reviewed_at", "duration_ms", "prev"}}
	at := time.Date(2025, 1, 1, 12, 0, 0, 0, time.UTC)
	var h struct {
		Cards []struct {
			ID      string `json:"id"`
			Reviews []struct {
				Rating int       `json:"rating"`
				TS     time.Time `json:"ts"`
			} `json:"reviews"`
		} `json:"cards"`
	}
	b, err := os.ReadFile(hist)
	if err != nil {
		t.Fatal(err)
	}
	if err := json.Unmarshal(b, &h); err != nil {
		t.Fatal(err)
	}
	for ci, c := range h.Cards {
		items.Rows = append(items.Rows, []any{"card", c.ID, "", ci, at.UnixNano()})
		for _, r := range c.Reviews {
			revs.Rows = append(revs.Rows, []any{"card", c.ID, r.Rating, 2, 2, 1.0, 5.0, 0, 0, r.TS.UnixNano(), r.TS.UnixNano(), 3000, "{}"})
		}
	}
	bf := store.BackupFile{Format: store.BackupFormat, Version: store.BackupVersion, Schema: store.SchemaVersion(),
		CreatedAt: at.Format(time.RFC3339), Tables: map[string]*store.BackupTable{"srs_item": items, "srs_review": revs}}
	bj, _ := json.Marshal(bf)
	backup := filepath.Join(dir, "backup.json")
	os.WriteFile(backup, bj, 0o644)
	if code, _, errs := saa(t, "--db", db, "restore", backup); code != 0 {
		t.Fatalf("restore: exit %d %s", code, errs)
	}
	code, out, errs := saa(t, "--db", db, "srs", "optimize", "--apply")
	if code != 0 || !strings.Contains(out, fmt.Sprintf("reviews: %d", len(flat))) || !strings.Contains(out, "applied:") || !strings.Contains(out, "log loss:") {
		t.Fatalf("apply: exit %d %s\n%s", code, errs, out)
	}
	s, err := store.Open(db, store.Options{})
	if err != nil {
		t.Fatal(err)
	}
	fits, err := s.FSRSFits(t.Context())
	s.Close()
	if err != nil || len(fits) != 1 || len(fits[0].Parameters) != 21 || fits[0].Reviews != len(flat) || fits[0].LogLossAfter >= fits[0].LogLossBefore {
		t.Fatalf("stored fits %+v %v", fits, err)
	}
	code, out, _ = saa(t, "--db", db, "srs", "optimize", "--undo")
	if code != 0 || !strings.Contains(out, "default FSRS parameters are in use again") {
		t.Fatalf("undo: exit %d %s", code, out)
	}
}

func TestSRSLimitsRetention(t *testing.T) {
	db := filepath.Join(t.TempDir(), "p.db")
	code, out, _ := saa(t, "--db", db, "srs", "limits")
	if code != 0 || !strings.Contains(out, "desired retention: 0.90") {
		t.Fatalf("default: exit %d %s", code, out)
	}
	code, out, _ = saa(t, "--db", db, "srs", "limits", "--retention", "0.85")
	if code != 0 || !strings.Contains(out, "desired retention: 0.85") {
		t.Fatalf("set: exit %d %s", code, out)
	}
	if code, _, errs := saa(t, "--db", db, "srs", "limits", "--retention", "0.99"); code != 2 || !strings.Contains(errs, "0.70..0.97") {
		t.Fatalf("0.99: exit %d %q", code, errs)
	}
	code, out, _ = saa(t, "--db", db, "srs", "limits", "--exam-date", "2026-12-27")
	if code != 0 || !strings.Contains(out, "exam date: 2026-12-27") {
		t.Fatalf("exam date: exit %d %s", code, out)
	}
	code, out, _ = saa(t, "--db", db, "srs", "limits", "--exam-date", "none")
	if code != 0 || !strings.Contains(out, "exam date: none") {
		t.Fatalf("clearing the exam date: exit %d %s", code, out)
	}
	if code, _, errs := saa(t, "--db", db, "srs", "limits", "--exam-date", "soon"); code != 2 || !strings.Contains(errs, "YYYY-MM-DD") {
		t.Fatalf("bad exam date: exit %d %q", code, errs)
	}
}
