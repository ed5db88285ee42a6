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
	ev.ElapsedMs = e.clk.Now().Sub(e.startTime).Milliseconds()
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

func jsonSize(v any) int {
	b, err := json.Marshal(v)
	if err != nil {
		return 0
	}
	return len(b)
}
