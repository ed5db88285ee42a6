package srs_test

import (
	"encoding/json"
	"fmt"
	"os"
	"strings"
	"time"

	"github.com/saa-study/saa-study/srs"
)

// A review screen: the four buttons show what each rating would give, and
// the chosen one is applied.
func ExampleScheduler_Preview() {
	s := srs.Default()
	now := time.Date(2025, 1, 1, 10, 0, 0, 0, time.UTC)
	card, _ := s.Next(srs.NewCard(now), now, srs.Good)
	card, _ = s.Next(card, now.Add(11*time.Minute), srs.Good)
	later := now.Add(48 * time.Hour)
	for i, c := range s.Preview(card, later) {
		fmt.Printf("%-5s %v\n", srs.Rating(i+1), c.Due.Sub(later))
	}
	// Output:
	// Again 10m0s
	// Hard  192h0m0s
	// Good  264h0m0s
	// Easy  456h0m0s
}

func ExampleReplay() {
	in := `{"cards":[{"id":"c1","reviews":[{"rating":3,"ts":"2025-03-18T09:27:31Z"},{"rating":3,"ts":"2025-03-18T09:40:00Z"}]}]}`
	lines, err := srs.Replay(strings.NewReader(in), nil)
	if err != nil {
		fmt.Println(err)
		return
	}
	enc := json.NewEncoder(os.Stdout)
	for _, l := range lines {
		enc.Encode(l)
	}
	// Output:
	// {"id":"c1","i":0,"rating":3,"ts":"2025-03-18T09:27:31Z","prev_state":0,"elapsed_days":0,"r":null,"state":1,"stability":2.3065,"difficulty":2.11810397,"scheduled_days":0,"due":"2025-03-18T09:37:31Z","learning_steps":1,"reps":1,"lapses":0}
	// {"id":"c1","i":1,"rating":3,"ts":"2025-03-18T09:40:00Z","prev_state":1,"elapsed_days":0,"r":1,"state":2,"stability":2.3065,"difficulty":2.11121424,"scheduled_days":2,"due":"2025-03-20T09:40:00Z","learning_steps":0,"reps":2,"lapses":0}
}
