package settings

import (
	"context"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/charmbracelet/x/ansi"

	"github.com/saa-study/saa-study/content"
	"github.com/saa-study/saa-study/progress"
	"github.com/saa-study/saa-study/ui/common"
	"github.com/saa-study/saa-study/ui/internal/uitest"
)

// openSettings is the Settings screen at 80×24 on a new progress file.
func openSettings(t *testing.T) (*progress.Progress, *common.Common, common.Screen) {
	t.Helper()
	p, err := progress.Open(filepath.Join(t.TempDir(), "progress.db"), nil, progress.Options{Loc: time.UTC})
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { p.Close() })
	c := uitest.Common(nil, p, content.EN, 80, 24)
	return p, c, New(c)
}

// TestThemeCyclesSavesAndNotifies: → and ← step through the themes; each
// step is saved at once and tells every screen to redraw.
func TestThemeCyclesSavesAndNotifies(t *testing.T) {
	p, c, s := openSettings(t)
	s.Update(uitest.Press("down")) // Theme
	for _, step := range []struct {
		key, theme string
		dark       bool
	}{
		{"l", "light", false}, // → from dark
		{"l", "auto", false},  // auto keeps the last known background
		{"h", "light", false}, // ←
		{"h", "dark", true},
	} {
		_, cmd := s.Update(uitest.Press(step.key))
		msgs := uitest.Run(cmd)
		if c.Theme != step.theme || c.IsDark != step.dark {
			t.Fatalf("%s: theme %q dark %v, want %q %v", step.key, c.Theme, c.IsDark, step.theme, step.dark)
		}
		var saved, told bool
		for _, m := range msgs {
			switch m := m.(type) {
			case common.StatusMsg:
				saved = m.Text == c.T("settings.saved")
			case common.ThemeChangedMsg:
				told = true
			case common.ErrMsg:
				t.Fatal(m.Err)
			}
		}
		if !saved || !told {
			t.Fatalf("%s: saved %v, redraw asked %v (%v)", step.key, saved, told, msgs)
		}
		if v, _, _ := p.Setting(context.Background(), KeyTheme); v != step.theme {
			t.Fatalf("%s: saved theme %q, want %q", step.key, v, step.theme)
		}
		if v := s.View(); !strings.Contains(v, c.T("theme."+step.theme)) {
			t.Fatalf("%s: the screen does not show the theme:\n%s", step.key, v)
		}
	}
}

// TestRetentionAndExamDateAreSavedAndUsed: ←/→ on Desired retention moves
// it by a point within 70–97% and the scheduler aims at it; the exam date
// moves by weeks and goes back to none before today.
func TestRetentionAndExamDateAreSavedAndUsed(t *testing.T) {
	p, err := progress.Open(filepath.Join(t.TempDir(), "progress.db"), nil,
		progress.Options{Loc: time.UTC, Now: func() time.Time { return time.Date(2026, 11, 27, 9, 0, 0, 0, time.UTC) }})
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { p.Close() })
	c := uitest.Common(nil, p, content.EN, 80, 24)
	c.Now = p.Now
	s := New(c)
	s.Update(uitest.Press("down"))
	s.Update(uitest.Press("down")) // Desired retention
	for range 3 {
		_, cmd := s.Update(uitest.Press("h"))
		uitest.Run(cmd)
	}
	sc, _ := p.Scheduling(context.Background())
	if sc.Limits.DesiredRetention != 0.87 || !strings.Contains(s.View(), "87%") {
		t.Fatalf("after 3×←: %v\n%s", sc.Limits.DesiredRetention, s.View())
	}
	for range 20 {
		_, cmd := s.Update(uitest.Press("l"))
		uitest.Run(cmd)
	}
	if sc, _ := p.Scheduling(context.Background()); sc.Limits.DesiredRetention != 0.97 {
		t.Fatalf("→ past the top: %v", sc.Limits.DesiredRetention)
	}
	s.Update(uitest.Press("G")) // Exam date, the last
	_, cmd := s.Update(uitest.Press("l"))
	uitest.Run(cmd)
	if d, _ := p.ExamDate(context.Background()); d.Format(time.DateOnly) != "2026-12-25" {
		t.Fatalf("exam date %v, want four weeks ahead", d)
	}
	for range 4 {
		_, cmd := s.Update(uitest.Press("h"))
		uitest.Run(cmd)
	}
	if d, _ := p.ExamDate(context.Background()); !d.IsZero() || !strings.Contains(s.View(), "none") {
		t.Fatalf("exam date after 4×←: %v", d)
	}
}

// TestDailyLimitsAndDayStartAreSavedAndUsed: ←/→ on the daily limits move
// them by 5 new items and 50 reviews, never below 0; the hour a day starts
// goes round the clock. Each change is saved at once, and the next review
// session follows it.
func TestDailyLimitsAndDayStartAreSavedAndUsed(t *testing.T) {
	p, c, s := openSettings(t)
	move := func(keys ...string) {
		for _, k := range keys {
			_, cmd := s.Update(uitest.Press(k))
			for _, m := range uitest.Run(cmd) {
				if e, ok := m.(common.ErrMsg); ok {
					t.Fatal(e.Err)
				}
			}
		}
	}
	move("down", "down", "down") // New items a day
	move("l", "l")
	move("down") // Reviews a day
	move("h", "h", "h", "h", "h")
	move("down") // A new day starts at
	move("h", "h", "h", "h", "h")
	sc, err := p.Scheduling(context.Background())
	if err != nil {
		t.Fatal(err)
	}
	if l := sc.Limits; l.NewPerDay != 30 || l.ReviewsPerDay != 0 || l.DayHour != 23 {
		t.Fatalf("saved %d new, %d reviews, day at %d; want 30, 0 (not below), 23 (round the clock)", l.NewPerDay, l.ReviewsPerDay, l.DayHour)
	}
	if sc.Policy.NewPerDay != 30 || sc.Day.Hour != 23 {
		t.Fatalf("the scheduler uses %d new a day and days at %d", sc.Policy.NewPerDay, sc.Day.Hour)
	}
	v := ansi.Strip(s.View())
	for _, want := range []string{c.T("settings.new"), "30", c.T("settings.dayhour"), "23:00"} {
		if !strings.Contains(v, want) {
			t.Errorf("the screen lacks %q:\n%s", want, v)
		}
	}
}

// TestListKeysMoveLikeEveryOtherList: G goes to the last setting and g to
// the first, as in every other list, so G then enter changes the exam
// date, not the language.
func TestListKeysMoveLikeEveryOtherList(t *testing.T) {
	_, c, s := openSettings(t)
	selected := func() string {
		for _, l := range strings.Split(s.View(), "\n") {
			if strings.Contains(l, "▸") {
				return l
			}
		}
		return ""
	}
	s.Update(uitest.Press("G"))
	if l := selected(); !strings.Contains(l, c.T("settings.exam")) {
		t.Fatalf("G selected %q, want the exam date, the last setting", l)
	}
	s.Update(uitest.Press("g"))
	if l := selected(); !strings.Contains(l, c.T("settings.lang")) {
		t.Fatalf("g selected %q, want the language, the first setting", l)
	}
}

// TestNarrowWindowKeepsEveryTitleWhole: at 40 columns a value too long to
// stand beside the titles ("auto (follow the terminal)") goes under its
// own, and no title is cut to make room, in both languages.
func TestNarrowWindowKeepsEveryTitleWhole(t *testing.T) {
	for _, lang := range content.Langs {
		_, c, s := openSettings(t)
		c.Lang, c.Width, c.Theme = lang, 40, "auto"
		s.(*settings).build()
		v := ansi.Strip(s.View())
		for _, k := range []string{"settings.lang", "settings.theme", "settings.retention", "settings.exam", "theme.auto"} {
			if !strings.Contains(v, c.T(k)) {
				t.Errorf("%s: %q is not whole at 40 columns:\n%s", lang, c.T(k), v)
			}
		}
		if strings.Contains(v, "…") {
			t.Errorf("%s: a line is cut at 40 columns:\n%s", lang, v)
		}
	}
}
