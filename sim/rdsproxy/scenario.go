package rdsproxy

import (
	"embed"
	"fmt"

	"github.com/saa-study/saa-study/sim/say"

	"github.com/saa-study/saa-study/sim/internal/scenariofile"
	"github.com/saa-study/saa-study/sim/scenario"
)

// Scenario is a teaching case: one or more configurations run side by side.
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

// ScenarioRun is one named configuration of a scenario.
type ScenarioRun struct {
	Name   string `json:"name" yaml:"name"`
	NameKo string `json:"name_ko,omitempty" yaml:"name_ko"`
	Config Config `json:"config" yaml:"config"`
}

// RunResult pairs a run's name with its result.
type RunResult struct {
	Name   string `json:"name"`
	NameKo string `json:"-"`
	Result Result `json:"result"`
}

// Label is the run's name in lang ("en" or "ko").
func (r RunResult) Label(lang string) string { return say.Pick(lang, r.Name, r.NameKo) }

//go:embed scenarios/*.yaml
var scenarioFS embed.FS

// Scenarios parses the embedded scenarios, sorted by id.
func Scenarios() ([]Scenario, error) {
	all, err := scenariofile.LoadAll(scenarioFS, "scenarios/*.yaml", ParseScenario, func(s Scenario) string { return s.ID })
	if err != nil {
		return nil, fmt.Errorf("rdsproxy scenario %w", err)
	}
	return all, nil
}

// ParseScenario reads one YAML scenario, rejecting unknown fields and
// checking every configuration. Errors are *scenario.Error with a line.
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
	for i, r := range s.Runs {
		if r.Name == "" {
			return s, &scenario.Error{Line: at("runs", i), Msg: fmt.Sprintf("runs[%d]: name is required", i)}
		}
		if _, err := r.Config.normalize(DefaultLimits()); err != nil {
			return s, &scenario.Error{Line: at("runs", i, "config"), Msg: fmt.Sprintf("runs[%d] %q: %v", i, r.Name, err), Err: err}
		}
	}
	return s, nil
}

// Run runs every configuration of the scenario. Parsed scenarios are valid,
// so an error here means the scenario was built by hand.
func (s Scenario) Run() ([]RunResult, error) {
	out := make([]RunResult, 0, len(s.Runs))
	for _, r := range s.Runs {
		res, err := Run(r.Config)
		if err != nil {
			return out, fmt.Errorf("run %q: %w", r.Name, err)
		}
		out = append(out, RunResult{Name: r.Name, NameKo: r.NameKo, Result: res})
	}
	return out, nil
}

var _ scenario.Scenario[[]RunResult] = Scenario{}

// About names the scenario for scenario.Scenario.
func (s Scenario) About() scenario.Info {
	return scenario.Info{ID: s.ID, Title: s.Title, Lesson: s.Lesson, TitleKo: s.TitleKo, LessonKo: s.LessonKo}
}
