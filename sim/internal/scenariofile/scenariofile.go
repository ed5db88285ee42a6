// Package scenariofile holds what every simulator's YAML scenarios share:
// loading the shipped files, and finding the line a problem is on.
package scenariofile

import (
	"bytes"
	"errors"
	"fmt"
	"io"
	"io/fs"
	"path"
	"regexp"
	"sort"
	"strconv"
	"strings"

	"gopkg.in/yaml.v3"

	"github.com/saa-study/saa-study/sim/scenario"
)

// LoadAll parses every file of fsys matching glob and returns the
// scenarios sorted by id. An error names the file it comes from.
func LoadAll[S any](fsys fs.FS, glob string, parse func([]byte) (S, error), id func(S) string) ([]S, error) {
	names, err := fs.Glob(fsys, glob)
	if err != nil {
		return nil, fmt.Errorf("listing scenarios: %w", err)
	}
	out := make([]S, 0, len(names))
	for _, n := range names {
		b, err := fs.ReadFile(fsys, n)
		if err != nil {
			return nil, fmt.Errorf("reading %s: %w", n, err)
		}
		s, err := parse(b)
		if err != nil {
			return nil, fmt.Errorf("%s: %w", path.Base(n), err)
		}
		out = append(out, s)
	}
	sort.Slice(out, func(i, j int) bool { return id(out[i]) < id(out[j]) })
	return out, nil
}

// LineOf follows mapping keys (string) and sequence indexes (int) from the
// document root and returns the line of the deepest node it reaches.
func LineOf(root *yaml.Node, p ...any) int {
	n := root
	if n.Kind == yaml.DocumentNode && len(n.Content) > 0 {
		n = n.Content[0]
	}
	line := n.Line
	for _, k := range p {
		var next *yaml.Node
		switch k := k.(type) {
		case string:
			if n.Kind == yaml.MappingNode {
				for i := 0; i+1 < len(n.Content); i += 2 {
					if n.Content[i].Value == k {
						next = n.Content[i+1]
						line = n.Content[i].Line
						break
					}
				}
			}
		case int:
			if n.Kind == yaml.SequenceNode && k < len(n.Content) {
				next = n.Content[k]
				line = next.Line
			}
		}
		if next == nil {
			return line
		}
		n = next
	}
	return line
}

// Decode reads a scenario file into s strictly (an unknown field is an
// error) and returns its node tree for LineOf. Errors are *scenario.Error
// with the line yaml names; an empty file is refused.
func Decode[S any](data []byte, s *S) (*yaml.Node, error) {
	var root yaml.Node
	if err := yaml.Unmarshal(data, &root); err != nil {
		return nil, yamlErr(err)
	}
	if len(root.Content) == 0 {
		return nil, &scenario.Error{Line: 1, Msg: "empty scenario"}
	}
	dec := yaml.NewDecoder(bytes.NewReader(data))
	dec.KnownFields(true)
	if err := dec.Decode(s); err != nil && !errors.Is(err, io.EOF) {
		return nil, yamlErr(err)
	}
	return &root, nil
}

func yamlErr(err error) error {
	line, msg := YAMLError(err)
	return &scenario.Error{Line: line, Msg: msg, Err: err}
}

// YAMLError splits a yaml.v3 error into the line it names (1 when none)
// and the message without yaml's prefixes.
func YAMLError(err error) (line int, msg string) {
	var te *yaml.TypeError
	line = 1
	msg = err.Error()
	if errors.As(err, &te) && len(te.Errors) > 0 {
		msg = te.Errors[0]
		fmt.Sscanf(msg, "line %d:", &line)
		if _, after, ok := strings.Cut(msg, ": "); ok {
			msg = after
		}
	} else {
		fmt.Sscanf(msg, "yaml: line %d:", &line)
	}
	return line, msg
}

var (
	yamlLine   = regexp.MustCompile(`line (\d+)`)
	yamlPrefix = regexp.MustCompile(`^yaml: (unmarshal errors:\n\s*)?`)
	leadPunct  = regexp.MustCompile(`^[:\s]+`)
)

// LineError is a yaml.v3 error as a scenario error: on the line it names
// (1 when none), its message stripped of yaml's prefix and of the line.
func LineError(err error) *scenario.Error {
	msg := err.Error()
	var te *yaml.TypeError
	if errors.As(err, &te) && len(te.Errors) > 0 {
		msg = te.Errors[0]
	}
	msg = yamlPrefix.ReplaceAllString(msg, "")
	if m := yamlLine.FindStringSubmatch(msg); m != nil {
		n, _ := strconv.Atoi(m[1])
		return &scenario.Error{Line: n, Msg: leadPunct.ReplaceAllString(yamlLine.ReplaceAllString(msg, ""), ""), Err: err}
	}
	if msg == "EOF" {
		return &scenario.Error{Line: 1, Msg: "scenario is empty", Err: err}
	}
	return &scenario.Error{Line: 1, Msg: msg, Err: err}
}
