package apigateway

import (
	"testing"

	"github.com/saa-study/saa-study/sim/lambda"
)

// The Lambda simulator's per-request model plugs into a LAMBDA integration.
var _ Invoker = (*lambda.Live)(nil)

func TestLambdaSimBackedIntegration(t *testing.T) {
	fn, err := lambda.NewLive(lambda.FunctionConfig{MemoryMB: 512, TimeoutS: 3, Reserved: func() *int { v := 100; return &v }(), ColdStartMS: 300},
		lambda.AccountConfig{}, lambda.DurationModel{DurationMS: 2000})
	if err != nil {
		t.Fatal(err)
	}
	api := API{Name: "a", Stages: []Stage{{Name: "prod"}},
		Methods: []Method{{Method: "GET", Path: "/fn", Integration: Integration{Type: IntegrationLambda, Lambda: fn}}}}
	r, err := Simulate(api, Traffic{Phases: []Phase{{Seconds: 30, RPS: 100}}, Template: get("/fn")}, 1)
	if err != nil {
		t.Fatal(err)
	}
	// 100 rps × 2 s needs 200 concurrent; reserved 100 lets about half through.
	if c := r.Counters; c.OK < 1300 || c.OK > 1700 || c.BackendErrors != c.Requests-c.OK {
		t.Fatalf("%+v", c)
	}
}
