package content

import (
	"fmt"
	"strings"
)

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
				c.add(r.File, lineOr(r.sectionLine, r.Line), "card %q differs from %s:%d: section %s here, %s there", cd.ID, cd.File, cd.Line, r.Section, cd.Section)
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
		return fmt.Sprintf("domain %s here, %s there", b.Domain, a.Domain)
	case bad&badShape == 0 && a.Choose != b.Choose:
		return fmt.Sprintf("choose %d here, %d there", b.Choose, a.Choose)
	case bad&badSection == 0 && a.Section != b.Section:
		return fmt.Sprintf("section %s here, %s there", b.Section, a.Section)
	case bad&badShape == 0 && len(a.Options) != len(b.Options):
		return fmt.Sprintf("%d options here, %d there", len(b.Options), len(a.Options))
	}
	if bad&badShape != 0 {
		return ""
	}
	for i := range a.Options {
		if a.Options[i].Correct != b.Options[i].Correct {
			return fmt.Sprintf("option %d is %s here, %s there", i+1, mark(b.Options[i].Correct), mark(a.Options[i].Correct))
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
