package main

import (
	"fmt"
	"time"

	"github.com/spf13/cobra"

	"github.com/saa-study/saa-study/progress"
)

// apkgExport holds the flags of "deck export --apkg".
type apkgExport struct {
	file      string
	all       bool
	questions bool
}

// run writes the Anki package: the chosen decks (every deck without
// --deck), their schedule and their review history.
func (a apkgExport) run(cmd *cobra.Command, g *globals, deck string) error {
	if a.all && deck != "" {
		return &exitError{code: 2, msg: "use --deck ID or --all, not both"}
	}
	st, lib, lang, err := g.session(cmd.Context())
	if err != nil {
		return err
	}
	defer st.Close()
	p := progress.New(st, lib, progress.Options{Loc: time.Local})
	opt := progress.AnkiExportOptions{Questions: a.questions, Lang: string(lang), Now: time.Now()}
	if deck != "" {
		opt.Decks = []string{deck}
	}
	var sum progress.AnkiExportSummary
	if a.file == "-" {
		if isTerminal(g.stdout) {
			return &exitError{code: 2, msg: "--apkg -: a package is binary; pipe it (… | ssh phone 'cat > saa.apkg') or give a file name"}
		}
		sum, err = p.WriteAnki(cmd.Context(), g.stdout, opt)
	} else {
		sum, err = p.ExportAnki(cmd.Context(), a.file, opt)
	}
	if err != nil {
		return &exitError{code: 1, msg: err.Error()}
	}
	to := a.file
	if to == "-" {
		to = "standard output"
	}
	fmt.Fprintf(g.stderr, "exported %s, %s and %s in %s to %s\n",
		plural(sum.Notes, "note", "notes"), plural(sum.Cards, "card", "cards"),
		plural(sum.Reviews, "review", "reviews"), plural(sum.Decks, "deck", "decks"), to)
	return nil
}
