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
