package lambda

import (
	"math"
	"strings"
	"testing"
)

func TestEmbeddedScenarios(t *testing.T) {
	all, err := Scenarios()
	if err != nil {
		t.Fatal(err)
	}
	if len(all) < 5 {
		t.Fatalf("%d scenarios, want at least 5", len(all))
	}
	for _, s := range all {
		t.Run(s.ID, func(t *testing.T) {
			rs, err := s.Run()
			if err != nil {
				t.Fatal(err)
			}
			last := rs[len(rs)-1].Result
			if last.Explanation.Fact != s.ExpectFact {
				t.Errorf("explanation %q, want fact %q", last.Explanation, s.ExpectFact)
			}
			for _, r := range rs {
				t.Logf("%s: %s | total %s", r.Label, r.Result.Explanation, usd(r.Result.Bill.Total))
			}
		})
	}
}

func TestScenarioLessons(t *testing.T) {
	run := func(id string) []VariantResult {
		s, err := ScenarioByID(id)
		if err != nil {
			t.Fatal(err)
		}
		rs, err := s.Run()
		if err != nil {
			t.Fatal(err)
		}
		return rs
	}
	t.Run("provisioned removes cold starts", func(t *testing.T) {
		rs := run("provisioned-cold-starts")
		if rs[0].Result.ColdStarts == 0 || rs[2].Result.ColdStarts != 0 || rs[1].Result.ColdStarts == 0 {
			t.Fatalf("cold starts: on-demand %d, pc50 %d, pc80 %d", rs[0].Result.ColdStarts, rs[1].Result.ColdStarts, rs[2].Result.ColdStarts)
		}
	})
	t.Run("sqs loses nothing", func(t *testing.T) {
		r := run("sqs-spike")[0].Result
		if r.DLQ != 0 || r.Throttled != 0 || r.MaxBacklog < 1000 {
			t.Fatalf("dlq %d throttled %d backlog %d", r.DLQ, r.Throttled, r.MaxBacklog)
		}
	})
	t.Run("sqs maximum concurrency caps the function and loses nothing", func(t *testing.T) {
		r := run("sqs-max-concurrency")[0].Result
		if r.MaxConcurrency > 10 || r.DLQ != 0 || r.Throttled != 0 || r.MaxBacklog < 1000 {
			t.Fatalf("peak %d dlq %d throttled %d backlog %d", r.MaxConcurrency, r.DLQ, r.Throttled, r.MaxBacklog)
		}
	})
	t.Run("arm cheaper by the price ratio", func(t *testing.T) {
		rs := run("arm-vs-x86")
		l := DefaultLimits()
		if got := rs[1].Result.Bill.Compute / rs[0].Result.Bill.Compute; math.Abs(got-l.PriceArmGBs/l.PriceX86GBs) > 1e-9 {
			t.Fatalf("ratio %v", got)
		}
	})
	if _, err := ScenarioByID("nope"); err == nil {
		t.Fatal("unknown id accepted")
	}
}

func TestParseScenarioErrors(t *testing.T) {
	base := "id: x\ntitle: T\nlesson: L\nworkload:\n  phases:\n    - {seconds: 1, rps: 1}\n"
	tests := []struct {
		name, in, want string
	}{
		{"empty", "", "line 1: scenario is empty"},
		{"syntax", "id: [\n", "line "},
		{"unknown field", base + "colour: red\n", "line 7: field colour not found"},
		{"bad memory", base + "function:\n  memory_mb: 64\n", "line 7: function: InvalidParameterValueException: MemorySize 64"},
		{"bad reserved", base + "function:\n  reserved: 950\n", "line 7: function: InvalidParameterValueException: Specified ReservedConcurrentExecutions"},
		{"wrong type", base + "function:\n  memory_mb: lots\n", "line 8: "},
		{"bad id", "id: X Y\ntitle: T\nlesson: L\n", "line 1: id"},
		{"no phases", "id: x\ntitle: T\nlesson: L\nworkload: {}\n", "line 4: workload:"},
		{"bad variant", base + "variants:\n  - label: a\n    function: {memory_mb: 99999}\n", "line 8: variant \"a\""},
		{"json works", `{"id":"j","title":"T","lesson":"L","workload":{"phases":[{"seconds":1,"rps":1}]}}`, ""},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			_, err := ParseScenario([]byte(tc.in))
			if tc.want == "" {
				if err != nil {
					t.Fatal(err)
				}
				return
			}
			if err == nil || !strings.HasPrefix(err.Error(), tc.want) && !strings.Contains(err.Error(), tc.want) {
				t.Fatalf("err %v, want %q", err, tc.want)
			}
		})
	}
}

func FuzzParseScenario(f *testing.F) {
	all, _ := embedded.ReadDir("scenarios")
	for _, e := range all {
		b, _ := embedded.ReadFile("scenarios/" + e.Name())
		f.Add(b)
	}
	f.Add([]byte("id: x\ntitle: T\nlesson: L\nworkload: {phases: [{seconds: 1, rps: 1}]}\n"))
	f.Fuzz(func(t *testing.T, b []byte) {
		s, err := ParseScenario(b)
		if err != nil {
			if !strings.HasPrefix(err.Error(), "line ") {
				t.Fatalf("error without a line: %v", err)
			}
			return
		}
		if s.ID == "" || len(s.Workload.Phases) == 0 {
			t.Fatal("accepted scenario without id or phases")
		}
	})
}

// TestEveryScenarioIsInKorean: each shipped scenario has a Korean title and
// lesson, with Hangul in them, so the Korean console and --lang ko never
// fall back to English.
func TestEveryScenarioIsInKorean(t *testing.T) {
	all, err := Scenarios()
	if err != nil {
		t.Fatal(err)
	}
	for _, s := range all {
		for _, p := range s.About().Untranslated() {
			t.Error(p)
		}
	}
}
