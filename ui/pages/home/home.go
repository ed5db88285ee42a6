// Package home is the first screen: what saa-study offers, one entry each,
// with a line on what is due today and a reminder of an unfinished exam.
package home

import (
	"fmt"
	"strings"

	"charm.land/bubbles/v2/key"
	tea "charm.land/bubbletea/v2"

	"github.com/saa-study/saa-study/content"
	"github.com/saa-study/saa-study/ui/common"
	"github.com/saa-study/saa-study/ui/components/menu"
	"github.com/saa-study/saa-study/ui/components/unfinished"
	"github.com/saa-study/saa-study/ui/text"
)

// home is the first screen: what saa-study offers, one entry each.
type home struct {
	c    *common.Common
	menu menu.Menu
	// summary counts the content (see summaryCmd); it comes after the
	// first frame, which shows the menu without waiting for the content
	// to be parsed.
	summary string
	glance  string // due today, streak, readiness (see glanceCmd)
	resume  string // an unfinished exam to resume (see unfinished.HomeLine)
}

// entries are the targets home opens, in the order it lists them.
var entries = []string{"notes", "study", "review", "exam", "sim", "classroom", "stats", "settings"}

// Entries are the targets the home menu opens, in order.
func Entries() []string { return append([]string(nil), entries...) }

// New builds the home screen.
func New(c *common.Common) common.Screen {
	h := &home{c: c}
	h.build()
	return h
}

func (h *home) build() {
	h.menu.Items = h.menu.Items[:0]
	for _, id := range entries {
		h.menu.Items = append(h.menu.Items, menu.Item{ID: id, Title: h.c.T("home." + id), Desc: h.c.T("home." + id + ".d")})
	}
}

func (h *home) Init() tea.Cmd {
	return tea.Batch(summaryCmd(h.c), glanceCmd(h.c), unfinished.Load(h.c))
}

func (h *home) Title() string { return "" }

func (h *home) Update(msg tea.Msg) (common.Screen, tea.Cmd) {
	switch msg := msg.(type) {
	case summaryMsg:
		if msg.lang == h.c.Lang {
			h.summary = msg.line
		}
	case glanceMsg:
		h.glance = string(msg)
	case common.ResumedMsg:
		// Back from a screen: refresh the numbers (and count the content
		// when the program started on another screen, above this one).
		var count tea.Cmd
		if h.summary == "" {
			count = summaryCmd(h.c)
		}
		return h, tea.Batch(count, glanceCmd(h.c), unfinished.Load(h.c))
	case unfinished.Msg:
		h.resume = unfinished.HomeLine(h.c, msg)
	case common.LangChangedMsg:
		h.build()
		return h, summaryCmd(h.c)
	case tea.KeyPressMsg:
		if h.menu.Move(h.c, msg) {
			return h, nil
		}
		if key.Matches(msg, h.c.Keys.Open) {
			if it, ok := h.menu.Selected(); ok {
				return h, common.Open(it.ID)
			}
		}
	}
	return h, nil
}

func (h *home) View() string {
	st := h.c.Styles
	var b strings.Builder
	if h.c.Height >= 12 {
		b.WriteString(st.Subtitle.Render(h.c.T("app.tagline")))
		b.WriteString("\n")
		if h.summary != "" {
			b.WriteString(st.Muted.Render(h.summary) + "\n")
		}
		if h.glance != "" {
			b.WriteString(st.Muted.Render(h.glance) + "\n")
		}
		if h.resume != "" {
			b.WriteString(st.Warn.Render(h.resume) + "\n")
		}
		b.WriteString("\n")
	}
	used := strings.Count(b.String(), "\n")
	b.WriteString(h.menu.View(h.c, h.c.Height-used))
	return b.String()
}

func (h *home) ShortHelp() []key.Binding {
	k := h.c.Keys
	return []key.Binding{k.Up, k.Down, k.Open}
}

func (h *home) FullHelp() [][]key.Binding {
	k := h.c.Keys
	return [][]key.Binding{{k.Up, k.Down, k.Top, k.Bottom, k.Open}}
}

// summaryMsg carries the line counting the content in one language.
type summaryMsg struct {
	lang content.Lang
	line string
}

// summaryCmd counts the notes, questions, cards and facts in the
// background, from the content's index (no item is parsed for it), which
// the first frame does not wait for.
func summaryCmd(c *common.Common) tea.Cmd {
	lib, lang := c.Lib, c.Lang
	if lib == nil {
		return nil
	}
	return func() tea.Msg {
		ix := lib.Index(lang)
		return summaryMsg{lang: lang, line: fmt.Sprintf(text.T(lang, "home.summary"),
			len(ix.Notes), len(ix.Questions), len(ix.Cards), ix.Facts)}
	}
}

// glanceMsg carries the home screen's summary line.
type glanceMsg string

// glanceCmd computes the home summary in the background; on failure the
// line is simply left out.
func glanceCmd(c *common.Common) tea.Cmd {
	if !c.Progress.HasStore() {
		return nil
	}
	now, lang := c.Clock(), c.Lang
	return func() tea.Msg {
		g, err := c.Progress.Glance(c.Context(), lang, now)
		if err != nil {
			return nil
		}
		line := fmt.Sprintf(text.T(lang, "home.glance"), g.DueToday, g.Streak, int(g.Readiness*100+0.5))
		if !g.Studied {
			line = fmt.Sprintf(text.T(lang, "home.glance.new"), g.DueToday)
		}
		// With an exam date: the weakest domain's predicted recall that day.
		if f, err := c.Progress.ExamOutlook(c.Context(), lang, now); err == nil && f != nil && f.Weakest != "" {
			for _, d := range f.Domains {
				if d.Domain == f.Weakest {
					line += fmt.Sprintf(text.T(lang, "home.glance.exam"), f.Days, text.T(lang, "st.domain."+d.Domain), int(d.Recall*100+0.5))
				}
			}
		}
		return glanceMsg(line)
	}
}
