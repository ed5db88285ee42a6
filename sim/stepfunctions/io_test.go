package stepfunctions

import (
	"testing"
)

// runOne runs a one-state machine built around state (a JSON object
// without End) and returns the result.
func runOne(t *testing.T, state, input, mocks string) Result {
	t.Helper()
	def := `{"StartAt":"S","States":{"S":` + state[:len(state)-1] + `,"End":true}}}`
	res := Run([]byte(def), []byte(input), []byte(mocks), Options{})
	if res.Error == ErrInvalidDefinition {
		t.Fatalf("invalid: %v", res.Problems)
	}
	return res
}

func wantJSON(t *testing.T, label string, got any, want string) {
	t.Helper()
	w, err := decodeJSON([]byte(want))
	if err != nil {
		t.Fatalf("bad want %s", want)
	}
	if compactJSON(got) != compactJSON(w) {
		t.Errorf("%s:\n got %s\nwant %s", label, compactJSON(got), compactJSON(w))
	}
}

// The examples of the AWS pages "Manipulate parameters in Step Functions
// workflows" (InputPath, Parameters, ResultSelector) and "Specifying state
// output using ResultPath", reproduced with the same inputs and outputs.
func TestAWSDocumentationInputOutputExamples(t *testing.T) {
	const inputPathDoc = `{"comment":"Example for InputPath.","dataset1":{"val1":1,"val2":2,"val3":3},"dataset2":{"val1":"a","val2":"b","val3":"c"}}`
	const paramsDoc = `{"comment":"Example for Parameters.","product":{"details":{"color":"blue","size":"small","material":"cotton"},"availability":"in stock","sku":"2317","cost":"$23"}}`
	const resultPathDoc = `{"comment":"This is a test","details":"Default example","who":"Step Functions"}`
	const hello = `{"S":[{"return":"Hello, Step Functions!"}]}`
	const emrResult = `{"S":[{"return":{"resourceType":"elasticmapreduce","resource":"createCluster.sync","output":{"SdkHttpMetadata":{"HttpHeaders":{"Content-Length":"1112","Content-Type":"application/x-amz-JSON-1.1","Date":"Mon, 25 Nov 2019 19:41:29 GMT","x-amzn-RequestId":"1234-5678-9012"},"HttpStatusCode":200},"SdkResponseMetadata":{"RequestId":"1234-5678-9012"},"ClusterId":"AKIAIOSFODNN7EXAMPLE"}}}]}`
	cases := []struct {
		name, state, input, mocks, want string
	}{
		{"InputPath selects dataset2", `{"Type":"Pass","InputPath":"$.dataset2"}`, inputPathDoc, ``, `{"val1":"a","val2":"b","val3":"c"}`},
		{"a path can yield a selection", `{"Type":"Pass","InputPath":"$.a[0:2]"}`, `{"a":[1,2,3,4]}`, ``, `[1,2]`},
		{"Parameters with static and path values", `{"Type":"Pass","Parameters":{"comment":"Selecting what I care about.","MyDetails":{"size.$":"$.product.details.size","exists.$":"$.product.availability","StaticValue":"foo"}}}`, paramsDoc, ``,
			`{"comment":"Selecting what I care about.","MyDetails":{"size":"small","exists":"in stock","StaticValue":"foo"}}`},
		{"ResultSelector picks from the raw result", `{"Type":"Task","Resource":"arn:aws:states:::elasticmapreduce:createCluster.sync","ResultSelector":{"ClusterId.$":"$.output.ClusterId","ResourceType.$":"$.resourceType"},"ResultPath":"$.EMROutput"}`,
			`{"comment":"input"}`, emrResult, `{"comment":"input","EMROutput":{"ClusterId":"AKIAIOSFODNN7EXAMPLE","ResourceType":"elasticmapreduce"}}`},
		{"ResultPath $ replaces the input", `{"Type":"Task","Resource":"arn:aws:lambda:us-east-1:123456789012:function:HelloFunction","ResultPath":"$"}`, resultPathDoc, hello, `"Hello, Step Functions!"`},
		{"no ResultPath behaves as $", `{"Type":"Task","Resource":"arn:aws:lambda:us-east-1:123456789012:function:HelloFunction"}`, resultPathDoc, hello, `"Hello, Step Functions!"`},
		{"ResultPath null keeps the input", `{"Type":"Task","Resource":"arn:aws:lambda:us-east-1:123456789012:function:HelloFunction","ResultPath":null}`, resultPathDoc, hello, resultPathDoc},
		{"ResultPath adds the result to the input", `{"Type":"Task","Resource":"arn:aws:lambda:us-east-1:123456789012:function:HelloFunction","ResultPath":"$.taskresult"}`, resultPathDoc, hello,
			`{"comment":"This is a test","details":"Default example","who":"Step Functions","taskresult":"Hello, Step Functions!"}`},
		{"ResultPath creates missing nodes", `{"Type":"Task","Resource":"arn:aws:lambda:us-east-1:123456789012:function:HelloFunction","ResultPath":"$.strings.lambdaresult"}`,
			`{"comment":"An input comment.","data":{"val1":23,"val2":17},"extra":"foo","lambda":{"who":"AWS Step Functions"}}`, hello,
			`{"comment":"An input comment.","data":{"val1":23,"val2":17},"extra":"foo","lambda":{"who":"AWS Step Functions"},"strings":{"lambdaresult":"Hello, Step Functions!"}}`},
		{"ResultPath updates a node in the input", `{"Type":"Task","Resource":"arn:aws:lambda:us-east-1:123456789012:function:HelloFunction","ResultPath":"$.master.detail"}`,
			`{"master":{"detail":[1,2,3]}}`, `{"S":[{"return":[1,2,3,4]}]}`, `{"master":{"detail":[1,2,3,4]}}`},
		{"ResultPath is applied to the raw input, not InputPath's", `{"Type":"Task","Resource":"r","InputPath":"$.lambda","ResultPath":"$.data.lambdaresult"}`,
			`{"comment":"An input comment.","data":{"val1":23,"val2":17},"extra":"foo","lambda":{"who":"AWS Step Functions"}}`, `{"S":[{"return":"Hello, AWS Step Functions!"}]}`,
			`{"comment":"An input comment.","data":{"val1":23,"val2":17,"lambdaresult":"Hello, AWS Step Functions!"},"extra":"foo","lambda":{"who":"AWS Step Functions"}}`},
		{"OutputPath selects from the combined output", `{"Type":"Task","Resource":"r","ResultPath":"$.data.lambdaresult","OutputPath":"$.data"}`,
			`{"data":{"val1":23,"val2":17}}`, `{"S":[{"return":"Hello!"}]}`, `{"val1":23,"val2":17,"lambdaresult":"Hello!"}`},
		{"Catch ResultPath keeps the input and adds the error", `{"Type":"Task","Resource":"r","Catch":[{"ErrorEquals":["States.ALL"],"ResultPath":"$.error","Next":"S2"}]}`,
			`{"foo":"bar"}`, `{"S":[{"error":"CustomError","cause":"This is a custom error!"}]}`, `{"foo":"bar","error":{"Error":"CustomError","Cause":"This is a custom error!"}}`},
		{"InputPath null gives {}", `{"Type":"Pass","InputPath":null}`, `{"a":1}`, ``, `{}`},
		{"OutputPath null gives {}", `{"Type":"Pass","OutputPath":null}`, `{"a":1}`, ``, `{}`},
		{"Parameters with an intrinsic", `{"Type":"Pass","Parameters":{"greeting.$":"States.Format('Hello, {}', $.who)"}}`, resultPathDoc, ``, `{"greeting":"Hello, Step Functions"}`},
	}
	for _, c := range cases {
		state := c.state
		if c.name == "Catch ResultPath keeps the input and adds the error" {
			def := `{"StartAt":"S","States":{"S":` + state[:len(state)-1] + `,"End":true},"S2":{"Type":"Pass","End":true}}}`
			res := Run([]byte(def), []byte(c.input), []byte(c.mocks), Options{})
			wantJSON(t, c.name, res.Output, c.want)
			continue
		}
		res := runOne(t, state, c.input, c.mocks)
		if res.Status != StatusSucceeded {
			t.Errorf("%s: %s %s %s", c.name, res.Status, res.Error, res.Cause)
			continue
		}
		wantJSON(t, c.name, res.Output, c.want)
	}
}

func TestContextObjectFieldsAreAvailableToParameters(t *testing.T) {
	res := Run([]byte(`{"StartAt":"Task1","States":{"Task1":{"Type":"Task","Resource":"r","Parameters":{
		"id.$":"$$.Execution.Id","name.$":"$$.Execution.Name","start.$":"$$.Execution.StartTime","in.$":"$$.Execution.Input",
		"state.$":"$$.State.Name","entered.$":"$$.State.EnteredTime","retries.$":"$$.State.RetryCount",
		"sm.$":"$$.StateMachine.Id","smName.$":"$$.StateMachine.Name"},
		"Retry":[{"ErrorEquals":["Flaky"],"IntervalSeconds":5}],"End":true}}}`),
		[]byte(`{"x":1}`), []byte(`{"Task1":[{"error":"Flaky"},{"return":null}]}`), Options{StateMachineName: "Orders", ExecutionName: "run-1"})
	var second any
	for _, ev := range res.History {
		if ev.Type == "TaskScheduled" {
			second = ev.Input
		}
	}
	wantJSON(t, "context on the retry", second, `{"id":"arn:aws:states:us-east-1:123456789012:execution:Orders:run-1","name":"run-1","start":"2025-01-01T00:00:00.000Z","in":{"x":1},
		"state":"Task1","entered":"2025-01-01T00:00:00.000Z","retries":1,"sm":"arn:aws:states:us-east-1:123456789012:stateMachine:Orders","smName":"Orders"}`)
}

func TestPathFailuresAreStatesRuntimeAndCannotBeCaught(t *testing.T) {
	cases := []struct{ name, state string }{
		{"InputPath", `{"Type":"Task","Resource":"r","InputPath":"$.missing","Catch":[{"ErrorEquals":["States.ALL"],"Next":"C"}]}`},
		{"Parameters", `{"Type":"Task","Resource":"r","Parameters":{"a.$":"$.missing"},"Catch":[{"ErrorEquals":["States.ALL"],"Next":"C"}]}`},
		{"OutputPath", `{"Type":"Task","Resource":"r","OutputPath":"$.missing","Catch":[{"ErrorEquals":["States.ALL"],"Next":"C"}]}`},
		{"ResultPath into a string", `{"Type":"Task","Resource":"r","ResultPath":"$.s.x","Catch":[{"ErrorEquals":["States.Runtime"],"Next":"C"}]}`},
	}
	for _, c := range cases {
		def := `{"StartAt":"S","States":{"S":` + c.state[:len(c.state)-1] + `,"End":true},"C":{"Type":"Succeed"}}}`
		res := Run([]byte(def), []byte(`{"s":"text"}`), nil, Options{})
		if res.Status != StatusFailed || res.Error != ErrRuntime {
			t.Errorf("%s: %s %s %s, want FAILED States.Runtime", c.name, res.Status, res.Error, res.Cause)
		}
	}
}
