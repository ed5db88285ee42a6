package expr

import (
	"encoding/json"
	"errors"
	"strings"
	"testing"

	"github.com/saa-study/saa-study/sim/dynamodb/attr"
)

func item(t *testing.T, s string) attr.Item {
	t.Helper()
	var it attr.Item
	if err := json.Unmarshal([]byte(s), &it); err != nil {
		t.Fatal(err)
	}
	return it
}

func vals(t *testing.T, s string) map[string]attr.Value {
	t.Helper()
	var m map[string]attr.Value
	if err := json.Unmarshal([]byte(s), &m); err != nil {
		t.Fatal(err)
	}
	return m
}

func msgOf(err error) string {
	var ae *attr.Error
	if errors.As(err, &ae) {
		return ae.Message
	}
	if err != nil {
		return err.Error()
	}
	return ""
}

func TestConditionErrors(t *testing.T) {
	v := `{":s":{"S":"a"},":n":{"N":"1"},":m":{"N":"5"},":t":{"S":"XX"}}`
	cases := []struct{ expr, names, msg string }{
		{"", "", "Invalid ConditionExpression: The expression can not be empty;"},
		{"a = ", "", `Invalid ConditionExpression: Syntax error; token: "<EOF>", near: "= "`},
		{"a = :s AND", "", `Invalid ConditionExpression: Syntax error; token: "<EOF>", near: "AND"`},
		{"size = :n", "", "Invalid ConditionExpression: Attribute name is a reserved keyword; reserved keyword: size"},
		{"#x = :s", "", "Invalid ConditionExpression: An expression attribute name used in the document path is not defined; attribute name: #x"},
		{"a = :zz", "", "Invalid ConditionExpression: An expression attribute value used in expression is not defined; attribute value: :zz"},
		{"foo(a)", "", "Invalid ConditionExpression: Invalid function name; function: foo"},
		{"attribute_exists(a, b)", "", "Invalid ConditionExpression: Incorrect number of operands for operator or function; operator or function: attribute_exists, number of operands: 2"},
		{"attribute_exists(:s)", "", "Invalid ConditionExpression: Operator or function requires a document path; operator or function: attribute_exists"},
		{"begins_with(a, :n)", "", "Invalid ConditionExpression: Incorrect operand type for operator or function; operator or function: begins_with, operand type: N"},
		{"attribute_type(a, :t)", "", "Invalid ConditionExpression: Invalid attribute type name found; type: XX, valid types: {B,NULL,SS,BOOL,L,BS,N,NS,S,M}"},
		{"a = a", "", "Invalid ConditionExpression: The first operand must be distinct from the remaining operands for this operator or function; operator: =, first operand: [a]"},
		{"a BETWEEN :m AND :n", "", "Invalid ConditionExpression: The BETWEEN operator requires upper bound to be greater than or equal to lower bound; lower bound operand: AttributeValue: {N:5}, upper bound operand: AttributeValue: {N:1}"},
		{"a BETWEEN :s AND :n", "", "Invalid ConditionExpression: The BETWEEN operator requires same data type for lower and upper bounds; lower bound operand: AttributeValue: {S:a}, upper bound operand: AttributeValue: {N:1}"},
		{"attribute_exists(a) = :n", "", "Invalid ConditionExpression: The function is not allowed to be used this way in an expression; function: attribute_exists"},
		{"((a = :s))", "", "Invalid ConditionExpression: The expression has redundant parentheses;"},
		{"size(a) = :n", "", ""},
		{"a.b[1].c > :n AND NOT attribute_exists(#x) OR a IN (:s, :n)", `{"#x":"x"}`, ""},
	}
	for _, c := range cases {
		var names map[string]string
		if c.names != "" {
			_ = json.Unmarshal([]byte(c.names), &names)
		}
		_, err := ParseCondition(NewContext(names, vals(t, v)), KindCondition, c.expr)
		if got := msgOf(err); got != c.msg {
			t.Errorf("%q:\n got %q\nwant %q", c.expr, got, c.msg)
		}
	}
}

func TestUnusedPlaceholders(t *testing.T) {
	ctx := NewContext(map[string]string{"#a": "a", "#b": "b"}, vals(t, `{":v":{"S":"x"},":w":{"S":"y"}}`))
	if _, err := ParseCondition(ctx, KindCondition, "#a = :v"); err != nil {
		t.Fatal(err)
	}
	if got := msgOf(ctx.CheckUnused()); got != "Value provided in ExpressionAttributeNames unused in expressions: keys: {#b}" {
		t.Errorf("got %q", got)
	}
	ctx = NewContext(nil, vals(t, `{":v":{"S":"x"},":w":{"S":"y"}}`))
	_, _ = ParseCondition(ctx, KindCondition, "a = :v")
	if got := msgOf(ctx.CheckUnused()); got != "Value provided in ExpressionAttributeValues unused in expressions: keys: {:w}" {
		t.Errorf("got %q", got)
	}
}

func TestEval(t *testing.T) {
	it := item(t, `{"s":{"S":"hello"},"n":{"N":"10"},"l":{"L":[{"S":"x"},{"N":"2"}]},"m":{"M":{"k":{"S":"v"}}},"ss":{"SS":["a","b"]}}`)
	v := `{":h":{"S":"he"},":ten":{"N":"10"},":five":{"N":"5"},":x":{"S":"x"},":a":{"S":"a"},":S":{"S":"S"},":two":{"N":"2"},":v":{"S":"v"}}`
	cases := []struct {
		expr string
		want bool
	}{
		{"begins_with(s, :h)", true},
		{"n = :ten", true},
		{"n <> :ten", false},
		{"gone <> :ten", true},
		{"gone = :ten", false},
		{"n > :five AND n <= :ten", true},
		{"n BETWEEN :five AND :ten", true},
		{"n IN (:five, :two)", false},
		{"contains(l, :x)", true},
		{"contains(ss, :a)", true},
		{"contains(s, :h)", true},
		{"attribute_type(s, :S)", true},
		{"size(l) = :two", true},
		{"size(s) > :five", false},
		{"m.k = :v", true},
		{"l[1] = :two", true},
		{"attribute_not_exists(nope)", true},
		{"NOT attribute_exists(s) OR n = :five", false},
		{"s < :ten", false},
	}
	for _, c := range cases {
		cond, err := ParseCondition(NewContext(nil, vals(t, v)), KindFilter, c.expr)
		if err != nil {
			t.Fatalf("%q: %v", c.expr, err)
		}
		if got := Eval(cond, it); got != c.want {
			t.Errorf("%q = %v want %v", c.expr, got, c.want)
		}
	}
}

func TestKeyCondition(t *testing.T) {
	v := vals(t, `{":p":{"S":"a"},":lo":{"N":"1"},":hi":{"N":"9"}}`)
	cases := []struct{ expr, msg string }{
		{"pk = :p AND sk BETWEEN :lo AND :hi", ""},
		{":p = pk", ""},
		{"pk = :p OR sk = :lo", "Invalid operator used in KeyConditionExpression: OR"},
		{"pk <> :p", "Invalid operator used in KeyConditionExpression: <>"},
		{"attribute_exists(pk)", "Invalid operator used in KeyConditionExpression: attribute_exists"},
		{"pk.x = :p", "KeyConditionExpressions cannot have conditions on nested attributes"},
		{"pk = :p AND pk = :p", "KeyConditionExpressions must only contain one condition per key"},
		{"pk = sk", "Invalid condition in KeyConditionExpression: Multiple attribute names used in one condition"},
	}
	for _, c := range cases {
		ctx := NewContext(nil, v)
		_, err := ParseKeyCondition(ctx, c.expr)
		if got := msgOf(err); got != c.msg {
			t.Errorf("%q: got %q want %q", c.expr, got, c.msg)
		}
	}
	parts, _ := ParseKeyCondition(NewContext(nil, v), ":lo < sk")
	if parts[0].Op != "GT" {
		t.Errorf("flipped op = %s, want GT", parts[0].Op)
	}
}

func TestUpdate(t *testing.T) {
	base := item(t, `{"pk":{"S":"k"},"n":{"N":"1"},"l":{"L":[{"S":"a"},{"S":"b"},{"S":"c"}]},"m":{"M":{"x":{"N":"1"}}},"ss":{"SS":["a","b"]}}`)
	v := `{":one":{"N":"1"},":l":{"L":[{"S":"z"}]},":ss":{"SS":["b","c"]},":s":{"S":"v"},":d":{"SS":["a","b"]}}`
	cases := []struct{ expr, want, msg string }{
		{"SET n = n + :one", `"n":{"N":"2"}`, ""},
		{"SET n = :one - n", `"n":{"N":"0"}`, ""},
		{"SET l = list_append(l, :l)", `"l":{"L":[{"S":"a"},{"S":"b"},{"S":"c"},{"S":"z"}]}`, ""},
		{"SET q = if_not_exists(q, :one)", `"q":{"N":"1"}`, ""},
		{"SET m.y = :s", `"m":{"M":{"x":{"N":"1"},"y":{"S":"v"}}}`, ""},
		{"SET l[10] = :s", `"l":{"L":[{"S":"a"},{"S":"b"},{"S":"c"},{"S":"v"}]}`, ""},
		{"REMOVE l[0], l[2]", `"l":{"L":[{"S":"b"}]}`, ""},
		{"ADD n :one, ss :ss", `"n":{"N":"2"}`, ""},
		{"DELETE ss :d", `"pk":{"S":"k"}`, ""},
		{"SET nope.x = :s", "", "The document path provided in the update expression is invalid for update"},
		{"SET n = gone + :one", "", "The provided expression refers to an attribute that does not exist in the item"},
		{"ADD l :one", "", "An operand in the update expression has an incorrect data type"},
		{"SET a = :s SET b = :s", "", `Invalid UpdateExpression: The "SET" section can only be used once in an update expression;`},
		{"SET a = :s REMOVE a", "", "Invalid UpdateExpression: Two document paths overlap with each other; must remove or rewrite one of these paths; path one: [a], path two: [a]"},
		{"SET a.b = :s, a[0] = :s", "", "Invalid UpdateExpression: Two document paths conflict with each other; must remove or rewrite one of these paths; path one: [a, b], path two: [a, [0]]"},
		{"ADD a :s", "", "Invalid UpdateExpression: Incorrect operand type for operator or function; operator: ADD, operand type: STRING"},
		{"SET a = foo(:s)", "", "Invalid UpdateExpression: Invalid function name; function: foo"},
	}
	for _, c := range cases {
		ctx := NewContext(nil, vals(t, v))
		u, err := ParseUpdate(ctx, c.expr)
		var out attr.Item
		if err == nil {
			out, err = u.Apply(base)
		}
		if got := msgOf(err); got != c.msg {
			t.Errorf("%q: got err %q want %q", c.expr, got, c.msg)
			continue
		}
		if c.want != "" {
			b, _ := json.Marshal(out)
			if !strings.Contains(string(b), c.want) {
				t.Errorf("%q: result %s lacks %s", c.expr, b, c.want)
			}
		}
	}
	if _, ok := base["q"]; ok {
		t.Error("Apply modified its input")
	}
}

func TestProjection(t *testing.T) {
	it := item(t, `{"a":{"S":"1"},"b":{"M":{"c":{"N":"2"},"d":{"N":"3"}}},"l":{"L":[{"S":"x"},{"S":"y"},{"S":"z"}]}}`)
	paths, err := ParseProjection(NewContext(nil, nil), "b.c, l[2], l[0]")
	if err != nil {
		t.Fatal(err)
	}
	b, _ := json.Marshal(Project(it, paths))
	want := `{"b":{"M":{"c":{"N":"2"}}},"l":{"L":[{"S":"x"},{"S":"z"}]}}`
	if string(b) != want {
		t.Errorf("got %s want %s", b, want)
	}
	_, err = ParseProjection(NewContext(nil, nil), "a, a.b")
	if msgOf(err) != "Invalid ProjectionExpression: Two document paths overlap with each other; must remove or rewrite one of these paths; path one: [a], path two: [a, b]" {
		t.Errorf("got %v", err)
	}
}

func TestReservedWordsAreTheDocumentedList(t *testing.T) {
	if len(reservedWords) != 573 {
		t.Errorf("%d reserved words, the AWS list has 573", len(reservedWords))
	}
	for _, w := range []string{"name", "Status", "DATA", "ttl"} {
		if !IsReserved(w) {
			t.Errorf("%s should be reserved", w)
		}
	}
	if IsReserved("username") {
		t.Error("username is not reserved")
	}
}

func fuzzCtx() *Context {
	return NewContext(map[string]string{"#a": "a", "#b": "b"}, map[string]attr.Value{":v": attr.Str("x"), ":n": attr.Num("1"), ":l": attr.List(attr.Str("q"))})
}

func FuzzParseCondition(f *testing.F) {
	for _, s := range []string{"a = :v", "#a.b[1] BETWEEN :n AND :n", "NOT (a IN (:v,:n)) OR size(#b) > :n", "begins_with(a, :v)", "((a = :v))"} {
		f.Add(s)
	}
	it := attr.Item{"a": attr.Str("x"), "b": attr.List(attr.Num("1"))}
	f.Fuzz(func(t *testing.T, s string) {
		c, err := ParseCondition(fuzzCtx(), KindCondition, s)
		if err == nil {
			Eval(c, it)
		}
	})
}

func FuzzParseKeyCondition(f *testing.F) {
	for _, s := range []string{"a = :v AND b > :n", "a = :v AND begins_with(b, :v)", "#a = :v"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) { _, _ = ParseKeyCondition(fuzzCtx(), s) })
}

func FuzzParseUpdate(f *testing.F) {
	for _, s := range []string{"SET a = a + :n, b[0] = :v REMOVE c ADD d :n", "SET a = list_append(if_not_exists(a, :l), :l)", "DELETE s :v"} {
		f.Add(s)
	}
	it := attr.Item{"a": attr.Num("1"), "b": attr.List(attr.Str("x"))}
	f.Fuzz(func(t *testing.T, s string) {
		u, err := ParseUpdate(fuzzCtx(), s)
		if err == nil {
			_, _ = u.Apply(it)
		}
	})
}

func FuzzParseProjection(f *testing.F) {
	for _, s := range []string{"a, b.c, d[1]", "#a", "a[0][1].b"} {
		f.Add(s)
	}
	it := attr.Item{"a": attr.Map(attr.Item{"b": attr.List(attr.Str("x"), attr.Str("y"))})}
	f.Fuzz(func(t *testing.T, s string) {
		p, err := ParseProjection(fuzzCtx(), s)
		if err == nil {
			Project(it, p)
		}
	})
}

func BenchmarkParseAndEvalCondition(b *testing.B) {
	it := attr.Item{"a": attr.Str("x"), "n": attr.Num("5")}
	b.ReportAllocs()
	for b.Loop() {
		c, err := ParseCondition(fuzzCtx(), KindCondition, "a = :v AND attribute_exists(n)")
		if err != nil || !Eval(c, it) {
			b.Fatal(err)
		}
	}
}
