package classroom

import (
	"context"
	"fmt"
	"path/filepath"
	"testing"
	"time"

	"github.com/saa-study/saa-study/content"
	"github.com/saa-study/saa-study/sim/clock"
	"github.com/saa-study/saa-study/store"
)

// testQuiz makes n single-answer questions with three options each; the
// option written second is the right one. The Korean copy has the same
// ids and order.
func testQuiz(n int) Quiz {
	q := Quiz{ID: "test-quiz", Title: "Test quiz", Source: "test", Lang: content.EN, Questions: map[content.Lang][]*content.Question{}}
	for _, lang := range []content.Lang{content.EN, content.KO} {
		for i := range n {
			q.Questions[lang] = append(q.Questions[lang], &content.Question{
				ID: fmt.Sprintf("q%02d", i+1), Lang: lang, Topic: "test", Choose: 1,
				Stem: fmt.Sprintf("[%s] Question %d?", lang, i+1),
				Options: []content.Option{
					{Text: "first", Explanation: "no"},
					{Text: "second", Explanation: "yes", Correct: true},
					{Text: "third", Explanation: "no"},
				},
			})
		}
	}
	return q
}

func testStore(tb testing.TB) *store.Store {
	tb.Helper()
	st, err := store.Open(filepath.Join(tb.TempDir(), "p.db"), store.Options{})
	if err != nil {
		tb.Fatal(err)
	}
	tb.Cleanup(func() { st.Close() })
	return st
}

func testRoom(tb testing.TB, paced Paced, n int, timer time.Duration) (*Room, *clock.Virtual, *store.Store) {
	tb.Helper()
	st := testStore(tb)
	clk := clock.New(clock.Epoch)
	r, err := NewRoom(context.Background(), Config{Store: st, Clock: clk, Quiz: testQuiz(n), Paced: paced,
		Code: "ABCDEF", Timer: timer, SessionID: "s1"})
	if err != nil {
		tb.Fatal(err)
	}
	return r, clk, st
}

// pos returns the display position of the option with original index orig.
func (r *Room) posOf(i, orig int) int { return r.Presented(content.EN, i).Position(orig) }

func textWidthOK(s string) bool { return truncateCells(s, MaxNameWidth) == s }
