package sim

import (
	"regexp"
	"slices"
	"strings"
	"testing"

	tea "charm.land/bubbletea/v2"
	"github.com/charmbracelet/x/ansi"

	"github.com/saa-study/saa-study/content"
	"github.com/saa-study/saa-study/ui/internal/fixture"
	"github.com/saa-study/saa-study/ui/internal/uitest"
	"github.com/saa-study/saa-study/ui/text"
)

func engines() []engine {
	return []engine{lambdaEngine(), apigatewayEngine(), edgeEngine(), rdsproxyEngine(), snsEngine()}
}

func plainT(k string) string { return text.T(content.EN, k) }

var factID = regexp.MustCompile(`\[([a-z][a-z0-9_]*(?:\.[a-z0-9_]+)+)\]`)

// keyMsg covers the keys uitest.Press does not.
func keyMsg(k string) tea.KeyPressMsg {
	switch k {
	case "right":
		return tea.KeyPressMsg{Code: tea.KeyRight}
	case "left":
		return tea.KeyPressMsg{Code: tea.KeyLeft}
	}
	return uitest.Press(k)
}

// bodies are the rooms the App leaves a screen in 40×12, 80×24, 200×50
// and 24×6 windows (header, blank, status and help; header and help only
// under 8 rows).
var bodies = [][2]int{{40, 8}, {80, 20}, {200, 46}, {24, 4}}

// TestSimMenuOpensEachConsole: enter on each entry of the Simulators menu
// asks the App for that engine's console, by its target.
func TestSimMenuOpensEachConsole(t *testing.T) {
	for i, id := range Entries {
		h := uitest.NewHarness(t, NewMenu(uitest.Common(fixture.Library(t), nil, content.EN, 80, 20)))
		for range i {
			h.Keys("down")
		}
		h.Keys("enter")
		if want := []string{"sim:" + id}; !slices.Equal(h.Opened, want) {
			t.Errorf("entry %d opened %v, want %v", i, h.Opened, want)
		}
		if len(h.Stack) != 1 {
			t.Errorf("the menu must not push a console itself (stack of %d)", len(h.Stack))
		}
	}
}

// TestSimConsoleFlows opens each console, runs its first shipped scenario
// and sees the scenario's title and the explanation with its fact id.
func TestSimConsoleFlows(t *testing.T) {
	for _, eng := range engines() {
		t.Run(eng.id, func(t *testing.T) {
			scs, err := eng.scenarios()
			if err != nil || len(scs) == 0 {
				t.Fatalf("scenarios: %v (%d)", err, len(scs))
			}
			want, err := eng.scenario(scs[0].id, plainT)
			if err != nil {
				t.Fatal(err)
			}
			m := factID.FindStringSubmatch(want.runs[0].explain)
			if m == nil {
				t.Fatalf("%s: explanation %q cites no fact id", scs[0].id, want.runs[0].explain)
			}
			h := uitest.NewHarness(t, NewConsole(uitest.Common(fixture.Library(t), nil, content.EN, 80, 20), eng.id))
			if v := h.View(); !strings.Contains(v, scs[0].id) {
				t.Fatalf("the scenario list has not loaded:\n%s", v)
			}
			for range len(eng.fields()) + 1 {
				h.Keys("down")
			}
			h.Keys("enter")
			view := h.View()
			if !strings.Contains(view, want.title) || !strings.Contains(view, "["+m[1]+"]") {
				t.Fatalf("the result should show the scenario title and the explanation:\n%s", view)
			}
		})
	}
}

// TestSimScreensFitTheWindow runs every console (form and first scenario)
// and walks every view and chart at four sizes: no line is wider than the
// room and the screen has no more lines than it.
func TestSimScreensFitTheWindow(t *testing.T) {
	lib := fixture.Library(t)
	for _, sz := range bodies {
		for _, eng := range engines() {
			for _, lang := range content.Langs {
				con := newConsole(uitest.Common(lib, nil, lang, sz[0], sz[1]), eng)
				h := uitest.NewHarness(t, con)
				check := func(where string) {
					t.Helper()
					lines := strings.Split(con.View(), "\n")
					if len(lines) > sz[1] {
						t.Errorf("%s %s %dx%d %s: %d lines", eng.id, lang, sz[0], sz[1], where, len(lines))
					}
					for _, l := range lines {
						if w := text.Width(l); w > sz[0] {
							t.Errorf("%s %s %dx%d %s: line of %d cells: %q", eng.id, lang, sz[0], sz[1], where, w, ansi.Strip(l))
						}
					}
				}
				check("form")
				for _, start := range []string{"r", "scenario"} {
					if start == "r" {
						h.Keys("r")
					} else {
						for range len(eng.fields()) + 1 {
							h.Keys("down")
						}
						h.Keys("enter")
					}
					if con.mode != modeResult {
						t.Fatalf("%s %s: no result", eng.id, start)
					}
					for range con.chartCount() {
						check(start + " chart")
						h.Keys("m")
					}
					for v := range con.views() {
						for _, k := range []string{"tab", "right", "pgdown"} {
							h.Send(keyMsg(k))
							check(start + " view " + con.views()[(v+1)%len(con.views())])
						}
					}
					h.Keys("esc")
					con.menu.Cursor = 0
				}
			}
		}
	}
}

// TestTypingANumberInTheForm: enter on a number field opens a text field
// that takes every key; what is typed becomes the value.
func TestTypingANumberInTheForm(t *testing.T) {
	con := newConsole(uitest.Common(fixture.Library(t), nil, content.EN, 80, 20), lambdaEngine())
	h := uitest.NewHarness(t, con)
	h.Keys("enter") // edit memory
	if !con.Capturing() {
		t.Fatal("enter on a number field should open the text field")
	}
	// Typed without the cursor-blink commands the harness would wait for.
	for range 4 {
		con.Update(tea.KeyPressMsg{Code: tea.KeyBackspace})
	}
	for _, r := range "2048" {
		con.Update(tea.KeyPressMsg{Code: r, Text: string(r)})
	}
	h.Keys("enter")
	if got := con.fields.n("memory"); got != 2048 {
		t.Fatalf("memory = %v after typing 2048", got)
	}
}

// TestSimViewNameStaysInSight: the current view is marked with brackets
// (colour alone is lost under NO_COLOR) and, when the names do not all fit,
// the current one is still shown with its place and the key.
func TestSimViewNameStaysInSight(t *testing.T) {
	for _, w := range []int{40, 80} {
		con := newConsole(uitest.Common(fixture.Library(t), nil, content.EN, w, 8), lambdaEngine())
		h := uitest.NewHarness(t, con)
		h.Keys("r")
		for range con.views() {
			v := h.View()
			want := "[" + con.views()[con.view] + "]"
			if !strings.Contains(v, want) {
				t.Errorf("%d columns: the view %q is not in sight:\n%s", w, want, v)
			}
			h.Keys("tab")
		}
	}
}

// TestTheWhyIsShownWhole: from 80×24 up, a run's explanation — what the run
// teaches, which no other view repeats — is on the result screen whole, for
// every form engine's run and scenario, in both languages: no "…" in it.
func TestTheWhyIsShownWhole(t *testing.T) {
	lib, err := content.Embedded()
	if err != nil {
		t.Fatal(err)
	}
	for _, sz := range [][2]int{{80, 20}, {100, 26}} {
		for _, eng := range engines() {
			for _, lang := range content.Langs {
				con := newConsole(uitest.Common(lib, nil, lang, sz[0], sz[1]), eng)
				h := uitest.NewHarness(t, con)
				h.Keys("r")
				if con.mode != modeResult {
					t.Fatalf("%s: no result", eng.id)
				}
				for _, r := range con.out.runs {
					if r.explain == "" {
						continue
					}
					v := ansi.Strip(con.View())
					tail := strings.Fields(r.explain)
					last := tail[len(tail)-1]
					if strings.Contains(v, "… [") || !strings.Contains(v, last) {
						t.Errorf("%s %s %dx%d: the why is cut:\n%s", eng.id, lang, sz[0], sz[1], v)
					}
					break
				}
			}
		}
	}
}
