// Package factref shows facts as references a learner can open: a number
// in the text ("[1]"), and a list that gives each one's value, what it
// means, the AWS page that states it and when that was checked. The
// numbering is content.Refs; this is how screens draw it.
package factref

import (
	"fmt"
	"strings"

	"github.com/saa-study/saa-study/content"
	"github.com/saa-study/saa-study/ui/text"
)

// Lines lists references, four lines each: "[n] value — meaning", the
// source, the date checked, a blank line.
func Lines(notes []content.FactNote, t func(string) string) []string {
	var lines []string
	for _, n := range notes {
		lines = append(lines, fmt.Sprintf("[%d] %s — %s", n.N, n.Value, n.Meaning),
			"    "+t("sim.fact.source")+" "+n.Source,
			"    "+t("sim.fact.checked")+" "+n.Checked, "")
	}
	return lines
}

// Engine lists the facts an engine is built on, by the prefix of their ids
// ("sfn."), numbered in the library's order.
func Engine(lib *content.Library, lang content.Lang, prefix string) []content.FactNote {
	if lib == nil {
		return nil
	}
	var out []content.FactNote
	for i := range lib.Facts() {
		if f := &lib.Facts()[i]; strings.HasPrefix(f.ID, prefix) {
			out = append(out, content.NoteOf(f, lang, len(out)+1))
		}
	}
	return out
}

// Wrap fits reference lines to w cells: a line that fits keeps its indent,
// a longer one wraps.
func Wrap(lines []string, w int) []string {
	var out []string
	for _, l := range lines {
		if text.Width(l) <= w {
			out = append(out, l)
			continue
		}
		out = append(out, text.Wrap(l, w)...)
	}
	return out
}
