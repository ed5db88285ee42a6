// Package intrinsic parses and evaluates the 18 Amazon States Language
// intrinsic functions (States.Format, States.Array, States.Hash, ...).
//
// A call is parsed once, when the definition is validated, and evaluated
// for every state input. Evaluation errors are *Error values, which the
// interpreter reports as States.IntrinsicFailure.
package intrinsic

import (
	"encoding/json"
	"fmt"
	"strings"

	"github.com/saa-study/saa-study/sim/stepfunctions/jsonpath"
)

// ErrorName is the States Language error every failed call raises.
const ErrorName = "States.IntrinsicFailure"

// Error is a failed intrinsic call; Cause explains it in AWS's manner.
type Error struct{ Cause string }

func (e *Error) Error() string { return ErrorName + ": " + e.Cause }

func fail(format string, args ...any) error { return &Error{Cause: fmt.Sprintf(format, args...)} }

// arity bounds for each function: min and max argument counts (-1 = any).
var arity = map[string][2]int{
	"States.Format":         {1, -1},
	"States.StringToJson":   {1, 1},
	"States.JsonToString":   {1, 1},
	"States.Array":          {0, -1},
	"States.ArrayPartition": {2, 2},
	"States.ArrayContains":  {2, 2},
	"States.ArrayRange":     {3, 3},
	"States.ArrayGetItem":   {2, 2},
	"States.ArrayLength":    {1, 1},
	"States.ArrayUnique":    {1, 1},
	"States.Base64Encode":   {1, 1},
	"States.Base64Decode":   {1, 1},
	"States.Hash":           {2, 2},
	"States.JsonMerge":      {3, 3},
	"States.MathRandom":     {2, 3},
	"States.MathAdd":        {2, 2},
	"States.StringSplit":    {2, 2},
	"States.UUID":           {0, 0},
}

// Names lists every supported function, for help screens.
func Names() []string {
	out := make([]string, 0, len(arity))
	for n := range arity {
		out = append(out, n)
	}
	return out
}

type argKind int

const (
	argLiteral argKind = iota
	argPath
	argCall
)

type arg struct {
	kind  argKind
	value any
	raw   string // a string literal with \{ and \} kept, for States.Format
	path  *jsonpath.Path
	call  *Call
}

// Call is a parsed intrinsic function call.
type Call struct {
	Name string
	args []arg
}

// Looks reports whether s is meant as an intrinsic call (it starts with
// "States."), so that a path-or-call field can choose its parser.
func Looks(s string) bool { return strings.HasPrefix(strings.TrimSpace(s), "States.") }

// Parse compiles an intrinsic call such as `States.Format('Hi {}', $.name)`.
func Parse(src string) (*Call, error) {
	p := &parser{src: strings.TrimSpace(src)}
	c, err := p.call()
	if err != nil {
		return nil, err
	}
	p.space()
	if p.i != len(p.src) {
		return nil, fmt.Errorf("unexpected text %q after the call", p.src[p.i:])
	}
	return c, nil
}

type parser struct {
	src string
	i   int
}

func (p *parser) space() {
	for p.i < len(p.src) && (p.src[p.i] == ' ' || p.src[p.i] == '\t') {
		p.i++
	}
}

func (p *parser) call() (*Call, error) {
	start := p.i
	for p.i < len(p.src) && p.src[p.i] != '(' {
		p.i++
	}
	if p.i >= len(p.src) {
		return nil, fmt.Errorf("%q is not a function call: '(' missing", p.src[start:])
	}
	name := strings.TrimSpace(p.src[start:p.i])
	bounds, ok := arity[name]
	if !ok {
		return nil, fmt.Errorf("unknown intrinsic function %q", name)
	}
	p.i++ // (
	c := &Call{Name: name}
	p.space()
	if p.i < len(p.src) && p.src[p.i] == ')' {
		p.i++
	} else {
		for {
			p.space()
			a, err := p.arg()
			if err != nil {
				return nil, fmt.Errorf("%s: %w", name, err)
			}
			c.args = append(c.args, a)
			p.space()
			if p.i >= len(p.src) {
				return nil, fmt.Errorf("%s: ')' missing", name)
			}
			if p.src[p.i] == ')' {
				p.i++
				break
			}
			if p.src[p.i] != ',' {
				return nil, fmt.Errorf("%s: expected ',' or ')' at %q", name, p.src[p.i:])
			}
			p.i++
		}
	}
	if len(c.args) < bounds[0] || (bounds[1] >= 0 && len(c.args) > bounds[1]) {
		return nil, fmt.Errorf("%s takes %s, got %d", name, describeArity(bounds), len(c.args))
	}
	return c, nil
}

func describeArity(b [2]int) string {
	switch {
	case b[1] < 0:
		return fmt.Sprintf("at least %d arguments", b[0])
	case b[0] == b[1]:
		return fmt.Sprintf("%d arguments", b[0])
	}
	return fmt.Sprintf("%d to %d arguments", b[0], b[1])
}

func (p *parser) arg() (arg, error) {
	if p.i >= len(p.src) {
		return arg{}, fmt.Errorf("argument missing")
	}
	rest := p.src[p.i:]
	switch {
	case rest[0] == '\'':
		s, raw, err := p.str()
		return arg{kind: argLiteral, value: s, raw: raw}, err
	case rest[0] == '$':
		start := p.i
		depth := 0
		var quote byte
		for ; p.i < len(p.src); p.i++ {
			ch := p.src[p.i]
			if quote != 0 {
				if ch == quote {
					quote = 0
				}
				continue
			}
			if ch == '"' || ch == '\'' {
				quote = ch
			} else if ch == '[' {
				depth++
			} else if ch == ']' {
				depth--
			} else if depth == 0 && (ch == ',' || ch == ')') {
				break
			}
		}
		path, err := jsonpath.Parse(strings.TrimSpace(p.src[start:p.i]))
		return arg{kind: argPath, path: path}, err
	case strings.HasPrefix(rest, "States."):
		c, err := p.call()
		return arg{kind: argCall, call: c}, err
	}
	start := p.i
	for p.i < len(p.src) && p.src[p.i] != ',' && p.src[p.i] != ')' {
		p.i++
	}
	lit := strings.TrimSpace(p.src[start:p.i])
	switch lit {
	case "true", "false":
		return arg{kind: argLiteral, value: lit == "true"}, nil
	case "null":
		return arg{kind: argLiteral, value: nil}, nil
	}
	var n json.Number
	if err := json.Unmarshal([]byte(lit), &n); err != nil || lit == "" {
		return arg{}, fmt.Errorf("bad argument %q", lit)
	}
	return arg{kind: argLiteral, value: n}, nil
}

// str reads a single-quoted string; backslash escapes the next character,
// which is how AWS lets `'`, `{`, `}` and `\` appear literally.
func (p *parser) str() (string, string, error) {
	var sb, raw strings.Builder
	p.i++ // opening quote
	for p.i < len(p.src) {
		ch := p.src[p.i]
		switch ch {
		case '\\':
			if p.i+1 >= len(p.src) {
				return "", "", fmt.Errorf("dangling '\\' in string")
			}
			next := p.src[p.i+1]
			if next == '{' || next == '}' || next == '\\' {
				raw.WriteByte('\\') // Format must still see these as escaped
			}
			sb.WriteByte(next)
			raw.WriteByte(next)
			p.i += 2
		case '\'':
			p.i++
			return sb.String(), raw.String(), nil
		default:
			sb.WriteByte(ch)
			raw.WriteByte(ch)
			p.i++
		}
	}
	return "", "", fmt.Errorf("unclosed string")
}
