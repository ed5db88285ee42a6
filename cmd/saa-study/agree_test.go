package main

import (
	"encoding/json"
	"regexp"
	"strconv"
	"strings"
	"testing"

	"github.com/spf13/pflag"

	"github.com/saa-study/saa-study/sim/lambda"
	"github.com/saa-study/saa-study/store"
)

// TestSimLambdaTextAndJSONAgree: the text of a scenario run prints the
// same requests and invocations as its --json (6,000 requests arrive, 3,000
// run, 3,000 are throttled in reserved-throttle), and so does a quick run.
func TestSimLambdaTextAndJSONAgree(t *testing.T) {
	code, text, errs := saa(t, "sim", "lambda", "--scenario", "reserved-throttle")
	if code != 0 {
		t.Fatalf("exit %d: %s", code, errs)
	}
	code, js, errs := saa(t, "sim", "lambda", "--scenario", "reserved-throttle", "--json")
	if code != 0 {
		t.Fatalf("--json: exit %d: %s", code, errs)
	}
	var out struct {
		Runs []struct{ Result lambda.Result } `json:"runs"`
	}
	if err := json.Unmarshal([]byte(js), &out); err != nil || len(out.Runs) != 1 {
		t.Fatalf("json: %v\n%s", err, js)
	}
	r := out.Runs[0].Result
	for name, want := range map[string]int64{"requests": r.Requests, "invocations": r.Invocations, "throttled": r.Throttled} {
		if got := number(t, text, name); got != want {
			t.Errorf("text says %s %d, --json %d:\n%s", name, got, want, text)
		}
	}
	if r.Requests != 6000 || r.Invocations != 3000 {
		t.Errorf("reserved-throttle: %d requests, %d invocations; want 6000 and 3000", r.Requests, r.Invocations)
	}
	_, text, _ = saa(t, "sim", "lambda", "--reserved", "100", "--duration-ms", "2000", "--cpu-share", "0")
	_, js, _ = saa(t, "sim", "lambda", "--reserved", "100", "--duration-ms", "2000", "--cpu-share", "0", "--json")
	var q lambda.QuickResult
	if err := json.Unmarshal([]byte(js), &q); err != nil {
		t.Fatal(err)
	}
	if number(t, text, "requests") != q.Requests || number(t, text, "invocations") != q.Invocations || q.Invocations != q.Requests-q.Throttled {
		t.Errorf("quick run: text and JSON disagree, or invocations count throttles:\n%s\n%s", text, js)
	}
}

func number(t *testing.T, s, name string) int64 {
	t.Helper()
	m := regexp.MustCompile(`\b` + name + ` (\d+)`).FindStringSubmatch(s)
	if m == nil {
		t.Fatalf("no %q in:\n%s", name, s)
	}
	n, _ := strconv.ParseInt(m[1], 10, 64)
	return n
}

// TestLambdaDefaultsAreTheConsoles: every flag of sim lambda starts from
// lambda.QuickDefaults, which the console's form starts from too.
func TestLambdaDefaultsAreTheConsoles(t *testing.T) {
	d := lambda.QuickDefaults()
	f := newSimLambdaCmd(&globals{}).Flags()
	want := map[string]string{
		"memory": strconv.Itoa(d.Memory), "duration-ms": strconv.FormatFloat(d.DurationMS, 'g', -1, 64),
		"rps": strconv.FormatFloat(d.RPS, 'g', -1, 64), "seconds": strconv.FormatFloat(d.Seconds, 'g', -1, 64),
		"account-limit": strconv.Itoa(d.AccountLimit), "cold-start-ms": strconv.Itoa(d.ColdStartMS),
		"cpu-share": strconv.FormatFloat(d.CPUShare, 'g', -1, 64), "arch": d.Arch, "free-tier": strconv.FormatBool(d.FreeTier),
	}
	f.VisitAll(func(fl *pflag.Flag) {
		if w, ok := want[fl.Name]; ok && fl.DefValue != w {
			t.Errorf("--%s defaults to %s, the console to %s", fl.Name, fl.DefValue, w)
		}
	})
}

// TestTypoInAGlobalFlagOrANameIsCaught: --theme neon is refused by any
// command; an unknown note id or simulator names the closest one.
func TestTypoInAGlobalFlagOrANameIsCaught(t *testing.T) {
	tests := []struct {
		args []string
		want string
	}{
		{[]string{"--theme", "neon", "notes", "--list"}, `--theme "neon": use auto, dark or light`},
		{[]string{"notes", "lambd"}, "did you mean lambda?"},
		{[]string{"notes", "lambd", "--print"}, "did you mean lambda?"},
		{[]string{"notes", "lamda-limits", "--print"}, "did you mean lambda-limits?"},
		{[]string{"sim", "lambd"}, "did you mean lambda?"},
		{[]string{"sim", "lambda", "--scenario", "reserved-throtle"}, "did you mean reserved-throttle?"},
	}
	for _, tc := range tests {
		code, _, errs := saa(t, tc.args...)
		if code == 0 || !strings.Contains(errs, tc.want) {
			t.Errorf("%v: exit %d, %q; want %q", tc.args, code, errs, tc.want)
		}
	}
	if d := didYouMean("zzzz", []string{"lambda", "edge"}); d != "" {
		t.Errorf("a far word got a suggestion: %q", d)
	}
}

// TestExamDomainsKeepIdsInJSONAndNamesInText: the history's JSON keeps the
// stable domain ids; the text prints the display name with the id beside it.
func TestExamDomainsKeepIdsInJSONAndNamesInText(t *testing.T) {
	got := domainSummary([]store.ExamDomain{{Domain: "performant", Correct: 2, Total: 3}, {Domain: "cost", Correct: 1, Total: 1}})
	for _, want := range []string{"high-performing (performant) 2/3", "cost-optimized (cost) 1/1"} {
		if !strings.Contains(got, want) {
			t.Errorf("text %q lacks %q", got, want)
		}
	}
	b, _ := json.Marshal(store.ExamDomain{Domain: "performant"})
	if !strings.Contains(string(b), `"domain":"performant"`) {
		t.Errorf("JSON lost the id: %s", b)
	}
}
