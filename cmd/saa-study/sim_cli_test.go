package main

import (
	"regexp"
	"strings"
	"testing"

	"github.com/saa-study/saa-study/store"
)

var arithmeticStart = regexp.MustCompile(`\s[0-9$]`)

// TestSimPrintsLineUp: the printed Lambda bill keeps one column for the
// arithmetic however long a label is; a scenario's lesson is followed by
// one blank line, not two; a Step Functions history has no trailing blanks.
func TestSimPrintsLineUp(t *testing.T) {
	code, out, errs := saa(t, "sim", "lambda")
	if code != 0 {
		t.Fatalf("sim lambda: exit %d: %s", code, errs)
	}
	// The arithmetic starts with the first digit or "$" after a blank.
	col := -1
	bill, _, _ := strings.Cut(out, "\nFacts cited:") // the references follow the bill
	for _, l := range strings.Split(bill, "\n") {
		if !strings.HasPrefix(l, "  ") {
			continue
		}
		loc := arithmeticStart.FindStringIndex(l)
		if loc == nil {
			continue
		}
		if col < 0 {
			col = loc[0]
		} else if loc[0] != col {
			t.Errorf("bill line out of column (%d, want %d): %q\n%s", loc[0], col, l, out)
		}
	}
	for _, args := range [][]string{{"sim", "lambda", "--scenario", "arm-vs-x86"}, {"sim", "edge", "--scenario", "origin-selection"}} {
		code, out, errs := saa(t, args...)
		if code != 0 {
			t.Fatalf("%v: exit %d: %s", args, code, errs)
		}
		if strings.Contains(out, "\n\n\n") {
			t.Errorf("%v: two blank lines in a row:\n%s", args, out)
		}
	}
	code, out, errs = saa(t, "sim", "stepfunctions", "run", "--definition", "choice")
	if code != 0 {
		t.Fatalf("sim stepfunctions run: exit %d: %s", code, errs)
	}
	for _, l := range strings.Split(out, "\n") {
		if strings.HasSuffix(l, " ") {
			t.Errorf("a history line ends in spaces: %q", l)
		}
	}
}

// TestExamHistoryNamesDomainsLikeTheScreen: exam --history writes the
// domains as the Exam screens do, with the id --json uses beside them.
func TestExamHistoryNamesDomainsLikeTheScreen(t *testing.T) {
	got := domainSummary([]store.ExamDomain{{Domain: "performant", Correct: 1, Total: 5}, {Domain: "cost", Correct: 0, Total: 4}, {Domain: "secure", Total: 0}})
	if want := "high-performing (performant) 1/5, cost-optimized (cost) 0/4"; got != want {
		t.Errorf("domainSummary = %q, want %q", got, want)
	}
}

// TestSimSNS: the quick run prints a row per subscriber, --json gives the
// counts by subscriber name, a scenario prints in Korean with --lang ko
// (the refusal quoted as SNS words it),
// and a policy SNS refuses exits 1 with its InvalidParameterException.
func TestSimSNS(t *testing.T) {
	code, out, errs := saa(t, "sim", "sns", "--fraud-policy", `{"country": ["US"]}`)
	if code != 0 || !strings.Contains(out, "fraud ") || !strings.Contains(out, "analytics ") {
		t.Fatalf("sim sns: exit %d: %s%s", code, out, errs)
	}
	code, out, errs = saa(t, "sim", "sns", "--json", "--fifo-topic", "--fifo-queue", "--fraud-policy", `{"event_type": ["order_placed"], "country": ["US"], "amount": [{"numeric": [">", 100]}]}`)
	if code != 0 || !strings.Contains(out, `"fraud":{"protocol":"sqs"`) || !strings.Contains(out, `"unwanted":0,"missed":0,"out_of_order":0`) {
		t.Fatalf("sim sns --json: exit %d: %s%s", code, out, errs)
	}
	code, out, errs = saa(t, "sim", "sns", "--scenario", "fifo-ordering", "--lang", "ko")
	if code != 0 || !strings.Contains(out, "FIFO 주제로") || !strings.Contains(out, "거부됨: InvalidParameterException: Invalid parameter: Invalid protocol type: lambda") {
		t.Fatalf("scenario in Korean: exit %d: %s%s", code, out, errs)
	}
	code, _, errs = saa(t, "sim", "sns", "--fraud-policy", `{"a": []}`)
	if code != 1 || !strings.Contains(errs, "InvalidParameterException: Invalid parameter: FilterPolicy: Empty arrays are not allowed") {
		t.Fatalf("a refused policy: exit %d: %s", code, errs)
	}
}
