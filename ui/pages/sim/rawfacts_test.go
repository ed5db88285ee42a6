package sim

import (
	"strings"
	"testing"

	"github.com/saa-study/saa-study/content"
	"github.com/saa-study/saa-study/ui/text"
)

// TestNoRawFactIDInAnyRun: every form engine's run from its form and from
// each shipped scenario, in both languages, shows no fact id raw in what a
// learner reads — explanation, events, pages, figures; each cited fact is a
// numbered reference on the run's facts page.
func TestNoRawFactIDInAnyRun(t *testing.T) {
	lib, err := content.Embedded()
	if err != nil {
		t.Fatal(err)
	}
	for _, lang := range content.Langs {
		tr := func(k string) string { return text.T(lang, k) }
		for _, mk := range []func() engine{lambdaEngine, apigatewayEngine, edgeEngine, rdsproxyEngine, snsEngine} {
			eng := mk()
			runs := map[string]func() (outcome, error){"form": func() (outcome, error) { return eng.quick(eng.fields(), tr) }}
			list, err := eng.scenarios()
			if err != nil {
				t.Fatal(err)
			}
			for _, sc := range list {
				runs[sc.id] = func() (outcome, error) { return eng.scenario(sc.id, tr) }
			}
			for name, run := range runs {
				out, err := run()
				if err != nil {
					t.Fatalf("%s %s: %v", eng.id, name, err)
				}
				if raw := rawInOutcome(cite(out, lib, lang, tr)); len(raw) > 0 {
					t.Errorf("%s %s %s: raw fact ids %q", lang, eng.id, name, raw)
				}
			}
		}
	}
}

func rawInOutcome(out outcome) []string {
	all := []string{out.title, out.lesson}
	for _, r := range out.runs {
		all = append(all, r.label, r.explain)
		all = append(all, r.events...)
		for _, s := range r.stats {
			all = append(all, s[0], s[1])
		}
		for _, p := range r.pages {
			all = append(all, p.name)
			all = append(all, p.lines...)
		}
	}
	return content.RawFactRefs(strings.Join(all, "\n"))
}
