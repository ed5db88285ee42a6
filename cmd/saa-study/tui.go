package main

import (
	"context"
	"errors"
	"fmt"
	"os"
	"time"

	tea "charm.land/bubbletea/v2"
	"charm.land/lipgloss/v2"
	"github.com/charmbracelet/x/term"
	"github.com/mattn/go-runewidth"

	"github.com/saa-study/saa-study/content"
	"github.com/saa-study/saa-study/progress"
	"github.com/saa-study/saa-study/store"
	"github.com/saa-study/saa-study/ui"
	"github.com/saa-study/saa-study/ui/text"
)

// isTerminal reports whether w is an interactive terminal.
func isTerminal(w any) bool {
	f, ok := w.(*os.File)
	return ok && term.IsTerminal(f.Fd())
}

// runTUI starts the full-screen program on a screen.
func (g *globals) runTUI(ctx context.Context, start, twin string) error {
	return g.runApp(ctx, start, twin, nil)
}

// session opens what most commands need, in this order: the progress file
// first (a file we must not touch is reported as such, whatever else is
// wrong), then the content, then the language. The caller closes the store.
func (g *globals) session(ctx context.Context) (*store.Store, *content.Library, content.Lang, error) {
	st, err := g.openStore()
	if err != nil {
		return nil, nil, "", err
	}
	lib, err := g.library()
	if err == nil {
		var lang content.Lang
		if lang, err = g.resolveLang(ctx, st); err == nil {
			g.langNote(lib, lang)
			return st, lib, lang, nil
		}
	}
	st.Close()
	return nil, nil, "", err
}

// prepareScreen builds, on the second core while the progress file opens,
// what the first frame needs and would otherwise build itself: the
// interface strings, then go-runewidth's table of character widths (two
// tables of 1.1 MB, filled the first time a character from U+0300 up is
// measured; in a terminal without Unicode core mode, most of them, Bubble
// Tea measures every cell with it, and the home screen's rules and arrows
// are above U+0300).
func prepareScreen() {
	text.Prepare()
	runewidth.RuneWidth('─')
}

// screenOptions are the options of a full-screen program on this
// process's terminal. Its colour profile is the one Lip Gloss found for
// standard output as it loaded: left to itself, Bubble Tea would look
// again, and inside tmux each look runs "tmux info" (about 10 ms, before
// the first frame).
func screenOptions(ctx context.Context) []tea.ProgramOption {
	return []tea.ProgramOption{tea.WithContext(ctx), tea.WithColorProfile(lipgloss.Writer.Profile)}
}

// runApp starts the full-screen program on a screen, after setup (when
// given) has prepared the app (an exam from flags, a teacher's quiz). It
// refuses to draw into a pipe or a file and names the command that prints
// instead.
func (g *globals) runApp(ctx context.Context, start, twin string, setup func(*ui.App) error) error {
	if isTerminal(g.stdout) {
		go prepareScreen()
	}
	st, lib, lang, err := g.session(ctx)
	if err != nil {
		return err
	}
	defer st.Close()
	theme, err := g.resolveTheme(ctx, st)
	if err != nil {
		return err
	}
	if !isTerminal(g.stdout) || !isTerminal(g.stdin) {
		if twin == "" {
			twin = "saa-study --help"
		}
		return &exitError{code: 2, msg: fmt.Sprintf("standard output is not a terminal, so the interactive screen cannot start; for output you can pipe, use: %s", twin)}
	}
	// The home screen's summary counts the content; its index is built
	// meanwhile, while the terminal is set up, rather than after the first
	// frame (the index is built once, whoever asks first).
	go lib.Index(lang)
	prog := progress.New(st, lib, progress.Options{Loc: time.Local})
	app := ui.New(ui.Options{Ctx: ctx, Lib: lib, Progress: prog, Lang: lang, Theme: theme, Start: start})
	if setup != nil {
		if err := setup(app); err != nil {
			return &exitError{code: 1, msg: err.Error()}
		}
	}
	// 120 frames a second, Bubble Tea's most: a key's frame waits for the
	// next tick of the frame clock, 4 ms on average instead of 8.
	p := tea.NewProgram(app, append(screenOptions(ctx), tea.WithFPS(120))...)
	// However the program ends, a class it runs ends cleanly for the
	// students (their final board, ssh exit 0), not with the process.
	defer app.Close()
	if _, err := p.Run(); err != nil && !errors.Is(err, tea.ErrInterrupted) && !errors.Is(err, context.Canceled) && !errors.Is(err, tea.ErrProgramKilled) {
		return err
	}
	return nil
}
