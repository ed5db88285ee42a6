package stepfunctions

import (
	"fmt"
	"strings"
	"time"
)

func (e *Execution) closeToken(tok, why string) {
	delete(e.tokens, tok)
	e.closed[tok] = why
	for i, t := range e.tokenOrder {
		if t == tok {
			e.tokenOrder = append(e.tokenOrder[:i], e.tokenOrder[i+1:]...)
			break
		}
	}
}

// lookup finds an open callback the way the AWS API reports a bad one.
func (e *Execution) lookup(tok string) (*callback, error) {
	if cb, ok := e.tokens[tok]; ok {
		if cb.r.f.dead {
			e.closeToken(tok, "its branch was cancelled")
			return nil, &APIError{Name: "TaskTimedOut", Message: "the task is no longer active: its branch was cancelled"}
		}
		return cb, nil
	}
	if why, ok := e.closed[tok]; ok {
		return nil, &APIError{Name: "TaskTimedOut", Message: "the task is no longer active: " + why}
	}
	return nil, &APIError{Name: "InvalidToken", Message: fmt.Sprintf("no task is waiting for token %q", tok)}
}

// Waiting lists the callbacks paused on .waitForTaskToken, oldest first.
func (e *Execution) Waiting() []TaskToken {
	var out []TaskToken
	for _, tok := range append([]string(nil), e.tokenOrder...) {
		cb := e.tokens[tok]
		if cb == nil || cb.r.f.dead {
			e.closeToken(tok, "its branch was cancelled")
			continue
		}
		t := TaskToken{Token: tok, State: cb.r.st.Name, Resource: cb.r.st.Resource, Input: cb.input, Since: cb.since}
		if !cb.timeoutAt.IsZero() {
			at := cb.timeoutAt
			t.TimeoutAt = &at
		}
		if cb.hbEvery > 0 {
			at := cb.hbAt
			t.HeartbeatDeadline = &at
		}
		out = append(out, t)
	}
	return out
}

// SendTaskSuccess answers a callback with a JSON output; the execution
// resumes on its next Step.
func (e *Execution) SendTaskSuccess(token string, output []byte) error {
	v, err := decodeJSON(output)
	if err != nil {
		return &APIError{Name: "InvalidOutput", Message: "the output is not valid JSON: " + err.Error()}
	}
	if len(output) > MaxPayloadBytes {
		return &APIError{Name: "InvalidOutput", Message: fmt.Sprintf("the output is %d bytes; the limit is %d", len(output), MaxPayloadBytes)}
	}
	return e.sendSuccess(token, v)
}

func (e *Execution) sendSuccess(token string, v any) error {
	cb, err := e.lookup(token)
	if err != nil {
		return err
	}
	e.closeToken(token, "it was already answered")
	r, attempt := cb.r, cb.attempt
	e.now(r.f, func() {
		if r.attempt == attempt {
			e.taskSucceeded(r, v)
		}
	})
	return nil
}

// SendTaskFailure fails a callback with an error name and cause, which
// the state's Retry and Catch then see.
func (e *Execution) SendTaskFailure(token, errName, cause string) error {
	cb, err := e.lookup(token)
	if err != nil {
		return err
	}
	if errName == "" {
		errName = ErrTaskFailed
	}
	e.closeToken(token, "it was already answered")
	r, attempt := cb.r, cb.attempt
	e.now(r.f, func() {
		if r.attempt == attempt {
			fl := &Failure{Error: errName, Cause: cause}
			e.record(Event{Type: "TaskFailed", State: r.st.Name, Resource: r.st.Resource, Error: errName, Cause: cause})
			e.handleError(r, fl)
		}
	})
	return nil
}

// SendTaskHeartbeat restarts a callback's HeartbeatSeconds timer.
func (e *Execution) SendTaskHeartbeat(token string) error {
	cb, err := e.lookup(token)
	if err != nil {
		return err
	}
	if cb.hbEvery > 0 {
		e.armHeartbeat(cb)
	}
	return nil
}

// Result is the outcome of an execution, as Run returns it and the CLI
// prints it with --json.
type Result struct {
	Status      Status      `json:"status"`
	Output      any         `json:"output,omitempty"`
	Error       string      `json:"error,omitempty"`
	Cause       string      `json:"cause,omitempty"`
	History     []Event     `json:"history"`
	Problems    []Problem   `json:"problems,omitempty"`
	Waiting     []TaskToken `json:"waiting,omitempty"`
	StartTime   time.Time   `json:"startTime"`
	StopTime    time.Time   `json:"stopTime"`
	DurationMs  int64       `json:"durationMs"`
	Transitions int         `json:"stateTransitions"`
	Cost        Cost        `json:"cost"`
}

// Result summarises the execution so far.
func (e *Execution) Result() Result {
	res := Result{Status: e.status, Output: e.output, History: e.history, Waiting: e.Waiting(),
		StartTime: e.startTime, StopTime: e.stopTime, Transitions: e.transitions}
	if res.History == nil {
		res.History = []Event{}
	}
	if e.failure != nil {
		res.Error, res.Cause = e.failure.Error, e.failure.Cause
	}
	end := e.stopTime
	if e.status == StatusRunning {
		end = e.clk.Now()
	}
	res.DurationMs = end.Sub(e.startTime).Milliseconds()
	res.Cost = Price(e.typ, e.transitions, end.Sub(e.startTime), e.opts.ExpressMemoryMB)
	return res
}

// Run validates def, starts it with input (JSON) and mocks (JSON or YAML,
// see MOCKS.md), and steps it to the end. A callback that the mocks leave
// pending is settled by its timeout, or by the execution's own limit.
// Definition problems come back as status FAILED with error
// States.InvalidDefinition and the list in Problems.
func Run(def, input, mocks []byte, opts Options) Result {
	typ := opts.Type
	if typ == "" {
		typ = Standard
	}
	m, probs := ValidateType(def, typ)
	if len(probs) > 0 {
		msgs := make([]string, len(probs))
		for i, p := range probs {
			msgs[i] = p.String()
		}
		return Result{Status: StatusFailed, Error: ErrInvalidDefinition, Cause: strings.Join(msgs, "; "), Problems: probs, History: []Event{}}
	}
	mk, err := ParseMocks(mocks)
	if err != nil {
		return Result{Status: StatusFailed, Error: "InvalidMocks", Cause: err.Error(), History: []Event{}}
	}
	ex, err := Start(m, input, mk, opts)
	if err != nil {
		name, msg := "InvalidExecutionInput", err.Error()
		if ae, ok := err.(*APIError); ok {
			name, msg = ae.Name, ae.Message
		}
		return Result{Status: StatusFailed, Error: name, Cause: msg, History: []Event{}}
	}
	ex.RunToEnd()
	return ex.Result()
}
