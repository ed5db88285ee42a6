// Package dynamodb is Simulators → DynamoDB: a thin drawer over the
// command language of sim/dynamodb/console, with its output, history,
// panels and guided scenarios.
package dynamodb

import (
	"strings"

	"charm.land/bubbles/v2/key"
	"charm.land/bubbles/v2/textinput"
	tea "charm.land/bubbletea/v2"

	"github.com/saa-study/saa-study/content"
	"github.com/saa-study/saa-study/sim/dynamodb/console"
	"github.com/saa-study/saa-study/ui/common"
)

// Console is Simulators → DynamoDB: an AWS-CLI-shaped command line over
// the in-memory engine, a scrollable output pane, panels for capacity, the
// stream, DAX and the last load run, and guided scenarios.
//
// The command language is package console. The console is only touched
// inside commands, one at a time (busy); the view draws from the snapshot
// each command returns.
type Console struct {
	c     *common.Common
	sess  *console.Console
	input textinput.Model
	out   []console.Line
	back  int // lines scrolled back from the end; 0 follows new output

	hist    []string
	histPos int // len(hist) means "the line being typed"
	draft   string

	panel panelID
	snap  console.Snapshot
	load  *console.LoadRun
	guide console.Progress // the guided lesson, as of the last command
	busy  bool
	gen   int
	// refs numbers the facts the output cites; the facts panel lists them.
	refs content.Refs
}

// panelID is which panel is shown above the output.
type panelID int

const (
	panelNone panelID = iota
	panelCapacity
	panelStream
	panelDAX
	panelChart
	panelFacts
	panelCount
)

// ranMsg carries a finished command back to the screen.
type ranMsg struct {
	gen  int
	line string
	out  console.Output
}

const maxOutput = 3000

var consoleKeys = struct {
	Run, Panel, PanelBack, Older, Newer, ScrollUp, ScrollDown key.Binding
}{
	Run:        key.NewBinding(key.WithKeys("enter"), key.WithHelp("enter", "run")),
	Panel:      key.NewBinding(key.WithKeys("tab"), key.WithHelp("tab", "panel")),
	PanelBack:  key.NewBinding(key.WithKeys("shift+tab"), key.WithHelp("shift+tab", "previous panel")),
	Older:      key.NewBinding(key.WithKeys("up"), key.WithHelp("↑", "history")),
	Newer:      key.NewBinding(key.WithKeys("down"), key.WithHelp("↓", "history")),
	ScrollUp:   key.NewBinding(key.WithKeys("pgup"), key.WithHelp("pgup", "scroll up")),
	ScrollDown: key.NewBinding(key.WithKeys("pgdown"), key.WithHelp("pgdn", "scroll down")),
}

func New(c *common.Common) *Console {
	s := &Console{c: c, sess: console.New(console.Options{Lang: console.Lang(c.Lang)}), refs: content.Refs{Lib: c.Lib}}
	s.input = textinput.New()
	s.input.Prompt = "> "
	s.input.CharLimit = 8000
	s.input.Placeholder = c.T("ddb.placeholder")
	// A steady cursor: a blinking one keeps a timer running for nothing
	// while the learner reads output.
	ist := s.input.Styles()
	ist.Cursor.Blink = false
	s.input.SetStyles(ist)
	// The intro is the status line at the top; the output starts empty.
	return s
}

func (s *Console) Init() tea.Cmd   { return s.input.Focus() }
func (s *Console) Title() string   { return s.c.T("sim.dynamodb") }
func (s *Console) Capturing() bool { return true }

func (s *Console) info(text string) { s.addLines(console.Line{Kind: console.Info, Text: text}) }

func (s *Console) addLines(ls ...console.Line) {
	for _, l := range ls {
		l.Text = s.refs.Cite(l.Text) // "[ddb.partition.wcu]" → "[1]"
		s.out = append(s.out, l)
	}
	if n := len(s.out) - maxOutput; n > 0 {
		s.out = append([]console.Line(nil), s.out[n:]...)
	}
	s.back = 0
}

// exec runs one line on the console in a command; an empty line runs the
// guided lesson's next step.
func (s *Console) exec(line string) tea.Cmd {
	if s.busy {
		return nil
	}
	s.busy = true
	gen, sess, lang := s.gen, s.sess, console.Lang(s.c.Lang)
	return func() tea.Msg {
		sess.SetLang(lang)
		return ranMsg{gen: gen, line: line, out: sess.Exec(line)}
	}
}

func (s *Console) Update(msg tea.Msg) (common.Screen, tea.Cmd) {
	switch msg := msg.(type) {
	case ranMsg:
		if msg.gen != s.gen {
			return s, nil
		}
		s.busy = false
		s.ran(msg)
		return s, nil
	case common.LangChangedMsg:
		s.input.Placeholder = s.c.T("ddb.placeholder")
		return s, nil
	case tea.KeyPressMsg:
		return s.key(msg)
	}
	var cmd tea.Cmd
	s.input, cmd = s.input.Update(msg)
	return s, cmd
}

// ran shows a finished command: its lines, the panels, the lesson.
func (s *Console) ran(msg ranMsg) {
	o := msg.out
	if o.Clear {
		s.out = nil
	}
	if o.Reset {
		s.load = nil
	}
	s.addLines(o.Lines...)
	if f := strings.Fields(msg.line); len(f) > 0 && f[0] == "help" && !o.Failed() {
		s.info(s.c.T("ddb.help.keys"))
	}
	s.snap, s.guide = o.Snap, o.Guide
	if o.Load != nil {
		load := *o.Load
		load.Why = s.refs.Cite(load.Why)
		s.load = &load
		s.panel = panelChart
	}
}

func (s *Console) key(msg tea.KeyPressMsg) (common.Screen, tea.Cmd) {
	page := max(1, s.c.Height/2)
	switch {
	case key.Matches(msg, s.c.Keys.Back):
		s.gen++ // a command in flight belongs to this screen only
		return s, common.Pop
	case key.Matches(msg, consoleKeys.Run):
		line := strings.TrimSpace(s.input.Value())
		if s.busy {
			return s, nil
		}
		if line == "" {
			if !s.guide.Active() {
				return s, nil
			}
			return s, s.exec("") // the lesson's next step, as if typed
		}
		if len(s.hist) == 0 || s.hist[len(s.hist)-1] != line {
			s.hist = append(s.hist, line)
		}
		s.histPos, s.draft = len(s.hist), ""
		s.input.SetValue("")
		return s, s.exec(line)
	case key.Matches(msg, consoleKeys.Panel):
		s.panel = (s.panel + 1) % panelCount
		return s, nil
	case key.Matches(msg, consoleKeys.PanelBack):
		s.panel = (s.panel + panelCount - 1) % panelCount
		return s, nil
	case key.Matches(msg, consoleKeys.Older):
		if s.histPos > 0 {
			if s.histPos == len(s.hist) {
				s.draft = s.input.Value()
			}
			s.histPos--
			s.input.SetValue(s.hist[s.histPos])
			s.input.CursorEnd()
		}
		return s, nil
	case key.Matches(msg, consoleKeys.Newer):
		if s.histPos < len(s.hist) {
			s.histPos++
			if s.histPos == len(s.hist) {
				s.input.SetValue(s.draft)
			} else {
				s.input.SetValue(s.hist[s.histPos])
			}
			s.input.CursorEnd()
		}
		return s, nil
	case key.Matches(msg, consoleKeys.ScrollUp):
		s.back += page
		return s, nil
	case key.Matches(msg, consoleKeys.ScrollDown):
		s.back = max(0, s.back-page)
		return s, nil
	}
	var cmd tea.Cmd
	s.input, cmd = s.input.Update(msg)
	return s, cmd
}

// kb is a binding with its help text in the learner's language.
func (s *Console) kb(b key.Binding, k string) key.Binding {
	return key.NewBinding(key.WithKeys(b.Keys()...), key.WithHelp(b.Help().Key, s.c.T(k)))
}

func (s *Console) ShortHelp() []key.Binding {
	if s.guide.Active() {
		return []key.Binding{s.kb(consoleKeys.Run, "ddb.k.next"), s.kb(consoleKeys.Panel, "ddb.k.panel"), s.kb(consoleKeys.ScrollUp, "ddb.k.scroll")}
	}
	return []key.Binding{s.kb(consoleKeys.Run, "ddb.k.run"), s.kb(consoleKeys.Panel, "ddb.k.panel"), s.kb(consoleKeys.Older, "ddb.k.history"), s.kb(consoleKeys.ScrollUp, "ddb.k.scroll")}
}

func (s *Console) FullHelp() [][]key.Binding {
	return [][]key.Binding{
		{s.kb(consoleKeys.Run, "ddb.k.run"), s.kb(consoleKeys.Older, "ddb.k.history"), s.kb(consoleKeys.Newer, "ddb.k.history")},
		{s.kb(consoleKeys.Panel, "ddb.k.panel"), s.kb(consoleKeys.PanelBack, "ddb.k.panelback"), s.kb(consoleKeys.ScrollUp, "ddb.k.scroll"), s.kb(consoleKeys.ScrollDown, "ddb.k.scrolldown")},
	}
}
