package stepfunctions

import (
	"time"

	"github.com/saa-study/saa-study/sim/stepfunctions/intrinsic"
	"github.com/saa-study/saa-study/sim/stepfunctions/jsonpath"
)

// fiber is one thread of control: the whole machine, a Parallel branch or
// a Map iteration. It runs states of its scope until one ends it.
type fiber struct {
	scope    *Machine
	parent   *fiber
	children []*fiber
	dead     bool
	onDone   func(out any, f *Failure)
}

func (f *fiber) spawn(scope *Machine, onDone func(any, *Failure)) *fiber {
	c := &fiber{scope: scope, parent: f, onDone: onDone}
	f.children = append(f.children, c)
	return c
}

// cancel stops f and everything below it; their queued events are skipped.
func (f *fiber) cancel() {
	f.dead = true
	for _, c := range f.children {
		c.cancel()
	}
}

// run is one visit of a state, across its retries.
type run struct {
	f       *fiber
	st      *State
	raw     any // the raw state input
	entered time.Time
	retries []int // per retrier
	total   int   // all retries so far ($$.State.RetryCount)
	attempt int   // bumps on every attempt, so stale timers are ignored
	token   string
	note    string // why this attempt is a retry, for the history
}

// enter starts a state: one billed transition and a <Type>StateEntered event.
func (e *Execution) enter(f *fiber, name string, input any) {
	st := f.scope.States[name]
	if st == nil {
		f.onDone(nil, runtimeFailure("state %q does not exist", name))
		return
	}
	e.transitions++
	if e.transitions > e.opts.MaxTransitions {
		e.finish(StatusFailed, nil, runtimeFailure("the simulator stopped the execution after %d state transitions (a loop that never waits?)", e.opts.MaxTransitions), "ExecutionFailed")
		return
	}
	e.record(Event{Type: stateEvent(st.Type, entered), State: name, Input: input})
	r := &run{f: f, st: st, raw: input, entered: e.clk.Now(), retries: make([]int, len(st.Retry))}
	switch st.Type {
	case "Pass":
		e.pass(r)
	case "Choice":
		e.choice(r)
	case "Wait":
		e.wait(r)
	case "Succeed":
		eff, fl := e.effectiveInput(r, false)
		if fl != nil {
			e.failFiber(r, fl)
			return
		}
		e.exit(r, eff)
	case "Fail":
		e.failState(r)
	case "Task":
		e.task(r)
	case "Parallel":
		e.parallel(r)
	case "Map":
		e.mapState(r)
	}
}

// contextObject builds `$$` for the current state.
func (e *Execution) contextObject(r *run, item map[string]any) map[string]any {
	ctx := map[string]any{
		"Execution": map[string]any{
			"Id": e.executionArn(), "Input": e.input, "Name": e.execName,
			"StartTime": timestamp(e.startTime),
			"RoleArn":   "arn:aws:iam::123456789012:role/StepFunctionsRole",
		},
		"State": map[string]any{
			"Name": r.st.Name, "EnteredTime": timestamp(r.entered), "RetryCount": r.total,
		},
		"StateMachine": map[string]any{"Id": e.stateMachineArn(), "Name": e.smName},
	}
	if r.token != "" {
		ctx["Task"] = map[string]any{"Token": r.token}
	}
	if item != nil {
		ctx["Map"] = map[string]any{"Item": item}
	}
	return ctx
}

func (e *Execution) env(r *run, input any, item map[string]any) *evalEnv {
	var cached map[string]any
	return &evalEnv{input: input, rand: e.rnd, ctx: func() any {
		if cached == nil {
			cached = e.contextObject(r, item)
		}
		return cached
	}}
}

// selectPath applies InputPath or OutputPath: absent keeps the value,
// null gives {}, a path that matches nothing is States.Runtime.
func selectPath(p optPath, v any, field string) (any, *Failure) {
	switch {
	case !p.set:
		return v, nil
	case p.null:
		return map[string]any{}, nil
	}
	out, err := p.path.Eval(v)
	if err != nil {
		return nil, runtimeFailure("Invalid path '%s' : No results for path: %s (applying %s to %s)", p.path, p.path, field, compactJSON(v))
	}
	return out, nil
}

// effectiveInput applies InputPath and, when asked, Parameters.
func (e *Execution) effectiveInput(r *run, params bool) (any, *Failure) {
	in, f := selectPath(r.st.inputPath, r.raw, "InputPath")
	if f != nil || !params || r.st.parameters == nil {
		return in, f
	}
	return r.st.parameters.eval(e.env(r, in, nil))
}

// output applies ResultSelector, ResultPath (to the raw input) and
// OutputPath to a state's result.
func (e *Execution) applyOutput(r *run, result any) (any, *Failure) {
	if r.st.resultSelector != nil {
		var f *Failure
		if result, f = r.st.resultSelector.eval(e.env(r, result, nil)); f != nil {
			return nil, f
		}
	}
	out, f := applyResultPath(r.st.resultPath, r.raw, result)
	if f != nil {
		return nil, f
	}
	return selectPath(r.st.outputPath, out, "OutputPath")
}

func applyResultPath(p optPath, raw, result any) (any, *Failure) {
	switch {
	case !p.set:
		return result, nil
	case p.null:
		return raw, nil
	}
	out, err := jsonpath.Set(raw, p.path, result)
	if err != nil {
		return nil, runtimeFailure("Unable to apply ResultPath %s to input %s: %v", p.path, compactJSON(raw), err)
	}
	return out, nil
}

// exit ends a state with its output and moves on.
func (e *Execution) exit(r *run, out any) {
	st := r.st
	e.record(Event{Type: stateEvent(st.Type, exited), State: st.Name, Output: out})
	if st.End || st.Type == "Succeed" {
		r.f.onDone(out, nil)
		return
	}
	e.goTo(r.f, st.Next, out)
}

// goTo queues the next state of f at the current virtual time.
func (e *Execution) goTo(f *fiber, next string, out any) {
	e.now(f, func() { e.enter(f, next, out) })
}

// failFiber ends the fiber with f: path and data errors, unmatched errors.
func (e *Execution) failFiber(r *run, f *Failure) {
	r.f.onDone(nil, f)
}

func (e *Execution) pass(r *run) {
	eff, f := e.effectiveInput(r, true)
	if f != nil {
		e.failFiber(r, f)
		return
	}
	result := eff
	if r.st.hasResult {
		result = r.st.result
	}
	out, f := e.applyOutput(r, result)
	if f != nil {
		e.failFiber(r, f)
		return
	}
	e.exit(r, out)
}

func (e *Execution) choice(r *run) {
	eff, f := e.effectiveInput(r, false)
	if f != nil {
		e.failFiber(r, f)
		return
	}
	next := r.st.Default
	for _, rule := range r.st.choices {
		ok, f := rule.eval(eff)
		if f != nil {
			e.failFiber(r, f)
			return
		}
		if ok {
			next = rule.next
			break
		}
	}
	if next == "" {
		e.failFiber(r, &Failure{Error: ErrNoChoiceMatched, Cause: "No Choice Rules matched and no Default was specified in state '" + r.st.Name + "'"})
		return
	}
	out, f := selectPath(r.st.outputPath, eff, "OutputPath")
	if f != nil {
		e.failFiber(r, f)
		return
	}
	e.record(Event{Type: "ChoiceStateExited", State: r.st.Name, Output: out, Detail: "next: " + next})
	e.goTo(r.f, next, out)
}

func (e *Execution) wait(r *run) {
	st := r.st
	eff, f := e.effectiveInput(r, false)
	if f != nil {
		e.failFiber(r, f)
		return
	}
	now := e.clk.Now()
	until := now
	switch {
	case st.waitSeconds != nil:
		until = now.Add(time.Duration(*st.waitSeconds) * time.Second)
	case st.waitTimestamp != "":
		t, _ := time.Parse(time.RFC3339, st.waitTimestamp)
		until = t
	case st.waitSecPath != nil:
		v, err := st.waitSecPath.Eval(eff)
		n, ok := intrinsic.Int(v)
		if err != nil || !ok || n < 0 {
			e.failFiber(r, runtimeFailure("The SecondsPath parameter %s does not reference a valid non-negative integer", st.waitSecPath))
			return
		}
		until = now.Add(time.Duration(n) * time.Second)
	case st.waitTSPath != nil:
		v, err := st.waitTSPath.Eval(eff)
		t, ok := parseTS(v)
		if err != nil || !ok {
			e.failFiber(r, runtimeFailure("The TimestampPath parameter %s does not reference a valid ISO-8601 timestamp", st.waitTSPath))
			return
		}
		until = t
	}
	if until.Before(now) {
		until = now
	}
	e.at(until, r.f, func() {
		out, f := selectPath(st.outputPath, eff, "OutputPath")
		if f != nil {
			e.failFiber(r, f)
			return
		}
		e.exit(r, out)
	})
}

func (e *Execution) failState(r *run) {
	st := r.st
	fl := &Failure{Error: st.failError, Cause: st.failCause}
	env := e.env(r, r.raw, nil)
	for _, x := range []struct {
		t   *template
		dst *string
	}{{st.errorPath, &fl.Error}, {st.causePath, &fl.Cause}} {
		if x.t == nil {
			continue
		}
		v, f := x.t.eval(env)
		if f != nil {
			e.failFiber(r, f)
			return
		}
		s, ok := v.(string)
		if !ok {
			e.failFiber(r, runtimeFailure("the %s of Fail state %q must select a string", x.t.field, st.Name))
			return
		}
		*x.dst = s
	}
	e.failFiber(r, fl)
}

// Which end of a state an event marks.
const (
	entered = iota
	exited
)

// stateEvent is the event type for entering or leaving a state of type t,
// <Type>StateEntered or <Type>StateExited, spelled out for the known types
// rather than joined for every event.
func stateEvent(t string, end int) string {
	var names [2]string
	switch t {
	case "Pass":
		names = [2]string{"PassStateEntered", "PassStateExited"}
	case "Task":
		names = [2]string{"TaskStateEntered", "TaskStateExited"}
	case "Choice":
		names = [2]string{"ChoiceStateEntered", "ChoiceStateExited"}
	case "Wait":
		names = [2]string{"WaitStateEntered", "WaitStateExited"}
	case "Succeed":
		names = [2]string{"SucceedStateEntered", "SucceedStateExited"}
	case "Fail":
		names = [2]string{"FailStateEntered", "FailStateExited"}
	case "Parallel":
		names = [2]string{"ParallelStateEntered", "ParallelStateExited"}
	case "Map":
		names = [2]string{"MapStateEntered", "MapStateExited"}
	default:
		return t + [2]string{"StateEntered", "StateExited"}[end]
	}
	return names[end]
}
