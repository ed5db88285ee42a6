package sim

import (
	"github.com/saa-study/saa-study/content"
	"github.com/saa-study/saa-study/ui/components/factref"
)

// cite turns the fact ids a run cites — in its explanation, its events and
// its pages — into numbered references, "[1]", and adds a Facts page to
// the run that lists each one: its value, what it means, the AWS page that
// states it and when that was checked. Ids the library does not know are
// left as they are.
func cite(out outcome, lib *content.Library, lang content.Lang, t func(string) string) outcome {
	if lib == nil {
		return out
	}
	for i := range out.runs {
		r := &out.runs[i]
		refs := &content.Refs{Lib: lib}
		r.explain = refs.Cite(r.explain)
		for j := range r.events {
			r.events[j] = refs.Cite(r.events[j])
		}
		for j := range r.pages {
			p := &r.pages[j]
			p.lines = append([]string(nil), p.lines...)
			for k := range p.lines {
				p.lines[k] = refs.Cite(p.lines[k])
			}
		}
		if len(refs.IDs) == 0 {
			continue
		}
		r.pages = append(r.pages, page{name: t("sim.v.facts"), lines: factref.Lines(refs.Notes(lang), t)})
	}
	return out
}
