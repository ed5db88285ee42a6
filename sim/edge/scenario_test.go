package edge

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
	if len(ss) < 4 {
		t.Fatalf("want at least 4 scenarios, got %d", len(ss))
	}
	want := map[string][]string{ // per run: "" for a summary, else the refusal code
		"header-rewrite-cost":    {"", ""},
		"origin-selection":       {ErrInvalidFunctionAssoc, ""},
		"body-inspection":        {ErrInvalidFunctionAssoc, ""},
		"cache-hit-skips-origin": {""},
	}
	for _, s := range ss {
		res, _ := s.Run()
		w, ok := want[s.ID]
		if !ok {
			continue
		}
		if len(res) != len(w) {
			t.Fatalf("%s: %d results, want %d", s.ID, len(res), len(w))
		}
		for i, r := range res {
			got := ""
			if r.Refusal != nil {
				got = r.Refusal.Code
			}
			if got != w[i] {
				t.Errorf("%s run %q: refusal %q, want %q", s.ID, r.Name, got, w[i])
			}
		}
	}
}

func TestScenarioHeaderRewriteCostsSixTimesLess(t *testing.T) {
	ss, err := Scenarios()
	if err != nil {
		t.Fatal(err)
	}
	for _, s := range ss {
		if s.ID != "header-rewrite-cost" {
			continue
		}
		res, _ := s.Run()
		cff, lae := res[0].Summary.Cost.TotalUSD, res[1].Summary.Cost.TotalUSD
		// 20,000 × $0.10/1M = $0.002; 20,000 × $0.60/1M + 20,000 × 3 ms × 0.125 GB × $0.00005001.
		if cff != 0.002 {
			t.Errorf("CFF cost %v, want 0.002", cff)
		}
		wantLAE := round6(0.012 + 20000*0.003*0.125*0.00005001)
		if lae != wantLAE {
			t.Errorf("L@E cost %v, want %v", lae, wantLAE)
		}
		return
	}
	t.Fatal("scenario header-rewrite-cost missing")
}

func TestParseScenarioErrors(t *testing.T) {
	cases := []struct {
		name, yaml string
		line       int
		contains   string
	}{
		{"empty", "", 1, "empty"},
		{"unknown field", "id: x\nbogus: 1\n", 2, "bogus"},
		{"bad type", "id: x\nworkload:\n  requests: lots\n", 3, "lots"},
		{"no runs", "id: x\nworkload: {requests: 10}\n", 1, "run"},
		{"bad trigger", "id: x\nworkload: {requests: 10}\nruns:\n  - name: a\n    distribution:\n      origins: [{name: o, latency_ms: 1}]\n      associations:\n        - trigger: sideways\n          function: {name: f, kind: cff, action: add-header}\n", 8, "sideways"},
		{"refused without expect", "id: x\nworkload: {requests: 10}\nruns:\n  - name: a\n    distribution:\n      origins: [{name: o, latency_ms: 1}]\n      associations:\n        - trigger: origin-request\n          function: {name: f, kind: cff, action: add-header}\n", 5, "InvalidFunctionAssociation"},
		{"expect mismatch", "id: x\nworkload: {requests: 10}\nruns:\n  - name: a\n    expect_error: InvalidArgument\n    distribution:\n      origins: [{name: o, latency_ms: 1}]\n", 5, "accepted"},
		{"bad workload", "id: x\nworkload: {requests: 0}\nruns:\n  - name: a\n    distribution:\n      origins: [{name: o}]\n", 2, "requests"},
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
	f.Add([]byte("id: x\nruns: [{name: a, distribution: {origins: [{name: o}]}}]\n"))
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
			t.Fatalf("accepted a scenario without id or runs")
		}
		if s.Workload.Requests <= 2000 { // keep each fuzz iteration cheap
			_, _ = s.Run()
		}
	})
}

// TestRefusalNamesItsExceptionOnce: a refused distribution reads the way
// AWS words a refusal, "Code: message", the message saying which function
// on which trigger was refused, in English and in Korean; the exception's
// name is not repeated inside the message (the CLI, --json and the
// simulator screen all show it).
func TestRefusalNamesItsExceptionOnce(t *testing.T) {
	ss, err := Scenarios()
	if err != nil {
		t.Fatal(err)
	}
	var ref *Error
	for _, s := range ss {
		if s.ID != "body-inspection" {
			continue
		}
		res, _ := s.Run()
		for _, r := range res {
			if r.Refusal != nil {
				ref = r.Refusal
			}
		}
	}
	if ref == nil {
		t.Fatal("body-inspection refuses nothing")
	}
	want := `InvalidFunctionAssociation: function "scan-form" on viewer-request: behaviour read-body reads the request body, which CloudFront Functions cannot access; use Lambda@Edge with include_body`
	if got := ref.Error(); got != want {
		t.Errorf("refusal\n got %s\nwant %s", got, want)
	}
	if got, want := ref.In("ko"), `InvalidFunctionAssociation: viewer-request의 함수 "scan-form": read-body 동작은`; !strings.HasPrefix(got, want) {
		t.Errorf("Korean refusal\n got %s\nwant it to start %s", got, want)
	}

	// The same for a refusal Validate finds outside a scenario.
	d := Distribution{Origins: []Origin{{Name: "o"}}, Associations: []Association{
		{Trigger: ViewerRequest, Function: Function{Name: "a", Kind: CFF, Action: AddHeader}},
		{Trigger: ViewerRequest, Function: Function{Name: "b", Kind: CFF, Action: AddHeader}},
	}}
	err = d.Validate(DefaultLimits())
	var e *Error
	if !errors.As(err, &e) || e.Code != ErrInvalidArgument {
		t.Fatalf("two functions on one trigger: %v, want an InvalidArgument", err)
	}
	if got := err.Error(); strings.Count(got, ErrInvalidArgument) != 1 || !strings.HasPrefix(got, `InvalidArgument: function "b" on viewer-request: `) {
		t.Errorf("two functions on one trigger: %s", got)
	}
}
