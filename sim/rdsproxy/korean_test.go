package rdsproxy

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

// TestEveryRunReadsInKorean: in Korean, the explanation and every event
// of every scenario run and of quick runs with and without the proxy,
// pinning and a failover carry no English sentence; in English the same
// checker does see the English.
func TestEveryRunReadsInKorean(t *testing.T) {
	runs := map[string]Result{}
	all, err := Scenarios()
	if err != nil {
		t.Fatal(err)
	}
	for _, s := range all {
		rs, err := s.Run()
		if err != nil {
			t.Fatal(err)
		}
		for _, r := range rs {
			if len(say.NotKorean(r.Label("ko"))) > 0 {
				t.Errorf("%s: run name %q", s.ID, r.Label("ko"))
			}
			runs[s.ID+"/"+r.Name] = r.Result
		}
	}
	for name, q := range map[string]QuickOptions{
		"direct":         {},
		"proxy":          {Proxy: true},
		"pinned":         {Proxy: true, PinnedPct: 90, BorrowTimeoutS: 1},
		"per-invocation": {Mode: "per-invocation"},
		"failover":       {FailoverS: 30},
		"proxy failover": {Proxy: true, FailoverS: 30},
		"small":          {Surge: 20},
	} {
		q.Seed = 1
		r, err := Quick(q)
		if err != nil {
			t.Fatalf("%s: %v", name, err)
		}
		runs["quick "+name] = r
	}
	for name, r := range runs {
		if len(say.English(r.Explanation)) == 0 {
			t.Errorf("%s: the checker finds no English in %q", name, r.Explanation)
		}
		why, events := r.In("ko")
		for _, l := range append([]string{why}, events...) {
			for _, p := range say.NotKorean(l) {
				t.Errorf("%s: %q in %q", name, p, l)
			}
		}
	}
}
