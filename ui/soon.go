package ui

import (
	"fmt"

	"charm.land/bubbles/v2/key"
	tea "charm.land/bubbletea/v2"

	"github.com/saa-study/saa-study/ui/common"
)

// soon stands in for a screen this version does not have yet.
type soon struct {
	c  *common.Common
	id string
}

func newSoon(c *common.Common, id string) *soon { return &soon{c: c, id: id} }

func (s *soon) Init() tea.Cmd             { return nil }
func (s *soon) Title() string             { return s.c.T("home." + s.id) }
func (s *soon) View() string              { return s.c.Styles.Muted.Render(fmt.Sprintf(s.c.T("soon"), s.Title())) }
func (s *soon) ShortHelp() []key.Binding  { return nil }
func (s *soon) FullHelp() [][]key.Binding { return nil }
func (s *soon) Update(msg tea.Msg) (common.Screen, tea.Cmd) {
	if k, ok := msg.(tea.KeyPressMsg); ok && key.Matches(k, s.c.Keys.Back) {
		return s, common.Pop
	}
	return s, nil
}
