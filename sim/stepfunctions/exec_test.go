package stepfunctions

import (
	"encoding/json"
	"fmt"
	"slices"
	"strings"
	"testing"
	"time"

	"github.com/saa-study/saa-study/sim/clock"
)

func eventsOf(res Result, typ string) []Event {
	var out []Event
	for _, ev := range res.History {
		if ev.Type == typ {
			out = append(out, ev)
		}
	}
	return out
}

func types(res Result) string {
	var b []string
	for _, ev := range res.History {
		b = append(b, ev.Type)
	}
	return strings.Join(b, ",")
}

func TestWaitVariantsAdvanceVirtualTimeOnly(t *testing.T) {
	cases := []struct {
		name, wait, input string
		want              time.Duration
	}{
		{"Seconds", `"Seconds":3600`, `{}`, time.Hour},
		{"Timestamp", `"Timestamp":"2025-01-01T02:00:00Z"`, `{}`, 2 * time.Hour},
		{"Timestamp in the past", `"Timestamp":"2020-01-01T00:00:00Z"`, `{}`, 0},
		{"SecondsPath", `"SecondsPath":"$.delay"`, `{"delay":90}`, 90 * time.Second},
		{"TimestampPath", `"TimestampPath":"$.at"`, `{"at":"2025-01-02T00:00:00Z"}`, 24 * time.Hour},
	}
	for _, c := range cases {
		res := runOne(t, `{"Type":"Wait",`+c.wait+`}`, c.input, "")
		if res.Status != StatusSucceeded {
			t.Fatalf("%s: %s %s", c.name, res.Status, res.Cause)
		}
		if got := time.Duration(res.DurationMs) * time.Millisecond; got != c.want {
			t.Errorf("%s: duration %v, want %v", c.name, got, c.want)
		}
		exited := eventsOf(res, "WaitStateExited")
		if len(exited) != 1 || exited[0].Timestamp.Sub(clock.Epoch) != c.want {
			t.Errorf("%s: WaitStateExited at %v", c.name, exited)
		}
	}
	res := runOne(t, `{"Type":"Wait","SecondsPath":"$.delay"}`, `{"delay":"soon"}`, "")
	if res.Error != ErrRuntime {
		t.Errorf("bad SecondsPath: %s", res.Error)
	}
}

func TestPassResultAndFailPaths(t *testing.T) {
	res := runOne(t, `{"Type":"Pass","Result":{"a":1},"ResultPath":"$.r"}`, `{"x":0}`, "")
	wantJSON(t, "Pass Result", res.Output, `{"x":0,"r":{"a":1}}`)
	def := `{"StartAt":"F","States":{"F":{"Type":"Fail","ErrorPath":"$.code","CausePath":"States.Format('order {} failed', $.id)"}}}`
	res = Run([]byte(def), []byte(`{"code":"E42","id":7}`), nil, Options{})
	if res.Status != StatusFailed || res.Error != "E42" || res.Cause != "order 7 failed" {
		t.Fatalf("Fail paths: %s %q %q", res.Status, res.Error, res.Cause)
	}
	if types(res) != "ExecutionStarted,FailStateEntered,ExecutionFailed" {
		t.Fatalf("Fail history: %s", types(res))
	}
}

func TestRetryBackoffIntervalsAndBilledTransitions(t *testing.T) {
	state := `{"Type":"Task","Resource":"r","Retry":[{"ErrorEquals":["E"],"IntervalSeconds":3,"BackoffRate":2,"MaxAttempts":3,"MaxDelaySeconds":10}]}`
	res := runOne(t, state, `{}`, `{"S":[{"error":"E","times":3},{"return":"ok"}]}`)
	var at []int64
	for _, ev := range eventsOf(res, "TaskScheduled") {
		at = append(at, ev.ElapsedMs/1000)
	}
	// 3 s, then 6 s, then 12 s capped to 10 s: attempts at 0, 3, 9, 19.
	if len(at) != 4 || at[1] != 3 || at[2] != 9 || at[3] != 19 {
		t.Fatalf("attempt times %v, want [0 3 9 19]", at)
	}
	if res.Status != StatusSucceeded || res.Transitions != 4 {
		t.Fatalf("status %s transitions %d, want SUCCEEDED and 1 state + 3 retries", res.Status, res.Transitions)
	}
	// Exhausted retries fall through to the error.
	res = runOne(t, state, `{}`, `{"S":[{"error":"E","times":9}]}`)
	if res.Error != "E" || len(eventsOf(res, "TaskScheduled")) != 4 {
		t.Fatalf("exhausted: %s with %d attempts", res.Error, len(eventsOf(res, "TaskScheduled")))
	}
	// MaxAttempts 0 never retries.
	res = runOne(t, `{"Type":"Task","Resource":"r","Retry":[{"ErrorEquals":["E"],"MaxAttempts":0}]}`, `{}`, `{"S":[{"error":"E"}]}`)
	if len(eventsOf(res, "TaskScheduled")) != 1 {
		t.Fatal("MaxAttempts 0 retried")
	}
}

func TestFullJitterIsSeededAndBelowTheComputedDelay(t *testing.T) {
	state := `{"Type":"Task","Resource":"r","Retry":[{"ErrorEquals":["E"],"IntervalSeconds":4,"BackoffRate":1,"MaxAttempts":5,"JitterStrategy":"FULL"}]}`
	mocks := `{"S":[{"error":"E","times":5},{"return":1}]}`
	def := `{"StartAt":"S","States":{"S":` + state[:len(state)-1] + `,"End":true}}}`
	a := Run([]byte(def), nil, []byte(mocks), Options{Seed: 9})
	b := Run([]byte(def), nil, []byte(mocks), Options{Seed: 9})
	if a.DurationMs != b.DurationMs {
		t.Fatalf("same seed, different durations %d %d", a.DurationMs, b.DurationMs)
	}
	if a.DurationMs >= 5*4000 || a.DurationMs == 0 {
		t.Fatalf("jittered total %d ms, want in (0, 20000)", a.DurationMs)
	}
}

func TestErrorMatchingRules(t *testing.T) {
	cases := []struct {
		catch, err string
		caught     bool
	}{
		{"States.ALL", "Anything", true},
		{"States.ALL", ErrTimeout, true},
		{"States.ALL", ErrDataLimitExceeded, false},
		{"States.ALL", ErrRuntime, false},
		{"States.TaskFailed", "Lambda.ServiceException", true},
		{"States.TaskFailed", ErrTimeout, false},
		{"States.TaskFailed", ErrHeartbeatTimeout, false},
		{"States.Timeout", ErrHeartbeatTimeout, true},
		{"States.DataLimitExceeded", ErrDataLimitExceeded, true},
		{"Other", "Anything", false},
	}
	for _, c := range cases {
		if got := matches([]string{c.catch}, c.err); got != c.caught {
			t.Errorf("%s catches %s = %v, want %v", c.catch, c.err, got, c.caught)
		}
	}
}

func TestOversizedTaskResultIsDataLimitExceeded(t *testing.T) {
	big := `"` + strings.Repeat("x", MaxPayloadBytes) + `"`
	def := `{"StartAt":"S","States":{"S":{"Type":"Task","Resource":"r","Catch":[{"ErrorEquals":["States.ALL"],"Next":"C"}],"End":true},"C":{"Type":"Succeed"}}}`
	res := Run([]byte(def), nil, []byte(`{"S":[{"return":`+big+`}]}`), Options{})
	if res.Status != StatusFailed || res.Error != ErrDataLimitExceeded {
		t.Fatalf("%s %s: States.ALL must not catch DataLimitExceeded", res.Status, res.Error)
	}
}

func TestTaskTimeoutAndCatch(t *testing.T) {
	def := `{"StartAt":"S","States":{"S":{"Type":"Task","Resource":"r","TimeoutSeconds":10,
		"Catch":[{"ErrorEquals":["States.TaskFailed"],"Next":"Wrong"},{"ErrorEquals":["States.Timeout"],"Next":"TimedOut"}],"End":true},
		"Wrong":{"Type":"Fail","Error":"Wrong"},"TimedOut":{"Type":"Pass","End":true}}}`
	res := Run([]byte(def), []byte(`{"id":1}`), []byte(`{"S":[{"return":1,"delaySeconds":60}]}`), Options{})
	if res.Status != StatusSucceeded || res.DurationMs != 10000 {
		t.Fatalf("%s after %d ms: %s", res.Status, res.DurationMs, types(res))
	}
	wantJSON(t, "catch output", res.Output, `{"Error":"States.Timeout","Cause":"the task ran longer than TimeoutSeconds (10 s)"}`)
	if len(eventsOf(res, "TaskTimedOut")) != 1 {
		t.Fatalf("no TaskTimedOut: %s", types(res))
	}
}

func TestHumanApprovalThroughTheStepAPI(t *testing.T) {
	ex, _ := ExampleByName("approval")
	m, probs := Validate(ex.Definition)
	if m == nil {
		t.Fatal(probs)
	}
	mocks, _ := ParseMocks([]byte(`{"RequestApproval":[{"pending":true}]}`))
	e, err := Start(m, ex.Input, mocks, Options{})
	if err != nil {
		t.Fatal(err)
	}
	e.RunUntilBlocked()
	w := e.Waiting()
	if e.Status() != StatusRunning || len(w) != 1 || w[0].State != "RequestApproval" || w[0].TimeoutAt == nil {
		t.Fatalf("status %s waiting %+v", e.Status(), w)
	}
	sched := eventsOf(Result{History: e.History()}, "TaskScheduled")[0].Input.(map[string]any)
	if sched["Payload"].(map[string]any)["taskToken"] != w[0].Token {
		t.Fatalf("$$.Task.Token not passed in the payload: %v", sched)
	}
	if err := e.SendTaskSuccess("nope", []byte(`{}`)); err == nil || !strings.HasPrefix(err.Error(), "InvalidToken") {
		t.Fatalf("bad token: %v", err)
	}
	if err := e.SendTaskSuccess(w[0].Token, []byte(`{"approved":false}`)); err != nil {
		t.Fatal(err)
	}
	e.RunToEnd()
	res := e.Result()
	if res.Status != StatusFailed || res.Error != "Rejected" {
		t.Fatalf("%s %s", res.Status, res.Error)
	}
	if err := e.SendTaskSuccess(w[0].Token, []byte(`{}`)); err == nil || !strings.HasPrefix(err.Error(), "TaskTimedOut") {
		t.Fatalf("answering twice: %v", err)
	}

	// Nobody answers: the 24 h TimeoutSeconds fires and Catch escalates.
	e, _ = Start(m, ex.Input, mocks, Options{})
	e.RunToEnd()
	res = e.Result()
	if res.Error != "ApprovalTimedOut" || res.DurationMs != 86400000 {
		t.Fatalf("%s after %d ms", res.Error, res.DurationMs)
	}
}

func TestHeartbeatTimeoutAndHeartbeats(t *testing.T) {
	def := `{"StartAt":"S","States":{"S":{"Type":"Task","Resource":"arn:aws:states:::sqs:sendMessage.waitForTaskToken","HeartbeatSeconds":60,"TimeoutSeconds":600,"End":true}}}`
	res := Run([]byte(def), nil, []byte(`{"S":[{"return":"done","delaySeconds":300}]}`), Options{})
	if res.Error != ErrHeartbeatTimeout || res.DurationMs != 60000 {
		t.Fatalf("no heartbeat: %s after %d ms", res.Error, res.DurationMs)
	}
	res = Run([]byte(def), nil, []byte(`{"S":[{"return":"done","delaySeconds":300,"heartbeatEverySeconds":50}]}`), Options{})
	if res.Status != StatusSucceeded || res.DurationMs != 300000 {
		t.Fatalf("with heartbeats: %s %s after %d ms", res.Status, res.Error, res.DurationMs)
	}
}

func TestParallelFailureCancelsSiblingsAndPropagatesTheError(t *testing.T) {
	def := `{"StartAt":"P","States":{"P":{"Type":"Parallel","Branches":[
		{"StartAt":"A","States":{"A":{"Type":"Task","Resource":"a","End":true}}},
		{"StartAt":"B","States":{"B":{"Type":"Task","Resource":"b","End":true}}}],
		"Catch":[{"ErrorEquals":["BadThing"],"ResultPath":"$.err","Next":"Handled"}],"End":true},
		"Handled":{"Type":"Pass","End":true}}}`
	res := Run([]byte(def), []byte(`{}`), []byte(`{"A":[{"return":1,"delaySeconds":100}],"B":[{"error":"BadThing","cause":"b broke","delaySeconds":5}]}`), Options{})
	if res.Status != StatusSucceeded || res.DurationMs != 5000 {
		t.Fatalf("%s after %d ms: %s", res.Status, res.DurationMs, types(res))
	}
	if len(eventsOf(res, "TaskSucceeded")) != 0 {
		t.Fatal("the cancelled branch still finished")
	}
	wantJSON(t, "caught", res.Output, `{"err":{"Error":"BadThing","Cause":"b broke"}}`)
}

func TestMapRespectsMaxConcurrencyAndKeepsOrder(t *testing.T) {
	def := `{"StartAt":"M","States":{"M":{"Type":"Map","ItemsPath":"$.xs","MaxConcurrency":MC,
		"ItemSelector":{"i.$":"$$.Map.Item.Index","v.$":"$$.Map.Item.Value","k.$":"$.k"},
		"ItemProcessor":{"StartAt":"W","States":{"W":{"Type":"Task","Resource":"w","End":true}}},"End":true}}}`
	for _, c := range []struct {
		mc   string
		want int64
	}{{"0", 10}, {"1", 40}, {"2", 20}, {"3", 20}} {
		res := Run([]byte(strings.Replace(def, "MC", c.mc, 1)), []byte(`{"k":"K","xs":["a","b","c","d"]}`), []byte(`{"W":[{"delaySeconds":10}]}`), Options{})
		if res.Status != StatusSucceeded || res.DurationMs/1000 != c.want {
			t.Errorf("MaxConcurrency %s: %s after %d s, want %d s", c.mc, res.Status, res.DurationMs/1000, c.want)
		}
		wantJSON(t, "map output", res.Output, `[{"i":0,"v":"a","k":"K"},{"i":1,"v":"b","k":"K"},{"i":2,"v":"c","k":"K"},{"i":3,"v":"d","k":"K"}]`)
	}
	res := runOne(t, `{"Type":"Map","ItemsPath":"$.xs","ItemProcessor":{"StartAt":"I","States":{"I":{"Type":"Pass","End":true}}}}`, `{"xs":"nope"}`, "")
	if res.Error != ErrRuntime {
		t.Errorf("non-array items: %s", res.Error)
	}
	res = runOne(t, `{"Type":"Map","Parameters":{"x.$":"$$.Map.Item.Value"},"Iterator":{"StartAt":"I","States":{"I":{"Type":"Pass","End":true}}}}`, `[1,2]`, "")
	wantJSON(t, "legacy Parameters/Iterator", res.Output, `[{"x":1},{"x":2}]`)
}

func TestExecutionLimitsAndExpressPricing(t *testing.T) {
	def := []byte(`{"StartAt":"W","States":{"W":{"Type":"Wait","Seconds":600,"End":true}}}`)
	res := Run(def, nil, nil, Options{Type: Express})
	if res.Status != StatusTimedOut || res.DurationMs != 300000 || len(res.History) != 0 {
		t.Fatalf("Express 5 min limit: %s after %d ms with %d events", res.Status, res.DurationMs, len(res.History))
	}
	res = Run(def, nil, nil, Options{Type: Express, ExpressLogs: true})
	if last := res.History[len(res.History)-1]; last.Type != "ExecutionTimedOut" {
		t.Fatalf("last event %s", last.Type)
	}
	ap, _ := ExampleByName("approval")
	am, _ := Validate(ap.Definition)
	if _, err := Start(am, nil, nil, Options{Type: Express}); err == nil || !strings.Contains(err.Error(), "RequestApproval") {
		t.Fatalf("Express started a callback machine: %v", err)
	}
	top := []byte(`{"TimeoutSeconds":60,"StartAt":"W","States":{"W":{"Type":"Wait","Seconds":600,"End":true}}}`)
	if res := Run(top, nil, nil, Options{}); res.Status != StatusTimedOut || res.DurationMs != 60000 {
		t.Fatalf("machine TimeoutSeconds: %s %d", res.Status, res.DurationMs)
	}
	// Express: 1 request + 250 ms → 300 ms × 128 MB (100 MB → 2 chunks).
	c := Price(Express, 99, 250*time.Millisecond, 100)
	if c.BilledDurationMs != 300 || c.BilledMemoryMB != 128 || c.GBSeconds != 0.0375 {
		t.Fatalf("express billing %+v", c)
	}
	if got := c.WithoutFreeTierUSD; got < 1.6251e-6 || got > 1.6252e-6 {
		t.Fatalf("express cost %.10f", got)
	}
	s := Price(Standard, 5000, 0, 0)
	if s.WithoutFreeTierUSD != 0.125 || s.WithFreeTierUSD != 0.025 {
		t.Fatalf("standard cost %+v", s)
	}
}

func TestLoopsWithoutWaitsHitTheHistoryLimit(t *testing.T) {
	def := []byte(`{"StartAt":"A","States":{"A":{"Type":"Pass","Next":"B"},"B":{"Type":"Choice","Choices":[{"Variable":"$.stop","IsPresent":true,"Next":"E"}],"Default":"A"},"E":{"Type":"Succeed"}}}`)
	res := Run(def, nil, nil, Options{})
	if res.Status != StatusFailed || !strings.Contains(res.Cause, "25000") {
		t.Fatalf("%s %s", res.Status, res.Cause)
	}
}

func TestHistoryNamesMatchTheConsole(t *testing.T) {
	ex, _ := ExampleByName("parallel")
	res := Run(ex.Definition, ex.Input, ex.Mocks, Options{})
	want := "ExecutionStarted,ParallelStateEntered,ParallelStateStarted,TaskStateEntered,TaskScheduled,TaskStarted,TaskStateEntered,TaskScheduled,TaskStarted,TaskStateEntered,TaskScheduled,TaskStarted," +
		"TaskSucceeded,TaskStateExited,TaskSucceeded,TaskStateExited,TaskSucceeded,TaskStateExited,ParallelStateSucceeded,ParallelStateExited,PassStateEntered,PassStateExited,ExecutionSucceeded"
	if types(res) != want {
		t.Fatalf("history\n got %s\nwant %s", types(res), want)
	}
}

func TestExamplesRunToTheirTeachingOutcome(t *testing.T) {
	want := map[string]string{"approval": "SUCCEEDED", "choice": "SUCCEEDED", "map": "SUCCEEDED", "parallel": "SUCCEEDED", "retry": "SUCCEEDED", "saga": "FAILED"}
	exs := Examples()
	if len(exs) != len(want) {
		t.Fatalf("%d examples", len(exs))
	}
	for _, ex := range exs {
		res := Run(ex.Definition, ex.Input, ex.Mocks, Options{})
		if string(res.Status) != want[ex.Name] {
			t.Errorf("%s: %s %s %s", ex.Name, res.Status, res.Error, res.Cause)
		}
	}
	saga, _ := ExampleByName("saga")
	res := Run(saga.Definition, saga.Input, saga.Mocks, Options{})
	var order []string
	for _, ev := range eventsOf(res, "TaskStateEntered") {
		order = append(order, ev.State)
	}
	if strings.Join(order, ">") != "ReserveInventory>ChargePayment>ShipOrder>RefundPayment>ReleaseInventory" {
		t.Errorf("saga compensation order %v", order)
	}
}

func TestLayoutRowsEdgesAndLanes(t *testing.T) {
	ex, _ := ExampleByName("saga")
	m, _ := Validate(ex.Definition)
	g := Layout(m)
	rows := map[string]int{}
	for _, n := range g.Nodes {
		rows[n.Name] = n.Row
	}
	if rows["ReserveInventory"] != 0 || rows["ChargePayment"] != 1 || rows["ShipOrder"] != 2 || rows["OrderShipped"] != 3 {
		t.Fatalf("rows %v", rows)
	}
	labels := map[string]bool{}
	for _, e := range g.Edges {
		labels[e.From+">"+e.To+":"+e.Label] = true
	}
	if !labels["ShipOrder>RefundPayment:Catch[0] States.ALL"] || !labels["ChargePayment>ShipOrder:Next"] {
		t.Fatalf("edges %v", g.Edges)
	}
	p, _ := ExampleByName("parallel")
	pm, _ := Validate(p.Definition)
	if lanes := Layout(pm).Nodes[0].Lanes; len(lanes) != 3 || lanes[2].Nodes[0].Name != "ScanForMalware" {
		t.Fatalf("lanes %+v", lanes)
	}
}

func TestUnresolvedTasksEchoOrFailWhenStrict(t *testing.T) {
	def := []byte(`{"StartAt":"S","States":{"S":{"Type":"Task","Resource":"r","End":true}}}`)
	if res := Run(def, []byte(`{"a":1}`), nil, Options{}); compactJSON(res.Output) != `{"a":1}` {
		t.Fatalf("echo: %v", res.Output)
	}
	if res := Run(def, nil, nil, Options{StrictTasks: true}); res.Error != ErrTaskFailed {
		t.Fatalf("strict: %s", res.Error)
	}
	h := TaskHandlerFunc(func(r TaskRequest) TaskResponse { return TaskResponse{Output: r.Resource, Delay: time.Second} })
	if res := Run(def, nil, nil, Options{Handler: h}); res.Output != "r" || res.DurationMs != 1000 {
		t.Fatalf("handler: %v %d", res.Output, res.DurationMs)
	}
}

// TestTaskResultSizeAtTheLimit: the payload limit counts the result's JSON
// bytes exactly, escapes included, even where a quick estimate would be
// over: a result of exactly MaxPayloadBytes passes, one byte more fails
// and the cause quotes the exact size.
func TestTaskResultSizeAtTheLimit(t *testing.T) {
	def := `{"StartAt":"S","States":{"S":{"Type":"Task","Resource":"r","End":true}}}`
	// {"a":"<<<…"}: each < is 6 bytes as JSON (\u003c); pad with x to the limit.
	lt := 20000
	pad := MaxPayloadBytes - len(`{"a":""}`) - 6*lt
	for _, extra := range []int{0, 1} {
		s := strings.Repeat(`<`, lt) + strings.Repeat("x", pad+extra)
		result := `{"a":"` + s + `"}`
		res := Run([]byte(def), nil, []byte(`{"S":[{"return":`+result+`}]}`), Options{})
		if extra == 0 && res.Status != StatusSucceeded {
			t.Fatalf("a result of exactly %d bytes: %s %s %s", MaxPayloadBytes, res.Status, res.Error, res.Cause)
		}
		if extra == 1 && (res.Error != ErrDataLimitExceeded || !strings.Contains(res.Cause, fmt.Sprintf("is %d bytes", MaxPayloadBytes+1))) {
			t.Fatalf("one byte over: %s %s %q", res.Status, res.Error, res.Cause)
		}
	}
	if n := jsonSize(map[string]any{"k": []any{"\u00e9<", json.Number("12"), true, nil, 1.5}}, 1); n != len(`{"k":["é\u003c",12,true,null,1.5]}`) {
		t.Fatalf("jsonSize over the limit = %d, want the exact length", n)
	}
}

// TestExampleNamesAreTheExamples: the names the CLI's help lists without
// reading the examples are those of the examples themselves.
func TestExampleNamesAreTheExamples(t *testing.T) {
	var want []string
	for _, ex := range Examples() {
		want = append(want, ex.Name)
	}
	if got := ExampleNames(); !slices.Equal(got, want) || len(got) == 0 {
		t.Errorf("ExampleNames() = %v, want %v", got, want)
	}
}
