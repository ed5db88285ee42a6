package sim

import (
	"strings"
	"testing"

	"github.com/saa-study/saa-study/content"
	"github.com/saa-study/saa-study/ui/internal/uitest"
)

// TestFactsAreReferencesNotIDs: a run cites facts as numbered references,
// never as raw ids, and i opens the facts it cites with their value,
// meaning, AWS source and the date they were checked.
func TestFactsAreReferencesNotIDs(t *testing.T) {
	lib, err := content.Embedded()
	if err != nil {
		t.Fatal(err)
	}
	for _, lang := range content.Langs {
		h := uitest.NewHarness(t, newConsole(uitest.Common(lib, nil, lang, 100, 40), lambdaEngine()))
		for i := 0; !strings.Contains(selected(h.View()), "reserved-throttle"); i++ {
			if i > 40 {
				t.Fatalf("no reserved-throttle scenario:\n%s", h.View())
			}
			h.Keys("down")
		}
		h.Keys("enter")
		v := h.View()
		if m := factID.FindString(v); m != "" {
			t.Fatalf("%s: a raw fact id %s on screen:\n%s", lang, m, v)
		}
		if !strings.Contains(v, "[1]") {
			t.Fatalf("%s: the explanation cites no reference:\n%s", lang, v)
		}
		h.Keys("i")
		v = h.View()
		f, _ := lib.Fact("lambda.throttle.code")
		meaning := f.Meaning
		if lang == content.KO {
			meaning = f.MeaningKo
		}
		if !strings.Contains(v, "429") || !strings.Contains(v, f.Source) || !strings.Contains(v, f.Checked) ||
			!strings.Contains(strings.Join(strings.Fields(v), " "), strings.Join(strings.Fields(meaning), " ")[:20]) {
			t.Fatalf("%s: the facts view lacks the value, meaning, source or date:\n%s", lang, v)
		}
	}
}

// TestRDSProxyRunSaysItComparesTwoVariants: a run with your own settings
// says that it ran the load without and with the proxy, with each count.
func TestRDSProxyRunSaysItComparesTwoVariants(t *testing.T) {
	out, err := rdsproxyEngine().quick(rdsproxyEngine().fields(), plainT)
	if err != nil {
		t.Fatal(err)
	}
	if len(out.runs) != 2 || !strings.Contains(out.title, "without and with RDS Proxy") ||
		!strings.Contains(out.lesson, "straight to the database") || !strings.Contains(out.lesson, "through RDS Proxy") {
		t.Fatalf("title %q, lesson %q", out.title, out.lesson)
	}
}

// TestLambdaScenarioInKorean: the Korean console lists and runs a Lambda
// scenario with its Korean title and lesson.
func TestLambdaScenarioInKorean(t *testing.T) {
	lib, err := content.Embedded()
	if err != nil {
		t.Fatal(err)
	}
	h := uitest.NewHarness(t, newConsole(uitest.Common(lib, nil, content.KO, 100, 40), lambdaEngine()))
	for i := 0; !strings.Contains(selected(h.View()), "reserved-throttle"); i++ {
		if i > 40 {
			t.Fatalf("no reserved-throttle scenario:\n%s", h.View())
		}
		h.Keys("down")
	}
	if v := h.View(); !strings.Contains(v, "예약된 동시성이 함수를 스로틀링합니다") || !strings.Contains(v, "보장이면서 상한") {
		t.Fatalf("the list and lesson are not Korean:\n%s", v)
	}
	h.Keys("enter")
	if v := h.View(); !strings.Contains(strings.Split(v, "\n")[0], "예약된 동시성이 함수를 스로틀링합니다") {
		t.Fatalf("the result's title is not Korean:\n%s", v)
	}
}

// TestEveryConsoleListsScenariosInKorean: in Korean, no console lists a
// scenario under its English title.
func TestEveryConsoleListsScenariosInKorean(t *testing.T) {
	lib, err := content.Embedded()
	if err != nil {
		t.Fatal(err)
	}
	for _, eng := range engines() {
		scs, err := eng.scenarios()
		if err != nil {
			t.Fatal(err)
		}
		h := uitest.NewHarness(t, newConsole(uitest.Common(lib, nil, content.KO, 200, 60), eng))
		v := h.View()
		for _, sc := range scs {
			if strings.Contains(v, sc.title) {
				t.Errorf("%s: %s is listed in English: %q", eng.id, sc.id, sc.title)
			}
		}
	}
}
