package ui

import (
	"bytes"
	"context"
	"strings"
	"testing"
	"time"

	"charm.land/bubbles/v2/key"
	tea "charm.land/bubbletea/v2"
	"github.com/charmbracelet/colorprofile"
	"github.com/charmbracelet/x/ansi"
	"github.com/charmbracelet/x/exp/teatest/v2"

	"github.com/saa-study/saa-study/content"
	"github.com/saa-study/saa-study/ui/common"
	"github.com/saa-study/saa-study/ui/internal/uitest"
	"github.com/saa-study/saa-study/ui/pages/home"
	"github.com/saa-study/saa-study/ui/pages/settings"
	"github.com/saa-study/saa-study/ui/text"
)

func press(s string) tea.KeyPressMsg { return uitest.Press(s) }

func waitFor(t *testing.T, tm *teatest.TestModel, want string) {
	t.Helper()
	teatest.WaitFor(t, tm.Output(), func(b []byte) bool {
		return bytes.Contains(b, []byte(want))
	}, teatest.WithDuration(20*time.Second), teatest.WithCheckInterval(10*time.Millisecond))
}

// TestNotesFlow is the path a newcomer takes: home → Notes → open a note →
// scroll → back → quit.
func TestNotesFlow(t *testing.T) {
	st := testProgress(t)
	app := New(Options{Ctx: context.Background(), Lib: testLibrary(t), Progress: st, Lang: content.EN, Theme: "dark", Now: fixedClock})
	tm := teatest.NewTestModel(t, probed{app}, teatest.WithInitialTermSize(80, 24),
		teatest.WithProgramOptions(tea.WithColorProfile(colorprofile.Ascii)))

	waitView(t, tm, "Simulators")
	tm.Send(press("enter")) // Notes is the first entry
	waitView(t, tm, "Second note")
	tm.Send(press("enter"))
	waitView(t, tm, "paragraph 1.0: 900 s")
	for i := 0; i < 4; i++ {
		tm.Send(press("pgdown"))
	}
	waitView(t, tm, "Final words of the note")
	tm.Send(press("esc"))
	waitView(t, tm, "not started")
	tm.Send(press("q"))
	tm.WaitFinished(t, teatest.WithFinalTimeout(20*time.Second))

	final := tm.FinalModel(t).(probed).App
	view := ansi.Strip(final.View().Content)
	if !strings.Contains(view, "Lambda limits") || !strings.Contains(view, "Second note") {
		t.Fatalf("after esc the note list should show again:\n%s", view)
	}
	pos, err := st.NotePosition(context.Background(), "en", "limits")
	// The clock stood still: the pages went by, but nothing was read.
	if err != nil || pos.Line == 0 || pos.ReadPct != 0 {
		t.Fatalf("saved position = %+v, %v; want a scrolled line and 0%% read", pos, err)
	}
}

// TestEveryHomeEntryOpensAndGoesBack checks that no entry is a dead end.
func TestEveryHomeEntryOpensAndGoesBack(t *testing.T) {
	a := New(Options{Ctx: context.Background(), Lib: testLibrary(t), Progress: testProgress(t), Lang: content.EN, Theme: "dark"})
	drive(a, tea.WindowSizeMsg{Width: 80, Height: 24})
	for i, id := range home.Entries() {
		if i > 0 {
			drive(a, press("down"))
		}
		drive(a, press("enter"))
		if len(a.stack) != 2 {
			t.Fatalf("%s: enter did not open a screen", id)
		}
		title := ansi.Strip(strings.SplitN(a.View().Content, "\n", 2)[0])
		if !strings.Contains(title, text.T(content.EN, "home."+id)) {
			t.Errorf("%s: header %q does not name the screen", id, title)
		}
		drive(a, press("esc"))
		if len(a.stack) != 1 {
			t.Fatalf("%s: esc did not go back home", id)
		}
	}
	if !drive(a, press("q")) {
		t.Fatal("q did not quit from home")
	}
}

func TestSettingsChangeLanguageAndPersist(t *testing.T) {
	st := testProgress(t)
	a := New(Options{Ctx: context.Background(), Lib: testLibrary(t), Progress: st, Lang: content.EN, Theme: "dark", Start: "settings"})
	drive(a, tea.WindowSizeMsg{Width: 80, Height: 24})
	drive(a, press("enter")) // language: en → ko
	if a.c.Lang != content.KO {
		t.Fatalf("lang = %s after changing it", a.c.Lang)
	}
	if v, _, _ := st.Setting(context.Background(), settings.KeyLang); v != "ko" {
		t.Fatalf("saved lang = %q", v)
	}
	drive(a, press("esc"))
	if view := ansi.Strip(a.View().Content); !strings.Contains(view, "노트") {
		t.Fatalf("home is not in Korean after the change:\n%s", view)
	}
}

// TestNoLineWiderThanTheWindow renders each screen at small, normal and
// very wide sizes, in both languages, with a note open.
func TestNoLineWiderThanTheWindow(t *testing.T) {
	lib := testLibrary(t)
	for _, lang := range content.Langs {
		for _, sz := range [][2]int{{40, 12}, {80, 24}, {250, 60}, {20, 5}} {
			a := New(Options{Ctx: context.Background(), Lib: lib, Progress: testProgress(t), Lang: lang, Theme: "light"})
			drive(a, tea.WindowSizeMsg{Width: sz[0], Height: sz[1]})
			check := func(where string) {
				lines := strings.Split(a.View().Content, "\n")
				if len(lines) > sz[1] {
					t.Errorf("%s %dx%d %s: %d lines", lang, sz[0], sz[1], where, len(lines))
				}
				for _, l := range lines {
					if w := text.Width(l); w > sz[0] {
						t.Errorf("%s %dx%d %s: line of %d cells: %q", lang, sz[0], sz[1], where, w, ansi.Strip(l))
					}
				}
			}
			check("home")
			drive(a, press("enter"))
			check("notes")
			drive(a, press("enter"))
			check("reader")
			drive(a, tea.WindowSizeMsg{Width: sz[0] / 2, Height: sz[1]})
			sz[0] /= 2
			check("reader after resize")
		}
	}
}

// closing is a screen holding something that outlives the program's
// screen (as a running class does): it counts its Close calls.
type closing struct{ closed int }

func (c *closing) Init() tea.Cmd                           { return nil }
func (c *closing) Update(tea.Msg) (common.Screen, tea.Cmd) { return c, nil }
func (c *closing) View() string                            { return "running" }
func (c *closing) Title() string                           { return "running" }
func (c *closing) ShortHelp() []key.Binding                { return nil }
func (c *closing) FullHelp() [][]key.Binding               { return nil }
func (c *closing) Close()                                  { c.closed++ }
func (c *closing) Capturing() bool                         { return true }

// TestQuittingClosesScreens: ctrl+c quits even while a screen takes every
// key, and first closes the screens that run something for others (a
// class: its students get their final board, not a dropped connection).
func TestQuittingClosesScreens(t *testing.T) {
	a := New(Options{Ctx: context.Background(), Lib: testLibrary(t), Progress: testProgress(t), Lang: content.EN, Theme: "dark"})
	run := &closing{}
	a.Update(common.PushMsg{Screen: run})
	_, cmd := a.Update(press("q"))
	if run.closed != 0 || (cmd != nil && isQuit(cmd())) {
		t.Fatal("q belongs to a screen that takes every key: it must neither quit nor close")
	}
	_, cmd = a.Update(press("ctrl+c"))
	if cmd == nil || !isQuit(cmd()) {
		t.Fatal("ctrl+c must quit")
	}
	if run.closed != 1 {
		t.Fatalf("ctrl+c closed the running screen %d times, want once before quitting", run.closed)
	}
	a.Close() // what the command running the program does once it ends
	if run.closed != 2 {
		t.Fatalf("App.Close closed the running screen %d times in all, want 2", run.closed)
	}
}

func isQuit(msg tea.Msg) bool { _, ok := msg.(tea.QuitMsg); return ok }
