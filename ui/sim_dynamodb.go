package ui

import (
	"fmt"
	"strconv"
	"strings"

	"charm.land/bubbles/v2/key"
	"charm.land/bubbles/v2/textinput"
	tea "charm.land/bubbletea/v2"

	"github.com/saa-study/saa-study/ui/common"
)

// ddbConsole is Simulators → DynamoDB: an AWS-CLI-shaped command line over
// the in-memory engine, a scrollable output pane, panels for capacity, the
// stream, DAX and the last load run, and guided scenarios.
//
// The session is only touched inside commands, one at a time (busy); the
// view draws from the snapshot each command returns.
type ddbConsole struct {
	c     *Common
	sess  *ddbSession
	input textinput.Model
	out   []ddbLine
	back  int // lines scrolled back from the end; 0 follows new output

	hist    []string
	histPos int // len(hist) means "the line being typed"
	draft   string

	panel ddbPanel
	snap  ddbSnap
	load  *ddbLoadRun
	busy  bool
	gen   int

	guides []ddbScenario
	guide  int // index into guides, -1 when none
	step   int // next step of the guide
}

// ddbPanel is which panel is shown above the output.
type ddbPanel int

const (
	ddbPanelNone ddbPanel = iota
	ddbPanelCapacity
	ddbPanelStream
	ddbPanelDAX
	ddbPanelChart
	ddbPanelCount
)

// ddbRanMsg carries a finished command back to the screen.
type ddbRanMsg struct {
	gen  int
	res  ddbResult
	step int // the guided step it ran, -1 for a typed command
}

const ddbMaxOutput = 3000

var ddbKeys = struct {
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

func newDDBConsole(c *Common) *ddbConsole {
	s := &ddbConsole{c: c, sess: newDDBSession(), guide: -1}
	s.input = textinput.New()
	s.input.Prompt = "> "
	s.input.CharLimit = 8000
	s.input.Placeholder = c.T("ddb.placeholder")
	// A steady cursor: a blinking one keeps a timer running for nothing
	// while the learner reads output.
	ist := s.input.Styles()
	ist.Cursor.Blink = false
	s.input.SetStyles(ist)
	s.guides, _ = ddbScenarios() // a broken file shows as "no scenario"; a test guards it
	s.info(c.T("ddb.intro"))
	return s
}

func (s *ddbConsole) Init() tea.Cmd   { return s.input.Focus() }
func (s *ddbConsole) Title() string   { return s.c.T("sim.dynamodb") }
func (s *ddbConsole) Capturing() bool { return true }

func (s *ddbConsole) info(text string) { s.addLines(ddbLine{ddbInfo, text}) }

func (s *ddbConsole) addLines(ls ...ddbLine) {
	s.out = append(s.out, ls...)
	if n := len(s.out) - ddbMaxOutput; n > 0 {
		s.out = append([]ddbLine(nil), s.out[n:]...)
	}
	s.back = 0
}

// exec runs one line in a command. Lines the screen handles itself
// (guide, clear) never reach the engine.
func (s *ddbConsole) exec(line string, step int) tea.Cmd {
	line = strings.TrimSpace(line)
	if line == "" || s.busy {
		return nil
	}
	words := strings.Fields(line)
	switch words[0] {
	case "clear":
		s.out = nil
		return nil
	case "guide":
		s.startGuide(words[1:])
		return nil
	}
	s.busy = true
	gen, sess, lang := s.gen, s.sess, s.c.Lang
	return func() tea.Msg { return ddbRanMsg{gen: gen, res: sess.run(lang, line), step: step} }
}

// startGuide lists the scenarios or starts one on a fresh DynamoDB.
func (s *ddbConsole) startGuide(args []string) {
	if len(args) == 0 {
		s.info(s.c.T("ddb.guides"))
		for i, g := range s.guides {
			s.info("  " + strconv.Itoa(i+1) + ". " + ddbPick(g.title, s.c.Lang))
		}
		return
	}
	n, err := strconv.Atoi(args[0])
	if err != nil || n < 1 || n > len(s.guides) {
		for i, g := range s.guides { // by id as well: guide ttl-stream
			if strings.TrimLeft(g.id, "0123456789-") == args[0] || g.id == args[0] {
				n, err = i+1, nil
			}
		}
		if err != nil || n < 1 || n > len(s.guides) {
			s.addLines(ddbLine{ddbError, fmt.Sprintf(s.c.T("ddb.guide.bad"), args[0])})
			return
		}
	}
	s.gen++ // results of the old session are dropped
	s.busy = false
	s.sess, s.snap, s.load = newDDBSession(), ddbSnap{}, nil
	s.guide, s.step = n-1, 0
	g := s.guides[s.guide]
	s.addLines(ddbLine{ddbLesson, fmt.Sprintf(s.c.T("ddb.guide.start"), ddbPick(g.title, s.c.Lang))},
		ddbLine{ddbLesson, ddbPick(g.lesson, s.c.Lang)})
}

func (s *ddbConsole) Update(msg tea.Msg) (Screen, tea.Cmd) {
	switch msg := msg.(type) {
	case ddbRanMsg:
		if msg.gen != s.gen {
			return s, nil
		}
		s.busy = false
		s.addLines(msg.res.lines...)
		s.snap = msg.res.snap
		if msg.res.load != nil {
			s.load = msg.res.load
			s.panel = ddbPanelChart
		}
		if msg.step >= 0 && s.guide >= 0 && msg.step < len(s.guides[s.guide].steps) {
			st := s.guides[s.guide].steps[msg.step]
			if note := ddbPick(st.note, s.c.Lang); note != "" {
				s.addLines(ddbLine{ddbLesson, "» " + note})
			}
			if msg.res.errType != st.expect {
				want := st.expect
				if want == "" {
					want = "success"
				}
				s.addLines(ddbLine{ddbError, fmt.Sprintf(s.c.T("ddb.guide.unexp"), want)})
			}
		}
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

func (s *ddbConsole) key(msg tea.KeyPressMsg) (Screen, tea.Cmd) {
	page := max(1, s.c.Height/2)
	switch {
	case key.Matches(msg, s.c.Keys.Back):
		s.gen++ // a command in flight belongs to this screen only
		return s, common.Pop
	case key.Matches(msg, ddbKeys.Run):
		line := strings.TrimSpace(s.input.Value())
		if s.busy {
			return s, nil
		}
		if line == "" {
			return s, s.nextStep()
		}
		if len(s.hist) == 0 || s.hist[len(s.hist)-1] != line {
			s.hist = append(s.hist, line)
		}
		s.histPos, s.draft = len(s.hist), ""
		s.input.SetValue("")
		return s, s.exec(line, -1)
	case key.Matches(msg, ddbKeys.Panel):
		s.panel = (s.panel + 1) % ddbPanelCount
		return s, nil
	case key.Matches(msg, ddbKeys.PanelBack):
		s.panel = (s.panel + ddbPanelCount - 1) % ddbPanelCount
		return s, nil
	case key.Matches(msg, ddbKeys.Older):
		if s.histPos > 0 {
			if s.histPos == len(s.hist) {
				s.draft = s.input.Value()
			}
			s.histPos--
			s.input.SetValue(s.hist[s.histPos])
			s.input.CursorEnd()
		}
		return s, nil
	case key.Matches(msg, ddbKeys.Newer):
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
	case key.Matches(msg, ddbKeys.ScrollUp):
		s.back += page
		return s, nil
	case key.Matches(msg, ddbKeys.ScrollDown):
		s.back = max(0, s.back-page)
		return s, nil
	}
	var cmd tea.Cmd
	s.input, cmd = s.input.Update(msg)
	return s, cmd
}

// nextStep runs the guide's next command, as if typed.
func (s *ddbConsole) nextStep() tea.Cmd {
	if s.guide < 0 || s.step >= len(s.guides[s.guide].steps) {
		return nil
	}
	st := s.guides[s.guide].steps[s.step]
	s.step++
	return s.exec(st.cmd, s.step-1)
}

// kb is a binding with its help text in the learner's language.
func (s *ddbConsole) kb(b key.Binding, k string) key.Binding {
	return key.NewBinding(key.WithKeys(b.Keys()...), key.WithHelp(b.Help().Key, s.c.T(k)))
}

func (s *ddbConsole) ShortHelp() []key.Binding {
	if s.guide >= 0 && s.step < len(s.guides[s.guide].steps) {
		return []key.Binding{s.kb(ddbKeys.Run, "ddb.k.next"), s.kb(ddbKeys.Panel, "ddb.k.panel"), s.kb(ddbKeys.ScrollUp, "ddb.k.scroll")}
	}
	return []key.Binding{s.kb(ddbKeys.Run, "ddb.k.run"), s.kb(ddbKeys.Panel, "ddb.k.panel"), s.kb(ddbKeys.Older, "ddb.k.history"), s.kb(ddbKeys.ScrollUp, "ddb.k.scroll")}
}

func (s *ddbConsole) FullHelp() [][]key.Binding {
	return [][]key.Binding{
		{s.kb(ddbKeys.Run, "ddb.k.run"), s.kb(ddbKeys.Older, "ddb.k.history"), s.kb(ddbKeys.Newer, "ddb.k.history")},
		{s.kb(ddbKeys.Panel, "ddb.k.panel"), s.kb(ddbKeys.PanelBack, "ddb.k.panelback"), s.kb(ddbKeys.ScrollUp, "ddb.k.scroll"), s.kb(ddbKeys.ScrollDown, "ddb.k.scrolldown")},
	}
}
