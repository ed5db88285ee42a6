package lab

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
)

func open(t *testing.T, id string, lang content.Lang) (*uitest.Harness, *progress.Progress) {
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
	s := New(uitest.Common(lib, p, lang, 100, 40), id)
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

// TestLabFailThenPassIsGood: the goal is pinned at the top; a run of the
// start shows ✗ with what it got against what it needs and the engine's
// why; a second run with a good value passes, shows why, and rates the lab
// Good in the schedule.
func TestLabFailThenPassIsGood(t *testing.T) {
	h, p := open(t, "lambda-reserved-throttle", content.EN)
	v := h.View()
	if first := strings.Split(v, "\n"); first[0] != "Goal" || !strings.Contains(first[1], "throttled == 0") {
		t.Fatalf("the goal is not pinned at the top:\n%s", v)
	}
	if !strings.Contains(v, "reserved  ◂ 300 ▸") || !strings.Contains(v, "allowed: 0 to 1,000") || !strings.Contains(v, "Situation") {
		t.Fatalf("the setting, its range or the situation is missing:\n%s", v)
	}
	h.Keys("r")
	v = h.View()
	if !strings.Contains(v, "✗ throttled: got 12,000, want == 0") || !strings.Contains(v, "Not yet (run 1)") || !strings.Contains(v, "capped the function") {
		t.Fatalf("a failed run:\n%s", v)
	}
	if strings.Contains(v, "[lambda.") {
		t.Errorf("a raw fact id on screen:\n%s", v)
	}
	typeValue(h, "800")
	h.Keys("r")
	v = h.View()
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

// TestLabTypedValueReplacesAndRefusesInASentence: typing starts from an
// empty field, and a value outside the range is refused with a sentence
// that names the range.
func TestLabTypedValueReplacesAndRefusesInASentence(t *testing.T) {
	h, _ := open(t, "lambda-reserved-throttle", content.EN)
	typeValue(h, "5000")
	v := h.View()
	if !strings.Contains(v, "5000 is not allowed for reserved: use 0 to 1,000.") || strings.Contains(v, "strconv") {
		t.Fatalf("a refused value:\n%s", v)
	}
	typeValue(h, "abc")
	if v := h.View(); !strings.Contains(v, "abc is not allowed for reserved") {
		t.Fatalf("a word:\n%s", v)
	}
	typeValue(h, "450")
	if v := h.View(); !strings.Contains(v, "◂ 450 ▸") || strings.Contains(v, "not allowed") {
		t.Fatalf("a good value after a bad one:\n%s", v)
	}
	h.Keys("right")
	if v := h.View(); !strings.Contains(v, "◂ 500 ▸") {
		t.Fatalf("→ steps by a round step of the range:\n%s", v)
	}
}

// TestLabFirstTryIsEasyAndGivingUpIsAgain.
func TestLabFirstTryIsEasyAndGivingUpIsAgain(t *testing.T) {
	h, p := open(t, "dynamodb-hot-key", content.KO)
	typeValue(h, "1000")
	h.Keys("r")
	if v := h.View(); !strings.Contains(v, "통과했습니다") {
		t.Fatalf("a first-try pass in Korean:\n%s", v)
	}
	ans, _ := p.Answers(context.Background(), progress.KindLab, "dynamodb-hot-key")
	if len(ans) != 1 || ans[0].Rating != int(srs.Easy) {
		t.Fatalf("a first-try pass is Easy: %+v", ans)
	}
	h2, p2 := open(t, "sfn-retry-attempts", content.EN)
	h2.Keys("r", "g")
	v := h2.View()
	if !strings.Contains(v, "A solution: max_attempts=5") || !strings.Contains(v, "Why:") || !strings.Contains(v, "come back in Review") {
		t.Fatalf("giving up shows the solution and why:\n%s", v)
	}
	ans, _ = p2.Answers(context.Background(), progress.KindLab, "sfn-retry-attempts")
	if len(ans) != 1 || ans[0].Rating != int(srs.Again) || ans[0].Correct {
		t.Fatalf("giving up is Again: %+v", ans)
	}
}

// TestLabTextSettingIsEditedWhole: a filter policy shows whole (wrapped,
// never cut), enter edits it from its current value, and the typed policy
// reaches the engine as typed: the start fails, a bad policy gets SNS's
// own refusal, the right one passes.
func TestLabTextSettingIsEditedWhole(t *testing.T) {
	h, _ := open(t, "sns-fraud-filter", content.EN)
	v := h.View()
	if !strings.Contains(v, `fraud_policy {"country": ["US"]}`) || !strings.Contains(v, "enter edits the text") {
		t.Fatalf("the policy or its hint is missing:\n%s", v)
	}
	h.Keys("r")
	if v := h.View(); !strings.Contains(v, "✗ subs.fraud.unwanted: got 291, want == 0") {
		t.Fatalf("the start should fail:\n%s", v)
	}
	edit := func(policy string) {
		h.Keys("enter")
		if !strings.Contains(h.View(), `{"country": ["US"]}`) && !strings.Contains(h.View(), `"numeric"`) {
			t.Fatalf("editing should start from the current value:\n%s", h.View())
		}
		// Typed straight into the screen: the harness would wait for the
		// cursor-blink commands a key returns.
		s := h.Top()
		for range 200 {
			s.Update(tea.KeyPressMsg{Code: tea.KeyBackspace})
		}
		for _, r := range policy {
			s.Update(tea.KeyPressMsg{Code: r, Text: string(r)})
		}
		h.Keys("enter")
	}
	edit(`{"amount":[{"numeric":[">",100,"<",5]}]}`)
	h.Keys("r")
	if v := h.View(); !strings.Contains(v, "InvalidParameterException") || !strings.Contains(v, "FilterPolicy: Bottom must be less than top") {
		t.Fatalf("a policy SNS refuses:\n%s", v)
	}
	edit(`{"event_type":["order_placed"],"country":["US"],"amount":[{"numeric":[">",100]}]}`)
	h.Keys("r")
	if v := h.View(); !strings.Contains(v, "✓ subs.fraud.unwanted: got 0") || !strings.Contains(v, "✓ subs.fraud.missed: got 0") {
		t.Fatalf("the right policy should pass:\n%s", v)
	}
}
