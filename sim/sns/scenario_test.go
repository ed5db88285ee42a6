package sns

import (
	"errors"
	"strings"
	"testing"

	"github.com/saa-study/saa-study/sim/scenario"
)

func TestEmbeddedScenarios(t *testing.T) {
	ss, err := Scenarios()
	if err != nil {
		t.Fatal(err)
	}
	got := map[string][]RunResult{}
	for _, s := range ss {
		res, err := s.Run()
		if err != nil {
			t.Fatal(err)
		}
		got[s.ID] = res
		for _, p := range s.About().Untranslated() {
			t.Error(p)
		}
		for _, r := range res {
			if r.Result != nil && !hasHangul(r.Result.ExplanationKo) {
				t.Errorf("%s %q: the Korean explanation %q has no Hangul", s.ID, r.Name, r.Result.ExplanationKo)
			}
		}
	}
	// Without policies fraud reads every order; with them each subscriber
	// gets exactly what it wants, and analytics (no policy) still gets all.
	none, with := got["orders-fanout"][0].Result, got["orders-fanout"][1].Result
	if f := none.Subs["fraud"]; f.Delivered != none.Published || f.Unwanted == 0 {
		t.Errorf("no policies: fraud %+v", f)
	}
	for _, n := range with.Names {
		if s := with.Subs[n]; s.Unwanted != 0 || s.Missed != 0 || s.Delivered != s.Wanted {
			t.Errorf("with policies: %s %+v", n, s)
		}
	}
	if a := with.Subs["analytics"]; a.Delivered != with.Published {
		t.Errorf("analytics without a policy got %d of %d", a.Delivered, with.Published)
	}
	if r := with.Subs["receipt"]; r.Protocol != Lambda || r.Delivered == 0 {
		t.Errorf("receipt function %+v", r)
	}
	// Body scope: nested policy refused on attributes, accepted on the body.
	p := got["payload-filter"]
	if p[0].Refusal == nil || !strings.Contains(p[0].Refusal.Message, "does not support nested filter policy") {
		t.Errorf("nested on attributes: %+v", p[0])
	}
	if l := p[1].Result.Subs["loyalty"]; l.Delivered == 0 || l.Unwanted != 0 || l.Missed != 0 {
		t.Errorf("body scope: %+v", l)
	}
	if p[2].Refusal == nil || p[2].Refusal.Fact != "sns.filter.keys_max" || p[3].Refusal == nil || p[3].Refusal.Fact != "sns.filter.combinations_max" {
		t.Errorf("limits: %+v %+v", p[2].Refusal, p[3].Refusal)
	}
	// Order: only a FIFO topic with a FIFO queue keeps every customer in order.
	f := got["fifo-ordering"]
	if f[0].Result.Subs["shipping"].OutOfOrder == 0 || f[1].Result.Subs["shipping"].OutOfOrder == 0 || f[2].Result.Subs["shipping"].OutOfOrder != 0 {
		t.Errorf("out of order: standard/standard %d, fifo/standard %d, fifo/fifo %d",
			f[0].Result.Subs["shipping"].OutOfOrder, f[1].Result.Subs["shipping"].OutOfOrder, f[2].Result.Subs["shipping"].OutOfOrder)
	}
	if f[3].Refusal == nil || f[3].Refusal.Message != "Invalid parameter: Invalid protocol type: lambda" {
		t.Errorf("lambda on FIFO: %+v", f[3].Refusal)
	}
	if f[4].Refusal == nil || !strings.Contains(f[4].Refusal.Message, "FIFO SQS Queues can not be subscribed to standard SNS topics") {
		t.Errorf("FIFO queue on standard topic: %+v", f[4].Refusal)
	}
}

// TestRunIsDeterministic: the same seed publishes the same orders and
// gets the same counts, including the out-of-order reads.
func TestRunIsDeterministic(t *testing.T) {
	c := Config{Workload: Workload{Orders: 300, Customers: 10, Seed: 9},
		Subscriptions: []Subscription{{Name: "q", Protocol: SQS, FilterPolicy: `{"country":["US"]}`}}}
	a, err := Run(c)
	if err != nil {
		t.Fatal(err)
	}
	b, _ := Run(c)
	if a.Subs["q"] != b.Subs["q"] {
		t.Errorf("%+v != %+v", a.Subs["q"], b.Subs["q"])
	}
}

// TestPublishChecks: what Publish and Subscribe refuse.
func TestPublishChecks(t *testing.T) {
	q := []Subscription{{Name: "q", Protocol: SQS}}
	cases := []struct {
		name string
		c    Config
		want string
	}{
		{"no group on FIFO", Config{FIFO: true, Subscriptions: q, Messages: []Message{{Body: "x"}}}, "The MessageGroupId parameter is required for FIFO topics"},
		{"bad number", Config{Subscriptions: q, Messages: []Message{{Attributes: map[string]Attribute{"a": num("ten")}}}}, "Could not cast message attribute 'a' value to number"},
		{"bad type", Config{Subscriptions: q, Messages: []Message{{Attributes: map[string]Attribute{"a": {Type: "Text", Value: "x"}}}}}, "invalid message attribute type"},
		{"no subscriptions", Config{Workload: Workload{Orders: 1}}, "no subscriptions"},
		{"nothing published", Config{Subscriptions: q}, "nothing to publish"},
		{"email on FIFO", Config{FIFO: true, Subscriptions: []Subscription{{Name: "e", Protocol: Email}}, Workload: Workload{Orders: 1}}, "Invalid protocol type: email"},
		{"unknown protocol", Config{Subscriptions: []Subscription{{Name: "s", Protocol: "sms"}}, Workload: Workload{Orders: 1}}, "Invalid protocol type: sms"},
		{"twice", Config{Subscriptions: []Subscription{{Name: "q", Protocol: SQS}, {Name: "q", Protocol: SQS}}, Workload: Workload{Orders: 1}}, "each name once"},
	}
	for _, c := range cases {
		_, err := Run(c.c)
		var e *Error
		if !errors.As(err, &e) || e.Code != ErrInvalidParameter || !strings.Contains(e.Message, c.want) {
			t.Errorf("%s: got %v, want InvalidParameterException with %q", c.name, err, c.want)
		}
	}
}

// TestMessagesInsteadOfWorkload: messages written out are published as
// given, and matched on their own attributes.
func TestMessagesInsteadOfWorkload(t *testing.T) {
	c := Config{Subscriptions: []Subscription{{Name: "big", Protocol: HTTP, FilterPolicy: `{"amount":[{"numeric":[">=",100]}]}`}},
		Messages: []Message{{Attributes: map[string]Attribute{"amount": num("99.99")}}, {Attributes: map[string]Attribute{"amount": num("100")}}}}
	r, err := Run(c)
	if err != nil {
		t.Fatal(err)
	}
	if s := r.Subs["big"]; s.Delivered != 1 || s.FilteredOut != 1 {
		t.Errorf("%+v", s)
	}
}

func TestParseScenarioErrors(t *testing.T) {
	cases := []struct {
		name, yaml string
		line       int
		contains   string
	}{
		{"empty", "", 1, "empty"},
		{"unknown field", "id: x\nrunz: []\n", 2, "runz"},
		{"no runs", "id: x\n", 1, "run"},
		{"no name", "id: x\nruns:\n  - config: {}\n", 3, "name"},
		{"bad policy", "id: x\nruns:\n  - name: a\n    config:\n      workload: {orders: 5}\n      subscriptions: [{name: q, protocol: sqs, filter_policy: '{\"a\": []}'}]\n", 4, "Empty arrays are not allowed"},
		{"expected a refusal", "id: x\nruns:\n  - name: a\n    expect_error: InvalidParameterException\n    config:\n      workload: {orders: 5}\n      subscriptions: [{name: q, protocol: sqs}]\n", 4, "SNS accepts"},
		{"too many orders", "id: x\nruns:\n  - name: a\n    config:\n      workload: {orders: 200000}\n      subscriptions: [{name: q, protocol: sqs}]\n", 5, "at most 100,000"},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			_, err := ParseScenario([]byte(c.yaml))
			var se *scenario.Error
			if !errors.As(err, &se) {
				t.Fatalf("want *scenario.Error, got %v", err)
			}
			if se.Line != c.line || !strings.Contains(se.Error(), c.contains) {
				t.Errorf("got %q (line %d), want line %d containing %q", se.Error(), se.Line, c.line, c.contains)
			}
		})
	}
}

func FuzzParseScenario(f *testing.F) {
	entries, _ := scenarioFS.ReadDir("scenarios")
	for _, e := range entries {
		b, _ := scenarioFS.ReadFile("scenarios/" + e.Name())
		f.Add(b)
	}
	f.Fuzz(func(t *testing.T, data []byte) {
		s, err := ParseScenario(data)
		if err != nil {
			var se *scenario.Error
			if !errors.As(err, &se) || se.Line < 1 {
				t.Fatalf("error without a line: %v", err)
			}
			return
		}
		if s.ID == "" || len(s.Runs) == 0 {
			t.Fatal("accepted a scenario without id or runs")
		}
	})
}

func hasHangul(s string) bool {
	for _, r := range s {
		if r >= 0xAC00 && r <= 0xD7A3 {
			return true
		}
	}
	return false
}
