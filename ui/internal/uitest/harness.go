// Package uitest drives the UI's screens in tests: the shared state a
// screen needs, key presses, and a stack of screens without the App.
package uitest

import (
	"context"
	"reflect"
	"testing"
	"time"

	tea "charm.land/bubbletea/v2"
	"github.com/charmbracelet/x/ansi"

	"github.com/saa-study/saa-study/content"
	"github.com/saa-study/saa-study/progress"
	"github.com/saa-study/saa-study/ui/common"
	"github.com/saa-study/saa-study/ui/keymap"
	"github.com/saa-study/saa-study/ui/render"
	"github.com/saa-study/saa-study/ui/styles"
)

// Common builds the shared state of a screen under test: dark styles, the
// default keys, a w×h body and the given content and progress (either may
// be nil).
func Common(lib *content.Library, p *progress.Progress, lang content.Lang, w, h int) *common.Common {
	if p == nil {
		p = progress.New(nil, lib, progress.Options{Loc: time.UTC})
	}
	return &common.Common{Ctx: context.Background(), Lib: lib, Progress: p.WithLibrary(lib), Lang: lang,
		Theme: "dark", IsDark: true, Styles: styles.New(true), Keys: keymap.Default(),
		Width: w, Height: h, Renders: render.NewCache()}
}

// Press is the key press a person makes by typing s ("enter", "esc",
// "down", "pgdown", "tab", or one character).
func Press(s string) tea.KeyPressMsg {
	switch s {
	case "enter":
		return tea.KeyPressMsg{Code: tea.KeyEnter}
	case "esc":
		return tea.KeyPressMsg{Code: tea.KeyEscape}
	case "down":
		return tea.KeyPressMsg{Code: tea.KeyDown}
	case "up":
		return tea.KeyPressMsg{Code: tea.KeyUp}
	case "pgdown":
		return tea.KeyPressMsg{Code: tea.KeyPgDown}
	case "tab":
		return tea.KeyPressMsg{Code: tea.KeyTab}
	case "space":
		return tea.KeyPressMsg{Code: tea.KeySpace, Text: " "}
	}
	r := []rune(s)[0]
	return tea.KeyPressMsg{Code: r, Text: s}
}

// Run executes a command the way the program would and returns the
// messages it produced, flattening batches and sequences in order.
func Run(cmd tea.Cmd) []tea.Msg {
	if cmd == nil {
		return nil
	}
	msg := cmd()
	switch m := msg.(type) {
	case nil:
		return nil
	case tea.BatchMsg:
		var out []tea.Msg
		for _, c := range m {
			out = append(out, Run(c)...)
		}
		return out
	}
	if cmds, ok := sequenceCmds(msg); ok {
		var out []tea.Msg
		for _, c := range cmds {
			out = append(out, Run(c)...)
		}
		return out
	}
	return []tea.Msg{msg}
}

// sequenceCmds opens tea.Sequence's unexported message: a slice of
// commands to run in order.
func sequenceCmds(msg tea.Msg) ([]tea.Cmd, bool) {
	v := reflect.ValueOf(msg)
	if v.Kind() != reflect.Slice || v.Type().Elem() != reflect.TypeOf(tea.Cmd(nil)) {
		return nil, false
	}
	out := make([]tea.Cmd, v.Len())
	for i := range out {
		out[i] = v.Index(i).Interface().(tea.Cmd)
	}
	return out, true
}

// Harness holds a stack of screens the way the App does, without the App:
// a page's tests drive its screens with it. Push and Pop act on the stack;
// Open, errors and status lines are recorded for the test to read.
type Harness struct {
	T      testing.TB
	Stack  []common.Screen
	Opened []string // targets asked for with common.Open
	Status string
	Err    error
}

// NewHarness starts s (its Init runs).
func NewHarness(t testing.TB, s common.Screen) *Harness {
	h := &Harness{T: t, Stack: []common.Screen{s}}
	h.do(s.Init())
	return h
}

// Top is the screen on top.
func (h *Harness) Top() common.Screen { return h.Stack[len(h.Stack)-1] }

// View is the top screen's own text, without escape codes.
func (h *Harness) View() string { return ansi.Strip(h.Top().View()) }

// Send gives msg to the top screen and runs every command that follows
// until nothing is left; it reports whether the program would quit.
func (h *Harness) Send(msg tea.Msg) (quit bool) {
	queue := []tea.Msg{msg}
	for len(queue) > 0 {
		m := queue[0]
		queue = queue[1:]
		switch m := m.(type) {
		case tea.QuitMsg:
			return true
		case common.PushMsg:
			h.Stack = append(h.Stack, m.Screen)
			queue = append(queue, Run(m.Screen.Init())...)
			continue
		case common.PopMsg:
			if len(h.Stack) > 1 {
				h.Stack = h.Stack[:len(h.Stack)-1]
				queue = append(queue, common.ResumedMsg{})
			}
			continue
		case common.OpenMsg:
			h.Opened = append(h.Opened, m.Target)
			continue
		case common.ErrMsg:
			h.Err = m.Err
			continue
		case common.StatusMsg:
			h.Status = m.Text
			continue
		}
		s, cmd := h.Top().Update(m)
		h.Stack[len(h.Stack)-1] = s
		queue = append(queue, Run(cmd)...)
	}
	return false
}

// Keys sends each key in turn (see Press).
func (h *Harness) Keys(keys ...string) {
	for _, k := range keys {
		h.Send(Press(k))
	}
}

func (h *Harness) do(cmd tea.Cmd) {
	for _, m := range Run(cmd) {
		h.Send(m)
	}
}
