// Package settings lets the learner change the language and the theme;
// each change is saved at once and applies immediately.
package settings

import (
	"strings"

	"charm.land/bubbles/v2/key"
	tea "charm.land/bubbletea/v2"

	"github.com/saa-study/saa-study/content"
	"github.com/saa-study/saa-study/ui/common"
	"github.com/saa-study/saa-study/ui/components/menu"
)

// The keys the settings are saved under in the learner's progress.
const (
	KeyLang  = "lang"
	KeyTheme = "theme"
)

var themes = []string{"auto", "dark", "light"}

// settings lets the learner change the language and theme; each change is
// saved at once and applies immediately.
type settings struct {
	c    *common.Common
	menu menu.Menu
}

// New builds the Settings screen.
func New(c *common.Common) common.Screen {
	s := &settings{c: c}
	s.build()
	return s
}

func (s *settings) build() {
	c := s.c
	s.menu.Items = []menu.Item{
		{ID: "lang", Title: c.T("settings.lang"), Note: c.T("lang." + string(c.Lang))},
		{ID: "theme", Title: c.T("settings.theme"), Note: c.T("theme." + c.Theme)},
	}
}

func (s *settings) Init() tea.Cmd { return nil }
func (s *settings) Title() string { return s.c.T("settings.title") }

func (s *settings) Update(msg tea.Msg) (common.Screen, tea.Cmd) {
	km, ok := msg.(tea.KeyPressMsg)
	if !ok {
		return s, nil
	}
	k := s.c.Keys
	switch {
	case key.Matches(km, k.Back):
		return s, common.Pop
	case key.Matches(km, k.Up, k.Down):
		s.menu.Move(s.c, km)
	case key.Matches(km, k.Open, k.Right, k.Left):
		step := 1
		if key.Matches(km, k.Left) {
			step = -1
		}
		return s, s.change(step)
	}
	return s, nil
}

func (s *settings) change(step int) tea.Cmd {
	c := s.c
	it, _ := s.menu.Selected()
	var k, v string
	var notify tea.Msg
	switch it.ID {
	case "lang":
		i := indexOf(content.Langs, c.Lang)
		c.Lang = content.Langs[(i+step+len(content.Langs))%len(content.Langs)]
		k, v, notify = KeyLang, string(c.Lang), common.LangChangedMsg{}
	case "theme":
		i := indexOf(themes, c.Theme)
		c.Theme = themes[(i+step+len(themes))%len(themes)]
		if c.Theme != "auto" {
			c.IsDark = c.Theme == "dark"
		}
		k, v, notify = KeyTheme, c.Theme, common.ThemeChangedMsg{}
	default:
		return nil
	}
	s.build()
	save := func() tea.Msg {
		if err := c.Progress.SetSetting(c.Ctx, k, v); err != nil {
			return common.ErrMsg{Err: err}
		}
		return common.StatusMsg{Text: c.T("settings.saved")}
	}
	return tea.Batch(save, func() tea.Msg { return notify })
}

func indexOf[T comparable](xs []T, x T) int {
	for i, v := range xs {
		if v == x {
			return i
		}
	}
	return 0
}

func (s *settings) View() string {
	s.build()
	return s.menu.View(s.c, s.c.Height-2) + "\n\n" + s.c.Styles.Muted.Render(strings.TrimSpace(s.c.T("settings.hint")))
}

func (s *settings) ShortHelp() []key.Binding {
	k := s.c.Keys
	return []key.Binding{k.Up, k.Down, k.Right}
}

func (s *settings) FullHelp() [][]key.Binding {
	k := s.c.Keys
	return [][]key.Binding{{k.Up, k.Down, k.Left, k.Right, k.Open}}
}
