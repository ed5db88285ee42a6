// Package settings lets the learner change the language, the theme, the
// desired retention, the daily limits, the hour a study day starts and the
// exam date; each change is saved at once and applies immediately.
package settings

import (
	"context"
	"fmt"
	"math"
	"strings"
	"time"

	"charm.land/bubbles/v2/key"
	tea "charm.land/bubbletea/v2"

	"github.com/saa-study/saa-study/content"
	"github.com/saa-study/saa-study/progress"
	"github.com/saa-study/saa-study/ui/common"
	"github.com/saa-study/saa-study/ui/components/menu"
)

// The keys the settings are saved under in the learner's progress.
const (
	KeyLang  = "lang"
	KeyTheme = "theme"
)

var themes = []string{"auto", "dark", "light"}

// settings lets the learner change the language, theme, scheduling limits
// and exam date; each change is saved at once and applies immediately.
type settings struct {
	c      *common.Common
	menu   menu.Menu
	limits progress.SRSConfig // desired retention, daily limits, the day's start
	exam   time.Time          // exam day; zero for none
}

// Steps of ←/→ on the daily limits; enter steps up.
const (
	newStep     = 5
	reviewsStep = 50
)

// New builds the Settings screen.
func New(c *common.Common) common.Screen {
	s := &settings{c: c, limits: progress.DefaultSRSConfig()}
	if sc, err := c.Progress.Scheduling(c.Context()); err == nil {
		s.limits = sc.Limits
	}
	s.exam, _ = c.Progress.ExamDate(c.Context())
	s.build()
	return s
}

func (s *settings) build() {
	c := s.c
	s.menu.Items = []menu.Item{
		{ID: "lang", Title: c.T("settings.lang"), Note: c.T("lang." + string(c.Lang))},
		{ID: "theme", Title: c.T("settings.theme"), Note: c.T("theme." + c.Theme)},
		{ID: "retention", Title: c.T("settings.retention"), Note: fmt.Sprintf("%.0f%%", s.limits.DesiredRetention*100)},
		{ID: "new", Title: c.T("settings.new"), Note: fmt.Sprint(s.limits.NewPerDay)},
		{ID: "reviews", Title: c.T("settings.reviews"), Note: fmt.Sprint(s.limits.ReviewsPerDay)},
		{ID: "dayhour", Title: c.T("settings.dayhour"), Note: fmt.Sprintf("%02d:00", s.limits.DayHour)},
		{ID: "exam", Title: c.T("settings.exam"), Note: s.examNote()},
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
	case s.menu.Move(s.c, km): // ↑/↓, g/G, pgup/pgdn, as in every list
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
	case "retention":
		l := &s.limits
		r := math.Round((l.DesiredRetention+float64(step)*0.01)*100) / 100
		l.DesiredRetention = min(max(r, progress.MinDesiredRetention), progress.MaxDesiredRetention)
		s.build()
		r = l.DesiredRetention
		return s.save(func(ctx context.Context) error { return c.Progress.SetDesiredRetention(ctx, r) })
	case "new", "reviews", "dayhour":
		l := &s.limits
		switch it.ID {
		case "new":
			l.NewPerDay = min(max(l.NewPerDay+step*newStep, 0), progress.MaxNewPerDay)
		case "reviews":
			l.ReviewsPerDay = min(max(l.ReviewsPerDay+step*reviewsStep, 0), progress.MaxReviewsPerDay)
		default:
			l.DayHour = (l.DayHour + step + 24) % 24
		}
		s.build()
		n, r, h := l.NewPerDay, l.ReviewsPerDay, l.DayHour
		return s.save(func(ctx context.Context) error { return c.Progress.SetLimits(ctx, n, r, h) })
	case "exam":
		// A week at a time; before today means no exam date.
		today := c.Clock().In(c.Progress.Location())
		today = time.Date(today.Year(), today.Month(), today.Day(), 0, 0, 0, 0, today.Location())
		switch {
		case s.exam.IsZero() && step > 0:
			s.exam = today.AddDate(0, 0, 28)
		case !s.exam.IsZero():
			s.exam = s.exam.AddDate(0, 0, 7*step)
			if !s.exam.After(today) {
				s.exam = time.Time{}
			}
		}
		if !s.exam.IsZero() { // else no exam date: ""
			v = s.exam.Format(time.DateOnly)
		}
		s.build()
		return s.save(func(ctx context.Context) error { return c.Progress.SetSetting(ctx, progress.SettingExamDate, v) })
	default:
		return nil
	}
	s.build()
	return tea.Batch(s.save(func(ctx context.Context) error { return c.Progress.SetSetting(ctx, k, v) }),
		func() tea.Msg { return notify })
}

// save runs write in the background and says "Saved." once it has, or
// what went wrong.
func (s *settings) save(write func(context.Context) error) tea.Cmd {
	c := s.c
	return func() tea.Msg {
		if err := write(c.Ctx); err != nil {
			return common.ErrMsg{Err: err}
		}
		return common.StatusMsg{Text: c.T("settings.saved")}
	}
}

func (s *settings) examNote() string {
	if s.exam.IsZero() {
		return s.c.T("settings.exam.none")
	}
	return s.exam.Format(time.DateOnly)
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
	return []key.Binding{k.Up, k.Down, k.Change}
}

func (s *settings) FullHelp() [][]key.Binding {
	k := s.c.Keys
	return [][]key.Binding{{k.Up, k.Down, k.Left, k.Right, k.Open}}
}
