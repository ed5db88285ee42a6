package stepfunctions

import (
	"fmt"
	"math/rand/v2"
	"time"

	"github.com/saa-study/saa-study/sim/clock"
)

// Status is an execution's status as the DescribeExecution API spells it.
type Status string

// Execution statuses.
const (
	StatusRunning   Status = "RUNNING"
	StatusSucceeded Status = "SUCCEEDED"
	StatusFailed    Status = "FAILED"
	StatusTimedOut  Status = "TIMED_OUT"
	StatusAborted   Status = "ABORTED"
)

// Maximum execution durations (aws-facts.md sfn.standard.duration and
// sfn.express.duration).
const (
	StandardMaxDuration = 365 * 24 * time.Hour
	ExpressMaxDuration  = 5 * time.Minute
)

// Options configure an execution. The zero value is a Standard workflow
// starting at clock.Epoch with seed 0 and no task handler.
type Options struct {
	Type WorkflowType `json:"type,omitempty"`
	Seed uint64       `json:"seed,omitempty"`
	// Clock is the virtual clock to run on; nil makes a new one at Epoch.
	Clock *clock.Virtual `json:"-"`
	// Handler resolves Task resources that the mocks do not cover.
	Handler TaskHandler `json:"-"`
	// StrictTasks fails a Task that neither a mock nor the handler
	// resolves; otherwise such a task returns its input unchanged.
	StrictTasks      bool   `json:"strictTasks,omitempty"`
	StateMachineName string `json:"stateMachineName,omitempty"`
	ExecutionName    string `json:"executionName,omitempty"`
	// ExpressLogs keeps a history for Express workflows too, the way
	// CloudWatch Logs at level ALL would show one.
	ExpressLogs bool `json:"expressLogs,omitempty"`
	// ExpressMemoryMB is the memory an Express run is billed for (rounded
	// up to 64 MB chunks). 0 means one chunk.
	ExpressMemoryMB int `json:"expressMemoryMB,omitempty"`
	// MaxTransitions stops runaway loops that never let virtual time pass.
	MaxTransitions int `json:"maxTransitions,omitempty"`
}

// APIError is an error of the execution API (SendTaskSuccess etc.),
// shaped like the AWS exception it stands for.
type APIError struct {
	Name    string `json:"name"`
	Message string `json:"message"`
}

func (e *APIError) Error() string { return e.Name + ": " + e.Message }

// Execution is one running state machine. It advances only when Step is
// called, one agenda event at a time, so a TUI can show every move.
type Execution struct {
	m         *Machine
	typ       WorkflowType
	opts      Options
	clk       *clock.Virtual
	rnd       *rand.Rand
	mocks     *Mocks
	agenda    agenda
	seq       uint64
	history   []Event
	status    Status
	output    any
	failure   *Failure
	input     any
	startTime time.Time
	stopTime  time.Time

	eventCount  int
	overflowed  bool
	transitions int
	tokens      map[string]*callback
	tokenOrder  []string
	closed      map[string]string // token -> why it can no longer be used
	execName    string
	smName      string
}

type agendaItem struct {
	at  time.Time
	seq uint64
	f   *fiber // nil for the execution's own events
	fn  func()
}

// agenda is a min-heap of events by time, then by the order they were
// queued. It is typed rather than container/heap's so queueing and taking
// an event do not box it.
type agenda []agendaItem

func (a agenda) Len() int { return len(a) }
func (a agenda) less(i, j int) bool {
	if a[i].at.Equal(a[j].at) {
		return a[i].seq < a[j].seq
	}
	return a[i].at.Before(a[j].at)
}

func (a *agenda) push(it agendaItem) {
	*a = append(*a, it)
	h := *a
	for i := len(h) - 1; i > 0; {
		parent := (i - 1) / 2
		if !h.less(i, parent) {
			break
		}
		h[i], h[parent] = h[parent], h[i]
		i = parent
	}
}

func (a *agenda) pop() agendaItem {
	h := *a
	top := h[0]
	last := len(h) - 1
	h[0] = h[last]
	h[last] = agendaItem{} // let the closure go
	h = h[:last]
	for i := 0; ; {
		small, l, r := i, 2*i+1, 2*i+2
		if l < len(h) && h.less(l, small) {
			small = l
		}
		if r < len(h) && h.less(r, small) {
			small = r
		}
		if small == i {
			break
		}
		h[i], h[small] = h[small], h[i]
		i = small
	}
	*a = h
	return top
}

// at queues fn for virtual time t; it is skipped if the fiber has been
// cancelled or the execution has ended by then.
func (e *Execution) at(t time.Time, f *fiber, fn func()) {
	e.seq++
	e.agenda.push(agendaItem{at: t, seq: e.seq, f: f, fn: fn})
}

func (e *Execution) now(f *fiber, fn func()) { e.at(e.clk.Now(), f, fn) }

// Start begins an execution of m with a JSON input (empty means {}).
func Start(m *Machine, input []byte, mocks *Mocks, opts Options) (*Execution, error) {
	if m == nil {
		return nil, &APIError{Name: "InvalidDefinition", Message: "no state machine"}
	}
	if len(input) > MaxPayloadBytes {
		return nil, &APIError{Name: "InvalidExecutionInput", Message: fmt.Sprintf("the input is %d bytes; the limit is %d", len(input), MaxPayloadBytes)}
	}
	var in any = map[string]any{}
	if len(trimSpace(input)) > 0 {
		v, err := decodeJSON(input)
		if err != nil {
			return nil, &APIError{Name: "InvalidExecutionInput", Message: "the input is not valid JSON: " + err.Error()}
		}
		in = v
	}
	if opts.Type == "" {
		opts.Type = Standard
	}
	if opts.Type != Standard && opts.Type != Express {
		return nil, &APIError{Name: "ValidationException", Message: fmt.Sprintf("workflow type %q is not STANDARD or EXPRESS", opts.Type)}
	}
	if opts.Type == Express {
		if name := callbackState(m); name != "" {
			return nil, &APIError{Name: "InvalidDefinition", Message: fmt.Sprintf("state %q uses .sync or .waitForTaskToken, which Express workflows do not support", name)}
		}
	}
	if opts.MaxTransitions <= 0 {
		opts.MaxTransitions = 100000
	}
	clk := opts.Clock
	if clk == nil {
		clk = clock.New(clock.Epoch)
	}
	if mocks == nil {
		mocks = &Mocks{}
	}
	e := &Execution{
		m: m, typ: opts.Type, opts: opts, clk: clk, mocks: mocks.fresh(),
		rnd:    rand.New(rand.NewPCG(opts.Seed, 0x5f3759df)),
		status: StatusRunning, input: in, startTime: clk.Now(),
		tokens: map[string]*callback{}, closed: map[string]string{},
		smName: opts.StateMachineName, execName: opts.ExecutionName,
	}
	if e.smName == "" {
		e.smName = "MyStateMachine"
	}
	if e.execName == "" {
		e.execName = e.uuid()
	}
	e.record(Event{Type: "ExecutionStarted", Input: in})
	limit := StandardMaxDuration
	if e.typ == Express {
		limit = ExpressMaxDuration
	}
	if m.TimeoutSeconds > 0 && time.Duration(m.TimeoutSeconds)*time.Second < limit {
		limit = time.Duration(m.TimeoutSeconds) * time.Second
	}
	e.at(e.startTime.Add(limit), nil, func() {
		e.finish(StatusTimedOut, nil, &Failure{Error: ErrTimeout, Cause: fmt.Sprintf("the execution ran longer than %s", limit)}, "ExecutionTimedOut")
	})
	root := &fiber{scope: m}
	root.onDone = func(out any, f *Failure) {
		if f != nil {
			e.finish(StatusFailed, nil, f, "ExecutionFailed")
			return
		}
		e.finish(StatusSucceeded, out, nil, "ExecutionSucceeded")
	}
	e.now(root, func() { e.enter(root, m.StartAt, in) })
	return e, nil
}

func trimSpace(b []byte) []byte {
	for len(b) > 0 && (b[0] == ' ' || b[0] == '\n' || b[0] == '\t' || b[0] == '\r') {
		b = b[1:]
	}
	return b
}

func (e *Execution) finish(st Status, out any, f *Failure, event string) {
	if e.status != StatusRunning {
		return
	}
	ev := Event{Type: event, Output: out}
	if f != nil {
		ev.Error, ev.Cause = f.Error, f.Cause
	}
	e.record(ev)
	e.status, e.output, e.failure = st, out, f
	e.stopTime = e.clk.Now()
	for _, tok := range e.tokenOrder {
		if _, open := e.tokens[tok]; open {
			e.closed[tok] = "the execution has ended"
		}
	}
	e.tokens = map[string]*callback{}
	e.tokenOrder = nil
}

// Step runs the next agenda event, moving virtual time to it. It returns
// false when nothing is left to do: the execution has ended, or it only
// waits for task tokens that no timer will resolve.
func (e *Execution) Step() bool {
	for e.status == StatusRunning && e.agenda.Len() > 0 {
		it := e.agenda.pop()
		e.clk.Set(it.at)
		if e.status == StatusRunning && (it.f == nil || !it.f.dead) {
			it.fn()
		}
		return true
	}
	return false
}

// RunUntilBlocked steps until the execution ends or a task token is
// waiting for an answer (a human approval, say). Timers still pending,
// such as a callback's timeout, are left for the caller to step into.
func (e *Execution) RunUntilBlocked() {
	for e.status == StatusRunning && len(e.Waiting()) == 0 {
		if !e.Step() {
			return
		}
	}
}

// RunToEnd steps until the execution ends; a token nobody answers is
// eventually settled by its timeout or by the execution's own limit.
func (e *Execution) RunToEnd() {
	for e.Step() {
	}
}

// Stop aborts the execution, as StopExecution does.
func (e *Execution) Stop(errName, cause string) {
	e.finish(StatusAborted, nil, &Failure{Error: errName, Cause: cause}, "ExecutionAborted")
}

// Status reports the execution's status.
func (e *Execution) Status() Status { return e.status }

// Now is the execution's virtual time.
func (e *Execution) Now() time.Time { return e.clk.Now() }

// NextEventAt tells when the next agenda event is due, if any.
func (e *Execution) NextEventAt() (time.Time, bool) {
	if e.status != StatusRunning || e.agenda.Len() == 0 {
		return time.Time{}, false
	}
	return e.agenda[0].at, true
}

// History returns the events so far (none for Express without ExpressLogs).
func (e *Execution) History() []Event { return e.history }

// Transitions is the number of billed state transitions so far.
func (e *Execution) Transitions() int { return e.transitions }

func (e *Execution) uuid() string {
	var b [16]byte
	for i := range b {
		b[i] = byte(e.rnd.UintN(256))
	}
	b[6] = b[6]&0x0f | 0x40
	b[8] = b[8]&0x3f | 0x80
	return fmt.Sprintf("%x-%x-%x-%x-%x", b[0:4], b[4:6], b[6:8], b[8:10], b[10:])
}

func (e *Execution) executionArn() string {
	return "arn:aws:states:us-east-1:123456789012:execution:" + e.smName + ":" + e.execName
}

func (e *Execution) stateMachineArn() string {
	return "arn:aws:states:us-east-1:123456789012:stateMachine:" + e.smName
}

// timestamp formats virtual time as the context object does.
func timestamp(t time.Time) string { return t.UTC().Format("2006-01-02T15:04:05.000Z") }

// callbackState names a Task (at any depth) using .sync or
// .waitForTaskToken, or returns "".
func callbackState(m *Machine) string {
	for _, n := range m.Order {
		s := m.States[n]
		if s.Type == "Task" && isCallbackOrSync(s.Resource) {
			return n
		}
		for _, br := range append(append([]*Machine(nil), s.Branches...), s.Processor) {
			if br == nil {
				continue
			}
			if name := callbackState(br); name != "" {
				return name
			}
		}
	}
	return ""
}
