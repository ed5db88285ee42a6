package reader

import (
	"strings"
	"testing"

	"github.com/saa-study/saa-study/content"
	"github.com/saa-study/saa-study/ui/internal/uitest"
	"github.com/saa-study/saa-study/ui/text"
)

// TestReaderListsTheFactsANoteCites: i in the reader lists the facts the
// note inserts — value, meaning, AWS source, date checked — in the note's
// language, with no raw id anywhere; esc returns to the note where it was.
func TestReaderListsTheFactsANoteCites(t *testing.T) {
	lib, err := content.Embedded()
	if err != nil {
		t.Fatal(err)
	}
	for _, lang := range content.Langs {
		n := lib.Note(lang, "lambda")
		h := uitest.NewHarness(t, New(uitest.Common(lib, nil, lang, 100, 30), n))
		before := h.View()
		if raw := content.RawFactRefs(before); len(raw) > 0 {
			t.Errorf("%s: raw fact ids in the note: %q", lang, raw)
		}
		h.Keys("i")
		v := h.View()
		f, _ := lib.Fact(n.Facts[0])
		for _, want := range []string{text.T(lang, "reader.facts"), "[1] " + f.Display(lang), f.Source, text.T(lang, "sim.fact.checked") + " " + f.Checked} {
			if !strings.Contains(v, want) {
				t.Fatalf("%s: %q missing from the facts list:\n%s", lang, want, v)
			}
		}
		h.Keys("pgdown", "pgdown")
		if v := h.View(); len(strings.Split(v, "\n")) > 30 {
			t.Errorf("%s: the facts list draws past the window:\n%s", lang, v)
		}
		h.Keys("esc")
		if v := h.View(); v != before {
			t.Errorf("%s: esc does not return to the note as it was:\n%s", lang, v)
		}
	}
}
