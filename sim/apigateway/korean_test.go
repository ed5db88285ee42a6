package apigateway

import "testing"

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
