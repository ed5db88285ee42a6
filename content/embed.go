package content

import (
	"crypto/sha256"
	"embed"
	"encoding/hex"
	"hash"
	"io"
	"io/fs"
	"sync"
)

// files is the content shipped inside the binary.
//
//go:embed facts.yaml notes questions cards labs
var files embed.FS

// EmbeddedFS returns the embedded content as a file system.
func EmbeddedFS() fs.FS { return files }

var embedded = sync.OnceValues(func() (*Library, error) { return openLazy(files) })

// Embedded returns the built-in content. It exists in every language, with
// every item translated, and it is checked where it is written: by
// TestEmbeddedContentIsClean (CheckEmbedded), in every build's tests. So a
// start does not check it again: the facts, the digest of the files
// (Version) and each kind of item (notes, questions, cards, labs) in each
// language are read the first time something asks for them; a
// single note asked for by id before the rest is parsed alone. A folder
// given with --content is read by Load, which checks everything. The
// error is always nil; it is kept for the callers that also load folders.
func Embedded() (*Library, error) { return embedded() }

// OpenEmbedded returns a library of the built-in content of its own, with
// nothing read yet: what a fresh start has (Embedded shares one).
func OpenEmbedded() *Library {
	lib, _ := openLazy(files)
	return lib
}

// EmbeddedVersion is the built-in content's Library.Version, computed
// without reading the content (`saa-study version` needs nothing else).
var EmbeddedVersion = sync.OnceValue(func() string { return contentDigest(files, Langs) })

// CheckEmbedded loads and checks all of the built-in content, as Load
// checks a folder, and returns every problem. The tests run it, so that
// broken content cannot be built into a release.
func CheckEmbedded() (*Library, error) { return loadContent(files, true) }

// Part kinds of the lazily loaded content.
const (
	partNotes = iota
	partQuestions
	partCards
	partLabs
	partKinds
)

// lazyParts holds the built-in content's items, parsed on first use.
type lazyParts struct {
	fsys fs.FS
	// getFacts parses the facts once, when first needed: to show them,
	// or to fill them into the first note, question or card parsed.
	getFacts func() lazyFacts
	entries  factEntries
	version  func() string
	langs    []Lang
	// parts is filled when the library is made and never written after:
	// each part guards its own items.
	parts map[Lang]*[partKinds]part
	// ix holds each language's index, scanned without parsing (Index).
	ix lazyIndexes
}

// lazyFacts are the parsed facts and their index by id.
type lazyFacts struct {
	list []Fact
	idx  map[string]*Fact
}

// part is one kind of item in one language.
type part struct {
	mu   sync.Mutex
	done bool
	// byFile and labByFile hold the notes and labs read one at a time (by
	// id) before the whole part was asked for; loading the part reuses
	// them, so an item is the same pointer however it was reached.
	byFile    map[string]*Note
	labByFile map[string]*Lab
	// heads are the titles and sections of notes not read (NoteHead).
	heads     map[string]*NoteHead
	notes     []*Note
	questions []*Question
	cards     []*Card
	labs      []*Lab
}

// openLazy makes the built-in library; nothing of it is read before it is
// asked for.
func openLazy(fsys fs.FS) (*Library, error) {
	lib := &Library{langs: Langs}
	lib.lazy = &lazyParts{fsys: fsys, langs: Langs, parts: map[Lang]*[partKinds]part{}}
	for _, lang := range Langs {
		lib.lazy.parts[lang] = &[partKinds]part{}
	}
	lib.lazy.version = sync.OnceValue(func() string { return contentDigest(fsys, Langs) })
	lib.lazy.getFacts = sync.OnceValue(func() lazyFacts {
		c := &collector{}
		var list []Fact
		if src, err := fs.ReadFile(fsys, "facts.yaml"); err == nil {
			list = parseFacts("facts.yaml", src, Langs, c)
		}
		return lazyFacts{list: list, idx: factIndex("facts.yaml", list, c)}
	})
	return lib, nil
}

// contentDigest is Library.Version: the digest of every file, in the order
// Load reads them, without parsing any.
func contentDigest(fsys fs.FS, langs []Lang) string {
	d := digest{h: sha256.New(), fsys: fsys}
	d.add("facts.yaml", false)
	for _, lang := range langs {
		for _, kind := range []string{"notes", "questions", "cards", "labs"} {
			for _, f := range mdFiles(fsys, kind+"/"+string(lang), &collector{}) {
				d.add(f, true)
			}
		}
	}
	return hex.EncodeToString(d.h.Sum(nil))[:12]
}

// digest hashes files through one buffer (fs.ReadFile would copy each
// embedded file into a new one).
type digest struct {
	h    hash.Hash
	fsys fs.FS
	buf  []byte
}

// add hashes a file's bytes, after its name when named (as Load's readFile
// does for every file but the facts).
func (d *digest) add(name string, named bool) {
	f, err := d.fsys.Open(name)
	if err != nil {
		return
	}
	defer f.Close()
	st, err := f.Stat()
	if err != nil {
		return
	}
	if n := int(st.Size()); cap(d.buf) < n {
		d.buf = make([]byte, n)
	}
	b := d.buf[:st.Size()]
	if _, err := io.ReadFull(f, b); err != nil {
		return
	}
	if named {
		d.h.Write([]byte(name))
	}
	d.h.Write(b)
}

// fact returns one fact, parsed from its own entry of the file.
func (lp *lazyParts) fact(id string) (*Fact, bool) {
	return lp.entries.fact(lp.fsys, id)
}

// prefetchFacts parses the facts a text inserts, together.
func (lp *lazyParts) prefetchFacts(text string) {
	lp.entries.prefetch(lp.fsys, citedFacts(text))
}

// loader returns a loader for parsing one part: its own problems (which
// the tests have ruled out) and the library's facts.
func (lp *lazyParts) loader() *loader {
	return &loader{c: &collector{}, usedFacts: map[string]bool{}, lookup: lp.fact, prefetch: lp.prefetchFacts, langs: lp.langs, light: true}
}

// get returns the part of a kind in a language, parsed.
func (lp *lazyParts) get(lang Lang, kind int) *part {
	ps, ok := lp.parts[lang]
	if !ok {
		return &part{done: true}
	}
	p := &ps[kind]
	p.mu.Lock()
	defer p.mu.Unlock()
	if !p.done {
		lp.load(lang, kind, p)
		p.done = true
	}
	return p
}

func (lp *lazyParts) load(lang Lang, kind int, p *part) {
	ld := lp.loader()
	dir := [partKinds]string{"notes", "questions", "cards", "labs"}[kind] + "/" + string(lang)
	for _, f := range mdFiles(lp.fsys, dir, ld.c) {
		if n, ok := p.byFile[f]; ok && kind == partNotes {
			if n != nil {
				p.notes = append(p.notes, n)
			}
			continue
		}
		if l, ok := p.labByFile[f]; ok && kind == partLabs {
			if l != nil {
				p.labs = append(p.labs, l)
			}
			continue
		}
		src, err := fs.ReadFile(lp.fsys, f)
		if err != nil {
			continue
		}
		switch kind {
		case partNotes:
			if n := parseNote(f, lang, src, ld); n != nil {
				p.notes = append(p.notes, n)
			}
		case partQuestions:
			_, qs := parseQuestions(f, lang, src, ld, false)
			p.questions = append(p.questions, qs...)
		case partCards:
			p.cards = append(p.cards, parseCards(f, lang, src, ld)...)
		case partLabs:
			if l := parseLab(f, lang, src, ld); l != nil {
				p.labs = append(p.labs, l)
			}
		}
	}
	sortNotes(p.notes)
	sortLabs(p.labs)
	p.byFile, p.labByFile = nil, nil
}

// note returns one note by id. Before the language's notes are all
// parsed, it parses the note's own file (notes/LANG/ID.md) when that file
// holds it, and nothing else.
func (lp *lazyParts) note(lang Lang, id string) *Note {
	if ps, ok := lp.parts[lang]; ok && idRe.MatchString(id) {
		p := &ps[partNotes]
		p.mu.Lock()
		if !p.done {
			f := "notes/" + string(lang) + "/" + id + ".md"
			n, seen := p.byFile[f]
			if !seen {
				if src, err := fs.ReadFile(lp.fsys, f); err == nil {
					n = parseNote(f, lang, src, lp.loader())
					if p.byFile == nil {
						p.byFile = map[string]*Note{}
					}
					p.byFile[f] = n
				}
			}
			p.mu.Unlock()
			if n != nil && n.ID == id {
				return n
			}
		} else {
			p.mu.Unlock()
		}
	}
	for _, n := range lp.get(lang, partNotes).notes {
		if n.ID == id {
			return n
		}
	}
	return nil
}

// lab returns one lab by id, as note does: before the language's labs are
// all parsed, from its own file (labs/LANG/ID.md) alone.
func (lp *lazyParts) lab(lang Lang, id string) *Lab {
	if ps, ok := lp.parts[lang]; ok && idRe.MatchString(id) {
		p := &ps[partLabs]
		p.mu.Lock()
		if !p.done {
			f := "labs/" + string(lang) + "/" + id + ".md"
			l, seen := p.labByFile[f]
			if !seen {
				if src, err := fs.ReadFile(lp.fsys, f); err == nil {
					l = parseLab(f, lang, src, lp.loader())
					if p.labByFile == nil {
						p.labByFile = map[string]*Lab{}
					}
					p.labByFile[f] = l
				}
			}
			p.mu.Unlock()
			if l != nil && l.ID == id {
				return l
			}
		} else {
			p.mu.Unlock()
		}
	}
	for _, l := range lp.get(lang, partLabs).labs {
		if l.ID == id {
			return l
		}
	}
	return nil
}
