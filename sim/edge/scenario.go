package edge

import (
	"embed"
	"errors"
	"fmt"

	"github.com/saa-study/saa-study/sim/say"

	"github.com/saa-study/saa-study/sim/internal/scenariofile"
	"github.com/saa-study/saa-study/sim/scenario"
)

// Scenario is a teaching case: one workload sent through one or more
// distributions, each run either summarised or refused. SCENARIOS.md
// documents the YAML format.
type Scenario struct {
	ID     string `json:"id" yaml:"id"`
	Title  string `json:"title" yaml:"title"`
	Fact   string `json:"fact" yaml:"fact"`
	Lesson string `json:"lesson" yaml:"lesson"`
	// TitleKo and LessonKo are the Korean title and lesson.
	TitleKo  string        `json:"title_ko,omitempty" yaml:"title_ko"`
	LessonKo string        `json:"lesson_ko,omitempty" yaml:"lesson_ko"`
	Workload Workload      `json:"workload" yaml:"workload"`
	Runs     []ScenarioRun `json:"runs" yaml:"runs"`
}

// ScenarioRun is one distribution of a scenario. ExpectError, when set, is
// the exception the distribution must be refused with.
type ScenarioRun struct {
	Name         string       `json:"name" yaml:"name"`
	NameKo       string       `json:"name_ko,omitempty" yaml:"name_ko"`
	Distribution Distribution `json:"distribution" yaml:"distribution"`
	ExpectError  string       `json:"expect_error,omitempty" yaml:"expect_error"`
}

// RunResult is the outcome of one run of a scenario: a summary or a refusal.
type RunResult struct {
	Name    string   `json:"name"`
	NameKo  string   `json:"-"`
	Summary *Summary `json:"summary,omitempty"`
	Refusal *Error   `json:"refusal,omitempty"`
}

// Label is the run's name in lang ("en" or "ko").
func (r RunResult) Label(lang string) string { return say.Pick(lang, r.Name, r.NameKo) }

//go:embed scenarios/*.yaml
var scenarioFS embed.FS

// Scenarios parses the embedded scenarios, sorted by id.
func Scenarios() ([]Scenario, error) {
	all, err := scenariofile.LoadAll(scenarioFS, "scenarios/*.yaml", ParseScenario, func(s Scenario) string { return s.ID })
	if err != nil {
		return nil, fmt.Errorf("edge scenario %w", err)
	}
	return all, nil
}

// ParseScenario reads one YAML scenario, rejecting unknown fields and
// checking that every run is accepted or refused as it says it will be.
// Errors are *scenario.Error with a line number.
func ParseScenario(data []byte) (s Scenario, err error) {
	defer func() {
		if r := recover(); r != nil { // yaml.v3 has panicked on odd input before
			s, err = Scenario{}, &scenario.Error{Line: 1, Msg: fmt.Sprintf("unreadable YAML: %v", r)}
		}
	}()
	root, err := scenariofile.Decode(data, &s)
	if err != nil {
		return Scenario{}, err
	}
	at := func(p ...any) int { return scenariofile.LineOf(root, p...) }
	if s.ID == "" {
		return s, &scenario.Error{Line: at("id"), Msg: "id is required"}
	}
	if len(s.Runs) == 0 {
		return s, &scenario.Error{Line: at("runs"), Msg: "at least one run is required"}
	}
	if err := s.Workload.withDefaults().validate(); err != nil {
		return s, &scenario.Error{Line: at("workload"), Msg: "workload: " + err.Error(), Err: err}
	}
	for i, r := range s.Runs {
		if r.Name == "" {
			return s, &scenario.Error{Line: at("runs", i), Msg: fmt.Sprintf("runs[%d]: name is required", i)}
		}
		for j, a := range r.Distribution.Associations {
			if !a.Trigger.valid() {
				return s, &scenario.Error{Line: at("runs", i, "distribution", "associations", j, "trigger"), Msg: fmt.Sprintf("runs[%d]: unknown trigger %q", i, a.Trigger)}
			}
			if a.Function.Kind != CFF && a.Function.Kind != LAE {
				return s, &scenario.Error{Line: at("runs", i, "distribution", "associations", j, "function", "kind"), Msg: fmt.Sprintf("runs[%d]: function kind must be cff or lae, got %q", i, a.Function.Kind)}
			}
			if _, ok := actions[a.Function.Action]; !ok {
				return s, &scenario.Error{Line: at("runs", i, "distribution", "associations", j, "function", "action"), Msg: fmt.Sprintf("runs[%d]: unknown action %q", i, a.Function.Action)}
			}
		}
		verr := r.Distribution.Validate(DefaultLimits())
		var ae *Error
		switch {
		case r.ExpectError == "" && verr != nil:
			return s, &scenario.Error{Line: at("runs", i, "distribution"), Msg: fmt.Sprintf("runs[%d] %q is refused: %v (set expect_error if that is the lesson)", i, r.Name, verr), Err: verr}
		case r.ExpectError != "" && verr == nil:
			return s, &scenario.Error{Line: at("runs", i, "expect_error"), Msg: fmt.Sprintf("runs[%d] %q expects %s but is accepted", i, r.Name, r.ExpectError)}
		case r.ExpectError != "" && (!errors.As(verr, &ae) || ae.Code != r.ExpectError):
			return s, &scenario.Error{Line: at("runs", i, "expect_error"), Msg: fmt.Sprintf("runs[%d] %q expects %s but got: %v", i, r.Name, r.ExpectError, verr), Err: verr}
		}
	}
	return s, nil
}

// Run runs every distribution of the scenario with its workload. A
// distribution the engine refuses is a run with a Refusal, never an error.
func (s Scenario) Run() ([]RunResult, error) {
	out := make([]RunResult, 0, len(s.Runs))
	for _, r := range s.Runs {
		res := RunResult{Name: r.Name, NameKo: r.NameKo}
		sum, err := Run(r.Distribution, s.Workload)
		var ae *Error
		switch {
		case err == nil:
			res.Summary = &sum
		case errors.As(err, &ae):
			res.Refusal = ae
		default:
			res.Refusal = &Error{Code: ErrInvalidArgument, Message: err.Error()}
		}
		out = append(out, res)
	}
	return out, nil
}

var _ scenario.Scenario[[]RunResult] = Scenario{}

// About names the scenario for scenario.Scenario.
func (s Scenario) About() scenario.Info {
	return scenario.Info{ID: s.ID, Title: s.Title, Lesson: s.Lesson, TitleKo: s.TitleKo, LessonKo: s.LessonKo}
}
