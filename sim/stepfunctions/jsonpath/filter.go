package jsonpath

import (
	"encoding/json"
	"fmt"
	"strconv"
	"strings"
)

// filterExpr is a disjunction of conjunctions of comparisons: the shape of
// `?(@.a > 1 && @.b == 'x' || @.c)`. Parentheses inside are not supported,
// which matches what AWS documents for Step Functions filters.
type filterExpr struct {
	or [][]cmp
}

type cmp struct {
	left  *Path // relative to the current item (@ rewritten to $)
	op    string
	right any
	rpath *Path
}

var filterOps = []string{"==", "!=", "<=", ">=", "<", ">"}

func parseFilter(src string) (*filterExpr, error) {
	f := &filterExpr{}
	for _, alt := range splitOutsideQuotes(src, "||") {
		var conj []cmp
		for _, term := range splitOutsideQuotes(alt, "&&") {
			c, err := parseCmp(strings.TrimSpace(term))
			if err != nil {
				return nil, err
			}
			conj = append(conj, c)
		}
		f.or = append(f.or, conj)
	}
	return f, nil
}

func parseCmp(term string) (cmp, error) {
	var c cmp
	if !strings.HasPrefix(term, "@") {
		return c, fmt.Errorf("filter term %q must start with '@'", term)
	}
	opAt, op := -1, ""
	var quote byte
	for i := 0; i < len(term) && opAt < 0; i++ {
		ch := term[i]
		if quote != 0 {
			if ch == quote {
				quote = 0
			}
			continue
		}
		if ch == '\'' || ch == '"' {
			quote = ch
			continue
		}
		for _, o := range filterOps {
			if strings.HasPrefix(term[i:], o) {
				opAt, op = i, o
				break
			}
		}
	}
	lhs := term
	if opAt >= 0 {
		lhs = strings.TrimSpace(term[:opAt])
	}
	p, err := Parse("$" + lhs[1:])
	if err != nil {
		return c, fmt.Errorf("filter term %q: %w", term, err)
	}
	c.left, c.op = p, op
	if opAt < 0 {
		return c, nil
	}
	rhs := strings.TrimSpace(term[opAt+len(op):])
	switch {
	case strings.HasPrefix(rhs, "@"):
		rp, err := Parse("$" + rhs[1:])
		if err != nil {
			return c, fmt.Errorf("filter term %q: %w", term, err)
		}
		c.rpath = rp
	case len(rhs) >= 2 && (rhs[0] == '\'' || rhs[0] == '"') && rhs[len(rhs)-1] == rhs[0]:
		c.right = rhs[1 : len(rhs)-1]
	case rhs == "true" || rhs == "false":
		c.right = rhs == "true"
	case rhs == "null":
		c.right = nil
	default:
		if _, err := strconv.ParseFloat(rhs, 64); err != nil {
			return c, fmt.Errorf("filter term %q: bad literal %q", term, rhs)
		}
		c.right = json.Number(rhs)
	}
	return c, nil
}

func splitOutsideQuotes(s, sep string) []string {
	var parts []string
	var quote byte
	start := 0
	for i := 0; i < len(s); i++ {
		ch := s[i]
		if quote != 0 {
			if ch == quote {
				quote = 0
			}
			continue
		}
		if ch == '\'' || ch == '"' {
			quote = ch
			continue
		}
		if strings.HasPrefix(s[i:], sep) {
			parts = append(parts, s[start:i])
			i += len(sep) - 1
			start = i + 1
		}
	}
	return append(parts, s[start:])
}

func (f *filterExpr) match(item any) bool {
	for _, conj := range f.or {
		ok := true
		for _, c := range conj {
			if !c.match(item) {
				ok = false
				break
			}
		}
		if ok {
			return true
		}
	}
	return false
}

func (c *cmp) match(item any) bool {
	lv, err := c.left.Eval(item)
	if err != nil {
		return false
	}
	if c.op == "" {
		return lv != nil && lv != false
	}
	rv := c.right
	if c.rpath != nil {
		if rv, err = c.rpath.Eval(item); err != nil {
			return false
		}
	}
	if lf, ok := Number(lv); ok {
		rf, ok := Number(rv)
		if !ok {
			return c.op == "!="
		}
		return compareOrdered(lf < rf, lf == rf, c.op)
	}
	if ls, ok := lv.(string); ok {
		rs, ok := rv.(string)
		if !ok {
			return c.op == "!="
		}
		return compareOrdered(ls < rs, ls == rs, c.op)
	}
	eq := fmt.Sprint(lv) == fmt.Sprint(rv)
	switch c.op {
	case "==":
		return eq
	case "!=":
		return !eq
	}
	return false
}

func compareOrdered(less, equal bool, op string) bool {
	switch op {
	case "==":
		return equal
	case "!=":
		return !equal
	case "<":
		return less
	case "<=":
		return less || equal
	case ">":
		return !less && !equal
	case ">=":
		return !less
	}
	return false
}
