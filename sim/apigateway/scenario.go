package apigateway

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

// Scenario is an API, the traffic sent to it and the lesson. Variants rerun
// it with one knob changed. See SCENARIOS.md.
type Scenario struct {
	ID       string    `json:"id" yaml:"id"`
	Title    string    `json:"title" yaml:"title"`
	API      API       `json:"api" yaml:"api"`
	Traffic  Traffic   `json:"traffic" yaml:"traffic"`
	Seed     uint64    `json:"seed,omitempty" yaml:"seed"`
	Variants []Variant `json:"variants,omitempty" yaml:"variants"`
	Lesson   string    `json:"lesson" yaml:"lesson"`
	// TitleKo and LessonKo are the Korean title and lesson.
	TitleKo    string `json:"title_ko,omitempty" yaml:"title_ko"`
	LessonKo   string `json:"lesson_ko,omitempty" yaml:"lesson_ko"`
	ExpectFact string `json:"expect_fact,omitempty" yaml:"expect_fact"`
}

// Variant changes knobs across the whole API; nil fields leave it alone.
type Variant struct {
	Label string `json:"label" yaml:"label"`
	// CacheTTLS sets every stage's cache (0 turns it off).
	CacheTTLS *int `json:"cache_ttl_s,omitempty" yaml:"cache_ttl_s"`
	// AuthorizerTTLS sets every authorizer's result TTL.
	AuthorizerTTLS *int `json:"authorizer_ttl_s,omitempty" yaml:"authorizer_ttl_s"`
	// StageThrottle sets every stage's throttle.
	StageThrottle *Throttle `json:"stage_throttle,omitempty" yaml:"stage_throttle"`
	// QuotaLimit sets every usage plan's quota limit.
	QuotaLimit *int64 `json:"quota_limit,omitempty" yaml:"quota_limit"`
}

// Apply returns the API with the variant's knobs set.
func (v Variant) Apply(a API) API {
	a.Stages = append([]Stage(nil), a.Stages...)
	for i := range a.Stages {
		if v.CacheTTLS != nil {
			ttl := *v.CacheTTLS
			a.Stages[i].CacheEnabled, a.Stages[i].CacheTTLS = ttl > 0, &ttl
		}
		if v.StageThrottle != nil {
			a.Stages[i].Throttle = *v.StageThrottle
		}
	}
	a.Authorizers = append([]Authorizer(nil), a.Authorizers...)
	for i := range a.Authorizers {
		if v.AuthorizerTTLS != nil {
			ttl := *v.AuthorizerTTLS
			a.Authorizers[i].TTLS = &ttl
		}
	}
	a.UsagePlans = append([]UsagePlan(nil), a.UsagePlans...)
	for i := range a.UsagePlans {
		if v.QuotaLimit != nil && a.UsagePlans[i].Quota != nil {
			q := *a.UsagePlans[i].Quota
			q.Limit = *v.QuotaLimit
			a.UsagePlans[i].Quota = &q
		}
	}
	return a
}

// VariantResult pairs a variant label with its result.
type VariantResult struct {
	Label  string `json:"label"`
	Result Result `json:"result"`
}

// Run simulates the scenario once per variant (once if none).
func (s Scenario) Run() ([]VariantResult, error) {
	vs := s.Variants
	if len(vs) == 0 {
		vs = []Variant{{Label: s.ID}}
	}
	out := make([]VariantResult, 0, len(vs))
	for _, v := range vs {
		r, err := Simulate(v.Apply(s.API), s.Traffic, s.Seed)
		if err != nil {
			return nil, fmt.Errorf("scenario %s, variant %s: %w", s.ID, v.Label, err)
		}
		out = append(out, VariantResult{Label: v.Label, Result: r})
	}
	return out, nil
}

// (Compiled on first use: the counted repeat makes a large program, and a
// start that loads no scenario should not pay for it.)
var idPattern = sync.OnceValue(func() *regexp.Regexp { return regexp.MustCompile(`^[a-z0-9][a-z0-9-]{0,63}$`) })

// ParseScenario reads a YAML (or JSON) scenario. Errors start "line N: ".
func ParseScenario(data []byte) (s Scenario, err error) {
	defer func() {
		if r := recover(); r != nil { // the YAML library must never take the program down
			s, err = Scenario{}, scenario.Errorf(1, "scenario could not be parsed: %v", r)
		}
	}()
	if len(data) > 1<<20 {
		return Scenario{}, scenario.Errorf(1, "scenario is %d bytes; the limit is 1 MiB", len(data))
	}
	dec := yaml.NewDecoder(bytes.NewReader(data))
	dec.KnownFields(true)
	if err := dec.Decode(&s); err != nil {
		return Scenario{}, scenariofile.LineError(err)
	}
	var root yaml.Node
	_ = yaml.Unmarshal(data, &root)
	doc := &root
	if doc.Kind == yaml.DocumentNode && len(doc.Content) > 0 {
		doc = doc.Content[0]
	}
	at := func(key string) int { return keyLine(doc, key) }
	switch {
	case !idPattern().MatchString(s.ID):
		return Scenario{}, scenario.Errorf(at("id"), "id %q must be 1-64 lowercase letters, digits or dashes", s.ID)
	case s.Title == "":
		return Scenario{}, scenario.Errorf(at("id"), "title is required")
	case s.Lesson == "":
		return Scenario{}, scenario.Errorf(at("id"), "lesson is required: say what the learner should see")
	case len(s.Variants) > 10:
		return Scenario{}, scenario.Errorf(at("variants"), "at most 10 variants")
	}
	if err := s.API.Validate(DefaultLimits()); err != nil {
		return Scenario{}, scenario.Errorf(at("api"), "api: %w", err)
	}
	if err := checkTraffic(s.Traffic); err != nil {
		return Scenario{}, scenario.Errorf(at("traffic"), "traffic: %w", err)
	}
	for i, v := range s.Variants {
		if v.Label == "" {
			return Scenario{}, scenario.Errorf(at("variants"), "variant %d needs a label", i+1)
		}
		if err := v.Apply(s.API).Validate(DefaultLimits()); err != nil {
			return Scenario{}, scenario.Errorf(at("variants"), "variant %q: %w", v.Label, err)
		}
	}
	return s, nil
}

func checkTraffic(t Traffic) error {
	if len(t.Phases) == 0 || len(t.Phases) > 100 {
		return badRequest("Traffic needs 1 to 100 phases; it has %d.", len(t.Phases))
	}
	total := 0.0
	for i, p := range t.Phases {
		if p.StartS < 0 || p.Seconds < 0 || p.RPS < 0 || p.StartS+p.Seconds > 7*24*3600 || p.RPS > 1e6 || p.StartS != p.StartS || p.Seconds != p.Seconds || p.RPS != p.RPS {
			return badRequest("Traffic phase %d must have start, seconds and rps of 0 or more, within a week and 1,000,000 rps.", i+1)
		}
		total += p.RPS * p.Seconds
	}
	if total > maxSimRequests {
		return badRequest("Traffic sends %.0f requests; the limit is %d.", total, maxSimRequests)
	}
	if t.DistinctIDs < 0 || t.DistinctIDs > 1_000_000 || len(t.Tokens) > 10_000 {
		return badRequest("distinct_ids must be 0..1000000 and tokens at most 10000.")
	}
	return nil
}

//go:embed scenarios/*.yaml
var embedded embed.FS

// Scenarios returns the built-in scenarios sorted by id.
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

func keyLine(m *yaml.Node, key string) int {
	if m != nil && m.Kind == yaml.MappingNode {
		for i := 0; i+1 < len(m.Content); i += 2 {
			if m.Content[i].Value == key {
				return m.Content[i].Line
			}
		}
	}
	return 1
}

var _ scenario.Scenario[[]VariantResult] = Scenario{}

// About names the scenario for scenario.Scenario.
func (s Scenario) About() scenario.Info {
	return scenario.Info{ID: s.ID, Title: s.Title, Lesson: s.Lesson, TitleKo: s.TitleKo, LessonKo: s.LessonKo}
}
