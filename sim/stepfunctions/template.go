package stepfunctions

import (
	"errors"
	"fmt"
	"math/rand/v2"
	"sort"
	"strings"

	"github.com/saa-study/saa-study/sim/stepfunctions/intrinsic"
	"github.com/saa-study/saa-study/sim/stepfunctions/jsonpath"
)

// Failure is an error raised inside an execution: a States Language error
// name and a human cause, exactly what Catch sees as {"Error","Cause"}.
type Failure struct {
	Error string `json:"error"`
	Cause string `json:"cause"`
}

// String renders the failure as "Error: Cause".
func (f *Failure) String() string { return f.Error + ": " + f.Cause }

func runtimeFailure(format string, args ...any) *Failure {
	return &Failure{Error: ErrRuntime, Cause: fmt.Sprintf(format, args...)}
}

type tmplKind int

const (
	tStatic tmplKind = iota
	tObject
	tArray
	tPath
	tCall
)

// template is a compiled payload template (Parameters, ResultSelector,
// ItemSelector): static parts are kept as-is and shared, `.$` keys hold a
// path or an intrinsic call.
type template struct {
	kind   tmplKind
	static any
	keys   []string
	vals   []*template
	field  string // the source key with .$, for error messages
	path   *jsonpath.Path
	call   *intrinsic.Call
	source string
}

// evalEnv is what paths in a template may read.
type evalEnv struct {
	input any
	ctx   func() any
	rand  *rand.Rand
}

// compileTemplate compiles v, reporting each bad `.$` value through add.
func compileTemplate(v any, where string, add func(field, msg string)) *template {
	switch t := v.(type) {
	case map[string]any:
		keys := make([]string, 0, len(t))
		for k := range t {
			keys = append(keys, k)
		}
		sort.Strings(keys)
		out := &template{kind: tObject}
		dynamic := false
		for _, k := range keys {
			field := where + "." + k
			if strings.HasSuffix(k, ".$") {
				dynamic = true
				s, ok := t[k].(string)
				if !ok {
					add(field, "a field ending in .$ must hold a JSONPath or an intrinsic function string")
					continue
				}
				leaf := compileDynamic(s, k, field, add)
				out.keys = append(out.keys, strings.TrimSuffix(k, ".$"))
				out.vals = append(out.vals, leaf)
				continue
			}
			sub := compileTemplate(t[k], field, add)
			if sub.kind != tStatic {
				dynamic = true
			}
			out.keys = append(out.keys, k)
			out.vals = append(out.vals, sub)
		}
		if !dynamic {
			return &template{kind: tStatic, static: v}
		}
		return out
	case []any:
		out := &template{kind: tArray}
		dynamic := false
		for i, e := range t {
			sub := compileTemplate(e, fmt.Sprintf("%s[%d]", where, i), add)
			dynamic = dynamic || sub.kind != tStatic
			out.vals = append(out.vals, sub)
		}
		if !dynamic {
			return &template{kind: tStatic, static: v}
		}
		return out
	}
	return &template{kind: tStatic, static: v}
}

func compileDynamic(s, key, field string, add func(field, msg string)) *template {
	leaf := &template{field: key, source: s}
	switch {
	case strings.HasPrefix(s, "$"):
		p, err := jsonpath.Parse(s)
		if err != nil {
			add(field, "invalid JSONPath: "+err.Error())
			return &template{kind: tStatic}
		}
		leaf.kind, leaf.path = tPath, p
	case intrinsic.Looks(s):
		c, err := intrinsic.Parse(s)
		if err != nil {
			add(field, "invalid intrinsic function: "+err.Error())
			return &template{kind: tStatic}
		}
		leaf.kind, leaf.call = tCall, c
	default:
		add(field, fmt.Sprintf("%q is neither a JSONPath (starting with $) nor an intrinsic function (States.…)", s))
		return &template{kind: tStatic}
	}
	return leaf
}

// eval builds the payload. A missing path is States.Runtime; a failed
// intrinsic call is States.IntrinsicFailure.
func (t *template) eval(env *evalEnv) (any, *Failure) {
	switch t.kind {
	case tStatic:
		return t.static, nil
	case tObject:
		out := make(map[string]any, len(t.keys))
		for i, k := range t.keys {
			v, f := t.vals[i].eval(env)
			if f != nil {
				return nil, f
			}
			out[k] = v
		}
		return out, nil
	case tArray:
		out := make([]any, len(t.vals))
		for i, s := range t.vals {
			v, f := s.eval(env)
			if f != nil {
				return nil, f
			}
			out[i] = v
		}
		return out, nil
	case tPath:
		root := env.input
		if t.path.Context() {
			root = env.ctx()
		}
		v, err := t.path.Eval(root)
		if err != nil {
			return nil, runtimeFailure("The JSONPath '%s' specified for the field '%s' could not be found in the input '%s'", t.source, t.field, compactJSON(root))
		}
		return v, nil
	case tCall:
		v, err := t.call.Eval(&intrinsic.Env{Input: env.input, Context: env.ctx, Rand: env.rand})
		if err != nil {
			var ie *intrinsic.Error
			if errors.As(err, &ie) {
				return nil, &Failure{Error: ErrIntrinsicFailure, Cause: ie.Cause + " (in the field '" + t.field + "')"}
			}
			return nil, &Failure{Error: ErrIntrinsicFailure, Cause: err.Error()}
		}
		return v, nil
	}
	return nil, nil
}
