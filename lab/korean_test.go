package lab

import (
	"errors"
	"strings"
	"testing"

	"github.com/saa-study/saa-study/content"
	"github.com/saa-study/saa-study/sim/say"
	"github.com/saa-study/saa-study/sim/sns"
)

// TestKoreanLabsExplainInKorean: a Korean lab's "why", for its starting
// settings and for its solution, carries no English sentence; the English
// lab's does (so the check is not blind).
func TestKoreanLabsExplainInKorean(t *testing.T) {
	lib := embedded(t)
	for _, lang := range content.Langs {
		for _, l := range lib.Labs(lang) {
			for name, over := range map[string]map[string]string{"start": nil, "solution": Solution(l)} {
				rep, err := Run(lib, l, over)
				if err != nil {
					t.Fatalf("%s %s %s: %v", lang, l.ID, name, err)
				}
				found := say.NotKorean(rep.Explanation)
				switch {
				case lang == content.KO && len(found) > 0:
					t.Errorf("ko %s %s: %q in %q", l.ID, name, found, rep.Explanation)
				case lang == content.EN && len(found) == 0:
					t.Errorf("en %s %s: the checker finds no English in %q", l.ID, name, rep.Explanation)
				}
			}
		}
	}
}

// TestRefusalReadsInTheLabsLanguage: a filter policy SNS refuses is an
// error in the lab's language that quotes SNS's exception as SNS writes
// it, and still unwraps to the engine's error.
func TestRefusalReadsInTheLabsLanguage(t *testing.T) {
	lib := embedded(t)
	for _, lang := range content.Langs {
		l := lib.Lab(lang, "sns-fraud-filter")
		_, err := Run(lib, l, map[string]string{"fraud_policy": `{"a": []}`})
		var refused *RefusedError
		if !errors.As(err, &refused) {
			t.Fatalf("%s: want a RefusedError, got %v", lang, err)
		}
		msg := err.Error()
		if !strings.Contains(msg, "InvalidParameterException: Invalid parameter: FilterPolicy: Empty arrays are not allowed") {
			t.Errorf("%s: SNS's message is not quoted: %q", lang, msg)
		}
		if found := say.NotKorean(msg); lang == content.KO && len(found) > 0 {
			t.Errorf("ko: %q in %q", found, msg)
		}
		var e *sns.Error
		if !errors.As(err, &e) {
			t.Errorf("%s: the SNS error is not wrapped", lang)
		}
	}
}
