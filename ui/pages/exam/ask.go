package exam

import (
	"strings"

	"charm.land/bubbles/v2/key"
	tea "charm.land/bubbletea/v2"

	"github.com/saa-study/saa-study/progress"
	"github.com/saa-study/saa-study/quiz"
	"github.com/saa-study/saa-study/ui/common"
	"github.com/saa-study/saa-study/ui/components/menu"
	"github.com/saa-study/saa-study/ui/components/unfinished"
	"github.com/saa-study/saa-study/ui/text"
)

// askScreen asks "Resume or start new?" before a new exam would set an
// unfinished one aside: r (or Resume) opens the unfinished exam, n (or
// Start new) starts cfg and keeps the old one in the history as abandoned,
// with its answers; esc goes back without changing anything.
type askScreen struct {
	c    *common.Common
	rec  progress.ExamRecord
	cfg  quiz.ExamConfig
	menu menu.Menu
	keys askKeys
}

type askKeys struct{ Resume, New key.Binding }

func newAskScreen(c *common.Common, rec progress.ExamRecord, cfg quiz.ExamConfig) *askScreen {
	s := &askScreen{c: c, rec: rec, cfg: cfg, keys: askKeys{
		Resume: key.NewBinding(key.WithKeys("r"), key.WithHelp("r", "resume")),
		New:    key.NewBinding(key.WithKeys("n"), key.WithHelp("n", "start new")),
	}}
	s.build()
	return s
}

func (s *askScreen) build() {
	s.menu.Items = []menu.Item{
		{ID: "resume", Title: s.c.T("exam.resume"), Desc: unfinished.Summary(s.c, &s.rec)},
		{ID: "new", Title: s.c.T("exam.startnew"), Desc: s.c.T("exam.startnew.d")},
	}
}

func (s *askScreen) Title() string { return s.c.T("exam.ask") }
func (s *askScreen) Init() tea.Cmd { return nil }

func (s *askScreen) Update(msg tea.Msg) (common.Screen, tea.Cmd) {
	switch msg := msg.(type) {
	case common.LangChangedMsg:
		s.build()
	case tea.KeyPressMsg:
		switch {
		case key.Matches(msg, s.c.Keys.Back):
			return s, common.Pop
		case key.Matches(msg, s.keys.Resume):
			return s, s.choose("resume")
		case key.Matches(msg, s.keys.New):
			return s, s.choose("new")
		case s.menu.Move(s.c, msg):
		case key.Matches(msg, s.c.Keys.Open):
			if it, ok := s.menu.Selected(); ok {
				return s, s.choose(it.ID)
			}
		}
	}
	return s, nil
}

// choose replaces the question with the exam chosen.
func (s *askScreen) choose(id string) tea.Cmd {
	var next *examScreen
	var err error
	if id == "resume" {
		next, err = resumeExamScreen(s.c, s.rec)
	} else {
		next, err = newExamScreen(s.c, s.cfg)
		if next != nil {
			next.replaces = s.rec.ID
		}
	}
	if err != nil {
		return common.Err(err)
	}
	return tea.Sequence(common.Pop, common.Push(next))
}

func (s *askScreen) View() string {
	var b strings.Builder
	b.WriteString(text.WrapIndent(s.c.Styles.Warn.Render(s.c.T("exam.askq")), s.c.Width, 0) + "\n")
	used := strings.Count(b.String(), "\n")
	b.WriteString(s.menu.View(s.c, max(s.c.Height-used, 1)))
	return text.Fit(b.String(), s.c.Height)
}

func (s *askScreen) ShortHelp() []key.Binding {
	return []key.Binding{s.keys.Resume, s.keys.New, s.c.Keys.Back}
}

func (s *askScreen) FullHelp() [][]key.Binding {
	k := s.c.Keys
	return [][]key.Binding{{s.keys.Resume, s.keys.New}, {k.Up, k.Down, k.Open, k.Back}}
}

// Start is what opens a new exam with cfg: the exam itself, or, while
// another exam is unfinished, the question "Resume or start new?".
// abandon skips the question and sets the unfinished exam aside (its
// answers kept in the history).
func Start(c *common.Common, cfg quiz.ExamConfig, abandon bool) (common.Screen, error) {
	rec, ok, err := c.Progress.UnfinishedExam(c.Context())
	if err != nil {
		return nil, err
	}
	if ok && !abandon {
		return newAskScreen(c, rec, cfg), nil
	}
	s, err := newExamScreen(c, cfg)
	if err != nil {
		return nil, err
	}
	if ok {
		s.replaces = rec.ID
	}
	return s, nil
}
