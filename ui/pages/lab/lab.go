// Package lab is the Labs screens: the list of labs, and a lab itself —
// the goal pinned at the top, the settings the learner may change, a run
// that checks the engine's result against the goal (✓/✗ with what it got
// and what it needs), and why. Passing or giving up rates the lab in the
// schedule, so that it comes back in Review.
package lab

import (
	"fmt"
	"math"
	"strconv"
	"strings"
	"time"

	"charm.land/bubbles/v2/key"
	"charm.land/bubbles/v2/textinput"
	tea "charm.land/bubbletea/v2"

	"github.com/saa-study/saa-study/content"
	labrun "github.com/saa-study/saa-study/lab"
	"github.com/saa-study/saa-study/progress"
	"github.com/saa-study/saa-study/ui/common"
)

// Screen is one lab.
type Screen struct {
	c      *common.Common
	l      *content.Lab
	values map[string]string // the settings the learner may change
	cursor int

	editing bool
	input   textinput.Model
	problem string // a refused value, as a sentence

	running bool
	gen     int
	report  *labrun.Report
	err     error
	runs    int
	passed  bool
	gaveUp  bool
	rated   bool
	opened  time.Time
	scroll  int
}

type ranMsg struct {
	gen int
	rep labrun.Report
	err error
}

type ratedMsg struct{ err error }

var keys = struct {
	Run, GiveUp, Edit key.Binding
}{
	Run:    key.NewBinding(key.WithKeys("r"), key.WithHelp("r", "run")),
	GiveUp: key.NewBinding(key.WithKeys("g"), key.WithHelp("g", "give up")),
	Edit:   key.NewBinding(key.WithKeys("enter"), key.WithHelp("enter", "type a value")),
}

// New is the screen of a lab; nil when the library has no lab id.
func New(c *common.Common, id string) common.Screen {
	l := c.Lib.Lab(c.Lang, id)
	if l == nil {
		return nil
	}
	s := &Screen{c: c, l: l, values: map[string]string{}, opened: c.Clock()}
	for _, ch := range l.Change {
		v, _ := l.Setting(ch.Name)
		s.values[ch.Name] = v
	}
	s.input = textinput.New()
	s.input.CharLimit = 16
	return s
}

// Init implements common.Screen.
func (s *Screen) Init() tea.Cmd { return nil }

// Title implements common.Screen.
func (s *Screen) Title() string { return s.c.T("lab.title") + " · " + s.l.Title }

// Capturing is true while a value is being typed.
func (s *Screen) Capturing() bool { return s.editing }

func (s *Screen) change() *content.LabChange {
	if s.cursor < len(s.l.Change) {
		return &s.l.Change[s.cursor]
	}
	return nil
}

// Update implements common.Screen.
func (s *Screen) Update(msg tea.Msg) (common.Screen, tea.Cmd) {
	switch msg := msg.(type) {
	case ranMsg:
		if msg.gen != s.gen {
			return s, nil
		}
		s.running = false
		if msg.err != nil {
			s.err, s.report = msg.err, nil
			return s, nil
		}
		s.err, s.report = nil, &msg.rep
		s.runs++
		if msg.rep.Passed && !s.passed && !s.gaveUp {
			s.passed = true
			return s, s.rate()
		}
	case ratedMsg:
		if msg.err != nil {
			return s, common.Err(msg.err)
		}
		s.rated = true
	case common.LangChangedMsg:
		if l := s.c.Lib.Lab(s.c.Lang, s.l.ID); l != nil {
			s.l = l
		}
	case tea.KeyPressMsg:
		return s.key(msg)
	}
	return s, nil
}

func (s *Screen) key(msg tea.KeyPressMsg) (common.Screen, tea.Cmd) {
	k := s.c.Keys
	if s.editing {
		switch msg.String() {
		case "esc":
			s.editing = false
		case "enter":
			s.editing = false
			s.set(s.input.Value())
		default:
			var cmd tea.Cmd
			s.input, cmd = s.input.Update(msg)
			return s, cmd
		}
		return s, nil
	}
	switch {
	case key.Matches(msg, k.Back):
		return s, common.Pop
	case key.Matches(msg, k.Up):
		s.cursor = max(0, s.cursor-1)
	case key.Matches(msg, k.Down):
		s.cursor = min(len(s.l.Change)-1, s.cursor+1)
	case key.Matches(msg, k.Left):
		s.step(-1)
	case key.Matches(msg, k.Right):
		s.step(1)
	case key.Matches(msg, k.PageDown):
		s.scroll += max(1, s.c.Height/2)
	case key.Matches(msg, k.PageUp):
		s.scroll = max(0, s.scroll-max(1, s.c.Height/2))
	case key.Matches(msg, keys.Run):
		return s, s.run()
	case key.Matches(msg, keys.GiveUp):
		if s.passed || s.gaveUp {
			return s, nil
		}
		s.gaveUp = true
		return s, s.rate()
	case key.Matches(msg, keys.Edit):
		ch := s.change()
		if ch == nil {
			return s, nil
		}
		if len(ch.Choices) > 0 {
			s.step(1)
			return s, nil
		}
		s.editing, s.problem = true, ""
		if ch.Text {
			// A text value (a JSON policy) is edited, not retyped: it
			// starts as it is, with the cursor at its end.
			s.input.CharLimit = content.LabTextMax
			s.input.SetWidth(max(10, s.c.Width-8))
			s.input.SetValue(s.values[ch.Name])
			s.input.CursorEnd()
			s.input.Placeholder = ""
			return s, s.input.Focus()
		}
		// Typing starts from an empty field: the value shown stays as the
		// placeholder, so what is typed replaces it.
		s.input.CharLimit = 16
		s.input.SetWidth(0)
		s.input.SetValue("")
		s.input.Placeholder = s.values[ch.Name]
		return s, s.input.Focus()
	}
	return s, nil
}

// set takes a typed value; a refused one is explained in a sentence.
func (s *Screen) set(v string) {
	ch := s.change()
	if ch == nil {
		return
	}
	v = strings.TrimSpace(v)
	if !ch.Text {
		v = strings.ReplaceAll(v, ",", "")
	}
	if v == "" && !ch.Text {
		return
	}
	if err := ch.Allows(v); err != nil {
		s.problem = fmt.Sprintf(s.c.T("lab.refused"), v, ch.Name, ch.Range())
		return
	}
	s.problem = ""
	s.values[ch.Name] = v
}

// step moves the setting under the cursor: the next choice, or a round
// step of its range.
func (s *Screen) step(dir int) {
	ch := s.change()
	if ch == nil {
		return
	}
	s.problem = ""
	if ch.Text {
		return // typed only
	}
	if len(ch.Choices) > 0 {
		i := 0
		for j, c := range ch.Choices {
			if c == s.values[ch.Name] {
				i = j
			}
		}
		n := len(ch.Choices)
		s.values[ch.Name] = ch.Choices[(i+dir+n)%n]
		return
	}
	cur, _ := strconv.ParseFloat(s.values[ch.Name], 64)
	st := roundStep(ch.Hi - ch.Lo)
	next := math.Round((cur+float64(dir)*st)/st) * st
	next = max(ch.Lo, min(ch.Hi, next))
	s.values[ch.Name] = strconv.FormatFloat(next, 'f', -1, 64)
}

// roundStep is a step of about a twentieth of span: 1, 2 or 5 times a
// power of ten.
func roundStep(span float64) float64 {
	if span <= 0 {
		return 1
	}
	raw := span / 20
	p := math.Pow(10, math.Floor(math.Log10(raw)))
	for _, m := range []float64{1, 2, 5, 10} {
		if m*p >= raw {
			return m * p
		}
	}
	return 10 * p
}

func (s *Screen) run() tea.Cmd {
	s.gen++
	s.running = true
	gen, lib, l := s.gen, s.c.Lib, s.l
	over := map[string]string{}
	for k, v := range s.values {
		over[k] = v
	}
	return func() tea.Msg {
		rep, err := labrun.Run(lib, l, over)
		return ranMsg{gen, rep, err}
	}
}

// rate commits the attempt: passed after s.runs runs, or given up.
func (s *Screen) rate() tea.Cmd {
	if s.rated {
		return nil
	}
	p, ctx := s.c.Progress, s.c.Context()
	var set []string
	for _, ch := range s.l.Change {
		set = append(set, ch.Name+"="+s.values[ch.Name])
	}
	a := progress.LabAttempt{ID: s.l.ID, Lang: string(s.l.Lang), Runs: s.runs, Passed: s.passed,
		Settings: strings.Join(set, " "), DurationMS: s.c.Clock().Sub(s.opened).Milliseconds()}
	return func() tea.Msg { return ratedMsg{p.CommitLab(ctx, a)} }
}

// ShortHelp implements common.Screen.
func (s *Screen) ShortHelp() []key.Binding {
	k := s.c.Keys
	return []key.Binding{k.Up, k.Down, k.Left, keys.Edit, keys.Run, keys.GiveUp}
}

// FullHelp implements common.Screen.
func (s *Screen) FullHelp() [][]key.Binding {
	k := s.c.Keys
	return [][]key.Binding{{k.Up, k.Down, k.Left, k.Right, keys.Edit}, {keys.Run, keys.GiveUp, k.PageUp, k.PageDown, k.Back}}
}
