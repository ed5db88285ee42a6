package main

import (
	"encoding/json"
	"strings"
	"testing"

	"github.com/saa-study/saa-study/content"
	"github.com/saa-study/saa-study/sim/say"
)

// TestLabCommandsListShowAndRunEveryLab: lab list --json has 12 or more
// labs, 2 or more per engine; for each, lab run with its start fails and
// with the solution from lab show --json passes, exiting 0 both times.
func TestLabCommandsListShowAndRunEveryLab(t *testing.T) {
	code, out, errs := saa(t, "lab", "list", "--json", "--lang", "en")
	if code != 0 {
		t.Fatalf("lab list: exit %d: %s", code, errs)
	}
	var list []struct{ ID, Engine, Title, Section string }
	if err := json.Unmarshal([]byte(out), &list); err != nil {
		t.Fatalf("lab list --json: %v\n%s", err, out)
	}
	per := map[string]int{}
	for _, l := range list {
		per[l.Engine]++
	}
	if len(list) < 12 {
		t.Errorf("%d labs, want 12 or more", len(list))
	}
	for _, e := range []string{"lambda", "apigateway", "edge", "rdsproxy", "dynamodb", "stepfunctions", "sns"} {
		if per[e] < 2 {
			t.Errorf("engine %s: %d labs, want 2 or more", e, per[e])
		}
	}
	type report struct {
		Lab    string
		Passed bool
		Checks []struct {
			Name, Want, Got string
			OK              bool
		}
		Explanation string
	}
	for _, l := range list {
		code, out, errs := saa(t, "lab", "show", l.ID, "--json", "--lang", "en")
		if code != 0 {
			t.Fatalf("lab show %s: exit %d: %s", l.ID, code, errs)
		}
		var show struct {
			Solution map[string]string
			Settings map[string]string
			Goal     []string
		}
		if err := json.Unmarshal([]byte(out), &show); err != nil || len(show.Solution) == 0 || len(show.Goal) == 0 || len(show.Settings) == 0 {
			t.Fatalf("lab show %s --json: %v\n%s", l.ID, err, out)
		}
		var r report
		code, out, errs = saa(t, "lab", "run", l.ID, "--json", "--lang", "en")
		if code != 0 || json.Unmarshal([]byte(out), &r) != nil || r.Passed || r.Lab != l.ID || len(r.Checks) == 0 || r.Explanation == "" {
			t.Errorf("lab run %s (start): exit %d, %+v, %s", l.ID, code, r, errs)
		}
		args := []string{"lab", "run", l.ID, "--json", "--lang", "en"}
		for k, v := range show.Solution {
			args = append(args, "--set", k+"="+v)
		}
		r = report{}
		code, out, errs = saa(t, args...)
		if code != 0 || json.Unmarshal([]byte(out), &r) != nil || !r.Passed {
			t.Errorf("lab run %s (solution): exit %d, %+v, %s", l.ID, code, r, errs)
		}
	}
}

// TestLabRunRefusesASettingItDoesNotAllow: exit 1, naming the setting and
// its range.
func TestLabRunRefusesASettingItDoesNotAllow(t *testing.T) {
	for _, c := range []struct{ set, want string }{
		{"memory=2048", `does not let you change "memory"; you may change reserved (0 to 1,000)`},
		{"reserved=5000", "reserved must be from 0 to 1,000, not 5000"},
		{"reserved", "write name=value"},
	} {
		code, out, errs := saa(t, "lab", "run", "lambda-reserved-throttle", "--set", c.set)
		if code != 1 || out != "" || !strings.Contains(errs, c.want) {
			t.Errorf("--set %s: exit %d, stdout %q, stderr %q; want 1 and %q", c.set, code, out, errs, c.want)
		}
	}
	code, out, _ := saa(t, "lab", "run", "lambda-reserved-throttle", "--set", "reserved=800")
	if code != 0 || !strings.Contains(out, "✓ throttled: got 0, want == 0") {
		t.Errorf("a passing run: exit %d\n%s", code, out)
	}
}

// TestSimScenarioInKorean: --lang ko prints a scenario's title and lesson in
// Korean, and its explanation cites facts by value, not by id.
func TestSimScenarioInKorean(t *testing.T) {
	code, out, errs := saa(t, "sim", "lambda", "--scenario", "reserved-throttle", "--lang", "ko")
	if code != 0 {
		t.Fatalf("exit %d: %s", code, errs)
	}
	if !strings.Contains(out, "예약된 동시성이 함수를 스로틀링합니다") {
		t.Errorf("no Korean title:\n%s", out)
	}
	if strings.Contains(out, "[lambda.throttle.code]") {
		t.Errorf("a raw fact id:\n%s", out)
	}
}

// TestLabShowTextSetting: a text setting is shown as text, not as a range
// from 0 to 0, and lab run takes a policy with its commas.
func TestLabShowTextSetting(t *testing.T) {
	code, out, errs := saa(t, "lab", "show", "sns-fraud-filter", "--json")
	if code != 0 || !strings.Contains(out, `{"setting":"fraud_policy","text":true}`) {
		t.Fatalf("lab show: exit %d: %s%s", code, out, errs)
	}
	code, out, errs = saa(t, "lab", "run", "sns-fraud-filter", "--json", "--set",
		`fraud_policy={"event_type": ["order_placed"], "country": ["US"], "amount": [{"numeric": [">", 100]}]}`)
	if code != 0 || !strings.Contains(out, `"passed":true`) {
		t.Fatalf("lab run with a policy: exit %d: %s%s", code, out, errs)
	}
}

// TestLabRunInKorean: with --lang ko, every lab's run (its start, which
// fails) reads in Korean: the checks' words, the verdict and the why; the
// English run keeps its words.
func TestLabRunInKorean(t *testing.T) {
	lib, err := content.Embedded()
	if err != nil {
		t.Fatal(err)
	}
	for _, l := range lib.Labs(content.KO) {
		code, out, errs := saa(t, "lab", "run", l.ID, "--lang", "ko")
		if code != 0 {
			t.Fatalf("%s: exit %d: %s", l.ID, code, errs)
		}
		if leaks := say.English(out); len(leaks) > 0 || !strings.Contains(out, "아직 통과하지 못함") {
			t.Errorf("%s in Korean: English %q in\n%s", l.ID, leaks, out)
		}
	}
	_, out, _ := saa(t, "lab", "run", "lambda-reserved-throttle")
	if len(say.English(out)) == 0 || !strings.Contains(out, "not yet") {
		t.Errorf("the English run should read in English:\n%s", out)
	}
}
