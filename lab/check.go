// Package lab runs simulator challenges: a content.Lab's settings go into
// its engine, and its goal — checks written in a small language — is
// evaluated on the engine's result.
//
// A check is `metric op operand`:
//
//	throttled == 0
//	latency_p99_ms <= target_ms
//	cost.total_usd <= budget_usd
//	status == "SUCCEEDED"
//	peak_db_conns <= rdsproxy.max_connections_demo
//
// metric is a field of the engine's result, by its JSON name; nested
// fields are joined with dots. op is one of == != < <= > >=. operand is a
// number, a "quoted string", the name of one of the lab's settings or
// given values, or a fact id.
package lab

import (
	"fmt"
	"math"
	"regexp"
	"strconv"
	"strings"
)

// Check is one parsed goal.
type Check struct {
	Metric  string
	Op      string
	Operand Operand
	Src     string
}

// Operand is the right-hand side of a check: a number, a string, or a
// name resolved against the lab (a setting, a given value, a fact).
type Operand struct {
	Num   float64
	Str   string
	IsStr bool
	Ref   string
}

var (
	checkRe  = regexp.MustCompile(`^\s*([a-z][a-z0-9_]*(?:\.[a-z0-9_-]+)*)\s*(==|!=|<=|>=|<|>)\s*(.+?)\s*$`)
	refRe    = regexp.MustCompile(`^[a-z][a-z0-9_]*(?:\.[a-z0-9_]+)*$`)
	numberRe = regexp.MustCompile(`^-?[0-9]+(?:\.[0-9]+)?$`)
)

// ParseCheck reads one check.
func ParseCheck(s string) (Check, error) {
	m := checkRe.FindStringSubmatch(s)
	if m == nil {
		return Check{}, fmt.Errorf("%q is not a check: write metric op value, e.g. throttled == 0 (op is one of == != < <= > >=)", s)
	}
	c := Check{Metric: m[1], Op: m[2], Src: strings.TrimSpace(s)}
	rhs := m[3]
	switch {
	case numberRe.MatchString(rhs):
		c.Operand.Num, _ = strconv.ParseFloat(rhs, 64)
	case len(rhs) >= 2 && rhs[0] == '"' && rhs[len(rhs)-1] == '"':
		c.Operand.Str, c.Operand.IsStr = rhs[1:len(rhs)-1], true
		if c.Op != "==" && c.Op != "!=" {
			return Check{}, fmt.Errorf("%q: a string is compared with == or != only", s)
		}
	case refRe.MatchString(rhs):
		c.Operand.Ref = rhs
	default:
		return Check{}, fmt.Errorf("%q: %q is neither a number, a \"string\" nor a name", s, rhs)
	}
	return c, nil
}

// Resolver gives the number a name stands for (a setting, a given value,
// a fact), and what to call it when showing the goal.
type Resolver func(name string) (float64, bool)

// Result is one check after a run.
type Result struct {
	Name string `json:"name"`
	Want string `json:"want"`
	Got  string `json:"got"`
	OK   bool   `json:"ok"`
}

// Eval evaluates a check on a flattened result.
func (c Check) Eval(metrics map[string]any, resolve Resolver) (Result, error) {
	r := Result{Name: c.Metric}
	got, ok := metrics[c.Metric]
	if !ok {
		return r, fmt.Errorf("%q: the result has no %q (it has %s)", c.Src, c.Metric, strings.Join(Names(metrics), ", "))
	}
	if c.Operand.IsStr {
		s := fmt.Sprint(got)
		r.Want, r.Got = c.Op+" "+c.Operand.Str, s
		r.OK = (s == c.Operand.Str) == (c.Op == "==")
		return r, nil
	}
	want := c.Operand.Num
	if c.Operand.Ref != "" {
		v, ok := resolve(c.Operand.Ref)
		if !ok {
			return r, fmt.Errorf("%q: %q is not a setting, a given value or a fact with a number", c.Src, c.Operand.Ref)
		}
		want = v
	}
	g, ok := toFloat(got)
	if !ok {
		return r, fmt.Errorf("%q: %q is %v, not a number", c.Src, c.Metric, got)
	}
	r.Want, r.Got = c.Op+" "+Num(want), Num(g)
	switch c.Op {
	case "==":
		r.OK = g == want
	case "!=":
		r.OK = g != want
	case "<":
		r.OK = g < want
	case "<=":
		r.OK = g <= want
	case ">":
		r.OK = g > want
	case ">=":
		r.OK = g >= want
	}
	return r, nil
}

func toFloat(v any) (float64, bool) {
	switch x := v.(type) {
	case float64:
		return x, true
	case bool:
		if x {
			return 1, true
		}
		return 0, true
	}
	return 0, false
}

// Num formats a figure for a check: thousands separated, at most four
// decimals, no trailing zeros.
func Num(v float64) string {
	if math.IsInf(v, 0) || math.IsNaN(v) {
		return fmt.Sprint(v)
	}
	s := strconv.FormatFloat(v, 'f', 4, 64)
	s = strings.TrimRight(strings.TrimRight(s, "0"), ".")
	intPart, frac, _ := strings.Cut(s, ".")
	neg := strings.HasPrefix(intPart, "-")
	intPart = strings.TrimPrefix(intPart, "-")
	var b strings.Builder
	for i, d := range intPart {
		if i > 0 && (len(intPart)-i)%3 == 0 {
			b.WriteByte(',')
		}
		b.WriteRune(d)
	}
	out := b.String()
	if frac != "" {
		out += "." + frac
	}
	if neg {
		out = "-" + out
	}
	return out
}
