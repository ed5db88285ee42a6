package ui

import (
	"charm.land/bubbles/v2/key"
	tea "charm.land/bubbletea/v2"

	"github.com/saa-study/saa-study/ui/common"
	"github.com/saa-study/saa-study/ui/components/menu"
)

// simEntries are the Simulators menu, in the order a learner meets the
// services; each id has a case in openSim and "sim.<id>" strings.
var simEntries = []string{"lambda", "apigateway", "edge", "rdsproxy", "dynamodb", "sfn"}

// simMenu lists the engines; enter opens one's console.
type simMenu struct {
	c    *Common
	menu menu.Menu
}

func newSimMenu(c *Common) *simMenu {
	m := &simMenu{c: c}
	m.build()
	return m
}

func (m *simMenu) build() {
	m.menu.Items = m.menu.Items[:0]
	for _, id := range simEntries {
		m.menu.Items = append(m.menu.Items, menu.Item{ID: id, Title: m.c.T("sim." + id), Desc: m.c.T("sim." + id + ".d")})
	}
}

// openSim builds the console of one engine.
func openSim(c *Common, id string) Screen {
	switch id {
	case "lambda":
		return newSimConsole(c, lambdaEngine())
	case "apigateway":
		return newSimConsole(c, apigatewayEngine())
	case "edge":
		return newSimConsole(c, edgeEngine())
	case "rdsproxy":
		return newSimConsole(c, rdsproxyEngine())
	case "dynamodb":
		return newDDBConsole(c)
	case "sfn":
		return newSFNPicker(c)
	}
	return newSoon(c, "sim")
}

func (m *simMenu) Init() tea.Cmd { return nil }
func (m *simMenu) Title() string { return m.c.T("home.sim") }

func (m *simMenu) Update(msg tea.Msg) (Screen, tea.Cmd) {
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
				return m, common.Push(openSim(m.c, it.ID))
			}
		}
	}
	return m, nil
}

func (m *simMenu) View() string {
	st := m.c.Styles
	head := ""
	used := 0
	if m.c.Height >= 10 {
		head = st.Subtitle.Render(m.c.T("sim.intro")) + "\n\n"
		used = 2
	}
	return head + m.menu.View(m.c, m.c.Height-used)
}

func (m *simMenu) ShortHelp() []key.Binding {
	k := m.c.Keys
	return []key.Binding{k.Up, k.Down, k.Open}
}

func (m *simMenu) FullHelp() [][]key.Binding {
	k := m.c.Keys
	return [][]key.Binding{{k.Up, k.Down, k.Top, k.Bottom, k.Open}}
}
