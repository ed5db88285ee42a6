package apigateway

import (
	"testing"

	"github.com/saa-study/saa-study/sim/say"
)

// TestEveryScenarioIsInKorean: each shipped scenario has a Korean title and
// lesson, with Hangul in them, so the Korean console and --lang ko never
// fall back to English.
func TestEveryScenarioIsInKorean(t *testing.T) {
	all, err := Scenarios()
	if err != nil {
		t.Fatal(err)
	}
	for _, s := range all {
		for _, p := range s.About().Untranslated() {
			t.Error(p)
		}
	}
}

// TestEveryRunReadsInKorean: in Korean, the explanation, every event and
// every step of the first request's path carry no English sentence, for
// every scenario and for quick runs that throttle, time out or hit the
// cache; in English the same checker does see the English.
func TestEveryRunReadsInKorean(t *testing.T) {
	runs := map[string]Result{}
	all, err := Scenarios()
	if err != nil {
		t.Fatal(err)
	}
	for _, s := range all {
		vs, err := s.Run()
		if err != nil {
			t.Fatal(err)
		}
		for _, v := range vs {
			runs[s.ID+"/"+v.Label] = v.Result
		}
	}
	for name, q := range map[string]QuickOptions{
		"default":     {RPS: 100, Seconds: 10, IntegrationMS: 50},
		"account":     {RPS: 12000, Seconds: 5, IntegrationMS: 50},
		"stage":       {RPS: 100, Seconds: 5, Rate: 50, Burst: 10, IntegrationMS: 50},
		"timeout":     {RPS: 10, Seconds: 5, IntegrationMS: 30000},
		"cache":       {RPS: 50, Seconds: 5, CacheTTL: 300, IntegrationMS: 50},
		"no requests": {RPS: 0, Seconds: 5},
	} {
		api := QuickAPI(q)
		r, err := Simulate(api, Traffic{Phases: []Phase{{Seconds: q.Seconds, RPS: q.RPS}},
			Template: Request{Stage: "prod", Method: "GET", Path: "/items"}}, 1)
		if err != nil {
			t.Fatalf("%s: %v", name, err)
		}
		runs["quick "+name] = r
	}
	for name, r := range runs {
		if len(say.English(r.Explanation)) == 0 && r.Counters.Requests > 0 {
			t.Errorf("%s: the checker finds no English in %q", name, r.Explanation)
		}
		lines := []string{r.ExplanationKo}
		for _, e := range r.Events {
			lines = append(lines, e.In("ko"))
		}
		for _, s := range r.Sample.Steps {
			n, d := s.In("ko")
			lines = append(lines, n+" "+d)
		}
		for _, s := range lines {
			for _, p := range say.NotKorean(s) {
				t.Errorf("%s: %q in %q", name, p, s)
			}
		}
	}
}
