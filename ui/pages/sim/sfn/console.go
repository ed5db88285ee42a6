package sfn

import (
	"errors"
	"fmt"
	"strings"

	"charm.land/bubbles/v2/key"
	"charm.land/bubbles/v2/textinput"
	tea "charm.land/bubbletea/v2"

	"github.com/saa-study/saa-study/sim/stepfunctions"
	"github.com/saa-study/saa-study/ui/common"
)

// console runs one state machine a step at a time: the graph with the
// running state highlighted, the event history, a human-approval prompt for
// callback tasks, and the Standard/Express price at the end.
//
// The Execution is only touched inside commands, one at a time (busy), and
// the view draws from the snapshot each command returns.
type console struct {
	c     *common.Common
	src   source
	graph stepfunctions.Graph
	exec  *stepfunctions.Execution
	busy  bool
	gen   int
	snap  snapshot
	probs []stepfunctions.Problem
	err   string

	cursor      int // selected history event
	detail      bool
	detailTop   int
	graphTop    int
	graphManual bool // the learner scrolled the graph; stop following

	rejecting bool
	reason    textinput.Model
	// asl shows the definition beside the graph instead of the history.
	asl bool
	// facts shows the facts the engine is built on instead, from factsTop.
	facts    bool
	factsTop int
}

// snapshot is a copy of what the execution looked like after a command.
type snapshot struct {
	res     stepfunctions.Result
	history []stepfunctions.Event
}

type startedMsg struct {
	gen   int
	exec  *stepfunctions.Execution
	graph stepfunctions.Graph
	snap  snapshot
	probs []stepfunctions.Problem
	err   error
}

type steppedMsg struct {
	gen  int
	snap snapshot
	err  error
}

var consoleKeys = struct {
	Step, Run, Approve, Reject, Restart, Inspect, GraphUp, GraphDown, Definition, Facts key.Binding
}{
	Facts:      key.NewBinding(key.WithKeys("i"), key.WithHelp("i", "facts")),
	Definition: key.NewBinding(key.WithKeys("d"), key.WithHelp("d", "definition/history")),
	Step:       key.NewBinding(key.WithKeys("s"), key.WithHelp("s", "step")),
	Run:        key.NewBinding(key.WithKeys("r"), key.WithHelp("r", "run")),
	Approve:    key.NewBinding(key.WithKeys("a"), key.WithHelp("a", "approve")),
	Reject:     key.NewBinding(key.WithKeys("x"), key.WithHelp("x", "reject")),
	Restart:    key.NewBinding(key.WithKeys("n"), key.WithHelp("n", "new run")),
	Inspect:    key.NewBinding(key.WithKeys("enter"), key.WithHelp("enter", "inspect event")),
	GraphUp:    key.NewBinding(key.WithKeys("pgup", "b"), key.WithHelp("pgup", "graph up")),
	GraphDown:  key.NewBinding(key.WithKeys("pgdown", "f", "space"), key.WithHelp("pgdn", "graph down")),
}

func newConsole(c *common.Common, src source) *console {
	s := &console{c: c, src: src}
	s.reason = textinput.New()
	s.reason.CharLimit = 200
	s.reason.Placeholder = "reason"
	return s
}

func snapshotOf(e *stepfunctions.Execution) snapshot {
	r := e.Result()
	return snapshot{res: r, history: append([]stepfunctions.Event(nil), r.History...)}
}

// start validates the definition and starts a fresh execution.
func (s *console) start() tea.Cmd {
	s.gen++
	s.busy = true
	gen, src := s.gen, s.src
	return func() tea.Msg {
		m, probs := stepfunctions.Validate(src.def)
		if len(probs) > 0 {
			return startedMsg{gen: gen, probs: probs}
		}
		mocks, err := humanMocks(m, src.mocks)
		if err != nil {
			return startedMsg{gen: gen, err: err}
		}
		pm, err := stepfunctions.ParseMocks(mocks)
		if err != nil {
			return startedMsg{gen: gen, err: fmt.Errorf("mocks: %w", err)}
		}
		e, err := stepfunctions.Start(m, src.input, pm, stepfunctions.Options{Seed: 1, StateMachineName: src.name})
		if err != nil {
			return startedMsg{gen: gen, err: fmt.Errorf("starting %s: %w", src.name, err)}
		}
		return startedMsg{gen: gen, exec: e, graph: stepfunctions.Layout(m), snap: snapshotOf(e)}
	}
}

// act runs f on the execution in a command and snapshots the result.
func (s *console) act(f func(e *stepfunctions.Execution) error) tea.Cmd {
	if s.busy || s.exec == nil {
		return nil
	}
	s.busy = true
	gen, e := s.gen, s.exec
	return func() tea.Msg {
		err := f(e)
		return steppedMsg{gen: gen, snap: snapshotOf(e), err: err}
	}
}

func (s *console) Init() tea.Cmd   { return s.start() }
func (s *console) Title() string   { return s.src.name }
func (s *console) Capturing() bool { return s.rejecting }

func (s *console) running() bool {
	return s.exec != nil && s.snap.res.Status == stepfunctions.StatusRunning
}

func (s *console) waiting() (stepfunctions.TaskToken, bool) {
	if !s.running() || len(s.snap.res.Waiting) == 0 {
		return stepfunctions.TaskToken{}, false
	}
	return s.snap.res.Waiting[0], true
}

func (s *console) Update(msg tea.Msg) (common.Screen, tea.Cmd) {
	switch msg := msg.(type) {
	case startedMsg:
		if msg.gen != s.gen {
			return s, nil
		}
		s.busy = false
		s.probs, s.err = msg.probs, ""
		if msg.err != nil {
			s.err = msg.err.Error()
			return s, common.Err(msg.err)
		}
		s.exec, s.graph = msg.exec, msg.graph
		s.setSnap(msg.snap)
	case steppedMsg:
		if msg.gen != s.gen {
			return s, nil
		}
		s.busy = false
		s.setSnap(msg.snap)
		if msg.err != nil {
			return s, common.Err(msg.err)
		}
	case tea.KeyPressMsg:
		return s.key(msg)
	}
	return s, nil
}

func (s *console) setSnap(n snapshot) {
	follow := s.cursor >= len(s.snap.history)-1
	s.snap = n
	if follow {
		s.cursor = max(0, len(n.history)-1)
	}
	s.cursor = min(s.cursor, max(0, len(n.history)-1))
	s.graphManual = false
}

func (s *console) key(msg tea.KeyPressMsg) (common.Screen, tea.Cmd) {
	k := s.c.Keys
	if s.rejecting {
		switch msg.String() {
		case "esc":
			s.rejecting = false
		case "enter":
			s.rejecting = false
			tok, ok := s.waiting()
			if !ok {
				return s, nil
			}
			reason := strings.TrimSpace(s.reason.Value())
			if reason == "" {
				reason = s.c.T("sfn.rejected")
			}
			return s, s.act(func(e *stepfunctions.Execution) error {
				if err := e.SendTaskFailure(tok.Token, "Rejected", reason); err != nil {
					return fmt.Errorf("SendTaskFailure: %w", err)
				}
				e.RunUntilBlocked()
				return nil
			})
		default:
			var cmd tea.Cmd
			s.reason, cmd = s.reason.Update(msg)
			return s, cmd
		}
		return s, nil
	}
	if s.detail {
		switch {
		case key.Matches(msg, k.Back), key.Matches(msg, consoleKeys.Inspect):
			s.detail = false
		case key.Matches(msg, k.Up):
			s.detailTop = max(0, s.detailTop-1)
		case key.Matches(msg, k.Down):
			s.detailTop++
		case key.Matches(msg, k.PageDown):
			s.detailTop += max(1, s.c.Height-3)
		case key.Matches(msg, k.PageUp):
			s.detailTop = max(0, s.detailTop-max(1, s.c.Height-3))
		}
		return s, nil
	}
	switch {
	case key.Matches(msg, k.Back):
		s.gen++ // a command in flight belongs to this screen only
		return s, common.Pop
	case key.Matches(msg, consoleKeys.Step):
		if s.running() {
			return s, s.act(func(e *stepfunctions.Execution) error {
				if !e.Step() && e.Status() == stepfunctions.StatusRunning && len(e.Waiting()) == 0 {
					return errors.New("nothing left to step")
				}
				return nil
			})
		}
	case key.Matches(msg, consoleKeys.Run):
		if s.running() {
			return s, s.act(func(e *stepfunctions.Execution) error { e.RunUntilBlocked(); return nil })
		}
	case key.Matches(msg, consoleKeys.Approve):
		if tok, ok := s.waiting(); ok {
			return s, s.act(func(e *stepfunctions.Execution) error {
				if err := e.SendTaskSuccess(tok.Token, []byte(`{"approved": true, "by": "learner"}`)); err != nil {
					return fmt.Errorf("SendTaskSuccess: %w", err)
				}
				e.RunUntilBlocked()
				return nil
			})
		}
	case key.Matches(msg, consoleKeys.Reject):
		if _, ok := s.waiting(); ok {
			s.rejecting = true
			s.reason.SetValue("")
			return s, s.reason.Focus()
		}
	case key.Matches(msg, consoleKeys.Restart):
		s.exec, s.snap, s.cursor = nil, snapshot{}, 0
		return s, s.start()
	case key.Matches(msg, consoleKeys.Inspect):
		if len(s.snap.history) > 0 {
			s.detail, s.detailTop = true, 0
		}
	case s.facts && key.Matches(msg, k.Up):
		s.factsTop = max(0, s.factsTop-1)
	case s.facts && key.Matches(msg, k.Down):
		s.factsTop++
	case key.Matches(msg, k.Up):
		s.cursor = max(0, s.cursor-1)
	case key.Matches(msg, k.Down):
		s.cursor = min(max(0, len(s.snap.history)-1), s.cursor+1)
	case key.Matches(msg, k.Top):
		s.cursor = 0
	case key.Matches(msg, k.Bottom):
		s.cursor = max(0, len(s.snap.history)-1)
	case key.Matches(msg, consoleKeys.Definition):
		s.asl, s.facts = !s.asl, false
	case key.Matches(msg, consoleKeys.Facts):
		s.facts, s.asl, s.factsTop = !s.facts, false, 0
	case key.Matches(msg, consoleKeys.GraphUp):
		s.graphTop, s.graphManual = max(0, s.graphTop-max(1, s.c.Height/3)), true
	case key.Matches(msg, consoleKeys.GraphDown):
		s.graphTop, s.graphManual = s.graphTop+max(1, s.c.Height/3), true
	}
	return s, nil
}

func (s *console) ShortHelp() []key.Binding {
	if _, ok := s.waiting(); ok {
		return []key.Binding{consoleKeys.Approve, consoleKeys.Reject, consoleKeys.Step}
	}
	if s.running() {
		return []key.Binding{consoleKeys.Step, consoleKeys.Run, consoleKeys.Inspect}
	}
	return []key.Binding{consoleKeys.Restart, consoleKeys.Definition, consoleKeys.Facts, consoleKeys.Inspect, s.c.Keys.Down}
}

func (s *console) FullHelp() [][]key.Binding {
	k := s.c.Keys
	return [][]key.Binding{
		{consoleKeys.Step, consoleKeys.Run, consoleKeys.Approve, consoleKeys.Reject, consoleKeys.Restart},
		{k.Up, k.Down, consoleKeys.Inspect, consoleKeys.Definition, consoleKeys.GraphUp, consoleKeys.GraphDown},
	}
}
