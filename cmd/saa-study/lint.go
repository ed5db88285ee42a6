package main

import (
	"fmt"
	"os"
	"path/filepath"

	"github.com/charmbracelet/x/term"
	"github.com/spf13/cobra"

	"github.com/saa-study/saa-study/content"
	"github.com/saa-study/saa-study/lab"
)

func termSize(f *os.File) (int, int, error) { return term.GetSize(f.Fd()) }

func newLintCmd(g *globals) *cobra.Command {
	return &cobra.Command{
		Use:   "lint [DIR|FILE.md]",
		Short: "Check content: the built-in content, a folder, or a quiz file",
		Long: `Checks ids, links, fact references, question shapes and translations, and runs
every lab: its starting settings must fail the goal and its solution pass it.
Prints each problem as file:line: message and exits 1 when there are any.`,
		Example: `  saa-study lint
  saa-study lint ./my-content
  saa-study lint week-3.md`,
		Args: cobra.MaximumNArgs(1),
		RunE: func(cmd *cobra.Command, args []string) error {
			var err error
			var lib *content.Library
			dir := ""
			what, note := "built-in content", ""
			switch {
			case len(args) == 0:
				lib, err = content.CheckEmbedded()
			default:
				what = args[0]
				st, serr := os.Stat(args[0])
				switch {
				case serr != nil:
					return &exitError{code: 1, msg: serr.Error()}
				case st.IsDir():
					lib, err = content.LoadDir(args[0])
					dir = args[0]
					if err == nil && lib != nil && len(lib.Langs()) == 1 {
						note = " (it is in " + langNames(lib.Langs()) + " only; translations are checked once it has files in both languages)"
					}
				case isNoteFile(args[0]):
					// A note is checked with its folder: links and facts need the rest.
					return &exitError{code: 2, msg: fmt.Sprintf("%s is a note; a single file is checked as a quiz file; check the content folder instead: saa-study lint DIR", args[0])}
				default:
					_, err = content.LoadQuizFile(args[0])
				}
			}
			ps, _ := err.(content.Problems)
			if lib != nil && (err == nil || len(ps) > 0) {
				// Labs are checked by running them: the start must fail
				// the goal and the solution must pass it.
				for _, p := range lab.Lint(lib) {
					ps = append(ps, content.Problem{File: filepath.Join(dir, p.File), Line: p.Line, Msg: p.Msg})
				}
				err = nil
			}
			if len(ps) > 0 {
				for _, p := range ps {
					fmt.Fprintln(g.stdout, p.String())
				}
				fmt.Fprintf(g.stderr, "%s: %s\n", what, plural(len(ps), "problem", "problems"))
				return &exitError{code: 1}
			}
			if err != nil {
				return &exitError{code: 1, msg: err.Error()}
			}
			fmt.Fprintf(g.stderr, "%s: no problems%s\n", what, note)
			return nil
		},
	}
}

// isNoteFile says whether path is a note of a content folder (notes/LANG/ID.md).
func isNoteFile(path string) bool {
	lang := filepath.Dir(path)
	return filepath.Base(filepath.Dir(lang)) == "notes" && (filepath.Base(lang) == "en" || filepath.Base(lang) == "ko")
}
