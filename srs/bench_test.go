package srs

import (
	"bytes"
	"fmt"
	"math/rand/v2"
	"os"
	"testing"
	"time"
)

// BenchmarkNext measures one scheduling step on a Review card (the common
// case: four memory updates would be needed for Easy, Good needs two).
func BenchmarkNext(b *testing.B) {
	s := Default()
	card := Card{State: Review, Stability: 12.5, Difficulty: 5.3, Reps: 6, ScheduledDays: 12,
		LastReview: at("2025-01-01T10:00:00Z"), Due: at("2025-01-13T10:00:00Z")}
	now := at("2025-01-14T08:00:00Z")
	b.ReportAllocs()
	for i := 0; b.Loop(); i++ {
		c, _ := s.Next(card, now, Rating(i%4+1))
		if c.Reps != 7 {
			b.Fatal(c)
		}
	}
}

// BenchmarkNextFuzz is the same step with fuzz on (Alea seed hashing).
func BenchmarkNextFuzz(b *testing.B) {
	p := DefaultParams()
	p.EnableFuzz = true
	s, _ := NewScheduler(p)
	card := Card{State: Review, Stability: 12.5, Difficulty: 5.3, Reps: 6, ScheduledDays: 12,
		LastReview: at("2025-01-01T10:00:00Z"), Due: at("2025-01-13T10:00:00Z")}
	now := at("2025-01-14T08:00:00Z")
	b.ReportAllocs()
	for b.Loop() {
		s.Next(card, now, Good)
	}
}

// BenchmarkPreview computes the four button intervals.
func BenchmarkPreview(b *testing.B) {
	s := Default()
	card := Card{State: Review, Stability: 12.5, Difficulty: 5.3, Reps: 6,
		LastReview: at("2025-01-01T10:00:00Z"), Due: at("2025-01-13T10:00:00Z")}
	now := at("2025-01-14T08:00:00Z")
	b.ReportAllocs()
	for b.Loop() {
		s.Preview(card, now)
	}
}

// benchCards makes n cards in a realistic mix of states, seeded.
func benchCards(n int) []QueueCard {
	rng := rand.New(rand.NewPCG(1, 2))
	now := at("2025-06-10T09:00:00Z")
	out := make([]QueueCard, n)
	for i := range out {
		c := QueueCard{ID: fmt.Sprintf("card-%06d", i), Group: fmt.Sprintf("topic-%d", i%12)}
		switch k := rng.IntN(10); {
		case k < 3:
			c.Card = NewCard(now.Add(-time.Duration(rng.IntN(1000)) * time.Hour))
		case k < 4:
			c.Card = Card{State: Learning, Stability: 2.3, Difficulty: 5, LastReview: now.Add(-time.Hour),
				Due: now.Add(time.Duration(rng.IntN(600)-300) * time.Minute)}
		default:
			s := 1 + rng.Float64()*100
			last := now.Add(-time.Duration(rng.IntN(100*24)) * time.Hour)
			c.Card = Card{State: Review, Stability: s, Difficulty: 1 + rng.Float64()*9, LastReview: last,
				Due: last.Add(time.Duration(s*24) * time.Hour), Lapses: rng.IntN(10)}
		}
		c.Suspended = rng.IntN(100) == 0
		out[i] = c
	}
	return out
}

// BenchmarkQueue builds a day's queue from 100 000 cards.
func BenchmarkQueue(b *testing.B) {
	cards := benchCards(100_000)
	now := at("2025-06-10T09:00:00Z")
	p := DefaultQueuePolicy()
	b.ReportAllocs()
	for b.Loop() {
		q := BuildQueue(cards, now, DoneToday{}, p)
		if len(q.Main) == 0 {
			b.Fatal("empty queue")
		}
	}
}

// BenchmarkMastery computes per-topic mastery over 100 000 cards.
func BenchmarkMastery(b *testing.B) {
	cards := benchCards(100_000)
	now := at("2025-06-10T09:00:00Z")
	s := Default()
	b.ReportAllocs()
	for b.Loop() {
		Mastery(cards, now, s)
	}
}

// BenchmarkReplayVectors replays the ts-fsrs vectors (336 cards, about
// 4,800 reviews) from JSON to JSON lines, as `srs replay --json` does.
func BenchmarkReplayVectors(b *testing.B) {
	data, err := os.ReadFile("testdata/tsfsrs/vectors.json")
	if err != nil {
		b.Fatal(err)
	}
	var out []byte
	b.SetBytes(int64(len(data)))
	b.ReportAllocs()
	for b.Loop() {
		out = out[:0]
		if err := ReplayEach(bytes.NewReader(data), nil, func(l *ReplayLine) error {
			out = append(l.AppendJSON(out), '\n')
			return nil
		}); err != nil {
			b.Fatal(err)
		}
	}
}
