package content

import (
	"embed"
	"io/fs"
	"sync"
)

// files is the content shipped inside the binary.
//
//go:embed facts.yaml notes questions cards labs
var files embed.FS

// EmbeddedFS returns the embedded content as a file system.
func EmbeddedFS() fs.FS { return files }

var embedded = sync.OnceValues(func() (*Library, error) { return loadContent(files, true) })

// Embedded loads (once) and returns the embedded content. Unlike a folder,
// it must exist in every language, with every item translated.
func Embedded() (*Library, error) { return embedded() }

var embeddedFacts = sync.OnceValues(func() (*Library, error) {
	src, err := fs.ReadFile(files, "facts.yaml")
	if err != nil {
		return nil, err
	}
	c := &collector{}
	lib := &Library{langs: Langs, notes: map[Lang][]*Note{}, questions: map[Lang][]*Question{}, cards: map[Lang][]*Card{}, labs: map[Lang][]*Lab{}}
	lib.Facts = parseFacts("facts.yaml", src, Langs, c)
	lib.factIdx = factIndex("facts.yaml", lib.Facts, c)
	c.finish()
	if len(c.ps) > 0 {
		return nil, c.ps.sorted()
	}
	return lib, nil
})

// EmbeddedFacts loads (once) a library of the built-in facts alone: what a
// command that only cites facts needs, at a small part of Embedded's cost.
func EmbeddedFacts() (*Library, error) { return embeddedFacts() }
