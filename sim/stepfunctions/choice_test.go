package stepfunctions

import "testing"

const choiceInput = `{"s":"hello","n":5,"b":true,"t":"2016-03-14T01:59:00Z","nul":null,"other":"hello","m":7,"late":"2020-01-01T00:00:00Z","f":false,"star":"a*b","slash":"a\\b"}`

// Each rule is tried alone against choiceInput; matched tells whether the
// Choice went to "Yes" (match) or "No" (Default).
func TestChoiceOperators(t *testing.T) {
	cases := []struct {
		rule    string
		matched bool
	}{
		{`"Variable":"$.s","StringEquals":"hello"`, true},
		{`"Variable":"$.s","StringEquals":"Hello"`, false},
		{`"Variable":"$.s","StringLessThan":"world"`, true},
		{`"Variable":"$.s","StringGreaterThan":"a"`, true},
		{`"Variable":"$.s","StringLessThanEquals":"hello"`, true},
		{`"Variable":"$.s","StringGreaterThanEquals":"hellp"`, false},
		{`"Variable":"$.s","StringEqualsPath":"$.other"`, true},
		{`"Variable":"$.s","StringMatches":"h*o"`, true},
		{`"Variable":"$.s","StringMatches":"*ll*"`, true},
		{`"Variable":"$.s","StringMatches":"h*x"`, false},
		{`"Variable":"$.star","StringMatches":"a\\*b"`, true},
		{`"Variable":"$.s","StringMatches":"h\\*o"`, false},
		{`"Variable":"$.slash","StringMatches":"a\\\\b"`, true},
		{`"Variable":"$.n","NumericEquals":5`, true},
		{`"Variable":"$.n","NumericEquals":5.0`, true},
		{`"Variable":"$.n","NumericLessThan":5`, false},
		{`"Variable":"$.n","NumericGreaterThan":4.5`, true},
		{`"Variable":"$.n","NumericLessThanEquals":5`, true},
		{`"Variable":"$.n","NumericGreaterThanEquals":6`, false},
		{`"Variable":"$.n","NumericLessThanPath":"$.m"`, true},
		{`"Variable":"$.n","NumericEqualsPath":"$.m"`, false},
		{`"Variable":"$.s","NumericEquals":5`, false}, // type mismatch is simply false
		{`"Variable":"$.b","BooleanEquals":true`, true},
		{`"Variable":"$.b","BooleanEqualsPath":"$.f"`, false},
		{`"Variable":"$.t","TimestampEquals":"2016-03-14T01:59:00Z"`, true},
		{`"Variable":"$.t","TimestampLessThan":"2016-03-14T02:00:00Z"`, true},
		{`"Variable":"$.t","TimestampGreaterThan":"2016-03-14T02:00:00Z"`, false},
		{`"Variable":"$.t","TimestampLessThanEquals":"2016-03-14T01:59:00Z"`, true},
		{`"Variable":"$.t","TimestampGreaterThanEquals":"2016-03-14T01:59:01Z"`, false},
		{`"Variable":"$.t","TimestampLessThanPath":"$.late"`, true},
		{`"Variable":"$.s","TimestampEquals":"2016-03-14T01:59:00Z"`, false},
		{`"Variable":"$.nul","IsNull":true`, true},
		{`"Variable":"$.s","IsNull":true`, false},
		{`"Variable":"$.s","IsPresent":true`, true},
		{`"Variable":"$.zzz","IsPresent":true`, false},
		{`"Variable":"$.zzz","IsPresent":false`, true},
		{`"Variable":"$.n","IsNumeric":true`, true},
		{`"Variable":"$.s","IsNumeric":false`, true},
		{`"Variable":"$.s","IsString":true`, true},
		{`"Variable":"$.b","IsBoolean":true`, true},
		{`"Variable":"$.t","IsTimestamp":true`, true},
		{`"Variable":"$.s","IsTimestamp":true`, false},
		{`"And":[{"Variable":"$.n","NumericEquals":5},{"Variable":"$.b","BooleanEquals":true}]`, true},
		{`"And":[{"Variable":"$.n","NumericEquals":5},{"Variable":"$.b","BooleanEquals":false}]`, false},
		{`"Or":[{"Variable":"$.n","NumericEquals":6},{"Variable":"$.b","BooleanEquals":true}]`, true},
		{`"Not":{"Variable":"$.s","StringEquals":"hello"}`, false},
		{`"Not":{"Variable":"$.zzz","IsPresent":true}`, true},
	}
	for _, c := range cases {
		def := `{"StartAt":"C","States":{"C":{"Type":"Choice","Choices":[{` + c.rule + `,"Next":"Yes"}],"Default":"No"},
			"Yes":{"Type":"Pass","Result":"yes","End":true},"No":{"Type":"Pass","Result":"no","End":true}}}`
		res := Run([]byte(def), []byte(choiceInput), nil, Options{})
		if res.Status != StatusSucceeded {
			t.Errorf("%s: %s %s %s %v", c.rule, res.Status, res.Error, res.Cause, res.Problems)
			continue
		}
		if got := res.Output == "yes"; got != c.matched {
			t.Errorf("%s: matched=%v, want %v", c.rule, got, c.matched)
		}
	}
}

func TestChoiceWithoutMatchOrDefaultFailsNoChoiceMatched(t *testing.T) {
	def := `{"StartAt":"C","States":{"C":{"Type":"Choice","Choices":[{"Variable":"$.n","NumericEquals":1,"Next":"Y"}]},"Y":{"Type":"Succeed"}}}`
	res := Run([]byte(def), []byte(`{"n":2}`), nil, Options{})
	if res.Status != StatusFailed || res.Error != ErrNoChoiceMatched {
		t.Fatalf("%s %s", res.Status, res.Error)
	}
}

func TestChoiceOnAMissingVariableIsARuntimeError(t *testing.T) {
	def := `{"StartAt":"C","States":{"C":{"Type":"Choice","Choices":[{"Variable":"$.zzz","StringEquals":"x","Next":"Y"}],"Default":"Y"},"Y":{"Type":"Succeed"}}}`
	res := Run([]byte(def), []byte(`{}`), nil, Options{})
	if res.Error != ErrRuntime {
		t.Fatalf("%s %s", res.Status, res.Error)
	}
}

func TestFirstMatchingChoiceWins(t *testing.T) {
	ex, _ := ExampleByName("choice")
	cases := map[string]string{
		`{"country":"FR","total":5000}`:              "international",
		`{"country":"US","total":5000}`:              "manual-review",
		`{"total":10,"coupon":"VIP-1"}`:              "priority",
		`{"total":10,"member":true}`:                 "priority",
		`{"total":10,"coupon":"NEW","member":false}`: "standard",
	}
	for in, want := range cases {
		res := Run(ex.Definition, []byte(in), nil, Options{})
		out, _ := res.Output.(map[string]any)
		if out["queue"] != want {
			t.Errorf("%s: queue %v, want %s (%s %s)", in, out["queue"], want, res.Error, res.Cause)
		}
	}
}
