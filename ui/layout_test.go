package ui

import (
	"context"
	"fmt"
	"strings"
	"testing"

	tea "charm.land/bubbletea/v2"

	"github.com/saa-study/saa-study/content"
	"github.com/saa-study/saa-study/ui/common"
	"github.com/saa-study/saa-study/ui/internal/layoutcheck"
)

// layoutSizes are the windows every screen must fit: the smallest it
// supports, the common ones, and a very wide one.
var layoutSizes = [][2]int{{40, 12}, {80, 24}, {100, 30}, {250, 60}}

// layoutCase is a screen reached from home by a target and a few keys.
type layoutCase struct {
	name   string
	target string   // "" is home itself
	keys   []string // pressed after it opens
}

func layoutCases(lib *content.Library) []layoutCase {
	cases := []layoutCase{
		{name: "home"},
		{name: "notes", target: "notes"},
		{name: "study list", target: "study"},
		{name: "review", target: "review"},
		{name: "exam menu", target: "exam"},
		{name: "exam", target: "exam", keys: []string{"down", "enter"}},
		{name: "simulators", target: "sim"},
		{name: "stats", target: "stats"},
		{name: "stats optimizer, too few reviews", target: "stats", keys: []string{"o"}},
		{name: "settings", target: "settings"},
	}
	for _, id := range []string{"lambda", "apigateway", "edge", "rdsproxy", "dynamodb", "sfn"} {
		cases = append(cases, layoutCase{name: "sim " + id, target: "sim:" + id})
	}
	for _, n := range lib.Notes(content.EN) {
		cases = append(cases,
			layoutCase{name: "note " + n.ID, target: "note:" + n.ID},
			layoutCase{name: "study " + n.ID, target: "study:" + n.ID},
			layoutCase{name: "study " + n.ID + " answered", target: "study:" + n.ID, keys: []string{"tab", "a", "enter"}})
	}
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
	checked := 0
	defer func() { t.Logf("%d screens checked", checked) }()
	for _, lang := range content.Langs {
		for _, sz := range layoutSizes {
			if testing.Short() && sz[0] != 80 {
				continue
			}
			// One program per size and language, as a learner would go from
			// screen to screen; each case starts again from home.
			a := New(Options{Ctx: context.Background(), Lib: lib, Progress: testProgress(t), Lang: lang, Theme: "dark", Now: fixedClock})
			drive(a, tea.WindowSizeMsg{Width: sz[0], Height: sz[1]})
			for _, lc := range layoutCases(lib) {
				a.stack = a.stack[:1]
				a.c.Lang = lang
				name := fmt.Sprintf("%s/%dx%d/%s", lang, sz[0], sz[1], lc.name)
				if lc.target != "" {
					drive(a, common.OpenMsg{Target: lc.target})
				}
				for _, k := range lc.keys {
					drive(a, press(k))
				}
				s := a.top()
				if lc.target != "" && len(a.stack) < 2 {
					t.Errorf("%s: nothing opened", name)
					continue
				}
				checked++
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
		}
	}
}
