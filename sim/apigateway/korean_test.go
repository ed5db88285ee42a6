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
	hangul := func(s string) bool {
		for _, r := range s {
			if r >= 0xAC00 && r <= 0xD7A3 {
				return true
			}
		}
		return false
	}
	for _, s := range all {
		title, lesson := s.About().In("ko")
		if !hangul(title) || !hangul(lesson) {
			t.Errorf("%s: untranslated: title %q, lesson %q", s.ID, title, lesson)
		}
		if en, _ := s.About().In("en"); en == title {
			t.Errorf("%s: the English title is the Korean one", s.ID)
		}
	}
}
