package stepfunctions

import (
	"bytes"
	"encoding/json"
	"fmt"
	"sort"
	"strings"

	"gopkg.in/yaml.v3"

	"github.com/saa-study/saa-study/sim/stepfunctions/jsonpath"
)

// WorkflowType is STANDARD or EXPRESS.
type WorkflowType string

// The two workflow types.
const (
	Standard WorkflowType = "STANDARD"
	Express  WorkflowType = "EXPRESS"
)

var stateFields = map[string][]string{
	"Pass":     {"Next", "End", "InputPath", "OutputPath", "ResultPath", "Parameters", "Result"},
	"Task":     {"Next", "End", "InputPath", "OutputPath", "ResultPath", "Parameters", "ResultSelector", "Resource", "TimeoutSeconds", "TimeoutSecondsPath", "HeartbeatSeconds", "HeartbeatSecondsPath", "Retry", "Catch", "Credentials"},
	"Choice":   {"InputPath", "OutputPath", "Choices", "Default"},
	"Wait":     {"Next", "End", "InputPath", "OutputPath", "Seconds", "Timestamp", "SecondsPath", "TimestampPath"},
	"Succeed":  {"InputPath", "OutputPath"},
	"Fail":     {"Error", "Cause", "ErrorPath", "CausePath"},
	"Parallel": {"Next", "End", "InputPath", "OutputPath", "ResultPath", "Parameters", "ResultSelector", "Branches", "Retry", "Catch"},
	"Map":      {"Next", "End", "InputPath", "OutputPath", "ResultPath", "Parameters", "ResultSelector", "ItemsPath", "ItemSelector", "Iterator", "ItemProcessor", "MaxConcurrency", "MaxConcurrencyPath", "Retry", "Catch"},
}

// unsupported are real ASL fields this simulator does not model; they are
// reported so that a learner knows the run would not be faithful.
var unsupported = map[string]string{
	"QueryLanguage":              "JSONata is not supported by this simulator; use JSONPath",
	"Arguments":                  "JSONata Arguments are not supported by this simulator",
	"Output":                     "JSONata Output is not supported by this simulator",
	"Assign":                     "workflow variables are not supported by this simulator",
	"ItemReader":                 "Distributed Map (ItemReader) is not supported by this simulator",
	"ResultWriter":               "Distributed Map (ResultWriter) is not supported by this simulator",
	"ItemBatcher":                "Distributed Map (ItemBatcher) is not supported by this simulator",
	"Label":                      "Distributed Map (Label) is not supported by this simulator",
	"ToleratedFailurePercentage": "Distributed Map failure tolerance is not supported by this simulator",
	"ToleratedFailureCount":      "Distributed Map failure tolerance is not supported by this simulator",
}

// builder collects problems while turning decoded JSON into a Machine.
type builder struct {
	problems []Problem
	names    map[string]bool
	typ      WorkflowType
}

func (b *builder) add(state, field, format string, args ...any) {
	b.problems = append(b.problems, Problem{State: state, Field: field, Message: fmt.Sprintf(format, args...)})
}

// Validate parses an ASL definition (JSON, or YAML) as a Standard workflow
// and reports every problem found. The Machine is nil when there are any.
func Validate(def []byte) (*Machine, []Problem) { return ValidateType(def, Standard) }

// ValidateType is Validate for a given workflow type: Express rejects the
// .sync and .waitForTaskToken integration patterns.
func ValidateType(def []byte, typ WorkflowType) (*Machine, []Problem) {
	doc, err := decode(def)
	if err != nil {
		return nil, []Problem{{Field: "", Message: "the definition is not valid JSON or YAML: " + err.Error()}}
	}
	top, ok := doc.(map[string]any)
	if !ok {
		return nil, []Problem{{Message: "the definition must be an object with StartAt and States"}}
	}
	b := &builder{names: map[string]bool{}, typ: typ}
	m := b.machine(top, "", "", true)
	if len(b.problems) > 0 {
		return nil, b.problems
	}
	return m, nil
}

// decode reads JSON, or YAML when the text does not start with '{'.
// Numbers become json.Number so that integers survive exactly.
func decode(data []byte) (any, error) {
	trimmed := bytes.TrimSpace(data)
	if len(trimmed) > 0 && trimmed[0] != '{' && trimmed[0] != '[' {
		var y any
		if err := yaml.Unmarshal(trimmed, &y); err != nil {
			return nil, err
		}
		j, err := json.Marshal(normalizeYAML(y))
		if err != nil {
			return nil, err
		}
		trimmed = j
	}
	return decodeJSON(trimmed)
}

func decodeJSON(data []byte) (any, error) {
	d := json.NewDecoder(bytes.NewReader(data))
	d.UseNumber()
	var v any
	if err := d.Decode(&v); err != nil {
		return nil, err
	}
	if d.More() {
		return nil, fmt.Errorf("unexpected data after the JSON value")
	}
	return v, nil
}

func normalizeYAML(v any) any {
	switch t := v.(type) {
	case map[string]any:
		for k, e := range t {
			t[k] = normalizeYAML(e)
		}
		return t
	case map[any]any:
		out := make(map[string]any, len(t))
		for k, e := range t {
			out[fmt.Sprint(k)] = normalizeYAML(e)
		}
		return out
	case []any:
		for i, e := range t {
			t[i] = normalizeYAML(e)
		}
	}
	return v
}

// machine builds a scope. owner/prefix locate problems of nested scopes
// (for example state "Fan out", field "Branches[1].StartAt").
func (b *builder) machine(m map[string]any, owner, prefix string, top bool) *Machine {
	out := &Machine{States: map[string]*State{}}
	allowed := map[string]bool{"StartAt": true, "States": true, "Comment": true}
	if top {
		allowed["Version"], allowed["TimeoutSeconds"] = true, true
	} else {
		allowed["ProcessorConfig"] = true
	}
	for _, k := range sortedKeys(m) {
		if msg, ok := unsupported[k]; ok {
			b.add(owner, prefix+k, "%s", msg)
		} else if !allowed[k] {
			b.add(owner, prefix+k, "unknown field %q", k)
		}
	}
	if pc, ok := m["ProcessorConfig"].(map[string]any); ok {
		if mode, _ := pc["Mode"].(string); mode == "DISTRIBUTED" {
			b.add(owner, prefix+"ProcessorConfig.Mode", "Distributed Map is not supported by this simulator; use INLINE")
		}
	}
	out.Comment, _ = m["Comment"].(string)
	if t, ok := m["TimeoutSeconds"]; ok {
		n, ok := positiveInt(t)
		if !ok {
			b.add(owner, prefix+"TimeoutSeconds", "TimeoutSeconds must be a positive integer")
		}
		out.TimeoutSeconds = n
	}
	start, ok := m["StartAt"].(string)
	if !ok || start == "" {
		b.add(owner, prefix+"StartAt", "StartAt is required and must name a state")
	}
	out.StartAt = start
	states, ok := m["States"].(map[string]any)
	if !ok || len(states) == 0 {
		b.add(owner, prefix+"States", "States is required and must hold at least one state")
		return out
	}
	for _, name := range sortedKeys(states) {
		if b.names[name] {
			b.add(name, "", "state name %q is used more than once in the state machine", name)
		}
		b.names[name] = true
		sm, ok := states[name].(map[string]any)
		if !ok {
			b.add(name, "", "a state must be an object")
			continue
		}
		out.States[name] = b.state(name, sm)
	}
	b.checkGraph(out, owner, prefix)
	return out
}

func sortedKeys(m map[string]any) []string {
	keys := make([]string, 0, len(m))
	for k := range m {
		keys = append(keys, k)
	}
	sort.Strings(keys)
	return keys
}

func positiveInt(v any) (int, bool) {
	f, ok := jsonpath.Number(v)
	if !ok || f != float64(int64(f)) || f <= 0 || f > 1e9 {
		return 0, false
	}
	return int(f), true
}

func nonNegInt(v any) (int, bool) {
	f, ok := jsonpath.Number(v)
	if !ok || f != float64(int64(f)) || f < 0 || f > 1e9 {
		return 0, false
	}
	return int(f), true
}

// pathField parses InputPath/OutputPath/ItemsPath/ResultPath style fields.
func (b *builder) pathField(st string, m map[string]any, field string, reference bool) optPath {
	v, ok := m[field]
	if !ok {
		return optPath{}
	}
	if v == nil {
		return optPath{set: true, null: true}
	}
	s, ok := v.(string)
	if !ok {
		b.add(st, field, "%s must be a path string or null", field)
		return optPath{}
	}
	p, err := jsonpath.Parse(s)
	if err != nil {
		b.add(st, field, "invalid JSONPath: %v", err)
		return optPath{}
	}
	if reference && (!p.Reference() || p.Context()) {
		b.add(st, field, "%s must be a reference path (only .field, ['field'] and [n] steps): %q", field, s)
		return optPath{}
	}
	return optPath{set: true, path: p}
}

func (b *builder) refPath(st string, m map[string]any, field string) *jsonpath.Path {
	v, ok := m[field]
	if !ok {
		return nil
	}
	s, _ := v.(string)
	p, err := jsonpath.Parse(s)
	if err != nil || !p.Reference() {
		b.add(st, field, "%s must be a reference path such as $.field", field)
		return nil
	}
	return p
}

func (b *builder) str(st string, m map[string]any, field string) string {
	v, ok := m[field]
	if !ok {
		return ""
	}
	s, ok := v.(string)
	if !ok || s == "" {
		b.add(st, field, "%s must be a non-empty string", field)
	}
	return s
}

func (b *builder) templ(st string, m map[string]any, field string) *template {
	v, ok := m[field]
	if !ok {
		return nil
	}
	return compileTemplate(v, field, func(f, msg string) { b.add(st, f, "%s", msg) })
}

func isCallbackOrSync(resource string) bool {
	return strings.HasSuffix(resource, ".waitForTaskToken") || strings.HasSuffix(resource, ".sync") || strings.Contains(resource, ".sync:")
}
