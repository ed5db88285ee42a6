package srs

import (
	"bytes"
	"encoding/json"
	"fmt"
	"io"
	"math"
	"strconv"
	"text/tabwriter"
	"time"
)

// ReplayLine is one review of a replayed history and what the scheduler
// made of it. Its JSON is the `--json` output of the replay command:
//
//	{"id":"c1","i":0,"rating":3,"ts":"2025-03-18T09:27:31Z","prev_state":0,
//	 "elapsed_days":0,"r":null,"state":1,"stability":2.3065,
//	 "difficulty":2.11810397,"scheduled_days":0,"due":"2025-03-18T09:37:31Z",
//	 "learning_steps":1,"reps":1,"lapses":0}
type ReplayLine struct {
	ID            string    `json:"id"`
	I             int       `json:"i"` // index of the review within its card
	Rating        Rating    `json:"rating"`
	TS            time.Time `json:"ts"` // UTC
	PrevState     State     `json:"prev_state"`
	ElapsedDays   int       `json:"elapsed_days"`
	R             *float64  `json:"r"` // recall probability at the review; null for a new card
	State         State     `json:"state"`
	Stability     float64   `json:"stability"`
	Difficulty    float64   `json:"difficulty"`
	ScheduledDays int       `json:"scheduled_days"`
	Due           time.Time `json:"due"` // UTC
	LearningSteps int       `json:"learning_steps"`
	Reps          int       `json:"reps"`
	Lapses        int       `json:"lapses"`
}

// Replay reads review histories and schedules them from a new card on:
//
//	{"cards":[{"id":"c1","reviews":[{"rating":3,"ts":"2025-03-18T09:27:31Z"}]}]}
//
// or the bare array of cards. Unknown keys are ignored, so the conformance
// vectors replay as they are. Ratings must be 1..4, times RFC 3339 and in
// order within a card; errors name the card and the review index.
//
// Replay always counts days at UTC midnight with fuzz off, as ts-fsrs does
// by default, whatever s says about those two; its weights, retention and
// steps are used. A nil s means the defaults.
func Replay(r io.Reader, s *Scheduler) ([]ReplayLine, error) {
	rs := Default()
	if s != nil {
		c := *s
		rs = &c
	}
	rs.fuzz = false
	rs.day = DayBoundary{}

	data, err := io.ReadAll(r)
	if err != nil {
		return nil, &Error{Code: "ValidationException", Message: "reading replay input: " + err.Error(), Err: err}
	}
	cards, err := replayCards(data)
	if err != nil {
		return nil, err
	}
	var lines []ReplayLine
	seen := make(map[string]int, len(cards))
	for ci, raw := range cards {
		id, reviews, err := replayCard(ci, raw)
		if err != nil {
			return nil, err
		}
		if prev, dup := seen[id]; dup {
			return nil, validation("card %d: id %q is also used by card %d", ci, id, prev)
		}
		seen[id] = ci
		var card Card
		var last time.Time
		for i, rawRev := range reviews {
			rating, ts, err := replayReview(id, i, rawRev)
			if err != nil {
				return nil, err
			}
			if i == 0 {
				card = NewCard(ts)
			} else if ts.Before(last) {
				return nil, validation("card %q review %d: ts %s is before the previous review at %s; list reviews oldest first",
					id, i, ts.Format(time.RFC3339Nano), last.Format(time.RFC3339Nano))
			}
			var rp *float64
			if card.State != New && card.Stability > 0 {
				v := rs.forgettingCurve(float64(rs.day.ElapsedDays(card.LastReview, ts)), card.Stability)
				rp = &v
			}
			next, log, err := rs.Review(card, ts, rating)
			if err != nil {
				return nil, &Error{Code: "ValidationException", Message: fmt.Sprintf("card %q review %d: %v", id, i, err), Err: err}
			}
			lines = append(lines, ReplayLine{
				ID: id, I: i, Rating: rating, TS: ts, PrevState: card.State,
				ElapsedDays: log.ElapsedDays, R: rp, State: next.State,
				Stability: next.Stability, Difficulty: next.Difficulty,
				ScheduledDays: next.ScheduledDays, Due: next.Due.UTC(),
				LearningSteps: next.LearningSteps, Reps: next.Reps, Lapses: next.Lapses,
			})
			card, last = next, ts
		}
	}
	return lines, nil
}

// replayCards accepts {"cards":[...]} or [...].
func replayCards(data []byte) ([]json.RawMessage, error) {
	trimmed := bytes.TrimSpace(data)
	if len(trimmed) == 0 {
		return nil, validation(`replay input is empty; want {"cards":[{"id":"c1","reviews":[{"rating":3,"ts":"2025-03-18T09:27:31Z"}]}]}`)
	}
	var cards []json.RawMessage
	switch trimmed[0] {
	case '[':
		if err := json.Unmarshal(trimmed, &cards); err != nil {
			return nil, badJSON(err)
		}
	case '{':
		var top struct {
			Cards json.RawMessage `json:"cards"`
		}
		if err := json.Unmarshal(trimmed, &top); err != nil {
			return nil, badJSON(err)
		}
		if len(top.Cards) == 0 || string(top.Cards) == "null" {
			return nil, validation(`replay input has no "cards" array`)
		}
		if err := json.Unmarshal(top.Cards, &cards); err != nil {
			return nil, validation(`"cards" must be an array of cards`)
		}
	default:
		return nil, validation(`replay input must be a JSON object with "cards" or an array of cards`)
	}
	return cards, nil
}

func badJSON(err error) error {
	return &Error{Code: "ValidationException", Message: "replay input is not valid JSON: " + err.Error(), Err: err}
}

func replayCard(ci int, raw json.RawMessage) (string, []json.RawMessage, error) {
	var c struct {
		ID      json.RawMessage `json:"id"`
		Reviews json.RawMessage `json:"reviews"`
	}
	if err := json.Unmarshal(raw, &c); err != nil {
		return "", nil, validation("card %d: want an object with \"id\" and \"reviews\"", ci)
	}
	var id string
	if err := json.Unmarshal(c.ID, &id); err != nil || id == "" {
		return "", nil, validation("card %d: \"id\" must be a non-empty string", ci)
	}
	if len(c.Reviews) == 0 || string(c.Reviews) == "null" {
		return "", nil, validation("card %q: missing \"reviews\" array", id)
	}
	var reviews []json.RawMessage
	if err := json.Unmarshal(c.Reviews, &reviews); err != nil {
		return "", nil, validation("card %q: \"reviews\" must be an array", id)
	}
	return id, reviews, nil
}

func replayReview(id string, i int, raw json.RawMessage) (Rating, time.Time, error) {
	var rv struct {
		Rating json.RawMessage `json:"rating"`
		TS     json.RawMessage `json:"ts"`
	}
	if err := json.Unmarshal(raw, &rv); err != nil {
		return 0, time.Time{}, validation("card %q review %d: want an object with \"rating\" and \"ts\"", id, i)
	}
	if len(rv.Rating) == 0 {
		return 0, time.Time{}, validation("card %q review %d: missing \"rating\" (1 Again, 2 Hard, 3 Good, 4 Easy)", id, i)
	}
	f, err := strconv.ParseFloat(string(rv.Rating), 64)
	if err != nil || f != math.Trunc(f) || f < 1 || f > 4 {
		return 0, time.Time{}, validation("card %q review %d: rating must be 1 (Again), 2 (Hard), 3 (Good) or 4 (Easy), got %s",
			id, i, truncate(string(rv.Rating), 40))
	}
	var s string
	if err := json.Unmarshal(rv.TS, &s); err != nil {
		return 0, time.Time{}, validation("card %q review %d: \"ts\" must be an RFC 3339 time string like \"2025-03-18T09:27:31Z\"", id, i)
	}
	ts, err := time.Parse(time.RFC3339, s)
	if err != nil {
		return 0, time.Time{}, &Error{Code: "ValidationException",
			Message: fmt.Sprintf("card %q review %d: ts %q is not an RFC 3339 time like \"2025-03-18T09:27:31Z\"", id, i, truncate(s, 40)), Err: err}
	}
	if y := ts.UTC().Year(); y < 1900 || y > 9800 {
		// Due dates run up to 100 years ahead and must stay printable as
		// RFC 3339 (years up to 9999).
		return 0, time.Time{}, validation("card %q review %d: ts %q is outside the years 1900-9800", id, i, truncate(s, 40))
	}
	return Rating(f), ts.UTC(), nil
}

func truncate(s string, n int) string {
	if len(s) <= n {
		return s
	}
	return s[:n] + "…"
}

// WriteReplayTable prints lines as an aligned plain-text table, one review
// a line, for `saa-study replay` without --json.
func WriteReplayTable(w io.Writer, lines []ReplayLine) error {
	tw := tabwriter.NewWriter(w, 0, 0, 2, ' ', 0)
	fmt.Fprintln(tw, "ID\tI\tRATING\tTS\tFROM\tELAPSED\tR\tTO\tSTABILITY\tDIFFICULTY\tDAYS\tDUE\tSTEP\tREPS\tLAPSES")
	for _, l := range lines {
		r := "-"
		if l.R != nil {
			r = strconv.FormatFloat(*l.R, 'f', 4, 64)
		}
		fmt.Fprintf(tw, "%s\t%d\t%s\t%s\t%s\t%d\t%s\t%s\t%.4f\t%.4f\t%d\t%s\t%d\t%d\t%d\n",
			l.ID, l.I, l.Rating, l.TS.Format(time.RFC3339), l.PrevState, l.ElapsedDays, r, l.State,
			l.Stability, l.Difficulty, l.ScheduledDays, l.Due.Format(time.RFC3339), l.LearningSteps, l.Reps, l.Lapses)
	}
	if err := tw.Flush(); err != nil {
		return fmt.Errorf("writing replay table: %w", err)
	}
	return nil
}
