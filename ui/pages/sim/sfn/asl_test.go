package sfn

import (
	"strings"
	"testing"

	"github.com/saa-study/saa-study/content"
	"github.com/saa-study/saa-study/ui/internal/uitest"
	"github.com/saa-study/saa-study/ui/text"
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

// TestFactsBesideTheGraph: i lists the facts Step Functions is built on —
// value, meaning, AWS source, date checked — beside the graph, in the
// learner's language; i again brings the history back.
func TestFactsBesideTheGraph(t *testing.T) {
	lib, err := content.Embedded()
	if err != nil {
		t.Fatal(err)
	}
	for _, lang := range content.Langs {
		h := uitest.NewHarness(t, NewPicker(uitest.Common(lib, nil, lang, 120, 40)))
		h.Keys("enter", "r", "i")
		v := h.View()
		for _, want := range []string{"[1] ", "https://docs.aws.amazon.com/step-functions/", text.T(lang, "sim.fact.checked")} {
			if !strings.Contains(v, want) {
				t.Fatalf("%s: %q missing from the facts view:\n%s", lang, want, v)
			}
		}
		if raw := content.RawFactRefs(v); len(raw) > 0 {
			t.Errorf("%s: raw fact ids %q", lang, raw)
		}
		h.Keys("i")
		if v := h.View(); strings.Contains(v, "https://docs.aws.amazon.com/step-functions/") {
			t.Fatalf("i should bring the history back:\n%s", v)
		}
	}
}
