package exam

import (
	"fmt"
	"strings"

	"charm.land/bubbles/v2/key"
	tea "charm.land/bubbletea/v2"
	"github.com/charmbracelet/x/ansi"

	"github.com/saa-study/saa-study/progress"
	"github.com/saa-study/saa-study/quiz"
	"github.com/saa-study/saa-study/ui/common"
	"github.com/saa-study/saa-study/ui/components/menu"
	"github.com/saa-study/saa-study/ui/components/unfinished"
)

// examMenu is the Exam entry of the home screen: practice, a new mock
// exam, the unfinished exam to resume (when there is one) and the history.
type examMenu struct {
	c      *common.Common
	menu   menu.Menu
	open   *progress.ExamRecord // the unfinished exam, if any
	loaded bool
}

func newExamMenu(c *common.Common) *examMenu {
	m := &examMenu{c: c}
	m.build()
	return m
}

func (m *examMenu) build() {
	m.menu.Items = m.menu.Items[:0]
	if m.open != nil {
		m.menu.Items = append(m.menu.Items, menu.Item{ID: "resume", Title: m.c.T("exam.resume"), Desc: unfinished.Summary(m.c, m.open)})
	}
	newDesc := fmt.Sprintf(m.c.T("exam.new.d"), quiz.DefaultExamQuestions, int(quiz.ExamPace.Minutes())*quiz.DefaultExamQuestions)
	if m.open != nil {
		newDesc = m.c.T("exam.new.replace")
	}
	m.menu.Items = append(m.menu.Items,
		menu.Item{ID: "new", Title: m.c.T("exam.new"), Desc: newDesc},
		menu.Item{ID: "practice", Title: m.c.T("practice.title"), Desc: m.c.T("practice.d")},
		menu.Item{ID: "history", Title: m.c.T("history.title"), Desc: m.c.T("history.d")})
}

func (m *examMenu) Init() tea.Cmd { return unfinished.Load(m.c) }
func (m *examMenu) Title() string { return m.c.T("home.exam") }

func (m *examMenu) Update(msg tea.Msg) (common.Screen, tea.Cmd) {
	switch msg := msg.(type) {
	case unfinished.Msg:
		// The cursor stays on the same entry when Resume comes or goes,
		// and lands on Resume when there is a new exam to resume: enter
		// must not start a new exam (discarding the paused one) by surprise.
		was, _ := m.menu.Selected()
		// (A replaced exam may get the same row id: compare the start too.)
		fresh := msg.Rec != nil && (m.open == nil || m.open.ID != msg.Rec.ID || !m.open.StartedAt.Equal(msg.Rec.StartedAt))
		m.open, m.loaded = msg.Rec, true
		m.build()
		for i, it := range m.menu.Items {
			if it.ID == was.ID {
				m.menu.Cursor = i
			}
		}
		if fresh {
			m.menu.Cursor = 0
		}
		if msg.Err != nil {
			return m, common.Err(msg.Err)
		}
	case common.ResumedMsg:
		return m, unfinished.Load(m.c) // back from an exam: it may be done now
	case common.LangChangedMsg:
		m.build()
	case tea.KeyPressMsg:
		if key.Matches(msg, m.c.Keys.Back) {
			return m, common.Pop
		}
		if m.menu.Move(m.c, msg) {
			return m, nil
		}
		if key.Matches(msg, m.c.Keys.Open) {
			if it, ok := m.menu.Selected(); ok {
				return m, m.choose(it.ID)
			}
		}
	}
	return m, nil
}

func (m *examMenu) choose(id string) tea.Cmd {
	switch id {
	case "resume":
		s, err := resumeExamScreen(m.c, *m.open)
		if err != nil {
			return common.Err(err)
		}
		return common.Push(s)
	case "new":
		if m.open != nil {
			return common.Push(newAskScreen(m.c, *m.open, quiz.ExamConfig{}))
		}
		s, err := newExamScreen(m.c, quiz.ExamConfig{})
		if err != nil {
			return common.Err(err)
		}
		return common.Push(s)
	case "practice":
		return common.Push(newPracticeSetup(m.c))
	case "history":
		return common.Push(newExamHistory(m.c))
	}
	return nil
}

func (m *examMenu) View() string {
	var b strings.Builder
	if m.open != nil && m.c.Height >= 8 {
		b.WriteString(m.c.Styles.Warn.Render(ansi.Truncate(m.c.T("exam.unfinished"), m.c.Width, "…")) + "\n\n")
	}
	used := strings.Count(b.String(), "\n")
	b.WriteString(m.menu.View(m.c, m.c.Height-used))
	return b.String()
}

func (m *examMenu) ShortHelp() []key.Binding {
	k := m.c.Keys
	return []key.Binding{k.Up, k.Down, k.Open}
}

func (m *examMenu) FullHelp() [][]key.Binding {
	k := m.c.Keys
	return [][]key.Binding{{k.Up, k.Down, k.Open}}
}

// NewMenu is the Exam menu.
func NewMenu(c *common.Common) common.Screen { return newExamMenu(c) }

// NewExam opens a new mock exam with cfg, or asks "Resume or start
// new?" first while another is unfinished (see Start).
func NewExam(c *common.Common, cfg quiz.ExamConfig, abandon bool) (common.Screen, error) {
	return Start(c, cfg, abandon)
}
