package main

import (
	"strings"
	"testing"

	"github.com/saa-study/saa-study/content"
	"github.com/saa-study/saa-study/sim/apigateway"
	"github.com/saa-study/saa-study/sim/edge"
	"github.com/saa-study/saa-study/sim/lambda"
	"github.com/saa-study/saa-study/sim/rdsproxy"
	"github.com/saa-study/saa-study/sim/sns"
)

// TestSimOutputCitesFactsAsReferences: every sim command a learner reads —
// each engine's quick run, each shipped scenario, a DynamoDB load and
// script, each Step Functions example — prints no fact id raw, in English
// and Korean; a cited fact is "[n]", listed after the output with its
// value, meaning, AWS source and date checked.
func TestSimOutputCitesFactsAsReferences(t *testing.T) {
	runs := [][]string{
		{"sim", "lambda"}, {"sim", "apigateway", "--rps", "12000"}, {"sim", "edge"}, {"sim", "rdsproxy"},
		{"sim", "dynamodb", "--wcu", "5", "--rate", "200", "--seconds", "10"},
		{"sim", "sns"}, {"sim", "sns", "--fifo-topic"},
		{"sim", "sns", "--fraud-policy", `{"a":["1"],"b":["1"],"c":["1"],"d":["1"],"e":["1"],"f":["1"]}`},
	}
	ids := func(f func() []string, engine string) {
		for _, id := range f() {
			runs = append(runs, []string{"sim", engine, "--scenario", id})
		}
	}
	ids(func() []string {
		l, _ := lambda.Scenarios()
		return idsOf(l, func(s lambda.Scenario) string { return s.ID })
	}, "lambda")
	ids(func() []string {
		l, _ := apigateway.Scenarios()
		return idsOf(l, func(s apigateway.Scenario) string { return s.ID })
	}, "apigateway")
	ids(func() []string {
		l, _ := edge.Scenarios()
		return idsOf(l, func(s edge.Scenario) string { return s.ID })
	}, "edge")
	ids(func() []string {
		l, _ := rdsproxy.Scenarios()
		return idsOf(l, func(s rdsproxy.Scenario) string { return s.ID })
	}, "rdsproxy")
	ids(func() []string {
		l, _ := sns.Scenarios()
		return idsOf(l, func(s sns.Scenario) string { return s.ID })
	}, "sns")
	for _, ex := range []string{"approval", "choice", "map", "parallel", "retry", "saga"} {
		runs = append(runs, []string{"sim", "stepfunctions", "run", "--definition", ex})
	}
	cited := 0
	for _, lang := range []string{"en", "ko"} {
		for _, args := range runs {
			args := append(append([]string{}, args...), "--lang", lang)
			code, out, errs := saa(t, args...)
			if raw := content.RawFactRefs(errs); len(raw) > 0 {
				t.Errorf("%v: raw fact ids %q in the error %s", args, raw, errs)
			}
			if code != 0 && !refusedOnPurpose(args) {
				t.Fatalf("%v: exit %d: %s", args, code, errs)
			}
			if raw := content.RawFactRefs(out); len(raw) > 0 {
				t.Errorf("%v: raw fact ids %q in:\n%s", args, raw, out)
			}
			if strings.Contains(out, "[1]") {
				cited++
				list := map[string]string{"en": "Facts cited:", "ko": "인용한 사실:"}[lang]
				if !strings.Contains(out, "\n"+list+"\n[1] ") || !strings.Contains(out, "https://") {
					t.Errorf("%v: [1] without its reference listed:\n%s", args, out)
				}
			}
		}
	}
	if cited == 0 {
		t.Error("no run cited a fact: the check would pass on anything")
	}
	// JSON stays as the engines write it, for scripts.
	if _, out, _ := saa(t, "sim", "apigateway", "--json"); strings.Contains(out, "Facts cited") || !strings.Contains(out, "[apigw.") {
		t.Errorf("--json output changed:\n%s", out)
	}
}

func idsOf[S any](l []S, id func(S) string) []string {
	var out []string
	for _, s := range l {
		out = append(out, id(s))
	}
	return out
}

// refusedOnPurpose: a run given settings the simulator refuses (exit 1,
// the refusal on stderr).
func refusedOnPurpose(args []string) bool {
	return strings.Contains(strings.Join(args, " "), `"f":["1"]`)
}
