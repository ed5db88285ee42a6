package ui

import (
	"context"
	"encoding/json"
	"fmt"
	"strings"
	"sync"
	"sync/atomic"
	"testing"

	tea "charm.land/bubbletea/v2"

	"github.com/charmbracelet/x/ansi"

	"github.com/saa-study/saa-study/content"
	"github.com/saa-study/saa-study/quiz"
	"github.com/saa-study/saa-study/ui/common"
	"github.com/saa-study/saa-study/ui/internal/fixture"
	"github.com/saa-study/saa-study/ui/internal/layoutcheck"
	"github.com/saa-study/saa-study/ui/pages/study"
	"github.com/saa-study/saa-study/ui/render"
)

// layoutSizes are the windows every screen must fit: the smallest it
// supports, the common ones, and a very wide one.
var layoutSizes = [][2]int{{40, 12}, {80, 24}, {100, 30}, {250, 60}}

// layoutCase is a screen reached from home by a target and a few keys.
type layoutCase struct {
	name   string
	target string   // "" is home itself
	keys   []string // pressed after it opens
	setup  func(t *testing.T, a *App)
}

// reach goes back to home, then to the case's screen.
func (lc layoutCase) reach(t *testing.T, a *App) {
	a.stack = a.stack[:1]
	if lc.setup != nil {
		lc.setup(t, a)
	}
	if lc.target != "" {
		drive(a, common.OpenMsg{Target: lc.target})
	}
	for _, k := range lc.keys {
		drive(a, press(k))
	}
}

func layoutCases(lib *content.Library) []layoutCase {
	cases := []layoutCase{
		{name: "home"},
		{name: "notes", target: "notes"},
		{name: "study list", target: "study"},
		{name: "review", target: "review"},
		{name: "review of one topic", target: "review:lambda"},
		{name: "decks", target: "decks"},
		{name: "decks, typing a package to import", target: "decks", keys: []string{"i", "d", "e", "c", "k", ".", "a", "p", "k", "g"}},
		{name: "decks, exporting a deck", target: "decks", keys: []string{"x"}},
		{name: "exam menu", target: "exam"},
		{name: "exam", target: "exam", keys: []string{"down", "enter"}},
		{name: "simulators", target: "sim"},
		{name: "stats", target: "stats"},
		{name: "stats optimizer, too few reviews", target: "stats", keys: []string{"o"}},
		{name: "settings", target: "settings"},
		{name: "classroom setup", target: "classroom"},
		{name: "classroom, typing a quiz file", target: "classroom", keys: []string{"down", "enter"}},
		{name: "new card from a note", target: "note:lambda", keys: []string{"+"}},
		{name: "facts a note cites", target: "note:lambda", keys: []string{"i", "pgdown"}},
		{name: "dynamodb facts panel", target: "sim:dynamodb", keys: []string{"tab", "tab", "tab", "tab", "tab"}},
	}
	for _, id := range []string{"lambda", "apigateway", "edge", "rdsproxy", "dynamodb", "sfn", "sns"} {
		cases = append(cases, layoutCase{name: "sim " + id, target: "sim:" + id})
	}
	cases = append(cases, layoutCase{name: "labs", target: "lab"})
	for _, l := range lib.Labs(content.EN) {
		cases = append(cases,
			layoutCase{name: "lab " + l.ID, target: "lab:" + l.ID},
			layoutCase{name: "lab " + l.ID + " typing a bad value", target: "lab:" + l.ID, keys: []string{"enter", "x", "enter"}},
			layoutCase{name: "lab " + l.ID + " given up", target: "lab:" + l.ID, keys: []string{"x"}},
			layoutCase{name: "lab " + l.ID + " run", target: "lab:" + l.ID, keys: []string{"r"}})
	}
	cases = append(cases, layoutCase{name: "lab facts cited", target: "lab:lambda-reserved-throttle", keys: []string{"r", "i"}},
		layoutCase{name: "lab given up, back at the form", target: "lab:sfn-retry-attempts", keys: []string{"r", "x", "esc"}},
		// A text setting: its policy whole on the form, on a line of its
		// own while edited, and SNS's refusal of a broken one.
		layoutCase{name: "lab sns policy being edited", target: "lab:sns-fraud-filter", keys: []string{"enter"}},
		layoutCase{name: "lab sns policy refused", target: "lab:sns-fraud-filter", keys: []string{"enter", "x", "enter", "r"}},
		layoutCase{name: "lab sns run, back at the form", target: "lab:sns-fraud-filter", keys: []string{"r", "esc"}})
	for _, n := range lib.Notes(content.EN) {
		cases = append(cases,
			layoutCase{name: "note " + n.ID, target: "note:" + n.ID},
			layoutCase{name: "study " + n.ID, target: "study:" + n.ID},
			layoutCase{name: "study " + n.ID + " answered", target: "study:" + n.ID, keys: []string{"tab", "a", "enter"}})
	}
	// Last, as it leaves an unfinished exam behind: New exam asks first.
	cases = append(cases, layoutCase{name: "exam resume or new", target: "exam", keys: []string{"down", "enter"},
		setup: func(t *testing.T, a *App) {
			ex, err := quiz.NewExam(lib.Questions(a.c.Lang), quiz.ExamConfig{Questions: 5, Seed: 1}, fixedClock())
			if err != nil {
				t.Fatal(err)
			}
			state, _ := json.Marshal(ex.State(fixedClock()))
			if _, err := a.c.Progress.StartExam(context.Background(), string(a.c.Lang), state); err != nil {
				t.Fatal(err)
			}
		}})
	return cases
}

// TestEveryScreenFitsItsArea checks each screen's own View — not the
// App's, which cuts every line to the window and so would hide a screen
// that draws past it — at every supported size, in both languages, with
// the built-in content: no line wider than the area, no more lines than
// it has, no sentence cut short with "…".
func TestEveryScreenFitsItsArea(t *testing.T) {
	lib, err := content.Embedded()
	if err != nil {
		t.Fatal(err)
	}
	var checked atomic.Int64
	defer func() { t.Logf("%d screens checked", checked.Load()) }()
	var wg sync.WaitGroup
	for _, lang := range content.Langs {
		for _, sz := range layoutSizes {
			if testing.Short() && sz[0] != 80 {
				continue
			}
			// One program per size and language, as a learner would go from
			// screen to screen; each case starts again from home. The
			// programs run side by side, all at once (t.Parallel would run
			// only GOMAXPROCS of them): most of a case's time is a text
			// field's cursor-blink timer, not work. Only t.Errorf is called
			// from them.
			wg.Add(1)
			go func() {
				defer wg.Done()
				a := New(Options{Ctx: context.Background(), Lib: lib, Progress: testProgress(t), Lang: lang, Theme: "dark", Now: fixedClock})
				drive(a, tea.WindowSizeMsg{Width: sz[0], Height: sz[1]})
				for _, lc := range layoutCases(lib) {
					a.c.Lang = lang
					name := fmt.Sprintf("%s/%dx%d/%s", lang, sz[0], sz[1], lc.name)
					lc.reach(t, a)
					s := a.top()
					if lc.target != "" && len(a.stack) < 2 {
						t.Errorf("%s: nothing opened", name)
						continue
					}
					checked.Add(1)
					if ps := layoutcheck.Check(s.View(), a.c.Width, a.c.Height); len(ps) > 0 {
						var b strings.Builder
						for _, p := range ps[:min(len(ps), 4)] {
							b.WriteString("\n\t" + p.String())
						}
						if len(ps) > 4 {
							fmt.Fprintf(&b, "\n\t… and %d more", len(ps)-4)
						}
						t.Errorf("%s (%T, area %dx%d):%s", name, s, a.c.Width, a.c.Height, b.String())
					}
				}
			}()
		}
	}
	wg.Wait()
}

// TestStudyPanesWrapAt100To115Columns: between 100 and 115 columns, where
// Study first splits its window, every line of both panes fits, and no
// sentence of the question or of a wrong answer's feedback is cut with
// "…" — in both languages, for every note.
func TestStudyPanesWrapAt100To115Columns(t *testing.T) {
	lib, err := content.Embedded()
	if err != nil {
		t.Fatal(err)
	}
	for _, lang := range content.Langs {
		for _, w := range []int{100, 105, 110, 115} {
			a := New(Options{Ctx: context.Background(), Lib: lib, Progress: testProgress(t), Lang: lang, Theme: "dark", Now: fixedClock})
			drive(a, tea.WindowSizeMsg{Width: w, Height: 30})
			for _, n := range lib.Notes(lang) {
				a.stack = a.stack[:1]
				a.c.Lang = lang
				drive(a, common.OpenMsg{Target: "study:" + n.ID})
				s, ok := a.top().(*study.Study)
				if !ok {
					t.Fatalf("study:%s opened %T", n.ID, a.top())
				}
				check := func(state string) {
					if ps := layoutcheck.Check(s.View(), a.c.Width, a.c.Height); len(ps) > 0 {
						var b strings.Builder
						for _, p := range ps[:min(len(ps), 4)] {
							b.WriteString("\n\t" + p.String())
						}
						t.Errorf("%s/%d/%s %s:%s", lang, w, n.ID, state, b.String())
					}
				}
				check("question")
				p := s.Presented()
				if p.Question == nil {
					continue
				}
				drive(a, press("tab"))
				drive(a, press("tab"))
				for _, l := range fixture.WrongLetters(p) {
					drive(a, press(l))
				}
				drive(a, press("enter"))
				check("wrong answer")
				for range 6 {
					drive(a, press("J"))
					check("wrong answer, scrolled")
				}
			}
		}
	}
}

// TestStudyNoteShowsDiagramsWhole: beside the questions, from 100 to 115
// columns, the note pane is wide enough for every line of every diagram in
// the note to show whole — none wrapped, none cut — in both languages.
func TestStudyNoteShowsDiagramsWhole(t *testing.T) {
	lib, err := content.Embedded()
	if err != nil {
		t.Fatal(err)
	}
	for _, lang := range content.Langs {
		for _, w := range []int{100, 105, 110, 115} {
			a := New(Options{Ctx: context.Background(), Lib: lib, Progress: testProgress(t), Lang: lang, Theme: "dark", Now: fixedClock})
			drive(a, tea.WindowSizeMsg{Width: w, Height: 30})
			for _, n := range lib.Notes(lang) {
				a.stack = a.stack[:1]
				drive(a, common.OpenMsg{Target: "study:" + n.ID})
				s := a.top().(*study.Study)
				out, err := render.RenderNote(lib, n, s.NoteWidth(), "dark")
				if err != nil {
					t.Fatal(err)
				}
				shown := ansi.Strip(out)
				fence := false
				for _, l := range strings.Split(n.Body, "\n") {
					if strings.HasPrefix(strings.TrimSpace(l), "```") {
						fence = !fence
						continue
					}
					if d := strings.TrimSpace(l); fence && d != "" && !strings.Contains(shown, d) {
						t.Errorf("%s/%d/%s: note pane %d wide; the diagram line %q is wrapped or cut", lang, w, n.ID, s.NoteWidth(), d)
						break
					}
				}
			}
		}
	}
}
