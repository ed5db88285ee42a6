package scenariofile

import (
	"strings"
	"testing"
	"testing/fstest"

	"gopkg.in/yaml.v3"
)

func TestLoadAllSortsByIDAndNamesTheBadFile(t *testing.T) {
	parse := func(b []byte) (string, error) {
		s := strings.TrimSpace(string(b))
		if s == "bad" {
			return "", errTest
		}
		return s, nil
	}
	id := func(s string) string { return s }
	got, err := LoadAll(fstest.MapFS{"s/a.yaml": {Data: []byte("zeta")}, "s/b.yaml": {Data: []byte("alpha")}}, "s/*.yaml", parse, id)
	if err != nil || len(got) != 2 || got[0] != "alpha" || got[1] != "zeta" {
		t.Fatalf("LoadAll = %v, %v; want [alpha zeta]", got, err)
	}
	_, err = LoadAll(fstest.MapFS{"s/x.yaml": {Data: []byte("bad")}}, "s/*.yaml", parse, id)
	if err == nil || !strings.HasPrefix(err.Error(), "x.yaml: ") {
		t.Fatalf("error %v should name the file", err)
	}
}

type testErr struct{}

func (testErr) Error() string { return "broken" }

var errTest = testErr{}

func TestLineOfAndYAMLError(t *testing.T) {
	src := "id: x\nruns:\n  - name: a\n  - name: b\n    config: {}\n"
	var root yaml.Node
	if err := yaml.Unmarshal([]byte(src), &root); err != nil {
		t.Fatal(err)
	}
	for _, tc := range []struct {
		path []any
		want int
	}{{[]any{"id"}, 1}, {[]any{"runs", 1}, 4}, {[]any{"runs", 1, "config"}, 5}, {[]any{"missing"}, 1}} {
		if got := LineOf(&root, tc.path...); got != tc.want {
			t.Errorf("LineOf(%v) = %d, want %d", tc.path, got, tc.want)
		}
	}
	var v struct{ ID int }
	err := yaml.Unmarshal([]byte("\n\nid: notanumber\n"), &v)
	if line, msg := YAMLError(err); line != 3 || strings.Contains(msg, "line") {
		t.Fatalf("YAMLError = %d %q, want line 3 without the prefix", line, msg)
	}
}
