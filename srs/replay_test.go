package srs

import (
	"bytes"
	"encoding/json"
	"errors"
	"os"
	"strings"
	"testing"
)

// TestReplayJSONShape pins the documented line, byte for byte.
func TestReplayJSONShape(t *testing.T) {
	in := `{"cards":[{"id":"c1","note":"extra keys are ignored","reviews":[{"rating":3,"ts":"2025-03-18T09:27:31Z","x":1},{"rating":3,"ts":"2025-03-18T09:40:00+00:00"}]}]}`
	lines, err := Replay(strings.NewReader(in), nil)
	if err != nil {
		t.Fatal(err)
	}
	got, err := json.Marshal(lines[0])
	if err != nil {
		t.Fatal(err)
	}
	want := `{"id":"c1","i":0,"rating":3,"ts":"2025-03-18T09:27:31Z","prev_state":0,"elapsed_days":0,"r":null,"state":1,"stability":2.3065,"difficulty":2.11810397,"scheduled_days":0,"due":"2025-03-18T09:37:31Z","learning_steps":1,"reps":1,"lapses":0}`
	if string(got) != want {
		t.Errorf("line 0:\n got  %s\n want %s", got, want)
	}
	second, _ := json.Marshal(lines[1])
	if !strings.Contains(string(second), `"r":1,"state":2`) || !strings.Contains(string(second), `"due":"2025-03-20T09:40:00Z"`) {
		t.Errorf("line 1: %s", second)
	}
	// A bare array works the same.
	bare, err := Replay(strings.NewReader(`[{"id":"c1","reviews":[{"rating":3,"ts":"2025-03-18T09:27:31Z"}]}]`), nil)
	if err != nil || len(bare) != 1 || bare[0] != lines[0] {
		t.Errorf("bare array: %v %+v", err, bare)
	}
}

// TestReplayMatchesVectors: the vectors file is itself a replay input.
func TestReplayMatchesVectors(t *testing.T) {
	v := loadVectors(t)
	f, err := os.Open("testdata/tsfsrs/vectors.json")
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	// Even a scheduler with fuzz on replays with fuzz off.
	p := DefaultParams()
	p.EnableFuzz = true
	s, err := NewScheduler(p)
	if err != nil {
		t.Fatal(err)
	}
	lines, err := Replay(f, s)
	if err != nil {
		t.Fatal(err)
	}
	n := 0
	for _, c := range v.Cards {
		for i, rv := range c.Reviews {
			l := lines[n]
			n++
			e := rv.Expect
			if l.ID != c.ID || l.I != i || l.State != e.State || !l.Due.Equal(e.Due) || l.ScheduledDays != e.ScheduledDays ||
				l.Reps != e.Reps || l.Lapses != e.Lapses || l.LearningSteps != e.LearningSteps || l.ElapsedDays != e.ElapsedDays ||
				!relClose(l.Stability, e.Stability, 1e-6) || !relClose(l.Difficulty, e.Difficulty, 1e-6) {
				t.Fatalf("%s #%d: got %+v want %+v", c.ID, i, l, e)
			}
			if (l.R == nil) != (e.R == nil) || (l.R != nil && !relClose(*l.R, *e.R, 1e-6)) {
				t.Fatalf("%s #%d: r = %v, want %v", c.ID, i, l.R, e.R)
			}
		}
	}
	if n != len(lines) {
		t.Errorf("%d lines, want %d", len(lines), n)
	}
	var buf bytes.Buffer
	if err := WriteReplayTable(&buf, lines[:3]); err != nil {
		t.Fatal(err)
	}
	if got := strings.Count(buf.String(), "\n"); got != 4 || !strings.HasPrefix(buf.String(), "ID ") {
		t.Errorf("table:\n%s", buf.String())
	}
}

// TestReplayErrors: each mistake gets a message naming where it is.
func TestReplayErrors(t *testing.T) {
	tests := []struct {
		name, in, want string
	}{
		{"empty", ``, "replay input is empty"},
		{"not json", `{"cards":[`, "not valid JSON"},
		{"scalar", `42`, `must be a JSON object with "cards"`},
		{"no cards", `{"decks":[]}`, `no "cards" array`},
		{"cards not array", `{"cards":{}}`, `"cards" must be an array`},
		{"card not object", `[1]`, `card 0: want an object`},
		{"missing id", `[{"reviews":[]}]`, `card 0: "id" must be a non-empty string`},
		{"numeric id", `[{"id":7,"reviews":[]}]`, `card 0: "id" must be a non-empty string`},
		{"missing reviews", `[{"id":"c1"}]`, `card "c1": missing "reviews"`},
		{"duplicate id", `[{"id":"c1","reviews":[]},{"id":"c1","reviews":[]}]`, `card 1: id "c1" is also used by card 0`},
		{"rating 5", `[{"id":"c9","reviews":[{"rating":3,"ts":"2025-01-01T00:00:00Z"},{"rating":5,"ts":"2025-01-02T00:00:00Z"}]}]`,
			`card "c9" review 1: rating must be 1 (Again), 2 (Hard), 3 (Good) or 4 (Easy), got 5`},
		{"rating 0", `[{"id":"c1","reviews":[{"rating":0,"ts":"2025-01-01T00:00:00Z"}]}]`, `review 0: rating must be`},
		{"rating 2.5", `[{"id":"c1","reviews":[{"rating":2.5,"ts":"2025-01-01T00:00:00Z"}]}]`, `got 2.5`},
		{"rating string", `[{"id":"c1","reviews":[{"rating":"Good","ts":"2025-01-01T00:00:00Z"}]}]`, `got "Good"`},
		{"missing rating", `[{"id":"c1","reviews":[{"ts":"2025-01-01T00:00:00Z"}]}]`, `missing "rating"`},
		{"bad ts", `[{"id":"c1","reviews":[{"rating":3,"ts":"2025-01-01 10:00"}]}]`, `card "c1" review 0: ts "2025-01-01 10:00" is not an RFC 3339 time`},
		{"year 1", `[{"id":"c1","reviews":[{"rating":3,"ts":"0001-01-01T00:00:00Z"}]}]`, `outside the years 1900-9800`},
		{"numeric ts", `[{"id":"c1","reviews":[{"rating":3,"ts":1735689600}]}]`, `"ts" must be an RFC 3339 time string`},
		{"out of order", `[{"id":"c1","reviews":[{"rating":3,"ts":"2025-01-02T00:00:00Z"},{"rating":3,"ts":"2025-01-01T00:00:00Z"}]}]`,
			`card "c1" review 1: ts 2025-01-01T00:00:00Z is before the previous review`},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			_, err := Replay(strings.NewReader(tc.in), nil)
			if err == nil {
				t.Fatalf("want an error containing %q", tc.want)
			}
			var e *Error
			if !errors.As(err, &e) || e.Code != "ValidationException" {
				t.Errorf("error %v is not a ValidationException", err)
			}
			if !strings.Contains(err.Error(), tc.want) {
				t.Errorf("error %q does not contain %q", err, tc.want)
			}
		})
	}
}

// FuzzReplay: any input gives lines or an error, never a panic, and every
// line it accepts is well formed.
func FuzzReplay(f *testing.F) {
	f.Add(`{"cards":[{"id":"c1","reviews":[{"rating":3,"ts":"2025-03-18T09:27:31Z"}]}]}`)
	f.Add(`[{"id":"a","reviews":[{"rating":1,"ts":"2025-03-18T23:55:00Z"},{"rating":4,"ts":"2025-03-19T00:05:00Z"}]}]`)
	f.Add(`[{"id":"a","reviews":[{"rating":2,"ts":"0001-01-01T00:00:00Z"},{"rating":3,"ts":"9999-12-31T23:59:59Z"}]}]`)
	f.Add(`{"cards":null}`)
	f.Fuzz(func(t *testing.T, in string) {
		lines, err := Replay(strings.NewReader(in), nil)
		if err != nil {
			var e *Error
			if !errors.As(err, &e) || e.Message == "" {
				t.Fatalf("error %v is not an *Error", err)
			}
			return
		}
		for _, l := range lines {
			if !l.Rating.Valid() || l.State < New || l.State > Relearning || l.Reps < 1 {
				t.Fatalf("malformed line %+v", l)
			}
			want, err := json.Marshal(l)
			if err != nil {
				t.Fatalf("line does not marshal: %v", err)
			}
			if got := l.AppendJSON(nil); !bytes.Equal(got, want) {
				t.Fatalf("AppendJSON %s, encoding/json %s", got, want)
			}
		}
	})
}
