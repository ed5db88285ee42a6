package jsonpath

import (
	"bytes"
	"encoding/json"
	"errors"
	"testing"
)

func doc(t testing.TB, s string) any {
	t.Helper()
	d := json.NewDecoder(bytes.NewReader([]byte(s)))
	d.UseNumber()
	var v any
	if err := d.Decode(&v); err != nil {
		t.Fatal(err)
	}
	return v
}

func js(v any) string {
	b, _ := json.Marshal(v)
	return string(b)
}

const store = `{"a":[1,2,3,4],"dataset2":{"val1":"a","val2":"b"},"items":[{"id":1,"price":5},{"id":2,"price":15},{"id":3,"price":25,"tag":"x"}],"weird key":{"n":1},"nested":{"deep":{"id":9}}}`

func TestEvalSelectsWhatAWSDocumentsForEachSyntax(t *testing.T) {
	cases := []struct {
		path, want string
	}{
		{"$", store},
		{"$.dataset2", `{"val1":"a","val2":"b"}`}, // AWS InputPath example
		{"$.a[0:2]", `[1,2]`},                     // AWS "a path can yield a selection of values"
		{"$.a[0]", `1`},
		{"$.a[-1]", `4`},
		{"$.a[2:]", `[3,4]`},
		{"$.a[:1]", `[1]`},
		{"$.a[*]", `[1,2,3,4]`},
		{"$.a[0,3]", `[1,4]`},
		{"$['weird key'].n", `1`},
		{`$["weird key"]['n']`, `1`},
		{"$.items[*].id", `[1,2,3]`},
		{"$.items[?(@.price > 10)].id", `[2,3]`},
		{"$.items[?(@.price >= 5 && @.price < 20)].id", `[1,2]`},
		{"$.items[?(@.price == 5 || @.tag == 'x')].id", `[1,3]`},
		{"$.items[?(@.tag)].id", `[3]`},
		{"$..id", `[1,2,3,9]`},
		{"$.dataset2.*", `["a","b"]`},
		{"$.missing[*]", `[]`},
	}
	root := doc(t, store)
	for _, c := range cases {
		p, err := Parse(c.path)
		if err != nil {
			t.Errorf("%s: %v", c.path, err)
			continue
		}
		got, err := p.Eval(root)
		if err != nil {
			t.Errorf("%s: %v", c.path, err)
			continue
		}
		if js(got) != js(doc(t, c.want)) {
			t.Errorf("%s = %s, want %s", c.path, js(got), c.want)
		}
	}
}

func TestDefinitePathThatMatchesNothingIsNotFound(t *testing.T) {
	for _, path := range []string{"$.nope", "$.a[9]", "$.dataset2.val1.deeper"} {
		_, err := mustParse(path).Eval(doc(t, store))
		if !errors.Is(err, ErrNotFound) {
			t.Errorf("%s: err %v, want ErrNotFound", path, err)
		}
	}
}

func TestReferencePathsAreOnlySimpleSteps(t *testing.T) {
	cases := map[string]bool{
		"$": true, "$.a": true, "$.a.b[0]": true, "$['x y'].z": true,
		"$.a[*]": false, "$..a": false, "$.a[0:1]": false, "$.a[?(@.x)]": false, "$.a[-1]": false, "$.a[0,1]": false,
	}
	for path, want := range cases {
		if got := mustParse(path).Reference(); got != want {
			t.Errorf("%s: Reference() = %v, want %v", path, got, want)
		}
	}
}

func TestParseRejectsMalformedPaths(t *testing.T) {
	for _, bad := range []string{"", "a.b", "$.", "$..", "$[", "$[abc]", "$.a[1:x]", "$[?(@.a >)]", "$['unclosed]", "$.a]"} {
		if _, err := Parse(bad); err == nil {
			t.Errorf("Parse(%q) succeeded", bad)
		}
	}
}

func TestSetCopiesTheSpineAndCreatesMissingObjects(t *testing.T) {
	root := doc(t, `{"comment":"x","master":{"detail":[1,2]}}`)
	before := js(root)
	cases := []struct{ path, want string }{
		{"$", `"R"`},
		{"$.taskresult", `{"comment":"x","master":{"detail":[1,2]},"taskresult":"R"}`},
		{"$.a.b.c", `{"a":{"b":{"c":"R"}},"comment":"x","master":{"detail":[1,2]}}`},
		{"$.master.detail[1]", `{"comment":"x","master":{"detail":[1,"R"]}}`},
	}
	for _, c := range cases {
		got, err := Set(root, mustParse(c.path), "R")
		if err != nil {
			t.Fatalf("%s: %v", c.path, err)
		}
		if js(got) != c.want {
			t.Errorf("Set %s = %s, want %s", c.path, js(got), c.want)
		}
	}
	if js(root) != before {
		t.Fatalf("Set mutated its input: %s", js(root))
	}
	if _, err := Set(root, mustParse("$.comment.x"), 1); err == nil {
		t.Error("setting a field of a string should fail")
	}
	if _, err := Set(root, mustParse("$.master.detail[5]"), 1); err == nil {
		t.Error("setting a missing index should fail")
	}
}

func FuzzJSONPath(f *testing.F) {
	for _, s := range []string{"$", "$.a[0:2]", "$..id", "$.items[?(@.price > 10)].id", "$['x'][0]", "$$.Map.Item.Value", "$.a[-1:]"} {
		f.Add(s)
	}
	root := doc(f, store)
	f.Fuzz(func(t *testing.T, s string) {
		p, err := Parse(s)
		if err != nil {
			return
		}
		_, _ = p.Eval(root)
		if p.Reference() {
			_, _ = Set(root, p, "v")
		}
	})
}

func BenchmarkEvalFilter(b *testing.B) {
	root := doc(b, store)
	p := mustParse("$.items[?(@.price > 10)].id")
	b.ReportAllocs()
	for b.Loop() {
		_, _ = p.Eval(root)
	}
}

func mustParse(src string) *Path {
	p, err := Parse(src)
	if err != nil {
		panic(err)
	}
	return p
}
