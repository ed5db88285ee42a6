package sns

import (
	"testing"

	"github.com/saa-study/saa-study/sim/say"
)

// TestExplanationsReadInKorean: every explanation the engine writes — each
// shipped scenario's runs, their names, and quick runs that miss, receive
// unwanted messages or read out of order — has a Korean that carries no
// English sentence, while the English one is English.
func TestExplanationsReadInKorean(t *testing.T) {
	var results []Result
	all, err := Scenarios()
	if err != nil {
		t.Fatal(err)
	}
	for _, sc := range all {
		runs, err := sc.Run()
		if err != nil {
			t.Fatal(err)
		}
		for _, r := range runs {
			if p := say.NotKorean(r.Label("ko")); len(p) > 0 || r.Label("ko") == r.Name {
				t.Errorf("%s: run %q has no Korean name (%q)", sc.ID, r.Name, p)
			}
			if r.Result != nil {
				results = append(results, *r.Result)
			}
		}
	}
	for _, o := range []QuickOptions{
		{Orders: 500, Customers: 20, Seed: 1},
		{Orders: 500, Customers: 20, Seed: 1, FIFOTopic: true, FraudPolicy: `{"country":["CA"]}`},
		{Orders: 500, Customers: 20, Seed: 1, FIFOTopic: true, FIFOQueue: true, FraudPolicy: FraudWants, ShippingPolicy: ShippingWants},
	} {
		r, err := Quick(o)
		if err != nil {
			t.Fatal(err)
		}
		results = append(results, r)
	}
	for _, r := range results {
		if len(say.English(r.Explanation)) == 0 {
			t.Errorf("the English explanation %q reads as no English: the check is blind", r.Explanation)
		}
		if p := say.NotKorean(r.ExplanationKo); len(p) > 0 {
			t.Errorf("%q in the Korean explanation %q", p, r.ExplanationKo)
		}
	}
}

// TestOwnRefusalsReadInKorean: a refusal the simulator words itself (not
// a message SNS writes) has a Korean message with no English sentence,
// while SNS's own messages are kept as SNS writes them.
func TestOwnRefusalsReadInKorean(t *testing.T) {
	sqs := []Subscription{{Name: "q", Protocol: SQS}}
	for _, c := range []Config{
		{Workload: Workload{Orders: 10}},
		{Subscriptions: sqs},
		{Subscriptions: sqs, Workload: Workload{Orders: maxOrders + 1}},
		{Subscriptions: []Subscription{{Name: "bad name!", Protocol: SQS}}, Workload: Workload{Orders: 10}},
		{Subscriptions: []Subscription{{Name: "f", Protocol: Lambda, FIFOQueue: true}}, Workload: Workload{Orders: 10}},
		{Subscriptions: []Subscription{{Name: "p", Protocol: "sms"}}, Workload: Workload{Orders: 10}},
	} {
		_, err := Run(c)
		e, ok := err.(*Error)
		if !ok {
			t.Fatalf("%+v: want an *Error, got %v", c, err)
		}
		if len(say.English(e.Message)) == 0 {
			t.Errorf("%q reads as no English: the check is blind", e.Message)
		}
		if p := say.NotKorean(e.MessageKo); len(p) > 0 || e.MessageKo == "" {
			t.Errorf("%s: Korean %q has %q", e.Message, e.MessageKo, p)
		}
	}
	_, err := Run(Config{FIFO: true, Subscriptions: []Subscription{{Name: "r", Protocol: Lambda}}, Workload: Workload{Orders: 10}})
	if e := err.(*Error); e.In("ko") != "InvalidParameterException: Invalid parameter: Invalid protocol type: lambda" {
		t.Errorf("SNS's own message should stay as SNS writes it: %q", e.In("ko"))
	}
}
