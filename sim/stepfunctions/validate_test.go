package stepfunctions

import (
	"encoding/json"
	"strings"
	"testing"
)

func has(probs []Problem, state, field, text string) bool {
	for _, p := range probs {
		if p.State == state && p.Field == field && strings.Contains(p.Message, text) {
			return true
		}
	}
	return false
}

// Each case is a definition with one mistake and the problem AWS would
// point at: the state, the field and a word of the message.
func TestValidateReportsEachRuleAtTheRightStateAndField(t *testing.T) {
	cases := []struct {
		name, def, state, field, text string
	}{
		{"missing StartAt", `{"States":{"A":{"Type":"Succeed"}}}`, "", "StartAt", "required"},
		{"unknown StartAt", `{"StartAt":"X","States":{"A":{"Type":"Succeed"}}}`, "", "StartAt", "not a state"},
		{"unknown Next", `{"StartAt":"A","States":{"A":{"Type":"Pass","Next":"B"}}}`, "A", "Next", "not a state"},
		{"unknown Default", `{"StartAt":"A","States":{"A":{"Type":"Choice","Choices":[{"Variable":"$.x","IsNull":true,"Next":"S"}],"Default":"Z"},"S":{"Type":"Succeed"}}}`, "A", "Default", "not a state"},
		{"unknown choice Next", `{"StartAt":"A","States":{"A":{"Type":"Choice","Choices":[{"Variable":"$.x","IsNull":true,"Next":"Q"}],"Default":"S"},"S":{"Type":"Succeed"}}}`, "A", "Choices[0].Next", "not a state"},
		{"unknown catch Next", `{"StartAt":"A","States":{"A":{"Type":"Task","Resource":"r","Catch":[{"ErrorEquals":["States.ALL"],"Next":"Q"}],"End":true}}}`, "A", "Catch[0].Next", "not a state"},
		{"unreachable", `{"StartAt":"A","States":{"A":{"Type":"Succeed"},"B":{"Type":"Succeed"}}}`, "B", "", "not reachable"},
		{"no terminal", `{"StartAt":"A","States":{"A":{"Type":"Pass","Next":"B"},"B":{"Type":"Pass","Next":"A"}}}`, "", "States", "no terminal state"},
		{"End and Next", `{"StartAt":"A","States":{"A":{"Type":"Pass","Next":"B","End":true},"B":{"Type":"Succeed"}}}`, "A", "End", "both Next and End"},
		{"neither End nor Next", `{"StartAt":"A","States":{"A":{"Type":"Pass"}}}`, "A", "Next", "needs Next"},
		{"Catch on Pass", `{"StartAt":"A","States":{"A":{"Type":"Pass","End":true,"Catch":[]}}}`, "A", "Catch", "may not have"},
		{"Next on Succeed", `{"StartAt":"A","States":{"A":{"Type":"Succeed","Next":"A"}}}`, "A", "Next", "may not have"},
		{"Next on Fail", `{"StartAt":"A","States":{"A":{"Type":"Fail","Next":"A"}}}`, "A", "Next", "may not have"},
		{"End on Choice", `{"StartAt":"A","States":{"A":{"Type":"Choice","End":true,"Choices":[{"Variable":"$.x","IsNull":true,"Next":"S"}]},"S":{"Type":"Succeed"}}}`, "A", "End", "may not have"},
		{"ResultPath on Choice", `{"StartAt":"A","States":{"A":{"Type":"Choice","ResultPath":"$.x","Choices":[{"Variable":"$.x","IsNull":true,"Next":"S"}]},"S":{"Type":"Succeed"}}}`, "A", "ResultPath", "may not have"},
		{"bad type", `{"StartAt":"A","States":{"A":{"Type":"Sleep","End":true}}}`, "A", "Type", "must be one of"},
		{"bad InputPath", `{"StartAt":"A","States":{"A":{"Type":"Pass","InputPath":"a.b","End":true}}}`, "A", "InputPath", "invalid JSONPath"},
		{"ResultPath not a reference", `{"StartAt":"A","States":{"A":{"Type":"Pass","ResultPath":"$.a[*]","End":true}}}`, "A", "ResultPath", "reference path"},
		{"bad Parameters path", `{"StartAt":"A","States":{"A":{"Type":"Pass","Parameters":{"x.$":"$.a["},"End":true}}}`, "A", "Parameters.x.$", "invalid JSONPath"},
		{"Parameters .$ not a string", `{"StartAt":"A","States":{"A":{"Type":"Pass","Parameters":{"x.$":5},"End":true}}}`, "A", "Parameters.x.$", "must hold"},
		{"Parameters .$ plain text", `{"StartAt":"A","States":{"A":{"Type":"Pass","Parameters":{"x.$":"hello"},"End":true}}}`, "A", "Parameters.x.$", "neither a JSONPath"},
		{"bad intrinsic", `{"StartAt":"A","States":{"A":{"Type":"Pass","Parameters":{"x.$":"States.Nope(1)"},"End":true}}}`, "A", "Parameters.x.$", "unknown intrinsic"},
		{"bad ResultSelector", `{"StartAt":"A","States":{"A":{"Type":"Task","Resource":"r","ResultSelector":{"a":{"b.$":"States.ArrayLength()"}},"End":true}}}`, "A", "ResultSelector.a.b.$", "invalid intrinsic"},
		{"Wait with two durations", `{"StartAt":"A","States":{"A":{"Type":"Wait","Seconds":1,"Timestamp":"2025-01-01T00:00:00Z","End":true}}}`, "A", "Seconds", "exactly one"},
		{"Wait with no duration", `{"StartAt":"A","States":{"A":{"Type":"Wait","End":true}}}`, "A", "Seconds", "exactly one"},
		{"Wait bad timestamp", `{"StartAt":"A","States":{"A":{"Type":"Wait","Timestamp":"tomorrow","End":true}}}`, "A", "Timestamp", "RFC 3339"},
		{"IntervalSeconds 0", `{"StartAt":"A","States":{"A":{"Type":"Task","Resource":"r","Retry":[{"ErrorEquals":["X"],"IntervalSeconds":0}],"End":true}}}`, "A", "Retry[0].IntervalSeconds", "at least 1"},
		{"MaxAttempts negative", `{"StartAt":"A","States":{"A":{"Type":"Task","Resource":"r","Retry":[{"ErrorEquals":["X"],"MaxAttempts":-1}],"End":true}}}`, "A", "Retry[0].MaxAttempts", "non-negative"},
		{"BackoffRate below 1", `{"StartAt":"A","States":{"A":{"Type":"Task","Resource":"r","Retry":[{"ErrorEquals":["X"],"BackoffRate":0.5}],"End":true}}}`, "A", "Retry[0].BackoffRate", "at least 1.0"},
		{"MaxDelaySeconds 0", `{"StartAt":"A","States":{"A":{"Type":"Task","Resource":"r","Retry":[{"ErrorEquals":["X"],"MaxDelaySeconds":0}],"End":true}}}`, "A", "Retry[0].MaxDelaySeconds", "positive"},
		{"JitterStrategy", `{"StartAt":"A","States":{"A":{"Type":"Task","Resource":"r","Retry":[{"ErrorEquals":["X"],"JitterStrategy":"SOMETIMES"}],"End":true}}}`, "A", "Retry[0].JitterStrategy", "FULL or NONE"},
		{"States.ALL not alone", `{"StartAt":"A","States":{"A":{"Type":"Task","Resource":"r","Retry":[{"ErrorEquals":["States.ALL","X"]}],"End":true}}}`, "A", "Retry[0].ErrorEquals", "alone"},
		{"States.ALL retrier not last", `{"StartAt":"A","States":{"A":{"Type":"Task","Resource":"r","Retry":[{"ErrorEquals":["States.ALL"]},{"ErrorEquals":["X"]}],"End":true}}}`, "A", "Retry[0].ErrorEquals", "last"},
		{"States.ALL catcher not last", `{"StartAt":"A","States":{"A":{"Type":"Task","Resource":"r","Catch":[{"ErrorEquals":["States.ALL"],"Next":"S"},{"ErrorEquals":["X"],"Next":"S"}],"Next":"S"},"S":{"Type":"Succeed"}}}`, "A", "Catch[0].ErrorEquals", "last"},
		{"empty ErrorEquals", `{"StartAt":"A","States":{"A":{"Type":"Task","Resource":"r","Retry":[{"ErrorEquals":[]}],"End":true}}}`, "A", "Retry[0].ErrorEquals", "non-empty"},
		{"Timeout and TimeoutPath", `{"StartAt":"A","States":{"A":{"Type":"Task","Resource":"r","TimeoutSeconds":5,"TimeoutSecondsPath":"$.t","End":true}}}`, "A", "TimeoutSecondsPath", "not both"},
		{"heartbeat not below timeout", `{"StartAt":"A","States":{"A":{"Type":"Task","Resource":"r","TimeoutSeconds":5,"HeartbeatSeconds":5,"End":true}}}`, "A", "HeartbeatSeconds", "smaller than TimeoutSeconds"},
		{"TimeoutSeconds 0", `{"StartAt":"A","States":{"A":{"Type":"Task","Resource":"r","TimeoutSeconds":0,"End":true}}}`, "A", "TimeoutSeconds", "positive"},
		{"long name", `{"StartAt":"` + strings.Repeat("n", 81) + `","States":{"` + strings.Repeat("n", 81) + `":{"Type":"Succeed"}}}`, strings.Repeat("n", 81), "", "80 characters"},
		{"choice without Next", `{"StartAt":"A","States":{"A":{"Type":"Choice","Choices":[{"Variable":"$.x","IsNull":true}],"Default":"S"},"S":{"Type":"Succeed"}}}`, "A", "Choices[0].Next", "must have Next"},
		{"choice operand type", `{"StartAt":"A","States":{"A":{"Type":"Choice","Choices":[{"Variable":"$.x","NumericEquals":"5","Next":"S"}]},"S":{"Type":"Succeed"}}}`, "A", "Choices[0].NumericEquals", "needs a number"},
		{"nested Next", `{"StartAt":"A","States":{"A":{"Type":"Choice","Choices":[{"Not":{"Variable":"$.x","IsNull":true,"Next":"S"},"Next":"S"}]},"S":{"Type":"Succeed"}}}`, "A", "Choices[0].Not.Next", "only top-level"},
		{"two operators", `{"StartAt":"A","States":{"A":{"Type":"Choice","Choices":[{"Variable":"$.x","IsNull":true,"IsString":true,"Next":"S"}]},"S":{"Type":"Succeed"}}}`, "A", "Choices[0]", "exactly one operator"},
		{"empty Choices", `{"StartAt":"A","States":{"A":{"Type":"Choice","Choices":[]}}}`, "A", "Choices", "non-empty"},
		{"Fail Error and ErrorPath", `{"StartAt":"A","States":{"A":{"Type":"Fail","Error":"E","ErrorPath":"$.e"}}}`, "A", "ErrorPath", "not both"},
		{"branch StartAt", `{"StartAt":"P","States":{"P":{"Type":"Parallel","Branches":[{"StartAt":"Q","States":{"B":{"Type":"Succeed"}}}],"End":true}}}`, "P", "Branches[0].StartAt", "not a state"},
		{"branch next escapes", `{"StartAt":"P","States":{"P":{"Type":"Parallel","Branches":[{"StartAt":"B","States":{"B":{"Type":"Pass","Next":"P"}}}],"End":true}}}`, "B", "Next", "not a state"},
		{"map processor unreachable", `{"StartAt":"M","States":{"M":{"Type":"Map","ItemProcessor":{"StartAt":"I","States":{"I":{"Type":"Succeed"},"J":{"Type":"Succeed"}}},"End":true}}}`, "J", "", "not reachable"},
		{"legacy Iterator checked", `{"StartAt":"M","States":{"M":{"Type":"Map","Iterator":{"StartAt":"I","States":{"I":{"Type":"Task","End":true}}},"End":true}}}`, "I", "Resource", "needs Resource"},
		{"map without processor", `{"StartAt":"M","States":{"M":{"Type":"Map","End":true}}}`, "M", "ItemProcessor", "needs ItemProcessor"},
		{"duplicate name across branches", `{"StartAt":"P","States":{"P":{"Type":"Parallel","Branches":[{"StartAt":"P","States":{"P":{"Type":"Succeed"}}}],"End":true}}}`, "P", "", "more than once"},
		{"distributed map", `{"StartAt":"M","States":{"M":{"Type":"Map","ItemReader":{},"ItemProcessor":{"StartAt":"I","States":{"I":{"Type":"Succeed"}}},"End":true}}}`, "M", "ItemReader", "Distributed Map"},
		{"unknown top-level field", `{"StartAt":"A","Bogus":1,"States":{"A":{"Type":"Succeed"}}}`, "", "Bogus", "unknown field"},
		{"unknown retrier field", `{"StartAt":"A","States":{"A":{"Type":"Task","Resource":"r","Retry":[{"ErrorEquals":["X"],"Interval":1}],"End":true}}}`, "A", "Retry[0].Interval", "unknown retrier field"},
		{"catcher without Next", `{"StartAt":"A","States":{"A":{"Type":"Task","Resource":"r","Catch":[{"ErrorEquals":["X"]}],"End":true}}}`, "A", "Catch[0].Next", "needs Next"},
	}
	for _, c := range cases {
		m, probs := Validate([]byte(c.def))
		if m != nil {
			t.Errorf("%s: accepted", c.name)
			continue
		}
		if !has(probs, c.state, c.field, c.text) {
			t.Errorf("%s: want problem {%q %q ~%q}, got %v", c.name, c.state, c.field, c.text, probs)
		}
	}
}

func TestValidateReportsEveryProblemAtOnce(t *testing.T) {
	def := `{"StartAt":"A","States":{
		"A":{"Type":"Pass","Next":"Missing","Catch":[]},
		"B":{"Type":"Wait","Seconds":1,"SecondsPath":"$.s","End":true},
		"C":{"Type":"Task","Resource":"r","Retry":[{"ErrorEquals":["X"],"BackoffRate":0.1,"JitterStrategy":"X"}],"End":true}}}`
	_, probs := Validate([]byte(def))
	if len(probs) < 6 {
		t.Fatalf("want at least 6 problems, got %d: %v", len(probs), probs)
	}
	b, _ := json.Marshal(probs[0])
	if !strings.HasPrefix(string(b), `{"state":`) || !strings.Contains(string(b), `"field":`) || !strings.Contains(string(b), `"message":`) {
		t.Fatalf("Problem JSON shape: %s", b)
	}
}

func TestExpressRejectsCallbackAndSyncPatterns(t *testing.T) {
	for _, res := range []string{"arn:aws:states:::lambda:invoke.waitForTaskToken", "arn:aws:states:::states:startExecution.sync", "arn:aws:states:::states:startExecution.sync:2"} {
		def := `{"StartAt":"A","States":{"A":{"Type":"Task","Resource":"` + res + `","End":true}}}`
		if _, probs := ValidateType([]byte(def), Express); !has(probs, "A", "Resource", "Express") {
			t.Errorf("%s: Express accepted it: %v", res, probs)
		}
		if m, probs := ValidateType([]byte(def), Standard); m == nil {
			t.Errorf("%s: Standard rejected it: %v", res, probs)
		}
	}
}

func TestYAMLDefinitionsAreAccepted(t *testing.T) {
	def := "StartAt: A\nStates:\n  A:\n    Type: Pass\n    Result: {n: 1}\n    End: true\n"
	m, probs := Validate([]byte(def))
	if m == nil {
		t.Fatalf("YAML rejected: %v", probs)
	}
	res := Run([]byte(def), nil, nil, Options{})
	if compactJSON(res.Output) != `{"n":1}` {
		t.Fatalf("YAML run output %s", compactJSON(res.Output))
	}
}

func TestValidDefinitionsHaveNoProblems(t *testing.T) {
	for _, ex := range Examples() {
		if _, probs := Validate(ex.Definition); len(probs) > 0 {
			t.Errorf("example %s: %v", ex.Name, probs)
		}
	}
}
