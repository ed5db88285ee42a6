// Package sim_test checks that the simulators enforce the same numbers the
// notes teach: every limit an engine uses is a fact of the content, with
// the same value.
package sim_test

import (
	"math"
	"testing"

	"github.com/saa-study/saa-study/content"
	"github.com/saa-study/saa-study/sim/apigateway"
	"github.com/saa-study/saa-study/sim/dynamodb"
	"github.com/saa-study/saa-study/sim/edge"
	"github.com/saa-study/saa-study/sim/lambda"
	"github.com/saa-study/saa-study/sim/sns"
	"github.com/saa-study/saa-study/sim/stepfunctions"
)

func TestEngineLimitsAgreeWithTheFacts(t *testing.T) {
	lib, err := content.Embedded()
	if err != nil {
		t.Fatalf("content: %v", err)
	}
	lim := lambda.DefaultLimits()
	prices := edge.DefaultPrices()
	engines := map[string]map[string]float64{
		"lambda":     lambda.DefaultLimits().Facts(),
		"apigateway": apigateway.DefaultLimits().Facts(),
		"edge":       edge.DefaultLimits().Facts(),
		"dynamodb":   dynamodb.Facts(),
		"sns":        sns.DefaultLimits().Facts(),
		"prices": {
			"cff.price":                        prices.CFFPerMillion,
			"lae.price.requests":               prices.LAEPerMillion,
			"lae.price.gbs":                    prices.LAEPerGBSecond,
			"lambda.price.pc_x86_gbs":          lim.PriceX86PCGBs,
			"lambda.price.pc_arm_gbs":          lim.PriceArmPCGBs,
			"lambda.price.pc_duration_x86_gbs": lim.PriceX86PCDurationGBs,
			"lambda.price.pc_duration_arm_gbs": lim.PriceArmPCDurationGBs,
			"sfn.price.standard":               stepfunctions.StandardPerTransition * 1000,
			"sfn.free_transitions":             stepfunctions.StandardFreeTransitions,
			"sfn.price.express_requests":       stepfunctions.ExpressPerRequest * 1e6,
			"sfn.price.express_gbs":            stepfunctions.ExpressPerGBSecond,
		},
	}
	checked := 0
	for engine, facts := range engines {
		for id, v := range facts {
			f, ok := lib.Fact(id)
			switch {
			case !ok:
				t.Errorf("%s uses %s = %v, which is not a fact in content/facts.yaml", engine, id, v)
			case !f.IsNumber:
				t.Errorf("%s uses %s = %v, but the fact is text (%q): give the engine a numeric fact", engine, id, v, f.Value)
			case math.Abs(f.Number-v) > 1e-9*math.Max(1, math.Abs(v)):
				t.Errorf("%s uses %s = %v, the facts say %v %s", engine, id, v, f.Number, f.Unit)
			default:
				checked++
			}
		}
	}
	if checked < 50 {
		t.Fatalf("only %d limits checked", checked)
	}
}
