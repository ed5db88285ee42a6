package main

import (
	"fmt"
	"os"
	"strings"

	"github.com/charmbracelet/x/ansi"
	"github.com/spf13/cobra"

	"github.com/saa-study/saa-study/content"
	"github.com/saa-study/saa-study/ui/render"
)

func newNotesCmd(g *globals) *cobra.Command {
	var list, print bool
	var width int
	cmd := &cobra.Command{
		Use:   "notes [ID]",
		Short: "Read the notes, or print one",
		Long: `With no flags, opens the notes in the interactive reader; with an ID, opens
that note. --list prints every note as id<TAB>title; ID --print renders one
note to standard output (plain text when it is not a terminal or NO_COLOR=1
is set).`,
		Example: `  saa-study notes --list
  saa-study notes lambda-limits
  saa-study notes lambda-limits --print --width 60 --lang ko`,
		Args: cobra.MaximumNArgs(1),
		RunE: func(cmd *cobra.Command, args []string) error {
			switch {
			case list:
				return g.listNotes()
			case print:
				if len(args) != 1 {
					return &exitError{code: 2, msg: "notes --print needs a note id; see saa-study notes --list"}
				}
				return g.printNote(args[0], width)
			case len(args) == 1:
				if err := g.knownNote(args[0]); err != nil {
					return err
				}
				return g.runTUI(cmd.Context(), "note:"+args[0], "saa-study notes "+args[0]+" --print")
			}
			return g.runTUI(cmd.Context(), "notes", "saa-study notes --list, then saa-study notes ID --print")
		},
	}
	cmd.Flags().BoolVar(&list, "list", false, "print id<TAB>title for every note")
	cmd.Flags().BoolVar(&print, "print", false, "render the note ID to standard output")
	cmd.Flags().IntVar(&width, "width", 0, "wrap at this many columns (default: the terminal's width, or 80)")
	return cmd
}

// printLang resolves the language for commands that don't open the store.
func (g *globals) printLang() (content.Lang, error) {
	if g.lang == "" {
		return localeLang(), nil
	}
	if g.lang != "en" && g.lang != "ko" {
		return "", &exitError{code: 2, msg: fmt.Sprintf("--lang %q: use en or ko", g.lang)}
	}
	return content.Lang(g.lang), nil
}

func (g *globals) listNotes() error {
	lib, err := g.library()
	if err != nil {
		return err
	}
	lang, err := g.printLang()
	if err != nil {
		return err
	}
	g.langNote(lib, lang)
	// Heads, not notes: a list needs no note's body or facts.
	for _, h := range lib.NoteHeads(lang) {
		fmt.Fprintf(g.stdout, "%s\t%s\n", h.ID, h.Title)
	}
	return nil
}

// langNote says on standard error when the content is not written in the
// learner's language and is shown in the language it has.
func (g *globals) langNote(lib *content.Library, lang content.Lang) {
	if lib.Has(lang) || len(lib.Langs()) == 0 {
		return
	}
	what := "the content"
	if g.content != "" {
		what = g.content
	}
	fmt.Fprintf(g.stderr, "saa-study: %s is written in %s only, so it is shown in %s (your language is %s)\n",
		what, langNames(lib.Langs()), langNames([]content.Lang{lib.In(lang)}), langNames([]content.Lang{lang}))
}

// langNames is "English", "Korean" or "English and Korean".
func langNames(langs []content.Lang) string {
	names := make([]string, len(langs))
	for i, l := range langs {
		names[i] = map[content.Lang]string{content.EN: "English", content.KO: "Korean"}[l]
	}
	return strings.Join(names, " and ")
}

// knownNote reports an id that names no note, with the closest id.
func (g *globals) knownNote(id string) error {
	lib, err := g.library()
	if err != nil {
		return err
	}
	lang, err := g.printLang()
	if err != nil {
		return err
	}
	if lib.Note(lang, id) == nil {
		return noNote(lib, lang, id)
	}
	return nil
}

// noNote is the error for an unknown note id: the closest id when one is
// near, and where to find the list.
func noNote(lib *content.Library, lang content.Lang, id string) error {
	var ids []string
	for _, n := range lib.Notes(lang) {
		ids = append(ids, n.ID)
	}
	return &exitError{code: 1, msg: fmt.Sprintf("no note %q%s; see saa-study notes --list", id, didYouMean(id, ids))}
}

func (g *globals) printNote(id string, width int) error {
	lib, err := g.library()
	if err != nil {
		return err
	}
	lang, err := g.printLang()
	if err != nil {
		return err
	}
	g.langNote(lib, lang)
	n := lib.Note(lang, id)
	if n == nil {
		return noNote(lib, lang, id)
	}
	colour := isTerminal(g.stdout) && os.Getenv("NO_COLOR") == ""
	if width <= 0 {
		width = 80
		if f, ok := g.stdout.(*os.File); ok && colour {
			if w, _, err := termSize(f); err == nil && w > 0 {
				width = w
			}
		}
	}
	// Without colour, glamour renders the dark style's layout with no
	// colours (the "plain" style): several times cheaper than colour.
	style := "plain"
	if colour {
		style = "dark"
		if g.theme == "light" {
			style = "light"
		}
	}
	out, err := render.RenderNote(lib, n, width, style)
	if err != nil {
		return err
	}
	if !colour {
		// Plain text for files and pipes: no escape codes (bold and
		// italic are left), and no padding glamour adds to fill every
		// line to the width.
		lines := strings.Split(ansi.Strip(out), "\n")
		for i, l := range lines {
			lines[i] = strings.TrimRight(l, " ")
		}
		out = strings.TrimLeft(strings.Join(lines, "\n"), "\n")
	}
	_, err = fmt.Fprint(g.stdout, out)
	return err
}
