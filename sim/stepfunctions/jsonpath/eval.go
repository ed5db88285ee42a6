package jsonpath

import (
	"encoding/json"
	"fmt"
	"sort"
)

// MaxMatches bounds how many nodes one evaluation may select, so that a
// path such as `$..*..*..*` cannot blow up on a large document.
const MaxMatches = 10000

// Eval applies the path to root. A definite path returns the one node it
// selects, or an error wrapping ErrNotFound; any other path returns a
// []any of every match, possibly empty.
func (p *Path) Eval(root any) (any, error) {
	nodes := []any{root}
	for _, s := range p.segs {
		var next []any
		for _, n := range nodes {
			if s.recursive {
				for _, d := range descendants(n, nil) {
					next = s.apply(d, next)
				}
			} else {
				next = s.apply(n, next)
			}
			if len(next) > MaxMatches {
				return nil, fmt.Errorf("%s selects more than %d nodes", p.src, MaxMatches)
			}
		}
		nodes = next
	}
	if p.Definite() {
		if len(nodes) == 0 {
			return nil, fmt.Errorf("%w: %s", ErrNotFound, p.src)
		}
		return nodes[0], nil
	}
	if nodes == nil {
		nodes = []any{}
	}
	return nodes, nil
}

// Lookup is Eval for callers that only need to know whether a definite
// path is present (Choice's IsPresent).
func (p *Path) Lookup(root any) (any, bool) {
	v, err := p.Eval(root)
	return v, err == nil
}

func (s *segment) apply(n any, out []any) []any {
	switch s.kind {
	case segField:
		if m, ok := n.(map[string]any); ok {
			if v, ok := m[s.name]; ok {
				out = append(out, v)
			}
		}
	case segIndex:
		if a, ok := n.([]any); ok {
			i := s.index
			if i < 0 {
				i += len(a)
			}
			if i >= 0 && i < len(a) {
				out = append(out, a[i])
			}
		}
	case segWild:
		switch t := n.(type) {
		case []any:
			out = append(out, t...)
		case map[string]any:
			for _, k := range sortedKeys(t) {
				out = append(out, t[k])
			}
		}
	case segSlice:
		if a, ok := n.([]any); ok {
			lo, hi := 0, len(a)
			if s.hasLo {
				lo = clampIndex(s.lo, len(a))
			}
			if s.hasHi {
				hi = clampIndex(s.hi, len(a))
			}
			for i := lo; i < hi; i++ {
				out = append(out, a[i])
			}
		}
	case segUnion:
		if a, ok := n.([]any); ok {
			for _, i := range s.indexes {
				if i < 0 {
					i += len(a)
				}
				if i >= 0 && i < len(a) {
					out = append(out, a[i])
				}
			}
		}
		if m, ok := n.(map[string]any); ok {
			for _, k := range s.names {
				if v, ok := m[k]; ok {
					out = append(out, v)
				}
			}
		}
	case segFilter:
		switch t := n.(type) {
		case []any:
			for _, e := range t {
				if s.filter.match(e) {
					out = append(out, e)
				}
			}
		case map[string]any:
			for _, k := range sortedKeys(t) {
				if s.filter.match(t[k]) {
					out = append(out, t[k])
				}
			}
		}
	}
	return out
}

func clampIndex(i, n int) int {
	if i < 0 {
		i += n
	}
	if i < 0 {
		return 0
	}
	if i > n {
		return n
	}
	return i
}

// descendants lists n and every node below it in document order (object
// keys sorted, so results are deterministic).
func descendants(n any, out []any) []any {
	out = append(out, n)
	switch t := n.(type) {
	case []any:
		for _, e := range t {
			out = descendants(e, out)
		}
	case map[string]any:
		for _, k := range sortedKeys(t) {
			out = descendants(t[k], out)
		}
	}
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

// Set returns a copy of root with value placed at the reference path p,
// creating missing objects on the way. Only the objects and arrays along
// the path are copied; root itself is left untouched.
func Set(root any, p *Path, value any) (any, error) {
	if !p.Reference() {
		return nil, fmt.Errorf("%s is not a reference path", p.src)
	}
	return setAt(root, p.segs, value, p.src)
}

func setAt(node any, segs []segment, value any, src string) (any, error) {
	if len(segs) == 0 {
		return value, nil
	}
	s := segs[0]
	switch s.kind {
	case segField:
		var m map[string]any
		switch t := node.(type) {
		case nil:
			m = map[string]any{}
		case map[string]any:
			m = make(map[string]any, len(t)+1)
			for k, v := range t {
				m[k] = v
			}
		default:
			return nil, fmt.Errorf("cannot set field %q of a non-object value at %s", s.name, src)
		}
		v, err := setAt(m[s.name], segs[1:], value, src)
		if err != nil {
			return nil, err
		}
		m[s.name] = v
		return m, nil
	case segIndex:
		a, ok := node.([]any)
		if !ok || s.index >= len(a) {
			return nil, fmt.Errorf("index %d does not exist at %s", s.index, src)
		}
		c := append([]any(nil), a...)
		v, err := setAt(c[s.index], segs[1:], value, src)
		if err != nil {
			return nil, err
		}
		c[s.index] = v
		return c, nil
	}
	return nil, fmt.Errorf("%s is not a reference path", src)
}

// Number converts a JSON number in any of its decoded forms to float64.
func Number(v any) (float64, bool) {
	switch t := v.(type) {
	case json.Number:
		f, err := t.Float64()
		return f, err == nil
	case float64:
		return t, true
	case int:
		return float64(t), true
	case int64:
		return float64(t), true
	}
	return 0, false
}
