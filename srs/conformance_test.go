package srs

import (
	"encoding/json"
	"math"
	"os"
	"testing"
	"time"
)

// vectors mirrors testdata/tsfsrs/vectors.json, written by gen.mjs.
type vectors struct {
	Generator string       `json:"generator"`
	Cards     []vectorCard `json:"cards"`
	FuzzCards []vectorCard `json:"fuzz_cards"`
	Params    []struct {
		Name            string    `json:"name"`
		W               []float64 `json:"w"`
		RelearningSteps []string  `json:"relearning_steps"`
		Used            []float64 `json:"used"`
	} `json:"params"`
}

type vectorCard struct {
	ID      string `json:"id"`
	Profile string `json:"profile"`
	Reviews []struct {
		Rating Rating    `json:"rating"`
		TS     time.Time `json:"ts"`
		Expect struct {
			State         State     `json:"state"`
			Due           time.Time `json:"due"`
			ScheduledDays int       `json:"scheduled_days"`
			Stability     float64   `json:"stability"`
			Difficulty    float64   `json:"difficulty"`
			ElapsedDays   int       `json:"elapsed_days"`
			Reps          int       `json:"reps"`
			Lapses        int       `json:"lapses"`
			LearningSteps int       `json:"learning_steps"`
			R             *float64  `json:"r"`
			RetBefore     float64   `json:"retrievability_before"`
		} `json:"expect"`
	} `json:"reviews"`
}

func loadVectors(t testing.TB) *vectors {
	t.Helper()
	b, err := os.ReadFile("testdata/tsfsrs/vectors.json")
	if err != nil {
		t.Fatalf("read vectors: %v", err)
	}
	var v vectors
	if err := json.Unmarshal(b, &v); err != nil {
		t.Fatalf("parse vectors: %v", err)
	}
	if len(v.Cards) < 300 {
		t.Fatalf("want at least 300 cards in the vectors, got %d", len(v.Cards))
	}
	return &v
}

func relClose(a, b, tol float64) bool {
	if a == b {
		return true
	}
	return math.Abs(a-b) <= tol*math.Max(math.Abs(a), math.Abs(b))
}

// TestConformanceWithTsFsrs replays every stored history and compares each
// step with what ts-fsrs 5.4.2 produced: state, due and interval exactly,
// stability and difficulty within 1e-6 relative.
func TestConformanceWithTsFsrs(t *testing.T) {
	v := loadVectors(t)
	plain := Default()
	fp := DefaultParams()
	fp.EnableFuzz = true
	fuzzed, err := NewScheduler(fp)
	if err != nil {
		t.Fatal(err)
	}
	for _, set := range []struct {
		name  string
		s     *Scheduler
		cards []vectorCard
	}{{"plain", plain, v.Cards}, {"fuzz", fuzzed, v.FuzzCards}} {
		t.Run(set.name, func(t *testing.T) {
			steps := 0
			for _, vc := range set.cards {
				var c Card
				for i, rv := range vc.Reviews {
					if i == 0 {
						c = NewCard(rv.TS)
					}
					if got := set.s.Retrievability(c, rv.TS); !relClose(got, rv.Expect.RetBefore, 1e-6) {
						t.Errorf("%s #%d: retrievability before = %v, ts-fsrs %v", vc.ID, i, got, rv.Expect.RetBefore)
					}
					next, log, err := set.s.Review(c, rv.TS, rv.Rating)
					if err != nil {
						t.Fatalf("%s #%d: %v", vc.ID, i, err)
					}
					e := rv.Expect
					if next.State != e.State || !next.Due.Equal(e.Due) || next.ScheduledDays != e.ScheduledDays ||
						next.ElapsedDays != e.ElapsedDays || next.Reps != e.Reps || next.Lapses != e.Lapses ||
						next.LearningSteps != e.LearningSteps || log.ElapsedDays != e.ElapsedDays {
						t.Fatalf("%s (%s) #%d rating %d at %s:\n got  %+v\n want %+v", vc.ID, vc.Profile, i, rv.Rating,
							rv.TS.Format(time.RFC3339Nano), next, e)
					}
					if !relClose(next.Stability, e.Stability, 1e-6) || !relClose(next.Difficulty, e.Difficulty, 1e-6) {
						t.Fatalf("%s #%d: S %v D %v, ts-fsrs S %v D %v", vc.ID, i, next.Stability, next.Difficulty, e.Stability, e.Difficulty)
					}
					c = next
					steps++
				}
			}
			t.Logf("%d reviews of %d cards match ts-fsrs", steps, len(set.cards))
		})
	}
}

// TestParameterMigrationMatchesTsFsrs checks 17/19/21-weight vectors,
// out-of-range clipping and the relearning-steps ceiling of w17/w18.
func TestParameterMigrationMatchesTsFsrs(t *testing.T) {
	v := loadVectors(t)
	for _, pc := range v.Params {
		t.Run(pc.Name, func(t *testing.T) {
			p := DefaultParams()
			p.W = pc.W
			if pc.RelearningSteps != nil {
				p.RelearningSteps = pc.RelearningSteps
			}
			s, err := NewScheduler(p)
			if pc.Name == "bad_length" {
				// ts-fsrs falls back to the defaults with a warning; we refuse,
				// so a corrupt settings file is noticed.
				if err == nil {
					t.Fatal("want an error for a 3-weight vector")
				}
				return
			}
			if err != nil {
				t.Fatal(err)
			}
			w := s.Weights()
			for i := range w {
				if w[i] != pc.Used[i] {
					t.Errorf("w[%d] = %v, ts-fsrs %v", i, w[i], pc.Used[i])
				}
			}
		})
	}
}
