package main

import (
	"strings"
	"testing"

	"github.com/saa-study/saa-study/sim/say"
)

// TestSimCommandsPrintKorean: with --lang ko every simulator command, a
// quick run and each shipped scenario, prints Hangul and no English
// sentence; the same commands in English do print English, so the check
// is not blind.
func TestSimCommandsPrintKorean(t *testing.T) {
	runs := [][]string{
		{"sim", "lambda", "--scenario", "reserved-throttle"},
		{"sim", "lambda"},
		{"sim", "lambda", "--rps", "100", "--duration-ms", "2000", "--reserved", "100"},
		{"sim", "apigateway"},
		{"sim", "apigateway", "--rps", "12000", "--seconds", "5"},
		{"sim", "edge"},
		{"sim", "edge", "--function", "lae", "--trigger", "origin-request"},
		{"sim", "rdsproxy"},
		{"sim", "rdsproxy", "--proxy", "--pinned-pct", "80"},
		{"sim", "stepfunctions", "run", "--definition", "choice"},
		{"sim", "stepfunctions", "validate", "--definition", "choice"},
		{"sim", "dynamodb", "--wcu", "5", "--rate", "20", "--seconds", "2"},
		{"sim", "sns"},
		{"sim", "sns", "--fifo-topic", "--fifo-queue", "--shipping-policy", `{"event_type":["order_placed","order_cancelled"]}`},
	}
	for _, engine := range []string{"lambda", "apigateway", "edge", "rdsproxy", "sns"} {
		code, out, errs := saa(t, "sim", engine, "--scenario", "nonesuch")
		if code != 2 {
			t.Fatalf("%s: exit %d: %s%s", engine, code, out, errs)
		}
		ids := strings.TrimSpace(errs[strings.LastIndex(errs, ":")+1:])
		for _, id := range strings.Split(ids, ", ") {
			runs = append(runs, []string{"sim", engine, "--scenario", id})
		}
	}
	if len(runs) < 14+21 {
		t.Fatalf("found %d runs, want every shipped scenario too", len(runs))
	}
	for _, args := range runs {
		code, out, errs := saa(t, append(args, "--lang", "ko")...)
		if code != 0 {
			t.Fatalf("%v: exit %d: %s", args, code, errs)
		}
		if !strings.ContainsFunc(out, func(r rune) bool { return r >= 0xAC00 && r <= 0xD7A3 }) {
			t.Errorf("%v --lang ko: no Hangul in\n%s", args, out)
		}
		for _, line := range strings.Split(out, "\n") {
			for _, p := range say.NotKorean(line) {
				t.Errorf("%v --lang ko: %q in %q", args, p, line)
			}
		}
		if args[1] == "stepfunctions" || args[1] == "dynamodb" {
			continue // their English is column names, a status word and counts
		}
		_, en, _ := saa(t, append(args, "--lang", "en")...)
		if len(say.English(en)) == 0 {
			t.Errorf("%v --lang en: the checker finds no English in\n%s", args, en)
		}
	}
}
