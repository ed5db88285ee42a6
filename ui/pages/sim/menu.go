// Package sim is Simulators: the menu of engines and the console shared
// by the form-based ones (Lambda, API Gateway, the edge, RDS Proxy, SNS), where
// a form or a shipped scenario runs and the result is drawn as charts, a
// comparison, an event log and pages of its own. The DynamoDB console and
// the Step Functions picker are pages of their own; the menu opens every
// console through the App, with common.Open("sim:" + id).
package sim

import (
	"charm.land/bubbles/v2/key"
	tea "charm.land/bubbletea/v2"

	"github.com/saa-study/saa-study/ui/common"
	"github.com/saa-study/saa-study/ui/components/menu"
)

// Entries are the Simulators menu, in the order a learner meets the
// services; each id is a target "sim:<id>" and has "sim.<id>" strings.
// After them the menu lists "labs", which opens the list of labs (target
// "lab").
var Entries = []string{"lambda", "apigateway", "edge", "rdsproxy", "dynamodb", "sfn", "sns"}

// menuScreen lists the engines; enter opens one's console.
type menuScreen struct {
	c    *common.Common
	menu menu.Menu
}

// NewMenu is the Simulators menu.
func NewMenu(c *common.Common) common.Screen {
	m := &menuScreen{c: c}
	m.build()
	return m
}

func (m *menuScreen) build() {
	m.menu.Items = m.menu.Items[:0]
	for _, id := range Entries {
		m.menu.Items = append(m.menu.Items, menu.Item{ID: id, Title: m.c.T("sim." + id), Desc: m.c.T("sim." + id + ".d")})
	}
	m.menu.Items = append(m.menu.Items, menu.Item{ID: "labs", Title: m.c.T("sim.labs"), Desc: m.c.T("sim.labs.d")})
}

// NewConsole is the console of one form-based engine ("lambda",
// "apigateway", "edge", "rdsproxy", "sns"); nil for any other id.
func NewConsole(c *common.Common, id string) common.Screen {
	switch id {
	case "lambda":
		return newConsole(c, lambdaEngine())
	case "apigateway":
		return newConsole(c, apigatewayEngine())
	case "edge":
		return newConsole(c, edgeEngine())
	case "rdsproxy":
		return newConsole(c, rdsproxyEngine())
	case "sns":
		return newConsole(c, snsEngine())
	}
	return nil
}

func (m *menuScreen) Init() tea.Cmd { return nil }
func (m *menuScreen) Title() string { return m.c.T("home.sim") }

func (m *menuScreen) Update(msg tea.Msg) (common.Screen, tea.Cmd) {
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
				if it.ID == "labs" {
					return m, common.Open("lab")
				}
				return m, common.Open("sim:" + it.ID)
			}
		}
	}
	return m, nil
}

func (m *menuScreen) View() string {
	st := m.c.Styles
	head := ""
	used := 0
	if m.c.Height >= 10 {
		head = st.Subtitle.Render(m.c.T("sim.intro")) + "\n\n"
		used = 2
	}
	return head + m.menu.View(m.c, m.c.Height-used)
}

func (m *menuScreen) ShortHelp() []key.Binding {
	k := m.c.Keys
	return []key.Binding{k.Up, k.Down, k.Open}
}

func (m *menuScreen) FullHelp() [][]key.Binding {
	k := m.c.Keys
	return [][]key.Binding{{k.Up, k.Down, k.Top, k.Bottom, k.Open}}
}
