package sim

import (
	"strings"
	"testing"

	"github.com/charmbracelet/x/ansi"

	"github.com/saa-study/saa-study/content"
	"github.com/saa-study/saa-study/sim/say"
	"github.com/saa-study/saa-study/ui/internal/fixture"
	"github.com/saa-study/saa-study/ui/internal/uitest"
	"github.com/saa-study/saa-study/ui/keymap"
)

// consoleScreens walks one console the way a learner reads it: every field
// of the form focused, a run with the form's settings and each shipped
// scenario, every view and chart of each, scrolled to the end. It returns
// each screen's own View with its place.
func consoleScreens(t *testing.T, eng engine, lang content.Lang) map[string]string {
	t.Helper()
	con := newConsole(uitest.Common(fixture.Library(t), nil, lang, 200, 60), eng)
	h := uitest.NewHarness(t, con)
	out := map[string]string{}
	nf := len(eng.fields())
	for i := range nf {
		out["form field "+eng.fields()[i].key] = con.View()
		h.Keys("down")
	}
	scs, err := eng.scenarios()
	if err != nil {
		t.Fatal(err)
	}
	walk := func(start string) {
		if con.mode != modeResult {
			t.Fatalf("%s %s: no result", eng.id, start)
		}
		for c := range con.chartCount() {
			out[start+" chart "+string(rune('0'+c))] = con.View()
			h.Keys("m")
		}
		for r := range max(1, len(con.out.runs)) {
			for v := range con.views() {
				for p := range 4 {
					out[start+" run "+string(rune('0'+r))+" view "+con.views()[v]+" page "+string(rune('0'+p))] = con.View()
					h.Keys("pgdown")
				}
				h.Keys("tab")
			}
			h.Send(keyMsg("right"))
		}
		h.Keys("esc")
		con.menu.Cursor = 0
	}
	h.Keys("r")
	walk("form run")
	for i, sc := range scs {
		con.menu.Cursor = 0
		for range nf + 1 + i {
			h.Keys("down")
		}
		out["list at "+sc.id] = con.View()
		h.Keys("enter")
		walk(sc.id)
	}
	return out
}

// TestConsolesReadInKorean: in Korean, no screen of the Lambda, API
// Gateway, edge and RDS Proxy consoles carries an English sentence (form,
// hints, scenario lessons, explanations, events, bills, request paths,
// costs, verdicts); in English the same walk does find English, so the
// check sees what it looks for.
func TestConsolesReadInKorean(t *testing.T) {
	for _, eng := range engines() {
		t.Run(eng.id, func(t *testing.T) {
			english := 0
			for _, v := range consoleScreens(t, eng, content.EN) {
				english += len(say.English(ansi.Strip(v)))
			}
			if english == 0 {
				t.Error("the English console shows no English sentence: the check is blind")
			}
			seen := map[string]bool{}
			for where, v := range consoleScreens(t, eng, content.KO) {
				for _, line := range strings.Split(ansi.Strip(v), "\n") {
					for _, p := range say.NotKorean(line) {
						if !seen[p] {
							seen[p] = true
							t.Errorf("%s: %q in %q", where, p, strings.TrimSpace(line))
						}
					}
				}
			}
		})
	}
}

// TestConsoleHelpReadsInKorean: every key the consoles list in their help
// has a Korean description.
func TestConsoleHelpReadsInKorean(t *testing.T) {
	for _, eng := range engines() {
		con := newConsole(uitest.Common(fixture.Library(t), nil, content.KO, 100, 30), eng)
		h := uitest.NewHarness(t, con)
		check := func(where string) {
			for _, g := range keymap.LocalizeGroups(content.KO, con.FullHelp()) {
				for _, b := range g {
					if d := b.Help().Desc; !strings.ContainsFunc(d, func(r rune) bool { return r >= 0xAC00 && r <= 0xD7A3 }) {
						t.Errorf("%s %s: help %q: %q has no Korean", eng.id, where, b.Help().Key, d)
					}
				}
			}
		}
		check("form")
		h.Keys("r")
		check("result")
	}
}
