package store

import (
	"bufio"
	"context"
	"fmt"
	"math/rand/v2"
	"os"
	"os/exec"
	"path/filepath"
	"strconv"
	"strings"
	"syscall"
	"testing"
	"time"

	"github.com/saa-study/saa-study/srs"
)

// crashEnv makes the test binary act as the crash helper: it answers cards
// from a fixed script against the store file named by the variable and
// prints "accepted <review id>" after each commit.
const crashEnv = "SAA_SRS_CRASH_HELPER_DB"

func TestMain(m *testing.M) {
	if path := os.Getenv(crashEnv); path != "" {
		os.Exit(crashHelper(path))
	}
	code := m.Run()
	if benchDir != "" {
		os.RemoveAll(benchDir)
	}
	os.Exit(code)
}

// crashHelper answers the 50 items in turn, Good or Again by a seeded
// script, until it is killed.
func crashHelper(path string) int {
	ctx := context.Background()
	now := time.Date(2026, 11, 27, 9, 0, 0, 0, time.UTC)
	s, err := Open(path, Options{Now: func() time.Time { return now }})
	if err != nil {
		fmt.Fprintln(os.Stderr, err)
		return 3
	}
	defer s.Close()
	sched := srs.Default()
	rng := rand.New(rand.NewPCG(7, 7))
	out := bufio.NewWriter(os.Stdout)
	for i := 0; ; i++ {
		id := fmt.Sprintf("item-%02d", i%50)
		before, err := s.SRSItem(ctx, KindCard, id)
		if err != nil {
			fmt.Fprintln(os.Stderr, err)
			return 3
		}
		g := srs.Good
		if rng.IntN(4) == 0 {
			g = srs.Again
		}
		at := now.Add(time.Duration(i) * time.Minute)
		after := before
		after.Card, _ = sched.Next(before.Card, at, g)
		rid, err := s.CommitReview(ctx, Review{Kind: KindCard, ItemID: id, Rating: g, Before: before, After: after, ReviewedAt: at})
		if err != nil {
			fmt.Fprintln(os.Stderr, err)
			return 3
		}
		fmt.Fprintf(out, "accepted %d\n", rid)
		out.Flush()
	}
}

// TestKilledWriterLosesNoAcceptedAnswer kills the helper with SIGKILL at
// random moments (50 times, 5 with -short) and checks that every answer it
// reported as accepted is in the file and the file is intact.
func TestKilledWriterLosesNoAcceptedAnswer(t *testing.T) {
	kills := 50
	if testing.Short() {
		kills = 5
	}
	exe, err := os.Executable()
	if err != nil {
		t.Fatal(err)
	}
	path := filepath.Join(t.TempDir(), "crash.db")
	s, err := Open(path, Options{})
	if err != nil {
		t.Fatal(err)
	}
	refs := make([]SRSRef, 50)
	for i := range refs {
		refs[i] = SRSRef{Kind: KindCard, ItemID: fmt.Sprintf("item-%02d", i), Ord: i}
	}
	if _, err := s.RegisterSRSItems(ctx, refs); err != nil {
		t.Fatal(err)
	}
	s.Close()
	rng := rand.New(rand.NewPCG(42, 42))
	var accepted []int64
	for k := range kills {
		cmd := exec.Command(exe, "-test.run=^$")
		cmd.Env = append(os.Environ(), crashEnv+"="+path)
		stdout, err := cmd.StdoutPipe()
		if err != nil {
			t.Fatal(err)
		}
		var stderr strings.Builder
		cmd.Stderr = &stderr
		if err := cmd.Start(); err != nil {
			t.Fatal(err)
		}
		// Kill after a random number of accepted answers plus a random
		// sub-millisecond delay, so the kill lands anywhere in a commit.
		want := 1 + rng.IntN(15)
		sc := bufio.NewScanner(stdout)
		got := 0
		for got < want && sc.Scan() {
			if id, ok := strings.CutPrefix(sc.Text(), "accepted "); ok {
				n, err := strconv.ParseInt(id, 10, 64)
				if err != nil {
					t.Fatalf("helper printed %q", sc.Text())
				}
				accepted = append(accepted, n)
				got++
			}
		}
		time.Sleep(time.Duration(rng.IntN(800)) * time.Microsecond)
		cmd.Process.Signal(syscall.SIGKILL)
		// Lines printed before the kill landed were committed too.
		for sc.Scan() {
			if id, ok := strings.CutPrefix(sc.Text(), "accepted "); ok {
				n, _ := strconv.ParseInt(id, 10, 64)
				accepted = append(accepted, n)
			}
		}
		cmd.Wait()
		if got < want {
			t.Fatalf("kill %d: helper stopped after %d answers: %s", k, got, stderr.String())
		}
	}
	s, err = Open(path, Options{})
	if err != nil {
		t.Fatalf("reopening after %d kills: %v", kills, err)
	}
	defer s.Close()
	var ok string
	if err := s.db.QueryRow(`PRAGMA integrity_check`).Scan(&ok); err != nil || ok != "ok" {
		t.Fatalf("integrity_check = %q, %v", ok, err)
	}
	for _, id := range accepted {
		if found, err := s.ReviewExists(ctx, id); err != nil || !found {
			t.Fatalf("accepted review %d is missing (%v)", id, err)
		}
	}
	n, _ := s.ReviewCount(ctx)
	if n < len(accepted) {
		t.Fatalf("%d reviews stored, %d accepted", n, len(accepted))
	}
	// The log row and the item's state were written together: each item
	// has exactly as many reviews as its state counts.
	items, err := s.SRSItems(ctx)
	if err != nil {
		t.Fatal(err)
	}
	for _, it := range items {
		var c int
		s.db.QueryRow(`SELECT count(*) FROM srs_review WHERE kind = ? AND item_id = ?`, it.Kind, it.ItemID).Scan(&c)
		if c != it.Card.Reps {
			t.Fatalf("%s: %d reviews logged but its state says %d reps", it.ItemID, c, it.Card.Reps)
		}
	}
	t.Logf("%d kills, %d accepted answers, all present", kills, len(accepted))
}
