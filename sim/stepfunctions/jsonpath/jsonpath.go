// Package jsonpath implements the subset of JSONPath that Amazon States
// Language accepts: `$`, `.name`, `['name']`, `[n]`, `[*]`, `[a:b]`, `..`,
// unions of indexes and filters such as `[?(@.price > 10)]`.
//
// Values are the ones encoding/json produces (with UseNumber or without):
// map[string]any, []any, string, json.Number or float64, bool and nil.
// Values are never mutated; Set copies the spine it rewrites.
package jsonpath

import (
	"errors"
	"fmt"
	"strconv"
	"strings"
)

// ErrNotFound is wrapped by Eval when a definite path selects nothing.
var ErrNotFound = errors.New("path not found")

type segKind int

const (
	segField segKind = iota
	segIndex
	segWild
	segSlice
	segFilter
	segUnion
)

type segment struct {
	kind      segKind
	name      string
	index     int
	indexes   []int
	names     []string
	lo, hi    int
	hasLo     bool
	hasHi     bool
	recursive bool
	filter    *filterExpr
}

// Path is a compiled JSONPath expression.
type Path struct {
	src     string
	context bool // starts with $$ (the context object)
	segs    []segment
}

// String returns the source text of the path.
func (p *Path) String() string { return p.src }

// Context reports whether the path starts with `$$` and so addresses the
// context object rather than the state input.
func (p *Path) Context() bool { return p.context }

// Definite reports whether the path can select at most one node; only such
// paths yield a single value instead of a list of matches.
func (p *Path) Definite() bool {
	for _, s := range p.segs {
		if s.recursive || (s.kind != segField && s.kind != segIndex) {
			return false
		}
	}
	return true
}

// Reference reports whether the path is a Reference Path in the spec's
// sense: only `.name`, `['name']` and non-negative `[n]` steps.
func (p *Path) Reference() bool {
	for _, s := range p.segs {
		if s.recursive || !(s.kind == segField || (s.kind == segIndex && s.index >= 0)) {
			return false
		}
	}
	return true
}

// Parse compiles a JSONPath. It accepts `$` and `$$` roots.
func Parse(src string) (*Path, error) {
	p := &Path{src: src}
	if !strings.HasPrefix(src, "$") {
		return nil, fmt.Errorf("path %q must start with '$'", src)
	}
	i := 1
	if strings.HasPrefix(src, "$$") {
		p.context = true
		i = 2
	}
	for i < len(src) {
		var seg segment
		var err error
		switch src[i] {
		case '.':
			i++
			if i < len(src) && src[i] == '.' {
				seg.recursive = true
				i++
				if i < len(src) && src[i] == '[' {
					seg, i, err = parseBracket(src, i)
					seg.recursive = true
					if err != nil {
						return nil, err
					}
					p.segs = append(p.segs, seg)
					continue
				}
			}
			j := i
			for j < len(src) && src[j] != '.' && src[j] != '[' {
				j++
			}
			name := src[i:j]
			if name == "" || strings.ContainsAny(name, "]'\"") {
				return nil, fmt.Errorf("path %q has a bad field name %q at offset %d", src, name, i)
			}
			if name == "*" {
				seg.kind = segWild
			} else {
				seg.kind, seg.name = segField, name
			}
			i = j
		case '[':
			seg, i, err = parseBracket(src, i)
			if err != nil {
				return nil, err
			}
		default:
			return nil, fmt.Errorf("path %q: unexpected %q at offset %d", src, src[i], i)
		}
		p.segs = append(p.segs, seg)
	}
	return p, nil
}

func parseBracket(src string, i int) (segment, int, error) {
	var seg segment
	end, err := matchBracket(src, i)
	if err != nil {
		return seg, 0, err
	}
	body := strings.TrimSpace(src[i+1 : end])
	next := end + 1
	switch {
	case body == "*":
		seg.kind = segWild
	case strings.HasPrefix(body, "?("):
		if !strings.HasSuffix(body, ")") {
			return seg, 0, fmt.Errorf("path %q: filter must end with ')'", src)
		}
		f, err := parseFilter(body[2 : len(body)-1])
		if err != nil {
			return seg, 0, fmt.Errorf("path %q: %w", src, err)
		}
		seg.kind, seg.filter = segFilter, f
	case strings.HasPrefix(body, "'") || strings.HasPrefix(body, "\""):
		names, err := splitQuoted(body)
		if err != nil {
			return seg, 0, fmt.Errorf("path %q: %w", src, err)
		}
		if len(names) == 1 {
			seg.kind, seg.name = segField, names[0]
		} else {
			seg.kind, seg.names = segUnion, names
		}
	case strings.Contains(body, ":"):
		parts := strings.SplitN(body, ":", 2)
		seg.kind = segSlice
		if s := strings.TrimSpace(parts[0]); s != "" {
			n, err := strconv.Atoi(s)
			if err != nil {
				return seg, 0, fmt.Errorf("path %q: bad slice start %q", src, s)
			}
			seg.lo, seg.hasLo = n, true
		}
		if s := strings.TrimSpace(parts[1]); s != "" {
			n, err := strconv.Atoi(s)
			if err != nil {
				return seg, 0, fmt.Errorf("path %q: bad slice end %q", src, s)
			}
			seg.hi, seg.hasHi = n, true
		}
	case strings.Contains(body, ","):
		seg.kind = segUnion
		for _, part := range strings.Split(body, ",") {
			n, err := strconv.Atoi(strings.TrimSpace(part))
			if err != nil {
				return seg, 0, fmt.Errorf("path %q: bad index %q", src, part)
			}
			seg.indexes = append(seg.indexes, n)
		}
	default:
		n, err := strconv.Atoi(body)
		if err != nil {
			return seg, 0, fmt.Errorf("path %q: bad index %q", src, body)
		}
		seg.kind, seg.index = segIndex, n
	}
	return seg, next, nil
}

// matchBracket finds the ']' closing the '[' at i, skipping quoted text and
// nested brackets inside filters.
func matchBracket(src string, i int) (int, error) {
	depth := 0
	var quote byte
	for j := i; j < len(src); j++ {
		c := src[j]
		switch {
		case quote != 0:
			if c == '\\' {
				j++
			} else if c == quote {
				quote = 0
			}
		case c == '\'' || c == '"':
			quote = c
		case c == '[':
			depth++
		case c == ']':
			depth--
			if depth == 0 {
				return j, nil
			}
		}
	}
	return 0, fmt.Errorf("path %q: unclosed '['", src)
}

func splitQuoted(body string) ([]string, error) {
	var names []string
	i := 0
	for i < len(body) {
		q := body[i]
		if q != '\'' && q != '"' {
			return nil, fmt.Errorf("expected a quoted name in [%s]", body)
		}
		var sb strings.Builder
		j := i + 1
		for ; j < len(body) && body[j] != q; j++ {
			if body[j] == '\\' && j+1 < len(body) {
				j++
			}
			sb.WriteByte(body[j])
		}
		if j >= len(body) {
			return nil, fmt.Errorf("unclosed quote in [%s]", body)
		}
		names = append(names, sb.String())
		i = j + 1
		for i < len(body) && (body[i] == ' ' || body[i] == ',') {
			i++
		}
	}
	if len(names) == 0 {
		return nil, errors.New("empty brackets")
	}
	return names, nil
}
