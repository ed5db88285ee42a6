package lab

import (
	"errors"
	"strings"
	"testing"
	"testing/fstest"

	"github.com/saa-study/saa-study/content"
	"github.com/saa-study/saa-study/sim/sns"
)

func embedded(t *testing.T) *content.Library {
	t.Helper()
	lib, err := content.Embedded()
	if err != nil {
		t.Fatal(err)
	}
	return lib
}

// TestEveryLabStartFailsAndSolutionPasses: no shipped lab is already solved
// or impossible, in either language, and every engine has two or more.
func TestEveryLabStartFailsAndSolutionPasses(t *testing.T) {
	lib := embedded(t)
	for _, lang := range content.Langs {
		per := map[string]int{}
		for _, l := range lib.Labs(lang) {
			per[l.Engine]++
			start, err := Run(lib, l, nil)
			if err != nil {
				t.Fatalf("%s %s start: %v", lang, l.ID, err)
			}
			if start.Passed {
				t.Errorf("%s %s: the start passes: %+v", lang, l.ID, start.Checks)
			}
			sol, err := Run(lib, l, Solution(l))
			if err != nil {
				t.Fatalf("%s %s solution: %v", lang, l.ID, err)
			}
			if !sol.Passed {
				t.Errorf("%s %s: the solution fails: %+v", lang, l.ID, sol.Checks)
			}
			if strings.Contains(start.Explanation+sol.Explanation, "[") {
				t.Errorf("%s %s: a raw fact id in the explanation: %q", lang, l.ID, start.Explanation)
			}
		}
		if n := len(lib.Labs(lang)); n < 12 {
			t.Errorf("%s: %d labs, want 12 or more", lang, n)
		}
		for _, e := range content.LabEngines {
			if per[e] < 2 {
				t.Errorf("%s: engine %s has %d labs, want 2 or more", lang, e, per[e])
			}
		}
	}
}

func TestParseCheckReadsTheLanguage(t *testing.T) {
	cases := []struct {
		in      string
		metric  string
		op      string
		operand Operand
		bad     bool
	}{
		{in: "throttled == 0", metric: "throttled", op: "==", operand: Operand{}},
		{in: "cost.total_usd<=budget_usd", metric: "cost.total_usd", op: "<=", operand: Operand{Ref: "budget_usd"}},
		{in: `status == "SUCCEEDED"`, metric: "status", op: "==", operand: Operand{Str: "SUCCEEDED", IsStr: true}},
		{in: "p99_latency_ms < 100.5", metric: "p99_latency_ms", op: "<", operand: Operand{Num: 100.5}},
		{in: "failed <= ddb.partition.wcu", metric: "failed", op: "<=", operand: Operand{Ref: "ddb.partition.wcu"}},
		{in: "throttled = 0", bad: true},
		{in: `status < "A"`, bad: true},
		{in: "throttled == 1 KB", bad: true},
		{in: "== 0", bad: true},
	}
	for _, c := range cases {
		got, err := ParseCheck(c.in)
		if c.bad {
			if err == nil {
				t.Errorf("%q: parsed, want an error", c.in)
			}
			continue
		}
		if err != nil || got.Metric != c.metric || got.Op != c.op || got.Operand != c.operand {
			t.Errorf("%q = %+v, %v", c.in, got, err)
		}
	}
}

func TestEvalComparesTheResultWithTheGoal(t *testing.T) {
	m := map[string]any{"throttled": 12000.0, "status": "FAILED", "cost.total_usd": 0.001}
	resolve := func(n string) (float64, bool) { return map[string]float64{"budget_usd": 0.002}[n], n == "budget_usd" }
	for _, c := range []struct {
		check, want, got string
		ok               bool
	}{
		{"throttled == 0", "== 0", "12,000", false},
		{"throttled > 0", "> 0", "12,000", true},
		{`status == "SUCCEEDED"`, "== SUCCEEDED", "FAILED", false},
		{`status != "SUCCEEDED"`, "!= SUCCEEDED", "FAILED", true},
		{"cost.total_usd <= budget_usd", "<= 0.002", "0.001", true},
	} {
		ch, err := ParseCheck(c.check)
		if err != nil {
			t.Fatal(err)
		}
		r, err := ch.Eval(m, resolve)
		if err != nil || r.Want != c.want || r.Got != c.got || r.OK != c.ok {
			t.Errorf("%s = %+v, %v", c.check, r, err)
		}
	}
	ch, _ := ParseCheck("latency == 0")
	if _, err := ch.Eval(m, resolve); err == nil || !strings.Contains(err.Error(), "throttled") {
		t.Errorf("an unknown metric should be refused with the metrics there are: %v", err)
	}
}

func TestRunRefusesASettingTheLabDoesNotAllow(t *testing.T) {
	lib := embedded(t)
	l := lib.Lab(content.EN, "lambda-reserved-throttle")
	var se *SettingError
	if _, err := Run(lib, l, map[string]string{"memory": "2048"}); !errors.As(err, &se) || !strings.Contains(err.Error(), "reserved (0 to 1,000)") {
		t.Errorf("a fixed setting: %v", err)
	}
	if _, err := Run(lib, l, map[string]string{"reserved": "5000"}); !errors.As(err, &se) || !strings.Contains(err.Error(), "0 to 1,000") {
		t.Errorf("out of range: %v", err)
	}
	if _, err := Run(lib, l, map[string]string{"reserved": "lots"}); !errors.As(err, &se) {
		t.Errorf("not a number: %v", err)
	}
}

const fixtureFacts = `- id: lambda.throttle.code
  value: 429
  unit: ""
  meaning: Throttled.
  meaning_ko: 스로틀링.
  source: https://docs.aws.amazon.com/lambda/latest/dg/lambda-concurrency.html
  checked: 2026-11-27
`

const fixtureNote = "---\nid: lambda\ntitle: Lambda\n---\n\n# Lambda\n\n## Concurrency {#concurrency}\n\nThrottles. [Try it in a lab](lab:lambda-fixture)\n"

const fixtureLab = `---
id: lambda-fixture
engine: lambda
title: "Throttles"
section: lambda#concurrency
facts: lambda.throttle.code
settings:
  rps: 500
  duration_ms: 1000
  reserved: 300
change:
  reserved: [0, 1000]
goal:
  - throttled == 0
solution:
  reserved: 800
why: "Reserved concurrency is a ceiling."
---

At {{setting "rps"}} requests a second, clients get {{value "lambda.throttle.code"}}.
`

func fixture(lab string) fstest.MapFS {
	return fstest.MapFS{
		"facts.yaml":            {Data: []byte(fixtureFacts)},
		"notes/en/lambda.md":    {Data: []byte(fixtureNote)},
		"notes/ko/lambda.md":    {Data: []byte(fixtureNote)},
		"labs/en/lambda-fix.md": {Data: []byte(lab)},
		"labs/ko/lambda-fix.md": {Data: []byte(lab)},
	}
}

// TestLintRunsEveryLab: lint refuses a lab whose start already passes and
// one whose solution fails, at the lines of the goal and the solution.
func TestLintRunsEveryLab(t *testing.T) {
	cases := []struct{ name, lab, want string }{
		{"good", fixtureLab, ""},
		{"start passes", strings.Replace(fixtureLab, "reserved: 300", "reserved: 900", 1),
			"labs/en/lambda-fix.md:14: the starting settings already pass the goal (✓ throttled got 0, want == 0)"},
		{"solution fails", strings.Replace(fixtureLab, "reserved: 800", "reserved: 400", 1),
			"labs/en/lambda-fix.md:15: the solution fails the goal (✗ throttled got"},
		{"unknown setting", strings.Replace(fixtureLab, "duration_ms: 1000", "duration: 1000", 1), `labs/en/lambda-fix.md:9: lambda has no setting "duration"`},
		{"unknown metric", strings.Replace(fixtureLab, "throttled == 0", "throttles == 0", 1), `the starting settings do not run: lab lambda-fixture: "throttles == 0": the result has no "throttles"`},
		{"number by hand in a goal", strings.Replace(fixtureLab, "throttled == 0", "throttled <= 10", 1), `labs/en/lambda-fix.md:14: "throttled <= 10": the number 10 is written by hand`},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			lib, err := content.Load(fixture(c.lab))
			if err != nil {
				t.Fatalf("load: %v", err)
			}
			var got []string
			for _, p := range Lint(lib) {
				got = append(got, p.String())
			}
			all := strings.Join(got, "\n")
			if c.want == "" {
				if all != "" {
					t.Fatalf("a good lab gets problems:\n%s", all)
				}
				return
			}
			if !strings.Contains(all, c.want) {
				t.Fatalf("want %q in:\n%s", c.want, all)
			}
		})
	}
}

func TestCiteShowsFactsInsteadOfTheirIDs(t *testing.T) {
	lib := embedded(t)
	got := Cite(lib, content.KO, "Throttled [lambda.throttle.code].")
	if strings.Contains(got, "[lambda.throttle.code]") || !strings.Contains(got, "429") || !strings.Contains(got, "스로틀") {
		t.Errorf("Cite = %q", got)
	}
}

// TestTextSettingKeepsItsCommas: a filter policy is a text setting, so a
// learner's JSON reaches the engine as typed (a number setting drops its
// thousands separators), and the engine's own refusal comes back whole.
func TestTextSettingKeepsItsCommas(t *testing.T) {
	lib := embedded(t)
	l := lib.Lab(content.EN, "sns-fraud-filter")
	policy := `{"event_type": ["order_placed"], "country": ["US"], "amount": [{"numeric": [">", 100]}]}`
	got, err := Settings(l, map[string]string{"fraud_policy": "  " + policy})
	if err != nil || got["fraud_policy"] != policy {
		t.Fatalf("settings = %q, %v; want the policy as typed", got["fraud_policy"], err)
	}
	rep, err := Run(lib, l, map[string]string{"fraud_policy": policy})
	if err != nil || !rep.Passed {
		t.Errorf("the solution typed by hand: %+v, %v", rep, err)
	}
	_, err = Run(lib, l, map[string]string{"fraud_policy": `{"amount": [{"numeric": [">", 100, "<", 5]}]}`})
	if err == nil || !strings.Contains(err.Error(), "InvalidParameterException: Invalid parameter: FilterPolicy: Bottom must be less than top") {
		t.Errorf("a bad policy: %v", err)
	}
	if v, ok := l.GivenValue("fraud_min_usd"); !ok || v != sns.FraudMinUSD {
		t.Errorf("the lab says fraud wants orders above %v USD, the engine %d", v, sns.FraudMinUSD)
	}
	ko, err := Run(lib, lib.Lab(content.KO, "sns-fraud-filter"), nil)
	if err != nil || !strings.Contains(ko.Explanation, "필요 없는데 전달됨: fraud 291건") {
		t.Errorf("the Korean lab explains in Korean: %q, %v", ko.Explanation, err)
	}
	var se *SettingError
	if _, err := Run(lib, l, map[string]string{"topic": "fifo"}); !errors.As(err, &se) || !strings.Contains(err.Error(), "fraud_policy (any text)") {
		t.Errorf("a fixed setting beside a text one: %v", err)
	}
}
