package stepfunctions

import (
	"encoding/json"
	"time"
)

// Event is one history event, named as the Step Functions console names
// it (ExecutionStarted, TaskStateEntered, TaskScheduled, ...). Timestamp
// is virtual time, so a one-hour Wait shows the hour without waiting it.
type Event struct {
	ID        int       `json:"id"`
	Timestamp time.Time `json:"timestamp"`
	// ElapsedMs is the time since the execution started.
	ElapsedMs int64  `json:"elapsedMs"`
	Type      string `json:"type"`
	State     string `json:"state,omitempty"`
	Resource  string `json:"resource,omitempty"`
	Input     any    `json:"input,omitempty"`
	Output    any    `json:"output,omitempty"`
	Error     string `json:"error,omitempty"`
	Cause     string `json:"cause,omitempty"`
	Index     *int   `json:"index,omitempty"`
	Token     string `json:"token,omitempty"`
	// Detail is a short explanation for learners ("retry 2 of 3 after 4s").
	Detail string `json:"detail,omitempty"`
}

func (e *Execution) record(ev Event) {
	e.eventCount++
	if e.typ == Standard && e.eventCount > MaxHistoryEvents && !e.overflowed {
		e.overflowed = true
		e.finish(StatusFailed, nil, runtimeFailure("the execution exceeded the limit of %d history events", MaxHistoryEvents), "ExecutionFailed")
		return
	}
	if e.typ == Express && !e.opts.ExpressLogs {
		return
	}
	ev.ID = len(e.history) + 1
	ev.Timestamp = e.clk.Now()
	ev.ElapsedMs = ev.Timestamp.Sub(e.startTime).Milliseconds()
	if e.history == nil {
		// About four events a state (entered, exited, a task's scheduled,
		// started and succeeded) saves regrowing the history on the way.
		e.history = make([]Event, 0, 4*len(e.m.States)+4)
	}
	e.history = append(e.history, ev)
}

func intp(i int) *int { return &i }

// compactJSON renders a value for causes and messages.
func compactJSON(v any) string {
	b, err := json.Marshal(v)
	if err != nil {
		return "null"
	}
	return string(b)
}

// jsonSize is the length of v as JSON. Below limit it may answer with an
// upper bound instead, worked out without encoding; from limit on it is the
// exact length, so a message quoting it is right.
func jsonSize(v any, limit int) int {
	if n, ok := jsonSizeBound(v, 0, limit); ok && n <= limit {
		return n
	}
	b, err := json.Marshal(v)
	if err != nil {
		return 0
	}
	return len(b)
}

// jsonSizeBound adds to n at least the length of v as JSON (a string counts
// as if every byte needed a \u escape) and stops early once past limit. It
// reports false for a value it does not know, which the caller encodes.
func jsonSizeBound(v any, n, limit int) (int, bool) {
	if n > limit {
		return n, true
	}
	switch t := v.(type) {
	case nil:
		return n + 4, true
	case bool:
		return n + 5, true
	case string:
		return n + 2 + 6*len(t), true
	case json.Number:
		return n + len(t), true
	case float64:
		return n + 24, true // the longest float encoding/json writes
	case map[string]any:
		n += 2
		for k, x := range t {
			var ok bool
			if n, ok = jsonSizeBound(x, n+4+6*len(k), limit); !ok {
				return n, false
			}
		}
		return n, true
	case []any:
		n += 2
		for _, x := range t {
			var ok bool
			if n, ok = jsonSizeBound(x, n+1, limit); !ok {
				return n, false
			}
		}
		return n, true
	}
	return n, false
}
