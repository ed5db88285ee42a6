package classroom

import (
	"context"
	"fmt"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/saa-study/saa-study/sim/clock"
	"github.com/saa-study/saa-study/store"
)

// wall is the real clock the load test's server runs on.
type wall struct{}

func (wall) Now() time.Time { return time.Now() }

const (
	loadStudents = 50
	loadDroppers = 10
	loadQuestion = 10
)

// runClass drives loadStudents SSH clients with PTYs through a
// loadQuestion self-paced quiz; loadDroppers of them hang up after half the
// quiz and come back. It returns the stored answers.
func runClass(tb testing.TB, st *store.Store, id string) []store.ClassAnswer {
	var clk clock.Clock = wall{}
	r, err := NewRoom(context.Background(), Config{Store: st, Clock: clk, Quiz: testQuiz(loadQuestion), Paced: SelfPaced,
		Code: "ABCDEF", SessionID: id})
	if err != nil {
		tb.Fatal(err)
	}
	if err := r.Do(context.Background(), ActStart); err != nil {
		tb.Fatal(err)
	}
	addr := startServer(tb, r, func(c *ServerConfig) { c.MaxSessions, c.MaxPendingPerAddr = 2*loadStudents, 2*loadStudents })
	answer := func(t *term, from, to int) {
		var b strings.Builder
		for range to - from {
			b.WriteString("a\r\r") // pick a, submit, leave the feedback
		}
		t.typ(b.String())
	}
	var wg sync.WaitGroup
	errs := make(chan error, loadStudents)
	for i := range loadStudents {
		wg.Add(1)
		go func() {
			defer wg.Done()
			name := fmt.Sprintf("s%02d", i)
			key := newSigner(tb)
			t, err := dialTerm(addr, name, key)
			if err != nil {
				errs <- err
				return
			}
			defer func() { t.close() }()
			t.typ("ABCDEF\r")
			if i < loadDroppers {
				answer(t, 0, loadQuestion/2)
				if !poll(func() bool { return answered(r, name) == loadQuestion/2 }) {
					errs <- fmt.Errorf("%s: first half not stored", name)
					return
				}
				t.close()
				if t, err = dialTerm(addr, name, key); err != nil {
					errs <- err
					return
				}
				t.typ("ABCDEF\r")
				answer(t, loadQuestion/2, loadQuestion)
			} else {
				answer(t, 0, loadQuestion)
			}
			if !poll(func() bool { return answered(r, name) == loadQuestion }) {
				errs <- fmt.Errorf("%s: %d answers stored, want %d", name, answered(r, name), loadQuestion)
			}
		}()
	}
	wg.Wait()
	close(errs)
	for err := range errs {
		tb.Error(err)
	}
	as, err := st.ClassAnswers(context.Background(), r.ID())
	if err != nil {
		tb.Fatal(err)
	}
	return as
}

// poll waits for cond for at most a minute (a bound for broken runs only).
func poll(cond func() bool) bool {
	deadline := time.Now().Add(time.Minute)
	for !cond() {
		if time.Now().After(deadline) {
			return false
		}
		time.Sleep(10 * time.Millisecond)
	}
	return true
}

func TestLoadFiftyStudents(t *testing.T) {
	st := testStore(t)
	as := runClass(t, st, "load")
	if len(as) != loadStudents*loadQuestion {
		t.Fatalf("%d answers stored, want %d", len(as), loadStudents*loadQuestion)
	}
	seen := map[string]int{}
	for _, a := range as {
		key := fmt.Sprintf("%s/%d", a.Name, a.Position)
		if seen[key]++; seen[key] > 1 {
			t.Fatalf("answer %s stored twice", key)
		}
	}
	ps, err := st.ClassParticipants(context.Background(), "load")
	if err != nil || len(ps) != loadStudents {
		t.Fatalf("%d participants (%v), want %d: reconnecting must not add students", len(ps), err, loadStudents)
	}
}

func BenchmarkClassFiftyStudents(b *testing.B) {
	b.ReportAllocs()
	st := testStore(b)
	total := 0
	start := time.Now()
	for i := 0; b.Loop(); i++ {
		total += len(runClass(b, st, fmt.Sprintf("bench-%d", i)))
	}
	b.ReportMetric(float64(total)/time.Since(start).Seconds(), "answers/s")
}
