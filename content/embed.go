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
