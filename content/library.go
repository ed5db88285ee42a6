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
	"sort"
	"strings"
)

// Library is the loaded, checked content. It is never modified after Load.
type Library struct {
	Facts     []Fact
	factIdx   map[string]*Fact
	notes     map[Lang][]*Note
	questions map[Lang][]*Question
	cards     map[Lang][]*Card
	labs      map[Lang][]*Lab
	// Version identifies the content: a digest of every file read.
	Version string
}

// loader holds the state of one Load.
type loader struct {
	c         *collector
	facts     map[string]*Fact
	usedFacts map[string]bool
	links     []noteLink
}

// Load reads content from fsys (laid out as docs/content-format.md says)
// and checks it. When anything is wrong it returns the library it could
// build and Problems listing every problem as file:line: message.
func Load(fsys fs.FS) (*Library, error) {
	ld := &loader{c: &collector{}, usedFacts: map[string]bool{}}
	lib := &Library{notes: map[Lang][]*Note{}, questions: map[Lang][]*Question{}, cards: map[Lang][]*Card{}, labs: map[Lang][]*Lab{}}
	h := sha256.New()

	factSrc, err := fs.ReadFile(fsys, "facts.yaml")
	if err != nil {
		ld.c.addRoot(factsKey, factsWhat, "facts.yaml", 0, "cannot read the facts file: %v", unwrapPath(err))
	} else {
		h.Write(factSrc)
		if n := len(ld.c.ps); checkBytes("facts.yaml", factSrc, ld.c) {
			lib.Facts = parseFacts("facts.yaml", factSrc, ld.c)
		} else {
			ld.c.markRoot(factsKey, factsWhat, n)
		}
	}
	ld.facts = factIndex("facts.yaml", lib.Facts, ld.c)
	lib.factIdx = ld.facts

	for _, lang := range Langs {
		for _, f := range mdFiles(fsys, "notes/"+string(lang), ld.c) {
			src := readFile(fsys, f, h, ld.c)
			if n := parseNote(f, lang, src, ld); n != nil {
				lib.notes[lang] = append(lib.notes[lang], n)
			}
		}
		for _, f := range mdFiles(fsys, "questions/"+string(lang), ld.c) {
			src := readFile(fsys, f, h, ld.c)
			_, qs := parseQuestions(f, lang, src, ld, false)
			lib.questions[lang] = append(lib.questions[lang], qs...)
		}
		for _, f := range mdFiles(fsys, "cards/"+string(lang), ld.c) {
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
		sort.SliceStable(lib.notes[lang], func(i, j int) bool {
			a, b := lib.notes[lang][i], lib.notes[lang][j]
			if a.Order != b.Order {
				return a.Order < b.Order
			}
			return a.Title < b.Title
		})
	}
	if len(lib.notes[EN]) == 0 && len(lib.questions[EN]) == 0 && len(lib.cards[EN]) == 0 {
		ld.c.add(".", 0, "no content found: expected notes/en/*.md, questions/en/*.md or cards/en/*.md (see docs/content-format.md)")
	}
	lib.Version = hex.EncodeToString(h.Sum(nil))[:12]
	check(lib, ld)
	ld.c.finish()
	if len(ld.c.ps) > 0 {
		return lib, ld.c.ps.sorted()
	}
	return lib, nil
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
		ld.facts = base.factIdx
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
	}
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

// Fact returns the fact with the given id.
func (l *Library) Fact(id string) (*Fact, bool) {
	f, ok := l.factIdx[id]
	return f, ok
}

// Notes returns the notes of a language in reading order.
func (l *Library) Notes(lang Lang) []*Note { return l.notes[lang] }

// Note returns a note by id, or nil.
func (l *Library) Note(lang Lang, id string) *Note {
	for _, n := range l.notes[lang] {
		if n.ID == id {
			return n
		}
	}
	return nil
}

// Questions returns every question of a language, in file order.
func (l *Library) Questions(lang Lang) []*Question { return l.questions[lang] }

// Question returns a question by id, or nil.
func (l *Library) Question(lang Lang, id string) *Question {
	for _, q := range l.questions[lang] {
		if q.ID == id {
			return q
		}
	}
	return nil
}

// Cards returns every flashcard of a language, in file order.
func (l *Library) Cards(lang Lang) []*Card { return l.cards[lang] }
