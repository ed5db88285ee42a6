package stepfunctions

import (
	"embed"
	"encoding/json"
	"slices"
	"sort"
	"strings"
)

//go:embed examples/*.json
var exampleFS embed.FS

// Example is an embedded state machine with its mocks and a sample input.
type Example struct {
	Name       string          `json:"name"`
	Comment    string          `json:"comment"`
	Definition json.RawMessage `json:"definition"`
	Mocks      json.RawMessage `json:"mocks"`
	Input      json.RawMessage `json:"input"`
}

// Examples lists the embedded examples by name: approval, choice, map,
// parallel, retry, saga.
func Examples() []Example {
	entries, err := exampleFS.ReadDir("examples")
	if err != nil {
		return nil
	}
	byName := map[string]*Example{}
	for _, ent := range entries {
		name, kind, ok := exampleFile(ent.Name())
		if !ok {
			continue
		}
		data, err := exampleFS.ReadFile("examples/" + ent.Name())
		if err != nil {
			continue
		}
		ex := byName[name]
		if ex == nil {
			ex = &Example{Name: name}
			byName[name] = ex
		}
		switch kind {
		case "asl":
			ex.Definition = data
			var head struct{ Comment string }
			_ = json.Unmarshal(data, &head)
			ex.Comment = head.Comment
		case "mocks":
			ex.Mocks = data
		case "input":
			ex.Input = data
		}
	}
	out := make([]Example, 0, len(byName))
	for _, ex := range byName {
		out = append(out, *ex)
	}
	sort.Slice(out, func(i, j int) bool { return out[i].Name < out[j].Name })
	return out
}

// ExampleNames lists the names of the embedded examples, sorted, from
// their file names alone: a command's help names them on every start,
// where Examples would read and decode every definition.
func ExampleNames() []string {
	entries, err := exampleFS.ReadDir("examples")
	if err != nil {
		return nil
	}
	var out []string
	for _, ent := range entries {
		if name, _, ok := exampleFile(ent.Name()); ok {
			out = append(out, name)
		}
	}
	sort.Strings(out)
	return slices.Compact(out)
}

// exampleFile reads an example's file name, NAME.KIND.json (KIND is asl,
// mocks or input).
func exampleFile(file string) (name, kind string, ok bool) {
	return strings.Cut(strings.TrimSuffix(file, ".json"), ".")
}

// ExampleByName finds one embedded example.
func ExampleByName(name string) (Example, bool) {
	for _, ex := range Examples() {
		if ex.Name == name {
			return ex, true
		}
	}
	return Example{}, false
}
