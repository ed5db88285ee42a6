// Package ui is saa-study's terminal interface: one Bubble Tea program
// whose root, App, routes key presses to a stack of screens and draws them
// with one set of styles. Screens call into the cores (content, quiz, srs,
// sim) and progress; they hold no state of their own beyond what they show.
package ui

import (
	"context"
	"time"

	"charm.land/bubbles/v2/key"
	tea "charm.land/bubbletea/v2"

	"github.com/saa-study/saa-study/content"
	"github.com/saa-study/saa-study/progress"
)

// Common is the state every screen shares within one program (one
// terminal, or one SSH session). Nothing here is global.
type Common struct {
	Ctx context.Context
	Lib *content.Library
	// Progress is the learner's progress; without a progress file it
	// saves nothing (HasStore is false).
	Progress *progress.Progress
	Lang     content.Lang
	Theme    string // "auto", "dark" or "light"
	IsDark   bool
	Styles   *Styles
	Keys     KeyMap
	Now      func() time.Time

	Width, Height int // the body area a screen may draw in

	renders *renderCache
}

// Options configure a new App.
type Options struct {
	Ctx context.Context
	Lib *content.Library
	// Progress is the learner's progress; nil runs without saving any.
	Progress *progress.Progress
	Lang     content.Lang
	Theme    string // auto, dark, light
	Now      func() time.Time
	// Start opens a screen right away ("notes", "settings", …); empty for home.
	Start string
}

// Screen is one page of the program. Only App returns a tea.View; screens
// return strings sized to Common.Width × Common.Height.
type Screen interface {
	Init() tea.Cmd
	Update(tea.Msg) (Screen, tea.Cmd)
	View() string
	// Title names the screen in the header.
	Title() string
	ShortHelp() []key.Binding
	FullHelp() [][]key.Binding
}

// Capturer is implemented by screens that sometimes take every key (a text
// field): App then leaves q and ? to them.
type Capturer interface{ Capturing() bool }

// Messages screens send to App.
type (
	pushMsg   struct{ s Screen }
	popMsg    struct{}
	errMsg    struct{ err error }
	statusMsg struct{ text string }
	// langChangedMsg and themeChangedMsg tell every screen to redraw.
	langChangedMsg  struct{}
	themeChangedMsg struct{}
)

func push(s Screen) tea.Cmd { return func() tea.Msg { return pushMsg{s} } }
func pop() tea.Msg          { return popMsg{} }

// errCmd reports an error in the status line instead of crashing.
func errCmd(err error) tea.Cmd { return func() tea.Msg { return errMsg{err} } }

func status(text string) tea.Cmd { return func() tea.Msg { return statusMsg{text} } }

// srsNow is the screen's clock: the injected one, else the wall clock.
func srsNow(c *Common) time.Time {
	if c.Now != nil {
		return c.Now()
	}
	return time.Now()
}

// srsCtx is the screen's context, or Background when none was given.
func srsCtx(c *Common) context.Context {
	if c.Ctx != nil {
		return c.Ctx
	}
	return context.Background()
}

// t is a shortcut for the interface text in the current language.
func (c *Common) t(k string) string { return T(c.Lang, k) }
