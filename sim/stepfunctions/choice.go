package stepfunctions

import (
	"fmt"
	"sort"
	"strings"
	"time"

	"github.com/saa-study/saa-study/sim/stepfunctions/jsonpath"
)

// operand kinds of the comparison operators.
const (
	kString = "string"
	kNumber = "number"
	kBool   = "boolean"
	kTime   = "timestamp"
)

var comparisonOps = map[string]string{}

func init() {
	for _, kind := range []string{"String", "Numeric", "Timestamp"} {
		k := map[string]string{"String": kString, "Numeric": kNumber, "Timestamp": kTime}[kind]
		for _, rel := range []string{"Equals", "LessThan", "GreaterThan", "LessThanEquals", "GreaterThanEquals"} {
			comparisonOps[kind+rel] = k
			comparisonOps[kind+rel+"Path"] = "path"
		}
	}
	comparisonOps["StringMatches"] = kString
	comparisonOps["BooleanEquals"] = kBool
	comparisonOps["BooleanEqualsPath"] = "path"
	for _, is := range []string{"IsNull", "IsPresent", "IsNumeric", "IsString", "IsBoolean", "IsTimestamp"} {
		comparisonOps[is] = kBool
	}
}

type choiceRule struct {
	next     string
	variable *jsonpath.Path
	op       string
	operand  any
	opPath   *jsonpath.Path
	ts       time.Time
	subs     []*choiceRule
}

func choiceLabel(i int) string { return fmt.Sprintf("Choices[%d]", i) }

func catchLabel(i int, errs []string) string {
	return fmt.Sprintf("Catch[%d] %s", i, strings.Join(errs, ","))
}

// parseRule builds a rule and reports problems under field.
func parseRule(v any, field string, top bool, add func(field, msg string)) *choiceRule {
	m, ok := v.(map[string]any)
	if !ok {
		add(field, "a choice rule must be an object")
		return &choiceRule{}
	}
	r := &choiceRule{}
	if n, ok := m["Next"]; ok {
		s, _ := n.(string)
		if !top {
			add(field+".Next", "only top-level choice rules may have Next")
		} else if s == "" {
			add(field+".Next", "Next must be a non-empty string")
		}
		r.next = s
	} else if top {
		add(field+".Next", "a top-level choice rule must have Next")
	}
	var ops []string
	for k := range m {
		switch k {
		case "Next", "Comment", "Variable":
		case "And", "Or", "Not":
			ops = append(ops, k)
		default:
			if _, ok := comparisonOps[k]; ok {
				ops = append(ops, k)
			} else {
				add(field+"."+k, "unknown field in a choice rule")
			}
		}
	}
	sort.Strings(ops)
	if len(ops) != 1 {
		add(field, fmt.Sprintf("a choice rule needs exactly one operator, found %d %v", len(ops), ops))
		if len(ops) == 0 {
			return r
		}
	}
	r.op = ops[0]
	of := field + "." + r.op
	switch r.op {
	case "And", "Or":
		list, ok := m[r.op].([]any)
		if !ok || len(list) == 0 {
			add(of, r.op+" must be a non-empty array of rules")
		}
		for i, e := range list {
			r.subs = append(r.subs, parseRule(e, fmt.Sprintf("%s[%d]", of, i), false, add))
		}
		if _, ok := m["Variable"]; ok {
			add(field+".Variable", r.op+" rules take no Variable")
		}
		return r
	case "Not":
		r.subs = []*choiceRule{parseRule(m["Not"], of, false, add)}
		if _, ok := m["Variable"]; ok {
			add(field+".Variable", "Not rules take no Variable")
		}
		return r
	}
	vs, ok := m["Variable"].(string)
	if !ok {
		add(field+".Variable", "a comparison needs Variable, a path string")
	} else if p, err := jsonpath.Parse(vs); err != nil {
		add(field+".Variable", "invalid JSONPath: "+err.Error())
	} else {
		r.variable = p
	}
	val := m[r.op]
	switch kind := comparisonOps[r.op]; kind {
	case "path":
		s, ok := val.(string)
		if p, err := jsonpath.Parse(s); !ok || err != nil || !p.Reference() {
			add(of, "must be a reference path such as $.field")
		} else {
			r.opPath = p
		}
	case kString:
		if _, ok := val.(string); !ok {
			add(of, r.op+" needs a string")
		}
		r.operand = val
	case kNumber:
		if _, ok := jsonpath.Number(val); !ok {
			add(of, r.op+" needs a number")
		}
		r.operand = val
	case kBool:
		if _, ok := val.(bool); !ok {
			add(of, r.op+" needs true or false")
		}
		r.operand = val
	case kTime:
		s, _ := val.(string)
		t, err := time.Parse(time.RFC3339, s)
		if err != nil {
			add(of, r.op+" needs an RFC 3339 timestamp such as 2016-03-14T01:59:00Z")
		}
		r.ts, r.operand = t, val
	}
	return r
}

// eval tests the rule against the Choice state's effective input.
func (r *choiceRule) eval(input any) (bool, *Failure) {
	switch r.op {
	case "And", "Or":
		for _, s := range r.subs {
			ok, f := s.eval(input)
			if f != nil {
				return false, f
			}
			if ok == (r.op == "Or") {
				return ok, nil
			}
		}
		return r.op == "And", nil
	case "Not":
		ok, f := r.subs[0].eval(input)
		return !ok, f
	}
	if r.variable == nil {
		return false, nil
	}
	v, err := r.variable.Eval(input)
	if r.op == "IsPresent" {
		return (err == nil) == asBool(r.operand), nil
	}
	if err != nil {
		return false, runtimeFailure("Invalid path '%s': The choice state's condition path references an invalid value.", r.variable)
	}
	want := r.operand
	op := r.op
	if r.opPath != nil {
		w, err := r.opPath.Eval(input)
		if err != nil {
			return false, runtimeFailure("Invalid path '%s': The choice state's condition path references an invalid value.", r.opPath)
		}
		want = w
		op = strings.TrimSuffix(op, "Path")
	}
	switch op {
	case "IsNull":
		return (v == nil) == asBool(want), nil
	case "IsNumeric":
		_, isNum := jsonpath.Number(v)
		return isNum == asBool(want), nil
	case "IsString":
		_, isStr := v.(string)
		return isStr == asBool(want), nil
	case "IsBoolean":
		_, isB := v.(bool)
		return isB == asBool(want), nil
	case "IsTimestamp":
		s, isStr := v.(string)
		_, err := time.Parse(time.RFC3339, s)
		return (isStr && err == nil) == asBool(want), nil
	case "BooleanEquals":
		b, ok := v.(bool)
		w, ok2 := want.(bool)
		return ok && ok2 && b == w, nil
	case "StringMatches":
		s, ok := v.(string)
		return ok && wildcardMatch(asString(want), s), nil
	}
	switch {
	case strings.HasPrefix(op, "String"):
		a, ok := v.(string)
		b, ok2 := want.(string)
		return ok && ok2 && relation(op[len("String"):], strings.Compare(a, b)), nil
	case strings.HasPrefix(op, "Numeric"):
		a, ok := jsonpath.Number(v)
		b, ok2 := jsonpath.Number(want)
		return ok && ok2 && relation(op[len("Numeric"):], cmpFloat(a, b)), nil
	case strings.HasPrefix(op, "Timestamp"):
		a, ok := parseTS(v)
		b, ok2 := parseTS(want)
		return ok && ok2 && relation(op[len("Timestamp"):], a.Compare(b)), nil
	}
	return false, nil
}

func parseTS(v any) (time.Time, bool) {
	s, ok := v.(string)
	if !ok {
		return time.Time{}, false
	}
	t, err := time.Parse(time.RFC3339, s)
	return t, err == nil
}

func cmpFloat(a, b float64) int {
	switch {
	case a < b:
		return -1
	case a > b:
		return 1
	}
	return 0
}

func relation(rel string, c int) bool {
	switch rel {
	case "Equals":
		return c == 0
	case "LessThan":
		return c < 0
	case "GreaterThan":
		return c > 0
	case "LessThanEquals":
		return c <= 0
	case "GreaterThanEquals":
		return c >= 0
	}
	return false
}

// wildcardMatch implements StringMatches: `*` matches any run of
// characters, `\*` a literal star and `\\` a literal backslash.
func wildcardMatch(pattern, s string) bool {
	type tok struct {
		star bool
		r    rune
	}
	var toks []tok
	pr := []rune(pattern)
	for i := 0; i < len(pr); i++ {
		switch {
		case pr[i] == '\\' && i+1 < len(pr):
			i++
			toks = append(toks, tok{r: pr[i]})
		case pr[i] == '*':
			toks = append(toks, tok{star: true})
		default:
			toks = append(toks, tok{r: pr[i]})
		}
	}
	sr := []rune(s)
	// Classic two-pointer glob match with backtracking to the last star.
	ti, si, starT, starS := 0, 0, -1, 0
	for si < len(sr) {
		switch {
		case ti < len(toks) && !toks[ti].star && toks[ti].r == sr[si]:
			ti++
			si++
		case ti < len(toks) && toks[ti].star:
			starT, starS = ti, si
			ti++
		case starT >= 0:
			starS++
			si = starS
			ti = starT + 1
		default:
			return false
		}
	}
	for ti < len(toks) && toks[ti].star {
		ti++
	}
	return ti == len(toks)
}

func asBool(v any) bool     { b, _ := v.(bool); return b }
func asString(v any) string { s, _ := v.(string); return s }
