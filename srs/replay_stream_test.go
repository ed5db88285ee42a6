package srs

import (
	"bytes"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"math"
	"os"
	"strings"
	"testing"
	"text/tabwriter"
	"time"
)

// TestAppendJSONMatchesEncodingJSON: the hand-written line is what
// encoding/json makes of the same ReplayLine, for every review of the
// vectors and for the awkward values (ids to escape, tiny and huge floats,
// millisecond times).
func TestAppendJSONMatchesEncodingJSON(t *testing.T) {
	f, err := os.Open("testdata/tsfsrs/vectors.json")
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	lines, err := Replay(f, nil)
	if err != nil {
		t.Fatal(err)
	}
	tiny, huge := 3e-7, 2.5e21
	odd := ReplayLine{ID: `<a&b> "q" \ é ` + "\x01\u2028\xff", I: 7, Rating: Easy,
		TS: time.Date(2025, 3, 18, 9, 27, 31, 120000000, time.UTC), R: &tiny, Stability: huge, Difficulty: -0.0000004,
		Due: time.Date(2125, 1, 2, 3, 4, 5, 6, time.UTC)}
	lines = append(lines, odd)
	for i := range lines {
		want, err := json.Marshal(lines[i])
		if err != nil {
			t.Fatal(err)
		}
		if got := lines[i].AppendJSON(nil); !bytes.Equal(got, want) {
			t.Fatalf("line %d:\n got  %s\n want %s", i, got, want)
		}
	}
}

// TestAppendJSONFloatFormats feeds the float formatter the values where a
// plain strconv call differs from encoding/json.
func TestAppendJSONFloatFormats(t *testing.T) {
	for _, f := range []float64{0, 1, 2.3065, 1e-6, 9.99e-7, 1e-7, 1.5e-10, 1e20, 1e21, 1.25e22, -3e-8, 36500, math.SmallestNonzeroFloat64} {
		want, _ := json.Marshal(f)
		if got := appendJSONFloat(nil, f); string(got) != string(want) {
			t.Errorf("%v: got %s, want %s", f, got, want)
		}
	}
}

// TestReplayEachStreams: a line reaches fn while the rest of the input has
// not been written yet, so a long history never waits for its end (nor sits
// in memory).
func TestReplayEachStreams(t *testing.T) {
	pr, pw := io.Pipe()
	first := make(chan ReplayLine, 1)
	done := make(chan error, 1)
	n := 0
	go func() {
		done <- ReplayEach(pr, nil, func(l *ReplayLine) error {
			if n++; n == 1 {
				first <- *l
			}
			return nil
		})
	}()
	go fmt.Fprint(pw, `{"cards":[{"id":"c1","reviews":[{"rating":3,"ts":"2025-03-18T09:27:31Z"}]},`)
	select {
	case l := <-first:
		if l.ID != "c1" || l.State != Learning {
			t.Fatalf("first line %+v", l)
		}
	case err := <-done:
		t.Fatalf("replay ended before the input did: %v", err)
	case <-time.After(20 * time.Second):
		t.Fatal("no line before the input was complete: the replay waits for the whole input")
	}
	fmt.Fprint(pw, `{"id":"c2","reviews":[{"rating":1,"ts":"2025-03-18T09:27:31Z"}]}]}`)
	pw.Close()
	if err := <-done; err != nil || n != 2 {
		t.Fatalf("err %v, %d lines", err, n)
	}
}

// TestReplayKeysInAnyOrder: "reviews" before "id" and "ts" before "rating"
// replay the same as the documented order.
func TestReplayKeysInAnyOrder(t *testing.T) {
	want, err := Replay(strings.NewReader(`[{"id":"c1","reviews":[{"rating":3,"ts":"2025-03-18T09:27:31Z"},{"rating":1,"ts":"2025-03-19T09:27:31Z"}]},{"id":"c2","reviews":[]}]`), nil)
	if err != nil {
		t.Fatal(err)
	}
	got, err := Replay(strings.NewReader(`{"v":[1,{"a":null}],"cards":[{"reviews":[{"ts":"2025-03-18T09:27:31Z","x":{},"rating":3},{"ts":"2025-03-19T09:27:31Z","rating":1}],"id":"c1"},{"reviews":[],"id":"c2"}],"w":"x"}`), nil)
	if err != nil {
		t.Fatal(err)
	}
	if len(got) != 2 || len(want) != 2 || got[0] != want[0] || got[1].Stability != want[1].Stability || *got[1].R != *want[1].R {
		t.Fatalf("got %+v\nwant %+v", got, want)
	}
	// Errors inside held reviews still name the card.
	_, err = Replay(strings.NewReader(`[{"reviews":[{"rating":9,"ts":"2025-03-18T09:27:31Z"}],"id":"late"}]`), nil)
	if err == nil || !strings.Contains(err.Error(), `card "late" review 0: rating must be`) {
		t.Fatalf("held reviews: %v", err)
	}
}

// TestReplayEachStopsOnCallerError: fn's error ends the replay, unwrapped,
// after the lines before it.
func TestReplayEachStopsOnCallerError(t *testing.T) {
	f, err := os.Open("testdata/tsfsrs/vectors.json")
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	boom := errors.New("disk full")
	n := 0
	err = ReplayEach(f, nil, func(*ReplayLine) error {
		if n++; n == 1500 {
			return boom
		}
		return nil
	})
	if err != boom || n != 1500 {
		t.Fatalf("err %v after %d lines", err, n)
	}
}

// TestReplayTableLaysOutAsTabwriter: with the widths known from the first
// rows, the streamed table is byte for byte the one text/tabwriter makes of
// the whole input; a later, wider row widens its column instead of
// breaking the layout.
func TestReplayTableLaysOutAsTabwriter(t *testing.T) {
	f, err := os.Open("testdata/tsfsrs/vectors.json")
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	lines, err := Replay(f, nil)
	if err != nil {
		t.Fatal(err)
	}
	tabwrite := func(lines []ReplayLine) string {
		var b bytes.Buffer
		tw := tabwriter.NewWriter(&b, 0, 0, 2, ' ', 0)
		fmt.Fprintln(tw, "ID\tI\tRATING\tTS\tFROM\tELAPSED\tR\tTO\tSTABILITY\tDIFFICULTY\tDAYS\tDUE\tSTEP\tREPS\tLAPSES")
		for _, l := range lines {
			r := "-"
			if l.R != nil {
				r = fmt.Sprintf("%.4f", *l.R)
			}
			fmt.Fprintf(tw, "%s\t%d\t%s\t%s\t%s\t%d\t%s\t%s\t%.4f\t%.4f\t%d\t%s\t%d\t%d\t%d\n",
				l.ID, l.I, l.Rating, l.TS.Format(time.RFC3339), l.PrevState, l.ElapsedDays, r, l.State,
				l.Stability, l.Difficulty, l.ScheduledDays, l.Due.Format(time.RFC3339), l.LearningSteps, l.Reps, l.Lapses)
		}
		tw.Flush()
		return b.String()
	}
	for _, n := range []int{0, 3, replaySample, replaySample + 1} {
		var got bytes.Buffer
		if err := WriteReplayTable(&got, lines[:n]); err != nil {
			t.Fatal(err)
		}
		if want := tabwrite(lines[:n]); got.String() != want {
			t.Fatalf("%d lines:\n got  %q\n want %q", n, got.String(), want)
		}
	}
	wide := append([]ReplayLine(nil), lines[:replaySample+5]...)
	wide[replaySample+2].ID = "a-much-longer-card-id-than-the-others"
	var got bytes.Buffer
	if err := WriteReplayTable(&got, wide); err != nil {
		t.Fatal(err)
	}
	rows := strings.Split(strings.TrimSuffix(got.String(), "\n"), "\n")
	for i, row := range rows {
		if i > replaySample+3 && strings.Index(row, " "+wide[i-1].TS.Format(time.RFC3339)) != strings.Index(rows[i-1], " "+wide[i-2].TS.Format(time.RFC3339)) {
			t.Fatalf("row %d not aligned with the row above after widening:\n%s\n%s", i, rows[i-1], row)
		}
		if !strings.HasPrefix(row, wide[max(i-1, 0)].ID) && i > 0 {
			t.Fatalf("row %d: %q", i, row)
		}
	}
}
