package edge

import (
	"errors"
	"strings"
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

// TestEveryRunReadsInKorean: in Korean, the explanation, the cost lines
// and the traced requests' steps of every scenario run and of quick runs
// with each kind of function carry no English sentence; in English the
// same checker does see the English.
func TestEveryRunReadsInKorean(t *testing.T) {
	runs := map[string]Summary{}
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
			if r.Refusal != nil {
				for _, p := range say.NotKorean(r.Refusal.In("ko")) {
					t.Errorf("%s: refusal %q in %q", s.ID, p, r.Refusal.In("ko"))
				}
			}
			if r.Summary != nil {
				runs[s.ID+"/"+r.Name] = *r.Summary
			}
		}
	}
	for name, q := range map[string]QuickOptions{
		"none":            {},
		"cff viewer":      {Function: "cff", Trigger: ViewerRequest},
		"lae viewer":      {Function: "lae", Trigger: ViewerRequest},
		"lae origin":      {Function: "lae", Trigger: OriginRequest, Action: PickOrigin},
		"lae body":        {Function: "lae", Trigger: ViewerRequest, Action: "read-body"},
		"cff rewrite":     {Function: "cff", Trigger: ViewerRequest, Action: RewriteURI},
		"cff ab":          {Function: "cff", Trigger: ViewerRequest, Action: ABCookie},
		"cff redirect":    {Function: "cff", Trigger: ViewerRequest, Action: "redirect-country"},
		"lae call-api":    {Function: "lae", Trigger: OriginRequest, Action: "call-api"},
		"hit ratio 0.9":   {HitRatioTarget: 0.9},
		"cff viewer resp": {Function: "cff", Trigger: ViewerResponse},
	} {
		q.Seed = 1
		s, err := Quick(q)
		if err != nil {
			t.Fatalf("%s: %v", name, err)
		}
		runs["quick "+name] = s
	}
	for name, s := range runs {
		if len(say.English(s.Explanation)) == 0 {
			t.Errorf("%s: the checker finds no English in %q", name, s.Explanation)
		}
		lines := append([]string{s.Explain("ko")}, s.Cost.In("ko")...)
		for _, tr := range s.Trace {
			for _, st := range tr.Steps {
				lines = append(lines, st.In("ko"))
			}
		}
		for _, l := range lines {
			for _, p := range say.NotKorean(l) {
				t.Errorf("%s: %q in %q", name, p, l)
			}
		}
	}
}

// TestRefusalsReadInKorean: a function the attachment rules refuse says
// why in Korean, with the exception's name kept.
func TestRefusalsReadInKorean(t *testing.T) {
	for name, q := range map[string]QuickOptions{
		"cff origin": {Function: "cff", Trigger: OriginRequest},
		"cff body":   {Function: "cff", Trigger: ViewerRequest, Action: "read-body"},
		"cff api":    {Function: "cff", Trigger: ViewerRequest, Action: "call-api"},
	} {
		_, err := Quick(q)
		var e *Error
		if !errors.As(err, &e) {
			t.Fatalf("%s: %v, want a refusal", name, err)
		}
		if len(say.English(e.In("en"))) == 0 {
			t.Errorf("%s: the checker finds no English in %q", name, e.In("en"))
		}
		if ps := say.NotKorean(e.In("ko")); len(ps) > 0 || !strings.HasPrefix(e.In("ko"), e.Code+": ") {
			t.Errorf("%s: %q: %q", name, e.In("ko"), ps)
		}
	}
}
