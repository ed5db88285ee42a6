// Package common is what every screen shares: Common (the program's
// state in one terminal or one SSH session), the Screen interface, and the
// messages a screen sends to the App that holds it.
package common

import (
	"context"
	"time"

	"charm.land/bubbles/v2/key"
	tea "charm.land/bubbletea/v2"

	"github.com/saa-study/saa-study/content"
	"github.com/saa-study/saa-study/progress"
	"github.com/saa-study/saa-study/ui/keymap"
	"github.com/saa-study/saa-study/ui/render"
	"github.com/saa-study/saa-study/ui/styles"
	"github.com/saa-study/saa-study/ui/text"
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
	Styles   *styles.Styles
	Keys     keymap.KeyMap
	Now      func() time.Time

	Width, Height int // the body area a screen may draw in

	// Renders keeps rendered notes for the life of the program.
	Renders *render.Cache
}

// T is the interface text for k in the current language.
func (c *Common) T(k string) string { return text.T(c.Lang, k) }

// Context is the program's context, or Background when none was given.
func (c *Common) Context() context.Context {
	if c.Ctx != nil {
		return c.Ctx
	}
	return context.Background()
}

// Clock is the current time: the injected clock, or the wall clock.
func (c *Common) Clock() time.Time {
	if c.Now != nil {
		return c.Now()
	}
	return time.Now()
}

// Screen is one page of the program. Only the App returns a tea.View;
// screens return strings that fit Common.Width × Common.Height.
type Screen interface {
	Init() tea.Cmd
	Update(tea.Msg) (Screen, tea.Cmd)
	View() string
	// Title names the screen in the header.
	Title() string
	ShortHelp() []key.Binding
	FullHelp() [][]key.Binding
}

// HelpSection is one titled group of keys in the full help. Inactive
// keys apply somewhere else on the screen (the other pane, another state)
// and do nothing until the learner goes there; the help shows them dimmed.
type HelpSection struct {
	Title    string
	Keys     []key.Binding
	Inactive bool
}

// Sectioned is implemented by screens whose keys depend on where the
// learner is (a pane, a state): the full help then says which keys apply
// where, instead of one list of FullHelp groups.
type Sectioned interface{ HelpSections() []HelpSection }

// Closer is implemented by screens that run something beyond the
// program's screen (a class served over SSH): when the program ends,
// however it ends, the App closes every screen on its stack, and Close
// ends that work cleanly for everyone relying on it.
type Closer interface{ Close() }

// Capturer is implemented by screens that sometimes take every key (a text
// field): the App then leaves q and ? to them.
type Capturer interface{ Capturing() bool }

// Messages screens send to the App, and the App to screens.
type (
	// PushMsg opens a screen on top of the stack.
	PushMsg struct{ Screen Screen }
	// PopMsg closes the screen on top.
	PopMsg struct{}
	// OpenMsg opens the screen a target names ("notes", "note:ID#section",
	// "review" …), through the App's one registry; pages never build
	// another page's screen themselves.
	OpenMsg struct{ Target string }
	// ResumedMsg tells a screen it is on top again after the one above it
	// closed, so that it can refresh what it shows.
	ResumedMsg struct{}
	// ErrMsg shows an error in the status line.
	ErrMsg struct{ Err error }
	// StatusMsg shows a note in the status line.
	StatusMsg struct{ Text string }
	// LangChangedMsg and ThemeChangedMsg tell every screen to redraw.
	LangChangedMsg  struct{}
	ThemeChangedMsg struct{}
)

// Push opens s on top.
func Push(s Screen) tea.Cmd { return func() tea.Msg { return PushMsg{s} } }

// Pop closes the screen on top.
func Pop() tea.Msg { return PopMsg{} }

// Open opens the screen target names.
func Open(target string) tea.Cmd { return func() tea.Msg { return OpenMsg{target} } }

// Err reports an error in the status line instead of crashing.
func Err(err error) tea.Cmd { return func() tea.Msg { return ErrMsg{err} } }

// Status shows text in the status line.
func Status(text string) tea.Cmd { return func() tea.Msg { return StatusMsg{text} } }
