package content

import (
	"strings"
	"testing"
	"testing/fstest"
)

const goodLab = `---
id: lambda-long-run
engine: lambda
title: "A job that runs too long"
section: lambda#model
facts: lambda.timeout.max
settings:
  duration_ms: 1000
  memory: 512
change:
  memory: [128, 10240]
given:
  target_ms: 1500
goal:
  - p99_latency_ms <= target_ms
solution:
  memory: 1769
why: "CPU follows memory."
---

The job takes {{setting "duration_ms"}} ms and must end within {{setting "target_ms"}} ms; the cap is {{fact "lambda.timeout.max"}}.
`

// withLab is the valid fixture with a lab in both languages, linked from
// the note and from a question's explanation.
func withLab(en string) fstest.MapFS {
	fs := valid()
	link := "\n\n[Try it in a lab](lab:lambda-long-run)\n"
	fs["notes/en/lambda.md"] = &fstest.MapFile{Data: []byte(goodNote + link)}
	fs["notes/ko/lambda.md"] = &fstest.MapFile{Data: []byte(strings.Replace(goodNote, "Runs", "실행", 1) + link)}
	q := strings.Replace(goodQuestions, "Right: that is the cap.", "Right: that is the cap. [Lab](lab:lambda-long-run)", 1)
	fs["questions/en/lambda.md"] = &fstest.MapFile{Data: []byte(q)}
	fs["questions/ko/lambda.md"] = &fstest.MapFile{Data: []byte(q)}
	fs["labs/en/lambda-long-run.md"] = &fstest.MapFile{Data: []byte(en)}
	fs["labs/ko/lambda-long-run.md"] = &fstest.MapFile{Data: []byte(goodLab)}
	return fs
}

func TestLabLoads(t *testing.T) {
	lib, err := Load(withLab(goodLab))
	if err != nil {
		t.Fatalf("good lab: %v", err)
	}
	l := lib.Lab(EN, "lambda-long-run")
	if l == nil || l.Engine != "lambda" || len(l.Goal) != 1 || l.Goal[0].Line != 15 {
		t.Fatalf("lab = %+v", l)
	}
	if want := "The job takes 1,000 ms and must end within 1,500 ms; the cap is 900 s."; l.Situation != want {
		t.Errorf("situation = %q, want %q", l.Situation, want)
	}
	if ch := l.Changeable("memory"); ch == nil || ch.Allows("2048") != nil || ch.Allows("20000") == nil {
		t.Errorf("memory change = %+v", ch)
	}
}

// TestLabProblems: each broken lab is reported at its file and line.
func TestLabProblems(t *testing.T) {
	r := func(old, new string) string { return strings.Replace(goodLab, old, new, 1) }
	cases := []struct{ name, src, want string }{
		{"number by hand", r("The job takes", "At 12,000 requests the job takes"), "labs/en/lambda-long-run.md:21: the number 12,000 is written by hand"},
		{"unknown setting call", r(`{{setting "target_ms"}}`, `{{setting "target"}}`), `labs/en/lambda-long-run.md:21: {{setting "target"}}: the lab has no such setting`},
		{"unknown engine", r("engine: lambda", "engine: sqs"), `labs/en/lambda-long-run.md:3: engine "sqs": a lab runs one of`},
		{"solution out of range", r("memory: 1769", "memory: 20000"), "labs/en/lambda-long-run.md:17: solution: memory must be from 128 to 10,240"},
		{"solution of a fixed setting", r("memory: 1769", "duration_ms: 10"), `labs/en/lambda-long-run.md:17: solution changes "duration_ms", which the lab does not let a learner change`},
		{"change without a start", r("  memory: [128, 10240]", "  arch: [x86_64, arm64]"), `labs/en/lambda-long-run.md:11: change "arch": the setting has no starting value`},
		{"bad section", r("section: lambda#model", "section: lambda#nope"), `lab "lambda-long-run": section "lambda#nope" does not exist`},
		{"languages differ", r("target_ms: 1500", "target_ms: 1400"), `labs/ko/lambda-long-run.md:2: lab "lambda-long-run" differs from labs/en/lambda-long-run.md: given`},
		{"no goal", r("goal:\n  - p99_latency_ms <= target_ms\n", ""), `lab "lambda-long-run" has no goal`},
		{"change neither range nor text", r("  memory: [128, 10240]", "  memory: words"), "labs/en/lambda-long-run.md:11: change.memory must be [low, high], a list of choices, or text"},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			_, err := Load(withLab(c.src))
			if err == nil || !strings.Contains(err.Error(), c.want) {
				t.Fatalf("want %q, got:\n%v", c.want, err)
			}
		})
	}
	fs := withLab(goodLab)
	fs["notes/en/lambda.md"] = &fstest.MapFile{Data: []byte(goodNote)}
	if _, err := Load(fs); err == nil || !strings.Contains(err.Error(), "is not linked from its note") {
		t.Errorf("an unlinked lab: %v", err)
	}
}

// TestLabRangeInKorean: a setting's allowed range reads in Korean without
// English words, and in English as before.
func TestLabRangeInKorean(t *testing.T) {
	num := LabChange{Name: "keys", Lo: 1, Hi: 10000}
	pick := LabChange{Name: "mode", Choices: []string{"reuse", "per-invocation"}}
	for _, c := range []struct {
		ch   LabChange
		lang Lang
		want string
	}{
		{num, EN, "1 to 10,000"}, {num, KO, "1~10,000"},
		{pick, EN, "one of reuse, per-invocation"}, {pick, KO, "reuse, per-invocation 중 하나"},
	} {
		if got := c.ch.RangeIn(c.lang); got != c.want {
			t.Errorf("%s %s: %q, want %q", c.ch.Name, c.lang, got, c.want)
		}
	}
}

// TestLabTextChange: "text" lets a learner type any value (a JSON policy),
// up to LabTextMax characters.
func TestLabTextChange(t *testing.T) {
	c := LabChange{Name: "policy", Text: true}
	if err := c.Allows(`{"a": ["b", "c"]}`); err != nil {
		t.Errorf("a policy: %v", err)
	}
	if err := c.Allows(strings.Repeat("x", LabTextMax+1)); err == nil {
		t.Error("a value longer than LabTextMax was allowed")
	}
	if c.Range() != "any text" {
		t.Errorf("range %q", c.Range())
	}
}
