package sim

import (
	"context"
	"path/filepath"
	"strings"
	"testing"
	"time"

	tea "charm.land/bubbletea/v2"

	"github.com/saa-study/saa-study/content"
	"github.com/saa-study/saa-study/progress"
	"github.com/saa-study/saa-study/srs"
	"github.com/saa-study/saa-study/ui/internal/uitest"
	"github.com/saa-study/saa-study/ui/text"
)

func openLab(t *testing.T, id string, lang content.Lang) (*uitest.Harness, *progress.Progress) {
	t.Helper()
	lib, err := content.Embedded()
	if err != nil {
		t.Fatal(err)
	}
	p, err := progress.Open(filepath.Join(t.TempDir(), "progress.db"), lib, progress.Options{Loc: time.UTC})
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { p.Close() })
	s := NewLab(uitest.Common(lib, p, lang, 100, 40), id)
	if s == nil {
		t.Fatalf("no lab %s", id)
	}
	return uitest.NewHarness(t, s), p
}

func typeValue(h *uitest.Harness, v string) {
	h.Keys("enter")
	for _, r := range v {
		h.Keys(string(r))
	}
	h.Keys("enter")
}

// TestLabRunsInTheEngineConsole: a lab opens Lambda's console with the
// goal pinned at the top and only the setting it allows, its range in the
// hint; a run draws the console's result (views, chart) under ✓/✗ checks
// with the engine's why, facts as references; back at the form a good
// value passes, and the pass is rated Good in the schedule.
func TestLabRunsInTheEngineConsole(t *testing.T) {
	h, p := openLab(t, "lambda-reserved-throttle", content.EN)
	v := h.View()
	lines := strings.Split(v, "\n")
	if !strings.HasPrefix(lines[0], "Goal · ") || !strings.Contains(lines[1], "throttled == 0") {
		t.Fatalf("the goal is not pinned at the top:\n%s", v)
	}
	if !strings.Contains(v, "Reserved concurrency") || !strings.Contains(v, "◂ 300 ▸") || !strings.Contains(v, "allowed: 0 to 1,000") ||
		!strings.Contains(v, "Situation") || !strings.Contains(v, "Fixed by the situation: memory=1024") {
		t.Fatalf("the allowed setting, its range, the fixed ones or the situation is missing:\n%s", v)
	}
	if strings.Contains(v, "Memory (MB)") || strings.Contains(v, "◆ ") {
		t.Fatalf("a fixed setting or a scenario is offered in a lab:\n%s", v)
	}
	h.Keys("r")
	v = h.View()
	if !strings.Contains(v, "✗ throttled: got 12,000, want == 0") || !strings.Contains(v, "Not yet (run 1)") {
		t.Fatalf("a failed run:\n%s", v)
	}
	if !strings.Contains(v, "[chart]") || !strings.Contains(v, "facts") || !strings.Contains(v, "capped the function") {
		t.Fatalf("the run is not drawn by the engine's console with its why:\n%s", v)
	}
	if len(content.RawFactRefs(v)) > 0 {
		t.Errorf("a raw fact id on screen:\n%s", v)
	}
	h.Keys("i")
	if v := h.View(); !strings.Contains(v, "source: https://docs.aws.amazon.com/") || !strings.Contains(v, "checked: 20") {
		t.Fatalf("i does not open the facts the run cites:\n%s", v)
	}
	h.Keys("esc")
	typeValue(h, "800")
	h.Keys("r")
	v = flat(h.View())
	if !strings.Contains(v, "✓ throttled: got 0, want == 0") || !strings.Contains(v, "Passed on run 2") || !strings.Contains(v, "Why: Concurrency is") {
		t.Fatalf("a passing run:\n%s", v)
	}
	ans, err := p.Answers(context.Background(), progress.KindLab, "lambda-reserved-throttle")
	if err != nil || len(ans) != 1 || ans[0].Rating != int(srs.Good) || !ans[0].Correct || ans[0].Chosen != "reserved=800" {
		t.Fatalf("the pass was not rated Good: %+v, %v", ans, err)
	}
	if _, err := p.Item(context.Background(), progress.KindLab, "lambda-reserved-throttle"); err != nil {
		t.Errorf("the lab is not in the schedule: %v", err)
	}
}

// TestLabFieldRefusesOutsideItsRangeInASentence: the lab's field is the
// console's field held to the lab's range: typing replaces the value, a
// value outside the range or a word gets a sentence with the range.
func TestLabFieldRefusesOutsideItsRangeInASentence(t *testing.T) {
	h, _ := openLab(t, "lambda-reserved-throttle", content.EN)
	typeValue(h, "5000")
	v := h.View()
	if !strings.Contains(v, `Reserved concurrency: "5000" is not a value it takes: type a number from 0 to 1,000.`) || strings.Contains(v, "strconv") {
		t.Fatalf("a refused value:\n%s", v)
	}
	typeValue(h, "none")
	if v := h.View(); !strings.Contains(v, `"none" is not a value it takes`) {
		t.Fatalf("none is outside this lab's range:\n%s", v)
	}
	typeValue(h, "450")
	if v := h.View(); !strings.Contains(v, "◂ 450 ▸") || strings.Contains(v, "not a value") {
		t.Fatalf("a good value after a bad one:\n%s", v)
	}
	h.Keys("right")
	if v := h.View(); !strings.Contains(v, "◂ 500 ▸") {
		t.Fatalf("→ steps to the engine's next rung:\n%s", v)
	}
}

// TestLabEveryEngineOpensWithItsSettings: each engine's lab opens with the
// lab's starting value in the field and, run as it starts, fails in the
// console; rds proxy runs the one variant the lab sets.
func TestLabEveryEngineOpensWithItsSettings(t *testing.T) {
	for _, c := range []struct{ id, field, start string }{
		{"apigw-stage-throttle", "Stage rate (rps)", "1000"},
		{"edge-header-function", "Function", "lae"},
		{"rdsproxy-connection-surge", "RDS Proxy", "off"},
		{"dynamodb-hot-key", "keys", "1"},
		{"sfn-retry-delay-cap", "max_delay_s", "0"},
	} {
		h, _ := openLab(t, c.id, content.EN)
		if v := h.View(); !strings.Contains(selected(v), c.field) || !strings.Contains(selected(v), "◂ "+c.start+" ▸") {
			t.Errorf("%s: the field %s at %s:\n%s", c.id, c.field, c.start, v)
		}
		h.Keys("r")
		v := h.View()
		if !strings.Contains(v, "✗ ") || !strings.Contains(v, "Not yet (run 1)") || len(content.RawFactRefs(v)) > 0 {
			t.Errorf("%s: the start should fail, with no raw fact id:\n%s", c.id, v)
		}
		if c.id == "rdsproxy-connection-surge" && strings.Contains(v, "with RDS Proxy") {
			t.Errorf("the lab sets proxy=off, yet both variants ran:\n%s", v)
		}
	}
}

// TestLabRatings: a first-try pass is Easy (in Korean), a pass after three
// or more runs is Hard, giving up is Again and shows the solution (and,
// for Step Functions, the definition that ran).
func TestLabRatings(t *testing.T) {
	h, p := openLab(t, "dynamodb-hot-key", content.KO)
	if v := h.View(); !strings.Contains(v, "허용 범위: 1~10,000") {
		t.Fatalf("the range in Korean:\n%s", v)
	}
	typeValue(h, "1000")
	h.Keys("r")
	if v := h.View(); !strings.Contains(v, "통과했습니다") {
		t.Fatalf("a first-try pass in Korean:\n%s", v)
	}
	ans, _ := p.Answers(context.Background(), progress.KindLab, "dynamodb-hot-key")
	if len(ans) != 1 || ans[0].Rating != int(srs.Easy) {
		t.Fatalf("a first-try pass is Easy: %+v", ans)
	}

	h, p = openLab(t, "lambda-reserved-throttle", content.EN)
	h.Keys("r", "esc", "r", "esc", "r", "esc")
	typeValue(h, "800")
	h.Keys("r")
	ans, _ = p.Answers(context.Background(), progress.KindLab, "lambda-reserved-throttle")
	if len(ans) != 1 || ans[0].Rating != int(srs.Hard) {
		t.Fatalf("a pass on run 4 is Hard: %+v", ans)
	}

	h, p = openLab(t, "sfn-retry-attempts", content.EN)
	h.Keys("r", "x")
	v := flat(h.View())
	if !strings.Contains(v, "A solution: max_attempts=5") || !strings.Contains(v, "Why:") || !strings.Contains(v, "come back in Review") {
		t.Fatalf("giving up shows the solution and why:\n%s", v)
	}
	if !strings.Contains(v, "definition") {
		t.Errorf("a Step Functions lab offers the definition that ran:\n%s", v)
	}
	ans, _ = p.Answers(context.Background(), progress.KindLab, "sfn-retry-attempts")
	if len(ans) != 1 || ans[0].Rating != int(srs.Again) || ans[0].Correct {
		t.Fatalf("giving up is Again: %+v", ans)
	}
}

// flat is a view with its lines joined, for text that may wrap anywhere.
func flat(v string) string { return strings.Join(strings.Fields(v), " ") }

// TestLabTextSettingIsEditedWhole: in the SNS console a lab's filter
// policy shows whole (wrapped, never cut), enter edits it from its current
// value, and the typed policy, commas and all, reaches the engine as
// typed: the start fails, a policy SNS refuses gets SNS's own refusal in a
// sentence, the right one passes.
func TestLabTextSettingIsEditedWhole(t *testing.T) {
	for _, lang := range content.Langs {
		h, _ := openLab(t, "sns-fraud-filter", lang)
		v := h.View()
		if !strings.Contains(v, `fraud_policy {"country": ["US"]}`) || !strings.Contains(v, text.T(lang, "lab.text")[:10]) {
			t.Fatalf("the policy or its hint is missing:\n%s", v)
		}
		h.Keys("r")
		if v := h.View(); !strings.Contains(v, "✗ subs.fraud.unwanted: ") || !strings.Contains(v, " 291, ") {
			t.Fatalf("the start should fail:\n%s", v)
		}
		h.Keys("esc") // back to the form, on the policy
		edit := func(policy string) {
			h.Keys("enter")
			s := h.Top().(*console)
			if s.input.Value() == "" || s.input.CharLimit != content.LabTextMax {
				t.Fatalf("editing should start from the current value, up to %d characters: %q (limit %d)", content.LabTextMax, s.input.Value(), s.input.CharLimit)
			}
			// Typed straight into the screen: the harness would wait for
			// the cursor-blink commands a key returns.
			for range 200 {
				s.Update(tea.KeyPressMsg{Code: tea.KeyBackspace})
			}
			for _, r := range policy {
				s.Update(tea.KeyPressMsg{Code: r, Text: string(r)})
			}
			h.Keys("enter")
			if got := s.overrides()["fraud_policy"]; got != policy {
				t.Fatalf("the engine gets %q, typed %q", got, policy)
			}
		}
		edit(`{"amount":[{"numeric":[">",100,"<",5]}]}`)
		if v := h.View(); !strings.Contains(v, `fraud_policy {"amount":[{"numeric":[">",100,"<",5]}]}`) {
			t.Fatalf("the typed policy is not shown whole:\n%s", v)
		}
		h.Keys("r")
		want := map[content.Lang]string{content.EN: "SNS refused this filter policy", content.KO: "SNS가 이 필터 정책을 거부했습니다"}[lang]
		if v := h.View(); !strings.Contains(v, want) || !strings.Contains(v, "InvalidParameterException") || !strings.Contains(v, "Bottom must be less than top") {
			t.Fatalf("a policy SNS refuses:\n%s", v)
		}
		edit(`{"event_type":["order_placed"],"country":["US"],"amount":[{"numeric":[">",100]}]}`)
		h.Keys("r")
		if v := h.View(); !strings.Contains(v, "✓ subs.fraud.unwanted: ") || !strings.Contains(v, "✓ subs.fraud.missed: ") {
			t.Fatalf("the right policy should pass:\n%s", v)
		}
	}
}
