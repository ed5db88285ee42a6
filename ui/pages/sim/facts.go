package sim

import (
	"fmt"
	"regexp"
	"strings"

	"github.com/saa-study/saa-study/content"
)

// factIDRe finds the fact ids engines cite in brackets: "[lae.events]".
var factIDRe = regexp.MustCompile(`\[([a-z][a-z0-9_]*(?:\.[a-z0-9_]+)+)\]`)

// cite turns the fact ids a run cites into numbered references, "[1]",
// and adds a Facts page to the run that lists each one: its value, what it
// means, the AWS page that states it and when that was checked. Ids the
// library does not know are left as they are.
func cite(out outcome, lib *content.Library, lang content.Lang, t func(string) string) outcome {
	if lib == nil {
		return out
	}
	for i := range out.runs {
		r := &out.runs[i]
		var ids []string
		num := func(text string) string {
			return factIDRe.ReplaceAllStringFunc(text, func(m string) string {
				id := factIDRe.FindStringSubmatch(m)[1]
				if _, ok := lib.Fact(id); !ok {
					return m
				}
				for j, x := range ids {
					if x == id {
						return fmt.Sprintf("[%d]", j+1)
					}
				}
				ids = append(ids, id)
				return fmt.Sprintf("[%d]", len(ids))
			})
		}
		r.explain = num(r.explain)
		for j := range r.events {
			r.events[j] = num(r.events[j])
		}
		if len(ids) == 0 {
			continue
		}
		var lines []string
		for j, id := range ids {
			f, _ := lib.Fact(id)
			meaning := f.Meaning
			if lang == content.KO && f.MeaningKo != "" {
				meaning = f.MeaningKo
			}
			lines = append(lines, fmt.Sprintf("[%d] %s — %s", j+1, f.Display(lang), strings.TrimSpace(meaning)),
				"    "+t("sim.fact.source")+" "+f.Source,
				"    "+t("sim.fact.checked")+" "+f.Checked, "")
		}
		r.pages = append(r.pages, page{name: t("sim.v.facts"), lines: lines})
	}
	return out
}
