package sim

import (
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/saa-study/saa-study/content"
	"github.com/saa-study/saa-study/progress"
	"github.com/saa-study/saa-study/ui/internal/fixture"
	"github.com/saa-study/saa-study/ui/internal/uitest"
)

// TestScenarioLoadsItsSettingsIntoTheForm: running a scenario puts its setup
// in the form, so that the learner can change one thing and run again.
func TestScenarioLoadsItsSettingsIntoTheForm(t *testing.T) {
	h := uitest.NewHarness(t, newConsole(uitest.Common(fixture.Library(t), nil, content.EN, 100, 40), lambdaEngine()))
	want := lambdaSettings("reserved-throttle")
	if !strings.Contains(want, "reserved=") || strings.Contains(want, "reserved=none") {
		t.Fatalf("the scenario's settings: %q", want)
	}
	var reserved string
	for _, kv := range strings.Fields(want) {
		if v, ok := strings.CutPrefix(kv, "reserved="); ok {
			reserved = v
		}
	}
	for i := 0; !strings.Contains(selected(h.View()), "reserved-throttle"); i++ {
		if i > 40 {
			t.Fatalf("no reserved-throttle scenario:\n%s", h.View())
		}
		h.Keys("down")
	}
	h.Keys("enter") // runs the scenario
	h.Keys("esc")   // back to the form
	v := h.View()
	if !strings.Contains(v, "Reserved concurrency       ◂ "+reserved+" ▸") {
		t.Fatalf("the form does not show the scenario's reserved concurrency %s:\n%s", reserved, v)
	}
}

func selected(view string) string {
	for _, l := range strings.Split(view, "\n") {
		if strings.HasPrefix(l, "▸") {
			return l
		}
	}
	return ""
}

// TestFormIsKeptForTheNextVisit: leaving a console keeps its form in the
// progress file, and the next console of the engine starts from it.
func TestFormIsKeptForTheNextVisit(t *testing.T) {
	lib := fixture.Library(t)
	p, err := progress.Open(filepath.Join(t.TempDir(), "progress.db"), lib, progress.Options{Loc: time.UTC})
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { p.Close() })
	c := uitest.Common(lib, p, content.EN, 100, 40)
	h := uitest.NewHarness(t, newConsole(c, lambdaEngine()))
	h.Keys("right") // memory 1024 → 1536
	if !strings.Contains(h.View(), "◂ 1536 ▸") {
		t.Fatalf("memory did not change:\n%s", h.View())
	}
	h.Keys("esc")
	again := uitest.NewHarness(t, newConsole(c, lambdaEngine()))
	if v := again.View(); !strings.Contains(v, "Memory (MB)                ◂ 1536 ▸") {
		t.Fatalf("the next visit starts from the defaults:\n%s", v)
	}
	other := uitest.NewHarness(t, newConsole(c, apigatewayEngine()))
	if strings.Contains(other.View(), "1536") {
		t.Fatalf("another engine took the Lambda form:\n%s", other.View())
	}
}

// TestEveryFormEngineLoadsAScenarioAndKeepsIt: for each form engine, a
// scenario whose setup differs from the form's defaults loads into the
// form when it runs, and the next visit to the engine starts from it.
func TestEveryFormEngineLoadsAScenarioAndKeepsIt(t *testing.T) {
	lib := fixture.Library(t)
	p, err := progress.Open(filepath.Join(t.TempDir(), "progress.db"), lib, progress.Options{Loc: time.UTC})
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { p.Close() })
	c := uitest.Common(lib, p, content.EN, 100, 60)
	for _, mk := range []func() engine{lambdaEngine, apigatewayEngine, edgeEngine, rdsproxyEngine} {
		eng := mk()
		t.Run(eng.id, func(t *testing.T) {
			if eng.settings == nil {
				t.Fatalf("%s: running a scenario does not load the form", eng.id)
			}
			list, err := eng.scenarios()
			if err != nil {
				t.Fatal(err)
			}
			defaults := eng.fields().encode()
			var id, want string
			for _, sc := range list {
				fs := eng.fields()
				fs.apply(eng.settings(sc.id))
				if got := fs.encode(); got != defaults {
					id, want = sc.id, got
					break
				}
			}
			if id == "" {
				t.Fatalf("no %s scenario differs from the form's defaults", eng.id)
			}
			h := uitest.NewHarness(t, newConsole(c, eng))
			for i := 0; !strings.Contains(selected(h.View()), "◆ "+id); i++ {
				if i > 60 {
					t.Fatalf("no scenario %s in the menu:\n%s", id, h.View())
				}
				h.Keys("down")
			}
			h.Keys("enter", "esc") // run it, back to the form
			if got := h.Top().(*console).fields.encode(); got != want {
				t.Fatalf("after %s the form is\n%s\nwant\n%s", id, got, want)
			}
			h.Keys("esc") // leave: the form is kept
			again := uitest.NewHarness(t, newConsole(c, mk()))
			if got := again.Top().(*console).fields.encode(); got != want {
				t.Fatalf("the next visit starts from\n%s\nwant\n%s", got, want)
			}
		})
	}
}
