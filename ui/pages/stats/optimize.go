package stats

import (
	"errors"
	"fmt"
	"strings"

	"charm.land/bubbles/v2/key"
	tea "charm.land/bubbletea/v2"

	"github.com/saa-study/saa-study/progress"
	"github.com/saa-study/saa-study/srs"
	"github.com/saa-study/saa-study/ui/common"
	"github.com/saa-study/saa-study/ui/text"
)

// The Stats screen runs the FSRS optimizer: o fits the parameters to the
// learner's reviews in the background with progress, then shows the log
// loss and RMSE(bins) before and after; a applies, u undoes.
var optKeys = struct{ Optimize, Apply, Undo key.Binding }{
	Optimize: key.NewBinding(key.WithKeys("o"), key.WithHelp("o", "optimize FSRS")),
	Apply:    key.NewBinding(key.WithKeys("a"), key.WithHelp("a", "apply")),
	Undo:     key.NewBinding(key.WithKeys("u"), key.WithHelp("u", "undo")),
}

// optState is the optimizer panel.
type optState struct {
	running     bool
	done, total int
	res         *srs.OptimizeResult
	applied     bool
	err         error
	ch          chan tea.Msg
}

type (
	optProgressMsg struct {
		gen         int
		done, total int
	}
	optDoneMsg struct {
		gen int
		res *srs.OptimizeResult
		err error
	}
	optAppliedMsg struct {
		undo bool
		fit  *progress.FSRSFit
		err  error
	}
)

// startOptimize runs the optimizer in the background; progress and the
// result come back as messages read one at a time from a channel.
func (s *statsScreen) startOptimize() tea.Cmd {
	if s.opt != nil && s.opt.running {
		return nil
	}
	s.optGen++
	gen, c := s.optGen, s.c
	// Progress is sent only into an empty channel, so the result always
	// has room and the goroutine ends even if the screen is gone.
	ch := make(chan tea.Msg, 2)
	s.opt = &optState{running: true, ch: ch}
	s.scroll = 0 // the panel is at the top
	go func() {
		last := -1
		res, err := c.Progress.OptimizeFSRS(c.Context(), func(done, total int) {
			pct := done * 100 / max(1, total)
			if pct != last && len(ch) == 0 {
				last = pct
				ch <- optProgressMsg{gen: gen, done: done, total: total}
			}
		})
		ch <- optDoneMsg{gen: gen, res: res, err: err}
		close(ch)
	}()
	return s.waitOptimize()
}

func (s *statsScreen) waitOptimize() tea.Cmd {
	ch := s.opt.ch
	return func() tea.Msg {
		m, ok := <-ch
		if !ok {
			return nil
		}
		return m
	}
}

// updateOptimize handles the optimizer's messages and keys; ok is false
// for anything else.
func (s *statsScreen) updateOptimize(msg tea.Msg) (tea.Cmd, bool) {
	c := s.c
	switch msg := msg.(type) {
	case optProgressMsg:
		if s.opt != nil && msg.gen == s.optGen {
			s.opt.done, s.opt.total = msg.done, msg.total
			return s.waitOptimize(), true
		}
		return nil, true
	case optDoneMsg:
		if s.opt != nil && msg.gen == s.optGen {
			s.opt.running, s.opt.res, s.opt.err = false, msg.res, msg.err
		}
		return nil, true
	case optAppliedMsg:
		if msg.err != nil {
			return common.Err(msg.err), true
		}
		if s.opt != nil {
			s.opt.applied = !msg.undo
		}
		note := c.T("fsrs.applied")
		if msg.undo {
			note = c.T("fsrs.undone")
		}
		return tea.Batch(common.Status(note), s.Init()), true
	case tea.KeyPressMsg:
		switch {
		case key.Matches(msg, optKeys.Optimize):
			return s.startOptimize(), true
		case key.Matches(msg, optKeys.Apply):
			if s.opt == nil || s.opt.res == nil || !s.opt.res.Fitted || s.opt.applied {
				return nil, true
			}
			res := s.opt.res
			return func() tea.Msg {
				f, err := c.Progress.ApplyFSRS(c.Context(), res)
				return optAppliedMsg{fit: &f, err: err}
			}, true
		case key.Matches(msg, optKeys.Undo):
			return func() tea.Msg {
				f, err := c.Progress.UndoFSRS(c.Context())
				if errors.Is(err, progress.ErrNoFitToUndo) {
					return common.StatusMsg{Text: c.T("fsrs.noundo")}
				}
				return optAppliedMsg{undo: true, fit: f, err: err}
			}, true
		}
	}
	return nil, false
}

// optimizeLines draws the optimizer panel, at most w cells wide.
func (s *statsScreen) optimizeLines(w int) []string {
	o := s.opt
	if o == nil {
		return nil
	}
	st := s.c.Styles
	t := s.c.T
	var out []string
	add := func(x string) { out = append(out, text.WrapMarkdown(x, w)...) }
	out = append(out, st.Header.Render(text.Truncate(t("fsrs.title"), w)))
	switch {
	case o.running:
		pct := 0
		if o.total > 0 {
			pct = o.done * 100 / o.total
		}
		bar := max(1, min(30, w-8))
		fill := bar * pct / 100
		out = append(out, text.Truncate(fmt.Sprintf("%s %3d%%", strings.Repeat("█", fill)+strings.Repeat("░", bar-fill), pct), w))
	case o.err != nil:
		add(st.Error.Render(o.err.Error()))
	case o.res != nil && !o.res.Fitted:
		add(fmt.Sprintf(t("fsrs.needmore"), o.res.Items, o.res.NeedMore))
	case o.res != nil:
		r := o.res
		add(fmt.Sprintf(t("fsrs.reviews"), text.Comma(int64(r.Reviews)), text.Comma(int64(r.Items))))
		if r.Before != nil && r.After != nil {
			add(fmt.Sprintf(t("fsrs.logloss"), r.Before.LogLoss, r.After.LogLoss))
			add(fmt.Sprintf(t("fsrs.rmse"), r.Before.RMSEBins*100, r.After.RMSEBins*100))
		}
		if o.applied {
			add(st.Muted.Render(t("fsrs.hint.applied")))
		} else {
			add(st.Muted.Render(t("fsrs.hint.apply")))
		}
	}
	return append(out, "")
}
