package sns

import (
	"embed"
	"errors"
	"fmt"

	"github.com/saa-study/saa-study/sim/internal/scenariofile"
	"github.com/saa-study/saa-study/sim/say"
	"github.com/saa-study/saa-study/sim/scenario"
)

// Scenario is a teaching case: one or more topics run side by side.
// SCENARIOS.md documents the YAML format.
type Scenario struct {
	ID     string `json:"id" yaml:"id"`
	Title  string `json:"title" yaml:"title"`
	Fact   string `json:"fact" yaml:"fact"`
	Lesson string `json:"lesson" yaml:"lesson"`
	// TitleKo and LessonKo are the Korean title and lesson.
	TitleKo  string        `json:"title_ko,omitempty" yaml:"title_ko"`
	LessonKo string        `json:"lesson_ko,omitempty" yaml:"lesson_ko"`
	Runs     []ScenarioRun `json:"runs" yaml:"runs"`
}

// ScenarioRun is one named configuration; ExpectError names the exception
// SNS must refuse it with, when the run is there to show a refusal.
type ScenarioRun struct {
	Name string `json:"name" yaml:"name"`
	// NameKo is the run's name in Korean.
	NameKo      string `json:"name_ko,omitempty" yaml:"name_ko"`
	ExpectError string `json:"expect_error,omitempty" yaml:"expect_error"`
	Config      Config `json:"config" yaml:"config"`
}

// RunResult is a run's result, or the refusal it was written to show.
type RunResult struct {
	Name    string  `json:"name"`
	NameKo  string  `json:"-"`
	Result  *Result `json:"result,omitempty"`
	Refusal *Error  `json:"refusal,omitempty"`
}

//go:embed scenarios/*.yaml
var scenarioFS embed.FS

// Scenarios parses the embedded scenarios, sorted by id.
func Scenarios() ([]Scenario, error) {
	all, err := scenariofile.LoadAll(scenarioFS, "scenarios/*.yaml", ParseScenario, func(s Scenario) string { return s.ID })
	if err != nil {
		return nil, fmt.Errorf("sns scenario %w", err)
	}
	return all, nil
}

// ParseScenario reads one YAML scenario, rejecting unknown fields, and
// checks every run as SNS would (a run with expect_error must be refused
// with that exception). Errors are *scenario.Error with a line.
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
	lim := DefaultLimits()
	for i, r := range s.Runs {
		if r.Name == "" {
			return s, &scenario.Error{Line: at("runs", i), Msg: fmt.Sprintf("runs[%d]: name is required", i)}
		}
		if r.Config.Workload.Orders > 100_000 {
			return s, &scenario.Error{Line: at("runs", i, "config", "workload", "orders"), Msg: fmt.Sprintf("runs[%d] %q: a scenario publishes at most 100,000 orders", i, r.Name)}
		}
		err := r.Config.Validate(lim)
		var e *Error
		switch {
		case r.ExpectError == "" && err != nil:
			return s, &scenario.Error{Line: at("runs", i, "config"), Msg: fmt.Sprintf("runs[%d] %q: %v", i, r.Name, err), Err: err}
		case r.ExpectError != "" && err == nil:
			return s, &scenario.Error{Line: at("runs", i, "expect_error"), Msg: fmt.Sprintf("runs[%d] %q: expected %s, but SNS accepts this configuration", i, r.Name, r.ExpectError)}
		case r.ExpectError != "" && (!errors.As(err, &e) || e.Code != r.ExpectError):
			return s, &scenario.Error{Line: at("runs", i, "expect_error"), Msg: fmt.Sprintf("runs[%d] %q: expected %s, got %v", i, r.Name, r.ExpectError, err), Err: err}
		}
	}
	return s, nil
}

// Label is the run's name in lang ("en" or "ko").
func (r RunResult) Label(lang string) string { return say.Pick(lang, r.Name, r.NameKo) }

// Run runs every configuration of the scenario; a run written to be
// refused gives its refusal.
func (s Scenario) Run() ([]RunResult, error) {
	out := make([]RunResult, 0, len(s.Runs))
	for _, r := range s.Runs {
		res, err := Run(r.Config)
		var e *Error
		switch {
		case err != nil && r.ExpectError != "" && errors.As(err, &e):
			out = append(out, RunResult{Name: r.Name, NameKo: r.NameKo, Refusal: e})
		case err != nil:
			return out, fmt.Errorf("run %q: %w", r.Name, err)
		default:
			out = append(out, RunResult{Name: r.Name, NameKo: r.NameKo, Result: &res})
		}
	}
	return out, nil
}

var _ scenario.Scenario[[]RunResult] = Scenario{}

// About names the scenario for scenario.Scenario.
func (s Scenario) About() scenario.Info {
	return scenario.Info{ID: s.ID, Title: s.Title, Lesson: s.Lesson, TitleKo: s.TitleKo, LessonKo: s.LessonKo}
}
