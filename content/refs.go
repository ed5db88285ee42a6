package content

import (
	"fmt"
	"sort"
	"strings"
)

// ref is one place that names a note or a section: a related id, a
// note: link, a question's or card's section.
type ref struct {
	lang   Lang
	target string // "note-id" or "note-id#section-id"
	file   string
	line   int
	// report adds the problem of a reference that does not resolve; hint
	// is "" or a sentence that says what was probably meant.
	report func(hint string)
}

// collectRefs gathers every reference in file order.
func (k *checker) collectRefs() {
	for _, lang := range Langs {
		for _, n := range k.lib.notes[lang] {
			for i, r := range n.Related {
				r, line, file := r, n.relatedLines[i], n.File
				k.addRef(ref{lang: lang, target: r, file: file, line: line, report: func(hint string) {
					k.c.add(file, line, "related note %q does not exist%s", shown(r), orHint(hint, ": related lists ids of notes in this folder"))
				}})
			}
		}
	}
	for _, l := range k.ld.links {
		l := l
		k.addRef(ref{lang: l.lang, target: l.target, file: l.file, line: l.line, report: func(hint string) {
			k.c.add(l.file, l.line, "link %s does not resolve%s", shown(l.written), orHint(hint, ": no such note or section"))
		}})
	}
	for _, lang := range Langs {
		for _, q := range k.lib.questions[lang] {
			if q.Section == "" {
				continue
			}
			q, lang := q, lang
			k.addRef(ref{lang: lang, target: q.Section, file: q.File, line: lineOr(q.sectionLine, q.Line), report: func(hint string) {
				k.c.add(q.File, lineOr(q.sectionLine, q.Line), "question %q: section %q does not exist%s", q.ID, shown(q.Section), orHint(hint, " (write note-id#section-id)"))
				k.unresolved[lang]["question:"+q.ID] = true
			}})
		}
		for _, cd := range k.lib.cards[lang] {
			if cd.Section == "" {
				continue
			}
			cd, lang := cd, lang
			k.addRef(ref{lang: lang, target: cd.Section, file: cd.File, line: lineOr(cd.sectionLine, cd.Line), report: func(hint string) {
				k.c.add(cd.File, lineOr(cd.sectionLine, cd.Line), "card %q: section %q does not exist%s", cd.ID, shown(cd.Section), orHint(hint, " (write note-id#section-id)"))
				k.unresolved[lang]["card:"+cd.ID] = true
			}})
		}
	}
}

func (k *checker) addRef(r ref) {
	k.refs = append(k.refs, r)
	k.used[r.lang][r.target] = true
}

func lineOr(line, fallback int) int {
	if line > 0 {
		return line
	}
	return fallback
}

func orHint(hint, otherwise string) string {
	if hint != "" {
		return hint
	}
	return otherwise
}

// resolveRefs reports the references that do not resolve, grouped by
// what they name, so that one cause is one problem.
func (k *checker) resolveRefs() {
	type group struct {
		lang   Lang
		target string
		refs   []ref
	}
	var order []*group
	groups := map[string]*group{}
	for _, r := range k.refs {
		if k.sections[r.lang][r.target] {
			continue
		}
		key := string(r.lang) + "/" + r.target
		g := groups[key]
		if g == nil {
			g = &group{lang: r.lang, target: r.target}
			groups[key] = g
			order = append(order, g)
		}
		g.refs = append(g.refs, r)
	}
	for _, g := range order {
		k.resolveGroup(g.lang, g.target, g.refs)
	}
}

// resolveGroup reports the references of one language to one target that
// does not exist.
func (k *checker) resolveGroup(lang Lang, target string, refs []ref) {
	id, sec, hasSec := strings.Cut(target, "#")
	followAll := func(key string) bool {
		if _, ok := k.c.roots[key]; !ok {
			return false
		}
		for range refs {
			k.c.follows(key)
		}
		return true
	}
	if followAll(noteKey(lang, id)) {
		return // the note cannot be read
	}
	n := k.notes[lang][id]
	if n == nil {
		if k.bilingual() && followAll(missingKey(lang, id)) {
			return // the translation of the note is missing
		}
		hint := ""
		if near := nearest(id, mapKeys(k.notes[lang])); near != "" {
			if hasSec {
				near += "#" + sec
			}
			hint = fmt.Sprintf(": no note %q; did you mean %q?", id, near)
		}
		for _, r := range refs {
			r.report(hint)
		}
		return
	}
	if !hasSec {
		return // the note exists; only a section can be missing
	}
	if followAll(badIDKey(lang, id, sec)) {
		return // the section's id is malformed
	}
	if len(n.idless) > 0 && followAll(idlessKey(lang, id)) {
		return // a heading of the note has no id yet
	}
	if k.renamedInTranslation(lang, n, sec, refs) || k.missingInTranslation(lang, n, sec, refs) || k.renamedHere(lang, n, sec, refs) {
		return
	}
	ids := make([]string, len(n.Sections))
	for i, s := range n.Sections {
		ids[i] = s.ID
	}
	hint := fmt.Sprintf(": note %q has no section %q (it has %s)", id, sec, strings.Join(ids, ", "))
	if near := nearest(sec, ids); near != "" {
		hint = fmt.Sprintf(": note %q has no section %q; did you mean %q?", id, sec, id+"#"+near)
	}
	for _, r := range refs {
		r.report(hint)
	}
}

// renamedInTranslation: the other language's note has section sec where
// this note has a section id the other does not: this heading's id was
// changed, and it is the one problem to report.
func (k *checker) renamedInTranslation(lang Lang, n *Note, sec string, refs []ref) bool {
	if !k.bilingual() {
		return false
	}
	m := k.notes[other(lang)][n.ID]
	if m == nil {
		return false
	}
	for i, s := range m.Sections {
		if s.ID != sec || i >= len(n.Sections) {
			continue
		}
		here := n.Sections[i]
		if m.Section(here.ID) != nil {
			return false
		}
		k.c.addCause("renamed:"+string(lang)+"/"+n.ID+"#"+here.ID, "", n.File, here.Line,
			"section id {#%s} is {#%s} in the %s note (%s:%d), and %s %q (%s): rename it to {#%s}",
			here.ID, sec, other(lang), m.File, s.Line, countRefs(len(refs)), n.ID+"#"+sec, listRefs(refs), sec)
		k.settled[n.File] = true
		return true
	}
	return false
}

// missingInTranslation: the other language's note has section sec and
// this one has no section in its place: the section is to be added here.
func (k *checker) missingInTranslation(lang Lang, n *Note, sec string, refs []ref) bool {
	if !k.bilingual() {
		return false
	}
	m := k.notes[other(lang)][n.ID]
	if m == nil || m.Section(sec) == nil {
		return false
	}
	// Point at the heading it should follow, when this note has it.
	line := 1
	for _, s := range m.Sections {
		if s.ID == sec {
			break
		}
		if h := n.Section(s.ID); h != nil {
			line = h.Line
		}
	}
	s := m.Section(sec)
	k.c.addCause("absent:"+string(lang)+"/"+n.ID+"#"+sec, "", n.File, line,
		"section {#%s} of the %s note (%s:%d) is missing here, and %s %q (%s): add it",
		sec, other(lang), m.File, s.Line, countRefs(len(refs)), n.ID+"#"+sec, listRefs(refs))
	k.settled[n.File] = true
	return true
}

// renamedHere: two or more references name a section that does not exist,
// and the note has one section of nearly that id that nothing refers to:
// the heading was changed, not every reference.
func (k *checker) renamedHere(lang Lang, n *Note, sec string, refs []ref) bool {
	if len(refs) < 2 {
		return false
	}
	var cand *Section
	for i := range n.Sections {
		s := &n.Sections[i]
		if k.used[lang][n.ID+"#"+s.ID] || !near(sec, s.ID) {
			continue
		}
		if cand != nil {
			return false
		}
		cand = s
	}
	if cand == nil {
		return false
	}
	k.c.addCause("renamed:"+string(lang)+"/"+n.ID+"#"+cand.ID, "", n.File, cand.Line,
		"section id {#%s} is named by nothing, but %s %q (%s): rename it to {#%s}, or change the references",
		cand.ID, countRefs(len(refs)), n.ID+"#"+sec, listRefs(refs), sec)
	k.settled[n.File] = true
	return true
}

// countRefs is "1 reference uses" or "3 references use".
func countRefs(n int) string {
	if n == 1 {
		return "1 reference uses"
	}
	return thousands(n) + " references use"
}

func listRefs(refs []ref) string {
	uses := make([]use, len(refs))
	for i, r := range refs {
		uses[i] = use{r.file, r.line}
	}
	sort.SliceStable(uses, func(i, j int) bool {
		if uses[i].file != uses[j].file {
			return uses[i].file < uses[j].file
		}
		return uses[i].line < uses[j].line
	})
	return listUses(uses)
}

// near says whether b is close enough to a to be what a meant.
func near(a, b string) bool {
	if a == b {
		return false
	}
	if len(a) >= 3 && len(b) >= 3 && (strings.HasPrefix(a, b) || strings.HasPrefix(b, a)) {
		return true
	}
	d := editDistance(a, b)
	return d <= 2 || d <= len(a)/4
}

// nearest is the candidate closest to s, if one is near it.
func nearest(s string, cands []string) string {
	best, bestD := "", 1<<30
	for _, c := range cands {
		if d := editDistance(s, c); near(s, c) && d < bestD {
			best, bestD = c, d
		}
	}
	return best
}

func mapKeys[V any](m map[string]V) []string {
	out := make([]string, 0, len(m))
	for k := range m {
		out = append(out, k)
	}
	sort.Strings(out)
	return out
}
