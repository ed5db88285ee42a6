// Command exportnotes writes each built-in note of a language, as the
// Markdown saa-study hands to glamour (facts filled in, links to notes
// given as text), to DIR/ID.md: the same notes for a peer Markdown reader
// such as glow. The comparison scripts beside it use it.
//
//	go run ./scripts/bench/exportnotes [-lang en] DIR
package main

import (
	"flag"
	"fmt"
	"os"
	"path/filepath"

	"github.com/saa-study/saa-study/content"
	"github.com/saa-study/saa-study/ui/render"
)

func main() {
	lang := flag.String("lang", "en", "language: en or ko")
	flag.Parse()
	if flag.NArg() != 1 {
		fmt.Fprintln(os.Stderr, "usage: exportnotes [-lang en|ko] DIR")
		os.Exit(2)
	}
	dir := flag.Arg(0)
	lib, err := content.Embedded()
	if err != nil {
		fmt.Fprintln(os.Stderr, "exportnotes:", err)
		os.Exit(1)
	}
	if err := os.MkdirAll(dir, 0o755); err != nil {
		fmt.Fprintln(os.Stderr, "exportnotes:", err)
		os.Exit(1)
	}
	for _, n := range lib.Notes(content.Lang(*lang)) {
		md := render.PrepareMarkdown(lib, n)
		if err := os.WriteFile(filepath.Join(dir, n.ID+".md"), []byte(md), 0o644); err != nil {
			fmt.Fprintln(os.Stderr, "exportnotes:", err)
			os.Exit(1)
		}
	}
}
