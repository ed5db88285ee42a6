package progress

import (
	"bufio"
	"database/sql"
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

// crashEnv makes the test binary act as the crash helper: it commits
// answers to questions through CommitAnswer against the progress file
// named by the variable and prints "accepted <answer id>" after each.
const crashEnv = "SAA_PROGRESS_CRASH_HELPER_DB"

func TestMain(m *testing.M) {
	if path := os.Getenv(crashEnv); path != "" {
		os.Exit(crashHelper(path))
	}
	os.Exit(m.Run())
}

// crashHelper answers 20 questions in turn, right or wrong by a seeded
// script, until it is killed. Each run starts where the file left off.
func crashHelper(path string) int {
	start := time.Date(2026, 11, 27, 9, 0, 0, 0, time.UTC)
	p, err := Open(path, nil, Options{Loc: time.UTC, Now: func() time.Time { return start }})
	if err != nil {
		fmt.Fprintln(os.Stderr, err)
		return 3
	}
	defer p.Close()
	n, err := p.AnswerCount(ctx)
	if err != nil {
		fmt.Fprintln(os.Stderr, err)
		return 3
	}
	rng := rand.New(rand.NewPCG(7, uint64(n)))
	out := bufio.NewWriter(os.Stdout)
	for i := n; ; i++ {
		r := srs.Good
		if rng.IntN(4) == 0 {
			r = srs.Again
		}
		id, err := p.CommitAnswer(ctx, Answer{Kind: KindQuestion, ItemID: fmt.Sprintf("q-%02d", i%20), Lang: "en",
			Correct: r == srs.Good, Rating: int(r), Chosen: "0", DurationMS: 900, Source: "study",
			AnsweredAt: start.Add(time.Duration(i) * time.Minute)})
		if err != nil {
			fmt.Fprintln(os.Stderr, err)
			return 3
		}
		fmt.Fprintf(out, "accepted %d\n", id)
		out.Flush()
	}
}

// TestKilledCommitKeepsEveryAcceptedAnswerWithItsReview kills the helper
// with SIGKILL at random moments (50 times, 5 with -short) and checks that
// every answer it reported as accepted is in the file with its review log
// row and its item's state, that no answer or review is half-written, and
// that the file is intact.
func TestKilledCommitKeepsEveryAcceptedAnswerWithItsReview(t *testing.T) {
	kills := 50
	if testing.Short() {
		kills = 5
	}
	exe, err := os.Executable()
	if err != nil {
		t.Fatal(err)
	}
	path := filepath.Join(t.TempDir(), "crash.db")
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
		want := 1 + rng.IntN(10)
		sc := bufio.NewScanner(stdout)
		got := 0
		read := func() bool {
			id, ok := strings.CutPrefix(sc.Text(), "accepted ")
			if !ok {
				return false
			}
			n, err := strconv.ParseInt(id, 10, 64)
			if err != nil {
				t.Fatalf("helper printed %q", sc.Text())
			}
			accepted = append(accepted, n)
			return true
		}
		for got < want && sc.Scan() {
			if read() {
				got++
			}
		}
		time.Sleep(time.Duration(rng.IntN(800)) * time.Microsecond)
		cmd.Process.Signal(syscall.SIGKILL)
		// Lines printed before the kill landed were committed too.
		for sc.Scan() {
			read()
		}
		cmd.Wait()
		if got < want {
			t.Fatalf("kill %d: helper stopped after %d answers: %s", k, got, stderr.String())
		}
	}

	db, err := sql.Open("sqlite", "file:"+path)
	if err != nil {
		t.Fatal(err)
	}
	defer db.Close()
	var ok string
	if err := db.QueryRow(`PRAGMA integrity_check`).Scan(&ok); err != nil || ok != "ok" {
		t.Fatalf("integrity_check = %q, %v", ok, err)
	}
	for _, id := range accepted {
		var kind, item, at string
		if err := db.QueryRow(`SELECT kind, item_id, answered_at FROM answers WHERE id = ?`, id).Scan(&kind, &item, &at); err != nil {
			t.Fatalf("accepted answer %d is missing: %v", id, err)
		}
		ts, _ := time.Parse(time.RFC3339Nano, at)
		var reviews, items int
		db.QueryRow(`SELECT count(*) FROM srs_review WHERE kind = ? AND item_id = ? AND reviewed_at = ?`, kind, item, ts.UnixNano()).Scan(&reviews)
		db.QueryRow(`SELECT count(*) FROM srs_item WHERE kind = ? AND item_id = ? AND reps > 0`, kind, item).Scan(&items)
		if reviews != 1 || items != 1 {
			t.Fatalf("accepted answer %d (%s at %s): %d review rows, %d scheduled items; want 1 and 1", id, item, at, reviews, items)
		}
	}
	// Nothing half-written: every answer has its review, and each item's
	// state counts exactly the reviews logged for it.
	var answers, reviews int
	db.QueryRow(`SELECT count(*) FROM answers`).Scan(&answers)
	db.QueryRow(`SELECT count(*) FROM srs_review`).Scan(&reviews)
	if answers != reviews || answers < len(accepted) {
		t.Fatalf("%d answers, %d reviews, %d accepted", answers, reviews, len(accepted))
	}
	rows, err := db.Query(`SELECT i.item_id, i.reps, (SELECT count(*) FROM srs_review r WHERE r.kind = i.kind AND r.item_id = i.item_id),
		(SELECT count(*) FROM answers a WHERE a.kind = i.kind AND a.item_id = i.item_id) FROM srs_item i`)
	if err != nil {
		t.Fatal(err)
	}
	defer rows.Close()
	for rows.Next() {
		var item string
		var reps, logged, answered int
		if err := rows.Scan(&item, &reps, &logged, &answered); err != nil {
			t.Fatal(err)
		}
		if reps != logged || logged != answered {
			t.Fatalf("%s: state says %d reps, %d reviews logged, %d answers", item, reps, logged, answered)
		}
	}
	t.Logf("%d kills, %d accepted answers, all present with their reviews", kills, len(accepted))
}
