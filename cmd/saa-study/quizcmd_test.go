package main

import (
	"encoding/json"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/saa-study/saa-study/quiz"
)

const goodQuiz = `---
quiz: week-3
title: Week 3
---

## w3-timeout
domain: resilient
difficulty: 1

What is the longest a Lambda function can run?

- [ ] 5 minutes
  Wrong: that was the limit before 2018.
- [x] 15 minutes
  Right: the timeout can be set up to 900 seconds.
- [ ] 1 hour
  Wrong: use Step Functions or containers for longer work.
- [ ] No limit
  Wrong: every invocation has a timeout.

## w3-two
domain: cost
difficulty: 2
choose: 2

Which TWO are billed per request? (Choose two.)

- [x] Lambda invocations
  Right: each request is billed.
- [x] API Gateway HTTP API calls
  Right: billed per million requests.
- [ ] An idle NAT gateway
  Wrong: it bills by the hour.
- [ ] A provisioned RDS instance
  Wrong: it bills by the hour.
- [ ] An EBS volume
  Wrong: it bills by GB-month.
`

func writeQuiz(t *testing.T, text string) string {
	t.Helper()
	p := filepath.Join(t.TempDir(), "week-3.md")
	if err := os.WriteFile(p, []byte(text), 0o644); err != nil {
		t.Fatal(err)
	}
	return p
}

func TestQuizLintErrorNamesFileAndLine(t *testing.T) {
	f := writeQuiz(t, strings.Replace(goodQuiz, "domain: cost", "domain: cheap", 1))
	code, out, errs := saa(t, "quiz", "--file", f, "--answers", "b,ab")
	if code != 1 || out != "" {
		t.Fatalf("exit %d, stdout %q; want 1 and nothing", code, out)
	}
	if !strings.Contains(errs, f+":") || !strings.Contains(errs, "domain") {
		t.Fatalf("stderr does not name file:line and the problem: %q", errs)
	}
}

func TestQuizScriptedAnswersExport(t *testing.T) {
	f := writeQuiz(t, goodQuiz)
	tests := []struct {
		name    string
		answers string
		export  string
		check   func(t *testing.T, out string, file []byte)
	}{
		{"csv to stdout", "b,ab", "", func(t *testing.T, out string, _ []byte) {
			lines := strings.Split(strings.TrimSpace(out), "\r\n")
			if len(lines) != 4 || lines[0] != strings.Join(quiz.CSVHeader, ",") ||
				!strings.HasPrefix(lines[1], "ann,week-3,w3-timeout,b,true,") ||
				!strings.HasPrefix(lines[2], "ann,week-3,w3-two,ab,true,") ||
				!strings.Contains(lines[3], "#score,,2/2 (100.0%)") {
				t.Fatalf("csv:\n%s", out)
			}
		}},
		{"blank and wrong to csv file", "-,ac", "r.csv", func(t *testing.T, out string, file []byte) {
			if !strings.Contains(out, "ann: 0/2 (0.0%)") {
				t.Fatalf("stdout %q", out)
			}
			if !strings.Contains(string(file), "ann,week-3,w3-timeout,,false,") || !strings.Contains(string(file), "0/2 (0.0%)") {
				t.Fatalf("file:\n%s", file)
			}
		}},
		{"json file", "B,ba", "r.json", func(t *testing.T, _ string, file []byte) {
			var doc quiz.Export
			if err := json.Unmarshal(file, &doc); err != nil {
				t.Fatalf("%v:\n%s", err, file)
			}
			if len(doc.Records) != 2 || doc.Records[1].Chosen != "ab" || len(doc.Summary) != 1 || doc.Summary[0].Correct != 2 {
				t.Fatalf("json = %+v", doc)
			}
		}},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			args := []string{"quiz", "--file", f, "--name", "ann", "--answers", tc.answers}
			var path string
			if tc.export != "" {
				path = filepath.Join(t.TempDir(), tc.export)
				args = append(args, "--export", path)
			}
			code, out, errs := saa(t, args...)
			if code != 0 {
				t.Fatalf("exit %d: %s", code, errs)
			}
			var file []byte
			if path != "" {
				file, _ = os.ReadFile(path)
			}
			tc.check(t, out, file)
		})
	}
}

func TestQuizAndExamMisuseExitTwo(t *testing.T) {
	f := writeQuiz(t, goodQuiz)
	for _, args := range [][]string{
		{"quiz"},
		{"quiz", "--file", f},                      // no terminal, no --answers
		{"quiz", "--file", f, "--answers", "b"},    // too few answers
		{"quiz", "--file", f, "--answers", "z,ab"}, // no option z
		{"exam"}, // no terminal
		{"exam", "--questions", "-1"},
		{"exam", "--json"},
	} {
		code, _, errs := saa(t, args...)
		if code != 2 || strings.TrimSpace(errs) == "" {
			t.Errorf("%v: exit %d, stderr %q; want 2 with a reason", args, code, errs)
		}
	}
}

func TestExamHistoryAndReportsStartEmpty(t *testing.T) {
	for _, args := range [][]string{{"exam", "--history", "--json"}, {"reports", "--json"}} {
		code, out, errs := saa(t, args...)
		if code != 0 || strings.TrimSpace(out) != "[]" {
			t.Errorf("%v: exit %d, stdout %q, stderr %q; want an empty JSON list", args, code, out, errs)
		}
	}
	code, out, errs := saa(t, "exam", "--history")
	if code != 0 || out != "" || !strings.Contains(errs, "no exams") {
		t.Errorf("exam --history: exit %d, %q, %q", code, out, errs)
	}
}
