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

// checker holds what the cross-file rules share.
type checker struct {
	lib *Library
	ld  *loader
	c   *collector
	// notes indexes each language's notes by id.
	notes map[Lang]map[string]*Note
	// sections holds "note" and "note#section" of each language.
	sections map[Lang]map[string]bool
	// refs are every reference, in file order; used holds their targets.
	refs []ref
	used map[Lang]map[string]bool
	// settled are notes whose differing sections were reported as a
	// renamed section: their "sections differ" follows from it.
	settled map[string]bool
	// unresolved marks question and card sections that do not resolve.
	unresolved map[Lang]map[string]bool
	// dups marks question and card ids ("card:id") used twice in a
	// language: their translations are not compared.
	dups map[string]bool
}

// bilingual says whether translations are checked: the content is
// written in both languages.
func (k *checker) bilingual() bool { return len(k.ld.langs) == len(Langs) }

// other is the language a translation is checked against.
func other(lang Lang) Lang {
	if lang == EN {
		return KO
	}
	return EN
}

// check runs the cross-file rules: unique ids, links and section references
// that resolve, and translations that match. A mistake is reported once,
// where it was made: a renamed section, a missing note or a heading
// without an id is one problem, not one per reference to it.
func check(lib *Library, ld *loader) {
	k := &checker{lib: lib, ld: ld, c: ld.c, notes: map[Lang]map[string]*Note{}, sections: map[Lang]map[string]bool{},
		used: map[Lang]map[string]bool{}, settled: map[string]bool{}, unresolved: map[Lang]map[string]bool{}, dups: map[string]bool{}}
	for _, lang := range Langs {
		k.notes[lang], k.sections[lang], k.used[lang], k.unresolved[lang] = map[string]*Note{}, map[string]bool{}, map[string]bool{}, map[string]bool{}
		for _, n := range lib.notes[lang] {
			if prev, dup := k.notes[lang][n.ID]; dup {
				k.c.add(n.File, 1, "duplicate note id %q (also %s)", n.ID, prev.File)
				continue
			}
			k.notes[lang][n.ID] = n
			k.sections[lang][n.ID] = true
			for _, s := range n.Sections {
				k.sections[lang][n.ID+"#"+s.ID] = true
			}
		}
	}
	if k.bilingual() {
		k.missingNotes()
	}
	k.collectRefs()
	k.resolveRefs()
	if k.bilingual() {
		k.sectionsDiffer()
	}
	k.questionsAndCards()
	if k.bilingual() {
		k.translations()
	}
}

// missingNotes reports each note that has no translation; references to
// it from the language that lacks it follow from that.
func (k *checker) missingNotes() {
	for _, a := range Langs {
		b := other(a)
		for _, n := range k.lib.notes[a] {
			if k.notes[b][n.ID] == nil {
				k.c.addCause(missingKey(b, n.ID), "reference to it from "+string(b)+" files|references to it from "+string(b)+" files", n.File, 1,
					"missing translation: no %s note %q (add notes/%s/%s.md)", b, n.ID, b, n.ID)
			}
		}
	}
}

// dupKey names a file with a duplicate id: an item of its translation
// that seems missing may be the one whose id was duplicated.
func dupKey(file string) string { return "dup:" + file }

const dupWhat = "missing translation that may follow from it|missing translations that may follow from it"

func missingKey(lang Lang, id string) string { return "missing:" + string(lang) + "/" + id }

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
	if k.renamedInTranslation(lang, n, sec, refs) || k.renamedHere(lang, n, sec, refs) {
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

// sectionsDiffer compares each note's section ids with its translation's,
// unless a renamed section or a heading without an id was reported.
func (k *checker) sectionsDiffer() {
	for _, n := range k.lib.notes[EN] {
		m := k.notes[KO][n.ID]
		if m == nil || n.unreadable || m.unreadable || len(n.idless) > 0 || len(m.idless) > 0 || k.settled[n.File] || k.settled[m.File] {
			continue
		}
		if k.c.follows(noteKey(EN, n.ID)) || k.c.follows(noteKey(KO, n.ID)) {
			continue
		}
		if sectionIDs(n) == sectionIDs(m) {
			continue
		}
		line := 1
		for i, s := range m.Sections {
			if i >= len(n.Sections) || n.Sections[i].ID != s.ID {
				line = s.Line
				break
			}
		}
		k.c.add(m.File, line, "sections differ from %s: want %s, have %s; a translation has the same section ids in the same order", n.File, sectionIDs(n), sectionIDs(m))
	}
}

// questionsAndCards checks ids, topics and cited facts.
func (k *checker) questionsAndCards() {
	c := k.c
	topicDone := map[string]bool{}
	checkTopic := func(lang Lang, file, topic string) {
		if topicDone[file] {
			return
		}
		topicDone[file] = true
		if k.sections[lang][topic] || c.follows(noteKey(lang, topic)) || c.follows(frontKey(file)) {
			return
		}
		if k.bilingual() && k.notes[other(lang)][topic] != nil && c.follows(missingKey(lang, topic)) {
			return
		}
		hint := ": write the id of the note this file is about"
		if n := nearest(topic, mapKeys(k.notes[lang])); n != "" {
			hint = fmt.Sprintf(": did you mean %q?", n)
		}
		c.add(file, 2, "topic %q is not a note id%s", shown(topic), hint)
	}
	for _, lang := range Langs {
		qseen := map[string]*Question{}
		for _, q := range k.lib.questions[lang] {
			if prev, dup := qseen[q.ID]; dup {
				c.addCause(dupKey(q.File), dupWhat, q.File, q.Line, "duplicate question id %q (also %s:%d)", q.ID, prev.File, prev.Line)
				k.dups["question:"+q.ID] = true
			}
			qseen[q.ID] = q
			checkTopic(lang, q.File, q.Topic)
			for _, f := range q.Facts {
				if _, ok := k.ld.facts[f]; !ok {
					k.ld.unknownFact(f, q.File, lineOr(q.factsLine, q.Line))
				} else {
					k.ld.usedFacts[f] = true
				}
			}
		}
		cseen := map[string]*Card{}
		for _, cd := range k.lib.cards[lang] {
			if prev, dup := cseen[cd.ID]; dup {
				c.addCause(dupKey(cd.File), dupWhat, cd.File, cd.Line, "duplicate card id %q (also %s:%d)", cd.ID, prev.File, prev.Line)
				k.dups["card:"+cd.ID] = true
			}
			cseen[cd.ID] = cd
			if cd.Topic != "" {
				checkTopic(lang, cd.File, cd.Topic)
			}
		}
	}
}

// translations requires every question and card to exist in both
// languages with the same structure. A difference that follows from a
// problem of one side (a bad domain, a section that does not resolve, a
// question that could not be read) is not reported again.
func (k *checker) translations() {
	c, lib := k.c, k.lib
	paired := k.renamedIDs()
	for _, a := range Langs {
		b := other(a)
		qb := map[string]*Question{}
		for _, q := range lib.questions[b] {
			qb[q.ID] = q
		}
		for _, q := range lib.questions[a] {
			r := qb[q.ID]
			if r == nil {
				if !paired[a]["question:"+q.ID] && !k.ld.broken[b]["question:"+q.ID] && !c.follows(frontKey(counterpart(q.File, a, b))) && !c.follows(dupKey(counterpart(q.File, a, b))) {
					c.add(q.File, q.Line, "missing translation: question %q has no %s version (add it to %s)", q.ID, b, counterpart(q.File, a, b))
				}
				continue
			}
			if a == EN && !k.dups["question:"+q.ID] {
				if diff := k.questionShapeDiff(q, r); diff != "" && !c.follows(frontKey(q.File)) && !c.follows(frontKey(r.File)) {
					c.add(r.File, r.Line, "question %q differs from %s:%d: %s", q.ID, q.File, q.Line, diff)
				}
			}
		}
		cb := map[string]*Card{}
		for _, cd := range lib.cards[b] {
			cb[cd.ID] = cd
		}
		for _, cd := range lib.cards[a] {
			r := cb[cd.ID]
			if r == nil {
				if !paired[a]["card:"+cd.ID] && !k.ld.broken[b]["card:"+cd.ID] && !c.follows(frontKey(counterpart(cd.File, a, b))) && !c.follows(dupKey(counterpart(cd.File, a, b))) {
					c.add(cd.File, cd.Line, "missing translation: card %q has no %s version (add it to %s)", cd.ID, b, counterpart(cd.File, a, b))
				}
				continue
			}
			if a != EN || k.dups["card:"+cd.ID] {
				continue
			}
			switch {
			case cd.IsCloze() != r.IsCloze():
				c.add(r.File, r.Line, "card %q differs from %s:%d: one is a cloze card and the other Q:/A:", cd.ID, cd.File, cd.Line)
			case cd.Section != r.Section && !k.unresolved[a]["card:"+cd.ID] && !k.unresolved[b]["card:"+cd.ID]:
				c.add(r.File, lineOr(r.sectionLine, r.Line), "card %q differs from %s:%d: section %s vs %s", cd.ID, cd.File, cd.Line, r.Section, cd.Section)
			}
		}
	}
	k.topicsDiffer()
}

// item is a question or card as translations pair them.
type item struct {
	kind, id, file string
	line           int
}

// renamedIDs finds questions and cards whose id differs between a file and
// its translation: where the English file has ids the Korean one lacks
// and the Korean file as many ids the English one lacks, they are paired
// in order and reported once each, instead of twice as missing. It
// returns the ids it reported, per language.
func (k *checker) renamedIDs() map[Lang]map[string]bool {
	paired := map[Lang]map[string]bool{EN: {}, KO: {}}
	unmatched := map[Lang]map[string][]item{EN: {}, KO: {}}
	for _, a := range Langs {
		has := map[string]bool{}
		for _, q := range k.lib.questions[other(a)] {
			has["question:"+q.ID] = true
		}
		for _, cd := range k.lib.cards[other(a)] {
			has["card:"+cd.ID] = true
		}
		for kind, b := range k.ld.broken[other(a)] {
			has[kind] = b
		}
		for _, q := range k.lib.questions[a] {
			if !has["question:"+q.ID] {
				unmatched[a][q.File] = append(unmatched[a][q.File], item{"question", q.ID, q.File, q.Line})
			}
		}
		for _, cd := range k.lib.cards[a] {
			if !has["card:"+cd.ID] {
				unmatched[a][cd.File] = append(unmatched[a][cd.File], item{"card", cd.ID, cd.File, cd.Line})
			}
		}
	}
	for _, file := range mapKeys(unmatched[EN]) {
		en, ko := unmatched[EN][file], unmatched[KO][counterpart(file, EN, KO)]
		if len(en) != len(ko) {
			continue
		}
		for i := range en {
			e, o := en[i], ko[i]
			if e.kind != o.kind {
				continue
			}
			paired[EN][e.kind+":"+e.id], paired[KO][o.kind+":"+o.id] = true, true
			bad := func(id string) bool { return !idRe.MatchString(id) }
			if bad(e.id) || bad(o.id) {
				continue // the malformed id is the problem, reported where it is
			}
			k.c.add(e.file, e.line, "%s id %q is %q in %s:%d: give both the same id (the id keeps the learner's history, so keep the older one)", e.kind, e.id, o.id, o.file, o.line)
		}
	}
	return paired
}

// topicsDiffer compares the topic of each questions and cards file with
// its translation's, once per file.
func (k *checker) topicsDiffer() {
	topics := map[string]string{}
	for _, q := range k.lib.questions[KO] {
		topics[q.File] = q.Topic
	}
	for _, cd := range k.lib.cards[KO] {
		topics[cd.File] = cd.Topic
	}
	done := map[string]bool{}
	check := func(file, topic string) {
		ko := counterpart(file, EN, KO)
		t, ok := topics[ko]
		if done[file] || !ok || t == topic || !k.sections[EN][topic] || !k.sections[KO][t] {
			return
		}
		done[file] = true
		k.c.add(ko, 2, "topic %q differs from %s (topic %q)", t, file, topic)
	}
	for _, q := range k.lib.questions[EN] {
		check(q.File, q.Topic)
	}
	for _, cd := range k.lib.cards[EN] {
		check(cd.File, cd.Topic)
	}
}

// counterpart is the file that holds the translation of file: the same
// name in the other language's folder.
func counterpart(file string, a, b Lang) string {
	return strings.Replace(file, "/"+string(a)+"/", "/"+string(b)+"/", 1)
}

func sectionIDs(n *Note) string {
	ids := make([]string, len(n.Sections))
	for i, s := range n.Sections {
		ids[i] = s.ID
	}
	return strings.Join(ids, ",")
}

// questionShapeDiff compares what both languages must share, leaving out
// what has a problem of its own on either side.
func (k *checker) questionShapeDiff(a, b *Question) string {
	bad := a.bad | b.bad
	if k.unresolved[a.Lang]["question:"+a.ID] || k.unresolved[b.Lang]["question:"+b.ID] {
		bad |= badSection
	}
	switch {
	case bad&badDomain == 0 && a.Domain != b.Domain:
		return fmt.Sprintf("domain %s vs %s", b.Domain, a.Domain)
	case bad&badShape == 0 && a.Choose != b.Choose:
		return fmt.Sprintf("choose %d vs %d", b.Choose, a.Choose)
	case bad&badSection == 0 && a.Section != b.Section:
		return fmt.Sprintf("section %s vs %s", b.Section, a.Section)
	case bad&badShape == 0 && len(a.Options) != len(b.Options):
		return fmt.Sprintf("%d options vs %d", len(b.Options), len(a.Options))
	}
	if bad&badShape != 0 {
		return ""
	}
	for i := range a.Options {
		if a.Options[i].Correct != b.Options[i].Correct {
			return fmt.Sprintf("option %d is %s here and %s in %s", i+1, mark(b.Options[i].Correct), mark(a.Options[i].Correct), a.File)
		}
	}
	return ""
}

func mark(correct bool) string {
	if correct {
		return "[x]"
	}
	return "[ ]"
}
