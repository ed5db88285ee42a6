package rdsproxy

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
		t.Fatalf("%d scenarios, want at least 4", len(ss))
	}
	got := map[string][]RunResult{}
	for _, s := range ss {
		res, err := s.Run()
		if err != nil {
			t.Fatal(err)
		}
		got[s.ID] = res
	}
	if r := got["connections-exhausted"][0].Result; r.Errors[ErrTooMany] == 0 || r.MaxConnections != 85 {
		t.Errorf("connections-exhausted: 1040 %d, max %d", r.Errors[ErrTooMany], r.MaxConnections)
	}
	if d, p := got["same-load-with-proxy"][0].Result, got["same-load-with-proxy"][1].Result; d.Failed == 0 || p.Failed != 0 {
		t.Errorf("same-load: direct failed %d, proxy failed %d", d.Failed, p.Failed)
	}
	if n, p := got["pinning"][0].Result, got["pinning"][1].Result; n.Failed != 0 || p.Errors[ErrBorrowWait] == 0 {
		t.Errorf("pinning: unpinned failed %d, pinned borrow timeouts %d", n.Failed, p.Errors[ErrBorrowWait])
	}
	if d, p := got["failover"][0].Result, got["failover"][1].Result; p.Failed*10 > d.Failed {
		t.Errorf("failover: direct failed %d, proxy failed %d", d.Failed, p.Failed)
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
		{"bad type", "id: x\nruns:\n  - name: a\n    config:\n      seed: many\n", 5, "many"},
		{"no runs", "id: x\n", 1, "run"},
		{"bad config", "id: x\nruns:\n  - name: a\n    config:\n      db: {max_connections: 10}\n      lambda: {mode: pool, phases: [{for_s: 1, concurrency: 1}]}\n", 4, "mode"},
		{"no name", "id: x\nruns:\n  - config: {}\n", 3, "name"},
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
	f.Add([]byte("id: x\nruns: [{name: a, config: {db: {max_connections: 5}, lambda: {phases: [{for_s: 1, concurrency: 3}]}}]\n"))
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
