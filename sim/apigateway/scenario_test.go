package apigateway

import (
	"strings"
	"testing"
)

func TestEmbeddedScenarios(t *testing.T) {
	all, err := Scenarios()
	if err != nil {
		t.Fatal(err)
	}
	if len(all) < 4 {
		t.Fatalf("%d scenarios, want at least 4", len(all))
	}
	for _, s := range all {
		t.Run(s.ID, func(t *testing.T) {
			rs, err := s.Run()
			if err != nil {
				t.Fatal(err)
			}
			if f := rs[len(rs)-1].Result.Fact; f != s.ExpectFact {
				t.Fatalf("fact %q, want %q (%s)", f, s.ExpectFact, rs[len(rs)-1].Result.Explanation)
			}
		})
	}
}

func TestScenarioLessons(t *testing.T) {
	run := func(id string) []VariantResult {
		s, err := ScenarioByID(id)
		if err != nil {
			t.Fatal(err)
		}
		rs, err := s.Run()
		if err != nil {
			t.Fatal(err)
		}
		return rs
	}
	tests := []struct {
		id    string
		check func([]VariantResult) bool
	}{
		{"cache-saves-504", func(rs []VariantResult) bool {
			return rs[0].Result.Counters.Timeouts == 300 && rs[1].Result.Counters.Timeouts == 0 && rs[1].Result.Counters.CacheHits > 500
		}},
		{"quota-exhausted", func(rs []VariantResult) bool {
			c := rs[0].Result.Counters
			return c.OK == 1000 && c.QuotaExceeded == 1000 && c.Throttled == 0
		}},
		{"authorizer-cache", func(rs []VariantResult) bool {
			return rs[0].Result.Counters.AuthorizerCalls == 3000 && rs[1].Result.Counters.AuthorizerCalls == 10
		}},
		{"account-spike", func(rs []VariantResult) bool { return rs[0].Result.Counters.ThrottledAccount == 15_001 }},
	}
	for _, tc := range tests {
		t.Run(tc.id, func(t *testing.T) {
			rs := run(tc.id)
			if !tc.check(rs) {
				for _, r := range rs {
					t.Logf("%s: %+v", r.Label, r.Result.Counters)
				}
				t.Fatal("lesson not shown")
			}
		})
	}
}

func TestParseScenarioErrors(t *testing.T) {
	base := "id: x\ntitle: T\nlesson: L\ntraffic:\n  phases: [{seconds: 1, rps: 1}]\n"
	okAPI := "api:\n  name: a\n  stages: [{name: prod}]\n  methods: [{method: GET, path: /x}]\n"
	tests := []struct{ name, in, want string }{
		{"empty", "", "line 1: scenario is empty"},
		{"unknown field", base + okAPI + "colour: red\n", "line 10: field colour not found"},
		{"no stages", base + "api: {name: a}\n", "line 6: api: BadRequestException: An API needs 1 to 10 stages"},
		{"cert rule", base + okAPI + "  custom_domain: {name: d.example.com, certificate_region: eu-west-1}\n",
			"line 6: api: BadRequestException: The certificate for edge-optimized custom domain d.example.com must be an ACM certificate in us-east-1"},
		{"no phases", "id: x\ntitle: T\nlesson: L\ntraffic: {}\n" + okAPI, "line 4: traffic:"},
		{"bad variant", base + okAPI + "variants:\n  - {label: v, cache_ttl_s: 4000}\n", "line 10: variant \"v\""},
		{"wrong type", base + "api:\n  name: [1]\n", "line 7: "},
		{"valid", base + okAPI, ""},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			_, err := ParseScenario([]byte(tc.in))
			if tc.want == "" {
				if err != nil {
					t.Fatal(err)
				}
				return
			}
			if err == nil || !strings.HasPrefix(err.Error(), tc.want) {
				t.Fatalf("err %v, want prefix %q", err, tc.want)
			}
		})
	}
}

func FuzzParseScenario(f *testing.F) {
	entries, _ := embedded.ReadDir("scenarios")
	for _, e := range entries {
		b, _ := embedded.ReadFile("scenarios/" + e.Name())
		f.Add(b)
	}
	f.Fuzz(func(t *testing.T, b []byte) {
		s, err := ParseScenario(b)
		if err != nil {
			if !strings.HasPrefix(err.Error(), "line ") {
				t.Fatalf("error without a line: %v", err)
			}
			return
		}
		if s.ID == "" || len(s.Traffic.Phases) == 0 || len(s.API.Stages) == 0 {
			t.Fatal("accepted an incomplete scenario")
		}
	})
}
