package intrinsic

import (
	"bytes"
	"crypto/md5"
	"crypto/sha1"
	"crypto/sha256"
	"crypto/sha512"
	"encoding/base64"
	"encoding/hex"
	"encoding/json"
	"errors"
	"hash"
	"math"
	"math/rand/v2"
	"strconv"
	"strings"
	"unicode/utf8"

	"github.com/saa-study/saa-study/sim/stepfunctions/jsonpath"
)

// Documented limits (AWS intrinsic functions page).
const (
	MaxArrayRange   = 1000  // States.ArrayRange result length
	MaxEncodedInput = 10000 // characters for Base64Encode/Decode and Hash
)

// Env is what a call can see: the state input for `$` paths, the context
// object for `$$` paths, and the seeded source for MathRandom and UUID.
type Env struct {
	Input   any
	Context func() any
	Rand    *rand.Rand
}

func (e *Env) rand() *rand.Rand {
	if e.Rand == nil {
		e.Rand = rand.New(rand.NewPCG(1, 2))
	}
	return e.Rand
}

// Eval runs the call. Every failure is an *Error.
func (c *Call) Eval(env *Env) (any, error) {
	vals := make([]any, len(c.args))
	for i, a := range c.args {
		switch a.kind {
		case argLiteral:
			vals[i] = a.value
		case argPath:
			root := env.Input
			if a.path.Context() {
				if env.Context == nil {
					return nil, fail("%s: the context object is not available", c.Name)
				}
				root = env.Context()
			}
			v, err := a.path.Eval(root)
			if err != nil {
				return nil, fail("%s: argument %d: the JSONPath %s could not be found", c.Name, i+1, a.path)
			}
			vals[i] = v
		case argCall:
			v, err := a.call.Eval(env)
			if err != nil {
				return nil, err
			}
			vals[i] = v
		}
	}
	return c.apply(vals, env)
}

func (c *Call) apply(v []any, env *Env) (any, error) {
	switch c.Name {
	case "States.Format":
		tmpl, ok := v[0].(string)
		if !ok {
			return nil, fail("States.Format: the first argument must be a string")
		}
		if c.args[0].kind == argLiteral {
			tmpl = c.args[0].raw
		}
		return format(tmpl, v[1:])
	case "States.StringToJson":
		s, ok := v[0].(string)
		if !ok {
			return nil, fail("States.StringToJson: the argument must be a string")
		}
		d := json.NewDecoder(strings.NewReader(s))
		d.UseNumber()
		var out any
		if err := d.Decode(&out); err != nil || d.More() {
			return nil, fail("States.StringToJson: %q is not valid JSON", s)
		}
		return out, nil
	case "States.JsonToString":
		return compact(v[0]), nil
	case "States.Array":
		return append([]any{}, v...), nil
	case "States.ArrayPartition":
		a, ok := v[0].([]any)
		n, ok2 := Int(v[1])
		if !ok || !ok2 || n <= 0 {
			return nil, fail("States.ArrayPartition: needs an array and a positive integer chunk size")
		}
		out := []any{}
		for i := 0; i < len(a); i += int(n) {
			out = append(out, append([]any{}, a[i:min(len(a), i+int(n))]...))
		}
		return out, nil
	case "States.ArrayContains":
		a, ok := v[0].([]any)
		if !ok {
			return nil, fail("States.ArrayContains: the first argument must be an array")
		}
		for _, e := range a {
			if Equal(e, v[1]) {
				return true, nil
			}
		}
		return false, nil
	case "States.ArrayRange":
		return arrayRange(v)
	case "States.ArrayGetItem":
		a, ok := v[0].([]any)
		i, ok2 := Int(v[1])
		if !ok || !ok2 {
			return nil, fail("States.ArrayGetItem: needs an array and an integer index")
		}
		if i < 0 || i >= int64(len(a)) {
			return nil, fail("States.ArrayGetItem: index %d is out of bounds for an array of length %d", i, len(a))
		}
		return a[i], nil
	case "States.ArrayLength":
		a, ok := v[0].([]any)
		if !ok {
			return nil, fail("States.ArrayLength: the argument must be an array")
		}
		return num(int64(len(a))), nil
	case "States.ArrayUnique":
		a, ok := v[0].([]any)
		if !ok {
			return nil, fail("States.ArrayUnique: the argument must be an array")
		}
		out := []any{}
		seen := map[string]bool{}
		for _, e := range a {
			k := compact(e)
			if !seen[k] {
				seen[k] = true
				out = append(out, e)
			}
		}
		return out, nil
	case "States.Base64Encode", "States.Base64Decode":
		s, ok := v[0].(string)
		if !ok {
			return nil, fail("%s: the argument must be a string", c.Name)
		}
		if utf8.RuneCountInString(s) > MaxEncodedInput {
			return nil, fail("%s: the input is longer than %d characters", c.Name, MaxEncodedInput)
		}
		if c.Name == "States.Base64Encode" {
			return base64.StdEncoding.EncodeToString([]byte(s)), nil
		}
		b, err := base64.StdEncoding.DecodeString(s)
		if err != nil {
			return nil, fail("States.Base64Decode: %q is not valid base64", s)
		}
		return string(b), nil
	case "States.Hash":
		return hashOf(v)
	case "States.JsonMerge":
		a, ok := v[0].(map[string]any)
		b, ok2 := v[1].(map[string]any)
		if !ok || !ok2 {
			return nil, fail("States.JsonMerge: the first two arguments must be objects")
		}
		if deep, ok := v[2].(bool); !ok || deep {
			return nil, fail("States.JsonMerge: only shallow merging is supported; the third argument must be false")
		}
		out := make(map[string]any, len(a)+len(b))
		for k, x := range a {
			out[k] = x
		}
		for k, x := range b {
			out[k] = x
		}
		return out, nil
	case "States.MathRandom":
		lo, ok := Int(v[0])
		hi, ok2 := Int(v[1])
		if !ok || !ok2 || lo >= hi {
			return nil, fail("States.MathRandom: needs integers start < end")
		}
		r := env.rand()
		if len(v) == 3 {
			seed, ok := Int(v[2])
			if !ok {
				return nil, fail("States.MathRandom: the seed must be an integer")
			}
			r = rand.New(rand.NewPCG(uint64(seed), 0))
		}
		return num(lo + r.Int64N(hi-lo)), nil
	case "States.MathAdd":
		a, ok := Int(v[0])
		b, ok2 := Int(v[1])
		if !ok || !ok2 || a < math.MinInt32 || a > math.MaxInt32 || b < math.MinInt32 || b > math.MaxInt32 {
			return nil, fail("States.MathAdd: both arguments must be integers between -2147483648 and 2147483647")
		}
		return num(a + b), nil
	case "States.StringSplit":
		s, ok := v[0].(string)
		d, ok2 := v[1].(string)
		if !ok || !ok2 {
			return nil, fail("States.StringSplit: both arguments must be strings")
		}
		out := []any{}
		for _, part := range strings.FieldsFunc(s, func(r rune) bool { return strings.ContainsRune(d, r) }) {
			out = append(out, part)
		}
		return out, nil
	case "States.UUID":
		var b [16]byte
		r := env.rand()
		for i := range b {
			b[i] = byte(r.UintN(256))
		}
		b[6] = b[6]&0x0f | 0x40
		b[8] = b[8]&0x3f | 0x80
		h := hex.EncodeToString(b[:])
		return h[0:8] + "-" + h[8:12] + "-" + h[12:16] + "-" + h[16:20] + "-" + h[20:], nil
	}
	return nil, fail("unknown intrinsic function %s", c.Name)
}

func format(tmpl string, args []any) (any, error) {
	var sb strings.Builder
	n := 0
	for i := 0; i < len(tmpl); i++ {
		switch {
		case tmpl[i] == '\\' && i+1 < len(tmpl):
			i++
			sb.WriteByte(tmpl[i])
		case tmpl[i] == '{' && i+1 < len(tmpl) && tmpl[i+1] == '}':
			if n >= len(args) {
				return nil, fail("States.Format: the template has more {} than arguments (%d)", len(args))
			}
			switch a := args[n].(type) {
			case string:
				sb.WriteString(a)
			case map[string]any, []any:
				return nil, fail("States.Format: argument %d must be a string, number, boolean or null", n+2)
			default:
				sb.WriteString(compact(a))
			}
			n++
			i++
		default:
			sb.WriteByte(tmpl[i])
		}
	}
	if n != len(args) {
		return nil, fail("States.Format: the template has %d {} but %d arguments were given", n, len(args))
	}
	return sb.String(), nil
}

func arrayRange(v []any) (any, error) {
	start, ok1 := Int(v[0])
	end, ok2 := Int(v[1])
	step, ok3 := Int(v[2])
	if !ok1 || !ok2 || !ok3 || step == 0 {
		return nil, fail("States.ArrayRange: needs integers start, end and a non-zero step")
	}
	count := int64(0)
	if (step > 0 && end >= start) || (step < 0 && end <= start) {
		count = (end-start)/step + 1
	}
	if count > MaxArrayRange {
		return nil, fail("States.ArrayRange: the result would have %d elements; the limit is %d", count, MaxArrayRange)
	}
	out := make([]any, 0, count)
	for i := int64(0); i < count; i++ {
		out = append(out, num(start+i*step))
	}
	return out, nil
}

func hashOf(v []any) (any, error) {
	algo, ok := v[1].(string)
	if !ok {
		return nil, fail("States.Hash: the algorithm must be a string")
	}
	data, ok := v[0].(string)
	if !ok {
		data = compact(v[0])
	}
	if utf8.RuneCountInString(data) > MaxEncodedInput {
		return nil, fail("States.Hash: the input is longer than %d characters", MaxEncodedInput)
	}
	var h hash.Hash
	switch algo {
	case "MD5":
		h = md5.New()
	case "SHA-1":
		h = sha1.New()
	case "SHA-256":
		h = sha256.New()
	case "SHA-384":
		h = sha512.New384()
	case "SHA-512":
		h = sha512.New()
	default:
		return nil, fail("States.Hash: algorithm %q is not one of MD5, SHA-1, SHA-256, SHA-384, SHA-512", algo)
	}
	h.Write([]byte(data))
	return hex.EncodeToString(h.Sum(nil)), nil
}

// Int reads a JSON number that holds an integer.
func Int(v any) (int64, bool) {
	switch t := v.(type) {
	case json.Number:
		if i, err := strconv.ParseInt(string(t), 10, 64); err == nil {
			return i, true
		}
	}
	f, ok := jsonpath.Number(v)
	if !ok || f != math.Trunc(f) || math.Abs(f) > 1<<53 {
		return 0, false
	}
	return int64(f), true
}

func num(i int64) json.Number { return json.Number(strconv.FormatInt(i, 10)) }

// compact renders v as compact JSON without HTML escaping.
func compact(v any) string {
	var buf bytes.Buffer
	enc := json.NewEncoder(&buf)
	enc.SetEscapeHTML(false)
	if err := enc.Encode(v); err != nil {
		return "null"
	}
	return strings.TrimSuffix(buf.String(), "\n")
}

// Equal compares two JSON values structurally, numbers by value.
func Equal(a, b any) bool {
	if fa, ok := jsonpath.Number(a); ok {
		fb, ok := jsonpath.Number(b)
		return ok && fa == fb
	}
	switch x := a.(type) {
	case map[string]any:
		y, ok := b.(map[string]any)
		if !ok || len(x) != len(y) {
			return false
		}
		for k, xv := range x {
			yv, ok := y[k]
			if !ok || !Equal(xv, yv) {
				return false
			}
		}
		return true
	case []any:
		y, ok := b.([]any)
		if !ok || len(x) != len(y) {
			return false
		}
		for i := range x {
			if !Equal(x[i], y[i]) {
				return false
			}
		}
		return true
	}
	return a == b
}

// IsFailure reports whether err is an intrinsic failure.
func IsFailure(err error) bool {
	var e *Error
	return errors.As(err, &e)
}
