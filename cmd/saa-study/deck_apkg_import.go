package main

import (
	"fmt"
	"io"
	"os"
	"path/filepath"
	"strings"
	"time"

	"github.com/spf13/cobra"

	"github.com/saa-study/saa-study/anki"
	"github.com/saa-study/saa-study/progress"
)

// isAnkiPackage reports whether path names an Anki package: by its
// extension, or a zip's magic number at its start.
func isAnkiPackage(path string) bool {
	switch strings.ToLower(filepath.Ext(path)) {
	case ".apkg", ".colpkg":
		return true
	case ".csv", ".tsv", ".txt":
		return false
	}
	f, err := os.Open(path)
	if err != nil {
		return false
	}
	defer f.Close()
	head := make([]byte, 4)
	n, _ := io.ReadFull(f, head)
	return anki.IsZip(head[:n])
}

// importAnkiPackage runs `deck import FILE.apkg`: the package's decks,
// cards, media and review history into the progress file.
func (g *globals) importAnkiPackage(cmd *cobra.Command, path, deckDir string, maxMiB int64) error {
	if maxMiB <= 0 {
		return &exitError{code: 2, msg: "--max-size must be a positive number of MiB"}
	}
	st, lib, _, err := g.session(cmd.Context())
	if err != nil {
		return err
	}
	p := progress.New(st, lib, progress.Options{Loc: time.Local})
	defer p.Close()
	opt := progress.AnkiImportOptions{DeckDir: deckDir, Limits: anki.Limits{Package: maxMiB << 20}}
	if isTerminal(g.stderr) {
		opt.Progress = func(done, total int) {
			if total >= 2000 {
				fmt.Fprintf(g.stderr, "\rimporting %s: %d of %d cards", filepath.Base(path), done, total)
				if done == total {
					fmt.Fprintln(g.stderr)
				}
			}
		}
	}
	sum, err := p.ImportAnki(cmd.Context(), path, opt)
	if err != nil {
		return &exitError{code: 1, msg: oneLine(err.Error())}
	}
	fmt.Fprintf(g.stdout, "%s: %s, %s, %s, %s, %s; %s unchanged\n", path,
		plural(sum.Decks, "new deck", "new decks"), plural(sum.Notes, "note", "notes"),
		plural(sum.Cards, "card added or changed", "cards added or changed"),
		plural(sum.Reviews, "review", "reviews"), plural(sum.Media, "media file", "media files"),
		plural(sum.Unchanged, "card", "cards"))
	return nil
}

func oneLine(s string) string {
	if i := strings.IndexByte(s, '\n'); i >= 0 {
		return s[:i]
	}
	return s
}
