package ui

import (
	"strings"
	"time"

	"charm.land/bubbles/v2/help"
	"charm.land/bubbles/v2/key"
	tea "charm.land/bubbletea/v2"
	"charm.land/lipgloss/v2"
	"github.com/charmbracelet/x/ansi"

	"github.com/saa-study/saa-study/content"
	"github.com/saa-study/saa-study/progress"
)

// App is the root model: a stack of screens, a header, a status line and a
// help bar.
type App struct {
	c        *Common
	stack    []Screen
	help     help.Model
	fullHelp bool
	status   string
	isErr    bool
	width    int
	height   int
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
	c := &Common{Ctx: o.Ctx, Lib: o.Lib, Progress: o.Progress, Lang: o.Lang, Theme: o.Theme,
		Keys: DefaultKeyMap(), Now: o.Now, renders: newRenderCache()}
	c.IsDark = o.Theme != "light"
	c.Styles = NewStyles(c.IsDark)
	a := &App{c: c, help: help.New(), width: 80, height: 24}
	a.help.Styles = help.DefaultStyles(c.IsDark)
	a.stack = []Screen{newHome(c)}
	if s := screenByName(c, o.Start); s != nil {
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

func (a *App) top() Screen { return a.stack[len(a.stack)-1] }

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
		return a, a.forward(msg)
	case tea.BackgroundColorMsg:
		if a.c.Theme == "auto" {
			a.setDark(msg.IsDark())
			return a, a.forward(themeChangedMsg{})
		}
		return a, nil
	case langChangedMsg:
		return a, a.broadcast(msg)
	case themeChangedMsg:
		a.setDark(a.c.Theme != "light" && (a.c.Theme == "dark" || a.c.IsDark))
		cmds := []tea.Cmd{a.broadcast(msg)}
		if a.c.Theme == "auto" {
			cmds = append(cmds, tea.RequestBackgroundColor)
		}
		return a, tea.Batch(cmds...)
	case pushMsg:
		a.stack = append(a.stack, msg.s)
		a.status = ""
		return a, msg.s.Init()
	case popMsg:
		if len(a.stack) > 1 {
			a.stack = a.stack[:len(a.stack)-1]
		}
		a.status = ""
		return a, a.forward(tea.WindowSizeMsg{Width: a.width, Height: a.height})
	case errMsg:
		a.status, a.isErr = msg.err.Error(), true
		return a, nil
	case statusMsg:
		a.status, a.isErr = msg.text, false
		return a, nil
	case tea.KeyPressMsg:
		return a.key(msg)
	}
	return a, a.forward(msg)
}

func (a *App) setDark(dark bool) {
	a.c.IsDark = dark
	a.c.Styles = NewStyles(dark)
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
	if cp, ok := a.top().(Capturer); ok {
		capturing = cp.Capturing()
	}
	switch {
	case msg.String() == "ctrl+c":
		return a, tea.Quit
	case !capturing && key.Matches(msg, k.Quit):
		return a, tea.Quit
	case !capturing && key.Matches(msg, k.Help):
		a.fullHelp = !a.fullHelp
		return a, nil
	case a.fullHelp && key.Matches(msg, k.Back):
		a.fullHelp = false
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
		body = a.help.FullHelpView(a.helpGroups())
	}
	b.WriteString(fit(body, a.width, a.c.Height))
	b.WriteByte('\n')
	if a.chromeHeight() > 2 {
		b.WriteString(a.statusLine())
		b.WriteByte('\n')
	}
	b.WriteString(a.helpBar())
	v := tea.NewView(clamp(b.String(), a.width, a.height))
	v.AltScreen = true
	v.MouseMode = tea.MouseModeCellMotion
	v.WindowTitle = "saa-study"
	return v
}

func (a *App) header() string {
	st := a.c.Styles
	parts := []string{st.Title.Render(a.c.t("app.title"))}
	for _, s := range a.stack[1:] {
		parts = append(parts, st.Header.Render(s.Title()))
	}
	return strings.Join(parts, st.Muted.Render(" › "))
}

func (a *App) statusLine() string {
	if a.status == "" {
		return ""
	}
	if a.isErr {
		return a.c.Styles.Error.Render(a.c.t("err.prefix") + a.status)
	}
	return a.c.Styles.Good.Render(a.status)
}

// helpBar is the short help; when it is too wide for the window it keeps
// "? help" at the end, so that the rest is always one key away.
func (a *App) helpBar() string {
	bs := a.shortHelp()
	whole := a.help
	whole.SetWidth(0)
	if lipgloss.Width(whole.ShortHelpView(bs)) <= a.width {
		return whole.ShortHelpView(bs)
	}
	hi := -1
	for i, b := range bs {
		if key.Matches(tea.KeyPressMsg{Code: '?', Text: "?"}, b) {
			hi = i
		}
	}
	if hi < 0 {
		return a.help.ShortHelpView(bs)
	}
	for n := min(hi, len(bs)-1); n > 0; n-- {
		cand := append(append([]key.Binding{}, bs[:n]...), bs[hi])
		if v := whole.ShortHelpView(cand); lipgloss.Width(v) <= a.width {
			return v
		}
	}
	return a.help.ShortHelpView(bs)
}

func (a *App) shortHelp() []key.Binding {
	k := a.c.Keys
	out := append([]key.Binding{}, a.top().ShortHelp()...)
	if len(a.stack) > 1 {
		out = append(out, k.Back)
	}
	if cp, ok := a.top().(Capturer); ok && cp.Capturing() {
		// The screen takes ? and q as text; only ctrl+c quits here.
		quit := key.NewBinding(key.WithKeys("ctrl+c"), key.WithHelp("ctrl+c", "quit"))
		return localize(a.c.Lang, append(out, quit))
	}
	return localize(a.c.Lang, append(out, k.Help, k.Quit))
}

func (a *App) helpGroups() [][]key.Binding {
	k := a.c.Keys
	groups := append([][]key.Binding{}, a.top().FullHelp()...)
	return localizeGroups(a.c.Lang, append(groups, []key.Binding{k.Back, k.Help, k.Quit}))
}

// fit pads or cuts s to exactly h lines.
func fit(s string, w, h int) string {
	lines := strings.Split(strings.TrimRight(s, "\n"), "\n")
	if len(lines) > h {
		lines = lines[:h]
	}
	for len(lines) < h {
		lines = append(lines, "")
	}
	return strings.Join(lines, "\n")
}

// clamp guarantees nothing is drawn past the window: every line is cut to
// w display cells (wide Korean syllables count two) and to h lines.
func clamp(s string, w, h int) string {
	lines := strings.Split(s, "\n")
	if len(lines) > h {
		lines = lines[:h]
	}
	for i, l := range lines {
		if lipgloss.Width(l) > w {
			lines[i] = ansi.Truncate(l, w, "…")
		}
	}
	return strings.Join(lines, "\n")
}

// screenByName opens a screen for --start style entry points.
func screenByName(c *Common, name string) Screen {
	switch name {
	case "notes":
		return newNoteList(c)
	case "settings":
		return newSettings(c)
	case "sim":
		return newSimMenu(c)
	case "study":
		l := newNoteList(c)
		l.study = true
		return l
	case "review":
		return newReview(c)
	case "stats":
		return newStatsScreen(c)
	case "exam":
		return newExamMenu(c)
	case "":
		return nil
	}
	return newSoon(c, name)
}
