package intrinsic

import (
	"bytes"
	"encoding/json"
	"math/rand/v2"
	"strings"
	"testing"
)

func decode(t testing.TB, s string) any {
	t.Helper()
	d := json.NewDecoder(bytes.NewReader([]byte(s)))
	d.UseNumber()
	var v any
	if err := d.Decode(&v); err != nil {
		t.Fatal(err)
	}
	return v
}

const input = `{"name":"World","n":3,"arr":[1,2,3,4,5,6,7,8,9],"dups":[1,2,2,3,3,3,"a","a"],"s":"1,2,3,4,5","j":"{\"a\":1}","obj1":{"a":1,"b":{"x":1}},"obj2":{"b":{"y":2},"c":3},"text":"Data to encode"}`

func eval(t *testing.T, call string) (any, error) {
	t.Helper()
	c, err := Parse(call)
	if err != nil {
		t.Fatalf("Parse(%s): %v", call, err)
	}
	in := decode(t, input).(map[string]any)
	in["long"] = strings.Repeat("x", MaxEncodedInput+1)
	return c.Eval(&Env{Input: in, Context: func() any { return map[string]any{"Execution": map[string]any{"Name": "exec-1"}} }, Rand: rand.New(rand.NewPCG(7, 7))})
}

// The expected values follow the examples on the AWS "Intrinsic functions
// for JSONPath states" page, with our own inputs.
func TestEachIntrinsicFunctionReturnsTheDocumentedValue(t *testing.T) {
	cases := []struct{ call, want string }{
		{`States.Format('Hello, my name is {}.', $.name)`, `"Hello, my name is World."`},
		{`States.Format('{} has {} items', $$.Execution.Name, $.n)`, `"exec-1 has 3 items"`},
		{`States.Format('braces \{\} and a quote \' and {}', true)`, `"braces {} and a quote ' and true"`},
		{`States.StringToJson($.j)`, `{"a":1}`},
		{`States.JsonToString($.obj1)`, `"{\"a\":1,\"b\":{\"x\":1}}"`},
		{`States.Array('Foo', 2020, $.obj2.c, null)`, `["Foo",2020,3,null]`},
		{`States.ArrayPartition($.arr, 4)`, `[[1,2,3,4],[5,6,7,8],[9]]`},
		{`States.ArrayContains($.arr, 5)`, `true`},
		{`States.ArrayContains($.arr, 10)`, `false`},
		{`States.ArrayRange(1, 9, 2)`, `[1,3,5,7,9]`},
		{`States.ArrayRange(5, 1, -2)`, `[5,3,1]`},
		{`States.ArrayGetItem($.arr, 5)`, `6`},
		{`States.ArrayLength($.arr)`, `9`},
		{`States.ArrayUnique($.dups)`, `[1,2,3,"a"]`},
		{`States.Base64Encode($.text)`, `"RGF0YSB0byBlbmNvZGU="`},
		{`States.Base64Decode('RGF0YSB0byBlbmNvZGU=')`, `"Data to encode"`},
		{`States.Hash('input data', 'SHA-1')`, `"aaff4a450a104cd177d28d18d74485e8cae074b7"`},
		{`States.Hash('abc', 'MD5')`, `"900150983cd24fb0d6963f7d28e17f72"`},
		{`States.Hash('abc', 'SHA-256')`, `"ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad"`},
		{`States.JsonMerge($.obj1, $.obj2, false)`, `{"a":1,"b":{"y":2},"c":3}`},
		{`States.MathAdd(111, -1)`, `110`},
		{`States.MathAdd($.n, States.ArrayLength($.arr))`, `12`},
		{`States.StringSplit($.s, ',')`, `["1","2","3","4","5"]`},
		{`States.StringSplit('This.is+a,test=string', '.+,=')`, `["This","is","a","test","string"]`},
	}
	for _, c := range cases {
		got, err := eval(t, c.call)
		if err != nil {
			t.Errorf("%s: %v", c.call, err)
			continue
		}
		if compact(got) != compact(decode(t, c.want)) {
			t.Errorf("%s = %s, want %s", c.call, compact(got), c.want)
		}
	}
}

func TestSeededRandomAndUUIDAreRepeatable(t *testing.T) {
	a, _ := eval(t, `States.MathRandom(1, 999, 42)`)
	b, _ := eval(t, `States.MathRandom(1, 999, 42)`)
	if compact(a) != compact(b) {
		t.Fatalf("MathRandom with a seed differs: %v %v", a, b)
	}
	n, _ := Int(a)
	if n < 1 || n >= 999 {
		t.Fatalf("MathRandom out of [1, 999): %d", n)
	}
	u1, _ := eval(t, `States.UUID()`)
	u2, _ := eval(t, `States.UUID()`)
	s, _ := u1.(string)
	if u1 != u2 || len(s) != 36 || s[14] != '4' {
		t.Fatalf("UUID not a repeatable v4 value: %v %v", u1, u2)
	}
}

func TestIntrinsicFailuresNameTheRuleBroken(t *testing.T) {
	cases := []struct{ call, cause string }{
		{`States.Format('{} and {}', 1)`, "more {} than arguments"},
		{`States.Format('{}', $.obj1)`, "must be a string, number, boolean or null"},
		{`States.StringToJson('{bad')`, "not valid JSON"},
		{`States.ArrayPartition($.arr, 0)`, "positive integer"},
		{`States.ArrayRange(1, 1001, 1)`, "limit is 1000"},
		{`States.ArrayRange(1, 5, 0)`, "non-zero step"},
		{`States.ArrayGetItem($.arr, 9)`, "out of bounds"},
		{`States.ArrayLength($.name)`, "must be an array"},
		{`States.Base64Decode('***')`, "not valid base64"},
		{`States.Base64Encode($.long)`, "longer than 10000"},
		{`States.Hash($.long, 'MD5')`, "longer than 10000"},
		{`States.Hash('x', 'SHA-3')`, "not one of MD5"},
		{`States.JsonMerge($.obj1, $.obj2, true)`, "only shallow merging"},
		{`States.MathRandom(5, 5)`, "start < end"},
		{`States.MathAdd(1.5, 1)`, "integers"},
		{`States.MathAdd(2147483648, 1)`, "integers between"},
		{`States.ArrayLength($.missing)`, "could not be found"},
	}
	for _, c := range cases {
		_, err := eval(t, c.call)
		if err == nil || !IsFailure(err) || !strings.Contains(err.Error(), c.cause) {
			t.Errorf("%s: err %v, want an intrinsic failure mentioning %q", c.call, err, c.cause)
		}
	}
}

func TestParseRejectsBadCalls(t *testing.T) {
	for _, bad := range []string{
		`States.Nope(1)`, `States.Format(`, `States.Format('x'`, `States.ArrayLength()`, `States.UUID(1)`,
		`States.MathAdd(1 2)`, `States.Format('unclosed)`, `States.Array(1) extra`, `States.Array(foo)`,
		`States.JsonMerge($.a, $.b)`,
	} {
		if _, err := Parse(bad); err == nil {
			t.Errorf("Parse(%s) succeeded", bad)
		}
	}
}

func FuzzIntrinsic(f *testing.F) {
	for _, s := range []string{`States.Format('a {} b', $.name)`, `States.ArrayRange(1, 9, 2)`, `States.JsonMerge($.obj1, $.obj2, false)`, `States.Hash($.text, 'SHA-512')`, `States.Array(States.UUID(), 'x\'y', -1.5e3, null, true)`} {
		f.Add(s)
	}
	in := decode(f, input)
	f.Fuzz(func(t *testing.T, s string) {
		c, err := Parse(s)
		if err != nil {
			return
		}
		_, _ = c.Eval(&Env{Input: in})
	})
}

func BenchmarkFormat(b *testing.B) {
	c, _ := Parse(`States.Format('Hello {}, you have {} items', $.name, States.ArrayLength($.arr))`)
	env := &Env{Input: decode(b, input)}
	b.ReportAllocs()
	for b.Loop() {
		_, _ = c.Eval(env)
	}
}
