package content

import (
	"crypto/sha256"
	"encoding/hex"
	"errors"
	"fmt"
	"io/fs"
	"os"
	"path"
	"path/filepath"
	"slices"
	"sort"
	"strings"
)

// Library is the loaded, checked content. It is never modified after Load.
type Library struct {
	facts     []Fact
	factIdx   map[string]*Fact
	notes     map[Lang][]*Note
	questions map[Lang][]*Question
	cards     map[Lang][]*Card
	// langs are the languages the content is written in: every language
	// for the built-in content, the ones it has files for in a folder.
	langs []Lang
	labs  map[Lang][]*Lab
	// lazy is set for the built-in content, whose items are parsed when
	// first asked for (see Embedded); the maps above are then empty.
	lazy *lazyParts
	// version identifies the content: a digest of every file read (see
	// Version).
	version string
}

// loader holds the state of one Load.
type loader struct {
	c     *collector
	facts map[string]*Fact
	// lookup, when set, finds a fact instead of facts (the built-in
	// content parses only the facts its items use).
	lookup func(id string) (*Fact, bool)
	// prefetch, when set, is told the text whose facts lookup is about
	// to be asked for, so it can read them together.
	prefetch  func(text string)
	usedFacts map[string]bool
	links     []noteLink
	// langs are the languages being loaded (see Library.Langs).
	langs []Lang
	// light is set for the built-in content, which the tests check: a
	// note's body is not parsed for problems, only its sections are read.
	light bool
	// noFactsFile is set when a folder has no facts.yaml.
	noFactsFile bool
	// unknownFacts are the uses of each fact id that does not exist, in
	// the order first seen (unknownOrder).
	unknownFacts map[string][]use
	unknownOrder []string
	// broken holds the questions and cards ("question:id") that have a
	// problem that kept them out of the library, per language: their
	// translations are not reported as missing.
	broken map[Lang]map[string]bool
}

// fact returns the fact with the given id.
func (ld *loader) fact(id string) (*Fact, bool) {
	if ld.lookup != nil {
		return ld.lookup(id)
	}
	f, ok := ld.facts[id]
	return f, ok
}

// brokenItem records a question or card that could not be read.
func (ld *loader) brokenItem(lang Lang, kind, id string) {
	if ld.broken == nil {
		ld.broken = map[Lang]map[string]bool{}
	}
	if ld.broken[lang] == nil {
		ld.broken[lang] = map[string]bool{}
	}
	ld.broken[lang][kind+":"+id] = true
}

// Load reads a content folder from fsys (laid out as docs/content-format.md
// says) and checks it. When anything is wrong it returns the library it
// could build and Problems listing every problem as file:line: message.
//
// A folder may be written in one language: its languages are the ones it
// has files for, and translations are checked only between those. The
// built-in content must have every language (see Embedded).
func Load(fsys fs.FS) (*Library, error) { return loadContent(fsys, false) }

// loadContent is Load; bilingual requires every language of Langs, as the
// built-in content does.
func loadContent(fsys fs.FS, bilingual bool) (*Library, error) {
	ld := &loader{c: &collector{}, usedFacts: map[string]bool{}}
	lib := &Library{notes: map[Lang][]*Note{}, questions: map[Lang][]*Question{}, cards: map[Lang][]*Card{}, labs: map[Lang][]*Lab{}}
	h := sha256.New()

	files := map[Lang][3][]string{}
	for _, lang := range Langs {
		fl := [3][]string{
			mdFiles(fsys, "notes/"+string(lang), ld.c),
			mdFiles(fsys, "questions/"+string(lang), ld.c),
			mdFiles(fsys, "cards/"+string(lang), ld.c),
		}
		files[lang] = fl
		if bilingual || len(fl[0])+len(fl[1])+len(fl[2]) > 0 {
			ld.langs = append(ld.langs, lang)
		}
	}
	lib.langs = ld.langs

	factSrc, err := fs.ReadFile(fsys, "facts.yaml")
	switch {
	case errors.Is(err, fs.ErrNotExist) && !bilingual:
		// A learner's folder need not define facts of its own.
		ld.noFactsFile = true
	case err != nil:
		ld.c.addRoot(factsKey, factsWhat, "facts.yaml", 0, "cannot read the facts file: %v", unwrapPath(err))
	default:
		h.Write(factSrc)
		if n := len(ld.c.ps); checkBytes("facts.yaml", factSrc, ld.c) {
			lib.facts = parseFacts("facts.yaml", factSrc, ld.langs, ld.c)
		} else {
			ld.c.markRoot(factsKey, factsWhat, n)
		}
	}
	ld.facts = factIndex("facts.yaml", lib.facts, ld.c)
	lib.factIdx = ld.facts

	for _, lang := range ld.langs {
		for _, f := range files[lang][0] {
			src := readFile(fsys, f, h, ld.c)
			if n := parseNote(f, lang, src, ld); n != nil {
				lib.notes[lang] = append(lib.notes[lang], n)
			}
		}
		for _, f := range files[lang][1] {
			src := readFile(fsys, f, h, ld.c)
			_, qs := parseQuestions(f, lang, src, ld, false)
			lib.questions[lang] = append(lib.questions[lang], qs...)
		}
		for _, f := range files[lang][2] {
			src := readFile(fsys, f, h, ld.c)
			lib.cards[lang] = append(lib.cards[lang], parseCards(f, lang, src, ld)...)
		}
		for _, f := range mdFiles(fsys, "labs/"+string(lang), ld.c) {
			src := readFile(fsys, f, h, ld.c)
			if l := parseLab(f, lang, src, ld); l != nil {
				lib.labs[lang] = append(lib.labs[lang], l)
			}
		}
		sortLabs(lib.labs[lang])
		sortNotes(lib.notes[lang])
	}
	if len(ld.langs) == 0 {
		misplaced := false
		for _, kind := range []string{"notes", "questions", "cards"} {
			if found := mdFiles(fsys, kind, ld.c); len(found) > 0 {
				misplaced = true
				ld.c.add(found[0], 0, "%s/ holds %d .md file(s) outside a language folder: move them to %s/en/ (or %s/ko/ for Korean)", kind, len(found), kind, kind)
			}
		}
		if !misplaced {
			ld.c.add(".", 0, "no content found: expected notes/en/*.md, questions/en/*.md or cards/en/*.md (or the same under ko/); see docs/content-format.md")
		}
	}
	lib.version = hex.EncodeToString(h.Sum(nil))[:12]
	check(lib, ld)
	reportUnknownFacts(ld, lib.facts, true)
	ld.c.finish()
	if len(ld.c.ps) > 0 {
		return lib, ld.c.ps.sorted()
	}
	return lib, nil
}

// sortNotes puts notes in reading order: by their order, then title.
func sortNotes(ns []*Note) {
	sort.SliceStable(ns, func(i, j int) bool {
		if ns[i].Order != ns[j].Order {
			return ns[i].Order < ns[j].Order
		}
		return ns[i].Title < ns[j].Title
	})
}

// LoadDir loads content from a folder on disk.
func LoadDir(dir string) (*Library, error) {
	st, err := os.Stat(dir)
	if err != nil {
		return nil, fmt.Errorf("content folder %s: %w", dir, err)
	}
	if !st.IsDir() {
		return nil, fmt.Errorf("content folder %s: not a folder", dir)
	}
	lib, err := Load(os.DirFS(dir))
	var ps Problems
	if errors.As(err, &ps) {
		for i := range ps {
			ps[i].File = filepath.Join(dir, ps[i].File)
		}
		return lib, ps
	}
	return lib, err
}

// LoadQuizFile reads one teacher's quiz file (facts from the embedded
// content are available to it).
func LoadQuizFile(file string) (*Quiz, error) {
	src, err := os.ReadFile(file)
	if err != nil {
		return nil, err
	}
	base, _ := Embedded()
	ld := &loader{c: &collector{}, usedFacts: map[string]bool{}}
	if base != nil {
		ld.facts = base.factIndex()
	}
	checkBytes(file, src, ld.c)
	lang := EN
	if strings.Contains(filepath.ToSlash(file), "/ko/") {
		lang = KO
	}
	front, qs := parseQuestions(file, lang, src, ld, true)
	seen := map[string]int{}
	for _, q := range qs {
		if prev, dup := seen[q.ID]; dup {
			ld.c.add(file, q.Line, "duplicate question id %q (first at line %d)", q.ID, prev)
		}
		seen[q.ID] = q.Line
		for _, f := range q.Facts {
			if _, ok := ld.facts[f]; !ok {
				ld.unknownFact(f, file, q.factsLine)
			}
		}
	}
	var baseFacts []Fact
	if base != nil {
		baseFacts = base.Facts()
	}
	reportUnknownFacts(ld, baseFacts, false)
	ld.c.finish()
	if len(ld.c.ps) > 0 {
		return nil, ld.c.ps.sorted()
	}
	id := front.Quiz
	if id == "" {
		id = strings.TrimSuffix(filepath.Base(file), filepath.Ext(file))
	}
	title := front.Title
	if title == "" {
		title = id
	}
	return &Quiz{ID: id, Title: title, Questions: qs, File: file}, nil
}

func readFile(fsys fs.FS, name string, h interface{ Write([]byte) (int, error) }, c *collector) []byte {
	src, err := fs.ReadFile(fsys, name)
	if err != nil {
		c.add(name, 0, "cannot read: %v", unwrapPath(err))
		return nil
	}
	h.Write([]byte(name))
	h.Write(src)
	checkBytes(name, src, c)
	return src
}

// mdFiles lists the .md files of a folder, sorted; a missing folder is fine.
func mdFiles(fsys fs.FS, dir string, c *collector) []string {
	entries, err := fs.ReadDir(fsys, dir)
	if err != nil {
		if !errors.Is(err, fs.ErrNotExist) {
			c.add(dir, 0, "cannot read folder: %v", unwrapPath(err))
		}
		return nil
	}
	var out []string
	for _, e := range entries {
		if !e.IsDir() && strings.HasSuffix(e.Name(), ".md") {
			out = append(out, path.Join(dir, e.Name()))
		}
	}
	return out
}

func unwrapPath(err error) error {
	var pe *fs.PathError
	if errors.As(err, &pe) {
		return pe.Err
	}
	return err
}

// Version identifies the content: a digest of every file, which changes
// whenever any of them does.
func (l *Library) Version() string {
	if l.lazy != nil {
		return l.lazy.version()
	}
	return l.version
}

// Facts returns every fact, in file order.
func (l *Library) Facts() []Fact {
	if l.lazy != nil {
		return l.lazy.getFacts().list
	}
	return l.facts
}

// Fact returns the fact with the given id.
func (l *Library) Fact(id string) (*Fact, bool) {
	if l.lazy != nil {
		return l.lazy.fact(id)
	}
	f, ok := l.factIdx[id]
	return f, ok
}

func (l *Library) factIndex() map[string]*Fact {
	if l.lazy != nil {
		return l.lazy.getFacts().idx
	}
	return l.factIdx
}

// Langs returns the languages the content is written in, in display
// order: both for the built-in content, possibly one for a folder.
func (l *Library) Langs() []Lang { return l.langs }

// Has reports whether the content is written in lang.
func (l *Library) Has(lang Lang) bool { return slices.Contains(l.langs, lang) }

// In returns the language the content is shown in for a learner who reads
// lang: lang itself when the content has it, else the first language the
// content has. Notes, Questions, Cards and their lookups go through it, so
// a one-language folder is shown in its language whatever the learner's.
func (l *Library) In(lang Lang) Lang {
	if len(l.langs) == 0 || l.Has(lang) {
		return lang
	}
	return l.langs[0]
}

// Notes returns the notes of a language in reading order (see In).
func (l *Library) Notes(lang Lang) []*Note { return l.notesOf(l.In(lang)) }

// Note returns a note by id, or nil (see In).
func (l *Library) Note(lang Lang, id string) *Note {
	if l.lazy != nil {
		return l.lazy.note(l.In(lang), id)
	}
	for _, n := range l.notes[l.In(lang)] {
		if n.ID == id {
			return n
		}
	}
	return nil
}

// Questions returns every question of a language, in file order (see In).
func (l *Library) Questions(lang Lang) []*Question { return l.questionsOf(l.In(lang)) }

// Question returns a question by id, or nil (see In).
func (l *Library) Question(lang Lang, id string) *Question {
	for _, q := range l.Questions(lang) {
		if q.ID == id {
			return q
		}
	}
	return nil
}

// Cards returns every flashcard of a language, in file order (see In).
func (l *Library) Cards(lang Lang) []*Card { return l.cardsOf(l.In(lang)) }

// notesOf, questionsOf, cardsOf and labsOf return the items written in
// exactly lang, parsing them first for the built-in content.
func (l *Library) notesOf(lang Lang) []*Note {
	if l.lazy != nil {
		return l.lazy.get(lang, partNotes).notes
	}
	return l.notes[lang]
}

func (l *Library) questionsOf(lang Lang) []*Question {
	if l.lazy != nil {
		return l.lazy.get(lang, partQuestions).questions
	}
	return l.questions[lang]
}

func (l *Library) cardsOf(lang Lang) []*Card {
	if l.lazy != nil {
		return l.lazy.get(lang, partCards).cards
	}
	return l.cards[lang]
}

func (l *Library) labsOf(lang Lang) []*Lab {
	if l.lazy != nil {
		return l.lazy.get(lang, partLabs).labs
	}
	return l.labs[lang]
}
