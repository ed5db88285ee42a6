package exam

import (
	"encoding/json"
	"fmt"
	"strings"

	"charm.land/bubbles/v2/key"
	tea "charm.land/bubbletea/v2"

	"github.com/saa-study/saa-study/progress"
	"github.com/saa-study/saa-study/quiz"
	"github.com/saa-study/saa-study/ui/common"
	"github.com/saa-study/saa-study/ui/text"
)

// examHistory lists past attempts, submitted and abandoned: date, size,
// score and each domain, every row wrapped to the window. enter opens one
// with its score, domains and every question with the learner's answer
// and the explanations.
type examHistory struct {
	c      *common.Common
	rows   []progress.ExamRecord
	loaded bool
	cursor int
	offset int
}

type historyMsg struct {
	rows []progress.ExamRecord
	err  error
}

func newExamHistory(c *common.Common) *examHistory { return &examHistory{c: c} }

func (h *examHistory) Title() string { return h.c.T("history.title") }

func (h *examHistory) Init() tea.Cmd {
	c := h.c
	return func() tea.Msg {
		rows, err := c.Progress.ExamHistory(c.Ctx)
		return historyMsg{rows, err}
	}
}

func (h *examHistory) Update(msg tea.Msg) (common.Screen, tea.Cmd) {
	switch msg := msg.(type) {
	case historyMsg:
		h.rows, h.loaded = msg.rows, true
		h.cursor = min(h.cursor, max(len(h.rows)-1, 0))
		if msg.err != nil {
			return h, common.Err(msg.err)
		}
	case common.ResumedMsg:
		return h, h.Init()
	case tea.KeyPressMsg:
		k := h.c.Keys
		switch {
		case key.Matches(msg, k.Back):
			return h, common.Pop
		case key.Matches(msg, k.Down):
			h.cursor = min(h.cursor+1, max(len(h.rows)-1, 0))
		case key.Matches(msg, k.Up):
			h.cursor = max(h.cursor-1, 0)
		case key.Matches(msg, k.Open) && h.cursor < len(h.rows):
			r, err := pastResults(h.c, h.rows[h.cursor])
			if err != nil {
				return h, common.Err(err)
			}
			return h, common.Push(r)
		}
	}
	return h, nil
}

// pastResults rebuilds a stored attempt for the results screen. An
// abandoned one is graded as it was left, without charging any time.
func pastResults(c *common.Common, rec progress.ExamRecord) (*examResults, error) {
	now := c.Clock()
	ex, pool, _, err := resumeStored(c, rec, now)
	if err != nil {
		return nil, err
	}
	res := ex.Submit(now)
	r := newExamResults(c, ex, res, pool)
	if rec.Abandoned {
		r.note = fmt.Sprintf(c.T("results.abandoned"), rec.AbandonedAt.Local().Format("2006-01-02 15:04"))
	} else {
		r.note = fmt.Sprintf(c.T("results.past"), rec.SubmittedAt.Local().Format("2006-01-02 15:04"))
	}
	return r, nil
}

func (h *examHistory) View() string {
	st := h.c.Styles
	w := h.c.Width
	if !h.loaded {
		return ""
	}
	if len(h.rows) == 0 {
		return text.WrapIndent(st.Muted.Render(h.c.T("history.none")), w, 0)
	}
	// Each attempt wraps under its own date; the cursor's rows stay in
	// sight, with the hint under them when there is room.
	var blocks [][]string
	for i, e := range h.rows {
		prefix := "  "
		if i == h.cursor {
			prefix = st.Cursor.Render("▸ ")
		}
		body := text.Hang(historyLine(h.c, e), max(w-2, 10), 18)
		lines := strings.Split(strings.TrimRight(body, "\n"), "\n")
		for j := range lines {
			if j == 0 {
				lines[j] = prefix + lines[j]
			} else {
				lines[j] = "  " + lines[j]
			}
		}
		blocks = append(blocks, lines)
	}
	hint := strings.Split(strings.TrimRight(text.WrapIndent(st.Muted.Render(h.c.T("history.hint")), w, 0), "\n"), "\n")
	room := h.c.Height
	if room > len(hint)+2 {
		room -= len(hint)
	} else {
		hint = nil
	}
	h.offset = min(h.offset, h.cursor)
	for {
		n := 0
		for i := h.offset; i <= h.cursor; i++ {
			n += len(blocks[i])
		}
		if n <= room || h.offset == h.cursor {
			break
		}
		h.offset++
	}
	var out []string
	for i := h.offset; i < len(blocks) && len(out) < room; i++ {
		out = append(out, blocks[i]...)
	}
	out = out[:min(len(out), room)]
	out = append(out, hint...)
	return strings.Join(out, "\n")
}

// historyLine is one attempt: "2026-11-27 09:40  20 q  80.0%  secure 75% …",
// or for an abandoned one "… abandoned, 3 of 20 answered".
func historyLine(c *common.Common, e progress.ExamRecord) string {
	st := c.Styles
	if e.Abandoned {
		var s quiz.ExamState
		_ = json.Unmarshal(e.State, &s)
		return fmt.Sprintf("%s  %3d %s  %s", e.AbandonedAt.Local().Format("2006-01-02 15:04"), len(s.Items), c.T("history.q"),
			st.Warn.Render(fmt.Sprintf(c.T("history.abandoned"), s.Answered(), len(s.Items))))
	}
	score := fmt.Sprintf("%5.1f%%", e.Percent)
	if e.Percent >= quiz.PassPercent {
		score = st.Good.Render(score)
	} else {
		score = st.Bad.Render(score)
	}
	var doms []string
	for _, d := range e.Domains {
		if d.Total > 0 {
			doms = append(doms, fmt.Sprintf("%s %.0f%%", c.T("domain."+d.Domain), d.Percent))
		}
	}
	return fmt.Sprintf("%s  %3d %s  %s  %s", e.SubmittedAt.Local().Format("2006-01-02 15:04"), e.Total,
		c.T("history.q"), score, st.Muted.Render(strings.Join(doms, " · ")))
}

// ShortHelp offers the list's keys only when there is a list.
func (h *examHistory) ShortHelp() []key.Binding {
	k := h.c.Keys
	if len(h.rows) == 0 {
		return nil
	}
	return []key.Binding{k.Up, k.Down, k.Open}
}

func (h *examHistory) FullHelp() [][]key.Binding {
	k := h.c.Keys
	if len(h.rows) == 0 {
		return [][]key.Binding{{k.Back}}
	}
	return [][]key.Binding{{k.Up, k.Down, k.Open, k.Back}}
}
