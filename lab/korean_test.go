package lab

import (
	"testing"

	"github.com/saa-study/saa-study/content"
	"github.com/saa-study/saa-study/sim/say"
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
