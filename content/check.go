package content

import (
	"fmt"
	"strings"
)

// check runs the cross-file rules: unique ids, links and section references
// that resolve, and translations that match.
func check(lib *Library, ld *loader) {
	c := ld.c
	sections := map[Lang]map[string]bool{}
	for _, lang := range Langs {
		sections[lang] = map[string]bool{}
		seen := map[string]*Note{}
		for _, n := range lib.notes[lang] {
			if prev, dup := seen[n.ID]; dup {
				c.add(n.File, 1, "duplicate note id %q (also %s)", n.ID, prev.File)
			}
			seen[n.ID] = n
			sections[lang][n.ID] = true
			for _, s := range n.Sections {
				sections[lang][n.ID+"#"+s.ID] = true
			}
		}
		for _, n := range lib.notes[lang] {
			for _, r := range n.Related {
				if !sections[lang][r] && !c.follows(noteKey(lang, noteOf(r))) {
					c.add(n.File, 2, "related note %q does not exist", r)
				}
			}
		}
	}
	for _, l := range ld.links {
		if !sections[l.lang][l.target] && !c.follows(noteKey(l.lang, noteOf(l.target))) {
			c.add(l.file, l.line, "link note:%s does not resolve: no such note or section", shown(l.target))
		}
	}
	for _, lang := range Langs {
		qseen := map[string]*Question{}
		badTopic := map[string]bool{}
		for _, q := range lib.questions[lang] {
			if prev, dup := qseen[q.ID]; dup {
				c.add(q.File, q.Line, "duplicate question id %q (also %s:%d)", q.ID, prev.File, prev.Line)
			}
			qseen[q.ID] = q
			if q.Section != "" && !sections[lang][q.Section] && !c.follows(noteKey(lang, noteOf(q.Section))) {
				c.add(q.File, q.Line, "question %q: section %q does not exist (write note-id#section-id)", q.ID, q.Section)
			}
			if !sections[lang][q.Topic] && !badTopic[q.File] && !c.follows(noteKey(lang, q.Topic)) && !c.follows(frontKey(q.File)) {
				badTopic[q.File] = true
				c.add(q.File, 2, "topic %q is not a note id", q.Topic)
			}
			for _, f := range q.Facts {
				if _, ok := ld.facts[f]; !ok && !c.follows(factsKey) {
					c.add(q.File, q.Line, "question %q cites unknown fact %q", q.ID, f)
				}
			}
		}
		cseen := map[string]*Card{}
		for _, k := range lib.cards[lang] {
			if prev, dup := cseen[k.ID]; dup {
				c.add(k.File, k.Line, "duplicate card id %q (also %s:%d)", k.ID, prev.File, prev.Line)
			}
			cseen[k.ID] = k
			if k.Section != "" && !sections[lang][k.Section] && !c.follows(noteKey(lang, noteOf(k.Section))) {
				c.add(k.File, k.Line, "card %q: section %q does not exist (write note-id#section-id)", k.ID, k.Section)
			}
		}
	}
	checkTranslations(lib, c)
	checkLabs(lib, sections, c)
}

// checkTranslations requires every English item to exist in Korean with the
// same structure, and the reverse.
func checkTranslations(lib *Library, c *collector) {
	en, ko := EN, KO
	for _, pair := range [][2]Lang{{en, ko}, {ko, en}} {
		a, b := pair[0], pair[1]
		for _, n := range lib.notes[a] {
			m := lib.Note(b, n.ID)
			if m == nil {
				c.add(n.File, 1, "missing translation: no %s note %q (add notes/%s/%s.md)", b, n.ID, b, n.ID)
				continue
			}
			if a == en && sectionIDs(n) != sectionIDs(m) && !c.follows(noteKey(a, n.ID)) && !c.follows(noteKey(b, n.ID)) {
				c.add(m.File, 1, "sections differ from %s: want %s, have %s", n.File, sectionIDs(n), sectionIDs(m))
			}
		}
		for _, q := range lib.questions[a] {
			r := lib.Question(b, q.ID)
			if r == nil {
				if !c.follows(frontKey(counterpart(q.File, a, b))) {
					c.add(q.File, q.Line, "missing translation: question %q has no %s version", q.ID, b)
				}
				continue
			}
			if a == en {
				if diff := questionShapeDiff(q, r); diff != "" && !c.follows(frontKey(q.File)) && !c.follows(frontKey(r.File)) {
					c.add(r.File, r.Line, "question %q differs from %s:%d: %s", q.ID, q.File, q.Line, diff)
				}
			}
		}
		bc := map[string]*Card{}
		for _, k := range lib.cards[b] {
			bc[k.ID] = k
		}
		for _, k := range lib.cards[a] {
			r := bc[k.ID]
			if r == nil {
				if !c.follows(frontKey(counterpart(k.File, a, b))) {
					c.add(k.File, k.Line, "missing translation: card %q has no %s version", k.ID, b)
				}
				continue
			}
			if a == en && (k.IsCloze() != r.IsCloze() || k.Section != r.Section) {
				c.add(r.File, r.Line, "card %q differs from %s:%d (kind or section)", k.ID, k.File, k.Line)
			}
		}
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

func questionShapeDiff(a, b *Question) string {
	switch {
	case a.Domain != b.Domain:
		return fmt.Sprintf("domain %s vs %s", a.Domain, b.Domain)
	case a.Choose != b.Choose:
		return fmt.Sprintf("choose %d vs %d", a.Choose, b.Choose)
	case a.Section != b.Section:
		return fmt.Sprintf("section %s vs %s", a.Section, b.Section)
	case a.Topic != b.Topic:
		return fmt.Sprintf("topic %s vs %s", a.Topic, b.Topic)
	case len(a.Options) != len(b.Options):
		return fmt.Sprintf("%d options vs %d", len(a.Options), len(b.Options))
	}
	for i := range a.Options {
		if a.Options[i].Correct != b.Options[i].Correct {
			return fmt.Sprintf("option %d is marked %v in one and %v in the other", i+1, a.Options[i].Correct, b.Options[i].Correct)
		}
	}
	return ""
}
