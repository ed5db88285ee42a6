package main

import (
	"context"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"strings"

	"github.com/spf13/cobra"

	"github.com/saa-study/saa-study/content"
	"github.com/saa-study/saa-study/store"
)

// globals are the flags every command shares.
type globals struct {
	db      string
	content string
	lang    string
	theme   string

	stdin          io.Reader
	stdout, stderr io.Writer
}

func newRootCmd(stdin io.Reader, stdout, stderr io.Writer) *cobra.Command {
	g := &globals{stdin: stdin, stdout: stdout, stderr: stderr}
	root := &cobra.Command{
		Use:   "saa-study",
		Short: "Study the serverless part of the AWS SAA-C03 exam in your terminal",
		Long: `saa-study is a terminal study and exam trainer for the serverless part of the
AWS Certified Solutions Architect – Associate exam (SAA-C03): notes, scenario
quizzes, spaced-repetition flashcards and simulators, offline, in English and Korean.

With no command it opens the home screen.`,
		Example: `  saa-study                       # the home screen
  saa-study notes --list          # every note, id and title
  saa-study notes lambda-limits --print --width 80
  saa-study lint ./my-content     # check your own content folder`,
		Args:          cobra.NoArgs,
		SilenceUsage:  true,
		SilenceErrors: true,
		// Global flags are checked before any command runs, so a typo in
		// --theme is refused even by commands that never draw in colour.
		PersistentPreRunE: func(*cobra.Command, []string) error { return g.checkTheme() },
		RunE: func(cmd *cobra.Command, _ []string) error {
			return g.runTUI(cmd.Context(), "", "saa-study notes --list")
		},
	}
	pf := root.PersistentFlags()
	pf.StringVar(&g.db, "db", defaultDBPath(), "progress database file")
	pf.StringVar(&g.content, "content", "", "read content from this folder instead of the built-in content")
	pf.StringVar(&g.lang, "lang", "", "language: en or ko (default: the saved setting, then LC_ALL/LANG)")
	pf.StringVar(&g.theme, "theme", "", "colours: auto, dark or light (default: the saved setting, then auto)")

	root.AddCommand(
		newNotesCmd(g),
		screenCmd(g, "study", "Read a section and answer questions on it", "saa-study notes ID --print (ids from saa-study notes --list)"),
		newReviewCmd(g),
		newExamCmd(g),
		newQuizCmd(g),
		newReportsCmd(g),
		newSimCmd(g),
		newLabCmd(g),
		newStatsCmd(g),
		newSRSCmd(g),
		newDeckCmd(g),
		newBackupCmd(g),
		newRestoreCmd(g),
		newLintCmd(g),
		newContentCmd(g),
		newVersionCmd(g),
		newClassroomCmd(g),
	)
	return root
}

// screenCmd opens the TUI on one screen.
func screenCmd(g *globals, name, short, twin string) *cobra.Command {
	return &cobra.Command{
		Use:   name,
		Short: short,
		Args:  cobra.NoArgs,
		RunE: func(cmd *cobra.Command, _ []string) error {
			return g.runTUI(cmd.Context(), name, twin)
		},
	}
}

// defaultDBPath follows the XDG base directory rules.
func defaultDBPath() string { return filepath.Join(store.DataDir(), "progress.db") }

// library loads the embedded content, or --content. A broken folder is an
// error listing every problem as file:line.
func (g *globals) library() (*content.Library, error) {
	var lib *content.Library
	var err error
	if g.content != "" {
		lib, err = content.LoadDir(g.content)
	} else {
		lib, err = content.Embedded()
	}
	if err != nil {
		var ps content.Problems
		if asProblems(err, &ps) {
			fmt.Fprintf(g.stderr, "saa-study: the content has %d problem(s); fix them or run without --content:\n%s\n", len(ps), ps.Error())
			return nil, &exitError{code: 1}
		}
		return nil, err
	}
	return lib, nil
}

func asProblems(err error, ps *content.Problems) bool {
	p, ok := err.(content.Problems)
	if ok {
		*ps = p
	}
	return ok
}

// openStore opens --db. Refusals name the file and what to do.
func (g *globals) openStore() (*store.Store, error) {
	s, err := store.Open(g.db, store.Options{})
	if err != nil {
		return nil, &exitError{code: 1, msg: err.Error()}
	}
	return s, nil
}

// resolveLang picks the language: flag, then saved setting, then locale.
func (g *globals) resolveLang(ctx context.Context, s *store.Store) (content.Lang, error) {
	if g.lang != "" {
		l, ok := content.ParseLang(g.lang)
		if !ok || (g.lang != "en" && g.lang != "ko") {
			return "", &exitError{code: 2, msg: fmt.Sprintf("--lang %q: use en or ko", g.lang)}
		}
		return l, nil
	}
	if s != nil {
		if v, ok, _ := s.Setting(ctx, "lang"); ok {
			if l, ok := content.ParseLang(v); ok {
				return l, nil
			}
		}
	}
	return localeLang(), nil
}

// localeLang reads LC_ALL, then LC_MESSAGES, then LANG.
func localeLang() content.Lang {
	for _, k := range []string{"LC_ALL", "LC_MESSAGES", "LANG"} {
		if v := os.Getenv(k); v != "" {
			if strings.HasPrefix(v, "ko") {
				return content.KO
			}
			return content.EN
		}
	}
	return content.EN
}

// checkTheme refuses a --theme that is not auto, dark or light.
func (g *globals) checkTheme() error {
	switch g.theme {
	case "", "auto", "dark", "light":
		return nil
	}
	return &exitError{code: 2, msg: fmt.Sprintf("--theme %q: use auto, dark or light%s", g.theme, didYouMean(g.theme, []string{"auto", "dark", "light"}))}
}

func (g *globals) resolveTheme(ctx context.Context, s *store.Store) (string, error) {
	t := g.theme
	if t == "" && s != nil {
		t, _, _ = s.Setting(ctx, "theme")
	}
	switch t {
	case "":
		return "auto", nil
	case "auto", "dark", "light":
		return t, nil
	}
	return "", &exitError{code: 2, msg: fmt.Sprintf("--theme %q: use auto, dark or light", t)}
}

// isUsage tells flag and argument mistakes (exit 2) from failures (exit 1).
func isUsage(err error) bool {
	msg := err.Error()
	for _, p := range []string{"unknown flag", "unknown shorthand", "unknown command", "accepts ", "requires ", "invalid argument", "flag needs an argument", "requires at least", "requires at most"} {
		if strings.Contains(msg, p) {
			return true
		}
	}
	return false
}
