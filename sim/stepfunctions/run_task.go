package stepfunctions

import (
	"fmt"
	"math"
	"time"

	"github.com/saa-study/saa-study/sim/stepfunctions/intrinsic"
	"github.com/saa-study/saa-study/sim/stepfunctions/jsonpath"
)

// callback is a task paused on .waitForTaskToken.
type callback struct {
	token     string
	r         *run
	attempt   int
	input     any
	since     time.Time
	timeoutAt time.Time
	hbEvery   time.Duration
	hbAt      time.Time
	hbGen     int
}

// TaskToken is a callback waiting for SendTaskSuccess/Failure: what a TUI
// shows at a human-approval prompt.
type TaskToken struct {
	Token     string     `json:"token"`
	State     string     `json:"state"`
	Resource  string     `json:"resource"`
	Input     any        `json:"input"`
	Since     time.Time  `json:"since"`
	TimeoutAt *time.Time `json:"timeoutAt,omitempty"`
	// HeartbeatDeadline is when the task fails unless a heartbeat arrives.
	HeartbeatDeadline *time.Time `json:"heartbeatDeadline,omitempty"`
}

func (e *Execution) seconds(r *run, static int, p *jsonpath.Path) (int, *Failure) {
	if p == nil {
		return static, nil
	}
	v, err := p.Eval(r.raw)
	n, ok := intrinsic.Int(v)
	if err != nil || !ok || n <= 0 {
		return 0, runtimeFailure("%s in state %q must select a positive integer", p, r.st.Name)
	}
	return int(n), nil
}

func (e *Execution) task(r *run) {
	st := r.st
	r.attempt++
	if st.WaitsForCallback() {
		r.token = e.uuid()
	}
	eff, f := e.effectiveInput(r, true)
	if f != nil {
		e.handleError(r, f)
		return
	}
	timeout, f := e.seconds(r, st.timeoutSeconds, st.timeoutSecondsPath)
	if f != nil {
		e.handleError(r, f)
		return
	}
	heartbeat, f := e.seconds(r, st.heartbeatSeconds, st.heartbeatSecondsPath)
	if f != nil {
		e.handleError(r, f)
		return
	}
	detail := r.note
	r.note = ""
	e.record(Event{Type: "TaskScheduled", State: st.Name, Resource: st.Resource, Input: eff, Detail: detail})
	e.record(Event{Type: "TaskStarted", State: st.Name, Resource: st.Resource})
	resp, source := e.invoke(TaskRequest{State: st.Name, Resource: st.Resource, Input: eff, Token: r.token, Attempt: r.total, Time: e.clk.Now()})
	now := e.clk.Now()
	attempt := r.attempt
	if st.WaitsForCallback() {
		e.record(Event{Type: "TaskSubmitted", State: st.Name, Resource: st.Resource, Token: r.token, Detail: "waiting for SendTaskSuccess/SendTaskFailure (" + source + ")"})
		cb := &callback{token: r.token, r: r, attempt: attempt, input: eff, since: now}
		e.tokens[cb.token] = cb
		e.tokenOrder = append(e.tokenOrder, cb.token)
		if timeout > 0 {
			cb.timeoutAt = now.Add(time.Duration(timeout) * time.Second)
			e.at(cb.timeoutAt, r.f, func() {
				if e.tokens[cb.token] == cb {
					e.closeToken(cb.token, "the task timed out")
					e.timedOut(r, &Failure{Error: ErrTimeout, Cause: fmt.Sprintf("no callback within TimeoutSeconds (%d s)", timeout)})
				}
			})
		}
		if heartbeat > 0 {
			cb.hbEvery = time.Duration(heartbeat) * time.Second
			e.armHeartbeat(cb)
		}
		if !resp.Pending && !resp.noAnswer {
			answerAt := now.Add(resp.Delay)
			if resp.HeartbeatEvery > 0 {
				for t := now.Add(resp.HeartbeatEvery); t.Before(answerAt); t = t.Add(resp.HeartbeatEvery) {
					e.at(t, r.f, func() { _ = e.SendTaskHeartbeat(cb.token) })
				}
			}
			e.at(answerAt, r.f, func() {
				if e.tokens[cb.token] != cb {
					return
				}
				if resp.Error != "" {
					_ = e.SendTaskFailure(cb.token, resp.Error, resp.Cause)
				} else {
					_ = e.sendSuccess(cb.token, resp.Output)
				}
			})
		}
		return
	}
	if resp.noAnswer || resp.Pending {
		resp.Output = eff
	}
	if timeout > 0 && resp.Delay > time.Duration(timeout)*time.Second {
		e.at(now.Add(time.Duration(timeout)*time.Second), r.f, func() {
			if r.attempt == attempt {
				e.timedOut(r, &Failure{Error: ErrTimeout, Cause: fmt.Sprintf("the task ran longer than TimeoutSeconds (%d s)", timeout)})
			}
		})
		return
	}
	e.at(now.Add(resp.Delay), r.f, func() {
		if r.attempt != attempt {
			return
		}
		if resp.Error != "" {
			fl := &Failure{Error: resp.Error, Cause: resp.Cause}
			e.record(Event{Type: "TaskFailed", State: st.Name, Resource: st.Resource, Error: fl.Error, Cause: fl.Cause})
			e.handleError(r, fl)
			return
		}
		e.taskSucceeded(r, resp.Output)
	})
}

func (e *Execution) timedOut(r *run, fl *Failure) {
	r.attempt++ // late answers of this attempt are ignored
	e.record(Event{Type: "TaskTimedOut", State: r.st.Name, Resource: r.st.Resource, Error: fl.Error, Cause: fl.Cause})
	e.handleError(r, fl)
}

func (e *Execution) taskSucceeded(r *run, result any) {
	if n := jsonSize(result, MaxPayloadBytes); n > MaxPayloadBytes {
		fl := &Failure{Error: ErrDataLimitExceeded, Cause: fmt.Sprintf("the task result is %d bytes; the limit is %d", n, MaxPayloadBytes)}
		e.record(Event{Type: "TaskFailed", State: r.st.Name, Resource: r.st.Resource, Error: fl.Error, Cause: fl.Cause})
		e.handleError(r, fl)
		return
	}
	e.record(Event{Type: "TaskSucceeded", State: r.st.Name, Resource: r.st.Resource, Output: result})
	out, f := e.applyOutput(r, result)
	if f != nil {
		e.handleError(r, f)
		return
	}
	e.exit(r, out)
}

func (e *Execution) armHeartbeat(cb *callback) {
	cb.hbGen++
	gen := cb.hbGen
	cb.hbAt = e.clk.Now().Add(cb.hbEvery)
	e.at(cb.hbAt, cb.r.f, func() {
		if e.tokens[cb.token] == cb && cb.hbGen == gen {
			e.closeToken(cb.token, "the task missed its heartbeat")
			e.timedOut(cb.r, &Failure{Error: ErrHeartbeatTimeout, Cause: fmt.Sprintf("no heartbeat within HeartbeatSeconds (%s)", cb.hbEvery)})
		}
	})
}

// matches applies the ErrorEquals rules: States.ALL matches all but
// States.Runtime and States.DataLimitExceeded; States.TaskFailed all but
// the timeouts (and those two); States.Timeout also the heartbeat timeout.
func matches(list []string, name string) bool {
	terminal := name == ErrRuntime || name == ErrDataLimitExceeded
	timeout := name == ErrTimeout || name == ErrHeartbeatTimeout
	for _, x := range list {
		switch {
		case x == name:
			return true
		case x == ErrALL && !terminal:
			return true
		case x == ErrTaskFailed && !terminal && !timeout:
			return true
		case x == ErrTimeout && name == ErrHeartbeatTimeout:
			return true
		}
	}
	return false
}

// retryDelay is IntervalSeconds × BackoffRate^n, capped by MaxDelaySeconds,
// then (FULL jitter) drawn uniformly from [0, delay).
func (e *Execution) retryDelay(ret Retrier, n int) time.Duration {
	d := float64(ret.IntervalSeconds) * math.Pow(ret.BackoffRate, float64(n))
	if ret.MaxDelaySeconds > 0 && d > float64(ret.MaxDelaySeconds) {
		d = float64(ret.MaxDelaySeconds)
	}
	if ret.JitterStrategy == "FULL" {
		d *= e.rnd.Float64()
	}
	return time.Duration(d * float64(time.Second)).Round(time.Millisecond)
}

// handleError retries, catches or fails the fiber. States.Runtime always
// fails: it is neither retried nor caught.
func (e *Execution) handleError(r *run, fl *Failure) {
	st := r.st
	if fl.Error != ErrRuntime {
		for i, ret := range st.Retry {
			if !matches(ret.ErrorEquals, fl.Error) {
				continue
			}
			if r.retries[i] >= ret.MaxAttempts {
				break // an exhausted retrier hands over to the catchers
			}
			delay := e.retryDelay(ret, r.retries[i])
			r.retries[i]++
			r.total++
			e.transitions++ // each retry is a billed transition
			r.note = fmt.Sprintf("Retry[%d] after %s: retry %d of %d for %s", i, delay, r.retries[i], ret.MaxAttempts, fl.Error)
			e.at(e.clk.Now().Add(delay), r.f, func() { e.reattempt(r) })
			return
		}
		for i, c := range st.Catch {
			if !matches(c.ErrorEquals, fl.Error) {
				continue
			}
			out, f := applyResultPath(c.resultPath, r.raw, map[string]any{"Error": fl.Error, "Cause": fl.Cause})
			if f != nil {
				e.failFiber(r, f)
				return
			}
			e.record(Event{Type: stateEvent(st.Type, exited), State: st.Name, Output: out, Error: fl.Error, Cause: fl.Cause,
				Detail: fmt.Sprintf("caught by Catch[%d], next: %s", i, c.Next)})
			e.goTo(r.f, c.Next, out)
			return
		}
	}
	e.failFiber(r, fl)
}

func (e *Execution) reattempt(r *run) {
	switch r.st.Type {
	case "Task":
		e.task(r)
	case "Parallel":
		e.parallel(r)
	case "Map":
		e.mapState(r)
	}
}
