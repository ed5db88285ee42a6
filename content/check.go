package content

import (
	"fmt"
)

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
	checkLabs(k.lib, k.sections, k.c, k.bilingual())
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
