// Package stats is the Stats screen: the learner's progress as plain text
// that scrolls, and the same drawing (StatsLines) for a printed report.
package stats

import (
	"math"
	"strings"

	"charm.land/bubbles/v2/key"
	tea "charm.land/bubbletea/v2"

	"github.com/saa-study/saa-study/progress"
	"github.com/saa-study/saa-study/ui/common"
	"github.com/saa-study/saa-study/ui/text"
)

// statsScreen shows progress as plain text that scrolls: today, retention,
// states, a due forecast, a review calendar, mastery and readiness.
type statsScreen struct {
	c      *common.Common
	gen    int
	rep    *progress.StatsReport
	err    error
	scroll int
	opt    *optState // the FSRS optimizer panel, once started
	optGen int
	wl     *progress.WorkloadReport
	wlErr  error
}

type statsMsg struct {
	gen int
	rep progress.StatsReport
	err error
}

// New builds the Stats screen; its report loads when it starts.
func New(c *common.Common) common.Screen { return &statsScreen{c: c} }

func (s *statsScreen) Title() string { return s.c.T("home.stats") }

func (s *statsScreen) Init() tea.Cmd {
	s.gen++
	gen, c := s.gen, s.c
	now := c.Clock()
	return func() tea.Msg {
		rep, err := c.Progress.Stats(c.Context(), c.Lang, now)
		return statsMsg{gen: gen, rep: rep, err: err}
	}
}

func (s *statsScreen) Update(msg tea.Msg) (common.Screen, tea.Cmd) {
	if cmd, ok := s.updateOptimize(msg); ok {
		return s, cmd
	}
	switch msg := msg.(type) {
	case statsMsg:
		if msg.gen == s.gen {
			s.rep, s.err = &msg.rep, msg.err
			if msg.err != nil {
				return s, common.Err(msg.err)
			}
			// The workload simulation takes longer: it follows.
			return s, s.loadWorkload(msg.gen)
		}
	case workloadMsg:
		if msg.gen == s.gen {
			s.wl, s.wlErr = &msg.rep, msg.err
		}
	case common.LangChangedMsg:
		return s, s.Init()
	case tea.KeyPressMsg:
		k := s.c.Keys
		switch {
		case key.Matches(msg, k.Back):
			return s, common.Pop
		case key.Matches(msg, k.Up):
			s.scroll = max(0, s.scroll-1)
		case key.Matches(msg, k.Down):
			s.scroll++
		case key.Matches(msg, k.PageUp):
			s.scroll = max(0, s.scroll-max(1, s.c.Height-1))
		case key.Matches(msg, k.PageDown):
			s.scroll += max(1, s.c.Height-1)
		case key.Matches(msg, k.Top):
			s.scroll = 0
		case key.Matches(msg, k.Bottom):
			s.scroll = math.MaxInt / 2 // View stops at the last screenful
		}
	}
	return s, nil
}

func (s *statsScreen) View() string {
	st := s.c.Styles
	if s.rep == nil {
		if s.err != nil {
			return st.Error.Render(s.err.Error())
		}
		return st.Muted.Render(s.c.T("st.loading"))
	}
	lines := s.optimizeLines(s.c.Width)
	lines = append(lines, StatsLines(s.c.Lang, s.rep, s.c.Width, st)...)
	lines = append(lines, "")
	lines = append(lines, s.workloadLines(s.c.Width)...)
	if s.opt == nil {
		lines = append(lines, text.WrapMarkdown(st.Muted.Render(s.c.T("fsrs.offer")), s.c.Width)...)
	}
	h := max(1, s.c.Height)
	s.scroll = min(s.scroll, max(0, len(lines)-h))
	lines = lines[s.scroll:]
	if len(lines) > h {
		lines = append(lines[:h-1], st.Muted.Render(s.c.T("st.scroll")))
	}
	return strings.Join(lines, "\n")
}

func (s *statsScreen) ShortHelp() []key.Binding {
	k := s.c.Keys
	return []key.Binding{k.Up, k.Down, k.PageDown, optKeys.Optimize}
}

func (s *statsScreen) FullHelp() [][]key.Binding {
	k := s.c.Keys
	return [][]key.Binding{{k.Up, k.Down, k.PageUp, k.PageDown, k.Top, k.Bottom}, {optKeys.Optimize, optKeys.Apply, optKeys.Undo}}
}
