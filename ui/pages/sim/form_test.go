package sim

import (
	"strings"
	"testing"

	"github.com/saa-study/saa-study/content"
	"github.com/saa-study/saa-study/ui/internal/fixture"
	"github.com/saa-study/saa-study/ui/internal/uitest"
)

func lambdaConsole(t *testing.T, lang content.Lang) *uitest.Harness {
	t.Helper()
	return uitest.NewHarness(t, newConsole(uitest.Common(fixture.Library(t), nil, lang, 100, 30), lambdaEngine()))
}

func typeInto(h *uitest.Harness, v string) {
	h.Keys("enter")
	for _, r := range v {
		h.Keys(string(r))
	}
	h.Keys("enter")
}

// TestTypingReplacesThePlaceholderAndABadValueGetsASentence: on a field
// showing "none", typing 200 sets 200 (not "none200"), and a value the
// field does not take is refused with a sentence naming what it takes —
// no Go error.
func TestTypingReplacesThePlaceholderAndABadValueGetsASentence(t *testing.T) {
	h := lambdaConsole(t, content.EN)
	for range 5 { // memory, duration, timeout, rps, seconds, then reserved
		h.Keys("down")
	}
	if v := h.View(); !strings.Contains(v, "◂ none ▸") {
		t.Fatalf("reserved should start as none:\n%s", v)
	}
	typeInto(h, "200")
	if v := h.View(); !strings.Contains(v, "◂ 200 ▸") {
		t.Fatalf("typing 200 on none:\n%s", v)
	}
	typeInto(h, "none200")
	v := h.View()
	if strings.Contains(v, "strconv") || strings.Contains(v, "ParseFloat") ||
		!strings.Contains(v, `Reserved concurrency: "none200" is not a value it takes: type a number from 0 to 1,000, or none.`) {
		t.Fatalf("a bad value:\n%s", v)
	}
	if !strings.Contains(v, "◂ 200 ▸") {
		t.Fatalf("a refused value changed the field:\n%s", v)
	}
	typeInto(h, "none")
	if v := h.View(); !strings.Contains(v, "◂ none ▸") || strings.Contains(v, "not a value") {
		t.Fatalf("typing none:\n%s", v)
	}
}

// TestEditingShowsTheWholeValueUntilTyped: enter on a number opens the
// line to type a new one, and until a key is typed that line shows the
// value as it stands, every digit of it (max_connections 90, not 9).
func TestEditingShowsTheWholeValueUntilTyped(t *testing.T) {
	for _, lang := range []content.Lang{content.EN, content.KO} {
		h := uitest.NewHarness(t, newConsole(uitest.Common(fixture.Library(t), nil, lang, 100, 30), rdsproxyEngine()))
		if v := h.View(); !strings.Contains(v, "◂ 90 ▸") {
			t.Fatalf("%s: max_connections should start at 90:\n%s", lang, v)
		}
		h.Keys("enter")
		if v := h.View(); !strings.Contains(v, "max_connections: > 90") {
			t.Fatalf("%s: the edit line should show 90 until a key is typed:\n%s", lang, v)
		}
		h.Keys("5", "0", "0", "enter")
		if v := h.View(); !strings.Contains(v, "◂ 500 ▸") {
			t.Fatalf("%s: typing 500 replaces 90:\n%s", lang, v)
		}
	}
}

// TestFocusedFieldExplainsItself: the focused field shows one line with its
// unit and what 0 or none means, in both languages.
func TestFocusedFieldExplainsItself(t *testing.T) {
	h := lambdaConsole(t, content.EN)
	if v := h.View(); !strings.Contains(v, "one full vCPU at 1,769 MB") {
		t.Fatalf("memory's hint:\n%s", v)
	}
	h.Keys("down")
	if v := h.View(); !strings.Contains(v, "measured with one full vCPU (1,769 MB)") {
		t.Fatalf("duration's hint says at what memory it is measured:\n%s", v)
	}
	for range 4 {
		h.Keys("down")
	}
	if v := h.View(); !strings.Contains(v, "none: not set") || !strings.Contains(v, "0 stops every call") {
		t.Fatalf("reserved's hint says what none and 0 mean:\n%s", v)
	}
	k := lambdaConsole(t, content.KO)
	if v := k.View(); !strings.Contains(v, "vCPU 1개") {
		t.Fatalf("the Korean hint:\n%s", v)
	}
	e := uitest.NewHarness(t, newConsole(uitest.Common(fixture.Library(t), nil, content.EN, 100, 30), edgeEngine()))
	e.Keys("down")
	if v := e.View(); !strings.Contains(v, "◂ auto ▸") || !strings.Contains(v, "0: automatic") {
		t.Fatalf("edge's hit ratio shows auto for 0 and says so:\n%s", v)
	}
}

// TestVariantKeysOnlyWithVariants: the help offers ←/→ variant only when a
// run has more than one variant to pick.
func TestVariantKeysOnlyWithVariants(t *testing.T) {
	h := lambdaConsole(t, content.EN)
	h.Keys("r")
	s := h.Top().(*console)
	for _, b := range s.ShortHelp() {
		if b.Help().Desc == "variant" {
			t.Fatalf("one run, yet the help offers %q", b.Help().Key)
		}
	}
}
