package stepfunctions

import (
	"fmt"
	"time"

	"github.com/saa-study/saa-study/sim/stepfunctions/jsonpath"
)

// TaskRequest is what a Task state asks of its resource.
type TaskRequest struct {
	State    string    `json:"state"`
	Resource string    `json:"resource"`
	Input    any       `json:"input"`
	Token    string    `json:"token,omitempty"` // set for .waitForTaskToken
	Attempt  int       `json:"attempt"`         // 0 for the first try
	Time     time.Time `json:"time"`
}

// TaskResponse is a resource's answer. Error non-empty means failure.
// Delay is how long the work takes in virtual time. Pending (only for
// .waitForTaskToken) leaves the token for SendTaskSuccess/Failure.
type TaskResponse struct {
	Output  any           `json:"output,omitempty"`
	Error   string        `json:"error,omitempty"`
	Cause   string        `json:"cause,omitempty"`
	Delay   time.Duration `json:"delay,omitempty"`
	Pending bool          `json:"pending,omitempty"`
	// HeartbeatEvery, for callbacks, sends SendTaskHeartbeat at this
	// interval until the answer.
	HeartbeatEvery time.Duration `json:"heartbeatEvery,omitempty"`
	// noAnswer marks a mock with neither return nor error: a plain task
	// echoes its input, a callback task waits for the caller.
	noAnswer bool
}

// TaskHandler resolves Task resources; the Lambda simulator can plug in
// here. Invoke must be deterministic for a given request.
type TaskHandler interface {
	Invoke(req TaskRequest) TaskResponse
}

// TaskHandlerFunc adapts a function to TaskHandler.
type TaskHandlerFunc func(TaskRequest) TaskResponse

// Invoke implements TaskHandler.
func (f TaskHandlerFunc) Invoke(req TaskRequest) TaskResponse { return f(req) }

// MockResponse is one scripted answer; see MOCKS.md for the file format.
type MockResponse struct {
	Return         any     `json:"return,omitempty"`
	HasReturn      bool    `json:"-"`
	Error          string  `json:"error,omitempty"`
	Cause          string  `json:"cause,omitempty"`
	Times          int     `json:"times,omitempty"`
	DelaySeconds   float64 `json:"delaySeconds,omitempty"`
	Pending        bool    `json:"pending,omitempty"`
	HeartbeatEvery float64 `json:"heartbeatEverySeconds,omitempty"`
}

// Mocks maps a state name or a resource ARN to its scripted answers,
// consumed in order; each answer serves Times calls (default 1) and the
// last one repeats forever.
type Mocks struct {
	Entries map[string][]MockResponse `json:"entries"`
	cursor  map[string]int
	used    map[string]int
}

var mockFields = map[string]bool{"return": true, "error": true, "cause": true, "times": true, "delaySeconds": true, "pending": true, "heartbeatEverySeconds": true, "comment": true}

// ParseMocks reads a mocks file (JSON or YAML).
func ParseMocks(data []byte) (*Mocks, error) {
	m := &Mocks{Entries: map[string][]MockResponse{}}
	if len(trimSpace(data)) == 0 {
		return m, nil
	}
	doc, err := decode(data)
	if err != nil {
		return nil, fmt.Errorf("mocks: %w", err)
	}
	top, ok := doc.(map[string]any)
	if !ok {
		return nil, fmt.Errorf("mocks: the file must be an object of state names or resources to lists of answers")
	}
	for _, key := range sortedKeys(top) {
		list, ok := top[key].([]any)
		if !ok {
			if one, isObj := top[key].(map[string]any); isObj {
				list = []any{one}
			} else {
				return nil, fmt.Errorf("mocks: %q must map to a list of answers", key)
			}
		}
		for i, e := range list {
			em, ok := e.(map[string]any)
			if !ok {
				return nil, fmt.Errorf("mocks: %s[%d] must be an object", key, i)
			}
			var r MockResponse
			for _, k := range sortedKeys(em) {
				if !mockFields[k] {
					return nil, fmt.Errorf("mocks: %s[%d]: unknown field %q", key, i, k)
				}
			}
			r.Return, r.HasReturn = em["return"]
			r.Error, _ = em["error"].(string)
			r.Cause, _ = em["cause"].(string)
			r.Pending, _ = em["pending"].(bool)
			if t, ok := em["times"]; ok {
				n, ok := positiveInt(t)
				if !ok {
					return nil, fmt.Errorf("mocks: %s[%d].times must be a positive integer", key, i)
				}
				r.Times = n
			}
			for _, f := range []struct {
				k   string
				dst *float64
			}{{"delaySeconds", &r.DelaySeconds}, {"heartbeatEverySeconds", &r.HeartbeatEvery}} {
				if v, ok := em[f.k]; ok {
					n, ok := jsonpath.Number(v)
					if !ok || n < 0 {
						return nil, fmt.Errorf("mocks: %s[%d].%s must be a non-negative number", key, i, f.k)
					}
					*f.dst = n
				}
			}
			if r.HasReturn && r.Error != "" {
				return nil, fmt.Errorf("mocks: %s[%d] has both return and error", key, i)
			}
			m.Entries[key] = append(m.Entries[key], r)
		}
	}
	return m, nil
}

// fresh returns a copy with its own cursors, so one Mocks value can serve
// many executions.
func (m *Mocks) fresh() *Mocks {
	return &Mocks{Entries: m.Entries, cursor: map[string]int{}, used: map[string]int{}}
}

// next takes the next answer for the state, else for the resource.
func (m *Mocks) next(state, resource string) (MockResponse, bool) {
	for _, key := range []string{state, resource} {
		list := m.Entries[key]
		if len(list) == 0 {
			continue
		}
		i := m.cursor[key]
		r := list[i]
		m.used[key]++
		times := r.Times
		if times == 0 {
			times = 1
		}
		if m.used[key] >= times && i < len(list)-1 {
			m.cursor[key] = i + 1
			m.used[key] = 0
		}
		return r, true
	}
	return MockResponse{}, false
}

func (r MockResponse) response() TaskResponse {
	return TaskResponse{
		Output: r.Return, Error: r.Error, Cause: r.Cause, Pending: r.Pending, noAnswer: !r.HasReturn && r.Error == "",
		Delay:          time.Duration(r.DelaySeconds * float64(time.Second)),
		HeartbeatEvery: time.Duration(r.HeartbeatEvery * float64(time.Second)),
	}
}

// invoke resolves a task: mocks first, then the handler, then (unless
// StrictTasks) an echo of the input.
func (e *Execution) invoke(req TaskRequest) (TaskResponse, string) {
	if r, ok := e.mocks.next(req.State, req.Resource); ok {
		return r.response(), "mock"
	}
	if e.opts.Handler != nil {
		return e.opts.Handler.Invoke(req), "handler"
	}
	if e.opts.StrictTasks {
		return TaskResponse{Error: ErrTaskFailed, Cause: "no mock or handler for resource " + req.Resource}, "none"
	}
	if req.Token != "" {
		return TaskResponse{Pending: true}, "none"
	}
	return TaskResponse{Output: req.Input}, "echo"
}
