// Package lab is the list of labs. A lab itself runs in its engine's
// console (ui/pages/sim), opened through the App as "lab:ID".
package lab

import (
	"charm.land/bubbles/v2/key"
	tea "charm.land/bubbletea/v2"

	"github.com/saa-study/saa-study/ui/common"
	"github.com/saa-study/saa-study/ui/components/menu"
	"github.com/saa-study/saa-study/ui/text"
)

// list is every lab, by engine; enter opens one.
type list struct {
	c    *common.Common
	menu menu.Menu
}

// NewList is the list of labs.
func NewList(c *common.Common) common.Screen {
	m := &list{c: c}
	m.build()
	return m
}

func (m *list) build() {
	m.menu.Items = m.menu.Items[:0]
	for _, l := range m.c.Lib.Labs(m.c.Lang) {
		m.menu.Items = append(m.menu.Items, menu.Item{ID: l.ID, Title: l.Title, Note: engineName(m.c.T, l.Engine)})
	}
}

func (m *list) Init() tea.Cmd { return nil }
func (m *list) Title() string { return m.c.T("lab.list") }

func (m *list) Update(msg tea.Msg) (common.Screen, tea.Cmd) {
	switch msg := msg.(type) {
	case common.LangChangedMsg:
		m.build()
	case tea.KeyPressMsg:
		if m.menu.Move(m.c, msg) {
			return m, nil
		}
		switch {
		case key.Matches(msg, m.c.Keys.Back):
			return m, common.Pop
		case key.Matches(msg, m.c.Keys.Open):
			if it, ok := m.menu.Selected(); ok {
				return m, common.Open("lab:" + it.ID)
			}
		}
	}
	return m, nil
}

func (m *list) View() string {
	head, used := "", 0
	if intro := text.Wrap(m.c.T("lab.intro"), max(m.c.Width, 1)); m.c.Height >= 10 && len(intro) <= 2 {
		for _, l := range intro {
			head += m.c.Styles.Subtitle.Render(l) + "\n"
		}
		head += "\n"
		used = len(intro) + 1
	}
	return head + m.menu.View(m.c, m.c.Height-used)
}

func (m *list) ShortHelp() []key.Binding {
	k := m.c.Keys
	return []key.Binding{k.Up, k.Down, k.Open}
}

func (m *list) FullHelp() [][]key.Binding {
	k := m.c.Keys
	return [][]key.Binding{{k.Up, k.Down, k.Top, k.Bottom, k.Open}}
}

// engineName is the engine's name as the Simulators menu shows it.
func engineName(t func(string) string, engine string) string {
	if engine == "stepfunctions" {
		return t("sim.sfn")
	}
	return t("sim." + engine)
}
