package lambda

import (
	"bytes"
	"embed"
	"errors"
	"fmt"
	"regexp"
	"sync"

	"gopkg.in/yaml.v3"

	"github.com/saa-study/saa-study/sim/internal/scenariofile"
	"github.com/saa-study/saa-study/sim/scenario"
)

// Scenario is a lesson: a function, an account, a workload and what the
// learner should take away. Variants rerun it with parts of the function
// changed (for example arm64 against x86_64). See SCENARIOS.md.
type Scenario struct {
	ID       string         `json:"id"`
	Title    string         `json:"title"`
	Function FunctionConfig `json:"function"`
	Account  AccountConfig  `json:"account"`
	Workload Workload       `json:"workload"`
	Options  Options        `json:"options"`
	Variants []Variant      `json:"variants,omitempty"`
	Lesson   string         `json:"lesson"`
	// TitleKo and LessonKo are the Korean title and lesson.
	TitleKo  string `json:"title_ko,omitempty"`
	LessonKo string `json:"lesson_ko,omitempty"`
	// ExpectFact is the fact id the run's explanation should cite.
	ExpectFact string `json:"expect_fact,omitempty"`
}

// Variant is the scenario's function with some fields overridden.
type Variant struct {
	Label    string         `json:"label"`
	Function FunctionConfig `json:"function"`
}

// VariantResult pairs a variant's label with its run.
type VariantResult struct {
	Label  string `json:"label"`
	Result Result `json:"result"`
}

type scenarioFile struct {
	ID         string         `yaml:"id"`
	Title      string         `yaml:"title"`
	TitleKo    string         `yaml:"title_ko"`
	LessonKo   string         `yaml:"lesson_ko"`
	Function   FunctionConfig `yaml:"function"`
	Account    AccountConfig  `yaml:"account"`
	Workload   Workload       `yaml:"workload"`
	Options    Options        `yaml:"options"`
	Variants   []variantFile  `yaml:"variants"`
	Lesson     string         `yaml:"lesson"`
	ExpectFact string         `yaml:"expect_fact"`
}

type variantFile struct {
	Label    string         `yaml:"label"`
	Function FunctionConfig `yaml:"function"`
}

const maxScenarioBytes = 1 << 20

// (Compiled on first use: the counted repeat makes a large program, and a
// start that loads no scenario should not pay for it.)
var idPattern = sync.OnceValue(func() *regexp.Regexp { return regexp.MustCompile(`^[a-z0-9][a-z0-9-]{0,63}$`) })

// ParseScenario reads a scenario in YAML (JSON is accepted too, being YAML).
// Errors name the line: "line 7: function: InvalidParameterValueException: ...".
func ParseScenario(data []byte) (s Scenario, err error) {
	defer func() {
		if r := recover(); r != nil { // the YAML library must never take the program down
			s, err = Scenario{}, scenario.Errorf(1, "scenario could not be parsed: %v", r)
		}
	}()
	if len(data) > maxScenarioBytes {
		return Scenario{}, scenario.Errorf(1, "scenario is %d bytes; the limit is %d", len(data), maxScenarioBytes)
	}
	var f scenarioFile
	dec := yaml.NewDecoder(bytes.NewReader(data))
	dec.KnownFields(true)
	if err := dec.Decode(&f); err != nil {
		return Scenario{}, scenariofile.LineError(err)
	}
	var root yaml.Node
	if err := yaml.Unmarshal(data, &root); err != nil {
		return Scenario{}, scenariofile.LineError(err)
	}
	doc := &root
	if doc.Kind == yaml.DocumentNode && len(doc.Content) > 0 {
		doc = doc.Content[0]
	}
	at := func(key string) int { return keyLine(doc, key) }
	if !idPattern().MatchString(f.ID) {
		return Scenario{}, scenario.Errorf(at("id"), "id %q must be 1-64 lowercase letters, digits or dashes", f.ID)
	}
	if f.Title == "" {
		return Scenario{}, scenario.Errorf(at("id"), "title is required")
	}
	if f.Lesson == "" {
		return Scenario{}, scenario.Errorf(at("id"), "lesson is required: say what the learner should see")
	}
	l := DefaultLimits()
	s = Scenario{ID: f.ID, Title: f.Title, Function: f.Function, Account: f.Account, Workload: f.Workload,
		Options: f.Options, Lesson: f.Lesson, ExpectFact: f.ExpectFact, TitleKo: f.TitleKo, LessonKo: f.LessonKo}
	if err := s.Function.ValidateIn(s.Account, l); err != nil {
		return Scenario{}, scenario.Errorf(at("function"), "function: %w", err)
	}
	if err := s.Workload.Validate(); err != nil {
		return Scenario{}, scenario.Errorf(at("workload"), "workload: %w", err)
	}
	if s.Options.TickMS < 0 || s.Options.IdleReclaimS < 0 {
		return Scenario{}, scenario.Errorf(at("options"), "options: tick_ms and idle_reclaim_s cannot be negative")
	}
	if len(f.Variants) > 10 {
		return Scenario{}, scenario.Errorf(at("variants"), "at most 10 variants")
	}
	vnodes := valueOf(doc, "variants")
	for i, v := range f.Variants {
		line := at("variants")
		fn := s.Function
		fn.Env = nil
		if vnodes != nil && i < len(vnodes.Content) {
			line = vnodes.Content[i].Line
			if n := valueOf(vnodes.Content[i], "function"); n != nil {
				// Decode the variant's fields over a copy of the base function.
				if err := n.Decode(&fn); err != nil {
					return Scenario{}, scenariofile.LineError(err)
				}
			}
		}
		if fn.Env == nil {
			fn.Env = s.Function.Env
		}
		if v.Label == "" {
			return Scenario{}, scenario.Errorf(line, "variant %d needs a label", i+1)
		}
		if err := fn.ValidateIn(s.Account, l); err != nil {
			return Scenario{}, scenario.Errorf(line, "variant %q: %w", v.Label, err)
		}
		s.Variants = append(s.Variants, Variant{Label: v.Label, Function: fn})
	}
	return s, nil
}

// Run runs the scenario once per variant (once if it has none).
func (s Scenario) Run() ([]VariantResult, error) {
	vs := s.Variants
	if len(vs) == 0 {
		vs = []Variant{{Label: s.ID, Function: s.Function}}
	}
	out := make([]VariantResult, 0, len(vs))
	for _, v := range vs {
		r, err := Run(v.Function, s.Account, s.Workload, s.Options)
		if err != nil {
			return nil, fmt.Errorf("scenario %s, variant %s: %w", s.ID, v.Label, err)
		}
		out = append(out, VariantResult{Label: v.Label, Result: r})
	}
	return out, nil
}

//go:embed scenarios/*.yaml
var embedded embed.FS

// Scenarios returns the built-in scenarios, sorted by id.
func Scenarios() ([]Scenario, error) {
	return scenariofile.LoadAll(embedded, "scenarios/*.yaml", ParseScenario, func(s Scenario) string { return s.ID })
}

// ErrNoScenario is returned by ScenarioByID for an unknown id.
var ErrNoScenario = errors.New("no such scenario")

// ScenarioByID returns one built-in scenario.
func ScenarioByID(id string) (Scenario, error) {
	all, err := Scenarios()
	if err != nil {
		return Scenario{}, err
	}
	for _, s := range all {
		if s.ID == id {
			return s, nil
		}
	}
	return Scenario{}, fmt.Errorf("%w: %q", ErrNoScenario, id)
}

func valueOf(m *yaml.Node, key string) *yaml.Node {
	if m == nil || m.Kind != yaml.MappingNode {
		return nil
	}
	for i := 0; i+1 < len(m.Content); i += 2 {
		if m.Content[i].Value == key {
			return m.Content[i+1]
		}
	}
	return nil
}

func keyLine(m *yaml.Node, key string) int {
	if m != nil && m.Kind == yaml.MappingNode {
		for i := 0; i+1 < len(m.Content); i += 2 {
			if m.Content[i].Value == key {
				return m.Content[i].Line
			}
		}
	}
	if m != nil && m.Line > 0 {
		return m.Line
	}
	return 1
}

var _ scenario.Scenario[[]VariantResult] = Scenario{}

// About names the scenario for scenario.Scenario.
func (s Scenario) About() scenario.Info {
	return scenario.Info{ID: s.ID, Title: s.Title, Lesson: s.Lesson, TitleKo: s.TitleKo, LessonKo: s.LessonKo}
}
