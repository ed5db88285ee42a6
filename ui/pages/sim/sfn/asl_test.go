package sfn

import (
	"strings"
	"testing"

	"github.com/saa-study/saa-study/content"
)

// TestDefinitionBesideTheGraph: d shows the definition, indented JSON with
// the Retry block that made the waits, beside the graph; d again brings
// the history back.
func TestDefinitionBesideTheGraph(t *testing.T) {
	h := openPicker(t, 120, 40, content.EN)
	h.Keys("down", "down", "down", "down", "enter")
	con := top(t, h)
	if con.src.name != "retry" {
		t.Fatalf("opened %q, want the retry example", con.src.name)
	}
	h.Keys("r")
	h.Keys("d")
	v := h.View()
	for _, want := range []string{"Definition (Amazon States Language)", `"Retry": [`, `"BackoffRate": 2,`, `"MaxDelaySeconds": 8,`, "CallPartnerApi"} {
		if !strings.Contains(v, want) {
			t.Fatalf("%q missing from the definition view:\n%s", want, v)
		}
	}
	h.Keys("d")
	if v := h.View(); strings.Contains(v, `"Retry": [`) {
		t.Fatalf("d should bring the history back:\n%s", v)
	}
}
