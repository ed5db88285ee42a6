package scenario

import (
	"errors"
	"testing"
)

var errEngine = errors.New("InvalidParameterValueException: memory")

func TestErrorReadsLineOrFileLine(t *testing.T) {
	e := Errorf(7, "function: %w", errEngine)
	if got := e.Error(); got != "line 7: function: InvalidParameterValueException: memory" {
		t.Fatalf("Error() = %q", got)
	}
	if !errors.Is(e, errEngine) {
		t.Fatal("the engine error should stay in the chain")
	}
	in := InFile(e, "my.yaml")
	if got := in.Error(); got != "my.yaml:7: function: InvalidParameterValueException: memory" {
		t.Fatalf("InFile = %q", got)
	}
	if e.File != "" {
		t.Fatal("InFile changed the original error")
	}
	if other := errors.New("x"); InFile(other, "f") != other {
		t.Fatal("InFile should pass other errors through")
	}
}

// TestUntranslatedCatchesEnglish: the check every engine's scenarios go
// through fails on an English-only scenario and a copied title.
func TestUntranslatedCatchesEnglish(t *testing.T) {
	ok := Info{ID: "a", Title: "Throttles", Lesson: "Why.", TitleKo: "스로틀링", LessonKo: "이유."}
	if p := ok.Untranslated(); len(p) != 0 {
		t.Errorf("a translated scenario was reported: %v", p)
	}
	for name, in := range map[string]Info{
		"no Korean":       {ID: "b", Title: "Throttles", Lesson: "Why."},
		"English lesson":  {ID: "c", Title: "Throttles", Lesson: "Why.", TitleKo: "스로틀링", LessonKo: "Why."},
		"copied title ko": {ID: "d", Title: "스로틀링", Lesson: "Why.", TitleKo: "스로틀링", LessonKo: "이유."},
	} {
		if p := in.Untranslated(); len(p) == 0 {
			t.Errorf("%s: not reported", name)
		}
	}
}
