package ui

import (
	"context"
	"regexp"
	"slices"
	"strings"
	"testing"
	"time"

	tea "charm.land/bubbletea/v2"
	"github.com/charmbracelet/colorprofile"
	"github.com/charmbracelet/x/ansi"
	"github.com/charmbracelet/x/exp/teatest/v2"

	"github.com/saa-study/saa-study/content"
	"github.com/saa-study/saa-study/ui/common"
	"github.com/saa-study/saa-study/ui/internal/uitest"
	"github.com/saa-study/saa-study/ui/pages/sim"
	"github.com/saa-study/saa-study/ui/text"
)

var factID = regexp.MustCompile(`\[([a-z][a-z0-9_]*(?:\.[a-z0-9_]+)+)\]`)

// TestSimTargets: "sim" opens the menu, "sim:<id>" the console of every
// entry, and an unknown engine nothing.
func TestSimTargets(t *testing.T) {
	c := uitest.Common(testLibrary(t), nil, content.EN, 80, 20)
	if s := screenFor(c, "sim"); s == nil || s.Title() != text.T(content.EN, "home.sim") {
		t.Fatalf("sim opened %v", s)
	}
	for _, id := range sim.Entries {
		s := screenFor(c, "sim:"+id)
		if s == nil || s.Title() != text.T(content.EN, "sim."+id) {
			t.Errorf("sim:%s opened %v", id, s)
		}
	}
	if s := screenFor(c, "sim:nope"); s != nil {
		t.Errorf("sim:nope opened %T, want nothing", s)
	}
}

// firstScenario finds, in a console's form as it first shows, how many
// rows come before the first shipped scenario and that scenario's id.
func firstScenario(t *testing.T, c *common.Common, id string) (int, string) {
	t.Helper()
	h := uitest.NewHarness(t, screenFor(c, "sim:"+id)) // Init loads the scenarios
	lines := strings.Split(h.View(), "\n")
	row := slices.IndexFunc(lines, func(l string) bool { return strings.Contains(l, "◆ ") })
	if row < 0 {
		t.Fatalf("%s: no scenario listed:\n%s", id, h.View())
	}
	_, after, _ := strings.Cut(lines[row], "◆ ")
	return row, strings.Fields(after)[0]
}

// TestSimConsoleFlows opens each console from the Simulators menu, runs its
// first shipped scenario and waits for the explanation with its fact id:
// the App shows the result the console draws in the same room (that the
// result is the scenario's title and explanation is pinned in
// ui/pages/sim).
func TestSimConsoleFlows(t *testing.T) {
	lib := testLibrary(t)
	for i, id := range sim.Entries {
		if id == "dynamodb" || id == "sfn" { // consoles of their own, tested below
			continue
		}
		t.Run(id, func(t *testing.T) {
			row, scenario := firstScenario(t, uitest.Common(lib, nil, content.EN, 80, 200), id)
			h := uitest.NewHarness(t, screenFor(uitest.Common(lib, nil, content.EN, 80, 20), "sim:"+id))
			for range row {
				h.Keys("down")
			}
			h.Keys("enter")
			want := h.View()
			m := factID.FindStringSubmatch(want)
			if m == nil {
				t.Fatalf("%s: the result cites no fact id:\n%s", scenario, want)
			}
			title := strings.TrimSpace(strings.Split(want, "\n")[0])

			app := New(Options{Ctx: context.Background(), Lib: lib, Progress: testProgress(t), Lang: content.EN, Theme: "dark", Start: "sim"})
			tm := teatest.NewTestModel(t, app, teatest.WithInitialTermSize(80, 24),
				teatest.WithProgramOptions(tea.WithColorProfile(colorprofile.Ascii)))
			waitFor(t, tm, "Step Functions")
			for range i {
				tm.Send(press("down"))
			}
			tm.Send(press("enter"))
			waitFor(t, tm, scenario) // the scenario list has loaded
			for range row {
				tm.Send(press("down"))
			}
			tm.Send(press("enter"))
			waitFor(t, tm, m[1]+"]")
			tm.Send(press("q"))
			tm.WaitFinished(t, teatest.WithFinalTimeout(20*time.Second))
			view := ansi.Strip(tm.FinalModel(t).(*App).View().Content)
			if !strings.Contains(view, title) || !strings.Contains(view, "["+m[1]+"]") {
				t.Fatalf("the result should show the scenario title %q and the explanation:\n%s", title, view)
			}
		})
	}
}

// TestTypingANumberInTheForm: in the App, a number typed into the form
// takes q and every other key, and becomes the field's value.
func TestTypingANumberInTheForm(t *testing.T) {
	a := New(Options{Ctx: context.Background(), Lib: testLibrary(t), Lang: content.EN, Theme: "dark", Start: "sim"})
	drive(a, tea.WindowSizeMsg{Width: 80, Height: 24})
	drive(a, press("enter")) // Lambda
	drive(a, press("enter")) // edit memory
	if c, ok := a.top().(common.Capturer); !ok || !c.Capturing() {
		t.Fatal("enter on a number field should open the text field")
	}
	for range 4 {
		a.Update(tea.KeyPressMsg{Code: tea.KeyBackspace})
	}
	typeText(a, "2048")
	if drive(a, press("enter")) {
		t.Fatal("q-less typing must not quit")
	}
	view := ansi.Strip(a.View().Content)
	mem := text.T(content.EN, "simf.memory")
	i := strings.Index(view, mem)
	if i < 0 {
		t.Fatalf("no memory field:\n%s", view)
	}
	if row, _, _ := strings.Cut(view[i:], "\n"); !strings.Contains(row, "◂ 2048 ▸") {
		t.Fatalf("memory shows %q after typing 2048", row)
	}
}

// BenchmarkSimResultView is one redraw of a Lambda result (chart view),
// which happens on every key press.
func BenchmarkSimResultView(b *testing.B) {
	a := New(Options{Ctx: context.Background(), Lang: content.EN, Theme: "dark", Start: "sim"})
	drive(a, tea.WindowSizeMsg{Width: 80, Height: 24})
	drive(a, press("enter"))
	drive(a, press("r"))
	b.ReportAllocs()
	for b.Loop() {
		a.View()
	}
}
