package main

import (
	"context"
	"errors"
	"fmt"
	"os"

	tea "charm.land/bubbletea/v2"
	"github.com/charmbracelet/x/term"

	"github.com/saa-study/saa-study/ui"
)

// isTerminal reports whether w is an interactive terminal.
func isTerminal(w any) bool {
	f, ok := w.(*os.File)
	return ok && term.IsTerminal(f.Fd())
}

// runTUI starts the full-screen program on a screen. It refuses to draw
// into a pipe or a file and names the command that prints instead.
func (g *globals) runTUI(ctx context.Context, start, twin string) error {
	// The progress file first: a file we must not touch is reported as
	// such, whatever else is wrong.
	st, err := g.openStore()
	if err != nil {
		return err
	}
	defer st.Close()
	lib, err := g.library()
	if err != nil {
		return err
	}
	lang, err := g.resolveLang(ctx, st)
	if err != nil {
		return err
	}
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
	app := ui.New(ui.Options{Ctx: ctx, Lib: lib, Store: st, Lang: lang, Theme: theme, Start: start})
	p := tea.NewProgram(app, tea.WithContext(ctx))
	if _, err := p.Run(); err != nil && !errors.Is(err, tea.ErrInterrupted) && !errors.Is(err, context.Canceled) && !errors.Is(err, tea.ErrProgramKilled) {
		return err
	}
	return nil
}
