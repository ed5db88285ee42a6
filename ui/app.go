package ui

import (
	"context"
	"fmt"
	"strings"
	"time"

	"charm.land/bubbles/v2/help"
	"charm.land/bubbles/v2/key"
	tea "charm.land/bubbletea/v2"

	"github.com/saa-study/saa-study/content"
	"github.com/saa-study/saa-study/progress"
	"github.com/saa-study/saa-study/ui/common"
	"github.com/saa-study/saa-study/ui/keymap"
	"github.com/saa-study/saa-study/ui/pages/home"
	"github.com/saa-study/saa-study/ui/render"
	"github.com/saa-study/saa-study/ui/styles"
	"github.com/saa-study/saa-study/ui/text"
)

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

// App is the root model: a stack of screens, a header, a status line and a
// help bar.
type App struct {
	c     *common.Common
	stack []common.Screen
	help  help.Model
	// helpMemo is the last help bar drawn and what it was drawn from: a
	// scroll key changes no binding, so most frames reuse it.
	helpMemo struct{ sig, out string }
	// fits holds the lines of the last frame that fit its width (fitsW):
	// scrolling by a line shows the others again, so they are not
	// measured again.
	fits     map[string]bool
	fitsW    int
	fullHelp bool
	// helpTop is the first line of the full help shown, when it is taller
	// than the room (a small window): the keys that scroll a screen
	// scroll it.
	helpTop int
	status  string
	isErr   bool
	width   int
	height  int
}

// New builds the program's root model.
func New(o Options) *App {
	if o.Theme == "" {
		o.Theme = "auto"
	}
	if o.Lang == "" {
		o.Lang = content.EN
	}
	if o.Progress == nil {
		o.Progress = progress.New(nil, o.Lib, progress.Options{Loc: time.Local, Now: o.Now})
	}
	// Progress is about the content the screens show.
	o.Progress = o.Progress.WithLibrary(o.Lib)
	c := &common.Common{Ctx: o.Ctx, Lib: o.Lib, Progress: o.Progress, Lang: o.Lang, Theme: o.Theme,
		Keys: keymap.Default(), Now: o.Now, Renders: render.NewCache()}
	c.IsDark = o.Theme != "light"
	c.Styles = styles.New(c.IsDark)
	a := &App{c: c, help: help.New(), width: 80, height: 24}
	a.help.Styles = help.DefaultStyles(c.IsDark)
	a.stack = []common.Screen{home.New(c)}
	if o.Start != "" {
		s := screenFor(c, o.Start)
		if s == nil {
			s = newSoon(c, o.Start)
		}
		a.stack = append(a.stack, s)
	}
	a.layout()
	return a
}

// Init implements tea.Model.
func (a *App) Init() tea.Cmd {
	cmds := []tea.Cmd{a.top().Init()}
	if a.c.Theme == "auto" {
		cmds = append(cmds, tea.RequestBackgroundColor)
	}
	return tea.Batch(cmds...)
}

// Close closes every screen on the stack that runs something beyond
// the program (see common.Closer), top first. Quitting with a key does
// it; whoever runs the program calls it too once Run returns, for the
// other ways a program ends (a signal, a cancelled context).
func (a *App) Close() {
	for i := len(a.stack) - 1; i >= 0; i-- {
		if c, ok := a.stack[i].(common.Closer); ok {
			c.Close()
		}
	}
}

func (a *App) top() common.Screen { return a.stack[len(a.stack)-1] }

// layout gives the screens the room left by the header, status and help.
func (a *App) layout() {
	a.c.Width = max(a.width, 10)
	a.c.Height = max(a.height-a.chromeHeight(), 1)
	a.help.SetWidth(a.width)
}

func (a *App) chromeHeight() int {
	if a.height < 8 {
		return 2 // header and help only
	}
	return 4 // header, blank, status, help
}

// Update implements tea.Model.
func (a *App) Update(msg tea.Msg) (tea.Model, tea.Cmd) {
	switch msg := msg.(type) {
	case tea.WindowSizeMsg:
		a.width, a.height = msg.Width, msg.Height
		a.layout()
		// Every screen on the stack hears it, so one uncovered later is
		// already laid out for the window it will be drawn in.
		return a, a.broadcast(msg)
	case tea.BackgroundColorMsg:
		if a.c.Theme == "auto" {
			a.setDark(msg.IsDark())
			return a, a.forward(common.ThemeChangedMsg{})
		}
		return a, nil
	case common.LangChangedMsg:
		return a, a.broadcast(msg)
	case common.ThemeChangedMsg:
		a.setDark(a.c.Theme != "light" && (a.c.Theme == "dark" || a.c.IsDark))
		cmds := []tea.Cmd{a.broadcast(msg)}
		if a.c.Theme == "auto" {
			cmds = append(cmds, tea.RequestBackgroundColor)
		}
		return a, tea.Batch(cmds...)
	case common.PushMsg:
		a.stack = append(a.stack, msg.Screen)
		a.status = ""
		return a, msg.Screen.Init()
	case common.OpenMsg:
		s := screenFor(a.c, msg.Target)
		if s == nil {
			a.status, a.isErr = fmt.Sprintf(a.c.T("app.noopen"), msg.Target), true
			return a, nil
		}
		a.stack = append(a.stack, s)
		a.status = ""
		return a, s.Init()
	case common.PopMsg:
		if len(a.stack) > 1 {
			a.stack = a.stack[:len(a.stack)-1]
		}
		a.status = ""
		return a, a.forward(common.ResumedMsg{})
	case common.ErrMsg:
		a.status, a.isErr = msg.Err.Error(), true
		return a, nil
	case common.StatusMsg:
		a.status, a.isErr = msg.Text, false
		return a, nil
	case tea.KeyPressMsg:
		return a.key(msg)
	}
	return a, a.forward(msg)
}

func (a *App) setDark(dark bool) {
	a.c.IsDark = dark
	a.c.Styles = styles.New(dark)
	a.help.Styles = help.DefaultStyles(dark)
}

// broadcast sends a message to every screen on the stack, so that screens
// below the top redraw too.
func (a *App) broadcast(msg tea.Msg) tea.Cmd {
	var cmds []tea.Cmd
	for i, s := range a.stack {
		var cmd tea.Cmd
		a.stack[i], cmd = s.Update(msg)
		cmds = append(cmds, cmd)
	}
	return tea.Batch(cmds...)
}

// forward sends a message to the screen on top.
func (a *App) forward(msg tea.Msg) tea.Cmd {
	s, cmd := a.top().Update(msg)
	a.stack[len(a.stack)-1] = s
	return cmd
}

func (a *App) key(msg tea.KeyPressMsg) (tea.Model, tea.Cmd) {
	k := a.c.Keys
	capturing := false
	if cp, ok := a.top().(common.Capturer); ok {
		capturing = cp.Capturing()
	}
	switch {
	case msg.String() == "ctrl+c", !capturing && key.Matches(msg, k.Quit):
		a.Close()
		return a, tea.Quit
	case !capturing && key.Matches(msg, k.Help):
		a.fullHelp = !a.fullHelp
		a.helpTop = 0
		return a, nil
	case a.fullHelp && key.Matches(msg, k.Back):
		a.fullHelp = false
		return a, nil
	case a.fullHelp && a.scrollHelp(msg):
		return a, nil
	}
	a.status = ""
	return a, a.forward(msg)
}

// View implements tea.Model.
func (a *App) View() tea.View {
	var b strings.Builder
	b.WriteString(a.header())
	b.WriteByte('\n')
	if a.chromeHeight() > 2 {
		b.WriteByte('\n')
	}
	body := a.top().View()
	if a.fullHelp {
		body, _ = a.helpPage()
	}
	b.WriteString(text.Fit(body, a.c.Height))
	b.WriteByte('\n')
	if a.chromeHeight() > 2 {
		b.WriteString(a.statusLine())
		b.WriteByte('\n')
	}
	b.WriteString(a.helpBar())
	v := tea.NewView(a.clamp(b.String()))
	v.AltScreen = true
	v.MouseMode = tea.MouseModeCellMotion
	v.WindowTitle = "saa-study"
	return v
}

// clamp is text.Clamp to the window, measuring only the lines the last
// frame did not have.
func (a *App) clamp(s string) string {
	lines := strings.Split(s, "\n")
	if len(lines) > a.height {
		lines = lines[:max(a.height, 0)]
	}
	if a.fitsW != a.width {
		a.fits, a.fitsW = nil, a.width
	}
	fits := make(map[string]bool, len(lines))
	for i, l := range lines {
		if len(l) > a.width && !a.fits[l] { // a cell takes a byte at least
			lines[i] = text.Truncate(l, a.width)
		}
		fits[lines[i]] = true
	}
	a.fits = fits
	return strings.Join(lines, "\n")
}

func (a *App) header() string {
	st := a.c.Styles
	parts := []string{st.Title.Render(a.c.T("app.title"))}
	for _, s := range a.stack[1:] {
		parts = append(parts, st.Header.Render(s.Title()))
	}
	return strings.Join(parts, st.Muted.Render(" › "))
}

func (a *App) statusLine() string {
	if a.status == "" {
		// A one-language folder is shown in its language; say so while
		// nothing else is said.
		if lib := a.c.Lib; lib != nil && !lib.Has(a.c.Lang) && len(lib.Langs()) > 0 {
			return a.c.Styles.Muted.Render(a.c.T("app.only." + string(lib.In(a.c.Lang))))
		}
		return ""
	}
	if a.isErr {
		return a.c.Styles.Error.Render(a.c.T("err.prefix") + a.status)
	}
	return a.c.Styles.Good.Render(a.status)
}
