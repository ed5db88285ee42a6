package ui

import (
	"fmt"
	"strings"

	"charm.land/bubbles/v2/key"
	tea "charm.land/bubbletea/v2"

	"github.com/saa-study/saa-study/content"
)

// home is the first screen: what saa-study offers, one entry each.
type home struct {
	c      *Common
	menu   menu
	glance string // due today, streak, readiness (see homeGlanceCmd)
	resume string // an unfinished exam to resume (see exam_menu.go)
}

var homeEntries = []string{"notes", "study", "review", "exam", "sim", "stats", "settings"}

func newHome(c *Common) *home {
	h := &home{c: c}
	h.build()
	return h
}

func (h *home) build() {
	h.menu.items = h.menu.items[:0]
	for _, id := range homeEntries {
		h.menu.items = append(h.menu.items, menuItem{id: id, title: h.c.t("home." + id), desc: h.c.t("home." + id + ".d")})
	}
}

func (h *home) Init() tea.Cmd { return homeGlanceCmd(h.c) }

func (h *home) Title() string { return "" }

func (h *home) Update(msg tea.Msg) (Screen, tea.Cmd) {
	switch msg := msg.(type) {
	case homeGlanceMsg:
		h.glance = string(msg)
	case tea.WindowSizeMsg:
		return h, tea.Batch(homeGlanceCmd(h.c), loadUnfinished(h.c)) // back from a screen: refresh the numbers
	case unfinishedMsg:
		h.resume = homeResumeLine(h.c, msg)
	case langChangedMsg:
		h.build()
	case tea.KeyPressMsg:
		if h.menu.move(h.c, msg) {
			return h, nil
		}
		if key.Matches(msg, h.c.Keys.Open) {
			if it, ok := h.menu.selected(); ok {
				return h, push(h.open(it.id))
			}
		}
	}
	return h, nil
}

func (h *home) open(id string) Screen {
	switch id {
	case "notes":
		return newNoteList(h.c)
	case "study":
		l := newNoteList(h.c)
		l.study = true
		return l
	case "settings":
		return newSettings(h.c)
	case "sim":
		return newSimMenu(h.c)
	case "review":
		return newReview(h.c)
	case "stats":
		return newStatsScreen(h.c)
	case "exam":
		return newExamMenu(h.c)
	}
	return newSoon(h.c, id)
}

func (h *home) View() string {
	st := h.c.Styles
	var b strings.Builder
	if h.c.Height >= 12 {
		b.WriteString(st.Subtitle.Render(h.c.t("app.tagline")))
		b.WriteString("\n")
		if lib := h.c.Lib; lib != nil {
			b.WriteString(st.Muted.Render(fmt.Sprintf(h.c.t("home.summary"),
				len(lib.Notes(h.c.Lang)), len(lib.Questions(h.c.Lang)), len(lib.Cards(h.c.Lang)), len(lib.Facts))))
			b.WriteString("\n")
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
	b.WriteString(h.menu.view(h.c, h.c.Height-used))
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

// soon stands in for a screen this version does not have yet.
type soon struct {
	c  *Common
	id string
}

func newSoon(c *Common, id string) *soon { return &soon{c: c, id: id} }

func (s *soon) Init() tea.Cmd             { return nil }
func (s *soon) Title() string             { return s.c.t("home." + s.id) }
func (s *soon) View() string              { return s.c.Styles.Muted.Render(fmt.Sprintf(s.c.t("soon"), s.Title())) }
func (s *soon) ShortHelp() []key.Binding  { return nil }
func (s *soon) FullHelp() [][]key.Binding { return nil }
func (s *soon) Update(msg tea.Msg) (Screen, tea.Cmd) {
	if k, ok := msg.(tea.KeyPressMsg); ok && key.Matches(k, s.c.Keys.Back) {
		return s, pop
	}
	return s, nil
}

var _ = content.EN

// homeGlanceMsg carries the home screen's summary line.
type homeGlanceMsg string

// homeGlanceCmd computes the home summary in the background; on failure
// the line is simply left out.
func homeGlanceCmd(c *Common) tea.Cmd {
	if !c.Progress.HasStore() {
		return nil
	}
	now, lang := srsNow(c), c.Lang
	return func() tea.Msg {
		g, err := c.Progress.Glance(srsCtx(c), lang, now)
		if err != nil {
			return nil
		}
		if !g.Studied {
			return homeGlanceMsg(fmt.Sprintf(T(lang, "home.glance.new"), g.DueToday))
		}
		return homeGlanceMsg(fmt.Sprintf(T(lang, "home.glance"), g.DueToday, g.Streak, int(g.Readiness*100+0.5)))
	}
}
