// Package stepfunctions is an Amazon States Language interpreter for
// teaching: it validates a state machine definition the way AWS does,
// reporting every problem at once, and runs it on a virtual clock with
// mocked tasks, retries, catchers, callbacks (.waitForTaskToken), history
// events named as the console names them, and the price of the run.
//
// The package is pure: time comes from sim/clock and randomness from a
// seed, so a run is the same every time.
package stepfunctions

import (
	"github.com/saa-study/saa-study/sim/stepfunctions/intrinsic"
	"github.com/saa-study/saa-study/sim/stepfunctions/jsonpath"
)

// Predefined error names (AWS "Error handling in Step Functions").
const (
	ErrALL               = "States.ALL"
	ErrTimeout           = "States.Timeout"
	ErrHeartbeatTimeout  = "States.HeartbeatTimeout"
	ErrTaskFailed        = "States.TaskFailed"
	ErrRuntime           = "States.Runtime"
	ErrDataLimitExceeded = "States.DataLimitExceeded"
	ErrNoChoiceMatched   = "States.NoChoiceMatched"
	ErrIntrinsicFailure  = intrinsic.ErrorName
	ErrBranchFailed      = "States.BranchFailed"
	ErrPermissions       = "States.Permissions"
	ErrResultPathMatch   = "States.ResultPathMatchFailure"
	ErrParameterPath     = "States.ParameterPathFailure"
	ErrInvalidDefinition = "States.InvalidDefinition"
)

// Limits the interpreter enforces (aws-facts.md sfn.* rows and the Step
// Functions service quotas page).
const (
	MaxPayloadBytes     = 256 * 1024 // input, output and task result
	MaxStateNameLength  = 80
	MaxHistoryEvents    = 25000 // Standard execution history
	DefaultTaskTimeout  = 99999999
	MaxRetryIntervalSec = 99999999
)

// Problem is one thing wrong with a definition, located by state and field.
// State is empty for top-level fields.
type Problem struct {
	State   string `json:"state"`
	Field   string `json:"field"`
	Message string `json:"message"`
}

// String renders the problem as "state.field: message" for plain output.
func (p Problem) String() string {
	loc := p.State
	if p.Field != "" {
		if loc != "" {
			loc += "."
		}
		loc += p.Field
	}
	if loc == "" {
		return p.Message
	}
	return loc + ": " + p.Message
}

// Machine is a validated state machine, or one branch of a Parallel state,
// or the item processor of a Map state.
type Machine struct {
	Comment        string            `json:"comment,omitempty"`
	StartAt        string            `json:"startAt"`
	States         map[string]*State `json:"-"`
	TimeoutSeconds int               `json:"timeoutSeconds,omitempty"`
	// Order lists the state names breadth-first from StartAt, then any
	// unreachable ones by name; layouts and listings use it.
	Order []string `json:"order"`
}

// optPath is a path field that may be absent (default `$`), null or set.
type optPath struct {
	set, null bool
	path      *jsonpath.Path
}

// Retrier is one entry of a Retry array, with defaults filled in.
type Retrier struct {
	ErrorEquals     []string `json:"errorEquals"`
	IntervalSeconds int      `json:"intervalSeconds"`
	MaxAttempts     int      `json:"maxAttempts"`
	BackoffRate     float64  `json:"backoffRate"`
	MaxDelaySeconds int      `json:"maxDelaySeconds,omitempty"`
	JitterStrategy  string   `json:"jitterStrategy"`
}

// Catcher is one entry of a Catch array.
type Catcher struct {
	ErrorEquals []string `json:"errorEquals"`
	Next        string   `json:"next"`
	resultPath  optPath
}

// State is one parsed state. Only the fields of its Type are meaningful.
type State struct {
	Name    string
	Type    string
	Comment string
	Next    string
	End     bool

	inputPath, outputPath, resultPath optPath
	parameters, resultSelector        *template
	result                            any
	hasResult                         bool

	// Task
	Resource             string
	timeoutSeconds       int
	timeoutSecondsPath   *jsonpath.Path
	heartbeatSeconds     int
	heartbeatSecondsPath *jsonpath.Path
	Retry                []Retrier
	Catch                []Catcher

	// Choice
	choices []*choiceRule
	Default string

	// Wait
	waitSeconds   *int64
	waitTimestamp string
	waitSecPath   *jsonpath.Path
	waitTSPath    *jsonpath.Path

	// Fail
	failError, failCause string
	errorPath, causePath *template

	// Parallel
	Branches []*Machine

	// Map
	Processor      *Machine
	itemsPath      optPath
	itemSelector   *template
	maxConcurrency int
	maxConcPath    *jsonpath.Path
}

// Terminal reports whether the state ends its scope.
func (s *State) Terminal() bool {
	return s.End || s.Type == "Succeed" || s.Type == "Fail"
}

// WaitsForCallback reports whether a Task uses the .waitForTaskToken pattern.
func (s *State) WaitsForCallback() bool {
	return s.Type == "Task" && hasSuffix(s.Resource, ".waitForTaskToken")
}

func hasSuffix(s, suf string) bool { return len(s) >= len(suf) && s[len(s)-len(suf):] == suf }

// Transitions lists a state's outgoing edges for graph checks and layout.
func (s *State) Transitions() []Edge {
	var out []Edge
	if s.Next != "" {
		out = append(out, Edge{From: s.Name, To: s.Next, Label: "Next"})
	}
	for i, c := range s.choices {
		if c.next != "" {
			out = append(out, Edge{From: s.Name, To: c.next, Label: choiceLabel(i)})
		}
	}
	if s.Default != "" {
		out = append(out, Edge{From: s.Name, To: s.Default, Label: "Default"})
	}
	for i, c := range s.Catch {
		if c.Next != "" {
			out = append(out, Edge{From: s.Name, To: c.Next, Label: catchLabel(i, c.ErrorEquals)})
		}
	}
	return out
}
